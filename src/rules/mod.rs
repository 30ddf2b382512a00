//! The rule registry, rule selection, and running the rules over bundles.
//!
//! Every rule has a fixed code, a name, a default severity, its docs (What /
//! Why / Example / Source) and its citations, as data in one table
//! ([`registry`]). A rule family (a module per family) computes what its rules
//! share once per bundle and then runs each rule; a rule produces typed
//! violations, rendered into [`Finding`]s by the [`Emitter`].

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, LazyLock};

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::WorkCalendar;
use crate::context::Context;
use crate::finding::{Citation, Evidence, Finding, Message, Report, Severity, Subject, Summary};
use crate::model::{Bundle, DateRange, Id};
use crate::profile::Profile;

/// One typed violation per code from a body shared by several rules (same
/// evidence, subject and period; the message may depend on the code): the
/// body implements [`SharedViolation`], and `coded!` makes a transparent
/// newtype per code that implements [`Violation`].
macro_rules! coded {
    ($($name:ident($body:ty) = $code:literal;)+) => {
        $(
            #[derive(serde::Serialize)]
            #[serde(transparent)]
            struct $name($body);

            impl $crate::rules::Violation for $name {
                const CODE: &'static str = $code;
                fn subject(&self) -> $crate::finding::Subject {
                    $crate::rules::SharedViolation::subject(&self.0)
                }
                fn period(&self) -> Option<$crate::model::DateRange> {
                    $crate::rules::SharedViolation::period(&self.0)
                }
                fn message(&self) -> $crate::finding::Message {
                    $crate::rules::SharedViolation::message(&self.0, $code)
                }
            }
        )+
    };
}

/// The body of violations shared by several rules (see `coded!`).
pub(crate) trait SharedViolation: Serialize {
    /// What it is about.
    fn subject(&self) -> Subject;
    /// The period or day concerned.
    fn period(&self) -> Option<DateRange>;
    /// The message for the rule `code`.
    fn message(&self, code: &'static str) -> Message;
}

/// Whether the rule `code` is marked as local practice in the registry.
pub(crate) fn is_practice(code: &str) -> bool {
    rule(code).is_some_and(|r| r.practice)
}

pub mod catalogue;
pub mod data;
pub mod development;
pub mod dues;
pub mod education;
pub mod meetings;
pub mod organisation;

/// The families of rules, by code prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Family {
    /// `DUE`: dues (党费).
    Dues,
    /// `DEV`: member development (发展党员).
    Development,
    /// `MTG`: organisational life (三会一课).
    Meetings,
    /// `EDU`: training hours.
    Education,
    /// `ORG`: branch organisation.
    Organisation,
    /// `DAT`: data quality.
    Data,
}

impl Family {
    /// The code prefix, e.g. `DUE`.
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Dues => "DUE",
            Family::Development => "DEV",
            Family::Meetings => "MTG",
            Family::Education => "EDU",
            Family::Organisation => "ORG",
            Family::Data => "DAT",
        }
    }

    /// The family's title in Chinese and English.
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            Family::Dues => ("党费", "Dues"),
            Family::Development => ("发展党员", "Member development"),
            Family::Meetings => ("组织生活", "Organisational life"),
            Family::Education => ("教育培训", "Education"),
            Family::Organisation => ("组织建设", "Branch organisation"),
            Family::Data => ("数据质量", "Data quality"),
        }
    }
}

/// A rule's metadata: everything but its check.
#[derive(Debug, Serialize)]
pub struct RuleMeta {
    /// Fixed code, never reused: `DUE001`.
    pub code: &'static str,
    /// Kebab-case name of what is flagged: `dues-month-unpaid`.
    pub name: &'static str,
    /// Family.
    pub family: Family,
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
    /// Citations attached to every finding.
    pub citations: &'static [Citation],
    /// Whether the rule (or its threshold) is local practice rather than central text.
    pub practice: bool,
    /// Crate version that introduced the rule.
    pub since: &'static str,
}

static REGISTRY: LazyLock<Vec<&'static RuleMeta>> = LazyLock::new(|| {
    let mut all: Vec<&'static RuleMeta> = [
        dues::RULES,
        development::RULES,
        meetings::RULES,
        education::RULES,
        organisation::RULES,
        data::RULES,
    ]
    .into_iter()
    .flatten()
    .collect();
    all.sort_by_key(|r| r.code);
    all
});

/// Every rule, sorted by code.
///
/// ```
/// let due001 = dangjian::rules::registry().iter().find(|r| r.code == "DUE001").unwrap();
/// assert_eq!(due001.name, "dues-month-unpaid");
/// ```
pub fn registry() -> &'static [&'static RuleMeta] {
    &REGISTRY
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static RuleMeta> {
    let reg = registry();
    reg.binary_search_by(|r| r.code.cmp(code))
        .ok()
        .and_then(|i| reg.get(i).copied())
}

// ---------------------------------------------------------------------------
// Selection

/// Which rules run: all, by family prefix (`DUE`) or by code (`DUE001`).
///
/// ```
/// use dangjian::rules::Selection;
/// let s: Selection = "DUE,DAT001".parse()?;
/// assert!(s.includes("DUE004"));
/// assert!(s.includes("DAT001"));
/// assert!(!s.includes("DAT002"));
/// let s = Selection::all().without("DUE003".parse()?);
/// assert!(!s.includes("DUE003") && s.includes("DUE004"));
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    include: Vec<String>,
    exclude: Vec<String>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection::all()
    }
}

impl Selection {
    /// Every rule.
    pub fn all() -> Selection {
        Selection {
            include: vec![String::new()],
            exclude: Vec::new(),
        }
    }

    /// No rule.
    pub fn none() -> Selection {
        Selection {
            include: Vec::new(),
            exclude: Vec::new(),
        }
    }

    /// Adds the rules selected by `other`.
    pub fn with(mut self, other: Selection) -> Selection {
        self.include.extend(other.include);
        self
    }

    /// Removes the rules selected by `other`.
    pub fn without(mut self, other: Selection) -> Selection {
        self.exclude.extend(other.include);
        self
    }

    /// Whether the rule with this code runs.
    pub fn includes(&self, code: &str) -> bool {
        self.include.iter().any(|p| code.starts_with(p.as_str()))
            && !self.exclude.iter().any(|p| code.starts_with(p.as_str()))
    }
}

impl FromStr for Selection {
    type Err = crate::ParseValueError;
    /// Comma-separated `all`, `none`, family prefixes or codes; each prefix or
    /// code must select at least one rule. `none` alone selects nothing (the
    /// input is still read and checked).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut sel = Selection::none();
        for part in s.split(',').map(str::trim) {
            if part.eq_ignore_ascii_case("all") {
                sel.include.push(String::new());
                continue;
            }
            if part.eq_ignore_ascii_case("none") {
                continue;
            }
            let p = part.to_ascii_uppercase();
            if p.is_empty() || !registry().iter().any(|r| r.code.starts_with(&p)) {
                return Err(crate::model::values_error(
                    "rule selector (all, a prefix such as DUE, or a code such as DUE001)",
                    part,
                ));
            }
            sel.include.push(p);
        }
        Ok(sel)
    }
}

// ---------------------------------------------------------------------------
// Violations and the emitter

/// A typed violation of one rule: detection produces it, [`Emitter`] renders it.
///
/// Its serialized fields are the finding's evidence.
pub(crate) trait Violation: Serialize {
    /// The rule's code.
    const CODE: &'static str;
    /// What it is about.
    fn subject(&self) -> Subject;
    /// The period or day concerned.
    fn period(&self) -> Option<DateRange>;
    /// The message, with the concrete numbers.
    fn message(&self) -> Message;
    /// A severity other than the rule's default (e.g. escalation); `None` = default.
    fn severity(&self) -> Option<Severity> {
        None
    }
}

/// Collects the findings of one bundle: applies the selection and severity
/// overrides, attaches name and citations from the registry.
pub struct Emitter<'a> {
    branch: &'a Id,
    settings: &'a Settings,
    findings: Vec<Finding>,
}

impl<'a> Emitter<'a> {
    fn new(branch: &'a Id, settings: &'a Settings) -> Emitter<'a> {
        Emitter {
            branch,
            settings,
            findings: Vec::new(),
        }
    }

    /// Whether the rule with this code is selected (so its work is worth doing).
    pub fn wants(&self, code: &str) -> bool {
        self.settings.wants(code)
    }

    /// Whether any rule with this prefix is selected.
    pub fn wants_any(&self, codes: &[&str]) -> bool {
        codes.iter().any(|c| self.wants(c))
    }

    pub(crate) fn report<V: Violation>(&mut self, v: V) {
        if !self.wants(V::CODE) {
            return;
        }
        let Some(meta) = rule(V::CODE) else {
            debug_assert!(false, "rule {} is not registered", V::CODE);
            return;
        };
        let severity = self
            .settings
            .overrides
            .get(V::CODE)
            .copied()
            .or(v.severity())
            .unwrap_or(meta.severity);
        let evidence = match serde_json::to_value(&v) {
            Ok(serde_json::Value::Object(map)) => map,
            _ => Evidence::new(),
        };
        self.findings.push(Finding {
            rule: meta.code,
            name: meta.name,
            severity,
            branch: self.branch.clone(),
            subject: v.subject(),
            period: v.period(),
            message: v.message(),
            evidence,
            citations: meta.citations.to_vec(),
        });
    }
}

// ---------------------------------------------------------------------------
// The auditor

#[derive(Clone, Debug)]
struct Settings {
    /// Bit `slot(code)` is set when the selection includes the rule (checked
    /// on hot paths: once per member and rule).
    enabled: Vec<u64>,
    overrides: BTreeMap<String, Severity>,
}

/// A dense slot for a code `XXXnnn`: the family's position times 1000 plus
/// the number. `None` for anything else.
fn slot(code: &str) -> Option<usize> {
    let b = code.as_bytes();
    if b.len() != 6 {
        return None;
    }
    let family = match b.get(..3)? {
        b"DAT" => 0,
        b"DEV" => 1,
        b"DUE" => 2,
        b"EDU" => 3,
        b"MTG" => 4,
        b"ORG" => 5,
        _ => return None,
    };
    let mut n = 0usize;
    for &c in b.get(3..)? {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + usize::from(c - b'0');
    }
    Some(family * 1000 + n)
}

impl Settings {
    fn new(selection: Selection, overrides: BTreeMap<String, Severity>) -> Settings {
        let mut enabled = vec![0u64; 6000 / 64 + 1];
        for r in registry() {
            if let (true, Some(i)) = (selection.includes(r.code), slot(r.code)) {
                if let Some(w) = enabled.get_mut(i / 64) {
                    *w |= 1 << (i % 64);
                }
            }
        }
        Settings { enabled, overrides }
    }

    fn wants(&self, code: &str) -> bool {
        slot(code)
            .and_then(|i| self.enabled.get(i / 64).map(|w| w & (1 << (i % 64)) != 0))
            .unwrap_or(false)
    }
}

/// Audits bundles: holds `as_of`, the period, the profile, the rule selection,
/// severity overrides and the working-day calendar.
///
/// ```
/// use chrono::NaiveDate;
/// use dangjian::{Auditor, Severity};
///
/// let bundles = dangjian::load::read_path("examples/data/sample.json")?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let report = Auditor::new(as_of)
///     .select("DUE".parse()?)
///     .severity("DUE003", Severity::Error)
///     .audit(&bundles);
/// assert!(report.findings.iter().all(|f| f.rule.starts_with("DUE")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Auditor {
    as_of: NaiveDate,
    period: DateRange,
    profile: Profile,
    settings: Settings,
    calendar: Arc<dyn WorkCalendar>,
}

impl fmt::Debug for Auditor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auditor")
            .field("as_of", &self.as_of)
            .field("period", &self.period)
            .field("profile", &self.profile.name)
            .field("settings", &self.settings)
            .field("calendar", &self.calendar.name())
            .finish()
    }
}

impl Auditor {
    /// An auditor with the reference date `as_of`, the audit period = the
    /// calendar year of `as_of`, the central profile, every rule, and the PRC
    /// working-day calendar.
    pub fn new(as_of: NaiveDate) -> Auditor {
        Auditor {
            as_of,
            period: DateRange::year(chrono::Datelike::year(&as_of)),
            profile: Profile::central(),
            settings: Settings::new(Selection::all(), BTreeMap::new()),
            calendar: crate::calendar::default_calendar(),
        }
    }

    /// Sets the audit period.
    pub fn period(mut self, period: DateRange) -> Auditor {
        self.period = period;
        self
    }

    /// Sets the profile.
    pub fn profile(mut self, profile: Profile) -> Auditor {
        self.profile = profile;
        self
    }

    /// Sets which rules run.
    pub fn select(mut self, selection: Selection) -> Auditor {
        self.settings = Settings::new(selection, self.settings.overrides);
        self
    }

    /// Overrides the severity of every finding of the rule `code`.
    pub fn severity(mut self, code: &str, severity: Severity) -> Auditor {
        self.settings.overrides.insert(code.to_owned(), severity);
        self
    }

    /// Sets the working-day calendar.
    pub fn calendar(mut self, calendar: Arc<dyn WorkCalendar>) -> Auditor {
        self.calendar = calendar;
        self
    }

    /// The reference date.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The audit period.
    pub fn audit_period(&self) -> DateRange {
        self.period
    }

    /// The profile.
    pub fn profile_ref(&self) -> &Profile {
        &self.profile
    }

    /// The context the rules see for `bundle` (for renderers and views that
    /// need the same lookups as the rules).
    pub fn context<'b>(&'b self, bundle: &'b Bundle) -> Context<'b> {
        Context::new(
            bundle,
            &self.profile,
            self.as_of,
            self.period,
            self.calendar.as_ref(),
        )
    }

    /// The findings of one bundle, sorted.
    pub fn check(&self, bundle: &Bundle) -> Vec<Finding> {
        self.check_context(&self.context(bundle))
    }

    /// The findings of the bundle of a context built by [`Auditor::context`], sorted.
    pub fn check_context(&self, cx: &Context<'_>) -> Vec<Finding> {
        let mut out = Emitter::new(&cx.bundle.branch.id, &self.settings);
        data::run(cx, &mut out);
        dues::run(cx, &mut out);
        development::run(cx, &mut out);
        meetings::run(cx, &mut out);
        education::run(cx, &mut out);
        organisation::run(cx, &mut out);
        let mut findings = out.findings;
        crate::finding::sort_findings(&mut findings);
        findings
    }

    /// Audits `bundles` into a report.
    pub fn audit<'b>(&self, bundles: impl IntoIterator<Item = &'b Bundle>) -> Report {
        let mut report = self.empty_report();
        for b in bundles {
            let findings = self.check(b);
            self.add(&mut report, b, findings);
        }
        self.finish(report)
    }

    /// A report with no bundle yet (for streaming: [`Auditor::add`] then [`Auditor::finish`]).
    pub fn empty_report(&self) -> Report {
        Report {
            format: Report::FORMAT,
            as_of: self.as_of,
            period: self.period,
            profile: self.profile.name.clone(),
            summary: Summary::default(),
            findings: Vec::new(),
        }
    }

    /// Adds one bundle's findings to `report`.
    pub fn add(&self, report: &mut Report, bundle: &Bundle, findings: Vec<Finding>) {
        self.add_findings(report, bundle.members.len(), findings);
    }

    /// Adds the findings of one bundle of `members` members to `report` (for
    /// callers that no longer hold the bundle).
    pub fn add_findings(&self, report: &mut Report, members: usize, findings: Vec<Finding>) {
        report.summary.branches += 1;
        report.summary.members += members;
        report.summary.add_findings(&findings);
        report.findings.extend(findings);
    }

    /// Sorts the findings of `report`.
    pub fn finish(&self, mut report: Report) -> Report {
        crate::finding::sort_findings(&mut report.findings);
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_own_slot() {
        let mut seen = std::collections::BTreeSet::new();
        for r in registry() {
            let s = slot(r.code).expect("a code of the form XXXnnn");
            assert!(seen.insert(s), "{} shares a slot", r.code);
        }
        assert_eq!(slot("DUE01"), None);
        assert_eq!(slot("XYZ001"), None);
    }

    #[test]
    fn settings_follow_the_selection() {
        let s = Settings::new("DUE,DAT001".parse().unwrap(), BTreeMap::new());
        assert!(s.wants("DUE004") && s.wants("DAT001"));
        assert!(!s.wants("DAT002") && !s.wants("MTG001") && !s.wants("nonsense"));
        let none = Settings::new("none".parse().unwrap(), BTreeMap::new());
        assert!(registry().iter().all(|r| !none.wants(r.code)));
        let all = Settings::new(Selection::all(), BTreeMap::new());
        assert!(registry().iter().all(|r| all.wants(r.code)));
    }
}
