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
//! * `recurring` (重复出现) when it has none, but the same fault in an
//!   earlier period: see *Successive periods* below,
//!
//! and carries `first_seen`: the `as_of` of the earliest report it was in
//! (a baseline that was itself compared passes its own `first_seen` on; a
//! recurring finding, that of its predecessor). A baseline finding that is
//! gone is `resolved` (已整改) — provided the new audit looked for it: its
//! branch was audited again and, for a finding of a period the baseline
//! audited, that period overlaps the new audit period (a finding of 2024 is
//! not "fixed" by an audit of 2025 alone: 2024's unpaid March is still
//! owed).
//!
//! # Successive periods
//!
//! A finding's id names its period, so the 2026 report's "no 党课 in
//! 2026-Q2" is another id than the 2025 report's "no 党课 in 2025-Q2" — yet
//! it is the same fault again, not a new one, and the old one is not fixed.
//! So a finding of the new report that the baseline does not have by id is
//! **`recurring`** when
//!
//! * its period is a calendar year, half-year, quarter or month
//!   (`2026`, `2026-H1`, `2026-Q2`, `2026-05`) that starts after the
//!   baseline's audit period (its `as_of` when the period is unknown), and
//! * the baseline has a finding of the same rule, branch and subject (kind
//!   and id) whose period is an earlier period of the same kind (its
//!   **predecessor**; for a year-over-year comparison the immediately
//!   preceding year, and for quarters and months any earlier one of the
//!   baseline).
//!
//! Its predecessors are still open: never `resolved`, and counted as open in
//! the 整改率. A baseline finding of a period outside the new audit period
//! that does not recur was not looked for: neither resolved nor open, it does
//! not count. Findings of other periods (a day, a run of months) are matched
//! by id only.
//!
//! The **整改率** (`rectification_rate`) is resolved / (resolved + still
//! open), over the baseline's findings: still open are those found again by
//! id (`unchanged`, `updated`) and the predecessors of `recurring` ones. It
//! counts only what is gone; a fault found again in the next period counts
//! against it.
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

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{BaselineStatus, Evidence, Finding, Remediation, Report, Subject, SubjectKind};
use crate::model::{DateRange, Id, YearMonth};
use crate::profile::PeriodKind;
use crate::vocab::RuleCode;

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
    pub rule: super::Rule,
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

/// The counts of a comparison, and the 整改率: resolved / (resolved + still
/// open), the share of the baseline's findings looked for again that are
/// gone (`None` when there is none); still open are the baseline findings
/// found again by id and those that recur in a later period
/// ([`docs::format`](crate::docs::format), *Successive periods*).
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BaselineCounts {
    /// 新发现: findings not in the baseline.
    pub new: usize,
    /// 未整改: in the baseline with the same evidence.
    pub unchanged: usize,
    /// In the baseline with other evidence (still open).
    pub updated: usize,
    /// 重复出现: findings of a later period repeating a baseline finding
    /// (written only when there are some).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub recurring: usize,
    /// Baseline findings that recur in a later period: still open, not
    /// resolved (written only when there are some).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub recurred: usize,
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

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl BaselineCounts {
    /// Counts `status` (of a finding of the new report).
    pub fn count(&mut self, status: Option<BaselineStatus>) {
        match status {
            Some(BaselineStatus::New) => self.new += 1,
            Some(BaselineStatus::Unchanged) => self.unchanged += 1,
            Some(BaselineStatus::Updated) => self.updated += 1,
            Some(BaselineStatus::Recurring) => self.recurring += 1,
            None => {}
        }
    }
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

impl BaselineEntry {
    /// A baseline finding with its id, rule, branch and subject, first seen
    /// on `first_seen` (a system that keeps its own 整改台账 builds its
    /// baseline from these); period, evidence, message and remediation are
    /// public fields set afterwards.
    ///
    /// ```
    /// use dangjian::report::{Baseline, BaselineEntry};
    /// use dangjian::rules::RuleCode;
    /// use dangjian::Subject;
    /// let d = dangjian::parse_date("2025-12-31")?;
    /// let mut base = Baseline::new(d, Some("台账.xlsx"));
    /// base.findings.push(BaselineEntry::new(
    ///     "ORG004/B1/branch:B1/-", RuleCode::ORG004, "B1".parse()?, Subject::branch(&"B1".parse()?), d,
    /// ));
    /// assert_eq!(base.findings[0].period, None);
    /// # Ok::<(), dangjian::ParseValueError>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        rule: RuleCode,
        branch: Id,
        subject: Subject,
        first_seen: NaiveDate,
    ) -> BaselineEntry {
        BaselineEntry {
            id: id.into(),
            rule,
            branch,
            subject,
            period: None,
            evidence: None,
            message: None,
            first_seen,
            remediation: None,
        }
    }
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
            // A finding of a rule this version does not know (a report of
            // a newer one) is never looked for: left out, never resolved.
            findings: report
                .findings
                .iter()
                .filter_map(|f| Some((f, f.rule.code()?)))
                .map(|(f, rule)| BaselineEntry {
                    id: f.id.clone(),
                    rule,
                    branch: f.branch.clone(),
                    subject: f.subject.clone(),
                    period: f.period,
                    evidence: Some(f.evidence.clone()),
                    message: Some(f.message.zh.clone()),
                    first_seen: f.first_seen.unwrap_or(report.as_of),
                    remediation: f.remediation.as_deref().cloned(),
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

/// Whether two messages are the same text, but for the spaces at their ends
/// and the line endings a spreadsheet program may have changed.
fn same_text(a: &str, b: &str) -> bool {
    let lines = |s: &str| {
        s.trim()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    };
    a == b || lines(a) == lines(b)
}

fn overlaps(a: Option<DateRange>, b: DateRange) -> bool {
    a.is_some_and(|a| a.overlaps(&b))
}

/// The kind of a calendar period — a year, half-year, quarter or month —
/// `None` for any other range (a day, a run of months).
fn calendar_kind(p: &DateRange) -> Option<PeriodKind> {
    let (first, last) = p.months();
    if p.from != first.first_day() || p.to != last.last_day() || first.year() != last.year() {
        return None;
    }
    if first == last {
        Some(PeriodKind::Month)
    } else if first.month() == 1 && last.month() == 12 {
        Some(PeriodKind::Year)
    } else if first.month() % 3 == 1 && first.offset(2) == last {
        Some(PeriodKind::Quarter)
    } else if first.month() % 6 == 1 && first.offset(5) == last {
        Some(PeriodKind::HalfYear)
    } else {
        None
    }
}

/// The key of successive-period matching: rule, branch, subject.
type Key<'a> = (RuleCode, &'a str, SubjectKind, &'a str);

/// A comparison with a baseline in progress, for audits that stream: the
/// findings of each bundle are marked as they are made ([`Comparison::mark`],
/// callable from many threads at once), and [`Comparison::finish`] lists
/// the baseline findings never seen as resolved, and counts. What
/// [`Report::compare`] does in one call.
#[derive(Debug)]
pub struct Comparison<'b> {
    baseline: &'b Baseline,
    by_id: BTreeMap<&'b str, usize>,
    /// The baseline's findings of calendar periods by rule, branch, subject.
    by_key: BTreeMap<Key<'b>, Vec<usize>>,
    /// The end of the baseline's audit period (else its `as_of`): a finding
    /// starting after it may recur.
    ended: NaiveDate,
    seen: Vec<AtomicBool>,
    /// Baseline findings that recur in a later period.
    recurred: Vec<AtomicBool>,
}

impl<'b> Comparison<'b> {
    /// A comparison with `baseline`.
    pub fn new(baseline: &'b Baseline) -> Comparison<'b> {
        let mut by_key: BTreeMap<Key<'b>, Vec<usize>> = BTreeMap::new();
        for (i, e) in baseline.findings.iter().enumerate() {
            if e.period.as_ref().and_then(calendar_kind).is_some() {
                by_key
                    .entry((
                        e.rule,
                        e.branch.as_str(),
                        e.subject.kind,
                        e.subject.id.as_str(),
                    ))
                    .or_default()
                    .push(i);
            }
        }
        let flags = || {
            (0..baseline.findings.len())
                .map(|_| AtomicBool::new(false))
                .collect()
        };
        Comparison {
            baseline,
            by_id: baseline
                .findings
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), i))
                .collect(),
            by_key,
            ended: baseline.period.map_or(baseline.as_of, |p| p.to),
            seen: flags(),
            recurred: flags(),
        }
    }

    /// The baseline findings `f` repeats (see the module docs): same rule,
    /// branch and subject, an earlier period of the same calendar kind, and
    /// `f` after the baseline's audit period.
    fn predecessors(&self, f: &Finding) -> Vec<usize> {
        let Some(p) = f.period.filter(|p| p.from > self.ended) else {
            return Vec::new();
        };
        let Some(kind) = calendar_kind(&p) else {
            return Vec::new();
        };
        let Some(rule) = f.rule.code() else {
            return Vec::new();
        };
        let key = (
            rule,
            f.branch.as_str(),
            f.subject.kind,
            f.subject.id.as_str(),
        );
        let Some(list) = self.by_key.get(&key) else {
            return Vec::new();
        };
        list.iter()
            .copied()
            .filter(|&i| {
                self.baseline.findings.get(i).is_some_and(|e| {
                    e.period
                        .is_some_and(|q| q.to < p.from && calendar_kind(&q) == Some(kind))
                })
            })
            .collect()
    }

    /// Marks `findings` (of a report of `as_of`) new, unchanged, updated or
    /// recurring, with `first_seen` and the remediation written, and notes
    /// the baseline findings they match (by id, or as predecessors) as seen.
    pub fn mark(&self, findings: &mut [Finding], as_of: NaiveDate) {
        for f in findings {
            match self.by_id.get(f.id.as_str()) {
                None => {
                    let before = self.predecessors(f);
                    let first = before
                        .iter()
                        .filter_map(|&i| self.baseline.findings.get(i))
                        .map(|e| e.first_seen)
                        .min();
                    for &i in &before {
                        if let Some(r) = self.recurred.get(i) {
                            r.store(true, Ordering::Relaxed);
                        }
                    }
                    match first {
                        Some(first) => {
                            f.baseline = Some(BaselineStatus::Recurring);
                            f.first_seen = Some(first.min(as_of));
                        }
                        None => {
                            f.baseline = Some(BaselineStatus::New);
                            f.first_seen = Some(as_of);
                        }
                    }
                }
                Some(&i) => {
                    let Some(e) = self.baseline.findings.get(i) else {
                        continue;
                    };
                    if let Some(s) = self.seen.get(i) {
                        s.store(true, Ordering::Relaxed);
                    }
                    // A workbook baseline has no evidence: its message (as
                    // the cell kept it) stands for the finding's state.
                    let same = match &e.evidence {
                        Some(ev) => *ev == f.evidence,
                        None => e
                            .message
                            .as_deref()
                            .is_none_or(|m| same_text(m, &f.message.zh)),
                    };
                    f.baseline = Some(if same {
                        BaselineStatus::Unchanged
                    } else {
                        BaselineStatus::Updated
                    });
                    f.first_seen = Some(e.first_seen.min(as_of));
                    if f.remediation.is_none() {
                        f.remediation = e.remediation.clone().map(Box::new);
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
            counts.count(f.baseline);
        }
        self.finish_with(report, counts);
    }

    /// As [`Comparison::finish`], with the counts of new, unchanged, updated
    /// and recurring findings already made ([`BaselineCounts::count`], for
    /// callers that stream the findings out instead of keeping them in the
    /// report).
    pub fn finish_with(self, report: &mut Report, mut counts: BaselineCounts) {
        let branches: BTreeSet<&Id> = report
            .findings
            .iter()
            .map(|f| &f.branch)
            .chain(report.audited.iter())
            .collect();
        let mut resolved = Vec::new();
        let mut open = 0usize;
        let mut recurred = 0usize;
        for ((e, seen), again) in self
            .baseline
            .findings
            .iter()
            .zip(&self.seen)
            .zip(&self.recurred)
        {
            let seen = seen.load(Ordering::Relaxed);
            let again = again.load(Ordering::Relaxed);
            if seen || again {
                open += 1;
                recurred += usize::from(again && !seen);
                continue;
            }
            if !branches.contains(&e.branch) {
                continue;
            }
            // A finding of a period its own audit covered is looked for again
            // only when the new audit covers that period too (2025's unpaid
            // March is not paid because 2026 was); a finding outside its
            // audit's period comes from an event rule (which reads the whole
            // history) and is always looked for.
            let audited_before = self.baseline.period.is_none_or(|p| overlaps(e.period, p));
            if audited_before && e.period.is_some() && !overlaps(e.period, report.period) {
                continue;
            }
            resolved.push(Resolved {
                id: e.id.clone(),
                rule: e.rule.into(),
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
        counts.recurred = recurred;
        let looked_for = counts.resolved + open;
        counts.rectification_rate = (looked_for > 0).then(|| {
            (Decimal::from(counts.resolved as u64) / Decimal::from(looked_for as u64)).round_dp(4)
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
    /// `unchanged`, `updated` or `recurring` with its `first_seen` and the remediation the
    /// branch wrote, lists the baseline findings that are gone in
    /// `resolved`, and counts them in `summary.baseline` (see the module docs).
    pub fn compare(&mut self, baseline: &Baseline) {
        let c = Comparison::new(baseline);
        let as_of = self.as_of;
        c.mark(&mut self.findings, as_of);
        c.finish(self);
    }
}

/// The start of a finding's period as its id writes it: a month (`2025-03`,
/// the period is whole months) or a day (`2025-03-12`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum PeriodStart {
    /// A period of whole months, from this one.
    Month(YearMonth),
    /// A period from this day.
    Day(NaiveDate),
}

impl PeriodStart {
    /// The first day.
    pub fn first_day(self) -> NaiveDate {
        match self {
            PeriodStart::Month(m) => m.first_day(),
            PeriodStart::Day(d) => d,
        }
    }

    /// Whether `period` starts here (as [`finding_id`](super::finding_id)
    /// would write it).
    ///
    /// A day start also fits a period of whole months from that day: the id
    /// of a period still open on `as_of` writes its start as a day.
    pub fn starts(self, period: &DateRange) -> bool {
        let whole = period.from.day() == 1 && YearMonth::of(period.to).last_day() == period.to;
        match self {
            PeriodStart::Month(m) => whole && period.from == m.first_day(),
            PeriodStart::Day(d) => period.from == d,
        }
    }
}

/// A finding id taken apart ([`parse_finding_id`]).
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct ParsedId {
    /// The rule.
    pub rule: RuleCode,
    /// The branch.
    pub branch: Id,
    /// The subject.
    pub subject: Subject,
    /// The period start (`None` for `-`: no period).
    pub start: Option<PeriodStart>,
    /// The `#n` of an id told apart from an equal one (`None` for the first).
    pub seq: Option<u32>,
}

/// Takes a finding id ([`finding_id`](super::finding_id)) apart:
/// `RULE/BRANCH/KIND:ID/PERIOD-START`, with `%2F` / `%25` read back as `/` /
/// `%` and an optional `#n` (`n` ≥ 2) at the end.
///
/// ```
/// use dangjian::report::{PeriodStart, parse_finding_id};
/// let p = parse_finding_id("DUE001/B%2F1/member:M03/2025-03#2")?;
/// assert_eq!(p.rule.as_str(), "DUE001");
/// assert_eq!(p.branch.as_str(), "B/1");
/// assert_eq!(p.subject.id.as_str(), "M03");
/// assert_eq!(p.start, Some(PeriodStart::Month("2025-03".parse()?)));
/// assert_eq!(p.seq, Some(2));
/// assert!(parse_finding_id("DUE001/B01/M03/2025-03").is_err());
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
///
/// # Errors
/// When `id` is not of that form: not four parts, an unknown rule code or
/// subject kind, an empty id, a bad escape, a period start that is neither
/// `YYYY-MM`, `YYYY-MM-DD` nor `-`, or a bad `#n`.
pub fn parse_finding_id(id: &str) -> Result<ParsedId, crate::ParseValueError> {
    use crate::ParseValueError as E;
    use crate::report::SubjectKind;
    let err = |what: &'static str| E::new(what, id);
    let parts: Vec<&str> = id.split('/').collect();
    let [rule, branch, subject, start] = parts.as_slice() else {
        return Err(err(
            "finding id (RULE/BRANCH/KIND:ID/PERIOD-START: four parts separated by /)",
        ));
    };
    let rule: RuleCode = rule
        .parse()
        .map_err(|_| err("finding id (its first part is not a rule code)"))?;
    let branch = unescape(branch).ok_or_else(|| err("finding id (a bad branch id)"))?;
    let (kind, sid) = subject
        .split_once(':')
        .ok_or_else(|| err("finding id (its third part is not KIND:ID)"))?;
    let kind = match kind {
        "member" => SubjectKind::Member,
        "candidate" => SubjectKind::Candidate,
        "branch" => SubjectKind::Branch,
        "group" => SubjectKind::Group,
        "meeting" => SubjectKind::Meeting,
        _ => return Err(err("finding id (an unknown subject kind)")),
    };
    let sid = unescape(sid).ok_or_else(|| err("finding id (a bad subject id)"))?;
    let (start, seq) = match start.split_once('#') {
        None => (*start, None),
        Some((s, n)) => {
            let n = Some(n)
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| n.parse::<u32>().ok())
                .filter(|n| *n >= 2)
                .ok_or_else(|| err("finding id (a bad #n suffix)"))?;
            (s, Some(n))
        }
    };
    let bad_start = || err("finding id (its period start is not YYYY-MM, YYYY-MM-DD or -)");
    let start = match start.len() {
        1 if start == "-" => None,
        7 => Some(PeriodStart::Month(start.parse().map_err(|_| bad_start())?)),
        10 => Some(PeriodStart::Day(
            crate::model::parse_date(start).map_err(|_| bad_start())?,
        )),
        _ => return Err(bad_start()),
    };
    Ok(ParsedId {
        rule,
        branch,
        subject: Subject { kind, id: sid },
        start,
        seq,
    })
}

/// An id part of a finding id, `%2F` and `%25` read back.
fn unescape(s: &str) -> Option<Id> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('%') {
        out.push_str(rest.get(..i)?);
        let esc = rest.get(i..i + 3)?;
        out.push(match esc {
            "%2F" => '/',
            "%25" => '%',
            _ => return None,
        });
        rest = rest.get(i + 3..)?;
    }
    out.push_str(rest);
    out.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{SubjectKind, finding_id};

    fn r(a: &str, b: &str) -> DateRange {
        DateRange::new(a.parse().unwrap(), b.parse().unwrap()).unwrap()
    }

    #[test]
    fn ids_are_taken_apart_and_put_back_together() {
        let b: Id = "B/1%".parse().unwrap();
        for (subject, period) in [
            (
                Subject::member(&"M:3".parse().unwrap()),
                Some(r("2025-03-01", "2025-05-31")),
            ),
            (
                Subject::candidate(&"C%2F".parse().unwrap()),
                Some(r("2025-03-12", "2025-03-12")),
            ),
            (
                Subject::meeting(&"会议/1".parse().unwrap()),
                Some(r("2025-03-01", "2025-03-15")),
            ),
            (Subject::branch(&b), None),
        ] {
            let id = finding_id(RuleCode::DUE003, &b, &subject, period.as_ref());
            for id in [id.clone(), format!("{id}#3")] {
                let p = parse_finding_id(&id).unwrap();
                assert_eq!(p.rule, RuleCode::DUE003);
                assert_eq!(p.branch, b);
                assert_eq!(p.subject, subject);
                assert_eq!(p.seq, id.ends_with("#3").then_some(3));
                match (p.start, &period) {
                    (None, None) => {}
                    (Some(s), Some(period)) => assert!(s.starts(period), "{id}"),
                    other => panic!("{id}: {other:?}"),
                }
            }
        }
        let p = parse_finding_id("ORG001/B1/group:G1/2025-03-12").unwrap();
        assert_eq!(p.subject.kind, SubjectKind::Group);
        assert_eq!(
            p.start,
            Some(PeriodStart::Day("2025-03-12".parse().unwrap()))
        );
        assert!(!p.start.unwrap().starts(&r("2025-03-01", "2025-03-31")));
    }

    #[test]
    fn a_period_start_knows_its_periods() {
        let m = PeriodStart::Month("2025-03".parse().unwrap());
        let d = |s: &str| PeriodStart::Day(s.parse().unwrap());
        assert_eq!(m.first_day().to_string(), "2025-03-01");
        assert_eq!(d("2025-03-12").first_day().to_string(), "2025-03-12");
        // A month starts a period of whole months from it, nothing else.
        assert!(m.starts(&r("2025-03-01", "2025-03-31")));
        assert!(m.starts(&r("2025-03-01", "2025-05-31")));
        assert!(!m.starts(&r("2025-03-01", "2025-03-15")));
        assert!(!m.starts(&r("2025-04-01", "2025-04-30")));
        // A day starts any period from it: one that is not whole months, or
        // one still open on `as_of` (whose id writes the start as a day).
        assert!(d("2025-03-01").starts(&r("2025-03-01", "2025-03-15")));
        assert!(d("2025-03-01").starts(&r("2025-03-01", "2025-03-31")));
        assert!(!d("2025-03-12").starts(&r("2025-03-01", "2025-03-15")));
    }

    #[test]
    fn malformed_ids_are_refused() {
        for bad in [
            "",
            "DUE001",
            "DUE001/B1/member:M1",
            "DUE001/B1/member:M1/2025-03/x",
            "XYZ999/B1/member:M1/2025-03",
            "DUE001//member:M1/2025-03",
            "DUE001/B1/memberM1/2025-03",
            "DUE001/B1/person:M1/2025-03",
            "DUE001/B1/member:/2025-03",
            "DUE001/B%2/member:M1/2025-03",
            "DUE001/B%41/member:M1/2025-03",
            "DUE001/B1/member:M1/2025-13",
            "DUE001/B1/member:M1/2025-02-30",
            "DUE001/B1/member:M1/2025",
            "DUE001/B1/member:M1/2025-03#",
            "DUE001/B1/member:M1/2025-03#1",
            "DUE001/B1/member:M1/2025-03#x",
            "DUE001/B1/member:M1/-#2#3",
            "DUE001/B1/member:M1/2025-03#+2",
            "DUE001/B1/member:M1/x",
            "DUE001/B1/member:M1/x#2",
        ] {
            assert!(parse_finding_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn messages_compare_without_end_spaces_and_line_endings() {
        assert!(same_text("应交 40.00 元", " 应交 40.00 元\n"));
        assert!(same_text("一\r\n二", "一\n二"));
        assert!(!same_text("应交 40.00 元", "应交 30.00 元"));
    }

    fn finding(rule: RuleCode, branch: &str, member: &str, period: Option<DateRange>) -> Finding {
        crate::testing::finding(
            rule,
            branch,
            Subject::member(&member.parse().unwrap()),
            period,
        )
    }

    fn report(as_of: &str, period: DateRange, findings: Vec<Finding>) -> Report {
        let mut r = Report::new(
            crate::testing::d(as_of),
            period,
            crate::report::ProfileHeader::builtin("central", "细则2014"),
        );
        r.findings = findings;
        r
    }

    #[test]
    fn a_comparison_marks_counts_and_resolves() {
        let y2025 = r("2025-01-01", "2025-12-31");
        let y2026 = r("2026-01-01", "2026-12-31");
        let mar = Some(r("2025-03-01", "2025-03-31"));
        let mar26 = Some(r("2026-03-01", "2026-03-31"));
        let mut kept = finding(RuleCode::DUE001, "B01", "M01", mar26);
        kept.first_seen = Some(crate::testing::d("2025-06-30"));
        kept.remediation = Some(Box::new(Remediation {
            owner: Some("张三".into()),
            ..Remediation::default()
        }));
        let changed = finding(RuleCode::DUE001, "B01", "M02", mar26);
        let fixed = finding(RuleCode::DUE001, "B01", "M03", mar26);
        let old_period = finding(RuleCode::DUE001, "B01", "M04", mar);
        let other_branch = finding(RuleCode::DUE001, "B09", "M05", mar26);
        // outside the baseline's own period: an event rule's, looked for again
        let event = finding(
            RuleCode::ORG001,
            "B01",
            "M06",
            Some(r("2019-05-01", "2019-05-01")),
        );
        let before = report(
            "2025-12-31",
            r("2025-01-01", "2026-12-31"),
            vec![
                kept.clone(),
                changed.clone(),
                fixed.clone(),
                old_period,
                other_branch,
                event,
            ],
        );
        let base = Baseline::from_report(&before, Some("2025.json"));
        assert_eq!(base.findings[0].first_seen, crate::testing::d("2025-06-30"));
        assert_eq!(base.findings[1].first_seen, crate::testing::d("2025-12-31"));

        let mut changed2 = changed.clone();
        changed2.evidence.insert("owed", serde_json::json!("20.00"));
        let mut fresh = finding(RuleCode::DUE001, "B01", "M07", mar26);
        fresh.remediation = None;
        let mut after = report("2026-12-31", y2026, vec![kept.clone(), changed2, fresh]);
        after.compare(&base);
        let status: Vec<_> = after.findings.iter().map(|f| f.baseline).collect();
        assert_eq!(
            status,
            [
                Some(BaselineStatus::Unchanged),
                Some(BaselineStatus::Updated),
                Some(BaselineStatus::New)
            ]
        );
        let seen: Vec<_> = after
            .findings
            .iter()
            .map(|f| f.first_seen.unwrap().to_string())
            .collect();
        assert_eq!(seen, ["2025-06-30", "2025-12-31", "2026-12-31"]);
        assert_eq!(
            after.findings[0]
                .remediation
                .as_ref()
                .unwrap()
                .owner
                .as_deref(),
            Some("张三")
        );
        assert!(after.findings[2].remediation.is_none());
        let resolved: Vec<&str> = after.resolved.iter().map(|r| r.id.as_str()).collect();
        let mut want = vec![fixed.id.as_str(), base.findings[5].id.as_str()];
        want.sort();
        assert_eq!(
            resolved, want,
            "not the 2025 finding (2025 not audited again), not B09's"
        );
        let c = after.summary.baseline.clone().unwrap();
        assert_eq!((c.new, c.unchanged, c.updated, c.resolved), (1, 1, 1, 2));
        assert_eq!(c.rectification_rate, Some(Decimal::new(5, 1)));
        assert_eq!(
            after.baseline.as_ref().unwrap().file.as_deref(),
            Some("2025.json")
        );
        assert_eq!(
            after.baseline.as_ref().unwrap().as_of,
            crate::testing::d("2025-12-31")
        );

        // B09 audited without findings: its finding is resolved now.
        let mut again = report("2026-12-31", y2026, vec![]);
        again.audited = vec!["B09".parse().unwrap()];
        again.compare(&base);
        assert_eq!(again.resolved.len(), 1);
        assert_eq!(again.resolved[0].branch.as_str(), "B09");
        assert_eq!(again.resolved[0].message.as_deref(), Some("应交 40.00 元"));
        assert_eq!(
            again.summary.baseline.unwrap().rectification_rate,
            Some(Decimal::ONE)
        );
        // An audit of 2025 finds the 2025 finding gone; a baseline without a
        // period looks for every finding with a period in the new one.
        let mut y25 = report("2026-12-31", y2025, vec![kept.clone()]);
        y25.compare(&base);
        assert!(y25.resolved.iter().any(|r| r.subject.id.as_str() == "M04"));
        let mut no_period = base.clone();
        no_period.period = None;
        let mut y26 = report("2026-12-31", y2026, vec![kept]);
        y26.compare(&no_period);
        assert!(!y26.resolved.iter().any(|r| r.subject.id.as_str() == "M04"));
        assert!(y26.resolved.iter().any(|r| r.subject.id.as_str() == "M03"));
        // No baseline findings: no rate.
        let mut empty = report(
            "2026-12-31",
            y2026,
            vec![finding(RuleCode::DUE001, "B01", "M01", mar26)],
        );
        empty.compare(&Baseline::new(crate::testing::d("2025-12-31"), None));
        assert_eq!(empty.summary.baseline.unwrap().rectification_rate, None);
    }

    #[test]
    fn a_workbook_baseline_compares_messages() {
        let f = finding(
            RuleCode::DUE001,
            "B01",
            "M01",
            Some(r("2025-03-01", "2025-03-31")),
        );
        let entry = |message: Option<&str>| BaselineEntry {
            id: f.id.clone(),
            rule: f.rule.code().unwrap(),
            branch: f.branch.clone(),
            subject: f.subject.clone(),
            period: f.period,
            evidence: None,
            message: message.map(str::to_owned),
            first_seen: crate::testing::d("2025-12-31"),
            remediation: None,
        };
        for (message, want) in [
            (Some(" 应交 40.00 元\r\n"), BaselineStatus::Unchanged),
            (Some("应交 30.00 元"), BaselineStatus::Updated),
            (None, BaselineStatus::Unchanged),
        ] {
            let mut b = Baseline::new(crate::testing::d("2025-12-31"), None);
            b.findings.push(entry(message));
            let mut fs = vec![f.clone()];
            Comparison::new(&b).mark(&mut fs, crate::testing::d("2026-12-31"));
            assert_eq!(fs[0].baseline, Some(want), "{message:?}");
        }
    }

    #[test]
    fn a_remediation_is_empty_only_with_nothing_written() {
        assert!(Remediation::default().is_empty());
        let one = |set: fn(&mut Remediation)| {
            let mut r = Remediation::default();
            set(&mut r);
            r
        };
        for r in [
            one(|r| r.measures = Some("补交".into())),
            one(|r| r.owner = Some("张三".into())),
            one(|r| r.deadline = Some("2026-01-31".into())),
            one(|r| r.progress = Some("已完成".into())),
            one(|r| r.proof = Some("收据".into())),
        ] {
            assert!(!r.is_empty(), "{r:?}");
        }
        assert!(!overlaps(None, r("2025-01-01", "2025-12-31")));
    }
}
