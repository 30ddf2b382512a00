//! Probation and conversion: the oath (DEV016), the conversion meeting (DEV017, DEV018), extensions (DEV019) and archiving (DEV020).

use chrono::NaiveDate;
use serde::Serialize;

use super::{WHO, Who, days_en, ordinal, span};
use crate::development::{DevelopmentFile, Probation, conversion_outcome};
use crate::families::context::Context;
use crate::kit::{Cite, Emitter, RuleCode, RuleMeta, Violation, key, param, xize};
use crate::model::{ConversionOutcome, DateRange, Step, TransferDirection, add_months};
use crate::vocab::sources::{DANGZHANG, cite};
use crate::vocab::{Citation, Message, Severity, Subject};

/// 细则 2014 art. 32 / 2026 art. 31: "预备党员的预备期为一年……预备期满，党支部
/// 应当及时讨论其能否转为正式党员……可以延长一次预备期，延长时间不能少于半年，
/// 最长不超过一年".
const PROBATION: Cite = xize("第三十二条", "第三十一条");

/// DEV017's citations when the deferral for a probationer transferred in applies.
static DEV017_DEFERRED: &[Cite] = &[
    param("development.probation_months"),
    PROBATION,
    param("development.conversion_grace_months"),
    param("development.transfer_deferral_months"),
];

/// Every list of citations DEV016–DEV020 may carry besides the rules' own (for tests).
#[cfg(test)]
pub(super) fn all_lists() -> impl Iterator<Item = &'static [Cite]> {
    std::iter::once(DEV017_DEFERRED)
}

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
        source: "党章 第六条; 细则 第二十九条 (2014 and 2026)",
        // 党章 art. 6 and 细则 art. 29 (2014 and 2026): "预备党员必须面向党旗进行
        // 入党宣誓".
        citations: &[cite(DANGZHANG, "第六条"), xize("第二十九条", "第二十九条")],
        evidence: &[
            WHO,
            key(
                "probation_start",
                "date",
                "the `admission_meeting` that started the probation",
            ),
            key(
                "probation_end",
                "date",
                "the end of the probation, extensions included",
            ),
        ],
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
               practice (the 细则 says 及时, in time); the evidence cites it. For a probationer \
               **transferred in** during probation — the candidate's member record (the member \
               whose id is the candidate's `member`, or the candidate's own id) has \
               `in_branch_from`, or an incoming `transfers` record issued or reported, after the \
               `admission_meeting` and before the end of probation — the branch may defer the \
               discussion by `development.transfer_deferral_months` (6): no finding inside \
               that window.",
        why: "When the probation ends, the branch must discuss the conversion in time (及时讨论); \
              a probationary member left waiting has neither full rights nor a decision.",
        example: "Admitted 2024-09-20, probation ended 2025-09-20, no conversion meeting by \
                  2025-12-31.",
        source: "党章 第七条; 细则 第三十二条, 第三十六条 (2014), 第三十一条, 第三十五条 (2026)",
        // "及时讨论" is 细则 2014 art. 32 (2026 art. 31), not art. 33 (the
        // procedure); the deferral is 2014 art. 36 (2026 art. 35): "基层党组织对
        // 转入的预备党员，在其预备期满时，如认为有必要，可推迟讨论其转正问题，推迟
        // 时间不超过六个月".
        citations: &[
            param("development.probation_months"),
            PROBATION,
            param("development.conversion_grace_months"),
        ],
        evidence: &[
            WHO,
            key(
                "probation_start",
                "date",
                "the `admission_meeting` that started the probation",
            ),
            key(
                "probation_end",
                "date",
                "the end of the probation, extensions included",
            ),
            key("extended_months", "integer", "months of extension decided"),
            key(
                "meeting_by",
                "date",
                "the last day for the conversion meeting",
            ),
            key("days_overdue", "integer", "days from that day to `as_of`"),
            key(
                "grace_months",
                "integer",
                "`development.conversion_grace_months`",
            ),
            key(
                "grace_source",
                "object (citation)",
                "where the grace comes from",
            ),
            key(
                "deferral_months",
                "integer",
                "the deferral applied for a probationer transferred in \
                 (`development.transfer_deferral_months`; 0: none)",
            ),
            key(
                "transferred_in",
                "date or null",
                "when the probationer came into the branch during probation (null: not transferred in)",
            ),
        ],
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
        source: "党章 第七条; 细则 第三十二条 (2014), 第三十一条 (2026)",
        citations: &[param("development.probation_months"), PROBATION],
        evidence: &[
            WHO,
            key("meeting_date", "date", "the conversion meeting's date"),
            key("outcome", "string", "its outcome: `convert` or `extend`"),
            key("probation_start", "date", "the `admission_meeting`"),
            key(
                "probation_end",
                "date",
                "the end of the probation in force at the meeting",
            ),
            key("days_early", "integer", "days before the end"),
        ],
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
        source: "细则 第三十二条 (2014), 第三十一条 (2026); 党章 第七条",
        // The six-month minimum is 细则 2014 art. 32 (2026 art. 31): "可以延长
        // 一次预备期，延长时间不能少于半年，最长不超过一年" — the source of
        // `development.extension_months`; 党章 art. 7 gives only the most
        // ("可以延长预备期，但不能超过一年").
        citations: &[
            param("development.extension_months"),
            cite(DANGZHANG, "第七条"),
        ],
        evidence: &[
            WHO,
            key(
                "meeting_date",
                "date",
                "the conversion meeting that extended the probation",
            ),
            key(
                "extend_months",
                "integer or null",
                "the months of extension recorded",
            ),
            key(
                "min_months",
                "integer",
                "the least extension (`development.extension_months`)",
            ),
            key("max_months", "integer", "the most extension"),
            key(
                "extension_number",
                "integer",
                "1 for the first extension, 2 for a second, …",
            ),
        ],
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
        source: "细则 第三十七条 (2014), 第三十六条 (2026)",
        citations: &[
            xize("第三十七条", "第三十六条"),
            param("development.archive_grace_months"),
        ],
        evidence: &[
            WHO,
            key("approved", "date", "the final `conversion_approved`"),
            key("archive_by", "date", "the last day for archiving"),
            key("days_late", "integer", "days from that day to `as_of`"),
            key(
                "grace_months",
                "integer",
                "`development.archive_grace_months`",
            ),
            key(
                "grace_source",
                "object (citation)",
                "where the grace comes from",
            ),
        ],
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

    // DEV017. "预备期满，党支部应当及时讨论" (细则 2014 art. 32); for a
    // probationer transferred in, "可推迟讨论其转正问题，推迟时间不超过六个月"
    // (2014 art. 36, 2026 art. 35): no finding inside that window.
    let grace = *p.conversion_grace_months.at(prob.end);
    let transferred = transferred_in(cx, f, prob);
    let deferral = match transferred {
        Some(_) => *p.transfer_deferral_months.at(prob.end),
        None => 0,
    };
    let overdue_after = add_months(prob.end, grace.max(deferral));
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
            grace_months: grace,
            grace_source: p
                .conversion_grace_months
                .edition_at(Some(prob.end))
                .source
                .clone(),
            deferral_months: deferral,
            transferred_in: transferred,
        });
    }

    // DEV018, DEV019
    let months = p.probation_months.at(prob.start);
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
            let (min_ext, max_ext) = p.extension_months.at(m.date);
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

/// The day the candidate, as a probationer, came into the branch during the
/// probation (after the `admission_meeting`, before its end), if they did:
/// their member record's `in_branch_from`, or an incoming transfer issued or
/// reported then (on or before `as_of`). The member record is the member
/// whose id is the candidate's `member`, or the candidate's own id.
fn transferred_in(
    cx: &Context<'_>,
    f: &DevelopmentFile<'_>,
    prob: &Probation,
) -> Option<NaiveDate> {
    let id = f.candidate.member_id();
    let inside = |d: &NaiveDate| *d > prob.start && *d < prob.end && *d <= cx.as_of;
    let from_record = cx
        .member(id.as_str())
        .and_then(|m| m.in_branch_from)
        .filter(inside);
    let from_transfer = cx
        .bundle
        .transfers
        .iter()
        .filter(|t| t.member == *id && t.direction == TransferDirection::In)
        .flat_map(|t| [Some(t.issued_on), t.reported_on])
        .flatten()
        .filter(inside)
        .min();
    from_record.into_iter().chain(from_transfer).min()
}

pub(super) fn archive(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    // DEV020
    if let Some(a) = f.final_approval() {
        let grace = *p.archive_grace_months.at(a.date);
        let grace_end = add_months(a.date, grace);
        if cx.as_of > grace_end && !f.has(Step::Archived) {
            out.report(Dev020 {
                who: who.clone(),
                approved: a.date,
                archive_by: grace_end,
                as_of: cx.as_of,
                days_late: (cx.as_of - grace_end).num_days(),
                grace_months: grace,
                grace_source: p
                    .archive_grace_months
                    .edition_at(Some(a.date))
                    .source
                    .clone(),
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
    deferral_months: u32,
    transferred_in: Option<NaiveDate>,
}

impl Violation for Dev017 {
    const CODE: RuleCode = RuleCode::DEV017;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.probation_end, self.meeting_by)
    }
    fn cites(&self) -> Option<&'static [Cite]> {
        (self.deferral_months > 0).then_some(DEV017_DEFERRED)
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
        let (def_zh, def_en) = match self.transferred_in {
            Some(d) if self.deferral_months > 0 => (
                format!(
                    "（{d}转入本支部，可推迟讨论转正，推迟时间不超过{}个月）",
                    self.deferral_months
                ),
                format!(
                    " (transferred in on {d}: the discussion may be deferred by up to {} months)",
                    self.deferral_months
                ),
            ),
            _ => (String::new(), String::new()),
        };
        Message::new(
            format!(
                "预备党员{}的预备期{}于{}期满，至今未召开支部大会讨论转正（应于{}前{}），已逾期{}天",
                self.who.zh(),
                ext_zh,
                self.probation_end,
                self.meeting_by,
                def_zh,
                self.days_overdue
            ),
            format!(
                "the probation of {}{ext_en} ended on {} and no branch meeting has discussed the \
                 conversion (due by {}{def_en}, {} overdue)",
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
    /// Until `as_of`, while not archived.
    fn open_ended(&self) -> bool {
        true
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
