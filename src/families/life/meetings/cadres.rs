//! Leading cadres' dual organisational life (MTG013).

use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key};
use crate::model::{AttendanceStatus, DateRange, Id, MeetingKind, PeriodSpec};
use crate::period::{self, PeriodKind};
use crate::vocab::sources::{JIAOYU, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[RuleMeta {
    code: RuleCode::MTG013,
    name: "leading-cadre-dual-life-missing",
    severity: Severity::Warning,
    summary: "a leading cadre was not present at the branch's 组织生活会 of a year",
    what: "For each ended year overlapping the audit period: a member with `leading_cadre` who \
           belonged to the branch for the whole year has no `present` attendance entry at any \
           `life_meeting` counting for that year (`for_period` as for MTG006) held by `as_of`. \
           Years with no life meeting at all are MTG006's, not MTG013's. One finding per member \
           and year, the year's life meetings in the evidence.",
    why: "Party members who are leading cadres take part in organisational life twice: in their \
          leadership group and, as ordinary members, in their own branch. Missing the branch's \
          组织生活会 is the usual gap.",
    example: "The director (leading_cadre) was excused from the only 2025 life meeting: MTG013.",
    // 教育条例 art. 16: "党支部应当运用“三会一课”制度，对党员进行经常性的教育管理。……
    // 党员领导干部应当参加双重组织生活。"
    source: "党员教育管理工作条例 第十六条 (党员领导干部应当参加双重组织生活)",
    citations: &[cite(JIAOYU, "第十六条")],
    evidence: &[
        key("member", "string (member id)", "the leading cadre"),
        key("year", "integer", "the year"),
        key(
            "meetings",
            "[string (meeting id)]",
            "the life meetings counting for the year",
        ),
    ],
    practice: false,
    since: "0.2.0",
}];

pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let b = cx.bundle;
    if !b.members.iter().any(|m| m.leading_cadre) {
        return;
    }
    // Life meetings held by as_of, with the year each counts for.
    let life: Vec<(usize, i32)> = b
        .meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == MeetingKind::LifeMeeting && m.date <= cx.as_of)
        .filter_map(
            |(i, m)| match period::counts_for(PeriodKind::Year, m.date, m.for_period) {
                PeriodSpec::Year(y) => Some((i, y)),
                _ => None,
            },
        )
        .collect();
    let years = period::checked_spans(cx, PeriodKind::Year, cx.branch_span());
    for (pos, member) in b.members.iter().enumerate() {
        if !member.leading_cadre || !cx.index.is_first_member(pos) {
            continue;
        }
        let Some(span) = cx.member_span(member) else {
            continue;
        };
        for &(spec, yr) in &years {
            let PeriodSpec::Year(year) = spec else {
                continue;
            };
            if span.from > yr.from || span.to < yr.to {
                continue; // not in the branch for the whole year
            }
            let held: Vec<usize> = life
                .iter()
                .filter(|(_, y)| *y == year)
                .map(|(i, _)| *i)
                .collect();
            if held.is_empty() {
                continue; // no life meeting at all: MTG006
            }
            let present = held.iter().any(|&i| {
                let positions = cx.attendance_positions(i);
                positions
                    .iter()
                    .position(|x| *x == Some(pos))
                    .and_then(|k| b.meetings.get(i).and_then(|m| m.attendance.get(k)))
                    .is_some_and(|a| a.status == AttendanceStatus::Present)
            });
            if present {
                continue;
            }
            out.report(Mtg013 {
                member: member.id.clone(),
                name: member.name.clone(),
                year,
                meetings: held
                    .iter()
                    .filter_map(|&i| b.meetings.get(i).map(|m| m.id.clone()))
                    .collect(),
            });
        }
    }
}

#[derive(Serialize)]
struct Mtg013 {
    member: Id,
    #[serde(skip)]
    name: String,
    year: i32,
    meetings: Vec<Id>,
}

impl Violation for Mtg013 {
    const CODE: RuleCode = RuleCode::MTG013;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::year(self.year))
    }
    fn message(&self) -> Message {
        let list: Vec<&str> = self.meetings.iter().map(Id::as_str).collect();
        Message::new(
            format!(
                "党员领导干部{}（{}）未出席所在支部{}年组织生活会（{}），未落实双重组织生活",
                self.name,
                self.member,
                self.year,
                list.join("、")
            ),
            format!(
                "leading cadre {} ({}) was present at none of the branch's {} organisational-life \
                 meetings ({}): dual organisational life not kept",
                self.name,
                self.member,
                self.year,
                list.join(", ")
            ),
        )
    }
}
