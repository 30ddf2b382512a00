#![doc = include_str!("indicators.md")]

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Finding;
use crate::dues::DuesStatus;
use crate::families::context::Context;
pub use crate::families::life::meetings::schedule::MeetingIndicator;
use crate::model::{DateRange, Hours, Id, Money, PaymentCycle, Step, YearMonth};
use crate::vocab::RuleCode;

/// A branch's dues over the period.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DuesIndicators {
    /// Member-months owed and due (see the module docs).
    pub owed_months: u32,
    /// Of them, paid in full by their deadline.
    pub on_time_months: u32,
    /// `on_time_months / owed_months`.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub on_time_rate: Option<Decimal>,
    /// The least amount that pays the owed months.
    pub expected: Money,
    /// What the payments for months of the period brought in.
    pub collected: Money,
}

/// Attendance over the meetings of the period.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AttendanceIndicators {
    /// Meetings held.
    pub meetings: u32,
    /// Member-meetings expected.
    pub expected: u32,
    /// Present.
    pub present: u32,
    /// Excused (请假).
    pub excused: u32,
    /// Absent on a day an exemption covers.
    pub exempt: u32,
    /// Absent without excuse.
    pub absent: u32,
    /// `present / expected`.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub rate: Option<Decimal>,
}

/// Training over the period.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TrainingIndicators {
    /// Members of the branch (in the branch some day of the period).
    pub members: u32,
    /// Hours of the period's training records.
    pub hours: Hours,
    /// `hours / members`, two decimals.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub mean_hours: Option<Decimal>,
    /// Members short of their yearly minimum (an EDU001 or EDU002 finding).
    pub below_minimum: u32,
}

/// The development pipeline.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DevelopmentIndicators {
    /// 入党申请人 on `as_of`.
    pub applicants: u32,
    /// 入党积极分子.
    pub activists: u32,
    /// 发展对象.
    pub candidates: u32,
    /// 预备党员.
    pub probationary: u32,
    /// Admissions approved in the period.
    pub admitted: u32,
    /// Conversions approved in the period.
    pub converted: u32,
}

/// How one branch stands over the audit period.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Indicators {
    /// The branch.
    pub branch: Id,
    /// The days measured: the audit period, up to `as_of`.
    pub period: DateRange,
    /// Dues.
    pub dues: DuesIndicators,
    /// Required meetings, by kind.
    pub meetings: Vec<MeetingIndicator>,
    /// Attendance.
    pub attendance: AttendanceIndicators,
    /// Training hours.
    pub training: TrainingIndicators,
    /// The development pipeline.
    pub development: DevelopmentIndicators,
}

/// `n / d` as a fraction rounded to `dp` decimals, `None` when `d` is 0.
pub(crate) fn ratio(n: u64, d: u64, dp: u32) -> Option<Decimal> {
    (d > 0).then(|| {
        (Decimal::from(n) / Decimal::from(d))
            .round_dp(dp)
            .normalize()
    })
}

impl Indicators {
    /// The indicators of the context's bundle, with its `findings`.
    pub fn compute(cx: &Context<'_>, findings: &[Finding]) -> Indicators {
        let b = cx.bundle;
        let to = cx.period.to.min(cx.as_of);
        let period = DateRange::new(cx.period.from, to).unwrap_or(DateRange::day(cx.period.from));
        Indicators {
            branch: b.branch.id.clone(),
            period,
            dues: dues(cx, period),
            meetings: crate::families::life::meetings::required_and_held(cx),
            attendance: attendance(cx, period),
            training: training(cx, period, findings),
            development: development(cx, period),
        }
    }
}

fn dues(cx: &Context<'_>, period: DateRange) -> DuesIndicators {
    let mut out = DuesIndicators::default();
    let (first, last) = period.months();
    let months = usize::try_from(first.months_until(last) + 1).unwrap_or(0);
    let mut late = vec![false; months];
    for pos in 0..cx.bundle.members.len() {
        if !cx.index.is_first_member(pos) {
            continue;
        }
        let Some(d) = cx.dues(pos) else {
            continue;
        };
        let quarterly = d.member.cycle() == PaymentCycle::Quarterly;
        let deadline = |m: YearMonth| {
            if quarterly {
                YearMonth::new(m.year(), m.quarter() * 3).map_or(m.last_day(), YearMonth::last_day)
            } else {
                m.last_day()
            }
        };
        // Which months of the period a payment made after its deadline covers.
        late.iter_mut().for_each(|l| *l = false);
        for (_, p) in &cx.index.member_records(pos).payments {
            if p.paid_on > cx.as_of {
                continue;
            }
            if first <= p.month && p.month <= last {
                out.collected = out.collected.saturating_add(p.amount);
            }
            let (a, z) = (p.month.max(first), p.last_month().min(last));
            for m in a.iter_to(z) {
                if p.paid_on > deadline(m) {
                    if let Some(l) = usize::try_from(first.months_until(m))
                        .ok()
                        .and_then(|i| late.get_mut(i))
                    {
                        *l = true;
                    }
                }
            }
        }
        for (i, m) in first.iter_to(last).enumerate() {
            let status = d.status(m);
            if !matches!(
                status,
                DuesStatus::Paid | DuesStatus::Short | DuesStatus::Unpaid
            ) {
                continue;
            }
            out.owed_months += 1;
            if let Some(e) = d.expected(m).and_then(|e| e.minimum()) {
                out.expected = out.expected.saturating_add(e);
            }
            if status == DuesStatus::Paid && !late.get(i).copied().unwrap_or(false) {
                out.on_time_months += 1;
            }
        }
    }
    out.on_time_rate = ratio(out.on_time_months.into(), out.owed_months.into(), 4);
    out
}

fn attendance(cx: &Context<'_>, period: DateRange) -> AttendanceIndicators {
    let mut out = AttendanceIndicators::default();
    let roll = cx.roll();
    for (i, m) in cx.bundle.meetings.iter().enumerate() {
        if !period.contains(m.date) || cx.index.meeting_pos(m.id.as_str()) != Some(i) {
            continue;
        }
        let Some(t) = roll.tally(i) else { continue };
        out.meetings += 1;
        out.expected += t.expected;
        out.present += t.present;
        out.excused += t.excused;
        out.exempt += t.exempt;
        out.absent += t.absent;
    }
    out.rate = ratio(out.present.into(), out.expected.into(), 4);
    out
}

fn training(cx: &Context<'_>, period: DateRange, findings: &[Finding]) -> TrainingIndicators {
    let mut out = TrainingIndicators::default();
    let mut members = 0u32;
    for (pos, m) in cx.bundle.members.iter().enumerate() {
        if cx.index.is_first_member(pos) && cx.member_span(m).is_some_and(|s| s.overlaps(&period)) {
            members += 1;
        }
    }
    let hours = cx
        .bundle
        .trainings
        .iter()
        .filter(|t| period.contains(t.date) && cx.member(t.member.as_str()).is_some())
        .map(|t| t.hours.decimal())
        .fold(Decimal::ZERO, |a, b| a.saturating_add(b));
    out.members = members;
    out.hours = Hours::new(hours.round_dp(2)).unwrap_or(Hours::ZERO);
    out.mean_hours =
        (members > 0).then(|| (hours / Decimal::from(members)).round_dp(2).normalize());
    let short: BTreeSet<&str> = findings
        .iter()
        .filter(|f| matches!(f.rule.code(), Some(RuleCode::EDU001 | RuleCode::EDU002)))
        .map(|f| f.subject.id.as_str())
        .collect();
    out.below_minimum = short.len() as u32;
    out
}

fn development(cx: &Context<'_>, period: DateRange) -> DevelopmentIndicators {
    use crate::development::Status;
    let mut out = DevelopmentIndicators::default();
    let in_period = |d: NaiveDate| period.contains(d);
    for pos in 0..cx.bundle.candidates.len() {
        let Some(f) = crate::families::development::rules::file_at(cx, pos) else {
            continue;
        };
        if cx
            .bundle
            .candidates
            .get(pos)
            .is_some_and(|c| cx.index.candidate_pos(c.id.as_str()) != Some(pos))
        {
            continue;
        }
        match f.status() {
            Status::Applicant => out.applicants += 1,
            Status::Activist => out.activists += 1,
            Status::Candidate => out.candidates += 1,
            Status::Probationary => out.probationary += 1,
            _ => {}
        }
        if f.all(Step::AdmissionApproved).any(|r| in_period(r.date)) {
            out.admitted += 1;
        }
        if f.all(Step::ConversionApproved).any(|r| in_period(r.date)) {
            out.converted += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicators(json: &str, from: &str, to: &str, as_of: &str) -> Indicators {
        let bundle = crate::load::bundle_from_json(json).unwrap_or_else(|e| panic!("{e}"));
        let d = crate::testing::d;
        let auditor = crate::Auditor::new(d(as_of)).period(DateRange::new(d(from), d(to)).unwrap());
        let cx = auditor.context(&bundle);
        let findings = auditor.check_context(&cx);
        Indicators::compute(&cx, &findings)
    }

    #[test]
    fn dues_count_the_periods_months_and_payments_only() {
        let pay = |month: &str, on: &str| {
            format!(
                r#"{{"member": "M1", "month": "{month}", "amount": "0.20", "paid_on": "{on}"}}"#
            )
        };
        let payments = [
            pay("2024-12", "2024-12-05"),
            pay("2025-01", "2025-01-05"),
            pay("2025-02", "2025-02-05"),
            pay("2025-03", "2025-03-05"),
            pay("2025-04", "2025-04-05"),
            // May's paid in June: late, in the period's last month.
            pay("2025-05", "2025-06-15"),
            pay("2025-07", "2025-07-05"),
        ];
        let i = indicators(
            &format!(
                r#"{{"branch": {{"id": "B1", "name": "一支部", "kind": "organ"}},
                  "members": [
                    {{"id": "M1", "name": "甲", "status": "full", "admitted_on": "2010-01-01", "dues_category": "student"}},
                    {{"id": "M2", "name": "乙", "status": "full", "admitted_on": "2025-09-01", "dues_category": "student"}}],
                  "dues_payments": [{}],
                  "trainings": [{{"member": "M1", "date": "2025-03-10", "hours": 10}}]}}"#,
                payments.join(",")
            ),
            "2025-01-01",
            "2025-05-31",
            "2025-12-31",
        );
        assert_eq!(i.period.to.to_string(), "2025-05-31");
        assert_eq!(
            (i.dues.owed_months, i.dues.on_time_months),
            (5, 4),
            "{:?}",
            i.dues
        );
        assert_eq!(
            i.dues.collected.to_string(),
            "1.00",
            "January to May, not December or July"
        );
        assert_eq!(i.dues.on_time_rate, Some(Decimal::new(8, 1)));
        // M2 joined after the period: not one of its members.
        assert_eq!(i.training.members, 1);
        assert_eq!(i.training.hours.to_string(), "10");
        assert_eq!(i.training.mean_hours, Some(Decimal::from(10)));
    }

    #[test]
    fn a_branch_without_members_has_no_means() {
        let i = indicators(
            r#"{"branch": {"id": "B1", "name": "一支部", "kind": "organ"}}"#,
            "2025-01-01",
            "2025-12-31",
            "2025-12-31",
        );
        assert_eq!(i.training.members, 0);
        assert_eq!(i.training.mean_hours, None);
        assert_eq!(i.dues.on_time_rate, None);
        assert_eq!(i.attendance.rate, None);
    }
}
