//! 党费收缴: one payment per row, or the grid (member × 1月 … 12月).

use calamine::Data;

use super::cells;
use super::records::each_row;
use super::sheets::{Fields, Table, bad_at};
use super::{Reader, Warning, WarningKind};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{DuesPayment, Money, YearMonth};

/// Grid cells that say the month was paid in full, without the amount.
const PAID: &[&str] = &["✓", "√", "✔", "☑", "已交", "已缴", "已缴纳"];

/// Grid cells that say nothing was paid.
const NOTHING: &[&str] = &[
    "-", "—", "--", "/", "／", "免", "免交", "未交", "未缴", "×", "无",
];

pub(super) fn payments(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if t.months.len() >= 2 && !t.has("month") {
        return grid(r, t);
    }
    // A sheet per month (`2025年3月`, `3月`): the month from its name.
    let sheet_month = t.sheet_month.filter(|_| !t.has("month"));
    let keys: &[&str] = if sheet_month.is_some() {
        &["amount"]
    } else {
        &["month", "amount"]
    };
    if !r.require(t, keys) {
        return Ok(());
    }
    let above = year_above(t);
    if let Some((None, _)) = sheet_month {
        if above.is_none() && !t.has("year") && !t.has("paid_on") {
            let mut loc = t.header_location(None);
            loc.header = Some("年度".to_owned());
            return Err(Error::new(
                ErrorKind::Data,
                loc,
                format!(
                    "“{}”是一个月的党费表，须写明年度：把工作表命名为“2025年{}月”，或在表头上方写“年度：2025”，或加“年度”列 / \
                     a sheet of one month's dues needs its year: name it 2025年{}月, or put 年度：2025 above the header, or add a 年度 column",
                    t.sheet,
                    sheet_month.map_or(0, |m| m.1),
                    sheet_month.map_or(0, |m| m.1)
                ),
            ));
        }
    }
    let dated = t.has("paid_on");
    if !dated {
        r.warnings.push(Warning::new(
            WarningKind::NoPaymentDates,
            t.header_location(None),
            format!(
                "“{}”没有缴纳日期：每笔按所属月份的1日计，无法检查 DUE005（补交超过期限） / sheet {} has no \
                 payment dates: each payment is dated the first day of its month, and DUE005 \
                 (dues-backpay-too-late) cannot be checked for them",
                t.sheet, t.sheet
            ),
        ));
    }
    each_row(r, t, |r, b, row| {
        let amount = row.money("amount")?;
        let paid_on = row.date("paid_on")?;
        let month = match sheet_month {
            None => {
                let month = row.month("month")?;
                row.req("month", month)?
            }
            Some((Some(y), m)) => YearMonth::new(y, m).ok_or_else(|| row.missing("month"))?,
            Some((None, m)) => {
                let year = match (row.count("year")?, above, paid_on) {
                    (Some(y), ..) => i32::try_from(y).ok(),
                    (None, Some(y), _) => i32::try_from(y).ok(),
                    // The year of the payment: December's dues paid in
                    // January belong to the year before.
                    (None, None, Some(d)) => {
                        let y = chrono::Datelike::year(&d);
                        Some(if chrono::Datelike::month(&d) < m {
                            y - 1
                        } else {
                            y
                        })
                    }
                    (None, None, None) => None,
                };
                year.and_then(|y| YearMonth::new(y, m))
                    .ok_or_else(|| row.missing("year"))?
            }
        };
        let amount = row.req("amount", amount)?;
        let paid_on = match paid_on {
            Some(d) => d,
            None if !dated => month.first_day(),
            None => return Err(row.missing("paid_on")),
        };
        let through = row.month("through")?;
        let receipt = row.text("receipt_no")?;
        let i = r.branches[b].bundle.dues_payments.len();
        let member = r.subject(b, row, ("dues_payments", i, "member"))?;
        let collector = r.person(b, row, "collector", ("dues_payments", i, "collector"))?;
        let mut p = DuesPayment::new(member, month, amount, paid_on);
        p.through = through;
        p.receipt_no = receipt;
        p.collector = collector;
        r.branches[b].bundle.dues_payments.push(p);
        Ok(())
    })
}

/// The year of a grid: `年度：2025` (or `2025年度…`) above the header.
fn year_above(t: &Table<'_>) -> Option<u32> {
    let digits = |s: &str| -> Option<u32> {
        let d: String = s.chars().take_while(char::is_ascii_digit).collect();
        (d.len() == 4).then(|| d.parse().ok()).flatten()
    };
    for row in t.above() {
        let texts: Vec<String> = row.iter().filter_map(cells::text).collect();
        for (i, s) in texts.iter().enumerate() {
            let n = cells::norm(s);
            if let Some(rest) = n.strip_prefix("年度").or_else(|| n.strip_prefix("年份")) {
                let rest = rest.trim_start_matches('：');
                if let Some(y) = digits(rest) {
                    return Some(y);
                }
                if rest.is_empty() {
                    if let Some(y) = texts.get(i + 1).and_then(|x| digits(x)) {
                        return Some(y);
                    }
                }
            }
            if let Some(pos) = n.find("年度") {
                if pos >= 4 {
                    if let Some(y) = n.get(pos - 4..pos).and_then(digits) {
                        return Some(y);
                    }
                }
            }
        }
    }
    None
}

fn grid(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    let above = year_above(t);
    if above.is_none() && !t.has("year") {
        let mut loc = t.header_location(None);
        loc.header = Some("年度".to_owned());
        return Err(Error::new(
            ErrorKind::Data,
            loc,
            "表格式的党费收缴表须写明年度：表头上方写“年度：2025”，或加“年度”列 / a grid of dues \
             by month needs its year: a cell 年度：2025 above the header, or a 年度 column"
                .to_owned(),
        ));
    }
    r.warnings.push(Warning::new(
        WarningKind::NoPaymentDates,
        t.header_location(None),
        format!(
            "“{}”是按月填金额的表格，没有缴纳日期：每笔按所属月份的1日计，无法检查 DUE005（补交超过期限） / \
             sheet {} is a grid of amounts by month with no payment dates: each payment is dated the \
             first day of its month, and DUE005 (dues-backpay-too-late) cannot be checked for them",
            t.sheet, t.sheet
        ),
    ));
    each_row(r, t, |r, b, row| {
        let year = match row.count("year")? {
            Some(y) => y,
            None => above.ok_or_else(|| row.missing("year"))?,
        };
        let mut paid = Vec::new();
        let mut ticked = Vec::new();
        for &(col, m) in &t.months {
            let d = row.raw_at(col);
            if let Data::String(s) = d {
                if NOTHING.contains(&s.trim()) {
                    continue;
                }
                if PAID.contains(&s.trim()) {
                    let month = i32::try_from(year)
                        .ok()
                        .and_then(|y| YearMonth::new(y, m))
                        .ok_or_else(|| row.missing("year"))?;
                    ticked.push((month, row.location_at(col)));
                    continue;
                }
            }
            let amount = cells::money(d).map_err(|b| bad_at(row.location_at(col), b))?;
            let Some(amount) = amount else {
                continue;
            };
            let month = i32::try_from(year)
                .ok()
                .and_then(|y| YearMonth::new(y, m))
                .ok_or_else(|| row.missing("year"))?;
            paid.push((month, amount));
        }
        let key = if row.text("member")?.is_some() {
            "member"
        } else {
            "name"
        };
        let Some(text) = row.text(key)? else {
            return Err(row.missing("member"));
        };
        let who = r.resolve(b, &text, row, key);
        for (month, amount) in paid {
            let i = r.branches[b].bundle.dues_payments.len();
            if !who.found {
                r.origin(b, ("dues_payments", i, "member"), row.place(key));
            }
            let p = DuesPayment::new(who.id.clone(), month, amount, month.first_day());
            r.branches[b].bundle.dues_payments.push(p);
        }
        for (month, loc) in ticked {
            // The amount is known once every base is read (settle_ticks).
            let i = r.branches[b].bundle.dues_payments.len();
            let p = DuesPayment::new(who.id.clone(), month, Money::ZERO, month.first_day());
            r.branches[b].bundle.dues_payments.push(p);
            r.ticks.push(Tick {
                branch: b,
                payment: i,
                loc,
            });
        }
        Ok(())
    })
}

/// A grid cell ticked (✓) instead of an amount: a payment whose amount is
/// the month's dues in full.
pub(crate) struct Tick {
    pub branch: usize,
    /// Its position in the branch's `dues_payments`.
    pub payment: usize,
    pub loc: crate::error::Location,
}

/// Gives each ticked payment its amount: the month's dues in full, by the
/// central rates (党费规定) on the member's category and base. A tick whose
/// amount cannot be known (a salaried member with no base) is an error at
/// its cell.
pub(super) fn settle_ticks(r: &mut Reader) {
    use crate::families::dues::expected_monthly_on;
    let ticks = std::mem::take(&mut r.ticks);
    if ticks.is_empty() {
        return;
    }
    let central = crate::profile::Profile::central();
    for t in ticks {
        let bundle = &mut r.branches[t.branch].bundle;
        let (member, month) = {
            let p = &bundle.dues_payments[t.payment];
            (p.member.clone(), p.month)
        };
        let m = bundle.members.iter().find(|m| m.id == member);
        let base = bundle
            .dues_bases
            .iter()
            .filter(|x| x.member == member && x.from <= month)
            .max_by_key(|x| x.from)
            .map(|x| x.base);
        let amount = m.and_then(|m| {
            expected_monthly_on(
                &central.dues,
                m.dues_category,
                base,
                Some(month.first_day()),
            )
            .minimum()
        });
        match amount {
            Some(a) => bundle.dues_payments[t.payment].amount = a,
            None => {
                let h = t.loc.header.clone().unwrap_or_default();
                let e = Error::new(
                    ErrorKind::Data,
                    t.loc,
                    format!(
                        "“{h}”打了✓，但算不出应交金额（花名册中没有这名党员，或没有月基数）：请填实缴金额 / \
                         ticked as paid, but the month's dues cannot be known (the member is not in the \
                         roster or has no monthly base): write the amount paid"
                    ),
                );
                if r.keep_going {
                    r.errors.push(e);
                } else {
                    r.fatal.push(e);
                }
            }
        }
    }
}
