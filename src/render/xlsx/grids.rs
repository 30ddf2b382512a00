//! The member × month grids of the report workbook (党费, 出勤) and the
//! development progress rows (发展进度), built from the library's own views:
//! [`Standing`] (dues ledger and organisational life) and the planner.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::{FONT, Styles, Val, print_layout, put, width_of};
use crate::development::DevelopmentFile;
use crate::dues::DuesStatus;
use crate::families::context::Context;
use crate::life::standing::{LifeStatus, Standing};
use crate::model::YearMonth;

/// How a grid cell is shown: colour, and bold where it needs acting on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tone {
    Good,
    Warn,
    Bad,
    Grey,
    Plain,
}

impl Tone {
    fn format(self) -> Format {
        let f = Format::new()
            .set_font_name(FONT)
            .set_font_size(10)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter);
        match self {
            Tone::Good => f
                .set_background_color(Color::RGB(0xC6EFCE))
                .set_font_color(Color::RGB(0x006100)),
            Tone::Warn => f
                .set_background_color(Color::RGB(0xFFEB9C))
                .set_font_color(Color::RGB(0x9C5700))
                .set_bold(),
            Tone::Bad => f
                .set_background_color(Color::RGB(0xFFC7CE))
                .set_font_color(Color::RGB(0x9C0006))
                .set_bold(),
            Tone::Grey => f
                .set_background_color(Color::RGB(0xE7E6E6))
                .set_font_color(Color::RGB(0x595959)),
            Tone::Plain => f.set_font_color(Color::RGB(0x7F7F7F)),
        }
    }
}

/// A dues status as shown: 已交/少交/未交/免交/不在册 (and 未到期).
pub(crate) fn dues_cell(s: DuesStatus) -> (&'static str, Tone) {
    match s {
        DuesStatus::Paid | DuesStatus::Settled => ("已交", Tone::Good),
        DuesStatus::Short => ("少交", Tone::Warn),
        DuesStatus::Unpaid => ("未交", Tone::Bad),
        DuesStatus::Waived => ("免交", Tone::Grey),
        DuesStatus::NotOwed => ("不在册", Tone::Grey),
        DuesStatus::NotYetDue => ("未到期", Tone::Plain),
    }
}

/// An organisational-life status as shown.
pub(crate) fn life_cell(s: LifeStatus) -> (&'static str, Tone) {
    match s {
        LifeStatus::Attended => ("出席", Tone::Good),
        LifeStatus::Excused => ("请假", Tone::Warn),
        LifeStatus::Absent => ("缺席", Tone::Bad),
        LifeStatus::Exempt => ("免除", Tone::Grey),
        LifeStatus::NotInBranch => ("不在册", Tone::Grey),
        LifeStatus::NoMeeting => ("无会议", Tone::Plain),
    }
}

/// One member's row of a grid.
#[derive(Clone, Debug)]
pub(crate) struct GridRow {
    pub branch: String,
    pub member: String,
    pub name: String,
    pub cells: Vec<(&'static str, Tone)>,
}

/// The grids of one branch: dues and organisational life, by month.
pub(crate) fn grids(cx: &Context<'_>, months: &[YearMonth]) -> (Vec<GridRow>, Vec<GridRow>) {
    let standing = Standing::new(cx);
    let (Some(&from), Some(&to)) = (months.first(), months.last()) else {
        return (Vec::new(), Vec::new());
    };
    let mut dues = Vec::new();
    let mut life = Vec::new();
    for (pos, m) in cx.bundle.members.iter().enumerate() {
        if cx.index.member_pos(m.id.as_str()) != Some(pos) {
            continue; // a duplicate id (DAT002): the first is shown
        }
        let Some(s) = standing.member_at(pos) else {
            continue;
        };
        let ms = s.months(from, to);
        let row = |cells| GridRow {
            branch: cx.bundle.branch.id.as_str().to_owned(),
            member: m.id.as_str().to_owned(),
            name: m.name.clone(),
            cells,
        };
        dues.push(row(ms.iter().map(|x| dues_cell(x.dues)).collect()));
        life.push(row(ms.iter().map(|x| life_cell(x.life)).collect()));
    }
    (dues, life)
}

/// The 发展进度 rows of one branch: each candidate's stage, last step,
/// missing steps and next steps with their dates, planned on `as_of`.
pub(crate) fn development_rows(cx: &Context<'_>) -> Vec<(Vec<Val>, bool)> {
    let p = &cx.profile.development;
    let mut out = Vec::new();
    for (pos, c) in cx.bundle.candidates.iter().enumerate() {
        if cx.index.candidate_pos(c.id.as_str()) != Some(pos) {
            continue;
        }
        let recs = cx.index.candidate_records(pos);
        let file = DevelopmentFile::new(
            c,
            recs.steps.iter().copied(),
            recs.publicity.iter().copied(),
            cx.as_of,
        );
        let plan = file.plan(p);
        let last = plan
            .last
            .map_or(String::new(), |(s, _)| format!("{} {}", s.number(), s.zh()));
        let last_date = plan.last.map(|(_, d)| d);
        let missing: Vec<String> = plan
            .missing
            .iter()
            .map(|s| format!("{} {}", s.number(), s.zh()))
            .collect();
        let next: Vec<String> = plan.next.iter().map(|n| n.action.zh()).collect();
        let earliest = plan.next.iter().filter_map(|n| n.earliest).min();
        let deadline = plan.next.iter().filter_map(|n| n.deadline).min();
        let overdue = plan.next.iter().any(|n| n.is_overdue(cx.as_of));
        out.push((
            vec![
                Val::text(cx.bundle.branch.id.as_str()),
                Val::text(c.id.as_str()),
                Val::text(&c.name),
                Val::text(plan.status.zh()),
                Val::text(last),
                Val::opt_date(last_date),
                Val::text(missing.join("、")),
                Val::text(next.join("；")),
                Val::opt_date(earliest),
                Val::opt_date(deadline),
                Val::text(if overdue { "已逾期" } else { "" }),
            ],
            overdue,
        ));
    }
    out
}

/// The months of the audit period of `cx` (at most 36, the last ones).
pub(crate) fn months_of(cx: &Context<'_>) -> Vec<YearMonth> {
    let (a, z) = cx.period.months();
    let all: Vec<YearMonth> = a.iter_to(z).collect();
    let skip = all.len().saturating_sub(36);
    all.into_iter().skip(skip).collect()
}

fn month_header(m: YearMonth, one_year: bool) -> String {
    if one_year {
        format!("{}月", m.month())
    } else {
        m.to_string()
    }
}

/// What a grid sheet shows.
pub(crate) struct GridSheet<'a> {
    /// The sheet's name.
    pub name: &'a str,
    /// Its title row.
    pub title: String,
    /// The status whose months are counted in the last column.
    pub bad: &'a str,
    /// The statuses, in the legend's order.
    pub legend: &'a [(&'a str, Tone)],
}

/// Writes one grid sheet: a title row, the header row, a row per member,
/// the legend under it.
pub(crate) fn write_grid(
    wb: &mut Workbook,
    st: &Styles,
    g: &GridSheet<'_>,
    months: &[YearMonth],
    rows: &[GridRow],
) -> Result<(), XlsxError> {
    let (name, title, bad, legend) = (g.name, g.title.as_str(), g.bad, g.legend);
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    let one_year = months
        .first()
        .zip(months.last())
        .is_some_and(|(a, z)| a.year() == z.year());
    let n = months.len() as u16;
    let last_col = 3 + n; // 支部, 党员编号, 姓名, months…, count
    ws.merge_range(0, 0, 0, last_col, title, &st.title)?;
    ws.set_row_height(0, 24)?;
    let mut headers: Vec<String> = vec!["支部".into(), "党员编号".into(), "姓名".into()];
    headers.extend(months.iter().map(|m| month_header(*m, one_year)));
    headers.push(format!("{bad}月数"));
    for (i, h) in headers.iter().enumerate() {
        ws.write_string_with_format(1, i as u16, h, &st.header)?;
    }
    let tones: Vec<(Tone, Format)> = [Tone::Good, Tone::Warn, Tone::Bad, Tone::Grey, Tone::Plain]
        .iter()
        .map(|t| (*t, t.format()))
        .collect();
    let fmt = |t: Tone| {
        tones
            .iter()
            .find(|(x, _)| *x == t)
            .map_or(&tones[0].1, |(_, f)| f)
    };
    let mut name_w: f64 = 6.0;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        put(ws, r, 0, &Val::text(&row.branch), st, false)?;
        put(ws, r, 1, &Val::text(&row.member), st, false)?;
        put(ws, r, 2, &Val::text(&row.name), st, false)?;
        name_w = name_w.max(width_of(&row.name) + 2.0);
        for (c, (text, tone)) in row.cells.iter().enumerate() {
            ws.write_string_with_format(r, 3 + c as u16, *text, fmt(*tone))?;
        }
        let count = row.cells.iter().filter(|(t, _)| *t == bad).count();
        put(ws, r, last_col, &Val::Int(count as u64), st, false)?;
    }
    // The legend: the same colours and words, two rows under the grid.
    let lr = rows.len() as u32 + 3;
    ws.write_string_with_format(lr, 0, "图例", &st.header)?;
    for (i, (text, tone)) in legend.iter().enumerate() {
        ws.write_string_with_format(lr, 1 + i as u16, *text, fmt(*tone))?;
    }
    ws.set_column_width(0, 8)?;
    ws.set_column_width(1, 10)?;
    ws.set_column_width(2, name_w.min(16.0))?;
    for c in 0..n {
        ws.set_column_width(3 + c, if one_year { 6.5 } else { 8.5 })?;
    }
    ws.set_column_width(last_col, 9)?;
    ws.set_freeze_panes(2, 3)?;
    ws.autofilter(1, 0, 1 + rows.len().max(1) as u32, last_col)?;
    print_layout(ws, 1, true)?;
    ws.set_repeat_columns(0, 2)?;
    Ok(())
}
