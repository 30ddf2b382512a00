//! Reading a value from a JSON string without an owned copy of it.
//!
//! `Cow<str>` looks as if it borrowed from the input, but serde's
//! `Deserialize` for `Cow` always fills it with an owned `String`: one
//! allocation per id and date read. A visitor's `visit_str` sees the text in
//! place (borrowed from the input, or from the parser's scratch buffer when
//! it holds escapes), so the value is parsed from there.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

/// Parses the JSON string at `d` with `parse`; `expecting` names it in errors.
pub(crate) fn from_str<'de, D, T, E, F>(
    d: D,
    expecting: &'static str,
    parse: F,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: fmt::Display,
    F: FnOnce(&str) -> Result<T, E>,
{
    d.deserialize_str(StrVisitor {
        expecting,
        parse,
        _t: PhantomData,
    })
}

/// As [`from_str`], for an optional value: `null` (or absent) is `None`.
pub(crate) fn opt_from_str<'de, D, T, E, F>(
    d: D,
    expecting: &'static str,
    parse: F,
) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    E: fmt::Display,
    F: FnOnce(&str) -> Result<T, E>,
{
    struct Opt<F, T> {
        expecting: &'static str,
        parse: F,
        _t: PhantomData<T>,
    }
    impl<'de, T, E: fmt::Display, F: FnOnce(&str) -> Result<T, E>> Visitor<'de> for Opt<F, T> {
        type Value = Option<T>;
        // Never called by serde_json (nor by `serde_json::Value`): a value
        // that is not null goes to `visit_some`, whose string visitor says
        // what was expected. Equivalent, listed; kept for other formats.
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_none<X: de::Error>(self) -> Result<Option<T>, X> {
            Ok(None)
        }
        fn visit_unit<X: de::Error>(self) -> Result<Option<T>, X> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Option<T>, D2::Error> {
            from_str(d, self.expecting, self.parse).map(Some)
        }
    }
    d.deserialize_option(Opt {
        expecting,
        parse,
        _t: PhantomData,
    })
}

struct StrVisitor<F, T> {
    expecting: &'static str,
    parse: F,
    _t: PhantomData<T>,
}

impl<'de, T, E: fmt::Display, F: FnOnce(&str) -> Result<T, E>> Visitor<'de> for StrVisitor<F, T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<X: de::Error>(self, v: &str) -> Result<T, X> {
        (self.parse)(v).map_err(X::custom)
    }
}
