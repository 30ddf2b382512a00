//! Transfers of organisational relations and members away (组织关系接转,
//! 流动党员): the rules REL001–REL006.
//!
//! * letters ([`letters`]): an incoming letter reported after its validity
//!   (REL001), an outgoing one whose receipt never came back (REL002), a
//!   member who left with no outgoing letter (REL003);
//! * members away ([`away`]): away 6 months at a fixed place without a
//!   transfer (REL004), out of contact 6 months without a decision (REL005),
//!   abroad a half-year without a contact (REL006).
//!
//! The tables are the v1.1 `transfers` and `mobility`; a bundle without them
//! gets none of these findings (REL003 needs the `transfers` table, since a v1
//! export does not keep letters). Dates after `as_of` have not happened yet: a
//! letter issued, reported or receipted later, a suspension decided later,
//! are left out. REL001–REL005 are event rules (the whole history up to
//! `as_of`); REL006 checks calendar half-years ended by `as_of` that overlap
//! the audit period.
//!
//! Ranges of `mobility` are inclusive days (`to` = the last day away; absent
//! = still away at `as_of`). "Away N months" means the days from `from` to the
//! last day away cover N calendar months: the last day is on or after
//! `from` + N months − 1 day (away from 2025-01-10: 6 months on 2025-07-09).

use chrono::NaiveDate;
use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, EvidenceKey, RuleCode, RuleMeta, key};
use crate::model::{Id, add_months};
use crate::vocab::Subject;

mod away;
mod letters;

/// The family's rules' metadata.
pub(crate) static RULES: &[&[RuleMeta]] = &[letters::RULES, away::RULES];

const CODES: &[RuleCode] = &[
    RuleCode::REL001,
    RuleCode::REL002,
    RuleCode::REL003,
    RuleCode::REL004,
    RuleCode::REL005,
    RuleCode::REL006,
];

/// Runs the family's rules over the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants_any(CODES) {
        return;
    }
    letters::check(cx, out);
    away::check(cx, out);
}

/// The member a finding is about: id in the evidence, name (when the bundle
/// has the member) for messages.
#[derive(Clone, Serialize)]
struct Person {
    member: Id,
    #[serde(skip)]
    name: Option<String>,
}

impl Person {
    fn of(cx: &Context<'_>, id: &Id) -> Person {
        Person {
            member: id.clone(),
            name: cx.member(id.as_str()).map(|m| m.name.clone()),
        }
    }
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn zh(&self) -> String {
        match &self.name {
            Some(n) => format!("党员{}（{}）", n, self.member),
            None => format!("党员{}", self.member),
        }
    }
    fn en(&self) -> String {
        match &self.name {
            Some(n) => format!("member {} ({})", n, self.member),
            None => format!("member {}", self.member),
        }
    }
}

/// The evidence key of the member (the flattened [`Person`]).
const MEMBER: EvidenceKey = key("member", "string (member id)", "the member");

/// The last day of the first `months` calendar months from `from`
/// (inclusive days): away from 2025-01-10, 6 months are reached on 2025-07-09.
fn months_reached_on(from: NaiveDate, months: u32) -> NaiveDate {
    add_months(from, months).pred_opt().unwrap_or(from)
}

/// `1 day`, `2 days`.
fn days_en(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::parse_date(s).unwrap()
    }

    #[test]
    fn months_reached() {
        assert_eq!(months_reached_on(d("2025-01-10"), 6), d("2025-07-09"));
        assert_eq!(months_reached_on(d("2025-08-31"), 6), d("2026-02-27"));
        assert_eq!(months_reached_on(d("2025-01-01"), 6), d("2025-06-30"));
    }
}
