//! Member development (发展党员): the 25 steps, a candidate's file, votes,
//! probation, and the planner of next steps.
//!
//! # The one table of steps
//!
//! [`STEPS`] lists the 25 steps of the 《中国共产党发展党员工作细则》 in their
//! order, with their number, names, phase, whether they repeat, which rule
//! reports them missing and their article in each edition. Every DEV rule and
//! the planner read the order from here ([`step_info`], [`order`],
//! [`Step::before`](crate::Step::before)); nothing else knows it.
//!
//! # Editions
//!
//! The 2014 text and its reported 2026 revision differ in one place of the
//! order: in 2026 the higher committee consents (`candidate_filed`, 上级党委
//! 同意) before the candidate is confirmed (`candidate_confirmed`), with the
//! candidate publicity between them (art. 13). A file read with the profile's
//! `development.edition` ([`DevelopmentFile::with_edition`]) places each
//! record by the edition in force on its date.
//!
//! # A candidate's file
//!
//! [`DevelopmentFile`] is the history of one candidate as of a date: their
//! steps and publicities dated on or before it (later records have not
//! happened yet), sorted. It answers the questions the rules share: whether
//! a step is *recorded* ([`DevelopmentFile::has`]) or *reached* (it or a later
//! step is recorded, [`DevelopmentFile::reached`]), the [`Probation`] with its
//! extensions, and the current [`Status`].
//!
//! # The planner
//!
//! [`plan`] (or [`DevelopmentFile::plan`]) tells, for a candidate and a date,
//! which step(s) come next and by when: the reminders a records system sends.
//!
//! ```
//! use chrono::NaiveDate;
//! use dangjian::development::{self, Action};
//! use dangjian::{Profile, Step};
//!
//! let bundle = dangjian::load::bundle_from_json(r#"{
//!   "branch": {"id": "B1", "name": "示例支部", "kind": "organ"},
//!   "candidates": [{"id": "A1", "name": "陈某", "born_on": "2000-01-03"}],
//!   "development": [
//!     {"candidate": "A1", "step": "applied", "date": "2025-01-31"}
//!   ]
//! }"#)?;
//! let on = NaiveDate::from_ymd_opt(2025, 2, 10).unwrap();
//! let plan = development::plan(&bundle, "A1", on, &Profile::central().development)
//!     .expect("A1 is a candidate of the bundle");
//! // The talk is due within one month of the application: 31 January + 1
//! // month is 28 February (clamped to the month end).
//! let next = &plan.next[0];
//! assert_eq!(next.action, Action::Step(Step::Talked));
//! assert_eq!(next.deadline, NaiveDate::from_ymd_opt(2025, 2, 28));
//! assert!(!next.is_overdue(on));
//! # Ok::<(), dangjian::Error>(())
//! ```

mod file;
mod plan;
pub(crate) mod rules;
pub(crate) use rules::{RULES, run};
mod steps;

pub use file::*;
pub use plan::*;
pub use steps::*;
