//! 党费收缴: one payment per row, or the grid (member × 1月 … 12月).

use calamine::Data;

use super::cells;
use super::records::each_row;
use super::sheets::{Fields, Table, bad_at};
use super::{Reader, Warning, WarningKind};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{DuesPayment, YearMonth};

/// Grid cells that say nothing was paid.
const NOTHING: &[&str] = &[
    "-", "—", "--", "/", "／", "免", "免交", "未交", "未缴", "×", "无",
];

pub(super) fn payments(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if t.months.len() >= 2 && !t.has("month") {
        return grid(r, t);
    }
    if !r.require(t, &["month", "amount", "paid_on"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let month = row.month("month")?;
        let amount = row.money("amount")?;
        let paid_on = row.date("paid_on")?;
        let (month, amount, paid_on) = (
            row.req("month", month)?,
            row.req("amount", amount)?,
            row.req("paid_on", paid_on)?,
        );
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
        for &(col, m) in &t.months {
            let d = row.raw_at(col);
            if let Data::String(s) = d {
                if NOTHING.contains(&s.trim()) {
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
        Ok(())
    })
}
