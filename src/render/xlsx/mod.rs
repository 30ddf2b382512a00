//! Excel workbooks (feature `xlsx`): the report workbook with its 问题清单
//! and 整改台账 ([`ReportWorkbook`]), the empty reading template
//! ([`write_template`]), and records written in the reading format
//! ([`write_records`], which made `examples/data/sample.xlsx`).
//!
//! Every sheet has a frozen header row, an autofilter, column widths for
//! Chinese text and print settings (A4 landscape, one page wide, the header
//! rows repeated on every page). Coloured cells always carry their text as
//! well, so a black-and-white print keeps the meaning.

use std::io::Write;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Worksheet, XlsxError,
};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::{Hours, Money};

mod grids;
mod records;
mod report;
mod template;

pub use records::write_records;
pub use report::{ReportWorkbook, ScoreRow, XlsxBranch};
pub use template::write_template;

/// The columns of the 整改台账 sheet (header on row 2, data from row 3):
/// the report fills the first seven, the branch the last five. A filled
/// 整改台账 is matched back to findings by 问题编号 (the finding's `id`).
pub const RECTIFICATION_HEADERS: [&str; 12] = [
    "序号",
    "问题编号",
    "支部",
    "问题描述",
    "依据",
    "首次发现",
    "状态",
    "整改措施",
    "责任人",
    "整改时限",
    "完成情况",
    "佐证材料",
];

/// The columns the branch fills in 整改台账 (the reader's, which carries them
/// forward from a filled workbook).
pub use crate::load::xlsx::baseline::RECTIFICATION_FILLED;

/// Turns a writer error into this crate's error (an I/O error of `file`).
pub(crate) fn xerr(file: Option<&Path>, e: XlsxError) -> Error {
    let io = match e {
        XlsxError::IoError(io) => io,
        other => std::io::Error::other(other.to_string()),
    };
    let mut err = Error::io(file.map(Path::to_path_buf), io);
    if file.is_none() {
        err = Error::new(ErrorKind::Io, Location::default(), err.message().to_owned());
    }
    err
}

/// A cell value to write.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val {
    Empty,
    Text(String),
    Date(NaiveDate),
    Money(Money),
    Hours(Hours),
    Int(u64),
}

impl Val {
    pub(crate) fn text(s: impl Into<String>) -> Val {
        let s = s.into();
        if s.is_empty() {
            Val::Empty
        } else {
            Val::Text(s)
        }
    }

    pub(crate) fn opt_text(s: Option<impl ToString>) -> Val {
        s.map_or(Val::Empty, |s| Val::text(s.to_string()))
    }

    pub(crate) fn opt_date(d: Option<NaiveDate>) -> Val {
        d.map_or(Val::Empty, Val::Date)
    }

    /// The text shown, for widths.
    fn shown(&self) -> String {
        match self {
            Val::Empty => String::new(),
            Val::Text(s) => s.clone(),
            Val::Date(_) => "2025-03-12".to_owned(),
            Val::Money(m) => m.to_string(),
            Val::Hours(h) => h.to_string(),
            Val::Int(i) => i.to_string(),
        }
    }
}

/// The formats shared by the sheets.
pub(crate) struct Styles {
    pub header: Format,
    pub title: Format,
    pub text: Format,
    pub wrap: Format,
    pub date: Format,
    pub money: Format,
    pub number: Format,
}

pub(crate) const FONT: &str = "宋体";

impl Styles {
    pub(crate) fn new() -> Styles {
        let base = Format::new().set_font_name(FONT).set_font_size(10.5);
        let cell = base.clone().set_border(FormatBorder::Thin);
        Styles {
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap()
                .set_background_color(Color::RGB(0xD9E1F2)),
            title: base.clone().set_bold().set_font_size(14),
            text: cell
                .clone()
                .set_num_format("@")
                .set_align(FormatAlign::VerticalCenter),
            wrap: cell
                .clone()
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter),
            date: cell
                .clone()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::VerticalCenter),
            money: cell
                .clone()
                .set_num_format("0.00")
                .set_align(FormatAlign::VerticalCenter),
            number: cell.set_align(FormatAlign::VerticalCenter),
        }
    }
}

/// The display width of text in Excel's character units: CJK and full-width
/// characters count two.
pub(crate) fn width_of(s: &str) -> f64 {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| if (c as u32) >= 0x1100 { 2.0 } else { 1.0 })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
}

/// Writes one value.
pub(crate) fn put(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    v: &Val,
    st: &Styles,
    wrap: bool,
) -> Result<(), XlsxError> {
    match v {
        Val::Empty => {
            ws.write_blank(row, col, if wrap { &st.wrap } else { &st.text })?;
        }
        Val::Text(s) => {
            ws.write_string_with_format(row, col, s, if wrap { &st.wrap } else { &st.text })?;
        }
        Val::Date(d) => match excel_date(*d) {
            Some(x) => {
                ws.write_date_with_format(row, col, &x, &st.date)?;
            }
            None => {
                ws.write_string_with_format(row, col, d.to_string(), &st.text)?;
            }
        },
        Val::Money(m) => {
            let f: f64 = m.to_string().parse().unwrap_or(0.0);
            ws.write_number_with_format(row, col, f, &st.money)?;
        }
        Val::Hours(h) => {
            let f: f64 = h.to_string().parse().unwrap_or(0.0);
            ws.write_number_with_format(row, col, f, &st.number)?;
        }
        Val::Int(i) => {
            ws.write_number_with_format(row, col, *i as f64, &st.number)?;
        }
    }
    Ok(())
}

/// An Excel date, for the years Excel can show (1900–9999).
pub(crate) fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let y = u16::try_from(d.year())
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    ExcelDateTime::from_ymd(y, d.month() as u8, d.day() as u8).ok()
}

/// Workbook properties with a fixed creation date, so that the same input
/// gives the same bytes.
pub(crate) fn properties(title: &str, created: NaiveDate) -> DocProperties {
    let p = DocProperties::new().set_title(title).set_author("dangjian");
    match excel_date(created) {
        Some(d) => p.set_creation_datetime(&d),
        None => p,
    }
}

/// A table sheet: header row `header_row` (0-based) over `ncols` columns,
/// with `rows` data rows under it; freezes the header, adds the filter,
/// sets the widths and the print layout.
pub(crate) fn finish_table(
    ws: &mut Worksheet,
    header_row: u32,
    widths: &[f64],
    rows: u32,
    landscape: bool,
) -> Result<(), XlsxError> {
    let ncols = widths.len().max(1) as u16;
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.autofilter(header_row, 0, header_row + rows.max(1), ncols - 1)?;
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    print_layout(ws, header_row, landscape)?;
    Ok(())
}

/// A4, landscape (or portrait), one page wide, rows `0..=header_row`
/// repeated on every page, the page number in the footer.
pub(crate) fn print_layout(
    ws: &mut Worksheet,
    header_row: u32,
    landscape: bool,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, header_row)?;
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer("&C第 &P 页，共 &N 页");
    ws.set_print_center_horizontally(true);
    Ok(())
}

/// Column widths from the header and the values, between `min` and `max`.
pub(crate) fn widths(headers: &[&str], rows: &[Vec<Val>], min: f64, max: f64) -> Vec<f64> {
    let mut w: Vec<f64> = headers.iter().map(|h| width_of(h) + 2.0).collect();
    for r in rows {
        for (i, v) in r.iter().enumerate() {
            if let Some(x) = w.get_mut(i) {
                *x = x.max(width_of(&v.shown()) + 2.0);
            }
        }
    }
    w.iter().map(|x| x.clamp(min, max)).collect()
}

/// Sets the height of each data row (from `first_row`) to fit its wrapped
/// columns: spreadsheet programs do not all grow rows for wrapped text by
/// themselves, and a clipped 问题描述 prints wrong.
pub(crate) fn fit_rows(
    ws: &mut Worksheet,
    first_row: u32,
    rows: &[Vec<Val>],
    widths: &[f64],
    wrapped: &[usize],
) -> Result<(), XlsxError> {
    for (r, row) in rows.iter().enumerate() {
        let mut lines = 1.0f64;
        for &c in wrapped {
            let (Some(v), Some(w)) = (row.get(c), widths.get(c)) else {
                continue;
            };
            let room = (w - 1.5).max(2.0);
            let n: f64 = v
                .shown()
                .lines()
                .map(|l| (width_of(l) / room).ceil().max(1.0))
                .sum();
            lines = lines.max(n);
        }
        if lines > 1.0 {
            ws.set_row_height(first_row + r as u32, 14.0 * lines + 2.0)?;
        }
    }
    Ok(())
}

/// Saves `wb` to `out`.
pub(crate) fn save(wb: &mut rust_xlsxwriter::Workbook, out: impl Write + Send) -> Result<()> {
    wb.save_to_writer(out).map_err(|e| xerr(None, e))
}
