//! The inspection cycle: comparing a report with an earlier one (baseline).

use dangjian::report::{Baseline, BaselineStatus};
use dangjian::rules::Selection;
use dangjian::{
    Auditor, Branch, BranchKind, Bundle, DuesBase, DuesCategory, DuesPayment, Member, MemberStatus,
    NaiveDate, Report,
};
#[cfg(feature = "synth")]
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    dangjian::parse_date(s).unwrap()
}

fn sample() -> Vec<Bundle> {
    dangjian::load::read_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.json"
    ))
    .unwrap()
}

#[test]
fn a_baseline_of_the_same_data_leaves_everything_unchanged() {
    let auditor = Auditor::new(d("2025-12-31"));
    let bundles = sample();
    let before = auditor.audit(&bundles);
    let mut after = auditor.audit(&bundles);
    after.compare(&Baseline::from_report(&before, Some("before.json")));
    assert!(!after.findings.is_empty());
    for f in &after.findings {
        assert_eq!(f.baseline, Some(BaselineStatus::Unchanged), "{}", f.id);
        assert_eq!(f.first_seen, Some(d("2025-12-31")));
    }
    assert!(after.resolved.is_empty());
    let c = after.summary.baseline.clone().unwrap();
    assert_eq!(
        (c.new, c.unchanged, c.updated, c.resolved),
        (0, before.findings.len(), 0, 0)
    );
    assert_eq!(c.rectification_rate.unwrap().to_string(), "0");
    // The comparison survives a round trip of the report.
    assert_eq!(Report::from_json(&after.to_json()).unwrap(), after);
}

/// One branch, two salaried members on a base of 4000.00 (40.00 a month).
fn branch(payments: &[(&str, &str, &str, &str)]) -> Bundle {
    let mut b = Bundle::new(Branch::new(
        "B1".parse().unwrap(),
        "一支部",
        BranchKind::Organ,
    ));
    for m in ["M1", "M2"] {
        b.members.push(Member::new(
            m.parse().unwrap(),
            m,
            MemberStatus::Full,
            d("2010-06-01"),
            DuesCategory::Salaried,
        ));
        b.dues_bases.push(DuesBase::new(
            m.parse().unwrap(),
            "2024-01".parse().unwrap(),
            "4000.00".parse().unwrap(),
        ));
    }
    for (m, month, amount, on) in payments {
        b.dues_payments.push(DuesPayment::new(
            m.parse().unwrap(),
            month.parse().unwrap(),
            amount.parse().unwrap(),
            d(on),
        ));
    }
    b
}

fn audit(as_of: &str, b: &Bundle, baseline: Option<&Report>) -> Report {
    let mut r = Auditor::new(d(as_of))
        .select("DUE001,DUE002".parse().unwrap())
        .audit([b]);
    if let Some(base) = baseline {
        r.compare(&Baseline::from_report(base, None));
    }
    r
}

fn status(r: &Report, id: &str) -> (Option<BaselineStatus>, Option<NaiveDate>) {
    let f = r
        .findings
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("{id} in {:?}", ids(r)));
    (f.baseline, f.first_seen)
}

fn ids(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.id.as_str()).collect()
}

#[test]
fn three_quarters_of_one_branch() {
    use BaselineStatus::*;
    // Q1: M1 pays January; February and March unpaid. M2 pays January short
    // (30.00 of 40.00), February and March in full.
    let mut pay = vec![
        ("M1", "2025-01", "40.00", "2025-01-10"),
        ("M2", "2025-01", "30.00", "2025-01-10"),
        ("M2", "2025-02", "40.00", "2025-02-10"),
        ("M2", "2025-03", "40.00", "2025-03-10"),
    ];
    let q1 = audit("2025-03-31", &branch(&pay), None);
    assert_eq!(
        ids(&q1),
        [
            "DUE001/B1/member:M1/2025-02",
            "DUE001/B1/member:M1/2025-03",
            "DUE002/B1/member:M2/2025-01"
        ]
    );

    // Q2: M1 back-pays February (fixed), not March; pays April to June. M2
    // pays 5.00 more for January (still short: updated), April, June — May
    // unpaid (new).
    pay.extend([
        ("M1", "2025-02", "40.00", "2025-04-02"),
        ("M1", "2025-04", "40.00", "2025-04-10"),
        ("M1", "2025-05", "40.00", "2025-05-10"),
        ("M1", "2025-06", "40.00", "2025-06-10"),
        ("M2", "2025-01", "5.00", "2025-04-02"),
        ("M2", "2025-04", "40.00", "2025-04-10"),
        ("M2", "2025-06", "40.00", "2025-06-10"),
    ]);
    let q2 = audit("2025-06-30", &branch(&pay), Some(&q1));
    assert_eq!(
        status(&q2, "DUE001/B1/member:M1/2025-03"),
        (Some(Unchanged), Some(d("2025-03-31")))
    );
    assert_eq!(
        status(&q2, "DUE002/B1/member:M2/2025-01"),
        (Some(Updated), Some(d("2025-03-31")))
    );
    assert_eq!(
        status(&q2, "DUE001/B1/member:M2/2025-05"),
        (Some(New), Some(d("2025-06-30")))
    );
    let resolved: Vec<&str> = q2.resolved.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(resolved, ["DUE001/B1/member:M1/2025-02"]);
    assert_eq!(q2.resolved[0].first_seen, d("2025-03-31"));
    let c = q2.summary.baseline.clone().unwrap();
    assert_eq!((c.new, c.unchanged, c.updated, c.resolved), (1, 1, 1, 1));
    assert_eq!(c.rectification_rate.unwrap().to_string(), "0.3333");

    // Q3 against Q2: M1 pays March (fixed) and July, not August (new); M2
    // pays the rest of January (fixed), July, August — May still unpaid.
    pay.extend([
        ("M1", "2025-03", "40.00", "2025-07-02"),
        ("M1", "2025-07", "40.00", "2025-07-10"),
        ("M1", "2025-09", "40.00", "2025-09-10"),
        ("M2", "2025-01", "5.00", "2025-07-02"),
        ("M2", "2025-07", "40.00", "2025-07-10"),
        ("M2", "2025-08", "40.00", "2025-08-10"),
        ("M2", "2025-09", "40.00", "2025-09-10"),
    ]);
    let q3 = audit("2025-09-30", &branch(&pay), Some(&q2));
    assert_eq!(
        status(&q3, "DUE001/B1/member:M2/2025-05"),
        (Some(Unchanged), Some(d("2025-06-30")))
    );
    assert_eq!(
        status(&q3, "DUE001/B1/member:M1/2025-08"),
        (Some(New), Some(d("2025-09-30")))
    );
    let resolved: Vec<(&str, NaiveDate)> = q3
        .resolved
        .iter()
        .map(|r| (r.id.as_str(), r.first_seen))
        .collect();
    assert_eq!(
        resolved,
        [
            ("DUE001/B1/member:M1/2025-03", d("2025-03-31")),
            ("DUE002/B1/member:M2/2025-01", d("2025-03-31")),
        ]
    );
    assert_eq!(q3.findings.len(), 2);
}

#[test]
fn a_branch_missing_from_the_new_export_resolves_nothing() {
    let bundles = sample();
    let auditor = Auditor::new(d("2025-12-31"));
    let before = auditor.audit(&bundles);
    let mut after = auditor.audit(&bundles[..1]);
    after.compare(&Baseline::from_report(&before, None));
    assert!(after.resolved.is_empty(), "{:?}", after.resolved.first());
    // A branch audited with no findings left: its findings are resolved.
    let mut clean = bundles[0].clone();
    clean.branch.id = "B02".parse().unwrap();
    clean.members.clear();
    let mut after = Auditor::new(d("2025-12-31"))
        .select(Selection::none())
        .audit([&clean]);
    after.compare(&Baseline::from_report(&before, None));
    let b02 = before.findings.iter().filter(|f| f.branch == "B02").count();
    assert!(b02 > 0);
    assert_eq!(after.resolved.len(), b02);
}

#[cfg(feature = "synth")]
proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Removing the cause of one finding (paying one unpaid month) makes
    /// exactly that id resolved; renaming members changes no id and no status.
    #[test]
    fn removing_one_cause_resolves_exactly_its_id(seed in 0u64..10_000, pick in 0usize..1000) {
        let mut opts = dangjian::synth::SynthOptions::new(1, seed);
        opts.faults = 0.4;
        opts.year = 2025;
        let b = opts.bundles().next().unwrap();
        let auditor = Auditor::new(d("2025-12-31")).select("DUE001".parse().unwrap());
        let before = auditor.audit([&b]);
        prop_assume!(!before.findings.is_empty());
        let f = &before.findings[pick % before.findings.len()];
        let month = f.period.unwrap().from;
        let mut fixed = b.clone();
        fixed.dues_payments.push(DuesPayment::new(
            f.subject.id.clone(),
            dangjian::YearMonth::of(month),
            "100000.00".parse().unwrap(),
            month,
        ));
        let mut after = auditor.audit([&fixed]);
        after.compare(&Baseline::from_report(&before, None));
        let resolved: Vec<&str> = after.resolved.iter().map(|r| r.id.as_str()).collect();
        prop_assert_eq!(resolved, vec![f.id.as_str()]);
        prop_assert!(after.findings.iter().all(|g| g.baseline == Some(BaselineStatus::Unchanged)));

        // Names are in messages, never in ids or evidence.
        let mut renamed = b.clone();
        for m in &mut renamed.members {
            m.name = format!("{}（改名）", m.name);
        }
        let mut again = auditor.audit([&renamed]);
        again.compare(&Baseline::from_report(&before, None));
        prop_assert!(again.resolved.is_empty());
        prop_assert_eq!(again.findings.len(), before.findings.len());
        for (a, b) in again.findings.iter().zip(&before.findings) {
            prop_assert_eq!(&a.id, &b.id);
            prop_assert_eq!(a.baseline, Some(BaselineStatus::Unchanged));
        }
    }
}
