//! Which rules run: all, none, families (`DUE`), code prefixes or codes.

use std::str::FromStr;

use crate::vocab::{Family, ParseCodeError, RuleCode};

/// Which rules run: all, by family prefix (`DUE`), code prefix (`DUE00`) or
/// code (`DUE001`).
///
/// ```
/// use dangjian::rules::{RuleCode, Selection};
/// let s: Selection = "DUE,DAT001".parse()?;
/// assert!(s.includes(RuleCode::DUE004));
/// assert!(s.includes(RuleCode::DAT001));
/// assert!(!s.includes(RuleCode::DAT002));
/// let s = Selection::all().without("DUE003".parse()?);
/// assert!(!s.includes(RuleCode::DUE003) && s.includes(RuleCode::DUE004));
/// assert!("DEV12".parse::<Selection>().is_err()); // a typo is an error
/// # Ok::<(), dangjian::rules::ParseCodeError>(())
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

    /// Just this rule.
    pub fn code(code: RuleCode) -> Selection {
        Selection {
            include: vec![code.as_str().to_owned()],
            exclude: Vec::new(),
        }
    }

    /// Every rule of this family.
    pub fn family(family: Family) -> Selection {
        Selection {
            include: vec![family.prefix().to_owned()],
            exclude: Vec::new(),
        }
    }

    /// Adds the rules selected by `other`.
    #[must_use]
    pub fn with(mut self, other: Selection) -> Selection {
        self.include.extend(other.include);
        self
    }

    /// Removes the rules selected by `other`.
    #[must_use]
    pub fn without(mut self, other: Selection) -> Selection {
        self.exclude.extend(other.include);
        self
    }

    /// Whether the rule with this code runs.
    pub fn includes(&self, code: RuleCode) -> bool {
        let code = code.as_str();
        self.include.iter().any(|p| code.starts_with(p.as_str()))
            && !self.exclude.iter().any(|p| code.starts_with(p.as_str()))
    }

    /// Whether the selection names `code` itself (not only a prefix of it)
    /// and does not exclude it: such a rule runs even when the profile
    /// switches it off.
    pub(crate) fn names(&self, code: RuleCode) -> bool {
        self.include.iter().any(|p| p == code.as_str()) && self.includes(code)
    }

    /// The selected codes, in code order.
    pub fn codes(&self) -> impl Iterator<Item = RuleCode> + '_ {
        RuleCode::ALL.iter().copied().filter(|c| self.includes(*c))
    }
}

impl FromStr for Selection {
    type Err = ParseCodeError;
    /// Comma-separated `all`, `none`, family prefixes, code prefixes or codes
    /// (case-insensitive); each must select at least one rule, or the error
    /// suggests the nearest code or family. `none` alone selects nothing
    /// (the input is still read and checked).
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
            if p.is_empty() || !RuleCode::ALL.iter().any(|c| c.as_str().starts_with(&p)) {
                let mut names: Vec<&str> = RuleCode::ALL.iter().map(|c| c.as_str()).collect();
                names.extend(Family::ALL.iter().map(|f| f.prefix()));
                names.extend(["all", "none"]);
                return Err(ParseCodeError::new(
                    "rule selector (all, none, a family such as DUE, or a code such as DUE001)",
                    part,
                    &names,
                ));
            }
            sel.include.push(p);
        }
        Ok(sel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &Selection) -> Vec<&'static str> {
        s.codes().map(RuleCode::as_str).collect()
    }

    #[test]
    fn selections_are_built_and_combined() {
        assert_eq!(codes(&Selection::code(RuleCode::DUE004)), ["DUE004"]);
        let edu = Selection::family(Family::Education);
        assert_eq!(codes(&edu), ["EDU001", "EDU002"]);
        let both = Selection::code(RuleCode::IDE001).with(edu.clone());
        assert_eq!(codes(&both), ["EDU001", "EDU002", "IDE001"]);
        let one = both.without(Selection::code(RuleCode::EDU002));
        assert_eq!(codes(&one), ["EDU001", "IDE001"]);
        assert!(one.includes(RuleCode::IDE001) && !one.includes(RuleCode::EDU002));
        assert_eq!(codes(&Selection::none()), Vec::<&str>::new());
        assert_eq!(Selection::all().codes().count(), RuleCode::ALL.len());
    }

    #[test]
    fn a_rule_is_named_only_by_its_code() {
        let s: Selection = "REL006,due,mtg01".parse().unwrap();
        assert!(s.names(RuleCode::REL006));
        assert!(!s.names(RuleCode::DUE003) && s.includes(RuleCode::DUE003));
        assert!(!s.names(RuleCode::MTG010) && s.includes(RuleCode::MTG010));
        let s = s.without(Selection::code(RuleCode::REL006));
        assert!(!s.names(RuleCode::REL006));
    }

    #[test]
    fn every_part_must_select_something() {
        for bad in ["DUE,", ",DUE", "DUE,,MTG", "", "XYZ", "DUE9"] {
            assert!(bad.parse::<Selection>().is_err(), "{bad:?}");
        }
        let s: Selection = " due , none ".parse().unwrap();
        assert_eq!(s.codes().count(), 11);
        assert_eq!("none".parse::<Selection>().unwrap().codes().count(), 0);
        assert_eq!(
            "ALL".parse::<Selection>().unwrap().codes().count(),
            RuleCode::ALL.len()
        );
    }
}
