//! The activist stage: contacts (DEV005), assessments (DEV006) and the year as an activist (DEV007).

use chrono::NaiveDate;
use serde::Serialize;

use super::{INVALID, PersonIssue, WHO, Who, days_en, distinct, issues_en, issues_zh, span};
use crate::development::{DevelopmentFile, full_on};
use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key, param};
use crate::model::{DateRange, DevelopmentRecord, Id, Step, add_months};
use crate::profile::XizeEdition;
use crate::vocab::{Message, Severity, Subject};

pub(super) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DEV005,
        name: "contacts-invalid",
        severity: Severity::Error,
        summary: "not one or two contacts, or a contact who is not a full member of the branch",
        what: "A `contacts_assigned` record names fewer or more distinct members than \
               `development.contacts` (1–2), or a contact who on that date was not a member of \
               the branch or not yet a full member (probationary). Ids the bundle lacks are left \
               to DAT001.",
        why: "The branch must appoint one or two full members to guide and observe an activist.",
        example: "Three contacts, or a probationary member as contact.",
        source: "细则 第九条 (2014 and 2026)",
        // 细则 art. 9 (2014 and 2026): "党组织应当指定一至两名正式党员作入党积极
        // 分子的培养联系人" — the source of `development.contacts`.
        citations: &[param("development.contacts")],
        evidence: &[
            WHO,
            key("date", "date", "the date of `contacts_assigned`"),
            key("contacts", "[member id]", "the contacts named (distinct)"),
            key("count", "integer", "how many"),
            key(
                "min",
                "integer",
                "the least number (`development.contacts`)",
            ),
            key("max", "integer", "the most number"),
            INVALID,
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV006,
        name: "activist-assessment-gap",
        severity: Severity::Warning,
        summary: "more than 6 months without an assessment of an activist",
        what: "Between `activist_confirmed`, each `activist_assessed` and `candidate_confirmed` \
               (or `as_of`, while the candidate is still an activist), a gap longer than \
               `development.assessment_interval_months` (6) calendar months: the later date is \
               after the earlier + 6 months (clamped). One finding per gap.",
        why: "An activist is assessed every half year; the assessments are what the decision to \
              make them a candidate for development rests on.",
        example: "Confirmed 2024-12-02, assessed 2025-05-30, nothing since as of 2025-12-31.",
        source: "细则 第十一条 (2014 and 2026)",
        // 细则 art. 11 (2014 and 2026): "党支部每半年对入党积极分子进行一次考察" —
        // the source of `development.assessment_interval_months`.
        citations: &[param("development.assessment_interval_months")],
        evidence: &[
            WHO,
            key(
                "from",
                "date",
                "the start of the gap: `activist_confirmed` or an assessment",
            ),
            key(
                "to",
                "date",
                "its end: the next assessment, `candidate_confirmed` or `as_of`",
            ),
            key("due", "date", "the day the next assessment was due"),
            key(
                "months",
                "integer",
                "the interval (`development.assessment_interval_months`)",
            ),
            key(
                "until_as_of",
                "boolean",
                "whether the gap is still open at `as_of`",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV007,
        name: "activist-period-too-short",
        severity: Severity::Error,
        summary: "confirmed as a candidate less than a year after becoming an activist",
        what: "`candidate_confirmed` is earlier than `activist_confirmed` + \
               `development.activist_min_months` (12) months. Exactly one year is enough. \
               Under the 2026 edition the year precedes the branch committee's proposal with \
               the higher committee's consent (art. 13: \"对经过一年以上培养教育和考察……党支部委员会\
               会议研究讨论并报上级党委同意拟列为发展对象的\"), so `candidate_filed` ends the period \
               when it is recorded before the confirmation and dated under that edition.",
        why: "An activist must be trained and observed for more than a year (一年以上) before \
              becoming a candidate for development.",
        example: "Activist 2024-09-10, candidate 2025-08-20.",
        source: "细则 第十三条 (2014 and 2026)",
        // 细则 art. 13 (2014 and 2026): "对经过一年以上培养教育和考察、基本具备党员
        // 条件的入党积极分子" — the source of `development.activist_min_months`.
        citations: &[param("development.activist_min_months")],
        evidence: &[
            WHO,
            key(
                "activist_confirmed",
                "date",
                "the date of `activist_confirmed`",
            ),
            key(
                "candidate_confirmed",
                "date",
                "the date the activist period ended (the step in `ended_by`)",
            ),
            key(
                "ended_by",
                "string (step)",
                "`candidate_confirmed`, or `candidate_filed` under the 2026 edition",
            ),
            key("earliest", "date", "the earliest day allowed"),
            key("days_short", "integer", "days before the earliest day"),
        ],
        practice: false,
        since: "0.1.0",
    },
];

pub(super) fn check(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    // DEV005
    for r in f.all(Step::ContactsAssigned) {
        let ids = distinct(r.members.as_deref().unwrap_or(&[]));
        let (min, max) = p.contacts.at(r.date);
        let count = ids.len() as u32;
        let mut invalid = Vec::new();
        for id in &ids {
            if let Some(m) = cx.member(id.as_str()) {
                let reason = if !cx.in_branch_on(m, r.date) {
                    Some("not_in_branch")
                } else if !full_on(m, r.date) {
                    Some("not_full_member")
                } else {
                    None
                };
                if let Some(reason) = reason {
                    invalid.push(PersonIssue {
                        member: (*id).clone(),
                        on: r.date,
                        reason,
                    });
                }
            }
        }
        if count < *min || count > *max || !invalid.is_empty() {
            out.report(Dev005 {
                who: who.clone(),
                date: r.date,
                contacts: ids.into_iter().cloned().collect(),
                count,
                min: *min,
                max: *max,
                invalid,
            });
        }
    }

    // DEV006
    if out.wants(RuleCode::DEV006) {
        assessment_gaps(cx, f, who, out);
    }

    // DEV007
    if let (Some(a), Some(c)) = (f.first(Step::ActivistConfirmed), activist_period_end(f)) {
        let earliest = add_months(a.date, *p.activist_min_months.at(c.date));
        if c.date < earliest {
            out.report(Dev007 {
                who: who.clone(),
                activist_confirmed: a.date,
                candidate_confirmed: c.date,
                ended_by: c.step,
                earliest,
                days_short: (earliest - c.date).num_days(),
            });
        }
    }
}

/// The step that ends the year as an activist: `candidate_confirmed`; under
/// the 2026 edition (on its date) a `candidate_filed` (上级党委同意) recorded
/// before it, since the 2026 art. 13 puts the year before the proposal.
fn activist_period_end<'a>(f: &DevelopmentFile<'a>) -> Option<&'a DevelopmentRecord> {
    let confirmed = f.first(Step::CandidateConfirmed);
    let filed = f
        .first(Step::CandidateFiled)
        .filter(|r| f.edition_on(r.date) == XizeEdition::Y2026)
        .filter(|r| confirmed.is_none_or(|c| r.date <= c.date));
    filed.or(confirmed)
}

/// DEV006: gaps between the activist's assessments.
fn assessment_gaps(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    if !f.reached(Step::ActivistConfirmed) {
        return;
    }
    let n = &cx.profile.development.assessment_interval_months;
    let end = match f.first(Step::CandidateConfirmed) {
        Some(c) => Some((c.date, false)),
        // Past the activist phase without a recorded confirmation: DEV003;
        // the end of the phase is unknown.
        None if f.reached(Step::CandidateConfirmed) => None,
        None => Some((cx.as_of, true)),
    };
    let start = f.first(Step::ActivistConfirmed).map(|r| r.date);
    let mut points: Vec<NaiveDate> = start.into_iter().collect();
    points.extend(
        f.all(Step::ActivistAssessed)
            .map(|r| r.date)
            .filter(|d| start.is_none_or(|s| *d >= s))
            .filter(|d| end.is_none_or(|(e, _)| *d <= e)),
    );
    if let Some((e, _)) = end {
        if !points.is_empty() {
            points.push(e);
        }
    }
    for w in points.windows(2) {
        let (a, b) = match w {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let months = *n.at(a);
        let due = add_months(a, months);
        if b > due {
            let open = end.is_some_and(|(e, open)| open && e == b);
            out.report(Dev006 {
                who: who.clone(),
                from: a,
                to: b,
                due,
                months,
                until_as_of: open,
            });
        }
    }
}
#[derive(Serialize)]
struct Dev005 {
    #[serde(flatten)]
    who: Who,
    date: NaiveDate,
    contacts: Vec<Id>,
    count: u32,
    min: u32,
    max: u32,
    invalid: Vec<PersonIssue>,
}

impl Violation for Dev005 {
    const CODE: RuleCode = RuleCode::DEV005;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.count < self.min || self.count > self.max {
            zh.push(format!(
                "指定了{}名培养联系人（应为{}至{}名）",
                self.count, self.min, self.max
            ));
            en.push(format!(
                "{} contacts assigned (must be {} to {})",
                self.count, self.min, self.max
            ));
        }
        if !self.invalid.is_empty() {
            zh.push(format!("培养联系人{}", issues_zh(&self.invalid)));
            en.push(format!("contact {}", issues_en(&self.invalid)));
        }
        Message::new(
            format!("{}于{}{}", self.who.zh(), self.date, zh.join("；")),
            format!("{} on {}: {}", self.who.en(), self.date, en.join("; ")),
        )
    }
}

#[derive(Serialize)]
struct Dev006 {
    #[serde(flatten)]
    who: Who,
    from: NaiveDate,
    to: NaiveDate,
    due: NaiveDate,
    months: u32,
    until_as_of: bool,
}

impl Violation for Dev006 {
    const CODE: RuleCode = RuleCode::DEV006;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.from, self.to)
    }
    fn open_ended(&self) -> bool {
        self.until_as_of
    }
    fn message(&self) -> Message {
        if self.until_as_of {
            Message::new(
                format!(
                    "入党积极分子{}自{}后未再进行培养教育考察，应于{}前考察（每{}个月一次），截至{}已逾期",
                    self.who.zh(),
                    self.from,
                    self.due,
                    self.months,
                    self.to
                ),
                format!(
                    "activist {} not assessed since {}: due by {} (every {} months), overdue on {}",
                    self.who.en(),
                    self.from,
                    self.due,
                    self.months,
                    self.to
                ),
            )
        } else {
            Message::new(
                format!(
                    "入党积极分子{}在{}至{}之间超过{}个月未进行考察（应于{}前）",
                    self.who.zh(),
                    self.from,
                    self.to,
                    self.months,
                    self.due
                ),
                format!(
                    "activist {} went more than {} months without assessment between {} and {} (due by {})",
                    self.who.en(),
                    self.months,
                    self.from,
                    self.to,
                    self.due
                ),
            )
        }
    }
}

#[derive(Serialize)]
struct Dev007 {
    #[serde(flatten)]
    who: Who,
    activist_confirmed: NaiveDate,
    candidate_confirmed: NaiveDate,
    ended_by: Step,
    earliest: NaiveDate,
    days_short: i64,
}

impl Violation for Dev007 {
    const CODE: RuleCode = RuleCode::DEV007;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.activist_confirmed, self.candidate_confirmed)
    }
    /// The step checked: the end of the activist period.
    fn date(&self) -> Option<NaiveDate> {
        Some(self.candidate_confirmed)
    }
    fn message(&self) -> Message {
        let (zh, en) = if self.ended_by == Step::CandidateFiled {
            (
                "即报上级党委同意拟列为发展对象",
                "was proposed as a candidate (higher committee's consent)",
            )
        } else {
            ("即确定为发展对象", "became a candidate")
        };
        Message::new(
            format!(
                "{}于{}确定为入党积极分子，{}{zh}，培养考察不满一年（最早应为{}，差{}天）",
                self.who.zh(),
                self.activist_confirmed,
                self.candidate_confirmed,
                self.earliest,
                self.days_short
            ),
            format!(
                "{} became an activist on {} and {en} on {}, less than a year later \
                 (earliest {}, {} short)",
                self.who.en(),
                self.activist_confirmed,
                self.candidate_confirmed,
                self.earliest,
                days_en(self.days_short)
            ),
        )
    }
}
