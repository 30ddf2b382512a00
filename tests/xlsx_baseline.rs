//! A filled report workbook read back as a baseline (`load::xlsx::read_baseline`):
//! the unfilled workbook of an audit is that audit; a hand-filled 整改台账
//! carries its remediation and 首次发现 forward; gone findings are resolved;
//! bad workbooks fail naming the file, sheet and cell.
#![cfg(feature = "xlsx")]

mod xlsx_common;

use std::path::Path;

use chrono::NaiveDate;
use dangjian::load::xlsx::{read_baseline, read_baseline_bytes};
use dangjian::render::xlsx::{RECTIFICATION_HEADERS, ReportWorkbook};
use dangjian::report::{Baseline, BaselineStatus, Finding};
use dangjian::{Auditor, ErrorKind, Report};
use xlsx_common::{C, as_of, s, workbook};

fn d(x: &str) -> NaiveDate {
    dangjian::parse_date(x).unwrap()
}

/// The sample audited as of 2025-12-31, with its report workbook (compared
/// with `baseline` first, when given).
fn audit(baseline: Option<&Baseline>) -> (Report, Vec<u8>) {
    let bundles = dangjian::load::read_path("examples/data/sample.json").unwrap();
    let auditor = Auditor::new(as_of());
    let mut report = auditor.empty_report();
    let mut wb = ReportWorkbook::new();
    for b in &bundles {
        let cx = auditor.context(b);
        let findings = auditor.check_context(&cx);
        wb.add_branch(&cx, &findings);
        auditor.add(&mut report, b, findings);
    }
    let mut report = auditor.finish(report);
    if let Some(b) = baseline {
        report.compare(b);
        wb.set_resolved(report.resolved.len());
    }
    let mut bytes = Vec::new();
    wb.finish(&report, &mut bytes).unwrap();
    (report, bytes)
}

fn from(bytes: &[u8], name: &str) -> dangjian::Result<Baseline> {
    read_baseline_bytes(bytes, Some(Path::new(name)))
}

#[test]
fn the_unfilled_report_workbook_is_its_audit() {
    let (report, bytes) = audit(None);
    assert!(report.findings.len() > 20, "the sample has findings");
    let base = from(&bytes, "2025年报告.xlsx").unwrap();
    assert_eq!(base.as_of, report.as_of);
    assert_eq!(base.period, Some(report.period));
    assert_eq!(base.file.as_deref(), Some("2025年报告.xlsx"));
    let ids: Vec<&str> = base.findings.iter().map(|e| e.id.as_str()).collect();
    let want: Vec<&str> = report.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, want);
    for (e, f) in base.findings.iter().zip(&report.findings) {
        assert_eq!(
            (Some(e.rule), &e.branch, &e.subject),
            (f.rule.code(), &f.branch, &f.subject)
        );
        assert_eq!(e.period, f.period, "{}", f.id);
        assert_eq!(
            e.message.as_deref(),
            Some(f.message.zh.as_str()),
            "{}",
            f.id
        );
        assert_eq!(e.evidence, None);
        assert_eq!(e.first_seen, report.as_of);
        assert_eq!(e.remediation, None, "nothing is filled in");
    }

    // The same audit compared with it: nothing new, nothing fixed.
    let (mut again, _) = audit(None);
    again.compare(&base);
    for f in &again.findings {
        assert_eq!(f.baseline, Some(BaselineStatus::Unchanged), "{}", f.id);
        assert_eq!(f.first_seen, Some(report.as_of));
        assert_eq!(f.remediation, None);
    }
    assert!(again.resolved.is_empty());
    let c = again.summary.baseline.clone().unwrap();
    assert_eq!(
        (c.new, c.unchanged, c.updated, c.resolved),
        (0, report.findings.len(), 0, 0)
    );
    assert_eq!(
        again.baseline.as_ref().unwrap().file.as_deref(),
        Some("2025年报告.xlsx")
    );

    // And from a file.
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("xlsx_baseline_report.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let from_file = read_baseline(&path).unwrap();
    assert_eq!(from_file.findings, base.findings);
    assert_eq!(from_file.file, Some(path.display().to_string()));
}

/// A hand-filled report workbook of 2025-06-30: 概况 with a title row,
/// 问题清单 and 整改台账 with their columns in another order than the
/// writer's.
struct Filled {
    /// 概况 rows.
    overview: Vec<Vec<C>>,
    /// 问题清单 rows (title, header, data).
    list: Vec<Vec<C>>,
    /// 整改台账 rows (title, header, data).
    ledger: Vec<Vec<C>>,
}

impl Filled {
    fn new() -> Filled {
        Filled {
            overview: vec![
                vec![s("党支部工作审计报告")],
                vec![],
                vec![s("审计基准日"), C::D(2025, 6, 30)],
                vec![s("审计期间"), s("2025-01-01 至 2025-06-30")],
            ],
            list: vec![
                vec![s("问题清单")],
                vec![
                    s("问题描述"),
                    s("序号"),
                    s("期间"),
                    s("规则"),
                    s("问题编号"),
                    s("备注（自加列）"),
                ],
            ],
            ledger: vec![
                vec![s("整改台账")],
                vec![
                    s("责任人"),
                    s("问题编号"),
                    s("首次发现"),
                    s("问题描述"),
                    s("整改措施"),
                    s("整改时限"),
                    s("完成情况"),
                    s("佐证材料"),
                ],
            ],
        }
    }

    fn list_row(&mut self, id: &str, message: &str, period: &str) {
        let n = self.list.len() as f64 - 1.0;
        self.list.push(vec![
            s(message),
            C::N(n),
            if period.is_empty() { C::E } else { s(period) },
            s(id.split('/').next().unwrap()),
            s(id),
        ]);
    }

    fn bytes(&self) -> Vec<u8> {
        workbook(&[
            ("概况", self.overview.clone()),
            ("问题清单", self.list.clone()),
            ("整改台账", self.ledger.clone()),
        ])
    }
}

fn find<'r>(report: &'r Report, id: &str) -> &'r Finding {
    report.findings.iter().find(|f| f.id == id).unwrap()
}

#[test]
fn a_filled_ledger_carries_remediation_and_first_seen_forward() {
    let (before, _) = audit(None);
    // Three findings of the sample: one filled in, one whose message changed
    // since, one listed in 问题清单 only; and one the new audit does not have.
    let one = &before.findings[0];
    let two = &before.findings[1];
    let three = &before.findings[2];
    let p = |f: &Finding| {
        f.period
            .as_ref()
            .map(dangjian::report::period_label)
            .unwrap_or_default()
    };
    let gone = format!("DUE001/{}/member:M%2F99/2025-03", one.branch);
    let mut w = Filled::new();
    w.list_row(&one.id, &one.message.zh, &p(one));
    w.list_row(
        &two.id,
        "应交 40.00 元，实交 10.00 元（上次的说法）",
        &p(two),
    );
    w.list_row(&three.id, &three.message.zh, &p(three));
    w.list_row(&gone, "党员 M/99 2025年3月未交党费", "2025-03");
    w.list.push(vec![s("（此行无问题编号，跳过）"), C::N(9.0)]);
    w.ledger.push(vec![
        s("张三"),
        s(&one.id),
        C::D(2025, 3, 31),
        s(&one.message.zh),
        s("督促补缴并在支委会通报"),
        C::D(2026, 3, 31),
        s("整改中"),
        C::E,
    ]);
    w.ledger.push(vec![
        C::E,
        s(&gone),
        s("2025-01-31"),
        C::E,
        s("已补缴"),
        s("2025年9月底前"),
        s("已完成"),
        s("收据 2025-017 号"),
    ]);
    w.ledger.push(vec![C::E, C::E, C::E, s("空行：无问题编号")]);
    w.ledger.push(vec![s("注意事项：黄色列由支部填写")]);
    let base = from(&w.bytes(), "2025-06 已填.xlsx").unwrap();
    assert_eq!(base.as_of, d("2025-06-30"));
    assert_eq!(
        base.period,
        dangjian::DateRange::new(d("2025-01-01"), d("2025-06-30"))
    );
    let ids: Vec<&str> = base.findings.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [&one.id, &two.id, &three.id, &gone]);
    let e = &base.findings[3];
    assert_eq!(e.branch, one.branch);
    assert_eq!(e.subject.id.as_str(), "M/99");
    assert_eq!(
        e.period,
        dangjian::DateRange::new(d("2025-03-01"), d("2025-03-31"))
    );
    assert_eq!(e.first_seen, d("2025-01-31"));
    let r = e.remediation.as_ref().unwrap();
    assert_eq!(r.deadline.as_deref(), Some("2025年9月底前"));
    assert_eq!(r.owner, None);
    assert_eq!(base.findings[1].first_seen, d("2025-06-30"), "the default");

    let (mut after, _) = audit(None);
    after.compare(&base);
    let f = find(&after, &one.id);
    assert_eq!(f.baseline, Some(BaselineStatus::Unchanged));
    assert_eq!(f.first_seen, Some(d("2025-03-31")));
    let r = f.remediation.as_ref().unwrap();
    assert_eq!(r.owner.as_deref(), Some("张三"));
    assert_eq!(r.measures.as_deref(), Some("督促补缴并在支委会通报"));
    assert_eq!(r.deadline.as_deref(), Some("2026-03-31"), "a date cell");
    assert_eq!(r.progress.as_deref(), Some("整改中"));
    assert_eq!(r.proof, None, "an empty cell");
    let f = find(&after, &two.id);
    assert_eq!(
        f.baseline,
        Some(BaselineStatus::Updated),
        "the message changed"
    );
    assert_eq!(f.first_seen, Some(d("2025-06-30")));
    assert_eq!(f.remediation, None);
    assert_eq!(
        find(&after, &three.id).baseline,
        Some(BaselineStatus::Unchanged)
    );
    let new = after
        .findings
        .iter()
        .filter(|f| f.baseline == Some(BaselineStatus::New))
        .count();
    assert_eq!(new, after.findings.len() - 3);
    assert!(
        after
            .findings
            .iter()
            .filter(|f| f.baseline == Some(BaselineStatus::New))
            .all(|f| f.first_seen == Some(as_of()))
    );

    // The finding the new audit does not have is resolved (已整改), with
    // what the branch wrote.
    assert_eq!(after.resolved.len(), 1);
    let r = &after.resolved[0];
    assert_eq!(r.id, gone);
    assert_eq!(r.first_seen, d("2025-01-31"));
    assert_eq!(r.message.as_deref(), Some("党员 M/99 2025年3月未交党费"));
    let rem = r.remediation.as_ref().unwrap();
    assert_eq!(rem.progress.as_deref(), Some("已完成"));
    assert_eq!(rem.proof.as_deref(), Some("收据 2025-017 号"));
    let c = after.summary.baseline.clone().unwrap();
    assert_eq!((c.new, c.unchanged, c.updated, c.resolved), (new, 2, 1, 1));
    assert_eq!(c.rectification_rate.unwrap().to_string(), "0.25");
}

#[test]
fn first_seen_survives_a_second_cycle() {
    let (before, _) = audit(None);
    let one = &before.findings[0];
    let mut w = Filled::new();
    w.ledger
        .push(vec![s("李四"), s(&one.id), C::D(2024, 12, 31)]);
    let base = from(&w.bytes(), "2025-06.xlsx").unwrap();
    // The report of the next cycle, written as a workbook and read back.
    let (after, bytes) = audit(Some(&base));
    assert_eq!(find(&after, &one.id).first_seen, Some(d("2024-12-31")));
    let next = from(&bytes, "2025-12.xlsx").unwrap();
    assert_eq!(next.as_of, as_of());
    let e = next.findings.iter().find(|e| e.id == one.id).unwrap();
    assert_eq!(e.first_seen, d("2024-12-31"));
    let other = next.findings.iter().find(|e| e.id != one.id).unwrap();
    assert_eq!(other.first_seen, as_of());
    assert_eq!(next.findings.len(), after.findings.len());
}

#[test]
fn a_ledger_alone_is_enough() {
    let (before, _) = audit(None);
    let one = &before.findings[0];
    let mut w = Filled::new();
    w.ledger.push(vec![s("王五"), s(&one.id)]);
    let bytes = workbook(&[("概况", w.overview.clone()), ("整改台账", w.ledger.clone())]);
    let base = from(&bytes, "台账.xlsx").unwrap();
    assert_eq!(base.findings.len(), 1);
    assert_eq!(base.findings[0].period, None, "the id gives only its start");
    assert_eq!(base.findings[0].message, None);
    let (mut after, _) = audit(None);
    after.compare(&base);
    let f = find(&after, &one.id);
    assert_eq!(
        f.baseline,
        Some(BaselineStatus::Unchanged),
        "no message to compare"
    );
    assert_eq!(
        f.remediation.as_ref().unwrap().owner.as_deref(),
        Some("王五")
    );
}

fn err(bytes: &[u8], name: &str) -> (ErrorKind, String) {
    let e = from(bytes, name).unwrap_err();
    (e.kind(), e.to_string())
}

#[test]
fn errors_name_the_file_the_sheet_and_the_cell() {
    // No 审计基准日 in 概况.
    let mut w = Filled::new();
    w.overview.remove(2);
    let (_, m) = err(&w.bytes(), "a.xlsx");
    assert!(m.starts_with("a.xlsx: sheet 概况"), "{m}");
    assert!(m.contains("审计基准日"), "{m}");

    // 审计基准日 that is no date, and an empty one.
    let mut w = Filled::new();
    w.overview[2][1] = s("年底");
    let (kind, m) = err(&w.bytes(), "a.xlsx");
    assert_eq!(kind, ErrorKind::Data);
    assert!(m.starts_with("a.xlsx: 概况!B3"), "{m}");
    assert!(m.contains("\"年底\""), "{m}");
    w.overview[2].truncate(1);
    let (_, m) = err(&w.bytes(), "a.xlsx");
    assert!(m.starts_with("a.xlsx: 概况!B3"), "{m}");
    // 审计基准日 as text reads.
    w.overview[2].push(s("2025-06-30"));
    assert_eq!(from(&w.bytes(), "a.xlsx").unwrap().as_of, d("2025-06-30"));

    // A malformed 问题编号: its cell.
    let mut w = Filled::new();
    w.ledger.push(vec![s("张三"), s("DUE001/B01/M03/2025-03")]);
    let (kind, m) = err(&w.bytes(), "b.xlsx");
    assert_eq!(kind, ErrorKind::Data);
    assert!(m.starts_with("b.xlsx: 整改台账!B3, column 问题编号"), "{m}");
    assert!(m.contains("DUE001/B01/member:M03/2025-03"), "the form: {m}");
    let mut w = Filled::new();
    w.list_row("XYZ001/B01/member:M03/2025-03", "x", "");
    let (_, m) = err(&w.bytes(), "b.xlsx");
    assert!(m.starts_with("b.xlsx: 问题清单!E3, column 问题编号"), "{m}");

    // A bad 首次发现, a period that is not the id's, a repeated id.
    let mut w = Filled::new();
    w.ledger
        .push(vec![C::E, s("DUE001/B01/member:M03/2025-03"), s("上半年")]);
    let (_, m) = err(&w.bytes(), "c.xlsx");
    assert!(m.starts_with("c.xlsx: 整改台账!C3, column 首次发现"), "{m}");
    let mut w = Filled::new();
    w.list_row("DUE001/B01/member:M03/2025-03", "x", "2025-04");
    let (_, m) = err(&w.bytes(), "c.xlsx");
    assert!(m.starts_with("c.xlsx: 问题清单!C3, column 期间"), "{m}");
    let mut w = Filled::new();
    w.list_row("DUE001/B01/member:M03/2025-03", "x", "第三季度");
    let (_, m) = err(&w.bytes(), "c.xlsx");
    assert!(m.starts_with("c.xlsx: 问题清单!C3, column 期间"), "{m}");
    let mut w = Filled::new();
    w.list_row("DUE001/B01/member:M03/2025-03", "x", "2025-03");
    w.list_row("DUE001/B01/member:M03/2025-03", "x", "2025-03");
    let (_, m) = err(&w.bytes(), "c.xlsx");
    assert!(m.starts_with("c.xlsx: 问题清单!E4"), "{m}");
    assert!(m.contains("E3"), "names the first: {m}");

    // A sheet without a 问题编号 column; no 概况; no findings sheets.
    let mut w = Filled::new();
    w.ledger[1][1] = s("编号");
    let (_, m) = err(&w.bytes(), "d.xlsx");
    assert!(m.starts_with("d.xlsx: sheet 整改台账"), "{m}");
    assert!(m.contains("问题编号"), "{m}");
    let w = Filled::new();
    let bytes = workbook(&[("问题清单", w.list.clone()), ("整改台账", w.ledger.clone())]);
    let (kind, m) = err(&bytes, "d.xlsx");
    assert_eq!(kind, ErrorKind::Format);
    assert!(m.starts_with("d.xlsx: ") && m.contains("概况"), "{m}");
    let bytes = workbook(&[("概况", w.overview.clone()), ("党费", vec![])]);
    let (_, m) = err(&bytes, "d.xlsx");
    assert!(m.contains("问题清单") && m.contains("整改台账"), "{m}");

    // The records workbook (台账) is not a report workbook.
    let sample = std::fs::read("examples/data/sample.xlsx").unwrap();
    let (_, m) = err(&sample, "sample.xlsx");
    assert!(m.starts_with("sample.xlsx: ") && m.contains("概况"), "{m}");
}

#[test]
fn what_is_not_a_workbook_is_one_clear_error() {
    let (kind, m) = err(b"not a workbook at all", "2025.xlsx");
    assert_eq!(kind, ErrorKind::Format);
    assert!(m.starts_with("2025.xlsx: "), "{m}");
    assert!(m.contains("not a workbook"), "{m}");
    let (report, _) = audit(None);
    let (_, m) = err(report.to_json().as_bytes(), "2025.json");
    assert!(m.contains("JSON"), "{m}");
    let (_, bytes) = audit(None);
    for cut in [10, bytes.len() / 3, bytes.len() - 10] {
        let (kind, m) = err(&bytes[..cut], "cut.xlsx");
        assert_eq!(kind, ErrorKind::Format, "{m}");
        assert!(m.starts_with("cut.xlsx"), "{m}");
    }
    let e = read_baseline("/nonexistent/报告.xlsx").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(e.to_string().contains("报告.xlsx"));
}

#[test]
fn the_headers_read_are_the_writers() {
    // The reader looks these columns up by name: a rename in the writer
    // must show here.
    for h in [
        "问题编号",
        "问题描述",
        "首次发现",
        "整改措施",
        "责任人",
        "整改时限",
        "完成情况",
        "佐证材料",
    ] {
        assert!(RECTIFICATION_HEADERS.contains(&h), "{h}");
    }
}
