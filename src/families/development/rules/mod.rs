//! Member-development rules (发展党员): DEV001–DEV022.
//!
//! Every rule reads the candidate's [`DevelopmentFile`]: the steps and
//! publicities recorded on or before `as_of` (later ones have not happened
//! yet; DAT003 reports them), checked against the one table of the 25 steps
//! ([`crate::development::STEPS`]). All are event rules: a file is audited
//! from its first step, whatever the audit period.
//!
//! # Editions of the 细则
//!
//! A rule applies the edition of the 细则 (profile `development.edition`) —
//! and every threshold — in force on the date of the record that triggers
//! it, and its finding cites that edition's article (`Violation::date`):
//!
//! * a step out of order or missing (DEV003, DEV004): the date of the step
//!   checked (the later record); the order is that edition's (2026:
//!   `candidate_filed`, 上级党委同意, before `candidate_confirmed`);
//! * a deadline (DEV002, DEV006, DEV015, DEV017, DEV020, DEV021, DEV022): the
//!   date of the record that starts the clock (the duty arises under the text
//!   in force then), so DEV021 and DEV022 apply to a `pre_review` or an
//!   `admission_approved` dated under the 2026 edition;
//! * a gate (DEV009–DEV012): the date of the gate step; the candidate
//!   publicity's gate is `candidate_confirmed` when that step falls under the
//!   2026 edition, `pre_review` otherwise.
//!
//! Where two rules could report the same gap, one does:
//!
//! * a step missing while a later step is recorded is `DEV003` (or the
//!   step's own code: `political_review` DEV009, `training` DEV010, `oath`
//!   DEV016). The "still pending" findings — no talk yet (DEV002), no
//!   approval yet (DEV015), no conversion meeting yet (DEV017) — are only
//!   reported while no later step is recorded;
//! * a rule that needs a date of a missing step (the probation needs the
//!   `admission_meeting`, DEV007 needs `activist_confirmed`) does not guess it.
//!
//! A candidate id that appears twice in `candidates` is audited once, as its
//! first record (the duplicate is reported by DAT002).

use chrono::NaiveDate;
use serde::Serialize;

use crate::development::{DevelopmentFile, step_info};
use crate::families::context::Context;
use crate::kit::{Emitter, EvidenceKey, RuleCode, RuleMeta, key};
use crate::model::{DateRange, Id, Step, add_months};
use crate::profile::XizeEdition;
use crate::vocab::Subject;
mod activist;
mod admission;
mod application;
mod candidate;
mod oath;
mod probation;
mod publicity;
mod sequence;

/// The development rules' metadata, by stage.
pub(crate) static RULES: &[&[RuleMeta]] = &[
    application::RULES,
    sequence::RULES,
    activist::RULES,
    candidate::RULES,
    publicity::RULES,
    admission::RULES,
    probation::RULES,
    oath::RULES,
];

const CODES: &[RuleCode] = &[
    RuleCode::DEV001,
    RuleCode::DEV002,
    RuleCode::DEV003,
    RuleCode::DEV004,
    RuleCode::DEV005,
    RuleCode::DEV006,
    RuleCode::DEV007,
    RuleCode::DEV008,
    RuleCode::DEV009,
    RuleCode::DEV010,
    RuleCode::DEV011,
    RuleCode::DEV012,
    RuleCode::DEV013,
    RuleCode::DEV014,
    RuleCode::DEV015,
    RuleCode::DEV016,
    RuleCode::DEV017,
    RuleCode::DEV018,
    RuleCode::DEV019,
    RuleCode::DEV020,
    RuleCode::DEV021,
    RuleCode::DEV022,
];

/// The file of the candidate at position `pos` of the bundle, as of `cx.as_of`.
pub(crate) fn file_at<'a>(cx: &Context<'a>, pos: usize) -> Option<DevelopmentFile<'a>> {
    let c = cx.bundle.candidates.get(pos)?;
    let recs = cx.index.candidate_records(pos);
    Some(
        DevelopmentFile::new(
            c,
            recs.steps.iter().copied(),
            recs.publicity.iter().copied(),
            cx.as_of,
        )
        .with_edition(&cx.profile.development.edition),
    )
}

/// Runs the development rules over every candidate of the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants_any(CODES) {
        return;
    }
    for (pos, c) in cx.bundle.candidates.iter().enumerate() {
        if cx.index.candidate_pos(c.id.as_str()) != Some(pos) {
            continue; // a duplicate id: DAT002
        }
        let Some(file) = file_at(cx, pos) else {
            continue;
        };
        check(cx, &file, out);
    }
}

fn check(cx: &Context<'_>, f: &DevelopmentFile<'_>, out: &mut Emitter<'_>) {
    let who = Who::of(f);
    application::check(cx, f, &who, out);
    sequence::check(f, &who, out);
    activist::check(cx, f, &who, out);
    candidate::check(cx, f, &who, out);
    if out.wants_any(&[RuleCode::DEV011, RuleCode::DEV012]) {
        publicity::check(cx, f, &who, out);
    }
    admission::check(cx, f, &who, out);
    if let Some(prob) = f.probation(&cx.profile.development) {
        probation::check(cx, f, &prob, &who, out);
    }
    probation::archive(cx, f, &who, out);
    oath::check(cx, f, &who, out);
}

fn distinct(ids: &[Id]) -> Vec<&Id> {
    let mut v: Vec<&Id> = Vec::with_capacity(ids.len());
    for id in ids {
        if !v.contains(&id) {
            v.push(id);
        }
    }
    v
}

fn whole_years(born: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = 0u32;
    while years < 200 && add_months(born, (years + 1) * 12) <= on {
        years += 1;
    }
    years
}

// ---------------------------------------------------------------------------
// Violations

/// The candidate a violation is about: id in the evidence, name for messages.
#[derive(Clone, Serialize)]
struct Who {
    candidate: Id,
    #[serde(skip)]
    name: String,
}

impl Who {
    fn of(f: &DevelopmentFile<'_>) -> Who {
        Who {
            candidate: f.candidate.id.clone(),
            name: f.candidate.name.clone(),
        }
    }
    fn subject(&self) -> Subject {
        Subject::candidate(&self.candidate)
    }
    fn zh(&self) -> String {
        format!("{}（{}）", self.name, self.candidate)
    }
    fn en(&self) -> String {
        format!("{} ({})", self.name, self.candidate)
    }
}

fn span(from: NaiveDate, to: NaiveDate) -> Option<DateRange> {
    Some(DateRange::new(from, to).unwrap_or(DateRange::day(from)))
}

/// `第8步“报上级党委备案”`: the step's number and name in `ed`.
fn step_zh(s: Step, ed: XizeEdition) -> String {
    format!("第{}步“{}”", s.number_in(ed), step_info(s).zh_in(ed))
}

/// `step 8 `candidate_filed``: the step's number in `ed`.
fn step_en(s: Step, ed: XizeEdition) -> String {
    format!("step {} `{}`", s.number_in(ed), s)
}

/// The evidence key of the candidate (the flattened [`Who`]).
const WHO: EvidenceKey = key("candidate", "string (candidate id)", "the candidate");

/// The evidence key of a list of people found invalid (`PersonIssue`).
const INVALID: EvidenceKey = key(
    "invalid",
    "[{member, on, reason}]",
    "each person found invalid: member id, the date checked and why \
     (`not_in_branch`, `not_full_member`, `probationary`, `not_yet_member`, \
     `rights_suspended`)",
);

#[derive(Clone, Serialize)]
struct PersonIssue {
    member: Id,
    on: NaiveDate,
    reason: &'static str,
}

fn issues_zh(v: &[PersonIssue]) -> String {
    v.iter()
        .map(|i| {
            let why = match i.reason {
                "not_in_branch" => "不是本支部党员",
                "not_full_member" | "probationary" => "不是正式党员",
                "not_yet_member" => "尚未入党",
                _ => "党员权利被停止",
            };
            format!("{}于{}{}", i.member, i.on, why)
        })
        .collect::<Vec<_>>()
        .join("，")
}

fn issues_en(v: &[PersonIssue]) -> String {
    v.iter()
        .map(|i| {
            let why = match i.reason {
                "not_in_branch" => "not a member of the branch",
                "not_full_member" | "probationary" => "not a full member",
                "not_yet_member" => "not yet a party member",
                _ => "with rights suspended",
            };
            format!("{} {why} on {}", i.member, i.on)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `1 day`, `2 days`.
fn days_en(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

fn ordinal(n: u32) -> String {
    match n {
        1 => "first".to_owned(),
        2 => "second".to_owned(),
        3 => "third".to_owned(),
        n => format!("{n}th"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::Cite;
    use crate::kit::resolve;
    use crate::profile::Profile;
    use crate::vocab::sources::XIZE;

    /// Every list of citations a DEV finding can carry: each rule's own, and
    /// the lists its violations choose (by stage, by step, by meeting).
    fn lists() -> Vec<(RuleCode, &'static [Cite])> {
        let mut v: Vec<(RuleCode, &'static [Cite])> = RULES
            .iter()
            .flat_map(|t| t.iter())
            .map(|r| (r.code, r.citations))
            .collect();
        for info in crate::development::STEPS.iter() {
            v.push((RuleCode::DEV003, std::slice::from_ref(&info.cite)));
        }
        v.extend(publicity::all_lists().map(|l| (RuleCode::DEV011, l)));
        v.extend(admission::all_lists().map(|l| (RuleCode::DEV013, l)));
        v.extend(probation::all_lists().map(|l| (RuleCode::DEV017, l)));
        v
    }

    fn d(s: &str) -> NaiveDate {
        crate::parse_date(s).unwrap()
    }

    #[test]
    fn whole_years_turn_on_the_birthday_and_stop_at_two_hundred() {
        assert_eq!(whole_years(d("2007-05-05"), d("2025-05-04")), 17);
        assert_eq!(whole_years(d("2007-05-05"), d("2025-05-05")), 18);
        assert_eq!(whole_years(d("2025-05-05"), d("2025-05-05")), 0);
        // A date of birth in the year 1 (hostile input): counted up to 200.
        assert_eq!(whole_years(d("0001-01-01"), d("9999-12-31")), 200);
        assert_eq!(whole_years(d("1800-01-01"), d("1999-12-31")), 199);
        assert_eq!(whole_years(d("1800-01-01"), d("2000-01-01")), 200);
    }

    /// Every DEV finding cites the 细则 in the edition it applied: under
    /// `central` the 2014 text on every date; under `central-2026` the 2026
    /// text from 2026-05-11, and never the 2014 numbering then.
    #[test]
    fn every_dev_citation_names_the_edition_applied() {
        let cases = [
            (Profile::central(), d("2025-06-01"), "2014"),
            (Profile::central(), d("2026-06-01"), "2014"),
            (
                Profile::builtin("central-2026").unwrap(),
                d("2026-05-10"),
                "2014",
            ),
            (
                Profile::builtin("central-2026").unwrap(),
                d("2026-05-11"),
                "2026",
            ),
        ];
        for (code, list) in lists() {
            for (profile, date, want) in &cases {
                // DEV021 and DEV022 exist in the 2026 edition alone.
                let only_2026 = matches!(code, RuleCode::DEV021 | RuleCode::DEV022);
                if only_2026 && *want == "2014" {
                    continue;
                }
                let cits: Vec<_> = list
                    .iter()
                    .map(|c| resolve(c, profile, Some(*date)))
                    .collect();
                assert!(
                    cits.iter().any(|c| c.edition.as_deref() == Some(*want)),
                    "{code} on {date} ({}): no citation of the {want} edition: {cits:?}",
                    profile.name
                );
                for c in &cits {
                    if c.document == XIZE {
                        assert_eq!(
                            c.edition.as_deref(),
                            Some(*want),
                            "{code} on {date} ({}): {c:?}",
                            profile.name
                        );
                    }
                }
            }
        }
    }
}
