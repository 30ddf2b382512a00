//! The order of the 25 steps: a skipped step (DEV003) and a step out of order (DEV004).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Who, step_en, step_zh};
use crate::audit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::development::{DevelopmentFile, conversion_outcome};
use crate::model::{ConversionOutcome, DateRange, DevelopmentRecord, Step};
use crate::profile::sources::{XIZE, cite};
use crate::report::{Message, Severity, Subject};

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
               last step, by DEV020.",
        why: "The 细则 prescribes every step and its record; a file with a gap is the main thing \
              inspections of member development look for (\"程序不全\").",
        example: "An activist whose file shows `activist_confirmed` and `contacts_assigned` but \
                  never `activist_filed` (报上级党委备案).",
        source: "细则 第八条至第三十七条",
        citations: &[cite(XIZE, "第八条至第三十七条")],
        evidence: &[],
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
               start a new round: those dated after it are not compared with steps 21–24.",
        why: "The order is the substance of the procedure: a higher committee that approves \
              before it has talked to the candidate, or a candidate confirmed before the last \
              assessment, did not have what the rules require it to have.",
        example: "`admission_approved` 2025-07-10 and `higher_talk` 2025-07-18.",
        source: "细则 (the order of its chapters 2–5)",
        citations: &[cite(XIZE, "第二章至第五章")],
        evidence: &[],
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
                out.report(Dev003 {
                    who: who.clone(),
                    step: info.step,
                    number: info.number,
                    article: info.article,
                    next_step: next.step,
                    next_date: next.date,
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
        let mut worst: Option<&DevelopmentRecord> = None;
        for q in recs {
            if q.step >= r.step || q.date <= r.date {
                continue;
            }
            if let Some(x) = first_extension {
                if round(q.step) && round(r.step) && q.date > x {
                    continue;
                }
            }
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
}

impl Violation for Dev003 {
    const CODE: RuleCode = RuleCode::DEV003;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.next_date))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}的发展材料缺少{}，但已记录{}（{}）",
                self.who.zh(),
                step_zh(self.step),
                step_zh(self.next_step),
                self.next_date
            ),
            format!(
                "the file of {} lacks {} although {} is recorded ({})",
                self.who.en(),
                step_en(self.step),
                step_en(self.next_step),
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
                step_zh(self.step),
                self.date,
                step_zh(self.earlier_step),
                self.earlier_step_date
            ),
            format!(
                "{}: {} is dated {}, before {} which precedes it ({})",
                self.who.en(),
                step_en(self.step),
                self.date,
                step_en(self.earlier_step),
                self.earlier_step_date
            ),
        )
    }
}
