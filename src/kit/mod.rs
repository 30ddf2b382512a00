//! The rule kit: what every rule family is written with — rule metadata
//! ([`RuleMeta`], [`EvidenceKey`]), the selection of rules, the bundle's
//! lookup tables ([`Index`]), typed violations and the [`Emitter`] that
//! turns them into findings, resolving citations against the profile.
//!
//! The kit sits over the profile and the vocabulary and knows no family:
//! the registry (which rules exist) is the families' and reaches the
//! emitter through [`Settings`], passed in by the auditor.

use crate::profile::Profile;
use crate::vocab::Severity;

mod emit;
mod index;
mod meta;
mod selection;

#[cfg(test)]
pub(crate) use emit::resolve;
pub(crate) use emit::{Emitter, SharedViolation, Violation, coded};
pub(crate) use index::{Index, member_span};
#[allow(unused_imports)]
pub(crate) use meta::key;
pub use meta::{EvidenceKey, RuleMeta};
pub use selection::Selection;
// What the rule tables and violations name, from the vocabulary below.
#[allow(unused_imports)]
pub(crate) use crate::vocab::{Cite, Family, RuleCode, cite, param, xize};

/// Which rules run and with what severity, by code index (checked on hot
/// paths: once per member and rule).
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    enabled: Vec<u64>,
    overrides: Vec<Option<Severity>>,
    /// Every rule's metadata, indexed by code: the registry the auditor
    /// passes in (the kit knows what metadata is, the families which rules
    /// there are).
    rules: &'static [&'static RuleMeta],
}

impl Settings {
    fn new(selection: &Selection, rules: &'static [&'static RuleMeta]) -> Settings {
        let mut enabled = vec![0u64; RuleCode::ALL.len().div_ceil(64)];
        for c in selection.codes() {
            if let Some(w) = enabled.get_mut(c.index() / 64) {
                *w |= 1 << (c.index() % 64);
            }
        }
        Settings {
            enabled,
            overrides: vec![None; RuleCode::ALL.len()],
            rules,
        }
    }

    /// The settings of `selection`, the profile's `[rules]` and the
    /// caller's severities (see `Auditor` for the precedence).
    pub(crate) fn resolve(
        rules: &'static [&'static RuleMeta],
        selection: &Selection,
        profile: &Profile,
        severities: &[(RuleCode, Severity)],
    ) -> Settings {
        let mut s = Settings::new(selection, rules);
        if !profile.rules.is_empty() {
            for &code in RuleCode::ALL {
                match profile.rule_level(code) {
                    Some(crate::profile::RuleLevel::Off) if !selection.names(code) => {
                        s.disable(code);
                    }
                    Some(crate::profile::RuleLevel::Severity(sev)) => s.set_severity(code, sev),
                    _ => {}
                }
            }
        }
        for &(code, sev) in severities {
            s.set_severity(code, sev);
        }
        s
    }

    fn disable(&mut self, code: RuleCode) {
        if let Some(w) = self.enabled.get_mut(code.index() / 64) {
            *w &= !(1 << (code.index() % 64));
        }
    }

    pub(crate) fn wants(&self, code: RuleCode) -> bool {
        let i = code.index();
        self.enabled
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// The metadata of `code` (the registry holds one entry per code, in
    /// code order, so the code's index is its position).
    pub(crate) fn meta(&self, code: RuleCode) -> Option<&'static RuleMeta> {
        self.rules.get(code.index()).copied()
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
