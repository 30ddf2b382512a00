//! Dues: bases, payments, waivers and exemptions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Id, Money, YearMonth};

/// A member's monthly dues base, in effect from `from` until their next base record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DuesBase {
    /// The member.
    pub member: Id,
    /// First month the base applies to.
    pub from: YearMonth,
    /// After-tax fixed monthly income, or pension for the retired.
    pub base: Money,
}

impl DuesBase {
    /// The base of `member` from the month `from`.
    pub fn new(member: Id, from: YearMonth, base: Money) -> DuesBase {
        DuesBase { member, from, base }
    }
}

/// A dues payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DuesPayment {
    /// The member.
    pub member: Id,
    /// The month paid for.
    pub month: YearMonth,
    /// If present, the payment covers `month..=through` and `amount` is the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub through: Option<YearMonth>,
    /// Amount paid.
    pub amount: Money,
    /// Day of payment.
    #[serde(deserialize_with = "crate::model::date")]
    pub paid_on: NaiveDate,
    /// Number of the receipt given (开具党费收据), v1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_no: Option<String>,
    /// The member who collected the payment, v1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collector: Option<Id>,
}

impl DuesPayment {
    /// A payment by `member` for `month` of `amount`, paid on `paid_on`.
    pub fn new(member: Id, month: YearMonth, amount: Money, paid_on: NaiveDate) -> DuesPayment {
        DuesPayment {
            member,
            month,
            through: None,
            amount,
            paid_on,
            receipt_no: None,
            collector: None,
        }
    }

    /// Makes the payment cover `month..=through` (`amount` is then the total).
    #[must_use]
    pub fn through(mut self, through: YearMonth) -> DuesPayment {
        self.through = Some(through);
        self
    }

    /// The last month covered (`through`, or `month`).
    pub fn last_month(&self) -> YearMonth {
        self.through.unwrap_or(self.month)
    }
}

string_enum! {
    /// Whether a waiver reduces or waives dues.
    pub enum WaiverKind {
        /// Reduced to `amount` a month.
        Reduce = "reduce",
        /// Waived entirely.
        Waive = "waive",
    }
}

/// A reduction or waiver of dues (党费规定 art. 7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DuesWaiver {
    /// The member.
    pub member: Id,
    /// First month.
    pub from: YearMonth,
    /// Last month.
    pub to: YearMonth,
    /// Reduce or waive.
    pub kind: WaiverKind,
    /// The reduced monthly amount (for `reduce`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// Date of the branch's decision.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub branch_decided_on: Option<NaiveDate>,
    /// Date of the higher committee's approval.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub higher_approved_on: Option<NaiveDate>,
}

impl DuesWaiver {
    /// A waiver or reduction of `member`'s dues for `from..=to`, with neither
    /// approval recorded yet.
    pub fn new(member: Id, from: YearMonth, to: YearMonth, kind: WaiverKind) -> DuesWaiver {
        DuesWaiver {
            member,
            from,
            to,
            kind,
            amount: None,
            branch_decided_on: None,
            higher_approved_on: None,
        }
    }

    /// Valid only with both the branch decision and the higher approval.
    pub fn is_approved(&self) -> bool {
        self.branch_decided_on.is_some() && self.higher_approved_on.is_some()
    }
}

/// An approved good reason (正当理由) covering a date range. It excuses
/// organisational life and dues lapses inside the range, not the money itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Exemption {
    /// The member.
    pub member: Id,
    /// First day.
    #[serde(deserialize_with = "crate::model::date")]
    pub from: NaiveDate,
    /// Last day.
    #[serde(deserialize_with = "crate::model::date")]
    pub to: NaiveDate,
    /// Free text or one of `illness|abroad|mobile|detained|other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Exemption {
    /// An exemption of `member` for the days `from..=to`, with no reason given.
    pub fn new(member: Id, from: NaiveDate, to: NaiveDate) -> Exemption {
        Exemption {
            member,
            from,
            to,
            reason: None,
        }
    }
}
