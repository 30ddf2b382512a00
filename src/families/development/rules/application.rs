//! The application stage: age on applying (DEV001) and the initial talk (DEV002).

use chrono::NaiveDate;
use serde::Serialize;

use super::{WHO, Who, days_en, span, whole_years};
use crate::development::DevelopmentFile;
use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key, param, xize};
use crate::model::{DateRange, Step, add_months};
use crate::vocab::{Message, Severity, Subject};

pub(super) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DEV001,
        name: "applicant-under-age",
        severity: Severity::Error,
        summary: "the applicant was under 18 on the day of application",
        what: "The candidate's `born_on` plus `development.min_age_years` (18) years, the day \
               clamped to the month end, is after the date of `applied`. The 18th birthday \
               itself is old enough. No finding without `born_on` or `applied`.",
        why: "Only people aged 18 or more may apply to join the Party; an application made \
              earlier is void and the file built on it is irregular.",
        example: "Born 2007-11-15, applied 2025-09-01: 17 years old.",
        source: "党章 第一条; 细则 第五条 (2014 and 2026)",
        // 党章 art. 1 (the source of `development.min_age_years`) and 细则 art. 5
        // (2014 and 2026 alike): "年满十八岁的……可以申请加入中国共产党".
        citations: &[param("development.min_age_years"), xize("第五条", "第五条")],
        evidence: &[
            WHO,
            key("born_on", "date", "the candidate's date of birth"),
            key("applied", "date", "the date of `applied`"),
            key(
                "of_age_on",
                "date",
                "the day the candidate reached the least age",
            ),
            key(
                "age_years",
                "integer",
                "whole years of age on the day of application",
            ),
            key(
                "min_age_years",
                "integer",
                "the least age (`development.min_age_years`)",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV002,
        name: "initial-talk-late",
        severity: Severity::Warning,
        summary: "no talk with the applicant within one month of the application",
        what: "`talked` is dated later than `applied` + `development.talk_within_months` (1) \
               calendar month, the day clamped to the month end (applied 31 January: due 28 or \
               29 February; the deadline day is on time); or there is no `talked` while `as_of` \
               is past that day and no later step is recorded (a talk missing while later steps \
               are recorded is DEV003).",
        why: "The Party organisation must send someone to talk with an applicant within a month \
              of receiving the application; a file left unanswered is the commonest lapse in \
              the first phase.",
        example: "Applied 2025-10-08, nothing since, audit as of 2025-12-31: the talk was due by \
                  2025-11-08.",
        source: "细则 第七条 (2014 and 2026)",
        // 细则 art. 7 (2014 and 2026): "党组织收到入党申请书后，应当在一个月内派人
        // 同入党申请人谈话" — the source of `development.talk_within_months`.
        citations: &[param("development.talk_within_months")],
        evidence: &[
            WHO,
            key("applied", "date", "the date of `applied`"),
            key("deadline", "date", "the last day for the talk"),
            key(
                "talked",
                "date or null",
                "the date of `talked`; null while it is missing",
            ),
            key(
                "days_late",
                "integer",
                "days after the deadline (to the talk, or to `as_of`)",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
];

pub(super) fn check(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    // DEV001
    if let (Some(born), Some(applied)) = (f.candidate.born_on, f.first(Step::Applied)) {
        let min_age = *p.min_age_years.at(applied.date);
        let of_age = add_months(born, min_age.saturating_mul(12));
        if applied.date < of_age {
            out.report(Dev001 {
                who: who.clone(),
                born_on: born,
                applied: applied.date,
                of_age_on: of_age,
                age_years: whole_years(born, applied.date),
                min_age_years: min_age,
            });
        }
    }

    // DEV002
    if let Some(applied) = f.first(Step::Applied) {
        let deadline = add_months(applied.date, *p.talk_within_months.at(applied.date));
        match f.first(Step::Talked) {
            Some(t) if t.date > deadline => out.report(Dev002 {
                who: who.clone(),
                applied: applied.date,
                deadline,
                talked: Some(t.date),
                days_late: (t.date - deadline).num_days(),
            }),
            None if cx.as_of > deadline && f.later_recorded(Step::Talked).is_none() => {
                out.report(Dev002 {
                    who: who.clone(),
                    applied: applied.date,
                    deadline,
                    talked: None,
                    days_late: (cx.as_of - deadline).num_days(),
                })
            }
            _ => {}
        }
    }
}

#[derive(Serialize)]
struct Dev001 {
    #[serde(flatten)]
    who: Who,
    born_on: NaiveDate,
    applied: NaiveDate,
    of_age_on: NaiveDate,
    age_years: u32,
    min_age_years: u32,
}

impl Violation for Dev001 {
    const CODE: RuleCode = RuleCode::DEV001;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.applied))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}于{}递交入党申请书时年仅{}岁（出生于{}，{}年满{}岁），未满{}周岁",
                self.who.zh(),
                self.applied,
                self.age_years,
                self.born_on,
                self.of_age_on,
                self.min_age_years,
                self.min_age_years
            ),
            format!(
                "{} applied on {} aged {} (born {}, {} on {}): under {}",
                self.who.en(),
                self.applied,
                self.age_years,
                self.born_on,
                self.min_age_years,
                self.of_age_on,
                self.min_age_years
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev002 {
    #[serde(flatten)]
    who: Who,
    applied: NaiveDate,
    deadline: NaiveDate,
    talked: Option<NaiveDate>,
    days_late: i64,
}

impl Violation for Dev002 {
    const CODE: RuleCode = RuleCode::DEV002;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.applied, self.talked.unwrap_or(self.deadline))
    }
    fn message(&self) -> Message {
        match self.talked {
            Some(t) => Message::new(
                format!(
                    "{}于{}递交入党申请书，党组织{}才派人谈话，超过一个月期限（应于{}前）{}天",
                    self.who.zh(),
                    self.applied,
                    t,
                    self.deadline,
                    self.days_late
                ),
                format!(
                    "{} applied on {}; the talk took place on {}, {} after the deadline {}",
                    self.who.en(),
                    self.applied,
                    t,
                    days_en(self.days_late),
                    self.deadline
                ),
            ),
            None => Message::new(
                format!(
                    "{}于{}递交入党申请书，至今未派人谈话（应于{}前），已逾期{}天",
                    self.who.zh(),
                    self.applied,
                    self.deadline,
                    self.days_late
                ),
                format!(
                    "{} applied on {} and nobody has talked with them; due by {}, {} overdue",
                    self.who.en(),
                    self.applied,
                    self.deadline,
                    days_en(self.days_late)
                ),
            ),
        }
    }
}
