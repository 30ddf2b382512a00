//! Rule codes: one table of every code and name (after ruff's `codes.rs`).
//!
//! A [`RuleCode`] is a known code; parsing an unknown one fails with a
//! suggestion of the nearest known code, so a typo (`DEV12`) never passes
//! silently.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind, Location};

macro_rules! rule_codes {
    ($($code:ident = $name:literal,)+) => {
        /// A rule's fixed code, e.g. [`RuleCode::DUE001`]. Codes are never
        /// reused; new ones are added (so the enum is `non_exhaustive`).
        ///
        /// Ordered as the codes sort (`DAT001 < DEV001 < DUE001 …`).
        ///
        /// ```
        /// use dangjian::rules::RuleCode;
        /// let code: RuleCode = "DUE001".parse()?;
        /// assert_eq!(code, RuleCode::DUE001);
        /// assert_eq!(code.name(), "dues-month-unpaid");
        /// let typo = "DEV12".parse::<RuleCode>().unwrap_err();
        /// assert!(typo.to_string().contains("did you mean DEV012"), "{typo}");
        /// # Ok::<(), dangjian::rules::ParseCodeError>(())
        /// ```
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum RuleCode {
            $(
                #[doc = concat!("`", stringify!($code), "` ", $name)]
                $code,
            )+
        }

        impl RuleCode {
            /// Every code, in code order.
            pub const ALL: &'static [RuleCode] = &[$(RuleCode::$code),+];

            /// The code as text: `DUE001`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleCode::$code => stringify!($code),)+
                }
            }

            /// The rule's kebab-case name: `dues-month-unpaid`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(RuleCode::$code => $name,)+
                }
            }
        }
    };
}

rule_codes! {
    DAT001 = "unknown-reference",
    DAT002 = "duplicate-id",
    DAT003 = "date-inconsistent",
    DAT004 = "attendance-count-inconsistent",
    DEV001 = "applicant-under-age",
    DEV002 = "initial-talk-late",
    DEV003 = "step-skipped",
    DEV004 = "step-out-of-order",
    DEV005 = "contacts-invalid",
    DEV006 = "activist-assessment-gap",
    DEV007 = "activist-period-too-short",
    DEV008 = "introducers-invalid",
    DEV009 = "political-review-missing",
    DEV010 = "training-insufficient",
    DEV011 = "publicity-missing",
    DEV012 = "publicity-too-short",
    DEV013 = "admission-quorum-not-met",
    DEV014 = "admission-vote-insufficient",
    DEV015 = "approval-late",
    DEV016 = "oath-missing",
    DEV017 = "conversion-overdue",
    DEV018 = "conversion-early",
    DEV019 = "probation-extension-invalid",
    DEV020 = "materials-not-archived",
    DEV021 = "admission-meeting-late",
    DEV022 = "oath-late",
    DUE001 = "dues-month-unpaid",
    DUE002 = "dues-underpaid",
    DUE003 = "dues-arrears-escalating",
    DUE004 = "dues-six-month-lapse",
    DUE005 = "dues-backpay-too-late",
    DUE006 = "dues-waiver-unapproved",
    DUE007 = "dues-base-missing",
    DUE008 = "dues-paid-for-nonmember-month",
    DUE009 = "dues-receipt-missing",
    DUE010 = "dues-remittance-short",
    DUE011 = "dues-not-published",
    EDU001 = "training-hours-short",
    EDU002 = "cadre-training-hours-short",
    IDE001 = "ideology-review-missing",
    MTG001 = "general-meeting-missing",
    MTG002 = "committee-meeting-missing",
    MTG003 = "group-meeting-missing",
    MTG004 = "party-lecture-missing",
    MTG005 = "theme-day-missing",
    MTG006 = "life-meeting-missing",
    MTG007 = "democratic-review-missing",
    MTG008 = "talks-missing",
    MTG009 = "attendance-unexcused",
    MTG010 = "organisational-life-lapse",
    MTG011 = "meeting-quorum-not-met",
    MTG012 = "meeting-record-incomplete",
    MTG013 = "leading-cadre-dual-life-missing",
    MTG014 = "committee-meeting-quorum",
    MTG015 = "rectification-overdue",
    ORG001 = "committee-required",
    ORG002 = "committee-size-invalid",
    ORG003 = "committee-term-expired",
    ORG004 = "branch-size-unusual",
    ORG005 = "committee-term-length-invalid",
    REL001 = "transfer-reported-late",
    REL002 = "transfer-receipt-missing",
    REL003 = "transfer-record-missing",
    REL004 = "mobile-member-not-transferred",
    REL005 = "lost-contact-unresolved",
    REL006 = "abroad-contact-missing",
}

impl RuleCode {
    /// The rule's family.
    pub fn family(self) -> Family {
        let s = self.as_str();
        Family::ALL
            .iter()
            .copied()
            .find(|f| s.starts_with(f.prefix()))
            .unwrap_or(Family::Data)
    }

    /// A dense index, `0..RuleCode::ALL.len()`, in code order.
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for RuleCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl AsRef<str> for RuleCode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

/// A code, family prefix or rule selector that names no rule; its
/// [`Display`](fmt::Display) suggests the nearest known code or prefix.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {input:?}{}", .suggestion.as_ref().map(|s| format!(" (did you mean {s}?)")).unwrap_or_default())]
pub struct ParseCodeError {
    what: &'static str,
    input: String,
    suggestion: Option<String>,
}

impl ParseCodeError {
    pub(crate) fn new(what: &'static str, input: &str, candidates: &[&str]) -> ParseCodeError {
        ParseCodeError {
            what,
            input: crate::model::truncate(input, 40),
            suggestion: nearest(input, candidates).map(str::to_owned),
        }
    }

    /// The nearest known code or prefix, if one is close.
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }
}

impl FromStr for RuleCode {
    type Err = ParseCodeError;
    /// A known code, case-insensitive (`due001` is `DUE001`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let up = s.trim().to_ascii_uppercase();
        RuleCode::ALL
            .binary_search_by(|c| c.as_str().cmp(up.as_str()))
            .ok()
            .and_then(|i| RuleCode::ALL.get(i).copied())
            .ok_or_else(|| {
                let all: Vec<&str> = RuleCode::ALL.iter().map(|c| c.as_str()).collect();
                ParseCodeError::new("rule code", s, &all)
            })
    }
}

impl Serialize for RuleCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// The nearest of `candidates` to `input` by edit distance (case-insensitive),
/// if it is close enough to be a likely typo.
pub(crate) fn nearest<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let up = input.trim().to_ascii_uppercase();
    let mut best: Option<(usize, &str)> = None;
    for &c in candidates {
        let d = distance(&up, &c.to_ascii_uppercase());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let limit = (up.chars().count() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

/// Levenshtein distance over chars.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// The families of rules, by code prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Family {
    /// `DUE`: dues (党费).
    Dues,
    /// `DEV`: member development (发展党员).
    Development,
    /// `MTG`: organisational life (三会一课).
    Meetings,
    /// `EDU`: training hours.
    Education,
    /// `ORG`: branch organisation.
    Organisation,
    /// `IDE`: ideology work (意识形态).
    Ideology,
    /// `REL`: transfers of organisational relations and members away (组织关系).
    Transfers,
    /// `DAT`: data quality.
    Data,
}

impl Family {
    /// Every family, in the order the reference lists them.
    pub const ALL: &'static [Family] = &[
        Family::Dues,
        Family::Development,
        Family::Meetings,
        Family::Education,
        Family::Organisation,
        Family::Ideology,
        Family::Transfers,
        Family::Data,
    ];

    /// The code prefix, e.g. `DUE`.
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Dues => "DUE",
            Family::Development => "DEV",
            Family::Meetings => "MTG",
            Family::Education => "EDU",
            Family::Organisation => "ORG",
            Family::Ideology => "IDE",
            Family::Transfers => "REL",
            Family::Data => "DAT",
        }
    }

    /// The family's title in Chinese and English.
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            Family::Dues => ("党费", "Dues"),
            Family::Development => ("发展党员", "Member development"),
            Family::Meetings => ("组织生活", "Organisational life"),
            Family::Education => ("教育培训", "Education"),
            Family::Organisation => ("组织建设", "Branch organisation"),
            Family::Ideology => ("意识形态", "Ideology work"),
            Family::Transfers => ("组织关系", "Transfers and mobility"),
            Family::Data => ("数据质量", "Data quality"),
        }
    }

    /// The codes of the family.
    pub fn codes(self) -> impl Iterator<Item = RuleCode> {
        RuleCode::ALL
            .iter()
            .copied()
            .filter(move |c| c.family() == self)
    }
}

impl FromStr for Family {
    type Err = ParseCodeError;
    /// A family prefix, case-insensitive: `DUE`, `dev`, …
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let up = s.trim().to_ascii_uppercase();
        Family::ALL
            .iter()
            .copied()
            .find(|f| f.prefix() == up)
            .ok_or_else(|| {
                let all: Vec<&str> = Family::ALL.iter().map(|f| f.prefix()).collect();
                ParseCodeError::new("rule family", s, &all)
            })
    }
}

// Beside the code, not in `error`: the ground layer knows no rule codes.
impl From<ParseCodeError> for Error {
    /// An unknown rule code or selector given in code.
    fn from(e: ParseCodeError) -> Error {
        Error::new(ErrorKind::Data, Location::default(), e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_and_the_nearest_name() {
        for (a, b, d) in [
            ("", "", 0),
            ("ABC", "ABC", 0),
            ("ABC", "", 3),
            ("", "ABC", 3),
            ("A", "ABC", 2),
            ("KITTEN", "SITTING", 3),
            ("DUE01", "DUE001", 1),
        ] {
            assert_eq!(distance(a, b), d, "{a} {b}");
        }
        // Close enough: a third of the input's length, at least 2.
        assert_eq!(
            nearest("developmx", &["DEVELOPMENT", "DUES"]),
            Some("DEVELOPMENT")
        );
        assert_eq!(nearest("due01", &["DUE001", "DEV001"]), Some("DUE001"));
        assert_eq!(nearest("xyzzy", &["DUE001", "DEV001"]), None);
    }

    #[test]
    fn a_family_has_its_codes() {
        let edu: Vec<RuleCode> = Family::Education.codes().collect();
        assert_eq!(edu, [RuleCode::EDU001, RuleCode::EDU002]);
        let all: usize = Family::ALL.iter().map(|f| f.codes().count()).sum();
        assert_eq!(all, RuleCode::ALL.len());
    }

    #[test]
    fn codes_are_sorted_and_unique() {
        for w in RuleCode::ALL.windows(2) {
            assert!(w[0].as_str() < w[1].as_str(), "{} before {}", w[0], w[1]);
            assert!(w[0] < w[1]);
        }
        for (i, c) in RuleCode::ALL.iter().enumerate() {
            assert_eq!(c.index(), i);
        }
    }

    #[test]
    fn parsing_suggests_the_nearest_code() {
        assert_eq!("due001".parse::<RuleCode>().unwrap(), RuleCode::DUE001);
        let e = "DEV12".parse::<RuleCode>().unwrap_err();
        assert_eq!(e.suggestion(), Some("DEV012"));
        let e = "DUE0001".parse::<RuleCode>().unwrap_err();
        assert_eq!(e.suggestion(), Some("DUE001"));
        let e = "nonsense-entirely".parse::<RuleCode>().unwrap_err();
        assert_eq!(e.suggestion(), None, "{e}");
        assert_eq!("mtg".parse::<Family>().unwrap(), Family::Meetings);
        assert_eq!(
            "MGT".parse::<Family>().unwrap_err().suggestion(),
            Some("MTG")
        );
    }

    #[test]
    fn every_code_has_a_family() {
        for c in RuleCode::ALL {
            assert!(c.as_str().starts_with(c.family().prefix()), "{c}");
        }
    }
}
