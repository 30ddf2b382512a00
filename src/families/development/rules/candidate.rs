//! The candidate stage: introducers (DEV008), political review (DEV009), training (DEV010) and publicity (DEV011, DEV012).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{PersonIssue, Who, distinct, issues_en, issues_zh, span, step_en, step_zh};
use crate::audit::context::Context;
use crate::audit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::calendar::covers_range;
use crate::development::{DevelopmentFile, full_member_on, full_on, publicity_gate, publicity_zh};
use crate::model::{
    DateRange, DevelopmentRecord, Hours, Id, PublicityStage, ReviewConclusion, Step,
};
use crate::profile::sources::{DANGZHANG, PRACTICE, XIZE, cite};
use crate::report::{Message, Severity, Subject};

pub(super) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DEV008,
        name: "introducers-invalid",
        severity: Severity::Error,
        summary: "not exactly two introducers, or an introducer who is not a full member",
        what: "An `introducers_assigned` record names other than `development.introducers` (2) \
               distinct members, or an introducer who on the day of assignment or of the \
               `admission_meeting` was not a full member: not yet admitted, probationary, or \
               with rights suspended (the flag has no dates and is taken to hold throughout). \
               Ids the bundle lacks are left to DAT001 (an introducer may belong to another \
               branch).",
        why: "Two full members introduce an applicant and answer for them to the Party; \
              probationary members have no such right.",
        example: "Introducers M20 and M28, M28 a probationary member.",
        source: "细则 第十四条; 党章 第五条",
        citations: &[cite(XIZE, "第十四条"), cite(DANGZHANG, "第五条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV009,
        name: "political-review-missing",
        severity: Severity::Error,
        summary: "no qualified political review before the committee review",
        what: "`committee_review` is reached and no `political_review` with conclusion \
               `qualified` is dated on or before it (if `committee_review` is not recorded: \
               before `pre_review`, or the first later step recorded).",
        why: "Nobody may be admitted without a political review, or with one that found them \
              unqualified.",
        example: "A file going from `training` straight to `committee_review`.",
        source: "细则 第十五条、第十六条",
        citations: &[cite(XIZE, "第十五条"), cite(XIZE, "第十六条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV010,
        name: "training-insufficient",
        severity: Severity::Error,
        summary: "no concentrated training before the pre-review, or a training too short",
        what: "`pre_review` is reached and the `training` records dated on or before it (if \
               `pre_review` is not recorded: the first later step) are none, or add up to fewer \
               than `development.training_min_days` (3) days **and** fewer than \
               `development.training_min_hours` (24) hours: the 细则 asks for three days or \
               24 class hours, so either suffices.",
        why: "A candidate for development attends a short concentrated training before \
              admission; without it they are not admitted except in special cases.",
        example: "A training of 2 days and 16 hours before the pre-review.",
        source: "细则 第十七条",
        citations: &[cite(XIZE, "第十七条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV011,
        name: "publicity-missing",
        severity: Severity::Error,
        summary: "a required publicity (公示) was never held",
        what: "For each stage in `development.publicity_stages` (default `candidate` and \
               `conversion`): its gate step is reached (`activist` → `activist_filed`, \
               `candidate` → `pre_review`, `admission` → `admission_approved`, `conversion` → \
               the approval of the conversion, not of an extension) and the file has no \
               publicity of that stage. Practice: switch it off or change the stages in the \
               profile.",
        why: "Publicity of candidates for development and of conversions is how the Party \
              hears the masses before deciding (做好公示); skipping it is the fault that \
              inspections single out.",
        example: "A candidate pre-reviewed on 2025-03-20 with no `candidate` publicity.",
        source: "practice (中组部要求做好发展党员公示工作; 地方实施办法)",
        citations: &[cite(PRACTICE, "发展党员公示制度")],
        evidence: &[],
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
               so. Practice: the number of days is local practice.",
        why: "A publicity over a holiday looks long on paper and reaches nobody; one that ends \
              after the decision was taken could not inform it.",
        example: "A publicity from 2025-01-24 to 2025-02-05 over the Spring Festival: 4 working \
                  days (24, 26 January — a 调休 Sunday — 27 January, 5 February), although a \
                  Monday–Friday count gives 9.",
        source: "practice (公示期不少于5个工作日)",
        citations: &[cite(PRACTICE, "公示期不少于5个工作日")],
        evidence: &[],
        practice: true,
        since: "0.1.0",
    },
];

pub(super) fn check(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    // DEV008
    let admission = f.last(Step::AdmissionMeeting).map(|r| r.date);
    for r in f.all(Step::IntroducersAssigned) {
        let ids = distinct(r.members.as_deref().unwrap_or(&[]));
        let count = ids.len() as u32;
        let mut invalid = Vec::new();
        for id in &ids {
            let Some(m) = cx.member(id.as_str()) else {
                continue; // DAT001
            };
            for on in std::iter::once(r.date).chain(admission.filter(|d| *d >= r.date)) {
                if full_member_on(m, on) {
                    continue;
                }
                let reason = if m.admitted_on > on {
                    "not_yet_member"
                } else if !full_on(m, on) {
                    "probationary"
                } else {
                    "rights_suspended"
                };
                invalid.push(PersonIssue {
                    member: (*id).clone(),
                    on,
                    reason,
                });
                break;
            }
        }
        if count != *p.introducers.value() || !invalid.is_empty() {
            out.report(Dev008 {
                who: who.clone(),
                date: r.date,
                introducers: ids.into_iter().cloned().collect(),
                count,
                required: *p.introducers.value(),
                admission_meeting: admission,
                invalid,
            });
        }
    }

    // DEV009: gated by committee_review (or pre_review, or the first later step).
    if let Some(gate) = f
        .first(Step::CommitteeReview)
        .or_else(|| f.first(Step::PreReview))
        .or_else(|| f.later_recorded(Step::CommitteeReview))
    {
        let (gate_step, gate) = (gate.step, gate.date);
        let reviews: Vec<&DevelopmentRecord> = f.all(Step::PoliticalReview).collect();
        let ok = reviews
            .iter()
            .any(|r| r.date <= gate && r.conclusion == Some(ReviewConclusion::Qualified));
        if !ok {
            let last = reviews
                .iter()
                .rev()
                .find(|r| r.date <= gate)
                .or(reviews.last());
            out.report(Dev009 {
                who: who.clone(),
                gate_step,
                gate_date: gate,
                review_date: last.map(|r| r.date),
                conclusion: last.and_then(|r| r.conclusion),
            });
        }
    }

    // DEV010
    if let Some(gate) = f.gate_date(Step::PreReview) {
        let gate_step = f
            .first(Step::PreReview)
            .or_else(|| f.later_recorded(Step::PreReview))
            .map_or(Step::PreReview, |r| r.step);
        let before: Vec<&DevelopmentRecord> =
            f.all(Step::Training).filter(|r| r.date <= gate).collect();
        let days: u32 = before
            .iter()
            .map(|r| r.days.unwrap_or(0))
            .fold(0, u32::saturating_add);
        let hours: Decimal = before
            .iter()
            .map(|r| r.hours.map_or(Decimal::ZERO, Hours::decimal))
            .fold(Decimal::ZERO, |a, b| a.saturating_add(b));
        let enough = !before.is_empty()
            && (days >= *p.training_min_days.value()
                || hours >= Decimal::from(*p.training_min_hours.value()));
        if !enough {
            out.report(Dev010 {
                who: who.clone(),
                gate_step,
                gate_date: gate,
                trainings: before.len() as u32,
                days,
                hours: Hours::new(hours).unwrap_or(Hours::ZERO),
                min_days: *p.training_min_days.value(),
                min_hours: *p.training_min_hours.value(),
            });
        }
    }

    // DEV011, DEV012
    if out.wants_any(&[RuleCode::DEV011, RuleCode::DEV012]) {
        publicity(cx, f, who, out);
    }
}

/// DEV011 and DEV012.
fn publicity(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    let min = p.publicity_min_working_days.value();
    for stage in p.publicity_stages.value() {
        let gate = f.publicity_gate_date(*stage);
        let records: Vec<_> = f
            .publicity()
            .iter()
            .copied()
            .filter(|x| x.stage == *stage)
            .collect();
        if records.is_empty() {
            if let Some(gate_date) = gate {
                out.report(Dev011 {
                    who: who.clone(),
                    stage: *stage,
                    gate_step: publicity_gate(*stage),
                    gate_date,
                });
            }
            continue;
        }
        let assess = |x: &crate::model::Publicity| {
            let days = cx.calendar.working_days(x.start, x.end);
            let late = gate.is_some_and(|g| x.end > g);
            (days, late)
        };
        if records.iter().any(|x| {
            let (days, late) = assess(x);
            days >= *min && !late
        }) {
            continue;
        }
        for x in records {
            let (days, late) = assess(x);
            out.report(Dev012 {
                who: who.clone(),
                stage: *stage,
                start: x.start,
                end: x.end,
                working_days: days,
                min_working_days: *min,
                calendar: cx.calendar.name().to_owned(),
                calendar_covers: covers_range(cx.calendar, x.start, x.end),
                calendar_note: (!covers_range(cx.calendar, x.start, x.end)).then_some(
                    "outside the calendar's data: Monday–Friday assumed / 超出节假日数据范围，按周一至周五计",
                ),
                gate_step: publicity_gate(*stage),
                gate_date: gate,
                ends_after_gate: late,
            });
        }
    }
}
#[derive(Serialize)]
struct Dev008 {
    #[serde(flatten)]
    who: Who,
    date: NaiveDate,
    introducers: Vec<Id>,
    count: u32,
    required: u32,
    admission_meeting: Option<NaiveDate>,
    invalid: Vec<PersonIssue>,
}

impl Violation for Dev008 {
    const CODE: RuleCode = RuleCode::DEV008;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.count != self.required {
            zh.push(format!("共{}名（应为{}名）", self.count, self.required));
            en.push(format!(
                "{} introducers assigned ({} required)",
                self.count, self.required
            ));
        }
        if !self.invalid.is_empty() {
            zh.push(issues_zh(&self.invalid));
            en.push(format!("introducer {}", issues_en(&self.invalid)));
        }
        Message::new(
            format!(
                "{}于{}确定的入党介绍人不符合要求：{}",
                self.who.zh(),
                self.date,
                zh.join("；")
            ),
            format!("{} on {}: {}", self.who.en(), self.date, en.join("; ")),
        )
    }
}

#[derive(Serialize)]
struct Dev009 {
    #[serde(flatten)]
    who: Who,
    gate_step: Step,
    gate_date: NaiveDate,
    review_date: Option<NaiveDate>,
    conclusion: Option<ReviewConclusion>,
}

impl Violation for Dev009 {
    const CODE: RuleCode = RuleCode::DEV009;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.gate_date))
    }
    fn message(&self) -> Message {
        let (zh, en) = match (self.review_date, self.conclusion) {
            (None, _) => (
                "无政治审查记录".to_owned(),
                "there is no political review".to_owned(),
            ),
            (Some(d), Some(ReviewConclusion::Unqualified)) => (
                format!("{d}政治审查结论为不合格"),
                format!("the political review of {d} found them unqualified"),
            ),
            (Some(d), Some(ReviewConclusion::Qualified)) => (
                format!("政治审查{d}才完成，晚于该步骤"),
                format!("the political review was only concluded on {d}"),
            ),
            (Some(d), None) => (
                format!("{d}的政治审查未记录结论"),
                format!("the political review of {d} records no conclusion"),
            ),
        };
        Message::new(
            format!(
                "{}于{}进入{}，但此前{}（未经政治审查或政治审查不合格的，不能发展入党）",
                self.who.zh(),
                self.gate_date,
                step_zh(self.gate_step),
                zh
            ),
            format!(
                "{} reached {} on {} but {}",
                self.who.en(),
                step_en(self.gate_step),
                self.gate_date,
                en
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev010 {
    #[serde(flatten)]
    who: Who,
    gate_step: Step,
    gate_date: NaiveDate,
    trainings: u32,
    days: u32,
    hours: Hours,
    min_days: u32,
    min_hours: u32,
}

impl Violation for Dev010 {
    const CODE: RuleCode = RuleCode::DEV010;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.gate_date))
    }
    fn message(&self) -> Message {
        if self.trainings == 0 {
            Message::new(
                format!(
                    "{}于{}进入{}，此前未参加集中培训",
                    self.who.zh(),
                    self.gate_date,
                    step_zh(self.gate_step)
                ),
                format!(
                    "{} reached {} on {} without the concentrated training",
                    self.who.en(),
                    step_en(self.gate_step),
                    self.gate_date
                ),
            )
        } else {
            Message::new(
                format!(
                    "{}的集中培训仅{}天、{}学时，少于{}天（或{}学时）",
                    self.who.zh(),
                    self.days,
                    self.hours,
                    self.min_days,
                    self.min_hours
                ),
                format!(
                    "the concentrated training of {} lasted {} days and {} hours, less than {} \
                     days (or {} hours)",
                    self.who.en(),
                    self.days,
                    self.hours,
                    self.min_days,
                    self.min_hours
                ),
            )
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
}

impl Violation for Dev011 {
    const CODE: RuleCode = RuleCode::DEV011;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.gate_date))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}未进行{}，已于{}进入{}",
                self.who.zh(),
                publicity_zh(self.stage),
                self.gate_date,
                step_zh(self.gate_step)
            ),
            format!(
                "no {} publicity of {}, although {} was reached on {}",
                self.stage,
                self.who.en(),
                step_en(self.gate_step),
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
}

impl Violation for Dev012 {
    const CODE: RuleCode = RuleCode::DEV012;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.start, self.end)
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
                zh.push(format!("结束晚于{}（{}）", step_zh(self.gate_step), g));
                en.push(format!("it ends after {} ({})", step_en(self.gate_step), g));
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
