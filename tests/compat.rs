//! A report of a newer version reads back (issue 27): rule codes and
//! severities this version does not know are kept as text, unknown fields
//! are ignored, and a baseline never counts such a finding resolved.

use dangjian::report::{Baseline, Report, Rule, Severity};
use dangjian::rules::RuleCode;

/// A report as a newer version might write it: a rule `DEV099`, a severity
/// `critical`, and fields this version has never heard of.
const NEWER: &str = r#"{
  "format": "dangjian-report/1",
  "as_of": "2026-12-31",
  "period": {"from": "2026-01-01", "to": "2026-12-31"},
  "profile": {"name": "central", "edition": "细则2026", "sha256": null, "signed_by": "x"},
  "generator": {"name": "dangjian", "version": "9.0.0"},
  "summary": {"branches": 1, "members": 3, "findings": 2,
              "by_severity": {"critical": 1, "error": 0, "info": 0, "warning": 1},
              "by_rule": {"DEV099": 1, "DUE001": 1},
              "by_family": {"DEV": 1, "DUE": 1}},
  "findings": [
    {"id": "DEV099/B1/candidate:A1/2026-05-01", "rule": "DEV099", "name": "oath-photo-missing",
     "severity": "critical", "branch": "B1", "subject": {"kind": "candidate", "id": "A1"},
     "period": {"from": "2026-05-01", "to": "2026-05-01"},
     "message": {"zh": "入党宣誓无影像记录", "en": "no photo of the oath"},
     "evidence": {"oath": "2026-05-01"}, "citations": [], "confidence": 0.9},
    {"id": "DUE001/B1/member:M1/2026-03", "rule": "DUE001", "name": "dues-month-unpaid",
     "severity": "warning", "branch": "B1", "subject": {"kind": "member", "id": "M1"},
     "period": {"from": "2026-03-01", "to": "2026-03-31"},
     "message": {"zh": "2026年3月党费未交纳", "en": "dues for 2026-03 unpaid"},
     "evidence": {}, "citations": []}
  ],
  "resolved": [{"id": "DEV098/B1/candidate:A2/-", "rule": "DEV098", "branch": "B1",
                "subject": {"kind": "candidate", "id": "A2"}, "period": null,
                "first_seen": "2025-12-31"}],
  "unmatched_accepts": [{"rule": "DEV097", "branch": "B1", "reason": "试点"}],
  "audited": ["B1"]
}"#;

#[test]
fn a_report_with_unknown_codes_and_severities_reads_back() {
    let r = Report::from_json(NEWER).unwrap();
    let f = &r.findings[0];
    assert_eq!(f.rule.as_str(), "DEV099");
    assert_eq!(f.rule.code(), None);
    assert!(matches!(f.rule, Rule::Other(_)));
    assert_eq!(f.name(), "oath-photo-missing");
    assert_eq!(f.severity.as_str(), "critical");
    assert!(matches!(f.severity, Severity::Other(_)));
    assert!(
        f.severity > Severity::Error,
        "an unknown severity sorts last"
    );
    assert_eq!(f.id, "DEV099/B1/candidate:A1/2026-05-01");
    // A known code is the registry's, its name too.
    let g = &r.findings[1];
    assert_eq!(g.rule, RuleCode::DUE001);
    assert_eq!(
        (g.name(), g.severity),
        ("dues-month-unpaid", Severity::Warning)
    );
    // The summary, the resolved and the accepts keep the codes as text.
    let counts: Vec<(&str, usize)> = r
        .summary
        .by_rule
        .iter()
        .map(|(k, n)| (k.as_str(), *n))
        .collect();
    assert_eq!(counts, [("DEV099", 1), ("DUE001", 1)]);
    let sev: Vec<(&str, usize)> = r
        .summary
        .by_severity
        .iter()
        .map(|(k, n)| (k.as_str(), *n))
        .collect();
    assert_eq!(
        sev,
        [("info", 0), ("warning", 1), ("error", 0), ("critical", 1)]
    );
    assert_eq!(r.worst(), Some(f.severity));
    assert_eq!(r.resolved[0].rule.as_str(), "DEV098");
    assert_eq!(r.unmatched_accepts[0].rule.as_str(), "DEV097");

    // Written out, the codes and severity are as they came; it reads back.
    let json = r.to_json();
    for s in [
        r#""rule": "DEV099""#,
        r#""name": "oath-photo-missing""#,
        r#""severity": "critical""#,
        r#""critical": 1"#,
        r#""DEV099": 1"#,
        r#""rule": "DEV098""#,
        r#""rule": "DEV097""#,
    ] {
        assert!(json.contains(s), "{s} in {json}");
    }
    assert_eq!(Report::from_json(&json).unwrap(), r);
}

/// Compared with such a report, this version's audit cannot find `DEV099`
/// (it does not have the rule): its finding is not "resolved".
#[test]
fn a_finding_of_an_unknown_rule_is_never_resolved() {
    let before = Report::from_json(NEWER).unwrap();
    let base = Baseline::from_report(&before, Some("newer.json"));
    assert_eq!(
        base.findings.len(),
        1,
        "only the DUE001 finding is compared"
    );
    let mut after = Report::from_json(NEWER).unwrap();
    after.findings.clear();
    after.resolved.clear();
    after.compare(&base);
    let ids: Vec<&str> = after.resolved.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["DUE001/B1/member:M1/2026-03"]);
}

#[test]
fn what_cannot_be_read_is_still_an_error() {
    for (bad, what) in [
        (r#""rule": "DEV099""#, r#""rule": """#),
        (r#""severity": "critical""#, r#""severity": "catastrophic""#),
        (r#""severity": "critical""#, r#""severity": 3"#),
    ] {
        let text = NEWER.replacen(bad, what, 1);
        let e = Report::from_json(&text).unwrap_err();
        assert!(
            e.location()
                .field
                .as_deref()
                .is_some_and(|p| p.starts_with("findings[0]")),
            "{what}: {e}"
        );
    }
}
