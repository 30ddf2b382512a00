//! Meeting records: quorum of the 支部党员大会 (MTG011), complete records
//! (MTG012) and the quorum of the 支委会 (MTG014).
//!
//! "半数以上" (支部工作条例 arts. 11 and 12) includes half itself: in Chinese
//! legal drafting 以上 includes the number (RULES.md conventions). With
//! `meetings.quorum_inclusive` (default true, in force on the meeting's date)
//! `2 * present >= expected` is a quorum; set it false for the strict
//! "more than half" (`2 * present > expected`). The 发展党员 meetings keep the
//! 细则's strict "超过…半数" (DEV013).

use chrono::NaiveDate;
use serde::Serialize;

use super::{kind_en, kind_zh};
use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key, param};
use crate::model::{AttendanceStatus, DateRange, Id, MeetingKind};
use crate::vocab::sources::{PRACTICE, ZHIBU, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::MTG011,
        name: "meeting-quorum-not-met",
        severity: Severity::Error,
        summary: "a 支部党员大会 voted without half or more of the voting members present",
        what: "A `general_meeting` held in the audit period by `as_of` with `votes` where \
               `2 * present_voting < expected_voting` (with `meetings.quorum_inclusive` false: \
               `2 * present_voting <= expected_voting`). Exactly half present is a quorum.",
        why: "A vote of the general meeting needs half or more of the members with a vote \
              present; a decision taken without that quorum is void.",
        example: "expected_voting 16, present_voting 7: MTG011 for that meeting (8 would do).",
        // 支部工作条例 art. 11: "表决必须有半数以上有表决权的党员到会方可进行，赞成人数超过
        // 应到会有表决权的党员的半数为通过。" — 半数以上 for attendance (half included),
        // 超过半数 only for passing. v1 read the attendance strictly (8 of 16 failed).
        source: "支部工作条例 第十一条 (表决必须有半数以上有表决权的党员到会方可进行)",
        citations: &[cite(ZHIBU, "第十一条"), param("meetings.quorum_inclusive")],
        evidence: &[
            key("meeting", "string (meeting id)", "the general meeting"),
            key("date", "date", "the meeting's date"),
            key("expected_voting", "integer", "members with a vote expected"),
            key("present_voting", "integer", "members with a vote present"),
            key(
                "inclusive",
                "boolean",
                "whether half present was a quorum (`meetings.quorum_inclusive`)",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG012,
        name: "meeting-record-incomplete",
        severity: Severity::Info,
        summary: "a meeting recorded without topic, chair or attendance",
        what: "A meeting held in the audit period by `as_of` without a `topic` (or a blank one), \
               without a `chair`, or with no `attendance` entry at all. One finding per meeting, \
               the missing items in the evidence. (With no attendance entries every expected \
               member counts as absent for MTG009 and MTG010.)",
        why: "The record (会议记录) of 三会一课 is the branch's proof that the meeting took place; \
              topic, chair and attendance are what inspections look for. What a complete record \
              holds is local practice.",
        example: "A theme day recorded without a topic: MTG012 for that meeting.",
        source: "支部工作条例 第十四条; practice (会议记录要素)",
        citations: &[cite(ZHIBU, "第十四条"), cite(PRACTICE, "会议记录要素")],
        evidence: &[
            key("meeting", "string (meeting id)", "the meeting"),
            key("kind", "string (meeting kind)", "its kind"),
            key("date", "date", "its date"),
            key(
                "missing",
                "[string: topic|chair|attendance]",
                "what the record lacks",
            ),
        ],
        practice: true,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG014,
        name: "committee-meeting-quorum",
        severity: Severity::Error,
        summary: "a 支委会 held with fewer than half of the committee members present",
        what: "A `committee_meeting` held in the audit period by `as_of`, on or after the \
               committee's `elected_on`, with attendance recorded, at which fewer than half of \
               the committee's members (distinct seats, in the branch that day) were `present`: \
               `2 * present < committee` (with `meetings.quorum_inclusive` false: \
               `2 * present <= committee`). A meeting with no attendance entries at all is left \
               to MTG012; members invited from outside the committee do not count.",
        why: "The committee may meet only with half or more of its members present; what it \
              decides without them has no standing.",
        example: "A committee of 5 meets with 2 present: MTG014 (3 would do; of 4, 2 would do).",
        // 支部工作条例 art. 12: "党支部委员会会议须有半数以上委员到会方可进行。"
        source: "支部工作条例 第十二条 (须有半数以上委员到会方可进行)",
        citations: &[cite(ZHIBU, "第十二条"), param("meetings.quorum_inclusive")],
        evidence: &[
            key("meeting", "string (meeting id)", "the committee meeting"),
            key("date", "date", "the meeting's date"),
            key(
                "committee",
                "integer",
                "committee members in the branch that day",
            ),
            key("present", "integer", "of them present"),
            key(
                "absent",
                "[string (member id)]",
                "the committee members not present",
            ),
            key(
                "inclusive",
                "boolean",
                "whether half present was a quorum (`meetings.quorum_inclusive`)",
            ),
        ],
        practice: false,
        since: "0.2.0",
    },
];

/// Whether `present` of `expected` is a quorum under "半数以上" (inclusive)
/// or "超过半数" (strict).
pub(crate) fn quorum(present: u32, expected: u32, inclusive: bool) -> bool {
    let twice = u64::from(present) * 2;
    let n = u64::from(expected);
    if inclusive { twice >= n } else { twice > n }
}

pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for (i, m) in cx.bundle.meetings.iter().enumerate() {
        if m.date > cx.as_of || !cx.period.contains(m.date) {
            continue;
        }
        let inclusive = *cx.profile.meetings.quorum_inclusive.at(m.date);
        if m.kind == MeetingKind::GeneralMeeting && out.wants(RuleCode::MTG011) {
            if let Some(v) = &m.votes {
                if !quorum(v.present_voting, v.expected_voting, inclusive) {
                    out.report(Mtg011 {
                        meeting: m.id.clone(),
                        date: m.date,
                        expected_voting: v.expected_voting,
                        present_voting: v.present_voting,
                        inclusive,
                    });
                }
            }
        }
        if m.kind == MeetingKind::CommitteeMeeting && out.wants(RuleCode::MTG014) {
            committee_quorum(cx, i, inclusive, out);
        }
        if !out.wants(RuleCode::MTG012) {
            continue;
        }
        let mut missing = Vec::new();
        if m.topic.as_deref().is_none_or(|t| t.trim().is_empty()) {
            missing.push("topic");
        }
        if m.chair.is_none() {
            missing.push("chair");
        }
        if m.attendance.is_empty() {
            missing.push("attendance");
        }
        if !missing.is_empty() {
            out.report(Mtg012 {
                meeting: m.id.clone(),
                kind: m.kind,
                date: m.date,
                missing,
            });
        }
    }
}

/// MTG014 for the committee meeting at position `i` of `bundle.meetings`.
fn committee_quorum(cx: &Context<'_>, i: usize, inclusive: bool, out: &mut Emitter<'_>) {
    let (Some(m), Some(c)) = (cx.bundle.meetings.get(i), &cx.bundle.branch.committee) else {
        return;
    };
    // The committee on record is known from its election on; the attendance
    // must be recorded (a record without any is MTG012's).
    if m.date < c.elected_on || m.attendance.is_empty() {
        return;
    }
    let positions = cx.attendance_positions(i);
    let mut seats: Vec<usize> = Vec::new();
    for &p in cx.committee_positions() {
        let here = cx
            .bundle
            .members
            .get(p)
            .is_some_and(|x| cx.in_branch_on(x, m.date));
        if here && !seats.contains(&p) {
            seats.push(p);
        }
    }
    let n = seats.len() as u32;
    if n == 0 {
        return;
    }
    let mut absent = Vec::new();
    let mut present = 0u32;
    for &p in &seats {
        // The member's first entry counts.
        let entry = positions
            .iter()
            .position(|x| *x == Some(p))
            .and_then(|k| m.attendance.get(k));
        if entry.is_some_and(|a| a.status == AttendanceStatus::Present) {
            present += 1;
        } else if let Some(x) = cx.bundle.members.get(p) {
            absent.push(x.id.clone());
        }
    }
    if quorum(present, n, inclusive) {
        return;
    }
    absent.sort();
    out.report(Mtg014 {
        meeting: m.id.clone(),
        date: m.date,
        committee: n,
        present,
        absent,
        inclusive,
    });
}

#[derive(Serialize)]
struct Mtg011 {
    meeting: Id,
    date: NaiveDate,
    expected_voting: u32,
    present_voting: u32,
    inclusive: bool,
}

impl Violation for Mtg011 {
    const CODE: RuleCode = RuleCode::MTG011;
    fn subject(&self) -> Subject {
        Subject::meeting(&self.meeting)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        let (zh, en) = if self.inclusive {
            ("不足半数", "fewer than half")
        } else {
            ("未超过半数", "not more than half")
        };
        Message::new(
            format!(
                "{}支部党员大会（{}）表决时应到有表决权党员{}名、实到{}名，{zh}，表决无效",
                self.date, self.meeting, self.expected_voting, self.present_voting
            ),
            format!(
                "general meeting {} on {} voted with {} of {} voting members present, {en}: no quorum",
                self.meeting, self.date, self.present_voting, self.expected_voting
            ),
        )
    }
}

#[derive(Serialize)]
struct Mtg014 {
    meeting: Id,
    date: NaiveDate,
    committee: u32,
    present: u32,
    absent: Vec<Id>,
    inclusive: bool,
}

impl Violation for Mtg014 {
    const CODE: RuleCode = RuleCode::MTG014;
    fn subject(&self) -> Subject {
        Subject::meeting(&self.meeting)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        let (zh, en) = if self.inclusive {
            ("不足半数", "fewer than half")
        } else {
            ("未超过半数", "not more than half")
        };
        Message::new(
            format!(
                "{}支委会（{}）应到委员{}名、实到{}名，{zh}（须有半数以上委员到会方可进行）",
                self.date, self.meeting, self.committee, self.present
            ),
            format!(
                "committee meeting {} on {} was held with {} of {} committee members present, {en}: no quorum",
                self.meeting, self.date, self.present, self.committee
            ),
        )
    }
}

#[derive(Serialize)]
struct Mtg012 {
    meeting: Id,
    kind: MeetingKind,
    date: NaiveDate,
    missing: Vec<&'static str>,
}

impl Violation for Mtg012 {
    const CODE: RuleCode = RuleCode::MTG012;
    fn subject(&self) -> Subject {
        Subject::meeting(&self.meeting)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        let zh: Vec<&str> = self
            .missing
            .iter()
            .map(|m| match *m {
                "topic" => "主题",
                "chair" => "主持人",
                _ => "考勤",
            })
            .collect();
        Message::new(
            format!(
                "{}{}（{}）记录缺少{}",
                self.date,
                kind_zh(self.kind),
                self.meeting,
                zh.join("、")
            ),
            format!(
                "the record of {} {} on {} lacks {}",
                kind_en(self.kind),
                self.meeting,
                self.date,
                self.missing.join(", ")
            ),
        )
    }
}
