//! The dues grid and the organisational-life grid of a branch: one row per
//! member of the branch during the audit period, one column per month of
//! the period, one cell each — a colour and a letter, so that the grid
//! survives printing in black and white.
//!
//! The cells come from the domain views the rules read: the dues ledger
//! ([`MemberDues`](crate::dues::MemberDues), through
//! [`Standing`](crate::life::standing::Standing)) and the resolved
//! attendance ([`LifeStatus`]). The SVG is compact: one `<path>` per colour
//! (runs of equal cells joined, white separators drawn over them) and one
//! `<text>` of letters per row, so a page of a thousand branches stays small.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::dues::{DuesStatus, MonthDues};
use crate::families::context::Context;
use crate::life::standing::{LifeStatus, Standing};
use crate::model::YearMonth;
use crate::report::Lang;

/// How one kind of cell looks: its colour, its letter and its name.
#[derive(Debug, PartialEq, Eq)]
pub struct CellStyle {
    /// A stable key (`paid`, `unpaid`, …).
    pub key: &'static str,
    /// The letter printed in the cell.
    pub letter: char,
    /// The fill colour.
    pub fill: &'static str,
    /// The name in Chinese.
    pub zh: &'static str,
    /// The name in English.
    pub en: &'static str,
}

impl CellStyle {
    /// The name in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            _ => self.zh,
        }
    }
}

const fn style(
    key: &'static str,
    letter: char,
    fill: &'static str,
    zh: &'static str,
    en: &'static str,
) -> CellStyle {
    CellStyle {
        key,
        letter,
        fill,
        zh,
        en,
    }
}

/// The cells of the dues grid, in legend order.
pub static DUES_CELLS: [CellStyle; 8] = [
    style("paid", 'P', "#8fd19e", "已交", "paid"),
    style("short", 'S', "#ffc46b", "少交", "short"),
    style("unpaid", 'U', "#f28b82", "未交", "unpaid"),
    style("waived", 'W', "#9ec5fe", "免交（经批准）", "waived"),
    style(
        "exempt",
        'E',
        "#d7b8f3",
        "正当理由期内未交（仍应补交）",
        "exempt (approved reason; still owed)",
    ),
    style(
        "settled",
        'T',
        "#a6e3e9",
        "转入前已交",
        "settled before transfer",
    ),
    style("not_yet_due", 'N', "#e9ecef", "未到期", "not yet due"),
    style(
        "not_in_branch",
        '-',
        "#ffffff",
        "不在本支部",
        "not in the branch",
    ),
];

/// The cells of the organisational-life grid, in legend order.
pub static LIFE_CELLS: [CellStyle; 6] = [
    style("attended", 'P', "#8fd19e", "出席", "attended"),
    style("excused", 'L', "#9ec5fe", "请假", "excused"),
    style("exempt", 'E', "#d7b8f3", "免除（正当理由）", "exempt"),
    style("absent", 'A', "#f28b82", "缺席", "absent"),
    style("no_meeting", 'N', "#e9ecef", "无会议", "no meeting"),
    style(
        "not_in_branch",
        '-',
        "#ffffff",
        "不在本支部",
        "not in the branch",
    ),
];

fn dues_style(key: &str) -> &'static CellStyle {
    DUES_CELLS
        .iter()
        .find(|s| s.key == key)
        .unwrap_or(&DUES_CELLS[7])
}

/// The dues cell of one month of a member's ledger. A month owed and not
/// paid while an exemption (正当理由) overlaps it is `exempt`: the exemption
/// excuses the lapse, not the money (DUE001 still reports it).
pub fn dues_cell(m: &MonthDues) -> &'static CellStyle {
    dues_style(match m.status {
        DuesStatus::Paid => "paid",
        DuesStatus::Short => "short",
        DuesStatus::Unpaid | DuesStatus::NotYetDue if m.exempt => "exempt",
        DuesStatus::Unpaid => "unpaid",
        DuesStatus::NotYetDue => "not_yet_due",
        DuesStatus::Waived => "waived",
        DuesStatus::Settled => "settled",
        DuesStatus::NotOwed => "not_in_branch",
    })
}

/// The organisational-life cell of one month.
pub fn life_cell(s: LifeStatus) -> &'static CellStyle {
    let i = match s {
        LifeStatus::Attended => 0,
        LifeStatus::Excused => 1,
        LifeStatus::Exempt => 2,
        LifeStatus::Absent => 3,
        LifeStatus::NoMeeting => 4,
        LifeStatus::NotInBranch => 5,
    };
    &LIFE_CELLS[i]
}

/// Which grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridKind {
    /// 党费: the dues status of each month.
    Dues,
    /// 组织生活: the organisational-life status of each month.
    Life,
}

/// One member's row.
#[derive(Debug)]
pub struct GridRow {
    /// The member's id.
    pub id: String,
    /// The member's name.
    pub name: String,
    /// One cell per month of the grid.
    pub cells: Vec<&'static CellStyle>,
}

/// A grid of members × months.
#[derive(Debug)]
pub struct Grid {
    /// Which grid.
    pub kind: GridKind,
    /// The columns: the months of the audit period.
    pub months: Vec<YearMonth>,
    /// The rows: the members of the branch some day of the period, in the
    /// bundle's order (the first record of a duplicated id).
    pub rows: Vec<GridRow>,
}

impl Grid {
    /// The grid of `kind` of the context's bundle over its audit period.
    pub fn new(cx: &Context<'_>, kind: GridKind) -> Grid {
        let (first, last) = cx.period.months();
        let months: Vec<YearMonth> = first.iter_to(last).collect();
        let standing = Standing::new(cx);
        let mut rows = Vec::new();
        for (pos, m) in cx.bundle.members.iter().enumerate() {
            if !cx.index.is_first_member(pos) {
                continue;
            }
            if !cx.member_span(m).is_some_and(|s| s.overlaps(&cx.period)) {
                continue;
            }
            let Some(ms) = standing.member_at(pos) else {
                continue;
            };
            let cells = match kind {
                GridKind::Dues => match ms.dues() {
                    Some(d) => d.months(first, last).iter().map(dues_cell).collect(),
                    None => months.iter().map(|_| dues_style("not_in_branch")).collect(),
                },
                GridKind::Life => ms
                    .life_months(first, last)
                    .map(|l| life_cell(l.life))
                    .collect(),
            };
            rows.push(GridRow {
                id: m.id.to_string(),
                name: m.name.clone(),
                cells,
            });
        }
        Grid { kind, months, rows }
    }

    /// The row of the member `id`.
    pub fn row(&self, id: &str) -> Option<&GridRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The cell of member `id` in `month`.
    pub fn cell(&self, id: &str, month: YearMonth) -> Option<&'static CellStyle> {
        let i = self.months.iter().position(|m| *m == month)?;
        self.row(id)?.cells.get(i).copied()
    }

    /// The legend: the styles of the grid's kind.
    pub fn styles(&self) -> &'static [CellStyle] {
        match self.kind {
            GridKind::Dues => &DUES_CELLS,
            GridKind::Life => &LIFE_CELLS,
        }
    }

    /// The grid as inline SVG (see [`svg`]).
    pub fn svg(&self, lang: Lang) -> String {
        svg(self, lang)
    }
}

/// Width of the label column.
pub const LABEL_W: u32 = 112;
/// Height of the two header lines (years, months).
pub const HEAD_H: u32 = 30;
/// Side of a cell.
pub const CELL: u32 = 20;
/// Distance between the starts of two cells.
pub const PITCH: u32 = 22;

/// At most this many characters of a member's label.
const LABEL_CHARS: usize = 9;

/// Escapes text for SVG/HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The grid as an `<svg>` element (no namespace declaration: it is inline
/// in HTML). Its data attributes (`data-x0`, `data-y0`, `data-p`,
/// `data-m`: the geometry and the months) let the page's script name the
/// cell under the pointer. The member labels are the `<text>`s of
/// `<g class="lbl">` (`ID name`), the letters of row *r* the *r*-th
/// `<text>` of `<g class="lt">`, one letter per month; each cell style is
/// one `<path class="c-KEY" fill="…">` of the runs of such cells.
pub fn svg(grid: &Grid, lang: Lang) -> String {
    let n = grid.months.len() as u32;
    let w = LABEL_W + n * PITCH;
    let h = HEAD_H + grid.rows.len() as u32 * PITCH;
    let kind = match grid.kind {
        GridKind::Dues => "dues",
        GridKind::Life => "life",
    };
    let title = match (grid.kind, lang) {
        (GridKind::Dues, Lang::En) => "Dues by member and month",
        (GridKind::Life, Lang::En) => "Organisational life by member and month",
        (GridKind::Dues, _) => "党员党费交纳情况（按月）",
        (GridKind::Life, _) => "党员参加组织生活情况（按月）",
    };
    let months: Vec<String> = grid.months.iter().map(|m| m.to_string()).collect();
    let mut s = String::with_capacity(256 + grid.rows.len() * (120 + 6 * months.len()));
    let _ = write!(
        s,
        "<svg class=\"grid\" role=\"img\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" \
         data-kind=\"{kind}\" data-x0=\"{LABEL_W}\" data-y0=\"{HEAD_H}\" data-p=\"{PITCH}\" \
         data-m=\"{}\"><title>{title}</title>",
        months.join(" ")
    );
    // Header: the year over its first month (and every January), the
    // month numbers.
    for (i, m) in grid.months.iter().enumerate() {
        if i == 0 || m.month() == 1 {
            let x = LABEL_W + i as u32 * PITCH;
            let _ = write!(
                s,
                "<text class=\"yr\" x=\"{x}\" y=\"11\">{}</text>",
                m.year()
            );
        }
    }
    s.push_str("<g class=\"mo\" text-anchor=\"middle\">");
    for (i, m) in grid.months.iter().enumerate() {
        let x = LABEL_W + i as u32 * PITCH + CELL / 2;
        let _ = write!(s, "<text x=\"{x}\" y=\"26\">{}</text>", m.month());
    }
    s.push_str("</g>");
    // The cells: per style, one path of the runs of equal cells.
    let mut paths: BTreeMap<&'static str, (&'static str, String)> = BTreeMap::new();
    for (r, row) in grid.rows.iter().enumerate() {
        let y = HEAD_H + r as u32 * PITCH;
        let mut i = 0;
        while let Some(c) = row.cells.get(i) {
            let rest = row.cells.get(i..).unwrap_or(&[]);
            let run = rest.iter().take_while(|d| **d == *c).count().max(1) as u32;
            let x = LABEL_W + i as u32 * PITCH;
            let rw = run * PITCH - (PITCH - CELL);
            let d = &mut paths.entry(c.key).or_insert((c.fill, String::new())).1;
            let _ = write!(d, "M{x} {y}h{rw}v{CELL}h-{rw}z");
            i += run as usize;
        }
    }
    let order = grid.styles();
    for st in order {
        if let Some((fill, d)) = paths.get(st.key) {
            let stroke = if st.fill == "#ffffff" {
                " stroke=\"#ced4da\""
            } else {
                ""
            };
            let _ = write!(
                s,
                "<path class=\"c-{}\" fill=\"{fill}\"{stroke} d=\"{d}\"/>",
                st.key
            );
        }
    }
    // White separators between the cells of a run.
    if n > 1 && !grid.rows.is_empty() {
        s.push_str("<path class=\"sep\" fill=\"none\" stroke=\"#fff\" stroke-width=\"2\" d=\"");
        for i in 1..n {
            let x = LABEL_W + i * PITCH - (PITCH - CELL) / 2;
            let _ = write!(s, "M{x} {HEAD_H}V{h}");
        }
        s.push_str("\"/>");
    }
    // Labels (the id, then the name, shortened), and the letters of each
    // row as one text positioned per cell.
    s.push_str("<g class=\"lbl\">");
    for (r, row) in grid.rows.iter().enumerate() {
        let y = HEAD_H + r as u32 * PITCH + 14;
        let room = LABEL_CHARS
            .saturating_sub(row.id.chars().count() + 1)
            .max(2);
        let name: String = if row.name.chars().count() > room {
            let mut t: String = row.name.chars().take(room - 1).collect();
            t.push('…');
            t
        } else {
            row.name.clone()
        };
        let _ = write!(
            s,
            "<text x=\"2\" y=\"{y}\">{} {}</text>",
            esc(&row.id),
            esc(&name)
        );
    }
    s.push_str("</g>");
    let xs: Vec<String> = (0..n)
        .map(|i| (LABEL_W + i * PITCH + CELL / 2).to_string())
        .collect();
    let xs = xs.join(" ");
    s.push_str("<g class=\"lt\" text-anchor=\"middle\">");
    for (r, row) in grid.rows.iter().enumerate() {
        let y = HEAD_H + r as u32 * PITCH + 14;
        let letters: String = row.cells.iter().map(|c| c.letter).collect();
        let _ = write!(s, "<text x=\"{xs}\" y=\"{y}\">{}</text>", esc(&letters));
    }
    s.push_str("</g></svg>");
    s
}
