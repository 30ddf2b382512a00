//! Publicity (公示): a required publicity missing (DEV011) or too short (DEV012).
//!
//! Each stage's gate step is `publicity_gate_in`; the candidate stage's gate
//! depends on the edition of the 细则 in force when the candidate was
//! confirmed (2014: `pre_review`; 2026: `candidate_confirmed`, art. 13).
//! Each finding cites the article of its stage that the publicity serves, in
//! the edition applied, and the parameter it read:
//!
//! * `activist` — 细则 art. 8 (2014 and 2026: the choice of activists);
//! * `candidate` — art. 13 (2014: "在听取党小组、培养联系人、党员和群众意见的
//!   基础上"; 2026: "进行公示，公示期不少于五个工作日");
//! * `admission` — art. 25 (the approval it precedes);
//! * `conversion` — 2014 art. 33 / 2026 art. 32 ("党支部征求党员和群众的意见").

use chrono::NaiveDate;
use serde::Serialize;

use super::{WHO, Who, span, step_en, step_zh};
use crate::calendar::covers_range;
use crate::development::{DevelopmentFile, publicity_gate_in, publicity_zh};
use crate::families::context::Context;
use crate::kit::{Cite, Emitter, RuleCode, RuleMeta, Violation, key, param, xize};
use crate::model::{DateRange, PublicityStage, Step};
use crate::profile::XizeEdition;
use crate::vocab::{Message, Severity, Subject};

/// The article each stage's publicity serves, by stage (activist,
/// candidate, admission, conversion).
const ACTIVIST: Cite = xize("第八条", "第八条");
const CANDIDATE: Cite = xize("第十三条", "第十三条");
const ADMISSION: Cite = xize("第二十五条", "第二十五条");
const CONVERSION: Cite = xize("第三十三条", "第三十二条");

const STAGES_PARAM: Cite = param("development.publicity_stages");
const DAYS_PARAM: Cite = param("development.publicity_min_working_days");

/// DEV011's citations by stage.
static STAGES: [&[Cite]; 4] = [
    &[ACTIVIST, STAGES_PARAM],
    &[CANDIDATE, STAGES_PARAM],
    &[ADMISSION, STAGES_PARAM],
    &[CONVERSION, STAGES_PARAM],
];

/// DEV012's citations by stage.
static DAYS: [&[Cite]; 4] = [
    &[ACTIVIST, DAYS_PARAM],
    &[CANDIDATE, DAYS_PARAM],
    &[ADMISSION, DAYS_PARAM],
    &[CONVERSION, DAYS_PARAM],
];

/// The rules' own lists (the default stages: candidate and conversion).
const CANDIDATE_STAGES: &[Cite] = &[STAGES_PARAM, CANDIDATE, CONVERSION];
const DAYS_CANDIDATE: &[Cite] = &[DAYS_PARAM, CANDIDATE, CONVERSION];

/// Every list of citations DEV011 and DEV012 may carry (for tests).
#[cfg(test)]
pub(super) fn all_lists() -> impl Iterator<Item = &'static [Cite]> {
    STAGES.iter().chain(DAYS.iter()).copied()
}

fn stage_cites(stage: PublicityStage, table: &'static [&'static [Cite]; 4]) -> &'static [Cite] {
    let i = match stage {
        PublicityStage::Activist => 0,
        PublicityStage::Candidate => 1,
        PublicityStage::Admission => 2,
        PublicityStage::Conversion => 3,
    };
    table[i]
}

pub(super) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DEV011,
        name: "publicity-missing",
        severity: Severity::Error,
        summary: "a required publicity (公示) was never held",
        what: "For each stage in `development.publicity_stages` (default `candidate` and \
               `conversion`; the edition in force on the gate's date): its gate step is reached \
               (`activist` → `activist_filed`, `candidate` → `pre_review`, `admission` → \
               `admission_approved`, `conversion` → the approval of the conversion, not of an \
               extension) and the file has no publicity of that stage. Under the 2026 edition \
               (in force on the date `candidate_confirmed` is reached) the candidate publicity \
               is central text and gates `candidate_confirmed` itself (art. 13: \"……进行公示，\
               公示期不少于五个工作日……公示结果不影响发展入党的，可以列为发展对象\"). \
               Practice for the other stages, and for the candidate stage under the 2014 \
               edition (whose art. 13 asks only for the opinions of 党员和群众): switch it off or \
               change the stages in the profile.",
        why: "Publicity of candidates for development and of conversions is how the Party \
              hears the masses before deciding (做好公示); skipping it is the fault that \
              inspections single out.",
        example: "A candidate pre-reviewed on 2025-03-20 with no `candidate` publicity.",
        source: "practice (中组部要求做好发展党员公示工作; 地方实施办法); 细则2026 第十三条 for the \
                 candidate stage",
        citations: CANDIDATE_STAGES,
        evidence: &[
            WHO,
            key(
                "stage",
                "string (publicity stage)",
                "`activist`, `candidate`, `admission` or `conversion`",
            ),
            key(
                "gate_step",
                "string (step)",
                "the step the publicity must precede",
            ),
            key(
                "gate_date",
                "date",
                "the date that step (or a later one) was reached",
            ),
        ],
        practice: true,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV012,
        name: "publicity-too-short",
        severity: Severity::Error,
        summary: "a publicity shorter than 5 working days, or ending after its gate step",
        what: "A publicity of a required stage counts fewer than \
               `development.publicity_min_working_days` (5) working days from `start` to `end` \
               inclusive on the working-day calendar (default: the PRC calendar, with public \
               holidays off and 调休 weekend days worked), or ends after its gate step. Reported \
               per record when no record of the stage is valid. Outside the calendar's data \
               (before 2004, after 2026-12-25) Monday–Friday is assumed and the evidence says \
               so. The gate is that of DEV011 (under the 2026 edition, `candidate_confirmed` for \
               the candidate stage). Practice: the number of days is local practice, central \
               text for the candidate stage under the 2026 edition (art. 13: \"公示期不少于五个\
               工作日\").",
        why: "A publicity over a holiday looks long on paper and reaches nobody; one that ends \
              after the decision was taken could not inform it.",
        example: "A publicity from 2025-01-24 to 2025-02-05 over the Spring Festival: 4 working \
                  days (24, 26 January — a 调休 Sunday — 27 January, 5 February), although a \
                  Monday–Friday count gives 9.",
        source: "practice (公示期不少于5个工作日); 细则2026 第十三条 for the candidate stage",
        citations: DAYS_CANDIDATE,
        evidence: &[
            WHO,
            key("stage", "string (publicity stage)", "the publicity's stage"),
            key("start", "date", "its first day"),
            key("end", "date", "its last day"),
            key(
                "working_days",
                "integer",
                "working days from start to end, inclusive",
            ),
            key(
                "min_working_days",
                "integer",
                "`development.publicity_min_working_days`",
            ),
            key("calendar", "string", "the working-day calendar used"),
            key(
                "calendar_covers",
                "boolean",
                "whether the calendar's data cover the range",
            ),
            key(
                "calendar_note",
                "string (optional)",
                "present when the range lies outside the calendar's data",
            ),
            key(
                "gate_step",
                "string (step)",
                "the step the publicity must precede",
            ),
            key(
                "gate_date",
                "date or null",
                "when it was reached (null: not yet)",
            ),
            key(
                "ends_after_gate",
                "boolean",
                "whether the publicity ends after it",
            ),
        ],
        practice: true,
        since: "0.1.0",
    },
];

/// DEV011 and DEV012.
pub(super) fn check(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    for stage in PublicityStage::ALL {
        let stage = *stage;
        let gate = f.publicity_gate_of(stage);
        let records: Vec<_> = f
            .publicity()
            .iter()
            .copied()
            .filter(|x| x.stage == stage)
            .collect();
        // Whether the stage is required: the list in force on the gate's
        // date (or, before the gate, on the first publicity's start).
        let Some(when) = gate.map(|(_, d)| d).or(records.first().map(|x| x.start)) else {
            continue;
        };
        if !p.publicity_stages.at(when).contains(&stage) {
            continue;
        }
        let gate_date = gate.map(|(_, d)| d);
        if records.is_empty() {
            if let Some((gate_step, gate_date)) = gate {
                out.report(Dev011 {
                    who: who.clone(),
                    stage,
                    gate_step,
                    gate_date,
                    edition: f.edition_on(gate_date),
                });
            }
            continue;
        }
        let assess = |x: &crate::model::Publicity| {
            let days = cx.calendar.working_days(x.start, x.end);
            let late = gate_date.is_some_and(|g| x.end > g);
            (days, late, *p.publicity_min_working_days.at(x.start))
        };
        if records.iter().any(|x| {
            let (days, late, min) = assess(x);
            days >= min && !late
        }) {
            continue;
        }
        for x in records {
            let (days, late, min) = assess(x);
            let ed = f.edition_on(gate_date.unwrap_or(x.start));
            out.report(Dev012 {
                who: who.clone(),
                stage,
                start: x.start,
                end: x.end,
                working_days: days,
                min_working_days: min,
                calendar: cx.calendar.name().to_owned(),
                calendar_covers: covers_range(cx.calendar, x.start, x.end),
                calendar_note: (!covers_range(cx.calendar, x.start, x.end)).then_some(
                    "outside the calendar's data: Monday–Friday assumed / 超出节假日数据范围，按周一至周五计",
                ),
                gate_step: gate.map_or(publicity_gate_in(stage, ed), |(s, _)| s),
                gate_date,
                ends_after_gate: late,
                edition: ed,
            });
        }
    }
}

#[derive(Serialize)]
struct Dev011 {
    #[serde(flatten)]
    who: Who,
    stage: PublicityStage,
    gate_step: Step,
    gate_date: NaiveDate,
    #[serde(skip)]
    edition: XizeEdition,
}

impl Violation for Dev011 {
    const CODE: RuleCode = RuleCode::DEV011;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.gate_date))
    }
    fn cites(&self) -> Option<&'static [Cite]> {
        Some(stage_cites(self.stage, &STAGES))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}未进行{}，已于{}进入{}",
                self.who.zh(),
                publicity_zh(self.stage),
                self.gate_date,
                step_zh(self.gate_step, self.edition)
            ),
            format!(
                "no {} publicity of {}, although {} was reached on {}",
                self.stage,
                self.who.en(),
                step_en(self.gate_step, self.edition),
                self.gate_date
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev012 {
    #[serde(flatten)]
    who: Who,
    stage: PublicityStage,
    start: NaiveDate,
    end: NaiveDate,
    working_days: u32,
    min_working_days: u32,
    calendar: String,
    calendar_covers: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    calendar_note: Option<&'static str>,
    gate_step: Step,
    gate_date: Option<NaiveDate>,
    ends_after_gate: bool,
    #[serde(skip)]
    edition: XizeEdition,
}

impl Violation for Dev012 {
    const CODE: RuleCode = RuleCode::DEV012;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.start, self.end)
    }
    fn cites(&self) -> Option<&'static [Cite]> {
        Some(stage_cites(self.stage, &DAYS))
    }
    fn message(&self) -> Message {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.working_days < self.min_working_days {
            zh.push(format!(
                "仅{}个工作日，少于{}个工作日",
                self.working_days, self.min_working_days
            ));
            en.push(format!(
                "{} working days, fewer than {}",
                self.working_days, self.min_working_days
            ));
        }
        if self.ends_after_gate {
            if let Some(g) = self.gate_date {
                zh.push(format!(
                    "结束晚于{}（{}）",
                    step_zh(self.gate_step, self.edition),
                    g
                ));
                en.push(format!(
                    "it ends after {} ({})",
                    step_en(self.gate_step, self.edition),
                    g
                ));
            }
        }
        if !self.calendar_covers {
            zh.push("超出节假日数据范围，按周一至周五计算".to_owned());
            en.push("outside the holiday data, counted Monday to Friday".to_owned());
        }
        Message::new(
            format!(
                "{}的{}（{}至{}）{}",
                self.who.zh(),
                publicity_zh(self.stage),
                self.start,
                self.end,
                zh.join("；")
            ),
            format!(
                "{} publicity of {} ({} to {}): {}",
                self.stage,
                self.who.en(),
                self.start,
                self.end,
                en.join("; ")
            ),
        )
    }
}
