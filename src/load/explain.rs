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
        // For JSON Lines the bundle's own line is the useful one. (An
        // error from parsing bytes always has a line, so `> 0` could be
        // `>= 0`: serde_json writes 0 only for errors made outside a parse.)
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
            // (`branches` is the document's only list, so the guard is a
            // safeguard for fields to come: `true` would read the same.)
            [Segment::Map { key }, Segment::Seq { index }, tail @ ..] if key == "branches" => {
                loc.bundle = Some(*index);
                rest = tail;
            }
            // The document's own field (its whole path).
            [Segment::Map { .. }, ..] => {
                loc.field = Some(render_field(path));
                return loc;
            }
            _ => return loc,
        }
    }
    match rest {
        // (The branch record is an object, never followed by an index: the
        // guard is a safeguard, `true` would read the same.)
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
            // A variant's content (no record of ours has one) reads as a key.
            Segment::Map { key: name } | Segment::Enum { variant: name } => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(name);
            }
            Segment::Seq { index } => {
                s.push_str(&format!("[{index}]"));
            }
            Segment::Unknown => s.push_str(".?"),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::error::ErrorKind;

    const M: &str = r#"{"id":"M1","name":"甲","status":"full","admitted_on":"2010-06-01","dues_category":"salaried"}"#;

    /// (kind, bundle, line, column, table, record, field, message) of the
    /// error reading `text` as a document.
    fn doc(text: &str) -> String {
        let e = crate::load::from_json_str(text).unwrap_err();
        show(&e)
    }

    fn show(e: &crate::Error) -> String {
        let l = e.location();
        format!(
            "{:?} b{:?} l{:?} c{:?} t{:?} r{:?} f{:?}: {}",
            e.kind(),
            l.bundle,
            l.line,
            l.column,
            l.table,
            l.record,
            l.field,
            e.message()
        )
    }

    fn bundle(members: &str) -> String {
        format!(r#"{{"branch":{{"id":"B1","name":"一","kind":"organ"}},"members":[{members}]}}"#)
    }

    #[test]
    fn each_error_names_its_place() {
        let two = |second: &str| {
            format!(
                "{{\"format\":\"dangjian/1\",\"branches\":[\n{},\n{}]}}",
                bundle(M),
                bundle(&format!("{M},{second}"))
            )
        };
        // A value of the wrong kind, deep in the second bundle.
        let bad_date = M.replace("2010-06-01", "2010-13-01");
        assert_eq!(
            doc(&two(&bad_date)),
            r#"Data bSome(1) lSome(3) cNone tSome("members") rSome(1) fSome("admitted_on"): invalid date (no such day in the calendar): "2010-13-01""#
        );
        // A missing field is named as the field, at its record.
        let no_name = M.replace(r#""name":"甲","#, "");
        assert_eq!(
            doc(&two(&no_name)),
            r#"Data bSome(1) lSome(3) cNone tSome("members") rSome(1) fSome("name"): required field is missing"#
        );
        // In the branch record: the table is `branch`, the field its path.
        let text = format!(
            r#"{{"format":"dangjian/1","branches":[{{"branch":{{"id":"B1","name":"一","kind":"organ","committee":{{"elected_on":"2023-01-01","term_years":3,"members":[{{"member":"M1","role":"boss"}}]}}}},"members":[{M}]}}]}}"#
        );
        let got = doc(&text);
        assert!(
            got.starts_with(
                r#"Data bSome(0) lSome(1) cNone tSome("branch") rNone fSome("committee.members[0].role"): unknown variant `boss`"#
            ),
            "{got}"
        );
        // At the top: the document's own field.
        let got = doc(r#"{"format":"dangjian/1","branches":5}"#);
        assert!(
            got.starts_with(
                r#"Data bNone lSome(1) cNone tNone rNone fSome("branches"): invalid type"#
            ),
            "{got}"
        );
        // A table that is not a list: the table, no record.
        let got = doc(&format!(
            r#"{{"format":"dangjian/1","branches":[{}]}}"#,
            bundle(M).replace(r#""members":["#, r#""talks":5,"members":["#)
        ));
        assert!(
            got.starts_with(
                r#"Data bSome(0) lSome(1) cNone tSome("talks") rNone fNone: invalid type"#
            ),
            "{got}"
        );
        // Not JSON: the line and column, without serde's "at line" tail.
        assert_eq!(
            doc("{\"format\":\"dangjian/1\",\n  \"branches\": [}"),
            "Syntax bNone lSome(2) cSome(16) tNone rNone fNone: not valid JSON: expected value"
        );
        // Nothing at all: line 1, and no column (serde_json says column 0).
        assert_eq!(
            doc(""),
            "Syntax bNone lSome(1) cNone tNone rNone fNone: not valid JSON: unexpected end of input (truncated JSON)"
        );
        assert_eq!(
            doc("{\"format\":\"dangjian/1\",\"branches\":["),
            "Syntax bNone lSome(1) cSome(35) tNone rNone fNone: not valid JSON: unexpected end of input (truncated JSON)"
        );
    }

    #[test]
    fn a_json_lines_error_is_at_its_line() {
        let bad = bundle(&M.replace("salaried", "rich"));
        let e = crate::load::lines::bundle_from_line(bad.as_bytes(), 7, None).unwrap_err();
        let got = show(&e);
        assert!(
            got.starts_with(r#"Data bNone lSome(7) cNone tSome("members") rSome(0) fSome("dues_category"): unknown variant `rich`"#),
            "{got}"
        );
        let e = crate::load::lines::bundle_from_line(b"{\"branch\": ", 9, None).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
        assert_eq!((e.location().line, e.location().column), (Some(9), None));
    }
}
