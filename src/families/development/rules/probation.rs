//! Probation and conversion: the oath (DEV016), the conversion meeting (DEV017, DEV018), extensions (DEV019) and archiving (DEV020).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Who, days_en, ordinal, span};
use crate::audit::context::Context;
use crate::audit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::development::{DevelopmentFile, Probation, conversion_outcome};
use crate::model::{ConversionOutcome, DateRange, Step, add_months};
use crate::profile::sources::{DANGZHANG, XIZE, cite};
use crate::report::{Citation, Message, Severity, Subject};

pub(super) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DEV016,
        name: "oath-missing",
        severity: Severity::Warning,
        summary: "the probation ended with no oath taken",
        what: "The probation (1 year from the `admission_meeting`, with any extension) has ended \
               by `as_of` and no `oath` is recorded.",
        why: "A probationary member takes the oath before the Party flag, normally soon after \
              approval; it cannot be left out.",
        example: "Admitted 2024-07-05, probation ended 2025-07-05, no oath recorded.",
        source: "党章 第六条; 细则 第二十九条",
        citations: &[cite(DANGZHANG, "第六条"), cite(XIZE, "第二十九条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV017,
        name: "conversion-overdue",
        severity: Severity::Warning,
        summary: "the probation ended more than a month ago and conversion was not discussed",
        what: "The probation (1 year from the `admission_meeting`, plus any extension) ended and \
               `as_of` is more than `development.conversion_grace_months` (1) month after the \
               end, with no `conversion_meeting` deciding to convert or cancel (after an \
               extension: none since). Not reported when the conversion approval or archiving \
               is recorded (a missing meeting is then DEV003). The one-month grace is local \
               practice (the 细则 says 及时, in time); the evidence cites it.",
        why: "When the probation ends, the branch must discuss the conversion in time (及时讨论); \
              a probationary member left waiting has neither full rights nor a decision.",
        example: "Admitted 2024-09-20, probation ended 2025-09-20, no conversion meeting by \
                  2025-12-31.",
        source: "党章 第七条; 细则 第三十三条",
        citations: &[cite(DANGZHANG, "第七条"), cite(XIZE, "第三十三条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV018,
        name: "conversion-early",
        severity: Severity::Error,
        summary: "the conversion meeting was held before the probation ended",
        what: "A `conversion_meeting` deciding `convert` or `extend` is dated before the end of \
               the probation in force then: 1 year from the `admission_meeting`, plus the \
               extensions decided before it. The anniversary itself is on time.",
        why: "Probationary members cannot be converted early; the probation is a full year.",
        example: "Admitted 2024-11-20, converted 2025-11-19: one day early.",
        source: "党章 第七条",
        citations: &[cite(DANGZHANG, "第七条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV019,
        name: "probation-extension-invalid",
        severity: Severity::Error,
        summary: "a probation extension not of 6 to 12 months, or a second extension",
        what: "A `conversion_meeting` with outcome `extend` whose `extend_months` is missing or \
               outside `development.extension_months` (6–12), or that extends a probation \
               already extended once.",
        why: "A probation may be extended once, by no less than half a year and no more than a \
              year.",
        example: "An extension of 5 months, or of 13.",
        source: "党章 第七条; 细则 第三十二条",
        citations: &[cite(DANGZHANG, "第七条"), cite(XIZE, "第三十二条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV020,
        name: "materials-not-archived",
        severity: Severity::Info,
        summary: "conversion approved more than a month ago and the materials not archived",
        what: "The conversion (or cancellation) was approved more than \
               `development.archive_grace_months` (1) month before `as_of` and no `archived` \
               is recorded. The one-month grace is local practice (the 细则 says 及时); the \
               evidence cites it.",
        why: "The application, the 入党志愿书, the political review and the assessment records \
              go into the member's personnel file once they are converted.",
        example: "Conversion approved 2025-10-20, nothing archived by 2025-12-31.",
        source: "细则 第三十七条",
        citations: &[cite(XIZE, "第三十七条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
];

pub(super) fn check(
    cx: &Context<'_>,
    f: &DevelopmentFile<'_>,
    prob: &Probation,
    who: &Who,
    out: &mut Emitter<'_>,
) {
    let p = &cx.profile.development;
    let extended: u32 = prob
        .extensions
        .iter()
        .map(|(_, n)| n.unwrap_or(0))
        .fold(0, u32::saturating_add);

    // DEV016
    if cx.as_of >= prob.end && !f.has(Step::Oath) {
        out.report(Dev016 {
            who: who.clone(),
            probation_start: prob.start,
            probation_end: prob.end,
        });
    }

    // DEV017
    let overdue_after = add_months(prob.end, *p.conversion_grace_months.value());
    if prob.decided.is_none()
        && cx.as_of > overdue_after
        && !f.all(Step::ConversionApproved).any(|a| a.date >= prob.end)
        && !f.has(Step::Archived)
    {
        out.report(Dev017 {
            who: who.clone(),
            probation_start: prob.start,
            probation_end: prob.end,
            extended_months: extended,
            meeting_by: overdue_after,
            days_overdue: (cx.as_of - overdue_after).num_days(),
            grace_months: *p.conversion_grace_months.value(),
            grace_source: p.conversion_grace_months.source().clone(),
        });
    }

    // DEV018, DEV019
    let months = p.probation_months.value();
    let (min_ext, max_ext) = p.extension_months.value();
    let mut extra = 0u32;
    let mut extensions_before = 0u32;
    for m in f
        .all(Step::ConversionMeeting)
        .filter(|m| m.date >= prob.start)
    {
        let outcome = conversion_outcome(m);
        let end = add_months(prob.start, months.saturating_add(extra));
        if outcome != ConversionOutcome::Cancel && m.date < end {
            out.report(Dev018 {
                who: who.clone(),
                meeting_date: m.date,
                outcome,
                probation_start: prob.start,
                probation_end: end,
                days_early: (end - m.date).num_days(),
            });
        }
        if outcome == ConversionOutcome::Extend {
            let bad_length = m.extend_months.is_none_or(|n| n < *min_ext || n > *max_ext);
            let twice = extensions_before >= 1;
            if bad_length || twice {
                out.report(Dev019 {
                    who: who.clone(),
                    meeting_date: m.date,
                    extend_months: m.extend_months,
                    min_months: *min_ext,
                    max_months: *max_ext,
                    extension_number: extensions_before + 1,
                    bad_length,
                    twice,
                });
            }
            extensions_before += 1;
            extra = extra.saturating_add(m.extend_months.unwrap_or(0));
        }
    }
}

pub(super) fn archive(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    // DEV020
    if let Some(a) = f.final_approval() {
        let grace_end = add_months(a.date, *p.archive_grace_months.value());
        if cx.as_of > grace_end && !f.has(Step::Archived) {
            out.report(Dev020 {
                who: who.clone(),
                approved: a.date,
                archive_by: grace_end,
                as_of: cx.as_of,
                days_late: (cx.as_of - grace_end).num_days(),
                grace_months: *p.archive_grace_months.value(),
                grace_source: p.archive_grace_months.source().clone(),
            });
        }
    }
}

#[derive(Serialize)]
struct Dev016 {
    #[serde(flatten)]
    who: Who,
    probation_start: NaiveDate,
    probation_end: NaiveDate,
}

impl Violation for Dev016 {
    const CODE: RuleCode = RuleCode::DEV016;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.probation_start, self.probation_end)
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "预备党员{}的预备期（{}至{}）已满，未记录入党宣誓",
                self.who.zh(),
                self.probation_start,
                self.probation_end
            ),
            format!(
                "the probation of {} ({} to {}) has ended and no oath is recorded",
                self.who.en(),
                self.probation_start,
                self.probation_end
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev017 {
    #[serde(flatten)]
    who: Who,
    probation_start: NaiveDate,
    probation_end: NaiveDate,
    extended_months: u32,
    meeting_by: NaiveDate,
    days_overdue: i64,
    grace_months: u32,
    /// Where the grace comes from (practice: the 细则 says 及时).
    grace_source: Citation,
}

impl Violation for Dev017 {
    const CODE: RuleCode = RuleCode::DEV017;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.probation_end, self.meeting_by)
    }
    fn message(&self) -> Message {
        let (ext_zh, ext_en) = if self.extended_months > 0 {
            (
                format!("（含延长{}个月）", self.extended_months),
                format!(" (extended by {} months)", self.extended_months),
            )
        } else {
            (String::new(), String::new())
        };
        Message::new(
            format!(
                "预备党员{}的预备期{}于{}期满，至今未召开支部大会讨论转正（应于{}前），已逾期{}天",
                self.who.zh(),
                ext_zh,
                self.probation_end,
                self.meeting_by,
                self.days_overdue
            ),
            format!(
                "the probation of {}{ext_en} ended on {} and no branch meeting has discussed the \
                 conversion (due by {}, {} overdue)",
                self.who.en(),
                self.probation_end,
                self.meeting_by,
                days_en(self.days_overdue)
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev018 {
    #[serde(flatten)]
    who: Who,
    meeting_date: NaiveDate,
    outcome: ConversionOutcome,
    probation_start: NaiveDate,
    probation_end: NaiveDate,
    days_early: i64,
}

impl Violation for Dev018 {
    const CODE: RuleCode = RuleCode::DEV018;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.meeting_date))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "预备党员{}的预备期至{}届满，支部大会却于{}讨论转正，提前{}天",
                self.who.zh(),
                self.probation_end,
                self.meeting_date,
                self.days_early
            ),
            format!(
                "the probation of {} ends on {} but the branch meeting decided on conversion on \
                 {}, {} early",
                self.who.en(),
                self.probation_end,
                self.meeting_date,
                days_en(self.days_early)
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev019 {
    #[serde(flatten)]
    who: Who,
    meeting_date: NaiveDate,
    extend_months: Option<u32>,
    min_months: u32,
    max_months: u32,
    extension_number: u32,
    #[serde(skip)]
    bad_length: bool,
    #[serde(skip)]
    twice: bool,
}

impl Violation for Dev019 {
    const CODE: RuleCode = RuleCode::DEV019;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.meeting_date))
    }
    fn message(&self) -> Message {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.bad_length {
            match self.extend_months {
                Some(n) => {
                    zh.push(format!(
                        "延长{}个月（应为{}至{}个月）",
                        n, self.min_months, self.max_months
                    ));
                    en.push(format!(
                        "by {} months (must be {} to {})",
                        n, self.min_months, self.max_months
                    ));
                }
                None => {
                    zh.push("未记录延长期限".to_owned());
                    en.push("with no length recorded".to_owned());
                }
            }
        }
        if self.twice {
            zh.push(format!(
                "为第{}次延长（只能延长一次）",
                self.extension_number
            ));
            en.push(format!(
                "for the {} time (only once is allowed)",
                ordinal(self.extension_number)
            ));
        }
        Message::new(
            format!(
                "{}于{}延长预备期{}",
                self.who.zh(),
                self.meeting_date,
                zh.join("，")
            ),
            format!(
                "the probation of {} was extended on {} {}",
                self.who.en(),
                self.meeting_date,
                en.join(" and ")
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev020 {
    #[serde(flatten)]
    who: Who,
    approved: NaiveDate,
    archive_by: NaiveDate,
    #[serde(skip)]
    as_of: NaiveDate,
    days_late: i64,
    grace_months: u32,
    /// Where the grace comes from (practice: the 细则 says 及时).
    grace_source: Citation,
}

impl Violation for Dev020 {
    const CODE: RuleCode = RuleCode::DEV020;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.approved, self.as_of)
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}的转正已于{}批准，材料应于{}前归档，至今未归档",
                self.who.zh(),
                self.approved,
                self.archive_by
            ),
            format!(
                "the conversion of {} was approved on {}; its materials were due for archiving by \
                 {} ({} ago) and are not archived",
                self.who.en(),
                self.approved,
                self.archive_by,
                days_en(self.days_late)
            ),
        )
    }
}
