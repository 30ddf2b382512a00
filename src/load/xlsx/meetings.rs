//! 三会一课, 缺席请假, 表决 and 整改事项; the absentee convention.

use std::collections::HashMap;

use super::records::each_row;
use super::sheets::{Fields, Row, Table};
use super::{BranchBuild, Reader, Warning, WarningKind};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    Attendance, AttendanceStatus, Bundle, Id, Meeting, MeetingKind, Rectification, Step, Votes,
};

/// The tag 意识形态 is the record format's `ideology`.
fn tag(t: &str) -> String {
    match t {
        "意识形态" | "意识形态专题" | "意识形态工作" => "ideology".to_owned(),
        _ => t.to_owned(),
    }
}

pub(super) fn meetings(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["kind", "date"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let given = row.id("id")?;
        let kind = row.choice("kind")?;
        let kind: MeetingKind = row.req("kind", kind)?;
        let date = row.date("date")?;
        let date = row.req("date", date)?;
        let i = r.branches[b].bundle.meetings.len();
        let group = group(r, b, row, i)?;
        let (id, derived) = match given {
            Some(id) => (id, false),
            None => (derive_id(&r.branches[b], kind, group.as_ref(), date), true),
        };
        let mut m = Meeting::new(id.clone(), kind, date);
        m.group = group;
        m.for_period = row.period("for_period")?;
        m.topic = row.text("topic")?;
        m.hours = match row.hours("hours")? {
            Some(h) => Some(h),
            None => row.minutes("minutes")?,
        };
        m.expected_count = row.count("expected_count")?;
        m.present_count = row.count("present_count")?;
        m.excused_count = row.count("excused_count")?;
        let recorded = row.yes_no("attendance_recorded")?.unwrap_or(true);
        m.tags = row.list("tags")?.iter().map(|t| tag(t)).collect();
        m.chair = r.person(b, row, "chair", ("meetings", i, "chair"))?;
        m.recorder = r.person(b, row, "recorder", ("meetings", i, "recorder"))?;
        let mut none = Vec::new();
        let expected = r.people(
            b,
            row,
            "expected",
            Some(("meetings", i, "expected")),
            &mut none,
        )?;
        m.expected = (!expected.is_empty()).then_some(expected);
        // 请假人员 / 缺席人员 written on the meeting's own row.
        for (key, status) in [
            ("excused", AttendanceStatus::Excused),
            ("absent", AttendanceStatus::Absent),
        ] {
            let at = ("meetings", i, "attendance.member");
            for who in r.people(b, row, key, Some(at), &mut none)? {
                m.attendance.push(Attendance::new(who, status));
            }
        }
        let br = &mut r.branches[b];
        if derived {
            br.bundle.origins.add_derived("meeting", id.as_str());
        }
        br.meetings.entry(id.as_str().to_owned()).or_insert(i);
        br.no_roll.push(!recorded);
        br.bundle.meetings.push(m);
        Ok(())
    })
}

/// The id of a meeting written without one: branch, kind, group and date
/// (`B01-支部党员大会-2025-03-15`, `B01-党小组会-第一党小组-2025-03-12`),
/// `-2`, `-3` … for a second and third of the same on the same day.
fn derive_id(
    br: &BranchBuild,
    kind: MeetingKind,
    group: Option<&Id>,
    date: chrono::NaiveDate,
) -> Id {
    let label = super::schema::MEETING_KIND.label(kind.as_str());
    let group = group
        .map(|g| {
            let name = br
                .bundle
                .branch
                .groups
                .iter()
                .find(|x| x.id == *g)
                .and_then(|x| x.name.as_deref())
                .unwrap_or(g.as_str());
            format!("-{name}")
        })
        .unwrap_or_default();
    let base = format!("{}-{label}{group}-{date}", br.bundle.branch.id);
    let mut id = base.clone();
    let mut n = 2;
    while br.meetings.contains_key(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    Id::generated(id)
}

/// A 党小组 cell: a group id, or a unique group name.
fn group(r: &mut Reader, b: usize, row: &Row<'_, '_>, i: usize) -> Result<Option<Id>> {
    let Some(text) = row.text("group")? else {
        return Ok(None);
    };
    let groups = &r.branches[b].bundle.branch.groups;
    if groups.iter().any(|g| g.id == *text.as_str()) {
        return Ok(Some(Id::generated(text)));
    }
    let named: Vec<&Id> = groups
        .iter()
        .filter(|g| g.name.as_deref() == Some(text.as_str()))
        .map(|g| &g.id)
        .collect();
    if let [one] = named.as_slice() {
        return Ok(Some((*one).clone()));
    }
    r.warnings.push(Warning::new(
        WarningKind::UnresolvedName,
        row.location("group"),
        format!("“{text}”不是“党小组”表中的党小组编号或名称，按原文保留 / {text} is not a group id or name of sheet 党小组; kept as written"),
    ));
    r.origin(b, ("meetings", i, "group"), row.place("group"));
    Ok(Some(Id::generated(text)))
}

/// The meeting a row names: by 会议编号, or by 会议日期 (and 会议类型 when
/// several meetings were held that day).
fn meeting_of(r: &Reader, b: usize, row: &Row<'_, '_>) -> Result<usize> {
    if let Some(id) = row.text("meeting")? {
        return r.branches[b].meetings.get(&id).copied().ok_or_else(|| {
            Error::new(
                ErrorKind::Data,
                row.location("meeting"),
                format!("会议编号“{id}”不在“三会一课”表中 / meeting {id} is not in sheet 三会一课"),
            )
        });
    }
    let Some(date) = row.date("meeting_date")? else {
        return Err(row.missing("meeting"));
    };
    let kind: Option<MeetingKind> = row.choice("meeting_kind")?;
    let group = row.text("meeting_group")?;
    let br = &r.branches[b];
    let in_group = |m: &Meeting| match (&group, &m.group) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(g), Some(id)) => {
            *id == *g.as_str()
                || br
                    .bundle
                    .branch
                    .groups
                    .iter()
                    .any(|x| x.id == *id && x.name.as_deref() == Some(g.as_str()))
        }
    };
    let found: Vec<usize> = br
        .bundle
        .meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.date == date && kind.is_none_or(|k| m.kind == k) && in_group(m))
        .map(|(i, _)| i)
        .collect();
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::new(
            ErrorKind::Data,
            row.location("meeting_date"),
            format!("“三会一课”表中没有{date}的会议 / sheet 三会一课 has no meeting on {date}"),
        )),
        many => Err(Error::new(
            ErrorKind::Data,
            row.location(if kind.is_some() {
                "meeting_kind"
            } else {
                "meeting_date"
            }),
            format!(
                "{date}有{}次会议，请填“会议类型”（党小组会还填“会议党小组”）或“会议编号” / {} meetings were held on {date}: give 会议类型 (and 会议党小组 for a group meeting) or 会议编号",
                many.len(),
                many.len()
            ),
        )),
    }
}

pub(super) fn absences(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    let by = if t.has("meeting") {
        "meeting"
    } else {
        "meeting_date"
    };
    if !r.require(t, &[by, "status"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let mi = meeting_of(r, b, row)?;
        let status = row.choice("status")?;
        let status = row.req("status", status)?;
        let reason = row.text("reason")?;
        let member = r.subject(b, row, ("meetings", mi, "attendance.member"))?;
        let mut a = Attendance::new(member, status);
        a.reason = reason;
        r.branches[b].bundle.meetings[mi].attendance.push(a);
        Ok(())
    })
}

pub(super) fn rectifications(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    let by = if t.has("meeting") {
        "meeting"
    } else {
        "meeting_date"
    };
    if !r.require(t, &[by, "item", "due"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let mi = meeting_of(r, b, row)?;
        let item = row.text("item")?;
        let due = row.date("due")?;
        let mut x = Rectification::new(row.req("item", item)?, row.req("due", due)?);
        x.done_on = row.date("done_on")?;
        x.owner = r.person(b, row, "owner", ("meetings", mi, "rectifications.owner"))?;
        r.branches[b].bundle.meetings[mi].rectifications.push(x);
        Ok(())
    })
}

pub(super) fn votes(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["expected_voting", "present_voting", "yes", "passed"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let ev = row.count("expected_voting")?;
        let pv = row.count("present_voting")?;
        let yes = row.count("yes")?;
        let passed = row.yes_no("passed")?;
        let mut v = Votes::new(
            row.req("expected_voting", ev)?,
            row.req("present_voting", pv)?,
            row.req("yes", yes)?,
            row.req("passed", passed)?,
        );
        v.no = row.count("no")?.unwrap_or(0);
        v.abstain = row.count("abstain")?.unwrap_or(0);
        v.written_yes = row.count("written_yes")?.unwrap_or(0);
        if let Some(cand) = super::development::candidate_of(r, b, row)? {
            let matter = row.choice::<Step>("matter")?;
            let step = row.req("matter", matter)?;
            let on = row.date("step_date")?;
            let rec = r.branches[b].steps.iter_mut().find(|s| {
                s.record.candidate == *cand.as_str()
                    && s.record.step == step
                    && on.is_none_or(|d| s.record.date == d)
            });
            return match rec {
                Some(s) => {
                    s.record.votes = Some(v);
                    Ok(())
                }
                None => Err(Error::new(
                    ErrorKind::Data,
                    row.location("candidate"),
                    format!(
                        "“发展党员”表中没有{cand}的“{}”日期 / candidate {cand} has no {} date on sheet 发展党员",
                        step.zh(),
                        step.as_str()
                    ),
                )),
            };
        }
        let mi = meeting_of(r, b, row)?;
        r.branches[b].bundle.meetings[mi].votes = Some(v);
        Ok(())
    })
}

/// The first position of each member id in the roster.
pub(crate) fn first_positions(members: &[crate::model::Member]) -> HashMap<&str, usize> {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(members.len());
    for (i, m) in members.iter().enumerate() {
        first.entry(m.id.as_str()).or_insert(i);
    }
    first
}

/// The members expected at `m` and in the branch on its date, as roster
/// positions in the order of the expected list (its 应到党员, else the
/// committee's seats, the group's members, or the roster), each once.
pub(crate) fn expected_present(
    branch: &crate::model::Branch,
    members: &[crate::model::Member],
    first: &HashMap<&str, usize>,
    m: &Meeting,
) -> Vec<usize> {
    let ids: Vec<&Id> = match (&m.expected, m.kind) {
        (Some(list), _) => list.iter().collect(),
        (None, MeetingKind::CommitteeMeeting) => branch
            .committee
            .iter()
            .flat_map(|c| &c.members)
            .map(|s| &s.member)
            .collect(),
        (None, MeetingKind::GroupMeeting) => m
            .group
            .as_ref()
            .and_then(|g| branch.groups.iter().find(|x| x.id == *g))
            .map(|g| g.members.iter().collect())
            .unwrap_or_default(),
        (None, _) => members.iter().map(|x| &x.id).collect(),
    };
    let mut seen = vec![false; members.len()];
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(&pos) = first.get(id.as_str()) else {
            continue;
        };
        if std::mem::replace(&mut seen[pos], true) {
            continue;
        }
        if crate::families::context::member_span(branch, &members[pos])
            .is_some_and(|s| s.contains(m.date))
        {
            out.push(pos);
        }
    }
    out
}

/// The absentee convention: every member expected at a meeting (its 应到党员,
/// or by its kind as the record format says) who was in the branch on its
/// date and is not listed in 缺席请假 was present. Entries come in the order
/// of the expected members, then any listed member not expected.
pub(super) fn fill_attendance(b: &mut BranchBuild) {
    let Bundle {
        branch,
        members,
        meetings,
        ..
    } = &mut b.bundle;
    let first = first_positions(members);
    for (i, m) in meetings.iter_mut().enumerate() {
        if b.no_roll.get(i).copied().unwrap_or(false) {
            continue;
        }
        let expected = expected_present(branch, members, &first, m);
        let listed = std::mem::take(&mut m.attendance);
        let mut used = vec![false; listed.len()];
        let mut out = Vec::with_capacity(expected.len().max(listed.len()));
        for pos in expected {
            let id = &members[pos].id;
            let k = listed
                .iter()
                .enumerate()
                .position(|(k, a)| !used[k] && a.member == *id);
            match k {
                Some(k) => {
                    used[k] = true;
                    out.push(listed[k].clone());
                }
                None => out.push(Attendance::new(id.clone(), AttendanceStatus::Present)),
            }
        }
        for (k, a) in listed.into_iter().enumerate() {
            if !used[k] {
                out.push(a);
            }
        }
        m.attendance = out;
    }
}
