//! The profile as a report names it.

use serde::{Deserialize, Serialize};

/// The profile a report was made with: its name, the chain of profiles it
/// extends, the edition of the texts it applies, and a SHA-256 of its files
/// (`null` for a built-in profile), so two audits can be compared.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProfileHeader {
    /// The profile's name.
    pub name: String,
    /// The profiles it extends, root first (`["central"]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extends: Vec<String>,
    /// The edition of the 发展党员工作细则 applied (`细则2014`, or
    /// `细则2026` when the 2026 edition applies from its date).
    pub edition: String,
    /// SHA-256 of the profile files, hex; `None` for a built-in profile.
    pub sha256: Option<String>,
}

impl ProfileHeader {
    /// The header of a built-in profile.
    pub fn builtin(name: impl Into<String>, edition: impl Into<String>) -> ProfileHeader {
        ProfileHeader {
            name: name.into(),
            extends: Vec::new(),
            edition: edition.into(),
            sha256: None,
        }
    }
}
