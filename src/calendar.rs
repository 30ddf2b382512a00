//! Working days: the [`WorkCalendar`] trait and its implementations.

use chrono::{Datelike, NaiveDate, Weekday};

/// Tells which days are working days, for counting publicity (公示) windows.
///
/// Implement it to plug in a local calendar.
pub trait WorkCalendar: Send + Sync {
    /// Whether `date` is a working day.
    fn is_workday(&self, date: NaiveDate) -> bool;

    /// Whether the calendar really knows `date` (rather than falling back to
    /// Monday–Friday). Findings that counted days the calendar does not cover
    /// say so in their evidence.
    fn covers(&self, date: NaiveDate) -> bool {
        let _ = date;
        true
    }

    /// A short name for evidence, e.g. `prc` or `weekdays`.
    fn name(&self) -> &str;

    /// Number of working days in `from..=to` (0 if `to < from`).
    fn working_days(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        from.iter_days()
            .take_while(|d| *d <= to)
            .filter(|d| self.is_workday(*d))
            .count() as u32
    }
}

/// Monday to Friday, no holidays.
#[derive(Clone, Copy, Debug, Default)]
pub struct Weekdays;

impl WorkCalendar for Weekdays {
    fn is_workday(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
    }
    fn name(&self) -> &str {
        "weekdays"
    }
}

/// The calendar an [`Auditor`](crate::Auditor) uses unless told otherwise.
pub fn default_calendar() -> std::sync::Arc<dyn WorkCalendar> {
    std::sync::Arc::new(Weekdays)
}
