//! Data-quality rules: DAT001–DAT003.
//!
//! Readable but inconsistent data is reported here and the rest of the bundle
//! is still audited: a record naming an unknown member is reported and left
//! out of that member's checks (there is no member to check), duplicate ids are
//! both reported and the first is used for lookups, and a date after `as_of`
//! is reported and treated as not having happened yet.
//!
//! v1.1 tables and fields: `transfers.member`, `mobility.member`,
//! `dues_payments.collector` and `meetings.rectifications.owner` name members
//! (DAT001). `candidates.member` (the member record of an admitted candidate)
//! is reported only when it is given, names no member, and the candidate's
//! file has reached the `admission_meeting` (or a later step) by `as_of`:
//! before admission there is no member record to expect yet, and a candidate
//! without the field defaults to its own id, which many exports keep apart
//! from the member list. Ranges of the new tables (a mobility record, a
//! postponement, a transfer letter's validity, its report and receipt after
//! its issue) must not end before they start, and a remittance record for a
//! period longer than the remittance cycle (`dues.remittance_cycle`: a quarter
//! under a monthly cycle) is reported too (DAT003): DUE010 cannot count it
//! for any of its periods.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key};
use crate::model::{Bundle, DateRange, Id, Step};
use crate::vocab::sources::{DATA_QUALITY, cite};
use crate::vocab::{Message, Severity, Subject, SubjectKind};

pub(crate) mod counts;
mod dates;

/// The family's rules' metadata.
pub(crate) static RULES: &[&[RuleMeta]] = &[META, dates::RULES, counts::RULES];

static META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DAT001,
        name: "unknown-reference",
        severity: Severity::Error,
        summary: "a record names a member, candidate, group or meeting the bundle lacks",
        what: "A member id (in dues and their collectors, exemptions, meetings and their \
               rectification owners, talks, trainings, transfers, mobility, the committee, \
               groups, development contacts and introducers; an admitted candidate's `member`), \
               a candidate id, a group id or a meeting id that no record of the bundle has. One \
               finding per unknown id, table and field, with the record indexes. The record is \
               otherwise kept; it cannot be checked against a member who is not there. \
               `candidates.member` counts only when given and the candidate has reached the \
               `admission_meeting` by `as_of`.",
        why: "Ledgers exported from different systems drift apart; a payment booked to a wrong \
              id leaves the real member looking unpaid.",
        example: "A dues payment for `M99` in a branch whose members are M01–M40.",
        source: "data quality",
        citations: &[cite(DATA_QUALITY, "引用一致")],
        evidence: &[
            key("id", "string", "the unknown id"),
            key("table", "string", "the table naming it"),
            key(
                "cells",
                "[string]",
                "the workbook cells naming it (`三会一课!E2`), when the bundle was read from a workbook",
            ),
            key(
                "field",
                "string",
                "the field naming it (dotted for nested fields: `attendance.member`)",
            ),
            key(
                "records",
                "[integer]",
                "indexes of the records naming it in their table, from 0 (the message counts from 1)",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DAT002,
        name: "duplicate-id",
        severity: Severity::Error,
        summary: "two records share an id in one table",
        what: "Two or more records of `members`, `candidates`, `meetings` or `branch.groups` \
               with the same id. Both are kept and each is reported; lookups by id use the first, \
               and the member rules audit the first.",
        why: "An id must name one person or meeting, or every check that follows it is wrong.",
        example: "Two members with id `M07`.",
        source: "data quality",
        citations: &[cite(DATA_QUALITY, "编号唯一")],
        evidence: &[
            key("id", "string", "the duplicated id"),
            key("table", "string", "the table"),
            key(
                "record",
                "integer",
                "index of this record in its table, from 0 (the message counts from 1)",
            ),
            key(
                "records",
                "[integer]",
                "indexes of all records with the id, from 0",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
];

/// Runs the data-quality rules.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if out.wants(RuleCode::DAT001) {
        unknown_references(cx, out);
    }
    // (`||` would also run it when not wanted, and the emitter drops what
    // is not wanted: an equivalent mutant.)
    if out.wants(RuleCode::DAT002) && !cx.index.ids_unique(cx.bundle) {
        duplicate_ids(cx.bundle, out);
    }
    if out.wants(RuleCode::DAT003) {
        dates::check(cx, out);
    }
    counts::run(cx, out);
}

// ---------------------------------------------------------------------------
// DAT001

#[derive(Default)]
struct Refs<'a> {
    // (kind, id, table, field) -> record indexes
    found: BTreeMap<(SubjectKind, &'a Id, &'static str, &'static str), Vec<usize>>,
}

impl<'a> Refs<'a> {
    fn add(
        &mut self,
        kind: SubjectKind,
        id: &'a Id,
        table: &'static str,
        field: &'static str,
        record: usize,
    ) {
        let v = self.found.entry((kind, id, table, field)).or_default();
        if v.last() != Some(&record) {
            v.push(record);
        }
    }
}

fn unknown_references(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let b = cx.bundle;
    let idx = &cx.index;
    let mut refs = Refs::default();
    macro_rules! member_ref {
        ($id:expr, $table:expr, $field:expr, $rec:expr) => {
            if idx.member_pos($id.as_str()).is_none() {
                refs.add(SubjectKind::Member, $id, $table, $field, $rec);
            }
        };
    }
    if let Some(c) = &b.branch.committee {
        for s in &c.members {
            member_ref!(&s.member, "branch", "committee.members", 0);
        }
    }
    if let Some(s) = &b.branch.secretary {
        member_ref!(s, "branch", "secretary", 0);
    }
    for g in &b.branch.groups {
        if let Some(l) = &g.leader {
            member_ref!(l, "branch", "groups.leader", 0);
        }
        for x in &g.members {
            member_ref!(x, "branch", "groups.members", 0);
        }
    }
    // The index has resolved these tables already; look again only when it
    // found a record naming no member.
    if !idx.member_tables_resolved() {
        for (i, r) in b.dues_bases.iter().enumerate() {
            member_ref!(&r.member, "dues_bases", "member", i);
        }
        for (i, r) in b.dues_payments.iter().enumerate() {
            member_ref!(&r.member, "dues_payments", "member", i);
        }
        for (i, r) in b.dues_waivers.iter().enumerate() {
            member_ref!(&r.member, "dues_waivers", "member", i);
        }
        for (i, r) in b.exemptions.iter().enumerate() {
            member_ref!(&r.member, "exemptions", "member", i);
        }
        for (i, r) in b.trainings.iter().enumerate() {
            member_ref!(&r.member, "trainings", "member", i);
        }
    }
    for (i, r) in b.dues_payments.iter().enumerate() {
        if let Some(x) = &r.collector {
            member_ref!(x, "dues_payments", "collector", i);
        }
    }
    for (i, r) in b.talks.iter().enumerate() {
        for x in &r.members {
            member_ref!(x, "talks", "members", i);
        }
    }
    for (i, r) in b.transfers.iter().enumerate() {
        member_ref!(&r.member, "transfers", "member", i);
    }
    for (i, r) in b.mobility.iter().enumerate() {
        member_ref!(&r.member, "mobility", "member", i);
    }
    // An admitted candidate's member record (see the module docs).
    for (i, c) in b.candidates.iter().enumerate() {
        let Some(x) = &c.member else { continue };
        if idx.member_pos(x.as_str()).is_some() {
            continue;
        }
        let admitted = idx.candidate_pos(c.id.as_str()) == Some(i)
            && idx
                .candidate_records(i)
                .steps
                .iter()
                .any(|d| d.step >= Step::AdmissionMeeting && d.date <= cx.as_of);
        if admitted {
            refs.add(SubjectKind::Member, x, "candidates", "member", i);
        }
    }
    for (i, r) in b.meetings.iter().enumerate() {
        if let Some(x) = &r.chair {
            member_ref!(x, "meetings", "chair", i);
        }
        if let Some(x) = &r.recorder {
            member_ref!(x, "meetings", "recorder", i);
        }
        // Lists usually follow the member list: try the position after the
        // previous hit before hashing the id. (The hint only saves a lookup:
        // a guard of `false`, or a hint of `p` instead of `p + 1`, give the
        // same answers more slowly — equivalent mutants.)
        let near = |id: &Id, hint: &mut usize| -> Option<usize> {
            let pos = match b.members.get(*hint) {
                Some(m) if m.id == *id && idx.is_first_member(*hint) => Some(*hint),
                _ => idx.member_pos(id.as_str()),
            };
            if let Some(p) = pos {
                *hint = p + 1;
            }
            pos
        };
        let mut hint = 0;
        for x in r.expected.iter().flatten() {
            if near(x, &mut hint).is_none() {
                refs.add(SubjectKind::Member, x, "meetings", "expected", i);
            }
        }
        let positions = cx.attendance_positions(i);
        for (k, a) in r.attendance.iter().enumerate() {
            if positions.get(k).copied().flatten().is_none() {
                refs.add(
                    SubjectKind::Member,
                    &a.member,
                    "meetings",
                    "attendance.member",
                    i,
                );
            }
        }
        if let Some(g) = &r.group {
            if idx.group_pos(g.as_str()).is_none() {
                refs.add(SubjectKind::Group, g, "meetings", "group", i);
            }
        }
        for x in r.rectifications.iter().filter_map(|x| x.owner.as_ref()) {
            member_ref!(x, "meetings", "rectifications.owner", i);
        }
    }
    for (i, r) in b.development.iter().enumerate() {
        if idx.candidate_pos(r.candidate.as_str()).is_none() {
            refs.add(
                SubjectKind::Candidate,
                &r.candidate,
                "development",
                "candidate",
                i,
            );
        }
        for x in r.members.iter().flatten() {
            member_ref!(x, "development", "members", i);
        }
        if let Some(mt) = &r.meeting {
            if idx.meeting_pos(mt.as_str()).is_none() {
                refs.add(SubjectKind::Meeting, mt, "development", "meeting", i);
            }
        }
    }
    for (i, r) in b.publicity.iter().enumerate() {
        if idx.candidate_pos(r.candidate.as_str()).is_none() {
            refs.add(
                SubjectKind::Candidate,
                &r.candidate,
                "publicity",
                "candidate",
                i,
            );
        }
    }
    for ((kind, id, table, field), records) in refs.found {
        out.report(Dat001 {
            kind,
            id: id.clone(),
            table,
            field,
            records,
        });
    }
}

#[derive(Serialize)]
struct Dat001 {
    #[serde(skip)]
    kind: SubjectKind,
    id: Id,
    table: &'static str,
    field: &'static str,
    records: Vec<usize>,
}

impl Violation for Dat001 {
    const CODE: RuleCode = RuleCode::DAT001;
    fn subject(&self) -> Subject {
        Subject {
            kind: self.kind,
            id: self.id.clone(),
        }
    }
    fn period(&self) -> Option<DateRange> {
        None
    }
    fn message(&self) -> Message {
        // People count from 1; the evidence keeps the 0-based index.
        let recs: Vec<String> = self.records.iter().map(|r| (r + 1).to_string()).collect();
        Message::new(
            format!(
                "{}表{}字段引用了不存在的{}“{}”（第{}条记录）",
                self.table,
                self.field,
                self.kind.zh(),
                self.id,
                recs.join("、")
            ),
            format!(
                "{}.{} names {} {:?}, which the bundle lacks (records {})",
                self.table,
                self.field,
                self.kind.as_str(),
                self.id.as_str(),
                recs.join(", ")
            ),
        )
    }
}

// ---------------------------------------------------------------------------
// DAT002

fn duplicate_ids(b: &Bundle, out: &mut Emitter<'_>) {
    fn check<'a>(
        ids: impl Iterator<Item = &'a Id>,
        table: &'static str,
        kind: SubjectKind,
        out: &mut Emitter<'_>,
    ) {
        let mut seen: BTreeMap<&Id, Vec<usize>> = BTreeMap::new();
        for (i, id) in ids.enumerate() {
            seen.entry(id).or_default().push(i);
        }
        for (id, records) in seen {
            if records.len() < 2 {
                continue;
            }
            for &record in &records {
                out.report(Dat002 {
                    kind,
                    id: id.clone(),
                    table,
                    record,
                    records: records.clone(),
                });
            }
        }
    }
    check(
        b.members.iter().map(|m| &m.id),
        "members",
        SubjectKind::Member,
        out,
    );
    check(
        b.candidates.iter().map(|c| &c.id),
        "candidates",
        SubjectKind::Candidate,
        out,
    );
    check(
        b.meetings.iter().map(|m| &m.id),
        "meetings",
        SubjectKind::Meeting,
        out,
    );
    check(
        b.branch.groups.iter().map(|g| &g.id),
        "branch.groups",
        SubjectKind::Group,
        out,
    );
}

#[derive(Serialize)]
struct Dat002 {
    #[serde(skip)]
    kind: SubjectKind,
    id: Id,
    table: &'static str,
    record: usize,
    records: Vec<usize>,
}

impl Violation for Dat002 {
    const CODE: RuleCode = RuleCode::DAT002;
    fn subject(&self) -> Subject {
        Subject {
            kind: self.kind,
            id: self.id.clone(),
        }
    }
    fn period(&self) -> Option<DateRange> {
        None
    }
    fn message(&self) -> Message {
        // People count from 1; the evidence keeps the 0-based index.
        let recs: Vec<String> = self.records.iter().map(|r| (r + 1).to_string()).collect();
        Message::new(
            format!(
                "{}表编号“{}”重复（第{}条记录），本条为第{}条",
                self.table,
                self.id,
                recs.join("、"),
                self.record + 1
            ),
            format!(
                "id {:?} appears more than once in {} (records {}); this is record {}",
                self.id.as_str(),
                self.table,
                recs.join(", "),
                self.record + 1
            ),
        )
    }
}
