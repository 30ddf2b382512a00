//! A profile's 评星定级 scheme (`[scoring]`): how findings turn into a
//! branch's score and level. Read and checked here; the scorecard that
//! applies it is built by the report.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::vocab::RuleCode;

/// A branch rating scheme: a base score, deductions per finding, levels by
/// least score, and a veto that caps the level.
///
/// ```toml
/// [scoring]
/// scheme = "某市直机关党支部星级评定（2025）"
/// base   = 100
/// levels = [ { min = 90, level = "五星" }, { min = 80, level = "四星" }, { min = 0, level = "一星" } ]
/// deduct = [ { rules = "DUE001", points = 0.5, max = 10 }, { rules = "MTG", points = 2, max = 20 } ]
/// veto   = { rules = ["DUE004"], cap = "四星", why = "…" }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Scoring {
    /// The scheme's name, e.g. 某市直机关党支部星级评定（2025）.
    pub scheme: String,
    /// The score before deductions.
    #[serde(with = "rust_decimal::serde::str")]
    pub base: Decimal,
    /// The levels, highest first: a branch gets the first whose `min` its
    /// score reaches. The mins strictly decrease.
    pub levels: Vec<Level>,
    /// Deductions per finding, in order.
    #[serde(default)]
    pub deduct: Vec<Deduction>,
    /// Findings that cap the level, whatever the score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<Veto>,
    /// Where it was set: `file:line`.
    #[serde(default)]
    pub set_in: String,
}

/// One level of a scheme: the least score and its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Level {
    /// The least score of this level.
    #[serde(with = "rust_decimal::serde::str")]
    pub min: Decimal,
    /// Its name, e.g. 五星.
    pub level: String,
}

/// A deduction: `points` per finding of the selected rules, at most `max`
/// in all (no limit when `None`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Deduction {
    /// The rules: codes or prefixes (`DUE001`, `MTG`), upper case.
    pub rules: Vec<String>,
    /// Points per finding.
    #[serde(with = "rust_decimal::serde::str")]
    pub points: Decimal,
    /// The most points of this item.
    #[serde(default, with = "rust_decimal::serde::str_option")]
    pub max: Option<Decimal>,
}

/// A veto (一票否决): any finding of these rules caps the level at `cap`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Veto {
    /// The rules: codes or prefixes, upper case.
    pub rules: Vec<String>,
    /// The highest level a vetoed branch may get (one of the scheme's levels).
    pub cap: String,
    /// Why (the scheme's words).
    pub why: String,
}

/// Whether `selectors` (codes or prefixes) select `code`.
fn selects(selectors: &[String], code: RuleCode) -> bool {
    selectors
        .iter()
        .any(|s| code.as_str().starts_with(s.as_str()))
}

impl Deduction {
    /// Whether the finding of `code` is deducted for.
    pub fn applies_to(&self, code: RuleCode) -> bool {
        selects(&self.rules, code)
    }
}

impl Veto {
    /// Whether a finding of `code` vetoes.
    pub fn applies_to(&self, code: RuleCode) -> bool {
        selects(&self.rules, code)
    }
}

impl Scoring {
    /// The level of `score`: the first whose `min` it reaches.
    pub fn level_of(&self, score: Decimal) -> Option<&Level> {
        self.levels.iter().find(|l| score >= l.min)
    }

    /// Checks the scheme: levels strictly descending and named once, every
    /// amount at least zero, the veto's cap one of the levels.
    ///
    /// # Errors
    /// The key at fault (`levels[2].min`, `veto.cap` …) and what is wrong.
    pub fn validate(&self) -> Result<(), (String, String)> {
        if self.scheme.trim().is_empty() {
            return Err(("scheme".into(), "the scheme needs a name".into()));
        }
        if self.base < Decimal::ZERO {
            return Err(("base".into(), format!("base {} is below 0", self.base)));
        }
        if self.levels.is_empty() {
            return Err(("levels".into(), "a scheme needs at least one level".into()));
        }
        for (i, l) in self.levels.iter().enumerate() {
            if l.level.trim().is_empty() {
                return Err((format!("levels[{i}].level"), "a level needs a name".into()));
            }
            if let Some(prev) = i.checked_sub(1).and_then(|j| self.levels.get(j)) {
                if l.min >= prev.min {
                    return Err((
                        format!("levels[{i}].min"),
                        format!(
                            "levels must be listed highest first: {} ({}) is not below {} ({})",
                            l.min, l.level, prev.min, prev.level
                        ),
                    ));
                }
            }
            if self.levels[..i].iter().any(|p| p.level == l.level) {
                return Err((
                    format!("levels[{i}].level"),
                    format!("the level {:?} is listed twice", l.level),
                ));
            }
        }
        for (i, d) in self.deduct.iter().enumerate() {
            if d.points < Decimal::ZERO {
                return Err((
                    format!("deduct[{i}].points"),
                    format!("points {} are below 0", d.points),
                ));
            }
            if d.max.is_some_and(|m| m < Decimal::ZERO) {
                return Err((format!("deduct[{i}].max"), "max is below 0".into()));
            }
        }
        if let Some(v) = &self.veto {
            if !self.levels.iter().any(|l| l.level == v.cap) {
                let names: Vec<&str> = self.levels.iter().map(|l| l.level.as_str()).collect();
                return Err((
                    "veto.cap".into(),
                    format!(
                        "the cap {:?} is not one of the levels ({})",
                        v.cap,
                        names.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(min: i64, name: &str) -> Level {
        Level {
            min: Decimal::from(min),
            level: name.to_owned(),
        }
    }

    #[test]
    fn levels_descend_and_the_cap_is_a_level() {
        let mut s = Scoring {
            scheme: "x".into(),
            base: Decimal::from(100),
            levels: vec![level(90, "五星"), level(60, "三星"), level(0, "一星")],
            deduct: vec![],
            veto: Some(Veto {
                rules: vec!["DUE004".into()],
                cap: "三星".into(),
                why: "y".into(),
            }),
            set_in: String::new(),
        };
        assert_eq!(s.validate(), Ok(()));
        assert_eq!(
            s.level_of(Decimal::from(75)).map(|l| l.level.as_str()),
            Some("三星")
        );
        s.veto.as_mut().unwrap().cap = "四星".into();
        assert_eq!(s.validate().unwrap_err().0, "veto.cap");
        s.veto = None;
        s.levels.swap(0, 1);
        assert_eq!(s.validate().unwrap_err().0, "levels[1].min");
    }

    #[test]
    fn amounts_may_be_zero_but_not_below() {
        let ok = || Scoring {
            scheme: "x".into(),
            base: Decimal::ZERO,
            levels: vec![level(0, "合格")],
            deduct: vec![Deduction {
                rules: vec!["DUE".into()],
                points: Decimal::ZERO,
                max: Some(Decimal::ZERO),
            }],
            veto: None,
            set_in: String::new(),
        };
        assert_eq!(ok().validate(), Ok(()));
        let minus = Decimal::new(-1, 2);
        let mut s = ok();
        s.base = minus;
        assert_eq!(s.validate().unwrap_err().0, "base");
        let mut s = ok();
        s.deduct[0].points = minus;
        assert_eq!(s.validate().unwrap_err().0, "deduct[0].points");
        let mut s = ok();
        s.deduct[0].max = Some(minus);
        assert_eq!(s.validate().unwrap_err().0, "deduct[0].max");
        let mut s = ok();
        s.scheme = " ".into();
        assert_eq!(s.validate().unwrap_err().0, "scheme");
        let mut s = ok();
        s.levels.push(level(-5, "合格"));
        assert_eq!(s.validate().unwrap_err().0, "levels[1].level");
    }

    #[test]
    fn deductions_and_vetoes_select_by_code_or_prefix() {
        let v = Veto {
            rules: vec!["DUE004".into(), "MTG".into()],
            cap: "三星".into(),
            why: "y".into(),
        };
        assert!(v.applies_to(RuleCode::DUE004));
        assert!(v.applies_to(RuleCode::MTG010));
        assert!(!v.applies_to(RuleCode::DUE001));
        let d = Deduction {
            rules: vec!["DEV00".into()],
            points: Decimal::ONE,
            max: None,
        };
        assert!(d.applies_to(RuleCode::DEV001));
        assert!(!d.applies_to(RuleCode::DEV010));
    }
}
