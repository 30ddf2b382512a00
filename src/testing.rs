//! Helpers for the unit tests.

use chrono::NaiveDate;

/// The date `s` (`YYYY-MM-DD`); panics on a bad date.
pub(crate) fn d(s: &str) -> NaiveDate {
    crate::parse_date(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}
