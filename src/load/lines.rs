//! JSON Lines: one bundle per line, read a line at a time.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use super::explain::{PathStart, explain};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::Bundle;

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
            if self.line == 1 && self.buf.starts_with(b"\xef\xbb\xbf") {
                // A UTF-8 byte-order mark, as Windows tools write.
                self.buf.drain(..3);
            }
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
    let located = |err: Error| match file {
        Some(f) => err.in_file(f.to_path_buf()),
        None => err,
    };
    // One UTF-8 check for the whole line, then the parser reads it as text
    // (from bytes it would check every string again).
    let text = std::str::from_utf8(bytes).map_err(|e| {
        located(Error::new(
            ErrorKind::Syntax,
            Location {
                line: Some(line),
                ..Location::default()
            },
            format!("not valid UTF-8 (at byte {} of the line)", e.valid_up_to()),
        ))
    })?;
    serde_json::from_str::<Bundle>(text)
        .map_err(|e| located(explain::<Bundle>(bytes, e, PathStart::Bundle, Some(line))))
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

#[cfg(test)]
mod tests {
    use super::*;

    const B: &str = r#"{"branch":{"id":"B1","name":"一支部","kind":"organ"}}"#;

    #[test]
    fn lines_are_numbered_and_counted() {
        // A BOM on the first line, CRLF, blank and whitespace lines.
        let text = format!("\u{feff}{B}\r\n\n  \t\r\n{}\n\n", B.replace("B1", "B2"));
        let mut r = JsonLines::new(text.as_bytes()).with_file("x.jsonl");
        assert_eq!(r.file(), Some(Path::new("x.jsonl")));
        assert_eq!((r.line(), r.bytes_read()), (0, 0));
        let first = r.next_raw().unwrap().unwrap();
        assert_eq!(first.line, 1);
        assert_eq!(first.bytes, format!("{B}\r\n").as_bytes());
        assert_eq!(r.bytes_read(), 3 + B.len() as u64 + 2);
        let second = r.next_raw().unwrap().unwrap();
        assert_eq!((second.line, r.line()), (4, 4));
        assert_eq!(
            bundle_from_line(&second.bytes, 4, None)
                .unwrap()
                .branch
                .id
                .as_str(),
            "B2"
        );
        assert!(r.next_raw().unwrap().is_none());
        assert_eq!(r.line(), 5);
        assert_eq!(r.bytes_read(), text.len() as u64);
        // As an iterator: the same bundles.
        let ids: Vec<String> = JsonLines::new(text.as_bytes())
            .map(|b| b.unwrap().branch.id.to_string())
            .collect();
        assert_eq!(ids, ["B1", "B2"]);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        // A BOM is taken off the first line only.
        let text = format!("{B}\n\u{feff}{B}\n");
        let mut r = JsonLines::new(text.as_bytes()).with_file("x.jsonl");
        assert!(r.next().unwrap().is_ok());
        let e = r.next().unwrap().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert_eq!(e.location().line, Some(2));
        assert_eq!(e.location().file.as_deref(), Some(Path::new("x.jsonl")));
        assert!(r.next().is_none());
        // Invalid UTF-8: where in the line.
        let mut bad = B.as_bytes().to_vec();
        bad[20] = 0xff;
        let e = bundle_from_line(&bad, 3, Some(Path::new("y.jsonl"))).unwrap_err();
        assert_eq!(e.location().line, Some(3));
        assert_eq!(e.location().file.as_deref(), Some(Path::new("y.jsonl")));
        assert_eq!(e.message(), "not valid UTF-8 (at byte 20 of the line)");
        let e = bundle_from_line(&bad, 3, None).unwrap_err();
        assert_eq!(
            (e.location().line, e.location().file.as_deref()),
            (Some(3), None)
        );
    }
}
