//! Absences: unexcused absences in a year (MTG009) and the six-month lapse of organisational life (MTG010).

use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key, param};
use crate::life::attendance::{Presence, RollEntry};
use crate::life::standing::{LifeStatus, Standing};
use crate::model::{DateRange, Id, PeriodSpec, YearMonth};
use crate::period::{self};
use crate::vocab::sources::{JIAOYU, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::MTG009,
        name: "attendance-unexcused",
        severity: Severity::Warning,
        summary: "3 or more unexcused absences in a year (threshold: local practice)",
        what: "A member with `meetings.absence_threshold` (3) or more unexcused absences from \
               meetings held in an ended year that overlaps the audit period: on the roll (see \
               `crate::attendance`), no `present` or `excused` entry, and no exemption covering \
               the day. A missing attendance entry counts as absent. One finding per member and \
               year, the meetings in the evidence.",
        why: "Repeated absence without leave is the early sign of the six-month lapse; branches \
              are expected to remind and educate the member. The threshold is local practice.",
        example: "Absent without leave from three theme days in 2025: MTG009 for 2025.",
        source: "practice (地方通行做法: 无故缺席组织生活三次应提醒教育)",
        citations: &[param("meetings.absence_threshold")],
        evidence: &[
            key("member", "string (member id)", "the member"),
            key("year", "integer", "the year"),
            key("absences", "integer", "unexcused absences that year"),
            key(
                "threshold",
                "integer",
                "the number of absences reported (`meetings.absence_threshold`)",
            ),
            key(
                "meetings",
                "[string (meeting id)]",
                "the meetings missed without excuse",
            ),
        ],
        practice: true,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG010,
        name: "organisational-life-lapse",
        severity: Severity::Error,
        summary: "6 consecutive months without taking part in organisational life: a 自行脱党 case",
        what: "A run of consecutive ended calendar months, at least `meetings.lapse_months` (6) \
               long, from a month in which the member was absent from every meeting they were \
               expected at to a month in which they were again, with no month between in which \
               they attended, were excused, were exempt or were not in the branch (months with \
               no meeting for them continue the run). Read from the member-standing view. One \
               finding per run touching the audit period.",
        why: "A member who, without good reason, takes no part in organisational life for six \
              consecutive months is regarded as having given up membership; the branch meeting \
              must decide on removal.",
        example: "Absent from every meeting from March to September 2025: MTG010 for 2025-03..09.",
        // 党章 art. 9: "党员如果没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，
        // 或不做党所分配的工作，就被认为是自行脱党。" (the six months: the profile's
        // `meetings.lapse_months`); 教育条例 art. 31(六): "没有正当理由，连续6个月不参加党
        // 的组织生活……按照自行脱党予以除名。"
        source: "党章 第九条; 党员教育管理工作条例 第三十一条",
        citations: &[param("meetings.lapse_months"), cite(JIAOYU, "第三十一条")],
        evidence: &[
            key("member", "string (member id)", "the member"),
            key("first", "string (YYYY-MM)", "first month of the run"),
            key("last", "string (YYYY-MM)", "last month of the run"),
            key("months", "integer", "length of the run in months"),
            key("absences", "integer", "unexcused absences in the run"),
            key(
                "no_meeting_months",
                "[string (YYYY-MM)]",
                "months inside the run with no meeting for the member",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
];

pub(super) fn absences(
    cx: &Context<'_>,
    standing: &Standing<'_, '_>,
    years: &[(PeriodSpec, DateRange)],
    pos: usize,
    out: &mut Emitter<'_>,
) {
    let Some(ms) = standing.member_at(pos) else {
        return;
    };
    let Some(span) = ms.span() else { return };
    for &(spec, range) in years {
        let PeriodSpec::Year(year) = spec else {
            continue;
        };
        // The threshold in force at the start of the year.
        let threshold = *cx.profile.meetings.absence_threshold.at(range.from);
        if !range.overlaps(&span) {
            continue;
        }
        let entries = standing.roll().member_in(pos, range);
        let absent = |e: &&RollEntry| e.presence == Presence::Absent;
        let count = entries.iter().filter(absent).count() as u32;
        if count < threshold.max(1) {
            continue;
        }
        let m = ms.member();
        out.report(Mtg009 {
            member: m.id.clone(),
            name: m.name.clone(),
            year,
            absences: count,
            threshold,
            meetings: entries
                .iter()
                .filter(absent)
                .filter_map(|e| cx.bundle.meetings.get(e.meeting).map(|m| m.id.clone()))
                .collect(),
        });
    }
}

pub(super) fn lapse(
    cx: &Context<'_>,
    standing: &Standing<'_, '_>,
    pos: usize,
    out: &mut Emitter<'_>,
) {
    let Some(ms) = standing.member_at(pos) else {
        return;
    };
    let Some(first_entry) = ms.entries().first() else {
        return; // never on a roll: no absence to start a run
    };
    let lapse = &cx.profile.meetings.lapse_months;
    let (pfrom, pto) = cx.period.months();
    let last_ended = {
        let m = YearMonth::of(cx.as_of);
        if m.last_day() <= cx.as_of {
            m
        } else {
            m.pred()
        }
    };
    let member = ms.member();

    // The current run: from its first absent month to its last; months with
    // no meeting after the last absent month wait for the next absent one.
    let mut run: Option<(YearMonth, YearMonth)> = None;
    let mut absences = 0u32;
    let mut quiet: Vec<YearMonth> = Vec::new(); // no-meeting months inside the run
    let mut pending: Vec<YearMonth> = Vec::new(); // no-meeting months after its last absence

    let mut flush = |run: &mut Option<(YearMonth, YearMonth)>,
                     absences: &mut u32,
                     quiet: &mut Vec<YearMonth>| {
        if let Some((first, last)) = run.take() {
            let months = first.months_until(last) + 1;
            let touches = first <= pto && last >= pfrom;
            // The length in force in the run's first month.
            let need = (*lapse.at(first.first_day())).max(1);
            if touches && months >= 0 && months as u32 >= need {
                out.report(Mtg010 {
                    member: member.id.clone(),
                    name: member.name.clone(),
                    first,
                    last,
                    months: months as u32,
                    absences: *absences,
                    no_meeting_months: std::mem::take(quiet),
                });
            }
        }
        *absences = 0;
        quiet.clear();
    };

    for lm in ms.life_months(YearMonth::of(first_entry.date), last_ended) {
        let month = lm.month;
        match lm.life {
            LifeStatus::Absent => {
                absences += lm.absent;
                match &mut run {
                    Some((_, last)) => {
                        *last = month;
                        quiet.append(&mut pending);
                    }
                    None => run = Some((month, month)),
                }
                pending.clear();
            }
            LifeStatus::NoMeeting => {
                if run.is_some() {
                    pending.push(month);
                }
            }
            life => {
                debug_assert!(life.breaks_lapse());
                pending.clear();
                flush(&mut run, &mut absences, &mut quiet);
            }
        }
    }
    flush(&mut run, &mut absences, &mut quiet);
}

#[derive(Serialize)]
struct Mtg009 {
    member: Id,
    #[serde(skip)]
    name: String,
    year: i32,
    absences: u32,
    threshold: u32,
    meetings: Vec<Id>,
}

impl Violation for Mtg009 {
    const CODE: RuleCode = RuleCode::MTG009;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::year(self.year))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}（{}）{}年无故缺席组织生活{}次（提醒标准{}次，地方通行做法）",
                self.name, self.member, self.year, self.absences, self.threshold
            ),
            format!(
                "{} ({}) was absent without leave from {} meetings in {} (threshold {}, local practice)",
                self.name, self.member, self.absences, self.year, self.threshold
            ),
        )
    }
}

#[derive(Serialize)]
struct Mtg010 {
    member: Id,
    #[serde(skip)]
    name: String,
    first: YearMonth,
    last: YearMonth,
    months: u32,
    absences: u32,
    no_meeting_months: Vec<YearMonth>,
}

impl Violation for Mtg010 {
    const CODE: RuleCode = RuleCode::MTG010;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::of_months(self.first, self.last))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}（{}）连续{}个月（{}）未参加党的组织生活（无故缺席{}次），无正当理由的应按自行脱党提交支部大会处理",
                self.name,
                self.member,
                self.months,
                period::months_zh(self.first, self.last),
                self.absences
            ),
            format!(
                "{} ({}) took no part in organisational life for {} consecutive months ({}..{}; {} unexcused absences): \
                 a case for the branch meeting under art. 9 of the Constitution (自行脱党)",
                self.name, self.member, self.months, self.first, self.last, self.absences
            ),
        )
    }
}
