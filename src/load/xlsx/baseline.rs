//! A filled report workbook read back as a baseline (XLSX.md "Writing": a
//! filled 整改台账 given back as `--baseline` carries its columns forward by
//! 问题编号).
//!
//! The workbook is the one [`ReportWorkbook`](crate::render::xlsx::ReportWorkbook)
//! writes, after the branch filled its 整改台账:
//!
//! * **概况** gives the baseline's `as_of` (the row 审计基准日: an Excel
//!   date or text such as `2025-12-31`) and, when it reads, its period
//!   (审计期间 `2025-01-01 至 2025-12-31`);
//! * **问题清单** and **整改台账** give the findings, one per row, keyed
//!   by 问题编号 (the finding's id, which names its rule, branch, subject
//!   and period start). Their columns are found by header under any title
//!   rows, in any order; unknown columns are ignored. Read are 问题描述
//!   (the message, which stands for the finding's state: the same message
//!   again is `unchanged`, another one `updated`), 期间 (the period),
//!   首次发现 (`first_seen`, else the baseline's `as_of`) and the columns
//!   the branch fills: 整改措施, 责任人, 整改时限, 完成情况, 佐证材料.
//!
//! 概况 is required, and at least one of 问题清单 and 整改台账 (a branch
//! may send back its 整改台账 alone). A row with an empty 问题编号 is
//! skipped; every other problem is an [`Error`] naming the workbook, the
//! sheet, the cell (`整改台账!B7`) and what was expected.
//!
//! ```no_run
//! let baseline = dangjian::load::xlsx::read_baseline("2025年报告（已填整改台账）.xlsx")?;
//! println!("{} findings as of {}", baseline.findings.len(), baseline.as_of);
//! # Ok::<(), dangjian::Error>(())
//! ```

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader as _, Sheets};
use chrono::NaiveDate;

use super::cells::{self, Bad};
use super::sheets::{bad_at, is_note};
use super::{format_error, guarded, open};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::DateRange;
use crate::report::{
    Baseline, BaselineEntry, ParsedId, Remediation, parse_finding_id, parse_period_label,
};

const OVERVIEW: &str = "概况";
const FINDINGS: &str = "问题清单";
const LEDGER: &str = "整改台账";

const ID: &str = "问题编号";
const MESSAGE: &str = "问题描述";
const PERIOD: &str = "期间";
const FIRST_SEEN: &str = "首次发现";

/// The columns the branch fills in 整改台账, read back from a filled
/// workbook and written again by the report workbook.
pub const RECTIFICATION_FILLED: [&str; 5] =
    ["整改措施", "责任人", "整改时限", "完成情况", "佐证材料"];

/// Reads the filled report workbook at `path` as a baseline (see the module
/// docs).
///
/// # Errors
/// When the file cannot be read or is not a workbook, when 概况 or its
/// 审计基准日 is missing or unreadable, when neither 问题清单 nor 整改台账
/// is there, when a sheet has no 问题编号 column, or when a cell cannot be
/// read (a malformed 问题编号, a 首次发现 that is no date, …).
pub fn read_baseline(path: impl AsRef<Path>) -> Result<Baseline> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::io(Some(path.to_path_buf()), e))?;
    read_baseline_bytes(&bytes, Some(path))
}

/// Reads a filled report workbook from its bytes as a baseline; `name` (the
/// file it came from, if any) is named in errors and in
/// [`Baseline::file`].
///
/// # Errors
/// As [`read_baseline`].
pub fn read_baseline_bytes(bytes: &[u8], name: Option<&Path>) -> Result<Baseline> {
    let file = name.map(Path::to_path_buf);
    let mut sheets = open(bytes, file.as_ref())?;
    let is_1904 = matches!(&sheets, Sheets::Xlsx(x) if x.has_1904_epoch());
    let names = sheets.sheet_names();
    let find = |want: &str| {
        names
            .iter()
            .find(|n| cells::norm(n) == cells::norm(want))
            .cloned()
    };
    let Some(overview) = find(OVERVIEW) else {
        return Err(format_error(
            file.as_ref(),
            "工作簿缺少“概况”表，不是 dangjian 的报告工作簿 / the workbook has no sheet 概况: \
             it is not a report workbook written by dangjian (--format xlsx)"
                .to_owned(),
        ));
    };
    let range = load(&mut sheets, &overview, file.as_ref())?;
    let sheet = Sheet::new(&overview, file.as_ref(), &range, is_1904);
    let as_of = sheet.as_of()?;
    let mut baseline = Baseline::new(as_of, name.map(|p| p.display().to_string()).as_deref());
    baseline.period = sheet.period();

    let tables: Vec<String> = [FINDINGS, LEDGER].iter().filter_map(|s| find(s)).collect();
    if tables.is_empty() {
        return Err(format_error(
            file.as_ref(),
            "工作簿既没有“问题清单”表也没有“整改台账”表 / the workbook has neither sheet 问题清单 \
             nor sheet 整改台账, so it lists no findings"
                .to_owned(),
        ));
    }
    let mut build = Build::default();
    for name in &tables {
        let range = load(&mut sheets, name, file.as_ref())?;
        let sheet = Sheet::new(name, file.as_ref(), &range, is_1904);
        sheet.findings(&mut build)?;
    }
    baseline.findings = build
        .entries
        .into_iter()
        .map(|p| BaselineEntry {
            id: p.id,
            rule: p.parsed.rule,
            branch: p.parsed.branch,
            subject: p.parsed.subject,
            period: p.period,
            evidence: None,
            message: p.message,
            first_seen: p.first_seen.unwrap_or(as_of),
            remediation: (!p.remediation.is_empty()).then_some(p.remediation),
        })
        .collect();
    Ok(baseline)
}

fn load(
    sheets: &mut Sheets<Cursor<Vec<u8>>>,
    name: &str,
    file: Option<&PathBuf>,
) -> Result<Range<Data>> {
    guarded(|| sheets.worksheet_range(name))
        .unwrap_or(Err(calamine::Error::Msg("the reader failed on it")))
        .map_err(|e| {
            Error::new(
                ErrorKind::Format,
                Location {
                    file: file.cloned(),
                    sheet: Some(name.to_owned()),
                    ..Location::default()
                },
                format!(
                    "工作表“{name}”已损坏，无法读取 / sheet {name} is damaged or truncated and cannot be read ({e})"
                ),
            )
        })
}

/// A finding being read: from one row of 问题清单 and one of 整改台账.
struct Partial {
    id: String,
    parsed: ParsedId,
    period: Option<DateRange>,
    message: Option<String>,
    first_seen: Option<NaiveDate>,
    remediation: Remediation,
}

#[derive(Default)]
struct Build {
    entries: Vec<Partial>,
    by_id: HashMap<String, usize>,
}

/// A loaded sheet and where its cells are.
struct Sheet<'a> {
    name: &'a str,
    file: Option<&'a PathBuf>,
    rows: Vec<(u32, &'a [Data])>,
    col0: u32,
    is_1904: bool,
}

impl<'a> Sheet<'a> {
    fn new(
        name: &'a str,
        file: Option<&'a PathBuf>,
        range: &'a Range<Data>,
        is_1904: bool,
    ) -> Sheet<'a> {
        let (row0, col0) = range.start().unwrap_or((0, 0));
        Sheet {
            name,
            file,
            rows: range
                .rows()
                .enumerate()
                .map(|(i, r)| (row0 + i as u32, r))
                .collect(),
            col0,
            is_1904,
        }
    }

    fn location(&self, row: u32, col: usize, header: Option<&str>) -> Location {
        Location {
            file: self.file.cloned(),
            sheet: Some(self.name.to_owned()),
            cell: Some(cells::a1(row, self.col0 + col as u32)),
            header: header.map(str::to_owned),
            ..Location::default()
        }
    }

    fn sheet_error(&self, message: String) -> Error {
        Error::new(
            ErrorKind::Data,
            Location {
                file: self.file.cloned(),
                sheet: Some(self.name.to_owned()),
                ..Location::default()
            },
            message,
        )
    }

    /// The cell right of the label `label` (a 概况 row `审计基准日 | 2025-12-31`):
    /// its row, column and value; `None` when no row has the label.
    fn fact(&self, label: &str) -> Option<(u32, usize, &'a Data)> {
        static EMPTY: Data = Data::Empty;
        let want = cells::norm(label);
        self.rows.iter().find_map(|&(r, cells)| {
            let i = cells
                .iter()
                .position(|c| cells::text(c).is_some_and(|t| cells::norm(&t) == want))?;
            let v = cells
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, c)| cells::text(c).is_some());
            Some(match v {
                Some((j, c)) => (r, j, c),
                None => (r, i + 1, &EMPTY),
            })
        })
    }

    /// 概况's 审计基准日.
    fn as_of(&self) -> Result<NaiveDate> {
        let label = "审计基准日";
        let Some((r, c, v)) = self.fact(label) else {
            return Err(self.sheet_error(format!(
                "“{}”表中找不到“{label}”一行 / sheet {} has no row {label} (the reference date of the report)",
                self.name, self.name
            )));
        };
        match cells::date(v, self.is_1904) {
            Ok(Some(d)) => Ok(d),
            Ok(None) => Err(Error::new(
                ErrorKind::Data,
                self.location(r, c, Some(label)),
                format!(
                    "“{label}”为空，应为日期（如 2025-12-31） / {label} is empty: expected a date (2025-12-31)"
                ),
            )),
            Err(bad) => Err(bad_at(self.location(r, c, Some(label)), bad)),
        }
    }

    /// 概况's 审计期间 (`2025-01-01 至 2025-12-31`), when it reads.
    fn period(&self) -> Option<DateRange> {
        let (_, _, v) = self.fact("审计期间")?;
        let t = cells::text(v)?;
        let (a, b) = t.split_once('至')?;
        DateRange::new(
            crate::model::parse_date(a.trim()).ok()?,
            crate::model::parse_date(b.trim()).ok()?,
        )
    }

    /// Reads the findings of 问题清单 or 整改台账 into `build`.
    fn findings(&self, build: &mut Build) -> Result<()> {
        let want = cells::norm(ID);
        let header = self.rows.iter().position(|(_, cells)| {
            cells
                .iter()
                .any(|c| cells::text(c).is_some_and(|t| cells::norm(&t) == want))
        });
        let Some(header) = header else {
            return Err(self.sheet_error(format!(
                "“{}”表找不到“{ID}”列（表头行） / sheet {} has no column {ID} (the finding id): no row \
                 of it names that header",
                self.name, self.name
            )));
        };
        let hcells = self.rows.get(header).map_or(&[][..], |(_, c)| *c);
        let mut cols: HashMap<String, usize> = HashMap::new();
        for (i, c) in hcells.iter().enumerate() {
            if let Some(t) = cells::text(c) {
                cols.entry(cells::norm(&t)).or_insert(i);
            }
        }
        let col = |h: &str| cols.get(&cells::norm(h)).copied();
        let id_col = col(ID).unwrap_or(0);
        let message_col = col(MESSAGE);
        let period_col = col(PERIOD);
        let first_col = col(FIRST_SEEN);
        let filled: Vec<Option<usize>> = RECTIFICATION_FILLED.iter().map(|h| col(h)).collect();
        let mut ids_here: HashMap<String, u32> = HashMap::new();
        for &(r, cells) in self.rows.iter().skip(header + 1) {
            if is_note(cells) {
                continue;
            }
            let row = RowView {
                sheet: self,
                row: r,
                cells,
            };
            let Some(id) = row.text(id_col, ID)? else {
                continue;
            };
            let parsed = parse_finding_id(&id).map_err(|e| {
                Error::new(
                    ErrorKind::Data,
                    self.location(r, id_col, Some(ID)),
                    format!(
                        "“{ID}”应为问题编号（规则/支部/类型:编号/期间起始，如 DUE001/B01/member:M03/2025-03），\
                         实为 {found} / expected a finding id RULE/BRANCH/KIND:ID/PERIOD-START \
                         (DUE001/B01/member:M03/2025-03), found {found}: {e}",
                        found = cells::describe(row.raw(id_col)),
                    ),
                )
            })?;
            if let Some(first) = ids_here.insert(id.clone(), r) {
                return Err(Error::new(
                    ErrorKind::Data,
                    self.location(r, id_col, Some(ID)),
                    format!(
                        "问题编号“{id}”重复（第一次在 {a}） / finding id {id} appears twice in sheet {} \
                         (first in {a})",
                        self.name,
                        a = cells::a1(first, self.col0 + id_col as u32)
                    ),
                ));
            }
            let period = match period_col {
                Some(c) => row.period(c, &parsed)?,
                None => None,
            };
            let message = match message_col {
                Some(c) => row.text(c, MESSAGE)?,
                None => None,
            };
            let first_seen = match first_col {
                Some(c) => row.date(c, FIRST_SEEN)?,
                None => None,
            };
            let mut rem = Remediation::default();
            let slots = [
                &mut rem.measures,
                &mut rem.owner,
                &mut rem.deadline,
                &mut rem.progress,
                &mut rem.proof,
            ];
            for ((slot, c), h) in slots.into_iter().zip(&filled).zip(RECTIFICATION_FILLED) {
                if let Some(c) = c {
                    *slot = row.text(*c, h)?;
                }
            }
            let i = match build.by_id.get(&id) {
                Some(&i) => i,
                None => {
                    build.by_id.insert(id.clone(), build.entries.len());
                    build.entries.push(Partial {
                        id,
                        parsed,
                        period: None,
                        message: None,
                        first_seen: None,
                        remediation: Remediation::default(),
                    });
                    build.entries.len() - 1
                }
            };
            if let Some(p) = build.entries.get_mut(i) {
                p.period = p.period.or(period);
                p.message = p.message.take().or(message);
                p.first_seen = match (p.first_seen, first_seen) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                let r = &mut p.remediation;
                for (slot, v) in [
                    (&mut r.measures, rem.measures),
                    (&mut r.owner, rem.owner),
                    (&mut r.deadline, rem.deadline),
                    (&mut r.progress, rem.progress),
                    (&mut r.proof, rem.proof),
                ] {
                    if slot.is_none() {
                        *slot = v;
                    }
                }
            }
        }
        Ok(())
    }
}

/// One data row of a findings sheet.
struct RowView<'s, 'a> {
    sheet: &'s Sheet<'a>,
    row: u32,
    cells: &'a [Data],
}

impl RowView<'_, '_> {
    fn raw(&self, col: usize) -> &Data {
        static EMPTY: Data = Data::Empty;
        self.cells.get(col).unwrap_or(&EMPTY)
    }

    fn bad(&self, col: usize, header: &str, bad: Bad) -> Error {
        bad_at(self.sheet.location(self.row, col, Some(header)), bad)
    }

    fn text(&self, col: usize, header: &str) -> Result<Option<String>> {
        cells::text_checked(self.raw(col)).map_err(|b| self.bad(col, header, b))
    }

    fn date(&self, col: usize, header: &str) -> Result<Option<NaiveDate>> {
        cells::date(self.raw(col), self.sheet.is_1904).map_err(|b| self.bad(col, header, b))
    }

    /// The 期间 cell: a label of [`period_label`](crate::report::period_label),
    /// which must start where the id says.
    fn period(&self, col: usize, id: &ParsedId) -> Result<Option<DateRange>> {
        let Some(t) = self.text(col, PERIOD)? else {
            return Ok(None);
        };
        let at = || self.sheet.location(self.row, col, Some(PERIOD));
        let Some(p) = parse_period_label(&t) else {
            return Err(Error::new(
                ErrorKind::Data,
                at(),
                format!(
                    "“{PERIOD}”应为期间（2025、2025-H2、2025-Q3、2025-06、2025-06-20 或 \
                     2025-08..2025-10），实为“{t}” / expected a period (2025, 2025-H2, 2025-Q3, \
                     2025-06, 2025-06-20 or 2025-08..2025-10), found \"{t}\""
                ),
            ));
        };
        if !id.start.is_some_and(|s| s.starts(&p)) {
            return Err(Error::new(
                ErrorKind::Data,
                at(),
                format!(
                    "期间“{t}”与问题编号的期间起始不符 / the period {t} does not start where the \
                     finding id in {ID} says"
                ),
            ));
        }
        Ok(Some(p))
    }
}
