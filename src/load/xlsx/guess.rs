//! Which table a sheet with an unknown name holds, by its headers: a roster
//! kept on `Sheet1` is still the roster.

use calamine::{Data, Range};

use super::cells;
use super::schema::{SHEETS, SheetDef, SheetId};
use super::sheets::{month_header, one_line};

/// Columns that many sheets share: they tell no table from another.
const SHARED: &[&str] = &["branch", "member", "name"];

/// How many rows from the top the header is looked for in.
const HEAD_ROWS: usize = 10;

/// What a sheet's headers say.
#[derive(Debug)]
pub(crate) enum Guess {
    /// One table matches best: its definition and the headers it knew.
    Table(&'static SheetDef, Vec<String>),
    /// Several tables match equally well.
    Ambiguous(Vec<&'static SheetDef>),
    /// No table matches two columns of its own.
    Nothing,
}

/// Whether a sheet has a row under its first non-blank one.
pub(crate) fn has_rows(range: &Range<Data>) -> bool {
    range
        .rows()
        .filter(|r| r.iter().any(|d| cells::text(d).is_some()))
        .nth(1)
        .is_some()
}

/// The table whose own columns (not 党员编号, 姓名, 支部编号, which many
/// share) a row near the top names most, at least two of them.
pub(crate) fn table(range: &Range<Data>) -> Guess {
    let mut best: Vec<(usize, &'static SheetDef, Vec<String>)> = Vec::new();
    for def in SHEETS {
        let mut top: (usize, Vec<String>) = (0, Vec::new());
        for row in range.rows().take(HEAD_ROWS) {
            let mut keys: Vec<&str> = Vec::new();
            let mut named = Vec::new();
            let mut months = 0;
            for d in row {
                let Some(h) = cells::text(d).map(|h| one_line(&h)) else {
                    continue;
                };
                if let Some(c) = def.col(&h) {
                    if !SHARED.contains(&c.key) && !keys.contains(&c.key) {
                        keys.push(c.key);
                        named.push(h);
                    }
                } else if def.id == SheetId::Payments && month_header(&h).is_some() {
                    months += 1;
                    if months == 3 {
                        named.push("1月…12月".to_owned());
                    }
                }
            }
            let score = keys.len() + usize::from(months >= 3) * 2;
            if score > top.0 {
                top = (score, named);
            }
        }
        if top.0 >= 2 {
            best.push((top.0, def, top.1));
        }
    }
    let Some(max) = best.iter().map(|b| b.0).max() else {
        return Guess::Nothing;
    };
    let mut tops: Vec<_> = best.into_iter().filter(|b| b.0 == max).collect();
    if tops.len() == 1 {
        let (_, def, named) = tops.remove(0);
        return Guess::Table(def, named);
    }
    Guess::Ambiguous(tops.into_iter().map(|b| b.1).collect())
}

/// What a sheet looks like, for a message: its first non-blank row's
/// texts (`第1行：序号、名字、入党年月`).
pub(crate) fn describe(range: &Range<Data>) -> String {
    let (row0, _) = range.start().unwrap_or((0, 0));
    for (i, row) in range.rows().enumerate() {
        let texts: Vec<String> = row
            .iter()
            .filter_map(cells::text)
            .map(|t| crate::model::truncate(&one_line(&t), 36).to_owned())
            .take(6)
            .collect();
        if !texts.is_empty() {
            return format!("第{}行：{}", row0 as usize + i + 1, texts.join("、"));
        }
    }
    "空表".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(rows: &[&[&str]]) -> Range<Data> {
        let h = rows.len() as u32;
        let w = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let mut r = Range::new((0, 0), (h - 1, w - 1));
        for (i, row) in rows.iter().enumerate() {
            for (j, c) in row.iter().enumerate() {
                if !c.is_empty() {
                    r.set_value((i as u32, j as u32), Data::String((*c).to_owned()));
                }
            }
        }
        r
    }

    #[test]
    fn a_roster_on_sheet1_is_the_roster() {
        let r = range(&[
            &["某党支部党员花名册"],
            &["序号", "党员编号", "姓名", "性别", "入党时间", "党籍状态"],
            &["1", "M1", "王一", "男", "2001-07-01", "正式党员"],
        ]);
        match table(&r) {
            Guess::Table(def, named) => {
                assert_eq!(def.id, SheetId::Members);
                assert_eq!(named, ["党员编号", "性别", "入党时间", "党籍状态"]);
            }
            g => panic!("{g:?}"),
        }
        assert!(has_rows(&r));
        assert_eq!(describe(&r), "第1行：某党支部党员花名册");
    }

    #[test]
    fn names_alone_match_nothing_and_one_column_is_not_enough() {
        let r = range(&[&["党员编号", "姓名"], &["M1", "王一"]]);
        assert!(matches!(table(&r), Guess::Nothing), "{:?}", table(&r));
        let r = range(&[&["姓名", "入党时间", "备注"], &["王一", "2001-07-01", ""]]);
        assert!(matches!(table(&r), Guess::Nothing));
        assert!(!has_rows(&range(&[&["姓名", "入党时间"]])));
    }

    #[test]
    fn a_dues_grid_is_the_dues_sheet() {
        let r = range(&[&["姓名", "1月", "2月", "3月"], &["王一", "50", "50", "50"]]);
        match table(&r) {
            Guess::Table(def, _) => assert_eq!(def.id, SheetId::Payments),
            g => panic!("{g:?}"),
        }
    }
}
