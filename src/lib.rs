//! # dangjian — audit Party branch records against the Party's own rules
//!
//! `dangjian` (党建) reads the records (台账) of Communist Party branches —
//! members, monthly dues (党费), the 25-step member-development process
//! (发展党员), meetings and study (三会一课, 主题党日, 组织生活会, 民主评议),
//! training hours — and checks them against the regulations: the Party
//! Constitution, the 2008 dues rules, the 2014 development rules, the 2018
//! branch-work regulations and the 2019 education regulations. Every breach is
//! a structured [`Finding`] with the rule's code, the subject, the period, a
//! message in Chinese and English with the concrete numbers, evidence as data,
//! and the article it breaches.
//!
//! It audits *all* of the data — a violation is a finding, never an error, and
//! inconsistent but readable records become data-quality findings while the
//! rest is still checked. Money is exact (`rust_decimal`), output is
//! deterministic, and no library code reads the clock: the reference date
//! (`as_of`) and the audit period are inputs.
//!
//! # Quick start: load → audit → read the findings
//!
//! ```
//! use chrono::NaiveDate;
//! use dangjian::{Auditor, Severity};
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
//!     println!("{} {} {}: {}", f.branch, f.rule, f.subject.id, f.message.zh);
//! }
//! let m21: Vec<&str> = report.findings.iter()
//!     .filter(|f| f.subject.id == "M21" && f.rule == "DUE004")
//!     .map(|f| f.message.en.as_str())
//!     .collect();
//! assert!(m21[0].contains("7 consecutive months"));
//!
//! // The report is the `dangjian-report/1` JSON document of the record format.
//! let json = report.to_json();
//! assert!(json.starts_with("{\n  \"format\": \"dangjian-report/1\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The same from the command line: `cargo run --release --example audit --
//! FILE --format json` (see [`cli`] for every option).
//!
//! # Cookbook
//!
//! **Audit a large JSON Lines file without loading it.** [`load::open`]
//! yields one bundle at a time; [`Auditor::check`] audits one bundle.
//!
//! ```no_run
//! # use chrono::NaiveDate;
//! let auditor = dangjian::Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
//! let mut report = auditor.empty_report();
//! for bundle in dangjian::load::open("county.jsonl")? {
//!     let bundle = bundle?; // an Error names the line, table, record and field
//!     let findings = auditor.check(&bundle);
//!     auditor.add(&mut report, &bundle, findings);
//! }
//! let report = auditor.finish(report);
//! # Ok::<(), dangjian::Error>(())
//! ```
//!
//! **Choose rules and severities.** A [`Selection`] takes `all`, family
//! prefixes and codes; practice-based rules (marked in the
//! [rule reference](rules::registry)) can be switched off one by one.
//!
//! ```
//! # use chrono::NaiveDate;
//! use dangjian::{Auditor, Selection, Severity};
//! let auditor = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
//!     .select(Selection::all().without("DUE003,MTG009".parse()?))
//!     .severity(dangjian::rules::RuleCode::DUE002, Severity::Error);
//! # Ok::<(), dangjian::rules::ParseCodeError>(())
//! ```
//!
//! **Use a stricter profile.** Every threshold lives in the [`Profile`] with
//! its citation; the central one is the default.
//!
//! ```
//! let mut profile = dangjian::Profile::central();
//! profile.name = "some-province".into();
//! profile.development.publicity_min_working_days.set(7, None);
//! profile.meetings.absence_threshold.set(2, None);
//! # let _ = profile;
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
//! **Show a member's calendar.** [`standing::Standing`] gives, for a member
//! and a range of months, each month's dues status and organisational-life
//! status — the two six-month lines of the Constitution side by side.
//!
//! **Send reminders for candidates.** [`development::plan`] tells, for a
//! candidate and a date, the next required steps with their deadlines or
//! earliest dates.
//!
//! **Count working days.** Publicity windows are counted on the PRC calendar
//! with its holidays and 调休 swap days ([`calendar::Prc`]); plug in your own
//! [`WorkCalendar`] with [`Auditor::calendar`].
//!
//! **Render.** [`render::TextReport`] (Chinese or English, grouped by branch)
//! and [`render::csv`] (UTF-8 with BOM, for Excel); JSON is [`Report::to_json`].
//!
//! # Rule index
//!
//! The full reference, with What / Why / Example / Source for every rule and
//! every threshold of the central profile, is `docs/rules.md`, generated from
//! [`rules::registry`]. In short:
//!
#![doc = include_str!("../docs/rule-index.md")]
//!
//! # Errors
//!
//! Input that cannot be read — malformed JSON, money as a JSON number, an
//! impossible date, an unknown enum value, a missing file — is an [`Error`]
//! whose [`Location`] names the file, the bundle (index, or line in JSON
//! Lines), the table, the record and the field. Nothing panics on user data.
//!
//! # Crate features
//!
//! * `xlsx` (default): Excel workbooks — [`load::read_path`] and
//!   [`load::open`] read the 台账 workbook (see `load::xlsx`), and
//!   `render::xlsx` writes the report workbook (问题清单, 整改台账, the 党费
//!   and 出勤 grids), the empty template and records as a workbook. Adds
//!   `calamine` and `rust_xlsxwriter`.
//! * `cli` (default): the audit command's logic ([`cli`]).
//! * `synth` (default): the synthetic data generator (`synth`).
//!
//! `serde` is not optional: the record and report formats are the
//! crate's public contract. The dependencies are `serde`/`serde_json`,
//! `chrono`, `rust_decimal`, `thiserror`, `serde_path_to_error` (to name the
//! failing field of bad input) and `chinese_holiday` (the State Council's
//! holiday calendar).
//!
//! # Design
//!
//! `DESIGN.md` explains why the crate is shaped as it is.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod audit;
pub mod calendar;
#[cfg(feature = "cli")]
#[path = "app/mod.rs"]
pub mod cli;
mod error;
mod families;
pub mod load;
pub mod model;
pub mod period;
pub mod profile;
pub mod render;
pub mod report;
#[cfg(feature = "synth")]
pub mod synth;

/// The README's examples, compiled and run as doctests so they never rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use audit::context::Context;
pub use audit::{Auditor, Selection};
pub use calendar::WorkCalendar;
pub use chrono::{self, NaiveDate};
pub use error::{Error, ErrorKind, Location, Result};
pub use families::{development, dues, life};
pub use model::*;
pub use profile::Profile;
pub use report::{Citation, Finding, Lang, Message, Report, Severity, Subject, SubjectKind};
pub use rust_decimal::{self, Decimal};

/// The rule registry: every rule's code, metadata (docs, severity,
/// citations, evidence keys), the families, and rule selection.
pub mod rules {
    pub use crate::audit::{
        Cite, EvidenceKey, Family, ParseCodeError, RuleCode, RuleMeta, Selection, registry, rule,
    };
}
