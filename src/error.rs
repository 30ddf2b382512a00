//! The crate's one error type: bad input that cannot be read.
//!
//! Readable but inconsistent data is never an error: it becomes `DAT`
//! findings. An [`Error`] always says *where*: the file, the bundle (its index
//! in a `.json` file, its line in a `.jsonl` file), the table, the record index
//! and the field.

use std::fmt;
use std::path::PathBuf;

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, broadly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Io,
    /// The text is not JSON (syntax error, truncated line, bad UTF-8).
    Syntax,
    /// The JSON does not fit the record format: a missing required field, a
    /// wrong type, an impossible date, an unknown enum value, money as a number.
    Data,
    /// The file is not a `dangjian/1` document (or not a workbook, or
    /// encrypted, or truncated).
    Format,
    /// A profile file is wrong: an unknown key or parameter, a wrong type,
    /// a value out of range, an `extends` cycle.
    Profile,
    /// A replacement template of the HTML report (`--template-dir`) is
    /// wrong: a syntax error, or an error while rendering (an unknown
    /// filter, a call on an undefined value).
    Template,
}

impl fmt::Display for ErrorKind {
    /// What went wrong in a word or two, as the command says it:
    /// `I/O error`, `syntax error`, `data error`, `format error`,
    /// `profile error`, `template error`.
    ///
    /// ```
    /// assert_eq!(dangjian::ErrorKind::Profile.to_string(), "profile error");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::Io => "I/O error",
            ErrorKind::Syntax => "syntax error",
            ErrorKind::Data => "data error",
            ErrorKind::Format => "format error",
            ErrorKind::Profile => "profile error",
            ErrorKind::Template => "template error",
        })
    }
}

/// Where in the input an error is.
///
/// Every part is optional; [`Display`](fmt::Display) prints the parts that are known:
/// `data.jsonl: line 3, table members, record 5, field born_on`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The file.
    pub file: Option<PathBuf>,
    /// Index (from 0) of the bundle in the `branches` array of a `.json` file.
    pub bundle: Option<usize>,
    /// Line (from 1) in the file: the bundle's line in a `.jsonl` file, or the
    /// syntax error's line in a `.json` file.
    pub line: Option<usize>,
    /// Column (from 1) of a syntax error.
    pub column: Option<usize>,
    /// Table (`members`, `dues_payments`, …, or `branch`).
    pub table: Option<String>,
    /// Index (from 0) of the record in its table.
    pub record: Option<usize>,
    /// Field path inside the record, e.g. `born_on` or `attendance[2].status`.
    pub field: Option<String>,
    /// Workbook sheet, e.g. `党费收缴`.
    pub sheet: Option<String>,
    /// Workbook cell, e.g. `E17`.
    pub cell: Option<String>,
    /// The column header of the cell, e.g. `实缴金额`.
    pub header: Option<String>,
    /// Profile key, e.g. `params."meetings.absence_threshold"`.
    pub key: Option<String>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        match (&self.sheet, &self.cell) {
            (Some(s), Some(c)) => parts.push(format!("{s}!{c}")),
            (Some(s), None) => parts.push(format!("sheet {s}")),
            _ => {}
        }
        if let Some(h) = &self.header {
            parts.push(format!("column {h}"));
        }
        if let Some(b) = self.bundle {
            parts.push(format!("bundle {b}"));
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => parts.push(format!("line {l}, column {c}")),
            (Some(l), None) => parts.push(format!("line {l}")),
            _ => {}
        }
        if let Some(t) = &self.table {
            parts.push(format!("table {t}"));
        }
        if let Some(r) = self.record {
            parts.push(format!("record {r}"));
        }
        if let Some(fl) = &self.field {
            parts.push(format!("field {fl}"));
        }
        if let Some(k) = &self.key {
            parts.push(format!("key {k}"));
        }
        match &self.file {
            Some(file) if parts.is_empty() => write!(f, "{}", file.display()),
            Some(file) => write!(f, "{}: {}", file.display(), parts.join(", ")),
            None if parts.is_empty() => f.write_str("input"),
            None => f.write_str(&parts.join(", ")),
        }
    }
}

/// Input that cannot be read, and where it is.
///
/// ```
/// let e = dangjian::load::from_json_str(r#"{"format":"dangjian/1","branches":[{"branch":
///     {"id":"B1","name":"x","kind":"organ"},
///     "members":[{"id":"M1","name":"a","status":"full","admitted_on":"2025-02-30",
///                 "dues_category":"salaried"}]}]}"#).unwrap_err();
/// assert_eq!(e.kind(), dangjian::ErrorKind::Data);
/// assert_eq!(e.location().table.as_deref(), Some("members"));
/// assert_eq!(e.location().record, Some(0));
/// assert_eq!(e.location().field.as_deref(), Some("admitted_on"));
/// ```
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    location: Location,
    message: String,
    source: Option<std::io::Error>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, location: Location, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            location,
            message: message.into(),
            source: None,
        }))
    }

    pub(crate) fn io(file: Option<PathBuf>, err: std::io::Error) -> Error {
        Error(Box::new(Inner {
            kind: ErrorKind::Io,
            location: Location {
                file,
                ..Location::default()
            },
            message: err.to_string(),
            source: Some(err),
        }))
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// Where it is.
    pub fn location(&self) -> &Location {
        &self.0.location
    }

    /// What is wrong, without the location.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Sets the bundle index of the location (a bundle of a `.json` document
    /// parsed on its own), dropping the line: a line within the bundle's own
    /// text would mislead.
    pub(crate) fn set_bundle(&mut self, bundle: usize) {
        self.0.location.bundle = Some(bundle);
        self.0.location.line = None;
        self.0.location.column = None;
    }

    /// Sets the file of the location (used when the text came from a file).
    pub(crate) fn in_file(mut self, file: PathBuf) -> Error {
        self.0.location.file = Some(file);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.0.location, self.0.message)
    }
}

impl From<crate::model::ParseValueError> for Error {
    /// A value that does not parse (a date, a month, money …) given in code.
    fn from(e: crate::model::ParseValueError) -> Error {
        Error::new(ErrorKind::Data, Location::default(), e.to_string())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_kind_says_what_went_wrong() {
        let all = [
            ErrorKind::Io,
            ErrorKind::Syntax,
            ErrorKind::Data,
            ErrorKind::Format,
            ErrorKind::Profile,
            ErrorKind::Template,
        ];
        let words: Vec<String> = all.iter().map(ToString::to_string).collect();
        assert_eq!(words[0], "I/O error");
        assert!(words.iter().all(|w| w.ends_with(" error")), "{words:?}");
        let mut unique = words.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "{words:?}");
    }

    use super::*;

    fn shown(l: Location) -> String {
        l.to_string()
    }

    #[test]
    fn a_location_prints_the_parts_it_knows_in_order() {
        assert_eq!(shown(Location::default()), "input");
        let file = || Some(PathBuf::from("data.json"));
        assert_eq!(
            shown(Location {
                file: file(),
                ..Location::default()
            }),
            "data.json"
        );
        let sheet = || Some("党费收缴".to_owned());
        let cell = || Some("E17".to_owned());
        assert_eq!(
            shown(Location {
                sheet: sheet(),
                cell: cell(),
                ..Location::default()
            }),
            "党费收缴!E17"
        );
        assert_eq!(
            shown(Location {
                sheet: sheet(),
                ..Location::default()
            }),
            "sheet 党费收缴"
        );
        // A cell without its sheet names nothing.
        assert_eq!(
            shown(Location {
                cell: cell(),
                ..Location::default()
            }),
            "input"
        );
        assert_eq!(
            shown(Location {
                line: Some(3),
                column: Some(7),
                ..Location::default()
            }),
            "line 3, column 7"
        );
        assert_eq!(
            shown(Location {
                line: Some(3),
                ..Location::default()
            }),
            "line 3"
        );
        assert_eq!(
            shown(Location {
                table: Some("members".into()),
                record: Some(5),
                ..Location::default()
            }),
            "table members, record 5"
        );
        assert_eq!(
            shown(Location {
                file: Some(PathBuf::from("b.xlsx")),
                bundle: Some(2),
                line: Some(3),
                column: Some(7),
                table: Some("members".into()),
                record: Some(5),
                field: Some("born_on".into()),
                sheet: sheet(),
                cell: cell(),
                header: Some("实缴金额".into()),
                key: Some("params.x".into()),
            }),
            "b.xlsx: 党费收缴!E17, column 实缴金额, bundle 2, line 3, column 7, \
             table members, record 5, field born_on, key params.x"
        );
    }

    #[test]
    fn an_io_error_names_its_file_and_keeps_its_source() {
        let e = Error::io(
            Some(PathBuf::from("gone.json")),
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        );
        assert_eq!(e.kind(), ErrorKind::Io);
        assert_eq!(e.location().file, Some(PathBuf::from("gone.json")));
        assert_eq!(e.message(), "no such file");
        assert_eq!(e.to_string(), "gone.json: no such file");
        let source = std::error::Error::source(&e).expect("the io error is the source");
        assert_eq!(source.to_string(), "no such file");
        let plain = Error::new(ErrorKind::Data, Location::default(), "bad");
        assert!(std::error::Error::source(&plain).is_none());
    }

    #[test]
    fn a_bundle_index_replaces_the_line_within_the_bundle() {
        let mut e = Error::new(
            ErrorKind::Syntax,
            Location {
                line: Some(4),
                column: Some(9),
                ..Location::default()
            },
            "expected `,`",
        );
        e.set_bundle(3);
        let l = e.location();
        assert_eq!((l.bundle, l.line, l.column), (Some(3), None, None));
        assert_eq!(e.to_string(), "bundle 3: expected `,`");
        // As the lenient reader uses it: the second bundle is the bad one.
        let text = r#"{"format":"dangjian/1","branches":[
            {"branch":{"id":"B1","name":"一支部","kind":"organ"}},
            {"branch":{"id":"B2"}}]}"#;
        let parts = crate::load::from_json_slice_lenient(text.as_bytes()).unwrap();
        let bad = parts[1].as_ref().unwrap_err();
        assert_eq!(bad.location().bundle, Some(1));
        assert_eq!(bad.location().line, None);
    }
}
