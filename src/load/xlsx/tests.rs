//! Unit tests of the workbook reader (the end-to-end tests are tests/xlsx*.rs).

use std::io::Cursor;

use calamine::{Data, Range, Reader as _};

use super::sheets::month_header;
use super::*;

#[test]
fn month_headers() {
    assert_eq!(month_header("1月"), Some(1));
    assert_eq!(month_header("12月"), Some(12));
    assert_eq!(month_header("十二月"), Some(12));
    assert_eq!(month_header("3月份"), Some(3));
    assert_eq!(month_header("13月"), None);
    assert_eq!(month_header("缴纳月份"), None);
}

#[test]
fn encrypted_containers_are_recognised_by_their_streams() {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut bytes = vec![0u8; 64];
    bytes.extend(&name);
    assert!(contains_utf16(&bytes, "EncryptedPackage"));
    assert!(!contains_utf16(&bytes, "EncryptionInfo"));
}

#[test]
fn sheets_are_read_in_dependency_order() {
    assert!(order(SheetId::Branch) < order(SheetId::Members));
    assert!(order(SheetId::Members) < order(SheetId::Committee));
    assert!(order(SheetId::Meetings) < order(SheetId::Absences));
    assert!(order(SheetId::Development) < order(SheetId::Votes));
    assert!(order(SheetId::Development) < order(SheetId::Assessments));
}

/// The sheets of `bytes` as calamine reads them.
fn calamine_sheets(bytes: &[u8]) -> Vec<(String, Range<Data>)> {
    let mut x: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    x.sheet_names()
        .into_iter()
        .map(|n| {
            let r = x.worksheet_range(&n).unwrap();
            (n, r)
        })
        .collect()
}

fn fast_sheets(bytes: &[u8]) -> Vec<(String, Range<Data>)> {
    fast::read(bytes, |_| true)
        .expect("the fast reader reads it")
        .sheets
        .into_iter()
        .map(|s| (s.name, s.range.unwrap()))
        .collect()
}

fn assert_same_cells(bytes: &[u8]) {
    let a = calamine_sheets(bytes);
    let b = fast_sheets(bytes);
    assert_eq!(a.len(), b.len());
    for ((na, ra), (nb, rb)) in a.iter().zip(&b) {
        assert_eq!(na, nb);
        assert_eq!(ra.start(), rb.start(), "{na}");
        assert_eq!(ra.get_size(), rb.get_size(), "{na}");
        for (x, y) in ra.rows().zip(rb.rows()) {
            assert_eq!(x, y, "{na}");
        }
    }
}

#[test]
fn the_fast_reader_sees_what_calamine_sees() {
    let sample = std::fs::read("examples/data/sample.xlsx").unwrap();
    assert_same_cells(&sample);
    let mut template = Vec::new();
    crate::render::xlsx::write_template(&mut template).unwrap();
    assert_same_cells(&template);
    // Every kind of cell rust_xlsxwriter writes.
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("甲 & <乙>").unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let money = rust_xlsxwriter::Format::new().set_num_format("¥#,##0.00");
    ws.write_string(0, 0, "a & <b> \"c\"").unwrap();
    ws.write_number(0, 1, 127.505).unwrap();
    ws.write_number_with_format(0, 2, 45728.0, &date).unwrap();
    ws.write_number_with_format(0, 3, 1520.5, &money).unwrap();
    ws.write_boolean(1, 0, true).unwrap();
    ws.write_formula(1, 1, "=1+1").unwrap();
    ws.write_string(5, 27, "远处").unwrap();
    ws.write_string(6, 0, "  空格  ").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    assert_same_cells(&bytes);
}

#[test]
fn both_readers_read_the_sample_alike() {
    let sample = std::fs::read("examples/data/sample.xlsx").unwrap();
    let fast = ReadOptions::new().read_bytes(&sample, None).unwrap();
    let slow = ReadOptions {
        calamine_only: true,
        ..ReadOptions::new()
    }
    .read_bytes(&sample, None)
    .unwrap();
    assert_eq!(fast.bundles, slow.bundles);
    assert_eq!(fast.warnings, slow.warnings);
}
