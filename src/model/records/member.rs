//! Party members.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::*;
use crate::model::{Id, YearMonth};

string_enum! {
    /// Gender.
    pub enum Gender {
        /// Male.
        Male = "male",
        /// Female.
        Female = "female",
    }
}

string_enum! {
    /// Full (正式) or probationary (预备) member.
    pub enum MemberStatus {
        /// 正式党员.
        Full = "full",
        /// 预备党员.
        Probationary = "probationary",
    }
}

string_enum! {
    /// Dues category (党费规定 arts. 2–6), which decides how the monthly amount is computed.
    pub enum DuesCategory {
        /// 在职 salaried: rate on after-tax salary.
        Salaried = "salaried",
        /// 年薪制: rate on the monthly share of the annual salary.
        AnnualSalary = "annual_salary",
        /// 不固定收入: rate on the monthly average income.
        IrregularIncome = "irregular_income",
        /// 离退休: rate on the pension.
        Retired = "retired",
        /// 农民: 0.20 to 1.00 yuan a month.
        Farmer = "farmer",
        /// 学生: 0.20 yuan.
        Student = "student",
        /// 下岗失业: 0.20 yuan.
        Unemployed = "unemployed",
        /// 依靠抚恤或救济: 0.20 yuan.
        Relief = "relief",
        /// 低保: 0.20 yuan.
        LowIncome = "low_income",
    }
}

string_enum! {
    /// Why a member left the branch (with `in_branch_to`), v1.1.
    pub enum LeftReason {
        /// 组织关系转出 transferred to another organisation.
        Transferred = "transferred",
        /// 去世 died.
        Died = "died",
        /// 出党 removed (expelled, 除名, 自行脱党 decided).
        Removed = "removed",
        /// Anything else.
        Other = "other",
    }
}

string_enum! {
    /// How often the member pays (党费规定 art. 12).
    pub enum PaymentCycle {
        /// Every month (the default).
        Monthly = "monthly",
        /// Every quarter, with the branch's consent.
        Quarterly = "quarterly",
    }
}

/// A party member of the branch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Member {
    /// Member id.
    pub id: Id,
    /// Name.
    pub name: String,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Date of birth.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub born_on: Option<NaiveDate>,
    /// Full or probationary.
    pub status: MemberStatus,
    /// Date of the 支部大会 that admitted them: probation and dues start here.
    #[serde(deserialize_with = "crate::model::date")]
    pub admitted_on: NaiveDate,
    /// Date probation ended (党龄 counts from here).
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub full_on: Option<NaiveDate>,
    /// Transferred into this branch (absent: from `founded_on` or `admitted_on`, the later).
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub in_branch_from: Option<NaiveDate>,
    /// Last day in this branch (transferred out, died, removed).
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub in_branch_to: Option<NaiveDate>,
    /// Why they left (with `in_branch_to`), v1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_reason: Option<LeftReason>,
    /// Dues category.
    pub dues_category: DuesCategory,
    /// Payment cycle; absent = monthly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_cycle: Option<PaymentCycle>,
    /// From the transfer letter: months up to and including this one are settled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dues_paid_until: Option<YearMonth>,
    /// Rights suspended (留党察看 etc.): not a voting member.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub rights_suspended: bool,
    /// 党员领导干部.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub leading_cadre: bool,
}

impl Member {
    /// A member with the required fields; every optional field absent.
    pub fn new(
        id: Id,
        name: impl Into<String>,
        status: MemberStatus,
        admitted_on: NaiveDate,
        dues_category: DuesCategory,
    ) -> Member {
        Member {
            id,
            name: name.into(),
            gender: None,
            born_on: None,
            status,
            admitted_on,
            full_on: None,
            in_branch_from: None,
            in_branch_to: None,
            left_reason: None,
            dues_category,
            payment_cycle: None,
            dues_paid_until: None,
            rights_suspended: false,
            leading_cadre: false,
        }
    }

    /// The payment cycle, monthly when absent.
    pub fn cycle(&self) -> PaymentCycle {
        self.payment_cycle.unwrap_or(PaymentCycle::Monthly)
    }
}
