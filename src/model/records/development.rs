//! Development candidates, their steps and publicities.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::*;
use crate::model::{Hours, Id};

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
