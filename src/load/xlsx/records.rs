//! The branch, its roster, committee and groups, and the simple tables (one
//! row = one record).

use std::collections::HashMap;
use std::path::PathBuf;
use std::str::FromStr;

use calamine::{Data, Range};

use super::cells;
use super::schema::{BRANCH_SHEET, SheetDef};
use super::sheets::{Fields, Found, Table};
use super::{BranchBuild, Reader, Warning, WarningKind};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::model::{
    Branch, Bundle, Committee, CommitteeSeat, DuesBase, DuesPublication, DuesRemittance,
    DuesWaiver, Exemption, Group, Member, Mobility, Postponement, Talk, Training, Transfer,
};

/// 支部信息 as 项目 / 内容 rows: each label's value is the cell to its right.
struct KvFields<'a> {
    sheet: &'a str,
    file: Option<&'a PathBuf>,
    is_1904: bool,
    /// key → (value cell, its 0-based row and column, the label).
    values: HashMap<&'static str, (&'a Data, u32, u32, String)>,
}

impl Fields for KvFields<'_> {
    fn raw(&self, key: &str) -> &Data {
        static EMPTY: Data = Data::Empty;
        self.values.get(key).map_or(&EMPTY, |v| v.0)
    }

    fn place(&self, key: &str) -> String {
        let l = self.location(key);
        format!("{}!{}", self.sheet, l.cell.unwrap_or_default())
    }

    fn location(&self, key: &str) -> Location {
        let (cell, header) = match self.values.get(key) {
            Some(&(_, r, c, ref label)) => (Some(cells::a1(r, c)), Some(label.clone())),
            None => (None, BRANCH_SHEET.by_key(key).map(|c| c.header.to_owned())),
        };
        Location {
            file: self.file.cloned(),
            sheet: Some(self.sheet.to_owned()),
            cell,
            header,
            table: Some("branch".to_owned()),
            ..Location::default()
        }
    }

    fn is_1904(&self) -> bool {
        self.is_1904
    }

    fn def(&self) -> &'static SheetDef {
        &BRANCH_SHEET
    }
}

/// Reads 支部信息: one branch as 项目 / 内容, or one row per branch.
pub(super) fn branch_info(
    r: &mut Reader,
    def: &'static SheetDef,
    name: &str,
    range: &Range<Data>,
    file: Option<&PathBuf>,
) -> Result<()> {
    // The table form has a header row with two known columns side by side;
    // in 项目 / 内容 rows labels and values alternate.
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let known = |d: &Data| cells::text(d).is_some_and(|t| def.col(&t).is_some());
    let table_form = range
        .rows()
        .any(|row| row.windows(2).any(|w| known(&w[0]) && known(&w[1])));
    if table_form {
        let mut warnings = Vec::new();
        let found = Table::find(def, name, file, range, r.is_1904, false, &mut warnings);
        r.warnings.extend(warnings);
        let Found::Table(t) = found else {
            return Err(r.no_branch_sheet());
        };
        let t = *t;
        let missing = t.missing_columns(&["id", "name", "kind"]);
        if !missing.is_empty() {
            return Err(super::combine(file, missing));
        }
        for row in t.rows() {
            let res = build_branch(&row).map(|(bundle, sec)| add_branch(r, bundle, sec, &row));
            match res {
                Ok(res) => res?,
                Err(e) => {
                    if let Ok(Some(id)) = row.text("id") {
                        r.skipped.insert(id);
                    }
                    r.row_done(Err(e))?;
                }
            }
        }
        if r.branches.is_empty() && r.errors.is_empty() {
            return Err(r.no_branch_sheet());
        }
        return Ok(());
    }
    let mut values = HashMap::new();
    for (i, row) in range.rows().enumerate() {
        let rr = row0 + i as u32;
        let texts = row.iter().filter(|d| cells::text(d).is_some()).count();
        let mut j = 0;
        while j < row.len() {
            let Some(label) = cells::text(&row[j]) else {
                j += 1;
                continue;
            };
            match def.col(&label) {
                Some(col) => {
                    static EMPTY: Data = Data::Empty;
                    let v = row.get(j + 1).unwrap_or(&EMPTY);
                    values
                        .entry(col.key)
                        .or_insert((v, rr, col0 + j as u32 + 1, label));
                    j += 2;
                }
                None => {
                    let n = cells::norm(&label);
                    if texts == 2
                        && j == 0
                        && n != "项目"
                        && super::sheets::month_header(&n).is_none()
                    {
                        r.warnings.push(Warning::new(
                            WarningKind::UnknownColumn,
                            Location {
                                file: file.cloned(),
                                sheet: Some(name.to_owned()),
                                cell: Some(cells::a1(rr, col0 + j as u32)),
                                header: Some(label.clone()),
                                ..Location::default()
                            },
                            format!("“支部信息”没有“{label}”这一项，已忽略 / unknown item {label} in sheet 支部信息, ignored"),
                        ));
                    }
                    j += 1;
                }
            }
        }
    }
    let kv = KvFields {
        sheet: name,
        file,
        is_1904: r.is_1904,
        values,
    };
    let (bundle, sec) = build_branch(&kv)?;
    add_branch(r, bundle, sec, &kv)
}

type Secretary = Option<(String, String, Location)>;

fn build_branch(f: &impl Fields) -> Result<(Bundle, Secretary)> {
    let id = f.id("id")?;
    let id = f.req("id", id)?;
    let name = f.text("name")?;
    let name = f.req("name", name)?;
    let kind = f.choice("kind")?;
    let kind = f.req("kind", kind)?;
    let mut b = Branch::new(id, name, kind);
    b.founded_on = f.date("founded_on")?;
    b.dissolved_on = f.date("dissolved_on")?;
    if let Some(elected_on) = f.date("elected_on")? {
        let term = f.count("term_years")?;
        let term = f.req("term_years", term)?;
        let mut c = Committee::new(elected_on, term);
        match (
            f.date("postponement_approved_on")?,
            f.date("postponement_until")?,
        ) {
            (Some(a), Some(u)) => c.postponement = Some(Postponement::new(a, u)),
            (None, None) => {}
            (None, Some(_)) => return Err(f.missing("postponement_approved_on")),
            (Some(_), None) => return Err(f.missing("postponement_until")),
        }
        b.committee = Some(c);
    }
    let sec = f
        .text("secretary")?
        .map(|t| (t, f.place("secretary"), f.location("secretary")));
    Ok((Bundle::new(b), sec))
}

fn add_branch(r: &mut Reader, bundle: Bundle, sec: Secretary, f: &impl Fields) -> Result<()> {
    let id = bundle.branch.id.as_str().to_owned();
    if r.by_id.contains_key(&id) {
        return r.row_done(Err(Error::new(
            ErrorKind::Data,
            f.location("id"),
            format!("支部编号“{id}”重复 / branch {id} is listed twice"),
        )));
    }
    r.by_id.insert(id, r.branches.len());
    let mut b = BranchBuild::new(bundle);
    b.secretary = sec;
    r.branches.push(b);
    Ok(())
}

/// Resolves each branch's 书记 once its roster is read.
pub(super) fn resolve_secretaries(r: &mut Reader) {
    for b in 0..r.branches.len() {
        let Some((text, place, loc)) = r.branches[b].secretary.take() else {
            continue;
        };
        let br = &r.branches[b];
        let found = if br.people.ids.contains(&text) {
            Some(crate::model::Id::generated(text.clone()))
        } else {
            match br
                .people
                .names
                .get(&cells::person_name(&text))
                .map(Vec::as_slice)
            {
                Some([one]) => Some(one.clone()),
                _ => None,
            }
        };
        let id = match found {
            Some(id) => id,
            None => {
                r.warnings.push(Warning::new(
                    WarningKind::UnresolvedName,
                    loc,
                    format!("书记“{text}”不是花名册中唯一的党员编号或姓名，按原文保留 / secretary {text} is not a member id or a unique name of the roster; kept as written"),
                ));
                r.origin(b, ("branch", 0, "secretary"), place);
                crate::model::Id::generated(text)
            }
        };
        r.branches[b].bundle.branch.secretary = Some(id);
    }
}

/// Runs `f` on every row of `t` with its branch; a row error is the row's.
pub(super) fn each_row(
    r: &mut Reader,
    t: &Table<'_>,
    mut f: impl FnMut(&mut Reader, usize, &super::sheets::Row<'_, '_>) -> Result<()>,
) -> Result<()> {
    if r.stopped {
        // A bad row ended the reading: the sheet is only checked for its
        // columns.
        return Ok(());
    }
    for row in t.rows() {
        let res = match r.branch_of(&row) {
            Ok(Some(b)) => f(r, b, &row),
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        };
        r.row_done(res)?;
    }
    Ok(())
}

pub(super) fn members(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["name", "admitted_on"]) {
        return Ok(());
    }
    let ids = derive_member_ids(r, t);
    let status_said = t.has("status");
    let category_said = t.has("dues_category");
    let mut assumed_status = false;
    let mut assumed_category = false;
    let res = each_row(r, t, |r, b, row| {
        let name = row.text("name")?.map(|n| cells::person_name(&n));
        let name = row.req("name", name)?;
        let (id, derived) = match row.id("id")? {
            Some(id) => (id, false),
            None => match ids.get(&row.row) {
                Some(Ok(id)) => (id.clone(), true),
                Some(Err(e)) => {
                    return Err(Error::new(e.kind(), e.location().clone(), e.message()));
                }
                None => return Err(row.missing("id")),
            },
        };
        let status = match row.choice("status")? {
            Some(s) => s,
            // No 党籍状态: 正式党员, unless 政治面貌 says 预备.
            None if !status_said => {
                assumed_status = true;
                if row.text("politics")?.is_some_and(|p| p.contains("预备")) {
                    crate::model::MemberStatus::Probationary
                } else {
                    crate::model::MemberStatus::Full
                }
            }
            None => return Err(row.missing("status")),
        };
        let admitted = row.date("admitted_on")?;
        let admitted = row.req("admitted_on", admitted)?;
        let cat = match row.choice("dues_category")? {
            Some(c) => c,
            None if !category_said => {
                assumed_category = true;
                crate::model::DuesCategory::Salaried
            }
            None => return Err(row.missing("dues_category")),
        };
        let mut m = Member::new(id.clone(), name.clone(), status, admitted, cat);
        m.gender = row.choice("gender")?;
        m.born_on = match row.date("born_on") {
            Ok(d) => d,
            // 出生年月 written as a month: its first day.
            Err(e) => match row.month("born_on") {
                Ok(Some(ym)) => Some(ym.first_day()),
                _ => return Err(e),
            },
        };
        m.full_on = row.date("full_on")?;
        m.in_branch_from = row.date("in_branch_from")?;
        m.in_branch_to = row.date("in_branch_to")?;
        m.left_reason = row.choice("left_reason")?;
        m.payment_cycle = row.choice("payment_cycle")?;
        m.dues_paid_until = row.month("dues_paid_until")?;
        m.leading_cadre = row.yes_no("leading_cadre")?.unwrap_or(false);
        m.rights_suspended = row.yes_no("rights_suspended")?.unwrap_or(false);
        let base = row.money("base")?;
        let br = &mut r.branches[b];
        if derived {
            br.bundle.origins.add_derived("member", id.as_str());
        }
        if let Some(base) = base {
            // A base in the roster applies from the month the member's dues
            // are owed in this branch.
            let from = m.in_branch_from.map_or(admitted, |d| d.max(admitted));
            let from = crate::model::YearMonth::of(from);
            br.bundle
                .dues_bases
                .push(crate::model::DuesBase::new(id.clone(), from, base));
        }
        br.people.ids.insert(id.as_str().to_owned());
        let named = br.people.names.entry(name).or_default();
        if !named.contains(&id) {
            named.push(id);
        }
        br.bundle.members.push(m);
        Ok(())
    });
    let place = t.header_location(None);
    if assumed_status {
        r.warnings.push(Warning::new(
            WarningKind::Assumed,
            place.clone(),
            format!(
                "{}没有“党籍状态”列：按正式党员读取（“政治面貌”为中共预备党员的按预备党员） / no column 党籍状态: \
                 members read as full members (probationary where 政治面貌 says 中共预备党员)",
                t.table_name()
            ),
        ));
    }
    if assumed_category {
        r.warnings.push(Warning::new(
            WarningKind::Assumed,
            place,
            format!(
                "{}没有“党费类别”列：按在职党员（按月基数计算党费）读取 / no column 党费类别: members read as \
                 salaried (dues from their monthly base)",
                t.table_name()
            ),
        ));
    }
    res
}

/// Rows without an id by (branch, 姓名): each row's sheet row and 身份证号.
pub(super) type ByName = HashMap<(usize, String), Vec<(u32, Option<String>)>>;

/// The rows of a table without an id (column `id`), by branch and 姓名
/// (as `person_name` reads it).
pub(super) fn rows_by_name(r: &Reader, t: &Table<'_>) -> ByName {
    let mut rows: HashMap<(usize, String), Vec<_>> = HashMap::new();
    for row in t.rows() {
        if let (Ok(Some(b)), Ok(None), Ok(Some(name))) =
            (r.branch_of(&row), row.id("id"), row.text("name"))
        {
            let card = row.text("id_card").ok().flatten();
            rows.entry((b, cells::person_name(&name)))
                .or_default()
                .push((row.row, card));
        }
    }
    rows
}

/// The ids of roster rows without a 党员编号, by sheet row: the 姓名 when
/// no other row of the branch has it; for names shared, `姓名（1234）` with
/// the last four characters of the 身份证号; shared names without an id
/// card are an error naming every row of the name.
fn derive_member_ids(r: &Reader, t: &Table<'_>) -> HashMap<u32, Result<crate::model::Id>> {
    use crate::model::Id;
    let mut out = HashMap::new();
    let rows = rows_by_name(r, t);
    for ((_, name), list) in rows {
        if let [(row, ..)] = list.as_slice() {
            out.insert(
                *row,
                Id::from_str(&name)
                    .map_err(|e| Error::new(ErrorKind::Data, Location::default(), e.to_string())),
            );
            continue;
        }
        let places: Vec<String> = list.iter().map(|x| t.place_of(x.0, "name")).collect();
        for (row, card) in &list {
            let id = match card {
                Some(c) => {
                    let tail: String = {
                        let chars: Vec<char> = c.chars().collect();
                        chars[chars.len().saturating_sub(4)..].iter().collect()
                    };
                    Id::from_str(&format!("{name}（{tail}）")).map_err(|e| {
                        Error::new(ErrorKind::Data, Location::default(), e.to_string())
                    })
                }
                None => Err(Error::new(
                    ErrorKind::Data,
                    t.location_of(*row, "name"),
                    format!(
                        "花名册中有{}行都是“{name}”（{}），又没有党员编号或身份证号：无法区分，请加“党员编号”或“身份证号”列 / \
                         {} rows of the roster are named {name} ({}) and there is no 党员编号 or 身份证号 to tell them apart: \
                         add a 党员编号 or 身份证号 column",
                        list.len(),
                        places.join("、"),
                        list.len(),
                        places.join(", ")
                    ),
                )),
            };
            out.insert(*row, id);
        }
    }
    out
}

pub(super) fn committee(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["role"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let role = row.choice("role")?;
        let role = row.req("role", role)?;
        if r.branches[b].bundle.branch.committee.is_none() {
            return Err(Error::new(
                ErrorKind::Data,
                row.location("role"),
                "列有支委，但“支部信息”没有支委会选举日期 / the sheet lists committee members, but \
                 支部信息 has no 支委会选举日期"
                    .to_owned(),
            ));
        }
        let member = r.subject(b, row, ("branch", 0, "committee.members"))?;
        if let Some(c) = r.branches[b].bundle.branch.committee.as_mut() {
            c.members.push(CommitteeSeat::new(member, role));
        }
        Ok(())
    })
}

pub(super) fn groups(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    let key = if t.has("id") || !t.has("name") {
        "id"
    } else {
        "name"
    };
    if !r.require(t, &[key]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let name = row.text("name")?;
        let id = match row.id("id")? {
            Some(id) => id,
            // No 党小组编号: the group is known by its name.
            None => row.req("id", name.clone().map(crate::model::Id::generated))?,
        };
        let mut g = Group::new(id);
        g.name = name;
        g.leader = r.person(b, row, "leader", ("branch", 0, "groups.leader"))?;
        let mut none = Vec::new();
        g.members = r.people(
            b,
            row,
            "members",
            Some(("branch", 0, "groups.members")),
            &mut none,
        )?;
        r.branches[b].bundle.branch.groups.push(g);
        Ok(())
    })
}

pub(super) fn bases(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["from", "base"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let from = row.month("from")?;
        let from = row.req("from", from)?;
        let base = row.money("base")?;
        let base = row.req("base", base)?;
        let i = r.branches[b].bundle.dues_bases.len();
        let member = r.subject(b, row, ("dues_bases", i, "member"))?;
        r.branches[b]
            .bundle
            .dues_bases
            .push(DuesBase::new(member, from, base));
        Ok(())
    })
}

pub(super) fn waivers(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["from", "to", "kind"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let from = row.month("from")?;
        let to = row.month("to")?;
        let kind = row.choice("kind")?;
        let (from, to, kind) = (
            row.req("from", from)?,
            row.req("to", to)?,
            row.req("kind", kind)?,
        );
        let amount = row.money("amount")?;
        let decided = row.date("branch_decided_on")?;
        let approved = row.date("higher_approved_on")?;
        let i = r.branches[b].bundle.dues_waivers.len();
        let member = r.subject(b, row, ("dues_waivers", i, "member"))?;
        let mut w = DuesWaiver::new(member, from, to, kind);
        w.amount = amount;
        w.branch_decided_on = decided;
        w.higher_approved_on = approved;
        r.branches[b].bundle.dues_waivers.push(w);
        Ok(())
    })
}

pub(super) fn remittances(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["period", "amount", "remitted_on"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let p = row.period("period")?;
        let a = row.money("amount")?;
        let d = row.date("remitted_on")?;
        let x = DuesRemittance::new(
            row.req("period", p)?,
            row.req("amount", a)?,
            row.req("remitted_on", d)?,
        );
        r.branches[b].bundle.dues_remittances.push(x);
        Ok(())
    })
}

pub(super) fn publications(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["date", "year"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let d = row.date("date")?;
        let y = row.count("year")?;
        let y = row.req("year", y)?;
        let year = i32::try_from(y).map_err(|_| row.missing("year"))?;
        r.branches[b]
            .bundle
            .dues_publications
            .push(DuesPublication::new(row.req("date", d)?, year));
        Ok(())
    })
}

pub(super) fn exemptions(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["from", "to"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let from = row.date("from")?;
        let to = row.date("to")?;
        let (from, to) = (row.req("from", from)?, row.req("to", to)?);
        let reason = row.text("reason")?;
        let i = r.branches[b].bundle.exemptions.len();
        let member = r.subject(b, row, ("exemptions", i, "member"))?;
        let mut e = Exemption::new(member, from, to);
        e.reason = reason;
        r.branches[b].bundle.exemptions.push(e);
        Ok(())
    })
}

pub(super) fn talks(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["date", "member1", "member2"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let date = row.date("date")?;
        let date = row.req("date", date)?;
        let i = r.branches[b].bundle.talks.len();
        let at = ("talks", i, "members");
        let one = r.person(b, row, "member1", at)?;
        let one = row.req("member1", one)?;
        let two = r.person(b, row, "member2", at)?;
        let two = row.req("member2", two)?;
        let mut members = vec![one, two];
        let mut none = Vec::new();
        members.extend(r.people(b, row, "others", Some(at), &mut none)?);
        r.branches[b].bundle.talks.push(Talk::new(date, members));
        Ok(())
    })
}

pub(super) fn trainings(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["date", "hours"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let date = row.date("date")?;
        let hours = row.hours("hours")?;
        let (date, hours) = (row.req("date", date)?, row.req("hours", hours)?);
        let title = row.text("title")?;
        let channel = row.choice("channel")?;
        let i = r.branches[b].bundle.trainings.len();
        let member = r.subject(b, row, ("trainings", i, "member"))?;
        let mut x = Training::new(member, date, hours);
        x.title = title;
        x.channel = channel;
        r.branches[b].bundle.trainings.push(x);
        Ok(())
    })
}

pub(super) fn transfers(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["direction", "issued_on"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let dir = row.choice("direction")?;
        let issued = row.date("issued_on")?;
        let (dir, issued) = (row.req("direction", dir)?, row.req("issued_on", issued)?);
        let valid_until = row.date("valid_until")?;
        let org = row.text("org")?;
        let reported_on = row.date("reported_on")?;
        let receipt_on = row.date("receipt_on")?;
        let cross = row.yes_no("cross_system")?.unwrap_or(false);
        let i = r.branches[b].bundle.transfers.len();
        let member = r.subject(b, row, ("transfers", i, "member"))?;
        let mut x = Transfer::new(member, dir, issued);
        x.valid_until = valid_until;
        x.org = org;
        x.reported_on = reported_on;
        x.receipt_on = receipt_on;
        x.cross_system = cross;
        r.branches[b].bundle.transfers.push(x);
        Ok(())
    })
}

pub(super) fn mobility(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["kind", "from"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let kind = row.choice("kind")?;
        let from = row.date("from")?;
        let (kind, from) = (row.req("kind", kind)?, row.req("from", from)?);
        let to = row.date("to")?;
        let place = row.text("place")?;
        let fixed = row.yes_no("place_fixed")?.unwrap_or(false);
        let suspended = row.date("suspended_on")?;
        let i = r.branches[b].bundle.mobility.len();
        let member = r.subject(b, row, ("mobility", i, "member"))?;
        let mut x = Mobility::new(member, kind, from);
        x.to = to;
        x.place = place;
        x.place_fixed = fixed;
        x.suspended_on = suspended;
        r.branches[b].bundle.mobility.push(x);
        Ok(())
    })
}
