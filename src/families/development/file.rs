//! A candidate's development file: steps, publicities, probation, status.

use chrono::NaiveDate;
use serde::Serialize;

use super::*;
use crate::model::{
    Bundle, Candidate, ConversionOutcome, DevelopmentRecord, PublicityStage, Step, add_months,
};
use crate::profile::{DevelopmentProfile, Param, XizeEdition};

// ---------------------------------------------------------------------------
// A candidate's file

/// The development file of one candidate as of a date: the steps and
/// publicities recorded on or before it, sorted by date (then step order).
///
/// The order of the steps is that of the edition of the 细则 in force on each
/// record's date ([`DevelopmentFile::with_edition`]; without one, the 2014
/// order for every date): a record is *after* a step when it comes after it
/// in the order in force on the record's own date.
#[derive(Clone, Debug)]
pub struct DevelopmentFile<'a> {
    /// The candidate.
    pub candidate: &'a Candidate,
    /// The date the file is seen from.
    pub as_of: NaiveDate,
    records: Vec<&'a DevelopmentRecord>,
    publicity: Vec<&'a crate::model::Publicity>,
    edition: Option<&'a Param<XizeEdition>>,
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
            edition: None,
        }
    }

    /// The file read with the editions of the 细则 of `edition` (the
    /// profile's `development.edition`): each record's place in the order is
    /// that of the edition in force on its date.
    pub fn with_edition(mut self, edition: &'a Param<XizeEdition>) -> DevelopmentFile<'a> {
        self.edition = Some(edition);
        self
    }

    /// The edition of the 细则 in force on `date` (2014 without editions).
    pub fn edition_on(&self, date: NaiveDate) -> XizeEdition {
        self.edition.map_or(XizeEdition::Y2014, |e| *e.at(date))
    }

    /// Whether `record` comes after `step` in the order in force on its date.
    fn is_after(&self, record: &DevelopmentRecord, step: Step) -> bool {
        step.before(record.step, self.edition_on(record.date))
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

    /// The earliest-dated record of a step that comes after `step` in the
    /// order (of the edition in force on the record's date).
    pub fn later_recorded(&self, step: Step) -> Option<&'a DevelopmentRecord> {
        self.records
            .iter()
            .copied()
            .find(|r| self.is_after(r, step))
    }

    /// Whether `step` is reached: it or any later step is recorded.
    pub fn reached(&self, step: Step) -> bool {
        self.records
            .iter()
            .any(|r| r.step == step || self.is_after(r, step))
    }

    /// The latest step in the order that is recorded (each record placed by
    /// the edition in force on its date; on a tie, the earliest record).
    pub fn furthest(&self) -> Option<&'a DevelopmentRecord> {
        self.records.iter().copied().max_by_key(|r| {
            (
                r.step.number_in(self.edition_on(r.date)),
                std::cmp::Reverse(r.date),
            )
        })
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
        Step::ALL
            .iter()
            .copied()
            .filter(|s| !self.has(*s) && self.later_recorded(*s).is_some())
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
        self.publicity_gate_of(stage).map(|(_, d)| d)
    }

    /// The gate step of a publicity `stage` and the date by which it had
    /// happened; `None` while the gate is not reached.
    ///
    /// The candidate publicity's gate depends on the edition in force when
    /// the candidate was confirmed: `candidate_confirmed` itself when that
    /// date falls under the 2026 细则 (art. 13), else `pre_review` (2014).
    pub fn publicity_gate_of(&self, stage: PublicityStage) -> Option<(Step, NaiveDate)> {
        match stage {
            PublicityStage::Conversion => self
                .final_approval()
                .or_else(|| self.first(Step::Archived))
                .map(|r| (Step::ConversionApproved, r.date)),
            PublicityStage::Candidate => {
                let confirmed = self.gate_date(Step::CandidateConfirmed);
                match confirmed {
                    Some(d) if self.edition_on(d) == XizeEdition::Y2026 => {
                        Some((Step::CandidateConfirmed, d))
                    }
                    _ => self
                        .gate_date(Step::PreReview)
                        .map(|d| (Step::PreReview, d)),
                }
            }
            _ => {
                let gate = publicity_gate(stage);
                self.gate_date(gate).map(|d| (gate, d))
            }
        }
    }

    /// The probation, if an `admission_meeting` is recorded.
    pub fn probation(&self, profile: &DevelopmentProfile) -> Option<Probation> {
        let start = self.last(Step::AdmissionMeeting)?.date;
        let months = profile.probation_months.at(start);
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

    /// The next step(s) with their dates, as of the file's date (see [`plan`]),
    /// in the order and with the gates of the edition of `profile` in force
    /// on each date.
    pub fn plan(&self, profile: &DevelopmentProfile) -> Plan {
        let file = self.clone().with_edition(&profile.edition);
        file.plan_with(profile)
    }

    fn plan_with(&self, profile: &DevelopmentProfile) -> Plan {
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
            next: super::plan::next_steps(self, profile),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::d;

    /// A bundle with candidate A1 and `development` records
    /// (`[step, date]` pairs; `step,"field":value` adds fields).
    fn bundle(steps: &[(&str, &str)]) -> Bundle {
        let records: Vec<String> = steps
            .iter()
            .map(|(s, d)| {
                let (step, more) = s.split_once(',').map_or((*s, ""), |(a, b)| (a, b));
                let more = if more.is_empty() {
                    String::new()
                } else {
                    format!(",{more}")
                };
                format!(r#"{{"candidate":"A1","step":"{step}","date":"{d}"{more}}}"#)
            })
            .collect();
        crate::load::bundle_from_json(&format!(
            r#"{{"branch":{{"id":"B1","name":"一支部","kind":"organ"}},
                "candidates":[{{"id":"A1","name":"陈某","born_on":"1995-05-05"}}],
                "development":[{}]}}"#,
            records.join(",")
        ))
        .unwrap()
    }

    #[test]
    fn every_status_has_its_labels() {
        let labels: Vec<(&str, &str)> = [
            Status::Applicant,
            Status::Activist,
            Status::Candidate,
            Status::Probationary,
            Status::Full,
            Status::Cancelled,
        ]
        .into_iter()
        .map(|s| (s.zh(), s.en()))
        .collect();
        assert_eq!(
            labels,
            [
                ("入党申请人", "applicant"),
                ("入党积极分子", "activist"),
                ("发展对象", "candidate for development"),
                ("预备党员", "probationary member"),
                ("正式党员", "full member"),
                ("已取消预备党员资格", "probation cancelled"),
            ]
        );
    }

    #[test]
    fn a_publicity_gate_is_the_date_its_gate_step_happened() {
        let b = bundle(&[
            ("applied", "2021-03-01"),
            ("activist_filed", "2021-06-10"),
            ("pre_review", "2022-09-01"),
            ("admission_approved", "2023-01-10"),
        ]);
        let file = DevelopmentFile::of(&b, "A1", d("2025-12-31")).unwrap();
        assert_eq!(
            file.publicity_gate_date(PublicityStage::Activist),
            Some(d("2021-06-10"))
        );
        assert_eq!(
            file.publicity_gate_date(PublicityStage::Candidate),
            Some(d("2022-09-01"))
        );
        assert_eq!(
            file.publicity_gate_date(PublicityStage::Admission),
            Some(d("2023-01-10"))
        );
        // Not reached yet.
        assert_eq!(file.publicity_gate_date(PublicityStage::Conversion), None);
        // Nothing recorded by as_of: no gate reached.
        let early = DevelopmentFile::of(&b, "A1", d("2021-05-31")).unwrap();
        assert_eq!(early.publicity_gate_date(PublicityStage::Activist), None);
    }

    #[test]
    fn the_status_follows_the_furthest_step_and_the_conversion_decided() {
        let status = |steps: &[(&str, &str)]| {
            let b = bundle(steps);
            DevelopmentFile::of(&b, "A1", d("2025-12-31"))
                .unwrap()
                .status()
        };
        let mut steps = vec![("applied", "2021-03-01")];
        assert_eq!(status(&steps), Status::Applicant);
        steps.push(("activist_confirmed", "2021-06-01"));
        assert_eq!(status(&steps), Status::Activist);
        steps.push(("candidate_confirmed", "2022-08-01"));
        assert_eq!(status(&steps), Status::Candidate);
        steps.push(("admission_meeting", "2022-10-20"));
        steps.push(("admission_approved", "2022-11-20"));
        assert_eq!(status(&steps), Status::Probationary);
        // An extension decided and approved: still probationary.
        let mut extended = steps.clone();
        extended.push((
            r#"conversion_meeting,"outcome":"extend","extend_months":6"#,
            "2023-10-25",
        ));
        extended.push(("conversion_approved", "2023-11-10"));
        assert_eq!(status(&extended), Status::Probationary);
        // Converted (without the archive step): full.
        let mut converted = steps.clone();
        converted.push((r#"conversion_meeting,"outcome":"convert""#, "2023-10-25"));
        converted.push(("conversion_approved", "2023-11-10"));
        assert_eq!(status(&converted), Status::Full);
        // Cancelled: neither full nor probationary.
        let mut cancelled = steps.clone();
        cancelled.push((r#"conversion_meeting,"outcome":"cancel""#, "2023-10-25"));
        cancelled.push(("conversion_approved", "2023-11-10"));
        assert_eq!(status(&cancelled), Status::Cancelled);
        // Archived without a recorded conversion: full.
        steps.push(("archived", "2023-12-10"));
        assert_eq!(status(&steps), Status::Full);
    }
}
