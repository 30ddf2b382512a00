//! Reading the Excel 台账 workbook a branch keeps (XLSX.md "Reading").
//!
//! A workbook is one branch (支部信息 as two columns 项目 / 内容), or several
//! (支部信息 with one row per branch, and a 支部编号 column on the other
//! sheets). Each known sheet is read as a table under any title rows; its
//! columns are found by header, with the aliases real ledgers use:
//!
//! * dates may be Excel dates, serial numbers, `2025-03-12`, `2025/3/12`,
//!   `2025.3.12` or `2025年3月12日`; months `2025-03`, `2025/3`, `2025年3月`
//!   or a date; money a number (whose shortest decimal must have at most 2
//!   decimals) or text;
//! * people are named by 党员编号 or by a 姓名 that is unique in the roster;
//!   an unknown or ambiguous name is kept as written, so that `DAT001`
//!   reports it, and a [`Warning`] names its cell;
//! * 缺席请假 lists only who was excused or absent: every member expected at
//!   a meeting and not listed was **present** (the way branches record it);
//!   a meeting whose 考勤记录 is 无 has no attendance record at all;
//! * 发展党员 is the one-row-per-person 纪实 sheet: a date column per step;
//!   repeated steps go to 考察记录;
//! * 党费收缴 may be the long form (one payment per row) or the grid form
//!   (member × 1月 … 12月): a grid has no payment dates, each cell becomes a
//!   payment dated the first day of its month, and a
//!   [`WarningKind::NoPaymentDates`] warning says that `DUE005` cannot be
//!   checked for it.
//!
//! Unknown sheets and unknown columns are not errors: they come back as
//! [`Warning`]s for the caller to print. A cell that cannot be read is an
//! [`Error`] naming the workbook, the sheet, the cell (`党费收缴!E17`), the
//! column and what was expected. [`ReadOptions::keep_going`] collects every
//! bad row instead of stopping at the first.
//!
//! ```no_run
//! let wb = dangjian::load::xlsx::read("台账.xlsx")?;
//! for w in &wb.warnings {
//!     eprintln!("warning: {w}");
//! }
//! println!("{} branches", wb.bundles.len());
//! # Ok::<(), dangjian::Error>(())
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader as _, SheetVisible, Sheets};

use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::{Bundle, DevelopmentRecord, Id};

pub(crate) mod baseline;
pub(crate) mod cells;
mod development;
mod dues;
mod fast;
mod guess;
pub(crate) mod meetings;
mod records;
pub(crate) mod schema;
mod sheets;

pub use baseline::{read_baseline, read_baseline_bytes};
use schema::{SheetDef, SheetId};
use sheets::{Fields, Found, Table};

/// The bundles of a workbook, with what the caller should be told.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct Workbook {
    /// One bundle per branch, in the order of 支部信息.
    pub bundles: Vec<Bundle>,
    /// Unknown sheets and columns, unresolved names, grids without dates.
    pub warnings: Vec<Warning>,
    /// With [`ReadOptions::keep_going`]: every row that could not be read
    /// (it is left out). Empty otherwise (the first such row is the `Err`).
    pub errors: Vec<Error>,
}

/// Something in a workbook the caller should print, not an error.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// What it is.
    pub kind: WarningKind,
    /// Where: the file, the sheet and (for a column or a name) the cell.
    pub location: Location,
    /// What it says, in Chinese and English.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(kind: WarningKind, location: Location, message: String) -> Warning {
        Warning {
            kind,
            location,
            message,
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// The kinds of [`Warning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// A sheet the reader does not know: ignored.
    UnknownSheet,
    /// A column (or a 支部信息 row) the reader does not know, or a column
    /// given twice: ignored.
    UnknownColumn,
    /// A 姓名 that is no member's, or that several members share: kept as
    /// written, so `DAT001` reports it.
    UnresolvedName,
    /// A grid 党费收缴 sheet: it has no payment dates, so `DUE005`
    /// (dues-backpay-too-late) cannot be checked for its payments.
    NoPaymentDates,
    /// Rows that are not data and were skipped: hints (`必填`) under the
    /// header, rows holding only a 序号, notes under the table.
    SkippedRows,
    /// A sheet whose name the reader does not know, read as the table its
    /// headers match (a roster on `Sheet1`).
    GuessedSheet,
    /// A sheet of a known name that is hidden: read, and said so.
    HiddenSheet,
    /// A column the sheet does not have, read as its default (党籍状态 as
    /// 正式党员, 党费类别 as 在职): the warning says which.
    Assumed,
}

/// How to read a workbook.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    keep_going: bool,
    /// Read with calamine even where the fast reader would (tests).
    calamine_only: bool,
}

impl ReadOptions {
    /// The default: stop at the first row that cannot be read.
    pub fn new() -> ReadOptions {
        ReadOptions::default()
    }

    /// With `true`, every row that cannot be read is collected in
    /// [`Workbook::errors`] and left out, and the rest is read (the
    /// command's `--keep-going`). A file that is not a workbook, or a
    /// 支部信息 sheet that cannot be read, is still an `Err`.
    #[must_use]
    pub fn keep_going(mut self, yes: bool) -> ReadOptions {
        self.keep_going = yes;
        self
    }

    /// Reads the workbook at `path` (`.xlsx`, `.xlsm`, `.xls`, `.ods`).
    ///
    /// # Errors
    /// When the file cannot be read, is not a workbook, is encrypted or
    /// truncated, or (without `keep_going`) a row cannot be read. A
    /// workbook whose parts inflate to more than 1 GiB each or 2 GiB in all,
    /// or to more than the archive states (a zip bomb), is refused.
    pub fn read(&self, path: impl AsRef<Path>) -> Result<Workbook> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(Some(path.to_path_buf()), e))?;
        self.read_bytes(&bytes, Some(path))
    }

    /// Reads a workbook from its bytes; `name` (the file it came from, if
    /// any) is named in errors and selects `.ods`/`.xlsb` by extension.
    ///
    /// # Errors
    /// As [`ReadOptions::read`].
    pub fn read_bytes(&self, bytes: &[u8], name: Option<&Path>) -> Result<Workbook> {
        let file = name.map(Path::to_path_buf);
        let ext = file
            .as_ref()
            .and_then(|f| f.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let mut r = Reader {
            file: file.clone(),
            keep_going: self.keep_going,
            ..Reader::default()
        };
        // The fast reader for .xlsx; calamine for anything it does not take
        // (and for the message when the file is not a readable workbook).
        let is_zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
        if is_zip {
            fast::check_sizes(bytes).map_err(|m| format_error(file.as_ref(), m))?;
        }
        let fast = if !self.calamine_only
            && bytes.starts_with(b"PK\x03\x04")
            && !matches!(ext.as_str(), "ods" | "xlsb")
        {
            guarded(|| fast::read(bytes, |n| !schema::is_ignored_sheet(n))).flatten()
        } else {
            None
        };
        let loaded = match fast {
            Some(book) => {
                r.is_1904 = book.is_1904;
                r.load_fast(book)?
            }
            None => {
                if is_zip {
                    fast::check_inflated(bytes).map_err(|m| format_error(file.as_ref(), m))?;
                }
                let sheets = open(bytes, file.as_ref())?;
                r.is_1904 = matches!(&sheets, Sheets::Xlsx(x) if x.has_1904_epoch());
                r.load_sheets(sheets)?
            }
        };
        r.run(&loaded)?;
        Ok(r.finish())
    }
}

/// Reads the workbook at `path`, stopping at the first bad row (see the
/// module docs and [`ReadOptions`]).
///
/// # Errors
/// As [`ReadOptions::read`].
pub fn read(path: impl AsRef<Path>) -> Result<Workbook> {
    ReadOptions::new().read(path)
}

pub use super::is_workbook_path as is_workbook;

fn format_error(file: Option<&PathBuf>, message: String) -> Error {
    Error::new(
        ErrorKind::Format,
        Location {
            file: file.cloned(),
            ..Location::default()
        },
        message,
    )
}

const ENCRYPTED: &str = "工作簿设有打开密码（已加密），无法读取：请在 Excel/WPS 中取消密码后另存 / \
    the workbook is password-protected (encrypted): remove the password and save it again";

/// Opens the workbook in `bytes`, telling apart what is not a workbook, what
/// is encrypted and what is truncated.
pub(crate) fn open(bytes: &[u8], file: Option<&PathBuf>) -> Result<Sheets<Cursor<Vec<u8>>>> {
    use calamine::{Ods, Xls, Xlsb, Xlsx, open_workbook_from_rs};
    let ext = file
        .and_then(|f| f.extension())
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let cursor = || Cursor::new(bytes.to_vec());
    let is_zip = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06");
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let damaged = |e: &dyn fmt::Display| {
        format_error(
            file,
            format!(
                "工作簿已损坏或不完整（可能未下载完或被截断），无法读取 / the workbook is damaged or \
                 truncated and cannot be read ({e})"
            ),
        )
    };
    if is_zip {
        let r = guarded(|| match ext.as_str() {
            "ods" => open_workbook_from_rs::<Ods<_>, _>(cursor())
                .map(Sheets::Ods)
                .map_err(|e| damaged(&e)),
            "xlsb" => open_workbook_from_rs::<Xlsb<_>, _>(cursor())
                .map(Sheets::Xlsb)
                .map_err(|e| damaged(&e)),
            _ => match open_workbook_from_rs::<Xlsx<_>, _>(cursor()) {
                Ok(x) => Ok(Sheets::Xlsx(x)),
                Err(calamine::XlsxError::Password) => Err(format_error(file, ENCRYPTED.to_owned())),
                Err(e) => {
                    // An .ods saved under another name is still a workbook.
                    match open_workbook_from_rs::<Ods<_>, _>(cursor()) {
                        Ok(o) => Ok(Sheets::Ods(o)),
                        Err(_) => Err(damaged(&e)),
                    }
                }
            },
        });
        return r.unwrap_or_else(|| Err(damaged(&"the reader failed on it")));
    }
    if is_ole {
        // An encrypted .xlsx is an OLE container holding the streams
        // `EncryptionInfo` and `EncryptedPackage`; an old .xls is one too.
        if contains_utf16(bytes, "EncryptedPackage") || contains_utf16(bytes, "EncryptionInfo") {
            return Err(format_error(file, ENCRYPTED.to_owned()));
        }
        return match guarded(|| open_workbook_from_rs::<Xls<_>, _>(cursor())) {
            Some(Ok(x)) => Ok(Sheets::Xls(x)),
            Some(Err(calamine::XlsError::Password)) => {
                Err(format_error(file, ENCRYPTED.to_owned()))
            }
            Some(Err(e)) => Err(damaged(&e)),
            None => Err(damaged(&"the reader failed on it")),
        };
    }
    let what = if bytes.is_empty() {
        "the file is empty".to_owned()
    } else if bytes.starts_with(b"{") || bytes.starts_with(b"\xef\xbb\xbf") {
        "it looks like text (JSON or CSV), not a workbook".to_owned()
    } else {
        "it is not an .xlsx, .xls or .ods file".to_owned()
    };
    Err(format_error(
        file,
        format!("不是 Excel 工作簿 / not a workbook: {what}"),
    ))
}

/// Runs `f`, turning a panic of the reader crate on a malformed file into
/// `None` (nothing in this crate panics on user data; a damaged workbook
/// must not take the caller down either).
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// Whether `bytes` hold `name` in UTF-16LE (an OLE directory entry).
fn contains_utf16(bytes: &[u8], name: &str) -> bool {
    let pat: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(pat.len()).any(|w| w == pat.as_slice())
}

/// A sheet loaded from the workbook and classified.
pub(crate) struct Loaded {
    def: &'static SheetDef,
    name: String,
    range: Range<Data>,
    /// What the sheet's name says of its rows (schema::SheetMatch).
    defaults: Vec<(&'static str, String)>,
    month: Option<(Option<i32>, u32)>,
}

impl Loaded {
    fn new(m: schema::SheetMatch, name: String, range: Range<Data>) -> Loaded {
        Loaded {
            def: m.def,
            name,
            range,
            defaults: m.defaults,
            month: m.month,
        }
    }
}

/// Names: member ids of a branch and who bears each 姓名.
#[derive(Default)]
pub(crate) struct People {
    ids: HashSet<String>,
    names: HashMap<String, Vec<Id>>,
}

/// A development record waiting for the final order, with the cells of
/// its unresolved member names.
pub(crate) struct PendingStep {
    pub order: usize,
    pub record: DevelopmentRecord,
    pub unresolved: Vec<String>,
    /// From 考察记录 (dropped when 发展党员 has the same step and date).
    pub extra: bool,
}

/// What is being built for one branch.
pub(crate) struct BranchBuild {
    pub bundle: Bundle,
    pub people: People,
    /// Meeting id → position in `bundle.meetings`.
    pub meetings: HashMap<String, usize>,
    /// Per meeting: 考勤记录 = 无 (no attendance recorded).
    pub no_roll: Vec<bool>,
    /// Development records, sorted at the end.
    pub steps: Vec<PendingStep>,
    /// Candidate id → row order on 发展党员.
    pub candidate_order: HashMap<String, usize>,
    /// 书记 of 支部信息, resolved once the roster is read.
    pub secretary: Option<(String, String, Location)>,
}

impl BranchBuild {
    pub(crate) fn new(bundle: Bundle) -> BranchBuild {
        BranchBuild {
            bundle,
            people: People::default(),
            meetings: HashMap::new(),
            no_roll: Vec::new(),
            steps: Vec::new(),
            candidate_order: HashMap::new(),
            secretary: None,
        }
    }
}

/// The reader's state.
#[derive(Default)]
pub(crate) struct Reader {
    pub file: Option<PathBuf>,
    pub keep_going: bool,
    pub is_1904: bool,
    pub errors: Vec<Error>,
    pub warnings: Vec<Warning>,
    pub branches: Vec<BranchBuild>,
    pub by_id: HashMap<String, usize>,
    /// Branches whose 支部信息 row could not be read (their rows are dropped).
    pub skipped: HashSet<String>,
    /// Without `keep_going`: the errors that end the reading, in sheet
    /// order — every missing column of every sheet, and the first bad row.
    pub fatal: Vec<Error>,
    /// A row could not be read (without `keep_going`): the later sheets
    /// are only checked for their columns, their rows are not read.
    pub stopped: bool,
    /// Grid cells ticked ✓ instead of an amount, settled at the end.
    pub ticks: Vec<dues::Tick>,
}

/// A name looked up: the id to use, and whether it was found.
pub(crate) struct Resolved {
    pub id: Id,
    pub found: bool,
}

impl Reader {
    /// The known sheets as the fast reader parsed them.
    fn load_fast(&mut self, book: fast::FastBook) -> Result<Vec<Loaded>> {
        let mut out = Vec::new();
        let mut unknown = Vec::new();
        for s in book.sheets {
            let range = s.range.unwrap_or_else(Range::empty);
            match schema::sheet_match(&s.name) {
                Some(m) => {
                    if s.hidden {
                        self.hidden_read(&s.name);
                    }
                    out.push(Loaded::new(m, s.name, range));
                }
                None if schema::is_ignored_sheet(&s.name) => {}
                None => unknown.push((s.name, s.hidden, range)),
            }
        }
        self.adopt(&mut out, unknown)?;
        out.sort_by_key(|l| order(l.def.id));
        Ok(out)
    }

    /// Classifies the sheets and parses them with `calamine`.
    fn load_sheets(&mut self, mut sheets: Sheets<Cursor<Vec<u8>>>) -> Result<Vec<Loaded>> {
        let meta: Vec<(String, bool)> = sheets
            .sheets_metadata()
            .iter()
            .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
            .collect();
        let mut out = Vec::new();
        let mut unknown = Vec::new();
        for (name, hidden) in meta {
            if schema::is_ignored_sheet(&name) {
                continue;
            }
            let def = schema::sheet_match(&name);
            let range = guarded(|| sheets.worksheet_range(&name))
                .unwrap_or(Err(calamine::Error::Msg("the reader failed on it")))
                .map_err(|e| {
                    Error::new(
                        ErrorKind::Format,
                        Location {
                            file: self.file.clone(),
                            sheet: Some(name.clone()),
                            ..Location::default()
                        },
                        format!(
                            "工作表“{name}”已损坏，无法读取 / sheet {name} is damaged or truncated and cannot be read ({e})"
                        ),
                    )
                });
            match def {
                Some(m) => {
                    if hidden {
                        self.hidden_read(&name);
                    }
                    out.push(Loaded::new(m, name, range?));
                }
                // An unknown sheet that cannot be parsed is only named.
                None => unknown.push((name, hidden, range.unwrap_or_else(|_| Range::empty()))),
            }
        }
        self.adopt(&mut out, unknown)?;
        out.sort_by_key(|l| order(l.def.id));
        Ok(out)
    }

    /// Sheets whose names the reader does not know: each is read as the
    /// table its headers match when the workbook lacks that table (or has
    /// it empty), and said so; otherwise named in a warning. A workbook
    /// whose roster is missing or empty while such a sheet is left over is
    /// an error naming the sheet and what it looked like — never an audit
    /// of an empty roster.
    fn adopt(
        &mut self,
        out: &mut Vec<Loaded>,
        unknown: Vec<(String, bool, Range<Data>)>,
    ) -> Result<()> {
        let has_rows = |id: SheetId, out: &[Loaded]| {
            out.iter()
                .any(|l| l.def.id == id && guess::has_rows(&l.range))
        };
        let mut left = Vec::new();
        for (name, hidden, range) in unknown {
            let loc = Location {
                file: self.file.clone(),
                sheet: Some(name.clone()),
                ..Location::default()
            };
            if hidden || !guess::has_rows(&range) {
                // Hidden sheets hold drop-down lists; empty ones nothing.
                if !hidden {
                    self.warnings.push(Warning::new(
                        WarningKind::UnknownSheet,
                        loc,
                        format!("未知的工作表“{name}”（空表），已忽略 / unknown sheet {name} (empty), ignored"),
                    ));
                }
                continue;
            }
            match guess::table(&range) {
                guess::Guess::Table(def, matched) if !has_rows(def.id, out) => {
                    self.warnings.push(Warning::new(
                        WarningKind::GuessedSheet,
                        loc,
                        format!(
                            "工作表“{name}”不是已知的表名，按表头（{}）作为“{}”读取；请把工作表改名为“{}” / \
                             sheet {name} is not a known sheet name; read as {} by its headers ({}) — rename it {}",
                            matched.join("、"),
                            def.name,
                            def.name,
                            def.name,
                            matched.join(", "),
                            def.name
                        ),
                    ));
                    let m = schema::SheetMatch {
                        def,
                        defaults: Vec::new(),
                        month: None,
                    };
                    out.push(Loaded::new(m, name, range));
                }
                guess::Guess::Table(def, _) => {
                    let other = out
                        .iter()
                        .find(|l| l.def.id == def.id)
                        .map_or(def.name, |l| l.name.as_str());
                    self.warnings.push(Warning::new(
                        WarningKind::UnknownSheet,
                        loc,
                        format!(
                            "未知的工作表“{name}”，已忽略（表头像“{}”，而工作簿已有“{other}”表） / unknown sheet {name}, \
                             ignored (its headers look like {}, which the workbook already has as {other})",
                            def.name, def.name
                        ),
                    ));
                }
                g => {
                    let what = guess::describe(&range);
                    let also = match &g {
                        guess::Guess::Ambiguous(defs) => {
                            let names: Vec<&str> = defs.iter().map(|d| d.name).collect();
                            format!("，表头既像{}", names.join("又像"))
                        }
                        _ => String::new(),
                    };
                    self.warnings.push(Warning::new(
                        WarningKind::UnknownSheet,
                        loc,
                        format!("未知的工作表“{name}”（{what}{also}），已忽略 / unknown sheet {name} ({what}), ignored"),
                    ));
                    left.push((name, what));
                }
            }
        }
        let roster = out.iter().any(|l| l.def.id == SheetId::Members);
        if !left.is_empty() && !has_rows(SheetId::Members, out) {
            let sheets: Vec<String> = left
                .iter()
                .map(|(n, what)| format!("“{n}”（{what}）"))
                .collect();
            let en: Vec<String> = left
                .iter()
                .map(|(n, what)| format!("{n} ({what})"))
                .collect();
            let (zh, en_state) = if roster {
                ("“党员花名册”表是空的", "sheet 党员花名册 is empty")
            } else {
                (
                    "工作簿没有“党员花名册”表",
                    "the workbook has no sheet 党员花名册",
                )
            };
            let sheet = left.first().map(|(n, _)| n.clone());
            return Err(Error::new(
                ErrorKind::Data,
                Location {
                    file: self.file.clone(),
                    sheet,
                    ..Location::default()
                },
                format!(
                    "{zh}，而工作表{}不是已知的表，也看不出是哪张表：请把花名册放在名为“党员花名册”的工作表，\
                     表头含 党员编号、姓名、入党时间 等列 / {en_state}, and sheet {} is no known sheet and its \
                     headers match none: put the roster on a sheet named 党员花名册 with the columns 党员编号, \
                     姓名, 入党时间 …",
                    sheets.join("、"),
                    en.join(", ")
                ),
            ));
        }
        Ok(())
    }

    /// Says that a hidden sheet of a known name was read: what a hidden
    /// sheet holds counts, but the secretary should know it is there.
    fn hidden_read(&mut self, name: &str) {
        self.warnings.push(Warning::new(
            WarningKind::HiddenSheet,
            Location {
                file: self.file.clone(),
                sheet: Some(name.to_owned()),
                ..Location::default()
            },
            format!("工作表“{name}”是隐藏的，已读取 / sheet {name} is hidden; it was read"),
        ));
    }

    /// Sheet-level checks of a table's columns: each missing one is an
    /// error (collected, or ending the reading once every sheet has been
    /// checked); `false` when any is missing (the sheet is left out).
    pub(crate) fn require(&mut self, t: &Table<'_>, keys: &[&str]) -> bool {
        let missing = t.missing_columns(keys);
        let ok = missing.is_empty();
        if self.keep_going {
            self.errors.extend(missing);
        } else {
            self.fatal.extend(missing);
        }
        ok
    }

    fn run(&mut self, loaded: &[Loaded]) -> Result<()> {
        let file = self.file.clone();
        let mut has_branch = false;
        for l in loaded {
            let grid = l.def.id == SheetId::Payments;
            if l.def.id == SheetId::Branch {
                has_branch = true;
                records::branch_info(self, l.def, &l.name, &l.range, file.as_ref())?;
                continue;
            }
            if !has_branch {
                return Err(self.no_branch_sheet());
            }
            let mut warnings = Vec::new();
            let found = Table::find(
                l.def,
                &l.name,
                file.as_ref(),
                &l.range,
                self.is_1904,
                grid,
                &mut warnings,
            );
            let found = match found {
                Found::Table(t) => Found::Table(Box::new(t.named(&l.defaults, l.month))),
                other => other,
            };
            self.warnings.extend(warnings);
            let t = match found {
                Found::Table(t) => *t,
                Found::Empty => continue,
                Found::NoHeader => {
                    let e = Error::new(
                        ErrorKind::Data,
                        Location {
                            file: file.clone(),
                            sheet: Some(l.name.clone()),
                            table: Some(l.def.table.to_owned()),
                            ..Location::default()
                        },
                        format!(
                            "“{}”表找不到表头行（应有 {} 等列） / no header row: no row names the columns of this sheet (expected {})",
                            l.name,
                            first_headers(l.def),
                            first_headers(l.def)
                        ),
                    );
                    self.sheet_done(Err(e));
                    continue;
                }
            };
            let r = match l.def.id {
                SheetId::Branch => Ok(()),
                SheetId::Members => records::members(self, &t),
                SheetId::Committee => records::committee(self, &t),
                SheetId::Groups => records::groups(self, &t),
                SheetId::Bases => records::bases(self, &t),
                SheetId::Payments => dues::payments(self, &t),
                SheetId::Waivers => records::waivers(self, &t),
                SheetId::Remittances => records::remittances(self, &t),
                SheetId::Publications => records::publications(self, &t),
                SheetId::Exemptions => records::exemptions(self, &t),
                SheetId::Meetings => meetings::meetings(self, &t),
                SheetId::Absences => meetings::absences(self, &t),
                SheetId::Votes => meetings::votes(self, &t),
                SheetId::Rectifications => meetings::rectifications(self, &t),
                SheetId::Talks => records::talks(self, &t),
                SheetId::Trainings => records::trainings(self, &t),
                SheetId::Development => development::development(self, &t),
                SheetId::Assessments => development::assessments(self, &t),
                SheetId::Publicity => development::publicity(self, &t),
                SheetId::Transfers => records::transfers(self, &t),
                SheetId::Mobility => records::mobility(self, &t),
            };
            // A sheet-level error leaves the sheet out; a bad row (without
            // keep_going) ends the reading once every sheet is checked.
            self.sheet_done(r);
            if l.def.id == SheetId::Members {
                records::resolve_secretaries(self);
            }
        }
        if !has_branch {
            return Err(self.no_branch_sheet());
        }
        dues::settle_ticks(self);
        if self.fatal.is_empty() {
            return Ok(());
        }
        Err(combine(self.file.as_ref(), std::mem::take(&mut self.fatal)))
    }

    /// Takes the result of a sheet: an error (without `keep_going`) is
    /// kept to end the reading, and later sheets' rows are not read.
    fn sheet_done(&mut self, r: Result<()>) {
        if let Err(e) = self.row_done(r) {
            self.fatal.push(e);
            self.stopped = true;
        }
    }

    fn no_branch_sheet(&self) -> Error {
        format_error(
            self.file.as_ref(),
            "工作簿缺少“支部信息”表（支部编号、支部名称、支部类型） / the workbook has no sheet \
             支部信息 (the branch: 支部编号, 支部名称, 支部类型)"
                .to_owned(),
        )
    }

    fn finish(mut self) -> Workbook {
        let mut bundles = Vec::with_capacity(self.branches.len());
        for mut b in std::mem::take(&mut self.branches) {
            meetings::fill_attendance(&mut b);
            development::finish(&mut b);
            bundles.push(b.bundle);
        }
        Workbook {
            bundles,
            warnings: self.warnings,
            errors: self.errors,
        }
    }

    /// Takes the result of one row (or sheet): an error stops the reading,
    /// or with `keep_going` is collected.
    pub(crate) fn row_done(&mut self, r: Result<()>) -> Result<()> {
        match r {
            Ok(()) => Ok(()),
            Err(e) if self.keep_going => {
                self.errors.push(e);
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// The branch a row belongs to: its 支部编号, or the only branch.
    /// `Ok(None)` for a branch whose 支部信息 row was unreadable.
    pub(crate) fn branch_of(&self, row: &impl Fields) -> Result<Option<usize>> {
        match row.text("branch")? {
            Some(id) => match self.by_id.get(&id) {
                Some(&i) => Ok(Some(i)),
                None if self.skipped.contains(&id) => Ok(None),
                None => Err(Error::new(
                    ErrorKind::Data,
                    row.location("branch"),
                    format!(
                        "支部编号“{id}”不在“支部信息”表中 / branch {id} is not in sheet 支部信息"
                    ),
                )),
            },
            None if self.branches.len() == 1 => Ok(Some(0)),
            None if self.branches.is_empty() => Ok(None),
            None => Err(Error::new(
                ErrorKind::Data,
                row.location("branch"),
                "工作簿有多个支部，每行须填支部编号 / the workbook holds several branches: every row \
                 needs its 支部编号"
                    .to_owned(),
            )),
        }
    }

    /// Looks up a member named by id or 姓名 in branch `b`.
    pub(crate) fn resolve(
        &mut self,
        b: usize,
        text: &str,
        row: &impl Fields,
        key: &str,
    ) -> Resolved {
        let Some(br) = self.branches.get(b) else {
            return Resolved {
                id: Id::generated(text.to_owned()),
                found: false,
            };
        };
        if br.people.ids.contains(text) {
            return Resolved {
                id: Id::generated(text.to_owned()),
                found: true,
            };
        }
        let lookup = cells::person_name(text);
        let (found, note) = match br.people.names.get(&lookup).map(Vec::as_slice) {
            Some([one]) => (Some(one.clone()), String::new()),
            Some(many) => {
                let ids: Vec<&str> = many.iter().map(Id::as_str).collect();
                (
                    None,
                    format!(
                        "花名册中有{}名党员叫“{text}”（{}），无法确定是谁 / {} members of the roster are named {text} ({})",
                        many.len(),
                        ids.join("、"),
                        many.len(),
                        ids.join(", ")
                    ),
                )
            }
            None => (
                None,
                format!(
                    "“{text}”既不是党员编号，也不是花名册中党员的姓名 / {text} is neither a member id nor the name of a member of the roster"
                ),
            ),
        };
        match found {
            Some(id) => Resolved { id, found: true },
            None => {
                self.warnings.push(Warning::new(
                    WarningKind::UnresolvedName,
                    row.location(key),
                    format!(
                        "{note}；按原文保留（DAT001 将报告） / kept as written (DAT001 reports it)"
                    ),
                ));
                Resolved {
                    id: Id::generated(text.to_owned()),
                    found: false,
                }
            }
        }
    }

    /// The member of column `key`, resolved; records the cell of an
    /// unresolved name for `DAT001`.
    pub(crate) fn person(
        &mut self,
        b: usize,
        row: &impl Fields,
        key: &str,
        at: (&'static str, usize, &'static str),
    ) -> Result<Option<Id>> {
        let Some(text) = row.text(key)? else {
            return Ok(None);
        };
        let r = self.resolve(b, &text, row, key);
        if !r.found {
            self.origin(b, at, row.place(key));
        }
        Ok(Some(r.id))
    }

    /// The members of list column `key`, resolved.
    pub(crate) fn people(
        &mut self,
        b: usize,
        row: &impl Fields,
        key: &str,
        at: Option<(&'static str, usize, &'static str)>,
        unresolved: &mut Vec<String>,
    ) -> Result<Vec<Id>> {
        let mut out = Vec::new();
        for text in row.list(key)? {
            let r = self.resolve(b, &text, row, key);
            if !r.found {
                match at {
                    Some(at) => self.origin(b, at, row.place(key)),
                    None => unresolved.push(row.place(key)),
                }
            }
            out.push(r.id);
        }
        Ok(out)
    }

    /// The row's member: 党员编号, or else 姓名.
    pub(crate) fn subject(
        &mut self,
        b: usize,
        row: &impl Fields,
        at: (&'static str, usize, &'static str),
    ) -> Result<Id> {
        if let Some(id) = self.person(b, row, "member", at)? {
            return Ok(id);
        }
        if let Some(id) = self.person(b, row, "name", at)? {
            return Ok(id);
        }
        Err(row.missing("member"))
    }

    pub(crate) fn origin(
        &mut self,
        b: usize,
        at: (&'static str, usize, &'static str),
        cell: String,
    ) {
        if let Some(br) = self.branches.get_mut(b) {
            br.bundle.origins.add(at.0, at.1, at.2, cell);
        }
    }
}

/// The order sheets are read in: the branch, the roster, then whatever
/// refers to them.
fn order(id: SheetId) -> usize {
    use SheetId::*;
    [
        Branch,
        Members,
        Committee,
        Groups,
        Bases,
        Payments,
        Waivers,
        Remittances,
        Publications,
        Exemptions,
        Meetings,
        Absences,
        Rectifications,
        Talks,
        Trainings,
        Development,
        Assessments,
        Publicity,
        Votes,
        Transfers,
        Mobility,
    ]
    .iter()
    .position(|x| *x == id)
    .unwrap_or(usize::MAX)
}

/// Errors as one: a single error as it is; several each on a line of
/// its own, with its place.
pub(crate) fn combine(file: Option<&PathBuf>, mut errors: Vec<Error>) -> Error {
    if errors.len() == 1 {
        return errors.remove(0);
    }
    let n = errors.len();
    let mut msg = format!("工作簿有{n}处问题 / {n} problems in the workbook:");
    for e in &errors {
        let mut loc = e.location().clone();
        loc.file = None;
        msg.push_str(&format!("\n  {loc}: {}", e.message()));
    }
    Error::new(
        ErrorKind::Data,
        Location {
            file: file.cloned(),
            ..Location::default()
        },
        msg,
    )
}

fn first_headers(def: &SheetDef) -> String {
    let v: Vec<&str> = def
        .cols
        .iter()
        .filter(|c| c.key != "branch")
        .take(3)
        .map(|c| c.header)
        .collect();
    v.join("、")
}

#[cfg(test)]
mod tests;
