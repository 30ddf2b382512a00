//! The bundled sample (`examples/data/sample.json`, written by
//! `examples/data/make_sample.py`) yields exactly the findings of the faults
//! planted in it: the records of 2025 of the three branches of a municipal
//! culture-and-tourism bureau.

mod common;
use common::{auditor, keys, sample};

use chrono::NaiveDate;
use dangjian::Report;

fn audit(selection: &str) -> Report {
    auditor(selection).audit(&sample())
}

#[test]
fn sample_shape() {
    let bundles = sample();
    assert_eq!(bundles.len(), 3);
    let members: usize = bundles.iter().map(|b| b.members.len()).sum();
    assert_eq!(members, 40);
    // Every table holds records somewhere in the sample.
    let all = |f: fn(&dangjian::Bundle) -> usize| bundles.iter().map(f).sum::<usize>();
    assert!(all(|b| b.dues_bases.len()) > 0);
    assert!(all(|b| b.dues_payments.len()) > 0);
    assert!(all(|b| b.dues_waivers.len()) > 0);
    assert!(all(|b| b.exemptions.len()) > 0);
    assert!(all(|b| b.meetings.len()) > 0);
    assert!(all(|b| b.talks.len()) > 0);
    assert!(all(|b| b.trainings.len()) > 0);
    assert!(all(|b| b.candidates.len()) > 0);
    assert!(all(|b| b.development.len()) > 0);
    assert!(all(|b| b.publicity.len()) > 0);
    // The v1.1 tables too.
    assert!(all(|b| b.transfers.len()) > 0);
    assert!(all(|b| b.mobility.len()) > 0);
    assert!(all(|b| b.dues_remittances.len()) > 0);
    assert!(all(|b| b.dues_publications.len()) > 0);
    // The default as_of of the audit command is the latest event date: 2025-12-31.
    let latest = bundles.iter().filter_map(|b| b.latest_event_date()).max();
    assert_eq!(latest, NaiveDate::from_ymd_opt(2025, 12, 31));
}

#[test]
fn sample_dues_and_data_findings() {
    let expected = [
        // B01: an exemption typed with its end before its start.
        "B01 DAT003 M10 2025-05-01",
        // B01: M08 paid nothing for June.
        "B01 DUE001 M08 2025-06-01",
        // B01: M05 paid 85.00 for April on a base of 8500.00 (1.5% = 127.50).
        "B01 DUE002 M05 2025-04-01",
        // B01: M12 paid January's dues on 2025-08-15, past 2025-07-31.
        "B01 DUE005 M12 2025-08-15",
        // B01: M15 left on 2025-09-20 but a payment for October was booked.
        "B01 DUE008 M15 2025-10-01",
        // B01 keeps receipts; that booking for M15's October has none (practice).
        "B01 DUE009 M15 2025-10-01",
        // B01: M12's January dues, paid in August, were not remitted with the
        // third quarter: 45.00 short (practice).
        "B01 DUE010 B01 2025-07-01",
        // B02: a payment booked to M99, who is not a member.
        "B02 DAT001 M99 -",
        // B02: M21 paid nothing from March to September: 7 months, a six-month lapse.
        "B02 DUE001 M21 2025-03-01",
        "B02 DUE001 M21 2025-04-01",
        "B02 DUE001 M21 2025-05-01",
        "B02 DUE001 M21 2025-06-01",
        "B02 DUE001 M21 2025-07-01",
        "B02 DUE001 M21 2025-08-01",
        "B02 DUE001 M21 2025-09-01",
        // B02: M24 paid nothing for October to December: arrears of 3 months.
        "B02 DUE001 M24 2025-10-01",
        "B02 DUE001 M24 2025-11-01",
        "B02 DUE001 M24 2025-12-01",
        "B02 DUE003 M24 2025-10-01",
        "B02 DUE004 M21 2025-03-01",
        // B02: M27 has no dues base on file.
        "B02 DUE007 M27 2025-01-01",
        // B03: M35's reduction to 1.00 for November and December lacks the higher
        // approval, so it excuses nothing and both months are short.
        "B03 DUE002 M35 2025-11-01",
        "B03 DUE002 M35 2025-12-01",
        "B03 DUE006 M35 2025-11-01",
    ];
    let report = audit("DUE,DAT");
    assert_eq!(keys(&report), expected);
    assert_eq!(report.summary.branches, 3);
    assert_eq!(report.summary.members, 40);
}

/// With every rule on, the sample yields exactly the union of the family
/// lists asserted here (DUE, DAT), in `sample_dev.rs` (DEV), `sample_mtg.rs`
/// (MTG, EDU, ORG) and `sample_v11.rs` (IDE, REL): 24 + 20 + 16 + 3 = 63
/// findings, nothing else.
#[test]
fn sample_all_findings_are_the_planted_ones() {
    let all = audit("all");
    let by_family = |sel: &str| audit(sel).findings.len();
    assert_eq!(by_family("DUE,DAT"), 24);
    assert_eq!(by_family("DEV"), 20);
    assert_eq!(by_family("MTG,EDU,ORG"), 16);
    assert_eq!(by_family("IDE,REL"), 3);
    assert_eq!(all.findings.len(), 24 + 20 + 16 + 3);
    assert_eq!(all.summary.findings, all.findings.len());
    // The union, and the report order (branch, rule, subject, period).
    let mut union: Vec<String> = ["DUE,DAT", "DEV", "MTG,EDU,ORG", "IDE,REL"]
        .iter()
        .flat_map(|s| keys(&audit(s)))
        .collect();
    union.sort();
    let mut got = keys(&all);
    let in_order = got.clone();
    got.sort();
    assert_eq!(got, union);
    assert_eq!(
        in_order, got,
        "findings are sorted by branch, rule, subject, period"
    );
}
