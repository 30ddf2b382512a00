//! # dangjian — audit Party branch records against the Party's own rules
//!
//! `dangjian` (党建) reads the records (台账) of Communist Party branches —
//! members, monthly dues (党费), the 25-step member-development file
//! (发展党员), meetings and study (三会一课, 主题党日, 组织生活会, 民主评议),
//! training hours, transfers and members away (组织关系接转, 流动党员) — and
//! checks them against the regulations: the Party Constitution, the 2008
//! dues rules, the 2014 development rules (and, as an opt-in edition, their
//! reported 2026 revision), the 2018 branch-work regulations and the 2019
//! education regulations. Every breach is a structured [`Finding`]: the
//! rule's code, the subject, the period, a message in Chinese and English
//! with the concrete numbers, evidence as data, the article it breaches —
//! and a stable id, the key of baselines and 整改台账 rows.
//!
//! It audits *all* of the data — a violation is a finding, never an error, and
//! inconsistent but readable records become data-quality findings while the
//! rest is still checked. Money is exact ([`Decimal`]), output is
//! deterministic, and no library code reads the clock: the reference date
//! (`as_of`) and the audit period are inputs.
//!
//! # Quick start: load → audit → read the findings
//!
//! ```
//! use dangjian::{Auditor, NaiveDate, Severity};
//!
//! // 1. Load: a `.json` document, a `.jsonl` file (one branch per line), or
//! //    (feature `xlsx`) the `.xlsx` workbook a branch keeps.
//! let bundles = dangjian::load::read_path("examples/data/sample.json")?;
//!
//! // 2. Audit as of the end of 2025 (the period defaults to that calendar year).
//! let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
//! let report = Auditor::new(as_of).audit(&bundles);
//!
//! // 3. Read the findings: sorted by branch, rule, subject and period.
//! for f in report.findings.iter().filter(|f| f.severity == Severity::Error) {
//!     println!("{} {} {} {}: {}", f.id, f.branch, f.rule, f.subject.id, f.message.zh);
//! }
//! let lapse = report.findings.iter()
//!     .find(|f| f.subject.id == "M21" && f.rule == "DUE004")
//!     .unwrap();
//! assert!(lapse.message.en.contains("7 consecutive months"));
//! assert_eq!(lapse.citations[0].document, "中国共产党章程");
//!
//! // The report is the `dangjian-report/1` JSON document; it reads back.
//! let json = report.to_json();
//! assert_eq!(dangjian::Report::from_json(&json)?, report);
//! # Ok::<(), dangjian::Error>(())
//! ```
//!
//! The same from the command line: `cargo run --release --example audit --
//! FILE --format json` (the command is [`cli`], feature `cli`).
//!
//! # Cookbook
//!
//! **Build a bundle in code.** Every record has a constructor taking its
//! required fields; optional fields are public and set afterwards. Records
//! and enums are `#[non_exhaustive]`: the format grows by optional fields
//! and new values without breaking your code.
//!
//! ```
//! use dangjian::*;
//! let d = |s: &str| parse_date(s).unwrap();
//! let mut b = Bundle::new(Branch::new("B1".parse()?, "第一党支部", BranchKind::Organ));
//! let mut m = Member::new("M1".parse()?, "王某", MemberStatus::Full, d("2010-06-01"), DuesCategory::Salaried);
//! m.leading_cadre = true;
//! b.members.push(m);
//! b.dues_bases.push(DuesBase::new("M1".parse()?, "2025-01".parse()?, "8500.00".parse()?));
//! b.dues_payments.push(DuesPayment::new("M1".parse()?, "2025-01".parse()?, "127.50".parse()?, d("2025-01-10")));
//! let findings = Auditor::new(d("2025-02-28")).select("DUE001".parse()?).check(&b);
//! assert_eq!(findings.len(), 1); // February unpaid
//! assert_eq!(findings[0].id, "DUE001/B1/member:M1/2025-02");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! **Audit a large JSON Lines file without loading it.** [`load::open`]
//! yields one bundle at a time; [`Auditor::check`] audits one bundle.
//!
//! ```no_run
//! # use dangjian::NaiveDate;
//! let auditor = dangjian::Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
//! let mut report = auditor.empty_report();
//! for bundle in dangjian::load::open("county.jsonl")? {
//!     let bundle = bundle?; // an Error names the line, table, record and field
//!     let findings = auditor.check(&bundle);
//!     auditor.add(&mut report, &bundle, findings);
//! }
//! let report = auditor.finish(report);
//! report.write_json(std::io::stdout().lock())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! **Choose rules and severities.** A [`Selection`] takes `all`, families
//! and codes; a [`RuleCode`](rules::RuleCode) is checked, so a typo is an
//! error with a suggestion, never a silent no-op.
//!
//! ```
//! # use dangjian::NaiveDate;
//! use dangjian::rules::{RuleCode, Selection};
//! use dangjian::{Auditor, Severity};
//! let auditor = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
//!     .select(Selection::all().without("DUE003,MTG009".parse()?))
//!     .severity(RuleCode::DUE002, Severity::Error);
//! assert!("DEV12".parse::<RuleCode>().is_err()); // "did you mean DEV012?"
//! # Ok::<(), dangjian::rules::ParseCodeError>(())
//! ```
//!
//! **Audit by a province's practice.** Every threshold lives in the
//! [`Profile`] with its citation; a value set with its own source is cited
//! by every finding that used it (without one, as 本地规定).
//!
//! ```
//! use dangjian::{Citation, Profile};
//! let mut profile = Profile::central();
//! profile.name = "某省".into();
//! profile.set_param(
//!     "development.publicity_min_working_days",
//!     serde_json::json!(7),
//!     None,
//!     Some(Citation::owned("某省委组织部〔2021〕5号", "第三条")),
//! )?;
//! assert_eq!(*profile.development.publicity_min_working_days.value(), 7);
//! # Ok::<(), dangjian::Error>(())
//! ```
//!
//! **Read a province's profile file.** Thresholds with their own sources,
//! rules switched off or re-graded, approved exceptions and a 评星定级
//! scheme, in TOML (`docs/profiles.md`); [`Profile::explain`] prints every
//! effective value with its source and the line that set it.
//!
//! ```
//! # use chrono::NaiveDate;
//! let profile = dangjian::Profile::from_toml_path("examples/data/profile-example.toml")?;
//! let bundles = dangjian::load::read_path("examples/data/sample.json")?;
//! let report = dangjian::Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
//!     .profile(profile)
//!     .audit(&bundles);
//! assert_eq!(report.profile.name, "某省直机关");
//! assert_eq!(report.summary.accepted, 1); // an approved exception: still listed, counted apart
//! # Ok::<(), dangjian::Error>(())
//! ```
//!
//! **Compute dues alone.** The calculator needs nothing but the profile: see
//! [`dues::expected_monthly`].
//!
//! ```
//! use dangjian::dues::expected_monthly;
//! use dangjian::{DuesCategory, Profile};
//! let p = Profile::central();
//! let e = expected_monthly(&p.dues, DuesCategory::Retired, Some("5000.01".parse()?));
//! assert_eq!(e.amount().unwrap().to_string(), "50.00"); // 1% of the whole pension
//! # Ok::<(), dangjian::ParseValueError>(())
//! ```
//!
//! **Show a member's calendar.** [`life::standing::Standing`] gives, for a
//! member and a range of months, each month's dues status and
//! organisational-life status — the two six-month lines of the Constitution
//! side by side.
//!
//! **Send reminders for candidates.** [`development::plan`] tells, for a
//! candidate and a date, the next required steps with their deadlines or
//! earliest dates.
//!
//! **Count working days.** Publicity windows are counted on the PRC calendar
//! with its holidays and 调休 swap days ([`calendar::Prc`]); plug in your own
//! [`WorkCalendar`] with [`Auditor::calendar`].
//!
//! **Render.** [`render::TextReport`] (Chinese or English, grouped by
//! branch), [`render::write_csv`] (UTF-8 with BOM, for Excel) and
//! [`Report::write_json`], each to any [`std::io::Write`]; and
//! `render::html::HtmlReport` (feature `html`): one offline HTML page with
//! per-branch cards, dues and organisational-life grids, development
//! timelines and a filterable findings table (`docs/html.md`).
//!
//! # Rule index
//!
//! The full reference, with What / Why / Example / Source, the evidence keys
//! of every rule and every threshold of the central profile, is
//! [`docs::rules`] (`docs/rules.md`), generated from [`rules::registry`]. In
//! short:
//!
#![doc = include_str!("../docs/rule-index.md")]
//!
//! # Errors
//!
//! Input that cannot be read — malformed JSON, money as a JSON number, an
//! impossible date, an unknown enum value, a missing file — is an [`Error`]
//! whose [`Location`] names the file, the bundle (index, or line in JSON
//! Lines), the table, the record and the field. Nothing panics on user data.
//! Values parsed in code fail with [`ParseValueError`] or
//! [`rules::ParseCodeError`]; both convert into [`Error`] with `?`.
//!
//! # Crate features
//!
//! The library proper — model, loading, rules, profile, findings, reports,
//! the calendar and the domain views — has no feature and depends only on
//! `serde`/`serde_json`, `chrono`, `rust_decimal`, `thiserror`,
//! `serde_path_to_error`, `compact_str`, `chinese_holiday` (the State Council's
//! holiday calendar), `toml` (profile files, read with the place of every
//! key) and `sha2` (the profile's hash in the report header). The
//! application parts are features, all on by default so that the examples
//! and tests of a fresh clone run; a library user writes
//! `dangjian = { version = "0.2", default-features = false }` and compiles
//! none of their dependencies:
//!
//! | feature | what | dependencies |
//! |---|---|---|
//! | `cli` | the `audit` command's logic ([`cli`]): arguments, the parallel pipeline, sorted output in bounded memory, progress | `clap`, `indicatif` |
//! | `synth` | the synthetic data generator (`synth`), for benches and tests | — |
//! | `xlsx` | Excel workbooks: [`load::read_path`] and [`load::open`] read the 台账 workbook (`load::xlsx`); `render::xlsx` writes the report workbook (问题清单, 整改台账, the 党费 and 出勤 grids), the empty template and records as a workbook | `calamine`, `rust_xlsxwriter` |
//! | `html` | the HTML report (`render::html`): one self-contained, offline page from replaceable templates | `minijinja` |
//!
//! # Design
//!
//! [`docs::design`] explains why the crate is shaped as it is; [`docs::format`]
//! is the record and report format in this crate's words.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod audit;
pub mod calendar;
#[cfg(feature = "cli")]
#[path = "app/mod.rs"]
pub mod cli;
mod error;
mod families;
mod kit;
pub mod load;
pub mod model;
pub mod period;
pub mod profile;
pub mod render;
pub mod report;
#[cfg(feature = "synth")]
pub mod synth;
#[cfg(test)]
mod testing;
mod vocab;

/// Reference documents, readable on docs.rs: the record and report format,
/// the rule reference and the design notes.
pub mod docs {
    #[doc = include_str!("../docs/format.md")]
    pub mod format {}
    #[doc = include_str!("../docs/rules.md")]
    pub mod rules {}
    #[doc = include_str!("../DESIGN.md")]
    pub mod design {}
    #[cfg(feature = "html")]
    #[doc = include_str!("../docs/html.md")]
    pub mod html {}
}

/// The README's examples, compiled and run as doctests so they never rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use audit::Auditor;
pub use calendar::WorkCalendar;
pub use chrono::{self, NaiveDate};
pub use error::{Error, ErrorKind, Location, Result};
pub use families::context::Context;
pub use families::{development, dues, life};
pub use kit::Selection;
pub use model::*;
pub use profile::Profile;
pub use report::{
    Citation, Finding, Lang, Message, Report, Severity, Subject, SubjectKind, Summary,
};
pub use rust_decimal::{self, Decimal};

/// The rule registry: every rule's code, metadata (docs, severity,
/// citations, evidence keys), the families, and rule selection.
pub mod rules {
    pub use crate::families::registry::{registry, rule};
    pub use crate::kit::{EvidenceKey, RuleMeta, Selection};
    pub use crate::vocab::{Cite, Family, ParseCodeError, RuleCode};
}
