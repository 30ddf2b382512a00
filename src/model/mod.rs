//! The record model: value types and one type per table of the record format.
//!
//! A [`Bundle`] holds one branch and all of its records. Every table but
//! `branch` may be absent in the input (it is then empty).

mod origins;
mod records;
mod values;

pub use origins::Origins;
pub use records::*;
pub use values::*;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub(crate) fn values_error(what: &'static str, s: &str) -> ParseValueError {
    ParseValueError::new(what, s)
}

/// One branch and all of its records: the unit of input and of audit.
///
/// Build one in code with [`Bundle::new`] and push records into its tables:
///
/// ```
/// use dangjian::{Branch, BranchKind, Bundle, DuesCategory, Member, MemberStatus, NaiveDate};
/// let mut b = Bundle::new(Branch::new("B1".parse()?, "第一党支部", BranchKind::Organ));
/// let admitted = NaiveDate::from_ymd_opt(2010, 6, 1).unwrap();
/// b.members.push(Member::new("M1".parse()?, "王某", MemberStatus::Full, admitted, DuesCategory::Salaried));
/// assert_eq!(b.record_count(), 2);
/// # Ok::<(), dangjian::ParseValueError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Bundle {
    /// The branch.
    pub branch: Branch,
    /// Members.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub members: Vec<Member>,
    /// Monthly dues bases.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub dues_bases: Vec<DuesBase>,
    /// Dues payments.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub dues_payments: Vec<DuesPayment>,
    /// Dues reductions and waivers.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub dues_waivers: Vec<DuesWaiver>,
    /// Approved absences (正当理由).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub exemptions: Vec<Exemption>,
    /// Meetings and study sessions.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub meetings: Vec<Meeting>,
    /// Talks (谈心谈话).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub talks: Vec<Talk>,
    /// Training hours.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub trainings: Vec<Training>,
    /// Development candidates.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub candidates: Vec<Candidate>,
    /// Development steps.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub development: Vec<DevelopmentRecord>,
    /// Publicities (公示).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub publicity: Vec<Publicity>,
    /// Transfers of organisational relations (v1.1).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub transfers: Vec<Transfer>,
    /// Members away (v1.1).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub mobility: Vec<Mobility>,
    /// Dues remitted to the higher committee (v1.1).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub dues_remittances: Vec<DuesRemittance>,
    /// Publications of the dues collected and used (v1.1).
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub dues_publications: Vec<DuesPublication>,
    /// Where records read from a workbook came from, for the references the
    /// reader could not resolve (not serialized; ignored by `==`).
    #[serde(skip)]
    pub origins: Origins,
}

impl Bundle {
    /// An empty bundle for `branch`.
    pub fn new(branch: Branch) -> Bundle {
        Bundle {
            branch,
            members: Vec::new(),
            dues_bases: Vec::new(),
            dues_payments: Vec::new(),
            dues_waivers: Vec::new(),
            exemptions: Vec::new(),
            meetings: Vec::new(),
            talks: Vec::new(),
            trainings: Vec::new(),
            candidates: Vec::new(),
            development: Vec::new(),
            publicity: Vec::new(),
            transfers: Vec::new(),
            mobility: Vec::new(),
            dues_remittances: Vec::new(),
            dues_publications: Vec::new(),
            origins: Origins::default(),
        }
    }

    /// Calls `f` with every *event* date of the bundle — a date on which
    /// something happened, as opposed to the end of a planned range — together
    /// with the table and field it comes from.
    ///
    /// These are the dates that must not lie after `as_of` (`DAT003`), and the
    /// latest of them is the default `as_of` of the audit command. Range ends
    /// that may lie in the future (`in_branch_to`, an exemption's or waiver's
    /// end, a publicity's end) and months paid in advance are not events.
    pub fn for_each_event_date(&self, mut f: impl FnMut(NaiveDate, EventDate)) {
        let b = &self.branch;
        if let Some(d) = b.founded_on {
            f(d, EventDate::new("branch", 0, "founded_on"));
        }
        if let Some(c) = &b.committee {
            f(
                c.elected_on,
                EventDate::new("branch", 0, "committee.elected_on"),
            );
            if let Some(p) = &c.postponement {
                f(
                    p.approved_on,
                    EventDate::new("branch", 0, "committee.postponement.approved_on"),
                );
            }
        }
        for (i, m) in self.members.iter().enumerate() {
            if let Some(d) = m.born_on {
                f(d, EventDate::new("members", i, "born_on"));
            }
            f(m.admitted_on, EventDate::new("members", i, "admitted_on"));
            if let Some(d) = m.full_on {
                f(d, EventDate::new("members", i, "full_on"));
            }
            if let Some(d) = m.in_branch_from {
                f(d, EventDate::new("members", i, "in_branch_from"));
            }
        }
        for (i, p) in self.dues_payments.iter().enumerate() {
            f(p.paid_on, EventDate::new("dues_payments", i, "paid_on"));
        }
        for (i, w) in self.dues_waivers.iter().enumerate() {
            if let Some(d) = w.branch_decided_on {
                f(d, EventDate::new("dues_waivers", i, "branch_decided_on"));
            }
            if let Some(d) = w.higher_approved_on {
                f(d, EventDate::new("dues_waivers", i, "higher_approved_on"));
            }
        }
        for (i, m) in self.meetings.iter().enumerate() {
            f(m.date, EventDate::new("meetings", i, "date"));
            for r in &m.rectifications {
                if let Some(d) = r.done_on {
                    f(d, EventDate::new("meetings", i, "rectifications.done_on"));
                }
            }
        }
        for (i, t) in self.talks.iter().enumerate() {
            f(t.date, EventDate::new("talks", i, "date"));
        }
        for (i, t) in self.trainings.iter().enumerate() {
            f(t.date, EventDate::new("trainings", i, "date"));
        }
        for (i, c) in self.candidates.iter().enumerate() {
            if let Some(d) = c.born_on {
                f(d, EventDate::new("candidates", i, "born_on"));
            }
        }
        for (i, d) in self.development.iter().enumerate() {
            f(d.date, EventDate::new("development", i, "date"));
        }
        for (i, p) in self.publicity.iter().enumerate() {
            f(p.start, EventDate::new("publicity", i, "start"));
        }
        for (i, t) in self.transfers.iter().enumerate() {
            f(t.issued_on, EventDate::new("transfers", i, "issued_on"));
            if let Some(d) = t.reported_on {
                f(d, EventDate::new("transfers", i, "reported_on"));
            }
            if let Some(d) = t.receipt_on {
                f(d, EventDate::new("transfers", i, "receipt_on"));
            }
        }
        for (i, m) in self.mobility.iter().enumerate() {
            f(m.from, EventDate::new("mobility", i, "from"));
            if let Some(d) = m.suspended_on {
                f(d, EventDate::new("mobility", i, "suspended_on"));
            }
        }
        for (i, r) in self.dues_remittances.iter().enumerate() {
            f(
                r.remitted_on,
                EventDate::new("dues_remittances", i, "remitted_on"),
            );
        }
        for (i, p) in self.dues_publications.iter().enumerate() {
            f(p.date, EventDate::new("dues_publications", i, "date"));
        }
    }

    /// The latest event date of the bundle (see [`Bundle::for_each_event_date`]).
    pub fn latest_event_date(&self) -> Option<NaiveDate> {
        let mut latest = None;
        self.for_each_event_date(|d, _| {
            // (`>=` reads the same: an equal date is the same date.)
            if latest.is_none_or(|l| d > l) {
                latest = Some(d);
            }
        });
        latest
    }

    /// Number of records in all tables, the branch included.
    pub fn record_count(&self) -> usize {
        1 + self.members.len()
            + self.dues_bases.len()
            + self.dues_payments.len()
            + self.dues_waivers.len()
            + self.exemptions.len()
            + self.meetings.len()
            + self.talks.len()
            + self.trainings.len()
            + self.candidates.len()
            + self.development.len()
            + self.publicity.len()
            + self.transfers.len()
            + self.mobility.len()
            + self.dues_remittances.len()
            + self.dues_publications.len()
    }
}

/// Where an event date of a bundle comes from (see [`Bundle::for_each_event_date`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventDate {
    /// Table name, as in the record format.
    pub table: &'static str,
    /// Index of the record in its table.
    pub record: usize,
    /// Field name.
    pub field: &'static str,
}

impl EventDate {
    fn new(table: &'static str, record: usize, field: &'static str) -> EventDate {
        EventDate {
            table,
            record,
            field,
        }
    }
}

#[cfg(test)]
mod tests {
    /// One record in every table (taken from the sample's bundles): the
    /// branch and fifteen tables, 16 records.
    #[test]
    fn records_are_counted_in_every_table() {
        let all = crate::testing::sample();
        let mut b = all[0].clone();
        macro_rules! one {
            ($($t:ident),+) => {$(
                b.$t = all.iter().find_map(|o| o.$t.first().cloned()).into_iter().collect();
                assert_eq!(b.$t.len(), 1, "the sample has no {}", stringify!($t));
            )+};
        }
        one!(
            members,
            dues_bases,
            dues_payments,
            dues_waivers,
            exemptions,
            meetings,
            talks,
            trainings,
            candidates,
            development,
            publicity,
            transfers,
            mobility,
            dues_remittances,
            dues_publications
        );
        assert_eq!(b.record_count(), 16);
        b.talks.clear();
        assert_eq!(b.record_count(), 15);
    }
}
