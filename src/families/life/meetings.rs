//! Organisational-life rules (三会一课, 主题党日, annual items, talks,
//! attendance): MTG001–MTG012.
//!
//! - **Periodic meetings** (MTG001–MTG007) check each month, quarter or year
//!   (frequencies in [`crate::profile::MeetingsProfile`]) that has ended by
//!   `as_of`, overlaps the audit period and overlaps the branch's active time
//!   (for the 支委会: from the committee's election; for a 党小组: the months
//!   some member of the group belonged to the branch). A meeting counts for
//!   the period its `for_period` names, else the period containing its date
//!   ([`crate::period::counts_for`]). Meetings after `as_of` have not happened.
//! - **Talks** (MTG008) and **absences** (MTG009) check each ended year that
//!   overlaps the audit period and the member's time in the branch.
//! - **The six-month lapse** (MTG010) reads the member-standing view
//!   ([`crate::standing`]).
//! - **Meeting records** (MTG011, MTG012) check each meeting held in the audit
//!   period by `as_of`.
//!
//! Attendance is resolved once per bundle ([`crate::life::attendance::Roll`]).

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::audit::context::Context;
use crate::audit::{Emitter, RuleCode, RuleMeta, SharedViolation, Violation, coded, is_practice};
use crate::life::attendance::{Presence, RollEntry};
use crate::life::standing::{LifeStatus, Standing};
use crate::model::{DateRange, Id, MeetingKind, PeriodSpec, YearMonth};
use crate::period::{self, PeriodKind};
use crate::profile::sources::{DANGZHANG, JIAOYU, PRACTICE, ZHIBU, cite};
use crate::report::{Message, Severity, Subject};

/// The organisational-life rules' metadata.
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
        source: "支部工作条例 第十一条 (一般每季度召开1次)",
        citations: &[cite(ZHIBU, "第十一条")],
        evidence: &[],
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
        source: "支部工作条例 第十二条 (一般每月召开1次)",
        citations: &[cite(ZHIBU, "第十二条")],
        evidence: &[],
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
        source: "支部工作条例 第十三条 (党小组会一般每月召开1次)",
        citations: &[cite(ZHIBU, "第十三条")],
        evidence: &[],
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
        source: "支部工作条例 第十五条; practice for the count (党课每季度1次)",
        citations: &[cite(ZHIBU, "第十五条"), cite(PRACTICE, "党课每季度至少1次")],
        evidence: &[],
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
        source: "支部工作条例 第十六条 (每月相对固定1天开展主题党日)",
        citations: &[cite(ZHIBU, "第十六条")],
        evidence: &[],
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
        source: "支部工作条例 第十七条 (每年至少召开1次组织生活会)",
        citations: &[cite(ZHIBU, "第十七条")],
        evidence: &[],
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
        source: "支部工作条例 第十八条 (一般每年开展1次民主评议党员)",
        citations: &[cite(ZHIBU, "第十八条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::MTG008,
        name: "talks-missing",
        severity: Severity::Warning,
        summary: "a member had no talk with a committee member in a year, or two committee members none with each other",
        what: "For each ended year overlapping the audit period: every member of the branch that \
               year needs at least one `talks` record that year with a committee member (the \
               secretary, for a branch without a committee) other than themselves; and every two \
               committee members need one with each other. One finding per member, or per pair \
               (subject: the pair's smaller id, `with` the other).",
        why: "Committee members talk with each other, with every member, and members with each \
              other, at least once a year; the talks prepare the organisational-life meeting.",
        example: "M30 had no talk in 2025: MTG008 M30 for 2025.",
        source: "支部工作条例 第十九条 (每年谈心谈话一般不少于1次)",
        citations: &[cite(ZHIBU, "第十九条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
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
        citations: &[cite(PRACTICE, "无故不参加组织生活三次应提醒教育")],
        evidence: &[],
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
        source: "党章 第九条; 党员教育管理工作条例 第三十一条",
        citations: &[cite(DANGZHANG, "第九条"), cite(JIAOYU, "第三十一条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
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

const CODES: &[RuleCode] = &[
    RuleCode::MTG001,
    RuleCode::MTG002,
    RuleCode::MTG003,
    RuleCode::MTG004,
    RuleCode::MTG005,
    RuleCode::MTG006,
    RuleCode::MTG007,
    RuleCode::MTG008,
    RuleCode::MTG009,
    RuleCode::MTG010,
    RuleCode::MTG011,
    RuleCode::MTG012,
];

/// Runs the organisational-life rules over the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants_any(CODES) {
        return;
    }
    if out.wants_any(&CODES[..7]) {
        periodic(cx, out);
    }
    if out.wants(RuleCode::MTG008) {
        talks(cx, out);
    }
    if out.wants_any(&[RuleCode::MTG009, RuleCode::MTG010]) {
        let standing = Standing::new(cx);
        let all = DateRange {
            from: NaiveDate::MIN,
            to: NaiveDate::MAX,
        };
        let years = period::checked_spans(cx, PeriodKind::Year, all);
        for pos in 0..cx.bundle.members.len() {
            if !cx.index.is_first_member(pos) {
                continue; // a duplicate id: DAT002
            }
            if out.wants(RuleCode::MTG009) {
                absences(cx, &standing, &years, pos, out);
            }
            if out.wants(RuleCode::MTG010) {
                lapse(cx, &standing, pos, out);
            }
        }
    }
    if out.wants_any(&[RuleCode::MTG011, RuleCode::MTG012]) {
        records(cx, out);
    }
}

// ---------------------------------------------------------------------------
// MTG001–MTG007

/// The periods each kind of meeting counts for (sorted, for binary search),
/// with the profile's frequencies.
#[derive(Default)]
struct Held<'a> {
    general: Vec<PeriodSpec>,
    committee: Vec<PeriodSpec>,
    groups: Vec<(&'a str, PeriodSpec)>,
    lecture: Vec<PeriodSpec>,
    theme: Vec<PeriodSpec>,
    life: Vec<PeriodSpec>,
    review: Vec<PeriodSpec>,
}

fn periodic(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let p = &cx.profile.meetings;
    let every = |k: MeetingKind| match k {
        MeetingKind::GeneralMeeting => Some(*p.general_meeting_period.value()),
        MeetingKind::CommitteeMeeting => Some(*p.committee_meeting_period.value()),
        MeetingKind::GroupMeeting => Some(*p.group_meeting_period.value()),
        MeetingKind::PartyLecture => Some(*p.party_lecture_period.value()),
        MeetingKind::ThemeDay => Some(*p.theme_day_period.value()),
        MeetingKind::LifeMeeting | MeetingKind::DemocraticReview => Some(PeriodKind::Year),
        MeetingKind::Study => None,
    };
    let mut held = Held::default();
    for m in &cx.bundle.meetings {
        if m.date > cx.as_of {
            continue; // not held yet (DAT003)
        }
        let Some(kind) = every(m.kind) else { continue };
        let spec = period::counts_for(kind, m.date, m.for_period);
        let set = match m.kind {
            MeetingKind::GeneralMeeting => &mut held.general,
            MeetingKind::CommitteeMeeting => &mut held.committee,
            MeetingKind::GroupMeeting => {
                if let Some(g) = &m.group {
                    held.groups.push((g.as_str(), spec));
                }
                continue;
            }
            MeetingKind::PartyLecture => &mut held.lecture,
            MeetingKind::ThemeDay => &mut held.theme,
            MeetingKind::LifeMeeting => &mut held.life,
            MeetingKind::DemocraticReview => &mut held.review,
            MeetingKind::Study => continue,
        };
        set.push(spec);
    }
    for v in [
        &mut held.general,
        &mut held.committee,
        &mut held.lecture,
        &mut held.theme,
        &mut held.life,
        &mut held.review,
    ] {
        v.sort_unstable();
    }
    held.groups.sort_unstable();
    let has = |v: &[PeriodSpec], spec: &PeriodSpec| v.binary_search(spec).is_ok();

    let branch = cx.branch_span();
    // The branch's checked periods of each kind, computed once.
    let mut cache: Vec<(PeriodKind, Vec<(PeriodSpec, DateRange)>)> = Vec::new();
    let mut checked = |k: PeriodKind| -> Vec<(PeriodSpec, DateRange)> {
        if let Some((_, v)) = cache.iter().find(|(kind, _)| *kind == k) {
            return v.clone();
        }
        let v = period::checked_spans(cx, k, branch);
        cache.push((k, v.clone()));
        v
    };
    let id = &cx.bundle.branch.id;
    let missing = |kind: MeetingKind, every: PeriodKind, spec: PeriodSpec| Missing {
        branch: id.clone(),
        group: None,
        group_name: None,
        kind,
        period: spec,
        every,
    };

    if out.wants(RuleCode::MTG001) {
        let k = p.general_meeting_period.value();
        for (spec, _) in checked(*k) {
            if !has(&held.general, &spec) {
                out.report(Mtg001(missing(MeetingKind::GeneralMeeting, *k, spec)));
            }
        }
    }
    if out.wants(RuleCode::MTG002) {
        if let Some(c) = &cx.bundle.branch.committee {
            let k = p.committee_meeting_period.value();
            let from = branch.from.max(c.elected_on);
            for (spec, r) in checked(*k) {
                if r.to >= from && !has(&held.committee, &spec) {
                    out.report(Mtg002(missing(MeetingKind::CommitteeMeeting, *k, spec)));
                }
            }
        }
    }
    if out.wants(RuleCode::MTG003) && !cx.bundle.branch.groups.is_empty() {
        let k = p.group_meeting_period.value();
        let periods = checked(*k);
        for (gi, g) in cx.bundle.branch.groups.iter().enumerate() {
            if cx.index.group_pos(g.id.as_str()) != Some(gi) {
                continue; // a duplicate group id: DAT002
            }
            let spans: Vec<DateRange> = g
                .members
                .iter()
                .filter_map(|m| cx.member(m.as_str()))
                .filter_map(|m| cx.member_span(m))
                .collect();
            for &(spec, r) in &periods {
                if !spans.iter().any(|s| s.overlaps(&r))
                    || held.groups.binary_search(&(g.id.as_str(), spec)).is_ok()
                {
                    continue;
                }
                out.report(Mtg003(Missing {
                    branch: id.clone(),
                    group: Some(g.id.clone()),
                    group_name: g.name.clone(),
                    kind: MeetingKind::GroupMeeting,
                    period: spec,
                    every: *k,
                }));
            }
        }
    }
    let simple: [(RuleCode, MeetingKind, PeriodKind, &[PeriodSpec]); 4] = [
        (
            RuleCode::MTG004,
            MeetingKind::PartyLecture,
            *p.party_lecture_period.value(),
            &held.lecture,
        ),
        (
            RuleCode::MTG005,
            MeetingKind::ThemeDay,
            *p.theme_day_period.value(),
            &held.theme,
        ),
        (
            RuleCode::MTG006,
            MeetingKind::LifeMeeting,
            PeriodKind::Year,
            &held.life,
        ),
        (
            RuleCode::MTG007,
            MeetingKind::DemocraticReview,
            PeriodKind::Year,
            &held.review,
        ),
    ];
    for (code, kind, k, set) in simple {
        if !out.wants(code) {
            continue;
        }
        for (spec, _) in checked(k) {
            if has(set, &spec) {
                continue;
            }
            let v = missing(kind, k, spec);
            match code {
                RuleCode::MTG004 => out.report(Mtg004(v)),
                RuleCode::MTG005 => out.report(Mtg005(v)),
                RuleCode::MTG006 => out.report(Mtg006(v)),
                _ => out.report(Mtg007(v)),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// MTG008

fn talks(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let b = cx.bundle;
    // The committee (first seat of each member), or the secretary alone.
    let mut leaders: Vec<usize> = Vec::new();
    match &b.branch.committee {
        Some(c) => {
            for s in &c.members {
                if let Some(pos) = cx.index.member_pos(s.member.as_str()) {
                    if !leaders.contains(&pos) {
                        leaders.push(pos);
                    }
                }
            }
        }
        None => {
            if let Some(pos) = b
                .branch
                .secretary
                .as_ref()
                .and_then(|s| cx.index.member_pos(s.as_str()))
            {
                leaders.push(pos);
            }
        }
    }
    if leaders.is_empty() {
        return; // nobody to talk with: ORG002 reports a missing secretary
    }
    let has_committee = b.branch.committee.is_some();
    let n = b.members.len();
    let mut is_leader = vec![false; n];
    for &l in &leaders {
        if let Some(x) = is_leader.get_mut(l) {
            *x = true;
        }
    }
    let spans: Vec<Option<DateRange>> = b.members.iter().map(|m| cx.member_span(m)).collect();
    let span_of = |pos: usize| spans.get(pos).copied().flatten();

    for spec in period::checked(cx, PeriodKind::Year, cx.branch_span()) {
        let PeriodSpec::Year(year) = spec else {
            continue;
        };
        let yr = spec.range();
        // Who talked with a leader, and which leader pairs talked.
        let mut with_leader = vec![false; n];
        let mut pairs: HashSet<(usize, usize)> = HashSet::new();
        let mut people: Vec<usize> = Vec::new();
        for t in &b.talks {
            if !yr.contains(t.date) || t.date > cx.as_of {
                continue;
            }
            people.clear();
            for id in &t.members {
                if let Some(p) = cx.index.member_pos(id.as_str()) {
                    if !people.contains(&p) {
                        people.push(p);
                    }
                }
            }
            for &a in &people {
                for &c in &people {
                    if a == c {
                        continue;
                    }
                    if is_leader.get(c).copied().unwrap_or(false) {
                        if let Some(x) = with_leader.get_mut(a) {
                            *x = true;
                        }
                    }
                    if a < c {
                        pairs.insert((a, c));
                    }
                }
            }
        }
        for (pos, m) in b.members.iter().enumerate() {
            if !cx.index.is_first_member(pos) {
                continue;
            }
            if !span_of(pos).is_some_and(|s| s.overlaps(&yr)) {
                continue;
            }
            let sole_leader = leaders.len() == 1 && leaders.first() == Some(&pos);
            if sole_leader || with_leader.get(pos).copied().unwrap_or(false) {
                continue;
            }
            out.report(Mtg008 {
                member: m.id.clone(),
                name: m.name.clone(),
                year,
                with: None,
                with_name: None,
                committee: has_committee,
            });
        }
        if has_committee {
            for (i, &a) in leaders.iter().enumerate() {
                for &c in leaders.iter().skip(i + 1) {
                    let both = [a, c]
                        .iter()
                        .all(|&p| span_of(p).is_some_and(|s| s.overlaps(&yr)));
                    if !both || pairs.contains(&(a.min(c), a.max(c))) {
                        continue;
                    }
                    let (Some(ma), Some(mc)) = (b.members.get(a), b.members.get(c)) else {
                        continue;
                    };
                    let (first, second) = if ma.id <= mc.id { (ma, mc) } else { (mc, ma) };
                    out.report(Mtg008 {
                        member: first.id.clone(),
                        name: first.name.clone(),
                        year,
                        with: Some(second.id.clone()),
                        with_name: Some(second.name.clone()),
                        committee: true,
                    });
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// MTG009, MTG010

fn absences(
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
    let threshold = cx.profile.meetings.absence_threshold.value().max(&1);
    for &(spec, range) in years {
        let PeriodSpec::Year(year) = spec else {
            continue;
        };
        if !range.overlaps(&span) {
            continue;
        }
        let entries = standing.roll().member_in(pos, range);
        let absent = |e: &&RollEntry| e.presence == Presence::Absent;
        let count = entries.iter().filter(absent).count() as u32;
        if count < *threshold {
            continue;
        }
        let m = ms.member();
        out.report(Mtg009 {
            member: m.id.clone(),
            name: m.name.clone(),
            year,
            absences: count,
            threshold: *cx.profile.meetings.absence_threshold.value(),
            meetings: entries
                .iter()
                .filter(absent)
                .filter_map(|e| cx.bundle.meetings.get(e.meeting).map(|m| m.id.clone()))
                .collect(),
        });
    }
}

fn lapse(cx: &Context<'_>, standing: &Standing<'_, '_>, pos: usize, out: &mut Emitter<'_>) {
    let Some(ms) = standing.member_at(pos) else {
        return;
    };
    let Some(first_entry) = ms.entries().first() else {
        return; // never on a roll: no absence to start a run
    };
    let need = cx.profile.meetings.lapse_months.value().max(&1);
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
            if touches && months >= 0 && months as u32 >= *need {
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

// ---------------------------------------------------------------------------
// MTG011, MTG012

fn records(cx: &Context<'_>, out: &mut Emitter<'_>) {
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

// ---------------------------------------------------------------------------
// Violations

/// 支部党员大会, 支委会, … : the kind's name in Chinese.
pub fn kind_zh(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::GeneralMeeting => "支部党员大会",
        MeetingKind::CommitteeMeeting => "支委会",
        MeetingKind::GroupMeeting => "党小组会",
        MeetingKind::PartyLecture => "党课",
        MeetingKind::ThemeDay => "主题党日",
        MeetingKind::LifeMeeting => "组织生活会",
        MeetingKind::DemocraticReview => "民主评议党员",
        MeetingKind::Study => "学习",
    }
}

fn kind_en(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::GeneralMeeting => "general meeting",
        MeetingKind::CommitteeMeeting => "committee meeting",
        MeetingKind::GroupMeeting => "group meeting",
        MeetingKind::PartyLecture => "party lecture",
        MeetingKind::ThemeDay => "theme day",
        MeetingKind::LifeMeeting => "organisational-life meeting",
        MeetingKind::DemocraticReview => "democratic review of members",
        MeetingKind::Study => "study session",
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

#[derive(Serialize)]
struct Mtg008 {
    member: Id,
    #[serde(skip)]
    name: String,
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    with: Option<Id>,
    #[serde(skip)]
    with_name: Option<String>,
    #[serde(skip)]
    committee: bool,
}

impl Violation for Mtg008 {
    const CODE: RuleCode = RuleCode::MTG008;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::year(self.year))
    }
    fn message(&self) -> Message {
        match (&self.with, &self.with_name) {
            (Some(w), Some(wn)) => Message::new(
                format!(
                    "支委{}（{}）与支委{wn}（{w}）{}年未开展谈心谈话",
                    self.name, self.member, self.year
                ),
                format!(
                    "committee members {} ({}) and {wn} ({w}) had no talk with each other in {}",
                    self.name, self.member, self.year
                ),
            ),
            _ => {
                let (zh, en) = if self.committee {
                    ("支委", "a committee member")
                } else {
                    ("支部书记", "the secretary")
                };
                Message::new(
                    format!(
                        "{}（{}）{}年未与{zh}开展谈心谈话",
                        self.name, self.member, self.year
                    ),
                    format!(
                        "{} ({}) had no talk with {en} in {}",
                        self.name, self.member, self.year
                    ),
                )
            }
        }
    }
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
