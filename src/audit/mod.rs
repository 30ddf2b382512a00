//! The [`Auditor`]: the settings of an audit (`as_of`, the period, the
//! profile, the rule selection, severities, the calendar) and the run of
//! every rule family over a bundle into its sorted [`Finding`]s.
//!
//! Every rule has a fixed code ([`RuleCode`]), a name, a default severity,
//! its docs (What / Why / Example / Source), its citations and its evidence
//! keys, as data in one table (the families' registry). A rule family
//! computes what its rules share once per bundle and then runs each rule; a
//! rule produces typed violations, rendered into findings by the kit's
//! emitter. Assembling a report from the findings of many bundles — the
//! summary, indicators, scorecards — is the inspection cycle's
//! (`report::assemble`, methods of the same `Auditor`).

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::calendar::WorkCalendar;
use crate::families::context::Context;
use crate::families::registry::registry;
use crate::families::{
    data, development, dues, ideology, life::education, life::meetings, organisation, transfers,
};
use crate::kit::{Emitter, Selection, Settings};
use crate::model::{Bundle, DateRange};
use crate::profile::Profile;
use crate::vocab::{Finding, RuleCode, Severity};

/// Audits bundles: holds `as_of`, the period, the profile, the rule selection,
/// severity overrides and the working-day calendar.
///
/// **Which rules run, at what severity.** The builder calls may come in any
/// order; the result is the same:
///
/// - a rule runs when the [selection](Auditor::select) includes it (all, by
///   default) and the profile's `[rules]` do not switch it off — but a
///   selection that names the code itself (`"DUE003"`, not `"DUE"` or
///   `all`) runs it even when the profile says `off`;
/// - its findings have the severity given by [`Auditor::severity`], else the
///   profile's `[rules]` severity, else the rule's own.
///
/// **Approved exceptions.** [`Auditor::check`] marks each finding a live
/// accept of the profile covers ([`Finding::accepted`]); the finding stays.
/// [`Auditor::empty_report`] lists the profile's expired accepts
/// (`expired_accepts`) and, until a finding of some bundle matches them, its
/// live ones (`unmatched_accepts`); [`Auditor::add`] strikes those that match
/// the bundle's findings — so streaming (`check` then `add` per bundle) gives
/// the same report as [`Auditor::audit`].
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
    selection: Selection,
    severities: Vec<(RuleCode, Severity)>,
    /// Resolved from the three above on every change.
    settings: Settings,
    calendar: Arc<dyn WorkCalendar>,
    indicators: bool,
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
            selection: Selection::all(),
            severities: Vec::new(),
            settings: Settings::resolve(registry(), &Selection::all(), &Profile::central(), &[]),
            calendar: crate::calendar::default_calendar(),
            indicators: false,
        }
    }

    /// Sets the audit period.
    #[must_use]
    pub fn period(mut self, period: DateRange) -> Auditor {
        self.period = period;
        self
    }

    /// Sets the profile: its thresholds, its `[rules]` (which rules run and
    /// at what severity, under the caller's [`select`](Auditor::select) and
    /// [`severity`](Auditor::severity): see [`Auditor`]), its accepts.
    ///
    /// ```
    /// use dangjian::profile::{RuleLevel, RuleSetting};
    /// use dangjian::rules::RuleCode;
    /// use dangjian::{Auditor, NaiveDate, Profile, Severity};
    /// let mut p = Profile::central();
    /// p.rules.push(RuleSetting::new("DUE003", RuleLevel::Off));
    /// p.rules.push(RuleSetting::new("DUE004", RuleLevel::Severity(Severity::Warning)));
    /// let a = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()).profile(p);
    /// assert!(!a.runs(RuleCode::DUE003));
    /// let a = a.select("DUE".parse()?);          // a prefix: the profile's off stands
    /// assert!(!a.runs(RuleCode::DUE003));
    /// let a = a.select("DUE003,DUE004".parse()?); // the code itself: it runs
    /// assert!(a.runs(RuleCode::DUE003));
    /// # Ok::<(), dangjian::rules::ParseCodeError>(())
    /// ```
    #[must_use]
    pub fn profile(mut self, profile: Profile) -> Auditor {
        self.profile = profile;
        self.resolve();
        self
    }

    /// Sets which rules run (see [`Auditor`] for how it meets the profile's `[rules]`).
    #[must_use]
    pub fn select(mut self, selection: Selection) -> Auditor {
        self.selection = selection;
        self.resolve();
        self
    }

    /// Overrides the severity of every finding of the rule `code` (above
    /// the profile's `[rules]`).
    #[must_use]
    pub fn severity(mut self, code: RuleCode, severity: Severity) -> Auditor {
        self.severities.retain(|(c, _)| *c != code);
        self.severities.push((code, severity));
        self.resolve();
        self
    }

    fn resolve(&mut self) {
        self.settings =
            Settings::resolve(registry(), &self.selection, &self.profile, &self.severities);
    }

    /// The severity findings of `code` get from the caller or the profile
    /// (`None`: the rule decides).
    pub fn severity_of(&self, code: RuleCode) -> Option<Severity> {
        self.settings.severity(code)
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

    /// Whether [`Auditor::audit`] computes indicators for the report
    /// (default: no).
    #[must_use]
    pub fn with_indicators(mut self, yes: bool) -> Auditor {
        self.indicators = yes;
        self
    }

    /// Whether [`Auditor::audit`] computes indicators (see
    /// [`Auditor::with_indicators`]).
    pub(crate) fn wants_indicators(&self) -> bool {
        self.indicators
    }

    /// The findings of one bundle, sorted.
    pub fn check(&self, bundle: &Bundle) -> Vec<Finding> {
        self.check_context(&self.context(bundle))
    }

    /// The findings of the bundle of a context built by [`Auditor::context`], sorted.
    pub fn check_context(&self, cx: &Context<'_>) -> Vec<Finding> {
        let mut findings: Vec<Finding> = Vec::new();
        self.check_context_by_family(cx, |part| {
            // Exactly as much room as the parts need: a bundle of 280,000
            // findings (a 10,000-year audit) cannot afford a doubled vector.
            findings.reserve_exact(part.len());
            findings.extend(part);
        });
        // Each part is sorted; a stable sort keeps the order within a part.
        crate::vocab::sort_findings(&mut findings);
        findings
    }

    /// The findings of the bundle of `cx` one rule family at a time: `part`
    /// gets each family's findings (when there are any), sorted, with their
    /// ids told apart and the profile's exceptions marked, as
    /// [`Auditor::check_context`] gives them. A family's rule codes share a
    /// prefix (`DUE`, `MTG`, …), so the parts taken in the order of their
    /// first finding's code are `check_context`'s list.
    ///
    /// For callers that render findings as they come: a bundle audited over
    /// a very long period (10,000 years: 280,000 findings, 170,000 of them
    /// meetings) need not hold all of them at once.
    pub fn check_context_by_family(&self, cx: &Context<'_>, mut part: impl FnMut(Vec<Finding>)) {
        type Run = fn(&Context<'_>, &mut Emitter<'_>);
        const FAMILIES: [Run; 8] = [
            data::run,
            dues::run,
            development::run,
            meetings::run,
            education::run,
            organisation::run,
            ideology::run,
            transfers::run,
        ];
        for run in FAMILIES {
            let mut out = Emitter::new(&cx.bundle.branch.id, &self.settings, &self.profile);
            run(cx, &mut out);
            let mut findings = out.findings;
            if findings.is_empty() {
                continue;
            }
            // Up to half of a grown vector is spare room: it goes.
            findings.shrink_to_fit();
            data::counts::locate_references(cx.bundle, &mut findings);
            data::counts::mark_derived_ids(cx.bundle, &mut findings);
            crate::vocab::sort_findings(&mut findings);
            crate::vocab::disambiguate_ids(&mut findings);
            crate::profile::accept::mark(
                &self.profile.accepts,
                self.as_of,
                &cx.bundle.branch.id,
                &mut findings,
            );
            part(findings);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an auditor says of itself, and the per-bundle views it gives.
    #[test]
    fn the_auditor_tells_its_settings() {
        let d = crate::testing::d;
        let a = Auditor::new(d("2025-12-31"));
        assert_eq!(a.as_of(), d("2025-12-31"));
        assert_eq!(a.profile_ref().header().name, "central");
        assert!(a.runs(RuleCode::DUE001) && a.runs(RuleCode::MTG001));
        assert_eq!(a.severity_of(RuleCode::DUE001), None);
        // A severity set twice: the later stands; another rule keeps its own.
        let a = a
            .severity(RuleCode::DUE001, Severity::Info)
            .severity(RuleCode::DUE002, Severity::Info)
            .severity(RuleCode::DUE001, Severity::Warning);
        assert_eq!(a.severity_of(RuleCode::DUE001), Some(Severity::Warning));
        assert_eq!(a.severity_of(RuleCode::DUE002), Some(Severity::Info));
        let a = a.select("DUE".parse().unwrap());
        assert!(a.runs(RuleCode::DUE001) && !a.runs(RuleCode::MTG001));

        // The sample's to-do list and, with a scheme, its scorecard.
        let bundles = crate::testing::sample();
        let a = Auditor::new(d("2025-12-31"));
        let cx = a.context(&bundles[0]);
        assert!(!a.todo(&cx, 365).is_empty());
        assert!(a.scorecard(&bundles[0].branch.id, &[]).is_none());
        let profile = crate::testing::profile(
            "[scoring]\nscheme = \"s\"\nbase = 100\nlevels = [{ min = 0, level = \"一星\" }]\n\
             deduct = [{ rules = \"DUE\", points = 1 }]\n",
        );
        let a = a.profile(profile);
        assert_eq!(a.profile_ref().header().name, "t");
        let findings = a.check_context(&a.context(&bundles[0]));
        let card = a.scorecard(&bundles[0].branch.id, &findings).unwrap();
        let dues = findings
            .iter()
            .filter(|f| f.rule.as_str().starts_with("DUE") && !f.is_accepted())
            .count();
        assert!(dues > 0);
        assert_eq!(card.score, rust_decimal::Decimal::from(100 - dues as i64));
    }

    /// The profile's `[rules]`: off (past the first 64 codes too) unless
    /// the selection names the rule; a severity; the caller's above both.
    #[test]
    fn the_profile_switches_rules_and_sets_severities() {
        let profile = crate::testing::profile(
            "[rules]\nREL006 = \"off\"\nDUE003 = \"off\"\nMTG012 = \"warning\"\nMTG011 = \"info\"\n",
        );
        assert!(RuleCode::REL006.index() >= 64);
        let a = Auditor::new(crate::testing::d("2025-12-31")).profile(profile);
        assert!(!a.runs(RuleCode::REL006) && !a.runs(RuleCode::DUE003));
        assert!(a.runs(RuleCode::REL005) && a.runs(RuleCode::DUE002) && a.runs(RuleCode::DUE004));
        assert_eq!(a.severity_of(RuleCode::MTG012), Some(Severity::Warning));
        assert_eq!(a.severity_of(RuleCode::MTG013), None);
        let a = a.severity(RuleCode::MTG011, Severity::Error);
        assert_eq!(a.severity_of(RuleCode::MTG011), Some(Severity::Error));
        // Named, a rule the profile switches off runs; a prefix does not.
        let a = a.select("REL006,DUE".parse().unwrap());
        assert!(a.runs(RuleCode::REL006) && !a.runs(RuleCode::DUE003));
        assert_eq!(a.severity_of(RuleCode::MTG012), Some(Severity::Warning));
        let shown = format!("{a:?}");
        assert!(
            shown.starts_with("Auditor { as_of: 2025-12-31, period: DateRange { from: 2025-01-01, to: 2025-12-31 }, profile: \"t\", settings: Settings {"),
            "{shown}"
        );
    }

    #[test]
    fn a_code_reads_and_compares_as_its_text() {
        assert_eq!(RuleCode::DUE001.as_ref(), "DUE001");
        assert_eq!(format!("{:?}", RuleCode::DUE001), "DUE001");
        assert!(RuleCode::DUE001 == *"DUE001" && RuleCode::DUE001 != *"DUE002");
        assert!(RuleCode::MTG010 == "MTG010" && RuleCode::MTG010 != "MTG01");
    }

    /// Each part is one family's (one code prefix), and the parts in the
    /// order of their first code are `check_context`'s findings, on the
    /// bundled sample (where every family has findings).
    #[test]
    fn the_parts_by_family_make_the_whole() {
        let mut families = std::collections::BTreeSet::new();
        let bundles = crate::testing::sample();
        let auditor = Auditor::new(crate::testing::d("2025-12-31"));
        {
            for b in &bundles {
                let cx = auditor.context(b);
                let mut parts = Vec::new();
                auditor.check_context_by_family(&cx, |p| parts.push(p));
                for p in &parts {
                    let prefix = p.first().and_then(|f| f.rule.code()?.as_str().get(..3));
                    assert!(prefix.is_some(), "an empty part");
                    assert!(
                        p.iter()
                            .all(|f| f.rule.code().and_then(|c| c.as_str().get(..3)) == prefix),
                        "{prefix:?}"
                    );
                    families.extend(prefix);
                }
                parts.sort_by_key(|p| p.first().map(|f| f.rule.clone()));
                let joined: Vec<Finding> = parts.into_iter().flatten().collect();
                assert_eq!(joined, auditor.check_context(&cx), "{}", b.branch.id);
            }
        }
        assert!(families.len() >= 6, "{families:?}");
    }

    #[test]
    fn settings_follow_the_selection() {
        let new = |sel: &Selection| Settings::resolve(registry(), sel, &Profile::central(), &[]);
        let s = new(&"DUE,DAT001".parse().unwrap());
        assert!(s.wants(RuleCode::DUE004) && s.wants(RuleCode::DAT001));
        assert!(!s.wants(RuleCode::DAT002) && !s.wants(RuleCode::MTG001));
        let none = new(&"none".parse().unwrap());
        assert!(RuleCode::ALL.iter().all(|c| !none.wants(*c)));
        let all = new(&Selection::all());
        assert!(RuleCode::ALL.iter().all(|c| all.wants(*c)));
    }
}
