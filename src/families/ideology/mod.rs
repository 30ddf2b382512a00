//! Ideology work (意识形态工作责任制): the rule IDE001.
//!
//! The central 《党委（党组）意识形态工作责任制实施办法》 (2015) is addressed to
//! 党委（党组）, and its text was not found; "每半年至少专题研究一次意识形态工作"
//! appears only in local and unit-level implementing rules (one as its 第八条;
//! others say "每年至少两次"). So IDE001 is local practice: it runs only for a
//! bundle that records meeting `tags` at all (a branch that tags its meetings
//! keeps this ledger) or with `ideology.required`, and its period is the
//! profile's `ideology.period` (a half-year by default). A v1 export never
//! gets it.

use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key, param};
use crate::model::{DateRange, Id, PeriodSpec};
use crate::period::{self, PeriodKind};
use crate::vocab::{Message, Severity, Subject};

/// The tag of a meeting on ideology work (意识形态专题).
pub const IDEOLOGY_TAG: &str = "ideology";

static META: &[RuleMeta] = &[RuleMeta {
    code: RuleCode::IDE001,
    name: "ideology-review-missing",
    severity: Severity::Warning,
    summary: "a half-year with no meeting on ideology work",
    what: "A period of `ideology.period` (a half-year by default) that has ended by `as_of`, \
           overlaps the audit period and the branch's active time, and has no meeting tagged \
           `ideology` counting for it (`for_period` as for the periodic meetings; any kind of \
           meeting). Checked only in a bundle where some meeting has `tags`, or with \
           `ideology.required`. The subject is the branch.",
    why: "Under the responsibility system for ideology work, party organisations study the \
          state of ideology work at set intervals; many local rules ask for a dedicated session \
          every half-year. The central 2015 办法 is addressed to 党委（党组） and its text was not \
          found: the rule and its frequency are local practice.",
    example: "The only meeting tagged `ideology` in 2025 was held on 2025-11-20: IDE001 for \
              2025-H1.",
    source: "practice (意识形态工作责任制实施办法 (2015) and local rules: 每半年至少专题研究一次)",
    citations: &[param("ideology.period"), param("ideology.required")],
    evidence: &[
        key(
            "period",
            "string (YYYY-Hn, or YYYY-Qn, YYYY-MM, YYYY)",
            "the period with no ideology meeting",
        ),
        key(
            "every",
            "string: month|quarter|half_year|year",
            "how often the meeting is required (`ideology.period`)",
        ),
    ],
    practice: true,
    since: "0.2.0",
}];

/// The family's rules' metadata.
pub(crate) static RULES: &[&[RuleMeta]] = &[META];

/// Runs the family's rules over the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants(RuleCode::IDE001) {
        return;
    }
    let b = cx.bundle;
    let p = &cx.profile.ideology;
    let tagged = b.meetings.iter().any(|m| !m.tags.is_empty());
    if !tagged && !*p.required.at(cx.as_of) {
        return; // a branch that keeps no tags: nothing to read
    }
    // The frequency in force at the start of the audit period.
    let kind = *p.period.at(cx.period.from);
    let mut held: Vec<PeriodSpec> = b
        .meetings
        .iter()
        .filter(|m| m.date <= cx.as_of && m.tags.iter().any(|t| t.trim() == IDEOLOGY_TAG))
        .map(|m| period::counts_for(kind, m.date, m.for_period))
        .collect();
    held.sort_unstable();
    for spec in period::checked(cx, kind, cx.branch_span()) {
        if held.binary_search(&spec).is_err() {
            out.report(Ide001 {
                branch: b.branch.id.clone(),
                period: spec,
                every: kind,
            });
        }
    }
}

#[derive(Serialize)]
struct Ide001 {
    #[serde(skip)]
    branch: Id,
    period: PeriodSpec,
    every: PeriodKind,
}

impl Violation for Ide001 {
    const CODE: RuleCode = RuleCode::IDE001;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    fn period(&self) -> Option<DateRange> {
        Some(self.period.range())
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "本支部{}未召开意识形态工作专题会议（每{}至少专题研究一次为地方通行做法）",
                period::zh(self.period),
                self.every.zh()
            ),
            format!(
                "no meeting on ideology work (tagged `ideology`) held by the branch for {} \
                 (once a {} is local practice)",
                self.period,
                self.every.as_str()
            ),
        )
    }
}
