//! Meeting records: quorum of the 支部党员大会 (MTG011) and complete records (MTG012).

use chrono::NaiveDate;
use serde::Serialize;

use super::{kind_en, kind_zh};
use crate::audit::context::Context;
use crate::audit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::model::{DateRange, Id, MeetingKind};
use crate::profile::sources::{PRACTICE, ZHIBU, cite};
use crate::report::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::MTG011,
        name: "meeting-quorum-not-met",
        severity: Severity::Error,
        summary: "a 支部党员大会 voted without more than half of the voting members present",
        what: "A `general_meeting` held in the audit period by `as_of` with `votes` where \
               `2 * present_voting <= expected_voting`.",
        why: "A vote of the general meeting needs more than half of the members with a vote \
              present; a decision taken without that quorum is void.",
        example: "expected_voting 15, present_voting 7: MTG011 for that meeting.",
        source: "支部工作条例 第十一条 (表决必须有半数以上有表决权的党员到会方可进行)",
        citations: &[cite(ZHIBU, "第十一条")],
        evidence: &[],
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
        evidence: &[],
        practice: true,
        since: "0.1.0",
    },
];

pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for m in &cx.bundle.meetings {
        if m.date > cx.as_of || !cx.period.contains(m.date) {
            continue;
        }
        if m.kind == MeetingKind::GeneralMeeting {
            if let Some(v) = &m.votes {
                if u64::from(v.present_voting) * 2 <= u64::from(v.expected_voting) {
                    out.report(Mtg011 {
                        meeting: m.id.clone(),
                        date: m.date,
                        expected_voting: v.expected_voting,
                        present_voting: v.present_voting,
                    });
                }
            }
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

#[derive(Serialize)]
struct Mtg011 {
    meeting: Id,
    date: NaiveDate,
    expected_voting: u32,
    present_voting: u32,
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
        Message::new(
            format!(
                "{}支部党员大会（{}）表决时应到有表决权党员{}名、实到{}名，未超过半数，表决无效",
                self.date, self.meeting, self.expected_voting, self.present_voting
            ),
            format!(
                "general meeting {} on {} voted with {} of {} voting members present, not more than half: no quorum",
                self.meeting, self.date, self.present_voting, self.expected_voting
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
