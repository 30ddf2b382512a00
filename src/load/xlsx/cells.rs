//! Cell values: text, dates, months, periods, money, hours, counts, yes/no
//! and enumerated labels, each in every form a hand-kept ledger uses.
//!
//! Every parser returns `Ok(None)` for an empty cell and `Err(Bad)` with what
//! was expected and what was found; the sheet reader adds the place.

use calamine::Data;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{Hours, Money, PeriodSpec, YearMonth};

/// A cell that does not hold what its column needs.
#[derive(Debug)]
pub(crate) struct Bad {
    pub expected: String,
    pub found: String,
}

impl Bad {
    pub(crate) fn new(expected: impl Into<String>, found: &Data) -> Bad {
        Bad {
            expected: expected.into(),
            found: describe(found),
        }
    }
}

pub(crate) type Parsed<T> = Result<Option<T>, Bad>;

/// What a cell holds, for messages: `the number 127.505`, `"abc"`.
pub(crate) fn describe(d: &Data) -> String {
    match d {
        Data::Empty => "an empty cell".to_owned(),
        Data::String(s) => format!("\"{}\"", crate::model::truncate(s, 60)),
        Data::Int(i) => format!("the number {i}"),
        Data::Float(f) => format!("the number {f}"),
        Data::Bool(b) => format!("the value {}", if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) => match date_of_datetime(dt) {
            Some(day) => format!("the date {day}"),
            None => format!("the date-time value {}", dt.as_f64()),
        },
        Data::DateTimeIso(s) => format!("the date-time {s}"),
        Data::DurationIso(s) => format!("the duration {s}"),
        Data::Error(e) => format!("the formula error {e}"),
    }
}

/// The A1 name of a cell from its 0-based row and column: `E17`.
pub(crate) fn a1(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col + 1;
    while c > 0 {
        let r = (c - 1) % 26;
        letters.push(b'A' + r as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// A header or label as compared: no whitespace (inner spaces and line
/// breaks too: `职  务`, `入党\n时间`), full-width letters and digits as
/// ASCII (`ＩＤ`), ASCII parentheses and colons as their full-width forms,
/// no required-mark `*`.
pub(crate) fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '*' && *c != '＊')
        .map(|c| match c {
            '(' | '（' => '（',
            ')' | '）' => '）',
            ':' | '：' => '：',
            // Full-width ASCII forms (！ … ～) as ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A normalized header without its notes in parentheses: `入党时间（预备）`
/// is 入党时间, `实缴金额（元）` is 实缴金额. `None` when it has none.
pub(crate) fn without_notes(n: &str) -> Option<String> {
    if !n.contains('（') {
        return None;
    }
    let mut out = String::new();
    let mut depth = 0u32;
    for c in n.chars() {
        match c {
            '（' => depth += 1,
            '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    (!out.is_empty() && out != n).then_some(out)
}

/// Full-width digits, letters and punctuation (`２０２５．３．１５`, `５０．００`)
/// as ASCII; an ideographic space as a space.
pub(crate) fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// A person's name as written in a form: a Chinese name padded with spaces
/// for alignment (`张  三`, `张　三`) without them; other names trimmed.
pub(crate) fn person_name(s: &str) -> String {
    let t = s.trim();
    let cjk = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c) || c == '·';
    if t.chars().any(char::is_whitespace) && t.chars().all(|c| cjk(c) || c.is_whitespace()) {
        t.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        t.to_owned()
    }
}

/// The trimmed text of a non-empty cell; numbers as their shortest decimal.
pub(crate) fn text(d: &Data) -> Option<String> {
    match d {
        Data::Empty => None,
        Data::String(s) => {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_owned())
        }
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) => Some(format!("{f}")),
        Data::Bool(b) => Some(if *b { "是" } else { "否" }.to_owned()),
        Data::DateTime(dt) => {
            Some(date_of_datetime(dt).map_or_else(|| dt.as_f64().to_string(), |d| d.to_string()))
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => Some(s.trim().to_owned()),
        Data::Error(_) => None,
    }
}

/// Like [`text`], but a formula error is bad data.
pub(crate) fn text_checked(d: &Data) -> Parsed<String> {
    if let Data::Error(_) = d {
        return Err(Bad::new("text", d));
    }
    Ok(text(d))
}

fn date_of_datetime(dt: &calamine::ExcelDateTime) -> Option<NaiveDate> {
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
}

/// The day of an Excel serial number (1900 date system, or 1904).
pub(crate) fn date_of_serial(serial: f64, is_1904: bool) -> Option<NaiveDate> {
    // 1 = 1900-01-01 … 2958465 = 9999-12-31. Serial 60 is the 1900-02-29 that
    // Lotus invented and Excel kept; days before it are one off.
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let (epoch, days) = if is_1904 {
        (NaiveDate::from_ymd_opt(1904, 1, 1)?, days)
    } else if days < 60 {
        (NaiveDate::from_ymd_opt(1899, 12, 31)?, days)
    } else if days == 60 {
        return None;
    } else {
        (NaiveDate::from_ymd_opt(1899, 12, 30)?, days)
    };
    epoch.checked_add_signed(chrono::Duration::days(days))
}

const DATE_WHAT: &str =
    "a date (an Excel date, 2025-03-12, 2025/3/12, 2025.3.12, 2025年3月12日 or 20250312)";
const MONTH_WHAT: &str = "a month (2025-03, 2025/3, 2025年3月, or a date in the month)";

/// Splits `2025-03-12`, `2025/3/12`, `2025.3.12`, `2025年3月12日`,
/// `20250312` (and the same without the day: `202503`) into numbers, with
/// full-width digits as ASCII. A time after the date is ignored.
fn date_parts(s: &str) -> Option<Vec<u32>> {
    let s = half_width(s.trim());
    let s = s.as_str();
    // `20250315`: eight digits, year, month and day.
    if s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) {
        let n = |a: usize, b: usize| s[a..b].parse::<u32>().ok();
        return Some(vec![n(0, 4)?, n(4, 6)?, n(6, 8)?]);
    }
    // `202503`: six digits, year and month.
    if s.len() == 6 && s.chars().all(|c| c.is_ascii_digit()) {
        let n = |a: usize, b: usize| s[a..b].parse::<u32>().ok();
        return Some(vec![n(0, 4)?, n(4, 6)?]);
    }
    // A time part after a space or `T` (`2025-03-12 00:00:00`).
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut seps = Vec::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            cur.push(c);
        } else {
            if cur.is_empty() {
                return None;
            }
            parts.push(cur.parse().ok()?);
            cur.clear();
            seps.push(c);
        }
    }
    if !cur.is_empty() {
        parts.push(cur.parse().ok()?);
    }
    // Separators: all the same of - / . ; or 年 月 (日).
    let ok = match seps.as_slice() {
        [] => false,
        [a] => matches!(a, '-' | '/' | '.'),
        [a, b] if a == b => matches!(a, '-' | '/' | '.'),
        ['年', '月'] => true,
        ['年', '月', '日'] => true,
        _ => false,
    };
    let year_ok = s.chars().take_while(char::is_ascii_digit).count() == 4;
    (ok && year_ok).then_some(parts)
}

/// The numbers read as `yyyymmdd` in a date cell: no Excel serial is as
/// large (the last, 9999-12-31, is 2958465).
const YYYYMMDD: (u32, u32) = (19_000_101, 29_991_231);

/// The date of `20250315`.
fn yyyymmdd(n: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt((n / 10000) as i32, n / 100 % 100, n % 100)
}

/// A date cell: an Excel date, a serial number, `20250315`, or text.
pub(crate) fn date(d: &Data, is_1904: bool) -> Parsed<NaiveDate> {
    match d {
        Data::Empty => Ok(None),
        Data::DateTime(dt) if dt.is_datetime() => date_of_datetime(dt)
            .map(Some)
            .ok_or_else(|| Bad::new(DATE_WHAT, d)),
        // `20250315` typed as a number: year, month and day, not a serial.
        Data::Float(f)
            if (YYYYMMDD.0 as f64..=YYYYMMDD.1 as f64).contains(f) && f.fract() == 0.0 =>
        {
            yyyymmdd(*f as u32)
                .map(Some)
                .ok_or_else(|| Bad::new(DATE_WHAT, d))
        }
        Data::Int(i) if (i64::from(YYYYMMDD.0)..=i64::from(YYYYMMDD.1)).contains(i) => {
            yyyymmdd(*i as u32)
                .map(Some)
                .ok_or_else(|| Bad::new(DATE_WHAT, d))
        }
        Data::Float(f) => date_of_serial(*f, is_1904)
            .map(Some)
            .ok_or_else(|| Bad::new(DATE_WHAT, d)),
        Data::Int(i) => date_of_serial(*i as f64, is_1904)
            .map(Some)
            .ok_or_else(|| Bad::new(DATE_WHAT, d)),
        Data::String(s) | Data::DateTimeIso(s) => {
            if s.trim().is_empty() {
                return Ok(None);
            }
            // A serial number typed as text is not a date anyone wrote.
            match date_parts(s).as_deref() {
                Some(&[y, m, day]) => NaiveDate::from_ymd_opt(y as i32, m, day)
                    .map(Some)
                    .ok_or_else(|| Bad::new("a date that exists in the calendar", d)),
                _ => Err(Bad::new(DATE_WHAT, d)),
            }
        }
        _ => Err(Bad::new(DATE_WHAT, d)),
    }
}

/// A month cell: `2025-03`, `2025/3`, `2025年3月`, or a date (its month).
pub(crate) fn month(d: &Data, is_1904: bool) -> Parsed<YearMonth> {
    match d {
        Data::Empty => Ok(None),
        Data::String(s) | Data::DateTimeIso(s) => {
            if s.trim().is_empty() {
                return Ok(None);
            }
            match date_parts(s).as_deref() {
                Some(&[y, m]) => YearMonth::new(y as i32, m)
                    .map(Some)
                    .ok_or_else(|| Bad::new(MONTH_WHAT, d)),
                Some(&[y, m, day]) => NaiveDate::from_ymd_opt(y as i32, m, day)
                    .map(|x| Some(YearMonth::of(x)))
                    .ok_or_else(|| Bad::new(MONTH_WHAT, d)),
                _ => Err(Bad::new(MONTH_WHAT, d)),
            }
        }
        _ => match date(d, is_1904) {
            Ok(x) => Ok(x.map(YearMonth::of)),
            Err(_) => Err(Bad::new(MONTH_WHAT, d)),
        },
    }
}

const PERIOD_WHAT: &str =
    "a period (2025, 2025-Q1, 2025-H1, 2025-03, 2025年, 2025年第1季度, 2025年上半年, 2025年3月)";

/// A period cell: the record format's forms or their Chinese spellings.
pub(crate) fn period(d: &Data, is_1904: bool) -> Parsed<PeriodSpec> {
    let s = match d {
        Data::Empty => return Ok(None),
        Data::Int(y) if (1000..=9999).contains(y) => return Ok(Some(PeriodSpec::Year(*y as i32))),
        Data::Float(y) if y.fract() == 0.0 && (1000.0..=9999.0).contains(y) => {
            return Ok(Some(PeriodSpec::Year(*y as i32)));
        }
        Data::DateTime(_) => {
            return month(d, is_1904).map(|m| m.map(PeriodSpec::Month));
        }
        Data::String(s) => s.trim(),
        _ => return Err(Bad::new(PERIOD_WHAT, d)),
    };
    if s.is_empty() {
        return Ok(None);
    }
    if let Ok(p) = s.parse::<PeriodSpec>() {
        return Ok(Some(p));
    }
    let bad = || Bad::new(PERIOD_WHAT, d);
    let (y, rest) = match s.split_once('年') {
        Some((y, rest)) => (y, rest),
        None => {
            // 2025/3, 2025.3, 2025-3
            return match date_parts(s).as_deref() {
                Some(&[y, m]) => YearMonth::new(y as i32, m)
                    .map(|m| Some(PeriodSpec::Month(m)))
                    .ok_or_else(bad),
                _ => Err(bad()),
            };
        }
    };
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let year: i32 = y.parse().map_err(|_| bad())?;
    let rest = if rest == "度" { "" } else { rest };
    let quarter = |q: &str| match q {
        "1" | "一" => Some(1),
        "2" | "二" => Some(2),
        "3" | "三" => Some(3),
        "4" | "四" => Some(4),
        _ => None,
    };
    let p = match rest {
        "" => Some(PeriodSpec::Year(year)),
        "上半年" => Some(PeriodSpec::Half(year, 1)),
        "下半年" => Some(PeriodSpec::Half(year, 2)),
        _ => {
            if let Some(q) = rest
                .strip_prefix('第')
                .and_then(|r| r.strip_suffix("季度"))
                .and_then(quarter)
            {
                Some(PeriodSpec::Quarter(year, q))
            } else if let Some(m) = rest.strip_suffix('月').and_then(|m| m.parse::<u32>().ok()) {
                YearMonth::new(year, m).map(PeriodSpec::Month)
            } else {
                None
            }
        }
    };
    p.map(Some).ok_or_else(bad)
}

/// The shortest decimal that reads back as `f` (Rust's `{}` for f64), or
/// `None` for NaN and infinities.
fn shortest(f: f64) -> Option<String> {
    f.is_finite().then(|| format!("{f}"))
}

const MONEY_WHAT: &str = "an amount of money, not negative, with at most 2 decimals (e.g. 127.50)";

/// A money cell: a number whose shortest decimal has at most 2 decimals, or
/// text as in the record format (`127.50`; a leading `¥` and thousands
/// separators are allowed in text).
pub(crate) fn money(d: &Data) -> Parsed<Money> {
    let s = match d {
        Data::Empty => return Ok(None),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => shortest(*f).ok_or_else(|| Bad::new(MONEY_WHAT, d))?,
        Data::String(s) => {
            let t: String = half_width(s)
                .trim()
                .trim_start_matches(['¥', '￥'])
                .trim_end_matches('元')
                .trim()
                .chars()
                .filter(|c| *c != ',' && *c != '，')
                .collect();
            if t.is_empty() {
                return Ok(None);
            }
            t
        }
        _ => return Err(Bad::new(MONEY_WHAT, d)),
    };
    s.parse::<Money>()
        .map(Some)
        .map_err(|_| Bad::new(MONEY_WHAT, d))
}

const HOURS_WHAT: &str = "hours, not negative, with at most 2 decimals (e.g. 1.5)";

/// An hours cell: a number or text with at most 2 decimals.
pub(crate) fn hours(d: &Data) -> Parsed<Hours> {
    let s = match d {
        Data::Empty => return Ok(None),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => shortest(*f).ok_or_else(|| Bad::new(HOURS_WHAT, d))?,
        Data::String(s) => {
            let s = half_width(s);
            let t = s.trim().trim_end_matches("小时").trim_end_matches('h');
            if t.is_empty() {
                return Ok(None);
            }
            t.to_owned()
        }
        _ => return Err(Bad::new(HOURS_WHAT, d)),
    };
    s.parse::<Hours>()
        .map(Some)
        .map_err(|_| Bad::new(HOURS_WHAT, d))
}

/// A minutes cell as hours, rounded to 2 decimals (0.01 h = 36 seconds).
pub(crate) fn minutes_as_hours(d: &Data) -> Parsed<Hours> {
    const WHAT: &str = "minutes, a whole number not negative (e.g. 90)";
    let Some(n) = count(d).map_err(|_| Bad::new(WHAT, d))? else {
        return Ok(None);
    };
    let h = (Decimal::from(n) / Decimal::from(60)).round_dp(2);
    Hours::new(h).map(Some).ok_or_else(|| Bad::new(WHAT, d))
}

const COUNT_WHAT: &str = "a whole number, not negative";

/// A whole number, not negative (a count, days, months, a year).
pub(crate) fn count(d: &Data) -> Parsed<u32> {
    match d {
        Data::Empty => Ok(None),
        Data::Int(i) => u32::try_from(*i)
            .map(Some)
            .map_err(|_| Bad::new(COUNT_WHAT, d)),
        Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX) => {
            Ok(Some(*f as u32))
        }
        Data::String(s) => {
            let s = half_width(s);
            let t = s
                .trim()
                .trim_end_matches(['人', '名', '天', '个', '月', '年']);
            if t.is_empty() {
                return Ok(None);
            }
            t.parse::<u32>()
                .map(Some)
                .map_err(|_| Bad::new(COUNT_WHAT, d))
        }
        _ => Err(Bad::new(COUNT_WHAT, d)),
    }
}

const BOOL_WHAT: &str = "是 or 否";

/// A yes/no cell: 是/否, Y/N, true/false, √/×, 1/0, or a boolean.
pub(crate) fn yes_no(d: &Data) -> Parsed<bool> {
    match d {
        Data::Empty => Ok(None),
        Data::Bool(b) => Ok(Some(*b)),
        Data::Int(1) => Ok(Some(true)),
        Data::Int(0) => Ok(Some(false)),
        Data::Float(f) if *f == 1.0 => Ok(Some(true)),
        Data::Float(f) if *f == 0.0 => Ok(Some(false)),
        Data::String(s) => match s.trim() {
            "" => Ok(None),
            "是" | "Y" | "y" | "yes" | "Yes" | "YES" | "true" | "TRUE" | "True" | "√" | "✓"
            | "1" | "有" | "通过" => Ok(Some(true)),
            "否" | "N" | "n" | "no" | "No" | "NO" | "false" | "FALSE" | "False" | "×" | "✗"
            | "0" | "无" | "未通过" | "不通过" => Ok(Some(false)),
            _ => Err(Bad::new(BOOL_WHAT, d)),
        },
        _ => Err(Bad::new(BOOL_WHAT, d)),
    }
}

/// An enumerated column: Chinese labels (the first `shown` are offered in the
/// template's drop-down list), then further spellings, each with the value's
/// code in the record format. The codes themselves are accepted too.
#[derive(Debug)]
pub(crate) struct Choices {
    pub items: &'static [(&'static str, &'static str)],
    pub shown: usize,
}

impl Choices {
    /// The labels offered in the template.
    pub(crate) fn labels(&self) -> impl Iterator<Item = &'static str> {
        self.items.iter().take(self.shown).map(|(l, _)| *l)
    }

    /// The label of `code` (the first with it).
    pub(crate) fn label(&self, code: &str) -> &'static str {
        self.items
            .iter()
            .find(|(_, c)| *c == code)
            .map_or("", |(l, _)| *l)
    }

    fn what(&self) -> String {
        let labels: Vec<&str> = self.labels().collect();
        format!("one of {}", labels.join("/"))
    }

    /// The code of a cell's label or code.
    pub(crate) fn parse(&self, d: &Data) -> Parsed<&'static str> {
        let Some(t) = text_checked(d)? else {
            return Ok(None);
        };
        let n = norm(&t);
        self.items
            .iter()
            .find(|(l, c)| norm(l) == n || *c == t)
            .map(|(_, c)| Some(*c))
            .ok_or_else(|| Bad::new(self.what(), d))
    }
}

/// Splits a list cell (`M01、M02，M03`) into its items.
pub(crate) fn list(s: &str) -> Vec<String> {
    s.split(['、', '，', ',', '；', ';', '\n', '/', '／'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Data {
        Data::String(x.to_owned())
    }

    #[test]
    fn cell_names() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(16, 4), "E17");
        assert_eq!(a1(9, 25), "Z10");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(0, 701), "ZZ1");
        assert_eq!(a1(0, 702), "AAA1");
    }

    #[test]
    fn dates_in_every_form() {
        let want = NaiveDate::from_ymd_opt(2025, 3, 12);
        for t in [
            "2025-03-12",
            "2025/3/12",
            "2025.3.12",
            "2025年3月12日",
            "2025-3-12",
            "2025-03-12 00:00:00",
        ] {
            assert_eq!(date(&s(t), false).unwrap(), want, "{t}");
        }
        assert_eq!(date(&Data::Float(45728.0), false).unwrap(), want);
        assert_eq!(date(&Data::Int(45728), false).unwrap(), want);
        assert_eq!(date(&Data::Float(45728.75), false).unwrap(), want);
        assert_eq!(
            date(&Data::Float(1.0), false).unwrap(),
            NaiveDate::from_ymd_opt(1900, 1, 1)
        );
        assert_eq!(
            date(&Data::Float(61.0), false).unwrap(),
            NaiveDate::from_ymd_opt(1900, 3, 1)
        );
        assert_eq!(
            date(&Data::Float(45728.0 - 1462.0), true).unwrap(),
            want,
            "1904 system"
        );
        for bad in [
            "2025-02-30",
            "2025年3月",
            "3/12/2025",
            "12.03.2025",
            "x",
            "20251312",
            "2025031",
        ] {
            assert!(date(&s(bad), false).is_err(), "{bad}");
        }
        // Eight digits as text or a number, full-width digits.
        for good in [
            s("20250312"),
            Data::Float(20250312.0),
            Data::Int(20250312),
            s("２０２５－０３－１２"),
        ] {
            assert_eq!(date(&good, false).unwrap(), want, "{good:?}");
        }
        assert!(date(&Data::Float(20251312.0), false).is_err());
        assert!(date(&Data::Float(-1.0), false).is_err());
        assert_eq!(date(&s("  "), false).unwrap(), None);
    }

    #[test]
    fn months_in_every_form() {
        let want = YearMonth::new(2025, 3);
        for t in [
            "2025-03",
            "2025/3",
            "2025年3月",
            "2025.3",
            "2025-03-12",
            "2025年3月1日",
        ] {
            assert_eq!(month(&s(t), false).unwrap(), want, "{t}");
        }
        assert_eq!(month(&Data::Float(45728.0), false).unwrap(), want);
        assert!(month(&s("2025-13"), false).is_err());
    }

    #[test]
    fn periods() {
        for (t, want) in [
            ("2025-Q1", "2025-Q1"),
            ("2025年第1季度", "2025-Q1"),
            ("2025年第四季度", "2025-Q4"),
            ("2025年", "2025"),
            ("2025年度", "2025"),
            ("2025", "2025"),
            ("2025-03", "2025-03"),
            ("2025/3", "2025-03"),
            ("2025年3月", "2025-03"),
            ("2025年上半年", "2025-H1"),
        ] {
            assert_eq!(
                period(&s(t), false).unwrap().unwrap().to_string(),
                want,
                "{t}"
            );
        }
        assert_eq!(
            period(&Data::Int(2024), false).unwrap(),
            Some(PeriodSpec::Year(2024))
        );
        assert!(period(&s("2025年第5季度"), false).is_err());
    }

    #[test]
    fn money_keeps_cents_or_refuses() {
        assert_eq!(
            money(&Data::Float(127.5)).unwrap().unwrap().to_string(),
            "127.50"
        );
        assert_eq!(money(&Data::Int(12)).unwrap().unwrap().to_string(), "12.00");
        assert_eq!(
            money(&s("¥1,520.50")).unwrap().unwrap().to_string(),
            "1520.50"
        );
        let e = money(&Data::Float(0.1 + 0.2)).unwrap_err();
        assert!(e.found.contains("0.30000000000000004"), "{e:?}");
        assert!(money(&Data::Float(127.505)).is_err());
        assert!(money(&Data::Float(-1.0)).is_err());
        assert!(money(&s("1.005")).is_err());
        assert!(money(&Data::Float(f64::NAN)).is_err());
    }

    #[test]
    fn hours_counts_and_flags() {
        assert_eq!(
            hours(&Data::Float(1.5)).unwrap().unwrap().to_string(),
            "1.5"
        );
        assert_eq!(hours(&s("2小时")).unwrap().unwrap().to_string(), "2");
        assert_eq!(hours(&s("１．５")).unwrap().unwrap().to_string(), "1.5");
        assert!(hours(&Data::Float(1.333)).is_err());
        assert_eq!(
            minutes_as_hours(&Data::Int(45))
                .unwrap()
                .unwrap()
                .to_string(),
            "0.75"
        );
        assert_eq!(
            minutes_as_hours(&Data::Int(40))
                .unwrap()
                .unwrap()
                .to_string(),
            "0.67"
        );
        assert_eq!(count(&s("15人")).unwrap(), Some(15));
        assert_eq!(count(&s("１５人")).unwrap(), Some(15));
        assert!(count(&Data::Float(1.5)).is_err());
        assert!(count(&Data::Int(-1)).is_err());
        assert_eq!(yes_no(&s("是")).unwrap(), Some(true));
        assert_eq!(yes_no(&s("否")).unwrap(), Some(false));
        assert!(yes_no(&s("也许")).is_err());
    }

    #[test]
    fn choices_take_labels_and_codes() {
        static C: Choices = Choices {
            items: &[("男", "male"), ("女", "female"), ("男性", "male")],
            shown: 2,
        };
        assert_eq!(C.parse(&s("男")).unwrap(), Some("male"));
        assert_eq!(C.parse(&s("男性")).unwrap(), Some("male"));
        assert_eq!(C.parse(&s("female")).unwrap(), Some("female"));
        let e = C.parse(&s("未知")).unwrap_err();
        assert_eq!(e.expected, "one of 男/女");
        assert_eq!(C.labels().collect::<Vec<_>>(), ["男", "女"]);
    }

    #[test]
    fn lists_and_headers() {
        assert_eq!(list("M01、M02，M03, M04"), ["M01", "M02", "M03", "M04"]);
        assert_eq!(norm(" 任期(年) *"), "任期（年）");
    }
}
