//! Running the rules: the rule kit (codes, metadata, selection, the
//! context, violations and the emitter) and the [`Auditor`] above the
//! families.
//!
//! Every rule has a fixed code ([`RuleCode`]), a name, a default severity,
//! its docs (What / Why / Example / Source), its citations and its evidence
//! keys, as data in one table ([`registry`]). A rule family computes what its
//! rules share once per bundle and then runs each rule; a rule produces typed
//! violations, rendered into [`Finding`]s by the [`Emitter`].

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::calendar::WorkCalendar;
use crate::model::{Bundle, DateRange};
use crate::profile::Profile;
use crate::report::{Finding, Report, Severity};

#[cfg(test)]
mod catalogue;
mod code;
pub(crate) mod context;
mod emit;
mod registry;
mod selection;

pub(crate) use code::nearest;
pub use code::{Family, ParseCodeError, RuleCode};
pub(crate) use emit::{Emitter, SharedViolation, Violation, coded};
pub use registry::{Cite, EvidenceKey, RuleMeta, registry, rule};
#[allow(unused_imports)]
pub(crate) use registry::{cite, key, param, xize};
pub use selection::Selection;

use crate::families::{
    data, development, dues, ideology, life::education, life::meetings, organisation, transfers,
};
use context::Context;

/// Whether the rule `code` is marked as local practice in the registry.
pub(crate) fn is_practice(code: RuleCode) -> bool {
    code.meta().practice
}

// ---------------------------------------------------------------------------
// The auditor

/// Which rules run and with what severity, by code index (checked on hot
/// paths: once per member and rule).
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    enabled: Vec<u64>,
    overrides: Vec<Option<Severity>>,
}

impl Settings {
    fn new(selection: &Selection) -> Settings {
        let mut enabled = vec![0u64; RuleCode::ALL.len().div_ceil(64)];
        for c in selection.codes() {
            if let Some(w) = enabled.get_mut(c.index() / 64) {
                *w |= 1 << (c.index() % 64);
            }
        }
        Settings {
            enabled,
            overrides: vec![None; RuleCode::ALL.len()],
        }
    }

    fn select(&mut self, selection: &Selection) {
        self.enabled = Settings::new(selection).enabled;
    }

    pub(crate) fn wants(&self, code: RuleCode) -> bool {
        let i = code.index();
        self.enabled
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    pub(crate) fn severity(&self, code: RuleCode) -> Option<Severity> {
        self.overrides.get(code.index()).copied().flatten()
    }

    fn set_severity(&mut self, code: RuleCode, severity: Severity) {
        if let Some(s) = self.overrides.get_mut(code.index()) {
            *s = Some(severity);
        }
    }
}

/// Audits bundles: holds `as_of`, the period, the profile, the rule selection,
/// severity overrides and the working-day calendar.
///
/// ```
/// use dangjian::{Auditor, NaiveDate, Severity};
/// use dangjian::rules::RuleCode;
///
/// let bundles = dangjian::load::read_path("examples/data/sample.json")?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let report = Auditor::new(as_of)
///     .select("DUE".parse()?)
///     .severity(RuleCode::DUE003, Severity::Error)
///     .audit(&bundles);
/// assert!(report.findings.iter().all(|f| f.rule.as_str().starts_with("DUE")));
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
            settings: Settings::new(&Selection::all()),
            calendar: crate::calendar::default_calendar(),
        }
    }

    /// Sets the audit period.
    #[must_use]
    pub fn period(mut self, period: DateRange) -> Auditor {
        self.period = period;
        self
    }

    /// Sets the profile.
    #[must_use]
    pub fn profile(mut self, profile: Profile) -> Auditor {
        self.profile = profile;
        self
    }

    /// Sets which rules run.
    #[must_use]
    pub fn select(mut self, selection: Selection) -> Auditor {
        self.settings.select(&selection);
        self
    }

    /// Overrides the severity of every finding of the rule `code`.
    #[must_use]
    pub fn severity(mut self, code: RuleCode, severity: Severity) -> Auditor {
        self.settings.set_severity(code, severity);
        self
    }

    /// Sets the working-day calendar.
    #[must_use]
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

    /// Whether the rule `code` runs.
    pub fn runs(&self, code: RuleCode) -> bool {
        self.settings.wants(code)
    }

    /// The context the rules see for `bundle`, for the domain views
    /// ([`Standing`](crate::life::standing::Standing), the development
    /// files) and renderers that need the same lookups as the rules.
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
        let mut out = Emitter::new(&cx.bundle.branch.id, &self.settings, &self.profile);
        data::run(cx, &mut out);
        dues::run(cx, &mut out);
        development::run(cx, &mut out);
        meetings::run(cx, &mut out);
        education::run(cx, &mut out);
        organisation::run(cx, &mut out);
        ideology::run(cx, &mut out);
        transfers::run(cx, &mut out);
        let mut findings = out.findings;
        data::counts::locate_references(cx.bundle, &mut findings);
        crate::report::sort_findings(&mut findings);
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
        Report::new(self.as_of, self.period, self.profile.header())
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
        crate::report::sort_findings(&mut report.findings);
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_follow_the_selection() {
        let s = Settings::new(&"DUE,DAT001".parse().unwrap());
        assert!(s.wants(RuleCode::DUE004) && s.wants(RuleCode::DAT001));
        assert!(!s.wants(RuleCode::DAT002) && !s.wants(RuleCode::MTG001));
        let none = Settings::new(&"none".parse().unwrap());
        assert!(RuleCode::ALL.iter().all(|c| !none.wants(*c)));
        let all = Settings::new(&Selection::all());
        assert!(RuleCode::ALL.iter().all(|c| all.wants(*c)));
    }
}
