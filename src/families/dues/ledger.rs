//! The per-member monthly dues ledger.
//!
//! [`MemberDues`] works out, for one member of one bundle and any month,
//! whether the month is owed here, what is expected, what was paid and the
//! month's [`DuesStatus`]. The dues rules and the member-standing view read it.
//!
//! A member **owes** dues for month M at this branch if they belong to the
//! branch on day 1 of M, or were admitted to the party in M while in this
//! branch, or transferred in during M with a transfer letter whose
//! `dues_paid_until` is before M (so M was settled nowhere else). Months up to
//! `dues_paid_until` are settled. An approved waiver replaces the amount
//! (`waive`: nothing; `reduce`: its amount); a waiver lacking either approval
//! excuses nothing. A payment made after `as_of` has not happened yet.
//!
//! Payments covering several months (`through`) and several payments for one
//! month are compared with what is expected as a **block**: the months joined
//! by overlapping payments. A block is short when its total is less than the
//! sum of its months' expected amounts.
//!
//! # Which base
//!
//! By default each month uses the base in effect in that month: 党费规定
//! art. 10, "党员工资收入发生变化后，从按新工资标准领取工资的当月起，以新的工资收入
//! 为基数". Many units instead fix the base once a year (组电明字〔2017〕5号
//! part 一(1): "基层党组织年初核定党员月交纳党费数额，年内一般不变动"): with
//! `dues.annual_base_fixed` (in force on the month's first day) a month uses
//! the base in effect in the **first owed month of its year** (the first month
//! owed here and not settled by a transfer letter). When no base is in effect
//! then, the first base recorded later that year applies from its own month
//! (the year's amount was fixed late); months before it have no base (DUE007).
//! Rates, amounts and rounding are the editions in force on the month's first
//! day.

use serde::Serialize;

use crate::families::context::{Context, member_span};
use crate::model::{DateRange, DuesWaiver, Member, Money, PaymentCycle, WaiverKind, YearMonth};
use crate::profile::DuesProfile;

/// The expected monthly amount of a member.
use super::calc::*;

/// The dues status of one member in one month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuesStatus {
    /// Not owed at this branch (not a member here on day 1, not admitted here that month).
    NotOwed,
    /// Settled before the member transferred in (`dues_paid_until`).
    Settled,
    /// Waived by an approved waiver.
    Waived,
    /// Paid in full (alone or in its block).
    Paid,
    /// Paid, but less than expected (the month's block is short).
    Short,
    /// Owed, its payment deadline has passed, and nothing was paid.
    Unpaid,
    /// Owed, nothing paid yet, and the deadline has not passed (current month,
    /// or a quarterly payer's quarter still running).
    NotYetDue,
}

impl DuesStatus {
    /// 未交 / 少交 / … in Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            DuesStatus::NotOwed => "不在本支部",
            DuesStatus::Settled => "转入前已交",
            DuesStatus::Waived => "免交",
            DuesStatus::Paid => "已交",
            DuesStatus::Short => "少交",
            DuesStatus::Unpaid => "未交",
            DuesStatus::NotYetDue => "未到期",
        }
    }
}

/// One month of a member's ledger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MonthDues {
    /// The month.
    pub month: YearMonth,
    /// Status.
    pub status: DuesStatus,
    /// Expected amount (`None` when not owed, settled or waived).
    pub expected: Option<Expected>,
    /// Whether an exemption (正当理由) overlaps the month: it excuses a lapse,
    /// not the money.
    pub exempt: bool,
}

/// Payments joined into blocks of months (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PaymentBlock {
    /// First month covered.
    pub first: YearMonth,
    /// Last month covered.
    pub last: YearMonth,
    /// Total paid.
    pub paid: Money,
    /// The least total that pays the block in full: the sum of its owed
    /// months' expected amounts; `None` if some owed month's amount is unknown
    /// (no base in effect).
    pub expected: Option<Money>,
}

/// The dues of one member of one bundle.
#[derive(Debug)]
pub struct MemberDues<'a> {
    /// The member.
    pub member: &'a Member,
    profile: &'a DuesProfile,
    /// Whether some rate, amount or rounding has editions (then amounts are
    /// worked out month by month instead of once per base record).
    dated: bool,
    span: Option<DateRange>,
    /// The owed months form one contiguous range (see [`owed_months`]).
    owed: Option<(YearMonth, YearMonth)>,
    /// The last month whose payment deadline has passed by `as_of`.
    last_due: YearMonth,
    /// Each base record's month and the amount it makes expected, computed
    /// once (the calculator's decimal arithmetic is the costly part).
    bases: Vec<(YearMonth, Money, Expected)>,
    /// The expected amount when no base is in effect.
    no_base: Expected,
    waivers: Vec<&'a DuesWaiver>,
    exemptions: Vec<(YearMonth, YearMonth)>,
    blocks: Vec<PaymentBlock>,
}

impl<'a> MemberDues<'a> {
    /// The dues of the member at position `pos` of the context's bundle.
    pub fn new(cx: &Context<'a>, pos: usize) -> Option<MemberDues<'a>> {
        let member = cx.bundle.members.get(pos)?;
        let recs = cx.index.member_records(pos);
        let category = member.dues_category;
        let bases = recs
            .bases
            .iter()
            .map(|b| {
                let e = expected_monthly(&cx.profile.dues, category, Some(b.base));
                (b.from, b.base, e)
            })
            .collect();
        let no_base = expected_monthly(&cx.profile.dues, category, None);
        let waivers = recs
            .waivers
            .iter()
            .copied()
            .filter(|w| w.is_approved() && w.from <= w.to)
            .collect();
        let exemptions = recs
            .exemptions
            .iter()
            .filter(|e| e.from <= e.to)
            .map(|e| (YearMonth::of(e.from), YearMonth::of(e.to)))
            .collect();
        // Payment blocks: payments made by `as_of`, joined where their months overlap.
        let mut spans: Vec<(YearMonth, YearMonth, Money, usize)> = Vec::new();
        for &(i, p) in &recs.payments {
            if p.paid_on > cx.as_of {
                continue;
            }
            spans.push((p.month, p.last_month().max(p.month), p.amount, i));
        }
        spans.sort_by_key(|s| (s.0, s.1, s.3));
        let mut blocks: Vec<PaymentBlock> = Vec::new();
        for (first, last, amount, _) in spans {
            match blocks.last_mut() {
                Some(b) if first <= b.last => {
                    b.last = b.last.max(last);
                    b.paid = b.paid.saturating_add(amount);
                }
                _ => blocks.push(PaymentBlock {
                    first,
                    last,
                    paid: amount,
                    expected: None,
                }),
            }
        }
        let span = member_span(&cx.bundle.branch, member);
        let last_due = {
            let this = YearMonth::of(cx.as_of);
            let last_month = if this.last_day() <= cx.as_of {
                this
            } else {
                this.pred()
            };
            match member.cycle() {
                PaymentCycle::Monthly => last_month,
                // The last month of the last quarter that has ended.
                PaymentCycle::Quarterly => last_month.offset(-((last_month.month() as i32) % 3)),
            }
        };
        let d = &cx.profile.dues;
        let dated = d.income_rates.has_editions()
            || d.retired_rates.has_editions()
            || d.farmer_min.has_editions()
            || d.farmer_max.has_editions()
            || d.fixed_amount.has_editions()
            || d.rounding.has_editions();
        let mut dues = MemberDues {
            member,
            profile: &cx.profile.dues,
            dated,
            span,
            owed: span.and_then(|s| owed_months(member, s)),
            last_due,
            bases,
            no_base,
            waivers,
            exemptions,
            blocks,
        };
        // Each block's expected total, once (statuses of its months read it).
        let totals: Vec<Option<Money>> = dues
            .blocks
            .iter()
            .map(|b| dues.sum_expected(b.first, b.last))
            .collect();
        for (b, t) in dues.blocks.iter_mut().zip(totals) {
            b.expected = t;
        }
        Some(dues)
    }

    /// Whether month `m` is owed at this branch (before settlement and waivers).
    pub fn owes(&self, m: YearMonth) -> bool {
        self.owed.is_some_and(|(lo, hi)| lo <= m && m <= hi)
    }

    /// [`MemberDues::owes`] by the definition, month by month (the fast
    /// version reads the range computed by [`owed_months`]; tests compare them).
    #[cfg(test)]
    fn owes_by_definition(&self, m: YearMonth) -> bool {
        let Some(span) = self.span else { return false };
        let day1 = m.first_day();
        let admitted = self.member.admitted_on;
        if admitted <= day1 && span.contains(day1) {
            return true;
        }
        // Admitted to the party in M while in this branch.
        if YearMonth::of(admitted) == m && span.contains(admitted) {
            return true;
        }
        // Transferred in during M, with M not settled by the transfer letter.
        if let (Some(from), Some(paid_until)) =
            (self.member.in_branch_from, self.member.dues_paid_until)
        {
            if YearMonth::of(from) == m && paid_until < m && span.contains(from) && admitted <= from
            {
                return true;
            }
        }
        false
    }

    /// The days the member belongs to this branch (see [`Context::member_span`]).
    pub fn span(&self) -> Option<DateRange> {
        self.span
    }

    /// Whether month `m` is settled by the transfer letter.
    pub fn settled(&self, m: YearMonth) -> bool {
        self.member.dues_paid_until.is_some_and(|p| m <= p)
    }

    /// The approved waiver covering `m`, if any.
    pub fn waiver(&self, m: YearMonth) -> Option<&'a DuesWaiver> {
        self.waivers
            .iter()
            .copied()
            .find(|w| w.from <= m && m <= w.to)
    }

    /// The base that sets `m`'s amount: the one in effect in `m` (with
    /// `dues.annual_base_fixed`: the one fixed for its year).
    pub fn base(&self, m: YearMonth) -> Option<Money> {
        self.base_for(m).map(|(_, b, _)| *b)
    }

    fn base_record(&self, m: YearMonth) -> Option<&(YearMonth, Money, Expected)> {
        let n = self.bases.partition_point(|(from, _, _)| *from <= m);
        n.checked_sub(1).and_then(|i| self.bases.get(i))
    }

    /// Whether `m`'s amount uses the base fixed for its year
    /// (`dues.annual_base_fixed` in force on its first day).
    pub fn annual_base(&self, m: YearMonth) -> bool {
        *self.profile.annual_base_fixed.at(m.first_day())
    }

    /// The base record that sets `m`'s amount: the one in effect in `m`, or
    /// with a base fixed once a year, the one in effect in the first owed
    /// month of `m`'s year (see the module docs).
    fn base_for(&self, m: YearMonth) -> Option<&(YearMonth, Money, Expected)> {
        if !self.annual_base(m) {
            return self.base_record(m);
        }
        let Some(jan) = YearMonth::new(m.year(), 1) else {
            return self.base_record(m);
        };
        let mut anchor = jan;
        if let Some((lo, _)) = self.owed {
            anchor = anchor.max(lo);
        }
        if let Some(paid) = self.member.dues_paid_until {
            anchor = anchor.max(paid.succ());
        }
        let anchor = anchor.min(m);
        self.base_record(anchor).or_else(|| {
            // No base at the start of the year: the first one recorded
            // later that year, from its own month.
            self.bases
                .iter()
                // (`>` here could be `>=` and `&&` could be `||` with the
                // same result — equivalent mutants: a base from `anchor` or
                // before is what `base_record(anchor)` already found, and the
                // bases are sorted, so this year's come before later years'.)
                .find(|(from, _, _)| *from > anchor && from.year() == m.year())
                .filter(|(from, _, _)| *from <= m)
        })
    }

    /// The amount a base record (or none) makes expected in `m`.
    fn rated(&self, m: YearMonth) -> Expected {
        let rec = self.base_for(m);
        if self.dated {
            expected_monthly_on(
                self.profile,
                self.member.dues_category,
                rec.map(|(_, b, _)| *b),
                Some(m.first_day()),
            )
        } else {
            rec.map_or(self.no_base, |(_, _, e)| *e)
        }
    }

    /// Whether an exemption overlaps `m`.
    pub fn exempt(&self, m: YearMonth) -> bool {
        self.exemptions.iter().any(|&(lo, hi)| lo <= m && m <= hi)
    }

    /// Whether `m`'s payment deadline has passed by `as_of`: the month (for
    /// quarterly payers, its quarter) has ended.
    pub fn due(&self, m: YearMonth) -> bool {
        m <= self.last_due
    }

    /// What is expected for `m`: `None` when not owed, settled or waived.
    pub fn expected(&self, m: YearMonth) -> Option<Expected> {
        if !self.owes(m) || self.settled(m) {
            return None;
        }
        match self.waiver(m) {
            Some(w) if w.kind == WaiverKind::Waive => None,
            Some(w) => Some(match w.amount {
                Some(amount) => Expected::Fixed { amount },
                // A reduction without an amount: nothing can be compared.
                None => Expected::Range {
                    min: Money::ZERO,
                    max: Money::ZERO,
                },
            }),
            None => Some(self.rated(m)),
        }
    }

    /// The payment blocks (payments made by `as_of`).
    pub fn blocks(&self) -> &[PaymentBlock] {
        &self.blocks
    }

    /// The block covering `m`.
    pub fn block(&self, m: YearMonth) -> Option<&PaymentBlock> {
        let n = self.blocks.partition_point(|b| b.first <= m);
        n.checked_sub(1)
            .and_then(|i| self.blocks.get(i))
            .filter(|b| m <= b.last)
    }

    /// The least total that pays the months `first..=last` in full; `None` if
    /// some owed month's amount is unknown (no base).
    pub fn sum_expected(&self, first: YearMonth, last: YearMonth) -> Option<Money> {
        let mut total = Money::ZERO;
        for m in first.iter_to(last) {
            if let Some(e) = self.expected(m) {
                total = total.saturating_add(e.minimum()?);
            }
        }
        Some(total)
    }

    /// The status of month `m`.
    pub fn status(&self, m: YearMonth) -> DuesStatus {
        if !self.owes(m) {
            return DuesStatus::NotOwed;
        }
        if self.settled(m) {
            return DuesStatus::Settled;
        }
        if self.waiver(m).is_some_and(|w| w.kind == WaiverKind::Waive) {
            return DuesStatus::Waived;
        }
        match self.block(m) {
            Some(b) => match b.expected {
                Some(exp) if b.paid < exp => DuesStatus::Short,
                _ => DuesStatus::Paid,
            },
            None if self.due(m) => DuesStatus::Unpaid,
            None => DuesStatus::NotYetDue,
        }
    }

    /// The ledger of months `from..=to`.
    pub fn months(&self, from: YearMonth, to: YearMonth) -> Vec<MonthDues> {
        from.iter_to(to)
            .map(|month| MonthDues {
                month,
                status: self.status(month),
                expected: self.expected(month),
                exempt: self.exempt(month),
            })
            .collect()
    }
}

/// The months a member owes at this branch, as one range `first..=last`:
/// the months whose first day falls in their time here on or after their
/// admission, plus the month of admission (if admitted while here) and the
/// month of a transfer in (if the transfer letter's `dues_paid_until` is
/// before it). Both extra months adjoin the first range, so the union is one
/// range. `None` if nothing is owed.
pub fn owed_months(member: &Member, span: DateRange) -> Option<(YearMonth, YearMonth)> {
    let admitted = member.admitted_on;
    // Months whose day 1 is in max(admitted, span.from)..=span.to.
    let start = admitted.max(span.from);
    let first_full = {
        let m = YearMonth::of(start);
        if m.first_day() == start { m } else { m.succ() }
    };
    let last_full = YearMonth::of(span.to);
    let mut range = (first_full <= last_full).then_some((first_full, last_full));
    let mut add = |m: YearMonth| {
        range = Some(match range {
            Some((lo, hi)) => (lo.min(m), hi.max(m)),
            None => (m, m),
        });
    };
    if span.contains(admitted) {
        add(YearMonth::of(admitted));
    }
    if let (Some(from), Some(paid_until)) = (member.in_branch_from, member.dues_paid_until) {
        let m = YearMonth::of(from);
        if paid_until < m && span.contains(from) && admitted <= from {
            add(m);
        }
    }
    range
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Profile;
    use crate::model::DuesCategory;

    #[test]
    fn owed_range_matches_the_definition() {
        use crate::model::{Branch, BranchKind, Bundle, Member, MemberStatus};
        let d = |s: &str| crate::parse_date(s).unwrap();
        let days = [
            "2024-12-31",
            "2025-01-01",
            "2025-01-15",
            "2025-01-31",
            "2025-02-01",
            "2025-03-10",
        ];
        let mut checked = 0;
        for adm in days {
            for from in [None].into_iter().chain(days.iter().map(|x| Some(*x))) {
                for to in [
                    None,
                    Some("2025-01-31"),
                    Some("2025-02-01"),
                    Some("2025-02-15"),
                    Some("2025-03-31"),
                ] {
                    for paid in [
                        None,
                        Some("2024-12"),
                        Some("2025-01"),
                        Some("2025-02"),
                        Some("2025-03"),
                    ] {
                        let mut member = Member::new(
                            "M1".parse().unwrap(),
                            "甲",
                            MemberStatus::Full,
                            d(adm),
                            DuesCategory::Student,
                        );
                        member.in_branch_from = from.map(d);
                        member.in_branch_to = to.map(d);
                        member.dues_paid_until = paid.map(|p| p.parse().unwrap());
                        let mut b = Bundle::new(Branch {
                            id: "B1".parse().unwrap(),
                            name: "x".into(),
                            kind: BranchKind::Organ,
                            founded_on: None,
                            dissolved_on: None,
                            committee: None,
                            secretary: None,
                            groups: Vec::new(),
                        });
                        b.members.push(member);
                        let p = Profile::central();
                        let cx = crate::families::context::Context::new(
                            &b,
                            &p,
                            d("2025-12-31"),
                            crate::DateRange::year(2025),
                            &crate::calendar::Weekdays,
                        );
                        let dues = MemberDues::new(&cx, 0).unwrap();
                        let first: YearMonth = "2024-10".parse().unwrap();
                        for m in first.iter_to("2025-06".parse().unwrap()) {
                            assert_eq!(
                                dues.owes(m),
                                dues.owes_by_definition(m),
                                "{m} {adm} {from:?} {to:?} {paid:?}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 5000);
    }
    /// One salaried member (base 2000: 10.00 a month), audited on as_of.
    fn ledger_bundle() -> crate::model::Bundle {
        use crate::model::{
            Branch, BranchKind, Bundle, DuesBase, DuesPayment, DuesWaiver, MemberStatus,
        };
        let d = |s: &str| crate::parse_date(s).unwrap();
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        let money = |s: &str| s.parse::<Money>().unwrap();
        let m1: crate::model::Id = "M1".parse().unwrap();
        let mut b = Bundle::new(Branch {
            id: "B1".parse().unwrap(),
            name: "x".into(),
            kind: BranchKind::Organ,
            founded_on: None,
            dissolved_on: None,
            committee: None,
            secretary: None,
            groups: Vec::new(),
        });
        b.members.push(Member::new(
            m1.clone(),
            "甲",
            MemberStatus::Full,
            d("2010-07-01"),
            DuesCategory::Salaried,
        ));
        b.dues_bases
            .push(DuesBase::new(m1.clone(), ym("2024-01"), money("2000")));
        let pay = |month: &str, amount: &str, on: &str| {
            DuesPayment::new(m1.clone(), ym(month), money(amount), d(on))
        };
        b.dues_payments.extend([
            pay("2024-12", "9.99", "2024-12-10"), // short, before the period
            pay("2025-01", "10.00", "2025-01-10"), // in full
            pay("2025-02", "9.99", "2025-02-10"), // one fen short
            // 2025-03: nothing
            pay("2025-04", "10.00", "2025-06-30"), // paid on as_of itself
            pay("2025-05", "5.00", "2025-07-01"),  // paid the day after as_of
            pay("2025-07", "1.00", "2025-06-20"),  // early and short, not yet due
        ]);
        let approved = |mut w: DuesWaiver| {
            w.branch_decided_on = Some(d("2025-01-05"));
            w.higher_approved_on = Some(d("2025-01-20"));
            w
        };
        b.dues_waivers.push(approved(DuesWaiver::new(
            m1.clone(),
            ym("2025-06"),
            ym("2025-06"),
            WaiverKind::Waive,
        )));
        let mut reduce =
            DuesWaiver::new(m1.clone(), ym("2025-05"), ym("2025-05"), WaiverKind::Reduce);
        reduce.amount = Some(money("5.00"));
        b.dues_waivers.push(approved(reduce));
        // Decided by the branch, never approved above: no waiver at all.
        let mut unapproved = DuesWaiver::new(m1, ym("2025-03"), ym("2025-03"), WaiverKind::Waive);
        unapproved.branch_decided_on = Some(d("2025-03-01"));
        b.dues_waivers.push(unapproved);
        b
    }

    #[test]
    fn month_statuses_at_their_boundaries() {
        let b = ledger_bundle();
        let p = Profile::central();
        let as_of = crate::parse_date("2025-06-30").unwrap();
        let cx = crate::families::context::Context::new(
            &b,
            &p,
            as_of,
            crate::DateRange::year(2025),
            &crate::calendar::Weekdays,
        );
        let dues = MemberDues::new(&cx, 0).unwrap();
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        let money = |s: &str| s.parse::<Money>().unwrap();
        let status = |m: &str| dues.status(ym(m));
        assert_eq!(status("2024-12"), DuesStatus::Short);
        assert_eq!(status("2025-01"), DuesStatus::Paid);
        assert_eq!(
            status("2025-02"),
            DuesStatus::Short,
            "one fen short is short"
        );
        assert_eq!(
            status("2025-03"),
            DuesStatus::Unpaid,
            "an unapproved waiver waives nothing"
        );
        assert_eq!(
            status("2025-04"),
            DuesStatus::Paid,
            "a payment on as_of counts"
        );
        assert_eq!(
            status("2025-05"),
            DuesStatus::Unpaid,
            "a payment after as_of has not happened yet"
        );
        assert_eq!(status("2025-06"), DuesStatus::Waived);
        assert_eq!(status("2025-07"), DuesStatus::Short);
        assert_eq!(status("2025-08"), DuesStatus::NotYetDue);
        // A waiver waives; a reduction with an amount expects that amount.
        assert_eq!(dues.expected(ym("2025-06")), None);
        assert_eq!(
            dues.expected(ym("2025-05")),
            Some(Expected::Fixed {
                amount: money("5.00")
            })
        );
        assert_eq!(
            dues.expected(ym("2025-03")).and_then(|e| e.minimum()),
            Some(money("10.00"))
        );
        assert!(dues.due(ym("2025-06")) && !dues.due(ym("2025-07")));
        // The payment of 2025-05 (after as_of) is no block; that of 2025-07 is.
        assert!(dues.block(ym("2025-05")).is_none());
        assert!(dues.block(ym("2025-07")).is_some());
    }

    #[test]
    fn due002_reads_only_short_months_in_the_period_and_due() {
        use crate::{Auditor, rules::RuleCode};
        let b = ledger_bundle();
        let as_of = crate::parse_date("2025-06-30").unwrap();
        let findings = Auditor::new(as_of)
            .period(crate::DateRange::year(2025))
            .select("DUE002".parse().unwrap())
            .check(&b);
        let months: Vec<String> = findings
            .iter()
            .filter(|f| f.rule == RuleCode::DUE002)
            .map(|f| f.period.map(|p| p.from.to_string()).unwrap_or_default())
            .collect();
        // Not 2024-12 (before the period), not 2025-07 (not yet due).
        assert_eq!(months, ["2025-02-01"], "{findings:#?}");
    }

    #[test]
    fn the_base_of_a_month_with_and_without_a_base_fixed_for_the_year() {
        use crate::model::DuesBase;
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        let money = |s: &str| s.parse::<Money>().unwrap();
        let mut b = ledger_bundle();
        b.dues_bases.clear();
        let m1 = b.members[0].id.clone();
        // No base in January: the first of the year holds from its own month.
        b.dues_bases.extend([
            DuesBase::new(m1.clone(), ym("2025-04"), money("3000")),
            DuesBase::new(m1.clone(), ym("2025-08"), money("5000")),
            DuesBase::new(m1, ym("2026-01"), money("7000")),
        ]);
        let as_of = crate::parse_date("2025-12-31").unwrap();
        let bases = |annual: bool| {
            let mut p = Profile::central();
            p.set_param(
                "dues.annual_base_fixed",
                serde_json::json!(annual),
                None,
                None,
            )
            .unwrap();
            let cx = crate::families::context::Context::new(
                &b,
                &p,
                as_of,
                crate::DateRange::year(2025),
                &crate::calendar::Weekdays,
            );
            let dues = MemberDues::new(&cx, 0).unwrap();
            assert!(dues.span().is_some_and(|s| s.contains(as_of)));
            ["2025-03", "2025-04", "2025-05", "2025-09", "2025-12"]
                .map(|m| dues.base(ym(m)).map(|b| b.to_string()))
        };
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            bases(false),
            [None, s("3000.00"), s("3000.00"), s("5000.00"), s("5000.00")]
        );
        // Fixed once a year: the base the year started with (here the first
        // one recorded in it) holds to December; the next year's is not used.
        assert_eq!(
            bases(true),
            [None, s("3000.00"), s("3000.00"), s("3000.00"), s("3000.00")]
        );
    }

    #[test]
    fn statuses_have_their_ledger_names_and_a_ledger_lists_every_month() {
        let labels: Vec<&str> = [
            DuesStatus::NotOwed,
            DuesStatus::Settled,
            DuesStatus::Waived,
            DuesStatus::Paid,
            DuesStatus::Short,
            DuesStatus::Unpaid,
            DuesStatus::NotYetDue,
        ]
        .map(DuesStatus::zh)
        .to_vec();
        assert_eq!(
            labels,
            [
                "不在本支部",
                "转入前已交",
                "免交",
                "已交",
                "少交",
                "未交",
                "未到期"
            ]
        );
        let b = ledger_bundle();
        let p = Profile::central();
        let cx = crate::families::context::Context::new(
            &b,
            &p,
            crate::parse_date("2025-06-30").unwrap(),
            crate::DateRange::year(2025),
            &crate::calendar::Weekdays,
        );
        let dues = MemberDues::new(&cx, 0).unwrap();
        let months = dues.months("2025-01".parse().unwrap(), "2025-08".parse().unwrap());
        assert_eq!(months.len(), 8);
        assert_eq!(months[1].status, DuesStatus::Short);
        assert_eq!(months[5].status, DuesStatus::Waived);
        assert_eq!(months[5].expected, None);
    }

    /// DUE002 cites the rate table of the member's category (and the yearly
    /// base, or the reduction article, where they applied) and names the
    /// base and rate; DUE003 and DUE004 say what follows from each.
    #[test]
    fn due002_citations_by_category_and_arrears_messages() {
        use crate::model::{DuesPayment, DuesWaiver};
        use crate::{Auditor, rules::RuleCode};
        let d = |s: &str| crate::parse_date(s).unwrap();
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        let due002 = |category: DuesCategory, annual: bool, reduced: bool| {
            let mut b = ledger_bundle();
            b.members[0].dues_category = category;
            b.dues_waivers.clear();
            let m1 = b.members[0].id.clone();
            b.dues_payments = vec![DuesPayment::new(
                m1.clone(),
                ym("2025-01"),
                "0.01".parse().unwrap(),
                d("2025-01-10"),
            )];
            if reduced {
                let mut w = DuesWaiver::new(m1, ym("2025-01"), ym("2025-01"), WaiverKind::Reduce);
                w.amount = Some("5.00".parse().unwrap());
                w.branch_decided_on = Some(d("2025-01-02"));
                w.higher_approved_on = Some(d("2025-01-05"));
                b.dues_waivers.push(w);
            }
            let mut p = Profile::central();
            p.set_param(
                "dues.annual_base_fixed",
                serde_json::json!(annual),
                None,
                None,
            )
            .unwrap();
            let f = Auditor::new(d("2025-01-31"))
                .profile(p)
                .select("DUE002".parse().unwrap())
                .check(&b);
            assert_eq!(f.len(), 1, "{category:?}: {f:#?}");
            assert_eq!(f[0].rule, RuleCode::DUE002);
            let cites: Vec<String> = f[0]
                .citations
                .iter()
                .map(|c| c.param.as_deref().unwrap_or(&c.article).to_owned())
                .collect();
            let evidence = serde_json::to_string(&f[0].evidence).unwrap();
            (cites, f[0].message.zh.clone(), evidence)
        };
        let (c, msg, evidence) = due002(DuesCategory::Salaried, false, false);
        assert_eq!(c, ["dues.income_rates"]);
        assert!(!evidence.contains("waived_to"), "{evidence}");
        assert!(msg.contains("（基数2000.00元，比例0.5%）"), "{msg}");
        let (c, msg, _) = due002(DuesCategory::Salaried, true, false);
        assert_eq!(c, ["dues.income_rates", "dues.annual_base_fixed"]);
        assert!(msg.contains("年初核定"), "{msg}");
        assert_eq!(
            due002(DuesCategory::Retired, false, false).0,
            ["dues.retired_rates"]
        );
        assert_eq!(
            due002(DuesCategory::Retired, true, false).0,
            ["dues.retired_rates", "dues.annual_base_fixed"]
        );
        assert_eq!(
            due002(DuesCategory::Farmer, false, false).0,
            ["dues.farmer_min"]
        );
        let (c, msg, _) = due002(DuesCategory::Student, false, false);
        assert_eq!(c, ["dues.fixed_amount"]);
        // A fixed amount has no base to fix for the year.
        assert_eq!(
            due002(DuesCategory::Student, true, false).0,
            ["dues.fixed_amount"]
        );
        assert!(!msg.contains("基数"), "{msg}");
        let (c, _, evidence) = due002(DuesCategory::Salaried, false, true);
        assert_eq!(c, ["第七条"]);
        assert!(evidence.contains(r#""waived_to":"5.00""#), "{evidence}");

        // Seven months unpaid: DUE003 reminds, DUE004 is the 自行脱党 case.
        let mut b = ledger_bundle();
        b.dues_payments.clear();
        b.dues_waivers.clear();
        let msg = |as_of: &str, code: RuleCode| {
            Auditor::new(d(as_of))
                .select("DUE003,DUE004".parse().unwrap())
                .check(&b)
                .iter()
                .find(|x| x.rule == code)
                .map(|x| x.message.zh.clone())
                .unwrap_or_default()
        };
        let lapse = msg("2025-07-31", RuleCode::DUE004);
        assert!(lapse.contains("自行脱党"), "{lapse}");
        let arrears = msg("2025-04-30", RuleCode::DUE003);
        assert!(arrears.contains("提醒谈话"), "{arrears}");
        assert!(!arrears.contains("自行脱党"), "{arrears}");
    }

    /// A backpayment is judged (DUE005) once it is made, on as_of itself,
    /// not before.
    #[test]
    fn due005_judges_a_payment_from_the_day_it_is_made() {
        use crate::model::DuesPayment;
        use crate::{Auditor, rules::RuleCode};
        let d = |s: &str| crate::parse_date(s).unwrap();
        let mut b = ledger_bundle();
        b.dues_waivers.clear();
        let m1 = b.members[0].id.clone();
        b.dues_payments = vec![DuesPayment::new(
            m1,
            "2025-01".parse().unwrap(),
            "10.00".parse().unwrap(),
            d("2025-11-20"),
        )];
        let late = |as_of: &str| {
            Auditor::new(d(as_of))
                .select("DUE005".parse().unwrap())
                .check(&b)
                .iter()
                .filter(|f| f.rule == RuleCode::DUE005)
                .count()
        };
        assert_eq!(late("2025-11-19"), 0);
        assert_eq!(late("2025-11-20"), 1);
    }

    /// DUE005 cites the back-pay limit of the edition in force for the month
    /// paid for; DUE009 judges a payment made on as_of and names `through`
    /// only beyond the month; DUE006 says what approval is missing.
    #[test]
    fn due005_editions_due009_boundaries_due006_messages() {
        use crate::model::{DuesPayment, DuesWaiver};
        use crate::vocab::Citation;
        use crate::{Auditor, rules::RuleCode};
        let d = |s: &str| crate::parse_date(s).unwrap();
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        let ten = || "10.00".parse::<Money>().unwrap();
        let mut b = ledger_bundle();
        b.dues_waivers.clear();
        let m1 = b.members[0].id.clone();
        let mut receipted = DuesPayment::new(m1.clone(), ym("2025-02"), ten(), d("2025-02-10"));
        receipted.receipt_no = Some("No.1".into());
        let mut through_same = DuesPayment::new(m1.clone(), ym("2025-03"), ten(), d("2025-12-31"));
        through_same.through = Some(ym("2025-03"));
        b.dues_payments = vec![
            // 11 months late: past the 6-month limit and the 1-month one.
            DuesPayment::new(m1.clone(), ym("2025-01"), ten(), d("2025-12-31")),
            receipted,
            through_same,
            // 2 months late: past the 1-month limit only.
            DuesPayment::new(m1.clone(), ym("2025-08"), ten(), d("2025-10-20")),
        ];
        let mut p = Profile::central();
        let newer = Citation::owned("某省党费工作细则", "第三条");
        p.set_param(
            "dues.backpay_max_months",
            serde_json::json!(1),
            Some(d("2025-06-01")),
            Some(newer.clone()),
        )
        .unwrap();
        let f = Auditor::new(d("2025-12-31"))
            .profile(p)
            .select("DUE005,DUE009".parse().unwrap())
            .check(&b);
        let late: Vec<(String, bool)> = f
            .iter()
            .filter(|x| x.rule == RuleCode::DUE005)
            .map(|x| {
                (
                    x.period.unwrap().from.to_string(),
                    x.citations.iter().any(|c| c.article == newer.article),
                )
            })
            .collect();
        // January and March keep the central six months (and its article);
        // August is judged by the newer edition and cites it.
        assert_eq!(
            late,
            [
                ("2025-10-20".to_owned(), true),
                ("2025-12-31".to_owned(), false),
                ("2025-12-31".to_owned(), false)
            ],
            "{f:#?}"
        );
        let receipts: Vec<&crate::Finding> =
            f.iter().filter(|x| x.rule == RuleCode::DUE009).collect();
        // Every payment but the receipted one, including those made on as_of.
        assert_eq!(receipts.len(), 3, "{receipts:#?}");
        for r in &receipts {
            let e = serde_json::to_string(&r.evidence).unwrap();
            assert!(!e.contains("through"), "{e}");
        }

        let unapproved = |decided: Option<&str>, approved: Option<&str>| {
            let mut b = ledger_bundle();
            let mut w =
                DuesWaiver::new(m1.clone(), ym("2025-03"), ym("2025-03"), WaiverKind::Waive);
            w.branch_decided_on = decided.map(d);
            w.higher_approved_on = approved.map(d);
            b.dues_waivers = vec![w];
            let f = Auditor::new(d("2025-12-31"))
                .select("DUE006".parse().unwrap())
                .check(&b);
            assert_eq!(f.len(), 1, "{f:#?}");
            f[0].message.zh.clone()
        };
        assert!(unapproved(None, None).contains("缺少支部决定和上级党委批准"));
        let m = unapproved(None, Some("2025-03-05"));
        assert!(m.contains("缺少支部决定") && !m.contains("上级"), "{m}");
        let m = unapproved(Some("2025-03-01"), None);
        assert!(
            m.contains("缺少上级党委批准") && !m.contains("支部决定"),
            "{m}"
        );
    }

    /// DUE009 cites the receipt rule in force on the day of payment.
    #[test]
    fn due009_cites_the_edition_of_the_payment_day() {
        use crate::model::DuesPayment;
        use crate::vocab::Citation;
        use crate::{Auditor, rules::RuleCode};
        let d = |s: &str| crate::parse_date(s).unwrap();
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        let ten = || "10.00".parse::<Money>().unwrap();
        let mut b = ledger_bundle();
        let m1 = b.members[0].id.clone();
        let mut receipted = DuesPayment::new(m1.clone(), ym("2025-01"), ten(), d("2025-01-10"));
        receipted.receipt_no = Some("No.1".into());
        b.dues_payments = vec![
            receipted,
            DuesPayment::new(m1.clone(), ym("2025-03"), ten(), d("2025-03-10")),
            DuesPayment::new(m1, ym("2025-08"), ten(), d("2025-08-10")),
        ];
        let mut p = Profile::central();
        let newer = Citation::owned("某省党费工作细则", "第九条");
        p.set_param(
            "dues.receipt_required",
            serde_json::json!(true),
            Some(d("2025-06-01")),
            Some(newer.clone()),
        )
        .unwrap();
        let cites: Vec<bool> = Auditor::new(d("2025-12-31"))
            .profile(p)
            .select("DUE009".parse().unwrap())
            .check(&b)
            .iter()
            .filter(|f| f.rule == RuleCode::DUE009)
            .map(|f| f.citations.iter().any(|c| c.article == newer.article))
            .collect();
        assert_eq!(cites, [false, true]);
    }
}
