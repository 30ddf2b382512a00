//! 评星定级: a branch's score and level from its findings, by the profile's
//! scheme (`[scoring]`, see [`Scoring`]).
//!
//! The score is the scheme's base less the deductions: each finding of the
//! branch that no approved exception covers is deducted for by the **first**
//! deduction item whose rules select it (so `DUE001` then `DUE` deducts a
//! DUE001 finding once), `points` a finding, at most `max` an item; the
//! score is not below zero. The level is the first whose `min` the score
//! reaches; a finding of a veto rule caps it at the veto's level.
//!
//! ```
//! use dangjian::{Auditor, NaiveDate, Profile};
//! let profile = Profile::from_toml_path("examples/data/profile-example.toml")?;
//! let bundles = dangjian::load::read_path("examples/data/sample.json")?;
//! let report = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
//!     .profile(profile)
//!     .audit(&bundles);
//! let b01 = report.scorecards.iter().find(|s| s.branch == "B01").unwrap();
//! assert!(b01.score <= b01.base);
//! assert!(!b01.items.is_empty());
//! # Ok::<(), dangjian::Error>(())
//! ```

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Finding;
use crate::model::Id;
use crate::profile::Scoring;

/// One deduction item of a scorecard: the rules, how many findings, the
/// points deducted, and whether the item's `max` capped them.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScoreItem {
    /// The item's rules (codes or prefixes).
    pub rules: Vec<String>,
    /// Findings deducted for by this item.
    pub findings: usize,
    /// Points per finding.
    #[serde(with = "rust_decimal::serde::str")]
    pub per_finding: Decimal,
    /// Points deducted (after the cap).
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    /// Whether the item's most points capped the deduction.
    pub capped: bool,
}

/// The veto applied to a scorecard.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VetoApplied {
    /// The level the score alone gives.
    pub level_by_score: String,
    /// The cap.
    pub cap: String,
    /// The scheme's words.
    pub why: String,
    /// The findings (ids) that veto.
    pub findings: Vec<String>,
}

/// A branch's 评星定级 result.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Scorecard {
    /// The branch.
    pub branch: Id,
    /// The scheme's name.
    pub scheme: String,
    /// The base score.
    #[serde(with = "rust_decimal::serde::str")]
    pub base: Decimal,
    /// The score: base less the deductions, not below zero.
    #[serde(with = "rust_decimal::serde::str")]
    pub score: Decimal,
    /// The level.
    pub level: String,
    /// The deduction items that deducted anything, in scheme order.
    pub items: Vec<ScoreItem>,
    /// Findings an approved exception covers (not deducted).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub accepted: usize,
    /// The veto, when it capped the level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<VetoApplied>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Scorecard {
    /// The scorecard of `branch` with `findings` under `scheme`.
    pub fn compute(scheme: &Scoring, branch: &Id, findings: &[Finding]) -> Scorecard {
        let mut tally = ScoreTally::new(scheme);
        tally.add(scheme, branch, findings);
        tally.finish(scheme, branch)
    }
}

/// What a scorecard counts, for a branch whose findings come in parts
/// ([`Auditor::check_context_by_family`](crate::Auditor::check_context_by_family)).
#[derive(Debug)]
pub(crate) struct ScoreTally {
    counts: Vec<usize>,
    accepted: usize,
    vetoing: Vec<String>,
}

impl ScoreTally {
    /// Nothing counted yet under `scheme`.
    pub(crate) fn new(scheme: &Scoring) -> ScoreTally {
        ScoreTally {
            counts: vec![0; scheme.deduct.len()],
            accepted: 0,
            vetoing: Vec::new(),
        }
    }

    /// Counts the findings of `branch` among `findings`.
    pub(crate) fn add(&mut self, scheme: &Scoring, branch: &Id, findings: &[Finding]) {
        for f in findings.iter().filter(|f| f.branch == *branch) {
            if f.is_accepted() {
                self.accepted += 1;
                continue;
            }
            let Some(rule) = f.rule.code() else {
                continue;
            };
            if let Some(i) = scheme.deduct.iter().position(|d| d.applies_to(rule)) {
                if let Some(c) = self.counts.get_mut(i) {
                    *c += 1;
                }
            }
            if scheme.veto.as_ref().is_some_and(|v| v.applies_to(rule)) {
                self.vetoing.push(f.id.clone());
            }
        }
    }

    /// The scorecard of what was counted.
    pub(crate) fn finish(self, scheme: &Scoring, branch: &Id) -> Scorecard {
        let ScoreTally {
            counts,
            accepted,
            vetoing,
        } = self;
        let mut items = Vec::new();
        let mut total = Decimal::ZERO;
        for (d, &n) in scheme.deduct.iter().zip(&counts) {
            if n == 0 {
                continue;
            }
            let raw = d.points * Decimal::from(n as u64);
            let points = d.max.map_or(raw, |m| raw.min(m));
            total += points;
            items.push(ScoreItem {
                rules: d.rules.clone(),
                findings: n,
                per_finding: d.points,
                points: points.normalize(),
                capped: points < raw,
            });
        }
        let score = (scheme.base - total).max(Decimal::ZERO).normalize();
        let rank = |name: &str| scheme.levels.iter().position(|l| l.level == name);
        let by_score = scheme
            .level_of(score)
            .map(|l| l.level.clone())
            .unwrap_or_default();
        let mut level = by_score.clone();
        let mut veto = None;
        if let Some(v) = &scheme.veto {
            let capped = match (rank(&by_score), rank(&v.cap)) {
                (Some(have), Some(cap)) => have < cap,
                _ => false,
            };
            if !vetoing.is_empty() && capped {
                level = v.cap.clone();
                veto = Some(VetoApplied {
                    level_by_score: by_score,
                    cap: v.cap.clone(),
                    why: v.why.clone(),
                    findings: vetoing,
                });
            }
        }
        Scorecard {
            branch: branch.clone(),
            scheme: scheme.scheme.clone(),
            base: scheme.base.normalize(),
            score,
            level,
            items,
            accepted,
            veto,
        }
    }
}
