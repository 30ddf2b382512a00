//! Rule metadata as data: one [`RuleMeta`] per rule (after clippy's
//! `declare_clippy_lint`); the families' tables of them are joined into the
//! registry (`families::registry`).

use serde::Serialize;

use crate::profile::Profile;
use crate::vocab::{Citation, Cite, Family, RuleCode, Severity};

/// One key of a rule's evidence: its name, JSON type and meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct EvidenceKey {
    /// The key, e.g. `month`.
    pub name: &'static str,
    /// The JSON type as written in the report: `string (YYYY-MM)`,
    /// `money`, `integer`, `date`, `[member id]`, …
    pub ty: &'static str,
    /// What it means.
    pub doc: &'static str,
}

/// An evidence key (see [`EvidenceKey`]).
#[allow(dead_code)] // used by the rule tables' evidence keys
pub(crate) const fn key(name: &'static str, ty: &'static str, doc: &'static str) -> EvidenceKey {
    EvidenceKey { name, ty, doc }
}

/// A rule's metadata: everything but its check.
#[derive(Debug)]
#[non_exhaustive]
pub struct RuleMeta {
    /// Fixed code, never reused: `DUE001`.
    pub code: RuleCode,
    /// Kebab-case name of what is flagged: `dues-month-unpaid`.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// One line: what is flagged.
    pub summary: &'static str,
    /// What the rule checks, at data level.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// An example that fires.
    pub example: &'static str,
    /// Source in words (document and article; "practice" where not central text).
    pub source: &'static str,
    /// What every finding cites (fixed texts and the parameters read).
    pub citations: &'static [Cite],
    /// The keys of the finding's `evidence`, each with its type and meaning.
    pub evidence: &'static [EvidenceKey],
    /// Whether the rule (or its threshold) is local practice rather than central text.
    pub practice: bool,
    /// Crate version that introduced the rule.
    pub since: &'static str,
}

impl RuleMeta {
    /// The family.
    pub fn family(&self) -> Family {
        self.code.family()
    }

    /// The profile parameters the rule reads (those its citations name).
    pub fn params(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.citations.iter().filter_map(Cite::param)
    }

    /// The central profile's citations, as a finding of this rule shows them
    /// in the central profile at a date of the 2014 edition.
    pub fn central_citations(&self) -> Vec<Citation> {
        let central = Profile::central();
        let mut out = Vec::new();
        for c in self.citations {
            super::emit::push_citation(&mut out, super::emit::resolve(c, &central, None));
        }
        out
    }
}
