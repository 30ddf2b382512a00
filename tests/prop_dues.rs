//! Property tests of the dues rules and the dues calculator.
//!
//! The test data is built with an *independent* oracle written here from the
//! regulation (the rate table of 党费规定 arts. 2–6 and the "owed month" rule of
//! RULES.md), not with the crate's own calculator, so a drift between the two
//! makes these tests fail.

use chrono::{Datelike, Duration, NaiveDate};
use dangjian::dues::expected_monthly;
use dangjian::model::*;
use dangjian::{Auditor, Profile};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};

// ---------------------------------------------------------------------------
// The oracle

/// 党费规定 arts. 2–6: the rate applies to the whole base; brackets inclusive.
fn oracle_amount(cat: DuesCategory, base_fen: u64) -> Decimal {
    let base = Decimal::new(base_fen as i64, 2);
    let pct = |p: &str| p.parse::<Decimal>().unwrap() / Decimal::ONE_HUNDRED;
    let rate = match cat {
        DuesCategory::Retired => {
            if base_fen <= 500_000 {
                pct("0.5")
            } else {
                pct("1")
            }
        }
        DuesCategory::Student
        | DuesCategory::Unemployed
        | DuesCategory::Relief
        | DuesCategory::LowIncome => return "0.20".parse().unwrap(),
        DuesCategory::Farmer => return "0.20".parse().unwrap(), // the least that is enough
        _ => {
            if base_fen <= 300_000 {
                pct("0.5")
            } else if base_fen <= 500_000 {
                pct("1")
            } else if base_fen <= 1_000_000 {
                pct("1.5")
            } else {
                pct("2")
            }
        }
    };
    (base * rate).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// RULES.md: owed at this branch if a member here on day 1 of the month, or
/// admitted to the party in the month while here; months up to
/// `dues_paid_until` are settled (the test members have none, or one before
/// their transfer month).
fn oracle_owes(m: &Member, month: YearMonth) -> bool {
    let from = m.in_branch_from.unwrap_or(m.admitted_on);
    let to = m.in_branch_to.unwrap_or(NaiveDate::MAX);
    let day1 = month.first_day();
    let here = |d: NaiveDate| from <= d && d <= to;
    let mut owes = (m.admitted_on <= day1 && here(day1))
        || (YearMonth::of(m.admitted_on) == month && here(m.admitted_on));
    if let (Some(f), Some(p)) = (m.in_branch_from, m.dues_paid_until) {
        if YearMonth::of(f) == month && p < month && here(f) && m.admitted_on <= f {
            owes = true;
        }
    }
    let settled = m.dues_paid_until.is_some_and(|p| month <= p);
    owes && !settled
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn branch() -> Branch {
    Branch::new("B1".parse().unwrap(), "测试支部", BranchKind::Organ)
}

#[derive(Debug, Clone)]
struct Scenario {
    bundle: Bundle,
    as_of: NaiveDate,
    /// Months paid (each by one payment), in order.
    paid: Vec<YearMonth>,
}

const CATEGORIES: &[DuesCategory] = DuesCategory::ALL;

fn base_fen() -> impl Strategy<Value = u64> {
    prop_oneof![
        // the bracket boundaries and their neighbours
        prop::sample::select(vec![
            0u64, 1, 299_999, 300_000, 300_001, 499_999, 500_000, 500_001, 999_999, 1_000_000,
            1_000_001,
        ]),
        0u64..3_000_000,
    ]
}

prop_compose! {
    fn scenario()(
        cat in prop::sample::select(CATEGORIES),
        base in base_fen(),
        admitted in 0i64..(365 * 4),
        transfer_in in prop::option::of(0i64..(365 * 3)),
        letter in any::<bool>(),
        transfer_out in prop::option::of(0i64..400),
        quarterly in any::<bool>(),
        as_of in 0i64..365,
        pay_day in 0i64..28,
    ) -> Scenario {
        let start = ymd(2022, 1, 1);
        let admitted_on = start + Duration::days(admitted);
        let in_branch_from = transfer_in.map(|d| start + Duration::days(d)).filter(|d| *d >= admitted_on);
        let dues_paid_until = match (in_branch_from, letter) {
            (Some(f), true) => Some(YearMonth::of(f).pred()),
            _ => None,
        };
        let from = in_branch_from.unwrap_or(admitted_on);
        let in_branch_to = transfer_out.map(|d| from + Duration::days(d));
        let as_of = ymd(2025, 1, 1) + Duration::days(as_of);
        let mut member = Member::new(
            "M1".parse().unwrap(),
            "甲",
            MemberStatus::Full,
            admitted_on,
            cat,
        );
        member.born_on = Some(ymd(1990, 1, 1));
        member.in_branch_from = in_branch_from;
        member.in_branch_to = in_branch_to;
        member.payment_cycle = Some(if quarterly { PaymentCycle::Quarterly } else { PaymentCycle::Monthly });
        member.dues_paid_until = dues_paid_until;
        let mut bundle = Bundle::new(branch());
        bundle.dues_bases.push(DuesBase::new(
            member.id.clone(),
            YearMonth::new(2020, 1).unwrap(),
            Money::from_fen(base),
        ));
        let mut paid = Vec::new();
        let first = YearMonth::of(admitted_on);
        for month in first.iter_to(YearMonth::of(as_of)) {
            if !oracle_owes(&member, month) {
                continue;
            }
            let paid_on = (month.first_day() + Duration::days(pay_day)).min(month.last_day()).min(as_of);
            if paid_on < month.first_day() {
                continue;
            }
            let amount = Money::new(oracle_amount(cat, base)).unwrap();
            bundle.dues_payments.push(DuesPayment::new(member.id.clone(), month, amount, paid_on));
            paid.push(month);
        }
        bundle.members.push(member);
        Scenario { bundle, as_of, paid }
    }
}

fn codes(auditor: &Auditor, b: &Bundle) -> Vec<String> {
    auditor
        .check(b)
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f.rule,
                f.period.map(|p| p.from.to_string()).unwrap_or_default()
            )
        })
        .collect()
}

/// The months DUE001 checks: in the period (the year of as_of), and whose
/// deadline (month end; a quarterly payer's quarter end) is on or before as_of.
fn checked(member: &Member, month: YearMonth, as_of: NaiveDate) -> bool {
    let end = match member.cycle() {
        PaymentCycle::Monthly => month.last_day(),
        PaymentCycle::Quarterly => {
            let q_last = (month.month() - 1) / 3 * 3 + 3;
            YearMonth::new(month.year(), q_last).unwrap().last_day()
        }
        _ => unreachable!("a payment cycle this test does not know"),
    };
    month.year() == as_of.year() && end <= as_of
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A member who pays the expected amount for every owed month never gets
    /// DUE001–DUE004 (党费规定 arts. 2–6, 12; 党章 art. 9).
    #[test]
    fn fully_paid_member_is_clean(s in scenario()) {
        let auditor = Auditor::new(s.as_of).select("DUE001,DUE002,DUE003,DUE004".parse().unwrap());
        let found = codes(&auditor, &s.bundle);
        prop_assert!(found.is_empty(), "{found:?} for {:?}", s.bundle.members[0]);
    }

    /// Removing one owed month's payment adds exactly one DUE001, for that month
    /// (党费规定 art. 12), and nothing else among DUE001–DUE004.
    #[test]
    fn removing_one_payment_adds_one_due001(s in scenario(), pick in any::<prop::sample::Index>()) {
        let m = &s.bundle.members[0];
        let candidates: Vec<usize> = s
            .paid
            .iter()
            .enumerate()
            .filter(|(_, month)| checked(m, **month, s.as_of))
            .map(|(i, _)| i)
            .collect();
        prop_assume!(!candidates.is_empty());
        let i = candidates[pick.index(candidates.len())];
        let removed = s.paid[i];
        let mut b = s.bundle.clone();
        b.dues_payments.remove(i);
        let auditor = Auditor::new(s.as_of).select("DUE001,DUE002,DUE003,DUE004".parse().unwrap());
        let found = codes(&auditor, &b);
        prop_assert_eq!(found, vec![format!("DUE001 {}", removed.first_day())]);
    }

    /// The expected amount is non-decreasing in the base within a category.
    #[test]
    fn expected_is_monotonic_in_base(cat in prop::sample::select(CATEGORIES), a in base_fen(), b in base_fen()) {
        let p = Profile::central();
        let (lo, hi) = (a.min(b), a.max(b));
        let e_lo = expected_monthly(&p.dues, cat, Some(Money::from_fen(lo))).minimum().unwrap();
        let e_hi = expected_monthly(&p.dues, cat, Some(Money::from_fen(hi))).minimum().unwrap();
        prop_assert!(e_lo <= e_hi, "{cat}: {lo} -> {e_lo}, {hi} -> {e_hi}");
    }

    /// The calculator agrees with the regulation's table for every base.
    #[test]
    fn calculator_matches_the_table(cat in prop::sample::select(CATEGORIES), base in base_fen()) {
        let p = Profile::central();
        let got = expected_monthly(&p.dues, cat, Some(Money::from_fen(base))).minimum().unwrap();
        prop_assert_eq!(got.decimal(), oracle_amount(cat, base));
    }
}
