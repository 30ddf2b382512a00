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
    /// The column whose header (or alias, or key) is `header`; failing
    /// that, the one it names without its notes in parentheses
    /// (`入党时间（预备）`, `实缴金额（元）`).
    pub(crate) fn col(&self, header: &str) -> Option<&'static Col> {
        let n = super::cells::norm(header);
        if n.is_empty() {
            return None;
        }
        let find = |n: &str| {
            self.cols.iter().find(|c| {
                super::cells::norm(c.header) == n
                    || c.key == n
                    || c.aliases.iter().any(|a| super::cells::norm(a) == n)
            })
        };
        find(&n).or_else(|| super::cells::without_notes(&n).and_then(|m| find(&m)))
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

/// Columns the reader takes from ledgers kept without this template, which
/// the template and the record writer have in another way: the roster's 身份证号 (its 党员编号 tells
/// members apart; a form should not ask for id numbers it does not need),
/// 政治面貌 (its 党籍状态) and 月基数 (its 党费基数 sheet); a meeting's
/// 请假人员 / 缺席人员 (its 缺席请假 sheet); a meeting or candidate named by
/// date or name instead of 会议编号 / 编号.
const OTHER_WAYS: &[(SheetId, &str)] = &[
    (SheetId::Members, "id_card"),
    (SheetId::Members, "politics"),
    (SheetId::Members, "base"),
    (SheetId::Meetings, "excused"),
    (SheetId::Meetings, "absent"),
    (SheetId::Absences, "meeting_date"),
    (SheetId::Absences, "meeting_kind"),
    (SheetId::Absences, "meeting_group"),
    (SheetId::Rectifications, "meeting_date"),
    (SheetId::Rectifications, "meeting_kind"),
    (SheetId::Rectifications, "meeting_group"),
    (SheetId::Votes, "meeting_date"),
    (SheetId::Votes, "meeting_kind"),
    (SheetId::Votes, "meeting_group"),
    (SheetId::Votes, "candidate_name"),
    (SheetId::Assessments, "candidate_name"),
    (SheetId::Publicity, "candidate_name"),
];

/// Whether column `key` of sheet `id` is one the reader takes from ledgers
/// kept without this crate, which the template and the record writer
/// write in another way (OTHER_WAYS).
pub(crate) fn other_way(id: SheetId, key: &str) -> bool {
    OTHER_WAYS.iter().any(|(s, k)| *s == id && *k == key)
}

/// Sheets that are part of the template but hold no records.
pub(crate) const IGNORED_SHEETS: &[&str] = &["填表说明", "说明", "使用说明"];

/// Whether `name` is a sheet that holds no records (填表说明).
pub(crate) fn is_ignored_sheet(name: &str) -> bool {
    let n = super::cells::norm(name);
    IGNORED_SHEETS.iter().any(|s| super::cells::norm(s) == n)
}

/// The sheet definition whose name (or alias) is `name`.
#[cfg(test)]
pub(crate) fn sheet(name: &str) -> Option<&'static SheetDef> {
    sheet_match(name).map(|m| m.def)
}

/// A sheet recognised by its name, with what the name says of its rows:
/// 组织关系转入 is the transfers sheet with 方向 转入, 党课记录 the meetings
/// sheet with 会议类型 党课, `2025年3月` (or 3月党费) the dues sheet of a
/// month.
#[derive(Debug)]
pub(crate) struct SheetMatch {
    pub def: &'static SheetDef,
    /// Values of columns the sheet may lack, as the name gives them.
    pub defaults: Vec<(&'static str, String)>,
    /// The month of a per-month dues sheet: (its year, if named; month).
    pub month: Option<(Option<i32>, u32)>,
}

/// Words a sheet name may end with that say nothing of its table.
const NAME_TAILS: &[&str] = &[
    "登记表",
    "记录表",
    "台账",
    "记录",
    "登记",
    "情况表",
    "情况",
    "明细",
    "表",
];

/// The sheet named `name`: by its name or an alias, else by what the name
/// says (a transfer direction, a meeting kind, a month of dues).
pub(crate) fn sheet_match(name: &str) -> Option<SheetMatch> {
    let n = super::cells::norm(name);
    let plain = |def: &'static SheetDef| SheetMatch {
        def,
        defaults: Vec::new(),
        month: None,
    };
    let exact = |n: &str| {
        std::iter::once(&BRANCH_SHEET).chain(SHEETS).find(|s| {
            super::cells::norm(s.name) == n || s.aliases.iter().any(|a| super::cells::norm(a) == n)
        })
    };
    if let Some(def) = exact(&n) {
        return Some(plain(def));
    }
    let mut stem = n.as_str();
    for t in NAME_TAILS {
        if let Some(x) = stem.strip_suffix(t) {
            if !x.is_empty() {
                stem = x;
                break;
            }
        }
    }
    if let Some(def) = exact(stem) {
        return Some(plain(def));
    }
    // 预备党员名册: a roster of probationary members.
    if stem.contains("预备党员")
        && ["名册", "名单", "花名册", "信息"]
            .iter()
            .any(|w| stem.ends_with(w))
    {
        let mut m = plain(def(SheetId::Members));
        m.defaults.push(("status", "预备党员".to_owned()));
        return Some(m);
    }
    // 组织关系转入, 党员转出, 转入党员 …: one sheet per direction.
    for (word, label) in [("转入", "转入"), ("转出", "转出")] {
        if stem.contains(word)
            && (stem.contains("组织关系") || stem.contains("党员") || stem == word)
        {
            let mut m = plain(def(SheetId::Transfers));
            m.defaults.push(("direction", label.to_owned()));
            return Some(m);
        }
    }
    // 支部党员大会, 党课记录, 主题党日活动台账 …: one sheet per kind of meeting.
    if let Some((label, _)) = MEETING_KIND
        .items
        .iter()
        .find(|(l, _)| super::cells::norm(l) == stem)
    {
        let mut m = plain(def(SheetId::Meetings));
        m.defaults.push(("kind", (*label).to_owned()));
        return Some(m);
    }
    // 2025年3月, 3月, 3月份党费, 党费2025年3月, 2025-03, 2025.3: a month of dues.
    let stem = stem.trim_start_matches("党费").trim_end_matches("党费");
    let stem = stem.trim_end_matches("缴纳").trim_end_matches("收缴");
    let stem = stem.trim_start_matches("党费").trim_end_matches("党费");
    if let Some(month) = month_name(stem) {
        let mut m = plain(def(SheetId::Payments));
        m.month = Some(month);
        return Some(m);
    }
    None
}

/// `2025年3月`, `2025年03月份`, `3月`, `03月`, `2025-03`, `2025.3`.
fn month_name(s: &str) -> Option<(Option<i32>, u32)> {
    let digits = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
    let m = |x: &str| {
        let v: u32 = x.parse().ok()?;
        (digits(x) && x.len() <= 2 && (1..=12).contains(&v)).then_some(v)
    };
    let s = s.strip_suffix("份").unwrap_or(s);
    if let Some(x) = s.strip_suffix('月') {
        if let Some((y, mm)) = x.split_once('年') {
            let y: i32 = y.parse().ok().filter(|_| digits(y) && y.len() == 4)?;
            return Some((Some(y), m(mm)?));
        }
        return Some((None, m(x)?));
    }
    let (y, mm) = s.split_once(['-', '.', '/'])?;
    let y: i32 = y.parse().ok().filter(|_| digits(y) && y.len() == 4)?;
    Some((Some(y), m(mm)?))
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
    fn docs_list_every_alias() {
        let docs = include_str!("../../../docs/format.md");
        let start = docs
            .find("| sheet / column | also read as |")
            .expect("the alias table");
        let table = &docs[start..];
        for d in std::iter::once(&BRANCH_SHEET).chain(SHEETS) {
            let row = |head: &str| {
                table
                    .lines()
                    .take_while(|l| l.starts_with('|'))
                    .find(|l| l.starts_with(head))
                    .unwrap_or_else(|| panic!("docs/format.md: no row {head}"))
                    .to_owned()
            };
            let items = |l: String| -> Vec<String> {
                let last = l.trim_end_matches('|').rsplit('|').next().unwrap_or("");
                last.trim().split('、').map(str::to_owned).collect()
            };
            if !d.aliases.is_empty() {
                assert_eq!(
                    items(row(&format!("| **{}** (sheet) |", d.name))),
                    d.aliases,
                    "{}",
                    d.name
                );
            }
            for c in d
                .cols
                .iter()
                .filter(|c| !c.aliases.is_empty() && c.key != "branch")
            {
                let star = if c.required { " *" } else { "" };
                let l = row(&format!("| {} · {}{star} |", d.name, c.header));
                assert_eq!(items(l), c.aliases, "{} {}", d.name, c.header);
            }
        }
    }

    #[test]
    fn sheet_names_say_what_they_hold() {
        let m = sheet_match("组织关系转入").unwrap();
        assert_eq!(
            (m.def.id, m.defaults),
            (SheetId::Transfers, vec![("direction", "转入".to_owned())])
        );
        let m = sheet_match("党员转出登记表").unwrap();
        assert_eq!(m.defaults, vec![("direction", "转出".to_owned())]);
        let m = sheet_match("党课记录").unwrap();
        assert_eq!(
            (m.def.id, m.defaults),
            (SheetId::Meetings, vec![("kind", "党课".to_owned())])
        );
        assert_eq!(
            sheet_match("主题党日活动台账").unwrap().defaults,
            vec![("kind", "主题党日活动".to_owned())]
        );
        for (name, month) in [
            ("2025年3月", (Some(2025), 3)),
            ("2025年03月份", (Some(2025), 3)),
            ("3月", (None, 3)),
            ("3月份党费", (None, 3)),
            ("党费2025年12月", (Some(2025), 12)),
            ("2025.03", (Some(2025), 3)),
            ("2025-3", (Some(2025), 3)),
        ] {
            let m = sheet_match(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(
                (m.def.id, m.month),
                (SheetId::Payments, Some(month)),
                "{name}"
            );
        }
        for name in ["13月", "2025年13月", "25年3月", "Sheet1", "月", "3"] {
            assert!(sheet_match(name).is_none(), "{name}");
        }
        let m = sheet_match("预备党员名册").unwrap();
        assert_eq!(
            (m.def.id, m.defaults),
            (SheetId::Members, vec![("status", "预备党员".to_owned())])
        );
        // Exact names first: 支委会 is the committee, not a meeting.
        assert_eq!(sheet_match("支委会").unwrap().def.id, SheetId::Committee);
        assert_eq!(sheet_match("花名册").unwrap().def.id, SheetId::Members);
        assert_eq!(
            sheet_match("党员花名册台账").unwrap().def.id,
            SheetId::Members
        );
    }

    #[test]
    fn headers_match_without_notes_and_in_full_width() {
        let m = def(SheetId::Members);
        assert_eq!(
            m.col("入党时间（预备）").map(|c| c.key),
            Some("admitted_on")
        );
        assert_eq!(m.col("入党时间(预备)").map(|c| c.key), Some("admitted_on"));
        assert_eq!(m.col("党员ＩＤ").map(|c| c.key), Some("id"));
        assert_eq!(m.col("姓　名").map(|c| c.key), Some("name"));
        assert!(m.col("人员类别").is_none());
        let d = def(SheetId::Development);
        // An exact header with parentheses is not cut to its stem.
        assert_eq!(d.col("支部大会讨论（转正）").map(|c| c.key), Some("s23"));
        assert_eq!(
            def(SheetId::Payments).col("实缴金额（元）").map(|c| c.key),
            Some("amount")
        );
    }

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
