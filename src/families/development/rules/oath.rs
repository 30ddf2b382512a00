//! The oath within a month of the approval (DEV022, 2026 edition).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{WHO, Who, days_en, span};
use crate::development::DevelopmentFile;
use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key, param};
use crate::model::{DateRange, Step, add_months};
use crate::profile::XizeEdition;
use crate::vocab::{Message, Severity, Subject};

pub(super) static RULES: &[RuleMeta] = &[RuleMeta {
    code: RuleCode::DEV022,
    name: "oath-late",
    severity: Severity::Warning,
    summary: "(2026 edition) the oath later than a month after the approval of admission",
    what: "Under the 2026 edition of the 细则 (in force on the date of `admission_approved`): \
           the first `oath` on or after the first `admission_approved` is dated later than the \
           approval + `development.oath_within_months` (1) month, the day clamped to the month \
           end (the deadline day is on time), unless it is a collective oath: dated 07-01 (七一) \
           or 10-01 (国庆) with no other 07-01 or 10-01 between the approval and it (the first \
           such day after the approval). A missing oath is DEV016 (at the end of probation). \
           Never under the 2014 edition, which sets no such time (the built-in `central` \
           profile keeps 2014 for every date; `central-2026` applies 2026 from 2026-05-11).",
    why: "The 2026 revision puts the oath soon after admission — within a month of the higher \
          committee's approval — or at the next collective oath on a major anniversary.",
    example: "Approved 2026-05-20, oath 2026-10-01: late, since 2026-07-01 came first; an \
              oath on 2026-07-01 would be on time.",
    source: "细则2026 第二十九条",
    // 细则 (2026) art. 29: "入党宣誓仪式，一般在批复同意接收预备党员后的一个月内，
    // 由基层党委或者党支部（党总支）组织进行。县级以上党委可以在“七一”、国庆等
    // 重大纪念日组织集中宣誓" — the source of `development.oath_within_months`.
    citations: &[param("development.oath_within_months")],
    evidence: &[
        WHO,
        key(
            "admission_approved",
            "date",
            "the date of `admission_approved`",
        ),
        key("deadline", "date", "the last day for the oath"),
        key("oath", "date", "the date of the oath"),
        key("months", "integer", "`development.oath_within_months`"),
        key("days_late", "integer", "days after the deadline"),
        key(
            "collective_day",
            "date",
            "the first 07-01 or 10-01 after the approval (a collective oath then is on time)",
        ),
    ],
    practice: false,
    since: "0.2.0",
}];

/// The first 07-01 or 10-01 strictly after `date`.
fn first_collective_day(date: NaiveDate) -> NaiveDate {
    let y = date.year();
    [(y, 7), (y, 10), (y.saturating_add(1), 7)]
        .into_iter()
        .filter_map(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1))
        .find(|d| *d > date)
        .unwrap_or(NaiveDate::MAX)
}

pub(super) fn check(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    if !out.wants(RuleCode::DEV022) {
        return;
    }
    let Some(approved) = f.first(Step::AdmissionApproved) else {
        return;
    };
    if f.edition_on(approved.date) != XizeEdition::Y2026 {
        return;
    }
    let Some(oath) = f.all(Step::Oath).find(|o| o.date >= approved.date) else {
        return; // DEV016 at the end of probation
    };
    let months = *cx.profile.development.oath_within_months.at(approved.date);
    let deadline = add_months(approved.date, months);
    let collective_day = first_collective_day(approved.date);
    // The collective oath: on 07-01 or 10-01 with no other such day between
    // the approval and it, i.e. on the first one after the approval.
    if oath.date <= deadline || oath.date == collective_day {
        return;
    }
    out.report(Dev022 {
        who: who.clone(),
        admission_approved: approved.date,
        deadline,
        oath: oath.date,
        months,
        days_late: (oath.date - deadline).num_days(),
        collective_day,
    });
}

#[derive(Serialize)]
struct Dev022 {
    #[serde(flatten)]
    who: Who,
    admission_approved: NaiveDate,
    deadline: NaiveDate,
    oath: NaiveDate,
    months: u32,
    days_late: i64,
    collective_day: NaiveDate,
}

impl Violation for Dev022 {
    const CODE: RuleCode = RuleCode::DEV022;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.admission_approved, self.oath)
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}于{}被批准为预备党员，{}才入党宣誓，超过{}个月期限（应于{}前）{}天，\
                 也不是批准后的首个“七一”或国庆集中宣誓（{}）",
                self.who.zh(),
                self.admission_approved,
                self.oath,
                self.months,
                self.deadline,
                self.days_late,
                self.collective_day
            ),
            format!(
                "{} was admitted on {} and took the oath on {}, {} after the {}-month deadline \
                 {}, and not at the first collective oath after the approval ({})",
                self.who.en(),
                self.admission_approved,
                self.oath,
                days_en(self.days_late),
                self.months,
                self.deadline,
                self.collective_day
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::parse_date(s).unwrap()
    }

    #[test]
    fn collective_days() {
        assert_eq!(first_collective_day(d("2026-05-20")), d("2026-07-01"));
        assert_eq!(first_collective_day(d("2026-07-01")), d("2026-10-01"));
        assert_eq!(first_collective_day(d("2026-09-30")), d("2026-10-01"));
        assert_eq!(first_collective_day(d("2026-10-01")), d("2027-07-01"));
        assert_eq!(first_collective_day(d("2026-12-31")), d("2027-07-01"));
    }
}
