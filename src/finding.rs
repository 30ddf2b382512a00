//! Findings and the report, exactly as the report format (`dangjian-report/1`).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{DateRange, Id};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; not a breach.
    Info,
    /// A lapse to correct.
    Warning,
    /// A breach of a rule.
    Error,
}

impl Severity {
    /// `info`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// 提示, 警告 or 错误.
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = crate::ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            _ => Err(crate::model::values_error(
                "severity (info|warning|error)",
                s,
            )),
        }
    }
}

/// What a finding is about.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubjectKind {
    /// A party member.
    Member,
    /// A development candidate.
    Candidate,
    /// The branch itself.
    Branch,
    /// A party group.
    Group,
    /// A meeting.
    Meeting,
}

impl SubjectKind {
    /// 党员, 发展对象, 支部, 党小组 or 会议.
    pub fn zh(self) -> &'static str {
        match self {
            SubjectKind::Member => "党员",
            SubjectKind::Candidate => "入党申请人",
            SubjectKind::Branch => "支部",
            SubjectKind::Group => "党小组",
            SubjectKind::Meeting => "会议",
        }
    }

    /// `member`, `candidate`, …
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Member => "member",
            SubjectKind::Candidate => "candidate",
            SubjectKind::Branch => "branch",
            SubjectKind::Group => "group",
            SubjectKind::Meeting => "meeting",
        }
    }
}

/// The subject of a finding: `{"kind": "member", "id": "M03"}`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
pub struct Subject {
    /// What it is.
    pub kind: SubjectKind,
    /// Its id.
    pub id: Id,
}

impl Subject {
    /// A member.
    pub fn member(id: &Id) -> Subject {
        Subject {
            kind: SubjectKind::Member,
            id: id.clone(),
        }
    }
    /// A candidate.
    pub fn candidate(id: &Id) -> Subject {
        Subject {
            kind: SubjectKind::Candidate,
            id: id.clone(),
        }
    }
    /// The branch.
    pub fn branch(id: &Id) -> Subject {
        Subject {
            kind: SubjectKind::Branch,
            id: id.clone(),
        }
    }
    /// A group.
    pub fn group(id: &Id) -> Subject {
        Subject {
            kind: SubjectKind::Group,
            id: id.clone(),
        }
    }
    /// A meeting.
    pub fn meeting(id: &Id) -> Subject {
        Subject {
            kind: SubjectKind::Meeting,
            id: id.clone(),
        }
    }
}

/// A message in Chinese (the users' language) and English, with the concrete numbers.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Message {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Message {
    /// A message from its two languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Output language.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Lang {
    /// 中文 (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl FromStr for Lang {
    type Err = crate::ParseValueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            _ => Err(crate::model::values_error("language (zh|en)", s)),
        }
    }
}

/// A citation of a regulation: document and article.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize)]
pub struct Citation {
    /// The document's full title, e.g. 关于中国共产党党费收缴、使用和管理的规定.
    pub document: &'static str,
    /// The article, e.g. 第十二条; or a note such as "practice".
    pub article: &'static str,
}

impl Citation {
    /// `《document》article` for a regulation; practice and data-quality
    /// citations, which are not documents, without the title marks.
    pub fn display(&self) -> String {
        if self.document == crate::sources::PRACTICE
            || self.document == crate::sources::DATA_QUALITY
        {
            format!("{}：{}", self.document, self.article)
        } else {
            format!("《{}》{}", self.document, self.article)
        }
    }
}

/// A short label for a period: `2025` (a calendar year), `2025-Q3` (a
/// quarter), `2025-06` (a month), `2025-06-20` (a day), else `from..to`.
pub fn period_label(p: &DateRange) -> String {
    let (first, last) = p.months();
    let whole_months = p.from == first.first_day() && p.to == last.last_day();
    if p.from == p.to {
        p.from.to_string()
    } else if whole_months && first == last {
        first.to_string()
    } else if whole_months
        && first.month() == 1
        && last.month() == 12
        && first.year() == last.year()
    {
        format!("{:04}", first.year())
    } else if whole_months
        && first.year() == last.year()
        && first.month() % 3 == 1
        && first.offset(2) == last
    {
        format!("{:04}-Q{}", first.year(), first.quarter())
    } else if whole_months {
        format!("{first}..{last}")
    } else {
        format!("{}..{}", p.from, p.to)
    }
}

/// Evidence of a finding: named, structured values (ids, months, amounts, dates).
///
/// Keys are kept sorted, so serialization is deterministic.
pub type Evidence = serde_json::Map<String, Value>;

/// One finding of one rule.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct Finding {
    /// The rule's code, e.g. `DUE001`.
    pub rule: &'static str,
    /// The rule's name, e.g. `dues-month-unpaid`.
    pub name: &'static str,
    /// Severity (the rule's default, or an override).
    pub severity: Severity,
    /// The branch id.
    pub branch: Id,
    /// What the finding is about.
    pub subject: Subject,
    /// The period or day concerned; `null` when none applies.
    pub period: Option<DateRange>,
    /// The message, Chinese and English.
    pub message: Message,
    /// Structured evidence.
    pub evidence: Evidence,
    /// The regulations breached.
    pub citations: Vec<Citation>,
}

impl Finding {
    /// The sort key of the report: branch, rule, subject id, period start.
    pub fn sort_key(&self) -> (&str, &str, &str, Option<NaiveDate>) {
        (
            self.branch.as_str(),
            self.rule,
            self.subject.id.as_str(),
            self.period.map(|p| p.from),
        )
    }
}

/// Sorts findings by branch, rule, subject id and period start; ties keep the
/// order in which the rules produced them, which is itself deterministic.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Totals of a report.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Summary {
    /// Bundles (branches) audited.
    pub branches: usize,
    /// Members in them.
    pub members: usize,
    /// Findings.
    pub findings: usize,
    /// Findings by severity (`error`, `warning`, `info`; all three always present).
    pub by_severity: BTreeMap<Severity, usize>,
    /// Findings by rule code.
    pub by_rule: BTreeMap<&'static str, usize>,
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
        }
    }
}

impl Summary {
    /// Counts one finding.
    pub fn count(&mut self, rule: &'static str, severity: Severity) {
        self.findings += 1;
        *self.by_severity.entry(severity).or_insert(0) += 1;
        *self.by_rule.entry(rule).or_insert(0) += 1;
    }

    /// The highest severity counted.
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
            self.findings += 1;
            *self.by_severity.entry(f.severity).or_insert(0) += 1;
            *self.by_rule.entry(f.rule).or_insert(0) += 1;
        }
    }
}

/// The report: `{"format": "dangjian-report/1", ...}`.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct Report {
    /// Always `dangjian-report/1`.
    pub format: &'static str,
    /// The audit's reference date.
    pub as_of: NaiveDate,
    /// The audit period.
    pub period: DateRange,
    /// The profile's name.
    pub profile: String,
    /// Totals.
    pub summary: Summary,
    /// Findings, sorted by branch, rule, subject id and period start.
    pub findings: Vec<Finding>,
}

impl Report {
    /// The value of the report's `format` field.
    pub const FORMAT: &'static str = "dangjian-report/1";

    /// The report as pretty JSON (the same input gives byte-identical output).
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The highest severity among the findings.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(a: &str, b: &str) -> DateRange {
        DateRange::new(a.parse().unwrap(), b.parse().unwrap()).unwrap()
    }

    #[test]
    fn an_empty_summary_lists_every_severity() {
        let s = serde_json::to_value(Summary::default()).unwrap();
        assert_eq!(
            s["by_severity"],
            serde_json::json!({"info": 0, "warning": 0, "error": 0})
        );
        assert_eq!(s["findings"], 0);
    }

    #[test]
    fn period_labels() {
        assert_eq!(period_label(&r("2025-06-01", "2025-06-30")), "2025-06");
        assert_eq!(period_label(&r("2025-01-01", "2025-12-31")), "2025");
        assert_eq!(period_label(&r("2025-07-01", "2025-09-30")), "2025-Q3");
        assert_eq!(
            period_label(&r("2025-08-01", "2025-10-31")),
            "2025-08..2025-10"
        );
        assert_eq!(period_label(&r("2025-06-20", "2025-06-20")), "2025-06-20");
        assert_eq!(
            period_label(&r("2025-06-20", "2025-07-01")),
            "2025-06-20..2025-07-01"
        );
    }
}
