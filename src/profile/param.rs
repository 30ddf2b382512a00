//! A parameter: a threshold's value by edition, each with its citation and
//! where it was set.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Bracket, PeriodKind, Rounding, XizeEdition};
use crate::model::{Money, PublicityStage};
use crate::vocab::Citation;
use crate::vocab::sources;

/// One edition of a parameter: its value from a date, the text it comes
/// from, and where it was set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Edition<T> {
    /// First day it applies; `None` for the first edition (always).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// The value the rules use.
    pub value: T,
    /// Where it comes from.
    pub source: Citation,
    /// Where it was set: `central`, `central-2026`, a profile file and line,
    /// or `code`.
    pub set_in: Cow<'static, str>,
}

/// A threshold of the rules: a value with its citation, possibly by
/// edition (a value in force from a date).
///
/// A rule reads the edition in force on the date of the record that
/// triggers it ([`Param::at`]), and its finding cites that edition's source.
///
/// ```
/// use dangjian::{Citation, NaiveDate, Profile};
/// let mut p = Profile::central();
/// let days = &mut p.development.publicity_min_working_days;
/// assert_eq!(*days.value(), 5);
/// days.set(7, Some(Citation::owned("某市委组织部〔2021〕5号", "第三条")));
/// assert_eq!(*days.value(), 7);
/// assert_eq!(days.source().document, "某市委组织部〔2021〕5号");
///
/// // An edition: 2 absences from 2026 on, 3 before.
/// let mut p = Profile::central();
/// let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
/// p.meetings.absence_threshold.set_from(from, 2, None);
/// assert_eq!(*p.meetings.absence_threshold.at(NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()), 3);
/// assert_eq!(*p.meetings.absence_threshold.at(from), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param<T> {
    /// The edition always in force (`from: None`).
    first: Edition<T>,
    /// Later editions, sorted by `from` (all `Some`).
    later: Vec<Edition<T>>,
}

/// The range a parameter's value must lie in (whole numbers; money in fen):
/// `min..=max`, or none. (Every bounded parameter has both ends; a
/// one-sided range had arms no parameter reached, so it is not offered.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Bounds(Option<(i64, i64)>);

impl Bounds {
    /// No range: any value of the type.
    pub(crate) const NONE: Bounds = Bounds(None);

    /// A whole-number range `min..=max`.
    pub(crate) const fn range(min: i64, max: i64) -> Bounds {
        Bounds(Some((min, max)))
    }

    fn check_int(&self, v: i64) -> Result<(), String> {
        match self.0 {
            Some((lo, hi)) if v < lo || v > hi => {
                Err(format!("{v} is out of range ({lo} to {hi})"))
            }
            _ => Ok(()),
        }
    }

    /// The range in words, for docs.
    pub(crate) fn describe(&self) -> String {
        self.describe_by(|v| v.to_string())
    }

    /// The range of an amount in fen, in yuan.
    fn describe_money(&self) -> String {
        self.describe_by(|f| Money::from_fen(f.max(0) as u64).to_string())
    }

    fn describe_by(&self, show: impl Fn(i64) -> String) -> String {
        self.0
            .map_or_else(String::new, |(lo, hi)| format!("{}–{}", show(lo), show(hi)))
    }
}

impl<T: ParamValue> Param<T> {
    /// A parameter with one edition, set in the central profile.
    pub(crate) fn central(value: T, source: Citation) -> Param<T> {
        Param {
            first: Edition {
                from: None,
                value,
                source,
                set_in: Cow::Borrowed("central"),
            },
            later: Vec::new(),
        }
    }

    /// The value of the first edition (the one in force when no date
    /// applies, and the only one unless editions were added).
    pub fn value(&self) -> &T {
        &self.first.value
    }

    /// The source of the first edition.
    pub fn source(&self) -> &Citation {
        &self.first.source
    }

    /// The value in force on `date`.
    pub fn at(&self, date: NaiveDate) -> &T {
        &self.edition_at(Some(date)).value
    }

    /// The value in force on `date`, or the first edition's when `None`.
    pub fn at_opt(&self, date: Option<NaiveDate>) -> &T {
        &self.edition_at(date).value
    }

    /// The edition in force on `date` (the first edition when `None`).
    pub fn edition_at(&self, date: Option<NaiveDate>) -> &Edition<T> {
        match date {
            None => &self.first,
            Some(d) => self
                .later
                .iter()
                .rev()
                .find(|e| e.from.is_some_and(|f| f <= d))
                .unwrap_or(&self.first),
        }
    }

    /// Every edition, the first (always in force) first.
    pub fn editions(&self) -> impl Iterator<Item = &Edition<T>> {
        std::iter::once(&self.first).chain(&self.later)
    }

    /// Whether any edition starts at a date.
    pub fn has_editions(&self) -> bool {
        !self.later.is_empty()
    }

    /// Replaces every edition by `value` with `source` (or, without one, a
    /// citation saying the value is local: 本地规定), set in code.
    pub fn set(&mut self, value: T, source: Option<Citation>) {
        self.set_in(value, source, Cow::Borrowed("code"), None);
    }

    /// Adds an edition: `value` in force from `from` (replacing an edition
    /// from the same date), with `source` or 本地规定.
    pub fn set_from(&mut self, from: NaiveDate, value: T, source: Option<Citation>) {
        self.set_in(value, source, Cow::Borrowed("code"), Some(from));
    }

    pub(crate) fn set_in(
        &mut self,
        value: T,
        source: Option<Citation>,
        set_in: Cow<'static, str>,
        from: Option<NaiveDate>,
    ) {
        let source = source.unwrap_or_else(|| local_citation(&value));
        let edition = Edition {
            from,
            value,
            source,
            set_in,
        };
        match from {
            None => {
                self.first = edition;
                self.later.clear();
            }
            Some(d) => {
                self.later.retain(|e| e.from != Some(d));
                // No edition is left from `d`, so `f >= d` finds the same
                // place as `f > d` (equivalent, listed).
                let at = self
                    .later
                    .iter()
                    .position(|e| e.from.is_some_and(|f| f > d))
                    .unwrap_or(self.later.len());
                self.later.insert(at, edition);
            }
        }
    }
}

/// "本地规定" with the value, for a value set without a source.
fn local_citation<T: ParamValue>(value: &T) -> Citation {
    Citation::owned(sources::LOCAL, format!("取值 {}", value.display()))
}

impl<T: ParamValue> Serialize for Param<T> {
    /// `{"value": .., "source": .., "set_in": .., "editions": [..later editions]}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Repr<'a, T> {
            value: &'a T,
            source: &'a Citation,
            set_in: &'a str,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            editions: &'a [Edition<T>],
        }
        Repr {
            value: &self.first.value,
            source: &self.first.source,
            set_in: &self.first.set_in,
            editions: &self.later,
        }
        .serialize(s)
    }
}

/// A parameter read back, as written by `Serialize`.
impl<'de, T: ParamValue> Deserialize<'de> for Param<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(bound = "T: ParamValue")]
        struct Repr<T> {
            value: T,
            source: Citation,
            #[serde(default)]
            set_in: Option<String>,
            #[serde(default = "Vec::new")]
            editions: Vec<Edition<T>>,
        }
        let r = Repr::<T>::deserialize(d)?;
        let mut later: Vec<Edition<T>> = r
            .editions
            .into_iter()
            .filter(|e| e.from.is_some())
            .collect();
        later.sort_by_key(|e| e.from);
        Ok(Param {
            first: Edition {
                from: None,
                value: r.value,
                source: r.source,
                set_in: Cow::Owned(r.set_in.unwrap_or_else(|| "central".to_owned())),
            },
            later,
        })
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for u32 {}
    impl Sealed for bool {}
    impl Sealed for (u32, u32) {}
    impl Sealed for crate::model::Money {}
    impl Sealed for super::PeriodKind {}
    impl Sealed for super::Rounding {}
    impl Sealed for super::XizeEdition {}
    impl Sealed for Vec<crate::model::PublicityStage> {}
    impl Sealed for Vec<super::Bracket> {}
}

/// The type of a parameter's value: it reads from a profile file, checks
/// its range and prints itself. Implemented by the crate's value types only.
pub trait ParamValue:
    sealed::Sealed
    + Clone
    + PartialEq
    + fmt::Debug
    + Serialize
    + DeserializeOwned
    + Send
    + Sync
    + 'static
{
    /// Checks the value against the parameter's bounds.
    ///
    /// # Errors
    /// A message saying what is wrong.
    fn check(&self, bounds: &Bounds) -> Result<(), String> {
        // (cargo-mutants' `Ok(())` for this default is the default itself:
        // equivalent, listed.)
        let _ = bounds;
        Ok(())
    }

    /// How the value is written in a profile file, in words.
    const KIND: &'static str;

    /// The value in words (docs, local citations, `--explain-profile`).
    fn display(&self) -> String;
}

impl ParamValue for u32 {
    const KIND: &'static str = "integer";
    fn check(&self, bounds: &Bounds) -> Result<(), String> {
        bounds.check_int(i64::from(*self))
    }
    fn display(&self) -> String {
        self.to_string()
    }
}

impl ParamValue for bool {
    const KIND: &'static str = "true or false";
    fn display(&self) -> String {
        self.to_string()
    }
}

impl ParamValue for (u32, u32) {
    const KIND: &'static str = "[least, most]";
    fn check(&self, bounds: &Bounds) -> Result<(), String> {
        bounds.check_int(i64::from(self.0))?;
        bounds.check_int(i64::from(self.1))?;
        if self.0 > self.1 {
            return Err(format!("the least {} is above the most {}", self.0, self.1));
        }
        Ok(())
    }
    fn display(&self) -> String {
        format!("{}–{}", self.0, self.1)
    }
}

impl ParamValue for Money {
    const KIND: &'static str = "money string (\"20.00\")";
    fn check(&self, bounds: &Bounds) -> Result<(), String> {
        let fen = (self.decimal() * Decimal::ONE_HUNDRED)
            .trunc()
            .try_into()
            .unwrap_or(i64::MAX);
        bounds
            .check_int(fen)
            .map_err(|_| format!("{self} is out of range ({} yuan)", bounds.describe_money()))
    }
    fn display(&self) -> String {
        self.to_string()
    }
}

impl ParamValue for PeriodKind {
    const KIND: &'static str = "\"month\", \"quarter\", \"half_year\" or \"year\"";
    fn display(&self) -> String {
        self.as_str().to_owned()
    }
}

impl ParamValue for Rounding {
    const KIND: &'static str = "\"fen\", \"jiao\" or \"yuan\"";
    fn display(&self) -> String {
        match self {
            Rounding::Fen => "fen",
            Rounding::Jiao => "jiao",
            Rounding::Yuan => "yuan",
        }
        .to_owned()
    }
}

impl ParamValue for XizeEdition {
    const KIND: &'static str = "\"2014\" or \"2026\"";
    fn display(&self) -> String {
        self.as_str().to_owned()
    }
}

impl ParamValue for Vec<PublicityStage> {
    const KIND: &'static str = "list of \"activist\", \"candidate\", \"admission\", \"conversion\"";
    fn display(&self) -> String {
        let v: Vec<&str> = self.iter().map(|s| s.as_str()).collect();
        v.join(", ")
    }
}

impl ParamValue for Vec<Bracket> {
    const KIND: &'static str = "list of { up_to = \"3000.00\", rate = \"0.005\" } (last: no up_to)";
    fn check(&self, _bounds: &Bounds) -> Result<(), String> {
        if self.is_empty() {
            return Err("a rate table needs at least one bracket".to_owned());
        }
        let mut last: Option<Money> = None;
        for (i, b) in self.iter().enumerate() {
            if b.rate < Decimal::ZERO || b.rate > Decimal::ONE {
                return Err(format!(
                    "bracket {}: rate {} is not between 0 and 1 (0.005 = 0.5%)",
                    i + 1,
                    b.rate
                ));
            }
            match (b.up_to, i + 1 == self.len()) {
                (None, false) => {
                    return Err(format!(
                        "bracket {}: only the last bracket may have no upper bound",
                        i + 1
                    ));
                }
                (Some(up), _) => {
                    if last.is_some_and(|l| up <= l) {
                        return Err(format!(
                            "bracket {}: upper bounds must increase ({up})",
                            i + 1
                        ));
                    }
                    last = Some(up);
                }
                (None, true) => {}
            }
        }
        Ok(())
    }
    fn display(&self) -> String {
        let parts: Vec<String> = self
            .iter()
            .map(|b| {
                let pct = format!("{}%", (b.rate * Decimal::ONE_HUNDRED).normalize());
                match b.up_to {
                    Some(up) => format!("≤{up}: {pct}"),
                    None => format!("above: {pct}"),
                }
            })
            .collect();
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_holds_both_ends() {
        let b = Bounds::range(1, 60);
        assert_eq!(b.check_int(1), Ok(()));
        assert_eq!(b.check_int(60), Ok(()));
        assert_eq!(
            b.check_int(0),
            Err("0 is out of range (1 to 60)".to_owned())
        );
        assert_eq!(
            b.check_int(61),
            Err("61 is out of range (1 to 60)".to_owned())
        );
        assert_eq!(b.describe(), "1–60");
        assert_eq!(Bounds::NONE.check_int(i64::MIN), Ok(()));
        assert_eq!(Bounds::NONE.describe(), "");
        // The values' own checks go through it.
        assert!(7u32.check(&Bounds::range(1, 6)).is_err());
        assert!((2u32, 3u32).check(&Bounds::range(1, 5)).is_ok());
        assert!((2u32, 6u32).check(&Bounds::range(1, 5)).is_err());
        assert!((0u32, 3u32).check(&Bounds::range(1, 5)).is_err());
        assert!((3u32, 3u32).check(&Bounds::range(1, 5)).is_ok());
        let e = (3u32, 2u32).check(&Bounds::range(1, 5)).unwrap_err();
        assert_eq!(e, "the least 3 is above the most 2");
    }

    #[test]
    fn money_is_bounded_in_fen_and_said_in_yuan() {
        let b = Bounds::range(0, 100_000);
        let m = |s: &str| s.parse::<Money>().unwrap();
        assert_eq!(m("1000.00").check(&b), Ok(()));
        assert_eq!(m("0.00").check(&b), Ok(()));
        let e = m("1000.01").check(&b).unwrap_err();
        assert_eq!(e, "1000.01 is out of range (0.00–1000.00 yuan)");
        assert_eq!(Bounds::NONE.describe_money(), "");
    }

    #[test]
    fn editions_stay_in_date_order_and_replace_their_day() {
        let d = crate::testing::d;
        let mut p = crate::Profile::central().meetings.absence_threshold;
        let first = *p.value();
        assert!(!p.has_editions());
        p.set_from(d("2026-01-01"), 3, None);
        p.set_from(d("2025-01-01"), 2, None);
        p.set_from(d("2027-01-01"), 5, None);
        p.set_from(d("2026-01-01"), 4, None);
        assert!(p.has_editions());
        let got: Vec<(Option<String>, u32)> = p
            .editions()
            .map(|e| (e.from.map(|f| f.to_string()), e.value))
            .collect();
        assert_eq!(
            got,
            [
                (None, first),
                (Some("2025-01-01".into()), 2),
                (Some("2026-01-01".into()), 4),
                (Some("2027-01-01".into()), 5)
            ]
        );
        assert_eq!(*p.at(d("2024-12-31")), first);
        assert_eq!(*p.at(d("2025-01-01")), 2);
        assert_eq!(*p.at(d("2026-12-31")), 4);
        assert_eq!(*p.at(d("2030-01-01")), 5);
        assert_eq!(*p.at_opt(None), first);
        assert_eq!(
            p.edition_at(Some(d("2026-06-01"))).source.document,
            crate::vocab::sources::LOCAL
        );
        // Set without a date: one edition again.
        p.set(6, None);
        assert!(!p.has_editions());
        assert_eq!(*p.at(d("2030-01-01")), 6);
    }

    #[test]
    fn a_rate_table_is_checked_bracket_by_bracket() {
        let b = |up_to: Option<&str>, rate: &str| Bracket {
            up_to: up_to.map(|u| u.parse().unwrap()),
            rate: rate.parse().unwrap(),
        };
        let none = Bounds::NONE;
        let ok = vec![
            b(Some("3000.00"), "0"),
            b(Some("5000.00"), "0.01"),
            b(None, "1"),
        ];
        assert_eq!(ok.check(&none), Ok(()));
        assert!(
            Vec::<Bracket>::new()
                .check(&none)
                .unwrap_err()
                .contains("at least one")
        );
        for (table, says) in [
            (
                vec![b(None, "-0.001")],
                "bracket 1: rate -0.001 is not between 0 and 1",
            ),
            (
                vec![b(Some("1.00"), "0.01"), b(None, "1.001")],
                "bracket 2: rate 1.001",
            ),
            (
                vec![b(None, "0.01"), b(None, "0.02")],
                "bracket 1: only the last",
            ),
            (
                vec![
                    b(Some("5.00"), "0.01"),
                    b(Some("5.00"), "0.02"),
                    b(None, "0.03"),
                ],
                "bracket 2: upper bounds must increase",
            ),
        ] {
            let e = table.check(&none).unwrap_err();
            assert!(e.starts_with(says), "{e}");
        }
    }
}
