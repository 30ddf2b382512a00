//! Transfers, mobility, remittances and publications (v1.1).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::*;
use crate::model::{Id, Money, PeriodSpec};

string_enum! {
    /// Direction of a transfer of organisational relations (组织关系接转).
    pub enum TransferDirection {
        /// 转入 into this branch.
        In = "in",
        /// 转出 out of this branch.
        Out = "out",
    }
}

/// A transfer of organisational relations (组织关系介绍信), v1.1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transfer {
    /// The member.
    pub member: Id,
    /// In or out.
    pub direction: TransferDirection,
    /// Date the letter was issued.
    #[serde(deserialize_with = "crate::model::date")]
    pub issued_on: NaiveDate,
    /// Last day the letter is valid.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid_until: Option<NaiveDate>,
    /// The other organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// Date the member reported (报到) at the receiving organisation.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub reported_on: Option<NaiveDate>,
    /// Date the receipt (回执) came back.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub receipt_on: Option<NaiveDate>,
    /// Whether it crosses systems (跨系统).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub cross_system: bool,
}

impl Transfer {
    /// A transfer of `member` in `direction` by a letter issued on `issued_on`.
    pub fn new(member: Id, direction: TransferDirection, issued_on: NaiveDate) -> Transfer {
        Transfer {
            member,
            direction,
            issued_on,
            valid_until: None,
            org: None,
            reported_on: None,
            receipt_on: None,
            cross_system: false,
        }
    }
}

string_enum! {
    /// Why a member is away (流动党员), v1.1.
    pub enum MobilityKind {
        /// 外出务工经商 work.
        Work = "work",
        /// 外出学习 study.
        Study = "study",
        /// 外出居住 living elsewhere.
        Life = "life",
        /// 出国出境 abroad.
        Abroad = "abroad",
        /// 失去联系 lost contact.
        LostContact = "lost_contact",
    }
}

/// A member away from the branch (流动党员, 出国出境, 失联), v1.1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mobility {
    /// The member.
    pub member: Id,
    /// Why away.
    pub kind: MobilityKind,
    /// First day away.
    #[serde(deserialize_with = "crate::model::date")]
    pub from: NaiveDate,
    /// Last day away; absent = still away.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub to: Option<NaiveDate>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Whether the place is relatively fixed (地点相对固定).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub place_fixed: bool,
    /// Date membership was suspended (停止党籍) for a lost-contact member.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub suspended_on: Option<NaiveDate>,
}

impl Mobility {
    /// `member` away for `kind` from `from`, still away, place unknown.
    pub fn new(member: Id, kind: MobilityKind, from: NaiveDate) -> Mobility {
        Mobility {
            member,
            kind,
            from,
            to: None,
            place: None,
            place_fixed: false,
            suspended_on: None,
        }
    }
}

/// Dues remitted to the higher committee (上缴) for a month or quarter, v1.1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DuesRemittance {
    /// The month (`YYYY-MM`) or quarter (`YYYY-Qn`) remitted for.
    pub period: PeriodSpec,
    /// Amount remitted.
    pub amount: Money,
    /// Date remitted.
    #[serde(deserialize_with = "crate::model::date")]
    pub remitted_on: NaiveDate,
}

impl DuesRemittance {
    /// `amount` remitted on `remitted_on` for `period`.
    pub fn new(period: PeriodSpec, amount: Money, remitted_on: NaiveDate) -> DuesRemittance {
        DuesRemittance {
            period,
            amount,
            remitted_on,
        }
    }
}

/// A publication of the year's dues collected and used (党费收缴使用情况公布), v1.1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DuesPublication {
    /// Date published.
    #[serde(deserialize_with = "crate::model::date")]
    pub date: NaiveDate,
    /// The year published for.
    pub year: i32,
}

impl DuesPublication {
    /// The publication on `date` of the figures of `year`.
    pub fn new(date: NaiveDate, year: i32) -> DuesPublication {
        DuesPublication { date, year }
    }
}
