//! The one table of the 25 steps, votes and membership on a date.

use chrono::NaiveDate;
use serde::Serialize;

use crate::kit::Cite;
use crate::model::{
    Bundle, ConversionOutcome, DevelopmentRecord, Member, MemberStatus, PublicityStage, Step, Votes,
};
use crate::profile::XizeEdition;

// ---------------------------------------------------------------------------
// The table of steps

/// The five phases of member development (发展党员的五个阶段).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// 申请入党 (steps 1–2).
    Application,
    /// 入党积极分子的确定和培养教育 (steps 3–6).
    Activist,
    /// 发展对象的确定和考察 (steps 7–11).
    Candidate,
    /// 预备党员的接收 (steps 12–18).
    Admission,
    /// 预备党员的教育、考察和转正 (steps 19–25).
    Probation,
}

impl Phase {
    /// The phase's name in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Phase::Application => "申请入党",
            Phase::Activist => "入党积极分子的确定和培养教育",
            Phase::Candidate => "发展对象的确定和考察",
            Phase::Admission => "预备党员的接收",
            Phase::Probation => "预备党员的教育、考察和转正",
        }
    }

    /// The phase's name in English.
    pub fn en(self) -> &'static str {
        match self {
            Phase::Application => "application",
            Phase::Activist => "activist",
            Phase::Candidate => "candidate for development",
            Phase::Admission => "admission",
            Phase::Probation => "probation and conversion",
        }
    }
}

/// One of the 25 steps, as data.
#[derive(Debug, Serialize)]
pub struct StepInfo {
    /// The step.
    pub step: Step,
    /// Its number in the order of the 2014 细则, 1–25.
    pub number: u8,
    /// Its number in the order of the 2026 细则 (`candidate_filed`, 上级党委同意,
    /// comes before `candidate_confirmed` there: numbers 7 and 8 swap).
    pub number_2026: u8,
    /// Its name in Chinese, e.g. 派人谈话.
    pub zh: &'static str,
    /// Its name in English.
    pub en: &'static str,
    /// The phase it belongs to.
    pub phase: Phase,
    /// Whether the step repeats (at least one record is required).
    pub repeats: bool,
    /// The rule that reports the step missing: `DEV003`, or `DEV009`
    /// (`political_review`), `DEV010` (`training`), `DEV016` (`oath`),
    /// `DEV020` (`archived`).
    pub missing_code: &'static str,
    /// Where the 细则 (2014) requires the step: its article, or the chapter
    /// where the article is not pinned down here.
    pub article: &'static str,
    /// Where the 细则 (2026) requires the step.
    pub article_2026: &'static str,
    /// The citation of the step's article, by edition.
    #[serde(skip)]
    pub(crate) cite: Cite,
}

impl StepInfo {
    /// The step's number in the order of `edition`.
    pub fn number_in(&self, edition: XizeEdition) -> u8 {
        match edition {
            XizeEdition::Y2026 => self.number_2026,
            _ => self.number,
        }
    }

    /// The step's article in `edition`.
    pub fn article_in(&self, edition: XizeEdition) -> &'static str {
        match edition {
            XizeEdition::Y2026 => self.article_2026,
            _ => self.article,
        }
    }

    /// The step's name in Chinese in `edition`: `candidate_filed` is
    /// 报上级党委备案 in 2014 and 报上级党委同意 in 2026 (art. 13).
    pub fn zh_in(&self, edition: XizeEdition) -> &'static str {
        match (self.step, edition) {
            (Step::CandidateFiled, XizeEdition::Y2026) => "报上级党委同意",
            _ => self.zh,
        }
    }
}

macro_rules! steps {
    ($( $n:literal $n26:literal $step:ident $phase:ident $rep:literal $code:literal $art:literal $art26:literal $zh:literal $en:literal; )+) => {
        /// The 25 steps in enum order (the 2014 order): the one table every
        /// DEV rule and the planner use. [`order`] gives each edition's order.
        pub static STEPS: [StepInfo; 25] = [
            $( StepInfo {
                step: Step::$step,
                number: $n,
                number_2026: $n26,
                zh: $zh,
                en: $en,
                phase: Phase::$phase,
                repeats: $rep,
                missing_code: $code,
                article: $art,
                article_2026: $art26,
                cite: Cite::Xize { y2014: $art, y2026: $art26 },
            }, )+
        ];
    };
}

// Articles: the 2014 numbers as the crate has read them (regulations.md:
// 15 = the introducers' duties, 16 = political review, 19 = committee review
// and pre-review, 20–21 = the admission meeting); the 2026 numbers from the
// 2026 text (a public copy): chapter 4 loses the 2014 art. 18 ("接收预备党员
// 应当严格按照党章规定的程序办理"), so 19–21 become 18–20; chapter 5 loses
// one article, so 32–37 become 31–36.
steps! {
    1 1 Applied Application false "DEV003" "第六条" "第六条" "递交入党申请书" "application submitted";
    2 2 Talked Application false "DEV003" "第七条" "第七条" "派人谈话" "initial talk";
    3 3 ActivistConfirmed Activist false "DEV003" "第八条" "第八条" "确定入党积极分子" "confirmed as activist";
    4 4 ActivistFiled Activist false "DEV003" "第八条" "第八条" "报上级党委备案" "activist filed with the higher committee";
    5 5 ContactsAssigned Activist false "DEV003" "第九条" "第九条" "指定培养联系人" "contacts assigned";
    6 6 ActivistAssessed Activist true "DEV003" "第十一条" "第十一条" "培养教育考察" "activist assessed";
    7 8 CandidateConfirmed Candidate false "DEV003" "第十三条" "第十三条" "确定发展对象" "confirmed as candidate for development";
    8 7 CandidateFiled Candidate false "DEV003" "第十三条" "第十三条" "报上级党委备案" "candidate filed with (2026: approved by) the higher committee";
    9 9 IntroducersAssigned Candidate false "DEV003" "第十四条" "第十四条" "确定入党介绍人" "introducers assigned";
    10 10 PoliticalReview Candidate false "DEV009" "第十六条" "第十六条" "政治审查" "political review";
    11 11 Training Candidate false "DEV010" "第十七条" "第十七条" "集中培训" "concentrated training";
    12 12 CommitteeReview Admission false "DEV003" "第十九条" "第十八条" "支部委员会审查" "branch committee review";
    13 13 PreReview Admission false "DEV003" "第十九条" "第十八条" "上级党委预审" "pre-review by the higher committee";
    14 14 ApplicationForm Admission false "DEV003" "第十九条" "第十八条" "填写入党志愿书" "application form filled in";
    15 15 AdmissionMeeting Admission false "DEV003" "第二十条、第二十一条" "第十九条、第二十条" "支部大会讨论" "branch general meeting on admission";
    16 16 HigherTalk Admission false "DEV003" "第四章" "第二十三条" "上级党委派人谈话" "talk by the higher committee";
    17 17 AdmissionApproved Admission false "DEV003" "第二十五条" "第二十五条" "上级党委审批" "admission approved";
    18 18 AdmissionFiled Admission false "DEV003" "第二十五条" "第二十五条" "再上一级党委组织部门备案" "admission filed with the next higher organisation department";
    19 19 Placed Probation false "DEV003" "第五章" "第二十八条" "编入党支部和党小组" "placed in branch and group";
    20 20 Oath Probation false "DEV016" "第二十九条" "第二十九条" "入党宣誓" "oath";
    21 21 ProbationAssessed Probation true "DEV003" "第五章" "第三十条" "继续教育考察" "probationer assessed";
    22 22 ConversionApplied Probation false "DEV003" "第三十三条" "第三十二条" "提出转正申请" "conversion applied for";
    23 23 ConversionMeeting Probation false "DEV003" "第三十三条" "第三十二条" "支部大会讨论" "branch general meeting on conversion";
    24 24 ConversionApproved Probation false "DEV003" "第三十四条" "第三十三条" "上级党委审批" "conversion approved";
    25 25 Archived Probation false "DEV020" "第三十七条" "第三十六条" "材料归档" "materials archived";
}

// `step as usize` indexes STEPS: the table has exactly one row per variant,
// in declaration order (checked at compile time here and row by row in the
// unit tests).
const _: () = assert!(STEPS.len() == Step::ALL.len());

/// The order of the 2026 细则: 上级党委同意 (`candidate_filed`) before the
/// confirmation as a candidate (art. 13: "党支部委员会会议研究讨论并报上级党委
/// 同意拟列为发展对象的，……进行公示……公示结果不影响发展入党的，可以列为发展对象").
static ORDER_2026: [Step; 25] = {
    let mut o = ORDER_2014;
    o[6] = Step::CandidateFiled;
    o[7] = Step::CandidateConfirmed;
    o
};

/// The order of the 2014 细则: the enum's order.
static ORDER_2014: [Step; 25] = {
    let mut o = [Step::Applied; 25];
    let mut i = 0;
    while i < 25 {
        o[i] = Step::ALL[i];
        i += 1;
    }
    o
};

/// The 25 steps in the order of `edition`.
///
/// ```
/// use dangjian::{Step, development::order, profile::XizeEdition};
/// assert_eq!(order(XizeEdition::Y2014)[6], Step::CandidateConfirmed);
/// assert_eq!(order(XizeEdition::Y2026)[6], Step::CandidateFiled);
/// ```
pub fn order(edition: XizeEdition) -> &'static [Step; 25] {
    match edition {
        XizeEdition::Y2026 => &ORDER_2026,
        _ => &ORDER_2014,
    }
}

/// The row of `step` in [`STEPS`].
///
/// ```
/// use dangjian::{Step, development::step_info};
/// assert_eq!(step_info(Step::Talked).number, 2);
/// assert_eq!(step_info(Step::Oath).missing_code, "DEV016");
/// ```
pub fn step_info(step: Step) -> &'static StepInfo {
    &STEPS[step as usize]
}

impl Step {
    /// The step's number in the 2014 order, 1–25.
    pub fn number(self) -> u8 {
        step_info(self).number
    }

    /// The step's number in the order of `edition`, 1–25.
    pub fn number_in(self, edition: XizeEdition) -> u8 {
        step_info(self).number_in(edition)
    }

    /// Whether this step comes before `other` in the order of `edition`.
    ///
    /// ```
    /// use dangjian::{Step, profile::XizeEdition};
    /// assert!(Step::CandidateConfirmed.before(Step::CandidateFiled, XizeEdition::Y2014));
    /// assert!(Step::CandidateFiled.before(Step::CandidateConfirmed, XizeEdition::Y2026));
    /// ```
    pub fn before(self, other: Step, edition: XizeEdition) -> bool {
        self.number_in(edition) < other.number_in(edition)
    }

    /// The step's name in Chinese.
    pub fn zh(self) -> &'static str {
        step_info(self).zh
    }

    /// The steps after this one, in the 2014 order.
    pub fn later(self) -> &'static [Step] {
        Step::ALL.get(self as usize + 1..).unwrap_or(&[])
    }

    /// The step after this one in the order of `edition`, if any.
    pub fn next_in(self, edition: XizeEdition) -> Option<Step> {
        order(edition)
            .get(usize::from(self.number_in(edition)))
            .copied()
    }
}

/// The step before which a publicity of `stage` must have ended (its gate)
/// in the 2014 order; see [`publicity_gate_in`].
///
/// `activist` → `activist_filed`, `candidate` → `pre_review`, `admission` →
/// `admission_approved`, `conversion` → `conversion_approved`.
pub fn publicity_gate(stage: PublicityStage) -> Step {
    publicity_gate_in(stage, XizeEdition::Y2014)
}

/// The gate of a publicity of `stage` in `edition`: as [`publicity_gate`],
/// except that in the 2026 edition the candidate publicity comes before
/// `candidate_confirmed` (art. 13: "公示结果不影响发展入党的，可以列为发展对象").
pub fn publicity_gate_in(stage: PublicityStage, edition: XizeEdition) -> Step {
    match (stage, edition) {
        (PublicityStage::Activist, _) => Step::ActivistFiled,
        (PublicityStage::Candidate, XizeEdition::Y2026) => Step::CandidateConfirmed,
        (PublicityStage::Candidate, _) => Step::PreReview,
        (PublicityStage::Admission, _) => Step::AdmissionApproved,
        (PublicityStage::Conversion, _) => Step::ConversionApproved,
    }
}

/// The name of a publicity stage in Chinese, e.g. 发展对象公示.
pub fn publicity_zh(stage: PublicityStage) -> &'static str {
    match stage {
        PublicityStage::Activist => "入党积极分子公示",
        PublicityStage::Candidate => "发展对象公示",
        PublicityStage::Admission => "拟接收预备党员公示",
        PublicityStage::Conversion => "预备党员转正公示",
    }
}

// ---------------------------------------------------------------------------
// Votes

impl Votes {
    /// Whether the meeting was quorate: more than half of the **expected**
    /// voting members were present (`2 * present_voting > expected_voting`).
    /// Written opinions of absent members count in the vote, not in the
    /// attendance (细则 arts. 20–21).
    ///
    /// ```
    /// let v: dangjian::Votes = serde_json::from_str(r#"{"expected_voting": 20,
    ///     "present_voting": 10, "yes": 10, "written_yes": 3, "passed": true}"#).unwrap();
    /// assert!(!v.quorate());
    /// assert!(v.carried());
    /// ```
    pub fn quorate(&self) -> bool {
        2 * u64::from(self.present_voting) > u64::from(self.expected_voting)
    }

    /// Whether the motion carried: yes votes and written yes opinions are
    /// more than half of the **expected** voting members
    /// (`2 * (yes + written_yes) > expected_voting`).
    pub fn carried(&self) -> bool {
        2 * (u64::from(self.yes) + u64::from(self.written_yes)) > u64::from(self.expected_voting)
    }
}

/// The votes of a deciding meeting's step (`admission_meeting`,
/// `conversion_meeting`): its own `votes`, else those of the meeting its
/// `meeting` names.
pub fn votes_of<'a>(record: &'a DevelopmentRecord, bundle: &'a Bundle) -> Option<&'a Votes> {
    record.votes.as_ref().or_else(|| {
        let id = record.meeting.as_ref()?;
        bundle
            .meetings
            .iter()
            .find(|m| m.id == *id)
            .and_then(|m| m.votes.as_ref())
    })
}

/// The outcome of a `conversion_meeting`: as recorded; when absent, `extend`
/// if `extend_months` is given, otherwise `convert`.
pub fn conversion_outcome(record: &DevelopmentRecord) -> ConversionOutcome {
    record.outcome.unwrap_or(if record.extend_months.is_some() {
        ConversionOutcome::Extend
    } else {
        ConversionOutcome::Convert
    })
}

/// Whether `member` was a full member (正式党员) with voting rights on `date`:
/// admitted by then, full by then (`full_on`, or `status: full` when
/// `full_on` is absent), and rights not suspended (the flag has no dates, so
/// it is taken to hold on every date).
pub fn full_member_on(member: &Member, date: NaiveDate) -> bool {
    full_on(member, date) && !member.rights_suspended
}

/// Whether `member` was a full member on `date` (regardless of suspended rights).
pub fn full_on(member: &Member, date: NaiveDate) -> bool {
    member.admitted_on <= date
        && match member.full_on {
            Some(f) => f <= date,
            None => member.status == MemberStatus::Full,
        }
}
