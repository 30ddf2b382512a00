//! The bundled sample (`examples/data/sample.json`, written by
//! `examples/data/make_sample.py`, the files from `sample_dev.py`) yields
//! exactly the member-development findings planted in it, and its text report
//! shows each candidate's next step. Each expected finding names the fault
//! (`FAULT:` in the script).

use chrono::NaiveDate;
use dangjian::development::{self, Action, Status};
use dangjian::render::TextReport;
use dangjian::{Auditor, Lang, Profile, Step};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}

fn sample() -> Vec<dangjian::Bundle> {
    dangjian::load::read_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.json"
    ))
    .expect("the sample loads")
}

#[test]
fn sample_yields_exactly_the_planted_development_findings() {
    let bundles = sample();
    let report = Auditor::new(as_of())
        .select("DEV".parse().unwrap())
        .audit(&bundles);
    let got: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {}",
                f.rule,
                f.branch,
                f.subject.id,
                f.period.map_or("-".to_owned(), |p| p.from.to_string())
            )
        })
        .collect();
    let want = [
        // B01 A07: the higher committee approved (2025-04-18) before its talk
        // with the candidate (2025-04-25). 细则 arts. 24–25.
        "DEV004 B01 A07 2025-04-18",
        // B01 A05: three contacts assigned. 细则 art. 9.
        "DEV005 B01 A05 2024-09-20",
        // B01 A02: an activist not assessed since 2025-05-30 (due 2025-11-30). 细则 art. 11.
        "DEV006 B01 A02 2025-05-30",
        // B01 A05: a candidate on 2025-08-20, less than a year after becoming an
        // activist on 2024-09-10. 细则 art. 13.
        "DEV007 B01 A05 2024-09-10",
        // B01 A06: probation extended by 5 months (6–12 allowed). 细则 art. 32.
        "DEV019 B01 A06 2025-07-10",
        // B02 A04: applied 2025-10-08, no talk by 2025-11-08. 细则 art. 7.
        "DEV002 B02 A04 2025-10-08",
        // B02 A03: no candidate publicity before the pre-review of 2025-03-20. Practice.
        "DEV011 B02 A03 2025-03-20",
        // B02 A09: candidate publicity over the Spring Festival, 4 working days
        // (Monday–Friday would count 9). Practice.
        "DEV012 B02 A09 2025-01-24",
        // B02 A08: admission meeting with 6 of 13 voting members present (2
        // written opinions do not count as attendance). 细则 art. 20.
        "DEV013 B02 A08 2025-03-14",
        // B02 A08: admission approved 2025-07-15, later than 3 months after the
        // meeting (due 2025-06-14). 细则 art. 25.
        "DEV015 B02 A08 2025-03-14",
        // B02 A15: conversion approved 2025-07-18, materials never archived. 细则 art. 37.
        "DEV020 B02 A15 2025-07-18",
        // B03 A12: applied on 2025-09-01 aged 17. 党章 art. 1.
        "DEV001 B03 A12 2025-09-01",
        // B03 A16: contacts assigned without filing the activist with the higher
        // committee (step 4 skipped). 细则 art. 8.
        "DEV003 B03 A16 2025-03-06",
        // B03 A17: introducer M40 is a probationary member. 细则 art. 14.
        "DEV008 B03 A17 2025-07-08",
        // B03 A11: no political review before the committee review of 2025-03-11.
        // 细则 arts. 15–16.
        "DEV009 B03 A11 2025-03-11",
        // B03 A17: a concentrated training of 2 days and 16 hours before the
        // pre-review of 2025-11-04. 细则 art. 17.
        "DEV010 B03 A17 2025-11-04",
        // B03 A18: admission recorded as passed with 4 yes votes of 9 expected.
        // 细则 art. 21.
        "DEV014 B03 A18 2024-09-20",
        // B03 A13: probation (from 2024-07-05) ended with no oath. 党章 art. 6.
        "DEV016 B03 A13 2024-07-05",
        // B03 A18: probation ended 2025-09-20, no conversion meeting by 2025-10-20.
        // 党章 art. 7.
        "DEV017 B03 A18 2025-09-20",
        // B03 A14: conversion meeting on 2025-11-19, one day before the probation
        // ended. 党章 art. 7.
        "DEV018 B03 A14 2025-11-19",
    ];
    let mut got_sorted = got.clone();
    got_sorted.sort();
    let mut want_sorted: Vec<String> = want.iter().map(|s| (*s).to_owned()).collect();
    want_sorted.sort();
    assert_eq!(
        got_sorted, want_sorted,
        "findings in report order: {got:#?}"
    );
    // Every DEV rule shows in the sample.
    let rules: std::collections::BTreeSet<&str> =
        report.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules.len(), 20);
    // Severity overrides by the rules themselves: the late approval is a warning
    // (less than 6 months late).
    let dev015 = report.findings.iter().find(|f| f.rule == "DEV015").unwrap();
    assert_eq!(dev015.severity, dangjian::Severity::Warning);
}

#[test]
fn sample_plans_show_next_steps() {
    let bundles = sample();
    let p = Profile::central().development;
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let b01 = &bundles[0];

    // A02, an activist: the assessment is overdue; candidate from 2025-12-02.
    let plan = development::plan(b01, "A02", as_of(), &p).unwrap();
    assert_eq!(plan.status, Status::Activist);
    assert_eq!(plan.next[0].action, Action::Step(Step::ActivistAssessed));
    assert_eq!(plan.next[0].deadline, day(2025, 11, 30));
    assert!(plan.next[0].is_overdue(as_of()));
    assert_eq!(plan.next[1].earliest, day(2025, 12, 2));

    // A06: probation extended by 5 months: the conversion meeting from the
    // extended end 2025-12-10, by 2026-01-10.
    let plan = development::plan(b01, "A06", as_of(), &p).unwrap();
    assert_eq!(plan.status, Status::Probationary);
    let meeting = plan
        .next
        .iter()
        .find(|n| n.action == Action::Step(Step::ConversionMeeting))
        .unwrap();
    assert_eq!(meeting.earliest, day(2025, 12, 10));
    assert_eq!(meeting.deadline, day(2026, 1, 10));

    // A01 is complete.
    let plan = development::plan(b01, "A01", as_of(), &p).unwrap();
    assert_eq!(plan.status, Status::Full);
    assert!(plan.next.is_empty() && plan.missing.is_empty());

    // B03 A13: converted and archived, the oath still to make up.
    let plan = development::plan(&bundles[2], "A13", as_of(), &p).unwrap();
    assert_eq!(plan.missing, [Step::Oath]);
}

#[test]
fn text_report_has_the_candidates_section() {
    let bundles = sample();
    let auditor = Auditor::new(as_of()).select("DEV".parse().unwrap());
    let report = auditor.audit(&bundles);
    let mut text = TextReport::new(Lang::Zh);
    for b in &bundles {
        let cx = auditor.context(b);
        let findings: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.branch == b.branch.id)
            .cloned()
            .collect();
        text.add_branch(&cx, &findings);
    }
    let text = text.finish(&report);
    assert!(text.contains("-- 发展党员进度 --"), "{text}");
    assert!(
        text.contains("编号 | 姓名 | 阶段 | 最近步骤 | 下一步"),
        "{text}"
    );
    assert!(
        text.contains(
            "A04 | 江楠 | 入党申请人 | 1 递交入党申请书 2025-10-08 | 2 派人谈话（最迟 2025-11-08，已逾期）"
        ),
        "{text}"
    );
    assert!(
        text.contains("A18 | 石磊 | 预备党员 | 22 提出转正申请 2025-09-05 | 23 支部大会讨论（最早 2025-09-20，最迟 2025-10-20，已逾期）"),
        "{text}"
    );
}
