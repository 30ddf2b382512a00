//! The candidate stage: introducers (DEV008), political review (DEV009) and training (DEV010).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{INVALID, PersonIssue, WHO, Who, distinct, issues_en, issues_zh, step_en, step_zh};
use crate::development::{DevelopmentFile, full_member_on, full_on};
use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key, param, xize};
use crate::model::{DateRange, DevelopmentRecord, Hours, Id, ReviewConclusion, Step};
use crate::profile::XizeEdition;
use crate::vocab::sources::{DANGZHANG, cite};
use crate::vocab::{Message, Severity, Subject};

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
        source: "细则 第十四条 (2014 and 2026); 党章 第五条",
        // 细则 art. 14 (2014 and 2026): "发展对象应当有两名正式党员作入党介绍人" —
        // the source of `development.introducers`; 党章 art. 5: "要有两名正式党员
        // 作介绍人".
        citations: &[param("development.introducers"), cite(DANGZHANG, "第五条")],
        evidence: &[
            WHO,
            key("date", "date", "the date of `introducers_assigned`"),
            key(
                "introducers",
                "[member id]",
                "the introducers named (distinct)",
            ),
            key("count", "integer", "how many"),
            key(
                "required",
                "integer",
                "the number required (`development.introducers`)",
            ),
            key(
                "admission_meeting",
                "date or null",
                "the `admission_meeting`, also checked",
            ),
            INVALID,
        ],
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
        source: "细则 第十六条 (2014 and 2026)",
        // 细则 art. 16 alone (art. 15 lists the introducers' duties), 2014 and
        // 2026 alike: "凡是未经政治审查或者政治审查不合格的，不能发展入党".
        citations: &[xize("第十六条", "第十六条")],
        evidence: &[
            WHO,
            key(
                "gate_step",
                "string (step)",
                "the step reached: `committee_review` or the first later one",
            ),
            key("gate_date", "date", "its date"),
            key(
                "review_date",
                "date or null",
                "the latest political review (null: none)",
            ),
            key(
                "conclusion",
                "string or null",
                "its conclusion: `qualified`, `unqualified`, or null when not recorded",
            ),
        ],
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
        source: "细则 第十七条 (2014 and 2026)",
        // 细则 art. 17 (2014 and 2026): "培训时间一般不少于三天或者不少于二十四个
        // 学时……除个别特殊情况外，未经培训的，不能发展入党" — the source of both
        // thresholds.
        citations: &[
            param("development.training_min_days"),
            param("development.training_min_hours"),
        ],
        evidence: &[
            WHO,
            key(
                "gate_step",
                "string (step)",
                "the step reached: `pre_review` or the first later one",
            ),
            key("gate_date", "date", "its date"),
            key(
                "trainings",
                "integer",
                "`training` records dated on or before it",
            ),
            key("days", "integer", "their days, added up"),
            key("hours", "hours (string)", "their hours, added up"),
            key("min_days", "integer", "`development.training_min_days`"),
            key("min_hours", "integer", "`development.training_min_hours`"),
        ],
        practice: false,
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
        let required = *p.introducers.at(r.date);
        if count != required || !invalid.is_empty() {
            out.report(Dev008 {
                who: who.clone(),
                date: r.date,
                introducers: ids.into_iter().cloned().collect(),
                count,
                required,
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
                edition: f.edition_on(gate),
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
        let (min_days, min_hours) = (
            *p.training_min_days.at(gate),
            *p.training_min_hours.at(gate),
        );
        let enough = !before.is_empty() && (days >= min_days || hours >= Decimal::from(min_hours));
        if !enough {
            out.report(Dev010 {
                who: who.clone(),
                gate_step,
                gate_date: gate,
                trainings: before.len() as u32,
                days,
                hours: Hours::new(hours).unwrap_or(Hours::ZERO),
                min_days,
                min_hours,
                edition: f.edition_on(gate),
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
    #[serde(skip)]
    edition: XizeEdition,
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
                step_zh(self.gate_step, self.edition),
                zh
            ),
            format!(
                "{} reached {} on {} but {}",
                self.who.en(),
                step_en(self.gate_step, self.edition),
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
    #[serde(skip)]
    edition: XizeEdition,
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
                    step_zh(self.gate_step, self.edition)
                ),
                format!(
                    "{} reached {} on {} without the concentrated training",
                    self.who.en(),
                    step_en(self.gate_step, self.edition),
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
