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
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_path_to_error::Segment;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::Bundle;

/// The value of the `format` field of a `.json` document.
pub const FORMAT: &str = "dangjian/1";

#[derive(Deserialize)]
struct Document {
    format: Option<String>,
    branches: Vec<Bundle>,
}

/// Reads every bundle of a `.json` or `.jsonl` file into memory.
///
/// # Errors
/// When the file cannot be read or any bundle in it is malformed (see [`Error`]).
pub fn read_path(path: impl AsRef<Path>) -> Result<Vec<Bundle>> {
    open(path)?.collect()
}

/// Opens a file for reading bundles one at a time.
///
/// Files ending in `.jsonl` or `.ndjson` are read line by line as they are
/// iterated; any other file is a `.json` document, read and checked whole
/// when opened.
///
/// # Errors
/// When the file cannot be opened, or (for a `.json` document) is malformed.
pub fn open(path: impl AsRef<Path>) -> Result<Bundles> {
    let path = path.as_ref();
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

/// Whether a path names a JSON Lines file (`.jsonl` or `.ndjson`).
pub fn is_json_lines(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    )
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
    match serde_json::from_slice::<Document>(bytes) {
        Ok(doc) => {
            match doc.format.as_deref() {
                Some(FORMAT) => {}
                Some(other) => {
                    return Err(Error::new(
                        ErrorKind::Format,
                        Location::default(),
                        format!("unsupported format {other:?}; expected {FORMAT:?}"),
                    ));
                }
                None => {
                    return Err(Error::new(
                        ErrorKind::Format,
                        Location::default(),
                        format!("missing \"format\": {FORMAT:?} at the top of the document"),
                    ));
                }
            }
            Ok(doc.branches)
        }
        Err(e) => Err(explain::<Document>(bytes, e, PathStart::Document, None)),
    }
}

/// Parses one bundle from the text of one JSON Lines line.
///
/// # Errors
/// When the text is not JSON or does not fit the record format.
pub fn bundle_from_json(text: &str) -> Result<Bundle> {
    serde_json::from_str::<Bundle>(text)
        .map_err(|e| explain::<Bundle>(text.as_bytes(), e, PathStart::Bundle, None))
}

/// Reads JSON Lines, one bundle per line, without holding more than one line
/// in memory. Blank lines are skipped.
///
/// ```
/// use dangjian::load::JsonLines;
/// let text = "{\"branch\":{\"id\":\"B1\",\"name\":\"一支部\",\"kind\":\"organ\"}}\n\n";
/// let bundles: Vec<_> = JsonLines::new(text.as_bytes()).collect::<Result<_, _>>()?;
/// assert_eq!(bundles.len(), 1);
/// # Ok::<(), dangjian::Error>(())
/// ```
pub struct JsonLines<R> {
    reader: R,
    file: Option<PathBuf>,
    line: usize,
    buf: Vec<u8>,
    bytes: u64,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads lines from `reader`.
    pub fn new(reader: R) -> JsonLines<R> {
        JsonLines {
            reader,
            file: None,
            line: 0,
            buf: Vec::new(),
            bytes: 0,
        }
    }

    /// Names the file in errors.
    pub fn with_file(mut self, file: impl Into<PathBuf>) -> JsonLines<R> {
        self.file = Some(file.into());
        self
    }

    /// The line number (from 1) of the last line read.
    pub fn line(&self) -> usize {
        self.line
    }

    /// Bytes read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// Reads the next non-blank line into the buffer; `Ok(false)` at the end.
    fn next_line(&mut self) -> Result<bool> {
        loop {
            self.buf.clear();
            let n = self
                .reader
                .read_until(b'\n', &mut self.buf)
                .map_err(|e| Error::io(self.file.clone(), e))?;
            if n == 0 {
                return Ok(false);
            }
            self.bytes += n as u64;
            self.line += 1;
            if !self.buf.iter().all(u8::is_ascii_whitespace) {
                return Ok(true);
            }
        }
    }
}

impl<R: BufRead> JsonLines<R> {
    /// The next non-blank line, unparsed, with its line number (from 1): for
    /// callers that parse lines elsewhere (e.g. on worker threads, with
    /// [`bundle_from_line`]).
    ///
    /// # Errors
    /// When reading fails.
    pub fn next_raw(&mut self) -> Result<Option<RawLine>> {
        if self.next_line()? {
            Ok(Some(RawLine {
                line: self.line,
                bytes: std::mem::take(&mut self.buf),
            }))
        } else {
            Ok(None)
        }
    }

    /// The file named in errors.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }
}

/// One unparsed line of a JSON Lines file (see [`JsonLines::next_raw`]).
#[derive(Clone, Debug)]
pub struct RawLine {
    /// Line number, from 1.
    pub line: usize,
    /// The line's bytes (with its line end).
    pub bytes: Vec<u8>,
}

/// Parses one JSON Lines line into a bundle; errors name `file` and `line`.
///
/// # Errors
/// When the line is not JSON or does not fit the record format.
pub fn bundle_from_line(bytes: &[u8], line: usize, file: Option<&Path>) -> Result<Bundle> {
    serde_json::from_slice::<Bundle>(bytes).map_err(|e| {
        let err = explain::<Bundle>(bytes, e, PathStart::Bundle, Some(line));
        match file {
            Some(f) => err.in_file(f.to_path_buf()),
            None => err,
        }
    })
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Bundle>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next_line() {
            Err(e) => Some(Err(e)),
            Ok(false) => None,
            Ok(true) => Some(bundle_from_line(&self.buf, self.line, self.file.as_deref())),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PathStart {
    /// The path starts at the document: `branches[i].table[r].field`.
    Document,
    /// The path starts at a bundle: `table[r].field`.
    Bundle,
}

/// Turns a serde_json error into an [`Error`] with its place. Data errors are
/// re-parsed with path tracking to find the table, record and field.
fn explain<T: for<'de> Deserialize<'de>>(
    bytes: &[u8],
    err: serde_json::Error,
    start: PathStart,
    bundle_line: Option<usize>,
) -> Error {
    use serde_json::error::Category;
    let text_line = |e: &serde_json::Error| {
        // For JSON Lines the bundle's own line is the useful one.
        bundle_line.or((e.line() > 0).then_some(e.line()))
    };
    match err.classify() {
        Category::Io | Category::Syntax | Category::Eof => {
            let location = Location {
                line: text_line(&err),
                column: (bundle_line.is_none() && err.column() > 0).then_some(err.column()),
                ..Location::default()
            };
            let what = if err.classify() == Category::Eof {
                "unexpected end of input (truncated JSON)".to_owned()
            } else {
                strip_position(&err.to_string())
            };
            Error::new(
                ErrorKind::Syntax,
                location,
                format!("not valid JSON: {what}"),
            )
        }
        Category::Data => {
            let mut de = serde_json::Deserializer::from_slice(bytes);
            let (path, inner) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(e) => {
                    let path: Vec<Segment> = e.path().iter().cloned().collect();
                    (path, e.into_inner())
                }
                // Cannot happen (the same input failed a moment ago), but never panic.
                Ok(_) => (Vec::new(), err),
            };
            let mut location = location_of(&path, start);
            location.line = text_line(&inner);
            let mut message = strip_position(&inner.to_string());
            // "missing field `x`" is reported at the record; name the field.
            if location.field.is_none() {
                if let Some(name) = message
                    .strip_prefix("missing field `")
                    .and_then(|r| r.strip_suffix('`'))
                {
                    location.field = Some(name.to_owned());
                    message = "required field is missing".to_owned();
                }
            }
            Error::new(ErrorKind::Data, location, message)
        }
    }
}

fn strip_position(s: &str) -> String {
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s.to_owned(),
    }
}

fn location_of(path: &[Segment], start: PathStart) -> Location {
    let mut loc = Location::default();
    let mut rest = path;
    if start == PathStart::Document {
        match rest {
            [Segment::Map { key }, Segment::Seq { index }, tail @ ..] if key == "branches" => {
                loc.bundle = Some(*index);
                rest = tail;
            }
            [Segment::Map { key }, tail @ ..] => {
                loc.field = Some(key.clone());
                rest = tail;
                if !rest.is_empty() {
                    loc.field = Some(render_field(path));
                }
                return loc;
            }
            _ => return loc,
        }
    }
    match rest {
        [Segment::Map { key }, Segment::Seq { index }, tail @ ..] if key != "branch" => {
            loc.table = Some(key.clone());
            loc.record = Some(*index);
            rest = tail;
        }
        [Segment::Map { key }, tail @ ..] => {
            loc.table = Some(key.clone());
            rest = tail;
        }
        _ => {}
    }
    if !rest.is_empty() {
        loc.field = Some(render_field(rest));
    }
    loc
}

fn render_field(path: &[Segment]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Segment::Map { key } => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(key);
            }
            Segment::Seq { index } => {
                s.push_str(&format!("[{index}]"));
            }
            Segment::Enum { variant } => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(variant);
            }
            Segment::Unknown => s.push_str(".?"),
        }
    }
    s
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

// ---------------------------------------------------------------------------
// The latest event date of a line, without building the bundle.

mod dates_only {
    //! Shadow records holding only the event dates of
    //! [`Bundle::for_each_event_date`](crate::Bundle::for_each_event_date),
    //! borrowed from the input: scanning for the latest date allocates
    //! almost nothing.
    use serde::Deserialize;

    type D<'a> = Option<&'a str>;
    type T<X> = Option<Vec<X>>;

    #[derive(Deserialize)]
    pub(super) struct Bundle<'a> {
        #[serde(borrow)]
        pub branch: Branch<'a>,
        #[serde(default, borrow)]
        pub members: T<Member<'a>>,
        #[serde(default, borrow)]
        pub dues_payments: T<Paid<'a>>,
        #[serde(default, borrow)]
        pub dues_waivers: T<Waiver<'a>>,
        #[serde(default, borrow)]
        pub meetings: T<Meeting<'a>>,
        #[serde(default, borrow)]
        pub talks: T<Dated<'a>>,
        #[serde(default, borrow)]
        pub trainings: T<Dated<'a>>,
        #[serde(default, borrow)]
        pub candidates: T<Born<'a>>,
        #[serde(default, borrow)]
        pub development: T<Dated<'a>>,
        #[serde(default, borrow)]
        pub publicity: T<Started<'a>>,
        #[serde(default, borrow)]
        pub transfers: T<Transfer<'a>>,
        #[serde(default, borrow)]
        pub mobility: T<Away<'a>>,
        #[serde(default, borrow)]
        pub dues_remittances: T<Remitted<'a>>,
        #[serde(default, borrow)]
        pub dues_publications: T<Dated<'a>>,
    }
    #[derive(Deserialize)]
    pub(super) struct Transfer<'a> {
        #[serde(default, borrow)]
        pub issued_on: D<'a>,
        #[serde(default, borrow)]
        pub reported_on: D<'a>,
        #[serde(default, borrow)]
        pub receipt_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Away<'a> {
        #[serde(default, borrow)]
        pub from: D<'a>,
        #[serde(default, borrow)]
        pub suspended_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Remitted<'a> {
        #[serde(default, borrow)]
        pub remitted_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Meeting<'a> {
        #[serde(default, borrow)]
        pub date: D<'a>,
        #[serde(default, borrow)]
        pub rectifications: T<Done<'a>>,
    }
    #[derive(Deserialize)]
    pub(super) struct Done<'a> {
        #[serde(default, borrow)]
        pub done_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Branch<'a> {
        #[serde(default, borrow)]
        pub founded_on: D<'a>,
        #[serde(default, borrow)]
        pub committee: Option<Committee<'a>>,
    }
    #[derive(Deserialize)]
    pub(super) struct Committee<'a> {
        #[serde(default, borrow)]
        pub elected_on: D<'a>,
        #[serde(default, borrow)]
        pub postponement: Option<Approved<'a>>,
    }
    #[derive(Deserialize)]
    pub(super) struct Approved<'a> {
        #[serde(default, borrow)]
        pub approved_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Member<'a> {
        #[serde(default, borrow)]
        pub born_on: D<'a>,
        #[serde(default, borrow)]
        pub admitted_on: D<'a>,
        #[serde(default, borrow)]
        pub full_on: D<'a>,
        #[serde(default, borrow)]
        pub in_branch_from: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Paid<'a> {
        #[serde(default, borrow)]
        pub paid_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Waiver<'a> {
        #[serde(default, borrow)]
        pub branch_decided_on: D<'a>,
        #[serde(default, borrow)]
        pub higher_approved_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Dated<'a> {
        #[serde(default, borrow)]
        pub date: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Born<'a> {
        #[serde(default, borrow)]
        pub born_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Started<'a> {
        #[serde(default, borrow)]
        pub start: D<'a>,
    }
}

/// The latest event date of one JSON Lines line (see
/// [`Bundle::for_each_event_date`](crate::Bundle::for_each_event_date)),
/// read without building the bundle. Only the dates are checked: a line whose
/// dates cannot be read this way is parsed in full, which reports its located
/// error as [`bundle_from_line`] does; other faults are found when the bundle
/// itself is read.
///
/// # Errors
/// As [`bundle_from_line`], for a line whose dates cannot be read.
pub fn latest_event_date_of_line(
    bytes: &[u8],
    line: usize,
    file: Option<&Path>,
) -> Result<Option<chrono::NaiveDate>> {
    let fast = serde_json::from_slice::<dates_only::Bundle<'_>>(bytes)
        .ok()
        .and_then(|b| latest_of_shadow(&b));
    match fast {
        Some(latest) => Ok(latest),
        // Not readable this way (an escape in a date, a bad date, bad JSON):
        // the full parse says what is wrong, or finds the dates itself.
        None => bundle_from_line(bytes, line, file).map(|b| b.latest_event_date()),
    }
}

/// `Some(latest)` if every date parses; `None` to fall back to the full parse.
fn latest_of_shadow(b: &dates_only::Bundle<'_>) -> Option<Option<chrono::NaiveDate>> {
    let mut latest: Option<chrono::NaiveDate> = None;
    let mut ok = true;
    let mut see = |d: Option<&str>| {
        if let Some(s) = d {
            match crate::parse_date(s) {
                Ok(d) => latest = Some(latest.map_or(d, |l| l.max(d))),
                Err(_) => ok = false,
            }
        }
    };
    see(b.branch.founded_on);
    see(b.branch.committee.as_ref().and_then(|c| c.elected_on));
    see(b
        .branch
        .committee
        .as_ref()
        .and_then(|c| c.postponement.as_ref())
        .and_then(|p| p.approved_on));
    for m in b.members.iter().flatten() {
        see(m.born_on);
        see(m.admitted_on);
        see(m.full_on);
        see(m.in_branch_from);
    }
    for p in b.dues_payments.iter().flatten() {
        see(p.paid_on);
    }
    for w in b.dues_waivers.iter().flatten() {
        see(w.branch_decided_on);
        see(w.higher_approved_on);
    }
    for m in b.meetings.iter().flatten() {
        see(m.date);
        for r in m.rectifications.iter().flatten() {
            see(r.done_on);
        }
    }
    for t in [&b.talks, &b.trainings, &b.development, &b.dues_publications] {
        for x in t.iter().flatten() {
            see(x.date);
        }
    }
    for t in b.transfers.iter().flatten() {
        see(t.issued_on);
        see(t.reported_on);
        see(t.receipt_on);
    }
    for m in b.mobility.iter().flatten() {
        see(m.from);
        see(m.suspended_on);
    }
    for r in b.dues_remittances.iter().flatten() {
        see(r.remitted_on);
    }
    for c in b.candidates.iter().flatten() {
        see(c.born_on);
    }
    for p in b.publicity.iter().flatten() {
        see(p.start);
    }
    ok.then_some(latest)
}

#[cfg(test)]
mod scan_tests {
    use super::*;

    #[test]
    fn the_scan_agrees_with_the_bundle() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/sample.json"
        ))
        .unwrap();
        for b in from_json_str(&text).unwrap() {
            let line = serde_json::to_vec(&b).unwrap();
            assert_eq!(
                latest_event_date_of_line(&line, 1, None).unwrap(),
                b.latest_event_date()
            );
        }
        // A bad date falls back to the full parse and its located error.
        let bad =
            br#"{"branch":{"id":"B1","name":"x","kind":"organ"},"talks":[{"date":"2025-02-30"}]}"#;
        let e = latest_event_date_of_line(bad, 7, None).unwrap_err();
        assert_eq!(e.location().line, Some(7));
        assert_eq!(e.location().field.as_deref(), Some("date"));
        // Other faults are left to the full parse of the audit itself: the
        // scan reads only what it needs.
        let partial = br#"{"branch":{"id":"B1","kind":"organ","founded_on":"2020-01-01"}}"#;
        assert_eq!(
            latest_event_date_of_line(partial, 1, None).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
        );
    }
}
