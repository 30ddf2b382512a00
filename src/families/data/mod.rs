//! Data-quality rules: DAT001–DAT003.
//!
//! Readable but inconsistent data is reported here and the rest of the bundle
//! is still audited: a record naming an unknown member is reported and left
//! out of that member's checks (there is no member to check), duplicate ids are
//! both reported and the first is used for lookups, and a date after `as_of`
//! is reported and treated as not having happened yet.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::audit::context::Context;
use crate::audit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::model::{Bundle, DateRange, Id};
use crate::profile::sources::{DATA_QUALITY, cite};
use crate::report::{Message, Severity, Subject, SubjectKind};

pub(crate) mod counts;

/// The data-quality rules' metadata.
/// The family's rules' metadata.
pub(crate) static RULES: &[&[RuleMeta]] = &[META, counts::RULES];

static META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DAT001,
        name: "unknown-reference",
        severity: Severity::Error,
        summary: "a record names a member, candidate, group or meeting the bundle lacks",
        what: "A member id (in dues, exemptions, meetings, talks, trainings, the committee, \
               groups, development contacts and introducers), a candidate id, a group id or a \
               meeting id that no record of the bundle has. One finding per unknown id, table \
               and field, with the record indexes. The record is otherwise kept; it cannot be \
               checked against a member who is not there.",
        why: "Ledgers exported from different systems drift apart; a payment booked to a wrong \
              id leaves the real member looking unpaid.",
        example: "A dues payment for `M99` in a branch whose members are M01–M40.",
        source: "data quality",
        citations: &[cite(DATA_QUALITY, "引用一致")],
        evidence: &[],
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
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DAT003,
        name: "date-inconsistent",
        severity: Severity::Warning,
        summary: "a date after as_of, a range ending before it starts, a date before birth",
        what: "An event date (a payment, a meeting, a talk, a training, a development step, an \
               admission, a decision, …) after `as_of`; a range whose end is before its start \
               (membership in the branch, a payment's `through`, a waiver, an exemption, a \
               publicity, `full_on` before `admitted_on`); an admission or payment before the \
               member's birth. A record dated after `as_of` is treated as not having happened.",
        why: "Impossible dates make every period check that reads them unreliable; they are \
              usually typing slips that the branch can fix at once.",
        example: "A payment with `paid_on` 2026-01-05 in an audit as of 2025-12-31.",
        source: "data quality",
        citations: &[cite(DATA_QUALITY, "日期一致")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
];

/// Runs the data-quality rules.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if out.wants(RuleCode::DAT001) {
        unknown_references(cx, out);
    }
    if out.wants(RuleCode::DAT002) && !cx.index.ids_unique(cx.bundle) {
        duplicate_ids(cx.bundle, out);
    }
    if out.wants(RuleCode::DAT003) {
        dates(cx, out);
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
    for (i, r) in b.talks.iter().enumerate() {
        for x in &r.members {
            member_ref!(x, "talks", "members", i);
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
        // previous hit before hashing the id.
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
        let recs: Vec<String> = self.records.iter().map(|r| r.to_string()).collect();
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
        let recs: Vec<String> = self.records.iter().map(|r| r.to_string()).collect();
        Message::new(
            format!(
                "{}表编号“{}”重复（第{}条记录），本条为第{}条",
                self.table,
                self.id,
                recs.join("、"),
                self.record
            ),
            format!(
                "id {:?} appears more than once in {} (records {}); this is record {}",
                self.id.as_str(),
                self.table,
                recs.join(", "),
                self.record
            ),
        )
    }
}

// ---------------------------------------------------------------------------
// DAT003

fn record_subject(b: &Bundle, table: &str, record: usize) -> Subject {
    let branch = || Subject::branch(&b.branch.id);
    match table {
        "members" => b
            .members
            .get(record)
            .map_or_else(branch, |m| Subject::member(&m.id)),
        "dues_payments" => b
            .dues_payments
            .get(record)
            .map_or_else(branch, |m| Subject::member(&m.member)),
        "dues_waivers" => b
            .dues_waivers
            .get(record)
            .map_or_else(branch, |m| Subject::member(&m.member)),
        "dues_bases" => b
            .dues_bases
            .get(record)
            .map_or_else(branch, |m| Subject::member(&m.member)),
        "exemptions" => b
            .exemptions
            .get(record)
            .map_or_else(branch, |m| Subject::member(&m.member)),
        "trainings" => b
            .trainings
            .get(record)
            .map_or_else(branch, |m| Subject::member(&m.member)),
        "meetings" => b
            .meetings
            .get(record)
            .map_or_else(branch, |m| Subject::meeting(&m.id)),
        "candidates" => b
            .candidates
            .get(record)
            .map_or_else(branch, |m| Subject::candidate(&m.id)),
        "development" => b
            .development
            .get(record)
            .map_or_else(branch, |m| Subject::candidate(&m.candidate)),
        "publicity" => b
            .publicity
            .get(record)
            .map_or_else(branch, |m| Subject::candidate(&m.candidate)),
        _ => branch(),
    }
}

fn dates(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let b = cx.bundle;
    let mut future = Vec::new();
    b.for_each_event_date(|d, at| {
        if d > cx.as_of {
            future.push((d, at));
        }
    });
    for (date, at) in future {
        out.report(Dat003 {
            subject: record_subject(b, at.table, at.record),
            table: at.table,
            record: at.record,
            problem: Problem::AfterAsOf {
                field: at.field,
                date,
                as_of: cx.as_of,
            },
        });
    }

    let mut order = |table: &'static str,
                     record: usize,
                     first: (&'static str, NaiveDate),
                     second: (&'static str, NaiveDate)| {
        if second.1 < first.1 {
            out.report(Dat003 {
                subject: record_subject(b, table, record),
                table,
                record,
                problem: Problem::Order {
                    first_field: first.0,
                    first: first.1,
                    second_field: second.0,
                    second: second.1,
                },
            });
        }
    };
    if let (Some(f), Some(d)) = (b.branch.founded_on, b.branch.dissolved_on) {
        order("branch", 0, ("founded_on", f), ("dissolved_on", d));
    }
    for (i, m) in b.members.iter().enumerate() {
        if let Some(born) = m.born_on {
            order(
                "members",
                i,
                ("born_on", born),
                ("admitted_on", m.admitted_on),
            );
        }
        if let Some(full) = m.full_on {
            order(
                "members",
                i,
                ("admitted_on", m.admitted_on),
                ("full_on", full),
            );
        }
        let from = m.in_branch_from.unwrap_or(m.admitted_on);
        if let Some(to) = m.in_branch_to {
            order(
                "members",
                i,
                (
                    if m.in_branch_from.is_some() {
                        "in_branch_from"
                    } else {
                        "admitted_on"
                    },
                    from,
                ),
                ("in_branch_to", to),
            );
        }
    }
    for (i, p) in b.dues_payments.iter().enumerate() {
        if let Some(t) = p.through {
            order(
                "dues_payments",
                i,
                ("month", p.month.first_day()),
                ("through", t.first_day()),
            );
        }
    }
    // Payments before the payer's birth, through the index (no lookups).
    for (pos, m) in b.members.iter().enumerate() {
        let Some(born) = m.born_on else { continue };
        if !cx.index.is_first_member(pos) {
            continue;
        }
        for &(i, p) in &cx.index.member_records(pos).payments {
            order(
                "dues_payments",
                i,
                ("members.born_on", born),
                ("paid_on", p.paid_on),
            );
        }
    }
    for (i, w) in b.dues_waivers.iter().enumerate() {
        order(
            "dues_waivers",
            i,
            ("from", w.from.first_day()),
            ("to", w.to.first_day()),
        );
    }
    for (i, e) in b.exemptions.iter().enumerate() {
        order("exemptions", i, ("from", e.from), ("to", e.to));
    }
    for (i, p) in b.publicity.iter().enumerate() {
        order("publicity", i, ("start", p.start), ("end", p.end));
    }
}

#[derive(Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
enum Problem {
    AfterAsOf {
        field: &'static str,
        date: NaiveDate,
        as_of: NaiveDate,
    },
    Order {
        first_field: &'static str,
        first: NaiveDate,
        second_field: &'static str,
        second: NaiveDate,
    },
}

#[derive(Serialize)]
struct Dat003 {
    #[serde(skip)]
    subject: Subject,
    table: &'static str,
    record: usize,
    #[serde(flatten)]
    problem: Problem,
}

impl Violation for Dat003 {
    const CODE: RuleCode = RuleCode::DAT003;
    fn subject(&self) -> Subject {
        self.subject.clone()
    }
    fn period(&self) -> Option<DateRange> {
        match self.problem {
            Problem::AfterAsOf { date, .. } => Some(DateRange::day(date)),
            Problem::Order { second, .. } => Some(DateRange::day(second)),
        }
    }
    fn message(&self) -> Message {
        match &self.problem {
            Problem::AfterAsOf { field, date, as_of } => Message::new(
                format!(
                    "{}表第{}条记录的{}（{}）晚于审计基准日{}",
                    self.table, self.record, field, date, as_of
                ),
                format!(
                    "{} record {}: {} {} is after as_of {}",
                    self.table, self.record, field, date, as_of
                ),
            ),
            Problem::Order {
                first_field,
                first,
                second_field,
                second,
            } => Message::new(
                format!(
                    "{}表第{}条记录的{}（{}）早于{}（{}）",
                    self.table, self.record, second_field, second, first_field, first
                ),
                format!(
                    "{} record {}: {} {} is before {} {}",
                    self.table, self.record, second_field, second, first_field, first
                ),
            ),
        }
    }
}
