//! The synthetic data generator (`dangjian::synth`, issue 5): clean data
//! yields no finding at all, output is deterministic, planted faults fire
//! across the rule families, the data has a realistic shape, and every bundle
//! round-trips through JSON.
#![cfg(feature = "synth")]

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use dangjian::synth::{self, SplitMix64, SynthOptions};
use dangjian::{
    Auditor, Bundle, ConversionOutcome, DateRange, Finding, LeftReason, MemberStatus, MobilityKind,
    PaymentCycle, Step, TransferDirection,
};

fn year_end(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).expect("a valid year")
}

/// Every rule, `as_of` = the year end, period = the year: the audit the
/// generator promises a clean data set passes.
fn auditor(year: i32) -> Auditor {
    Auditor::new(year_end(year)).period(DateRange::year(year))
}

fn describe(f: &Finding) -> String {
    format!(
        "{} {} {} {:?}: {}",
        f.branch,
        f.rule,
        f.subject.id,
        f.period.map(|p| p.from),
        f.message.en
    )
}

/// Audits bundles `range` of `opts` and returns every finding, described.
fn findings(opts: &SynthOptions, range: std::ops::Range<usize>) -> Vec<String> {
    let year = opts.effective_year();
    let auditor = auditor(year);
    let mut out = Vec::new();
    for i in range {
        let b = synth::bundle(opts, i);
        assert_eq!(
            b.latest_event_date(),
            Some(year_end(year)),
            "{}: the latest event must be the year end (the audit's default as_of)",
            b.branch.id
        );
        out.extend(auditor.check(&b).iter().map(describe));
    }
    out
}

fn assert_clean(found: &[String], what: &str) {
    assert!(
        found.is_empty(),
        "{what}: {} finding(s) on clean data, e.g.:\n{}",
        found.len(),
        found
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn clean_data_yields_no_findings() {
    for seed in [1, 2, 3, 0xDEAD_BEEF] {
        let opts = SynthOptions::new(75, seed);
        assert_clean(&findings(&opts, 0..75), &format!("seed {seed}"));
    }
}

#[test]
fn clean_data_of_other_years_yields_no_findings() {
    // 2024: a leap year; 2026: the holiday data ends on 2026-12-25 (the
    // calendar falls back to Monday–Friday after it, for the audit too).
    for year in [2024, 2026] {
        let opts = SynthOptions {
            year,
            ..SynthOptions::new(25, 9)
        };
        assert_clean(&findings(&opts, 0..25), &format!("year {year}"));
    }
}

#[test]
fn same_seed_same_json_and_bundles_are_independent() {
    let opts = SynthOptions::new(20, 42);
    let json = |o: &SynthOptions, i| serde_json::to_string(&synth::bundle(o, i)).unwrap();
    let first: Vec<String> = (0..20).map(|i| json(&opts, i)).collect();
    // Generated again, in reverse order, with another data-set size: identical.
    let bigger = SynthOptions {
        branches: 1_000_000,
        ..opts.clone()
    };
    for i in (0..20).rev() {
        assert_eq!(json(&bigger, i), first[i], "bundle {i}");
    }
    // The iterator gives the same bundles.
    for (i, b) in opts.bundles().enumerate() {
        assert_eq!(serde_json::to_string(&b).unwrap(), first[i]);
    }
    // Another seed: different data.
    let other = SynthOptions::new(20, 43);
    let differing = (0..20).filter(|&i| json(&other, i) != first[i]).count();
    assert_eq!(differing, 20);
    // Bundles of one data set differ from each other.
    let distinct: BTreeSet<&String> = first.iter().collect();
    assert_eq!(distinct.len(), 20);
    // Branch ids follow the index.
    assert_eq!(synth::bundle(&opts, 7).branch.id.as_str(), "B000007");
}

#[test]
fn prng_output_is_fixed() {
    // The reference sequence of SplitMix64 (Vigna's splitmix64.c, seed 1234567).
    let mut r = SplitMix64::new(1_234_567);
    let got: Vec<u64> = (0..5).map(|_| r.next_u64()).collect();
    assert_eq!(
        got,
        [
            6457827717110365317,
            3203168211198807973,
            9817491932198370423,
            4593380528125082431,
            16408922859458223821
        ]
    );
    let mut r = SplitMix64::new(0);
    for n in [1, 2, 7, 1000, u64::MAX] {
        assert!(r.below(n) < n);
    }
    assert_eq!(r.below(0), 0);
    assert_eq!(r.range(5, 5), 5);
    assert_eq!(r.range(9, 3), 9);
    assert!(!r.chance(0.0) && r.chance(1.0));
}

#[test]
fn faults_fire_across_the_rule_families() {
    let opts = SynthOptions {
        faults: 0.05,
        ..SynthOptions::new(120, 5)
    };
    let year = opts.effective_year();
    let auditor = auditor(year);
    let mut by_rule: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut faulty_bundles = 0;
    for b in opts.bundles() {
        // Faults never move an event past the year end.
        assert_eq!(
            b.latest_event_date(),
            Some(year_end(year)),
            "{}",
            b.branch.id
        );
        let found = auditor.check(&b);
        faulty_bundles += usize::from(!found.is_empty());
        for f in found {
            *by_rule
                .entry(f.rule.code().map_or("?", |c| c.as_str()))
                .or_default() += 1;
        }
    }
    let families: BTreeSet<&str> = by_rule.keys().map(|r| &r[..3]).collect();
    for family in ["DUE", "MTG", "DEV", "EDU", "ORG", "DAT"] {
        assert!(
            families.contains(family),
            "no {family} finding with faults = 0.05: {by_rule:?}"
        );
    }
    // A realistic mix: many different rules, and most bundles have some fault.
    assert!(
        by_rule.len() >= 30,
        "only {} rules fired: {by_rule:?}",
        by_rule.len()
    );
    assert!(
        faulty_bundles * 10 >= 120 * 9,
        "{faulty_bundles} of 120 bundles faulty"
    );

    // Faults in a meeting held need the meeting held, and at rate 1 every
    // meeting is skipped: they show at the lower rate.
    for rule in ["MTG011", "MTG013", "MTG014"] {
        assert!(
            by_rule.contains_key(rule),
            "{rule} did not fire at faults = 0.05: {by_rule:?}"
        );
    }

    // Every fault kind fires at rate 1 (each rule that a planted fault targets).
    let all = SynthOptions {
        faults: 1.0,
        ..SynthOptions::new(30, 5)
    };
    let mut fired: BTreeSet<&'static str> = BTreeSet::new();
    for b in all.bundles() {
        fired.extend(
            auditor
                .check(&b)
                .iter()
                .filter_map(|f| f.rule.code())
                .map(|c| c.as_str()),
        );
    }
    for rule in [
        "DUE001", "DUE004", "DUE006", "DUE007", "DUE009", "DUE010", "DUE011", "MTG001", "MTG002",
        "MTG005", "MTG006", "MTG007", "MTG008", "MTG009", "MTG010", "MTG012", "MTG015", "EDU001",
        "EDU002", "DEV001", "DEV002", "DEV003", "DEV005", "DEV008", "DEV009", "DEV010", "DEV011",
        "DEV013", "DEV014", "ORG002", "ORG003", "ORG004", "ORG005", "IDE001", "REL001", "REL002",
        "REL003", "REL004", "REL005", "REL006", "DAT002", "DAT003",
    ] {
        assert!(
            fired.contains(rule),
            "{rule} did not fire at faults = 1: {fired:?}"
        );
    }
}

#[test]
fn branch_sizes_are_realistic() {
    let opts = SynthOptions::new(600, 77);
    let sizes: Vec<usize> = opts.bundles().map(|b| b.members.len()).collect();
    assert!(sizes.iter().all(|n| (3..=50).contains(n)), "{sizes:?}");
    let mean = sizes.iter().sum::<usize>() as f64 / sizes.len() as f64;
    assert!((22.0..=28.0).contains(&mean), "mean size {mean}");
    assert!(sizes.iter().any(|&n| n < 8), "no small branch");
    assert!(sizes.iter().any(|&n| n > 42), "no large branch");
}

#[test]
fn every_table_and_situation_is_populated() {
    let opts = SynthOptions::new(300, 3);
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut see =
        |what: &'static str, yes: bool| *seen.entry(what).or_default() += usize::from(yes);
    for b in opts.bundles() {
        let tables: [(&str, usize); 15] = [
            ("members", b.members.len()),
            ("dues_bases", b.dues_bases.len()),
            ("dues_payments", b.dues_payments.len()),
            ("dues_waivers", b.dues_waivers.len()),
            ("exemptions", b.exemptions.len()),
            ("meetings", b.meetings.len()),
            ("talks", b.talks.len()),
            ("trainings", b.trainings.len()),
            ("candidates", b.candidates.len()),
            ("development", b.development.len()),
            ("publicity", b.publicity.len()),
            ("transfers", b.transfers.len()),
            ("mobility", b.mobility.len()),
            ("dues_remittances", b.dues_remittances.len()),
            ("dues_publications", b.dues_publications.len()),
        ];
        for (t, n) in tables {
            see(t, n > 0);
        }
        see("committee", b.branch.committee.is_some());
        see("secretary only", b.branch.secretary.is_some());
        see("groups", !b.branch.groups.is_empty());
        let m = &b.members;
        see("transfer in", m.iter().any(|m| m.in_branch_from.is_some()));
        see("transfer out", m.iter().any(|m| m.in_branch_to.is_some()));
        see(
            "quarterly payer",
            m.iter()
                .any(|m| m.payment_cycle == Some(PaymentCycle::Quarterly)),
        );
        see(
            "probationary member",
            m.iter().any(|m| m.status == MemberStatus::Probationary),
        );
        see("leading cadre", m.iter().any(|m| m.leading_cadre));
        see("vote", b.meetings.iter().any(|m| m.votes.is_some()));
        see(
            "annual item of last year",
            b.meetings.iter().any(|m| m.for_period.is_some()),
        );
        see(
            "payment over several months",
            b.dues_payments.iter().any(|p| p.through.is_some()),
        );
        // v1.1 records.
        let c = b.branch.committee.as_ref();
        see(
            "postponed election",
            c.is_some_and(|c| c.postponement.is_some()),
        );
        see("five-year term", c.is_some_and(|c| c.term_years == 5));
        let pays = &b.dues_payments;
        see("receipts", pays.iter().any(|p| p.receipt_no.is_some()));
        see("collectors", pays.iter().any(|p| p.collector.is_some()));
        let mt = &b.meetings;
        see(
            "ideology review",
            mt.iter().any(|m| m.tags.iter().any(|t| t == "ideology")),
        );
        see(
            "rectification items",
            mt.iter().any(|m| !m.rectifications.is_empty()),
        );
        for (what, reason) in [
            ("left: transferred", LeftReason::Transferred),
            ("left: died", LeftReason::Died),
            ("left: other", LeftReason::Other),
        ] {
            see(what, m.iter().any(|m| m.left_reason == Some(reason)));
        }
        for (what, kind) in [
            ("away: work", MobilityKind::Work),
            ("away: study", MobilityKind::Study),
            ("away: life", MobilityKind::Life),
            ("away: abroad", MobilityKind::Abroad),
            ("away: lost contact", MobilityKind::LostContact),
        ] {
            see(what, b.mobility.iter().any(|x| x.kind == kind));
        }
        see(
            "transfer letter in",
            b.transfers
                .iter()
                .any(|t| t.direction == TransferDirection::In),
        );
        see(
            "transfer letter out",
            b.transfers
                .iter()
                .any(|t| t.direction == TransferDirection::Out),
        );
        see(
            "candidate's member",
            b.candidates.iter().any(|c| c.member.is_some()),
        );
        see(
            "training channel",
            b.trainings.iter().any(|t| t.channel.is_some()),
        );
        see(
            "v1 export",
            pays.iter().all(|p| p.receipt_no.is_none())
                && mt.iter().all(|m| m.tags.is_empty())
                && b.transfers.is_empty()
                && b.dues_remittances.is_empty()
                && b.trainings.iter().all(|t| t.channel.is_none()),
        );
        see(
            "probation extended",
            b.development
                .iter()
                .any(|d| d.outcome == Some(ConversionOutcome::Extend)),
        );
        for c in &b.candidates {
            let furthest = b
                .development
                .iter()
                .filter(|d| d.candidate == c.id)
                .map(|d| d.step)
                .max();
            let stage = match furthest {
                Some(s) if s >= Step::Archived => "stage full",
                Some(s) if s >= Step::AdmissionApproved => "stage probationary",
                Some(s) if s >= Step::CandidateConfirmed => "stage candidate",
                Some(s) if s >= Step::ActivistConfirmed => "stage activist",
                _ => "stage applicant",
            };
            see(stage, true);
        }
    }
    for (what, n) in &seen {
        assert!(*n > 0, "{what}: in none of 300 bundles ({seen:?})");
    }
    assert_eq!(seen.len(), 15 + 12 + 19 + 5, "{seen:?}");
    // Dues categories: mostly salaried, and every category occurs.
    let mut cats: BTreeMap<String, usize> = BTreeMap::new();
    for b in opts.bundles().take(100) {
        for m in &b.members {
            *cats.entry(m.dues_category.to_string()).or_default() += 1;
        }
    }
    assert_eq!(cats.len(), 9, "{cats:?}");
    let total: usize = cats.values().sum();
    assert!(cats["salaried"] * 2 > total, "{cats:?}");
}

#[test]
fn bundles_round_trip_through_json() {
    for opts in [
        SynthOptions::new(40, 8),
        SynthOptions {
            faults: 0.2,
            ..SynthOptions::new(40, 8)
        },
    ] {
        let bundles: Vec<Bundle> = opts.bundles().collect();
        for b in &bundles {
            let line = serde_json::to_string(b).unwrap();
            let back = dangjian::load::bundle_from_json(&line)
                .unwrap_or_else(|e| panic!("{}: {e}", b.branch.id));
            assert_eq!(&back, b);
        }
        // As a `dangjian/1` document too.
        let doc = serde_json::json!({"format": dangjian::load::FORMAT, "branches": bundles});
        let back = dangjian::load::from_json_str(&doc.to_string()).unwrap();
        assert_eq!(back, bundles);
    }
}

#[test]
fn out_of_range_options_do_not_panic() {
    for (faults, year) in [
        (f64::NAN, i32::MIN),
        (-1.0, i32::MAX),
        (2.0, 0),
        (f64::INFINITY, 2025),
    ] {
        let opts = SynthOptions {
            branches: 2,
            seed: u64::MAX,
            faults,
            year,
        };
        let y = opts.effective_year();
        assert!((synth::MIN_YEAR..=synth::MAX_YEAR).contains(&y));
        for b in opts.bundles() {
            assert_eq!(b.latest_event_date(), Some(year_end(y)));
        }
    }
    let nan = SynthOptions {
        faults: f64::NAN,
        ..SynthOptions::new(1, 1)
    };
    assert_eq!(nan.fault_rate(), 0.0);
    assert_eq!(
        synth::bundle(&nan, 0),
        synth::bundle(&SynthOptions::new(1, 1), 0)
    );
    assert_eq!(
        synth::bundle(&nan, usize::MAX).branch.id.as_str(),
        format!("B{}", usize::MAX)
    );
}
