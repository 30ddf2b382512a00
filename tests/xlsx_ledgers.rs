//! Ledgers as branches keep them: no 党员编号, 会议编号 or 编号 anywhere,
//! people by name, meetings by kind and date, transfers on a sheet per
//! direction (issue 24). The sample turned into such a workbook gives the
//! same findings as `sample.json`, ids aside.

#![cfg(feature = "xlsx")]

mod xlsx_common;

use std::collections::HashMap;

use calamine::Data;
use dangjian::{Auditor, Bundle, Finding};
use xlsx_common::{Sheets, as_of, key, sheets, text, write};

/// What an id of the sample stands for in a ledger without ids.
struct Names {
    members: HashMap<String, String>,
    candidates: HashMap<String, String>,
    groups: HashMap<String, String>,
}

impl Names {
    fn of(b: &Bundle) -> Names {
        Names {
            members: b
                .members
                .iter()
                .map(|m| (m.id.to_string(), m.name.clone()))
                .collect(),
            candidates: b
                .candidates
                .iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect(),
            groups: b
                .branch
                .groups
                .iter()
                .filter_map(|g| Some((g.id.to_string(), g.name.clone()?)))
                .collect(),
        }
    }

    /// A cell with member ids (`M01`, `M01、M02`) as names.
    fn people(&self, d: &Data) -> Data {
        let Some(t) = text(d) else { return d.clone() };
        let items: Vec<&str> = t.split('、').collect();
        if !items.iter().all(|i| self.members.contains_key(*i)) {
            return d.clone();
        }
        Data::String(
            items
                .iter()
                .map(|i| self.members[*i].as_str())
                .collect::<Vec<_>>()
                .join("、"),
        )
    }

    fn candidate(&self, d: &Data) -> Data {
        match text(d).and_then(|t| self.candidates.get(&t)) {
            Some(n) => Data::String(n.clone()),
            None => d.clone(),
        }
    }

    fn group(&self, d: &Data) -> Data {
        match text(d).and_then(|t| self.groups.get(&t)) {
            Some(n) => Data::String(n.clone()),
            None => d.clone(),
        }
    }
}

/// A sheet as headers and rows.
struct Table {
    head: Vec<String>,
    rows: Vec<Vec<Data>>,
}

impl Table {
    fn of(rows: &[Vec<Data>]) -> Table {
        Table {
            head: rows[0]
                .iter()
                .map(|d| text(d).map(|t| key(&t)).unwrap_or_default())
                .collect(),
            rows: rows[1..].to_vec(),
        }
    }

    fn col(&self, h: &str) -> Option<usize> {
        self.head.iter().position(|x| x == h)
    }

    fn drop(&mut self, h: &str) {
        if let Some(i) = self.col(h) {
            self.head.remove(i);
            for r in &mut self.rows {
                if i < r.len() {
                    r.remove(i);
                }
            }
        }
    }

    fn rename(&mut self, from: &str, to: &str) {
        if let Some(i) = self.col(from) {
            self.head[i] = to.to_owned();
        }
    }

    fn map(&mut self, h: &str, f: impl Fn(&Data) -> Data) {
        if let Some(i) = self.col(h) {
            for r in &mut self.rows {
                if let Some(d) = r.get_mut(i) {
                    *d = f(d);
                }
            }
        }
    }

    /// Replaces 会议编号 by 会议日期, 会议类型 and 会议党小组.
    fn meeting_by_date(&mut self, meetings: &HashMap<String, [Data; 3]>) {
        let Some(i) = self.col("会议编号") else {
            return;
        };
        self.head.splice(
            i..=i,
            ["会议日期", "会议类型", "会议党小组"].map(String::from),
        );
        for r in &mut self.rows {
            let id = r.get(i).and_then(text).unwrap_or_default();
            let cells =
                meetings
                    .get(&id)
                    .cloned()
                    .unwrap_or([Data::Empty, Data::Empty, Data::Empty]);
            if i < r.len() {
                r.splice(i..=i, cells);
            }
        }
    }

    fn rows(self) -> Vec<Vec<Data>> {
        let mut out = vec![self.head.into_iter().map(Data::String).collect()];
        out.extend(self.rows);
        out
    }
}

/// The bundle as a workbook kept without ids.
fn without_ids(bundle: &Bundle) -> Vec<u8> {
    let mut bytes = Vec::new();
    dangjian::render::xlsx::write_records(std::slice::from_ref(bundle), &mut bytes).unwrap();
    let names = Names::of(bundle);
    let book = sheets(&bytes);
    // 会议编号 → (会议日期, 会议类型, 党小组 name) from 三会一课.
    let mut meetings = HashMap::new();
    if let Some((_, rows)) = book.iter().find(|(n, _)| n == "三会一课") {
        let t = Table::of(rows);
        let (id, date, kind, group) = (
            t.col("会议编号").unwrap(),
            t.col("会议日期").unwrap(),
            t.col("会议类型").unwrap(),
            t.col("党小组"),
        );
        for r in &t.rows {
            let g = group.map_or(Data::Empty, |g| names.group(&r[g]));
            meetings.insert(text(&r[id]).unwrap(), [r[date].clone(), r[kind].clone(), g]);
        }
    }
    let mut out: Sheets = Vec::new();
    for (name, rows) in book {
        if name == "支部信息" {
            // 项目 / 内容: the 书记 by name.
            let rows = rows
                .iter()
                .map(|r| r.iter().map(|d| names.people(d)).collect())
                .collect();
            out.push((name, rows));
            continue;
        }
        let mut t = Table::of(&rows);
        match name.as_str() {
            "党员花名册" => t.drop("党员编号"),
            "党小组" => t.drop("党小组编号"),
            "三会一课" => {
                t.drop("会议编号");
                t.map("党小组", |d| names.group(d));
            }
            "发展党员" => {
                t.drop("编号");
                t.drop("党员编号");
            }
            "考察记录" | "公示" => {
                t.map("编号", |d| names.candidate(d));
                t.rename("编号", "姓名");
            }
            "表决" => {
                t.map("发展对象编号", |d| names.candidate(d));
                t.rename("发展对象编号", "发展对象姓名");
            }
            _ => {}
        }
        t.meeting_by_date(&meetings);
        // 党员编号 as 姓名; every other cell of ids as names.
        if let (Some(n), Some(i)) = (t.col("姓名"), t.col("党员编号")) {
            // A name the roster lacks (M99) is written as it stood.
            for r in &mut t.rows {
                if text(&r[n]).is_none() {
                    r[n] = r[i].clone();
                }
            }
            t.drop("党员编号");
        } else {
            t.rename("党员编号", "姓名");
        }
        for r in &mut t.rows {
            for d in r.iter_mut() {
                *d = names.people(d);
            }
        }
        if name == "组织关系接转" {
            // One sheet per direction, as real forms are.
            let dir = t.col("方向").unwrap();
            for (label, sheet) in [("转入", "组织关系转入"), ("转出", "组织关系转出")]
            {
                let mut part = Table {
                    head: t.head.clone(),
                    rows: t
                        .rows
                        .iter()
                        .filter(|r| text(&r[dir]).as_deref() == Some(label))
                        .cloned()
                        .collect(),
                };
                part.drop("方向");
                if !part.rows.is_empty() {
                    out.push((sheet.to_owned(), part.rows()));
                }
            }
            continue;
        }
        out.push((name, t.rows()));
    }
    // No id is left anywhere: no column of ids, no member id in a cell.
    for (name, rows) in &out {
        for h in rows[0].iter().filter_map(text) {
            assert!(
                !["党员编号", "会议编号", "编号", "发展对象编号", "党小组编号"]
                    .contains(&h.as_str()),
                "{name} still has {h}"
            );
        }
        for r in rows {
            for d in r {
                if let Some(t) = text(d) {
                    assert!(
                        !names.members.contains_key(&t) || t == "M99",
                        "{name} still names member {t}"
                    );
                }
            }
        }
    }
    write(&out)
}

/// A finding as compared across the two: its rule, branch, severity,
/// period and the subject's position in its table (ids differ).
fn shape(b: &Bundle, f: &Finding) -> (String, String, String, String, String) {
    use dangjian::report::SubjectKind as K;
    let id = f.subject.id.as_str();
    let pos = match f.subject.kind {
        K::Member => b.members.iter().position(|m| m.id == *id),
        K::Candidate => b.candidates.iter().position(|c| c.id == *id),
        K::Meeting => b.meetings.iter().position(|m| m.id == *id),
        K::Group => b.branch.groups.iter().position(|g| g.id == *id),
        _ => None,
    };
    let pos = pos.map_or_else(|| id.to_owned(), |i| format!("{}#{i}", f.subject.kind.zh()));
    (
        f.rule.to_string(),
        f.branch.to_string(),
        format!("{:?}", f.severity),
        format!("{:?}", f.period),
        pos,
    )
}

#[test]
fn the_sample_kept_without_ids_gives_the_same_findings() {
    let json = dangjian::load::read_path("examples/data/sample.json").unwrap();
    let auditor = Auditor::new(as_of());
    let mut total = 0;
    for bundle in &json {
        let bytes = without_ids(bundle);
        let wb = xlsx_common::read(&bytes, "台账.xlsx")
            .unwrap_or_else(|e| panic!("{}: {e}", bundle.branch.id));
        assert_eq!(wb.bundles.len(), 1);
        let read = &wb.bundles[0];
        assert_eq!(read.members.len(), bundle.members.len());
        assert_eq!(read.meetings.len(), bundle.meetings.len());
        // Derived ids: members and candidates by name, meetings by kind,
        // group and date.
        assert_eq!(read.members[0].id.as_str(), bundle.members[0].name);
        let m = &read.meetings[0];
        assert!(
            m.id.as_str().starts_with(&format!("{}-", bundle.branch.id)),
            "{}",
            m.id
        );
        let mut want: Vec<_> = auditor
            .check(bundle)
            .iter()
            .map(|f| shape(bundle, f))
            .collect();
        let got_findings = auditor.check(read);
        let mut got: Vec<_> = got_findings.iter().map(|f| shape(read, f)).collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "{}", bundle.branch.id);
        total += got.len();
        // A finding about a member or meeting says its id was derived.
        for f in &got_findings {
            let derived = f.evidence.get("id_derived").and_then(|v| v.as_bool()) == Some(true);
            let expect = matches!(
                f.subject.kind,
                dangjian::report::SubjectKind::Member
                    | dangjian::report::SubjectKind::Meeting
                    | dangjian::report::SubjectKind::Candidate
            ) && f.subject.id.as_str() != "M99";
            assert_eq!(
                derived,
                expect,
                "{} {} {}",
                f.rule,
                f.subject.kind.zh(),
                f.subject.id
            );
        }
    }
    assert_eq!(total, 63);
}
