//! 评星定级: scorecards from a profile's scheme — deductions with caps, the
//! veto, accepted findings not deducted.

use dangjian::report::Evidence;
use dangjian::report::{Acceptance, Scorecard};
use dangjian::rules::RuleCode;
use dangjian::{DateRange, Finding, Message, Profile, Severity, Subject};

fn scheme() -> dangjian::profile::Scoring {
    let p = Profile::from_toml_str(
        r#"
        format = "dangjian-profile/1"
        name = "测试"
        extends = "central"
        [scoring]
        scheme = "测试星级"
        base = 100
        levels = [ { min = 90, level = "五星" }, { min = 80, level = "四星" }, { min = 70, level = "三星" }, { min = 0, level = "一星" } ]
        deduct = [ { rules = "DUE001", points = 0.5, max = 2 },
                   { rules = "DUE", points = 3 },
                   { rules = "MTG", points = 2, max = 5 } ]
        veto = { rules = ["DUE004", "MTG010"], cap = "三星", why = "自行脱党情形未处置" }
        "#,
    )
    .unwrap();
    p.scoring.clone().unwrap()
}

fn finding(rule: RuleCode, member: &str, month: u32) -> Finding {
    let from = dangjian::YearMonth::new(2025, month).unwrap();
    Finding::new(
        rule,
        Severity::Error,
        "B1".parse().unwrap(),
        Subject::member(&member.parse().unwrap()),
        Some(DateRange::of_months(from, from)),
        Message::new("…", "…"),
        Evidence::new(),
        Vec::new(),
    )
}

fn card(findings: &[Finding]) -> Scorecard {
    Scorecard::compute(&scheme(), &"B1".parse().unwrap(), findings)
}

#[test]
fn no_findings_is_the_base_and_the_top_level() {
    let c = card(&[]);
    assert_eq!(
        (c.score.to_string().as_str(), c.level.as_str()),
        ("100", "五星")
    );
    assert!(c.items.is_empty() && c.veto.is_none());
}

#[test]
fn deductions_per_finding_capped_per_item_first_item_only() {
    // 3 × DUE001 at 0.5 = 1.5 (under the cap of 2); one DUE002 at 3 (the
    // DUE item: DUE001 findings are not deducted twice).
    let mut f: Vec<Finding> = (1..=3)
        .map(|m| finding(RuleCode::DUE001, "M1", m))
        .collect();
    f.push(finding(RuleCode::DUE002, "M1", 4));
    let c = card(&f);
    assert_eq!(c.score.to_string(), "95.5");
    assert_eq!(c.level, "五星");
    assert_eq!(c.items.len(), 2);
    assert_eq!(
        (
            c.items[0].findings,
            c.items[0].points.to_string(),
            c.items[0].capped
        ),
        (3, "1.5".into(), false)
    );
    assert_eq!(
        (c.items[1].findings, c.items[1].points.to_string()),
        (1, "3".into())
    );
    // 6 × DUE001 = 3, capped at 2; 4 meetings findings = 8, capped at 5.
    let mut f: Vec<Finding> = (1..=6)
        .map(|m| finding(RuleCode::DUE001, "M1", m))
        .collect();
    f.extend((1..=4).map(|m| finding(RuleCode::MTG005, "B1", m)));
    let c = card(&f);
    assert_eq!(c.score.to_string(), "93");
    assert!(c.items.iter().all(|i| i.capped));
    // The score stops at zero.
    let f: Vec<Finding> = (1..=12)
        .flat_map(|m| {
            [
                finding(RuleCode::DUE002, "M1", m),
                finding(RuleCode::DUE007, "M2", m),
                finding(RuleCode::DUE005, "M3", m),
            ]
        })
        .collect();
    let c = card(&f);
    assert_eq!(
        (c.score.to_string().as_str(), c.level.as_str()),
        ("0", "一星")
    );
}

#[test]
fn a_veto_caps_the_level_whatever_the_score() {
    let c = card(&[finding(RuleCode::DUE004, "M1", 1)]);
    // 100 − 3 = 97 would be 五星; the veto caps it at 三星.
    assert_eq!(c.score.to_string(), "97");
    assert_eq!(c.level, "三星");
    let v = c.veto.expect("the veto applied");
    assert_eq!(
        (v.level_by_score.as_str(), v.cap.as_str()),
        ("五星", "三星")
    );
    assert_eq!(v.findings, ["DUE004/B1/member:M1/2025-01"]);
    // Already at or below the cap: no veto recorded.
    let mut f: Vec<Finding> = (1..=12)
        .map(|m| finding(RuleCode::DUE002, "M1", m))
        .collect();
    f.push(finding(RuleCode::MTG010, "M2", 1));
    let c = card(&f);
    assert_eq!(c.level, "一星");
    assert!(c.veto.is_none());
}

#[test]
fn accepted_findings_do_not_deduct_or_veto() {
    let mut f = finding(RuleCode::MTG010, "M1", 1);
    f.accepted = Some(Box::new(Acceptance::new(
        "援疆挂职",
        "局党委〔2025〕12号",
        dangjian::parse_date("2026-06-30").unwrap(),
    )));
    let c = card(&[f]);
    assert_eq!(
        (c.score.to_string().as_str(), c.level.as_str()),
        ("100", "五星")
    );
    assert_eq!(c.accepted, 1);
    assert!(c.veto.is_none());
}

#[test]
fn the_example_profile_rates_every_branch_of_the_sample() {
    let profile = Profile::from_toml_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/profile-example.toml"
    ))
    .unwrap();
    let bundles = dangjian::load::read_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.json"
    ))
    .unwrap();
    let report = dangjian::Auditor::new(dangjian::parse_date("2025-12-31").unwrap())
        .profile(profile)
        .audit(&bundles);
    let branches: Vec<&str> = report
        .scorecards
        .iter()
        .map(|c| c.branch.as_str())
        .collect();
    assert_eq!(branches, ["B01", "B02", "B03"]);
    // The central profile has no scheme: no scorecards.
    let central =
        dangjian::Auditor::new(dangjian::parse_date("2025-12-31").unwrap()).audit(&bundles);
    assert!(central.scorecards.is_empty());
}
