//! The grid and timeline builders on known ledgers.

use super::*;
use crate::Auditor;
use crate::model::YearMonth;

fn ym(s: &str) -> YearMonth {
    s.parse().unwrap()
}

fn d(s: &str) -> chrono::NaiveDate {
    crate::parse_date(s).unwrap()
}

/// M1 pays January and March, not February; a waiver covers April; an
/// exemption covers May (unpaid). M2 arrives on 2025-03-15. Meetings:
/// January present, February absent (no entry), March excused.
const BUNDLE: &str = r#"{
  "branch": {"id": "B1", "name": "测试支部", "kind": "organ", "founded_on": "2010-01-01"},
  "members": [
    {"id": "M1", "name": "甲", "status": "full", "admitted_on": "2010-01-01", "dues_category": "student"},
    {"id": "M2", "name": "乙", "status": "full", "admitted_on": "2010-01-01", "dues_category": "student",
     "in_branch_from": "2025-03-15"}
  ],
  "dues_payments": [
    {"member": "M1", "month": "2025-01", "amount": "0.20", "paid_on": "2025-01-10"},
    {"member": "M1", "month": "2025-03", "amount": "0.20", "paid_on": "2025-03-10"}
  ],
  "dues_waivers": [{"member": "M1", "from": "2025-04", "to": "2025-04", "kind": "waive",
                    "branch_decided_on": "2025-03-20", "higher_approved_on": "2025-03-25"}],
  "exemptions": [{"member": "M1", "from": "2025-05-01", "to": "2025-05-31", "reason": "illness"}],
  "meetings": [
    {"id": "T1", "kind": "theme_day", "date": "2025-01-25", "attendance": [{"member": "M1", "status": "present"}]},
    {"id": "T2", "kind": "theme_day", "date": "2025-02-25", "attendance": []},
    {"id": "T3", "kind": "theme_day", "date": "2025-03-25", "attendance": [{"member": "M1", "status": "excused"}]}
  ]
}"#;

fn bundle() -> crate::Bundle {
    crate::load::bundle_from_json(BUNDLE).unwrap()
}

#[test]
fn the_dues_grid_shows_each_month_of_the_ledger() {
    let b = bundle();
    let a = Auditor::new(d("2025-06-30"));
    let cx = a.context(&b);
    let g = Grid::new(&cx, GridKind::Dues);
    assert_eq!(g.months.len(), 12);
    assert_eq!(g.rows.len(), 2);
    let keys = |id: &str| -> Vec<&str> { g.row(id).unwrap().cells.iter().map(|c| c.key).collect() };
    assert_eq!(
        keys("M1")[..7],
        [
            "paid",
            "unpaid",
            "paid",
            "waived",
            "exempt",
            "unpaid",
            "not_yet_due"
        ]
    );
    // M2 belongs to the branch from 15 March: owes from April.
    assert_eq!(
        keys("M2")[..4],
        ["not_in_branch", "not_in_branch", "not_in_branch", "unpaid"]
    );
    let feb = g.cell("M1", ym("2025-02")).unwrap();
    assert_eq!((feb.letter, feb.fill), ('U', "#f28b82"));
    assert_eq!(g.cell("M1", ym("2025-01")).unwrap().fill, "#8fd19e");

    let svg = g.svg(Lang::Zh);
    // February of the first row: the unpaid path has its cell, and the
    // first row's letters read the ledger.
    let x = LABEL_W + PITCH;
    let unpaid = path_of(&svg, "unpaid");
    assert!(
        unpaid.contains(&format!("M{x} {HEAD_H}h{CELL}v{CELL}h-{CELL}z")),
        "{unpaid}"
    );
    assert_eq!(path_fill(&svg, "unpaid"), "#f28b82");
    assert_eq!(row_letters(&svg, 0), "PUPWEUNNNNNN");
    assert_eq!(row_letters(&svg, 1), "---UUUNNNNNN");
    assert!(svg.contains(">M1 甲</text>"));
    assert!(svg.starts_with("<svg class=\"grid\""));
    assert!(!svg.contains("http"), "no namespace URL in inline SVG");
}

#[test]
fn the_life_grid_shows_each_month_of_organisational_life() {
    let b = bundle();
    let a = Auditor::new(d("2025-06-30"));
    let cx = a.context(&b);
    let g = Grid::new(&cx, GridKind::Life);
    let keys: Vec<&str> = g.row("M1").unwrap().cells.iter().map(|c| c.key).collect();
    assert_eq!(
        keys[..6],
        [
            "attended",
            "absent",
            "excused",
            "no_meeting",
            "exempt",
            "no_meeting"
        ]
    );
    let svg = g.svg(Lang::En);
    assert_eq!(row_letters(&svg, 0), "PALNENNNNNNN");
    assert_eq!(path_fill(&svg, "absent"), "#f28b82");
    assert!(svg.contains("<title>Organisational life by member and month</title>"));
}

/// The `d` of the path of cell style `key`.
fn path_of<'s>(svg: &'s str, key: &str) -> &'s str {
    let start = svg
        .find(&format!("class=\"c-{key}\""))
        .expect("the style's path");
    let rest = &svg[start..];
    let d = rest.find(" d=\"").unwrap() + 4;
    let end = rest[d..].find('"').unwrap();
    &rest[d..d + end]
}

fn path_fill<'s>(svg: &'s str, key: &str) -> &'s str {
    let start = svg.find(&format!("class=\"c-{key}\" fill=\"")).unwrap() + key.len() + 17;
    &svg[start..start + 7]
}

/// The letters of row `r`.
fn row_letters(svg: &str, r: usize) -> String {
    let g = &svg[svg.find("<g class=\"lt\"").unwrap()..];
    let texts: Vec<&str> = g.split("<text ").skip(1).collect();
    let t = texts[r];
    t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()].to_owned()
}

const CANDIDATE: &str = r#"{
  "branch": {"id": "B1", "name": "测试支部", "kind": "organ"},
  "candidates": [{"id": "A1", "name": "陈某", "born_on": "2000-01-03"}],
  "development": [
    {"candidate": "A1", "step": "applied", "date": "2025-01-05"},
    {"candidate": "A1", "step": "talked", "date": "2025-03-01"},
    {"candidate": "A1", "step": "activist_confirmed", "date": "2025-03-10"}
  ]
}"#;

#[test]
fn the_timeline_marks_late_steps_and_the_next_deadline() {
    let b = crate::load::bundle_from_json(CANDIDATE).unwrap();
    let a = Auditor::new(d("2025-04-30"));
    let cx = a.context(&b);
    let t = Timeline::of_branch(&cx);
    assert_eq!(t.len(), 1);
    let t = &t[0];
    let steps: Vec<(u8, Option<chrono::NaiveDate>)> =
        t.done.iter().map(|s| (s.number, s.late)).collect();
    // The talk was due within a month of the application: by 2025-02-05.
    assert_eq!(steps, [(1, None), (2, Some(d("2025-02-05"))), (3, None)]);
    // Next: the activist is filed with the higher committee (no deadline).
    assert_eq!(
        t.next[0].action,
        crate::development::Action::Step(crate::Step::ActivistFiled)
    );
    assert!(!t.next[0].overdue);

    let svg = t.svg(Lang::Zh);
    assert!(svg.contains(&format!("<g fill=\"{}\"><circle", colours::LATE)));
    assert!(svg.contains(">2!</text>"), "the late step is marked");
    assert_eq!(
        svg.matches(&format!("<g fill=\"{}\">", colours::DONE))
            .count(),
        2
    );
    assert!(svg.contains("<title>4 报上级党委备案</title>"));

    // Seen later, an assessment every six months is due: overdue when past.
    let a = Auditor::new(d("2025-12-31"));
    let cx = a.context(&b);
    let t = &Timeline::of_branch(&cx)[0];
    assert!(t.next.iter().all(|n| n.deadline.is_none() || n.overdue));
}

#[test]
fn a_late_approval_is_marked_and_an_overdue_next_step_too() {
    let doc = r#"{
      "branch": {"id": "B1", "name": "测试支部", "kind": "organ"},
      "candidates": [{"id": "A1", "name": "陈某"}],
      "development": [
        {"candidate": "A1", "step": "admission_meeting", "date": "2025-01-10"},
        {"candidate": "A1", "step": "higher_talk", "date": "2025-01-20"},
        {"candidate": "A1", "step": "admission_approved", "date": "2025-05-20"}
      ]
    }"#;
    let b = crate::load::bundle_from_json(doc).unwrap();
    let a = Auditor::new(d("2025-06-30"));
    let cx = a.context(&b);
    let t = &Timeline::of_branch(&cx)[0];
    let approved = t
        .done
        .iter()
        .find(|s| s.step == crate::Step::AdmissionApproved)
        .unwrap();
    assert_eq!(
        approved.late,
        Some(d("2025-04-10")),
        "within three months of the meeting"
    );
    let html = t.svg(Lang::En);
    assert!(html.contains("<title>Development of 陈某 (A1)</title>"));
}

#[test]
fn a_template_dir_replaces_a_template_and_names_a_broken_one() {
    let tmp = crate::testing::TempDir::new("html");
    let dir = tmp.path();
    std::fs::write(
        dir.join("branch.html"),
        "<p class=\"mine\">{{ b.id }}</p>\n",
    )
    .unwrap();
    let b = bundle();
    let a = Auditor::new(d("2025-06-30"));
    let mut html = HtmlReport::new(Lang::Zh).template_dir(dir).unwrap();
    let cx = a.context(&b);
    let findings = a.check_context(&cx);
    html.add_branch(&cx, &findings);
    let mut report = a.empty_report();
    a.add(&mut report, &b, findings);
    let page = html.finish(&a.finish(report)).unwrap();
    assert!(page.contains("<p class=\"mine\">B1</p>"));
    assert!(
        page.contains("<table class=\"findings\" data-rows="),
        "the others stay built in"
    );

    std::fs::write(dir.join("findings.html"), "line one\n{% for r in rows %}\n").unwrap();
    let e = HtmlReport::new(Lang::Zh).template_dir(dir).unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::Template);
    assert_eq!(
        e.location().file.as_deref(),
        Some(dir.join("findings.html").as_path())
    );
    assert!(e.location().line.is_some(), "{e}");
}
