//! Organisational-life rules (三会一课, 主题党日, annual items, talks,
//! attendance, quorums, dual life, rectifications): MTG001–MTG015.
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
//! - **Meeting records** (MTG011, MTG012, MTG014) check each meeting held in
//!   the audit period by `as_of`.
//! - **Leading cadres** (MTG013) check each ended year overlapping the audit
//!   period for members with `leading_cadre` in the branch all year.
//! - **Rectifications** (MTG015) check the items of every meeting held by
//!   `as_of` (open items due before `as_of`, items done late in the period).
//!
//! Attendance is resolved once per bundle ([`crate::life::attendance::Roll`]).

use chrono::NaiveDate;

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode};
use crate::life::standing::Standing;
use crate::model::{DateRange, MeetingKind};
use crate::period::{self, PeriodKind};

pub(super) mod absences;
pub(super) mod cadres;
pub(super) mod periodic;
pub(super) mod records;
pub(crate) mod schedule;
pub(crate) use schedule::required_and_held;
pub(super) mod rectify;
pub(super) mod talks;

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
    RuleCode::MTG013,
    RuleCode::MTG014,
    RuleCode::MTG015,
];

/// Runs the organisational-life rules over the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants_any(CODES) {
        return;
    }
    if out.wants_any(&CODES[..7]) {
        periodic::check(cx, out);
    }
    if out.wants(RuleCode::MTG008) {
        talks::check(cx, out);
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
                absences::absences(cx, &standing, &years, pos, out);
            }
            if out.wants(RuleCode::MTG010) {
                absences::lapse(cx, &standing, pos, out);
            }
        }
    }
    if out.wants_any(&[RuleCode::MTG011, RuleCode::MTG012, RuleCode::MTG014]) {
        records::check(cx, out);
    }
    if out.wants(RuleCode::MTG013) {
        cadres::check(cx, out);
    }
    if out.wants(RuleCode::MTG015) {
        rectify::check(cx, out);
    }
}

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
