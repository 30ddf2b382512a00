//! The vocabulary every rule speaks: rule codes and families, severities,
//! subjects, citations (and the documents cited), messages, evidence and
//! the [`Finding`] itself — what a rule says, with no knowledge of
//! profiles, families or reports. Public through `report::` and `rules::`.

mod cite;
mod code;
mod evidence;
mod finding;
pub(crate) mod sources;

pub use cite::Cite;
#[allow(unused_imports)]
pub(crate) use cite::{cite, param, xize};
pub(crate) use code::nearest;
pub use code::{Family, ParseCodeError, RuleCode};
pub use finding::{
    Acceptance, BaselineStatus, Citation, Evidence, Finding, Lang, Message, Remediation, Rule,
    Severity, SeverityName, Subject, SubjectKind, disambiguate_ids, finding_id, parse_period_label,
    period_label, sort_findings,
};
