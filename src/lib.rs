//! # dangjian — audits Party branch records against the Party's own rules
//!
//! (placeholder; the manual is written below once the API settles)

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod attendance;
pub mod calendar;
pub mod cli;
pub mod context;
pub mod development;
pub mod dues;
mod error;
pub mod finding;
pub mod load;
pub mod model;
pub mod period;
pub mod profile;
pub mod render;
pub mod rules;
pub mod sources;
pub mod standing;
pub mod synth;

pub use calendar::WorkCalendar;
pub use error::{Error, ErrorKind, Location, Result};
pub use finding::{Citation, Finding, Lang, Message, Report, Severity, Subject, SubjectKind};
pub use model::*;
pub use profile::Profile;
pub use rules::{Auditor, Selection};
