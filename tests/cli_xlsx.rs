//! The audit command with workbooks: `.xlsx` inputs audited like JSON,
//! `--format xlsx --out`, `--template`, and a filled report workbook as
//! `--baseline`.
#![cfg(all(feature = "cli", feature = "xlsx"))]

mod xlsx_common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use xlsx_common::*;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");

struct Out {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Out {
    let args = std::iter::once("audit").chain(args.iter().copied());
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = {
        let env = dangjian::cli::Env::new(&mut stdout, &mut stderr);
        dangjian::cli::run(args, env)
    };
    Out {
        status,
        stdout: String::from_utf8(stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(stderr).expect("utf-8 stderr"),
    }
}

fn data(name: &str) -> String {
    format!("{DATA}/{name}")
}

/// A fresh temporary folder for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dangjian-cli-xlsx-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ids(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("a JSON report");
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect()
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = calamine::open_workbook(path).expect("a workbook");
    let range = wb.worksheet_range(name).expect(name);
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    // Excel dates as days since 1899-12-30 (what calamine
                    // shows for a date cell), then as a date.
                    Data::DateTime(d) => {
                        let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
                        (base + chrono::Duration::days(d.as_f64() as i64)).to_string()
                    }
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn the_sample_workbook_gives_the_findings_of_the_sample_json() {
    let x = run(&[&data("sample.xlsx"), "--format", "json"]);
    let j = run(&[&data("sample.json"), "--format", "json"]);
    assert_eq!((x.status, j.status), (0, 0), "{}", x.stderr);
    let (xi, ji) = (ids(&x.stdout), ids(&j.stdout));
    assert!(xi.len() > 50, "{} findings", xi.len());
    assert_eq!(xi, ji);
    // The one thing a workbook adds: the reader's warning names the cell of
    // the unknown member, on stderr.
    assert!(x.stderr.contains("warning:"), "{}", x.stderr);
    assert!(x.stderr.contains("党费收缴!B"), "{}", x.stderr);
    assert!(j.stderr.is_empty(), "{}", j.stderr);
}

#[test]
fn workbook_and_json_inputs_mix() {
    let dir = temp_dir("mix");
    // The same sample twice: as a workbook and as JSON, audited together.
    let out = run(&[
        &data("sample.xlsx"),
        &data("sample.json"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let one = ids(&run(&[&data("sample.json"), "--format", "json"]).stdout);
    assert_eq!(ids(&out.stdout).len(), 2 * one.len());
    drop(dir);
}

#[test]
fn format_xlsx_writes_the_report_workbook() {
    let dir = temp_dir("report");
    let path = dir.join("报告.xlsx");
    let out = run(&[
        &data("sample.json"),
        "--format",
        "xlsx",
        "--out",
        path.to_str().unwrap(),
        "--profile",
        &data("profile-example.toml"),
        "--todo",
        "60",
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let wb: Xlsx<_> = calamine::open_workbook(&path).expect("a workbook");
    let names = wb.sheet_names();
    for s in [
        "概况",
        "问题清单",
        "整改台账",
        "党费",
        "出勤",
        "发展进度",
        "评星",
        "指标",
        "待办",
    ] {
        assert!(names.iter().any(|n| n == s), "sheet {s} in {names:?}");
    }
    // 问题清单 lists every finding of the JSON report, by id, in order.
    let json = run(&[
        &data("sample.json"),
        "--format",
        "json",
        "--profile",
        &data("profile-example.toml"),
    ]);
    let listed: Vec<String> = sheet(&path, "问题清单")
        .into_iter()
        .skip(2)
        .map(|r| r[1].clone())
        .filter(|id| !id.is_empty())
        .collect();
    assert_eq!(listed, ids(&json.stdout));
    // 评星 has one row per branch with its level.
    let stars = sheet(&path, "评星");
    assert_eq!(stars[1][0], "支部");
    let rows: Vec<&Vec<String>> = stars.iter().skip(2).filter(|r| !r[0].is_empty()).collect();
    assert_eq!(rows.len(), 3, "{stars:?}");
    assert!(rows.iter().all(|r| r[4].ends_with('星')), "{stars:?}");
    // 指标 has the branches' on-time rates.
    let ind = sheet(&path, "指标");
    assert_eq!(ind[1][4], "按时缴纳率");
    assert!(ind[2][4].ends_with('%'), "{:?}", ind[2]);
}

#[test]
fn format_xlsx_without_out_is_a_usage_error() {
    let out = run(&[&data("sample.json"), "--format", "xlsx"]);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr.contains("--format xlsx needs --out FILE"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn the_template_is_written_and_reads_back_once_filled() {
    let dir = temp_dir("template");
    let path = dir.join("台账模板.xlsx");
    let out = run(&["--template", path.to_str().unwrap()]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let wb: Xlsx<_> = calamine::open_workbook(&path).expect("a workbook");
    let names = wb.sheet_names();
    assert_eq!(names.first().map(String::as_str), Some("填表说明"));
    assert!(names.iter().any(|n| n == "党员花名册"), "{names:?}");
    // Empty, it is not a branch yet: the reader says which cell to fill.
    let out = run(&[path.to_str().unwrap()]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("支部信息!B"), "{}", out.stderr);
    assert!(out.stderr.contains("支部编号"), "{}", out.stderr);
}

fn branch() -> Vec<Vec<C>> {
    rows("支部编号|B1\n支部名称|一支部\n支部类型|机关")
}

#[test]
fn keep_going_lists_every_bad_row_of_a_workbook_and_audits_the_rest() {
    let dir = temp_dir("keep-going");
    let path = dir.join("台账.xlsx");
    let bytes = workbook(&[
        ("支部信息", branch()),
        (
            "党员花名册",
            rows(
                "党员编号|姓名|党籍状态|入党时间|党费类别
                 M1|王一|正式党员|2005-07-01|在职
                 M2|李二|正式党员|2025-02-30|在职
                 M3|张三|正式党员|2010-13-01|在职",
            ),
        ),
        (
            "党费收缴",
            rows(
                "党员编号|缴纳月份|缴纳日期|实缴金额
                 M1|2025-01|2025-01-10|#50",
            ),
        ),
    ]);
    std::fs::write(&path, bytes).unwrap();
    let p = path.to_str().unwrap();
    // Without --keep-going: the first bad cell, exit 2, nothing on stdout.
    let out = run(&[p, "--as-of", "2025-03-31"]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("党员花名册!D3"), "{}", out.stderr);
    assert!(!out.stderr.contains("党员花名册!D4"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    // With it: both, the rest audited, exit 2 at the end.
    let out = run(&[
        p,
        "--as-of",
        "2025-03-31",
        "--keep-going",
        "--format",
        "json",
    ]);
    assert_eq!(out.status, 2, "{}", out.stderr);
    assert!(out.stderr.contains("党员花名册!D3"), "{}", out.stderr);
    assert!(out.stderr.contains("党员花名册!D4"), "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["summary"]["branches"], 1);
    assert_eq!(v["unreadable"].as_array().unwrap().len(), 2, "{v}");
}

#[test]
fn a_file_that_is_not_a_workbook_gets_one_message() {
    let dir = temp_dir("not-a-workbook");
    let path = dir.join("台账.xlsx");
    std::fs::write(&path, "党员编号,姓名\nM1,王一\n").unwrap();
    let out = run(&[path.to_str().unwrap(), "--as-of", "2025-12-31"]);
    assert_eq!(out.status, 2);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("台账.xlsx"), "{}", out.stderr);
}

#[test]
fn the_report_workbook_is_a_baseline_and_carries_the_rectification_forward() {
    let dir = temp_dir("baseline");
    let report = dir.join("2025年报告.xlsx");
    let r = report.to_str().unwrap();
    let first = run(&[&data("sample.json"), "--format", "xlsx", "--out", r]);
    assert_eq!(first.status, 0, "{}", first.stderr);
    // The same data against its own report: nothing new, nothing resolved.
    let again = run(&[&data("sample.json"), "--format", "json", "--baseline", r]);
    assert_eq!(again.status, 0, "{}", again.stderr);
    let v: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    let n = v["findings"].as_array().unwrap().len();
    assert_eq!(v["summary"]["baseline"]["new"], 0, "{}", v["summary"]);
    assert_eq!(v["summary"]["baseline"]["unchanged"], n);
    assert_eq!(v["resolved"].as_array().map_or(0, Vec::len), 0);
    assert_eq!(v["baseline"]["as_of"], v["as_of"]);

    // The branch fills the 整改台账 of one finding and sends it back (a
    // workbook of its own, with only the sheets the reader needs).
    let id = ids(&again.stdout)[0].clone();
    let filled = dir.join("整改台账（已填）.xlsx");
    let mut ledger = rows(
        "整改台账
         序号|问题编号|支部|问题描述|依据|首次发现|状态|整改措施|责任人|整改时限|完成情况|佐证材料",
    );
    let msg = v["findings"][0]["message"]["zh"].as_str().unwrap();
    ledger.push(vec![
        n_(1.0),
        s(&id),
        s(v["findings"][0]["branch"].as_str().unwrap()),
        s(msg),
        C::E,
        C::D(2025, 6, 30),
        s("未整改"),
        s("补缴并在支部大会上说明"),
        s("张书记"),
        C::D(2026, 3, 31),
        s("整改中"),
        C::E,
    ]);
    std::fs::write(
        &filled,
        workbook(&[
            (
                "概况",
                rows("党支部工作审计报告\n~\n审计基准日|@2025-12-31"),
            ),
            ("整改台账", ledger),
        ]),
    )
    .unwrap();
    let next = dir.join("2026年报告.xlsx");
    let out = run(&[
        &data("sample.json"),
        "--format",
        "xlsx",
        "--out",
        next.to_str().unwrap(),
        "--baseline",
        filled.to_str().unwrap(),
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let rows = sheet(&next, "整改台账");
    let row = rows.iter().find(|r| r[1] == id).expect("the finding's row");
    assert_eq!(row[6], "未整改", "{row:?}");
    assert_eq!(row[7], "补缴并在支部大会上说明", "{row:?}");
    assert_eq!(row[8], "张书记", "{row:?}");
    assert_eq!(row[10], "整改中", "{row:?}");
    // 首次发现 is the baseline's, not this audit's.
    assert!(row[5].starts_with("2025-06-30"), "{row:?}");
}

#[test]
fn a_bad_baseline_workbook_names_its_cell() {
    let dir = temp_dir("bad-baseline");
    let path = dir.join("基线.xlsx");
    std::fs::write(
        &path,
        workbook(&[
            ("概况", rows("审计基准日|不是日期")),
            ("整改台账", rows("问题编号|整改措施\nDUE001/B01|补缴")),
        ]),
    )
    .unwrap();
    let out = run(&[&data("sample.json"), "--baseline", path.to_str().unwrap()]);
    assert_eq!(out.status, 2);
    assert!(out.stderr.contains("概况!B1"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
}

fn n_(x: f64) -> C {
    n(x)
}

#[test]
fn with_a_json_baseline_the_indicators_sheet_shows_last_periods_rates() {
    let dir = temp_dir("year-over-year");
    let base = dir.join("2025.json");
    let out = run(&[
        &data("sample.json"),
        "--format",
        "json",
        "--out",
        base.to_str().unwrap(),
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let path = dir.join("报告.xlsx");
    let out = run(&[
        &data("sample.json"),
        "--format",
        "xlsx",
        "--out",
        path.to_str().unwrap(),
        "--baseline",
        base.to_str().unwrap(),
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let ind = sheet(&path, "指标");
    let col = ind[1]
        .iter()
        .position(|h| h == "上期按时缴纳率")
        .expect("the column");
    // The same data: last period's rate is this period's.
    assert_eq!(ind[2][col], ind[2][4]);
    assert!(ind[2][col].ends_with('%'), "{:?}", ind[2]);
}
