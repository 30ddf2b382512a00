//! The dues (党费) calculator.
//!
//! # The calculator
//!
//! [`expected_monthly`] turns a dues category and a monthly base into the
//! monthly amount of the 2008 rules (党费规定 arts. 2–6): the rate applies to the
//! **whole** base (it is not progressive), brackets are inclusive at their
//! upper bound, and the amount is rounded half up by the profile's mode. It
//! needs nothing but a [`DuesProfile`], so other programs can use it alone:
//!
//! ```
//! use dangjian::dues::{expected_monthly, Expected};
//! use dangjian::{DuesCategory, Money, Profile};
//!
//! let p = Profile::central();
//! let base: Money = "3000.01".parse()?;
//! let e = expected_monthly(&p.dues, DuesCategory::Salaried, Some(base));
//! assert_eq!(e.amount(), Some("30.00".parse()?)); // 1% of the whole base
//! let e = expected_monthly(&p.dues, DuesCategory::Salaried, Some("3000.00".parse()?));
//! assert_eq!(e.amount(), Some("15.00".parse()?)); // 0.5%
//! # Ok::<(), dangjian::ParseValueError>(())
//! ```

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use crate::model::{DuesCategory, Money};
use crate::profile::{Bracket, DuesProfile};

/// The expected monthly amount of a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Expected {
    /// A rate applied to a base.
    Rated {
        /// The monthly base.
        base: Money,
        /// The rate (0.005 = 0.5%).
        rate: Decimal,
        /// The amount, rounded.
        amount: Money,
    },
    /// A fixed amount (students, the unemployed, relief, low income; reduced by a waiver).
    Fixed {
        /// The amount.
        amount: Money,
    },
    /// Any amount in a range (farmers).
    Range {
        /// Least amount.
        min: Money,
        /// Most amount.
        max: Money,
    },
    /// The category is rated on a base, and no base is in effect.
    BaseMissing,
}

impl Expected {
    /// The single expected amount, if there is one.
    pub fn amount(self) -> Option<Money> {
        match self {
            Expected::Rated { amount, .. } | Expected::Fixed { amount } => Some(amount),
            Expected::Range { .. } | Expected::BaseMissing => None,
        }
    }

    /// The least amount that pays the month in full, if known.
    pub fn minimum(self) -> Option<Money> {
        match self {
            Expected::Rated { amount, .. } | Expected::Fixed { amount } => Some(amount),
            Expected::Range { min, .. } => Some(min),
            Expected::BaseMissing => None,
        }
    }
}

/// Whether a category's amount is a rate on a base (salaries and pensions).
pub fn is_base_rated(category: DuesCategory) -> bool {
    matches!(
        category,
        DuesCategory::Salaried
            | DuesCategory::AnnualSalary
            | DuesCategory::IrregularIncome
            | DuesCategory::Retired
    )
}

/// The rate of `base` in a rate table: the first bracket whose inclusive upper
/// bound is at least the base.
pub fn rate_for(brackets: &[Bracket], base: Money) -> Decimal {
    brackets
        .iter()
        .find(|b| b.up_to.is_none_or(|up| base <= up))
        .or(brackets.last())
        .map_or(Decimal::ZERO, |b| b.rate)
}

/// The expected monthly amount for a category and base (党费规定 arts. 2–6),
/// with the profile's first edition of every rate (see [`expected_monthly_on`]
/// for the edition in force on a date).
///
/// `base` is ignored by categories with a fixed amount or range.
pub fn expected_monthly(
    profile: &DuesProfile,
    category: DuesCategory,
    base: Option<Money>,
) -> Expected {
    expected_monthly_on(profile, category, base, None)
}

/// [`expected_monthly`] with the rates, amounts and rounding in force on
/// `on` (the first day of the month owed); `None`: the first edition.
///
/// ```
/// use dangjian::dues::expected_monthly_on;
/// use dangjian::{DuesCategory, NaiveDate, Profile};
/// let mut p = Profile::central();
/// let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// p.dues.fixed_amount.set_from(from, "0.50".parse()?, None);
/// let dec = NaiveDate::from_ymd_opt(2025, 12, 1);
/// let e = expected_monthly_on(&p.dues, DuesCategory::Student, None, dec);
/// assert_eq!(e.amount(), Some("0.20".parse()?));
/// let e = expected_monthly_on(&p.dues, DuesCategory::Student, None, Some(from));
/// assert_eq!(e.amount(), Some("0.50".parse()?));
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
pub fn expected_monthly_on(
    profile: &DuesProfile,
    category: DuesCategory,
    base: Option<Money>,
    on: Option<chrono::NaiveDate>,
) -> Expected {
    let rated = |brackets: &[Bracket]| match base {
        None => Expected::BaseMissing,
        Some(base) => {
            let rate = rate_for(brackets, base);
            let raw = base.decimal() * rate;
            let rounded = raw.round_dp_with_strategy(
                profile.rounding.at_opt(on).places(),
                RoundingStrategy::MidpointAwayFromZero,
            );
            Expected::Rated {
                base,
                rate,
                amount: Money::new(rounded).unwrap_or(Money::ZERO),
            }
        }
    };
    match category {
        DuesCategory::Salaried | DuesCategory::AnnualSalary | DuesCategory::IrregularIncome => {
            rated(profile.income_rates.at_opt(on))
        }
        DuesCategory::Retired => rated(profile.retired_rates.at_opt(on)),
        DuesCategory::Farmer => Expected::Range {
            min: *profile.farmer_min.at_opt(on),
            max: *profile.farmer_max.at_opt(on),
        },
        DuesCategory::Student
        | DuesCategory::Unemployed
        | DuesCategory::Relief
        | DuesCategory::LowIncome => Expected::Fixed {
            amount: *profile.fixed_amount.at_opt(on),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Profile;

    /// The owed-month range equals the definition, month by month, over
    /// admissions, transfers in and out on and around month boundaries.
    fn amount(cat: DuesCategory, base: &str) -> String {
        let p = Profile::central();
        let e = expected_monthly(&p.dues, cat, Some(base.parse().unwrap()));
        e.amount().map(|a| a.to_string()).unwrap_or_default()
    }

    // 党费规定 第二条: 3000 元以下（含）0.5%，3000–5000（含）1%，5000–10000（含）1.5%，10000 以上 2%.
    #[test]
    fn income_brackets_are_inclusive_and_on_the_whole_base() {
        assert_eq!(amount(DuesCategory::Salaried, "3000.00"), "15.00");
        assert_eq!(amount(DuesCategory::Salaried, "3000.01"), "30.00");
        assert_eq!(amount(DuesCategory::Salaried, "5000.00"), "50.00");
        assert_eq!(amount(DuesCategory::Salaried, "5000.01"), "75.00");
        assert_eq!(amount(DuesCategory::Salaried, "10000.00"), "150.00");
        assert_eq!(amount(DuesCategory::Salaried, "10000.01"), "200.00");
        assert_eq!(amount(DuesCategory::AnnualSalary, "8500.00"), "127.50");
        assert_eq!(amount(DuesCategory::IrregularIncome, "0"), "0.00");
    }

    // 党费规定 第五条: 离退休 5000 元以下（含）0.5%，以上 1%.
    #[test]
    fn retired_brackets() {
        assert_eq!(amount(DuesCategory::Retired, "5000.00"), "25.00");
        assert_eq!(amount(DuesCategory::Retired, "5000.01"), "50.00");
    }

    #[test]
    fn rounding_is_half_up_by_mode() {
        // 4321.50 * 1% = 43.215 -> 43.22 (fen), 43.2 (jiao), 43 (yuan)
        let mut p = Profile::central();
        let base = Some("4321.50".parse().unwrap());
        let e = expected_monthly(&p.dues, DuesCategory::Salaried, base);
        assert_eq!(e.amount().unwrap().to_string(), "43.22");
        p.dues.rounding.set(crate::profile::Rounding::Jiao, None);
        let e = expected_monthly(&p.dues, DuesCategory::Salaried, base);
        assert_eq!(e.amount().unwrap().to_string(), "43.20");
        p.dues.rounding.set(crate::profile::Rounding::Yuan, None);
        let e = expected_monthly(&p.dues, DuesCategory::Salaried, base);
        assert_eq!(e.amount().unwrap().to_string(), "43.00");
    }

    // 党费规定 第六条: 农民 0.2–1 元; 学生、下岗失业、依靠抚恤或救济、低保 0.2 元.
    #[test]
    fn fixed_and_range_categories() {
        let p = Profile::central();
        for c in [
            DuesCategory::Student,
            DuesCategory::Unemployed,
            DuesCategory::Relief,
            DuesCategory::LowIncome,
        ] {
            assert_eq!(
                expected_monthly(&p.dues, c, None).amount(),
                Some("0.20".parse().unwrap())
            );
        }
        let e = expected_monthly(&p.dues, DuesCategory::Farmer, None);
        assert_eq!(e.minimum(), Some("0.20".parse().unwrap()));
        assert_eq!(e.amount(), None);
        assert_eq!(
            expected_monthly(&p.dues, DuesCategory::Salaried, None),
            Expected::BaseMissing
        );
    }
}
