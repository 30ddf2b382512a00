//! Every threshold of the rules, each with its citation.
//!
//! Rules read their thresholds here and nowhere else. [`Profile::central`] is
//! the central regulations' profile, the default; a province or a sector that
//! is stricter (or counts differently where the central text leaves it open,
//! "practice") builds its own by changing fields:
//!
//! ```
//! use dangjian::Profile;
//! let mut p = Profile::central();
//! p.name = "example-province".into();
//! p.meetings.absence_threshold.value = 2;
//! assert_eq!(Profile::central().meetings.absence_threshold.value, 3);
//! ```

use rust_decimal::Decimal;
use serde::Serialize;

use crate::finding::Citation;
use crate::model::{Money, PublicityStage};
use crate::sources::{DANGZHANG, DUES_RULES, JIAOYU, PEIXUN, PRACTICE, XIZE, ZHIBU, cite};

/// A threshold and the text it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Param<T> {
    /// The value the rules use.
    pub value: T,
    /// Where it comes from.
    pub source: Citation,
}

const fn param<T>(value: T, source: Citation) -> Param<T> {
    Param { value, source }
}

/// How an expected dues amount is rounded (half up).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rounding {
    /// To the fen, 0.01 yuan (the default).
    Fen,
    /// To the jiao, 0.1 yuan.
    Jiao,
    /// To the whole yuan.
    Yuan,
}

impl Rounding {
    /// Decimal places kept.
    pub fn places(self) -> u32 {
        match self {
            Rounding::Fen => 2,
            Rounding::Jiao => 1,
            Rounding::Yuan => 0,
        }
    }
}

/// One bracket of a rate table: bases up to and including `up_to` (no limit
/// when `None`) pay `rate` of the **whole** base.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bracket {
    /// Inclusive upper bound of the base.
    pub up_to: Option<Money>,
    /// Rate as a fraction (0.005 = 0.5%).
    pub rate: Decimal,
}

/// Kind of calendar period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
}

/// Dues thresholds (党费规定).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DuesProfile {
    /// Rates for `salaried`, `annual_salary` and `irregular_income`, on the after-tax base.
    pub income_rates: Param<Vec<Bracket>>,
    /// Rates for `retired`, on the pension.
    pub retired_rates: Param<Vec<Bracket>>,
    /// Least monthly amount of a `farmer`.
    pub farmer_min: Param<Money>,
    /// Most monthly amount of a `farmer`.
    pub farmer_max: Param<Money>,
    /// Monthly amount of `student`, `unemployed`, `relief` and `low_income`.
    pub fixed_amount: Param<Money>,
    /// Rounding of the expected amount.
    pub rounding: Param<Rounding>,
    /// Shortest run of unpaid months reported as `DUE003` (runs of this many up
    /// to `lapse_months - 1`).
    pub arrears_min_months: Param<u32>,
    /// Shortest run of unpaid months that is a six-month lapse (`DUE004`).
    pub lapse_months: Param<u32>,
    /// A back-payment more than this many months after the end of the month
    /// paid for is late (`DUE005`).
    pub backpay_max_months: Param<u32>,
}

/// Member-development thresholds (发展党员工作细则).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DevelopmentProfile {
    /// Least age on `applied`.
    pub min_age_years: Param<u32>,
    /// The initial talk within this many months of `applied`.
    pub talk_within_months: Param<u32>,
    /// Least time as an activist before `candidate_confirmed`, in months.
    pub activist_min_months: Param<u32>,
    /// Most months between assessments of an activist (`DEV006`); the planner
    /// also reminds of a probationer's assessment at this interval.
    pub assessment_interval_months: Param<u32>,
    /// Least and most contacts (培养联系人).
    pub contacts: Param<(u32, u32)>,
    /// Number of introducers (入党介绍人).
    pub introducers: Param<u32>,
    /// Least days of the concentrated training.
    pub training_min_days: Param<u32>,
    /// Least hours of the concentrated training.
    pub training_min_hours: Param<u32>,
    /// Publicity stages required.
    pub publicity_stages: Param<Vec<PublicityStage>>,
    /// Least working days of a publicity.
    pub publicity_min_working_days: Param<u32>,
    /// Approval within this many months of its meeting (warning past it).
    pub approval_within_months: Param<u32>,
    /// Approval later than this many months is an error.
    pub approval_error_months: Param<u32>,
    /// Probation, in months from `admission_meeting`.
    pub probation_months: Param<u32>,
    /// Least and most months of a probation extension.
    pub extension_months: Param<(u32, u32)>,
    /// Grace after the end of probation before a missing conversion meeting is
    /// overdue (`DEV017`). The 细则 says 及时 (in time); one month is practice.
    pub conversion_grace_months: Param<u32>,
    /// Grace after `conversion_approved` before unarchived materials are
    /// reported (`DEV020`). The 细则 says 及时; one month is practice.
    pub archive_grace_months: Param<u32>,
}

/// Organisational-life thresholds (支部工作条例, 党章).
///
/// The annual items (组织生活会 `MTG006`, 民主评议党员 `MTG007`, talks
/// `MTG008`) are yearly by the text itself and have no frequency here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingsProfile {
    /// How often a 支部党员大会 is required (`MTG001`; 一般每季度1次).
    pub general_meeting_every: Param<PeriodKind>,
    /// How often a 支委会 is required (`MTG002`; 一般每月1次).
    pub committee_meeting_every: Param<PeriodKind>,
    /// How often each 党小组 meets (`MTG003`; 一般每月1次).
    pub group_meeting_every: Param<PeriodKind>,
    /// How often a party lecture (党课) is required (`MTG004`). The central
    /// text sets no count; quarterly is local practice.
    pub party_lecture_every: Param<PeriodKind>,
    /// How often a 主题党日 is held (`MTG005`; 每月相对固定1天).
    pub theme_day_every: Param<PeriodKind>,
    /// Unexcused absences in a year that are reported (`MTG009`; practice).
    pub absence_threshold: Param<u32>,
    /// Consecutive months without organisational life that are a lapse (`MTG010`).
    pub lapse_months: Param<u32>,
}

/// Training-hour thresholds (党员教育管理工作条例, 培训规划).
///
/// Both are for a whole year in the branch; a member who joined or left
/// during the year owes them pro rata by days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EducationProfile {
    /// Least training hours a year of every member (`EDU001`).
    pub member_hours: Param<u32>,
    /// Least training hours a year of committee members and secretaries (`EDU002`).
    pub cadre_hours: Param<u32>,
}

/// Branch-organisation thresholds (支部工作条例, 党章).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrganisationProfile {
    /// A branch with this many full members or more needs a committee.
    pub committee_required_from: Param<u32>,
    /// Least and most committee members.
    pub committee_size: Param<(u32, u32)>,
    /// Months before the end of a term that `ORG003` starts giving notice (info).
    pub term_notice_months: Param<u32>,
    /// Fewest full members of a branch.
    pub branch_min_full: Param<u32>,
    /// Most members of a branch.
    pub branch_max_members: Param<u32>,
}

/// All thresholds of all rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Profile {
    /// The profile's name, printed in the report (`central` by default).
    pub name: String,
    /// Dues.
    pub dues: DuesProfile,
    /// Member development.
    pub development: DevelopmentProfile,
    /// Organisational life.
    pub meetings: MeetingsProfile,
    /// Training hours.
    pub education: EducationProfile,
    /// Branch organisation.
    pub organisation: OrganisationProfile,
}

impl Default for Profile {
    fn default() -> Profile {
        Profile::central()
    }
}

fn money(fen: u64) -> Money {
    Money::from_fen(fen)
}

fn rate(permille_tenths: i64) -> Decimal {
    // 5 -> 0.005 (0.5%)
    Decimal::new(permille_tenths, 3)
}

impl Profile {
    /// The central regulations' profile.
    pub fn central() -> Profile {
        let art = |a| cite(DUES_RULES, a);
        Profile {
            name: "central".to_owned(),
            dues: DuesProfile {
                income_rates: param(
                    vec![
                        Bracket {
                            up_to: Some(money(300_000)),
                            rate: rate(5),
                        },
                        Bracket {
                            up_to: Some(money(500_000)),
                            rate: rate(10),
                        },
                        Bracket {
                            up_to: Some(money(1_000_000)),
                            rate: rate(15),
                        },
                        Bracket {
                            up_to: None,
                            rate: rate(20),
                        },
                    ],
                    art("第二条至第四条"),
                ),
                retired_rates: param(
                    vec![
                        Bracket {
                            up_to: Some(money(500_000)),
                            rate: rate(5),
                        },
                        Bracket {
                            up_to: None,
                            rate: rate(10),
                        },
                    ],
                    art("第五条"),
                ),
                farmer_min: param(money(20), art("第六条")),
                farmer_max: param(money(100), art("第六条")),
                fixed_amount: param(money(20), art("第六条")),
                rounding: param(Rounding::Fen, art("第二条")),
                arrears_min_months: param(3, cite(PRACTICE, "逾期三个月提醒")),
                lapse_months: param(6, cite(DANGZHANG, "第九条")),
                backpay_max_months: param(6, art("第十二条")),
            },
            development: DevelopmentProfile {
                min_age_years: param(18, cite(DANGZHANG, "第一条")),
                talk_within_months: param(1, cite(XIZE, "第七条")),
                activist_min_months: param(12, cite(XIZE, "第十三条")),
                assessment_interval_months: param(6, cite(XIZE, "第十一条")),
                contacts: param((1, 2), cite(XIZE, "第九条")),
                introducers: param(2, cite(XIZE, "第十四条")),
                training_min_days: param(3, cite(XIZE, "第十七条")),
                training_min_hours: param(24, cite(XIZE, "第十七条")),
                publicity_stages: param(
                    vec![PublicityStage::Candidate, PublicityStage::Conversion],
                    cite(PRACTICE, "公示"),
                ),
                publicity_min_working_days: param(5, cite(PRACTICE, "公示不少于5个工作日")),
                approval_within_months: param(3, cite(XIZE, "第二十五条")),
                approval_error_months: param(6, cite(XIZE, "第二十五条")),
                probation_months: param(12, cite(DANGZHANG, "第七条")),
                extension_months: param((6, 12), cite(DANGZHANG, "第七条")),
                conversion_grace_months: param(
                    1,
                    cite(
                        PRACTICE,
                        "预备期满一个月内讨论转正（细则第三十三条：及时讨论）",
                    ),
                ),
                archive_grace_months: param(
                    1,
                    cite(PRACTICE, "转正后一个月内归档（细则第三十七条：及时归档）"),
                ),
            },
            meetings: MeetingsProfile {
                general_meeting_every: param(PeriodKind::Quarter, cite(ZHIBU, "第十一条")),
                committee_meeting_every: param(PeriodKind::Month, cite(ZHIBU, "第十二条")),
                group_meeting_every: param(PeriodKind::Month, cite(ZHIBU, "第十三条")),
                party_lecture_every: param(
                    PeriodKind::Quarter,
                    cite(PRACTICE, "党课每季度至少1次（支部条例第十五条未定次数）"),
                ),
                theme_day_every: param(PeriodKind::Month, cite(ZHIBU, "第十六条")),
                absence_threshold: param(3, cite(PRACTICE, "无故缺席")),
                lapse_months: param(6, cite(DANGZHANG, "第九条")),
            },
            education: EducationProfile {
                member_hours: param(32, cite(JIAOYU, "第二十条")),
                cadre_hours: param(56, cite(PEIXUN, "基层党组织书记和班子成员每年不少于56学时")),
            },
            organisation: OrganisationProfile {
                committee_required_from: param(7, cite(ZHIBU, "第六章")),
                committee_size: param((3, 7), cite(ZHIBU, "第六章")),
                term_notice_months: param(6, cite(DANGZHANG, "第三十一条")),
                branch_min_full: param(3, cite(ZHIBU, "第四条")),
                branch_max_members: param(50, cite(ZHIBU, "第五条")),
            },
        }
    }
}
