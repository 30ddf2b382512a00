//! A finding's evidence: a small map from key to JSON value, kept sorted.

use std::fmt;

use compact_str::CompactString;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// Evidence of a finding: named, structured values (ids, months, amounts, dates).
///
/// Keys are unique and kept sorted (by their bytes), so serialization is
/// deterministic whatever features of `serde_json` a build enables. Each
/// rule's keys are listed, with their types and meanings, in its metadata
/// ([`RuleMeta::evidence`](crate::rules::RuleMeta::evidence)) and in
/// `docs/rules.md`.
///
/// A finding has a handful of keys, so they are a sorted vector (keys up
/// to 24 bytes inline) rather than a tree: a three-key evidence takes ~170
/// bytes instead of ~690 (issue 14: a 10,000-year audit holds 280,000
/// findings). It reads and writes as a JSON object.
///
/// ```
/// use dangjian::report::Evidence;
/// use serde_json::json;
///
/// let mut e = Evidence::new();
/// e.insert("month", json!("2025-06"));
/// e.insert("expected", json!("40.00"));
/// assert_eq!(e["month"], "2025-06");
/// assert_eq!(e.get("paid"), None);
/// assert_eq!(serde_json::to_string(&e).unwrap(), r#"{"expected":"40.00","month":"2025-06"}"#);
/// ```
#[derive(Clone, PartialEq, Default)]
pub struct Evidence {
    entries: Vec<(CompactString, Value)>,
}

static NULL: Value = Value::Null;

impl Evidence {
    /// No evidence.
    pub const fn new() -> Evidence {
        Evidence {
            entries: Vec::new(),
        }
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key)
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|(_, v)| v)
    }

    /// The value of `key`, to change.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        let i = self.find(key).ok()?;
        self.entries.get_mut(i).map(|(_, v)| v)
    }

    /// Whether `key` is there.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; returns the value it had.
    pub fn insert(&mut self, key: impl AsRef<str>, value: Value) -> Option<Value> {
        let key = key.as_ref();
        match self.find(key) {
            Ok(i) => self
                .entries
                .get_mut(i)
                .map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.entries.insert(i, (CompactString::new(key), value));
                None
            }
        }
    }

    /// Takes `key` out; returns its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.find(key).ok()?;
        Some(self.entries.remove(i).1)
    }

    /// The keys and values, in key order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Value)> + '_ {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// The evidence as a JSON object.
    pub fn to_json_map(&self) -> serde_json::Map<String, Value> {
        self.iter()
            .map(|(k, v)| (k.to_owned(), v.clone()))
            .collect()
    }
}

impl fmt::Debug for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// `evidence["key"]`: the value, or `null` when the key is not there (as
/// indexing a [`serde_json::Value`] does).
impl std::ops::Index<&str> for Evidence {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

/// A later key replaces an earlier one of the same name.
impl<K: AsRef<str>> FromIterator<(K, Value)> for Evidence {
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(iter: I) -> Evidence {
        let mut e = Evidence::new();
        e.extend(iter);
        e
    }
}

impl<K: AsRef<str>> Extend<(K, Value)> for Evidence {
    fn extend<I: IntoIterator<Item = (K, Value)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl From<serde_json::Map<String, Value>> for Evidence {
    fn from(map: serde_json::Map<String, Value>) -> Evidence {
        let mut entries: Vec<(CompactString, Value)> = map
            .into_iter()
            .map(|(k, v)| (CompactString::new(&k), v))
            .collect();
        // A `Map` is sorted already unless serde_json's `preserve_order` is
        // on somewhere in the build; its keys are unique either way.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        Evidence { entries }
    }
}

impl From<Evidence> for Value {
    fn from(e: Evidence) -> Value {
        Value::Object(
            e.entries
                .into_iter()
                .map(|(k, v)| (k.into_string(), v))
                .collect(),
        )
    }
}

impl<'a> IntoIterator for &'a Evidence {
    type Item = (&'a str, &'a Value);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (CompactString, Value)>,
        fn(&'a (CompactString, Value)) -> (&'a str, &'a Value),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl Serialize for Evidence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            m.serialize_entry(k.as_str(), v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Evidence, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Evidence;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of evidence values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Evidence, A::Error> {
                let mut e = Evidence::new();
                while let Some((k, v)) = map.next_entry::<std::borrow::Cow<'de, str>, Value>()? {
                    e.insert(k, v);
                }
                Ok(e)
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_stay_sorted_and_unique() {
        let mut e: Evidence = [("b", json!(2)), ("a", json!(1)), ("c", json!(3))]
            .into_iter()
            .collect();
        assert_eq!(e.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(e.insert("b", json!(20)), Some(json!(2)));
        assert_eq!(e.insert("aa", json!(0)), None);
        assert_eq!(e.keys().collect::<Vec<_>>(), ["a", "aa", "b", "c"]);
        assert_eq!(e.len(), 4);
        assert_eq!(e["b"], 20);
        assert_eq!(e["zz"], Value::Null);
        assert!(e.contains_key("aa") && !e.contains_key("z"));
        assert_eq!(e.remove("aa"), Some(json!(0)));
        assert_eq!(e.remove("aa"), None);
        if let Some(v) = e.get_mut("c") {
            *v = json!("x");
        }
        assert_eq!(e.get("c"), Some(&json!("x")));
        assert_eq!(
            format!("{e:?}"),
            r#"{"a": Number(1), "b": Number(20), "c": String("x")}"#
        );
        assert!(!e.is_empty() && Evidence::new().is_empty());
    }

    #[test]
    fn it_reads_and_writes_as_a_json_object() {
        let text = r#"{"z":[1,{"y":2}],"a":"1","m":null,"a":"2"}"#;
        let e: Evidence = serde_json::from_str(text).unwrap();
        // The later of two equal keys wins, as in serde_json's own map.
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"a":"2","m":null,"z":[1,{"y":2}]}"#
        );
        let map = e.to_json_map();
        assert_eq!(Evidence::from(map.clone()), e);
        assert_eq!(Value::from(e.clone()), Value::Object(map));
        assert_eq!((&e).into_iter().map(|(k, _)| k).collect::<String>(), "amz");
        let e = serde_json::from_str::<Evidence>("[1]").unwrap_err();
        assert!(
            e.to_string().contains("an object of evidence values"),
            "{e}"
        );
        // Unicode and escaped keys.
        let e: Evidence = serde_json::from_str(r#"{"\u5e74":1,"a\"b":2}"#).unwrap();
        assert_eq!(e.keys().collect::<Vec<_>>(), ["a\"b", "年"]);
    }
}
