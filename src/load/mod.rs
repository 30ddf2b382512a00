//! Reading bundles from `.json` documents and `.jsonl` (JSON Lines) files.
//!
//! * `*.json`: `{"format": "dangjian/1", "branches": [BUNDLE, ...]}`, read whole.
//! * `*.jsonl` (or `*.ndjson`): one BUNDLE per line, read **one line at a
//!   time**, so memory does not grow with the file. Blank lines are skipped.
//!
//! Every error names its place: file, bundle index (or line), table, record
//! index and field (see [`Error`]). Input is parsed with plain `serde_json`
//! first; only when that fails is it parsed again with path tracking to find
//! the failing field, so good input pays nothing for the diagnostics.
//!
//! ```no_run
//! for bundle in dangjian::load::open("branches.jsonl")? {
//!     let bundle = bundle?;
//!     println!("{} has {} members", bundle.branch.name, bundle.members.len());
//! }
//! # Ok::<(), dangjian::Error>(())
//! ```

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::Bundle;

mod explain;
mod lines;
mod scan;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use explain::{PathStart, explain};
pub use lines::{JsonLines, RawLine, bundle_from_line};
pub use scan::latest_event_date_of_line;

/// The value of the `format` field of a `.json` document.
pub const FORMAT: &str = "dangjian/1";

#[derive(Deserialize)]
struct Document {
    format: Option<String>,
    branches: Vec<Bundle>,
}

/// Reads every bundle of a `.json`, `.jsonl` or workbook (`.xlsx`, `.xlsm`,
/// `.xls`, `.ods`) file into memory.
///
/// A workbook's warnings (unknown sheets and columns, unresolved names, a
/// grid 党费 sheet without dates) are dropped here: read it with
/// `load::xlsx::read` (feature `xlsx`) to get them.
///
/// # Errors
/// When the file cannot be read or any bundle in it is malformed (see [`Error`]).
pub fn read_path(path: impl AsRef<Path>) -> Result<Vec<Bundle>> {
    open(path)?.collect()
}

/// Opens a file for reading bundles one at a time.
///
/// Files ending in `.jsonl` or `.ndjson` are read line by line as they are
/// iterated; a workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`; feature `xlsx`)
/// is read whole when opened, as [`read_path`] says; any other file is a
/// `.json` document, read and checked whole when opened.
///
/// # Errors
/// When the file cannot be opened, or (for a `.json` document) is malformed.
pub fn open(path: impl AsRef<Path>) -> Result<Bundles> {
    let path = path.as_ref();
    if is_workbook_path(path) {
        return open_workbook(path);
    }
    let file = File::open(path).map_err(|e| Error::io(Some(path.to_path_buf()), e))?;
    if is_json_lines(path) {
        Ok(Bundles(Inner::Lines(
            JsonLines::new(BufReader::with_capacity(1 << 16, file)).with_file(path),
        )))
    } else {
        Ok(Bundles(Inner::Whole(
            read_document(path, file)?.into_iter(),
        )))
    }
}

/// Reads a whole `.json` document from an opened file; errors name `path`.
pub(crate) fn read_document(path: &Path, file: File) -> Result<Vec<Bundle>> {
    let mut bytes = Vec::new();
    BufReader::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(Some(path.to_path_buf()), e))?;
    from_json_slice(&bytes).map_err(|e| e.in_file(path.to_path_buf()))
}

/// Whether a path names a JSON Lines file (`.jsonl` or `.ndjson`, in any
/// case, as the workbook extensions are).
pub fn is_json_lines(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Whether a path names a workbook by its extension (`.xlsx`, `.xlsm`,
/// `.xls`, `.ods`), whether or not the `xlsx` feature is on.
pub fn is_workbook_path(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "xlsx" | "xlsm" | "xls" | "ods"
        )
    })
}

/// A workbook, read whole (feature `xlsx`); without the feature, an error
/// that says so.
fn open_workbook(path: &Path) -> Result<Bundles> {
    #[cfg(feature = "xlsx")]
    {
        let wb = xlsx::read(path)?;
        Ok(Bundles(Inner::Whole(wb.bundles.into_iter())))
    }
    #[cfg(not(feature = "xlsx"))]
    Err(Error::new(
        ErrorKind::Format,
        Location {
            file: Some(path.to_path_buf()),
            ..Location::default()
        },
        "reading Excel workbooks needs the crate feature `xlsx`, which this build leaves out \
         (读取 Excel 工作簿需要启用 xlsx 功能)",
    ))
}

/// Bundles read from a file, one at a time (see [`open`]).
pub struct Bundles(Inner);

enum Inner {
    Whole(std::vec::IntoIter<Bundle>),
    Lines(JsonLines<BufReader<File>>),
}

impl Iterator for Bundles {
    type Item = Result<Bundle>;
    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.0 {
            Inner::Whole(it) => it.next().map(Ok),
            Inner::Lines(it) => it.next(),
        }
    }
}

/// Parses a `dangjian/1` JSON document.
///
/// # Errors
/// When the text is not JSON, is not a `dangjian/1` document, or a bundle in it
/// does not fit the record format.
pub fn from_json_str(text: &str) -> Result<Vec<Bundle>> {
    from_json_slice(text.as_bytes())
}

/// Parses a `dangjian/1` JSON document from bytes (see [`from_json_str`]).
///
/// # Errors
/// As [`from_json_str`].
pub fn from_json_slice(bytes: &[u8]) -> Result<Vec<Bundle>> {
    let bytes = strip_bom(bytes);
    match serde_json::from_slice::<Document>(bytes) {
        Ok(doc) => {
            check_format(doc.format.as_deref())?;
            Ok(doc.branches)
        }
        Err(e) => Err(explain::<Document>(bytes, e, PathStart::Document, None)),
    }
}

fn check_format(format: Option<&str>) -> Result<()> {
    match format {
        Some(FORMAT) => Ok(()),
        Some(other) => Err(Error::new(
            ErrorKind::Format,
            Location::default(),
            format!("unsupported format {other:?}; expected {FORMAT:?}"),
        )),
        None => Err(Error::new(
            ErrorKind::Format,
            Location::default(),
            format!("missing \"format\": {FORMAT:?} at the top of the document"),
        )),
    }
}

/// Reads a `.json` document bundle by bundle: the document itself must be
/// JSON and `dangjian/1` (else the error), but a bundle that does not fit
/// the record format is an error of its own, with its place (`bundle 1,
/// table members, record 0, field …`), and the other bundles are still read
/// — what the command's `--keep-going` does.
///
/// ```
/// let text = r#"{"format":"dangjian/1","branches":[
///     {"branch":{"id":"B1","name":"一支部","kind":"organ"}},
///     {"branch":{"id":"B2"}}]}"#;
/// let parts = dangjian::load::from_json_slice_lenient(text.as_bytes())?;
/// assert!(parts[0].is_ok());
/// let e = parts[1].as_ref().unwrap_err();
/// assert_eq!((e.location().bundle, e.location().field.as_deref()), (Some(1), Some("name")));
/// # Ok::<(), dangjian::Error>(())
/// ```
///
/// # Errors
/// When the text is not JSON or not a `dangjian/1` document.
pub fn from_json_slice_lenient(bytes: &[u8]) -> Result<Vec<Result<Bundle>>> {
    let bytes = strip_bom(bytes);
    if let Ok(doc) = serde_json::from_slice::<Document>(bytes) {
        check_format(doc.format.as_deref())?;
        return Ok(doc.branches.into_iter().map(Ok).collect());
    }
    #[derive(Deserialize)]
    struct Loose<'a> {
        format: Option<String>,
        #[serde(borrow)]
        branches: Vec<&'a serde_json::value::RawValue>,
    }
    let loose: Loose<'_> = serde_json::from_slice(bytes)
        .map_err(|e| explain::<Document>(bytes, e, PathStart::Document, None))?;
    check_format(loose.format.as_deref())?;
    Ok(loose
        .branches
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            serde_json::from_str::<Bundle>(raw.get()).map_err(|e| {
                let mut err = explain::<Bundle>(raw.get().as_bytes(), e, PathStart::Bundle, None);
                err.set_bundle(i);
                err
            })
        })
        .collect())
}

/// `bytes` without a leading UTF-8 byte-order mark (Windows tools write one).
pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}

/// Parses one bundle from the text of one JSON Lines line.
///
/// # Errors
/// When the text is not JSON or does not fit the record format.
pub fn bundle_from_json(text: &str) -> Result<Bundle> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Bundle>(text)
        .map_err(|e| explain::<Bundle>(text.as_bytes(), e, PathStart::Bundle, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRANCH: &str = r#""branch":{"id":"B1","name":"一支部","kind":"organ"}"#;

    fn doc(bundle_tail: &str) -> String {
        format!(r#"{{"format":"dangjian/1","branches":[{{{BRANCH}}},{{{BRANCH}{bundle_tail}}}]}}"#)
    }

    #[test]
    fn names_table_record_and_field() {
        let text = doc(
            r#","dues_payments":[{"member":"M1","month":"2025-01","amount":"1.00","paid_on":"2025-01-02"},
                {"member":"M1","month":"2025-02","amount":1.5,"paid_on":"2025-02-02"}]"#,
        );
        let e = from_json_str(&text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Data);
        let l = e.location();
        assert_eq!(l.bundle, Some(1));
        assert_eq!(l.table.as_deref(), Some("dues_payments"));
        assert_eq!(l.record, Some(1));
        assert_eq!(l.field.as_deref(), Some("amount"));
        assert!(e.to_string().contains("not the number"), "{e}");
    }

    #[test]
    fn impossible_date_and_unknown_enum() {
        let e = from_json_str(&doc(
            r#","members":[{"id":"M1","name":"a","status":"full","admitted_on":"2025-02-30","dues_category":"salaried"}]"#,
        ))
        .unwrap_err();
        assert_eq!(e.location().field.as_deref(), Some("admitted_on"));
        assert!(e.message().contains("2025-02-30"), "{e}");

        let e = from_json_str(&doc(
            r#","members":[{"id":"M1","name":"a","status":"full","admitted_on":"2025-02-03","dues_category":"rich"}]"#,
        ))
        .unwrap_err();
        assert_eq!(e.location().field.as_deref(), Some("dues_category"));
        assert!(e.message().contains("rich"), "{e}");
    }

    #[test]
    fn missing_field_is_named() {
        let e = from_json_str(&doc(
            r#","members":[{"id":"M1","name":"a","status":"full","dues_category":"salaried"}]"#,
        ))
        .unwrap_err();
        assert_eq!(e.location().record, Some(0));
        assert_eq!(e.location().field.as_deref(), Some("admitted_on"));
    }

    #[test]
    fn nested_field_path() {
        let e = from_json_str(&doc(
            r#","meetings":[{"id":"X","kind":"study","date":"2025-01-02","attendance":[{"member":"M1","status":"late"}]}]"#,
        ))
        .unwrap_err();
        assert_eq!(e.location().field.as_deref(), Some("attendance[0].status"));
        let e = from_json_str(
            r#"{"format":"dangjian/1","branches":[{"branch":{"id":"B1","name":"x","kind":"organ","committee":{"elected_on":"2025-01-01","term_years":3,"members":[{"member":"M1","role":"boss"}]}}}]}"#,
        )
        .unwrap_err();
        assert_eq!(e.location().table.as_deref(), Some("branch"));
        assert_eq!(
            e.location().field.as_deref(),
            Some("committee.members[0].role")
        );
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let e = from_json_str("{\"format\":\"dangjian/1\",\n\"branches\":[}").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert_eq!(e.location().line, Some(2));
        let e = from_json_str("{\"format\":\"dangjian/1\",\"branches\":[").unwrap_err();
        assert!(e.message().contains("truncated"), "{e}");
    }

    #[test]
    fn format_is_checked() {
        let e = from_json_str(r#"{"format":"other/2","branches":[]}"#).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Format);
        let e = from_json_str(r#"{"branches":[]}"#).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Format);
        assert!(
            from_json_str(r#"{"format":"dangjian/1","branches":[],"extra":1}"#)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn json_lines_report_their_line() {
        let good = format!("{{{BRANCH}}}");
        let text = format!("{good}\n\n{good}\n{{\"branch\":{{\"id\":\"B2\"}}}}\n{good}\n");
        let mut it = JsonLines::new(text.as_bytes()).with_file("x.jsonl");
        assert!(it.next().unwrap().is_ok());
        assert!(it.next().unwrap().is_ok());
        let e = it.next().unwrap().unwrap_err();
        assert_eq!(e.location().line, Some(4));
        assert_eq!(e.location().table.as_deref(), Some("branch"));
        assert_eq!(e.location().field.as_deref(), Some("name"));
        assert!(e.to_string().starts_with("x.jsonl: line 4"), "{e}");
        assert!(it.next().unwrap().is_ok());
        assert!(it.next().is_none());

        let broken = format!("{good}\n{{\"branch\":\n");
        let mut it = JsonLines::new(broken.as_bytes());
        assert!(it.next().unwrap().is_ok());
        let e = it.next().unwrap().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert_eq!(e.location().line, Some(2));
    }

    #[cfg(not(feature = "xlsx"))]
    #[test]
    fn workbooks_need_the_feature() {
        let e = read_path("台账.xlsx").err().unwrap();
        assert_eq!(e.kind(), ErrorKind::Format);
        assert!(e.message().contains("feature `xlsx`"), "{e}");
        assert!(e.to_string().starts_with("台账.xlsx: "), "{e}");
    }

    #[test]
    fn files_are_read_by_their_extension() {
        for (p, lines, book) in [
            ("a.jsonl", true, false),
            ("a.ndjson", true, false),
            ("a.json", false, false),
            ("a.JSONL", true, false),
            ("jsonl", false, false),
            ("a.xlsx", false, true),
            ("a.XLSM", false, true),
            ("a.xls", false, true),
            ("a.ods", false, true),
            ("a.csv", false, false),
        ] {
            assert_eq!(is_json_lines(Path::new(p)), lines, "{p}");
            assert_eq!(is_workbook_path(Path::new(p)), book, "{p}");
        }
        // The same two bundles as a document and as JSON Lines; a bad
        // second line is read only when iterated to.
        let dir = std::env::temp_dir().join(format!("dangjian-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let one = format!("{{{BRANCH}}}");
        let two = one.replace("B1", "B2");
        let doc = dir.join("two.json");
        std::fs::write(
            &doc,
            format!(r#"{{"format":"dangjian/1","branches":[{one},{two}]}}"#),
        )
        .unwrap();
        let lines = dir.join("two.jsonl");
        std::fs::write(&lines, format!("{one}\n{two}\n")).unwrap();
        let ids = |p: &Path| -> Vec<String> {
            read_path(p)
                .unwrap()
                .iter()
                .map(|b| b.branch.id.to_string())
                .collect()
        };
        assert_eq!(ids(&doc), ["B1", "B2"]);
        assert_eq!(ids(&lines), ["B1", "B2"]);
        let bad = dir.join("bad.jsonl");
        std::fs::write(&bad, format!("{one}\n{{\"branch\": 1}}\n")).unwrap();
        let mut it = open(&bad).unwrap();
        assert!(it.next().is_some_and(|b| b.is_ok()));
        let e = it.next().unwrap().unwrap_err();
        assert_eq!(e.location().line, Some(2));
        assert_eq!(e.location().file.as_deref(), Some(bad.as_path()));
        assert!(it.next().is_none());
        // A missing file is an I/O error naming it.
        let e = open(dir.join("missing.json")).err().unwrap();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.to_string().contains("missing.json"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn nulls_are_absent() {
        let b = bundle_from_json(&format!(
            r#"{{{BRANCH},"members":null,"meetings":[{{"id":"X","kind":"study","date":"2025-01-02","attendance":null,"expected":null,"votes":null}}]}}"#
        ))
        .unwrap();
        assert!(b.members.is_empty());
        assert!(b.meetings[0].attendance.is_empty());
    }
}
