//! The empty reading template (`audit --template 台账.xlsx`): every sheet of
//! XLSX.md with its headers, drop-down lists for the enumerated columns, and
//! a 填表说明 sheet.

use std::io::Write;

use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, Worksheet, XlsxError};

use super::{Styles, Val, finish_table, fit_rows, print_layout, put, width_of};
use crate::error::Result;
use crate::load::xlsx::schema::{BRANCH_SHEET, Col, Kind, SHEETS, SheetDef};

/// Rows of each sheet that get the drop-down lists and cell formats.
const ROWS: u32 = 1000;

/// Blank rows with borders under each header (a printed form).
const FORM_ROWS: u32 = 20;

/// Optional columns the template leaves out: 支部编号 (a single branch
/// needs none; 填表说明 says when to add it), the grid form's 年度 (党费收缴),
/// the 时长（分钟） alternative. A required column is never left out
/// (党费公开's 年度 is required).
const LEFT_OUT: &[&str] = &["branch", "year", "minutes"];

/// Whether the template writes column `c` of sheet `def`.
pub(crate) fn in_template(def: &SheetDef, c: &Col) -> bool {
    c.required
        || !(LEFT_OUT.contains(&c.key) || crate::load::xlsx::schema::other_way(def.id, c.key))
}

/// Writes the empty 台账 workbook the reader reads: a 填表说明 sheet, then
/// every sheet of XLSX.md with its headers (required ones marked `*`),
/// drop-down lists for the enumerated and yes/no columns, date and text
/// formats, and the column notes as input hints.
///
/// ```
/// let mut bytes = Vec::new();
/// dangjian::render::xlsx::write_template(&mut bytes)?;
/// assert!(bytes.starts_with(b"PK"));
/// # Ok::<(), dangjian::Error>(())
/// ```
///
/// # Errors
/// When writing to `out` fails.
pub fn write_template(out: impl Write + Send) -> Result<()> {
    let mut wb = Workbook::new();
    wb.set_properties(&super::properties(
        "党建台账模板",
        super::records::fixed_date(),
    ));
    build(&mut wb).map_err(|e| super::xerr(None, e))?;
    super::save(&mut wb, out)
}

fn build(wb: &mut Workbook) -> Result<(), XlsxError> {
    let st = Styles::new();
    notes(wb, &st)?;
    branch(wb, &st)?;
    for def in SHEETS {
        sheet(wb, &st, def)?;
    }
    Ok(())
}

fn header_text(c: &Col) -> String {
    if c.required {
        format!("{}*", c.header)
    } else {
        c.header.to_owned()
    }
}

/// What a column takes, for 填表说明.
fn kind_text(k: Kind) -> String {
    match k {
        Kind::Text => "文字".to_owned(),
        Kind::Id => "编号（文字，须稳定不变）".to_owned(),
        Kind::Person => "党员编号，或花名册中唯一的姓名".to_owned(),
        Kind::People => "党员编号或姓名，以、，, 分隔".to_owned(),
        Kind::Date | Kind::Step(_) => {
            "日期：2025-03-12、2025/3/12、2025.3.12 或 2025年3月12日".to_owned()
        }
        Kind::Month => "月份：2025-03、2025/3、2025年3月".to_owned(),
        Kind::Period => "期间：2025、2025年第1季度、2025-03".to_owned(),
        Kind::Money => "金额（元），最多两位小数".to_owned(),
        Kind::Hours => "小时，最多两位小数".to_owned(),
        Kind::Minutes => "分钟（整数）".to_owned(),
        Kind::Count => "整数".to_owned(),
        Kind::YesNo => "是 / 否".to_owned(),
        Kind::Choice(ch) => ch.labels().collect::<Vec<_>>().join(" / "),
    }
}

fn validation(c: &Col) -> Option<DataValidation> {
    let v = match c.kind {
        Kind::Choice(ch) => {
            let labels: Vec<&str> = ch.labels().collect();
            DataValidation::new().allow_list_strings(&labels).ok()?
        }
        Kind::YesNo => DataValidation::new()
            .allow_list_strings(&["是", "否"])
            .ok()?,
        _ if !c.note.is_empty() => DataValidation::new().allow_any_value(),
        _ => return None,
    };
    let v = v.set_error_title(c.header).ok()?;
    if c.note.is_empty() {
        return Some(v);
    }
    v.set_input_title(c.header)
        .ok()?
        .set_input_message(c.note)
        .ok()
}

fn column_format(st: &Styles, k: Kind) -> &Format {
    match k {
        Kind::Date | Kind::Step(_) => &st.date,
        Kind::Money => &st.money,
        Kind::Hours | Kind::Minutes | Kind::Count => &st.number,
        _ => &st.text,
    }
}

fn sheet(wb: &mut Workbook, st: &Styles, def: &SheetDef) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(def.name)?;
    let cols: Vec<&Col> = def.cols.iter().filter(|c| in_template(def, c)).collect();
    let required = st.header.clone().set_font_color(Color::RGB(0xC00000));
    let mut widths = Vec::new();
    for (i, c) in cols.iter().enumerate() {
        let i = i as u16;
        let h = header_text(c);
        ws.write_string_with_format(0, i, &h, if c.required { &required } else { &st.header })?;
        ws.set_column_format(i, column_format(st, c.kind))?;
        // Twenty bordered blank rows, so that the sheet prints as a form.
        for r in 1..=FORM_ROWS {
            ws.write_blank(r, i, column_format(st, c.kind))?;
        }
        if let Some(v) = validation(c) {
            ws.add_data_validation(1, i, ROWS, i, &v)?;
        }
        let w = match c.kind {
            Kind::Date | Kind::Step(_) => 12.0,
            Kind::Text | Kind::People => 16.0,
            _ => 9.0,
        };
        widths.push((width_of(&h) + 2.0).max(w).min(30.0));
    }
    ws.set_row_height(0, 30)?;
    finish_table(ws, 0, &widths, ROWS, true)
}

fn branch(wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(BRANCH_SHEET.name)?;
    ws.write_string_with_format(0, 0, "项目", &st.header)?;
    ws.write_string_with_format(0, 1, "内容", &st.header)?;
    ws.write_string_with_format(0, 2, "说明", &st.header)?;
    for (i, c) in BRANCH_SHEET.cols.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string_with_format(r, 0, c.header, &st.text)?;
        ws.write_blank(r, 1, column_format(st, c.kind))?;
        let mut note = kind_text(c.kind);
        if c.required {
            note = format!("必填。{note}");
        }
        if !c.note.is_empty() {
            note = format!("{note}。{}", c.note);
        }
        ws.write_string_with_format(r, 2, &note, &st.wrap)?;
        if let Some(v) = validation(c) {
            ws.add_data_validation(r, 1, r, 1, &v)?;
        }
    }
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 36)?;
    ws.set_column_width(2, 60)?;
    ws.set_freeze_panes(1, 0)?;
    print_layout(ws, 0, false)
}

const GENERAL: &[&str] = &[
    "每张表的第一行是表头；表头上方可以有标题行，表格下方以“注意事项”“填表说明”开头的行不读。",
    "带 * 的列必须填写；带下拉箭头的列请从列表中选择。空行不影响读取。",
    "日期可填 2025-03-12、2025/3/12、2025.3.12、2025年3月12日，或 Excel 日期；月份可填 2025-03、2025/3、2025年3月。",
    "金额以元为单位，最多两位小数（如 127.50）。",
    "党员可以填党员编号，也可以填姓名（花名册中不重名时）；重名或查不到的姓名会在审计结果中报告。花名册不填党员编号时以姓名认定党员（重名时须有身份证号列）；会议不填会议编号时按会议类型、党小组和日期认定。",
    "花名册没有“党籍状态”列时按正式党员读取（“政治面貌”为中共预备党员的按预备党员），没有“党费类别”列时按在职党员读取；审计报告会写明这些假定。",
    "“缺席请假”表只列请假和缺席的党员：应到会而没有列出的党员视为出席。某次会议没有考勤记录时，在“三会一课”的“考勤记录”填“无”。",
    "“党费收缴”可以逐笔填写，也可以按表格填写：党员编号（或姓名）、1月……12月，格内填当月实缴金额，表头上方写“年度：2025”。表格式没有缴纳日期，无法检查补交是否超过期限。",
    "“发展党员”每名入党申请人一行，每一步填日期；每半年一次的考察、重复的步骤填在“考察记录”表。",
    "一个工作簿有多个支部时：“支部信息”改为每个支部一行（支部编号、支部名称、支部类型……），其他每张表增加“支部编号”列。",
    "不需要的表可以删除或留空；未知的工作表和列会被忽略并提示。",
];

fn notes(wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name("填表说明")?;
    ws.write_string_with_format(0, 0, "党建台账填表说明", &st.title)?;
    let mut r = 2u32;
    for (i, g) in GENERAL.iter().enumerate() {
        ws.merge_range(r, 0, r, 4, &format!("{}. {g}", i + 1), &st.wrap)?;
        ws.set_row_height(r, if width_of(g) > 110.0 { 42 } else { 28 })?;
        r += 1;
    }
    r += 1;
    let head = r;
    for (i, h) in ["工作表", "列", "必填", "填写要求", "说明"]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(r, i as u16, *h, &st.header)?;
    }
    r += 1;
    let mut rows: Vec<Vec<Val>> = Vec::new();
    for def in std::iter::once(&BRANCH_SHEET).chain(SHEETS) {
        for c in def
            .cols
            .iter()
            .filter(|c| in_template(def, c) || c.key == "year")
        {
            rows.push(vec![
                Val::text(def.name),
                Val::text(c.header),
                Val::text(if c.required { "是" } else { "" }),
                Val::text(kind_text(c.kind)),
                Val::text(c.note),
            ]);
        }
        if !def.note.is_empty() {
            rows.push(vec![
                Val::text(def.name),
                Val::text("（整表）"),
                Val::Empty,
                Val::Empty,
                Val::text(def.note),
            ]);
        }
    }
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            put(ws, r + i as u32, c as u16, v, st, c >= 3)?;
        }
    }
    fit_rows(ws, r, &rows, &[14.0, 26.0, 6.0, 44.0, 50.0], &[3, 4])?;
    r += rows.len() as u32;
    let widths = [14.0, 26.0, 6.0, 44.0, 50.0];
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.autofilter(head, 0, r.saturating_sub(1).max(head + 1), 4)?;
    ws.set_freeze_panes(head + 1, 0)?;
    super::print_layout(ws, head, true)?;
    ws.set_repeat_rows(head, head)?;
    Ok(())
}
