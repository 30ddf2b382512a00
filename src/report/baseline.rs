//! Comparing a report with an earlier one (the baseline): what is new, what
//! is unchanged, what changed and what was fixed — the 回头看 of an
//! inspection cycle.
//!
//! Findings are matched by their stable id ([`finding_id`](super::finding_id)),
//! never by message or evidence. A finding of the new report is
//!
//! * `new` when the baseline has no finding with its id,
//! * `unchanged` when it has one with the same evidence,
//! * `updated` when it has one with other evidence (a partial payment made
//!   the shortfall smaller, a longer run of unpaid months),
//!
//! and carries `first_seen`: the `as_of` of the earliest report it was in
//! (a baseline that was itself compared passes its own `first_seen` on). A
//! baseline finding that is gone is `resolved` (已整改) — provided the new
//! audit looked for it: its branch was audited again and, for a finding of
//! a period the baseline audited, that period overlaps the new audit period
//! (a finding of 2024 is not "fixed" by an audit of 2025 alone).
//!
//! ```
//! use dangjian::{Auditor, NaiveDate};
//! use dangjian::report::{Baseline, BaselineStatus};
//! let bundles = dangjian::load::read_path("examples/data/sample.json")?;
//! let auditor = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
//! let before = auditor.audit(&bundles);
//! let mut after = auditor.audit(&bundles);
//! after.compare(&Baseline::from_report(&before, Some("2025-12.json")));
//! assert!(after.findings.iter().all(|f| f.baseline == Some(BaselineStatus::Unchanged)));
//! assert!(after.resolved.is_empty());
//! # Ok::<(), dangjian::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{BaselineStatus, Evidence, Finding, Report, Subject};
use crate::audit::RuleCode;
use crate::model::{DateRange, Id};

/// What the branch wrote in the 整改台账 for a finding: measures, who is
/// responsible, the deadline, how far it got, the proof. Carried forward by
/// finding id from a filled workbook (or a JSON report) into the next report
/// and the next 整改台账.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Remediation {
    /// 整改措施.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// 责任人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// 整改时限 (as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// 完成情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
    /// 佐证材料.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
}

impl Remediation {
    /// Whether nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.measures.is_none()
            && self.owner.is_none()
            && self.deadline.is_none()
            && self.progress.is_none()
            && self.proof.is_none()
    }
}

/// What the report says of its baseline: the file and its `as_of`.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BaselineHeader {
    /// The baseline file, as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Its reference date.
    pub as_of: NaiveDate,
}

/// A baseline finding that the new audit no longer finds (已整改).
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Resolved {
    /// Its id.
    pub id: String,
    /// Its rule.
    pub rule: RuleCode,
    /// Its branch.
    pub branch: Id,
    /// Its subject.
    pub subject: Subject,
    /// Its period.
    pub period: Option<DateRange>,
    /// `as_of` of the earliest report it was in.
    pub first_seen: NaiveDate,
    /// Its message in the baseline (Chinese), so a reader knows what was fixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// What the branch wrote of its rectification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remediation: Option<Remediation>,
}

/// The counts of a comparison, and the 整改率: resolved / (resolved +
/// unchanged + updated), the share of the baseline's findings that were
/// fixed (`None` when the baseline had none).
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BaselineCounts {
    /// 新发现: findings not in the baseline.
    pub new: usize,
    /// 未整改: in the baseline with the same evidence.
    pub unchanged: usize,
    /// In the baseline with other evidence (still open).
    pub updated: usize,
    /// 已整改: baseline findings gone.
    pub resolved: usize,
    /// 整改率, a fraction rounded to four decimals (`"0.625"`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub rectification_rate: Option<Decimal>,
}

/// One finding of a baseline: its id and place, what identifies its state
/// (the evidence, or — for a baseline read from a workbook, which has none —
/// the message), when it was first seen, and what the branch wrote.
#[derive(Clone, PartialEq, Debug)]
#[non_exhaustive]
pub struct BaselineEntry {
    /// The finding's id.
    pub id: String,
    /// Its rule.
    pub rule: RuleCode,
    /// Its branch.
    pub branch: Id,
    /// Its subject.
    pub subject: Subject,
    /// Its period.
    pub period: Option<DateRange>,
    /// Its evidence (from a JSON report).
    pub evidence: Option<Evidence>,
    /// Its message in Chinese (compared when there is no evidence).
    pub message: Option<String>,
    /// `as_of` of the earliest report it was in.
    pub first_seen: NaiveDate,
    /// The 整改台账 columns.
    pub remediation: Option<Remediation>,
}

/// An earlier report to compare with: from a JSON report
/// ([`Baseline::from_report`]) or from a report workbook whose 整改台账 the
/// branch filled (feature `xlsx`).
#[derive(Clone, PartialEq, Debug)]
#[non_exhaustive]
pub struct Baseline {
    /// The file it came from, as given.
    pub file: Option<String>,
    /// Its reference date.
    pub as_of: NaiveDate,
    /// Its audit period, when known.
    pub period: Option<DateRange>,
    /// Its findings.
    pub findings: Vec<BaselineEntry>,
    /// Its indicators (for the year-over-year view).
    pub indicators: Vec<super::Indicators>,
}

impl Baseline {
    /// The baseline of a report (read back with
    /// [`Report::from_json`](super::Report::from_json)).
    pub fn from_report(report: &Report, file: Option<&str>) -> Baseline {
        Baseline {
            file: file.map(str::to_owned),
            as_of: report.as_of,
            period: Some(report.period),
            findings: report
                .findings
                .iter()
                .map(|f| BaselineEntry {
                    id: f.id.clone(),
                    rule: f.rule,
                    branch: f.branch.clone(),
                    subject: f.subject.clone(),
                    period: f.period,
                    evidence: Some(f.evidence.clone()),
                    message: Some(f.message.zh.clone()),
                    first_seen: f.first_seen.unwrap_or(report.as_of),
                    remediation: f.remediation.clone(),
                })
                .collect(),
            indicators: report.indicators.clone(),
        }
    }

    /// An empty baseline of `as_of` (for builders such as the workbook reader).
    pub fn new(as_of: NaiveDate, file: Option<&str>) -> Baseline {
        Baseline {
            file: file.map(str::to_owned),
            as_of,
            period: None,
            findings: Vec::new(),
            indicators: Vec::new(),
        }
    }
}

fn overlaps(a: Option<DateRange>, b: DateRange) -> bool {
    a.is_some_and(|a| a.overlaps(&b))
}

/// A comparison with a baseline in progress, for audits that stream: the
/// findings of each bundle are marked as they are made ([`Comparison::mark`],
/// callable from many threads at once), and [`Comparison::finish`] lists
/// the baseline findings never seen as resolved, and counts. What
/// [`Report::compare`] does in one call.
#[derive(Debug)]
pub struct Comparison<'b> {
    baseline: &'b Baseline,
    by_id: BTreeMap<&'b str, usize>,
    seen: Vec<AtomicBool>,
}

impl<'b> Comparison<'b> {
    /// A comparison with `baseline`.
    pub fn new(baseline: &'b Baseline) -> Comparison<'b> {
        Comparison {
            baseline,
            by_id: baseline
                .findings
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), i))
                .collect(),
            seen: (0..baseline.findings.len())
                .map(|_| AtomicBool::new(false))
                .collect(),
        }
    }

    /// Marks `findings` (of a report of `as_of`) new, unchanged or updated,
    /// with `first_seen` and the remediation written, and notes the baseline
    /// findings they match as seen.
    pub fn mark(&self, findings: &mut [Finding], as_of: NaiveDate) {
        for f in findings {
            match self.by_id.get(f.id.as_str()) {
                None => {
                    f.baseline = Some(BaselineStatus::New);
                    f.first_seen = Some(as_of);
                }
                Some(&i) => {
                    let Some(e) = self.baseline.findings.get(i) else {
                        continue;
                    };
                    if let Some(s) = self.seen.get(i) {
                        s.store(true, Ordering::Relaxed);
                    }
                    let same = match &e.evidence {
                        Some(ev) => *ev == f.evidence,
                        None => e.message.as_deref().is_none_or(|m| m == f.message.zh),
                    };
                    f.baseline = Some(if same {
                        BaselineStatus::Unchanged
                    } else {
                        BaselineStatus::Updated
                    });
                    f.first_seen = Some(e.first_seen.min(as_of));
                    if f.remediation.is_none() {
                        f.remediation = e.remediation.clone();
                    }
                }
            }
        }
    }

    /// Lists the baseline findings that are gone in `report.resolved`, counts
    /// the statuses of its findings in `report.summary.baseline`, and names
    /// the baseline in `report.baseline`. The report's `audited` branches
    /// must be complete.
    pub fn finish(self, report: &mut Report) {
        let mut counts = BaselineCounts::default();
        for f in &report.findings {
            match f.baseline {
                Some(BaselineStatus::New) => counts.new += 1,
                Some(BaselineStatus::Unchanged) => counts.unchanged += 1,
                Some(BaselineStatus::Updated) => counts.updated += 1,
                _ => {}
            }
        }
        self.finish_with(report, counts);
    }

    /// As [`Comparison::finish`], with the counts of new, unchanged and
    /// updated findings already made (for callers that stream the findings
    /// out instead of keeping them in the report).
    pub fn finish_with(self, report: &mut Report, mut counts: BaselineCounts) {
        let branches: BTreeSet<&Id> = report
            .findings
            .iter()
            .map(|f| &f.branch)
            .chain(report.audited.iter())
            .collect();
        let mut resolved = Vec::new();
        for (e, seen) in self.baseline.findings.iter().zip(&self.seen) {
            if seen.load(Ordering::Relaxed) || !branches.contains(&e.branch) {
                continue;
            }
            // A finding of a period its own audit covered is looked for again
            // only when the new audit covers that period too; a finding
            // outside its audit's period comes from an event rule (which
            // reads the whole history) and is always looked for.
            let audited_before = self.baseline.period.is_none_or(|p| overlaps(e.period, p));
            if audited_before && e.period.is_some() && !overlaps(e.period, report.period) {
                continue;
            }
            resolved.push(Resolved {
                id: e.id.clone(),
                rule: e.rule,
                branch: e.branch.clone(),
                subject: e.subject.clone(),
                period: e.period,
                first_seen: e.first_seen,
                message: e.message.clone(),
                remediation: e.remediation.clone(),
            });
        }
        resolved.sort_by(|a, b| a.id.cmp(&b.id));
        counts.resolved = resolved.len();
        let open = counts.resolved + counts.unchanged + counts.updated;
        counts.rectification_rate = (open > 0).then(|| {
            (Decimal::from(counts.resolved as u64) / Decimal::from(open as u64)).round_dp(4)
        });
        report.summary.baseline = Some(counts);
        report.resolved = resolved;
        report.previous_indicators = self.baseline.indicators.clone();
        report.baseline = Some(BaselineHeader {
            file: self.baseline.file.clone(),
            as_of: self.baseline.as_of,
        });
    }
}

impl Report {
    /// Compares the report with `baseline`: marks every finding `new`,
    /// `unchanged` or `updated` with its `first_seen` and the remediation the
    /// branch wrote, lists the baseline findings that are gone in
    /// `resolved`, and counts them in `summary.baseline` (see the module docs).
    pub fn compare(&mut self, baseline: &Baseline) {
        let c = Comparison::new(baseline);
        let as_of = self.as_of;
        c.mark(&mut self.findings, as_of);
        c.finish(self);
    }
}
