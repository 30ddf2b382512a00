//! Building workbooks in tests, and comparing them with their JSON twins.
#![allow(dead_code)]

use chrono::NaiveDate;
use dangjian::{Auditor, Bundle, Finding};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A cell of a test sheet.
#[derive(Clone, Debug)]
pub enum C {
    /// Text.
    S(String),
    /// A number.
    N(f64),
    /// An Excel date cell.
    D(u16, u8, u8),
    /// Empty.
    E,
}

pub fn s(x: &str) -> C {
    C::S(x.to_owned())
}

pub fn n(x: f64) -> C {
    C::N(x)
}

/// Rows from `|`-separated text: `"党员编号|姓名"`; a cell `#45728` is the
/// number 45728, `@2025-03-12` an Excel date cell, `` (nothing) empty.
pub fn rows(text: &str) -> Vec<Vec<C>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            if l == "~" {
                return Vec::new(); // a blank row
            }
            l.split('|')
                .map(|c| {
                    let c = c.trim();
                    if c.is_empty() {
                        C::E
                    } else if let Some(x) = c.strip_prefix('#') {
                        C::N(x.parse().expect("a number"))
                    } else if let Some(x) = c.strip_prefix('@') {
                        let d = NaiveDate::parse_from_str(x, "%Y-%m-%d").expect("a date");
                        use chrono::Datelike;
                        C::D(d.year() as u16, d.month() as u8, d.day() as u8)
                    } else {
                        s(c)
                    }
                })
                .collect()
        })
        .collect()
}

/// A workbook of `(sheet, rows)`.
pub fn workbook(sheets: &[(&str, Vec<Vec<C>>)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    C::S(x) => {
                        ws.write_string(r, c, x).unwrap();
                    }
                    C::N(x) => {
                        ws.write_number(r, c, *x).unwrap();
                    }
                    C::D(y, m, d) => {
                        let x = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_date_with_format(r, c, &x, &date).unwrap();
                    }
                    C::E => {}
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Reads workbook bytes as if from `name`.
pub fn read(bytes: &[u8], name: &str) -> dangjian::Result<dangjian::load::xlsx::Workbook> {
    dangjian::load::xlsx::ReadOptions::new().read_bytes(bytes, Some(std::path::Path::new(name)))
}

pub fn read_keep_going(
    bytes: &[u8],
    name: &str,
) -> dangjian::Result<dangjian::load::xlsx::Workbook> {
    dangjian::load::xlsx::ReadOptions::new()
        .keep_going(true)
        .read_bytes(bytes, Some(std::path::Path::new(name)))
}

pub fn bundle(json: serde_json::Value) -> Bundle {
    dangjian::load::bundle_from_json(&json.to_string()).expect("the JSON twin reads")
}

pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}

/// A finding without what only a workbook can add (the cells of DAT001,
/// the mark of an id the reader derived).
pub fn plain(f: &Finding) -> serde_json::Value {
    let mut v = serde_json::to_value(f).unwrap();
    if let Some(e) = v.get_mut("evidence").and_then(|e| e.as_object_mut()) {
        e.remove("cells");
        e.remove("id_derived");
    }
    if let Some(m) = v.get_mut("message") {
        for lang in ["zh", "en"] {
            if let Some(s) = m.get(lang).and_then(|s| s.as_str()) {
                let cut = s
                    .find("（单元格")
                    .or_else(|| s.find(" (cells"))
                    .unwrap_or(s.len());
                m[lang] = serde_json::Value::String(s[..cut].to_owned());
            }
        }
    }
    v
}

/// Asserts that the workbook's bundles equal the twin's, and audit the same.
pub fn assert_twins(from_xlsx: &[Bundle], twin: &[Bundle]) {
    assert_eq!(from_xlsx.len(), twin.len(), "number of bundles");
    for (a, b) in from_xlsx.iter().zip(twin) {
        let ja = serde_json::to_value(a).unwrap();
        let jb = serde_json::to_value(b).unwrap();
        assert_eq!(
            ja,
            jb,
            "workbook bundle (left) differs from its JSON twin (right):\n{}\n{}",
            serde_json::to_string_pretty(&ja).unwrap(),
            serde_json::to_string_pretty(&jb).unwrap()
        );
    }
    let auditor = Auditor::new(as_of());
    let fa: Vec<_> = from_xlsx
        .iter()
        .flat_map(|b| auditor.check(b))
        .map(|f| plain(&f))
        .collect();
    let fb: Vec<_> = twin
        .iter()
        .flat_map(|b| auditor.check(b))
        .map(|f| plain(&f))
        .collect();
    assert_eq!(fa, fb);
}

/// A header as the reader compares it: no `*`, no spaces.
pub fn key(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

pub fn text(d: &calamine::Data) -> Option<String> {
    match d {
        calamine::Data::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

pub type Sheets = Vec<(String, Vec<Vec<calamine::Data>>)>;

pub fn sheets(bytes: &[u8]) -> Sheets {
    let mut x: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    {
        use calamine::Reader as _;
        x.sheet_names()
    }
    .into_iter()
    .map(|n| {
        let r = {
            use calamine::Reader as _;
            x.worksheet_range(&n).unwrap()
        };
        // Rows from A1, so that positions are the sheet's own.
        let (h, w) = r.end().map_or((0, 0), |(h, w)| (h + 1, w + 1));
        let rows = (0..h)
            .map(|i| {
                (0..w)
                    .map(|j| {
                        r.get_value((i, j))
                            .cloned()
                            .unwrap_or(calamine::Data::Empty)
                    })
                    .collect()
            })
            .collect();
        (n, rows)
    })
    .collect()
}

/// Writes `sheets` as a workbook: text, numbers, booleans and dates as
/// Excel dates.
pub fn write(sheets: &Sheets) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, d) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match d {
                    calamine::Data::String(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    calamine::Data::Float(f) => {
                        ws.write_number(r, c, *f).unwrap();
                    }
                    calamine::Data::Int(i) => {
                        ws.write_number(r, c, *i as f64).unwrap();
                    }
                    calamine::Data::Bool(b) => {
                        ws.write_boolean(r, c, *b).unwrap();
                    }
                    calamine::Data::DateTime(dt) => {
                        let (y, m, d, ..) = dt.to_ymd_hms_milli();
                        let x = rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, d).unwrap();
                        ws.write_date_with_format(r, c, &x, &date).unwrap();
                    }
                    _ => {}
                }
            }
        }
    }
    wb.save_to_buffer().unwrap()
}
