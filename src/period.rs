//! Calendar periods — months, quarters, half-years and years — and which of
//! them a period rule checks.
//!
//! Every periodic obligation of a branch (a 支部党员大会 each quarter, a
//! 支委会 each month, an annual 组织生活会, 32 training hours a year…) is
//! checked the same way, and this module is the one place that knows how:
//!
//! - A period is a [`PeriodSpec`]: `2025`, `2025-Q3` or `2025-07`.
//! - A meeting counts for the period of the rule's [`PeriodKind`] that
//!   contains its date, unless its `for_period` says otherwise
//!   ([`counts_for`]): an annual 组织生活会 for 2024 held on 2025-01-16 with
//!   `for_period: "2024"` counts for 2024, and not for 2025.
//! - A period is checked only once it has ended on or before `as_of`, and only
//!   if it overlaps both the audit period and the time the branch (or the
//!   member, the group, the committee) was active ([`checked`]).
//!
//! ```
//! use chrono::NaiveDate;
//! use dangjian::period::{containing, counts_for, periods};
//! use dangjian::profile::PeriodKind;
//! use dangjian::{DateRange, PeriodSpec};
//!
//! let d = |s: &str| dangjian::parse_date(s).unwrap();
//! assert_eq!(containing(PeriodKind::Quarter, d("2025-09-30")).to_string(), "2025-Q3");
//!
//! // An annual meeting for 2024, held in January 2025.
//! let for_2024: PeriodSpec = "2024".parse()?;
//! let p = counts_for(PeriodKind::Year, d("2025-01-16"), Some(for_2024));
//! assert_eq!(p.to_string(), "2024");
//!
//! // The quarters touched by a range.
//! let r = DateRange::new(d("2025-03-31"), d("2025-07-01")).unwrap();
//! let qs: Vec<String> = periods(PeriodKind::Quarter, r).map(|p| p.to_string()).collect();
//! assert_eq!(qs, ["2025-Q1", "2025-Q2", "2025-Q3"]);
//! # Ok::<(), dangjian::ParseValueError>(())
//! ```

use chrono::{Datelike, NaiveDate};

use serde::{Deserialize, Serialize};

use crate::model::{DateRange, PeriodSpec, YearMonth};

/// Kind of calendar period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PeriodKind {
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A half-year (January–June, July–December).
    HalfYear,
    /// A calendar year.
    Year,
}

/// What decides which periods are checked: the reference date and the
/// audit period. The rule context ([`Context`](crate::Context)) is one.
pub trait Window {
    /// The reference date: nothing after it has happened.
    fn as_of(&self) -> NaiveDate;
    /// The audit period.
    fn period(&self) -> DateRange;
    /// Whether a period rule checks `range`: it has ended by `as_of` and
    /// overlaps the audit period.
    fn checks_period(&self, range: &DateRange) -> bool {
        range.to <= self.as_of() && range.overlaps(&self.period())
    }
}

impl PeriodKind {
    /// 月 / 季度 / 年.
    pub fn zh(self) -> &'static str {
        match self {
            PeriodKind::Month => "月",
            PeriodKind::Quarter => "季度",
            PeriodKind::HalfYear => "半年",
            PeriodKind::Year => "年",
        }
    }

    /// `month`, `quarter` or `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
            PeriodKind::HalfYear => "half_year",
            PeriodKind::Year => "year",
        }
    }
}

/// The kind of a period: a month, a quarter or a year.
pub fn kind_of(spec: PeriodSpec) -> PeriodKind {
    match spec {
        PeriodSpec::Month(_) => PeriodKind::Month,
        PeriodSpec::Quarter(..) => PeriodKind::Quarter,
        PeriodSpec::Half(..) => PeriodKind::HalfYear,
        PeriodSpec::Year(_) => PeriodKind::Year,
    }
}

/// The period of kind `kind` containing `date`.
pub fn containing(kind: PeriodKind, date: NaiveDate) -> PeriodSpec {
    match kind {
        PeriodKind::Month => PeriodSpec::Month(YearMonth::of(date)),
        PeriodKind::Quarter => PeriodSpec::Quarter(date.year(), date.month0() / 3 + 1),
        PeriodKind::HalfYear => PeriodSpec::Half(date.year(), date.month0() / 6 + 1),
        PeriodKind::Year => PeriodSpec::Year(date.year()),
    }
}

/// The period after `spec`, of the same kind.
pub fn next(spec: PeriodSpec) -> PeriodSpec {
    match spec {
        PeriodSpec::Month(m) => PeriodSpec::Month(m.succ()),
        PeriodSpec::Quarter(y, q) if q >= 4 => PeriodSpec::Quarter(y.saturating_add(1), 1),
        PeriodSpec::Quarter(y, q) => PeriodSpec::Quarter(y, q + 1),
        PeriodSpec::Half(y, h) if h >= 2 => PeriodSpec::Half(y.saturating_add(1), 1),
        PeriodSpec::Half(y, h) => PeriodSpec::Half(y, h + 1),
        PeriodSpec::Year(y) => PeriodSpec::Year(y.saturating_add(1)),
    }
}

/// The period of kind `kind` a meeting held on `date` counts for.
///
/// Without `for_period`, the period containing `date`. With a `for_period`
/// as fine as `kind` or finer (a month, for a quarterly rule), the period of
/// kind `kind` containing it. With a coarser one (a year, for a monthly rule),
/// the period containing `date` if `date` lies inside `for_period`, else the
/// period of `for_period` nearest to `date` (its last one for a meeting held
/// late, its first for one held early).
///
/// ```
/// use dangjian::period::counts_for;
/// use dangjian::profile::PeriodKind;
/// let d = dangjian::parse_date("2025-01-10")?;
/// // A 支部党员大会 for the fourth quarter of 2024, held in January.
/// let q4 = "2024-Q4".parse().ok();
/// assert_eq!(counts_for(PeriodKind::Quarter, d, q4).to_string(), "2024-Q4");
/// // A theme day "for 2024" held in January 2025 counts for December 2024.
/// let y = "2024".parse().ok();
/// assert_eq!(counts_for(PeriodKind::Month, d, y).to_string(), "2024-12");
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
pub fn counts_for(kind: PeriodKind, date: NaiveDate, for_period: Option<PeriodSpec>) -> PeriodSpec {
    let Some(spec) = for_period else {
        return containing(kind, date);
    };
    let range = spec.range();
    if kind_of(spec) <= kind {
        containing(kind, range.from)
    } else if range.contains(date) {
        containing(kind, date)
    } else if date > range.to {
        // (`>=` is equivalent: a date equal to `range.to` is contained,
        // taken by the branch above.)
        containing(kind, range.to)
    } else {
        containing(kind, range.from)
    }
}

/// The periods of kind `kind` that overlap `range`, in order.
pub fn periods(kind: PeriodKind, range: DateRange) -> impl Iterator<Item = PeriodSpec> {
    spans(kind, range).map(|(p, _)| p)
}

/// The periods of kind `kind` that overlap `range`, in order, with their days.
pub fn spans(kind: PeriodKind, range: DateRange) -> impl Iterator<Item = (PeriodSpec, DateRange)> {
    let first = containing(kind, range.from);
    std::iter::successors(Some((first, first.range())), move |(p, r)| {
        let n = next(*p);
        let nr = n.range();
        // Past the end of the calendar a period's range degenerates: stop
        // unless the next period really starts later.
        (nr.from > r.from && nr.from <= range.to).then_some((n, nr))
    })
}

/// The periods of kind `kind` that a period rule checks for something active
/// during `active` (the branch, a member, a group, the committee): those that
/// have ended on or before `as_of`, overlap the audit period and overlap
/// `active`. See [`Window::checks_period`].
pub fn checked(cx: &impl Window, kind: PeriodKind, active: DateRange) -> Vec<PeriodSpec> {
    checked_spans(cx, kind, active)
        .into_iter()
        .map(|(p, _)| p)
        .collect()
}

/// [`checked`], with each period's days.
pub fn checked_spans(
    cx: &impl Window,
    kind: PeriodKind,
    active: DateRange,
) -> Vec<(PeriodSpec, DateRange)> {
    let (period, as_of) = (cx.period(), cx.as_of());
    if !active.overlaps(&period) {
        return Vec::new();
    }
    spans(kind, period)
        .take_while(|(_, r)| r.to <= as_of)
        .filter(|(_, r)| cx.checks_period(r) && r.overlaps(&active))
        .collect()
}

/// The period's name in Chinese: `2025年`, `2025年第3季度`, `2025年7月`.
pub fn zh(spec: PeriodSpec) -> String {
    match spec {
        PeriodSpec::Year(y) => format!("{y}年"),
        PeriodSpec::Quarter(y, q) => format!("{y}年第{q}季度"),
        PeriodSpec::Half(y, 1) => format!("{y}年上半年"),
        PeriodSpec::Half(y, _) => format!("{y}年下半年"),
        PeriodSpec::Month(m) => m.zh(),
    }
}

/// A run of months in Chinese: `2025年3月` or `2025年3月至2025年9月`.
pub fn months_zh(first: YearMonth, last: YearMonth) -> String {
    if first == last {
        first.zh()
    } else {
        format!("{}至{}", first.zh(), last.zh())
    }
}

/// A run of months in English: `2025-03` or `2025-03..2025-09`.
pub fn months_en(first: YearMonth, last: YearMonth) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}..{last}")
    }
}

/// The overlap of two ranges, if any.
pub fn intersect(a: &DateRange, b: &DateRange) -> Option<DateRange> {
    DateRange::new(a.from.max(b.from), a.to.min(b.to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::parse_date(s).unwrap()
    }

    #[test]
    fn quarters_and_edges() {
        assert_eq!(
            containing(PeriodKind::Quarter, d("2025-03-31")).to_string(),
            "2025-Q1"
        );
        assert_eq!(
            containing(PeriodKind::Quarter, d("2025-04-01")).to_string(),
            "2025-Q2"
        );
        assert_eq!(
            next(PeriodSpec::Quarter(2024, 4)),
            PeriodSpec::Quarter(2025, 1)
        );
        assert_eq!(
            containing(PeriodKind::Month, d("2024-12-31")).to_string(),
            "2024-12"
        );
    }

    #[test]
    fn for_period_finer_and_coarser() {
        let m: PeriodSpec = "2024-12".parse().unwrap();
        assert_eq!(
            counts_for(PeriodKind::Year, d("2025-01-05"), Some(m)),
            PeriodSpec::Year(2024)
        );
        let y: PeriodSpec = "2025".parse().unwrap();
        // held inside the year: the month of its date
        assert_eq!(
            counts_for(PeriodKind::Month, d("2025-06-05"), Some(y)).to_string(),
            "2025-06"
        );
        // held early: the first month of the year
        assert_eq!(
            counts_for(PeriodKind::Month, d("2024-12-20"), Some(y)).to_string(),
            "2025-01"
        );
        // held late: the last month of the year, the last quarter
        assert_eq!(
            counts_for(PeriodKind::Month, d("2026-01-10"), Some(y)).to_string(),
            "2025-12"
        );
        assert_eq!(
            counts_for(PeriodKind::Quarter, d("2026-03-31"), Some(y)).to_string(),
            "2025-Q4"
        );
        // on the year's last and first days: the months they are in
        assert_eq!(
            counts_for(PeriodKind::Month, d("2025-12-31"), Some(y)).to_string(),
            "2025-12"
        );
        assert_eq!(
            counts_for(PeriodKind::Month, d("2025-01-01"), Some(y)).to_string(),
            "2025-01"
        );
    }

    #[test]
    fn periods_past_the_calendar_stop() {
        // Years past 9999 have no months: each such period's range is the
        // same degenerate one, so the walk must stop at the first (and not
        // repeat it for ever).
        let far = DateRange::new(
            NaiveDate::from_ymd_opt(10_000, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(10_002, 3, 1).unwrap(),
        )
        .unwrap();
        for kind in [PeriodKind::Year, PeriodKind::HalfYear, PeriodKind::Quarter] {
            assert_eq!(periods(kind, far).take(5).count(), 1, "{kind:?}");
        }
    }

    #[test]
    fn periods_cover_the_range() {
        let r = DateRange::new(d("2024-11-15"), d("2025-01-01")).unwrap();
        let ms: Vec<String> = periods(PeriodKind::Month, r)
            .map(|p| p.to_string())
            .collect();
        assert_eq!(ms, ["2024-11", "2024-12", "2025-01"]);
        let ys: Vec<String> = periods(PeriodKind::Year, r)
            .map(|p| p.to_string())
            .collect();
        assert_eq!(ys, ["2024", "2025"]);
        let hs: Vec<String> = periods(PeriodKind::HalfYear, r)
            .map(|p| p.to_string())
            .collect();
        assert_eq!(hs, ["2024-H2", "2025-H1"]);
        assert_eq!(next(PeriodSpec::Half(2024, 2)), PeriodSpec::Half(2025, 1));
        let far = DateRange::new(d("9999-12-01"), NaiveDate::MAX).unwrap();
        assert_eq!(periods(PeriodKind::Year, far).count(), 1);
    }
}
