//! The bundled sample (`examples/data/sample.json`, written by
//! `examples/data/make_sample.py` with the helpers of `sample_v11.py`) yields
//! exactly the findings of the v1.1 faults planted in it — what a 文旅局
//! inspection finds in the transfers, the members away, the dues books, the
//! 组织生活会 and the ideology reviews — and nothing from the v1.1 records
//! kept correctly.

mod common;
use common::{as_of, auditor, keys, sample};

use dangjian::{Auditor, Profile, Report, Severity};

/// Every rule the v1.1 records feed, and the quorum of the 支部党员大会.
const V11: &str = "DUE009,DUE010,DUE011,MTG011,MTG013,MTG014,MTG015,IDE,REL,ORG005";

fn audit(selection: &str) -> Report {
    auditor(selection).audit(&sample())
}

fn finding<'a>(r: &'a Report, rule: &str, branch: &str) -> &'a dangjian::Finding {
    r.findings
        .iter()
        .find(|f| f.rule == rule && f.branch.as_str() == branch)
        .unwrap_or_else(|| panic!("{rule} in {branch}"))
}

#[test]
fn sample_v11_findings_are_the_planted_ones() {
    let expected = [
        // B01 keeps receipts (党费收据); the booking for M15's October, after he
        // left, has none (practice).
        "B01 DUE009 M15 2025-10-01",
        // B01: M12's January dues, paid on 2025-08-15, were not remitted with
        // the third quarter (practice: 足额上缴).
        "B01 DUE010 B01 2025-07-01",
        // B01: the 2024 组织生活会's item "三会一课记录不够规范", due 2025-06-30,
        // still open (支部工作条例 第十七条).
        "B01 MTG015 B01-life_meeting-2024 2025-06-30",
        // B01: M15 left on 2025-09-20 with no outgoing letter, while the branch
        // keeps letters (M16's incoming one) (教育条例 第二十五条).
        "B01 REL003 M15 2025-09-20",
        // B02: ideology work reviewed in April, not in the second half-year
        // (practice: 每半年至少专题研究一次).
        "B02 IDE001 B02 2025-07-01",
        // B02: the Q4 general meeting voted with 6 of 13 voting members present.
        "B02 MTG011 B02-general_meeting-Q4 2025-12-20",
        // B02: the secretary M17, a leading cadre, was away at the 2025
        // 组织生活会 (教育条例 第十六条: 双重组织生活).
        "B02 MTG013 M17 2025-01-01",
        // B02: M29, seconded to 深圳 since 2025-04-21, six months away at a
        // fixed place on 2025-10-20, relations not transferred (教育条例 第二十五条).
        "B02 REL004 M29 2025-04-21",
    ];
    let report = audit(V11);
    assert_eq!(keys(&report), expected);

    let sev = |rule, branch| finding(&report, rule, branch).severity;
    assert_eq!(sev("DUE009", "B01"), Severity::Info);
    assert_eq!(sev("DUE010", "B01"), Severity::Warning);
    assert_eq!(sev("MTG015", "B01"), Severity::Warning);
    assert_eq!(sev("REL003", "B01"), Severity::Warning);
    assert_eq!(sev("IDE001", "B02"), Severity::Warning);
    assert_eq!(sev("MTG011", "B02"), Severity::Error);
    assert_eq!(sev("MTG013", "B02"), Severity::Warning);
    assert_eq!(sev("REL004", "B02"), Severity::Warning);
}

#[test]
fn sample_v11_evidence() {
    let r = audit(V11);
    let e = |rule, branch| &finding(&r, rule, branch).evidence;

    let due010 = e("DUE010", "B01");
    assert_eq!(due010["period"], "2025-Q3");
    assert_eq!(due010["collected"], "5145.00");
    assert_eq!(due010["remitted"], "5100.00");
    assert_eq!(due010["shortfall"], "45.00");

    let due009 = e("DUE009", "B01");
    assert_eq!(due009["amount"], "150.00");
    assert_eq!(due009["paid_on"], "2025-10-10");

    let mtg015 = e("MTG015", "B01");
    assert_eq!(mtg015["item"], "三会一课记录不够规范");
    assert_eq!(mtg015["owner"], "M03");
    assert_eq!(mtg015["done_on"], serde_json::Value::Null);
    assert_eq!(mtg015["days_late"], 184);

    let rel003 = e("REL003", "B01");
    assert_eq!(rel003["left_reason"], "transferred");
    assert_eq!(rel003["window_from"], "2025-08-20");
    assert_eq!(rel003["window_to"], "2025-10-20");
    assert_eq!(rel003["nearest_letter"], serde_json::Value::Null);

    assert_eq!(e("IDE001", "B02")["period"], "2025-H2");

    let mtg011 = e("MTG011", "B02");
    assert_eq!(mtg011["expected_voting"], 13);
    assert_eq!(mtg011["present_voting"], 6);

    assert_eq!(e("MTG013", "B02")["meetings"][0], "B02-life_meeting-2025");

    let rel004 = e("REL004", "B02");
    assert_eq!(rel004["kind"], "work");
    assert_eq!(rel004["reached_on"], "2025-10-20");
    assert_eq!(rel004["away_until"], "2025-12-31");
}

#[test]
fn sample_v11_records_kept_correctly_yield_nothing() {
    let bundles = sample();
    let (b01, b02, b03) = (&bundles[0], &bundles[1], &bundles[2]);
    // Receipts: B01 and B03 keep them (B03 on every payment), B02 none, so
    // B02's payments (M99's included) are not checked for them.
    assert!(b03.dues_payments.iter().all(|p| p.receipt_no.is_some()));
    assert!(b02.dues_payments.iter().all(|p| p.receipt_no.is_none()));
    let missing: Vec<&str> = b01
        .dues_payments
        .iter()
        .filter(|p| p.receipt_no.is_none())
        .map(|p| p.member.as_str())
        .collect();
    assert_eq!(missing, ["M15"]);
    // Every branch remits and publishes: B03 monthly (its quarters add up),
    // all three published 2025 at the December general meeting.
    let periods: Vec<String> = b03
        .dues_remittances
        .iter()
        .map(|r| r.period.to_string())
        .filter(|p| p.starts_with("2025"))
        .collect();
    assert_eq!(periods.len(), 11, "{periods:?}");
    assert!(periods.iter().all(|p| !p.contains('Q')), "{periods:?}");
    for b in &bundles {
        assert!(b.dues_publications.iter().any(|p| p.year == 2025));
        assert!(!b.meetings.iter().all(|m| m.tags.is_empty()));
        assert!(b.meetings.iter().any(|m| !m.rectifications.is_empty()));
    }
    // M16's incoming letter was reported on time; M06's three months at the
    // party school and B01's leading cadre M01 at the 组织生活会 are in order.
    assert_eq!(b01.transfers.len(), 1);
    assert_eq!(b01.mobility.len(), 1);
    let report = audit(V11);
    // B03 keeps every v1.1 record correctly.
    assert!(report.findings.iter().all(|f| f.branch.as_str() != "B03"));
    assert!(
        !report
            .findings
            .iter()
            .any(|f| f.subject.id == "M16" || f.subject.id == "M06" || f.subject.id == "M01")
    );
    // No DUE011, MTG014, ORG005, REL001, REL002, REL005 or REL006 anywhere.
    for rule in [
        "DUE011", "MTG014", "ORG005", "REL001", "REL002", "REL005", "REL006",
    ] {
        assert!(report.findings.iter().all(|f| f.rule != rule), "{rule}");
    }
}

#[test]
fn sample_exactly_half_is_a_quorum_only_inclusively() {
    // B01's Q2 general meeting had 8 of 16 voting members present: a quorum
    // under "半数以上" (the default), not under the strict "超过半数".
    let mut strict = Profile::central();
    strict
        .set_param(
            "meetings.quorum_inclusive",
            serde_json::json!(false),
            None,
            None,
        )
        .unwrap();
    let report = Auditor::new(as_of())
        .profile(strict)
        .select("MTG011".parse().unwrap())
        .audit(&sample());
    assert_eq!(
        keys(&report),
        [
            "B01 MTG011 B01-general_meeting-Q2 2025-06-20",
            "B02 MTG011 B02-general_meeting-Q4 2025-12-20",
        ]
    );
}
