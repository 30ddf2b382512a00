//! The committee's term: expiry and postponement (ORG003) and the length of
//! the term elected (ORG005).
//!
//! Both read the committee on record (`branch.committee`) and the edition of
//! the texts in force on its `elected_on`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Cite, Emitter, RuleCode, RuleMeta, Violation, key, param};
use crate::model::{BranchKind, Committee, DateRange, Id, add_months, sub_months};
use crate::profile::renqi_from;
use crate::vocab::sources::{DANGZHANG, RENQI, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::ORG003,
        name: "committee-term-expired",
        severity: Severity::Error,
        summary: "the committee's term has expired without a new election (info 6 months before)",
        what: "The term ends `term_years` after `committee.elected_on` (the same day of the \
               month). An approved `committee.postponement` (approved on or before `as_of`) \
               moves the deadline to its `until`, but never more than \
               `organisation.postponement_max_months` (12) after the end of the term, and never \
               earlier than the end. If `as_of` is after the deadline and no later election is \
               recorded: error (saying so when the postponement exceeded the cap); if `as_of` is \
               within `organisation.term_notice_months` (6) before it, or on it: info, prepare \
               the election. The period is the day the term ends.",
        why: "Branch committees serve a fixed term and must be re-elected when it ends; a \
              postponement needs the higher organisation's approval and is, as a rule, at most \
              a year.",
        example: "Elected 2020-05-20 for 3 years: expired on 2023-05-20, ORG003 error. Postponed \
                  until 2024-03-31: error from 2024-04-01.",
        // 任期意见 item 二: "党的基层组织应严格执行任期制度，任期届满按期进行换届选举。如需
        // 延期或提前进行换届选举，应报上级党的委员会批准，延长或提前期限一般不超过1年。"
        // 选举条例 art. 3: "党的基层组织设立的委员会任期届满应当按期进行换届选举。如需延期
        // 或者提前进行换届选举，应当报上级党组织批准。延长或者提前期限一般不超过1年。"
        // (the year: `organisation.postponement_max_months`, cited from art. 3).
        source: "任期意见 (2018) 一、二 (terms, 按期换届); 选举条例 第三条 (延期不超过1年)",
        citations: &[
            cite(RENQI, "一、二"),
            param("organisation.postponement_max_months"),
            param("organisation.term_notice_months"),
        ],
        evidence: &[
            key("elected_on", "date", "the committee's election"),
            key("term_years", "integer", "the term elected, in years"),
            key("ends_on", "date", "the end of the term"),
            key(
                "postponed_until",
                "date (absent without a postponement)",
                "the `until` of the approved postponement",
            ),
            key(
                "deadline",
                "date",
                "the day the election is due: the end of the term, or the postponement's \
                 `until` capped at `organisation.postponement_max_months` after it",
            ),
            key(
                "postponement_exceeded",
                "boolean (absent unless true)",
                "the postponement runs past the cap",
            ),
            key("expired", "boolean", "`as_of` is after the deadline"),
            key(
                "days",
                "integer",
                "days from the deadline to `as_of` (negative: days left)",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::ORG005,
        name: "committee-term-length-invalid",
        severity: Severity::Warning,
        summary: "a committee elected for a term other than the 任期意见's (3 years; 5 for villages \
                  and communities)",
        what: "The committee on record (branch in being on `as_of`) was elected on or after \
               2018-07-01 with `term_years` other than `organisation.term_years` (3), or for a \
               `village` or `community` branch other than `organisation.term_years_village` (5); \
               or it was elected before 2018-07-01 for a term outside the 党章's 3 to 5 years. \
               The period is the day of the election.",
        why: "Since the 2018 意见 a branch committee serves three years, a village or community \
              one five; before it the Constitution's 3 to 5 years applied, and committees \
              elected then keep their term until it ends.",
        example: "An organ branch elected on 2023-06-15 for 5 years: ORG005 (3 years).",
        // 任期意见 item 一: "党的总支部委员会、支部委员会每届任期一般为3年，其中，村和社区党的
        // 委员会、总支部委员会、支部委员会每届任期为5年。本意见印发前已换届的党的基层组织，
        // 原则上从本届任期届满后，开始执行上述规定。" 党章 art. 31: "党的基层委员会、总支部
        // 委员会、支部委员会每届任期三年至五年。"
        source: "任期意见 (2018) 一; 党章 第三十一条 (before 2018-07)",
        citations: &[
            param("organisation.term_years"),
            param("organisation.term_years_village"),
            cite(DANGZHANG, "第三十一条"),
        ],
        evidence: &[
            key("elected_on", "date", "the committee's election"),
            key("term_years", "integer", "the term elected, in years"),
            key("min", "integer", "the least term allowed, in years"),
            key("max", "integer", "the longest term allowed, in years"),
            key(
                "kind",
                "string (branch kind)",
                "the branch's kind (`village` and `community` serve 5 years)",
            ),
        ],
        practice: false,
        since: "0.2.0",
    },
];

/// 党章 art. 31: "每届任期三年至五年" — the range for committees elected
/// before the 任期意见 (a constitutional constant, not a threshold).
const DANGZHANG_TERM: (u32, u32) = (3, 5);

pub(super) fn check(cx: &Context<'_>, c: &Committee, out: &mut Emitter<'_>) {
    let b = &cx.bundle.branch;
    let day = cx.as_of;
    let p = &cx.profile.organisation;
    let on = c.elected_on;

    if out.wants(RuleCode::ORG003) {
        let ends_on = add_months(c.elected_on, c.term_years.saturating_mul(12));
        let cap = add_months(ends_on, *p.postponement_max_months.at(on));
        // A postponement approved by as_of (a later one has not happened: DAT003).
        let post = c.postponement.as_ref().filter(|x| x.approved_on <= day);
        let (deadline, exceeded) = match post {
            Some(x) => {
                let until = x.until.max(ends_on);
                if until > cap {
                    (cap, true)
                } else {
                    (until, false)
                }
            }
            None => (ends_on, false),
        };
        let notice_from = sub_months(deadline, *p.term_notice_months.at(on));
        // From the notice date on (it is never after the deadline, so a
        // term past its deadline is in it too).
        if day >= notice_from {
            out.report(Org003 {
                branch: b.id.clone(),
                elected_on: c.elected_on,
                term_years: c.term_years,
                ends_on,
                postponed_until: post.map(|x| x.until),
                deadline,
                postponement_exceeded: exceeded,
                cap_months: *p.postponement_max_months.at(on),
                expired: day > deadline,
                days: (day - deadline).num_days(),
            });
        }
    }

    if out.wants(RuleCode::ORG005) {
        let village = matches!(b.kind, BranchKind::Village | BranchKind::Community);
        let after = on >= renqi_from();
        let (min, max) = if !after {
            DANGZHANG_TERM
        } else if village {
            let t = *p.term_years_village.at(on);
            (t, t)
        } else {
            let t = *p.term_years.at(on);
            (t, t)
        };
        if c.term_years < min || c.term_years > max {
            out.report(Org005 {
                branch: b.id.clone(),
                elected_on: on,
                term_years: c.term_years,
                min,
                max,
                kind: b.kind,
                after,
                village,
            });
        }
    }
}

// ---------------------------------------------------------------------------
// Violations

#[derive(Serialize)]
struct Org003 {
    #[serde(skip)]
    branch: Id,
    elected_on: NaiveDate,
    term_years: u32,
    ends_on: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    postponed_until: Option<NaiveDate>,
    deadline: NaiveDate,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    postponement_exceeded: bool,
    #[serde(skip)]
    cap_months: u32,
    expired: bool,
    /// Days past the deadline (negative: days left).
    days: i64,
}

/// What ORG003 cites: the 意见 and the postponement cap (an expired term or
/// a postponement), or the 意见 and the notice (prepare the election).
const ORG003_EXPIRED: &[Cite] = &[
    cite(RENQI, "一、二"),
    param("organisation.postponement_max_months"),
];
const ORG003_NOTICE: &[Cite] = &[
    cite(RENQI, "一、二"),
    param("organisation.term_notice_months"),
];

impl Violation for Org003 {
    const CODE: RuleCode = RuleCode::ORG003;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.ends_on))
    }
    fn date(&self) -> Option<NaiveDate> {
        Some(self.elected_on)
    }
    fn severity(&self) -> Option<Severity> {
        (!self.expired).then_some(Severity::Info)
    }
    fn cites(&self) -> Option<&'static [Cite]> {
        if self.expired || self.postponed_until.is_some() {
            Some(ORG003_EXPIRED)
        } else {
            Some(ORG003_NOTICE)
        }
    }
    fn message(&self) -> Message {
        let (zh_post, en_post) = match self.postponed_until {
            Some(u) if self.postponement_exceeded => (
                format!(
                    "，经批准延期至{u}，但延期超过{}个月（一般不超过1年），应于{}前换届",
                    self.cap_months, self.deadline
                ),
                format!(
                    "; the approved postponement until {u} exceeds {} months (as a rule at most a \
                     year), so the election was due by {}",
                    self.cap_months, self.deadline
                ),
            ),
            Some(u) => (
                format!("，经批准延期至{u}"),
                format!("; postponed with approval until {u}"),
            ),
            None => (String::new(), String::new()),
        };
        if self.expired {
            Message::new(
                format!(
                    "支部委员会{}选举产生，任期{}年，于{}届满{zh_post}，已逾期{}天未换届",
                    self.elected_on, self.term_years, self.ends_on, self.days
                ),
                format!(
                    "the committee elected on {} for {} years reached the end of its term on {}{en_post}; \
                     {} days past the deadline it has not been re-elected",
                    self.elected_on, self.term_years, self.ends_on, self.days
                ),
            )
        } else {
            Message::new(
                format!(
                    "支部委员会任期于{}届满{zh_post}，应于{}前换届（还有{}天），应做好换届选举准备",
                    self.ends_on, self.deadline, -self.days
                ),
                format!(
                    "the committee's term ends on {}{en_post}; the election is due by {} (in {} \
                     days): prepare it",
                    self.ends_on, self.deadline, -self.days
                ),
            )
        }
    }
}

#[derive(Serialize)]
struct Org005 {
    #[serde(skip)]
    branch: Id,
    elected_on: NaiveDate,
    term_years: u32,
    min: u32,
    max: u32,
    kind: BranchKind,
    #[serde(skip)]
    after: bool,
    #[serde(skip)]
    village: bool,
}

impl Violation for Org005 {
    const CODE: RuleCode = RuleCode::ORG005;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.elected_on))
    }
    fn cites(&self) -> Option<&'static [Cite]> {
        const VILLAGE: &[Cite] = &[param("organisation.term_years_village")];
        const BRANCH: &[Cite] = &[param("organisation.term_years")];
        const BEFORE: &[Cite] = &[cite(DANGZHANG, "第三十一条")];
        Some(match (self.after, self.village) {
            (false, _) => BEFORE,
            (true, true) => VILLAGE,
            (true, false) => BRANCH,
        })
    }
    fn message(&self) -> Message {
        let (zh_rule, en_rule) = if !self.after {
            (
                format!("党章规定每届任期{}至{}年", self.min, self.max),
                format!("the Constitution sets {} to {} years", self.min, self.max),
            )
        } else if self.village {
            (
                format!("村、社区党组织每届任期为{}年", self.min),
                format!("a village or community committee serves {} years", self.min),
            )
        } else {
            (
                format!("支部委员会每届任期一般为{}年", self.min),
                format!("a branch committee serves {} years", self.min),
            )
        };
        Message::new(
            format!(
                "支部委员会{}选举产生，任期{}年，与规定不符（{zh_rule}）",
                self.elected_on, self.term_years
            ),
            format!(
                "the committee elected on {} has a term of {} years ({en_rule})",
                self.elected_on, self.term_years
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::d;
    use crate::{Auditor, Profile};

    /// ORG003 cites the parameters in the edition in force when the
    /// committee was elected, not on as_of.
    #[test]
    fn org003_cites_the_edition_of_the_election_day() {
        let profile = Profile::from_toml_str(
            r#"format = "dangjian-profile/1"
name = "editions"
extends = "central"
[params]
"organisation.term_notice_months" = { value = 6, source = "旧文件 第一条", editions = [
    { from = 2020-01-01, value = 6, source = "中文件 第二条" },
    { from = 2024-01-01, value = 6, source = "新文件 第三条" },
] }
"#,
        )
        .unwrap();
        let b = crate::load::bundle_from_json(
            r#"{"branch":{"id":"B1","name":"一支部","kind":"organ","founded_on":"2010-01-01",
                "committee":{"elected_on":"2022-06-15","term_years":3,
                  "members":[{"member":"M1","role":"secretary"}]}},
                "members":[{"id":"M1","name":"甲","status":"full","admitted_on":"2010-06-01","dues_category":"salaried"}]}"#,
        )
        .unwrap();
        let found = Auditor::new(d("2025-03-01"))
            .profile(profile)
            .select("ORG003".parse().unwrap())
            .check(&b);
        assert_eq!(found.len(), 1, "{found:?}");
        let docs: Vec<&str> = found[0]
            .citations
            .iter()
            .filter(|c| c.param.as_deref() == Some("organisation.term_notice_months"))
            .map(|c| c.document.as_ref())
            .collect();
        assert_eq!(docs, ["中文件"]);
    }
}
