//! The report and the inspection cycle over it: the `dangjian-report/1`
//! document (written and read back), its summary, the baseline comparison
//! (新发现 / 未整改 / 已整改, 整改率), the indicators, the 评星定级 scorecards
//! and the to-do list — computed over the auditor's findings and the
//! families' domain views. The findings' vocabulary is re-exported here.

use std::collections::BTreeMap;
use std::io;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{Error, ErrorKind, Location};
use crate::model::DateRange;

mod assemble;
mod baseline;
mod indicators;
mod scorecard;
mod todo;

pub use crate::profile::accept::{ExpiredAccept, UnmatchedAccept};
pub use crate::profile::header::ProfileHeader;
pub use crate::vocab::{
    Acceptance, BaselineStatus, Citation, Evidence, Finding, Lang, Message, Remediation, Rule,
    Severity, SeverityName, Subject, SubjectKind, disambiguate_ids, finding_id, parse_period_label,
    period_label, sort_findings,
};
pub use baseline::{
    Baseline, BaselineCounts, BaselineEntry, BaselineHeader, Comparison, ParsedId, PeriodStart,
    Resolved, parse_finding_id,
};
pub use indicators::{
    AttendanceIndicators, DevelopmentIndicators, DuesIndicators, Indicators, MeetingIndicator,
    TrainingIndicators,
};
#[cfg(feature = "cli")]
pub(crate) use scorecard::ScoreTally;
pub use scorecard::{ScoreItem, Scorecard, VetoApplied};
pub(crate) use todo::items as todo_items;
pub use todo::{Todo, TodoItem, TodoKind};

/// Totals of a report.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// Bundles (branches) audited.
    pub branches: usize,
    /// Members in them.
    pub members: usize,
    /// Findings, accepted ones included.
    pub findings: usize,
    /// Findings by severity (`error`, `warning`, `info`; all three always
    /// present), accepted ones excluded.
    pub by_severity: BTreeMap<Severity, usize>,
    /// Findings by rule code, accepted ones included.
    pub by_rule: BTreeMap<Rule, usize>,
    /// Findings an approved exception (`[[accept]]`) covers: counted apart,
    /// never in `by_severity`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub accepted: usize,
    /// With a baseline: 新发现 / 未整改 / 已整改 and the 整改率.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineCounts>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Default for Summary {
    /// No findings; `by_severity` lists all three severities, at zero.
    fn default() -> Summary {
        Summary {
            branches: 0,
            members: 0,
            findings: 0,
            by_severity: [Severity::Error, Severity::Warning, Severity::Info]
                .into_iter()
                .map(|s| (s, 0))
                .collect(),
            by_rule: BTreeMap::new(),
            accepted: 0,
            baseline: None,
        }
    }
}

impl Summary {
    /// Counts one finding.
    pub fn count(&mut self, f: &Finding) {
        self.tally(f.rule.clone(), f.severity, f.is_accepted());
    }

    /// Counts one finding of `rule` at `severity` (for callers that no
    /// longer hold it).
    pub fn tally(&mut self, rule: impl Into<Rule>, severity: Severity, accepted: bool) {
        self.findings += 1;
        *self.by_rule.entry(rule.into()).or_insert(0) += 1;
        if accepted {
            self.accepted += 1;
        } else {
            *self.by_severity.entry(severity).or_insert(0) += 1;
        }
    }

    /// The highest severity counted (accepted findings excluded).
    pub fn worst(&self) -> Option<Severity> {
        self.by_severity
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(s, _)| *s)
            .max()
    }

    /// Counts `findings`.
    pub fn add_findings(&mut self, findings: &[Finding]) {
        for f in findings {
            self.count(f);
        }
    }
}

/// The profile header as v1 wrote it (a plain name) or as v1.1 does.
fn profile_header<'de, D: Deserializer<'de>>(d: D) -> Result<ProfileHeader, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Name(String),
        Header(ProfileHeader),
    }
    Ok(match Either::deserialize(d)? {
        Either::Name(name) => ProfileHeader::builtin(name, "细则2014"),
        Either::Header(h) => h,
    })
}

/// An input bundle that could not be read and was left out (`--keep-going`).
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Unreadable {
    /// The file.
    pub file: String,
    /// The line (JSON Lines) or row, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What is wrong, with its place.
    pub message: String,
}

impl Unreadable {
    /// An unreadable bundle of `file` at `line`.
    pub fn new(
        file: impl Into<String>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Unreadable {
        Unreadable {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

/// The report: `{"format": "dangjian-report/1", ...}`.
///
/// Written with [`Report::to_json`] or [`Report::write_json`], read back with
/// [`Report::from_json`].
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// Always `dangjian-report/1`.
    #[serde(deserialize_with = "format_field")]
    pub format: String,
    /// The audit's reference date.
    pub as_of: NaiveDate,
    /// The audit period.
    pub period: DateRange,
    /// The profile.
    #[serde(deserialize_with = "profile_header")]
    pub profile: ProfileHeader,
    /// The baseline compared with (`--baseline`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<BaselineHeader>,
    /// Totals.
    pub summary: Summary,
    /// Findings, sorted by branch, rule, subject id and period start.
    pub findings: Vec<Finding>,
    /// The baseline's findings the audit no longer finds (已整改).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolved: Vec<Resolved>,
    /// The profile's accepts that matched no finding (live ones only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmatched_accepts: Vec<UnmatchedAccept>,
    /// The profile's accepts past their expiry on `as_of` (they applied to nothing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expired_accepts: Vec<ExpiredAccept>,
    /// Input bundles that could not be read (`--keep-going`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<Unreadable>,
    /// What the reader assumed for columns the input lacks, each with its
    /// place: a workbook without 党籍状态 read every member as 正式党员
    /// (docs/format.md "Ledgers kept without this crate's ids").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assumptions: Vec<String>,
    /// How each branch stands over the period (when the auditor computes
    /// indicators), sorted by branch.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicators>,
    /// The baseline's indicators, for the year-over-year view.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_indicators: Vec<Indicators>,
    /// 待办: what falls due in the days after `as_of` (`--todo DAYS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub todo: Option<Todo>,
    /// 评星定级 per branch, when the profile has a `[scoring]` scheme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scorecards: Vec<Scorecard>,
    /// The ids of the branches audited, sorted (a branch without findings
    /// is audited too: its baseline findings are then resolved).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audited: Vec<crate::model::Id>,
}

fn format_field<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    if s == Report::FORMAT {
        Ok(s)
    } else {
        Err(serde::de::Error::custom(format!(
            "unsupported report format {s:?}; expected {:?}",
            Report::FORMAT
        )))
    }
}

impl Report {
    /// The value of the report's `format` field.
    pub const FORMAT: &'static str = "dangjian-report/1";

    /// An empty report.
    pub fn new(as_of: NaiveDate, period: DateRange, profile: ProfileHeader) -> Report {
        Report {
            format: Report::FORMAT.to_owned(),
            as_of,
            period,
            profile,
            baseline: None,
            summary: Summary::default(),
            findings: Vec::new(),
            resolved: Vec::new(),
            unmatched_accepts: Vec::new(),
            expired_accepts: Vec::new(),
            unreadable: Vec::new(),
            assumptions: Vec::new(),
            indicators: Vec::new(),
            previous_indicators: Vec::new(),
            todo: None,
            scorecards: Vec::new(),
            audited: Vec::new(),
        }
    }

    /// The report as pretty JSON (the same input gives byte-identical output).
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Writes the report as pretty JSON (as [`Report::to_json`]) to `w`.
    ///
    /// # Errors
    /// When writing fails.
    pub fn write_json(&self, w: impl io::Write) -> io::Result<()> {
        let mut w = io::BufWriter::new(w);
        serde_json::to_writer_pretty(&mut w, self).map_err(io::Error::other)?;
        io::Write::flush(&mut w)
    }

    /// Reads a `dangjian-report/1` document (as written by this crate, v1 or v1.1).
    ///
    /// ```
    /// # use dangjian::{Auditor, NaiveDate, Report};
    /// let bundles = dangjian::load::read_path("examples/data/sample.json")?;
    /// let report = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()).audit(&bundles);
    /// let back = Report::from_json(&report.to_json())?;
    /// assert_eq!(back, report);
    /// # Ok::<(), dangjian::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the text is not JSON, not a `dangjian-report/1` document, or a
    /// field does not fit (the error names the field's path, e.g.
    /// `findings[3].rule`).
    pub fn from_json(text: &str) -> Result<Report, Error> {
        Report::from_json_slice(text.as_bytes())
    }

    /// Reads a report from bytes (see [`Report::from_json`]); a UTF-8
    /// byte-order mark is skipped.
    ///
    /// # Errors
    /// As [`Report::from_json`].
    pub fn from_json_slice(bytes: &[u8]) -> Result<Report, Error> {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let mut de = serde_json::Deserializer::from_slice(bytes);
        serde_path_to_error::deserialize::<_, Report>(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let kind = match inner.classify() {
                serde_json::error::Category::Data => ErrorKind::Data,
                _ => ErrorKind::Syntax,
            };
            // serde_json places every error its deserializer raises
            // (`fix_position`), so line and column are never 0 here: the
            // guards' `>=` is equivalent (listed); they stay for safety.
            let location = Location {
                table: Some("report".to_owned()),
                field: (path != ".").then_some(path),
                line: (inner.line() > 0).then_some(inner.line()),
                column: (inner.column() > 0).then_some(inner.column()),
                ..Location::default()
            };
            let msg = inner.to_string();
            let msg = msg
                .rfind(" at line ")
                .map_or(msg.as_str(), |i| &msg[..i])
                .to_owned();
            Error::new(kind, location, msg)
        })
    }

    /// The highest severity among the findings no exception covers.
    pub fn worst(&self) -> Option<Severity> {
        self.findings
            .iter()
            .filter(|f| !f.is_accepted())
            .map(|f| f.severity)
            .max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_summary_lists_every_severity() {
        let s = serde_json::to_value(Summary::default()).unwrap();
        assert_eq!(
            s["by_severity"],
            serde_json::json!({"info": 0, "warning": 0, "error": 0})
        );
        assert_eq!(s["findings"], 0);
        assert!(
            s.get("accepted").is_none(),
            "no accepted count at zero: {s}"
        );
        let sum = Summary {
            accepted: 2,
            ..Summary::default()
        };
        let s = serde_json::to_value(&sum).unwrap();
        assert_eq!(s["accepted"], 2);
        assert_eq!(serde_json::from_value::<Summary>(s).unwrap(), sum);
    }

    #[test]
    fn a_v1_profile_name_reads_as_a_header() {
        let text = r#"{"format":"dangjian-report/1","as_of":"2025-12-31",
            "period":{"from":"2025-01-01","to":"2025-12-31"},"profile":"central",
            "summary":{"branches":0,"members":0,"findings":0,"by_severity":{},"by_rule":{}},
            "findings":[]}"#;
        let r = Report::from_json(text).unwrap();
        assert_eq!(r.profile.name, "central");
        let bad = text.replace("dangjian-report/1", "other/2");
        let e = Report::from_json(&bad).unwrap_err();
        assert_eq!(e.location().field.as_deref(), Some("format"), "{e}");
        // A code this version does not know reads (a newer version's); a
        // finding without its severity does not.
        let bad = text.replace(r#""findings":[]"#, r#""findings":[{"rule":"DUE01"}]"#);
        let e = Report::from_json(&bad).unwrap_err();
        assert!(e.to_string().contains("missing field `severity`"), "{e}");
        assert_eq!(e.location().field.as_deref(), Some("findings[0]"), "{e}");
    }

    #[test]
    fn a_report_writes_and_reads_back() {
        let report =
            crate::Auditor::new(crate::testing::d("2025-12-31")).audit(&crate::testing::sample());
        let text = report.to_json();
        assert!(
            text.starts_with("{\n  \"format\": \"dangjian-report/1\""),
            "{}",
            &text[..40]
        );
        let mut written = Vec::new();
        report.write_json(&mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), text);
        assert_eq!(Report::from_json(&text).unwrap(), report);
        let bom = [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat();
        assert_eq!(Report::from_json_slice(&bom).unwrap(), report);

        // The worst severity, with and without the accepted findings.
        assert_eq!(report.worst(), Some(Severity::Error));
        assert_eq!(report.summary.worst(), Some(Severity::Error));
        let mut only_info = report.clone();
        only_info.findings.retain(|f| f.severity == Severity::Info);
        only_info.summary = Summary::default();
        only_info.summary.add_findings(&only_info.findings);
        assert!(!only_info.findings.is_empty());
        assert_eq!(only_info.worst(), Some(Severity::Info));
        assert_eq!(only_info.summary.worst(), Some(Severity::Info));
        let mut warned = only_info.clone();
        warned.findings[0].severity = Severity::Warning;
        warned.summary = Summary::default();
        warned.summary.add_findings(&warned.findings);
        assert_eq!(warned.worst(), Some(Severity::Warning));
        assert_eq!(warned.summary.worst(), Some(Severity::Warning));
        let mut accepted = warned.clone();
        for f in &mut accepted.findings {
            f.accepted = Some(Box::new(Acceptance::new(
                "r",
                "a",
                crate::testing::d("2026-01-01"),
            )));
        }
        accepted.summary = Summary::default();
        accepted.summary.add_findings(&accepted.findings);
        assert_eq!(accepted.worst(), None);
        assert_eq!(accepted.summary.worst(), None);
        assert_eq!(Summary::default().worst(), None);
    }

    #[test]
    fn a_bad_report_is_placed() {
        let e = Report::from_json("{\n  \"format\": \"dangjian-report/1\",\n  \"as_of\": 2025\n}")
            .unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Data, "{e}");
        let l = e.location();
        assert_eq!(
            (l.table.as_deref(), l.field.as_deref(), l.line, l.column),
            (Some("report"), Some("as_of"), Some(3), Some(15)),
            "{e}"
        );
        assert!(!e.message().contains(" at line "), "{e}");
        let e = Report::from_json("{\n  \"format\": ").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax, "{e}");
        assert_eq!(
            (e.location().line, e.location().field.as_deref()),
            (Some(2), Some("format")),
            "{e}"
        );
        let e = Report::from_json("[]").unwrap_err();
        assert_eq!(e.location().field, None, "{e}");
    }

    /// The inspection cycle's view of the sample under the example profile
    /// (indicators, 评星 scorecards, 待办 at two dates), as reviewed: every
    /// count, rate, deduction and due day in one reviewed file.
    #[test]
    fn the_samples_cycle_view_is_as_reviewed() {
        let profile = crate::Profile::from_toml_path(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/profile-example.toml"
        ))
        .unwrap();
        let bundles = crate::testing::sample();
        let mut view = serde_json::Map::new();
        for as_of in ["2025-06-30", "2025-12-31"] {
            let auditor = crate::Auditor::new(crate::testing::d(as_of))
                .profile(profile.clone())
                .with_indicators(true);
            let report = auditor.audit(&bundles);
            let mut todo = Todo::new(auditor.as_of(), 90);
            for b in &bundles {
                todo.items.extend(auditor.todo(&auditor.context(b), 90));
            }
            todo.sort();
            view.insert(
                as_of.to_owned(),
                serde_json::json!({
                    "summary": report.summary,
                    "indicators": report.indicators,
                    "scorecards": report.scorecards,
                    "todo": todo,
                }),
            );
        }
        let text = serde_json::to_string_pretty(&view).unwrap() + "\n";
        crate::testing::snapshot("tests/snapshots/sample-cycle.json", &text);
    }
}
