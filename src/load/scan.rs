//! The latest event date of a line, without building the bundle.

use std::path::Path;

use super::bundle_from_line;
use crate::error::Result;

mod dates_only {
    //! Shadow records holding only the event dates of
    //! [`Bundle::for_each_event_date`](crate::Bundle::for_each_event_date),
    //! borrowed from the input: scanning for the latest date allocates
    //! almost nothing.
    use serde::Deserialize;

    type D<'a> = Option<&'a str>;
    type T<X> = Option<Vec<X>>;

    #[derive(Deserialize)]
    pub(super) struct Bundle<'a> {
        #[serde(borrow)]
        pub branch: Branch<'a>,
        #[serde(default, borrow)]
        pub members: T<Member<'a>>,
        #[serde(default, borrow)]
        pub dues_payments: T<Paid<'a>>,
        #[serde(default, borrow)]
        pub dues_waivers: T<Waiver<'a>>,
        #[serde(default, borrow)]
        pub meetings: T<Meeting<'a>>,
        #[serde(default, borrow)]
        pub talks: T<Dated<'a>>,
        #[serde(default, borrow)]
        pub trainings: T<Dated<'a>>,
        #[serde(default, borrow)]
        pub candidates: T<Born<'a>>,
        #[serde(default, borrow)]
        pub development: T<Dated<'a>>,
        #[serde(default, borrow)]
        pub publicity: T<Started<'a>>,
        #[serde(default, borrow)]
        pub transfers: T<Transfer<'a>>,
        #[serde(default, borrow)]
        pub mobility: T<Away<'a>>,
        #[serde(default, borrow)]
        pub dues_remittances: T<Remitted<'a>>,
        #[serde(default, borrow)]
        pub dues_publications: T<Dated<'a>>,
    }
    #[derive(Deserialize)]
    pub(super) struct Transfer<'a> {
        #[serde(default, borrow)]
        pub issued_on: D<'a>,
        #[serde(default, borrow)]
        pub reported_on: D<'a>,
        #[serde(default, borrow)]
        pub receipt_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Away<'a> {
        #[serde(default, borrow)]
        pub from: D<'a>,
        #[serde(default, borrow)]
        pub suspended_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Remitted<'a> {
        #[serde(default, borrow)]
        pub remitted_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Meeting<'a> {
        #[serde(default, borrow)]
        pub date: D<'a>,
        #[serde(default, borrow)]
        pub rectifications: T<Done<'a>>,
    }
    #[derive(Deserialize)]
    pub(super) struct Done<'a> {
        #[serde(default, borrow)]
        pub done_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Branch<'a> {
        #[serde(default, borrow)]
        pub founded_on: D<'a>,
        #[serde(default, borrow)]
        pub committee: Option<Committee<'a>>,
    }
    #[derive(Deserialize)]
    pub(super) struct Committee<'a> {
        #[serde(default, borrow)]
        pub elected_on: D<'a>,
        #[serde(default, borrow)]
        pub postponement: Option<Approved<'a>>,
    }
    #[derive(Deserialize)]
    pub(super) struct Approved<'a> {
        #[serde(default, borrow)]
        pub approved_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Member<'a> {
        #[serde(default, borrow)]
        pub born_on: D<'a>,
        #[serde(default, borrow)]
        pub admitted_on: D<'a>,
        #[serde(default, borrow)]
        pub full_on: D<'a>,
        #[serde(default, borrow)]
        pub in_branch_from: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Paid<'a> {
        #[serde(default, borrow)]
        pub paid_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Waiver<'a> {
        #[serde(default, borrow)]
        pub branch_decided_on: D<'a>,
        #[serde(default, borrow)]
        pub higher_approved_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Dated<'a> {
        #[serde(default, borrow)]
        pub date: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Born<'a> {
        #[serde(default, borrow)]
        pub born_on: D<'a>,
    }
    #[derive(Deserialize)]
    pub(super) struct Started<'a> {
        #[serde(default, borrow)]
        pub start: D<'a>,
    }
}

/// The latest event date of one JSON Lines line (see
/// [`Bundle::for_each_event_date`](crate::Bundle::for_each_event_date)),
/// read without building the bundle. Only the dates are checked: a line whose
/// dates cannot be read this way is parsed in full, which reports its located
/// error as [`bundle_from_line`] does; other faults are found when the bundle
/// itself is read.
///
/// # Errors
/// As [`bundle_from_line`], for a line whose dates cannot be read.
pub fn latest_event_date_of_line(
    bytes: &[u8],
    line: usize,
    file: Option<&Path>,
) -> Result<Option<chrono::NaiveDate>> {
    let fast = serde_json::from_slice::<dates_only::Bundle<'_>>(bytes)
        .ok()
        .and_then(|b| latest_of_shadow(&b));
    match fast {
        Some(latest) => Ok(latest),
        // Not readable this way (an escape in a date, a bad date, bad JSON):
        // the full parse says what is wrong, or finds the dates itself.
        None => bundle_from_line(bytes, line, file).map(|b| b.latest_event_date()),
    }
}

/// `Some(latest)` if every date parses; `None` to fall back to the full parse.
fn latest_of_shadow(b: &dates_only::Bundle<'_>) -> Option<Option<chrono::NaiveDate>> {
    let mut latest: Option<chrono::NaiveDate> = None;
    let mut ok = true;
    let mut see = |d: Option<&str>| {
        if let Some(s) = d {
            match crate::parse_date(s) {
                Ok(d) => latest = Some(latest.map_or(d, |l| l.max(d))),
                Err(_) => ok = false,
            }
        }
    };
    see(b.branch.founded_on);
    see(b.branch.committee.as_ref().and_then(|c| c.elected_on));
    see(b
        .branch
        .committee
        .as_ref()
        .and_then(|c| c.postponement.as_ref())
        .and_then(|p| p.approved_on));
    for m in b.members.iter().flatten() {
        see(m.born_on);
        see(m.admitted_on);
        see(m.full_on);
        see(m.in_branch_from);
    }
    for p in b.dues_payments.iter().flatten() {
        see(p.paid_on);
    }
    for w in b.dues_waivers.iter().flatten() {
        see(w.branch_decided_on);
        see(w.higher_approved_on);
    }
    for m in b.meetings.iter().flatten() {
        see(m.date);
        for r in m.rectifications.iter().flatten() {
            see(r.done_on);
        }
    }
    for t in [&b.talks, &b.trainings, &b.development, &b.dues_publications] {
        for x in t.iter().flatten() {
            see(x.date);
        }
    }
    for t in b.transfers.iter().flatten() {
        see(t.issued_on);
        see(t.reported_on);
        see(t.receipt_on);
    }
    for m in b.mobility.iter().flatten() {
        see(m.from);
        see(m.suspended_on);
    }
    for r in b.dues_remittances.iter().flatten() {
        see(r.remitted_on);
    }
    for c in b.candidates.iter().flatten() {
        see(c.born_on);
    }
    for p in b.publicity.iter().flatten() {
        see(p.start);
    }
    ok.then_some(latest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_agrees_with_the_bundle() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/sample.json"
        ))
        .unwrap();
        for b in crate::load::from_json_str(&text).unwrap() {
            let line = serde_json::to_vec(&b).unwrap();
            assert_eq!(
                latest_event_date_of_line(&line, 1, None).unwrap(),
                b.latest_event_date()
            );
        }
        // A bad date falls back to the full parse and its located error.
        let bad =
            br#"{"branch":{"id":"B1","name":"x","kind":"organ"},"talks":[{"date":"2025-02-30"}]}"#;
        let e = latest_event_date_of_line(bad, 7, None).unwrap_err();
        assert_eq!(e.location().line, Some(7));
        assert_eq!(e.location().field.as_deref(), Some("date"));
        // Other faults are left to the full parse of the audit itself: the
        // scan reads only what it needs.
        let partial = br#"{"branch":{"id":"B1","kind":"organ","founded_on":"2020-01-01"}}"#;
        assert_eq!(
            latest_event_date_of_line(partial, 1, None).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
        );
    }
}
