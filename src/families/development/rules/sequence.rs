//! The order of the 25 steps: a skipped step (DEV003) and a step out of order (DEV004).

use chrono::NaiveDate;
use serde::Serialize;

use super::{WHO, Who, step_en, step_zh};
use crate::development::{DevelopmentFile, conversion_outcome, step_info};
use crate::kit::{Cite, Emitter, RuleCode, RuleMeta, Violation, key, xize};
use crate::model::{ConversionOutcome, DateRange, DevelopmentRecord, Step};
use crate::profile::XizeEdition;
use crate::vocab::{Message, Severity, Subject};

pub(super) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DEV003,
        name: "step-skipped",
        severity: Severity::Error,
        summary: "a required step is missing while a later step is recorded",
        what: "One of the 25 steps (see `development::STEPS`) is not recorded although a step \
               after it in the order is (a repeating step — `activist_assessed`, \
               `probation_assessed` — needs at least one record). One finding per missing step, \
               dated at the first later step recorded. `political_review`, `training` and `oath` \
               are reported by their own codes (DEV009, DEV010, DEV016) instead; `archived`, the \
               last step, by DEV020. The order is that of the edition of the 细则 in force on \
               the later step's date: under the 2026 edition `candidate_filed` (报上级党委同意) \
               comes before `candidate_confirmed`, so a candidate confirmed without it is \
               reported at the confirmation. The finding cites the missing step's article in \
               that edition.",
        why: "The 细则 prescribes every step and its record; a file with a gap is the main thing \
              inspections of member development look for (\"程序不全\").",
        example: "An activist whose file shows `activist_confirmed` and `contacts_assigned` but \
                  never `activist_filed` (报上级党委备案).",
        source: "细则 第八条至第三十七条 (2014), 第八条至第三十六条 (2026)",
        citations: &[xize("第八条至第三十七条", "第八条至第三十六条")],
        evidence: &[
            WHO,
            key("step", "string (step)", "the missing step"),
            key(
                "number",
                "integer",
                "its number in the order of the edition applied",
            ),
            key("article", "string", "where the edition applied requires it"),
            key(
                "next_step",
                "string (step)",
                "the first later step recorded",
            ),
            key("next_date", "date", "its date"),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV004,
        name: "step-out-of-order",
        severity: Severity::Error,
        summary: "a step is dated before a step that precedes it in the 25-step order",
        what: "A recorded step is dated before a recorded step with a lower number. One finding \
               per such record, naming the latest-dated earlier-numbered step. Equal dates are \
               in order. After a `conversion_meeting` that extended the probation, steps 21–24 \
               start a new round: those dated after it are not compared with steps 21–24. The \
               order is that of the edition of the 细则 in force on the date of the record \
               checked: the 2014 order has `candidate_confirmed` before `candidate_filed` \
               (报上级党委备案), the 2026 order `candidate_filed` (报上级党委同意, art. 13) before \
               `candidate_confirmed`.",
        why: "The order is the substance of the procedure: a higher committee that approves \
              before it has talked to the candidate, or a candidate confirmed before the last \
              assessment, did not have what the rules require it to have.",
        example: "`admission_approved` 2025-07-10 and `higher_talk` 2025-07-18.",
        source: "细则 (the order of its chapters 2–5; 2026: art. 13)",
        citations: &[xize("第二章至第五章", "第二章至第五章")],
        evidence: &[
            WHO,
            key("step", "string (step)", "the step dated too early"),
            key("date", "date", "its date"),
            key(
                "earlier_step",
                "string (step)",
                "the latest-dated step that precedes it in the order",
            ),
            key("earlier_step_date", "date", "that step's date"),
        ],
        practice: false,
        since: "0.1.0",
    },
];

pub(super) fn check(f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    // DEV003
    if out.wants(RuleCode::DEV003) {
        for info in crate::development::STEPS.iter() {
            if info.missing_code != "DEV003" || f.has(info.step) {
                continue;
            }
            if let Some(next) = f.later_recorded(info.step) {
                let ed = f.edition_on(next.date);
                out.report(Dev003 {
                    who: who.clone(),
                    step: info.step,
                    number: info.number_in(ed),
                    article: info.article_in(ed),
                    next_step: next.step,
                    next_date: next.date,
                    edition: ed,
                });
            }
        }
    }

    // DEV004
    if out.wants(RuleCode::DEV004) {
        out_of_order(f, who, out);
    }
}

/// DEV004: each record dated before a record of an earlier-numbered step.
fn out_of_order(f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    // After an extension, steps 21–24 start a new round: those dated after
    // the (first) extending meeting are not compared with steps 21–24.
    let first_extension = f
        .all(Step::ConversionMeeting)
        .find(|m| conversion_outcome(m) == ConversionOutcome::Extend)
        .map(|m| m.date);
    let round = |s: Step| (Step::ProbationAssessed..=Step::ConversionApproved).contains(&s);
    let recs = f.records();
    for r in recs {
        // The order of the edition in force on the date of the step checked.
        let ed = f.edition_on(r.date);
        let mut worst: Option<&DevelopmentRecord> = None;
        for q in recs {
            if !q.step.before(r.step, ed) || q.date <= r.date {
                continue;
            }
            if let Some(x) = first_extension {
                if round(q.step) && round(r.step) && q.date > x {
                    continue;
                }
            }
            // The latest of the earlier steps dated after `r`. (`>=` would
            // pick another record with the same date and step, which reads
            // the same: an equivalent mutant.)
            if worst.is_none_or(|w| (q.date, q.step) > (w.date, w.step)) {
                worst = Some(q);
            }
        }
        if let Some(q) = worst {
            out.report(Dev004 {
                who: who.clone(),
                step: r.step,
                date: r.date,
                earlier_step: q.step,
                earlier_step_date: q.date,
                edition: ed,
            });
        }
    }
}
#[derive(Serialize)]
struct Dev003 {
    #[serde(flatten)]
    who: Who,
    step: Step,
    number: u8,
    /// Where the 细则 requires the step.
    article: &'static str,
    next_step: Step,
    next_date: NaiveDate,
    #[serde(skip)]
    edition: XizeEdition,
}

impl Violation for Dev003 {
    const CODE: RuleCode = RuleCode::DEV003;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.next_date))
    }
    /// The missing step's own article.
    fn cites(&self) -> Option<&'static [Cite]> {
        Some(std::slice::from_ref(&step_info(self.step).cite))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}的发展材料缺少{}，但已记录{}（{}）",
                self.who.zh(),
                step_zh(self.step, self.edition),
                step_zh(self.next_step, self.edition),
                self.next_date
            ),
            format!(
                "the file of {} lacks {} although {} is recorded ({})",
                self.who.en(),
                step_en(self.step, self.edition),
                step_en(self.next_step, self.edition),
                self.next_date
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev004 {
    #[serde(flatten)]
    who: Who,
    step: Step,
    date: NaiveDate,
    earlier_step: Step,
    earlier_step_date: NaiveDate,
    #[serde(skip)]
    edition: XizeEdition,
}

impl Violation for Dev004 {
    const CODE: RuleCode = RuleCode::DEV004;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}的{}日期为{}，早于其前序步骤{}的日期{}，程序颠倒",
                self.who.zh(),
                step_zh(self.step, self.edition),
                self.date,
                step_zh(self.earlier_step, self.edition),
                self.earlier_step_date
            ),
            format!(
                "{}: {} is dated {}, before {} which precedes it ({})",
                self.who.en(),
                step_en(self.step, self.edition),
                self.date,
                step_en(self.earlier_step, self.edition),
                self.earlier_step_date
            ),
        )
    }
}
