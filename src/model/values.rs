//! Validated value types: ids, money, hours, months, date ranges and periods.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use compact_str::CompactString;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Error returned when a string is not a valid value of one of this module's types.
///
/// It is deliberately small and opaque; its [`Display`](fmt::Display) says what
/// was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseValueError {
    expected: &'static str,
    input: String,
}

impl ParseValueError {
    pub(crate) fn new(expected: &'static str, input: &str) -> Self {
        let mut input = input.to_owned();
        if input.len() > 40 {
            let mut cut = 40;
            while !input.is_char_boundary(cut) {
                cut -= 1;
            }
            input.truncate(cut);
            input.push('…');
        }
        ParseValueError { expected, input }
    }
}

impl fmt::Display for ParseValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {:?}", self.expected, self.input)
    }
}

impl std::error::Error for ParseValueError {}

// ---------------------------------------------------------------------------
// Id

/// The id of a record (member, candidate, group, meeting, branch): a non-empty string.
///
/// Ids are unique within their table in one bundle; a duplicate is reported as
/// `DAT002`, not rejected.
///
/// ```
/// use dangjian::Id;
/// let id: Id = "M03".parse()?;
/// assert_eq!(id.as_str(), "M03");
/// assert!("".parse::<Id>().is_err());
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Id(CompactString);

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

// Hash as the `str` it borrows as (the `Borrow<str>` contract).
impl std::hash::Hash for Id {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Id {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An id the crate built itself from a non-empty pattern (the synthetic
    /// data generator, [`crate::synth`]); ids from outside go through
    /// [`FromStr`] or [`TryFrom`] and are validated.
    pub(crate) fn generated(s: String) -> Id {
        debug_assert!(!s.trim().is_empty(), "generated ids are never empty");
        Id(CompactString::from(s))
    }
}

impl FromStr for Id {
    type Err = ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().is_empty() {
            Err(ParseValueError::new("id (must be a non-empty string)", s))
        } else {
            Ok(Id(CompactString::new(s)))
        }
    }
}

impl TryFrom<String> for Id {
    type Error = ParseValueError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if s.trim().is_empty() {
            Err(ParseValueError::new("id (must be a non-empty string)", &s))
        } else {
            Ok(Id(CompactString::from(s)))
        }
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Borrowed from the input when it has no escapes; ids up to 24 bytes
        // are then stored inline, without an allocation.
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        if s.trim().is_empty() {
            Err(de::Error::custom(ParseValueError::new(
                "id (must be a non-empty string)",
                &s,
            )))
        } else {
            Ok(Id(CompactString::new(&s)))
        }
    }
}

// ---------------------------------------------------------------------------
// Money

/// An amount of money in yuan, exact to the fen.
///
/// In JSON it is a **string** with at most two decimals (`"127.50"`); a JSON
/// number is rejected because binary floats lose cents. Negative amounts are
/// rejected. Inside it is a [`rust_decimal::Decimal`].
///
/// ```
/// use dangjian::Money;
/// let m: Money = "127.50".parse()?;
/// assert_eq!(m.to_string(), "127.50");
/// assert!("1.005".parse::<Money>().is_err());
/// assert!(serde_json::from_str::<Money>("127.5").is_err());
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Zero yuan.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Wraps a decimal amount; `None` if it is negative or has more than 2 decimals.
    pub fn new(value: Decimal) -> Option<Money> {
        let v = value.normalize();
        if v.is_sign_negative() && !v.is_zero() || v.scale() > 2 {
            None
        } else {
            Some(Money(value))
        }
    }

    /// Money from a whole number of fen (1/100 yuan).
    pub fn from_fen(fen: u64) -> Money {
        Money(Decimal::from(fen) / Decimal::ONE_HUNDRED)
    }

    /// The amount as a decimal number of yuan.
    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// Sum, saturating at the decimal's range (never reached by real amounts).
    pub fn saturating_add(self, other: Money) -> Money {
        Money(self.0.saturating_add(other.0))
    }

    /// `self - other`, or zero when `other` is larger.
    pub fn saturating_sub(self, other: Money) -> Money {
        if other.0 >= self.0 {
            Money::ZERO
        } else {
            Money(self.0 - other.0)
        }
    }
}

impl FromStr for Money {
    type Err = ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str =
            "amount of money (a string like \"127.50\", at most 2 decimals, not negative)";
        let t = s.trim();
        let ok_chars = !t.is_empty()
            && t.chars().all(|c| c.is_ascii_digit() || c == '.')
            && t.chars().filter(|&c| c == '.').count() <= 1
            && !t.starts_with('.')
            && !t.ends_with('.');
        if !ok_chars {
            return Err(ParseValueError::new(WHAT, s));
        }
        let d = Decimal::from_str(t).map_err(|_| ParseValueError::new(WHAT, s))?;
        if d.scale() > 2 {
            return Err(ParseValueError::new(WHAT, s));
        }
        Ok(Money(d))
    }
}

impl fmt::Display for Money {
    /// Always two decimals: `127.50`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = self.0;
        d.rescale(2);
        write!(f, "{d}")
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({self})")
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("money as a JSON string like \"127.50\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                Err(E::custom(format_args!(
                    "money must be a JSON string like \"{v:.2}\", not the number {v} (floats lose cents)"
                )))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                Err(E::custom(format_args!(
                    "money must be a JSON string like \"{v}.00\", not the number {v} (floats lose cents)"
                )))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                Err(E::custom(format_args!(
                    "money must be a JSON string, not the number {v}"
                )))
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------
// Hours

/// A number of hours with at most two decimals (`"2.5"`, `"0.75"` = 45
/// minutes, or `2.5` in JSON; format v1.1 — v1 allowed one).
///
/// ```
/// use dangjian::Hours;
/// let h: Hours = serde_json::from_str("2.5").unwrap();
/// assert_eq!(h, "2.5".parse()?);
/// assert_eq!("0.75".parse::<Hours>()?.to_string(), "0.75");
/// assert!("2.255".parse::<Hours>().is_err());
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hours(Decimal);

impl Hours {
    /// Zero hours.
    pub const ZERO: Hours = Hours(Decimal::ZERO);

    /// Wraps a decimal; `None` if negative or with more than two decimals.
    pub fn new(value: Decimal) -> Option<Hours> {
        let v = value.normalize();
        if v.is_sign_negative() && !v.is_zero() || v.scale() > 2 {
            None
        } else {
            Some(Hours(value))
        }
    }

    /// The hours as a decimal.
    pub fn decimal(self) -> Decimal {
        self.0
    }
}

impl FromStr for Hours {
    type Err = ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "hours (a number with at most 2 decimals, not negative)";
        let t = s.trim();
        if t.is_empty() || t.starts_with('-') || t.starts_with('+') {
            return Err(ParseValueError::new(WHAT, s));
        }
        let d = Decimal::from_str(t).map_err(|_| ParseValueError::new(WHAT, s))?;
        Hours::new(d).ok_or_else(|| ParseValueError::new(WHAT, s))
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl fmt::Debug for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hours({self})")
    }
}

impl Serialize for Hours {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Hours;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("hours as a string or number with at most 2 decimals")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Hours, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Hours, E> {
                Ok(Hours(Decimal::from(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Hours, E> {
                Hours::new(Decimal::from(v))
                    .ok_or_else(|| E::custom(format_args!("hours must not be negative: {v}")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Hours, E> {
                // `{}` prints the shortest decimal that round-trips, so 2.5 is "2.5".
                let s = format!("{v}");
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------------------
// YearMonth

/// A calendar month, `YYYY-MM` in JSON.
///
/// ```
/// use dangjian::YearMonth;
/// let m: YearMonth = "2025-02".parse()?;
/// assert_eq!(m.last_day().to_string(), "2025-02-28");
/// assert_eq!(m.succ().to_string(), "2025-03");
/// assert_eq!(m.months_until("2026-01".parse()?), 11);
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    // months since year 0: year * 12 + (month - 1); ordering and arithmetic are trivial.
    index: i32,
}

impl YearMonth {
    /// The month `month` (1–12) of `year`; `None` if out of range.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        if !(1..=12).contains(&month) || !(1..=9999).contains(&year) {
            return None;
        }
        Some(YearMonth {
            index: year * 12 + month as i32 - 1,
        })
    }

    /// The month containing `date`.
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            index: date.year() * 12 + date.month0() as i32,
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.index.div_euclid(12)
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.index.rem_euclid(12) as u32 + 1
    }

    /// The quarter, 1–4.
    pub fn quarter(self) -> u32 {
        (self.month() - 1) / 3 + 1
    }

    /// The first day of the month.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year(), self.month(), 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the month.
    pub fn last_day(self) -> NaiveDate {
        self.succ().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    /// The following month.
    pub fn succ(self) -> YearMonth {
        self.offset(1)
    }

    /// The preceding month.
    pub fn pred(self) -> YearMonth {
        self.offset(-1)
    }

    /// This month moved by `n` months (negative: back).
    pub fn offset(self, n: i32) -> YearMonth {
        YearMonth {
            index: self.index.saturating_add(n),
        }
    }

    /// Number of months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        later.index - self.index
    }

    /// The month in Chinese: `2025年3月`.
    pub fn zh(self) -> String {
        format!("{}年{}月", self.year(), self.month())
    }

    /// The inclusive range of days of this month.
    pub fn range(self) -> DateRange {
        DateRange {
            from: self.first_day(),
            to: self.last_day(),
        }
    }

    /// Iterates the months `self..=last` (empty if `last < self`).
    pub fn iter_to(self, last: YearMonth) -> impl Iterator<Item = YearMonth> {
        (self.index..=last.index).map(|index| YearMonth { index })
    }
}

impl FromStr for YearMonth {
    type Err = ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseValueError::new("month (YYYY-MM)", s);
        let (y, m) = s.split_once('-').ok_or_else(err)?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let y: i32 = y.parse().map_err(|_| err())?;
        let m: u32 = m.parse().map_err(|_| err())?;
        YearMonth::new(y, m).ok_or_else(err)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl fmt::Debug for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "YearMonth({self})")
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

// ---------------------------------------------------------------------------
// Dates

/// `date` plus `n` calendar months, the day clamped to the end of the target
/// month (31 January + 1 month = 28 or 29 February). This is the convention of
/// "within N months" throughout the rules: the deadline day itself is on time.
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2025, 1, 31).unwrap();
/// assert_eq!(dangjian::add_months(d, 1), NaiveDate::from_ymd_opt(2025, 2, 28).unwrap());
/// ```
pub fn add_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// `date` minus `n` calendar months, clamped like [`add_months`].
pub fn sub_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(n))
        .unwrap_or(NaiveDate::MIN)
}

/// Parses a `YYYY-MM-DD` date strictly, with a message that says what is wrong.
///
/// ```
/// assert!(dangjian::parse_date("2025-02-28").is_ok());
/// let e = dangjian::parse_date("2025-02-30").unwrap_err();
/// assert!(e.to_string().contains("2025-02-30"));
/// ```
///
/// # Errors
/// When `s` is not ten characters `YYYY-MM-DD` naming a day that exists.
pub fn parse_date(s: &str) -> Result<NaiveDate, ParseValueError> {
    // Hand-parsed: this is the hottest path of reading (every record has
    // dates), and chrono's format-string parser is several times slower.
    let b = s.as_bytes();
    let digit = |i: usize| {
        b.get(i)
            .filter(|c| c.is_ascii_digit())
            .map(|c| u32::from(c - b'0'))
    };
    let num = |from: usize, to: usize| -> Option<u32> {
        (from..to).try_fold(0u32, |acc, i| digit(i).map(|d| acc * 10 + d))
    };
    let shape = b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-');
    let parts = if shape {
        num(0, 4).zip(num(5, 7)).zip(num(8, 10))
    } else {
        None
    };
    let Some(((y, m), d)) = parts else {
        return Err(ParseValueError::new("date (YYYY-MM-DD)", s));
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
        .ok_or_else(|| ParseValueError::new("date (no such day in the calendar)", s))
}

/// `s` cut to at most `max` bytes (on a char boundary), with `…` when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut cut = max;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…", &s[..cut])
}

pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
    parse_date(&s).map_err(de::Error::custom)
}

pub(crate) fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<std::borrow::Cow<'de, str>>::deserialize(d)? {
        None => Ok(None),
        Some(s) => parse_date(&s).map(Some).map_err(de::Error::custom),
    }
}

/// An inclusive range of days, `{"from": "2025-01-01", "to": "2025-12-31"}`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
pub struct DateRange {
    /// First day, inclusive.
    pub from: NaiveDate,
    /// Last day, inclusive.
    pub to: NaiveDate,
}

impl DateRange {
    /// The range `from..=to`; `None` if `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<DateRange> {
        (from <= to).then_some(DateRange { from, to })
    }

    /// The days of the months `first..=last` (first day of `first` to last day
    /// of `last`).
    pub fn of_months(first: YearMonth, last: YearMonth) -> DateRange {
        DateRange {
            from: first.first_day(),
            to: last.last_day(),
        }
    }

    /// A single day.
    pub fn day(date: NaiveDate) -> DateRange {
        DateRange {
            from: date,
            to: date,
        }
    }

    /// The whole calendar year.
    pub fn year(year: i32) -> DateRange {
        let first = YearMonth::new(year, 1).unwrap_or(YearMonth { index: 0 });
        DateRange {
            from: first.first_day(),
            to: first.offset(11).last_day(),
        }
    }

    /// Whether `date` lies in the range.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }

    /// Whether the two ranges share at least one day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// Number of days in the range.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The first and last month touched by the range.
    pub fn months(&self) -> (YearMonth, YearMonth) {
        (YearMonth::of(self.from), YearMonth::of(self.to))
    }
}

/// A calendar period: `YYYY`, `YYYY-Hn` (a half-year), `YYYY-Qn` or
/// `YYYY-MM`. A meeting's `for_period` is one of these.
///
/// ```
/// use dangjian::PeriodSpec;
/// let p: PeriodSpec = "2024-Q4".parse()?;
/// assert_eq!(p.range().from.to_string(), "2024-10-01");
/// assert_eq!(p.to_string(), "2024-Q4");
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum PeriodSpec {
    /// A calendar year.
    Year(i32),
    /// A half-year (1: January–June, 2: July–December).
    Half(i32, u32),
    /// A quarter (1–4) of a year.
    Quarter(i32, u32),
    /// A month.
    Month(YearMonth),
}

impl PeriodSpec {
    /// The days the period covers.
    pub fn range(self) -> DateRange {
        match self {
            PeriodSpec::Year(y) => DateRange::year(y),
            PeriodSpec::Half(y, h) => {
                let first = YearMonth::new(y, (h.clamp(1, 2) - 1) * 6 + 1)
                    .unwrap_or(YearMonth { index: 0 });
                DateRange {
                    from: first.first_day(),
                    to: first.offset(5).last_day(),
                }
            }
            PeriodSpec::Quarter(y, q) => {
                let first = YearMonth::new(y, (q.clamp(1, 4) - 1) * 3 + 1)
                    .unwrap_or(YearMonth { index: 0 });
                DateRange {
                    from: first.first_day(),
                    to: first.offset(2).last_day(),
                }
            }
            PeriodSpec::Month(m) => m.range(),
        }
    }
}

impl FromStr for PeriodSpec {
    type Err = ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ParseValueError::new("period (YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM)", s);
        let year = |y: &str| -> Result<i32, ParseValueError> {
            if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
                y.parse::<i32>().ok().filter(|y| *y >= 1).ok_or_else(err)
            } else {
                Err(err())
            }
        };
        match s.split_once('-') {
            None => Ok(PeriodSpec::Year(year(s)?)),
            Some((y, q)) if q.starts_with('Q') => {
                let y = year(y)?;
                match q {
                    "Q1" => Ok(PeriodSpec::Quarter(y, 1)),
                    "Q2" => Ok(PeriodSpec::Quarter(y, 2)),
                    "Q3" => Ok(PeriodSpec::Quarter(y, 3)),
                    "Q4" => Ok(PeriodSpec::Quarter(y, 4)),
                    _ => Err(err()),
                }
            }
            Some((y, h)) if h.starts_with('H') => {
                let y = year(y)?;
                match h {
                    "H1" => Ok(PeriodSpec::Half(y, 1)),
                    "H2" => Ok(PeriodSpec::Half(y, 2)),
                    _ => Err(err()),
                }
            }
            Some(_) => Ok(PeriodSpec::Month(s.parse().map_err(|_| err())?)),
        }
    }
}

impl fmt::Display for PeriodSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodSpec::Year(y) => write!(f, "{y:04}"),
            PeriodSpec::Half(y, h) => write!(f, "{y:04}-H{h}"),
            PeriodSpec::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            PeriodSpec::Month(m) => write!(f, "{m}"),
        }
    }
}

impl Serialize for PeriodSpec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PeriodSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_parses_strings_and_rejects_numbers() {
        assert_eq!("3000.01".parse::<Money>().unwrap().to_string(), "3000.01");
        assert_eq!("7".parse::<Money>().unwrap().to_string(), "7.00");
        for bad in ["", "-1", "1.005", "1e3", " ", ".5", "5.", "1,000", "NaN"] {
            assert!(bad.parse::<Money>().is_err(), "{bad:?} accepted");
        }
        let e = serde_json::from_str::<Money>("127.5")
            .unwrap_err()
            .to_string();
        assert!(e.contains("not the number"), "{e}");
        let e = serde_json::from_str::<Money>("12").unwrap_err().to_string();
        assert!(e.contains("not the number"), "{e}");
    }

    #[test]
    fn hours_accept_numbers_and_strings() {
        let h: Hours = serde_json::from_str("31.5").unwrap();
        assert_eq!(h.to_string(), "31.5");
        let h: Hours = serde_json::from_str("\"2\"").unwrap();
        assert_eq!(h.to_string(), "2");
        assert_eq!(
            serde_json::from_str::<Hours>("2.25").unwrap().to_string(),
            "2.25"
        );
        assert!(serde_json::from_str::<Hours>("2.255").is_err());
        assert!(serde_json::from_str::<Hours>("-1").is_err());
    }

    #[test]
    fn year_month_arithmetic() {
        let m: YearMonth = "2024-12".parse().unwrap();
        assert_eq!(m.succ().to_string(), "2025-01");
        assert_eq!(m.succ().pred(), m);
        assert_eq!(
            "2024-02"
                .parse::<YearMonth>()
                .unwrap()
                .last_day()
                .to_string(),
            "2024-02-29"
        );
        assert_eq!(m.quarter(), 4);
        assert!("2025-13".parse::<YearMonth>().is_err());
        assert!("2025-1".parse::<YearMonth>().is_err());
        assert_eq!(m.iter_to(m.offset(2)).count(), 3);
        assert_eq!(m.iter_to(m.pred()).count(), 0);
    }

    #[test]
    fn period_spec_round_trips() {
        for s in [
            "2024", "2024-Q1", "2024-Q4", "2024-07", "2024-H1", "2024-H2",
        ] {
            assert_eq!(s.parse::<PeriodSpec>().unwrap().to_string(), s);
        }
        for bad in ["24", "2024-Q5", "2024-13", "2024-Q", "x", "2024-H3"] {
            assert!(bad.parse::<PeriodSpec>().is_err(), "{bad}");
        }
        let q = "2025-Q1".parse::<PeriodSpec>().unwrap().range();
        assert_eq!(q.to.to_string(), "2025-03-31");
        let h = "2025-H2".parse::<PeriodSpec>().unwrap().range();
        assert_eq!(
            (h.from.to_string(), h.to.to_string()),
            ("2025-07-01".into(), "2025-12-31".into())
        );
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert_eq!(parse_date("0001-01-01").unwrap().to_string(), "0001-01-01");
        for bad in [
            "2025-02-29",
            "2025-02-30",
            "2025-13-01",
            "2025-00-10",
            "2025-01-00",
            "2025-1-01",
            "2025-01-1",
            "20250101",
            "2025/01/01",
            "+025-01-01",
            "2025-01-01 ",
            "",
            "２０２５-01-01",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn add_months_clamps() {
        let d = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap();
        assert_eq!(add_months(d, 1).to_string(), "2024-02-29");
        assert_eq!(add_months(d, 12).to_string(), "2025-01-31");
        assert_eq!(sub_months(d, 1).to_string(), "2023-12-31");
    }
}
