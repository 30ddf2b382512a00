//! Turning serde_json errors into located errors.

use serde::Deserialize;
use serde_path_to_error::Segment;

use crate::error::{Error, ErrorKind, Location};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathStart {
    /// The path starts at the document: `branches[i].table[r].field`.
    Document,
    /// The path starts at a bundle: `table[r].field`.
    Bundle,
}

/// Turns a serde_json error into an [`Error`] with its place. Data errors are
/// re-parsed with path tracking to find the table, record and field.
pub(crate) fn explain<T: for<'de> Deserialize<'de>>(
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
