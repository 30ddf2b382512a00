//! A profile's rule settings (`[rules]`) and approved exceptions
//! (`[[accept]]`), and how an exception meets a finding.
//!
//! An accept **never removes** a finding: a matching finding stays in the
//! report with [`Finding::accepted`] set, is counted apart in the summary and
//! never trips `--fail-on`. The [`Auditor`](crate::Auditor) marks the
//! findings of each bundle as it checks it and, across bundles, lists the
//! accepts that matched nothing (`unmatched_accepts`) and those past their
//! expiry (`expired_accepts`).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::{DateRange, Id, PeriodSpec};
use crate::vocab::RuleCode;
use crate::vocab::{Acceptance, Finding, Rule, Severity, SubjectKind};

/// What a profile's `[rules]` entry does to the rules it selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RuleLevel {
    /// `"off"`: the rules do not run.
    Off,
    /// `"on"`: the rules run with their default severity (undoes an `off`
    /// or a severity of a profile this one extends).
    On,
    /// `"info"`, `"warning"` or `"error"`: the rules run, every finding at
    /// this severity.
    Severity(Severity),
}

impl RuleLevel {
    /// `off`, `on`, `info`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleLevel::Off => "off",
            RuleLevel::On => "on",
            RuleLevel::Severity(Severity::Info) => "info",
            RuleLevel::Severity(Severity::Warning) => "warning",
            RuleLevel::Severity(Severity::Error) => "error",
            // Not made by parsing (a profile names known severities only).
            RuleLevel::Severity(_) => "on",
        }
    }
}

impl fmt::Display for RuleLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RuleLevel {
    type Err = String;
    fn from_str(s: &str) -> Result<RuleLevel, String> {
        match s {
            "off" => Ok(RuleLevel::Off),
            "on" => Ok(RuleLevel::On),
            _ => s
                .parse::<Severity>()
                .map(RuleLevel::Severity)
                .map_err(|_| format!("{s:?} is not one of off, on, info, warning, error")),
        }
    }
}

impl Serialize for RuleLevel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// One entry of a profile's `[rules]`: a code (`DUE003`) or a family prefix
/// (`DUE`) and what it does.
///
/// A profile keeps its entries in the order they apply: the profiles it
/// extends first (root first), and within one file the family entries
/// before the code entries, so `DUE = "off"` with `DUE009 = "warning"` runs
/// DUE009 only. The last entry selecting a rule decides
/// ([`Profile::rule_level`](crate::Profile::rule_level)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleSetting {
    /// A rule code or family prefix, upper case.
    pub selector: String,
    /// Off, on, or a severity.
    pub level: RuleLevel,
    /// Where it was set: `file:line`.
    pub set_in: String,
}

impl RuleSetting {
    /// An entry set in code.
    pub fn new(selector: impl Into<String>, level: RuleLevel) -> RuleSetting {
        RuleSetting {
            selector: selector.into().to_ascii_uppercase(),
            level,
            set_in: "code".to_owned(),
        }
    }

    /// Whether it applies to the rule `code`.
    pub fn selects(&self, code: RuleCode) -> bool {
        code.as_str().starts_with(self.selector.as_str())
    }
}

/// The period of an accept: as written (`2025`, `2025-Q1`, `2025-03`,
/// `2025-03-01..2025-08-31`) and the days it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptPeriod {
    /// As written in the profile.
    pub label: String,
    /// The days covered.
    pub range: DateRange,
}

impl FromStr for AcceptPeriod {
    type Err = String;
    /// `YYYY`, `YYYY-Hn`, `YYYY-Qn`, `YYYY-MM` or `FROM..TO` (two dates,
    /// both included).
    fn from_str(s: &str) -> Result<AcceptPeriod, String> {
        let range = match s.split_once("..") {
            Some((a, b)) => {
                let a = crate::model::parse_date(a.trim()).map_err(|e| e.to_string())?;
                let b = crate::model::parse_date(b.trim()).map_err(|e| e.to_string())?;
                DateRange::new(a, b)
                    .ok_or_else(|| format!("the range {s:?} ends before it starts"))?
            }
            None => s
                .parse::<PeriodSpec>()
                .map_err(|_| {
                    format!(
                        "{s:?} is not a period (YYYY, YYYY-Qn, YYYY-MM, or a date range \
                         YYYY-MM-DD..YYYY-MM-DD)"
                    )
                })?
                .range(),
        };
        Ok(AcceptPeriod {
            label: s.to_owned(),
            range,
        })
    }
}

impl Serialize for AcceptPeriod {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label)
    }
}

impl<'de> Deserialize<'de> for AcceptPeriod {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// An approved exception (`[[accept]]`): the findings of `rule` for
/// `subject` in `branch` (and `period`) are accepted until `expires`.
///
/// It matches a finding of the same rule and branch whose subject id is
/// `subject` (no `subject`: a finding about the branch itself) and whose
/// period starts inside `period` (no `period`: any period, or none). It
/// applies while the audit's `as_of` is on or before `expires`.
///
/// ```
/// use dangjian::profile::Accept;
/// use dangjian::rules::RuleCode;
/// use dangjian::NaiveDate;
/// let a = Accept::new(RuleCode::MTG010, "B01".parse()?, Some("M05".parse()?),
///     "援疆挂职", "局党委〔2025〕12号", NaiveDate::from_ymd_opt(2026, 6, 30).unwrap());
/// assert!(a.is_live(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()));  // the day itself counts
/// assert!(!a.is_live(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()));
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Accept {
    /// The rule.
    pub rule: RuleCode,
    /// The branch id.
    pub branch: Id,
    /// The member, candidate, meeting or group id; `None`: the branch itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Id>,
    /// The period; `None`: every period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<AcceptPeriod>,
    /// Why.
    pub reason: String,
    /// Who approved it (document number).
    pub approval: String,
    /// Last day it applies.
    pub expires: NaiveDate,
    /// Where it was set: `file:line`.
    #[serde(default)]
    pub set_in: String,
}

impl Accept {
    /// An accept of every period (set `period` after for one period).
    pub fn new(
        rule: RuleCode,
        branch: Id,
        subject: Option<Id>,
        reason: impl Into<String>,
        approval: impl Into<String>,
        expires: NaiveDate,
    ) -> Accept {
        Accept {
            rule,
            branch,
            subject,
            period: None,
            reason: reason.into(),
            approval: approval.into(),
            expires,
            set_in: "code".to_owned(),
        }
    }

    /// Whether it still applies on `as_of` (the expiry day itself counts).
    pub fn is_live(&self, as_of: NaiveDate) -> bool {
        as_of <= self.expires
    }

    /// Whether it covers `f` (rule, branch, subject, period), whatever its expiry.
    pub fn matches(&self, f: &Finding) -> bool {
        f.rule == self.rule
            && f.branch == self.branch
            && match &self.subject {
                None => f.subject.kind == SubjectKind::Branch,
                Some(id) => f.subject.id == *id,
            }
            && match &self.period {
                None => true,
                Some(p) => f.period.is_some_and(|fp| p.range.contains(fp.from)),
            }
    }

    /// What a finding it covers shows.
    pub fn acceptance(&self) -> Acceptance {
        Acceptance::new(self.reason.clone(), self.approval.clone(), self.expires)
    }

    /// Its entry in the report's `unmatched_accepts`.
    pub fn unmatched(&self) -> UnmatchedAccept {
        UnmatchedAccept {
            rule: self.rule.into(),
            branch: self.branch.clone(),
            subject: self.subject.clone(),
            period: self.period.as_ref().map(|p| p.label.clone()),
            reason: self.reason.clone(),
        }
    }

    /// Its entry in the report's `expired_accepts`.
    pub fn expired(&self) -> ExpiredAccept {
        ExpiredAccept {
            rule: self.rule.into(),
            branch: self.branch.clone(),
            subject: self.subject.clone(),
            period: self.period.as_ref().map(|p| p.label.clone()),
            expires: self.expires,
        }
    }
}

/// Marks the findings of one bundle of `branch` that a live accept covers
/// (the first matching accept, in profile order).
pub(crate) fn mark(accepts: &[Accept], as_of: NaiveDate, branch: &Id, findings: &mut [Finding]) {
    let live: Vec<&Accept> = accepts
        .iter()
        .filter(|a| a.branch == *branch && a.is_live(as_of))
        .collect();
    if live.is_empty() {
        return;
    }
    for f in findings.iter_mut() {
        if f.accepted.is_none() {
            if let Some(a) = live.iter().find(|a| a.matches(f)) {
                f.accepted = Some(Box::new(a.acceptance()));
            }
        }
    }
}

/// Removes from `unmatched` every entry of a live accept that covers one of
/// `findings`. Entries are equal exactly when their accepts match the same
/// findings (rule, branch, subject and period), so removing every equal
/// entry is right even when two accepts differ only by approval.
pub(crate) fn note_matches(
    accepts: &[Accept],
    as_of: NaiveDate,
    findings: &[Finding],
    unmatched: &mut Vec<UnmatchedAccept>,
) {
    // A shortcut: with nothing to remove or no finding, the loop below
    // removes nothing (so `&&` here is equivalent, listed).
    if unmatched.is_empty() || findings.is_empty() {
        return;
    }
    for a in accepts.iter().filter(|a| a.is_live(as_of)) {
        if findings.iter().any(|f| a.matches(f)) {
            let entry = a.unmatched();
            unmatched.retain(|u| *u != entry);
        }
    }
}

/// An approved exception (`[[accept]]`) that matched no finding of the
/// audit: the fault is gone, or the accept names the wrong rule, branch,
/// subject or period.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnmatchedAccept {
    /// The rule.
    pub rule: Rule,
    /// The branch id.
    pub branch: Id,
    /// The subject id; absent for the branch itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Id>,
    /// The period as written in the profile; absent for every period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Its reason.
    pub reason: String,
}

/// An approved exception past its `expires` on the audit's `as_of`: it no
/// longer applies, and the findings it covered show again.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExpiredAccept {
    /// The rule.
    pub rule: Rule,
    /// The branch id.
    pub branch: Id,
    /// The subject id; absent for the branch itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Id>,
    /// The period as written in the profile; absent for every period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The last day it applied.
    pub expires: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse() {
        let p: AcceptPeriod = "2025-Q2".parse().unwrap();
        assert_eq!(p.range.from.to_string(), "2025-04-01");
        assert_eq!(p.range.to.to_string(), "2025-06-30");
        let p: AcceptPeriod = "2025-03-01..2025-08-31".parse().unwrap();
        assert_eq!(p.range.to.to_string(), "2025-08-31");
        assert!("2025-02-30..2025-08-31".parse::<AcceptPeriod>().is_err());
        assert!("2025-09-01..2025-08-31".parse::<AcceptPeriod>().is_err());
        assert!("2025-Q5".parse::<AcceptPeriod>().is_err());
    }

    #[test]
    fn levels_parse() {
        assert_eq!("off".parse(), Ok(RuleLevel::Off));
        assert_eq!(
            "warning".parse(),
            Ok(RuleLevel::Severity(Severity::Warning))
        );
        assert!("Warning".parse::<RuleLevel>().is_err());
        for (text, level) in [
            ("off", RuleLevel::Off),
            ("on", RuleLevel::On),
            ("info", RuleLevel::Severity(Severity::Info)),
            ("warning", RuleLevel::Severity(Severity::Warning)),
            ("error", RuleLevel::Severity(Severity::Error)),
        ] {
            assert_eq!(text.parse(), Ok(level));
            assert_eq!(level.as_str(), text);
            assert_eq!(level.to_string(), text);
            assert_eq!(serde_json::to_value(level).unwrap(), text);
        }
        let e = "none".parse::<RuleLevel>().unwrap_err();
        assert!(e.contains("off, on, info, warning, error"), "{e}");
    }

    fn id(s: &str) -> Id {
        s.parse().unwrap()
    }

    fn finding(
        rule: RuleCode,
        branch: &str,
        subject: crate::vocab::Subject,
        period: Option<&str>,
    ) -> Finding {
        let period = period.map(|p| p.parse::<PeriodSpec>().unwrap().range());
        crate::testing::finding(rule, branch, subject, period)
    }

    fn accept(rule: RuleCode, branch: &str, subject: Option<&str>, expires: &str) -> Accept {
        Accept::new(
            rule,
            id(branch),
            subject.map(id),
            "援疆",
            "〔2025〕1号",
            crate::testing::d(expires),
        )
    }

    #[test]
    fn an_accept_covers_its_rule_branch_subject_and_period() {
        use crate::vocab::Subject;
        let m05 = Subject::member(&id("M05"));
        let a = accept(RuleCode::MTG010, "B01", Some("M05"), "2026-06-30");
        assert!(a.is_live(crate::testing::d("2026-06-30")));
        assert!(!a.is_live(crate::testing::d("2026-07-01")));
        assert!(a.matches(&finding(
            RuleCode::MTG010,
            "B01",
            m05.clone(),
            Some("2025-03")
        )));
        assert!(!a.matches(&finding(RuleCode::MTG011, "B01", m05.clone(), None)));
        assert!(!a.matches(&finding(RuleCode::MTG010, "B02", m05.clone(), None)));
        assert!(!a.matches(&finding(
            RuleCode::MTG010,
            "B01",
            Subject::member(&id("M06")),
            None
        )));
        // Without a subject: the branch's own findings only.
        let b = accept(RuleCode::MTG001, "B01", None, "2026-06-30");
        assert!(b.matches(&finding(
            RuleCode::MTG001,
            "B01",
            Subject::branch(&id("B01")),
            None
        )));
        assert!(!b.matches(&finding(RuleCode::MTG001, "B01", m05.clone(), None)));
        // With a period: the findings whose period starts in it.
        let mut q = a.clone();
        q.period = Some("2025-Q2".parse().unwrap());
        assert!(q.matches(&finding(
            RuleCode::MTG010,
            "B01",
            m05.clone(),
            Some("2025-04")
        )));
        assert!(q.matches(&finding(
            RuleCode::MTG010,
            "B01",
            m05.clone(),
            Some("2025-06")
        )));
        assert!(!q.matches(&finding(
            RuleCode::MTG010,
            "B01",
            m05.clone(),
            Some("2025-07")
        )));
        assert!(!q.matches(&finding(RuleCode::MTG010, "B01", m05.clone(), None)));
    }

    #[test]
    fn only_live_accepts_of_the_branch_mark_and_the_first_wins() {
        use crate::vocab::Subject;
        let m05 = || Subject::member(&id("M05"));
        let as_of = crate::testing::d("2026-01-01");
        let mut expired = accept(RuleCode::MTG010, "B01", Some("M05"), "2025-12-31");
        expired.reason = "过期".into();
        let mut first = accept(RuleCode::MTG010, "B01", Some("M05"), "2026-01-01");
        first.reason = "第一".into();
        let mut second = first.clone();
        second.reason = "第二".into();
        let other = accept(RuleCode::MTG011, "B01", Some("M05"), "2026-12-31");
        let mut fs = vec![
            finding(RuleCode::MTG010, "B01", m05(), Some("2025-03")),
            finding(RuleCode::MTG012, "B01", m05(), Some("2025-03")),
        ];
        mark(std::slice::from_ref(&expired), as_of, &id("B01"), &mut fs);
        assert!(
            fs.iter().all(|f| f.accepted.is_none()),
            "an expired accept marks nothing"
        );
        mark(&[first.clone()], as_of, &id("B02"), &mut fs);
        assert!(
            fs.iter().all(|f| f.accepted.is_none()),
            "another branch's bundle"
        );
        let all = [
            expired.clone(),
            first.clone(),
            second.clone(),
            other.clone(),
        ];
        mark(&all, as_of, &id("B01"), &mut fs);
        assert_eq!(
            fs[0].accepted.as_ref().map(|a| a.reason.as_str()),
            Some("第一")
        );
        assert!(fs[1].accepted.is_none());
        // Marked once: a later pass keeps the first acceptance.
        mark(&[second.clone()], as_of, &id("B01"), &mut fs);
        assert_eq!(
            fs[0].accepted.as_ref().map(|a| a.reason.as_str()),
            Some("第一")
        );

        // What matched leaves the unmatched list; an expired accept does not.
        let mut unmatched: Vec<UnmatchedAccept> = all.iter().map(Accept::unmatched).collect();
        note_matches(&all, as_of, &fs, &mut unmatched);
        let left: Vec<RuleCode> = unmatched.iter().filter_map(|u| u.rule.code()).collect();
        assert_eq!(left, [RuleCode::MTG010, RuleCode::MTG011], "{unmatched:?}");
        assert_eq!(unmatched[0].reason, "过期");
    }
}
