//! The sheets and columns of the 台账 workbook (XLSX.md "Reading"): one
//! table read by the workbook reader (headers and their aliases), written by
//! the record writer and the empty template (headers, drop-down lists, notes).

use super::cells::Choices;
use crate::model::Step;

/// What a column holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    /// Free text.
    Text,
    /// An id (member, meeting, candidate, group, branch).
    Id,
    /// A member: 党员编号 or a unique 姓名.
    Person,
    /// Members, separated by 、，, (ids or unique names).
    People,
    Date,
    Month,
    Period,
    Money,
    Hours,
    Minutes,
    Count,
    YesNo,
    Choice(&'static Choices),
    /// A development step's date (the 发展党员 sheet).
    Step(Step),
}

/// A column of a sheet.
#[derive(Debug)]
pub(crate) struct Col {
    /// The field it fills (the record format's name where there is one);
    /// accepted as a header too.
    pub key: &'static str,
    /// The header the template writes.
    pub header: &'static str,
    /// Other headers real ledgers use.
    pub aliases: &'static [&'static str],
    pub kind: Kind,
    /// A row without it is an input error.
    pub required: bool,
    /// For 填表说明.
    pub note: &'static str,
}

/// Which sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum SheetId {
    Branch,
    Committee,
    Groups,
    Members,
    Bases,
    Payments,
    Waivers,
    Remittances,
    Publications,
    Exemptions,
    Meetings,
    Absences,
    Votes,
    Rectifications,
    Talks,
    Trainings,
    Development,
    Assessments,
    Publicity,
    Transfers,
    Mobility,
}

/// A sheet of the workbook.
#[derive(Debug)]
pub(crate) struct SheetDef {
    pub id: SheetId,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// The record-format table it fills (for error locations).
    pub table: &'static str,
    pub cols: &'static [Col],
    pub note: &'static str,
}

impl SheetDef {
    /// The column whose header (or alias, or key) is `header`.
    pub(crate) fn col(&self, header: &str) -> Option<&'static Col> {
        let n = super::cells::norm(header);
        if n.is_empty() {
            return None;
        }
        self.cols.iter().find(|c| {
            super::cells::norm(c.header) == n
                || c.key == n
                || c.aliases.iter().any(|a| super::cells::norm(a) == n)
        })
    }

    /// The column with this key.
    pub(crate) fn by_key(&self, key: &str) -> Option<&'static Col> {
        self.cols.iter().find(|c| c.key == key)
    }
}

macro_rules! col {
    ($key:literal, $header:literal, [$($alias:literal),*], $kind:expr, $req:literal, $note:literal) => {
        Col { key: $key, header: $header, aliases: &[$($alias),*], kind: $kind, required: $req, note: $note }
    };
    ($key:literal, $header:literal, [$($alias:literal),*], $kind:expr, $req:literal) => {
        col!($key, $header, [$($alias),*], $kind, $req, "")
    };
}

macro_rules! choices {
    ($name:ident, $shown:literal, [$(($l:literal, $c:literal)),+ $(,)?]) => {
        pub(crate) static $name: Choices = Choices { items: &[$(($l, $c)),+], shown: $shown };
    };
}

#[rustfmt::skip]
mod tables;
pub(crate) use tables::*;

/// Sheets that are part of the template but hold no records.
pub(crate) const IGNORED_SHEETS: &[&str] = &["填表说明", "说明", "使用说明"];

/// Whether `name` is a sheet that holds no records (填表说明).
pub(crate) fn is_ignored_sheet(name: &str) -> bool {
    let n = super::cells::norm(name);
    IGNORED_SHEETS.iter().any(|s| super::cells::norm(s) == n)
}

/// The sheet definition whose name (or alias) is `name`.
pub(crate) fn sheet(name: &str) -> Option<&'static SheetDef> {
    let n = super::cells::norm(name);
    std::iter::once(&BRANCH_SHEET).chain(SHEETS).find(|s| {
        super::cells::norm(s.name) == n || s.aliases.iter().any(|a| super::cells::norm(a) == n)
    })
}

/// The definition of a sheet by id.
pub(crate) fn def(id: SheetId) -> &'static SheetDef {
    if id == SheetId::Branch {
        return &BRANCH_SHEET;
    }
    SHEETS.iter().find(|s| s.id == id).unwrap_or(&BRANCH_SHEET)
}

/// The step column of `step` on the 发展党员 sheet.
pub(crate) fn step_col(step: Step) -> Option<&'static Col> {
    def(SheetId::Development)
        .cols
        .iter()
        .find(|c| matches!(c.kind, Kind::Step(s) if s == step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_column_and_names_are_unique() {
        for s in Step::ALL {
            assert!(step_col(*s).is_some(), "{s}");
        }
        for d in std::iter::once(&BRANCH_SHEET).chain(SHEETS) {
            let mut seen = std::collections::BTreeSet::new();
            for c in d.cols {
                for h in std::iter::once(c.header).chain(c.aliases.iter().copied()) {
                    // Every header finds its own column first.
                    assert_eq!(d.col(h).map(|x| x.key), Some(c.key), "{} {h}", d.name);
                }
                assert!(seen.insert(c.key), "{} {}", d.name, c.key);
            }
            assert_eq!(sheet(d.name).map(|x| x.id), Some(d.id));
        }
    }
}
