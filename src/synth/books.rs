//! The branch's dues books: receipts and collectors on payments, the
//! remittances to the higher committee, the yearly publication.

use chrono::Datelike;
use rust_decimal::Decimal;

use crate::model::{Bundle, DuesPublication, DuesRemittance, Money, PeriodSpec};

use super::*;

impl Gen {
    /// Receipt numbers and collectors (branches that keep them), the
    /// `dues_remittances` and `dues_publications` tables (branches that keep
    /// them), each with its fault: a payment without a receipt (DUE009, at
    /// half the rate), a quarter remitted short (DUE010), the year's
    /// publication missing (DUE011).
    pub(super) fn books(&mut self, org: &Org, b: &mut Bundle) {
        if self.ledger.receipts {
            self.receipts(org, b);
        }
        if self.ledger.books {
            self.remittances(b);
            self.publications(b);
        }
    }

    /// Receipts numbered in the order of payment (`YYYY-NNNN`); the
    /// collector is the member's group leader or the 组织委员.
    fn receipts(&mut self, org: &Org, b: &mut Bundle) {
        let year = self.year;
        let mut order: Vec<(chrono::NaiveDate, usize)> = b
            .dues_payments
            .iter()
            .enumerate()
            .map(|(i, p)| (p.paid_on, i))
            .collect();
        order.sort_unstable();
        // The few collectors' ids, made once (`format!` per payment would
        // cost more than the rest of the books).
        let mut ids: Vec<(usize, Id)> = Vec::with_capacity(5);
        for (seq, (_, i)) in order.into_iter().enumerate() {
            let skip = self.fault_at(0.5);
            let Some(p) = b.dues_payments.get_mut(i) else {
                continue;
            };
            let who = member_pos(&p.member).map_or(org.secretary, |pos| org.collector(pos));
            let id = match ids.iter().find(|(w, _)| *w == who) {
                Some((_, id)) => id.clone(),
                None => {
                    let id = member_id(who);
                    ids.push((who, id.clone()));
                    id
                }
            };
            p.collector = Some(id);
            if !skip {
                p.receipt_no = Some(receipt_no(year, seq + 1));
            }
        }
    }

    /// What was collected in each month (by `paid_on`), remitted by quarter
    /// in the month after it (three branches in ten remit monthly); the
    /// fourth quarter is remitted in January (after the year end), last
    /// year's fourth quarter this January.
    fn remittances(&mut self, b: &mut Bundle) {
        let year = self.year;
        let mut collected = [Money::ZERO; 12];
        let mut q4 = Money::ZERO;
        for p in &b.dues_payments {
            if p.paid_on.year() != year {
                continue;
            }
            let m = p.paid_on.month0() as usize;
            if let Some(c) = collected.get_mut(m) {
                *c = c.saturating_add(p.amount);
            }
            if m >= 9 {
                q4 = q4.saturating_add(p.amount);
            }
        }
        if q4 > Money::ZERO {
            b.dues_remittances.push(DuesRemittance {
                period: PeriodSpec::Quarter(year - 1, 4),
                amount: q4,
                remitted_on: date(year, 1, self.range(8, 25) as u32),
            });
        }
        let monthly = self.chance(0.3);
        for q in 1..=3u32 {
            let months = (3 * q - 3) as usize..(3 * q) as usize;
            let total = collected.get(months.clone()).map_or(Money::ZERO, |ms| {
                ms.iter().fold(Money::ZERO, |a, m| a.saturating_add(*m))
            });
            // Fault: remitted 5–30% short of what was collected.
            let short = if total > Money::ZERO && self.fault() {
                let pct = Decimal::new(self.frng.range(5, 30) as i64, 2);
                Money::new((total.decimal() * pct).round_dp(2))
                    .filter(|s| *s > Money::ZERO)
                    .unwrap_or(Money::from_fen(1))
            } else {
                Money::ZERO
            };
            if monthly {
                for m in months {
                    let Some(&amount) = collected.get(m) else {
                        continue;
                    };
                    let mo = m as u32 + 1;
                    let last = mo == 3 * q;
                    let amount = if last {
                        amount.saturating_sub(short)
                    } else {
                        amount
                    };
                    if amount == Money::ZERO {
                        continue;
                    }
                    b.dues_remittances.push(DuesRemittance {
                        period: PeriodSpec::Month(ym(year, mo)),
                        amount,
                        remitted_on: date(year, mo + 1, self.range(3, 20) as u32),
                    });
                }
            } else if total > Money::ZERO {
                b.dues_remittances.push(DuesRemittance {
                    period: PeriodSpec::Quarter(year, q),
                    amount: total.saturating_sub(short),
                    remitted_on: date(year, 3 * q + 1, self.range(5, 25) as u32),
                });
            }
        }
        if monthly {
            // October and November, remitted in the month after.
            for mo in 10..=11u32 {
                let amount = collected
                    .get(mo as usize - 1)
                    .copied()
                    .unwrap_or(Money::ZERO);
                if amount > Money::ZERO {
                    b.dues_remittances.push(DuesRemittance {
                        period: PeriodSpec::Month(ym(year, mo)),
                        amount,
                        remitted_on: date(year, mo + 1, self.range(3, 20) as u32),
                    });
                }
            }
        }
    }

    /// The yearly publication of the dues collected and used (公布党费收缴使用
    /// 情况), made at the year end after the last collection, and last year's.
    fn publications(&mut self, b: &mut Bundle) {
        let year = self.year;
        b.dues_publications.push(DuesPublication {
            date: date(year - 1, 12, self.range(26, 31) as u32),
            year: year - 1,
        });
        let day = date(year, 12, self.range(26, 31) as u32);
        if !self.fault() {
            b.dues_publications
                .push(DuesPublication { date: day, year });
        }
    }
}

/// `YYYY-NNNN` (the year, the number zero-padded to four digits), written
/// without the formatting machinery.
fn receipt_no(year: i32, n: usize) -> String {
    let mut buf = [0u8; 48];
    let mut len = put_digits(&mut buf, 0, u64::from(year.unsigned_abs()), 4);
    if let Some(b) = buf.get_mut(len) {
        *b = b'-';
        len += 1;
    }
    let len = put_digits(&mut buf, len, n as u64, 4);
    buf.get(..len)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or_default()
        .to_owned()
}

/// Writes `n` in decimal, zero-padded to `width` digits, at `at`; returns
/// the end.
fn put_digits(buf: &mut [u8], at: usize, n: u64, width: usize) -> usize {
    let digits = n.checked_ilog10().map_or(1, |l| l as usize + 1).max(width);
    let mut n = n;
    for k in (0..digits).rev() {
        if let Some(b) = buf.get_mut(at + k) {
            *b = b'0' + (n % 10) as u8;
        }
        n /= 10;
    }
    at + digits
}

#[cfg(test)]
mod tests {
    use super::receipt_no;

    #[test]
    fn receipt_numbers() {
        assert_eq!(receipt_no(2025, 7), "2025-0007");
        assert_eq!(receipt_no(2025, 12345), "2025-12345");
        assert_eq!(receipt_no(9000, 1), "9000-0001");
    }
}
