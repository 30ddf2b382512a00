//! The months of a member's dues ledger: DUE001 (unpaid), DUE002 (underpaid),
//! DUE003/DUE004 (runs of unpaid months) and DUE007 (no base).

use serde::Serialize;

use crate::dues::{DuesStatus, Expected, MemberDues, PaymentBlock, is_base_rated};
use crate::families::context::Context;
use crate::kit::{Cite, Emitter, RuleCode, RuleMeta, SharedViolation, Violation, coded};
use crate::kit::{key, param};
use crate::model::{DateRange, DuesCategory, Id, Money, PaymentCycle, WaiverKind, YearMonth};
use crate::period::{months_en, months_zh};
use crate::vocab::sources::{DUES_RULES, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[
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
        evidence: &[
            key("member", "string (member id)", "the member"),
            key("month", "string (YYYY-MM)", "the month unpaid"),
            key(
                "expected",
                "money or null",
                "the least amount that pays the month (null: no base in effect)",
            ),
            key(
                "cycle",
                "string: monthly|quarterly",
                "the member's payment cycle (a quarterly payer's month is due at its quarter's end)",
            ),
        ],
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
               amounts of its owed months: the rate of the member's category on the whole base, \
               rounded half up (profile), a farmer's minimum, or an approved reduction. The base \
               is the one in effect in the month (党费规定 第十条), or with \
               `dues.annual_base_fixed` the one in effect in the first owed month of its year. \
               Blocks containing a month with no base are left to DUE007. A finding cites the \
               rate table of the member's category only (or 第七条 for a reduction).",
        why: "The rates are set centrally on the whole monthly base; paying on an old base or at a \
              lower bracket is underpayment even when every month shows a payment.",
        example: "Base 8500.00 (1.5%) and 85.00 paid for 2025-04: expected 127.50, short 42.50.",
        source: "党费规定 第二条至第六条 (比例), 第七条 (少交), 第十条 (新基数当月起)",
        citations: &[
            param("dues.income_rates"),
            param("dues.retired_rates"),
            param("dues.farmer_min"),
            param("dues.fixed_amount"),
            param("dues.annual_base_fixed"),
            cite(DUES_RULES, "第七条"),
        ],
        evidence: &[
            key("member", "string (member id)", "the member"),
            key("first", "string (YYYY-MM)", "first month of the block"),
            key("last", "string (YYYY-MM)", "last month of the block"),
            key(
                "base",
                "money or null",
                "the base of the block's first rated month (null: not base-rated)",
            ),
            key(
                "rate",
                "string (e.g. 1.5%) or null",
                "the rate of that base (null: not base-rated)",
            ),
            key(
                "expected",
                "money",
                "the least total that pays the block's owed months",
            ),
            key("paid", "money", "the total paid for the block"),
            key("shortfall", "money", "expected minus paid"),
            key(
                "waived_to",
                "money (absent unless reduced)",
                "the monthly amount of an approved reduction in the block",
            ),
            key(
                "annual_base_fixed",
                "boolean (absent unless true)",
                "the base was fixed for the year (`dues.annual_base_fixed`)",
            ),
        ],
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
        citations: &[param("dues.arrears_min_months")],
        evidence: RUN_KEYS,
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
        // 党费规定 art. 13: "对不按照规定交纳党费的党员，其所在党组织应及时对其进行批评
        // 教育，限期改正。对无正当理由，连续6个月不交纳党费的党员，按自行脱党处理。"
        citations: &[param("dues.lapse_months"), cite(DUES_RULES, "第十三条")],
        evidence: RUN_KEYS,
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
               effect (with `dues.annual_base_fixed`: none fixed for the year by then), so the \
               expected amount (and DUE002) cannot be worked out. One finding per run of such \
               months.",
        why: "The amount is a rate of the monthly base, which the branch must record and update.",
        example: "A salaried member with no base at all: one DUE007 for the whole year.",
        // Art. 1 (the base) was not retrieved verbatim; arts. 3 and 4 compute
        // their bases "参照第一条、第二条规定", so art. 1 is the base article.
        source: "党费规定 第一条",
        citations: &[cite(DUES_RULES, "第一条")],
        evidence: &[
            key("member", "string (member id)", "the member"),
            key("first", "string (YYYY-MM)", "first month without a base"),
            key("last", "string (YYYY-MM)", "last month without a base"),
            key("count", "integer", "number of months in the run"),
        ],
        practice: false,
        since: "0.1.0",
    },
];

/// The evidence of a run of unpaid months (DUE003, DUE004).
const RUN_KEYS: &[crate::kit::EvidenceKey] = &[
    key("member", "string (member id)", "the member"),
    key("first", "string (YYYY-MM)", "first month of the run"),
    key("last", "string (YYYY-MM)", "last month of the run"),
    key("months", "[string (YYYY-MM)]", "the months of the run"),
    key("count", "integer", "number of months in the run"),
];

pub(super) fn check_member(cx: &Context<'_>, d: &MemberDues<'_>, out: &mut Emitter<'_>) {
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
            // The thresholds in force in the run's first month.
            let day = first.first_day();
            let dues = &cx.profile.dues;
            if touches && len >= *dues.arrears_min_months.at(day) {
                let v = Arrears {
                    member: m.id.clone(),
                    name: m.name.clone(),
                    first,
                    last,
                    months: std::mem::take(run),
                    count: len,
                };
                if len >= *dues.lapse_months.at(day) {
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
            check_block(d, block, pfrom, period_last, out);
        }
    }

    // Both tests only save work (an equivalent mutant if `&&` became `||`):
    // `report` drops what is not wanted, and a member not rated on a base
    // never has `Expected::BaseMissing`.
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
    let waived_to = block
        .first
        .iter_to(block.last)
        .find_map(|m| d.waiver(m).filter(|w| w.kind == WaiverKind::Reduce))
        .and_then(|w| w.amount);
    let reduced = block
        .first
        .iter_to(block.last)
        .any(|m| d.waiver(m).is_some_and(|w| w.kind == WaiverKind::Reduce));
    out.report(Due002 {
        member: d.member.id.clone(),
        name: d.member.name.clone(),
        category: d.member.dues_category,
        reduced,
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
        waived_to,
        annual_base_fixed: block.first.iter_to(block.last).any(|m| d.annual_base(m)),
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
    #[serde(skip)]
    category: DuesCategory,
    /// Whether an approved reduction sets some month's amount.
    #[serde(skip)]
    reduced: bool,
    first: YearMonth,
    last: YearMonth,
    base: Option<Money>,
    rate: Option<String>,
    expected: Money,
    paid: Money,
    shortfall: Money,
    #[serde(skip_serializing_if = "Option::is_none")]
    waived_to: Option<Money>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    annual_base_fixed: bool,
}

/// What a DUE002 finding cites: the rate table of the member's category
/// (党费规定 arts. 2–6, as the profile sets them), the reduction article for
/// a reduced month, and the yearly base where it applied.
mod due002_cites {
    use super::{Cite, DUES_RULES, cite, param};
    pub(super) const INCOME: &[Cite] = &[param("dues.income_rates")];
    pub(super) const INCOME_ANNUAL: &[Cite] =
        &[param("dues.income_rates"), param("dues.annual_base_fixed")];
    pub(super) const RETIRED: &[Cite] = &[param("dues.retired_rates")];
    pub(super) const RETIRED_ANNUAL: &[Cite] =
        &[param("dues.retired_rates"), param("dues.annual_base_fixed")];
    pub(super) const FARMER: &[Cite] = &[param("dues.farmer_min")];
    pub(super) const FIXED: &[Cite] = &[param("dues.fixed_amount")];
    // 党费规定 art. 7: "交纳党费确有困难的党员，经党支部研究，报上一级党委批准后，
    // 困难的党员可以少交或者免交。"
    pub(super) const REDUCED: &[Cite] = &[cite(DUES_RULES, "第七条")];
}

impl Violation for Due002 {
    const CODE: RuleCode = RuleCode::DUE002;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::of_months(self.first, self.last))
    }
    fn cites(&self) -> Option<&'static [Cite]> {
        use due002_cites::*;
        if self.reduced {
            return Some(REDUCED);
        }
        Some(match (self.category, self.annual_base_fixed) {
            (DuesCategory::Retired, false) => RETIRED,
            (DuesCategory::Retired, true) => RETIRED_ANNUAL,
            (DuesCategory::Farmer, _) => FARMER,
            (c, false) if is_base_rated(c) => INCOME,
            (c, true) if is_base_rated(c) => INCOME_ANNUAL,
            _ => FIXED,
        })
    }
    fn message(&self) -> Message {
        let (zh_basis, en_basis) = match (&self.base, &self.rate) {
            (Some(b), Some(r)) => {
                let (zh_y, en_y) = if self.annual_base_fixed {
                    ("，年初核定", ", fixed for the year")
                } else {
                    ("", "")
                };
                (
                    format!("（基数{b}元{zh_y}，比例{r}）"),
                    format!(" (base {b}{en_y}, rate {r})"),
                )
            }
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
            (
                "应及时提醒谈话（地方通行做法）",
                "; remind and talk (local practice)",
            )
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
