//! Property tests of the transfer and mobility rules (REL), against oracles
//! written from the regulation's words rather than the crate's functions:
//!
//! 1. a member away (work, study or life at a fixed place) with an outgoing
//!    transfer issued on the first day away never gets REL004, however long
//!    the stay and whatever `as_of`;
//! 2. without a transfer, REL004 fires exactly when the days away (to `to`,
//!    or to `as_of`) cover six calendar months (教育条例 art. 25: "外出……6个月
//!    以上"), counted by hand here;
//! 3. a lost-contact record with a suspension decided on or before `as_of`
//!    never gets REL005; without one, REL005 fires exactly when the record
//!    covers six calendar months (art. 24: "失去联系6个月以上");
//! 4. REL006 reports exactly the calendar half-years lying wholly inside the
//!    stay abroad (up to `as_of`), ended by `as_of`, inside the audit period,
//!    with no talk naming the member (art. 34: "每半年至少与其联系1次").

use chrono::{Datelike, Days, NaiveDate};
use dangjian::model::*;
use dangjian::{Auditor, Finding};
use proptest::prelude::*;

fn id(s: &str) -> Id {
    s.parse().unwrap()
}

fn date(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + Days::new(u64::from(n))
}

/// Days in a month, by the calendar's rule (not the crate's).
fn month_len(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Whether the inclusive days `from..=last` cover `n` calendar months: the
/// day after `last` is on or after the same day-of-month `n` months later
/// (clamped to that month's end).
fn covers_months(from: NaiveDate, last: NaiveDate, n: u32) -> bool {
    let total = from.month0() + n;
    let y = from.year() + (total / 12) as i32;
    let m = total % 12 + 1;
    let d = from.day().min(month_len(y, m));
    let later = NaiveDate::from_ymd_opt(y, m, d).unwrap();
    last + Days::new(1) >= later
}

fn bundle() -> Bundle {
    let branch: Branch = serde_json::from_value(serde_json::json!({
        "id": "B1", "name": "测试支部", "kind": "organ", "founded_on": "2010-01-01"
    }))
    .unwrap();
    let mut b = Bundle::new(branch);
    b.members.push(
        serde_json::from_value(serde_json::json!({
            "id": "M1", "name": "党员M1", "status": "full", "admitted_on": "2000-07-01",
            "dues_category": "salaried"
        }))
        .unwrap(),
    );
    b
}

fn findings(b: &Bundle, as_of: NaiveDate, rule: &str, period: Option<DateRange>) -> Vec<Finding> {
    let mut a = Auditor::new(as_of).select(rule.parse().unwrap());
    if let Some(p) = period {
        a = a.period(p);
    }
    a.check(b)
}

fn away(kind: MobilityKind, from: NaiveDate, to: Option<NaiveDate>) -> Mobility {
    let mut m = Mobility::new(id("M1"), kind, from);
    m.to = to;
    m.place_fixed = true;
    m
}

fn kind_of(k: u8) -> MobilityKind {
    match k % 3 {
        0 => MobilityKind::Work,
        1 => MobilityKind::Study,
        _ => MobilityKind::Life,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Law 1: a transfer issued on the first day away settles REL004.
    #[test]
    fn transferred_at_the_start_never_gets_rel004(
        start in 0u32..900, len in 0u32..900, open in any::<bool>(), after in 0u32..900, k in any::<u8>(),
    ) {
        let from = date(start);
        let to = (!open).then(|| from + Days::new(u64::from(len)));
        let as_of = from + Days::new(u64::from(after));
        let mut b = bundle();
        b.mobility.push(away(kind_of(k), from, to));
        b.transfers.push(Transfer::new(id("M1"), TransferDirection::Out, from));
        let f = findings(&b, as_of, "REL004", None);
        prop_assert!(f.is_empty(), "{:?}", f.iter().map(|f| &f.message.en).collect::<Vec<_>>());
    }

    /// Law 2: without a transfer, REL004 fires iff six months are covered.
    #[test]
    fn rel004_fires_exactly_at_six_months(
        start in 0u32..900, len in 150u32..220, open in any::<bool>(), after in 150u32..400, k in any::<u8>(),
    ) {
        let from = date(start);
        let to = (!open).then(|| from + Days::new(u64::from(len)));
        let as_of = from + Days::new(u64::from(after));
        let last = to.map_or(as_of, |t| t.min(as_of));
        let mut b = bundle();
        b.mobility.push(away(kind_of(k), from, to));
        let f = findings(&b, as_of, "REL004", None);
        let want = usize::from(covers_months(from, last, 6));
        prop_assert_eq!(f.len(), want, "from {} last {}", from, last);
    }

    /// Law 3: REL005 fires iff six months are covered and nothing was decided.
    #[test]
    fn rel005_follows_the_six_months_and_the_decision(
        start in 0u32..900, len in 150u32..220, open in any::<bool>(), after in 150u32..400,
        decided in proptest::option::of(0u32..400),
    ) {
        let from = date(start);
        let to = (!open).then(|| from + Days::new(u64::from(len)));
        let as_of = from + Days::new(u64::from(after));
        let last = to.map_or(as_of, |t| t.min(as_of));
        let mut m = away(MobilityKind::LostContact, from, to);
        m.suspended_on = decided.map(|d| from + Days::new(u64::from(d)));
        let suspended = m.suspended_on.is_some_and(|d| d <= as_of);
        let mut b = bundle();
        b.mobility.push(m);
        let f = findings(&b, as_of, "REL005", None);
        let want = usize::from(!suspended && covers_months(from, last, 6));
        prop_assert_eq!(f.len(), want, "from {} last {} suspended {}", from, last, suspended);
    }

    /// Law 4: REL006 reports exactly the silent half-years wholly inside the stay.
    #[test]
    fn rel006_reports_each_silent_half_year(
        start in 0u32..900, len in 0u32..1200, open in any::<bool>(), after in 0u32..1400,
        talks in proptest::collection::vec(0u32..2000, 0..6),
    ) {
        let from = date(start);
        let to = (!open).then(|| from + Days::new(u64::from(len)));
        let as_of = from + Days::new(u64::from(after));
        let last = to.map_or(as_of, |t| t.min(as_of));
        let period = DateRange::new(date(0), date(2500)).unwrap();
        let mut b = bundle();
        b.mobility.push(away(MobilityKind::Abroad, from, to));
        for t in &talks {
            b.talks.push(Talk::new(date(*t), vec![id("M2"), id("M1")]));
        }
        let f = findings(&b, as_of, "REL006", Some(period));
        let mut want = Vec::new();
        for y in 2022..2031 {
            for (a, z) in [((1, 1), (6, 30)), ((7, 1), (12, 31))] {
                let h0 = NaiveDate::from_ymd_opt(y, a.0, a.1).unwrap();
                let h1 = NaiveDate::from_ymd_opt(y, z.0, z.1).unwrap();
                let inside = h0 >= from && h1 <= last && h1 <= as_of;
                let in_period = h1 >= period.from && h0 <= period.to;
                let talked = talks.iter().any(|t| (h0..=h1).contains(&date(*t)) && date(*t) <= as_of);
                if inside && in_period && !talked {
                    want.push(h0);
                }
            }
        }
        let got: Vec<NaiveDate> = f.iter().filter_map(|f| f.period.map(|p| p.from)).collect();
        prop_assert_eq!(got, want);
    }
}
