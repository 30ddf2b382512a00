//! Member development (发展党员): the 25 steps, a candidate's file, votes,
//! probation, and the planner of next steps.
//!
//! # The one table of steps
//!
//! [`STEPS`] lists the 25 steps of the 《中国共产党发展党员工作细则》 in their
//! order, with their number, names, phase, whether they repeat and which rule
//! reports them missing. Every DEV rule and the planner read the order from
//! here ([`step_info`], [`StepInfo::number`]); nothing else knows it.
//!
//! # A candidate's file
//!
//! [`DevelopmentFile`] is the history of one candidate as of a date: their
//! steps and publicities dated on or before it (later records have not
//! happened yet), sorted. It answers the questions the rules share: whether
//! a step is *recorded* ([`DevelopmentFile::has`]) or *reached* (it or a later
//! step is recorded, [`DevelopmentFile::reached`]), the [`Probation`] with its
//! extensions, and the current [`Status`].
//!
//! # The planner
//!
//! [`plan`] (or [`DevelopmentFile::plan`]) tells, for a candidate and a date,
//! which step(s) come next and by when: the reminders a records system sends.
//!
//! ```
//! use chrono::NaiveDate;
//! use dangjian::development::{self, Action};
//! use dangjian::{Profile, Step};
//!
//! let bundle = dangjian::load::bundle_from_json(r#"{
//!   "branch": {"id": "B1", "name": "示例支部", "kind": "organ"},
//!   "candidates": [{"id": "A1", "name": "陈某", "born_on": "2000-01-03"}],
//!   "development": [
//!     {"candidate": "A1", "step": "applied", "date": "2025-01-31"}
//!   ]
//! }"#)?;
//! let on = NaiveDate::from_ymd_opt(2025, 2, 10).unwrap();
//! let plan = development::plan(&bundle, "A1", on, &Profile::central().development)
//!     .expect("A1 is a candidate of the bundle");
//! // The talk is due within one month of the application: 31 January + 1
//! // month is 28 February (clamped to the month end).
//! let next = &plan.next[0];
//! assert_eq!(next.action, Action::Step(Step::Talked));
//! assert_eq!(next.deadline, NaiveDate::from_ymd_opt(2025, 2, 28));
//! assert!(!next.is_overdue(on));
//! # Ok::<(), dangjian::Error>(())
//! ```

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{
    Bundle, Candidate, ConversionOutcome, DevelopmentRecord, Id, Member, MemberStatus,
    PublicityStage, Step, Votes, add_months,
};
use crate::profile::DevelopmentProfile;

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
    /// Its number, 1–25.
    pub number: u8,
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
}

macro_rules! steps {
    ($( $n:literal $step:ident $phase:ident $rep:literal $code:literal $art:literal $zh:literal $en:literal; )+) => {
        /// The 25 steps in order: the one table every DEV rule and the planner use.
        pub static STEPS: [StepInfo; 25] = [
            $( StepInfo {
                step: Step::$step,
                number: $n,
                zh: $zh,
                en: $en,
                phase: Phase::$phase,
                repeats: $rep,
                missing_code: $code,
                article: $art,
            }, )+
        ];
    };
}

steps! {
    1 Applied Application false "DEV003" "第六条" "递交入党申请书" "application submitted";
    2 Talked Application false "DEV003" "第七条" "派人谈话" "initial talk";
    3 ActivistConfirmed Activist false "DEV003" "第八条" "确定入党积极分子" "confirmed as activist";
    4 ActivistFiled Activist false "DEV003" "第八条" "报上级党委备案" "activist filed with the higher committee";
    5 ContactsAssigned Activist false "DEV003" "第九条" "指定培养联系人" "contacts assigned";
    6 ActivistAssessed Activist true "DEV003" "第十一条" "培养教育考察" "activist assessed";
    7 CandidateConfirmed Candidate false "DEV003" "第十三条" "确定发展对象" "confirmed as candidate for development";
    8 CandidateFiled Candidate false "DEV003" "第十三条" "报上级党委备案" "candidate filed with the higher committee";
    9 IntroducersAssigned Candidate false "DEV003" "第十四条" "确定入党介绍人" "introducers assigned";
    10 PoliticalReview Candidate false "DEV009" "第十五条、第十六条" "政治审查" "political review";
    11 Training Candidate false "DEV010" "第十七条" "集中培训" "concentrated training";
    12 CommitteeReview Admission false "DEV003" "第十九条" "支部委员会审查" "branch committee review";
    13 PreReview Admission false "DEV003" "第十九条" "上级党委预审" "pre-review by the higher committee";
    14 ApplicationForm Admission false "DEV003" "第十九条" "填写入党志愿书" "application form filled in";
    15 AdmissionMeeting Admission false "DEV003" "第二十条、第二十一条" "支部大会讨论" "branch general meeting on admission";
    16 HigherTalk Admission false "DEV003" "第四章" "上级党委派人谈话" "talk by the higher committee";
    17 AdmissionApproved Admission false "DEV003" "第二十五条" "上级党委审批" "admission approved";
    18 AdmissionFiled Admission false "DEV003" "第四章" "再上一级党委组织部门备案" "admission filed with the next higher organisation department";
    19 Placed Probation false "DEV003" "第五章" "编入党支部和党小组" "placed in branch and group";
    20 Oath Probation false "DEV016" "第二十九条" "入党宣誓" "oath";
    21 ProbationAssessed Probation true "DEV003" "第五章" "继续教育考察" "probationer assessed";
    22 ConversionApplied Probation false "DEV003" "第三十三条" "提出转正申请" "conversion applied for";
    23 ConversionMeeting Probation false "DEV003" "第三十三条" "支部大会讨论" "branch general meeting on conversion";
    24 ConversionApproved Probation false "DEV003" "第三十四条" "上级党委审批" "conversion approved";
    25 Archived Probation false "DEV020" "第三十七条" "材料归档" "materials archived";
}

// `step as usize` indexes STEPS: the table has exactly one row per variant,
// in declaration order (checked at compile time here and row by row in the
// unit tests).
const _: () = assert!(STEPS.len() == Step::ALL.len());

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
    /// The step's number in the 25-step order, 1–25.
    pub fn number(self) -> u8 {
        step_info(self).number
    }

    /// The step's name in Chinese.
    pub fn zh(self) -> &'static str {
        step_info(self).zh
    }

    /// The steps after this one, in order.
    pub fn later(self) -> &'static [Step] {
        Step::ALL.get(self as usize + 1..).unwrap_or(&[])
    }
}

/// The step before which a publicity of `stage` must have ended (its gate).
///
/// `activist` → `activist_filed`, `candidate` → `pre_review`, `admission` →
/// `admission_approved`, `conversion` → `conversion_approved`.
pub fn publicity_gate(stage: PublicityStage) -> Step {
    match stage {
        PublicityStage::Activist => Step::ActivistFiled,
        PublicityStage::Candidate => Step::PreReview,
        PublicityStage::Admission => Step::AdmissionApproved,
        PublicityStage::Conversion => Step::ConversionApproved,
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

// ---------------------------------------------------------------------------
// A candidate's file

/// The development file of one candidate as of a date: the steps and
/// publicities recorded on or before it, sorted by date (then step order).
#[derive(Clone, Debug)]
pub struct DevelopmentFile<'a> {
    /// The candidate.
    pub candidate: &'a Candidate,
    /// The date the file is seen from.
    pub as_of: NaiveDate,
    records: Vec<&'a DevelopmentRecord>,
    publicity: Vec<&'a crate::model::Publicity>,
}

/// Where a candidate stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 入党申请人: applied, not yet an activist.
    Applicant,
    /// 入党积极分子.
    Activist,
    /// 发展对象: up to the approval of admission.
    Candidate,
    /// 预备党员: admission approved, not yet converted.
    Probationary,
    /// 正式党员: conversion approved (or archived).
    Full,
    /// 取消预备党员资格.
    Cancelled,
}

impl Status {
    /// The status in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            Status::Applicant => "入党申请人",
            Status::Activist => "入党积极分子",
            Status::Candidate => "发展对象",
            Status::Probationary => "预备党员",
            Status::Full => "正式党员",
            Status::Cancelled => "已取消预备党员资格",
        }
    }

    /// The status in English.
    pub fn en(self) -> &'static str {
        match self {
            Status::Applicant => "applicant",
            Status::Activist => "activist",
            Status::Candidate => "candidate for development",
            Status::Probationary => "probationary member",
            Status::Full => "full member",
            Status::Cancelled => "probation cancelled",
        }
    }
}

/// A probation (预备期): one year (profile) from the `admission_meeting`,
/// plus the extensions decided by `conversion_meeting`s.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Probation {
    /// The `admission_meeting` (the last one recorded).
    pub start: NaiveDate,
    /// The end of the regular probation: `start` + 12 months.
    pub regular_end: NaiveDate,
    /// Extensions, in date order: (meeting date, months; `None` if not recorded).
    pub extensions: Vec<(NaiveDate, Option<u32>)>,
    /// The end with every extension: the first day conversion may be decided.
    pub end: NaiveDate,
    /// The last `conversion_meeting` deciding `convert` or `cancel`, if any.
    pub decided: Option<(NaiveDate, ConversionOutcome)>,
}

impl<'a> DevelopmentFile<'a> {
    /// The file of `candidate` from `records` and `publicity` (of any
    /// candidate: those of others are skipped), as of `as_of`.
    pub fn new(
        candidate: &'a Candidate,
        records: impl IntoIterator<Item = &'a DevelopmentRecord>,
        publicity: impl IntoIterator<Item = &'a crate::model::Publicity>,
        as_of: NaiveDate,
    ) -> DevelopmentFile<'a> {
        let mut records: Vec<_> = records
            .into_iter()
            .filter(|r| r.candidate == candidate.id && r.date <= as_of)
            .collect();
        records.sort_by_key(|r| (r.date, r.step));
        let mut publicity: Vec<_> = publicity
            .into_iter()
            .filter(|p| p.candidate == candidate.id && p.start <= as_of)
            .collect();
        publicity.sort_by_key(|p| (p.start, p.stage, p.end));
        DevelopmentFile {
            candidate,
            as_of,
            records,
            publicity,
        }
    }

    /// The file of the candidate with id `candidate` in `bundle`.
    pub fn of(
        bundle: &'a Bundle,
        candidate: &str,
        as_of: NaiveDate,
    ) -> Option<DevelopmentFile<'a>> {
        let c = bundle.candidates.iter().find(|c| c.id == candidate)?;
        Some(DevelopmentFile::new(
            c,
            &bundle.development,
            &bundle.publicity,
            as_of,
        ))
    }

    /// Every step recorded, sorted by date, then step order.
    pub fn records(&self) -> &[&'a DevelopmentRecord] {
        &self.records
    }

    /// The publicities started by `as_of`, sorted by start.
    pub fn publicity(&self) -> &[&'a crate::model::Publicity] {
        &self.publicity
    }

    /// The records of `step`, in date order.
    pub fn all(&self, step: Step) -> impl Iterator<Item = &'a DevelopmentRecord> + '_ {
        self.records.iter().copied().filter(move |r| r.step == step)
    }

    /// The earliest record of `step`.
    pub fn first(&self, step: Step) -> Option<&'a DevelopmentRecord> {
        self.all(step).next()
    }

    /// The latest record of `step`.
    pub fn last(&self, step: Step) -> Option<&'a DevelopmentRecord> {
        self.all(step).last()
    }

    /// Whether `step` is recorded.
    pub fn has(&self, step: Step) -> bool {
        self.first(step).is_some()
    }

    /// The earliest-dated record of a step that comes after `step` in the order.
    pub fn later_recorded(&self, step: Step) -> Option<&'a DevelopmentRecord> {
        self.records.iter().copied().find(|r| r.step > step)
    }

    /// Whether `step` is reached: it or any later step is recorded.
    pub fn reached(&self, step: Step) -> bool {
        self.records.iter().any(|r| r.step >= step)
    }

    /// The latest step in the order that is recorded.
    pub fn furthest(&self) -> Option<&'a DevelopmentRecord> {
        self.records
            .iter()
            .copied()
            .max_by_key(|r| (r.step, std::cmp::Reverse(r.date)))
    }

    /// The date by which `step` had happened: its first record's date or, if it
    /// is not recorded but reached, the date of the earliest later step.
    pub fn gate_date(&self, step: Step) -> Option<NaiveDate> {
        self.first(step)
            .or_else(|| self.later_recorded(step))
            .map(|r| r.date)
    }

    /// The required steps before the furthest recorded one that are missing
    /// (repeating steps: none recorded).
    pub fn missing(&self) -> Vec<Step> {
        let Some(furthest) = self.furthest() else {
            return Vec::new();
        };
        Step::ALL
            .iter()
            .copied()
            .filter(|s| *s < furthest.step && !self.has(*s))
            .collect()
    }

    /// The `conversion_meeting` on or before `date` that an approval on `date`
    /// decides on (the latest one).
    pub fn conversion_meeting_before(&self, date: NaiveDate) -> Option<&'a DevelopmentRecord> {
        self.all(Step::ConversionMeeting)
            .filter(|m| m.date <= date)
            .last()
    }

    /// Whether a `conversion_approved` record approves an extension (its
    /// meeting decided `extend`).
    pub fn approves_extension(&self, approval: &DevelopmentRecord) -> bool {
        self.conversion_meeting_before(approval.date)
            .is_some_and(|m| conversion_outcome(m) == ConversionOutcome::Extend)
    }

    /// The first `conversion_approved` that approves a conversion or a
    /// cancellation (not an extension).
    pub fn final_approval(&self) -> Option<&'a DevelopmentRecord> {
        self.all(Step::ConversionApproved)
            .find(|a| !self.approves_extension(a))
    }

    /// The date by which the gate of a publicity `stage` had happened (see
    /// [`publicity_gate`]); `None` while the gate is not reached. For the
    /// conversion stage, approvals of an extension do not count.
    pub fn publicity_gate_date(&self, stage: PublicityStage) -> Option<NaiveDate> {
        match stage {
            PublicityStage::Conversion => self
                .final_approval()
                .or_else(|| self.first(Step::Archived))
                .map(|r| r.date),
            _ => self.gate_date(publicity_gate(stage)),
        }
    }

    /// The probation, if an `admission_meeting` is recorded.
    pub fn probation(&self, profile: &DevelopmentProfile) -> Option<Probation> {
        let start = self.last(Step::AdmissionMeeting)?.date;
        let months = profile.probation_months.value();
        let mut extensions = Vec::new();
        let mut decided = None;
        for m in self
            .all(Step::ConversionMeeting)
            .filter(|m| m.date >= start)
        {
            match conversion_outcome(m) {
                ConversionOutcome::Extend => extensions.push((m.date, m.extend_months)),
                o => decided = Some((m.date, o)),
            }
        }
        let extra: u32 = extensions
            .iter()
            .map(|(_, n)| n.unwrap_or(0))
            .fold(0, u32::saturating_add);
        Some(Probation {
            start,
            regular_end: add_months(start, *months),
            end: add_months(start, months.saturating_add(extra)),
            extensions,
            decided,
        })
    }

    /// Where the candidate stands.
    pub fn status(&self) -> Status {
        let converted = self
            .final_approval()
            .and_then(|a| self.conversion_meeting_before(a.date))
            .map(conversion_outcome);
        match converted {
            Some(ConversionOutcome::Cancel) => return Status::Cancelled,
            Some(ConversionOutcome::Convert) => return Status::Full,
            _ => {}
        }
        if self.has(Step::Archived) {
            Status::Full
        } else if self.reached(Step::AdmissionApproved) {
            Status::Probationary
        } else if self.reached(Step::CandidateConfirmed) {
            Status::Candidate
        } else if self.reached(Step::ActivistConfirmed) {
            Status::Activist
        } else {
            Status::Applicant
        }
    }

    /// The next step(s) with their dates, as of the file's date (see [`plan`]).
    pub fn plan(&self, profile: &DevelopmentProfile) -> Plan {
        Plan {
            candidate: self.candidate.id.clone(),
            on: self.as_of,
            status: self.status(),
            last: self
                .records
                .iter()
                .max_by_key(|r| (r.date, r.step))
                .map(|r| (r.step, r.date)),
            missing: self.missing(),
            next: next_steps(self, profile),
        }
    }
}

// ---------------------------------------------------------------------------
// The planner

/// What is to be done next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Record this step.
    Step(Step),
    /// Hold a publicity (公示) of this stage (before its gate step).
    Publicity(PublicityStage),
}

impl Action {
    /// The action in Chinese, e.g. `2 派人谈话` or `发展对象公示`.
    pub fn zh(self) -> String {
        match self {
            Action::Step(s) => format!("{} {}", s.number(), s.zh()),
            Action::Publicity(p) => publicity_zh(p).to_owned(),
        }
    }

    /// The action in English, e.g. `2 talked` or `publicity (candidate)`.
    pub fn en(self) -> String {
        match self {
            Action::Step(s) => format!("{} {}", s.number(), s.as_str()),
            Action::Publicity(p) => format!("publicity ({p})"),
        }
    }
}

/// A next step with its dates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NextStep {
    /// What to do.
    pub action: Action,
    /// Not before this day (e.g. `candidate_confirmed`: one year after
    /// `activist_confirmed`; a conversion meeting: the end of probation).
    pub earliest: Option<NaiveDate>,
    /// Due by this day (the day itself is on time).
    pub deadline: Option<NaiveDate>,
}

impl NextStep {
    fn new(action: Action) -> NextStep {
        NextStep {
            action,
            earliest: None,
            deadline: None,
        }
    }

    fn step(step: Step) -> NextStep {
        NextStep::new(Action::Step(step))
    }

    fn earliest(mut self, d: NaiveDate) -> NextStep {
        self.earliest = Some(d);
        self
    }

    fn deadline(mut self, d: NaiveDate) -> NextStep {
        self.deadline = Some(d);
        self
    }

    /// Whether the deadline has passed on `on`.
    pub fn is_overdue(&self, on: NaiveDate) -> bool {
        self.deadline.is_some_and(|d| on > d)
    }

    /// The step with its dates in Chinese, e.g. `2 派人谈话（最迟 2025-02-28）`.
    pub fn zh(&self, on: NaiveDate) -> String {
        let mut parts = Vec::new();
        if let Some(e) = self.earliest {
            parts.push(format!("最早 {e}"));
        }
        if let Some(d) = self.deadline {
            parts.push(format!("最迟 {d}"));
        }
        if self.is_overdue(on) {
            parts.push("已逾期".to_owned());
        }
        if parts.is_empty() {
            self.action.zh()
        } else {
            format!("{}（{}）", self.action.zh(), parts.join("，"))
        }
    }

    /// The step with its dates in English, e.g. `2 talked (by 2025-02-28)`.
    pub fn en(&self, on: NaiveDate) -> String {
        let mut parts = Vec::new();
        if let Some(e) = self.earliest {
            parts.push(format!("from {e}"));
        }
        if let Some(d) = self.deadline {
            parts.push(format!("by {d}"));
        }
        if self.is_overdue(on) {
            parts.push("overdue".to_owned());
        }
        if parts.is_empty() {
            self.action.en()
        } else {
            format!("{} ({})", self.action.en(), parts.join(", "))
        }
    }
}

/// A candidate's plan on a date: where they stand and what comes next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Plan {
    /// The candidate.
    pub candidate: Id,
    /// The date planned from.
    pub on: NaiveDate,
    /// Where the candidate stands.
    pub status: Status,
    /// The most recent step recorded (latest date; on one day, the later in
    /// the order), with its date.
    pub last: Option<(Step, NaiveDate)>,
    /// Required steps before `last` that are not recorded (to make up).
    pub missing: Vec<Step>,
    /// The next step(s), in order; empty when the file is complete.
    pub next: Vec<NextStep>,
}

/// The plan of the candidate with id `candidate` in `bundle` on `on`: their
/// status, the furthest step recorded, the steps missing before it and the
/// next required step(s) with their deadlines or earliest dates:
///
/// * `talked` by `applied` + 1 month;
/// * an assessment every 6 months (activists, and probationers until the end
///   of probation);
/// * `candidate_confirmed` no earlier than `activist_confirmed` + 1 year;
/// * a required publicity before its gate step;
/// * each approval within 3 months of its meeting;
/// * the conversion meeting from the end of probation (1 year from the
///   `admission_meeting`, extensions included), by 1 month after it;
/// * archiving within 1 month of the conversion approval.
///
/// All periods are the profile's. `None` if the bundle has no such candidate.
/// Records dated after `on` are ignored (they have not happened yet).
///
/// ```
/// use chrono::NaiveDate;
/// use dangjian::development::{self, Action, Status};
/// use dangjian::{Profile, Step};
///
/// let bundle = dangjian::load::bundle_from_json(r#"{
///   "branch": {"id": "B1", "name": "示例支部", "kind": "organ"},
///   "candidates": [{"id": "A2", "name": "魏某"}],
///   "development": [
///     {"candidate": "A2", "step": "applied", "date": "2024-09-02"},
///     {"candidate": "A2", "step": "talked", "date": "2024-09-20"},
///     {"candidate": "A2", "step": "activist_confirmed", "date": "2024-12-02"},
///     {"candidate": "A2", "step": "activist_filed", "date": "2024-12-10"},
///     {"candidate": "A2", "step": "contacts_assigned", "date": "2024-12-12", "members": ["M7"]},
///     {"candidate": "A2", "step": "activist_assessed", "date": "2025-05-30"}
///   ]
/// }"#)?;
/// let on = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let plan = development::plan(&bundle, "A2", on, &Profile::central().development).unwrap();
/// assert_eq!(plan.status, Status::Activist);
/// // The next assessment was due half a year after the last one...
/// assert_eq!(plan.next[0].action, Action::Step(Step::ActivistAssessed));
/// assert_eq!(plan.next[0].deadline, NaiveDate::from_ymd_opt(2025, 11, 30));
/// assert!(plan.next[0].is_overdue(on));
/// // ...and the candidate can be confirmed one year after becoming an activist.
/// assert_eq!(plan.next[1].action, Action::Step(Step::CandidateConfirmed));
/// assert_eq!(plan.next[1].earliest, NaiveDate::from_ymd_opt(2025, 12, 2));
/// # Ok::<(), dangjian::Error>(())
/// ```
pub fn plan(
    bundle: &Bundle,
    candidate: &str,
    on: NaiveDate,
    profile: &DevelopmentProfile,
) -> Option<Plan> {
    DevelopmentFile::of(bundle, candidate, on).map(|f| f.plan(profile))
}

fn next_steps(file: &DevelopmentFile<'_>, p: &DevelopmentProfile) -> Vec<NextStep> {
    let mut out = Vec::new();
    let Some(furthest) = file.furthest() else {
        out.push(NextStep::step(Step::Applied));
        return out;
    };
    if file.has(Step::Archived) {
        return out;
    }
    let needs_publicity = |stage: PublicityStage| {
        p.publicity_stages.value().contains(&stage)
            && !file.publicity().iter().any(|x| x.stage == stage)
    };
    // Before a gate step, its publicity if required and not held.
    let push_gated = |out: &mut Vec<NextStep>, next: NextStep| {
        if let Action::Step(s) = next.action {
            for stage in PublicityStage::ALL {
                if publicity_gate(*stage) == s && needs_publicity(*stage) {
                    out.push(NextStep::new(Action::Publicity(*stage)));
                }
            }
        }
        out.push(next);
    };
    let months = |d: NaiveDate, n: u32| add_months(d, n);

    // Probation and conversion: decided by the conversion meetings.
    if let Some(prob) = file
        .probation(p)
        .filter(|_| file.reached(Step::AdmissionApproved))
    {
        let last_meeting = file
            .all(Step::ConversionMeeting)
            .filter(|m| m.date >= prob.start)
            .last();
        let approval_after =
            |m: &DevelopmentRecord| file.all(Step::ConversionApproved).any(|a| a.date >= m.date);
        let probation_steps = |out: &mut Vec<NextStep>| {
            let last_check = file
                .all(Step::ProbationAssessed)
                .map(|r| r.date)
                .chain(file.first(Step::Oath).map(|r| r.date))
                .chain(std::iter::once(prob.start))
                .max()
                .unwrap_or(prob.start);
            let next_check = months(last_check, *p.assessment_interval_months.value());
            if next_check < prob.end {
                out.push(NextStep::step(Step::ProbationAssessed).deadline(next_check));
            }
            let applied_since = file
                .all(Step::ConversionApplied)
                .any(|r| last_meeting.is_none_or(|m| r.date >= m.date));
            if !applied_since {
                out.push(NextStep::step(Step::ConversionApplied).deadline(prob.end));
            }
            out.push(
                NextStep::step(Step::ConversionMeeting)
                    .earliest(prob.end)
                    .deadline(months(prob.end, *p.conversion_grace_months.value())),
            );
        };
        match last_meeting {
            Some(m) if conversion_outcome(m) == ConversionOutcome::Extend => {
                if !approval_after(m) {
                    out.push(
                        NextStep::step(Step::ConversionApproved)
                            .deadline(months(m.date, *p.approval_within_months.value())),
                    );
                }
                probation_steps(&mut out);
                return out;
            }
            Some(m) => {
                match file
                    .all(Step::ConversionApproved)
                    .find(|a| a.date >= m.date)
                {
                    None => push_gated(
                        &mut out,
                        NextStep::step(Step::ConversionApproved)
                            .deadline(months(m.date, *p.approval_within_months.value())),
                    ),
                    Some(a) => out.push(
                        NextStep::step(Step::Archived)
                            .deadline(months(a.date, *p.archive_grace_months.value())),
                    ),
                }
                return out;
            }
            None if furthest.step < Step::ConversionMeeting => {
                // Still to come before the probation steps: placement and oath.
                for s in [Step::AdmissionFiled, Step::Placed, Step::Oath] {
                    if s > furthest.step {
                        out.push(NextStep::step(s));
                        return out;
                    }
                }
                probation_steps(&mut out);
                return out;
            }
            None => {}
        }
    }

    let approval = |meeting: Step, approval: Step| {
        let d = file.last(meeting).map(|m| m.date);
        let n = NextStep::step(approval);
        match d {
            Some(d) => n.deadline(months(d, *p.approval_within_months.value())),
            None => n,
        }
    };
    match furthest.step {
        Step::Applied => {
            let mut n = NextStep::step(Step::Talked);
            if let Some(a) = file.first(Step::Applied) {
                n = n.deadline(months(a.date, *p.talk_within_months.value()));
            }
            out.push(n);
        }
        Step::ContactsAssigned | Step::ActivistAssessed => {
            let last_check = file
                .all(Step::ActivistAssessed)
                .map(|r| r.date)
                .chain(file.first(Step::ActivistConfirmed).map(|r| r.date))
                .max()
                .unwrap_or(furthest.date);
            out.push(
                NextStep::step(Step::ActivistAssessed)
                    .deadline(months(last_check, *p.assessment_interval_months.value())),
            );
            let mut c = NextStep::step(Step::CandidateConfirmed);
            if let Some(a) = file.first(Step::ActivistConfirmed) {
                c = c.earliest(months(a.date, *p.activist_min_months.value()));
            }
            out.push(c);
        }
        Step::AdmissionMeeting => {
            out.push(NextStep::step(Step::HigherTalk));
            push_gated(
                &mut out,
                approval(Step::AdmissionMeeting, Step::AdmissionApproved),
            );
        }
        Step::HigherTalk => {
            push_gated(
                &mut out,
                approval(Step::AdmissionMeeting, Step::AdmissionApproved),
            );
        }
        Step::ConversionApplied => {
            // Probation unknown (no admission meeting): no dates.
            out.push(NextStep::step(Step::ConversionMeeting));
        }
        Step::ConversionMeeting => {
            push_gated(
                &mut out,
                approval(Step::ConversionMeeting, Step::ConversionApproved),
            );
        }
        Step::ConversionApproved => {
            let mut n = NextStep::step(Step::Archived);
            if let Some(a) = file.last(Step::ConversionApproved) {
                n = n.deadline(months(a.date, *p.archive_grace_months.value()));
            }
            out.push(n);
        }
        Step::Archived => {}
        s => {
            if let Some(next) = s.later().first() {
                push_gated(&mut out, NextStep::step(*next));
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The text report's section

/// The candidates' section of the text report: one line per candidate (in
/// the bundle's order, duplicates skipped) with their status, the furthest
/// step recorded and the next step(s) with their dates (下一步), planned on
/// the context's `as_of`. Empty when the bundle has no candidates.
pub fn progress_section(
    cx: &crate::audit::context::Context<'_>,
    lang: crate::report::Lang,
) -> String {
    use std::fmt::Write as _;
    let zh = lang == crate::report::Lang::Zh;
    let p = &cx.profile.development;
    let mut s = String::new();
    for (pos, c) in cx.bundle.candidates.iter().enumerate() {
        if cx.index.candidate_pos(c.id.as_str()) != Some(pos) {
            continue;
        }
        let recs = cx.index.candidate_records(pos);
        let file = DevelopmentFile::new(
            c,
            recs.steps.iter().copied(),
            recs.publicity.iter().copied(),
            cx.as_of,
        );
        let plan = file.plan(p);
        if s.is_empty() {
            let _ = writeln!(
                s,
                "{}",
                if zh {
                    "编号 | 姓名 | 阶段 | 最近步骤 | 下一步"
                } else {
                    "id | name | stage | last step | next step"
                }
            );
        }
        let last = plan.last.map_or_else(
            || "—".to_owned(),
            |(step, d)| {
                if zh {
                    format!("{} {} {d}", step.number(), step.zh())
                } else {
                    format!("{} {step} {d}", step.number())
                }
            },
        );
        let next: Vec<String> = plan
            .next
            .iter()
            .map(|n| if zh { n.zh(plan.on) } else { n.en(plan.on) })
            .collect();
        let mut next = next.join(if zh { "；" } else { "; " });
        if !plan.missing.is_empty() {
            if !next.is_empty() {
                next.push_str(if zh { "；" } else { "; " });
            }
            let list: Vec<String> = plan
                .missing
                .iter()
                .map(|m| {
                    if zh {
                        format!("{} {}", m.number(), m.zh())
                    } else {
                        format!("{} {m}", m.number())
                    }
                })
                .collect();
            if zh {
                let _ = write!(next, "待补：{}", list.join("、"));
            } else {
                let _ = write!(next, "to make up: {}", list.join(", "));
            }
        }
        if next.is_empty() {
            next.push('—');
        }
        let status = if zh {
            plan.status.zh()
        } else {
            plan.status.en()
        };
        let _ = writeln!(s, "{} | {} | {status} | {last} | {next}", c.id, c.name);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_in_enum_order() {
        for (i, (row, step)) in STEPS.iter().zip(Step::ALL).enumerate() {
            assert_eq!(row.step, *step, "row {i}");
            assert_eq!(usize::from(row.number), i + 1);
            assert_eq!(step_info(*step).step, *step);
        }
        let repeating: Vec<Step> = STEPS.iter().filter(|r| r.repeats).map(|r| r.step).collect();
        let phase = |p: Phase| STEPS.iter().filter(|r| r.phase == p).count();
        assert_eq!(
            [
                Phase::Application,
                Phase::Activist,
                Phase::Candidate,
                Phase::Admission,
                Phase::Probation
            ]
            .map(phase),
            [2, 4, 5, 7, 7]
        );
        assert_eq!(repeating, [Step::ActivistAssessed, Step::ProbationAssessed]);
        assert_eq!(Step::Archived.later(), &[] as &[Step]);
        assert_eq!(Step::ConversionApproved.later(), &[Step::Archived]);
    }

    #[test]
    fn votes_thresholds_against_expected() {
        let v = |e, p, y, w| Votes {
            expected_voting: e,
            present_voting: p,
            yes: y,
            no: 0,
            abstain: 0,
            written_yes: w,
            passed: true,
        };
        assert!(!v(20, 10, 10, 0).quorate());
        assert!(v(21, 11, 11, 0).quorate());
        assert!(!v(20, 11, 10, 0).carried());
        assert!(v(20, 11, 10, 1).carried());
        assert!(v(u32::MAX, u32::MAX, u32::MAX, u32::MAX).carried());
    }
}
