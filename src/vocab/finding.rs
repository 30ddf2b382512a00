//! One finding: rule, severity, subject, period, message, evidence,
//! citations, and its stable id.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::code::{Family, RuleCode};
use crate::model::{DateRange, Id};

/// How serious a finding is. Ordered: `Info < Warning < Error < Other`.
///
/// The auditor gives only `info`, `warning` and `error`. A report that a
/// newer version wrote may name a severity this one does not know: it reads
/// back as [`Severity::Other`], kept as its name (and written out as it
/// came), so a newer writer never breaks an older reader.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Severity {
    /// Worth knowing; not a breach.
    Info,
    /// A lapse to correct.
    Warning,
    /// A breach of a rule.
    Error,
    /// A severity this version does not know, read from a report.
    Other(SeverityName),
}

/// The name of a severity this version does not know ([`Severity::Other`]):
/// up to 8 bytes of text (`critical`), kept inline so that [`Severity`]
/// stays `Copy` and small (a 10,000-year audit holds 280,000 findings).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeverityName {
    len: u8,
    bytes: [u8; SeverityName::MAX],
}

impl SeverityName {
    /// The longest name kept, in bytes.
    pub const MAX: usize = 8;

    /// The name, if it is 1 to [`SeverityName::MAX`] bytes.
    pub fn new(name: &str) -> Option<SeverityName> {
        let len = name.len();
        if len == 0 || len > SeverityName::MAX {
            return None;
        }
        let mut bytes = [0u8; SeverityName::MAX];
        bytes.get_mut(..len)?.copy_from_slice(name.as_bytes());
        Some(SeverityName {
            len: len as u8,
            bytes,
        })
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        self.bytes
            .get(..usize::from(self.len))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl fmt::Debug for SeverityName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Severity {
    /// `info`, `warning` or `error` (or the name of an unknown one).
    pub fn as_str(&self) -> &str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
            Severity::Other(n) => n.as_str(),
        }
    }

    /// 提示, 警告 or 错误 (an unknown one by its name).
    pub fn zh(&self) -> &str {
        match self {
            Severity::Info => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
            Severity::Other(n) => n.as_str(),
        }
    }

    /// A severity of a report: a known name, or any other of 1 to 8 bytes
    /// ([`Severity::Other`]). (Parsing with [`FromStr`] accepts the known
    /// names only: a profile's typo is an error.)
    ///
    /// # Errors
    /// When `s` is empty or longer than 8 bytes.
    pub fn read(s: &str) -> Result<Severity, crate::ParseValueError> {
        match s.parse() {
            Ok(known) => Ok(known),
            Err(e) => SeverityName::new(s).map(Severity::Other).ok_or(e),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Reads any severity name (see [`Severity::read`]): a report of a newer
/// version reads back.
impl<'de> Deserialize<'de> for Severity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Severity, D::Error> {
        let s = Cow::<'de, str>::deserialize(d)?;
        Severity::read(&s).map_err(|_| {
            serde::de::Error::custom(format!(
                "a severity (info, warning, error, or another name of 1 to 8 bytes), found {s:?}"
            ))
        })
    }
}

/// The rule of a finding as a report names it: a code this version knows,
/// or one that a newer version wrote (rule codes are added, never reused).
///
/// Reading a report keeps an unknown code as its text, so that the report
/// reads back and writes out unchanged; such a finding has no metadata here
/// ([`Rule::code`] is `None`), and a baseline never counts it resolved (this
/// version does not look for it).
///
/// ```
/// use dangjian::report::Rule;
/// use dangjian::rules::RuleCode;
/// let known: Rule = serde_json::from_str(r#""DUE001""#)?;
/// assert_eq!(known, RuleCode::DUE001);
/// assert_eq!(known.name(), "dues-month-unpaid");
/// let newer = Rule::read("DEV099", Some("oath-photo-missing"))?;
/// assert_eq!((newer.as_str(), newer.code()), ("DEV099", None));
/// assert_eq!(newer.name(), "oath-photo-missing");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
#[non_exhaustive]
pub enum Rule {
    /// A code of this version's registry.
    Known(RuleCode),
    /// A code this version does not know, with the name the report gave.
    Other(Box<OtherRule>),
}

/// A rule code this version does not know, as a report wrote it
/// ([`Rule::Other`]).
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub struct OtherRule {
    /// The code, e.g. `DEV099`.
    pub code: String,
    /// The rule's name as the report gave it (empty when it gave none).
    pub name: String,
}

impl Rule {
    /// The code as text: `DUE001`.
    pub fn as_str(&self) -> &str {
        match self {
            Rule::Known(c) => c.as_str(),
            Rule::Other(o) => &o.code,
        }
    }

    /// The code, when this version knows it.
    pub fn code(&self) -> Option<RuleCode> {
        match self {
            Rule::Known(c) => Some(*c),
            Rule::Other(_) => None,
        }
    }

    /// The rule's kebab-case name: the registry's, or the one the report
    /// gave for a code this version does not know.
    pub fn name(&self) -> &str {
        match self {
            Rule::Known(c) => c.name(),
            Rule::Other(o) => &o.name,
        }
    }

    /// The rule's family, when this version knows it.
    pub fn family(&self) -> Option<Family> {
        self.code().map(RuleCode::family)
    }

    /// The rule of `code` as read from a report: known, or kept as text
    /// (with `name`, when the report gave one).
    ///
    /// # Errors
    /// When `code` is empty.
    pub fn read(code: &str, name: Option<&str>) -> Result<Rule, crate::ParseValueError> {
        if code.is_empty() {
            return Err(crate::model::values_error("rule code", code));
        }
        Ok(code.parse::<RuleCode>().map_or_else(
            |_| {
                Rule::Other(Box::new(OtherRule {
                    code: code.to_owned(),
                    name: name.unwrap_or_default().to_owned(),
                }))
            },
            Rule::Known,
        ))
    }
}

/// Rules are equal when their codes are.
impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Rule {}

impl std::hash::Hash for Rule {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl From<RuleCode> for Rule {
    fn from(c: RuleCode) -> Rule {
        Rule::Known(c)
    }
}

/// As the codes sort (the order of [`RuleCode`] for known ones).
impl Ord for Rule {
    fn cmp(&self, other: &Rule) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Rule {
    fn partial_cmp(&self, other: &Rule) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<RuleCode> for Rule {
    fn eq(&self, other: &RuleCode) -> bool {
        self.code() == Some(*other)
    }
}

impl PartialEq<str> for Rule {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Rule {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl AsRef<str> for Rule {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        let s = Cow::<'de, str>::deserialize(d)?;
        Rule::read(&s, None)
            .map_err(|_| serde::de::Error::custom("a rule code, found an empty string"))
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
#[non_exhaustive]
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
#[non_exhaustive]
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
#[non_exhaustive]
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

/// A citation of a regulation: document and article, and — when they
/// apply — the edition of the text and the profile parameter it is the
/// source of.
///
/// Citations follow the profile: a finding that used a threshold cites the
/// threshold's source, so a province that sets its own value with its own
/// source is cited as such.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Citation {
    /// The document's full title, e.g. 关于中国共产党党费收缴、使用和管理的规定.
    pub document: Cow<'static, str>,
    /// The article, e.g. 第十二条; or a note such as "practice".
    pub article: Cow<'static, str>,
    /// The edition of the text applied (`2014`, `2026`), for texts with editions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<Cow<'static, str>>,
    /// The profile parameter (`dues.lapse_months`) this is the source of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub param: Option<Cow<'static, str>>,
}

impl Citation {
    /// A citation of `document`, `article`.
    pub const fn new(document: &'static str, article: &'static str) -> Citation {
        Citation {
            document: Cow::Borrowed(document),
            article: Cow::Borrowed(article),
            edition: None,
            param: None,
        }
    }

    /// A citation from owned text (a profile file's `source`).
    pub fn owned(document: impl Into<String>, article: impl Into<String>) -> Citation {
        Citation {
            document: Cow::Owned(document.into()),
            article: Cow::Owned(article.into()),
            edition: None,
            param: None,
        }
    }

    /// Whether both cite the same text (document, article and edition),
    /// whatever parameter they are the source of.
    pub fn same_text(&self, other: &Citation) -> bool {
        self.document == other.document
            && self.article == other.article
            && self.edition == other.edition
    }

    /// `《document》article` for a regulation (with `（2014年版）` for an
    /// edition); practice, data-quality and local citations, which are not
    /// documents, without the title marks.
    pub fn display(&self) -> String {
        let edition = self
            .edition
            .as_ref()
            .map(|e| format!("（{e}年版）"))
            .unwrap_or_default();
        let plain = super::sources::is_note(&self.document);
        match (plain, self.article.is_empty()) {
            (true, true) => self.document.to_string(),
            (true, false) => format!("{}：{}", self.document, self.article),
            (false, true) => format!("《{}》{edition}", self.document),
            (false, false) => format!("《{}》{edition}{}", self.document, self.article),
        }
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
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
    } else if whole_months
        && first.year() == last.year()
        && first.month() % 6 == 1
        && first.offset(5) == last
    {
        format!("{:04}-H{}", first.year(), first.month() / 6 + 1)
    } else if whole_months {
        format!("{first}..{last}")
    } else {
        format!("{}..{}", p.from, p.to)
    }
}

/// The period of a label written by [`period_label`] (the 期间 column of a
/// report workbook): `2025`, `2025-H2`, `2025-Q3`, `2025-06`, `2025-06-20`,
/// `2025-08..2025-10` or `2025-06-20..2025-07-01`; `None` for anything else.
///
/// ```
/// use dangjian::report::{parse_period_label, period_label};
/// let p = parse_period_label("2025-Q3").unwrap();
/// assert_eq!(p.from.to_string(), "2025-07-01");
/// assert_eq!(period_label(&p), "2025-Q3");
/// assert!(parse_period_label("第三季度").is_none());
/// ```
pub fn parse_period_label(s: &str) -> Option<DateRange> {
    let s = s.trim();
    if let Some((a, b)) = s.split_once("..") {
        let (a, b) = (a.trim(), b.trim());
        if let (Ok(a), Ok(b)) = (
            a.parse::<crate::model::YearMonth>(),
            b.parse::<crate::model::YearMonth>(),
        ) {
            return (a <= b).then(|| DateRange::of_months(a, b));
        }
        let a = crate::model::parse_date(a).ok()?;
        let b = crate::model::parse_date(b).ok()?;
        return DateRange::new(a, b);
    }
    if s.len() == 10 {
        return crate::model::parse_date(s).ok().map(DateRange::day);
    }
    s.parse::<crate::model::PeriodSpec>()
        .ok()
        .map(|p| p.range())
}

pub use super::evidence::Evidence;

/// What the branch wrote in the 整改台账 for a finding: measures, who is
/// responsible, the deadline, how far it got, the proof. Carried forward by
/// finding id from a filled workbook (or a JSON report) into the next report
/// and the next 整改台账.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Remediation {
    /// 整改措施.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// 责任人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// 整改时限 (as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// 完成情况.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
    /// 佐证材料.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
}

impl Remediation {
    /// Whether nothing is filled in.
    pub fn is_empty(&self) -> bool {
        self.measures.is_none()
            && self.owner.is_none()
            && self.deadline.is_none()
            && self.progress.is_none()
            && self.proof.is_none()
    }
}

/// How a finding compares with the baseline report (`--baseline`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum BaselineStatus {
    /// Not in the baseline.
    New,
    /// In the baseline, with the same evidence.
    Unchanged,
    /// In the baseline, with other evidence (e.g. a partial payment).
    Updated,
    /// Not in the baseline by id, but the same fault again in a later period
    /// (重复出现): the baseline has a finding of the same rule, branch and
    /// subject for an earlier year, half-year, quarter or month, and this
    /// one's period lies after the baseline's audit period (the 2026 report
    /// against the 2025 one). Its predecessor is still open, not resolved.
    Recurring,
}

/// An approved exception (a profile's `[[accept]]`) that matched a finding.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Acceptance {
    /// Why the finding is accepted.
    pub reason: String,
    /// The approval (document number).
    pub approval: String,
    /// Last day the acceptance applies.
    pub expires: NaiveDate,
}

impl Acceptance {
    /// An acceptance for `reason`, approved by `approval`, until `expires`.
    pub fn new(
        reason: impl Into<String>,
        approval: impl Into<String>,
        expires: NaiveDate,
    ) -> Acceptance {
        Acceptance {
            reason: reason.into(),
            approval: approval.into(),
            expires,
        }
    }
}

/// One finding of one rule.
///
/// Built by the auditor; read back from a stored report with
/// [`Report::from_json`](crate::Report::from_json).
#[derive(Clone, PartialEq, Debug)]
#[non_exhaustive]
pub struct Finding {
    /// The stable id: `RULE/BRANCH/KIND:ID/PERIOD-START` (see [`finding_id`]).
    pub id: String,
    /// The rule's code, e.g. `DUE001` (in a report of a newer version,
    /// perhaps one this version does not know: [`Rule::Other`]); its name
    /// is [`Finding::name`].
    pub rule: Rule,
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
    /// How it compares with the baseline (only with a baseline).
    pub baseline: Option<BaselineStatus>,
    /// `as_of` of the earliest report it was in (only with a baseline).
    pub first_seen: Option<NaiveDate>,
    /// The approved exception that matched it, if any.
    ///
    /// Boxed, as [`Finding::remediation`]: most findings have neither, and a
    /// 10,000-year audit holds 280,000 findings.
    pub accepted: Option<Box<Acceptance>>,
    /// What the branch wrote of its rectification (整改台账), carried
    /// forward from the baseline.
    pub remediation: Option<Box<Remediation>>,
}

/// How a finding is written: its fields in the report's order, the rule's
/// name after its code.
#[derive(Serialize)]
struct FindingOut<'a> {
    id: &'a str,
    rule: &'a str,
    name: &'a str,
    severity: Severity,
    branch: &'a Id,
    subject: &'a Subject,
    period: Option<DateRange>,
    message: &'a Message,
    evidence: &'a Evidence,
    citations: &'a [Citation],
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_seen: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accepted: Option<&'a Acceptance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remediation: Option<&'a Remediation>,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FindingOut {
            id: &self.id,
            rule: self.rule.as_str(),
            name: self.name(),
            severity: self.severity,
            branch: &self.branch,
            subject: &self.subject,
            period: self.period,
            message: &self.message,
            evidence: &self.evidence,
            citations: &self.citations,
            baseline: self.baseline,
            first_seen: self.first_seen,
            accepted: self.accepted.as_deref(),
            remediation: self.remediation.as_deref(),
        }
        .serialize(s)
    }
}

/// How a finding is read: the name follows from a known code, else it is
/// the one given.
#[derive(Deserialize)]
struct FindingRepr {
    #[serde(default)]
    id: Option<String>,
    rule: String,
    #[serde(default)]
    name: Option<String>,
    severity: Severity,
    branch: Id,
    subject: Subject,
    #[serde(default)]
    period: Option<DateRange>,
    message: Message,
    #[serde(default)]
    evidence: Evidence,
    #[serde(default)]
    citations: Vec<Citation>,
    #[serde(default)]
    baseline: Option<BaselineStatus>,
    #[serde(default)]
    first_seen: Option<NaiveDate>,
    #[serde(default)]
    accepted: Option<Acceptance>,
    #[serde(default)]
    remediation: Option<Remediation>,
}

impl<'de> Deserialize<'de> for Finding {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Finding, D::Error> {
        let r = FindingRepr::deserialize(d)?;
        let rule = Rule::read(&r.rule, r.name.as_deref())
            .map_err(|_| serde::de::Error::custom("a rule code, found an empty string"))?;
        Ok(Finding::read(rule, r))
    }
}

impl Finding {
    fn read(rule: Rule, r: FindingRepr) -> Finding {
        let id =
            r.id.unwrap_or_else(|| id_of(rule.as_str(), &r.branch, &r.subject, r.period.as_ref()));
        let mut f = Finding {
            id,
            rule,
            severity: r.severity,
            branch: r.branch,
            subject: r.subject,
            period: r.period,
            message: r.message,
            evidence: r.evidence,
            citations: r.citations,
            baseline: None,
            first_seen: None,
            accepted: None,
            remediation: None,
        };
        f.baseline = r.baseline;
        f.first_seen = r.first_seen;
        f.accepted = r.accepted.map(Box::new);
        f.remediation = r.remediation.map(Box::new);
        f
    }
}

impl Finding {
    /// A finding of `rule` (its name from the registry, its id computed).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        rule: RuleCode,
        severity: Severity,
        branch: Id,
        subject: Subject,
        period: Option<DateRange>,
        message: Message,
        evidence: Evidence,
        citations: Vec<Citation>,
    ) -> Finding {
        Finding {
            id: finding_id(rule, &branch, &subject, period.as_ref()),
            rule: Rule::Known(rule),
            severity,
            branch,
            subject,
            period,
            message,
            evidence,
            citations,
            baseline: None,
            first_seen: None,
            accepted: None,
            remediation: None,
        }
    }

    /// The sort key of the report: branch, rule, subject id, period start.
    pub fn sort_key(&self) -> (&str, &str, &str, Option<NaiveDate>) {
        (
            self.branch.as_str(),
            self.rule.as_str(),
            self.subject.id.as_str(),
            self.period.map(|p| p.from),
        )
    }

    /// The rule's kebab-case name, e.g. `dues-month-unpaid` ([`Rule::name`]).
    pub fn name(&self) -> &str {
        self.rule.name()
    }

    /// Whether an approved exception applies (it never trips `--fail-on`).
    pub fn is_accepted(&self) -> bool {
        self.accepted.is_some()
    }
}

/// The stable id of a finding: `RULE/BRANCH/KIND:ID/PERIOD-START`, e.g.
/// `DUE001/B01/member:M03/2025-03`.
///
/// It depends only on the rule, the branch, the subject and the start of
/// the period — never on the message or the evidence — so the same fault has
/// the same id in every later export (provided the exporter keeps member,
/// candidate, meeting and branch ids stable). It is the key of baselines,
/// acceptances and 整改台账 rows. The start is written `YYYY-MM` when the
/// period is whole months, else `YYYY-MM-DD`; `-` when there is no period.
/// A `/` or `%` inside an id is written `%2F` / `%25`. Two findings of one
/// bundle with the same id (two payments of one month without a receipt)
/// are told apart by `#2`, `#3` … in report order ([`disambiguate_ids`]).
///
/// ```
/// use dangjian::report::finding_id;
/// use dangjian::{DateRange, Subject, NaiveDate};
/// use dangjian::rules::RuleCode;
/// let march = DateRange::of_months("2025-03".parse()?, "2025-03".parse()?);
/// let id = finding_id(RuleCode::DUE001, &"B01".parse()?, &Subject::member(&"M03".parse()?), Some(&march));
/// assert_eq!(id, "DUE001/B01/member:M03/2025-03");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn finding_id(
    rule: RuleCode,
    branch: &Id,
    subject: &Subject,
    period: Option<&DateRange>,
) -> String {
    id_of(rule.as_str(), branch, subject, period)
}

/// [`finding_id`] of a rule given as text (a code of a newer version).
fn id_of(rule: &str, branch: &Id, subject: &Subject, period: Option<&DateRange>) -> String {
    let mut s = String::with_capacity(48);
    s.push_str(rule);
    s.push('/');
    escape_into(&mut s, branch.as_str());
    s.push('/');
    s.push_str(subject.kind.as_str());
    s.push(':');
    escape_into(&mut s, subject.id.as_str());
    s.push('/');
    match period {
        None => s.push('-'),
        Some(p) => {
            use chrono::Datelike;
            let whole = p.from.day() == 1 && crate::model::YearMonth::of(p.to).last_day() == p.to;
            if whole {
                let _ = fmt::Write::write_fmt(
                    &mut s,
                    format_args!("{:04}-{:02}", p.from.year(), p.from.month()),
                );
            } else {
                let _ = fmt::Write::write_fmt(&mut s, format_args!("{}", p.from));
            }
        }
    }
    s
}

fn escape_into(out: &mut String, id: &str) {
    for c in id.chars() {
        match c {
            '/' => out.push_str("%2F"),
            '%' => out.push_str("%25"),
            c => out.push(c),
        }
    }
}

/// Makes the ids of sorted `findings` unique: the second and later findings
/// with one id (two payments of one month without a receipt, two records
/// sharing an id) get `#2`, `#3` … in report order.
pub fn disambiguate_ids(findings: &mut [Finding]) {
    for run in findings.chunk_by_mut(|a, b| a.id == b.id) {
        for (n, f) in run.iter_mut().enumerate().skip(1) {
            f.id = format!("{}#{}", f.id, n + 1);
        }
    }
}

/// Sorts findings by branch, rule, subject id and period start; ties keep the
/// order in which the rules produced them, which is itself deterministic.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(a: &str, b: &str) -> DateRange {
        DateRange::new(a.parse().unwrap(), b.parse().unwrap()).unwrap()
    }

    #[test]
    fn ids_depend_on_rule_branch_subject_and_period_start() {
        let b: Id = "B/1".parse().unwrap();
        let m = Subject::member(&"M%3".parse().unwrap());
        assert_eq!(
            finding_id(
                RuleCode::DUE003,
                &b,
                &m,
                Some(&r("2025-03-01", "2025-05-31"))
            ),
            "DUE003/B%2F1/member:M%253/2025-03"
        );
        assert_eq!(
            finding_id(
                RuleCode::DEV002,
                &b,
                &m,
                Some(&r("2025-03-12", "2025-03-12"))
            ),
            "DUE003/B%2F1/member:M%253/2025-03-12".replace("DUE003", "DEV002")
        );
        assert_eq!(
            finding_id(RuleCode::ORG001, &b, &Subject::branch(&b), None),
            "ORG001/B%2F1/branch:B%2F1/-"
        );
    }

    #[test]
    fn equal_ids_are_told_apart_in_order() {
        let b: Id = "B1".parse().unwrap();
        let m = Subject::member(&"M1".parse().unwrap());
        let f = |p: &str| {
            Finding::new(
                RuleCode::DUE009,
                Severity::Info,
                b.clone(),
                m.clone(),
                Some(r(p, p)),
                Message::new("", ""),
                Evidence::new(),
                Vec::new(),
            )
        };
        let mut v = vec![
            f("2025-03-05"),
            f("2025-03-05"),
            f("2025-03-05"),
            f("2025-04-05"),
        ];
        disambiguate_ids(&mut v);
        let ids: Vec<&str> = v.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "DUE009/B1/member:M1/2025-03-05",
                "DUE009/B1/member:M1/2025-03-05#2",
                "DUE009/B1/member:M1/2025-03-05#3",
                "DUE009/B1/member:M1/2025-04-05"
            ]
        );
    }

    #[test]
    fn citations_display() {
        let mut c = Citation::new("中国共产党发展党员工作细则", "第十七条");
        assert_eq!(c.display(), "《中国共产党发展党员工作细则》第十七条");
        c.edition = Some(Cow::Borrowed("2026"));
        assert_eq!(
            c.display(),
            "《中国共产党发展党员工作细则》（2026年版）第十七条"
        );
        let p = Citation::new(crate::vocab::sources::PRACTICE, "公示不少于5个工作日");
        assert!(p.display().starts_with("地方通行做法"));
        assert_eq!(c.to_string(), c.display());
    }

    #[test]
    fn languages_parse() {
        assert_eq!("zh".parse(), Ok(Lang::Zh));
        assert_eq!("en".parse(), Ok(Lang::En));
        assert_eq!(Lang::default(), Lang::Zh);
        for bad in ["", "EN", "fr", "zh-CN"] {
            let e = bad.parse::<Lang>().unwrap_err();
            assert!(e.to_string().contains("zh|en"), "{bad}: {e}");
        }
    }

    #[test]
    fn period_labels() {
        assert_eq!(period_label(&r("2025-06-01", "2025-06-30")), "2025-06");
        assert_eq!(period_label(&r("2025-01-01", "2025-12-31")), "2025");
        assert_eq!(period_label(&r("2025-07-01", "2025-09-30")), "2025-Q3");
        assert_eq!(period_label(&r("2025-07-01", "2025-12-31")), "2025-H2");
        assert_eq!(period_label(&r("2025-01-01", "2025-06-30")), "2025-H1");
        assert_eq!(
            period_label(&r("2025-06-01", "2025-11-30")),
            "2025-06..2025-11"
        );
        assert_eq!(
            period_label(&r("2025-02-01", "2025-04-30")),
            "2025-02..2025-04"
        );
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

    #[test]
    fn period_labels_read_back() {
        for (a, b) in [
            ("2025-06-01", "2025-06-30"),
            ("2025-01-01", "2025-12-31"),
            ("2025-07-01", "2025-09-30"),
            ("2025-07-01", "2025-12-31"),
            ("2025-08-01", "2025-10-31"),
            ("2025-06-20", "2025-06-20"),
            ("2025-06-20", "2025-07-01"),
        ] {
            let p = r(a, b);
            assert_eq!(parse_period_label(&period_label(&p)), Some(p));
        }
        for bad in [
            "",
            "2025-13",
            "2025-Q5",
            "2025-10..2025-08",
            "x..y",
            "2025-02-30",
        ] {
            assert_eq!(parse_period_label(bad), None, "{bad}");
        }
    }
}
