//! Rule metadata as data: one [`RuleMeta`] per rule, joined into one
//! registry sorted by code (after clippy's `declare_clippy_lint`).

use std::sync::LazyLock;

use serde::Serialize;

use super::code::{Family, RuleCode};
use crate::report::{Citation, Severity};

/// What a rule cites: a fixed text, or the source of a profile parameter the
/// rule reads (so a changed threshold cites its own source).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cite {
    /// A document and article, the same for every profile.
    Text {
        /// The document's full title.
        document: &'static str,
        /// The article.
        article: &'static str,
    },
    /// The citation of the profile parameter with this dotted name
    /// (`dues.lapse_months`), at the edition in force on the finding's date.
    Param(&'static str),
    /// An article of the 发展党员工作细则, numbered by edition: the 2014
    /// article and the 2026 one. The edition in force on the finding's date
    /// (profile parameter `development.edition`) decides which is cited.
    Xize {
        /// Article in the 2014 edition.
        y2014: &'static str,
        /// Article in the 2026 edition.
        y2026: &'static str,
    },
}

impl Cite {
    /// The parameter this cites, if any.
    pub fn param(&self) -> Option<&'static str> {
        match self {
            Cite::Param(p) => Some(p),
            _ => None,
        }
    }
}

/// A fixed citation: `document`, `article`.
pub(crate) const fn cite(document: &'static str, article: &'static str) -> Cite {
    Cite::Text { document, article }
}

/// The citation of the profile parameter `name`.
#[allow(dead_code)] // used by the rule tables as they cite parameters
pub(crate) const fn param(name: &'static str) -> Cite {
    Cite::Param(name)
}

/// An article of the 细则 in its 2014 and 2026 numbering.
#[allow(dead_code)] // used by the development rules' editions
pub(crate) const fn xize(y2014: &'static str, y2026: &'static str) -> Cite {
    Cite::Xize { y2014, y2026 }
}

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
        let central = crate::Profile::central();
        let mut out = Vec::new();
        for c in self.citations {
            super::emit::push_citation(&mut out, super::emit::resolve(c, &central, None));
        }
        out
    }
}

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
