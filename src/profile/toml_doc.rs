//! Reading a TOML document with the place of every key and value: the
//! parser's spanned tables (`toml::de::DeTable`), turned into located
//! [`Error`]s (file, line, column, key) for every mistake, syntactic or not.

use std::ops::Range;
use std::path::PathBuf;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use crate::error::{Error, ErrorKind, Location};

/// A value with its place.
pub(super) type Val<'i> = Spanned<DeValue<'i>>;
/// A key with its place.
pub(super) type Key<'i> = Spanned<DeString<'i>>;

/// One profile file's text and how to name its places.
pub(super) struct Doc<'t> {
    pub(super) text: &'t str,
    /// The file, for error locations (`None` for text given in code).
    pub(super) file: Option<PathBuf>,
    /// The file as shown in `set_in` (`path:line`).
    pub(super) shown: String,
}

impl Doc<'_> {
    /// Line and column (both from 1, the column in characters) of a byte offset.
    pub(super) fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        (line, column)
    }

    /// An error of kind `Profile` at `span`, naming `key`.
    pub(super) fn err(&self, span: &Range<usize>, key: &str, msg: impl Into<String>) -> Error {
        let (line, column) = self.line_col(span.start);
        Error::new(
            ErrorKind::Profile,
            Location {
                file: self.file.clone(),
                line: Some(line),
                column: Some(column),
                key: (!key.is_empty()).then(|| key.to_owned()),
                ..Location::default()
            },
            msg,
        )
    }

    /// `path:line` of `span`, for `set_in`.
    pub(super) fn set_in(&self, span: &Range<usize>) -> String {
        format!("{}:{}", self.shown, self.line_col(span.start).0)
    }

    /// Parses the text.
    pub(super) fn parse(&self) -> Result<Spanned<DeTable<'_>>, Error> {
        DeTable::parse(self.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            self.err(&span, "", format!("not valid TOML: {}", e.message().trim()))
        })
    }

    /// The entries of `t` in the order they are written.
    pub(super) fn entries<'a, 'i>(t: &'a DeTable<'i>) -> Vec<(&'a Key<'i>, &'a Val<'i>)> {
        let mut v: Vec<_> = t.iter().collect();
        v.sort_by_key(|(k, _)| k.span().start);
        v
    }

    /// Fails on the first key of `t` (in document order) not in `allowed`,
    /// suggesting the nearest allowed one.
    pub(super) fn check_keys(
        &self,
        t: &DeTable<'_>,
        allowed: &[&str],
        path: &str,
    ) -> Result<(), Error> {
        for (k, _) in Doc::entries(t) {
            let name: &str = k.get_ref();
            if !allowed.contains(&name) {
                let hint = crate::vocab::nearest(name, allowed)
                    .map(|n| format!(" (did you mean {n}?)"))
                    .unwrap_or_default();
                let place = if path.is_empty() {
                    "at the top level".to_owned()
                } else {
                    format!("in {path}")
                };
                return Err(self.err(
                    &k.span(),
                    &join(path, name),
                    format!(
                        "unknown key {name:?} {place}{hint}; expected one of: {}",
                        allowed.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// A table, or a wrong-type error.
    pub(super) fn table<'a, 'i>(
        &self,
        v: &'a Val<'i>,
        key: &str,
    ) -> Result<&'a DeTable<'i>, Error> {
        v.get_ref()
            .as_table()
            .ok_or_else(|| self.wrong(v, key, "a table"))
    }

    /// An array, or a wrong-type error.
    pub(super) fn array<'a, 'i>(&self, v: &'a Val<'i>, key: &str) -> Result<&'a [Val<'i>], Error> {
        v.get_ref()
            .as_array()
            .map(|a| a.as_ref())
            .ok_or_else(|| self.wrong(v, key, "an array"))
    }

    /// A string, or a wrong-type error.
    pub(super) fn string<'a>(&self, v: &'a Val<'_>, key: &str) -> Result<&'a str, Error> {
        v.get_ref()
            .as_str()
            .ok_or_else(|| self.wrong(v, key, "a string"))
    }

    /// A non-empty string (trimmed), or an error.
    pub(super) fn text(&self, v: &Val<'_>, key: &str) -> Result<String, Error> {
        let s = self.string(v, key)?.trim();
        if s.is_empty() {
            return Err(self.err(&v.span(), key, format!("{key} must not be empty")));
        }
        Ok(s.to_owned())
    }

    /// A date: a string `YYYY-MM-DD` or a TOML date literal; an impossible
    /// date (`2025-02-30`) is an error.
    pub(super) fn date(&self, v: &Val<'_>, key: &str) -> Result<NaiveDate, Error> {
        match v.get_ref() {
            DeValue::String(s) => crate::model::parse_date(s.trim())
                .map_err(|e| self.err(&v.span(), key, format!("{e}"))),
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                let d = dt.date.and_then(|d| {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                });
                d.ok_or_else(|| self.err(&v.span(), key, format!("{dt} is not a date that exists")))
            }
            _ => Err(self.wrong(v, key, "a date (YYYY-MM-DD)")),
        }
    }

    /// A number: an integer, a float (read from its text, so 0.5 is exact)
    /// or a string such as "0.5".
    pub(super) fn decimal(&self, v: &Val<'_>, key: &str) -> Result<Decimal, Error> {
        let text = match v.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => i.as_str().to_owned(),
            DeValue::Float(f) => f.as_str().to_owned(),
            DeValue::String(s) => s.trim().to_owned(),
            _ => return Err(self.wrong(v, key, "a number")),
        };
        text.replace('_', "")
            .parse::<Decimal>()
            .or_else(|_| Decimal::from_scientific(&text))
            .map_err(|_| self.err(&v.span(), key, format!("{text:?} is not a number")))
    }

    /// The value as JSON, for a parameter (whose type reads it with serde).
    pub(super) fn json(&self, v: &Val<'_>, key: &str) -> Result<serde_json::Value, Error> {
        use serde_json::Value as J;
        Ok(match v.get_ref() {
            DeValue::String(s) => J::String(s.to_string()),
            DeValue::Boolean(b) => J::Bool(*b),
            DeValue::Integer(i) => {
                let n = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                    .map_err(|_| self.err(&v.span(), key, "the integer is too large"))?;
                J::from(n)
            }
            DeValue::Float(f) => {
                let x: f64 = f.as_str().replace('_', "").parse().unwrap_or(f64::NAN);
                serde_json::Number::from_f64(x)
                    .map(J::Number)
                    .ok_or_else(|| self.err(&v.span(), key, "not a finite number"))?
            }
            DeValue::Datetime(_) => J::String(self.date(v, key)?.to_string()),
            DeValue::Array(a) => {
                let mut out = Vec::new();
                for (i, item) in a.iter().enumerate() {
                    out.push(self.json(item, &format!("{key}[{i}]"))?);
                }
                J::Array(out)
            }
            DeValue::Table(t) => {
                let mut out = serde_json::Map::new();
                for (k, item) in Doc::entries(t) {
                    out.insert(
                        k.get_ref().to_string(),
                        self.json(item, &join(key, k.get_ref()))?,
                    );
                }
                J::Object(out)
            }
        })
    }

    /// A wrong-type error: `expected …, found …`.
    pub(super) fn wrong(&self, v: &Val<'_>, key: &str, expected: &str) -> Error {
        self.err(
            &v.span(),
            key,
            format!(
                "wrong type: expected {expected}, found {}",
                v.get_ref().type_str()
            ),
        )
    }
}

/// `path.key`, or `path."key"` when the key is not a bare TOML key.
pub(super) fn join(path: &str, key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    let key = if bare {
        key.to_owned()
    } else {
        format!("{key:?}")
    };
    if path.is_empty() {
        key
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_count_lines_and_characters() {
        let doc = Doc {
            text: "a = 1\n名字 = \"x\"\n",
            file: None,
            shown: "t".into(),
        };
        assert_eq!(doc.line_col(0), (1, 1));
        let at = doc.text.find('=').unwrap();
        assert_eq!(doc.line_col(at), (1, 3));
        let at = doc.text.rfind('=').unwrap();
        assert_eq!(doc.line_col(at), (2, 4));
        assert_eq!(
            join("params", "meetings.lapse_months"),
            "params.\"meetings.lapse_months\""
        );
        assert_eq!(join("rules", "DUE003"), "rules.DUE003");
    }
}
