//! A sheet as a table: the header row found under any title rows, the
//! columns it names, and its data rows (blank rows skipped, note rows ending
//! the table), each cell parsed with its place for errors.

use std::path::PathBuf;
use std::str::FromStr;

use calamine::{Data, Range};
use chrono::NaiveDate;

use super::cells::{self, Bad};
use super::schema::{Col, Kind, SheetDef};
use super::{Warning, WarningKind};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::{Hours, Id, Money, PeriodSpec, YearMonth};

/// Headers that are common in ledgers and carry nothing to read.
const IGNORED_HEADERS: &[&str] = &["序号", "备注", "说明", "序"];

/// Texts that start the notes under a table (注意事项, 填表说明 …).
const NOTE_MARKS: &[&str] = &[
    "注意事项",
    "填写注意事项",
    "填表注意事项",
    "填表说明",
    "填写说明",
    "填报说明",
    "说明：",
    "注：",
    "备注：",
    "注意：",
];

/// Labels of the sign-off lines under a table (`统计日期：2025-12-31`,
/// `填表人：张三`): a note when followed by a colon.
const SIGN_OFF: &[&str] = &[
    "统计日期",
    "统计时间",
    "填表日期",
    "填报日期",
    "制表日期",
    "填表人",
    "填报人",
    "制表人",
    "制表",
    "审核人",
    "审核",
    "负责人",
    "联系人",
    "联系电话",
    "填报单位",
    "填表单位",
];

/// Rows that close a table: totals and the 以下空白 of a printed form.
const CLOSERS: &[&str] = &[
    "合计",
    "小计",
    "总计",
    "共计",
    "以下空白",
    "以下无内容",
    "以下为空",
    "此页以下空白",
];

/// Cells of a hint row under the header (the template's `必填` / `选填`).
const HINTS: &[&str] = &[
    "必填",
    "选填",
    "可选",
    "非必填",
    "必填项",
    "选填项",
    "可不填",
    "不必填",
    "可空",
];

/// A month column of the grid form of 党费收缴: `1月` … `12月`.
pub(crate) fn month_header(h: &str) -> Option<u32> {
    let n = cells::norm(h);
    let m = n.strip_suffix("月份").or_else(|| n.strip_suffix('月'))?;
    let m: u32 = match m {
        "一" => 1,
        "二" => 2,
        "三" => 3,
        "四" => 4,
        "五" => 5,
        "六" => 6,
        "七" => 7,
        "八" => 8,
        "九" => 9,
        "十" => 10,
        "十一" => 11,
        "十二" => 12,
        _ => m.parse().ok()?,
    };
    (1..=12).contains(&m).then_some(m)
}

/// One sheet read as a table.
pub(crate) struct Table<'s> {
    pub def: &'static SheetDef,
    pub sheet: &'s str,
    pub file: Option<&'s PathBuf>,
    pub is_1904: bool,
    rows: Vec<(u32, &'s [Data])>,
    /// Position in `rows` of the header row.
    header: usize,
    /// Absolute column of the range's first column.
    col0: u32,
    /// Per relative column: the column it is, if known.
    cols: Vec<Option<&'static Col>>,
    /// Per relative column: its header text.
    headers: Vec<String>,
    /// The same, normalized.
    norm_headers: Vec<String>,
    /// Month columns of the grid form: (relative column, month).
    pub months: Vec<(usize, u32)>,
    /// Positions in `rows` of the data rows (after the header; blank, hint,
    /// 序号-only and repeated header rows left out, up to a note row).
    data: Vec<usize>,
    /// Values of columns the sheet lacks, from its name (方向 of
    /// 组织关系转入, 会议类型 of 党课记录).
    defaults: Vec<(&'static str, Data)>,
    /// The month of a per-month dues sheet (`2025年3月`, `3月`).
    pub sheet_month: Option<(Option<i32>, u32)>,
}

/// How a sheet came out: a table, nothing (an empty sheet), or no header.
pub(crate) enum Found<'s> {
    Table(Box<Table<'s>>),
    Empty,
    NoHeader,
}

impl<'s> Table<'s> {
    /// Finds the header row of `range` for `def`: the first row naming two
    /// known columns (or one, when it is all the row holds).
    pub(crate) fn find(
        def: &'static SheetDef,
        sheet: &'s str,
        file: Option<&'s PathBuf>,
        range: &'s Range<Data>,
        is_1904: bool,
        grid_months: bool,
        warnings: &mut Vec<Warning>,
    ) -> Found<'s> {
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let rows: Vec<(u32, &[Data])> = range
            .rows()
            .enumerate()
            .map(|(i, r)| (row0 + i as u32, r))
            .collect();
        if rows.iter().all(|(_, r)| r.iter().all(is_blank)) {
            return Found::Empty;
        }
        let known = |h: &str| def.col(h).is_some() || (grid_months && month_header(h).is_some());
        let header = rows.iter().position(|(_, r)| {
            r.iter()
                .filter_map(cells::text)
                .filter(|t| known(t))
                .count()
                >= 2
        });
        let Some(mut header) = header else {
            return Found::NoHeader;
        };
        // A header of two rows: group labels merged over the columns they
        // head (人数 over 应到/实到/请假, 阶段1 申请入党 over its steps).
        let line = |r: &[Data]| -> Vec<String> {
            r.iter()
                .map(|c| cells::text(c).map(|h| one_line(&h)).unwrap_or_default())
                .collect()
        };
        let mut texts = line(rows[header].1);
        let mut merged = false;
        if let Some(&(_, sub)) = rows.get(header + 1) {
            if let Some(m) = two_rows(&known, rows[header].1, sub, false) {
                texts = m;
                header += 1;
                merged = true;
            }
        }
        if header > 0 && !merged {
            if let Some(m) = two_rows(&known, rows[header - 1].1, rows[header].1, true) {
                texts = m;
            }
        }
        let (hrow, _) = rows[header];
        let found: Vec<Option<&'static Col>> = texts.iter().map(|h| def.col(h)).collect();
        // A column named by its own header (or key) wins over one named by an
        // alias, wherever the two stand: an alias never shadows the field.
        let own = |c: &Col, h: &str| {
            let n = cells::norm(h);
            cells::norm(c.header) == n || c.key == n
        };
        let mut cols = Vec::with_capacity(texts.len());
        let mut headers = Vec::with_capacity(texts.len());
        let mut months = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (i, h) in texts.iter().cloned().enumerate() {
            let col = found[i];
            let place = || Location {
                file: file.cloned(),
                sheet: Some(sheet.to_owned()),
                cell: Some(cells::a1(hrow, col0 + i as u32)),
                header: Some(h.clone()),
                ..Location::default()
            };
            let taken = col.is_some_and(|c| {
                seen.contains(&c.key)
                    || (!own(c, &h)
                        && found.iter().zip(&texts).enumerate().any(|(j, (o, hc))| {
                            j != i && o.is_some_and(|o| o.key == c.key) && own(c, hc)
                        }))
            });
            match col {
                Some(c) if taken => {
                    warnings.push(Warning::new(
                        WarningKind::UnknownColumn,
                        place(),
                        format!(
                            "列“{h}”与“{}”是同一项，只读“{}” / column {h} is the same field as {}; only that one is read",
                            c.header, c.header, c.header
                        ),
                    ));
                    cols.push(None);
                }
                Some(c) => {
                    seen.push(c.key);
                    cols.push(Some(c));
                }
                None => {
                    if let Some(m) = month_header(&h).filter(|_| grid_months) {
                        months.push((i, m));
                    } else if !h.is_empty() && !is_ignored_header(&h) {
                        warnings.push(Warning::new(
                            WarningKind::UnknownColumn,
                            place(),
                            format!(
                                "“{}”表没有“{h}”这一列，已忽略 / unknown column {h} in sheet {}, ignored",
                                def.name, def.name
                            ),
                        ));
                    }
                    cols.push(None);
                }
            }
            headers.push(h);
        }
        let norm_headers = headers.iter().map(|h| cells::norm(h)).collect();
        let mut t = Table {
            def,
            sheet,
            file,
            is_1904,
            rows,
            header,
            col0,
            cols,
            headers,
            norm_headers,
            months,
            data: Vec::new(),
            defaults: Vec::new(),
            sheet_month: None,
        };
        t.data = t.classify_rows(warnings);
        Found::Table(Box::new(t))
    }

    /// The data rows, and a note for each kind of row skipped.
    fn classify_rows(&self, warnings: &mut Vec<Warning>) -> Vec<usize> {
        let mut data = Vec::new();
        let mut hints = Vec::new();
        let mut numbers = Vec::new();
        let mut notes = Vec::new();
        let mut in_notes = false;
        for i in self.header + 1..self.rows.len() {
            let (row, r) = self.rows[i];
            if in_notes {
                if !r.iter().all(is_blank) {
                    notes.push(row);
                }
                continue;
            }
            if r.iter().all(is_blank) || self.is_header_again(r) {
                continue;
            }
            if is_note(r) {
                in_notes = true;
                notes.push(row);
                continue;
            }
            if data.is_empty() && is_hint(r) {
                hints.push(row);
                continue;
            }
            if self.holds_nothing(r) {
                numbers.push(row);
                continue;
            }
            data.push(i);
        }
        let mut say = |rows: &[u32], zh: &str, en: &str| {
            if let Some(&first) = rows.first() {
                let list = row_list(rows);
                warnings.push(Warning::new(
                    WarningKind::SkippedRows,
                    Location {
                        file: self.file.cloned(),
                        sheet: Some(self.sheet.to_owned()),
                        cell: Some(cells::a1(first, self.col0)),
                        table: Some(self.def.table.to_owned()),
                        ..Location::default()
                    },
                    format!("跳过第{list}行（{zh}） / rows {list} skipped ({en})"),
                ));
            }
        };
        say(
            &hints,
            "填写提示“必填/选填”",
            "hints 必填/选填 under the header",
        );
        say(&numbers, "只有序号，没有内容", "a 序号 and nothing else");
        say(&notes, "表下的说明文字", "notes under the table");
        data
    }

    /// Whether a row holds nothing in any column that is read (only a
    /// 序号, or text in columns that are ignored).
    fn holds_nothing(&self, r: &[Data]) -> bool {
        r.iter().enumerate().all(|(i, d)| {
            is_blank(d)
                || (self.cols.get(i).is_none_or(Option::is_none)
                    && !self.months.iter().any(|&(c, _)| c == i)
                    && self.headers.get(i).is_some_and(|h| is_ignored_header(h)))
        })
    }

    /// The closest header present (and not read as a column) to the
    /// column `key`'s header and aliases: `did you mean 入党日期?`.
    pub(crate) fn closest_header(&self, key: &str) -> Option<&str> {
        let col = self.def.by_key(key)?;
        let names: Vec<String> = std::iter::once(col.header)
            .chain(col.aliases.iter().copied())
            .map(cells::norm)
            .collect();
        let mut best: Option<(u32, &str)> = None;
        for (i, h) in self.headers.iter().enumerate() {
            if h.is_empty() || self.cols.get(i).is_some_and(Option::is_some) {
                continue;
            }
            let n = cells::norm(h);
            let score = names.iter().map(|x| similarity(x, &n)).max().unwrap_or(0);
            if score >= 50 && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, h));
            }
        }
        best.map(|(_, h)| h)
    }

    /// The table with what its sheet's name says: values for the columns
    /// it lacks, the month of a per-month dues sheet.
    pub(crate) fn named(
        mut self,
        defaults: &[(&'static str, String)],
        month: Option<(Option<i32>, u32)>,
    ) -> Self {
        self.defaults = defaults
            .iter()
            .map(|(k, v)| (*k, Data::String(v.clone())))
            .collect();
        self.sheet_month = month;
        self
    }

    /// Whether the table has the column `key` (or its sheet's name gives
    /// its value).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.cols.iter().flatten().any(|c| c.key == key)
            || self.defaults.iter().any(|(k, _)| *k == key)
    }

    fn index(&self, key: &str) -> Option<usize> {
        self.cols
            .iter()
            .position(|c| c.is_some_and(|c| c.key == key))
    }

    /// The rows above the header (titles, `年度：2025`).
    pub(crate) fn above(&self) -> impl Iterator<Item = &'s [Data]> + '_ {
        self.rows.iter().take(self.header).map(|(_, r)| *r)
    }

    /// `sheet!A3` of the cell of column `key` in sheet row `row`.
    pub(crate) fn place_of(&self, row: u32, key: &str) -> String {
        let col = self.index(key).unwrap_or(0);
        format!("{}!{}", self.sheet, cells::a1(row, self.col0 + col as u32))
    }

    /// The location of the cell of column `key` in sheet row `row`.
    pub(crate) fn location_of(&self, row: u32, key: &str) -> Location {
        let col = self.index(key).unwrap_or(0);
        Location {
            file: self.file.cloned(),
            sheet: Some(self.sheet.to_owned()),
            cell: Some(cells::a1(row, self.col0 + col as u32)),
            header: self.headers.get(col).cloned(),
            table: Some(self.def.table.to_owned()),
            ..Location::default()
        }
    }

    /// The header row's place, for sheet-level errors.
    pub(crate) fn header_location(&self, key: Option<&str>) -> Location {
        let (row, _) = self.rows[self.header];
        let col = key.and_then(|k| self.index(k)).unwrap_or(0);
        Location {
            file: self.file.cloned(),
            sheet: Some(self.sheet.to_owned()),
            cell: Some(cells::a1(row, self.col0 + col as u32)),
            table: Some(self.def.table.to_owned()),
            header: key
                .and_then(|k| self.def.by_key(k))
                .map(|c| c.header.to_owned()),
            ..Location::default()
        }
    }

    /// An error for each of `keys` that the sheet has no column for, with
    /// the closest header it does have (`did you mean 入党日期?`).
    pub(crate) fn missing_columns(&self, keys: &[&str]) -> Vec<Error> {
        let mut out = Vec::new();
        for k in keys {
            if self.has(k) {
                continue;
            }
            let c = self.def.by_key(k);
            let header = c.map_or(*k, |c| c.header);
            let mut loc = self.header_location(None);
            loc.header = Some(header.to_owned());
            let name = self.table_name();
            let (zh, en) = match self.closest_header(k) {
                Some(h) => {
                    let i = self.headers.iter().position(|x| x == h).unwrap_or(0);
                    loc.cell = Some(cells::a1(self.rows[self.header].0, self.col0 + i as u32));
                    (
                        format!("；表中有“{h}”，是不是这一列？是的话把表头改为“{header}”"),
                        format!(" (did you mean {h}? then head it {header})"),
                    )
                }
                None => (String::new(), String::new()),
            };
            out.push(Error::new(
                ErrorKind::Data,
                loc,
                format!("{name}缺少必填列“{header}”{zh} / the sheet has no column {header}, which is required{en}"),
            ));
        }
        out
    }

    /// `“党员花名册”表`, or `“Sheet1”表（按表头作为“党员花名册”读取）`.
    pub(crate) fn table_name(&self) -> String {
        if cells::norm(self.sheet) == cells::norm(self.def.name)
            || self
                .def
                .aliases
                .iter()
                .any(|a| cells::norm(a) == cells::norm(self.sheet))
        {
            format!("“{}”表", self.def.name)
        } else {
            format!("“{}”表（作为“{}”读取）", self.sheet, self.def.name)
        }
    }

    /// The data rows: after the header, blank rows and repeated headers
    /// skipped, up to a note row.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_, 's>> + '_ {
        self.data.iter().map(move |&i| {
            let (row, cells) = self.rows[i];
            Row {
                t: self,
                row,
                cells,
            }
        })
    }

    fn is_header_again(&self, r: &[Data]) -> bool {
        // Cheap first: the row's first text must be its column's header.
        let first = r.iter().enumerate().find(|(_, d)| !is_blank(d));
        match first {
            Some((i, Data::String(s))) => {
                let Some(h) = self.norm_headers.get(i) else {
                    return false;
                };
                if h.chars().next() != s.trim_start().chars().next() || *h != cells::norm(s) {
                    return false;
                }
            }
            _ => return false,
        }
        let mut any = false;
        for (i, c) in r.iter().enumerate() {
            if let Some(t) = cells::text(c) {
                if self
                    .headers
                    .get(i)
                    .is_none_or(|h| cells::norm(h) != cells::norm(&t))
                {
                    return false;
                }
                any = true;
            }
        }
        any
    }
}

fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The header of two rows `top` and `sub` merged, column by column (the
/// lower text where it has one), when that names more known columns than
/// the header row alone: `sub` holds only known headers under group labels
/// (`above` false: `top` is the header row), or `top` holds only known
/// headers (or 序号, 备注) over `sub`'s blanks (`above`: `top` is a group
/// row over the header row).
fn two_rows(
    known: &dyn Fn(&str) -> bool,
    top: &[Data],
    sub: &[Data],
    above: bool,
) -> Option<Vec<String>> {
    let width = top.len().max(sub.len());
    let text = |r: &[Data], i: usize| -> Option<String> {
        match r.get(i) {
            None | Some(Data::Empty) => Some(String::new()),
            Some(d @ Data::String(_)) => {
                Some(cells::text(d).map(|x| one_line(&x)).unwrap_or_default())
            }
            Some(_) => None,
        }
    };
    let mut merged = Vec::with_capacity(width);
    let (mut before, mut after) = (0, 0);
    for i in 0..width {
        let (t, u) = (text(top, i)?, text(sub, i)?);
        let header = if above { &u } else { &t };
        before += usize::from(!header.is_empty() && known(header));
        if above && u.is_empty() && !t.is_empty() && !known(&t) && !is_ignored_header(&t) {
            return None;
        }
        if !above && !u.is_empty() && !known(&u) {
            return None;
        }
        let m = if u.is_empty() { t } else { u };
        after += usize::from(!m.is_empty() && known(&m));
        merged.push(m);
    }
    (after > before).then_some(merged)
}

/// Whether a row is the start of the notes under a table: 注意事项,
/// 填表说明 …, a sign-off line (`统计日期：…`, `填表人：…`), or a numbered
/// note (`1、…`, `（1）…`, `一、…`) standing alone in its row.
pub(crate) fn is_note(r: &[Data]) -> bool {
    let Some(Data::String(t)) = r.iter().find(|d| !is_blank(d)) else {
        return false;
    };
    let t = t.trim_start();
    if NOTE_MARKS.iter().any(|m| t.starts_with(m)) {
        return true;
    }
    // Most rows are data: decide from the first character before
    // normalizing (which allocates) the few that may be notes.
    let Some(first) = t.chars().next() else {
        return false;
    };
    let alone = || r.iter().filter(|d| !is_blank(d)).count() == 1;
    let labelled = CLOSERS.iter().chain(SIGN_OFF).any(|m| m.starts_with(first));
    let counted =
        first.is_ascii_digit() || "０１２３４５６７８９（(一二三四五六七八九十".contains(first);
    if !(labelled || counted && alone()) {
        return false;
    }
    let n = cells::norm(t);
    if CLOSERS
        .iter()
        .any(|c| n == *c || n.strip_prefix(c).is_some_and(|r| r.starts_with('：')))
    {
        return true;
    }
    if SIGN_OFF.iter().any(|m| {
        n.strip_prefix(m)
            .is_some_and(|rest| rest.starts_with('：') || rest.is_empty())
    }) {
        return true;
    }
    counted && alone() && numbered(&n)
}

/// `1、…`, `1．…`, `（1）…`, `一、…`: the start of a numbered note.
fn numbered(n: &str) -> bool {
    let rest =
        n.trim_start_matches(|c: char| c.is_ascii_digit() || "０１２３４５６７８９".contains(c));
    if rest.len() < n.len() {
        return rest.starts_with('、') || rest.starts_with('．');
    }
    if let Some(x) = n.strip_prefix('（') {
        let after = x
            .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
        return after.len() < x.len() && after.starts_with('）') && after.len() > '）'.len_utf8();
    }
    let after = n.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
    after.len() < n.len() && after.starts_with('、')
}

/// Whether every cell of a row is a hint (`必填`, `（选填）`).
fn is_hint(r: &[Data]) -> bool {
    let mut any = false;
    for d in r {
        if is_blank(d) {
            continue;
        }
        let Data::String(t) = d else { return false };
        let n = cells::norm(t);
        let n = n.trim_start_matches('（').trim_end_matches('）');
        if !HINTS.iter().any(|h| {
            n == *h || n.starts_with(&format!("{h}，")) || n.starts_with(&format!("{h}："))
        }) {
            return false;
        }
        any = true;
    }
    any
}

/// Headers that carry nothing to read (序号, 备注).
fn is_ignored_header(h: &str) -> bool {
    let n = cells::norm(h);
    IGNORED_HEADERS.iter().any(|x| cells::norm(x) == n)
}

/// A header as shown in messages: its line breaks (`入党志\n愿书`) taken
/// out, so that a warning stays on one line.
pub(crate) fn one_line(h: &str) -> String {
    if !h.contains(['\n', '\r']) {
        return h.to_owned();
    }
    h.split(['\n', '\r'])
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("")
}

/// `3`, `3、5`, `3–7`, `3–7、9` (1-based rows).
fn row_list(rows: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let mut j = i;
        while j + 1 < rows.len() && rows[j + 1] == rows[j] + 1 {
            j += 1;
        }
        parts.push(if j > i {
            format!("{}–{}", rows[i] + 1, rows[j] + 1)
        } else {
            (rows[i] + 1).to_string()
        });
        i = j + 1;
    }
    parts.join("、")
}

/// How alike two headers are, 0–100: the characters they share (as
/// multisets) over the longer one's length, so that 入党日期 is 50 from
/// 入党时间 and 缴费年月 50 from 缴纳月份.
pub(crate) fn similarity(a: &str, b: &str) -> u32 {
    let a: Vec<char> = a.chars().collect();
    let mut b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 0;
    }
    let mut common = 0;
    for c in &a {
        if let Some(p) = b.iter().position(|x| x == c) {
            b.swap_remove(p);
            common += 1;
        }
    }
    (common * 100 / longest) as u32
}

/// One data row.
pub(crate) struct Row<'t, 's> {
    t: &'t Table<'s>,
    /// The 0-based row in the sheet.
    pub row: u32,
    cells: &'s [Data],
}

impl<'t, 's> Row<'t, 's> {
    /// The raw cell at relative column `i`.
    pub(crate) fn raw_at(&self, i: usize) -> &'s Data {
        static EMPTY: Data = Data::Empty;
        self.cells.get(i).unwrap_or(&EMPTY)
    }

    /// The A1 name of the cell of `key` (or of the row's first cell).
    pub(crate) fn cell_name(&self, key: &str) -> String {
        let col = self.t.index(key).unwrap_or(0);
        cells::a1(self.row, self.t.col0 + col as u32)
    }

    /// The location of relative column `i`.
    pub(crate) fn location_at(&self, i: usize) -> Location {
        Location {
            file: self.t.file.cloned(),
            sheet: Some(self.t.sheet.to_owned()),
            cell: Some(cells::a1(self.row, self.t.col0 + i as u32)),
            header: self.t.headers.get(i).cloned(),
            table: Some(self.t.def.table.to_owned()),
            ..Location::default()
        }
    }
}

impl Fields for Row<'_, '_> {
    fn raw(&self, key: &str) -> &Data {
        static EMPTY: Data = Data::Empty;
        match self.t.index(key).and_then(|i| self.cells.get(i)) {
            Some(d) if !is_blank(d) => d,
            _ => self
                .t
                .defaults
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(&EMPTY, |(_, d)| d),
        }
    }

    fn place(&self, key: &str) -> String {
        format!("{}!{}", self.t.sheet, self.cell_name(key))
    }

    fn location(&self, key: &str) -> Location {
        Location {
            file: self.t.file.cloned(),
            sheet: Some(self.t.sheet.to_owned()),
            cell: Some(self.cell_name(key)),
            header: self
                .t
                .index(key)
                .and_then(|i| self.t.headers.get(i).cloned())
                .or_else(|| self.t.def.by_key(key).map(|c| c.header.to_owned())),
            table: Some(self.t.def.table.to_owned()),
            ..Location::default()
        }
    }

    fn is_1904(&self) -> bool {
        self.t.is_1904
    }

    fn def(&self) -> &'static SheetDef {
        self.t.def
    }
}

/// The cells of one record, by column key: a table row, or the 项目 / 内容
/// rows of 支部信息. The parsers name the cell in their errors.
pub(crate) trait Fields {
    /// The raw cell of column `key` (empty when the column is absent).
    fn raw(&self, key: &str) -> &Data;
    /// `sheet!E17` of the cell of `key`.
    fn place(&self, key: &str) -> String;
    /// The location of the cell of `key`.
    fn location(&self, key: &str) -> Location;
    /// Whether serial numbers count from 1904.
    fn is_1904(&self) -> bool;
    /// The sheet.
    fn def(&self) -> &'static SheetDef;

    /// The error for a bad value in column `key`.
    fn bad(&self, key: &str, bad: Bad) -> Error {
        bad_at(self.location(key), bad)
    }

    /// The error for an empty required cell.
    fn missing(&self, key: &str) -> Error {
        let loc = self.location(key);
        let h = loc.header.clone().unwrap_or_default();
        Error::new(
            ErrorKind::Data,
            loc,
            format!("“{h}”不能为空 / {h} is required, but the cell is empty"),
        )
    }

    /// A value that must be there.
    fn req<T>(&self, key: &str, v: Option<T>) -> Result<T> {
        v.ok_or_else(|| self.missing(key))
    }

    /// Parses the cell of `key` with `f`.
    fn parse<T>(&self, key: &str, f: impl FnOnce(&Data) -> cells::Parsed<T>) -> Result<Option<T>> {
        f(self.raw(key)).map_err(|b| self.bad(key, b))
    }

    fn text(&self, key: &str) -> Result<Option<String>> {
        self.parse(key, cells::text_checked)
    }

    fn id(&self, key: &str) -> Result<Option<Id>> {
        match self.text(key)? {
            None => Ok(None),
            Some(s) => Id::from_str(&s)
                .map(Some)
                .map_err(|e| self.bad(key, Bad::new(e.to_string(), self.raw(key)))),
        }
    }

    fn date(&self, key: &str) -> Result<Option<NaiveDate>> {
        let is_1904 = self.is_1904();
        self.parse(key, |d| cells::date(d, is_1904))
    }

    fn month(&self, key: &str) -> Result<Option<YearMonth>> {
        let is_1904 = self.is_1904();
        self.parse(key, |d| cells::month(d, is_1904))
    }

    fn period(&self, key: &str) -> Result<Option<PeriodSpec>> {
        let is_1904 = self.is_1904();
        self.parse(key, |d| cells::period(d, is_1904))
    }

    fn money(&self, key: &str) -> Result<Option<Money>> {
        self.parse(key, cells::money)
    }

    fn hours(&self, key: &str) -> Result<Option<Hours>> {
        self.parse(key, cells::hours)
    }

    fn minutes(&self, key: &str) -> Result<Option<Hours>> {
        self.parse(key, cells::minutes_as_hours)
    }

    fn count(&self, key: &str) -> Result<Option<u32>> {
        self.parse(key, cells::count)
    }

    fn yes_no(&self, key: &str) -> Result<Option<bool>> {
        self.parse(key, cells::yes_no)
    }

    /// An enumerated column as its record-format type.
    fn choice<T: FromStr>(&self, key: &str) -> Result<Option<T>> {
        let Some(col) = self.def().by_key(key) else {
            return Ok(None);
        };
        let Kind::Choice(ch) = col.kind else {
            return Ok(None);
        };
        match self.parse(key, |d| ch.parse(d))? {
            None => Ok(None),
            Some(code) => code.parse::<T>().map(Some).map_err(|_| {
                self.bad(
                    key,
                    Bad::new(format!("a value of {}", col.header), self.raw(key)),
                )
            }),
        }
    }

    /// The text items of a list column.
    fn list(&self, key: &str) -> Result<Vec<String>> {
        Ok(self.text(key)?.map(|s| cells::list(&s)).unwrap_or_default())
    }
}

/// An error at `loc` for a value that is not what the column needs.
pub(crate) fn bad_at(loc: Location, bad: Bad) -> Error {
    let h = loc.header.clone().unwrap_or_default();
    Error::new(
        ErrorKind::Data,
        loc,
        format!(
            "“{h}”应为{zh}，实为 {found} / expected {exp}, found {found}",
            zh = zh_expected(&bad.expected),
            exp = bad.expected,
            found = bad.found
        ),
    )
}

/// A short Chinese name of what was expected.
fn zh_expected(expected: &str) -> &'static str {
    if expected.starts_with("a date") {
        "日期"
    } else if expected.starts_with("a month") {
        "月份"
    } else if expected.starts_with("a period") {
        "期间"
    } else if expected.starts_with("an amount of money") {
        "金额（最多两位小数）"
    } else if expected.starts_with("hours") {
        "小时数（最多两位小数）"
    } else if expected.starts_with("minutes") || expected.starts_with("a whole number") {
        "非负整数"
    } else if expected.starts_with("是") {
        "“是”或“否”"
    } else if expected.starts_with("one of") {
        "下拉列表中的值"
    } else {
        "有效值"
    }
}
