//! Attendance, resolved once per bundle: who was expected at each meeting and
//! how each of them took part.
//!
//! # Who is expected
//!
//! The members expected at a meeting (FORMAT.md, `meetings.expected`) are its
//! explicit `expected` list when it has one; otherwise the committee members
//! for a `committee_meeting`, the group's members for a `group_meeting`, and
//! every member of the branch on that date for every other kind. A
//! `group_meeting` without a (known) group has no expected members. A member
//! with an attendance entry is on the roll even when not expected (a member
//! invited to a committee meeting who came attended organisational life).
//! Only members of the branch on the meeting's date are on the roll: an entry
//! for someone who had left, or not yet arrived, is ignored.
//!
//! # How they took part
//!
//! Each member on the roll gets one [`Presence`]:
//!
//! | record | presence |
//! |---|---|
//! | attendance `present` | [`Presence::Present`] |
//! | attendance `excused` (请假) | [`Presence::Excused`] |
//! | attendance `absent`, or no entry at all, on a day covered by an exemption | [`Presence::Exempt`] |
//! | attendance `absent`, or no entry at all | [`Presence::Absent`] |
//!
//! An expected member with no attendance entry was **absent** (FORMAT.md);
//! the first entry of a member counts when there are several. Meetings after
//! `as_of` have not happened and have no roll.
//!
//! ```
//! use chrono::NaiveDate;
//! use dangjian::life::attendance::{Presence, Roll};
//! use dangjian::Auditor;
//!
//! let bundle = dangjian::load::bundle_from_json(r#"{
//!   "branch": {"id": "B1", "name": "测试支部", "kind": "organ"},
//!   "members": [
//!     {"id": "M1", "name": "甲", "status": "full", "admitted_on": "2010-01-01", "dues_category": "student"},
//!     {"id": "M2", "name": "乙", "status": "full", "admitted_on": "2010-01-01", "dues_category": "student"}
//!   ],
//!   "meetings": [{"id": "T1", "kind": "theme_day", "date": "2025-03-25",
//!                 "attendance": [{"member": "M1", "status": "present"}]}]
//! }"#)?;
//! let auditor = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
//! let cx = auditor.context(&bundle);
//! let roll = Roll::new(&cx);
//! assert_eq!(roll.member(0)[0].presence, Presence::Present);
//! assert_eq!(roll.member(1)[0].presence, Presence::Absent); // no entry: absent
//! assert_eq!(roll.tally(0).map(|t| t.absent), Some(1));
//! # Ok::<(), dangjian::Error>(())
//! ```

use chrono::NaiveDate;
use serde::Serialize;

use crate::families::context::{Context, member_span};
use crate::model::{AttendanceStatus, DateRange, Meeting, MeetingKind};

/// How a member on a meeting's roll took part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// Present.
    Present,
    /// Excused absence (请假).
    Excused,
    /// Absent on a day covered by an approved exemption (正当理由).
    Exempt,
    /// Absent without excuse (no entry counts as absent).
    Absent,
}

impl Presence {
    /// 出席 / 请假 / 免除 / 缺席.
    pub fn zh(self) -> &'static str {
        match self {
            Presence::Present => "出席",
            Presence::Excused => "请假",
            Presence::Exempt => "免除",
            Presence::Absent => "缺席",
        }
    }
}

/// One meeting on one member's roll.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RollEntry {
    /// Index of the meeting in `bundle.meetings`.
    pub meeting: usize,
    /// The meeting's date.
    pub date: NaiveDate,
    /// How the member took part.
    pub presence: Presence,
}

/// The counts of one meeting's roll.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Members on the roll.
    pub expected: u32,
    /// Present.
    pub present: u32,
    /// Excused.
    pub excused: u32,
    /// Absent but covered by an exemption.
    pub exempt: u32,
    /// Absent without excuse.
    pub absent: u32,
}

impl Tally {
    fn add(&mut self, p: Presence) {
        self.expected += 1;
        match p {
            Presence::Present => self.present += 1,
            Presence::Excused => self.excused += 1,
            Presence::Exempt => self.exempt += 1,
            Presence::Absent => self.absent += 1,
        }
    }
}

/// The resolved attendance of one bundle: per member, the meetings they were
/// on the roll of, sorted by date; per meeting, its tally.
///
/// Built in one pass over the meetings in date order; the entries of all
/// members live in one flat array (member `p`'s are
/// `entries[start[p]..start[p + 1]]`), so resolving a bundle allocates a
/// handful of vectors whatever its size.
#[derive(Debug, Default)]
pub struct Roll {
    start: Vec<usize>,
    entries: Vec<RollEntry>,
    tallies: Vec<Tally>,
}

impl Roll {
    /// Resolves the attendance of every meeting held by `as_of`.
    pub fn new(cx: &Context<'_>) -> Roll {
        let b = cx.bundle;
        let n = b.members.len();
        // Spans of the first record of each id; a duplicate is never on a roll.
        let spans: Vec<Option<DateRange>> = b
            .members
            .iter()
            .enumerate()
            .map(|(pos, m)| {
                if cx.index.is_first_member(pos) {
                    member_span(&b.branch, m)
                } else {
                    None
                }
            })
            .collect();
        let in_branch = |pos: usize, date: NaiveDate| {
            spans
                .get(pos)
                .copied()
                .flatten()
                .is_some_and(|s| s.contains(date))
        };
        let exempt_on = |pos: usize, date: NaiveDate| {
            cx.index
                .member_records(pos)
                .exemptions
                .iter()
                .any(|e| e.from <= date && date <= e.to)
        };
        let mut order: Vec<usize> = (0..b.meetings.len())
            .filter(|&i| b.meetings.get(i).is_some_and(|m| m.date <= cx.as_of))
            .collect();
        order.sort_by_key(|&i| (b.meetings.get(i).map(|m| m.date), i));

        let mut flat: Vec<(usize, RollEntry)> = Vec::new();
        let mut tallies = vec![Tally::default(); b.meetings.len()];
        // stamp[pos] = (meeting index + 1, index in `list`) while building a roll.
        let mut stamp: Vec<(usize, usize)> = vec![(0, 0); n];
        let mut list: Vec<(usize, Option<AttendanceStatus>)> = Vec::new();
        let mut expected: Vec<usize> = Vec::new();

        for mi in order {
            let Some(meeting) = b.meetings.get(mi) else {
                continue;
            };
            let date = meeting.date;
            let mark = mi + 1;
            list.clear();
            expected.clear();
            expected_into(cx, meeting, &mut expected);
            for &pos in &expected {
                if !in_branch(pos, date) {
                    continue;
                }
                if let Some(s) = stamp.get_mut(pos) {
                    if s.0 != mark {
                        *s = (mark, list.len());
                        list.push((pos, None));
                    }
                }
            }
            let positions = cx.attendance_positions(mi);
            for (k, a) in meeting.attendance.iter().enumerate() {
                let Some(pos) = positions.get(k).copied().flatten() else {
                    continue; // DAT001
                };
                if !in_branch(pos, date) {
                    continue;
                }
                let Some(s) = stamp.get_mut(pos) else {
                    continue;
                };
                if s.0 != mark {
                    *s = (mark, list.len());
                    list.push((pos, Some(a.status)));
                } else if let Some(slot) = list.get_mut(s.1) {
                    slot.1.get_or_insert(a.status);
                }
            }
            let mut t = Tally::default();
            for &(pos, status) in &list {
                let presence = match status {
                    Some(AttendanceStatus::Present) => Presence::Present,
                    Some(AttendanceStatus::Excused) => Presence::Excused,
                    Some(AttendanceStatus::Absent) | None => {
                        if exempt_on(pos, date) {
                            Presence::Exempt
                        } else {
                            Presence::Absent
                        }
                    }
                };
                t.add(presence);
                flat.push((
                    pos,
                    RollEntry {
                        meeting: mi,
                        date,
                        presence,
                    },
                ));
            }
            if let Some(slot) = tallies.get_mut(mi) {
                *slot = t;
            }
        }

        // Counting sort by member, keeping the date order within each member.
        let mut start = vec![0usize; n + 1];
        for &(pos, _) in &flat {
            if let Some(c) = start.get_mut(pos + 1) {
                *c += 1;
            }
        }
        for i in 1..start.len() {
            let prev = start.get(i - 1).copied().unwrap_or(0);
            if let Some(c) = start.get_mut(i) {
                *c += prev;
            }
        }
        let mut next = start.clone();
        let mut entries = match flat.first() {
            Some(&(_, e)) => vec![e; flat.len()],
            None => Vec::new(),
        };
        for (pos, e) in flat {
            if let Some(k) = next.get_mut(pos) {
                if let Some(slot) = entries.get_mut(*k) {
                    *slot = e;
                }
                *k += 1;
            }
        }
        Roll {
            start,
            entries,
            tallies,
        }
    }

    /// The roll entries of the member at position `pos` of `bundle.members`,
    /// sorted by date (empty for a duplicate id or an unknown position).
    pub fn member(&self, pos: usize) -> &[RollEntry] {
        match (self.start.get(pos), self.start.get(pos + 1)) {
            (Some(&a), Some(&z)) => self.entries.get(a..z).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The member's roll entries dated within `range`.
    pub fn member_in(&self, pos: usize, range: DateRange) -> &[RollEntry] {
        let all = self.member(pos);
        let a = all.partition_point(|e| e.date < range.from);
        let z = all.partition_point(|e| e.date <= range.to);
        all.get(a..z.max(a)).unwrap_or(&[])
    }

    /// The tally of the meeting at index `meeting` of `bundle.meetings`
    /// (all zero for a meeting after `as_of`).
    pub fn tally(&self, meeting: usize) -> Option<&Tally> {
        self.tallies.get(meeting)
    }
}

/// The positions (in `bundle.members`) of the members expected at `meeting`
/// by its `expected` list or its kind, before filtering by membership on the
/// date. Unknown ids are skipped (reported by `DAT001`).
pub fn expected_members(cx: &Context<'_>, meeting: &Meeting) -> Vec<usize> {
    let mut out = Vec::new();
    expected_into(cx, meeting, &mut out);
    out
}

fn expected_into(cx: &Context<'_>, meeting: &Meeting, out: &mut Vec<usize>) {
    let pos = |id: &crate::model::Id| cx.index.member_pos(id.as_str());
    if let Some(list) = &meeting.expected {
        out.extend(list.iter().filter_map(pos));
        return;
    }
    match meeting.kind {
        MeetingKind::CommitteeMeeting => out.extend_from_slice(cx.committee_positions()),
        MeetingKind::GroupMeeting => {
            if let Some(g) = meeting
                .group
                .as_ref()
                .and_then(|g| cx.index.group_pos(g.as_str()))
            {
                out.extend_from_slice(cx.group_positions(g));
            }
        }
        _ => out.extend(0..cx.bundle.members.len()),
    }
}
