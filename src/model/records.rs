//! The records of a branch bundle, one type per table of the record format.
//!
//! Field names follow the contract (FORMAT.md) exactly. Unknown fields are
//! ignored; optional fields may be absent or `null`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::values::{Hours, Id, Money, PeriodSpec, YearMonth};

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $s:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $s)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value's name in the record format.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s,)+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::ParseValueError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($s => Ok($name::$variant),)+
                    _ => Err(crate::model::values_error(stringify!($name), s)),
                }
            }
        }
    };
}

// ---------------------------------------------------------------------------
// Branch

string_enum! {
    /// The kind of unit the branch is set up in.
    pub enum BranchKind {
        /// 机关 government organ.
        Organ = "organ",
        /// 企业 enterprise.
        Enterprise = "enterprise",
        /// 学校 school.
        School = "school",
        /// 医院 hospital.
        Hospital = "hospital",
        /// 农村 village.
        Village = "village",
        /// 社区 community.
        Community = "community",
        /// Anything else.
        Other = "other",
    }
}

string_enum! {
    /// A committee member's office.
    pub enum CommitteeRole {
        /// 书记.
        Secretary = "secretary",
        /// 副书记.
        DeputySecretary = "deputy_secretary",
        /// 组织委员.
        Organization = "organization",
        /// 宣传委员.
        Propaganda = "propaganda",
        /// 纪检委员.
        Discipline = "discipline",
        /// 委员.
        Member = "member",
    }
}

/// A seat on the branch committee (支委会).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitteeSeat {
    /// The member holding the seat.
    pub member: Id,
    /// Their office.
    pub role: CommitteeRole,
}

/// The branch committee (支委会) and its term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Committee {
    /// Date of the election.
    #[serde(deserialize_with = "crate::model::date")]
    pub elected_on: NaiveDate,
    /// Term in years (党章 art. 31: 3–5).
    pub term_years: u32,
    /// The seats.
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<CommitteeSeat>,
}

/// A party group (党小组).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Group id.
    pub id: Id,
    /// Name, e.g. 第一党小组.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Group leader (组长).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<Id>,
    /// Members of the group.
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<Id>,
}

/// The branch (党支部) itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    /// Branch id.
    pub id: Id,
    /// Full name.
    pub name: String,
    /// Kind of unit.
    pub kind: BranchKind,
    /// Founding date; obligations start here.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub founded_on: Option<NaiveDate>,
    /// Dissolution date; obligations end here.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub dissolved_on: Option<NaiveDate>,
    /// The committee; absent = the branch has no 支委会.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<Committee>,
    /// The secretary, for branches without a committee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secretary: Option<Id>,
    /// Party groups.
    #[serde(default, deserialize_with = "null_as_default")]
    pub groups: Vec<Group>,
}

// ---------------------------------------------------------------------------
// Members

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

// ---------------------------------------------------------------------------
// Dues

/// A member's monthly dues base, in effect from `from` until their next base record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuesBase {
    /// The member.
    pub member: Id,
    /// First month the base applies to.
    pub from: YearMonth,
    /// After-tax fixed monthly income, or pension for the retired.
    pub base: Money,
}

/// A dues payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
}

impl DuesPayment {
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
    /// Valid only with both the branch decision and the higher approval.
    pub fn is_approved(&self) -> bool {
        self.branch_decided_on.is_some() && self.higher_approved_on.is_some()
    }
}

/// An approved good reason (正当理由) covering a date range. It excuses
/// organisational life and dues lapses inside the range, not the money itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

// ---------------------------------------------------------------------------
// Meetings

string_enum! {
    /// Kind of meeting; every kind counts as organisational life.
    pub enum MeetingKind {
        /// 支部党员大会.
        GeneralMeeting = "general_meeting",
        /// 支委会.
        CommitteeMeeting = "committee_meeting",
        /// 党小组会 (needs `group`).
        GroupMeeting = "group_meeting",
        /// 党课.
        PartyLecture = "party_lecture",
        /// 主题党日.
        ThemeDay = "theme_day",
        /// 组织生活会.
        LifeMeeting = "life_meeting",
        /// 民主评议党员.
        DemocraticReview = "democratic_review",
        /// Other study session.
        Study = "study",
    }
}

string_enum! {
    /// A member's attendance at a meeting.
    pub enum AttendanceStatus {
        /// Present.
        Present = "present",
        /// Excused absence (请假).
        Excused = "excused",
        /// Absent.
        Absent = "absent",
    }
}

/// One attendance entry of a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    /// The member.
    pub member: Id,
    /// Present, excused or absent.
    pub status: AttendanceStatus,
    /// Reason for an absence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The vote of a 支部党员大会 decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Votes {
    /// Members with a vote (正式党员, rights not suspended).
    pub expected_voting: u32,
    /// Voting members present.
    pub present_voting: u32,
    /// Yes votes.
    pub yes: u32,
    /// No votes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub no: u32,
    /// Abstentions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub abstain: u32,
    /// Written opinions of absent voters, counted with yes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub written_yes: u32,
    /// Recorded outcome.
    pub passed: bool,
}

/// A meeting or study session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Meeting id.
    pub id: Id,
    /// Kind.
    pub kind: MeetingKind,
    /// Date held.
    #[serde(deserialize_with = "crate::model::date")]
    pub date: NaiveDate,
    /// Period it counts for; absent = the period containing `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_period: Option<PeriodSpec>,
    /// The group, for `group_meeting`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Id>,
    /// Topic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Chair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<Id>,
    /// Recorder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorder: Option<Id>,
    /// Length in hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// Expected members; absent = by kind (see the crate docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<Vec<Id>>,
    /// Attendance entries; an expected member with none was absent.
    #[serde(default, deserialize_with = "null_as_default")]
    pub attendance: Vec<Attendance>,
    /// Vote of a decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
}

/// A heart-to-heart talk (谈心谈话) between members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Talk {
    /// Date.
    #[serde(deserialize_with = "crate::model::date")]
    pub date: NaiveDate,
    /// The members who talked (usually two).
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<Id>,
}

/// Training hours of a member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    /// The member.
    pub member: Id,
    /// Date.
    #[serde(deserialize_with = "crate::model::date")]
    pub date: NaiveDate,
    /// Hours.
    pub hours: Hours,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

// ---------------------------------------------------------------------------
// Development

/// A person in the development process (申请人 → 积极分子 → 发展对象 → 预备党员).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    /// Candidate id.
    pub id: Id,
    /// Name.
    pub name: String,
    /// Date of birth.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub born_on: Option<NaiveDate>,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
}

string_enum! {
    /// The 25 steps of member development (发展党员工作细则), in order.
    pub enum Step {
        /// 1 递交入党申请书.
        Applied = "applied",
        /// 2 派人谈话.
        Talked = "talked",
        /// 3 确定入党积极分子.
        ActivistConfirmed = "activist_confirmed",
        /// 4 报上级党委备案.
        ActivistFiled = "activist_filed",
        /// 5 指定培养联系人.
        ContactsAssigned = "contacts_assigned",
        /// 6 培养教育考察 (repeats).
        ActivistAssessed = "activist_assessed",
        /// 7 确定发展对象.
        CandidateConfirmed = "candidate_confirmed",
        /// 8 报上级党委备案.
        CandidateFiled = "candidate_filed",
        /// 9 确定入党介绍人.
        IntroducersAssigned = "introducers_assigned",
        /// 10 政治审查.
        PoliticalReview = "political_review",
        /// 11 集中培训.
        Training = "training",
        /// 12 支部委员会审查.
        CommitteeReview = "committee_review",
        /// 13 上级党委预审.
        PreReview = "pre_review",
        /// 14 填写入党志愿书.
        ApplicationForm = "application_form",
        /// 15 支部大会讨论.
        AdmissionMeeting = "admission_meeting",
        /// 16 上级党委派人谈话.
        HigherTalk = "higher_talk",
        /// 17 上级党委审批.
        AdmissionApproved = "admission_approved",
        /// 18 再上一级党委组织部门备案.
        AdmissionFiled = "admission_filed",
        /// 19 编入党支部和党小组.
        Placed = "placed",
        /// 20 入党宣誓.
        Oath = "oath",
        /// 21 继续教育考察 (repeats).
        ProbationAssessed = "probation_assessed",
        /// 22 提出转正申请.
        ConversionApplied = "conversion_applied",
        /// 23 支部大会讨论.
        ConversionMeeting = "conversion_meeting",
        /// 24 上级党委审批.
        ConversionApproved = "conversion_approved",
        /// 25 材料归档.
        Archived = "archived",
    }
}

string_enum! {
    /// Conclusion of the political review.
    pub enum ReviewConclusion {
        /// 合格.
        Qualified = "qualified",
        /// 不合格.
        Unqualified = "unqualified",
    }
}

string_enum! {
    /// Outcome of the conversion meeting.
    pub enum ConversionOutcome {
        /// 按期转正.
        Convert = "convert",
        /// 延长预备期.
        Extend = "extend",
        /// 取消预备党员资格.
        Cancel = "cancel",
    }
}

/// One recorded step of a candidate's development file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevelopmentRecord {
    /// The candidate.
    pub candidate: Id,
    /// The step.
    pub step: Step,
    /// Date of the step.
    #[serde(deserialize_with = "crate::model::date")]
    pub date: NaiveDate,
    /// Contacts (`contacts_assigned`) or introducers (`introducers_assigned`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<Id>>,
    /// Conclusion of `political_review`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<ReviewConclusion>,
    /// Days of `training`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// Hours of `training`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// Votes of `admission_meeting` / `conversion_meeting`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
    /// A meeting id holding the votes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Id>,
    /// Outcome of `conversion_meeting`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<ConversionOutcome>,
    /// Months of extension when `outcome` is `extend`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extend_months: Option<u32>,
}

impl DevelopmentRecord {
    /// A step with no step-specific fields.
    pub fn new(candidate: Id, step: Step, date: NaiveDate) -> DevelopmentRecord {
        DevelopmentRecord {
            candidate,
            step,
            date,
            members: None,
            conclusion: None,
            days: None,
            hours: None,
            votes: None,
            meeting: None,
            outcome: None,
            extend_months: None,
        }
    }
}

string_enum! {
    /// Stage of a publicity (公示).
    pub enum PublicityStage {
        /// Before filing an activist.
        Activist = "activist",
        /// Before the pre-review of a candidate for development.
        Candidate = "candidate",
        /// Before approval of admission.
        Admission = "admission",
        /// Before approval of conversion.
        Conversion = "conversion",
    }
}

/// A publicity (公示) of a candidate; `start` and `end` inclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publicity {
    /// The candidate.
    pub candidate: Id,
    /// Stage.
    pub stage: PublicityStage,
    /// First day.
    #[serde(deserialize_with = "crate::model::date")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(deserialize_with = "crate::model::date")]
    pub end: NaiveDate,
}

// ---------------------------------------------------------------------------

/// Deserializes `null` as the type's default (for optional lists and flags).
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}
