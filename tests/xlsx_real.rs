//! The corpus of workbooks in the layouts branches really keep
//! (`tests/xlsx_real/`, written by `examples/xlsx_corpus.rs`): each
//! `NAME.xlsx` reads as the same bundles as its twin `NAME.json`, audits to
//! the same findings, and warns of what its layout should cause; and the
//! committed files are exactly what the generator writes.

#![cfg(feature = "xlsx")]

mod xlsx_common;

#[path = "../examples/xlsx_corpus.rs"]
#[allow(dead_code)]
mod corpus;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dangjian::Auditor;
use dangjian::load::xlsx::WarningKind::{self, *};

const DIR: &str = "tests/xlsx_real";

/// Each workbook and the kinds of warning its layout causes — all of them,
/// and only them.
const EXPECTED: &[(&str, &[WarningKind])] = &[
    // 合计 and 填表说明 under the roster, 合计 under the dues.
    ("roster_titles", &[SkippedRows]),
    // 填表说明 under the meetings; the merged header names every column.
    ("meetings_merged_header", &[SkippedRows]),
    // 注： under the 纪实表; the stage labels name no column of their own.
    ("development_stages", &[SkippedRows]),
    // 合计 on every month's sheet; 11月 and 12月 have no 缴费日期.
    ("dues_sheet_per_month", &[SkippedRows, NoPaymentDates]),
    // A grid has no payment dates; its 合计 column is no month; 合计 and 填表人 rows.
    ("dues_wide", &[SkippedRows, NoPaymentDates, UnknownColumn]),
    ("dates_as_text", &[]),
    ("booleans_and_amounts", &[]),
    ("names_and_full_width", &[]),
    // 党费基数 is hidden (read and said); 下拉选项 and 2024年花名册 silently not.
    ("hidden_sheet", &[HiddenSheet]),
    // The hidden 系统内码 column is read as any column: unknown.
    ("hidden_columns", &[UnknownColumn]),
    // No 党籍状态 or 党费类别 (defaults said), no 缴纳日期.
    ("no_ids", &[Assumed, NoPaymentDates]),
    ("sheet_per_kind", &[]),
    // Sheet1 and Sheet2 read by their headers; Sheet3 (empty) and 统计 not.
    ("guessed_sheets", &[GuessedSheet, UnknownSheet]),
    ("several_branches", &[]),
    // Hint rows under the headers, rows holding only a 序号.
    ("system_template", &[SkippedRows]),
];

fn as_of() -> dangjian::NaiveDate {
    dangjian::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}

/// The workbooks of the corpus, by name.
fn workbooks() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    v.sort();
    v
}

fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_str().unwrap().to_owned()
}

#[test]
fn every_workbook_reads_as_its_twin_and_audits_the_same() {
    let books = workbooks();
    assert!(books.len() >= 12, "{} workbooks in {DIR}", books.len());
    let names: BTreeSet<String> = books.iter().map(|p| stem(p)).collect();
    let listed: BTreeSet<String> = EXPECTED.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(names, listed, "the workbooks in {DIR} and the table here");
    let auditor = Auditor::new(as_of());
    for path in &books {
        let name = stem(path);
        let wb = dangjian::load::xlsx::read(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let twin = dangjian::load::read_path(path.with_extension("json"))
            .unwrap_or_else(|e| panic!("{name}.json: {e}"));
        xlsx_common::assert_twins(&wb.bundles, &twin);
        // The report's findings, as the command would give them.
        let from_xlsx = auditor.audit(&wb.bundles);
        let from_twin = auditor.audit(&twin);
        let plain = |r: &dangjian::Report| -> Vec<serde_json::Value> {
            r.findings.iter().map(xlsx_common::plain).collect()
        };
        assert!(!from_twin.findings.is_empty(), "{name}: no findings");
        assert_eq!(plain(&from_xlsx), plain(&from_twin), "{name}: findings");
        assert_eq!(from_xlsx.audited, from_twin.audited, "{name}: audited");
        // What the layout should cause, and nothing else.
        let expected: BTreeSet<WarningKind> = EXPECTED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, k)| k.iter().copied().collect())
            .unwrap();
        let got: BTreeSet<WarningKind> = wb.warnings.iter().map(|w| w.kind).collect();
        let all: Vec<String> = wb.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(got, expected, "{name}: warnings {all:#?}");
    }
}

/// The committed corpus is what the generator writes, byte for byte.
#[test]
fn the_corpus_is_what_its_generator_writes() {
    let dir = std::env::temp_dir().join(format!("dangjian-xlsx-real-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let files = corpus::write_corpus(&dir).unwrap();
    let mut written: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_str().unwrap().to_owned())
        .collect();
    written.sort();
    let mut committed: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_str().unwrap().to_owned())
        .filter(|n| n.ends_with(".xlsx") || n.ends_with(".json"))
        .collect();
    committed.sort();
    assert_eq!(
        written, committed,
        "the files the generator writes and those in {DIR} (run `cargo run --example xlsx_corpus`)"
    );
    for name in &written {
        let new = std::fs::read(dir.join(name)).unwrap();
        let old = std::fs::read(Path::new(DIR).join(name)).unwrap();
        assert!(
            new == old,
            "{DIR}/{name} is not what examples/xlsx_corpus.rs writes (run `cargo run --example xlsx_corpus`)"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
