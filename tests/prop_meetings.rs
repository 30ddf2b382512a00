//! Laws of the organisational-life rules (MTG), checked on generated branches.
//!
//! - A branch that holds every required meeting in every period gets no
//!   MTG001–MTG007 (支部工作条例 arts. 11–13, 15–18), whatever its founding
//!   date, committee, groups, `as_of` and audit period.
//! - A member present at every meeting never gets MTG009 or MTG010.
//! - A member absent (no exemption) from every meeting in k consecutive months,
//!   and present in the other months, gets MTG010 exactly when k ≥ 6 (党章
//!   art. 9), for exactly those months.

use chrono::{Datelike, Days, NaiveDate};
use dangjian::model::DateRange;
use dangjian::{Auditor, Bundle, Finding, YearMonth};
use proptest::prelude::*;
use serde_json::{Value, json};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn load(v: Value) -> Bundle {
    dangjian::load::bundle_from_json(&v.to_string()).expect("generated bundle loads")
}

fn member(id: &str, from: NaiveDate) -> Value {
    json!({"id": id, "name": id, "status": "full", "admitted_on": "2010-06-01",
           "in_branch_from": from.to_string(), "dues_category": "student"})
}

/// A day in `from..=to` picked by `seed`.
fn pick(from: NaiveDate, to: NaiveDate, seed: u32) -> NaiveDate {
    let span = (to - from).num_days().max(0) as u64 + 1;
    from + Days::new(u64::from(seed) % span)
}

/// The periods of `months` months (1, 3 or 12) from the one containing `start`
/// to the end of 2026, as (first day, last day).
fn periods(start: NaiveDate, months: u32) -> Vec<(NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let first_month = (start.month() - 1) / months * months + 1;
    let mut ym = YearMonth::new(start.year(), first_month).expect("month");
    let end = d(2026, 12, 31);
    while ym.first_day() <= end {
        let last = ym.offset(months as i32 - 1).last_day();
        out.push((ym.first_day(), last));
        ym = ym.offset(months as i32);
    }
    out
}

fn codes<'a>(findings: &'a [Finding], prefix: &'a str) -> impl Iterator<Item = &'a Finding> {
    findings
        .iter()
        .filter(move |f| f.rule.as_str().starts_with(prefix))
}

#[derive(Debug, Clone)]
struct Branch {
    founded: u32,
    committee: Option<u32>,
    groups: usize,
    as_of: u32,
    period_from: u32,
    period_len: u32,
    seeds: Vec<u32>,
    for_period: bool,
}

fn branch_strategy() -> impl Strategy<Value = Branch> {
    (
        0u32..730,
        prop::option::of(0u32..365),
        0usize..3,
        0u32..730,
        0u32..700,
        1u32..400,
        prop::collection::vec(any::<u32>(), 64),
        any::<bool>(),
    )
        .prop_map(
            |(founded, committee, groups, as_of, period_from, period_len, seeds, for_period)| {
                Branch {
                    founded,
                    committee,
                    groups,
                    as_of,
                    period_from,
                    period_len,
                    seeds,
                    for_period,
                }
            },
        )
}

/// A branch founded in 2024–2025 that holds every meeting of every period
/// from its founding to the end of 2026, each on a random day of the period
/// (never before the founding or the committee's election).
fn diligent_branch(g: &Branch) -> (Bundle, NaiveDate, DateRange) {
    let founded = d(2024, 1, 1) + Days::new(u64::from(g.founded));
    let elected = g
        .committee
        .map(|e| founded + Days::new(u64::from(e)))
        .filter(|e| *e <= d(2026, 12, 31));
    let mut seed = g.seeds.iter().copied().cycle();
    let mut next = move || seed.next().unwrap_or(7);
    let members: Vec<Value> = (1..=6).map(|i| member(&format!("M{i}"), founded)).collect();
    let mut branch =
        json!({"id": "B1", "name": "支部", "kind": "organ", "founded_on": founded.to_string()});
    if let Some(e) = elected {
        branch["committee"] = json!({"elected_on": e.to_string(), "term_years": 5, "members": [
            {"member": "M1", "role": "secretary"}, {"member": "M2", "role": "organization"},
            {"member": "M3", "role": "propaganda"}]});
    } else {
        branch["secretary"] = json!("M1");
    }
    let group_ids: Vec<String> = (1..=g.groups).map(|i| format!("G{i}")).collect();
    branch["groups"] = Value::Array(
        group_ids
            .iter()
            .enumerate()
            .map(|(i, id)| json!({"id": id, "members": [format!("M{}", 2 * i + 2), format!("M{}", 2 * i + 3)]}))
            .collect(),
    );

    let mut meetings = Vec::new();
    let mut n = 0;
    let mut add = |kind: &str,
                   from: NaiveDate,
                   to: NaiveDate,
                   group: Option<&str>,
                   spec: Option<String>,
                   seed: u32| {
        n += 1;
        let mut m = json!({"id": format!("X{n}"), "kind": kind, "date": pick(from, to, seed).to_string(),
                           "topic": "学习", "chair": "M1", "attendance": [{"member": "M1", "status": "present"}]});
        if let Some(gid) = group {
            m["group"] = json!(gid);
        }
        if let Some(s) = spec {
            m["for_period"] = json!(s);
        }
        meetings.push(m);
    };
    for (from, to) in periods(founded, 1) {
        let from = from.max(founded);
        let month = YearMonth::of(from).to_string();
        let spec = g.for_period.then(|| month.clone());
        add("theme_day", from, to, None, spec, next());
        for gid in &group_ids {
            add("group_meeting", from, to, Some(gid), None, next());
        }
        if let Some(e) = elected {
            if to >= e {
                add("committee_meeting", from.max(e), to, None, None, next());
            }
        }
    }
    for (from, to) in periods(founded, 3) {
        let from = from.max(founded);
        // With for_period, name the quarter by one of its months (finer than the rule's kind).
        let spec = g.for_period.then(|| YearMonth::of(from).to_string());
        add("general_meeting", from, to, None, spec, next());
        add("party_lecture", from, to, None, None, next());
    }
    for (from, to) in periods(founded, 12) {
        let from = from.max(founded);
        let spec = g.for_period.then(|| from.year().to_string());
        add("life_meeting", from, to, None, spec.clone(), next());
        add("democratic_review", from, to, None, spec, next());
    }
    let bundle = load(json!({"branch": branch, "members": members, "meetings": meetings}));
    let as_of = d(2025, 1, 1) + Days::new(u64::from(g.as_of));
    let pfrom = d(2024, 1, 1) + Days::new(u64::from(g.period_from));
    let period = DateRange::new(pfrom, pfrom + Days::new(u64::from(g.period_len))).expect("range");
    (bundle, as_of, period)
}

/// Monthly meetings of 2025 for M1 and M2 (1 to 3 a month, of kinds everyone
/// is expected at); M2's entry in each is given by `m2(month, index)`:
/// `Some(status)` or `None` (no entry).
fn year_of_meetings(
    per_month: &[u8],
    m2: impl Fn(u32, usize) -> Option<&'static str>,
    kinds: &[u8],
) -> Vec<Value> {
    const KINDS: [&str; 4] = ["theme_day", "study", "general_meeting", "party_lecture"];
    let mut out = Vec::new();
    let mut k = 0;
    for month in 1..=12u32 {
        let count = per_month.get(month as usize - 1).copied().unwrap_or(1) % 3 + 1;
        for i in 0..usize::from(count) {
            let kind = KINDS[usize::from(kinds.get(k).copied().unwrap_or(0)) % KINDS.len()];
            k += 1;
            let day = 3 + 9 * i as u32;
            let mut att = vec![json!({"member": "M1", "status": "present"})];
            if let Some(s) = m2(month, i) {
                att.push(json!({"member": "M2", "status": s}));
            }
            out.push(json!({"id": format!("T{month:02}-{i}"), "kind": kind,
                            "date": d(2025, month, day).to_string(), "topic": "学习", "chair": "M1",
                            "attendance": att}));
        }
    }
    out
}

fn two_members() -> Vec<Value> {
    vec![member("M1", d(2010, 6, 1)), member("M2", d(2010, 6, 1))]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn diligent_branches_miss_no_meeting(g in branch_strategy()) {
        let (bundle, as_of, period) = diligent_branch(&g);
        let findings = Auditor::new(as_of)
            .period(period)
            .select("MTG001,MTG002,MTG003,MTG004,MTG005,MTG006,MTG007".parse().unwrap())
            .check(&bundle);
        let keys: Vec<String> = findings.iter().map(|f| format!("{} {} {:?}", f.rule, f.subject.id, f.period)).collect();
        prop_assert!(findings.is_empty(), "as_of {as_of}, period {period:?}: {keys:?}");
    }

    #[test]
    fn present_at_every_meeting_never_lapses(
        per_month in prop::collection::vec(any::<u8>(), 12),
        kinds in prop::collection::vec(any::<u8>(), 36),
        others in prop::collection::vec(0u8..4, 36),
        as_of_days in 0u32..500,
    ) {
        // M1 is present everywhere; M2's entries are random (absent, excused, none).
        let m2 = |month: u32, i: usize| match others.get((month as usize - 1) * 3 + i).copied().unwrap_or(0) {
            0 => Some("absent"),
            1 => Some("excused"),
            2 => Some("present"),
            _ => None,
        };
        let meetings = year_of_meetings(&per_month, m2, &kinds);
        let bundle = load(json!({"branch": {"id": "B1", "name": "支部", "kind": "organ", "secretary": "M1"},
                                 "members": two_members(), "meetings": meetings}));
        let as_of = d(2025, 1, 31) + Days::new(u64::from(as_of_days));
        let findings = Auditor::new(as_of)
            .period(DateRange::new(d(2025, 1, 1), d(2025, 12, 31)).unwrap())
            .select("MTG009,MTG010".parse().unwrap())
            .check(&bundle);
        prop_assert!(codes(&findings, "MTG").all(|f| f.subject.id.as_str() != "M1"));
    }

    #[test]
    fn absent_for_k_consecutive_months_lapses_iff_k_at_least_6(
        per_month in prop::collection::vec(any::<u8>(), 12),
        kinds in prop::collection::vec(any::<u8>(), 36),
        start in 1u32..=12,
        k in 0u32..=12,
        no_entry in any::<bool>(),
    ) {
        let k = k.min(13 - start); // the run stays inside 2025
        let window = start..start + k;
        let absent = if no_entry { None } else { Some("absent") };
        let m2 = |month: u32, _i: usize| if window.contains(&month) { absent } else { Some("present") };
        let meetings = year_of_meetings(&per_month, m2, &kinds);
        let bundle = load(json!({"branch": {"id": "B1", "name": "支部", "kind": "organ", "secretary": "M1"},
                                 "members": two_members(), "meetings": meetings}));
        let findings = Auditor::new(d(2025, 12, 31)).select("MTG010".parse().unwrap()).check(&bundle);
        let lapses: Vec<&Finding> = codes(&findings, "MTG010").collect();
        if k >= 6 {
            prop_assert_eq!(lapses.len(), 1, "k = {}", k);
            let first = YearMonth::new(2025, start).unwrap();
            let last = first.offset(k as i32 - 1);
            let want = DateRange::new(first.first_day(), last.last_day());
            prop_assert_eq!(lapses[0].period, want);
            prop_assert_eq!(lapses[0].subject.id.as_str(), "M2");
        } else {
            prop_assert!(lapses.is_empty(), "k = {}: {:?}", k, lapses);
        }
    }
}
