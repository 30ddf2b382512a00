//! Dates (DAT003): event dates after `as_of`, ranges ending before they
//! start, admissions and payments before birth, and remittance records for a
//! period longer than the remittance cycle.

use chrono::NaiveDate;
use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key};
use crate::model::{Bundle, DateRange, PeriodSpec};
use crate::period::{self, PeriodKind};
use crate::vocab::sources::{DATA_QUALITY, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[RuleMeta {
    code: RuleCode::DAT003,
    name: "date-inconsistent",
    severity: Severity::Warning,
    summary: "a date after as_of, a range ending before it starts, a date before birth",
    what: "An event date (a payment, a meeting, a talk, a training, a development step, an \
               admission, a decision, …) after `as_of`; a range whose end is before its start \
               (membership in the branch, a payment's `through`, a waiver, an exemption, a \
               publicity, `full_on` before `admitted_on`, a mobility record, a postponement's \
               `until` before its approval, a transfer letter's `valid_until`, `reported_on` or \
               `receipt_on` before its issue, a mobility record's `suspended_on` before its \
               start); an admission or payment before the member's birth; a dues remittance for \
               a period longer than `dues.remittance_cycle` (a quarter under a monthly cycle). \
               A record dated after `as_of` is treated as not having happened.",
    why: "Impossible dates make every period check that reads them unreliable; they are \
              usually typing slips that the branch can fix at once.",
    example: "A payment with `paid_on` 2026-01-05 in an audit as of 2025-12-31.",
    source: "data quality",
    citations: &[cite(DATA_QUALITY, "日期一致")],
    evidence: &[
        key("table", "string", "the table of the record"),
        key(
            "record",
            "integer",
            "index of the record in its table, from 0 (the message counts from 1)",
        ),
        key(
            "problem",
            "string: after_as_of|order|remittance_period",
            "what is wrong",
        ),
        key(
            "field",
            "string (after_as_of, remittance_period)",
            "the field: the date after `as_of`, or `period`",
        ),
        key("date", "date (after_as_of)", "the date after `as_of`"),
        key("as_of", "date (after_as_of)", "the audit's `as_of`"),
        key(
            "first_field",
            "string (order)",
            "the field that should come first",
        ),
        key("first", "date (order)", "its date"),
        key(
            "second_field",
            "string (order)",
            "the field dated before it",
        ),
        key("second", "date (order)", "its date"),
        key(
            "period",
            "string (remittance_period)",
            "the remittance record's period",
        ),
        key(
            "cycle",
            "string (remittance_period): month|quarter|half_year|year",
            "the remittance cycle (`dues.remittance_cycle`)",
        ),
    ],
    practice: false,
    since: "0.1.0",
}];

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
        "transfers" => b
            .transfers
            .get(record)
            .map_or_else(branch, |m| Subject::member(&m.member)),
        "mobility" => b
            .mobility
            .get(record)
            .map_or_else(branch, |m| Subject::member(&m.member)),
        _ => branch(),
    }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
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
    if let Some(p) = b
        .branch
        .committee
        .as_ref()
        .and_then(|c| c.postponement.as_ref())
    {
        order(
            "branch",
            0,
            ("committee.postponement.approved_on", p.approved_on),
            ("committee.postponement.until", p.until),
        );
    }
    for (i, t) in b.transfers.iter().enumerate() {
        let issued = ("issued_on", t.issued_on);
        if let Some(d) = t.valid_until {
            order("transfers", i, issued, ("valid_until", d));
        }
        if let Some(d) = t.reported_on {
            order("transfers", i, issued, ("reported_on", d));
        }
        if let Some(d) = t.receipt_on {
            order("transfers", i, issued, ("receipt_on", d));
        }
    }
    for (i, m) in b.mobility.iter().enumerate() {
        if let Some(d) = m.to {
            order("mobility", i, ("from", m.from), ("to", d));
        }
        if let Some(d) = m.suspended_on {
            order("mobility", i, ("from", m.from), ("suspended_on", d));
        }
    }

    // A remittance for a period longer than the cycle lies inside none of the
    // cycle's periods (DUE010 cannot count it). The cycle is the one in force
    // at the audit period's start, as DUE010 reads it.
    let cycle = *cx.profile.dues.remittance_cycle.at(cx.period.from);
    for (i, r) in b.dues_remittances.iter().enumerate() {
        if period::kind_of(r.period) > cycle {
            out.report(Dat003 {
                subject: Subject::branch(&b.branch.id),
                table: "dues_remittances",
                record: i,
                problem: Problem::RemittancePeriod {
                    field: "period",
                    period: r.period,
                    cycle,
                },
            });
        }
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
    RemittancePeriod {
        field: &'static str,
        period: PeriodSpec,
        cycle: PeriodKind,
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
            Problem::RemittancePeriod { period, .. } => Some(period.range()),
        }
    }
    fn message(&self) -> Message {
        // People count from 1; the evidence keeps the 0-based index.
        let record = self.record + 1;
        match &self.problem {
            Problem::AfterAsOf { field, date, as_of } => Message::new(
                format!(
                    "{}表第{}条记录的{}（{}）晚于审计基准日{}",
                    self.table, record, field, date, as_of
                ),
                format!(
                    "{} record {}: {} {} is after as_of {}",
                    self.table, record, field, date, as_of
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
                    self.table, record, second_field, second, first_field, first
                ),
                format!(
                    "{} record {}: {} {} is before {} {}",
                    self.table, record, second_field, second, first_field, first
                ),
            ),
            Problem::RemittancePeriod { period, cycle, .. } => Message::new(
                format!(
                    "{}表第{}条记录的上缴期间{}长于上缴周期（每{}），无法计入任一上缴期间",
                    self.table,
                    record,
                    period,
                    cycle.zh()
                ),
                format!(
                    "{} record {}: period {} is longer than the remittance cycle ({}) and counts for none of its periods",
                    self.table,
                    record,
                    period,
                    cycle.as_str()
                ),
            ),
        }
    }
}
