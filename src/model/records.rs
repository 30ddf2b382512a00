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
        #[non_exhaustive]
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
#[non_exhaustive]
pub struct CommitteeSeat {
    /// The member holding the seat.
    pub member: Id,
    /// Their office.
    pub role: CommitteeRole,
}

impl CommitteeSeat {
    /// The seat of `member` in `role`.
    pub fn new(member: Id, role: CommitteeRole) -> CommitteeSeat {
        CommitteeSeat { member, role }
    }
}

/// An approved postponement of the committee's re-election (选举条例 art. 3:
/// 延长期限一般不超过1年), v1.1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Postponement {
    /// Date the higher organisation approved it.
    #[serde(deserialize_with = "crate::model::date")]
    pub approved_on: NaiveDate,
    /// Last day of the postponed term.
    #[serde(deserialize_with = "crate::model::date")]
    pub until: NaiveDate,
}

impl Postponement {
    /// A postponement approved on `approved_on` until `until`.
    pub fn new(approved_on: NaiveDate, until: NaiveDate) -> Postponement {
        Postponement { approved_on, until }
    }
}

/// The branch committee (支委会) and its term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Committee {
    /// Date of the election.
    #[serde(deserialize_with = "crate::model::date")]
    pub elected_on: NaiveDate,
    /// Term in years (党章 art. 31: 3–5).
    pub term_years: u32,
    /// The seats.
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<CommitteeSeat>,
    /// An approved postponement of the re-election (v1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postponement: Option<Postponement>,
}

impl Committee {
    /// A committee elected on `elected_on` for `term_years`, with no seats yet.
    pub fn new(elected_on: NaiveDate, term_years: u32) -> Committee {
        Committee {
            elected_on,
            term_years,
            members: Vec::new(),
            postponement: None,
        }
    }

    /// Adds a seat.
    #[must_use]
    pub fn with_seat(mut self, member: Id, role: CommitteeRole) -> Committee {
        self.members.push(CommitteeSeat::new(member, role));
        self
    }
}

/// A party group (党小组).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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

impl Group {
    /// A group with no name, leader or members yet.
    pub fn new(id: Id) -> Group {
        Group {
            id,
            name: None,
            leader: None,
            members: Vec::new(),
        }
    }
}

/// The branch (党支部) itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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

impl Branch {
    /// A branch with the required fields; no committee, secretary or groups.
    pub fn new(id: Id, name: impl Into<String>, kind: BranchKind) -> Branch {
        Branch {
            id,
            name: name.into(),
            kind,
            founded_on: None,
            dissolved_on: None,
            committee: None,
            secretary: None,
            groups: Vec::new(),
        }
    }
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

// ---------------------------------------------------------------------------
// Dues

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
#[non_exhaustive]
pub struct Attendance {
    /// The member.
    pub member: Id,
    /// Present, excused or absent.
    pub status: AttendanceStatus,
    /// Reason for an absence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Attendance {
    /// `member`'s attendance, with no reason given.
    pub fn new(member: Id, status: AttendanceStatus) -> Attendance {
        Attendance {
            member,
            status,
            reason: None,
        }
    }
}

/// The vote of a 支部党员大会 decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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

impl Votes {
    /// A vote with no `no`, abstentions or written opinions.
    pub fn new(expected_voting: u32, present_voting: u32, yes: u32, passed: bool) -> Votes {
        Votes {
            expected_voting,
            present_voting,
            yes,
            no: 0,
            abstain: 0,
            written_yes: 0,
            passed,
        }
    }
}

/// An item to rectify (整改事项) decided at a meeting (usually a 组织生活会), v1.1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Rectification {
    /// What is to be rectified.
    pub item: String,
    /// The member responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Id>,
    /// Deadline.
    #[serde(deserialize_with = "crate::model::date")]
    pub due: NaiveDate,
    /// Date it was done; absent = not done.
    #[serde(
        default,
        deserialize_with = "crate::model::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub done_on: Option<NaiveDate>,
}

impl Rectification {
    /// An item due on `due`, not yet done, with no owner.
    pub fn new(item: impl Into<String>, due: NaiveDate) -> Rectification {
        Rectification {
            item: item.into(),
            owner: None,
            due,
            done_on: None,
        }
    }
}

/// A meeting or study session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// Free tags; `ideology` marks a 意识形态 session (v1.1).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// Items to rectify decided at the meeting (v1.1).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub rectifications: Vec<Rectification>,
}

impl Meeting {
    /// A meeting of `kind` held on `date`, with nothing else recorded.
    pub fn new(id: Id, kind: MeetingKind, date: NaiveDate) -> Meeting {
        Meeting {
            id,
            kind,
            date,
            for_period: None,
            group: None,
            topic: None,
            chair: None,
            recorder: None,
            hours: None,
            expected: None,
            attendance: Vec::new(),
            votes: None,
            tags: Vec::new(),
            rectifications: Vec::new(),
        }
    }

    /// Whether the meeting carries the tag `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// A heart-to-heart talk (谈心谈话) between members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Talk {
    /// Date.
    #[serde(deserialize_with = "crate::model::date")]
    pub date: NaiveDate,
    /// The members who talked (usually two).
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<Id>,
}

impl Talk {
    /// A talk on `date` between `members`.
    pub fn new(date: NaiveDate, members: Vec<Id>) -> Talk {
        Talk { date, members }
    }
}

string_enum! {
    /// How training hours were earned (v1.1).
    pub enum TrainingChannel {
        /// 线下 in person.
        Offline = "offline",
        /// 网络党校 the online party school.
        OnlineSchool = "online_school",
        /// 学习强国.
        Xuexi = "xuexi",
        /// Anything else.
        Other = "other",
    }
}

/// Training hours of a member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// How the hours were earned (v1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<TrainingChannel>,
}

impl Training {
    /// `hours` of training of `member` on `date`, untitled.
    pub fn new(member: Id, date: NaiveDate, hours: Hours) -> Training {
        Training {
            member,
            date,
            hours,
            title: None,
            channel: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Development

/// A person in the development process (申请人 → 积极分子 → 发展对象 → 预备党员).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// The member id once admitted (absent: the candidate's own id), v1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Id>,
}

impl Candidate {
    /// A candidate with no date of birth or gender recorded.
    pub fn new(id: Id, name: impl Into<String>) -> Candidate {
        Candidate {
            id,
            name: name.into(),
            born_on: None,
            gender: None,
            member: None,
        }
    }

    /// The id of the candidate's member record once admitted: `member`, or
    /// the candidate's own id.
    pub fn member_id(&self) -> &Id {
        self.member.as_ref().unwrap_or(&self.id)
    }
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
#[non_exhaustive]
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
#[non_exhaustive]
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

impl Publicity {
    /// A publicity of `candidate` at `stage` over `start..=end`.
    pub fn new(
        candidate: Id,
        stage: PublicityStage,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Publicity {
        Publicity {
            candidate,
            stage,
            start,
            end,
        }
    }
}

// ---------------------------------------------------------------------------
// Transfers, mobility, remittances and publications (v1.1)

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

// ---------------------------------------------------------------------------

/// Deserializes `null` as the type's default (for optional lists and flags).
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}
