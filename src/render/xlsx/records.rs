//! Bundles written as the 台账 workbook the reader reads (XLSX.md
//! "Reading"): what made `examples/data/sample.xlsx`, and what the round-trip
//! tests and the benches read back.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use rust_xlsxwriter::{Workbook, XlsxError};

use super::{Styles, Val, finish_table, put, widths};
use crate::error::Result;
use crate::load::xlsx::cells::Choices;
use crate::load::xlsx::meetings::{expected_present, first_positions};
use crate::load::xlsx::schema::{self, BRANCH_SHEET, Kind, SheetDef, SheetId};
use crate::model::{AttendanceStatus, Bundle, Id, Step};

/// Writes `bundles` as a 台账 workbook in the reading format of XLSX.md:
/// reading it back with [`crate::load::xlsx::read`] gives the same bundles
/// when each meeting's attendance lists its expected members in roster order
/// and each candidate's steps are in date order (as exports do).
///
/// One bundle is written as one branch (支部信息 as 项目 / 内容); several get
/// a 支部编号 column on every sheet. Attendance follows the absentee
/// convention: only the excused and absent (and anyone present who was not
/// expected) are listed in 缺席请假; a meeting with no attendance at all has
/// 考勤记录 = 无. On 发展党员 each step's first record fills its column, and
/// later ones go to 考察记录 (their members, votes and other details are not
/// kept: a workbook has no place for them). Sheets with no rows are left out.
///
/// # Errors
/// When writing to `out` fails.
pub fn write_records(bundles: &[Bundle], out: impl Write + Send) -> Result<()> {
    let mut wb = Workbook::new();
    wb.set_properties(&super::properties("党建台账", fixed_date()));
    build(&mut wb, bundles).map_err(|e| super::xerr(None, e))?;
    super::save(&mut wb, out)
}

/// One sheet being written: its columns and rows.
struct Out {
    def: &'static SheetDef,
    keys: Vec<&'static str>,
    rows: Vec<Vec<Val>>,
}

impl Out {
    fn new(id: SheetId, multi: bool, skip: &[&str]) -> Out {
        let def = schema::def(id);
        let keys = def
            .cols
            .iter()
            .map(|c| c.key)
            .filter(|k| (multi || *k != "branch") && !skip.contains(k) && !schema::other_way(id, k))
            .collect();
        Out {
            def,
            keys,
            rows: Vec::new(),
        }
    }

    fn row(&mut self, b: &Bundle, cells: Vec<(&str, Val)>) {
        let mut r = vec![Val::Empty; self.keys.len()];
        for (k, v) in cells {
            if let Some(i) = self.keys.iter().position(|x| *x == k) {
                r[i] = v;
            }
        }
        if let Some(i) = self.keys.iter().position(|x| *x == "branch") {
            r[i] = Val::text(b.branch.id.as_str());
        }
        self.rows.push(r);
    }

    fn write(&self, wb: &mut Workbook, st: &Styles) -> Result<(), XlsxError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let plain = Plain::new();
        let ws = wb.add_worksheet();
        ws.set_name(self.def.name)?;
        let headers: Vec<&str> = self
            .keys
            .iter()
            .map(|k| self.def.by_key(k).map_or(*k, |c| c.header))
            .collect();
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, i as u16, *h, &st.header)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                // Data cells carry no border and no style but what their
                // value needs (a date, cents), and empty ones are not
                // written: a data workbook is read far more often than it
                // is printed, and every attribute costs parsing time.
                put_plain(ws, r as u32 + 1, c as u16, v, &plain)?;
            }
        }
        let w = widths(&headers, &self.rows, 6.0, 40.0);
        finish_table(ws, 0, &w, self.rows.len() as u32, true)
    }
}

/// The formats of data cells: only what the value needs.
struct Plain {
    date: rust_xlsxwriter::Format,
    money: rust_xlsxwriter::Format,
}

impl Plain {
    fn new() -> Plain {
        Plain {
            date: rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd"),
            money: rust_xlsxwriter::Format::new().set_num_format("0.00"),
        }
    }
}

fn put_plain(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    v: &Val,
    f: &Plain,
) -> Result<(), XlsxError> {
    match v {
        Val::Empty => {}
        Val::Text(s) => {
            ws.write_string(row, col, s)?;
        }
        Val::Date(d) => match super::excel_date(*d) {
            Some(x) => {
                ws.write_date_with_format(row, col, &x, &f.date)?;
            }
            None => {
                ws.write_string(row, col, d.to_string())?;
            }
        },
        Val::Money(m) => {
            let x: f64 = m.to_string().parse().unwrap_or(0.0);
            ws.write_number_with_format(row, col, x, &f.money)?;
        }
        Val::Hours(h) => {
            ws.write_number(row, col, h.to_string().parse::<f64>().unwrap_or(0.0))?;
        }
        Val::Int(i) => {
            ws.write_number(row, col, *i as f64)?;
        }
    }
    Ok(())
}

fn label(ch: &Choices, code: &str) -> Val {
    Val::text(ch.label(code))
}

fn choice(id: SheetId, key: &str, code: &str) -> Val {
    match schema::def(id).by_key(key).map(|c| c.kind) {
        Some(Kind::Choice(ch)) => label(ch, code),
        _ => Val::text(code),
    }
}

fn yes(b: bool) -> Val {
    if b { Val::text("是") } else { Val::Empty }
}

fn ids(list: &[Id]) -> Val {
    let v: Vec<&str> = list.iter().map(Id::as_str).collect();
    Val::text(v.join("、"))
}

fn build(wb: &mut Workbook, bundles: &[Bundle]) -> Result<(), XlsxError> {
    let st = Styles::new();
    let multi = bundles.len() != 1;
    branch_sheet(wb, &st, bundles, multi)?;
    use SheetId::*;
    let mut outs = Outs(vec![
        Out::new(Members, multi, &[]),
        Out::new(Committee, multi, &[]),
        Out::new(Groups, multi, &[]),
        Out::new(Bases, multi, &[]),
        Out::new(Payments, multi, &["year"]),
        Out::new(Waivers, multi, &[]),
        Out::new(Remittances, multi, &[]),
        Out::new(Publications, multi, &[]),
        Out::new(Exemptions, multi, &[]),
        Out::new(Meetings, multi, &["minutes"]),
        Out::new(Absences, multi, &[]),
        Out::new(Votes, multi, &[]),
        Out::new(Rectifications, multi, &[]),
        Out::new(Talks, multi, &[]),
        Out::new(Trainings, multi, &[]),
        Out::new(Development, multi, &[]),
        Out::new(Assessments, multi, &[]),
        Out::new(Publicity, multi, &[]),
        Out::new(Transfers, multi, &[]),
        Out::new(Mobility, multi, &[]),
    ]);
    for b in bundles {
        tables(&mut outs, b);
    }
    for o in &outs.0 {
        o.write(wb, &st)?;
    }
    Ok(())
}

fn branch_values(b: &Bundle) -> Vec<(&'static str, Val)> {
    let br = &b.branch;
    let c = br.committee.as_ref();
    let p = c.and_then(|c| c.postponement.as_ref());
    vec![
        ("id", Val::text(br.id.as_str())),
        ("name", Val::text(&br.name)),
        ("kind", label(&schema::BRANCH_KIND, br.kind.as_str())),
        ("founded_on", Val::opt_date(br.founded_on)),
        ("dissolved_on", Val::opt_date(br.dissolved_on)),
        ("secretary", Val::opt_text(br.secretary.as_ref())),
        ("elected_on", Val::opt_date(c.map(|c| c.elected_on))),
        (
            "term_years",
            c.map_or(Val::Empty, |c| Val::Int(u64::from(c.term_years))),
        ),
        (
            "postponement_approved_on",
            Val::opt_date(p.map(|p| p.approved_on)),
        ),
        ("postponement_until", Val::opt_date(p.map(|p| p.until))),
    ]
}

fn branch_sheet(
    wb: &mut Workbook,
    st: &Styles,
    bundles: &[Bundle],
    multi: bool,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet();
    ws.set_name(BRANCH_SHEET.name)?;
    if multi {
        let headers: Vec<&str> = BRANCH_SHEET.cols.iter().map(|c| c.header).collect();
        for (i, h) in headers.iter().enumerate() {
            ws.write_string_with_format(0, i as u16, *h, &st.header)?;
        }
        let mut rows = Vec::new();
        for b in bundles {
            let vals = branch_values(b);
            rows.push(vals.into_iter().map(|(_, v)| v).collect::<Vec<_>>());
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                put(ws, r as u32 + 1, c as u16, v, st, false)?;
            }
        }
        let w = widths(&headers, &rows, 8.0, 40.0);
        return finish_table(ws, 0, &w, rows.len() as u32, true);
    }
    ws.write_string_with_format(0, 0, "项目", &st.header)?;
    ws.write_string_with_format(0, 1, "内容", &st.header)?;
    let mut rows = Vec::new();
    if let Some(b) = bundles.first() {
        for (key, v) in branch_values(b) {
            let h = BRANCH_SHEET.by_key(key).map_or(key, |c| c.header);
            rows.push(vec![Val::text(h), v]);
        }
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            put(ws, r as u32 + 1, c as u16, v, st, false)?;
        }
    }
    let w = widths(&["项目", "内容"], &rows, 12.0, 50.0);
    finish_table(ws, 0, &w, rows.len() as u32, false)
}

/// The sheets being written.
struct Outs(Vec<Out>);

impl Outs {
    fn get(&mut self, id: SheetId) -> &mut Out {
        let i = self.0.iter().position(|o| o.def.id == id).unwrap_or(0);
        &mut self.0[i]
    }
}

fn tables(outs: &mut Outs, b: &Bundle) {
    use SheetId::*;
    let name_of: HashMap<&str, &str> = b
        .members
        .iter()
        .rev()
        .map(|m| (m.id.as_str(), m.name.as_str()))
        .collect();
    let who = |id: &Id| -> Vec<(&'static str, Val)> {
        vec![
            ("member", Val::text(id.as_str())),
            (
                "name",
                Val::text(name_of.get(id.as_str()).copied().unwrap_or("")),
            ),
        ]
    };
    for m in &b.members {
        outs.get(Members).row(
            b,
            vec![
                ("id", Val::text(m.id.as_str())),
                ("name", Val::text(&m.name)),
                (
                    "gender",
                    m.gender
                        .map_or(Val::Empty, |g| label(&schema::GENDER, g.as_str())),
                ),
                ("born_on", Val::opt_date(m.born_on)),
                ("status", label(&schema::STATUS, m.status.as_str())),
                ("admitted_on", Val::Date(m.admitted_on)),
                ("full_on", Val::opt_date(m.full_on)),
                ("in_branch_from", Val::opt_date(m.in_branch_from)),
                ("in_branch_to", Val::opt_date(m.in_branch_to)),
                (
                    "left_reason",
                    m.left_reason
                        .map_or(Val::Empty, |x| label(&schema::LEFT_REASON, x.as_str())),
                ),
                (
                    "dues_category",
                    label(&schema::DUES_CATEGORY, m.dues_category.as_str()),
                ),
                (
                    "payment_cycle",
                    m.payment_cycle
                        .map_or(Val::Empty, |x| label(&schema::CYCLE, x.as_str())),
                ),
                ("dues_paid_until", Val::opt_text(m.dues_paid_until)),
                ("leading_cadre", yes(m.leading_cadre)),
                ("rights_suspended", yes(m.rights_suspended)),
            ],
        );
    }
    if let Some(c) = &b.branch.committee {
        for s in &c.members {
            let mut v = who(&s.member);
            v.push(("role", label(&schema::ROLE, s.role.as_str())));
            outs.get(Committee).row(b, v);
        }
    }
    for g in &b.branch.groups {
        outs.get(Groups).row(
            b,
            vec![
                ("id", Val::text(g.id.as_str())),
                ("name", Val::opt_text(g.name.as_ref())),
                ("leader", Val::opt_text(g.leader.as_ref())),
                ("members", ids(&g.members)),
            ],
        );
    }
    for x in &b.dues_bases {
        let mut v = who(&x.member);
        v.extend([
            ("from", Val::text(x.from.to_string())),
            ("base", Val::Money(x.base)),
        ]);
        outs.get(Bases).row(b, v);
    }
    for x in &b.dues_payments {
        let mut v = who(&x.member);
        v.extend([
            ("month", Val::text(x.month.to_string())),
            ("through", Val::opt_text(x.through)),
            ("amount", Val::Money(x.amount)),
            ("paid_on", Val::Date(x.paid_on)),
            ("receipt_no", Val::opt_text(x.receipt_no.as_ref())),
            ("collector", Val::opt_text(x.collector.as_ref())),
        ]);
        outs.get(Payments).row(b, v);
    }
    for x in &b.dues_waivers {
        let mut v = who(&x.member);
        v.extend([
            ("from", Val::text(x.from.to_string())),
            ("to", Val::text(x.to.to_string())),
            ("kind", label(&schema::WAIVER_KIND, x.kind.as_str())),
            ("amount", x.amount.map_or(Val::Empty, Val::Money)),
            ("branch_decided_on", Val::opt_date(x.branch_decided_on)),
            ("higher_approved_on", Val::opt_date(x.higher_approved_on)),
        ]);
        outs.get(Waivers).row(b, v);
    }
    for x in &b.dues_remittances {
        outs.get(Remittances).row(
            b,
            vec![
                ("period", Val::text(x.period.to_string())),
                ("amount", Val::Money(x.amount)),
                ("remitted_on", Val::Date(x.remitted_on)),
            ],
        );
    }
    for x in &b.dues_publications {
        outs.get(Publications).row(
            b,
            vec![
                ("date", Val::Date(x.date)),
                ("year", Val::Int(u64::try_from(x.year).unwrap_or(0))),
            ],
        );
    }
    for x in &b.exemptions {
        let mut v = who(&x.member);
        v.extend([
            ("from", Val::Date(x.from)),
            ("to", Val::Date(x.to)),
            ("reason", Val::opt_text(x.reason.as_ref())),
        ]);
        outs.get(Exemptions).row(b, v);
    }
    meetings(outs, b, &who);
    for x in &b.talks {
        outs.get(Talks).row(
            b,
            vec![
                ("date", Val::Date(x.date)),
                ("member1", Val::opt_text(x.members.first())),
                ("member2", Val::opt_text(x.members.get(1))),
                ("others", ids(x.members.get(2..).unwrap_or(&[]))),
            ],
        );
    }
    for x in &b.trainings {
        let mut v = who(&x.member);
        v.extend([
            ("date", Val::Date(x.date)),
            ("hours", Val::Hours(x.hours)),
            ("title", Val::opt_text(x.title.as_ref())),
            (
                "channel",
                x.channel
                    .map_or(Val::Empty, |c| label(&schema::CHANNEL, c.as_str())),
            ),
        ]);
        outs.get(Trainings).row(b, v);
    }
    development(outs, b);
    for x in &b.publicity {
        outs.get(Publicity).row(
            b,
            vec![
                ("candidate", Val::text(x.candidate.as_str())),
                ("stage", label(&schema::STAGE, x.stage.as_str())),
                ("start", Val::Date(x.start)),
                ("end", Val::Date(x.end)),
            ],
        );
    }
    for x in &b.transfers {
        let mut v = who(&x.member);
        v.extend([
            ("direction", label(&schema::DIRECTION, x.direction.as_str())),
            ("issued_on", Val::Date(x.issued_on)),
            ("valid_until", Val::opt_date(x.valid_until)),
            ("org", Val::opt_text(x.org.as_ref())),
            ("reported_on", Val::opt_date(x.reported_on)),
            ("receipt_on", Val::opt_date(x.receipt_on)),
            ("cross_system", yes(x.cross_system)),
        ]);
        outs.get(Transfers).row(b, v);
    }
    for x in &b.mobility {
        let mut v = who(&x.member);
        v.extend([
            ("kind", label(&schema::MOBILITY, x.kind.as_str())),
            ("from", Val::Date(x.from)),
            ("to", Val::opt_date(x.to)),
            ("place", Val::opt_text(x.place.as_ref())),
            ("place_fixed", yes(x.place_fixed)),
            ("suspended_on", Val::opt_date(x.suspended_on)),
        ]);
        outs.get(Mobility).row(b, v);
    }
}

fn votes_cells(v: &crate::model::Votes) -> Vec<(&'static str, Val)> {
    vec![
        ("expected_voting", Val::Int(u64::from(v.expected_voting))),
        ("present_voting", Val::Int(u64::from(v.present_voting))),
        ("yes", Val::Int(u64::from(v.yes))),
        ("no", Val::Int(u64::from(v.no))),
        ("abstain", Val::Int(u64::from(v.abstain))),
        ("written_yes", Val::Int(u64::from(v.written_yes))),
        ("passed", Val::text(if v.passed { "是" } else { "否" })),
    ]
}

fn meetings(outs: &mut Outs, b: &Bundle, who: &impl Fn(&Id) -> Vec<(&'static str, Val)>) {
    use SheetId::*;
    let first = first_positions(&b.members);
    for m in &b.meetings {
        let expected = expected_present(&b.branch, &b.members, &first, m);
        let no_roll = m.attendance.is_empty() && !expected.is_empty();
        let tags: Vec<&str> = m
            .tags
            .iter()
            .map(|t| {
                if t == "ideology" {
                    "意识形态"
                } else {
                    t.as_str()
                }
            })
            .collect();
        outs.get(Meetings).row(
            b,
            vec![
                ("id", Val::text(m.id.as_str())),
                ("kind", choice(Meetings, "kind", m.kind.as_str())),
                ("date", Val::Date(m.date)),
                ("for_period", Val::opt_text(m.for_period)),
                ("group", Val::opt_text(m.group.as_ref())),
                ("topic", Val::opt_text(m.topic.as_ref())),
                ("chair", Val::opt_text(m.chair.as_ref())),
                ("recorder", Val::opt_text(m.recorder.as_ref())),
                ("hours", m.hours.map_or(Val::Empty, Val::Hours)),
                (
                    "expected_count",
                    m.expected_count
                        .map_or(Val::Empty, |n| Val::Int(u64::from(n))),
                ),
                (
                    "present_count",
                    m.present_count
                        .map_or(Val::Empty, |n| Val::Int(u64::from(n))),
                ),
                (
                    "excused_count",
                    m.excused_count
                        .map_or(Val::Empty, |n| Val::Int(u64::from(n))),
                ),
                ("expected", m.expected.as_deref().map_or(Val::Empty, ids)),
                (
                    "attendance_recorded",
                    if no_roll {
                        Val::text("无")
                    } else {
                        Val::Empty
                    },
                ),
                ("tags", Val::text(tags.join("、"))),
            ],
        );
        // Listed: everyone not present, present members not expected (or
        // listed twice), and expected members with no entry (absent).
        let mut implicit: HashSet<&str> =
            expected.iter().map(|&p| b.members[p].id.as_str()).collect();
        let mut listed: HashSet<&str> = HashSet::new();
        for a in &m.attendance {
            let plain = a.status == AttendanceStatus::Present && a.reason.is_none();
            listed.insert(a.member.as_str());
            if plain && implicit.remove(a.member.as_str()) {
                continue;
            }
            implicit.remove(a.member.as_str());
            let mut v = vec![("meeting", Val::text(m.id.as_str()))];
            v.extend(who(&a.member));
            v.push(("status", label(&schema::PRESENCE, a.status.as_str())));
            v.push(("reason", Val::opt_text(a.reason.as_ref())));
            outs.get(Absences).row(b, v);
        }
        if !no_roll {
            for &p in &expected {
                let id = &b.members[p].id;
                if !listed.contains(id.as_str()) {
                    let mut v = vec![("meeting", Val::text(m.id.as_str()))];
                    v.extend(who(id));
                    v.push(("status", label(&schema::PRESENCE, "absent")));
                    outs.get(Absences).row(b, v);
                }
            }
        }
        if let Some(v) = &m.votes {
            let mut cells = vec![("meeting", Val::text(m.id.as_str()))];
            cells.extend(votes_cells(v));
            outs.get(Votes).row(b, cells);
        }
        for x in &m.rectifications {
            outs.get(Rectifications).row(
                b,
                vec![
                    ("meeting", Val::text(m.id.as_str())),
                    ("item", Val::text(&x.item)),
                    ("owner", Val::opt_text(x.owner.as_ref())),
                    ("due", Val::Date(x.due)),
                    ("done_on", Val::opt_date(x.done_on)),
                ],
            );
        }
    }
}

fn development(outs: &mut Outs, b: &Bundle) {
    use SheetId::*;
    let mut written: HashSet<&str> = HashSet::new();
    for c in &b.candidates {
        if !written.insert(c.id.as_str()) {
            continue;
        }
        let mut cells = vec![
            ("id", Val::text(c.id.as_str())),
            ("name", Val::text(&c.name)),
            (
                "gender",
                c.gender
                    .map_or(Val::Empty, |g| label(&schema::GENDER, g.as_str())),
            ),
            ("born_on", Val::opt_date(c.born_on)),
            ("member", Val::opt_text(c.member.as_ref())),
        ];
        let mut seen: HashSet<Step> = HashSet::new();
        let mut votes = Vec::new();
        for d in b.development.iter().filter(|d| d.candidate == c.id) {
            if !seen.insert(d.step) {
                extra(outs, b, d);
                if let Some(v) = &d.votes {
                    votes.push(dev_votes(d, v));
                }
                continue;
            }
            if let Some(col) = schema::step_col(d.step) {
                cells.push((col.key, Val::Date(d.date)));
            }
            match d.step {
                Step::ContactsAssigned => {
                    cells.push(("contacts", d.members.as_deref().map_or(Val::Empty, ids)));
                }
                Step::IntroducersAssigned => {
                    cells.push(("introducers", d.members.as_deref().map_or(Val::Empty, ids)));
                }
                Step::PoliticalReview => cells.push((
                    "conclusion",
                    d.conclusion
                        .map_or(Val::Empty, |x| label(&schema::CONCLUSION, x.as_str())),
                )),
                Step::Training => {
                    cells.push((
                        "days",
                        d.days.map_or(Val::Empty, |n| Val::Int(u64::from(n))),
                    ));
                    cells.push(("training_hours", d.hours.map_or(Val::Empty, Val::Hours)));
                }
                Step::AdmissionMeeting => {
                    cells.push(("admission_meeting", Val::opt_text(d.meeting.as_ref())));
                }
                Step::ConversionMeeting => {
                    cells.push(("conversion_meeting", Val::opt_text(d.meeting.as_ref())));
                    cells.push((
                        "outcome",
                        d.outcome
                            .map_or(Val::Empty, |x| label(&schema::OUTCOME, x.as_str())),
                    ));
                    cells.push((
                        "extend_months",
                        d.extend_months
                            .map_or(Val::Empty, |n| Val::Int(u64::from(n))),
                    ));
                }
                _ => {}
            }
            if let Some(v) = &d.votes {
                votes.push(dev_votes(d, v));
            }
        }
        outs.get(Development).row(b, cells);
        for v in votes {
            outs.get(Votes).row(b, v);
        }
    }
    // Steps of candidates the bundle does not list.
    for d in &b.development {
        if !written.contains(d.candidate.as_str()) {
            extra(outs, b, d);
        }
    }
}

/// A 表决 row for the votes of a development step (its date picks the
/// record when the step was held twice).
fn dev_votes(
    d: &crate::model::DevelopmentRecord,
    v: &crate::model::Votes,
) -> Vec<(&'static str, Val)> {
    let mut vc = vec![
        ("candidate", Val::text(d.candidate.as_str())),
        ("matter", label(&schema::MATTER, d.step.as_str())),
        ("step_date", Val::Date(d.date)),
    ];
    vc.extend(votes_cells(v));
    vc
}

/// A further record of a step: a 考察记录 row.
fn extra(outs: &mut Outs, b: &Bundle, d: &crate::model::DevelopmentRecord) {
    let kind = match d.step {
        Step::ActivistAssessed => "积极分子考察",
        Step::ProbationAssessed => "预备党员考察",
        s => schema::step_col(s).map_or(s.as_str(), |c| c.header),
    };
    outs.get(SheetId::Assessments).row(
        b,
        vec![
            ("candidate", Val::text(d.candidate.as_str())),
            ("kind", Val::text(kind)),
            ("date", Val::Date(d.date)),
        ],
    );
}

/// The creation date written into record workbooks and the template: fixed,
/// so that the same input gives the same bytes.
pub(crate) fn fixed_date() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(chrono::NaiveDate::MIN)
}
