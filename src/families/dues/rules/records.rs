//! A member's dues records one by one: DUE005 (back-payment too late), DUE006
//! (waiver unapproved), DUE008 (payment for a month not owed here) and DUE009
//! (payment without a receipt).

use chrono::NaiveDate;
use serde::Serialize;

use crate::dues::MemberDues;
use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::kit::{key, param};
use crate::model::{DateRange, Id, Money, WaiverKind, YearMonth, add_months};
use crate::period::{months_en, months_zh};
use crate::vocab::sources::{DATA_QUALITY, DUES_RULES, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DUE005,
        name: "dues-backpay-too-late",
        severity: Severity::Warning,
        summary: "a payment made more than 6 months after the month it pays for",
        what: "A payment whose `paid_on` is after the last day of the month \
               `dues.backpay_max_months` (6) months after the earliest owed month it pays for. \
               Paid on that last day is on time.",
        why: "Back-payment (补交) is for short delays; a payment half a year late means the month \
              went unpaid and the lapse rules applied at the time.",
        example: "Dues for 2025-01 paid on 2025-08-01 (deadline 2025-07-31).",
        // 党费规定 art. 12: "补交党费的时间一般不得超过6个月".
        source: "党费规定 第十二条",
        citations: &[param("dues.backpay_max_months")],
        evidence: &[
            key("member", "string (member id)", "the member"),
            key(
                "record",
                "integer",
                "index of the payment in `dues_payments`",
            ),
            key(
                "month",
                "string (YYYY-MM)",
                "the earliest owed month the payment pays for",
            ),
            key("paid_on", "date", "the day of payment"),
            key(
                "deadline",
                "date",
                "the last day a back-payment was on time",
            ),
            key(
                "days_late",
                "integer",
                "days from the deadline to `paid_on`",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DUE006,
        name: "dues-waiver-unapproved",
        severity: Severity::Error,
        summary: "a dues waiver or reduction lacks the branch decision or the higher approval",
        what: "A `dues_waivers` record without `branch_decided_on` or without \
               `higher_approved_on`. Such a waiver excuses nothing: the months stay owed at the \
               full amount.",
        why: "Reducing or waiving dues needs the branch's decision and the higher committee's \
              approval.",
        example: "A waiver for 2025 with a branch decision and no higher approval.",
        // 党费规定 art. 7: "交纳党费确有困难的党员，经党支部研究，报上一级党委批准后，
        // 困难的党员可以少交或者免交。"
        source: "党费规定 第七条",
        citations: &[cite(DUES_RULES, "第七条")],
        evidence: &[
            key("member", "string (member id)", "the member"),
            key("from", "string (YYYY-MM)", "first month of the waiver"),
            key("to", "string (YYYY-MM)", "last month of the waiver"),
            key("kind", "string: reduce|waive", "reduction or waiver"),
            key(
                "branch_decided_on",
                "date or null",
                "the branch's decision (null: missing)",
            ),
            key(
                "higher_approved_on",
                "date or null",
                "the higher committee's approval (null: missing)",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DUE008,
        name: "dues-paid-for-nonmember-month",
        severity: Severity::Info,
        summary: "a payment for a month the member did not owe here",
        what: "A payment covering a month the member did not owe at this branch: before \
               admission, after leaving, before transferring in, or already settled by the \
               transfer letter. One finding per payment, the months in the evidence.",
        why: "Usually a data-entry slip or a double payment; the money should be booked where it \
              was owed.",
        example: "A member who left on 2025-06-15 has a payment for 2025-08.",
        source: "data quality",
        citations: &[cite(DATA_QUALITY, "党费台账")],
        evidence: &[
            key("member", "string (member id)", "the member"),
            key(
                "record",
                "integer",
                "index of the payment in `dues_payments`",
            ),
            key("paid_on", "date", "the day of payment"),
            key("amount", "money", "the amount of the payment"),
            key(
                "months",
                "[string (YYYY-MM)]",
                "the months paid for that were not owed here",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DUE009,
        name: "dues-receipt-missing",
        severity: Severity::Info,
        summary: "a dues payment without a receipt number (local practice)",
        what: "A payment made in the audit period (by `as_of`) without a `receipt_no` (or with a \
               blank one). Checked only in a bundle where at least one payment has a \
               `receipt_no`, or with `dues.receipt_required`: a branch that records no receipts \
               at all gets nothing. One finding per payment; the period is the months it pays \
               for.",
        why: "Branches issue a receipt (党费收据) for every payment so that members and auditors can \
              match the ledger with the money; a payment without one is hard to verify. No \
              central article requiring a receipt for ordinary payments was found (the 2008 \
              规定 mentions a receipt only for a voluntary payment of 1000 yuan or more): local \
              practice.",
        example: "In a ledger with receipt numbers, M03's payment for 2025-04 has none: DUE009.",
        source: "practice (开具党员缴纳党费收据)",
        citations: &[param("dues.receipt_required")],
        evidence: &[
            key("member", "string (member id)", "the member"),
            key(
                "record",
                "integer",
                "index of the payment in `dues_payments`",
            ),
            key("month", "string (YYYY-MM)", "first month paid for"),
            key(
                "through",
                "string (YYYY-MM, absent for one month)",
                "last month paid for",
            ),
            key("amount", "money", "the amount of the payment"),
            key("paid_on", "date", "the day of payment"),
        ],
        practice: true,
        since: "0.2.0",
    },
];

/// Whether DUE009 applies to the bundle: some payment has a receipt number,
/// or the profile requires them (`dues.receipt_required` in force on `as_of`).
pub(super) fn receipts_checked(cx: &Context<'_>) -> bool {
    *cx.profile.dues.receipt_required.at(cx.as_of)
        || cx.bundle.dues_payments.iter().any(has_receipt)
}

fn has_receipt(p: &crate::model::DuesPayment) -> bool {
    p.receipt_no
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty())
}

pub(super) fn check_member(
    cx: &Context<'_>,
    pos: usize,
    d: &MemberDues<'_>,
    receipts: bool,
    out: &mut Emitter<'_>,
) {
    let m = d.member;
    let recs = cx.index.member_records(pos);

    if out.wants_any(&[RuleCode::DUE005, RuleCode::DUE008]) {
        for &(record, p) in &recs.payments {
            if p.paid_on > cx.as_of {
                continue; // not happened yet: DAT003
            }
            let last = p.last_month().max(p.month);
            let mut not_owed = Vec::new();
            let mut first_owed = None;
            for month in p.month.iter_to(last) {
                if d.owes(month) && !d.settled(month) {
                    first_owed.get_or_insert(month);
                } else {
                    not_owed.push(month);
                }
            }
            if let Some(first) = first_owed {
                // The limit in force for the month paid for.
                let n = cx.profile.dues.backpay_max_months.at(first.first_day());
                let deadline = add_months(first.first_day(), *n).max(first.first_day());
                let deadline = YearMonth::of(deadline).last_day();
                if p.paid_on > deadline {
                    out.report(Due005 {
                        member: m.id.clone(),
                        name: m.name.clone(),
                        record,
                        month: first,
                        paid_on: p.paid_on,
                        deadline,
                        days_late: (p.paid_on - deadline).num_days(),
                    });
                }
            }
            if !not_owed.is_empty() {
                out.report(Due008 {
                    member: m.id.clone(),
                    name: m.name.clone(),
                    record,
                    paid_on: p.paid_on,
                    amount: p.amount,
                    months: not_owed,
                });
            }
        }
    }

    if out.wants(RuleCode::DUE006) {
        for w in &recs.waivers {
            if !w.is_approved() {
                out.report(Due006 {
                    member: m.id.clone(),
                    name: m.name.clone(),
                    from: w.from,
                    to: w.to,
                    kind: w.kind,
                    branch_decided_on: w.branch_decided_on,
                    higher_approved_on: w.higher_approved_on,
                });
            }
        }
    }

    if receipts && out.wants(RuleCode::DUE009) {
        for &(record, p) in &recs.payments {
            if p.paid_on > cx.as_of || !cx.period.contains(p.paid_on) || has_receipt(p) {
                continue;
            }
            out.report(Due009 {
                member: m.id.clone(),
                name: m.name.clone(),
                record,
                month: p.month,
                through: p.through.filter(|t| *t > p.month),
                amount: p.amount,
                paid_on: p.paid_on,
            });
        }
    }
}

// ---------------------------------------------------------------------------
// Violations

#[derive(Serialize)]
struct Due005 {
    member: Id,
    #[serde(skip)]
    name: String,
    record: usize,
    month: YearMonth,
    paid_on: NaiveDate,
    deadline: NaiveDate,
    days_late: i64,
}

impl Violation for Due005 {
    const CODE: RuleCode = RuleCode::DUE005;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.paid_on))
    }
    /// The month paid for: the back-pay limit of its edition applies.
    fn date(&self) -> Option<NaiveDate> {
        Some(self.month.first_day())
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}（{}）{}党费于{}补交，超过补交期限{}（晚{}天）",
                self.name,
                self.member,
                self.month.zh(),
                self.paid_on,
                self.deadline,
                self.days_late
            ),
            format!(
                "{} ({}) paid dues for {} on {}, after the back-pay deadline {} ({} days late)",
                self.name, self.member, self.month, self.paid_on, self.deadline, self.days_late
            ),
        )
    }
}

#[derive(Serialize)]
struct Due006 {
    member: Id,
    #[serde(skip)]
    name: String,
    from: YearMonth,
    to: YearMonth,
    kind: WaiverKind,
    branch_decided_on: Option<NaiveDate>,
    higher_approved_on: Option<NaiveDate>,
}

impl Violation for Due006 {
    const CODE: RuleCode = RuleCode::DUE006;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        DateRange::new(self.from.first_day(), self.to.last_day())
    }
    fn message(&self) -> Message {
        let (zh_missing, en_missing) = match (self.branch_decided_on, self.higher_approved_on) {
            (None, None) => (
                "缺少支部决定和上级党委批准",
                "lacks the branch decision and the higher approval",
            ),
            (None, Some(_)) => ("缺少支部决定", "lacks the branch decision"),
            _ => ("缺少上级党委批准", "lacks the higher committee's approval"),
        };
        let (zh_kind, en_kind) = match self.kind {
            WaiverKind::Waive => ("免交", "waiver"),
            WaiverKind::Reduce => ("少交", "reduction"),
        };
        Message::new(
            format!(
                "{}（{}）{}党费{}{}，不予认定",
                self.name,
                self.member,
                months_zh(self.from, self.to),
                zh_kind,
                zh_missing
            ),
            format!(
                "dues {en_kind} of {} ({}) for {} {en_missing}; it excuses nothing",
                self.name,
                self.member,
                months_en(self.from, self.to)
            ),
        )
    }
}

#[derive(Serialize)]
struct Due008 {
    member: Id,
    #[serde(skip)]
    name: String,
    record: usize,
    paid_on: NaiveDate,
    amount: Money,
    months: Vec<YearMonth>,
}

impl Violation for Due008 {
    const CODE: RuleCode = RuleCode::DUE008;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        let first = self.months.first()?;
        let last = self.months.last()?;
        Some(DateRange::of_months(*first, *last))
    }
    fn message(&self) -> Message {
        let list: Vec<String> = self.months.iter().map(|m| m.to_string()).collect();
        Message::new(
            format!(
                "{}（{}）交纳了不应在本支部交纳月份的党费：{}",
                self.name,
                self.member,
                list.join("、")
            ),
            format!(
                "{} ({}) paid dues for months not owed at this branch: {}",
                self.name,
                self.member,
                list.join(", ")
            ),
        )
    }
}

#[derive(Serialize)]
struct Due009 {
    member: Id,
    #[serde(skip)]
    name: String,
    record: usize,
    month: YearMonth,
    #[serde(skip_serializing_if = "Option::is_none")]
    through: Option<YearMonth>,
    amount: Money,
    paid_on: NaiveDate,
}

impl Violation for Due009 {
    const CODE: RuleCode = RuleCode::DUE009;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::of_months(
            self.month,
            self.through.unwrap_or(self.month),
        ))
    }
    fn date(&self) -> Option<NaiveDate> {
        Some(self.paid_on)
    }
    fn message(&self) -> Message {
        let last = self.through.unwrap_or(self.month);
        Message::new(
            format!(
                "{}（{}）{}交纳的{}党费{}元未记录收据编号（开具党费收据为地方通行做法）",
                self.name,
                self.member,
                self.paid_on,
                months_zh(self.month, last),
                self.amount
            ),
            format!(
                "the payment of {} yuan by {} ({}) on {} for {} has no receipt number \
                 (issuing receipts is local practice)",
                self.amount,
                self.name,
                self.member,
                self.paid_on,
                months_en(self.month, last)
            ),
        )
    }
}
