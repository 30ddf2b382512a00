//! The report workbook and the template, read back with calamine: sheets in
//! order, headers, row counts; the template reads as an empty workbook.
#![cfg(feature = "xlsx")]

mod xlsx_common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use dangjian::render::xlsx::{RECTIFICATION_HEADERS, ReportWorkbook, ScoreRow};
use dangjian::{Auditor, Report};
use xlsx_common::as_of;

fn report_workbook(scores: bool) -> (Report, Vec<u8>, usize, usize) {
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
    if scores {
        wb.add_scorecards([ScoreRow::new("B01", "示例方案", "86.5", "四星")]);
    }
    wb.add_note("党费收缴 是表格式，无缴纳日期，DUE005 未检查");
    let report = auditor.finish(report);
    let mut bytes = Vec::new();
    wb.finish(&report, &mut bytes).unwrap();
    let members: usize = bundles.iter().map(|b| b.members.len()).sum();
    let candidates: usize = bundles.iter().map(|b| b.candidates.len()).sum();
    (report, bytes, members, candidates)
}

fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn row_texts(r: &[Data]) -> Vec<String> {
    r.iter().map(|d| d.to_string()).collect()
}

#[test]
fn the_report_workbook_has_its_sheets_headers_and_rows() {
    let (report, bytes, members, candidates) = report_workbook(false);
    let mut x = open(bytes);
    assert_eq!(
        x.sheet_names(),
        ["概况", "问题清单", "整改台账", "党费", "出勤", "发展进度"]
    );

    let list = x.worksheet_range("问题清单").unwrap();
    let rows: Vec<&[Data]> = list.rows().collect();
    assert_eq!(
        row_texts(rows[1]),
        [
            "序号",
            "问题编号",
            "支部",
            "规则",
            "规则名称",
            "严重程度",
            "对象",
            "期间",
            "问题描述",
            "依据",
            "状态"
        ]
    );
    assert_eq!(rows.len() - 2, report.findings.len());
    // 问题编号 is the finding's id, in report order.
    for (row, f) in rows[2..].iter().zip(&report.findings) {
        assert_eq!(row[1].to_string(), f.id);
        assert_eq!(row[3].to_string(), f.rule.as_str());
        assert_eq!(row[8].to_string(), f.message.zh);
    }

    let ledger = x.worksheet_range("整改台账").unwrap();
    let rows: Vec<&[Data]> = ledger.rows().collect();
    assert_eq!(row_texts(rows[1]), RECTIFICATION_HEADERS);
    let open = report.findings.iter().filter(|f| !f.is_accepted()).count();
    assert_eq!(rows.len() - 2, open);
    assert_eq!(rows[2][1].to_string(), report.findings[0].id);

    for (sheet, last) in [("党费", "未交月数"), ("出勤", "缺席月数")] {
        let g = x.worksheet_range(sheet).unwrap();
        let rows: Vec<&[Data]> = g.rows().collect();
        let head = row_texts(rows[1]);
        assert_eq!(head[..3], ["支部", "党员编号", "姓名"]);
        assert_eq!(head[3], "1月");
        assert_eq!(head[14], "12月");
        assert_eq!(head[15], last);
        // A row per member, a blank row, the legend.
        assert_eq!(rows.len(), 2 + members + 2, "{sheet}");
        assert_eq!(rows[2 + members + 1][0].to_string(), "图例");
    }
    let dues = x.worksheet_range("党费").unwrap();
    let m21 = dues
        .rows()
        .find(|r| r.get(1).map(|d| d.to_string()).as_deref() == Some("M21"))
        .unwrap();
    let unpaid = m21[3..15]
        .iter()
        .filter(|d| matches!(d, Data::String(s) if s == "未交"))
        .count();
    assert!(
        unpaid >= 7,
        "M21 has seven unpaid months in the sample: {m21:?}"
    );

    let dev = x.worksheet_range("发展进度").unwrap();
    let rows: Vec<&[Data]> = dev.rows().collect();
    assert_eq!(row_texts(rows[1])[..4], ["支部", "编号", "姓名", "阶段"]);
    assert_eq!(rows.len() - 2, candidates);

    let ov = x.worksheet_range("概况").unwrap();
    let texts: Vec<String> = ov.rows().flat_map(row_texts).collect();
    assert!(texts.iter().any(|t| t == "审计基准日"));
    assert!(texts.iter().any(|t| t.contains("DUE005 未检查")));
    assert!(texts.iter().any(|t| t == "B01"));
}

#[test]
fn stars_appear_with_scorecards() {
    let (_, bytes, _, _) = report_workbook(true);
    let mut x = open(bytes);
    assert_eq!(x.sheet_names().last().map(String::as_str), Some("评星"));
    let s = x.worksheet_range("评星").unwrap();
    let rows: Vec<&[Data]> = s.rows().collect();
    assert_eq!(
        row_texts(rows[2]),
        [
            "B01",
            "市文化和旅游局机关第一党支部",
            "示例方案",
            "86.5",
            "四星",
            // 扣分项, 否决: a ScoreRow given by hand has none.
            "",
            ""
        ]
    );
}

#[test]
fn the_report_workbook_is_deterministic() {
    let (_, a, _, _) = report_workbook(false);
    let (_, b, _, _) = report_workbook(false);
    assert!(a == b);
}

#[test]
fn the_template_has_every_sheet_and_reads_as_an_empty_workbook() {
    let mut bytes = Vec::new();
    dangjian::render::xlsx::write_template(&mut bytes).unwrap();
    let mut x = open(bytes.clone());
    let names = x.sheet_names();
    assert_eq!(names[0], "填表说明");
    for s in [
        "支部信息",
        "支委会",
        "党小组",
        "党员花名册",
        "党费基数",
        "党费收缴",
        "党费减免",
        "党费上缴",
        "党费公开",
        "正当理由",
        "三会一课",
        "缺席请假",
        "表决",
        "整改事项",
        "谈心谈话",
        "学习培训",
        "发展党员",
        "考察记录",
        "公示",
        "组织关系接转",
        "流动外出",
    ] {
        assert!(names.iter().any(|n| n == s), "{s} missing from {names:?}");
    }
    let roster = x.worksheet_range("党员花名册").unwrap();
    let head = row_texts(roster.rows().next().unwrap());
    // 党员编号 is optional (members may be known by name); required columns
    // are marked.
    assert_eq!(head[..3], ["党员编号", "姓名*", "性别"]);
    // Empty: the reader needs a branch, and says so at its cell.
    let e = dangjian::load::xlsx::ReadOptions::new()
        .read_bytes(&bytes, Some(std::path::Path::new("台账.xlsx")))
        .unwrap_err();
    assert!(e.to_string().contains("支部信息!"), "{e}");
    assert!(e.to_string().contains("支部编号"), "{e}");
    // The drop-down lists are there.
    let xml = unzip_sheet(&bytes, "党员花名册");
    assert!(
        xml.contains("<dataValidation type=\"list\""),
        "no list validation"
    );
    assert!(
        xml.contains("正式党员,预备党员"),
        "{}",
        &xml[..xml.len().min(400)]
    );
}

/// The XML of one sheet of a workbook (for what calamine does not read).
fn unzip_sheet(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut wb = String::new();
    z.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut wb)
        .unwrap();
    let names: Vec<&str> = wb
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let i = names.iter().position(|n| *n == name).unwrap() + 1;
    let mut xml = String::new();
    z.by_name(&format!("xl/worksheets/sheet{i}.xml"))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn one_branch_is_written_as_items_and_reads_back() {
    // One branch is written with 支部信息 as 项目 / 内容 rows and no
    // 支部编号 columns; it reads back as it was.
    let json = dangjian::load::read_path("examples/data/sample.json").unwrap();
    let one = &json[..1];
    let mut bytes = Vec::new();
    dangjian::render::xlsx::write_records(one, &mut bytes).unwrap();
    let wb = xlsx_common::read(&bytes, "one.xlsx").unwrap();
    assert_eq!(wb.bundles, one);
}
