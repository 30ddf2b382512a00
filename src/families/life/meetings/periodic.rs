//! Periodic meetings: 支部党员大会, 支委会, 党小组会, 党课, 主题党日, 组织生活会 and 民主评议 held in every period they are required (MTG001–MTG007).

use serde::Serialize;

use super::{kind_en, kind_zh};
use crate::families::context::Context;
use crate::families::registry::is_practice;
use crate::kit::{Emitter, EvidenceKey, RuleCode, RuleMeta, SharedViolation, coded};
use crate::kit::{key, param};
use crate::model::{DateRange, Id, MeetingKind, PeriodSpec};
use crate::period::{self, PeriodKind};
use crate::vocab::sources::{ZHIBU, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::MTG001,
        name: "general-meeting-missing",
        severity: Severity::Error,
        summary: "a quarter with no 支部党员大会",
        what: "A quarter (`meetings.general_meeting_period`) that has ended by `as_of`, overlaps \
               the audit period and the branch's active time, and has no `general_meeting` \
               counting for it. One finding per quarter.",
        why: "The general meeting of all members is the branch's decision-making body and is \
              held, as a rule, once a quarter.",
        example: "General meetings on 2025-03-20, 2025-06-20 and 2025-12-20: MTG001 for 2025-Q3.",
        // 支部工作条例 art. 11: "党支部党员大会是党支部的议事决策机构，由全体党员参加，
        // 一般每季度召开1次。"
        source: "支部工作条例 第十一条 (一般每季度召开1次)",
        citations: &[param("meetings.general_meeting_period")],
        evidence: MISSING_KEYS,
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG002,
        name: "committee-meeting-missing",
        severity: Severity::Error,
        summary: "a branch with a committee has a month with no 支委会",
        what: "A branch with a `committee` has a month (`meetings.committee_meeting_period`) from \
               the committee's election on, ended by `as_of` and in the audit period, with no \
               `committee_meeting` counting for it. Branches without a committee are not checked.",
        why: "The committee leads the branch's daily work and meets, as a rule, once a month.",
        example: "Committee meetings every month of 2025 but August: MTG002 for 2025-08.",
        // 支部工作条例 art. 12: "党支部委员会会议一般每月召开1次，根据需要可以随时召开".
        source: "支部工作条例 第十二条 (一般每月召开1次)",
        citations: &[param("meetings.committee_meeting_period")],
        evidence: MISSING_KEYS,
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG003,
        name: "group-meeting-missing",
        severity: Severity::Warning,
        summary: "a party group has a month with no 党小组会",
        what: "A group of `branch.groups` has a month (`meetings.group_meeting_period`), ended by \
               `as_of`, in the audit period, in which some member of the group belonged to the \
               branch, with no `group_meeting` of that group counting for it. One finding per \
               group and month; the subject is the group.",
        why: "Groups carry out the branch's work and meet, as a rule, once a month for study, \
              talks and criticism and self-criticism.",
        example: "Group G2 has no group meeting in July 2025: MTG003 G2 2025-07.",
        // 支部工作条例 art. 13: "党小组会一般每月召开1次，组织党员参加政治学习、谈心谈话、
        // 开展批评和自我批评等。"
        source: "支部工作条例 第十三条 (党小组会一般每月召开1次)",
        citations: &[param("meetings.group_meeting_period")],
        evidence: MISSING_GROUP_KEYS,
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG004,
        name: "party-lecture-missing",
        severity: Severity::Warning,
        summary: "a quarter with no 党课 (the quarterly count is local practice)",
        what: "A period of `meetings.party_lecture_period` (a quarter by default), ended by \
               `as_of`, in the audit period and the branch's active time, with no \
               `party_lecture` counting for it.",
        why: "The party lecture is the 一课 of 三会一课. The regulation requires lectures to be held \
              on schedule without fixing a count; once a quarter is widespread local practice, \
              so the threshold is a profile parameter.",
        example: "No party lecture between 2025-07-01 and 2025-09-30: MTG004 for 2025-Q3.",
        // Article 15, not 16. The 三会一课 provision reads "党支部应当组织党员按期参加党员
        // 大会、党小组会和上党课，定期召开党支部委员会会议。“三会一课”应当突出政治学习和
        // 教育……" (text found without its number). Chapter 4 (工作机制) ends with art. 14
        // (会议由党支部书记召集并主持, confirmed) and art. 17 is the 组织生活会 ("党支部每年
        // 至少召开1次组织生活会……"), so the two articles between are 三会一课 (with the
        // 党课 sentences, 党委（党组）书记每年至少讲1次党课) and 主题党日 ("党支部每月相对
        // 固定1天开展主题党日"), in the 条例's own order 三会一课 → 主题党日 → 组织生活会 →
        // 民主评议 → 谈心谈话. Only two low-grade pages (one a garbled translation) say
        // 16 for 三会一课. So 三会一课/党课 = art. 15 and 主题党日 = art. 16 (MTG005); no
        // official copy showing both numbers was retrievable (regulations.md Q1).
        // The text sets no count of lectures: the quarter is the profile's, practice.
        source: "支部工作条例 第十五条; practice for the count (党课每季度1次)",
        citations: &[
            cite(ZHIBU, "第十五条"),
            param("meetings.party_lecture_period"),
        ],
        evidence: MISSING_KEYS,
        practice: true,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG005,
        name: "theme-day-missing",
        severity: Severity::Warning,
        summary: "a month with no 主题党日",
        what: "A month (`meetings.theme_day_period`), ended by `as_of`, in the audit period and the \
               branch's active time, with no `theme_day` counting for it.",
        why: "Branches set one day a month for the theme day: study, organisational life, \
              democratic discussion and volunteer service.",
        example: "No theme day in February 2025: MTG005 for 2025-02.",
        // 支部工作条例 art. 16: "党支部每月相对固定1天开展主题党日，组织党员集中学习、过组织
        // 生活、进行民主议事和志愿服务等。" (see MTG004 for the numbering).
        source: "支部工作条例 第十六条 (每月相对固定1天开展主题党日)",
        citations: &[param("meetings.theme_day_period")],
        evidence: MISSING_KEYS,
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG006,
        name: "life-meeting-missing",
        severity: Severity::Error,
        summary: "a year with no 组织生活会 counting for it",
        what: "A year, ended by `as_of`, in the audit period and the branch's active time, with no \
               `life_meeting` counting for it. A meeting held in January 2026 with \
               `for_period: \"2025\"` counts for 2025 (and not for 2026).",
        why: "Every branch holds at least one organisational-life meeting a year, usually in the \
              fourth quarter, with criticism and self-criticism.",
        example: "The 2025 meeting was never held: MTG006 for 2025.",
        // 支部工作条例 art. 17: "党支部每年至少召开1次组织生活会，一般安排在第四季度，也可以
        // 根据工作需要随时召开。"
        source: "支部工作条例 第十七条 (每年至少召开1次组织生活会)",
        citations: &[cite(ZHIBU, "第十七条")],
        evidence: MISSING_KEYS,
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG007,
        name: "democratic-review-missing",
        severity: Severity::Error,
        summary: "a year with no 民主评议党员 counting for it",
        what: "A year, ended by `as_of`, in the audit period and the branch's active time, with no \
               `democratic_review` counting for it (`for_period` as for MTG006).",
        why: "Members are reviewed democratically once a year, usually with the \
              organisational-life meeting.",
        example: "No democratic review for 2025: MTG007 for 2025.",
        // 支部工作条例 art. 18 (number by the chapter's order): "党支部一般每年开展1次民主评议
        // 党员……民主评议党员可以结合组织生活会一并进行。"
        source: "支部工作条例 第十八条 (一般每年开展1次民主评议党员)",
        citations: &[cite(ZHIBU, "第十八条")],
        evidence: MISSING_KEYS,
        practice: false,
        since: "0.1.0",
    },
];

/// The evidence of a missing meeting (MTG001, MTG002, MTG004–MTG007).
const MISSING_KEYS: &[EvidenceKey] = &[
    key(
        "kind",
        "string (meeting kind)",
        "the kind of meeting missing, as in `meetings.kind`",
    ),
    key(
        "period",
        "string (YYYY, YYYY-Qn or YYYY-MM)",
        "the period with no such meeting",
    ),
    key(
        "every",
        "string: month|quarter|half_year|year",
        "how often the meeting is required",
    ),
];

/// The evidence of a missing group meeting (MTG003).
const MISSING_GROUP_KEYS: &[EvidenceKey] = &[
    key("group", "string (group id)", "the party group"),
    key("kind", "string (meeting kind)", "`group_meeting`"),
    key(
        "period",
        "string (YYYY, YYYY-Qn or YYYY-MM)",
        "the period with no group meeting",
    ),
    key(
        "every",
        "string: month|quarter|half_year|year",
        "how often the group meets",
    ),
];

/// The periods each kind of meeting counts for (sorted, for binary search),
/// with the profile's frequencies.
pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let id = &cx.bundle.branch.id;
    // The one schedule of required periods, shared with the indicators.
    for slot in super::schedule::schedule(cx) {
        if slot.held {
            continue;
        }
        let (group, group_name) = match slot.group {
            Some((g, name)) => (Some(g), name),
            None => (None, None),
        };
        let v = Missing {
            branch: id.clone(),
            group,
            group_name,
            kind: slot.kind,
            period: slot.period,
            every: slot.every,
        };
        match slot.kind {
            MeetingKind::GeneralMeeting => out.report(Mtg001(v)),
            MeetingKind::CommitteeMeeting => out.report(Mtg002(v)),
            MeetingKind::GroupMeeting => out.report(Mtg003(v)),
            MeetingKind::PartyLecture => out.report(Mtg004(v)),
            MeetingKind::ThemeDay => out.report(Mtg005(v)),
            MeetingKind::LifeMeeting => out.report(Mtg006(v)),
            _ => out.report(Mtg007(v)),
        }
    }
}

/// A required meeting missing in a period (MTG001–MTG007).
#[derive(Serialize)]
struct Missing {
    #[serde(skip)]
    branch: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<Id>,
    #[serde(skip)]
    group_name: Option<String>,
    kind: MeetingKind,
    period: PeriodSpec,
    every: PeriodKind,
}

impl SharedViolation for Missing {
    fn subject(&self) -> Subject {
        match &self.group {
            Some(g) => Subject::group(g),
            None => Subject::branch(&self.branch),
        }
    }

    fn period(&self) -> Option<DateRange> {
        Some(self.period.range())
    }

    fn message(&self, code: RuleCode) -> Message {
        let practice = is_practice(code);
        let (zh_who, en_who) = match &self.group {
            Some(g) => match &self.group_name {
                Some(n) => (format!("{n}（{g}）"), format!("group {g} ({n})")),
                None => (format!("党小组{g}"), format!("group {g}")),
            },
            None => ("本支部".to_owned(), "the branch".to_owned()),
        };
        let (zh_note, en_note) = if practice {
            (
                format!("（每{}一次为地方通行做法）", self.every.zh()),
                format!(" (once a {} is local practice)", self.every.as_str()),
            )
        } else {
            (String::new(), String::new())
        };
        Message::new(
            format!(
                "{zh_who}{}未召开{}{zh_note}",
                period::zh(self.period),
                kind_zh(self.kind)
            ),
            format!(
                "no {} ({}) held by {en_who} for {}{en_note}",
                kind_en(self.kind),
                kind_zh(self.kind),
                self.period
            ),
        )
    }
}

coded! {
    Mtg001(Missing) = MTG001;
    Mtg002(Missing) = MTG002;
    Mtg003(Missing) = MTG003;
    Mtg004(Missing) = MTG004;
    Mtg005(Missing) = MTG005;
    Mtg006(Missing) = MTG006;
    Mtg007(Missing) = MTG007;
}
