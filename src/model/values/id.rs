//! Ids of records.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;

use compact_str::CompactString;
use serde::de::Deserializer;
use serde::{Deserialize, Serialize, Serializer};

use super::ParseValueError;

/// The id of a record (member, candidate, group, meeting, branch): a non-empty string.
///
/// Ids are unique within their table in one bundle; a duplicate is reported as
/// `DAT002`, not rejected.
///
/// ```
/// use dangjian::Id;
/// let id: Id = "M03".parse()?;
/// assert_eq!(id.as_str(), "M03");
/// assert!("".parse::<Id>().is_err());
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Id(CompactString);

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

// Hash as the `str` it borrows as (the `Borrow<str>` contract).
impl std::hash::Hash for Id {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Id {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An id the crate built itself from a non-empty pattern (the synthetic
    /// data generator, [`crate::synth`]); ids from outside go through
    /// [`FromStr`] or [`TryFrom`] and are validated.
    #[cfg_attr(not(any(feature = "synth", feature = "xlsx")), allow(dead_code))]
    pub(crate) fn generated(s: String) -> Id {
        debug_assert!(!s.trim().is_empty(), "generated ids are never empty");
        Id(CompactString::from(s))
    }
}

impl FromStr for Id {
    type Err = ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().is_empty() {
            Err(ParseValueError::new("id (must be a non-empty string)", s))
        } else {
            Ok(Id(CompactString::new(s)))
        }
    }
}

impl TryFrom<String> for Id {
    type Error = ParseValueError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        if s.trim().is_empty() {
            Err(ParseValueError::new("id (must be a non-empty string)", &s))
        } else {
            Ok(Id(CompactString::from(s)))
        }
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Read in place (no String per id); ids up to 24 bytes are stored
        // inline, without an allocation.
        super::strs::from_str(d, "an id string", |s: &str| {
            if s.trim().is_empty() {
                Err(ParseValueError::new("id (must be a non-empty string)", s))
            } else {
                Ok(Id(CompactString::new(s)))
            }
        })
    }
}
