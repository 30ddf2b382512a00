//! The empty template (`audit --template`), filled in as a secretary would:
//! every sheet's rows put under the template's own headers, read back to the
//! same bundles and findings as the JSON twin.

#![cfg(feature = "xlsx")]

mod xlsx_common;

use std::io::Cursor;

use calamine::{Data, Reader as _, Xlsx};
use dangjian::Bundle;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use xlsx_common::assert_twins;

/// A header as the reader compares it: no `*`, no spaces.
fn key(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

fn text(d: &Data) -> Option<String> {
    match d {
        Data::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

type Sheets = Vec<(String, Vec<Vec<Data>>)>;

fn sheets(bytes: &[u8]) -> Sheets {
    let mut x: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    x.sheet_names()
        .into_iter()
        .map(|n| {
            let r = x.worksheet_range(&n).unwrap();
            // Rows from A1, so that positions are the sheet's own.
            let (h, w) = r.end().map_or((0, 0), |(h, w)| (h + 1, w + 1));
            let rows = (0..h)
                .map(|i| {
                    (0..w)
                        .map(|j| r.get_value((i, j)).cloned().unwrap_or(Data::Empty))
                        .collect()
                })
                .collect();
            (n, rows)
        })
        .collect()
}

/// Writes `sheets` as a workbook: text, numbers, booleans and dates as
/// Excel dates.
fn write(sheets: &Sheets) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, d) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match d {
                    Data::String(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    Data::Float(f) => {
                        ws.write_number(r, c, *f).unwrap();
                    }
                    Data::Int(i) => {
                        ws.write_number(r, c, *i as f64).unwrap();
                    }
                    Data::Bool(b) => {
                        ws.write_boolean(r, c, *b).unwrap();
                    }
                    Data::DateTime(dt) => {
                        let (y, m, d, ..) = dt.to_ymd_hms_milli();
                        let x = ExcelDateTime::from_ymd(y, m, d).unwrap();
                        ws.write_date_with_format(r, c, &x, &date).unwrap();
                    }
                    _ => {}
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// The template filled with `bundle`: each template sheet keeps its own
/// header row (and 支部信息 its 项目 / 内容 / 说明 rows), and gets under it
/// the rows the record writer gives for the bundle, column by column under
/// the template's headers. A value the template has no column for fails.
fn fill_template(template: &Sheets, bundle: &Bundle) -> Vec<u8> {
    let mut bytes = Vec::new();
    dangjian::render::xlsx::write_records(std::slice::from_ref(bundle), &mut bytes).unwrap();
    let records = sheets(&bytes);
    let mut out: Sheets = Vec::new();
    for (name, rows) in template {
        let Some((_, data)) = records.iter().find(|(n, _)| n == name) else {
            // 填表说明, and sheets the bundle has no rows for: as they are.
            out.push((name.clone(), rows.clone()));
            continue;
        };
        if name == "支部信息" {
            // 项目 / 内容 rows: each item's value from the record writer's.
            let mut filled = rows.clone();
            for (label, value) in data
                .iter()
                .filter_map(|r| Some((text(r.first()?)?, r.get(1)?)))
            {
                if label == "项目" {
                    continue;
                }
                let at = filled
                    .iter_mut()
                    .find(|r| {
                        r.first()
                            .and_then(text)
                            .is_some_and(|t| key(&t) == key(&label))
                    })
                    .unwrap_or_else(|| panic!("the template's 支部信息 has no item {label}"));
                at[1] = value.clone();
            }
            out.push((name.clone(), filled));
            continue;
        }
        let head: Vec<String> = rows[0]
            .iter()
            .map(|d| text(d).map(|t| key(&t)).unwrap_or_default())
            .collect();
        let from: Vec<String> = data[0]
            .iter()
            .map(|d| text(d).map(|t| key(&t)).unwrap_or_default())
            .collect();
        let mut filled = vec![rows[0].clone()];
        for r in &data[1..] {
            let mut row = vec![Data::Empty; head.len()];
            for (j, d) in r.iter().enumerate() {
                if matches!(d, Data::Empty) {
                    continue;
                }
                let h = &from[j];
                let i = head.iter().position(|x| x == h).unwrap_or_else(|| {
                    panic!("the template's {name} has no column {h} (a value {d:?} would be lost)")
                });
                row[i] = d.clone();
            }
            filled.push(row);
        }
        out.push((name.clone(), filled));
    }
    write(&out)
}

#[test]
fn the_filled_template_reads_back_as_the_json_twin() {
    let mut template = Vec::new();
    dangjian::render::xlsx::write_template(&mut template).unwrap();
    let template = sheets(&template);
    let json = dangjian::load::read_path("examples/data/sample.json").unwrap();
    let mut filled_sheets = std::collections::BTreeSet::new();
    for bundle in &json {
        let bytes = fill_template(&template, bundle);
        let wb = xlsx_common::read(&bytes, "台账.xlsx").unwrap_or_else(|e| {
            panic!(
                "the filled template of {} does not read: {e}",
                bundle.branch.id
            )
        });
        assert_twins(&wb.bundles, std::slice::from_ref(bundle));
        // Nothing unknown in our own template: only the sample's planted
        // unknown member (DAT001) may be said.
        let odd: Vec<String> = wb
            .warnings
            .iter()
            .filter(|w| w.kind != dangjian::load::xlsx::WarningKind::UnresolvedName)
            .map(|w| w.to_string())
            .collect();
        assert!(odd.is_empty(), "{}: {odd:#?}", bundle.branch.id);
        for (name, rows) in sheets(&bytes) {
            if rows.len() > 1 {
                filled_sheets.insert(name);
            }
        }
    }
    // The sample fills every sheet of the template but 填表说明.
    let all: std::collections::BTreeSet<String> = template
        .iter()
        .map(|(n, _)| n.clone())
        .filter(|n| n != "填表说明")
        .collect();
    let missing: Vec<&String> = all.difference(&filled_sheets).collect();
    assert!(
        missing.is_empty(),
        "sheets the sample left empty: {missing:?}"
    );
}

#[test]
fn every_required_column_is_in_the_template() {
    let mut template = Vec::new();
    dangjian::render::xlsx::write_template(&mut template).unwrap();
    let template = sheets(&template);
    let heads = |name: &str| -> Vec<String> {
        let (_, rows) = template.iter().find(|(n, _)| n == name).unwrap();
        rows[0].iter().filter_map(text).collect()
    };
    // 党费公开's 年度 is required: the template marks it so.
    assert_eq!(heads("党费公开"), ["公开日期*", "年度*"]);
    // The grid form's 年度 of 党费收缴 is optional and left out.
    assert!(!heads("党费收缴").iter().any(|h| h.starts_with("年度")));
}
