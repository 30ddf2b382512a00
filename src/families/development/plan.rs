//! The planner: the next steps of a candidate and their deadlines, and the
//! text report's progress section.

use chrono::NaiveDate;
use serde::Serialize;

use super::*;
use crate::model::{
    Bundle, ConversionOutcome, DevelopmentRecord, Id, PublicityStage, Step, add_months,
};
use crate::profile::{DevelopmentProfile, XizeEdition};

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

    /// The action in English, the step in words, e.g. `2 initial talk` or
    /// `publicity (candidate)`.
    pub fn en(self) -> String {
        match self {
            Action::Step(s) => format!("{} {}", s.number(), super::steps::step_info(s).en),
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

    /// The step with its dates in English, e.g. `2 initial talk (by 2025-02-28)`.
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
/// * `candidate_confirmed` no earlier than `activist_confirmed` + 1 year
///   (under the 2026 edition: `candidate_filed`, 上级党委同意, comes first and
///   takes that earliest date);
/// * a required publicity before its gate step (the candidate publicity
///   before `pre_review`; under the 2026 edition before `candidate_confirmed`);
/// * under the 2026 edition, the admission meeting within 1 month of
///   `pre_review` and the oath within 1 month of `admission_approved` (a
///   collective oath on the first 七一 or 国庆 after it is also on time);
/// * each approval within 3 months of its meeting;
/// * the conversion meeting from the end of probation (1 year from the
///   `admission_meeting`, extensions included), by 1 month after it;
/// * archiving within 1 month of the conversion approval.
///
/// All periods are the profile's, and so is the edition of the 细则: each
/// record is placed by the edition in force on its date, the next steps by
/// the one in force on `on`. `None` if the bundle has no such candidate.
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

pub(super) fn next_steps(file: &DevelopmentFile<'_>, p: &DevelopmentProfile) -> Vec<NextStep> {
    let mut out = Vec::new();
    let Some(furthest) = file.furthest() else {
        out.push(NextStep::step(Step::Applied));
        return out;
    };
    if file.has(Step::Archived) {
        return out;
    }
    // The next steps are taken from now on: the edition in force on the plan's date.
    let ed = file.edition_on(file.as_of);
    let needs_publicity = |stage: PublicityStage| {
        p.publicity_stages.at(file.as_of).contains(&stage)
            && !file.publicity().iter().any(|x| x.stage == stage)
    };
    // Before a gate step, its publicity if required and not held.
    let push_gated = |out: &mut Vec<NextStep>, next: NextStep| {
        if let Action::Step(s) = next.action {
            for stage in PublicityStage::ALL {
                if publicity_gate_in(*stage, ed) == s && needs_publicity(*stage) {
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
            let next_check = months(last_check, *p.assessment_interval_months.at(last_check));
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
                    .deadline(months(prob.end, *p.conversion_grace_months.at(prob.end))),
            );
        };
        match last_meeting {
            Some(m) if conversion_outcome(m) == ConversionOutcome::Extend => {
                if !approval_after(m) {
                    out.push(
                        NextStep::step(Step::ConversionApproved)
                            .deadline(months(m.date, *p.approval_within_months.at(m.date))),
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
                            .deadline(months(m.date, *p.approval_within_months.at(m.date))),
                    ),
                    Some(a) => out.push(
                        NextStep::step(Step::Archived)
                            .deadline(months(a.date, *p.archive_grace_months.at(a.date))),
                    ),
                }
                return out;
            }
            None if furthest.step < Step::ConversionMeeting => {
                // Still to come before the probation steps: placement and oath
                // (under the 2026 edition on the approval's date, within a
                // month of it: art. 29).
                for s in [Step::AdmissionFiled, Step::Placed, Step::Oath] {
                    if s > furthest.step {
                        let mut n = NextStep::step(s);
                        if s == Step::Oath {
                            if let Some(a) = file
                                .first(Step::AdmissionApproved)
                                .filter(|a| file.edition_on(a.date) == XizeEdition::Y2026)
                            {
                                n = n.deadline(months(a.date, *p.oath_within_months.at(a.date)));
                            }
                        }
                        out.push(n);
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
            Some(d) => n.deadline(months(d, *p.approval_within_months.at(d))),
            None => n,
        }
    };
    // Where the activist phase ends: `candidate_confirmed` (2014) or, first,
    // `candidate_filed` (上级党委同意, 2026 art. 13), one year after becoming
    // an activist.
    let candidate_step = match ed {
        XizeEdition::Y2026 => Step::CandidateFiled,
        _ => Step::CandidateConfirmed,
    };
    match furthest.step {
        Step::Applied => {
            let mut n = NextStep::step(Step::Talked);
            if let Some(a) = file.first(Step::Applied) {
                n = n.deadline(months(a.date, *p.talk_within_months.at(a.date)));
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
            out.push(NextStep::step(Step::ActivistAssessed).deadline(months(
                last_check,
                *p.assessment_interval_months.at(last_check),
            )));
            let mut c = NextStep::step(candidate_step);
            if let Some(a) = file.first(Step::ActivistConfirmed) {
                c = c.earliest(months(a.date, *p.activist_min_months.at(file.as_of)));
            }
            push_gated(&mut out, c);
        }
        Step::PreReview | Step::ApplicationForm
            if file
                .first(Step::PreReview)
                .is_some_and(|r| file.edition_on(r.date) == XizeEdition::Y2026) =>
        {
            // 2026 art. 19: the admission meeting within a month of the pre-review.
            if furthest.step == Step::PreReview {
                push_gated(&mut out, NextStep::step(Step::ApplicationForm));
            }
            let mut n = NextStep::step(Step::AdmissionMeeting);
            if let Some(r) = file.first(Step::PreReview) {
                n = n.deadline(months(r.date, *p.admission_within_months.at(r.date)));
            }
            push_gated(&mut out, n);
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
                n = n.deadline(months(a.date, *p.archive_grace_months.at(a.date)));
            }
            out.push(n);
        }
        Step::Archived => {}
        s => {
            // The furthest step is placed by the edition on its own date; the
            // next one follows the order in force now.
            let placed = file.edition_on(furthest.date);
            let next = s.next_in(placed).filter(|n| !file.has(*n)).or_else(|| {
                // The next one already recorded (both candidate steps, in
                // either order): the first step after `s` not recorded.
                // (`>=` would find the same: the one step numbered like `s`
                // is `s`, which is recorded — an equivalent mutant.)
                order(ed)
                    .iter()
                    .copied()
                    .find(|n| n.number_in(ed) > s.number_in(ed) && !file.has(*n))
            });
            if let Some(next) = next {
                push_gated(&mut out, NextStep::step(next));
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
    cx: &crate::families::context::Context<'_>,
    lang: crate::vocab::Lang,
) -> String {
    use std::fmt::Write as _;
    let zh = lang == crate::vocab::Lang::Zh;
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
                    format!("{} {} {d}", step.number(), super::steps::step_info(step).en)
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
                        format!("{} {}", m.number(), super::steps::step_info(*m).en)
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
    use crate::model::Votes;
    use crate::testing::d;

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

    fn bundle(steps: &[(&str, &str)]) -> Bundle {
        let dev: Vec<serde_json::Value> = steps
            .iter()
            .map(|(s, d)| serde_json::json!({"candidate": "A1", "step": s, "date": d}))
            .collect();
        let doc = serde_json::json!({
            "branch": {"id": "B1", "name": "支部", "kind": "organ"},
            "candidates": [{"id": "A1", "name": "陈某"}],
            "development": dev,
        });
        crate::load::bundle_from_json(&doc.to_string()).unwrap()
    }

    fn next(b: &Bundle, on: &str, profile: &str) -> Vec<Action> {
        let p = crate::Profile::builtin(profile).unwrap();
        let on = crate::parse_date(on).unwrap();
        plan(b, "A1", on, &p.development)
            .unwrap()
            .next
            .iter()
            .map(|n| n.action)
            .collect()
    }

    const ACTIVIST: &[(&str, &str)] = &[
        ("applied", "2025-01-05"),
        ("talked", "2025-01-20"),
        ("activist_confirmed", "2025-06-01"),
        ("activist_filed", "2025-06-05"),
        ("contacts_assigned", "2025-06-10"),
        ("activist_assessed", "2026-05-20"),
    ];

    #[test]
    fn the_2026_order_in_the_plan() {
        use Action::{Publicity, Step as S};
        let b = bundle(ACTIVIST);
        // After the year as an activist: 2014 confirms, 2026 asks the higher
        // committee first (art. 13).
        assert_eq!(
            next(&b, "2026-06-10", "central"),
            [S(Step::ActivistAssessed), S(Step::CandidateConfirmed)]
        );
        assert_eq!(
            next(&b, "2026-06-10", "central-2026"),
            [S(Step::ActivistAssessed), S(Step::CandidateFiled)]
        );
        // Consent given: the candidate publicity, then the confirmation.
        let mut steps = ACTIVIST.to_vec();
        steps.push(("candidate_filed", "2026-06-12"));
        let b = bundle(&steps);
        assert_eq!(
            next(&b, "2026-06-15", "central-2026"),
            [
                Publicity(PublicityStage::Candidate),
                S(Step::CandidateConfirmed)
            ]
        );
        // Confirmed under 2014 (before 2026-05-11): file it next, as 2014 does.
        let mut steps = ACTIVIST.to_vec();
        steps.truncate(5);
        steps.push(("candidate_confirmed", "2026-05-05"));
        let b = bundle(&steps);
        assert_eq!(
            next(&b, "2026-06-15", "central-2026"),
            [S(Step::CandidateFiled)]
        );
        // Confirmed under 2026 after the consent: the introducers.
        let mut steps = ACTIVIST.to_vec();
        steps.push(("candidate_filed", "2026-06-12"));
        steps.push(("candidate_confirmed", "2026-06-25"));
        let b = bundle(&steps);
        assert_eq!(
            next(&b, "2026-07-01", "central-2026"),
            [S(Step::IntroducersAssigned)]
        );
    }

    #[test]
    fn the_2026_deadlines_in_the_plan() {
        let p = crate::Profile::builtin("central-2026").unwrap();
        let d = |s: &str| crate::parse_date(s).unwrap();
        // Pre-reviewed: the form, then the admission meeting within a month (art. 19).
        let b = bundle(&[("pre_review", "2026-06-10")]);
        let plan = plan(&b, "A1", d("2026-06-15"), &p.development).unwrap();
        assert_eq!(plan.next[0].action, Action::Step(Step::ApplicationForm));
        assert_eq!(plan.next[1].action, Action::Step(Step::AdmissionMeeting));
        assert_eq!(plan.next[1].deadline, Some(d("2026-07-10")));
        // The same under central: the form only, no deadline for the meeting.
        let central = crate::Profile::central();
        let plan14 = super::plan(&b, "A1", d("2026-06-15"), &central.development).unwrap();
        assert_eq!(plan14.next.len(), 1);
        // Approved: the oath within a month (art. 29).
        let b = bundle(&[
            ("admission_meeting", "2026-06-20"),
            ("higher_talk", "2026-06-25"),
            ("admission_approved", "2026-07-02"),
            ("admission_filed", "2026-07-05"),
            ("placed", "2026-07-06"),
        ]);
        let plan = super::plan(&b, "A1", d("2026-07-10"), &p.development).unwrap();
        assert_eq!(plan.next[0].action, Action::Step(Step::Oath));
        assert_eq!(plan.next[0].deadline, Some(d("2026-08-02")));
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

    #[test]
    fn a_publicity_held_is_not_planned_again() {
        use Action::{Publicity, Step as S};
        let mut steps = ACTIVIST.to_vec();
        steps.push(("candidate_filed", "2026-06-12"));
        let mut b = bundle(&steps);
        b.publicity.push(crate::model::Publicity::new(
            "A1".parse().unwrap(),
            PublicityStage::Candidate,
            d("2026-06-13"),
            d("2026-06-19"),
        ));
        assert_eq!(
            next(&b, "2026-06-25", "central-2026"),
            [S(Step::CandidateConfirmed)]
        );
        // Another stage's publicity does not stand in for it.
        b.publicity[0].stage = PublicityStage::Activist;
        assert_eq!(
            next(&b, "2026-06-25", "central-2026"),
            [
                Publicity(PublicityStage::Candidate),
                S(Step::CandidateConfirmed)
            ]
        );
    }

    #[test]
    fn a_next_step_is_overdue_from_the_day_after_its_deadline() {
        let n = NextStep::step(Step::Talked).deadline(d("2025-02-28"));
        assert!(!n.is_overdue(d("2025-02-27")));
        assert!(!n.is_overdue(d("2025-02-28")));
        assert!(n.is_overdue(d("2025-03-01")));
        assert!(!NextStep::step(Step::Talked).is_overdue(d("2099-01-01")));
        assert_eq!(n.zh(d("2025-02-28")), "2 派人谈话（最迟 2025-02-28）");
        assert_eq!(n.en(d("2025-02-28")), "2 initial talk (by 2025-02-28)");
        assert_eq!(
            n.en(d("2025-03-01")),
            "2 initial talk (by 2025-02-28, overdue)"
        );
        let both = NextStep::step(Step::CandidateConfirmed)
            .earliest(d("2026-06-01"))
            .deadline(d("2026-12-31"));
        assert_eq!(
            both.en(d("2026-01-01")),
            "7 confirmed as candidate for development (from 2026-06-01, by 2026-12-31)"
        );
        assert_eq!(
            NextStep::step(Step::Applied).en(d("2026-01-01")),
            "1 application submitted"
        );
        let p = NextStep::new(Action::Publicity(PublicityStage::Candidate));
        assert_eq!(p.en(d("2026-01-01")), "publicity (candidate)");
        assert_eq!(p.action.zh(), publicity_zh(PublicityStage::Candidate));
    }

    /// A probationary member from 2024-03-01 (admission meeting; oath
    /// 2024-04-01), and `more` steps.
    fn probationary(more: &[(&str, &str)]) -> Bundle {
        let mut steps = vec![
            ("admission_meeting", "2024-03-01"),
            ("admission_approved", "2024-03-20"),
            ("admission_filed", "2024-03-25"),
            ("placed", "2024-03-26"),
            ("oath", "2024-04-01"),
        ];
        steps.extend_from_slice(more);
        bundle(&steps)
    }

    fn next_steps_on(b: &Bundle, on: &str) -> Vec<NextStep> {
        let p = crate::Profile::central();
        plan(b, "A1", d(on), &p.development).unwrap().next
    }

    #[test]
    fn the_probation_assessments_are_planned_until_the_end_of_probation() {
        use Action::Step as S;
        // Six months (assessment_interval_months) after the oath.
        let next = next_steps_on(&probationary(&[]), "2024-05-01");
        assert_eq!(
            next.iter().map(|n| n.action).collect::<Vec<_>>(),
            [
                S(Step::ProbationAssessed),
                S(Step::ConversionApplied),
                S(Step::ConversionMeeting)
            ]
        );
        assert_eq!(next[0].deadline, Some(d("2024-10-01")));
        assert_eq!(next[1].deadline, Some(d("2025-03-01")));
        assert_eq!(next[2].earliest, Some(d("2025-03-01")));
        // The next assessment would fall on the end of probation: not planned.
        let next = next_steps_on(
            &probationary(&[("probation_assessed", "2024-09-01")]),
            "2024-09-10",
        );
        assert_eq!(
            next.iter().map(|n| n.action).collect::<Vec<_>>(),
            [S(Step::ConversionApplied), S(Step::ConversionMeeting)]
        );
        // A day earlier it is.
        let next = next_steps_on(
            &probationary(&[("probation_assessed", "2024-08-31")]),
            "2024-09-10",
        );
        assert_eq!(next[0].action, S(Step::ProbationAssessed));
        assert_eq!(next[0].deadline, Some(d("2025-02-28")));
    }

    #[test]
    fn an_extension_is_approved_before_the_longer_probation_goes_on() {
        use Action::Step as S;
        let extended = |approved: Option<&str>| {
            let mut more = vec![
                ("probation_assessed", "2024-09-01"),
                ("conversion_applied", "2025-02-20"),
                ("conversion_meeting", "2025-03-05"),
            ];
            if let Some(a) = approved {
                more.push(("conversion_approved", a));
            }
            let mut b = probationary(&more);
            let m = b
                .development
                .iter_mut()
                .find(|r| r.step == Step::ConversionMeeting)
                .unwrap();
            m.outcome = Some(ConversionOutcome::Extend);
            m.extend_months = Some(6);
            b
        };
        let actions = |b: &Bundle| {
            next_steps_on(b, "2025-04-01")
                .iter()
                .map(|n| n.action)
                .collect::<Vec<_>>()
        };
        // Not yet approved: the approval first.
        let waiting = actions(&extended(None));
        assert_eq!(waiting[0], S(Step::ConversionApproved));
        // Approved on the meeting's day or after: not asked again.
        for day in ["2025-03-05", "2025-03-20"] {
            let approved = actions(&extended(Some(day)));
            assert!(
                !approved.contains(&S(Step::ConversionApproved)),
                "{day}: {approved:?}"
            );
            // The application made before the extension is made again; the
            // probation goes on to 2025-09-01.
            assert_eq!(
                approved,
                [
                    S(Step::ProbationAssessed),
                    S(Step::ConversionApplied),
                    S(Step::ConversionMeeting)
                ],
                "{day}"
            );
        }
        // Applied again after the extension: not asked again.
        let mut b = extended(Some("2025-03-20"));
        b.development.push(b.development[0].clone());
        let again = b.development.last_mut().unwrap();
        again.step = Step::ConversionApplied;
        again.date = d("2025-03-25");
        assert_eq!(
            actions(&b),
            [S(Step::ProbationAssessed), S(Step::ConversionMeeting)]
        );
    }

    #[test]
    fn a_conversion_decided_goes_to_its_approval_then_the_archive() {
        use Action::Step as S;
        let more = [
            ("probation_assessed", "2024-09-01"),
            ("conversion_applied", "2025-02-20"),
            ("conversion_meeting", "2025-03-05"),
        ];
        let actions = |b: &Bundle| {
            next_steps_on(b, "2025-03-10")
                .iter()
                .map(|n| n.action)
                .filter(|a| matches!(a, S(_)))
                .collect::<Vec<_>>()
        };
        assert_eq!(actions(&probationary(&more)), [S(Step::ConversionApproved)]);
        let mut approved = more.to_vec();
        approved.push(("conversion_approved", "2025-03-08"));
        assert_eq!(actions(&probationary(&approved)), [S(Step::Archived)]);
        // An approval recorded without its meeting: the archive, not the
        // probation steps.
        let b = probationary(&[("conversion_approved", "2025-03-08")]);
        assert_eq!(actions(&b), [S(Step::Archived)]);
        // A conversion meeting dated before the probation began (out of
        // order, which the sequence rules report) is not the probation's
        // meeting, but it is the furthest step: its approval comes next.
        let b = probationary(&[("conversion_meeting", "2024-02-01")]);
        assert_eq!(actions(&b), [S(Step::ConversionApproved)]);
    }

    #[test]
    fn both_candidate_steps_recorded_across_the_editions() {
        use Action::Step as S;
        // candidate_confirmed under the 2014 text (number 7, then
        // candidate_filed), candidate_filed under the 2026 one (number 7,
        // then candidate_confirmed): both recorded, so the next step is the
        // first one after them that is not, in the order in force now.
        let b = bundle(&[
            ("candidate_confirmed", "2026-05-01"),
            ("candidate_filed", "2026-06-01"),
        ]);
        assert_eq!(
            next(&b, "2026-06-10", "central-2026"),
            [S(Step::IntroducersAssigned)]
        );
    }

    #[test]
    fn the_progress_section_lists_the_next_steps_then_those_to_make_up() {
        let section = |steps: &[(&str, &str)]| {
            let b = bundle(steps);
            let auditor = crate::Auditor::new(d("2025-12-31"));
            progress_section(&auditor.context(&b), crate::vocab::Lang::En)
        };
        // Talked is missing, and the activist is to be filed next.
        let s = section(&[
            ("applied", "2025-01-05"),
            ("activist_confirmed", "2025-06-01"),
        ]);
        let row = s.lines().nth(1).unwrap();
        assert!(row.contains("; to make up: 2 initial talk"), "{s}");
        assert!(!row.ends_with('—'), "{s}");
        // Archived: nothing next, only what is missing.
        let s = section(&[("applied", "2020-01-05"), ("archived", "2023-06-01")]);
        let row = s.lines().nth(1).unwrap();
        assert!(row.contains("| to make up: 2 initial talk, "), "{s}");
        // Nothing next and nothing missing: a dash.
        let s = section(&[("applied", "2025-12-01")]);
        assert!(!s.lines().nth(1).unwrap().contains("to make up"), "{s}");
    }

    #[test]
    fn the_editions_order_and_cite_the_steps_differently() {
        assert_eq!(order(XizeEdition::Y2014)[6], Step::CandidateConfirmed);
        assert_eq!(order(XizeEdition::Y2014)[7], Step::CandidateFiled);
        assert_eq!(order(XizeEdition::Y2026)[6], Step::CandidateFiled);
        assert_eq!(order(XizeEdition::Y2026)[7], Step::CandidateConfirmed);
        let review = step_info(Step::CommitteeReview);
        assert_eq!(review.article_in(XizeEdition::Y2014), "第十九条");
        assert_eq!(review.article_in(XizeEdition::Y2026), "第十八条");
        let phases = [
            Phase::Application,
            Phase::Activist,
            Phase::Candidate,
            Phase::Admission,
            Phase::Probation,
        ]
        .map(|p| (p.zh(), p.en()));
        assert_eq!(
            phases,
            [
                ("申请入党", "application"),
                ("入党积极分子的确定和培养教育", "activist"),
                ("发展对象的确定和考察", "candidate for development"),
                ("预备党员的接收", "admission"),
                ("预备党员的教育、考察和转正", "probation and conversion"),
            ]
        );
    }
}
