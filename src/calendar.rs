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
        // (cargo-mutants' `true` for this body is the body itself:
        // equivalent, listed in .cargo/mutants-equivalent.txt.)
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

/// The PRC working-day calendar: Monday to Friday, minus the State Council's
/// public holidays, plus the 调休 swap workdays (weekend days worked in
/// exchange for a longer holiday), from the maintained
/// [`chinese_holiday`](https://crates.io/crates/chinese_holiday) data.
///
/// The data covers [`Prc::FIRST`] to [`Prc::LAST`]. Outside that range the
/// calendar falls back to Monday–Friday and [`WorkCalendar::covers`] says
/// `false`, so that a finding which counted such days can say so. It never
/// panics, whatever the date.
///
/// ```
/// use chrono::NaiveDate;
/// use dangjian::calendar::{Prc, WorkCalendar};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // National Day 2025: 1–8 October off, Saturday 11 October worked (调休).
/// assert!(!Prc.is_workday(day(2025, 10, 1)));
/// assert!(Prc.is_workday(day(2025, 10, 11)));
/// // Monday 29 September to Thursday 9 October: 3 working days, not 9.
/// assert_eq!(Prc.working_days(day(2025, 9, 29), day(2025, 10, 9)), 3);
/// // Outside the data: Monday–Friday, and `covers` says so.
/// assert!(!Prc.covers(day(2030, 1, 1)));
/// assert!(!Prc.is_workday(day(2030, 1, 5)));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Prc;

impl Prc {
    /// The first day the holiday data covers.
    pub const FIRST: NaiveDate = match NaiveDate::from_ymd_opt(2004, 1, 1) {
        Some(d) => d,
        None => NaiveDate::MIN,
    };
    /// The last day the holiday data covers.
    pub const LAST: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 25) {
        Some(d) => d,
        None => NaiveDate::MIN,
    };
}

impl WorkCalendar for Prc {
    fn is_workday(&self, date: NaiveDate) -> bool {
        if !self.covers(date) {
            return Weekdays.is_workday(date);
        }
        // Guarded above: the year is 2004..=2026, so these conversions cannot
        // fail and the crate's range assertion holds.
        let (Ok(y), Ok(m), Ok(d)) = (
            u16::try_from(date.year()),
            u8::try_from(date.month()),
            u8::try_from(date.day()),
        ) else {
            return Weekdays.is_workday(date);
        };
        chinese_holiday::chinese_holiday((y, m, d)).is_workday()
    }

    fn covers(&self, date: NaiveDate) -> bool {
        Prc::FIRST <= date && date <= Prc::LAST
    }

    fn name(&self) -> &str {
        "prc"
    }
}

/// Whether `calendar` covers every day of `from..=to` (see
/// [`WorkCalendar::covers`]); `true` for an empty range.
pub fn covers_range(calendar: &dyn WorkCalendar, from: NaiveDate, to: NaiveDate) -> bool {
    from.iter_days()
        .take_while(|d| *d <= to)
        .all(|d| calendar.covers(d))
}

/// The calendar an [`Auditor`](crate::Auditor) uses unless told otherwise:
/// the PRC calendar ([`Prc`]).
pub fn default_calendar() -> std::sync::Arc<dyn WorkCalendar> {
    std::sync::Arc::new(Prc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn public_holiday_on_a_weekday_is_not_a_workday() {
        // 2025-10-01 (Wednesday), National Day.
        assert!(Weekdays.is_workday(day(2025, 10, 1)));
        assert!(!Prc.is_workday(day(2025, 10, 1)));
        // 2025-01-29 (Wednesday), Spring Festival.
        assert!(!Prc.is_workday(day(2025, 1, 29)));
    }

    #[test]
    fn tiaoxiu_weekend_day_is_a_workday() {
        // Saturday 2025-02-08 and Sunday 2025-01-26 were worked (Spring Festival swap).
        assert!(!Weekdays.is_workday(day(2025, 2, 8)));
        assert!(Prc.is_workday(day(2025, 2, 8)));
        assert!(Prc.is_workday(day(2025, 1, 26)));
        // An ordinary Saturday is not.
        assert!(!Prc.is_workday(day(2025, 3, 8)));
    }

    #[test]
    fn counts_across_a_holiday_and_a_swap_day() {
        // Friday 24 Jan .. Friday 7 Feb 2025: 24, 26 (Sun, worked), 27, 5, 6, 7.
        assert_eq!(Prc.working_days(day(2025, 1, 24), day(2025, 2, 7)), 6);
        assert_eq!(Weekdays.working_days(day(2025, 1, 24), day(2025, 2, 7)), 11);
        assert_eq!(Prc.working_days(day(2025, 2, 7), day(2025, 1, 24)), 0);
    }

    #[test]
    fn falls_back_outside_the_data_without_panicking() {
        for d in [
            day(2003, 12, 31),
            day(2026, 12, 26),
            day(2027, 10, 1),
            day(1999, 1, 1),
            day(2200, 6, 1),
            NaiveDate::MIN,
            NaiveDate::MAX,
        ] {
            assert!(!Prc.covers(d));
            assert_eq!(Prc.is_workday(d), Weekdays.is_workday(d), "{d}");
        }
        assert!(Prc.covers(Prc::FIRST) && Prc.covers(Prc::LAST));
        // 2027-10-01 is a Friday: a workday by the fallback.
        assert!(Prc.is_workday(day(2027, 10, 1)));
        assert!(!covers_range(&Prc, day(2026, 12, 20), day(2026, 12, 31)));
        assert!(covers_range(&Prc, day(2026, 12, 1), day(2026, 12, 25)));
        // Counting across the end of the data works and does not panic.
        assert_eq!(Prc.working_days(day(2026, 12, 21), day(2027, 1, 1)), 10);
    }

    #[test]
    fn weekdays_cover_every_day_and_are_named() {
        // A calendar without holiday data knows every day (the trait's
        // default): findings counted with it say nothing about coverage.
        for d in [
            day(1999, 1, 1),
            day(2025, 10, 1),
            NaiveDate::MIN,
            NaiveDate::MAX,
        ] {
            assert!(Weekdays.covers(d), "{d}");
        }
        assert_eq!(Weekdays.name(), "weekdays");
        assert_eq!(Prc.name(), "prc");
        assert_eq!(default_calendar().name(), "prc");
    }
}
