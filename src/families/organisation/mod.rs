//! Branch-organisation rules (组织建设): ORG001–ORG004.
//!
//! These are state rules: they look at the branch as it stands on `as_of`
//! (members in the branch that day, the committee on record), whatever the
//! audit period. A branch dissolved before `as_of`, or founded after it, is not
//! checked. Counting members: a **full member** has `status: "full"` (and, when
//! `full_on` is given, reached it by `as_of`); each member id counts once.

use chrono::NaiveDate;
use serde::Serialize;

use crate::audit::context::Context;
use crate::audit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::model::{CommitteeRole, DateRange, Id, MemberStatus, add_months, sub_months};
use crate::profile::sources::{DANGZHANG, XUANJU, ZHIBU, cite};
use crate::report::{Message, Severity, Subject};

/// The organisation rules' metadata.
/// The family's rules' metadata.
pub(crate) static RULES: &[&[RuleMeta]] = &[META];

static META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::ORG001,
        name: "committee-required",
        severity: Severity::Error,
        summary: "7 or more full members and no 支部委员会",
        what: "On `as_of` the branch has `organisation.committee_required_from` (7) or more full \
               members and no `committee`.",
        why: "A branch with seven or more full members must elect a branch committee; below \
              seven it elects a secretary (and, if needed, a deputy) only.",
        example: "B03 has 9 full members and only a secretary: ORG001.",
        source: "支部工作条例 第六章 (有正式党员7人以上的党支部，应当设立党支部委员会)",
        citations: &[cite(ZHIBU, "第六章")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::ORG002,
        name: "committee-size-invalid",
        severity: Severity::Warning,
        summary: "a committee outside 3–7 members, or no secretary",
        what: "The `committee` has fewer than 3 or more than 7 (`organisation.committee_size`) \
               distinct members in the branch on `as_of`, or no seat with the role `secretary`; \
               or a branch without a committee has no `secretary` either.",
        why: "A branch committee has 3 to 5 members, as a rule no more than 7, and a secretary; a \
              branch without a committee has a secretary.",
        example: "A committee of 8: ORG002.",
        source: "支部工作条例 第六章 (支部委员会由3至5人组成，一般不超过7人)",
        citations: &[cite(ZHIBU, "第六章")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::ORG003,
        name: "committee-term-expired",
        severity: Severity::Error,
        summary: "the committee's term has expired without a new election (info 6 months before)",
        what: "The term ends `term_years` after `committee.elected_on` (the same day of the \
               month). If `as_of` is after that day and no later election is recorded, error; if \
               `as_of` is within `organisation.term_notice_months` (6) before it, or on it, info: \
               prepare the election. The period is the day the term ends.",
        why: "Branch committees serve a fixed term and must be re-elected when it ends; a \
              postponement needs the higher committee's approval.",
        example: "Elected 2020-05-20 for 3 years: expired on 2023-05-20, ORG003 error.",
        source: "党章 第三十一条; 支部工作条例 第六章; 基层组织选举工作条例",
        citations: &[
            cite(DANGZHANG, "第三十一条"),
            cite(ZHIBU, "第六章"),
            cite(XUANJU, "任期届满应当按期进行换届选举"),
        ],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::ORG004,
        name: "branch-size-unusual",
        severity: Severity::Info,
        summary: "fewer than 3 full members, or more than 50 members",
        what: "On `as_of` the branch has fewer than `organisation.branch_min_full` (3) full \
               members, or more than `organisation.branch_max_members` (50) members.",
        why: "A branch is set up where there are three or more full members (fewer: a joint \
              branch), and has as a rule no more than 50 members (more: a general branch).",
        example: "A branch of 2 full members and 1 probationary: ORG004.",
        source: "支部工作条例 第四条、第五条",
        citations: &[cite(ZHIBU, "第四条"), cite(ZHIBU, "第五条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
];

const CODES: &[RuleCode] = &[
    RuleCode::ORG001,
    RuleCode::ORG002,
    RuleCode::ORG003,
    RuleCode::ORG004,
];

/// Runs the organisation rules over the branch.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants_any(CODES) {
        return;
    }
    let day = cx.as_of;
    if !cx.branch_span().contains(day) {
        return;
    }
    let b = cx.bundle;
    let p = &cx.profile.organisation;
    let id = &b.branch.id;

    let mut members = 0u32;
    let mut full = 0u32;
    for (pos, m) in b.members.iter().enumerate() {
        if !cx.index.is_first_member(pos) || !cx.in_branch_on(m, day) {
            continue;
        }
        members += 1;
        if m.status == MemberStatus::Full && m.full_on.is_none_or(|f| f <= day) {
            full += 1;
        }
    }

    match &b.branch.committee {
        None => {
            if full >= *p.committee_required_from.value() {
                out.report(Org001 {
                    branch: id.clone(),
                    day,
                    full_members: full,
                    required_from: *p.committee_required_from.value(),
                    secretary: b.branch.secretary.clone(),
                });
            }
            if b.branch.secretary.is_none() {
                out.report(Org002 {
                    branch: id.clone(),
                    day,
                    committee: false,
                    size: 0,
                    min: p.committee_size.value().0,
                    max: p.committee_size.value().1,
                    secretary: false,
                    not_in_branch: Vec::new(),
                });
            }
        }
        Some(c) => {
            let mut seated: Vec<&Id> = Vec::new();
            let mut not_in_branch: Vec<Id> = Vec::new();
            for s in &c.members {
                if seated.contains(&&s.member) || not_in_branch.contains(&s.member) {
                    continue;
                }
                match cx.member(s.member.as_str()) {
                    Some(m) if cx.in_branch_on(m, day) => seated.push(&s.member),
                    _ => not_in_branch.push(s.member.clone()),
                }
            }
            let size = seated.len() as u32;
            let (min, max) = p.committee_size.value();
            let secretary = c
                .members
                .iter()
                .any(|s| s.role == CommitteeRole::Secretary && seated.contains(&&s.member));
            if size < *min || size > *max || !secretary {
                out.report(Org002 {
                    branch: id.clone(),
                    day,
                    committee: true,
                    size,
                    min: *min,
                    max: *max,
                    secretary,
                    not_in_branch,
                });
            }

            let years = c.term_years.saturating_mul(12);
            let ends_on = add_months(c.elected_on, years);
            let notice_from = sub_months(ends_on, *p.term_notice_months.value());
            if day > ends_on || day >= notice_from {
                out.report(Org003 {
                    branch: id.clone(),
                    elected_on: c.elected_on,
                    term_years: c.term_years,
                    ends_on,
                    expired: day > ends_on,
                    days: (day - ends_on).num_days(),
                });
            }
        }
    }

    if full < *p.branch_min_full.value() || members > *p.branch_max_members.value() {
        out.report(Org004 {
            branch: id.clone(),
            day,
            full_members: full,
            members,
            min_full: *p.branch_min_full.value(),
            max_members: *p.branch_max_members.value(),
        });
    }
}

// ---------------------------------------------------------------------------
// Violations

#[derive(Serialize)]
struct Org001 {
    #[serde(skip)]
    branch: Id,
    #[serde(skip)]
    day: NaiveDate,
    full_members: u32,
    required_from: u32,
    secretary: Option<Id>,
}

impl Violation for Org001 {
    const CODE: RuleCode = RuleCode::ORG001;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.day))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "支部有正式党员{}名（{}名以上应设立支部委员会），未设立支部委员会",
                self.full_members, self.required_from
            ),
            format!(
                "the branch has {} full members ({} or more need a branch committee) and no committee",
                self.full_members, self.required_from
            ),
        )
    }
}

#[derive(Serialize)]
struct Org002 {
    #[serde(skip)]
    branch: Id,
    #[serde(skip)]
    day: NaiveDate,
    committee: bool,
    size: u32,
    min: u32,
    max: u32,
    secretary: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_in_branch: Vec<Id>,
}

impl Violation for Org002 {
    const CODE: RuleCode = RuleCode::ORG002;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.day))
    }
    fn message(&self) -> Message {
        if !self.committee {
            return Message::new(
                "支部未设立支部委员会，也未记录支部书记",
                "the branch has neither a committee nor a secretary on record",
            );
        }
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.size < self.min || self.size > self.max {
            zh.push(format!(
                "支部委员会现有委员{}名（应为{}至{}名）",
                self.size, self.min, self.max
            ));
            en.push(format!(
                "the committee has {} members (should be {} to {})",
                self.size, self.min, self.max
            ));
        }
        if !self.secretary {
            zh.push("支部委员会未设书记".to_owned());
            en.push("the committee has no secretary".to_owned());
        }
        Message::new(zh.join("；"), en.join("; "))
    }
}

#[derive(Serialize)]
struct Org003 {
    #[serde(skip)]
    branch: Id,
    elected_on: NaiveDate,
    term_years: u32,
    ends_on: NaiveDate,
    expired: bool,
    /// Days past the end (negative: days left).
    days: i64,
}

impl Violation for Org003 {
    const CODE: RuleCode = RuleCode::ORG003;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.ends_on))
    }
    fn severity(&self) -> Option<Severity> {
        (!self.expired).then_some(Severity::Info)
    }
    fn message(&self) -> Message {
        if self.expired {
            Message::new(
                format!(
                    "支部委员会{}选举产生，任期{}年，已于{}届满{}天，未按期换届",
                    self.elected_on, self.term_years, self.ends_on, self.days
                ),
                format!(
                    "the committee elected on {} for {} years reached the end of its term on {}, {} days ago, and has not been re-elected",
                    self.elected_on, self.term_years, self.ends_on, self.days
                ),
            )
        } else {
            Message::new(
                format!(
                    "支部委员会任期将于{}届满（还有{}天），应做好换届选举准备",
                    self.ends_on, -self.days
                ),
                format!(
                    "the committee's term ends on {} (in {} days); prepare the election",
                    self.ends_on, -self.days
                ),
            )
        }
    }
}

#[derive(Serialize)]
struct Org004 {
    #[serde(skip)]
    branch: Id,
    #[serde(skip)]
    day: NaiveDate,
    full_members: u32,
    members: u32,
    min_full: u32,
    max_members: u32,
}

impl Violation for Org004 {
    const CODE: RuleCode = RuleCode::ORG004;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.day))
    }
    fn message(&self) -> Message {
        if self.full_members < self.min_full {
            Message::new(
                format!(
                    "支部正式党员仅{}名（不足{}名的一般应成立联合党支部）",
                    self.full_members, self.min_full
                ),
                format!(
                    "the branch has only {} full members (fewer than {}: usually a joint branch)",
                    self.full_members, self.min_full
                ),
            )
        } else {
            Message::new(
                format!(
                    "支部党员{}名，超过{}名（一般应成立党总支）",
                    self.members, self.max_members
                ),
                format!(
                    "the branch has {} members, more than {} (usually a general branch)",
                    self.members, self.max_members
                ),
            )
        }
    }
}
