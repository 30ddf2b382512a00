//! Dues rules (党费): DUE001–DUE008.
//!
//! All of them read the member's dues ledger ([`crate::dues::MemberDues`]).
//! Period rules (DUE001–DUE004, DUE007) check owed months whose payment
//! deadline (the month's end; a quarterly payer's quarter end) has passed by
//! `as_of` and that overlap the audit period. Runs of unpaid months
//! (DUE003/DUE004) are followed back before the period as far as the member's
//! payment records go, and reported when they touch the period. Event rules
//! (DUE005, DUE006, DUE008) look at every record up to `as_of`.
//!
//! A member id that appears twice in `members` is audited once, as its first
//! record (the duplicate is reported by DAT002).

use chrono::NaiveDate;
use serde::Serialize;

use crate::audit::context::Context;
use crate::audit::{Emitter, RuleCode, RuleMeta, SharedViolation, Violation, coded, param};
use crate::dues::{DuesStatus, Expected, MemberDues, PaymentBlock, is_base_rated};
use crate::model::{DateRange, Id, Money, PaymentCycle, WaiverKind, YearMonth, add_months};
use crate::period::{months_en, months_zh};
use crate::profile::sources::{DATA_QUALITY, DUES_RULES, PRACTICE, cite};
use crate::report::{Message, Severity, Subject};

/// The dues rules' metadata.
pub(crate) static META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DUE001,
        name: "dues-month-unpaid",
        severity: Severity::Error,
        summary: "an owed month has no dues payment",
        what: "A month the member owes at this branch has ended (for a quarterly payer: its \
               quarter has ended) by `as_of`, lies in the audit period, is neither settled by a \
               transfer letter nor waived, and no payment covers it. One finding per member and \
               month. An exemption does not excuse the money, so exempt months are reported too.",
        why: "Members pay dues every month; unpaid months are the fault annual self-inspections \
              find most often, and the basis of the six-month rule.",
        example: "M03 pays for January to May 2025 and nothing for June: DUE001 for 2025-06.",
        source: "党费规定 第十二条 (按月交纳)",
        citations: &[cite(DUES_RULES, "第十二条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DUE002,
        name: "dues-underpaid",
        severity: Severity::Warning,
        summary: "dues paid for a month (or block of months) are less than expected",
        what: "The payments of a block of months (one month, or the months joined by a payment \
               with `through` and any payment overlapping it) add up to less than the expected \
               amounts of its owed months: the rate of the member's category on the whole base \
               in effect, rounded half up (profile), a farmer's minimum, or an approved \
               reduction. Blocks containing a month with no base in effect are left to DUE007.",
        why: "The rates are set centrally on the whole monthly base; paying on an old base or at a \
              lower bracket is underpayment even when every month shows a payment.",
        example: "Base 8500.00 (1.5%) and 85.00 paid for 2025-04: expected 127.50, short 42.50.",
        source: "党费规定 第二条至第六条 (比例), 第十条",
        citations: &[
            cite(DUES_RULES, "第二条至第六条"),
            cite(DUES_RULES, "第十条"),
        ],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DUE003,
        name: "dues-arrears-escalating",
        severity: Severity::Warning,
        summary: "3 to 5 consecutive owed months unpaid",
        what: "A run of consecutive unpaid owed months (deadline passed), not covered by an \
               exemption, at least `dues.arrears_min_months` (3) long and shorter than \
               `dues.lapse_months` (6). One finding per run, its months in the evidence. A paid, \
               settled, waived, exempt or not-owed month ends the run.",
        why: "Branches are expected to remind and talk to a member in arrears before the six-month \
              line of the Party Constitution is reached. The threshold is local practice.",
        example: "Nothing paid for March, April and May 2025: one DUE003 for 2025-03..2025-05.",
        source: "practice (地方通行做法: 连续三个月未交党费应提醒谈话)",
        citations: &[cite(PRACTICE, "连续三个月未交党费提醒谈话")],
        evidence: &[],
        practice: true,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DUE004,
        name: "dues-six-month-lapse",
        severity: Severity::Error,
        summary: "6 or more consecutive owed months unpaid: a 自行脱党 case",
        what: "A run of consecutive unpaid owed months, as for DUE003, at least \
               `dues.lapse_months` (6) long. One finding per run (and no DUE003 for it).",
        why: "A member who fails to pay dues for six consecutive months without good reason is \
              regarded as having given up membership; the branch meeting must decide on removal.",
        example: "Nothing paid from January to July 2025: one DUE004 for 2025-01..2025-07.",
        source: "党章 第九条; 党费规定 第十三条",
        citations: &[param("dues.lapse_months"), cite(DUES_RULES, "第十三条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
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
        source: "党费规定 第十二条",
        citations: &[cite(DUES_RULES, "第十二条")],
        evidence: &[],
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
        source: "党费规定 第七条",
        citations: &[cite(DUES_RULES, "第七条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DUE007,
        name: "dues-base-missing",
        severity: Severity::Warning,
        summary: "a base-rated member has owed months with no base in effect",
        what: "A member of a base-rated category (salaried, annual_salary, irregular_income, \
               retired) owes ended months in the audit period with no `dues_bases` record in \
               effect, so the expected amount (and DUE002) cannot be worked out. One finding \
               per run of such months.",
        why: "The amount is a rate of the monthly base, which the branch must record and update.",
        example: "A salaried member with no base at all: one DUE007 for the whole year.",
        source: "党费规定 第一条",
        citations: &[cite(DUES_RULES, "第一条")],
        evidence: &[],
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
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
];

const CODES: &[RuleCode] = &[
    RuleCode::DUE001,
    RuleCode::DUE002,
    RuleCode::DUE003,
    RuleCode::DUE004,
    RuleCode::DUE005,
    RuleCode::DUE006,
    RuleCode::DUE007,
    RuleCode::DUE008,
];

/// Runs the dues rules over every member of the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants_any(CODES) {
        return;
    }
    for pos in 0..cx.bundle.members.len() {
        if !cx.index.is_first_member(pos) {
            continue; // a duplicate id: DAT002
        }
        let Some(d) = MemberDues::new(cx, pos) else {
            continue;
        };
        check_member(cx, pos, &d, out);
    }
}

fn check_member(cx: &Context<'_>, pos: usize, d: &MemberDues<'_>, out: &mut Emitter<'_>) {
    let (pfrom, pto) = cx.period.months();
    // The period's months that have ended by as_of.
    let last_ended = YearMonth::of(cx.as_of);
    let last_ended = if last_ended.last_day() <= cx.as_of {
        last_ended
    } else {
        last_ended.pred()
    };
    let period_last = pto.min(last_ended);
    let m = d.member;

    // One pass over the months, each month's status computed once: DUE001
    // reads the period's months, the runs (DUE003/DUE004) follow back before
    // the period as far as the payment records go.
    let want_unpaid = out.wants(RuleCode::DUE001);
    let want_runs = out.wants_any(&[RuleCode::DUE003, RuleCode::DUE004]);
    let first = if want_runs {
        d.blocks().first().map_or(pfrom, |b| b.first.min(pfrom))
    } else {
        pfrom
    };
    let mut run: Vec<YearMonth> = Vec::new();
    let flush = |run: &mut Vec<YearMonth>, out: &mut Emitter<'_>| {
        if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
            let touches = first <= pto && last >= pfrom;
            let len = run.len() as u32;
            if touches && len >= *cx.profile.dues.arrears_min_months.value() {
                let v = Arrears {
                    member: m.id.clone(),
                    name: m.name.clone(),
                    first,
                    last,
                    months: std::mem::take(run),
                    count: len,
                };
                if len >= *cx.profile.dues.lapse_months.value() {
                    out.report(Due004(v));
                } else {
                    out.report(Due003(v));
                }
            }
        }
        run.clear();
    };
    if want_unpaid || want_runs {
        for month in first.iter_to(last_ended) {
            let unpaid = d.status(month) == DuesStatus::Unpaid;
            if want_unpaid && unpaid && pfrom <= month && month <= period_last {
                out.report(Due001 {
                    member: m.id.clone(),
                    name: m.name.clone(),
                    month,
                    expected: d.expected(month).and_then(Expected::minimum),
                    cycle: m.cycle(),
                });
            }
            if want_runs {
                if unpaid && !d.exempt(month) {
                    run.push(month);
                } else {
                    flush(&mut run, out);
                }
            }
        }
        flush(&mut run, out);
    }

    if out.wants(RuleCode::DUE002) {
        for block in d.blocks() {
            check_block(cx, d, block, pfrom, period_last, out);
        }
    }

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
                let n = cx.profile.dues.backpay_max_months.value();
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

    if out.wants(RuleCode::DUE007) && is_base_rated(m.dues_category) {
        let mut run: Vec<YearMonth> = Vec::new();
        let flush = |run: &mut Vec<YearMonth>, out: &mut Emitter<'_>| {
            if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
                out.report(Due007 {
                    member: m.id.clone(),
                    name: m.name.clone(),
                    first,
                    last,
                    count: run.len() as u32,
                });
            }
            run.clear();
        };
        for month in pfrom.iter_to(period_last) {
            if d.expected(month) == Some(Expected::BaseMissing) {
                run.push(month);
            } else {
                flush(&mut run, out);
            }
        }
        flush(&mut run, out);
    }
}

fn check_block(
    cx: &Context<'_>,
    d: &MemberDues<'_>,
    block: &PaymentBlock,
    pfrom: YearMonth,
    period_last: YearMonth,
    out: &mut Emitter<'_>,
) {
    // Checked when some owed month of the block is in the period and due.
    let checked = block
        .first
        .iter_to(block.last)
        .any(|m| m >= pfrom && m <= period_last && d.expected(m).is_some() && d.due(m));
    if !checked {
        return;
    }
    let Some(expected) = block.expected else {
        return; // a month without base: DUE007
    };
    if block.paid >= expected {
        return;
    }
    let first_expected = block.first.iter_to(block.last).find_map(|m| d.expected(m));
    let (base, rate) = match first_expected {
        Some(Expected::Rated { base, rate, .. }) => (Some(base), Some(rate)),
        _ => (None, None),
    };
    let _ = cx;
    out.report(Due002 {
        member: d.member.id.clone(),
        name: d.member.name.clone(),
        first: block.first,
        last: block.last,
        base,
        rate: rate.map(|r| {
            (r * rust_decimal::Decimal::ONE_HUNDRED)
                .normalize()
                .to_string()
                + "%"
        }),
        expected,
        paid: block.paid,
        shortfall: expected.saturating_sub(block.paid),
        waived_to: block
            .first
            .iter_to(block.last)
            .find_map(|m| d.waiver(m).filter(|w| w.kind == WaiverKind::Reduce))
            .and_then(|w| w.amount),
    });
}

// ---------------------------------------------------------------------------
// Violations

#[derive(Serialize)]
struct Due001 {
    member: Id,
    #[serde(skip)]
    name: String,
    month: YearMonth,
    expected: Option<Money>,
    cycle: PaymentCycle,
}

impl Violation for Due001 {
    const CODE: RuleCode = RuleCode::DUE001;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(self.month.range())
    }
    fn message(&self) -> Message {
        let (zh_amt, en_amt) = match self.expected {
            Some(a) => (format!("（应交{a}元）"), format!(" (expected {a} yuan)")),
            None => (String::new(), String::new()),
        };
        Message::new(
            format!(
                "{}（{}）{}党费未交纳{zh_amt}",
                self.name,
                self.member,
                self.month.zh()
            ),
            format!(
                "dues for {} unpaid by {} ({}){en_amt}",
                self.month, self.name, self.member
            ),
        )
    }
}

#[derive(Serialize)]
struct Due002 {
    member: Id,
    #[serde(skip)]
    name: String,
    first: YearMonth,
    last: YearMonth,
    base: Option<Money>,
    rate: Option<String>,
    expected: Money,
    paid: Money,
    shortfall: Money,
    #[serde(skip_serializing_if = "Option::is_none")]
    waived_to: Option<Money>,
}

impl Violation for Due002 {
    const CODE: RuleCode = RuleCode::DUE002;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::of_months(self.first, self.last))
    }
    fn message(&self) -> Message {
        let (zh_basis, en_basis) = match (&self.base, &self.rate) {
            (Some(b), Some(r)) => (
                format!("（基数{b}元，比例{r}）"),
                format!(" (base {b}, rate {r})"),
            ),
            _ => (String::new(), String::new()),
        };
        Message::new(
            format!(
                "{}（{}）{}党费少交：应交{}元{zh_basis}，实交{}元，差额{}元",
                self.name,
                self.member,
                months_zh(self.first, self.last),
                self.expected,
                self.paid,
                self.shortfall
            ),
            format!(
                "dues for {} underpaid by {} ({}): expected {}{en_basis}, paid {}, short {}",
                months_en(self.first, self.last),
                self.name,
                self.member,
                self.expected,
                self.paid,
                self.shortfall
            ),
        )
    }
}

#[derive(Serialize)]
struct Arrears {
    member: Id,
    #[serde(skip)]
    name: String,
    first: YearMonth,
    last: YearMonth,
    months: Vec<YearMonth>,
    count: u32,
}

impl SharedViolation for Arrears {
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }

    fn period(&self) -> Option<DateRange> {
        Some(DateRange::of_months(self.first, self.last))
    }

    fn message(&self, code: RuleCode) -> Message {
        let lapse = code == "DUE004";
        let (zh_then, en_then) = if lapse {
            (
                "无正当理由的应按自行脱党提交支部大会处理",
                ": a case for the branch meeting under art. 9 of the Constitution (自行脱党)",
            )
        } else {
            ("应及时提醒谈话", "; remind and talk")
        };
        Message::new(
            format!(
                "{}（{}）连续{}个月未交党费（{}），{zh_then}",
                self.name,
                self.member,
                self.count,
                months_zh(self.first, self.last)
            ),
            format!(
                "{} ({}) has not paid dues for {} consecutive months ({}){en_then}",
                self.name,
                self.member,
                self.count,
                months_en(self.first, self.last)
            ),
        )
    }
}

coded! {
    Due003(Arrears) = DUE003;
    Due004(Arrears) = DUE004;
}

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
struct Due007 {
    member: Id,
    #[serde(skip)]
    name: String,
    first: YearMonth,
    last: YearMonth,
    count: u32,
}

impl Violation for Due007 {
    const CODE: RuleCode = RuleCode::DUE007;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::of_months(self.first, self.last))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}（{}）{}无党费交纳基数，无法核定应交金额",
                self.name,
                self.member,
                months_zh(self.first, self.last)
            ),
            format!(
                "{} ({}) has no dues base for {} ({} months); the expected amount is unknown",
                self.name,
                self.member,
                months_en(self.first, self.last),
                self.count
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
