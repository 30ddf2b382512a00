//! Laws of the v1.1 rules and corrections, checked on generated bundles.
//!
//! Each property builds its data with an oracle written here from the text
//! (not with the crate's own functions):
//!
//! - DUE010: remitting exactly what was collected in each remittance period
//!   never gives DUE010; one fen less in a checked period gives exactly that
//!   period (seed: 足额上缴; RULES.md v1.1).
//! - DUE002 with `dues.annual_base_fixed`: paying the amount of the base in
//!   effect in January every month never gives DUE002, whatever the base does
//!   later in the year (组电明字〔2017〕5号: 年初核定…年内一般不变动).
//! - MTG011 and MTG014: a quorum is half or more present (支部工作条例 arts. 11
//!   and 12, "半数以上"), or more than half with `meetings.quorum_inclusive` false.
//! - MTG013: a leading cadre present at every life meeting never gets MTG013;
//!   one present at none of a year's (non-empty) life meetings gets it for that
//!   year (教育条例 art. 16).
//! - IDE001: a tagged meeting in every half-year never gives IDE001; a missing
//!   half-year that has ended gives exactly that half-year.
//! - ORG003: the election is due at the end of the term, or at an approved
//!   postponement's `until`, never more than a year after the end (选举条例
//!   art. 3); error after that day, info from six months before it.
//! - ORG005: from 2018-07-01 the term is 3 years (5 for villages and
//!   communities); before, anything from 3 to 5 (任期意见 一; 党章 art. 31).

use chrono::{Datelike, Days, Months, NaiveDate};
use dangjian::model::DateRange;
use dangjian::{Auditor, Bundle, Finding, Profile, Severity};
use proptest::prelude::*;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{Value, json};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn load(v: Value) -> Bundle {
    dangjian::load::bundle_from_json(&v.to_string()).expect("generated bundle loads")
}

fn member(id: &str) -> Value {
    json!({"id": id, "name": id, "status": "full", "admitted_on": "2010-06-01",
           "dues_category": "student"})
}

fn branch() -> Value {
    json!({"id": "B1", "name": "测试支部", "kind": "organ", "founded_on": "2010-01-01"})
}

fn run(bundle: &Bundle, as_of: NaiveDate, rules: &str, params: &[(&str, Value)]) -> Vec<Finding> {
    let mut profile = Profile::central();
    for (name, value) in params {
        profile
            .set_param(name, value.clone(), None, None)
            .expect("valid parameter");
    }
    Auditor::new(as_of)
        .period(DateRange::year(2025))
        .profile(profile)
        .select(rules.parse().expect("valid selection"))
        .check(bundle)
}

fn starts(findings: &[Finding]) -> Vec<NaiveDate> {
    let mut v: Vec<NaiveDate> = findings
        .iter()
        .filter_map(|f| f.period.map(|p| p.from))
        .collect();
    v.sort();
    v
}

/// A day of 2025 picked by `seed`.
fn day_2025(seed: u32) -> NaiveDate {
    d(2025, 1, 1) + Days::new(u64::from(seed % 365))
}

/// Fen as a money string.
fn money(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

// ---------------------------------------------------------------------------
// DUE010

/// The remittance period (first day) of `day` for a cycle of `months` months.
fn cycle_start(day: NaiveDate, months: u32) -> NaiveDate {
    let m0 = (day.month() - 1) / months * months + 1;
    d(day.year(), m0, 1)
}

fn remittance_period(start: NaiveDate, months: u32) -> String {
    if months == 1 {
        format!("{}-{:02}", start.year(), start.month())
    } else {
        format!("{}-Q{}", start.year(), (start.month() - 1) / 3 + 1)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn remitting_what_was_collected_never_gives_due010(
        payments in prop::collection::vec((any::<u32>(), 1u64..200_000), 0..25),
        monthly_cycle in any::<bool>(),
        split_months in any::<bool>(),
        as_of_seed in 0u32..455,
        short_pick in any::<u32>(),
    ) {
        let months = if monthly_cycle { 1 } else { 3 };
        let as_of = d(2025, 1, 1) + Days::new(u64::from(as_of_seed));
        let pays: Vec<(NaiveDate, u64)> =
            payments.iter().map(|&(s, fen)| (day_2025(s), fen)).collect();
        // The oracle: collected per remittance period (by paid_on), and per month.
        let mut per_period: std::collections::BTreeMap<NaiveDate, u64> = Default::default();
        let mut per_month: std::collections::BTreeMap<NaiveDate, u64> = Default::default();
        for &(day, fen) in &pays {
            *per_period.entry(cycle_start(day, months)).or_default() += fen;
            *per_month.entry(cycle_start(day, 1)).or_default() += fen;
        }
        let remit = |sums: &std::collections::BTreeMap<NaiveDate, u64>, m: u32, minus: Option<NaiveDate>| -> Vec<Value> {
            sums.iter()
                .map(|(start, fen)| {
                    let fen = if Some(*start) == minus { fen - 1 } else { *fen };
                    json!({"period": remittance_period(*start, m), "amount": money(fen),
                           "remitted_on": "2025-01-01"})
                })
                .collect()
        };
        // A monthly record counts for its quarter.
        let exact = if !monthly_cycle && split_months {
            remit(&per_month, 1, None)
        } else {
            remit(&per_period, months, None)
        };
        let payments_json: Vec<Value> = pays
            .iter()
            .map(|(day, fen)| json!({"member": "M1", "month": format!("{}-{:02}", day.year(), day.month()),
                                     "amount": money(*fen), "paid_on": day.to_string()}))
            .collect();
        let cycle = json!(if monthly_cycle { "month" } else { "quarter" });
        let mut bundle = json!({
            "branch": branch(), "members": [member("M1")],
            "dues_payments": payments_json,
            "dues_remittances": exact,
        });
        // Every remittance is dated 2025-01-01, on or before any as_of drawn.
        let b = load(bundle.clone());
        let f = run(&b, as_of, "DUE010", &[("dues.remittance_cycle", cycle.clone())]);
        prop_assert!(f.is_empty(), "exact remittances gave {:?}", starts(&f));

        // One fen short in one period: DUE010 for it iff it is checked (its
        // end plus one month, day clamped, on or before as_of).
        if !per_period.is_empty() {
            let keys: Vec<NaiveDate> = per_period.keys().copied().collect();
            let start = keys[short_pick as usize % keys.len()];
            bundle["dues_remittances"] = Value::Array(remit(&per_period, months, Some(start)));
            let end = start + Months::new(months) - Days::new(1);
            let checked = end + Months::new(1) <= as_of;
            let b = load(bundle);
            let f = run(&b, as_of, "DUE010", &[("dues.remittance_cycle", cycle)]);
            let want = if checked { vec![start] } else { vec![] };
            prop_assert_eq!(starts(&f), want);
        }
    }
}

// ---------------------------------------------------------------------------
// DUE002 with a base fixed once a year

/// 党费规定 art. 2 (whole base, inclusive brackets), half up to the fen.
fn oracle_income_amount(base_fen: u64) -> u64 {
    let rate_permille_tenths: u64 = if base_fen <= 300_000 {
        5
    } else if base_fen <= 500_000 {
        10
    } else if base_fen <= 1_000_000 {
        15
    } else {
        20
    };
    let amount =
        Decimal::from(base_fen) * Decimal::from(rate_permille_tenths) / Decimal::from(1000);
    let fen = amount.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    fen.to_string().parse().expect("whole fen")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_yearly_base_makes_the_january_amount_enough(
        jan_base in 100_000u64..2_000_000,
        changes in prop::collection::vec((2u32..=12, 100_000u64..2_000_000), 0..4),
    ) {
        let mut bases = vec![json!({"member": "M1", "from": "2025-01", "base": money(jan_base)})];
        for (m, b) in &changes {
            bases.push(json!({"member": "M1", "from": format!("2025-{m:02}"), "base": money(*b)}));
        }
        let amount = money(oracle_income_amount(jan_base));
        let payments: Vec<Value> = (1..=12)
            .map(|m| json!({"member": "M1", "month": format!("2025-{m:02}"), "amount": amount,
                            "paid_on": format!("2025-{m:02}-10")}))
            .collect();
        let b = load(json!({
            "branch": branch(),
            "members": [{"id": "M1", "name": "M1", "status": "full", "admitted_on": "2010-06-01",
                         "dues_category": "salaried"}],
            "dues_bases": bases,
            "dues_payments": payments,
        }));
        let f = run(&b, d(2025, 12, 31), "DUE002", &[("dues.annual_base_fixed", json!(true))]);
        prop_assert!(f.is_empty(), "{:?}", f.iter().map(|f| &f.message.en).collect::<Vec<_>>());
    }
}

// ---------------------------------------------------------------------------
// MTG011, MTG014: 半数以上

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_quorum_is_half_or_more(
        n in 1usize..=7,
        k_seed in any::<usize>(),
        expected in 1u32..60,
        p_seed in any::<u32>(),
        inclusive in any::<bool>(),
    ) {
        let k = k_seed % (n + 1);
        let present = p_seed % (expected + 1);
        let roles = ["secretary", "deputy_secretary", "organization", "propaganda",
                     "discipline", "member", "member"];
        let seats: Vec<Value> = (0..n)
            .map(|i| json!({"member": format!("M{}", i + 1), "role": roles[i]}))
            .collect();
        let attendance: Vec<Value> = (0..n)
            .map(|i| json!({"member": format!("M{}", i + 1),
                            "status": if i < k { "present" } else { "absent" }}))
            .collect();
        let members: Vec<Value> = (1..=n).map(|i| member(&format!("M{i}"))).collect();
        let b = load(json!({
            "branch": {"id": "B1", "name": "测试支部", "kind": "organ", "founded_on": "2010-01-01",
                       "committee": {"elected_on": "2024-01-10", "term_years": 3, "members": seats}},
            "members": members,
            "meetings": [
                {"id": "C1", "kind": "committee_meeting", "date": "2025-06-20", "topic": "t",
                 "chair": "M1", "attendance": attendance},
                {"id": "G1", "kind": "general_meeting", "date": "2025-06-21", "topic": "t",
                 "chair": "M1", "attendance": [{"member": "M1", "status": "present"}],
                 "votes": {"expected_voting": expected, "present_voting": present, "yes": present,
                           "no": 0, "abstain": 0, "written_yes": 0, "passed": true}}
            ]
        }));
        let f = run(&b, d(2025, 12, 31), "MTG011,MTG014",
                    &[("meetings.quorum_inclusive", json!(inclusive))]);
        // The text: "半数以上" = 2x >= n; the strict reading 2x > n.
        let quorum = |x: u64, of: u64| if inclusive { 2 * x >= of } else { 2 * x > of };
        let mtg014 = f.iter().any(|f| f.rule.as_str() == "MTG014");
        let mtg011 = f.iter().any(|f| f.rule.as_str() == "MTG011");
        prop_assert_eq!(mtg014, !quorum(k as u64, n as u64), "{} of {}", k, n);
        prop_assert_eq!(mtg011, !quorum(u64::from(present), u64::from(expected)),
                        "{} of {}", present, expected);
    }
}

// ---------------------------------------------------------------------------
// MTG013

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn a_cadre_present_at_every_life_meeting_never_gets_mtg013(
        meetings in prop::collection::vec((0u32..730, prop::option::of(2024i32..=2025), any::<bool>()), 0..5),
        as_of_seed in 0u32..400,
        present_everywhere in any::<bool>(),
    ) {
        let as_of = d(2025, 1, 1) + Days::new(u64::from(as_of_seed));
        let mut list = Vec::new();
        // The years each meeting counts for (for_period, else its date's year).
        let mut counts: Vec<(i32, NaiveDate, bool)> = Vec::new();
        for (i, (seed, for_year, other_present)) in meetings.iter().enumerate() {
            let date = d(2024, 1, 1) + Days::new(u64::from(*seed));
            let cadre = if present_everywhere { "present" } else { "excused" };
            let mut m = json!({"id": format!("L{i}"), "kind": "life_meeting", "date": date.to_string(),
                               "topic": "t", "chair": "M2",
                               "attendance": [{"member": "M1", "status": cadre},
                                              {"member": "M2", "status": if *other_present { "present" } else { "absent" }}]});
            if let Some(y) = for_year {
                m["for_period"] = json!(y.to_string());
            }
            counts.push((for_year.unwrap_or(date.year()), date, present_everywhere));
            list.push(m);
        }
        let mut cadre = member("M1");
        cadre["leading_cadre"] = json!(true);
        let b = load(json!({"branch": branch(), "members": [cadre, member("M2")], "meetings": list}));
        let f = run(&b, as_of, "MTG013", &[]);
        if present_everywhere {
            prop_assert!(f.is_empty(), "{:?}", starts(&f));
        } else {
            // Never present: MTG013 for 2025 iff 2025 has ended by as_of and
            // some life meeting held by as_of counts for it.
            let ended = as_of >= d(2025, 12, 31);
            let held = counts.iter().any(|(y, date, _)| *y == 2025 && *date <= as_of);
            let want = if ended && held { vec![d(2025, 1, 1)] } else { vec![] };
            prop_assert_eq!(starts(&f), want);
        }
    }
}

// ---------------------------------------------------------------------------
// IDE001

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn an_ideology_meeting_every_half_year(
        h1 in 0u32..181,
        h2 in 0u32..184,
        skip in prop::option::of(any::<bool>()),
        as_of_seed in 0u32..400,
    ) {
        let as_of = d(2025, 1, 1) + Days::new(u64::from(as_of_seed));
        let first = d(2025, 1, 1) + Days::new(u64::from(h1));
        let second = d(2025, 7, 1) + Days::new(u64::from(h2));
        let meeting = |id: &str, date: NaiveDate, tag: &str| json!({
            "id": id, "kind": "study", "date": date.to_string(), "topic": "t", "chair": "M1",
            "attendance": [{"member": "M1", "status": "present"}], "tags": [tag]});
        let skip_h1 = skip == Some(true);
        let skip_h2 = skip == Some(false);
        let b = load(json!({"branch": branch(), "members": [member("M1")], "meetings": [
            meeting("I1", first, if skip_h1 { "other" } else { "ideology" }),
            meeting("I2", second, if skip_h2 { "other" } else { "ideology" }),
        ]}));
        let f = run(&b, as_of, "IDE001", &[]);
        // A half-year is checked once it has ended; a meeting after as_of has
        // not happened.
        let mut want = Vec::new();
        if as_of >= d(2025, 6, 30) && (skip_h1 || first > as_of) {
            want.push(d(2025, 1, 1));
        }
        if as_of >= d(2025, 12, 31) && (skip_h2 || second > as_of) {
            want.push(d(2025, 7, 1));
        }
        prop_assert_eq!(starts(&f), want);
    }
}

// ---------------------------------------------------------------------------
// ORG003, ORG005

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn a_postponement_moves_the_deadline_by_at_most_a_year(
        elected_seed in 0u32..2200,
        until_offset in -60i64..500,
        postponed in any::<bool>(),
        as_of_offset in -400i64..800,
    ) {
        let elected = d(2018, 7, 1) + Days::new(u64::from(elected_seed));
        // The oracle: calendar months, day clamped (chrono's Months).
        let ends = elected + Months::new(36);
        let until = ends.checked_add_signed(chrono::Duration::days(until_offset)).expect("date");
        let cap = ends + Months::new(12);
        let deadline = if postponed { until.max(ends).min(cap) } else { ends };
        let notice_from = deadline - Months::new(6);
        let as_of = ends.checked_add_signed(chrono::Duration::days(as_of_offset)).expect("date");
        let approved = ends - Days::new(30);
        let mut committee = json!({"elected_on": elected.to_string(), "term_years": 3,
                                   "members": [{"member": "M1", "role": "secretary"}]});
        if postponed {
            committee["postponement"] = json!({"approved_on": approved.to_string(),
                                               "until": until.to_string()});
        }
        let b = load(json!({
            "branch": {"id": "B1", "name": "测试支部", "kind": "organ", "founded_on": "2010-01-01",
                       "committee": committee},
            "members": [member("M1")],
        }));
        // A postponement approved after as_of has not happened.
        let deadline = if postponed && approved > as_of { ends } else { deadline };
        let notice_from = if postponed && approved > as_of { ends - Months::new(6) } else { notice_from };
        let f = run(&b, as_of, "ORG003", &[]);
        let want = if as_of > deadline {
            Some(Severity::Error)
        } else if as_of >= notice_from {
            Some(Severity::Info)
        } else {
            None
        };
        prop_assert_eq!(f.len(), usize::from(want.is_some()));
        prop_assert_eq!(f.first().map(|f| f.severity), want);
        if let Some(x) = f.first() {
            prop_assert_eq!(x.evidence.get("deadline"), Some(&json!(deadline.to_string())));
        }
    }

    #[test]
    fn term_lengths_by_the_renqi_yijian(
        elected_seed in 0u32..4000,
        near_boundary in prop::option::of(0u32..3),
        kind_pick in 0usize..7,
        term in 1u32..=7,
    ) {
        let kinds = ["organ", "enterprise", "school", "hospital", "village", "community", "other"];
        let kind = kinds[kind_pick];
        // Half the cases on 2018-06-30, 2018-07-01 or 2018-07-02.
        let elected = match near_boundary {
            Some(k) => d(2018, 6, 30) + Days::new(u64::from(k)),
            None => d(2015, 1, 1) + Days::new(u64::from(elected_seed)),
        };
        let b = load(json!({
            "branch": {"id": "B1", "name": "测试支部", "kind": kind, "founded_on": "2010-01-01",
                       "committee": {"elected_on": elected.to_string(), "term_years": term,
                                     "members": [{"member": "M1", "role": "secretary"}]}},
            "members": [member("M1")],
        }));
        let as_of = elected.max(d(2025, 12, 31));
        let f = run(&b, as_of, "ORG005", &[]);
        let village = kind == "village" || kind == "community";
        let ok = if elected >= d(2018, 7, 1) {
            term == if village { 5 } else { 3 }
        } else {
            (3..=5).contains(&term)
        };
        prop_assert_eq!(f.is_empty(), ok, "{} {} {}", elected, kind, term);
    }
}
