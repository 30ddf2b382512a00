//! Dates, date ranges and calendar periods.

use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};

use super::{ParseValueError, YearMonth};

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
    super::strs::from_str(d, "a date string YYYY-MM-DD", parse_date)
}

pub(crate) fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    super::strs::opt_from_str(d, "a date string YYYY-MM-DD or null", parse_date)
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
        let first = YearMonth::new(year, 1).unwrap_or(YearMonth::from_index(0));
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
                    .unwrap_or(YearMonth::from_index(0));
                DateRange {
                    from: first.first_day(),
                    to: first.offset(5).last_day(),
                }
            }
            PeriodSpec::Quarter(y, q) => {
                let first = YearMonth::new(y, (q.clamp(1, 4) - 1) * 3 + 1)
                    .unwrap_or(YearMonth::from_index(0));
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
        super::strs::from_str(
            d,
            "a period string YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM",
            str::parse::<PeriodSpec>,
        )
    }
}
