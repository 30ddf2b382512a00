//! Calendar months.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};

use super::{DateRange, ParseValueError};

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
    /// The month with this index (months since year 0).
    pub(crate) const fn from_index(index: i32) -> YearMonth {
        YearMonth { index }
    }

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
        super::strs::from_str(d, "a month string YYYY-MM", str::parse::<YearMonth>)
    }
}
