//! Dues bases, payments and waivers.

use rust_decimal::Decimal;

use crate::dues::is_base_rated;
use crate::model::{
    Bundle, DuesBase, DuesPayment, DuesWaiver, Exemption, Money, WaiverKind, YearMonth,
};

use super::*;

impl Gen {
    pub(super) fn dues(&mut self, people: &[Person], b: &mut Bundle) {
        let year = self.year;
        let collect_day = 5 + self.below(11) as u32;
        b.dues_bases.reserve(people.len() + 4);
        b.dues_payments.reserve(people.len() * 12);
        for (i, p) in people.iter().enumerate() {
            let id = &p.m.id;
            if is_base_rated(p.m.dues_category) && !p.no_base {
                b.dues_bases.push(DuesBase {
                    member: id.clone(),
                    from: p.base_from,
                    base: Money::from_fen(p.base),
                });
                if let Some((from, base)) = p.raise {
                    b.dues_bases.push(DuesBase {
                        member: id.clone(),
                        from,
                        base: Money::from_fen(base),
                    });
                }
            }
            if let Some(w) = p.waiver {
                b.dues_waivers.push(DuesWaiver {
                    member: id.clone(),
                    from: w.from,
                    to: w.to,
                    kind: w.kind,
                    amount: (w.kind == WaiverKind::Reduce).then(|| Money::from_fen(w.amount_fen)),
                    branch_decided_on: Some(minus(w.from.first_day(), self.range(5, 20))),
                    higher_approved_on: w
                        .approved
                        .then(|| minus(w.from.first_day(), self.range(0, 4))),
                });
            }
            if p.quarterly {
                for q in 0..4u32 {
                    let first = ym(year, 3 * q + 1);
                    let last = first.offset(2);
                    let mut total = Money::ZERO;
                    let mut owed = false;
                    for m in first.iter_to(last) {
                        if let Some(a) = p.amount(m) {
                            total = total.saturating_add(a);
                            owed = true;
                        }
                    }
                    let paid_on = if q == 3 {
                        date(year, 12, 20 + self.below(12) as u32)
                    } else {
                        date(year, 3 * q + 3, 15 + self.below(14) as u32)
                    };
                    if !owed || self.fault() {
                        continue;
                    }
                    b.dues_payments.push(DuesPayment {
                        collector: None,
                        receipt_no: None,
                        member: id.clone(),
                        month: first,
                        through: Some(last),
                        amount: total,
                        paid_on,
                    });
                }
                continue;
            }
            let lump = p
                .exempt
                .filter(|_| p.lump)
                .map(|(a, z)| (YearMonth::of(a), YearMonth::of(z)));
            let mut lump_total = Money::ZERO;
            let jitter = self.below(6) as u32;
            for mo in 1..=12u32 {
                let m = ym(year, mo);
                let Some(mut amount) = p.amount(m) else {
                    continue;
                };
                let mut paid_on = if i == 0 && mo == 12 {
                    self.y1
                } else {
                    date(year, mo, collect_day + jitter)
                };
                if YearMonth::of(p.m.admitted_on) == m {
                    paid_on = paid_on.max(p.m.admitted_on);
                }
                if p.from > m.first_day() && YearMonth::of(p.from) == m {
                    paid_on = paid_on.max(p.from);
                }
                if p.lapsed(mo) || p.arrears_from.is_some_and(|a| mo >= a) {
                    continue;
                }
                if let Some((a, z)) = lump.filter(|(a, z)| *a <= m && m <= *z) {
                    lump_total = lump_total.saturating_add(amount);
                    if m == z {
                        b.dues_payments.push(DuesPayment {
                            collector: None,
                            receipt_no: None,
                            member: id.clone(),
                            month: a,
                            through: Some(z),
                            amount: lump_total,
                            paid_on: date(year, mo + 1, collect_day + jitter),
                        });
                    }
                    continue;
                }
                let anchor = i == 0 && mo == 12;
                if !anchor && self.fault() {
                    continue; // skipped
                }
                if self.fault() {
                    amount = Money::new((amount.decimal() / Decimal::TWO).round_dp(2))
                        .unwrap_or(Money::ZERO);
                }
                if mo <= 5 && !anchor && self.fault_at(0.5) {
                    paid_on = date(year, 12, 1 + self.frng.below(28) as u32);
                }
                b.dues_payments.push(DuesPayment {
                    collector: None,
                    receipt_no: None,
                    member: id.clone(),
                    month: m,
                    through: None,
                    amount,
                    paid_on,
                });
            }
            // A transfer letter's settled month paid again here.
            if let (Some(from), Some(paid)) = (p.m.in_branch_from, p.m.dues_paid_until) {
                if paid == YearMonth::of(from) && self.fault() {
                    b.dues_payments.push(DuesPayment {
                        collector: None,
                        receipt_no: None,
                        member: id.clone(),
                        month: paid,
                        through: None,
                        amount: p.amount(paid.succ()).unwrap_or(Money::from_fen(20)),
                        paid_on: from,
                    });
                }
            }
        }
        // Exemptions.
        for p in people {
            if let Some((from, to)) = p.exempt {
                let drawn = self.pick(&["illness", "abroad", "mobile", "other"], "illness");
                let reason = p.exempt_reason.unwrap_or(drawn);
                b.exemptions.push(Exemption {
                    member: p.m.id.clone(),
                    from,
                    to,
                    reason: some_str(reason),
                });
            }
        }
    }

    // -- organisational life --
}
