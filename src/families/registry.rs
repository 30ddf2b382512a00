//! The registry: every family's rule tables joined into one, sorted by
//! code, and the lookups by code.

use std::sync::LazyLock;

use crate::kit::RuleMeta;
use crate::vocab::{Rule, RuleCode, Severity};

static REGISTRY: LazyLock<Vec<&'static RuleMeta>> = LazyLock::new(|| {
    use crate::families::{data, development, dues, ideology, life, organisation, transfers};
    let families: [&[&[RuleMeta]]; 7] = [
        dues::RULES,
        development::RULES,
        life::RULES,
        organisation::RULES,
        ideology::RULES,
        transfers::RULES,
        data::RULES,
    ];
    let mut all: Vec<&'static RuleMeta> = families
        .into_iter()
        .flatten()
        .flat_map(|t| t.iter())
        .collect();
    all.sort_by_key(|r| r.code);
    all
});

/// Every rule, sorted by code.
///
/// ```
/// use dangjian::rules::{registry, RuleCode};
/// let due001 = registry().iter().find(|r| r.code == RuleCode::DUE001).unwrap();
/// assert_eq!(due001.name, "dues-month-unpaid");
/// assert_eq!(registry().len(), RuleCode::ALL.len());
/// ```
pub fn registry() -> &'static [&'static RuleMeta] {
    &REGISTRY
}

/// The metadata of `code`.
pub(crate) fn meta(code: RuleCode) -> &'static RuleMeta {
    // The registry holds exactly one entry per code, in code order (tested
    // below), so the code's index is its position.
    REGISTRY.get(code.index()).copied().unwrap_or(&MISSING)
}

/// Never reached (every code is registered, tested); keeps `meta` total.
static MISSING: RuleMeta = RuleMeta {
    code: RuleCode::DAT001,
    name: "unregistered",
    severity: Severity::Info,
    summary: "",
    what: "",
    why: "",
    example: "",
    source: "",
    citations: &[],
    evidence: &[],
    practice: false,
    since: "",
};

/// The rule with this code (text), if it exists.
pub fn rule(code: &str) -> Option<&'static RuleMeta> {
    code.parse::<RuleCode>().ok().map(RuleCode::meta)
}

// The lookups are methods of the vocabulary's types, defined here beside the
// table they read: the vocabulary knows codes, not the rules behind them.

impl RuleCode {
    /// The rule's metadata (docs, severity, citations, evidence keys).
    pub fn meta(self) -> &'static RuleMeta {
        meta(self)
    }
}

impl Rule {
    /// The rule's metadata, when this version knows it.
    pub fn meta(&self) -> Option<&'static RuleMeta> {
        self.code().map(RuleCode::meta)
    }
}

/// Whether the rule `code` is marked as local practice in the registry.
pub(crate) fn is_practice(code: RuleCode) -> bool {
    code.meta().practice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entry_per_code_in_code_order() {
        let codes: Vec<RuleCode> = registry().iter().map(|r| r.code).collect();
        assert_eq!(codes, RuleCode::ALL);
        for r in registry() {
            assert_eq!(r.name, r.code.name(), "{}", r.code);
            assert!(std::ptr::eq(meta(r.code), *r));
        }
    }

    #[test]
    fn a_rule_by_its_text() {
        assert_eq!(rule("DUE001").map(|r| r.name), Some("dues-month-unpaid"));
        assert_eq!(rule("REL006").map(|r| r.code), Some(RuleCode::REL006));
        assert!(rule("DUE999").is_none() && rule("").is_none());
    }

    #[test]
    fn every_cited_param_exists() {
        for r in registry() {
            for p in r.params() {
                assert!(
                    crate::profile::param_def(p).is_some(),
                    "{} cites unknown parameter {p}",
                    r.code
                );
            }
        }
    }
}
