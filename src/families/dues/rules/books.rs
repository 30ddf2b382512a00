//! The branch's dues books: DUE010 (remitted less than collected) and DUE011
//! (the year's figures not published).
//!
//! Both read tables a branch may not keep at all, and stay silent without
//! them: DUE010 needs `dues_remittances`; DUE011 needs `dues_publications`
//! or `dues.publication_required`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::kit::{key, param};
use crate::model::{DateRange, Id, Money, PeriodSpec, add_months};
use crate::period::{self, PeriodKind};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DUE010,
        name: "dues-remittance-short",
        severity: Severity::Warning,
        summary: "the dues remitted for a month or quarter are less than those collected in it",
        what: "For each remittance period (`dues.remittance_cycle`: a quarter by default, or a \
               month) that overlaps the audit period and the branch's active time and whose end \
               plus `dues.remittance_grace_months` (1) is on or before `as_of`: the \
               `dues_remittances` whose `period` lies inside it (a monthly record counts for its \
               quarter) and that were made by `as_of` add up to less than the payments whose \
               `paid_on` lies in it. One finding per period; the subject is the branch. \
               Checked only when the bundle has `dues_remittances`. A remittance record for a \
               period longer than the cycle (a quarter under a monthly cycle) lies inside none \
               of its periods and is reported by DAT003.",
        why: "Dues collected by the branch are remitted in full (足额上缴) to the higher \
              committee on a fixed cycle; money kept back or remitted short is what audits of \
              党费 look for. The 2008 规定 puts the remittance duties on 党委 (arts. 15–16: 5% \
              to the centre, 不得少缴或拖延); the branch's cycle and the full remittance are \
              local practice.",
        example: "Payments of 1520.50 yuan made in 2025-Q1 and 1500.00 remitted for 2025-Q1: \
                  DUE010 for 2025-Q1, short 20.50.",
        source: "practice (党费按季度足额上缴); 党费规定 第十五条 for the 党委 level",
        citations: &[
            param("dues.remittance_cycle"),
            param("dues.remittance_grace_months"),
        ],
        evidence: &[
            key(
                "period",
                "string (YYYY-Qn or YYYY-MM)",
                "the remittance period",
            ),
            key(
                "collected",
                "money",
                "total of the payments with `paid_on` in the period",
            ),
            key(
                "remitted",
                "money",
                "total of the remittances for the period (made by `as_of`)",
            ),
            key("shortfall", "money", "collected minus remitted"),
            key(
                "payments",
                "integer",
                "number of payments collected in the period",
            ),
            key(
                "remittances",
                "[string (YYYY-Qn or YYYY-MM)]",
                "the periods of the remittance records counted",
            ),
        ],
        practice: true,
        since: "0.2.0",
    },
    RuleMeta {
        code: RuleCode::DUE011,
        name: "dues-not-published",
        severity: Severity::Warning,
        summary: "a year's dues collected and used were not published to the members",
        what: "An ended year — its end plus `dues.publication_grace_months` (0) on or before \
               `as_of` — that overlaps the audit period and the branch's active time, with no \
               `dues_publications` record whose `year` is that year dated on or before `as_of`. \
               Checked only when the bundle has `dues_publications`, or with \
               `dues.publication_required`. The subject is the branch.",
        why: "Members are told once a year how the dues were collected and used \
              (每年应当向党员公布1次党费收缴、使用情况). The wording is found in a digest of \
              中组部 requirements whose source document and article could not be confirmed: \
              local practice until the text is quoted.",
        example: "No publication for 2025 by 2025-12-31: DUE011 for 2025.",
        source: "practice (党费收缴使用情况每年公布1次; 中组部 2017 要求, text not quoted)",
        citations: &[
            param("dues.publication_grace_months"),
            param("dues.publication_required"),
        ],
        evidence: &[
            key("year", "integer", "the year not published"),
            key(
                "deadline",
                "date",
                "the year's end plus the grace months: the last day to publish",
            ),
        ],
        practice: true,
        since: "0.2.0",
    },
];

/// Runs DUE010 and DUE011 over the branch.
pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let b = cx.bundle;
    if out.wants(RuleCode::DUE010) && !b.dues_remittances.is_empty() {
        remittances(cx, out);
    }
    let p = &cx.profile.dues;
    if out.wants(RuleCode::DUE011)
        && (!b.dues_publications.is_empty() || *p.publication_required.at(cx.as_of))
    {
        publications(cx, out);
    }
}

/// The remittance periods of the audit period: the cycle in force at its start.
fn cycle(cx: &Context<'_>) -> PeriodKind {
    *cx.profile.dues.remittance_cycle.at(cx.period.from)
}

fn remittances(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let b = cx.bundle;
    let branch = cx.branch_span();
    let kind = cycle(cx);
    for (spec, range) in period::spans(kind, cx.period) {
        if !range.overlaps(&branch) {
            continue;
        }
        let grace = *cx.profile.dues.remittance_grace_months.at(range.to);
        if add_months(range.to, grace) > cx.as_of {
            continue;
        }
        let mut collected = Money::ZERO;
        let mut payments = 0u32;
        for p in &b.dues_payments {
            if range.contains(p.paid_on) && p.paid_on <= cx.as_of {
                collected = collected.saturating_add(p.amount);
                payments += 1;
            }
        }
        let mut remitted = Money::ZERO;
        let mut counted = Vec::new();
        for r in &b.dues_remittances {
            let rr = r.period.range();
            if r.remitted_on <= cx.as_of && range.from <= rr.from && rr.to <= range.to {
                remitted = remitted.saturating_add(r.amount);
                counted.push(r.period);
            }
        }
        if remitted < collected {
            counted.sort();
            out.report(Due010 {
                branch: b.branch.id.clone(),
                period: spec,
                collected,
                remitted,
                shortfall: collected.saturating_sub(remitted),
                payments,
                remittances: counted,
            });
        }
    }
}

fn publications(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let b = cx.bundle;
    let branch = cx.branch_span();
    for (spec, range) in period::spans(PeriodKind::Year, cx.period) {
        let PeriodSpec::Year(year) = spec else {
            continue;
        };
        if !range.overlaps(&branch) {
            continue;
        }
        let grace = *cx.profile.dues.publication_grace_months.at(range.to);
        let deadline = add_months(range.to, grace);
        if deadline > cx.as_of {
            continue;
        }
        let published = b
            .dues_publications
            .iter()
            .any(|p| p.year == year && p.date <= cx.as_of);
        if !published {
            out.report(Due011 {
                branch: b.branch.id.clone(),
                year,
                deadline,
            });
        }
    }
}

// ---------------------------------------------------------------------------
// Violations

#[derive(Serialize)]
struct Due010 {
    #[serde(skip)]
    branch: Id,
    period: PeriodSpec,
    collected: Money,
    remitted: Money,
    shortfall: Money,
    payments: u32,
    remittances: Vec<PeriodSpec>,
}

impl Violation for Due010 {
    const CODE: RuleCode = RuleCode::DUE010;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    fn period(&self) -> Option<DateRange> {
        Some(self.period.range())
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}收缴党费{}元（{}笔），上缴{}元，少缴{}元（按期足额上缴为地方通行做法）",
                period::zh(self.period),
                self.collected,
                self.payments,
                self.remitted,
                self.shortfall
            ),
            format!(
                "dues collected in {}: {} yuan ({} payments); remitted {}, short {} \
                 (full remittance on a fixed cycle is local practice)",
                self.period, self.collected, self.payments, self.remitted, self.shortfall
            ),
        )
    }
}

#[derive(Serialize)]
struct Due011 {
    #[serde(skip)]
    branch: Id,
    year: i32,
    deadline: NaiveDate,
}

impl Violation for Due011 {
    const CODE: RuleCode = RuleCode::DUE011;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::year(self.year))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "截至{}未向党员公布{}年党费收缴、使用情况（每年公布1次为地方通行做法）",
                self.deadline, self.year
            ),
            format!(
                "the dues collected and used in {} were not published to the members by {} \
                 (yearly publication is local practice)",
                self.year, self.deadline
            ),
        )
    }
}
