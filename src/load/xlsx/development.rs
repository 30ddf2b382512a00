//! 发展党员 (one row per person, a date column per step), 考察记录 (the
//! repeated steps) and 公示.

use std::str::FromStr;

use super::cells;
use super::records::each_row;
use super::schema::{
    self, ASSESSMENT, CONCLUSION as ASSESSMENT_CONCLUSION, Kind, OUTCOME as ASSESSMENT_OUTCOME,
    SheetId,
};
use super::sheets::{Fields, Table};
use super::{BranchBuild, PendingStep, Reader};
use crate::error::Result;
use crate::model::{Candidate, DevelopmentRecord, Id, Publicity, Step};

fn order_of(b: &mut BranchBuild, candidate: &str) -> usize {
    let n = b.candidate_order.len();
    *b.candidate_order.entry(candidate.to_owned()).or_insert(n)
}

pub(super) fn development(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &["name"]) {
        return Ok(());
    }
    let def = schema::def(SheetId::Development);
    // Rows without an 编号 are known by 姓名.
    let named = super::records::rows_by_name(r, t);
    each_row(r, t, |r, b, row| {
        let name = row.text("name")?.map(|n| cells::person_name(&n));
        let name = row.req("name", name)?;
        let (id, derived) = match row.id("id")? {
            Some(id) => (id, false),
            None => match named.get(&(b, name.clone())).map(Vec::as_slice) {
                Some([_]) => (
                    Id::from_str(&name).map_err(|e| {
                        row.bad("name", cells::Bad::new(e.to_string(), row.raw("name")))
                    })?,
                    true,
                ),
                Some(rows) => {
                    let rows: Vec<String> = rows.iter().map(|x| t.place_of(x.0, "name")).collect();
                    return Err(crate::error::Error::new(
                        crate::error::ErrorKind::Data,
                        row.location("name"),
                        format!(
                            "“发展党员”表中有{}行都是“{name}”（{}），又没有编号：无法区分，请加“编号”列 / {} rows are named {name} ({}) \
                             and there is no 编号 to tell them apart: add a 编号 column",
                            rows.len(),
                            rows.join("、"),
                            rows.len(),
                            rows.join(", ")
                        ),
                    ));
                }
                None => return Err(row.missing("id")),
            },
        };
        if derived {
            r.branches[b]
                .bundle
                .origins
                .add_derived("candidate", id.as_str());
        }
        let mut c = Candidate::new(id.clone(), name);
        c.gender = row.choice("gender")?;
        c.born_on = row.date("born_on")?;
        c.member = row.id("member")?;
        let mut steps: Vec<(Step, DevelopmentRecord, Vec<String>)> = Vec::new();
        for col in def.cols {
            let Kind::Step(step) = col.kind else {
                continue;
            };
            if let Some(date) = row.date(col.key)? {
                steps.push((
                    step,
                    DevelopmentRecord::new(id.clone(), step, date),
                    Vec::new(),
                ));
            }
        }
        // The attributes of their steps; given without the step's date they
        // have nowhere to go.
        let conclusion = row.choice("conclusion")?;
        let days = row.count("days")?;
        let hours = row.hours("training_hours")?;
        let adm = row.id("admission_meeting")?;
        let conv = row.id("conversion_meeting")?;
        let outcome = row.choice("outcome")?;
        let extend = row.count("extend_months")?;
        let contacts = row.text("contacts")?.is_some();
        let introducers = row.text("introducers")?.is_some();
        let given = [
            (Step::PoliticalReview, "conclusion", conclusion.is_some()),
            (Step::Training, "days", days.is_some()),
            (Step::Training, "training_hours", hours.is_some()),
            (Step::AdmissionMeeting, "admission_meeting", adm.is_some()),
            (
                Step::ConversionMeeting,
                "conversion_meeting",
                conv.is_some(),
            ),
            (Step::ConversionMeeting, "outcome", outcome.is_some()),
            (Step::ConversionMeeting, "extend_months", extend.is_some()),
            (Step::ContactsAssigned, "contacts", contacts),
            (Step::IntroducersAssigned, "introducers", introducers),
        ];
        for (s, key, yes) in given {
            if yes && !steps.iter().any(|x| x.0 == s) {
                let col = schema::step_col(s).map_or("", |c| c.header);
                return Err(crate::error::Error::new(
                    crate::error::ErrorKind::Data,
                    row.location(key),
                    format!(
                        "填了此项，但没有“{col}”的日期 / given, but the date of {col} is missing"
                    ),
                ));
            }
        }
        let mut lists = Vec::new();
        for (s, key, yes) in [
            (Step::ContactsAssigned, "contacts", contacts),
            (Step::IntroducersAssigned, "introducers", introducers),
        ] {
            if yes {
                let mut unresolved = Vec::new();
                let people = r.people(b, row, key, None, &mut unresolved)?;
                lists.push((s, people, unresolved));
            }
        }
        for x in &mut steps {
            let d = &mut x.1;
            match x.0 {
                Step::PoliticalReview => d.conclusion = conclusion,
                Step::Training => {
                    d.days = days;
                    d.hours = hours;
                }
                Step::AdmissionMeeting => d.meeting = adm.clone(),
                Step::ConversionMeeting => {
                    d.meeting = conv.clone();
                    d.outcome = outcome;
                    d.extend_months = extend;
                }
                _ => {}
            }
        }
        for (s, people, unresolved) in lists {
            if let Some(x) = steps.iter_mut().find(|x| x.0 == s) {
                x.1.members = Some(people);
                x.2 = unresolved;
            }
        }
        let br = &mut r.branches[b];
        let order = order_of(br, id.as_str());
        br.bundle.candidates.push(c);
        for (_, record, unresolved) in steps {
            br.steps.push(PendingStep {
                order,
                record,
                unresolved,
                extra: false,
            });
        }
        Ok(())
    })
}

/// The step of a 考察记录 type: 积极分子考察 / 预备党员考察, a step column
/// of 发展党员, or a step's code.
fn step_of_kind(t: &str) -> Option<Step> {
    let d = calamine::Data::String(t.to_owned());
    if let Ok(Some(code)) = ASSESSMENT.parse(&d) {
        return Step::from_str(code).ok();
    }
    if let Some(col) = schema::def(SheetId::Development).col(t) {
        if let Kind::Step(s) = col.kind {
            return Some(s);
        }
    }
    // A step's plain Chinese name, when it is not one of the doubled ones.
    let n = cells::norm(t);
    let mut named = Step::ALL.iter().filter(|s| cells::norm(s.zh()) == n);
    match (named.next(), named.next()) {
        (Some(s), None) => Some(*s),
        _ => Step::from_str(t).ok(),
    }
}

/// The candidate a row names: by 编号, or by a 姓名 of sheet 发展党员 (a
/// name no candidate has is kept as written, for `DAT001`).
pub(super) fn candidate_of(r: &Reader, b: usize, row: &impl Fields) -> Result<Option<Id>> {
    if let Some(id) = row.id("candidate")? {
        return Ok(Some(id));
    }
    let Some(name) = row.text("candidate_name")?.map(|n| cells::person_name(&n)) else {
        return Ok(None);
    };
    let found: Vec<&Id> = r.branches[b]
        .bundle
        .candidates
        .iter()
        .filter(|c| c.name == name)
        .map(|c| &c.id)
        .collect();
    match found.as_slice() {
        [one] => Ok(Some((*one).clone())),
        [] => Ok(Some(Id::generated(name))),
        many => Err(crate::error::Error::new(
            crate::error::ErrorKind::Data,
            row.location("candidate_name"),
            format!(
                "“发展党员”表中有{}人叫“{name}”，请填编号 / {} candidates are named {name}: give the 编号",
                many.len(),
                many.len()
            ),
        )),
    }
}

/// The column a sheet names its candidate by: 编号, or else 姓名.
fn candidate_key(t: &Table<'_>) -> &'static str {
    if t.has("candidate") || !t.has("candidate_name") {
        "candidate"
    } else {
        "candidate_name"
    }
}

pub(super) fn assessments(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &[candidate_key(t), "kind", "date"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let cand = candidate_of(r, b, row)?;
        let cand = row.req("candidate", cand)?;
        let kind = row.text("kind")?;
        let kind = row.req("kind", kind)?;
        let step = step_of_kind(&kind).ok_or_else(|| {
            row.bad(
                "kind",
                cells::Bad::new(
                    "积极分子考察, 预备党员考察, or a step column of sheet 发展党员",
                    row.raw("kind"),
                ),
            )
        })?;
        let date = row.date("date")?;
        let date = row.req("date", date)?;
        let mut rec = DevelopmentRecord::new(cand.clone(), step, date);
        if let Some(t) = row.text("result")? {
            let d = calamine::Data::String(t);
            let bad = |what: &str| row.bad("result", cells::Bad::new(what, &d));
            match step {
                Step::PoliticalReview => {
                    let code = ASSESSMENT_CONCLUSION
                        .parse(&d)
                        .map_err(|b| row.bad("result", b))?;
                    rec.conclusion = code.and_then(|c| c.parse().ok());
                }
                Step::ConversionMeeting => {
                    let code = ASSESSMENT_OUTCOME
                        .parse(&d)
                        .map_err(|b| row.bad("result", b))?;
                    rec.outcome = code.and_then(|c| c.parse().ok());
                }
                _ => {
                    return Err(bad(
                        "nothing: a 结论 belongs to 政治审查 or 支部大会讨论（转正）",
                    ));
                }
            }
        }
        rec.extend_months = row.count("extend_months")?;
        rec.meeting = row.id("meeting")?;
        rec.days = row.count("days")?;
        rec.hours = row.hours("training_hours")?;
        let mut unresolved = Vec::new();
        if row.text("members")?.is_some() {
            rec.members = Some(r.people(b, row, "members", None, &mut unresolved)?);
        }
        let br = &mut r.branches[b];
        let order = order_of(br, cand.as_str());
        br.steps.push(PendingStep {
            order,
            record: rec,
            unresolved,
            extra: true,
        });
        Ok(())
    })
}

pub(super) fn publicity(r: &mut Reader, t: &Table<'_>) -> Result<()> {
    if !r.require(t, &[candidate_key(t), "stage", "start", "end"]) {
        return Ok(());
    }
    each_row(r, t, |r, b, row| {
        let cand: Option<Id> = candidate_of(r, b, row)?;
        let stage = row.choice("stage")?;
        let start = row.date("start")?;
        let end = row.date("end")?;
        let p = Publicity::new(
            row.req("candidate", cand)?,
            row.req("stage", stage)?,
            row.req("start", start)?,
            row.req("end", end)?,
        );
        r.branches[b].bundle.publicity.push(p);
        Ok(())
    })
}

/// Orders the development records: by candidate (as on 发展党员), then by
/// date, then by step; a 考察记录 row that repeats its 发展党员 date is dropped.
pub(super) fn finish(b: &mut BranchBuild) {
    let mut steps = std::mem::take(&mut b.steps);
    steps.sort_by_key(|s| (s.order, s.record.date, s.record.step as usize, s.extra));
    let mut out: Vec<PendingStep> = Vec::with_capacity(steps.len());
    for s in steps {
        let dup = s.extra
            && out
                .iter()
                .rev()
                .take_while(|p| p.order == s.order)
                .any(|p| {
                    !p.extra && p.record.step == s.record.step && p.record.date == s.record.date
                });
        if !dup {
            out.push(s);
        }
    }
    for s in out {
        let i = b.bundle.development.len();
        for cell in s.unresolved {
            b.bundle.origins.add("development", i, "members", cell);
        }
        b.bundle.development.push(s.record);
    }
}
