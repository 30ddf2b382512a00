//! The inspection cycle over time (issue 27): a re-audit of the same data a
//! month later changes nothing, and the next year's report against this
//! year's marks the same faults again `recurring` — not `new` — with a
//! 整改率 that counts only what is gone.

use dangjian::report::{Baseline, BaselineStatus, Report};
use dangjian::{
    Auditor, Branch, BranchKind, Bundle, DateRange, DuesBase, DuesCategory, DuesPayment, Member,
    MemberStatus, NaiveDate, Training,
};

fn d(s: &str) -> NaiveDate {
    dangjian::parse_date(s).unwrap()
}

fn year(y: i32) -> DateRange {
    DateRange::new(d(&format!("{y}-01-01")), d(&format!("{y}-12-31"))).unwrap()
}

/// A salaried member on a base of 4000.00 (40.00 a month) who pays every
/// month of 2025 and 2026 on the 10th but the months in `unpaid`, and has
/// 40 hours of training a year but in the years in `untrained`.
fn member(b: &mut Bundle, id: &str, unpaid: &[&str], untrained: &[i32]) {
    b.members.push(Member::new(
        id.parse().unwrap(),
        id,
        MemberStatus::Full,
        d("2010-06-01"),
        DuesCategory::Salaried,
    ));
    b.dues_bases.push(DuesBase::new(
        id.parse().unwrap(),
        "2025-01".parse().unwrap(),
        "4000.00".parse().unwrap(),
    ));
    for y in [2025, 2026] {
        for m in 1..=12 {
            let month = format!("{y}-{m:02}");
            if unpaid.contains(&month.as_str()) {
                continue;
            }
            b.dues_payments.push(DuesPayment::new(
                id.parse().unwrap(),
                month.parse().unwrap(),
                "40.00".parse().unwrap(),
                d(&format!("{month}-10")),
            ));
        }
        if !untrained.contains(&y) {
            b.trainings.push(Training::new(
                id.parse().unwrap(),
                d(&format!("{y}-04-10")),
                "40".parse().unwrap(),
            ));
        }
    }
}

fn branch(id: &str) -> Bundle {
    let mut b = Bundle::new(Branch::new(id.parse().unwrap(), id, BranchKind::Organ));
    b.branch.founded_on = Some(d("2010-01-01"));
    b
}

/// Two branches of two full members each (ORG004: fewer than 3), with
/// faults of a month (DUE001) and of a year (EDU001) in 2025 and in 2026:
///
/// * B1: M1 leaves February unpaid and has no training, in both years; M2
///   leaves July 2025 unpaid and has no training in 2025, and is in order
///   in 2026.
/// * B2: M3 and M4 in order; M5, full, transfers in on 2026-03-01 (ORG004
///   put right from then on) and leaves June 2026 unpaid.
fn bundles() -> Vec<Bundle> {
    let mut b1 = branch("B1");
    member(&mut b1, "M1", &["2025-02", "2026-02"], &[2025, 2026]);
    member(&mut b1, "M2", &["2025-07"], &[2025]);
    let mut b2 = branch("B2");
    member(&mut b2, "M3", &[], &[]);
    member(&mut b2, "M4", &[], &[]);
    member(&mut b2, "M5", &["2026-06"], &[]);
    let m5 = b2.members.last_mut().unwrap();
    m5.in_branch_from = Some(d("2026-03-01"));
    vec![b1, b2]
}

fn audit(as_of: &str, period: DateRange, baseline: Option<&Report>) -> Report {
    let mut r = Auditor::new(d(as_of))
        .period(period)
        .select("DUE001,EDU001,ORG004".parse().unwrap())
        .audit(&bundles());
    if let Some(base) = baseline {
        // Through JSON, as the command reads a baseline.
        let base = Report::from_json(&base.to_json()).unwrap();
        r.compare(&Baseline::from_report(&base, Some("before.json")));
    }
    r
}

fn statuses(r: &Report) -> Vec<(String, Option<BaselineStatus>, Option<NaiveDate>)> {
    r.findings
        .iter()
        .map(|f| (f.id.clone(), f.baseline, f.first_seen))
        .collect()
}

fn resolved(r: &Report) -> Vec<&str> {
    r.resolved.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn the_2025_audit_finds_what_was_planted() {
    let r = audit("2025-12-31", year(2025), None);
    let ids: Vec<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "DUE001/B1/member:M1/2025-02",
            "DUE001/B1/member:M2/2025-07",
            "EDU001/B1/member:M1/2025-01",
            "EDU001/B1/member:M2/2025-01",
            "ORG004/B1/branch:B1/-",
            "ORG004/B2/branch:B2/-",
        ]
    );
}

/// The same data and period audited a month later: nothing is new, nothing
/// resolved; the branch-size finding (a state on `as_of`) keeps its id.
#[test]
fn a_re_audit_a_month_later_changes_nothing() {
    use BaselineStatus::Unchanged;
    let before = audit("2025-12-31", year(2025), None);
    let after = audit("2026-01-31", year(2025), Some(&before));
    let first = Some(d("2025-12-31"));
    assert_eq!(
        statuses(&after),
        [
            ("DUE001/B1/member:M1/2025-02".into(), Some(Unchanged), first),
            ("DUE001/B1/member:M2/2025-07".into(), Some(Unchanged), first),
            ("EDU001/B1/member:M1/2025-01".into(), Some(Unchanged), first),
            ("EDU001/B1/member:M2/2025-01".into(), Some(Unchanged), first),
            ("ORG004/B1/branch:B1/-".into(), Some(Unchanged), first),
            ("ORG004/B2/branch:B2/-".into(), Some(Unchanged), first),
        ]
    );
    assert!(after.resolved.is_empty(), "{:?}", resolved(&after));
    let c = after.summary.baseline.clone().unwrap();
    assert_eq!(
        (c.new, c.unchanged, c.updated, c.recurring, c.resolved),
        (0, 6, 0, 0, 0)
    );
    assert_eq!(c.rectification_rate.unwrap().to_string(), "0");
}

/// The 2026 report against the 2025 one: the faults of 2025 that come back
/// in 2026 are `recurring` (first seen in 2025) and their predecessors are
/// still open; only B2's branch size, put right, is resolved. M2's 2025
/// faults did not come back, but 2025 was not audited again: they are not
/// counted either way (July 2025's dues are still owed).
#[test]
fn the_next_year_marks_the_same_faults_recurring() {
    use BaselineStatus::{New, Recurring, Unchanged};
    let before = audit("2025-12-31", year(2025), None);
    let after = audit("2026-12-31", year(2026), Some(&before));
    let y2025 = Some(d("2025-12-31"));
    assert_eq!(
        statuses(&after),
        [
            ("DUE001/B1/member:M1/2026-02".into(), Some(Recurring), y2025),
            ("EDU001/B1/member:M1/2026-01".into(), Some(Recurring), y2025),
            ("ORG004/B1/branch:B1/-".into(), Some(Unchanged), y2025),
            (
                "DUE001/B2/member:M5/2026-06".into(),
                Some(New),
                Some(d("2026-12-31"))
            ),
        ]
    );
    assert_eq!(resolved(&after), ["ORG004/B2/branch:B2/-"]);
    let c = after.summary.baseline.clone().unwrap();
    assert_eq!(
        (
            c.new,
            c.unchanged,
            c.updated,
            c.recurring,
            c.recurred,
            c.resolved
        ),
        (1, 1, 0, 2, 2, 1)
    );
    // Resolved 1 of the 4 looked for again (1 resolved, ORG004 B1 still
    // open, M1's two faults recurring): 25%, not 100%.
    assert_eq!(c.rectification_rate.unwrap().to_string(), "0.25");

    // The statuses read back, and the text report names them.
    let json = after.to_json();
    assert!(json.contains(r#""baseline": "recurring""#), "{json}");
    assert!(json.contains(r#""recurring": 2"#), "{json}");
    assert_eq!(Report::from_json(&json).unwrap(), after);
    let text = dangjian::render::TextReport::new(dangjian::Lang::Zh).finish(&after);
    assert!(
        text.contains("新发现 1，未整改 3（其中有变化 0，重复出现 2），已整改 1，整改率 25%"),
        "{text}"
    );
}

/// A quarterly cycle: the same fault in the next quarter recurs; a month of
/// the baseline's own period never "recurs" in a re-audit of that period.
#[test]
fn successive_quarters_recur_and_a_re_audit_does_not() {
    let q = |a: &str, b: &str| DateRange::new(d(a), d(b)).unwrap();
    let mut b = branch("B1");
    member(&mut b, "M1", &["2025-02", "2025-05"], &[]);
    member(&mut b, "M2", &[], &[]);
    member(&mut b, "M3", &[], &[]);
    let run = |as_of: &str, period: DateRange, base: Option<&Report>| {
        let mut r = Auditor::new(d(as_of))
            .period(period)
            .select("DUE001".parse().unwrap())
            .audit([&b]);
        if let Some(base) = base {
            r.compare(&Baseline::from_report(base, None));
        }
        r
    };
    let q1 = run("2025-03-31", q("2025-01-01", "2025-03-31"), None);
    let q2 = run("2025-06-30", q("2025-04-01", "2025-06-30"), Some(&q1));
    assert_eq!(
        statuses(&q2),
        [(
            "DUE001/B1/member:M1/2025-05".into(),
            Some(BaselineStatus::Recurring),
            Some(d("2025-03-31"))
        )]
    );
    assert!(q2.resolved.is_empty());
    // The half-year against Q1: February found again, May (after Q1)
    // recurring.
    let h1 = run("2025-06-30", q("2025-01-01", "2025-06-30"), Some(&q1));
    let s = statuses(&h1);
    assert_eq!(s[0].1, Some(BaselineStatus::Unchanged));
    assert_eq!(s[1].1, Some(BaselineStatus::Recurring));
    // A re-audit of the year: both months lie in the baseline's period, so
    // May is new there, never recurring.
    let y1 = run("2025-06-30", year(2025), None);
    let mut y2 = run("2025-07-31", year(2025), None);
    y2.compare(&Baseline::from_report(&y1, None));
    assert!(
        y2.findings
            .iter()
            .all(|f| f.baseline == Some(BaselineStatus::Unchanged))
    );
}

/// A fault still open on `as_of` (a member away without transferring, so
/// far) has a period that ends on `as_of`; its id writes the start as a day,
/// so a later `as_of` — at a month end or not — gives the same id.
#[test]
fn a_period_open_on_as_of_keeps_its_id() {
    let mut b = branch("B1");
    member(&mut b, "M1", &[], &[]);
    let mut away = dangjian::Mobility::new(
        "M1".parse().unwrap(),
        dangjian::MobilityKind::Work,
        d("2025-03-01"),
    );
    away.place_fixed = true;
    b.mobility.push(away);
    let ids = |as_of: &str| -> Vec<String> {
        Auditor::new(d(as_of))
            .period(year(2025))
            .select("REL004".parse().unwrap())
            .audit([&b])
            .findings
            .iter()
            .map(|f| f.id.clone())
            .collect()
    };
    let want = ["REL004/B1/member:M1/2025-03-01"];
    assert_eq!(ids("2025-12-31"), want);
    assert_eq!(ids("2026-01-15"), want);
    assert_eq!(ids("2026-01-31"), want);
}

/// The sample audited again a month later, the period still 2025: every
/// finding of the first report is found again under its id (ORG001 and
/// ORG003 too; those whose day counts grew are `updated`), nothing is
/// resolved, and the only new findings are deadlines that passed in January
/// (the fourth quarter's remittance, two development steps).
#[test]
fn the_sample_re_audited_a_month_later() {
    let bundles = dangjian::load::read_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.json"
    ))
    .unwrap();
    let before = Auditor::new(d("2025-12-31")).audit(&bundles);
    let mut after = Auditor::new(d("2026-01-31"))
        .period(year(2025))
        .audit(&bundles);
    after.compare(&Baseline::from_report(&before, None));
    assert!(after.resolved.is_empty(), "{:?}", resolved(&after));
    let new: Vec<&str> = after
        .findings
        .iter()
        .filter(|f| f.baseline == Some(BaselineStatus::New))
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(
        new,
        [
            "DEV017/B01/candidate:A06/2025-12-10",
            "DUE010/B01/branch:B01/2025-10",
            "DUE010/B02/branch:B02/2025-10",
            "DEV020/B03/candidate:A14/2025-12-10",
            "DUE010/B03/branch:B03/2025-10",
        ]
    );
    let org: Vec<(&str, Option<BaselineStatus>)> = after
        .findings
        .iter()
        .filter(|f| f.rule.as_str().starts_with("ORG"))
        .map(|f| (f.id.as_str(), f.baseline))
        .collect();
    assert_eq!(
        org,
        [
            (
                "ORG003/B01/branch:B01/2026-06-15",
                Some(BaselineStatus::Updated)
            ),
            (
                "ORG003/B02/branch:B02/2023-05-20",
                Some(BaselineStatus::Updated)
            ),
            ("ORG001/B03/branch:B03/-", Some(BaselineStatus::Unchanged)),
        ]
    );
    let c = after.summary.baseline.clone().unwrap();
    assert_eq!(
        (c.new, c.unchanged + c.updated, c.resolved),
        (5, before.findings.len(), 0)
    );
}
