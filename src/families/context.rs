//! What a rule sees: the bundle, its lookup tables, the profile, `as_of`, the
//! audit period and the working-day calendar — and the views the families
//! compute once per bundle and share (each member's dues ledger, the
//! resolved attendance). Built once per bundle.
//!
//! The context lives with the families, not in the kit, because it caches
//! their views; the kit's part is the [`Index`].

use std::cell::OnceCell;

use chrono::NaiveDate;

use super::dues::MemberDues;
use super::life::attendance::Roll;
use crate::calendar::WorkCalendar;
use crate::kit::Index;
pub(crate) use crate::kit::member_span;
use crate::model::{Bundle, Candidate, DateRange, Group, Meeting, Member, YearMonth};
use crate::profile::Profile;

/// Everything a rule may read, built once per bundle by
/// [`Auditor::context`](crate::Auditor::context): the bundle and its lookup
/// tables, the profile, `as_of`, the audit period and the working-day
/// calendar. Rules are pure functions of the context: no clock, no I/O, no
/// globals. The domain views ([`Standing`](crate::life::standing::Standing),
/// [`MemberDues`](MemberDues), the development files) are built
/// from it, so they see exactly what the rules see.
pub struct Context<'a> {
    pub(crate) bundle: &'a Bundle,
    pub(crate) index: Index<'a>,
    pub(crate) profile: &'a Profile,
    pub(crate) as_of: NaiveDate,
    pub(crate) period: DateRange,
    pub(crate) calendar: &'a dyn WorkCalendar,
    /// Member references of meetings and the branch, resolved once on first use.
    refs: OnceCell<Refs>,
    /// The attendance of every meeting, resolved once on first use.
    roll: OnceCell<Roll>,
    /// Each member's dues ledger, built on first use and shared by the dues
    /// rules, the member-standing view, the indicators and the to-do list.
    dues: OnceCell<Vec<OnceCell<Option<MemberDues<'a>>>>>,
}

/// Member references resolved to positions in `bundle.members` (first record
/// of each id), shared by the rules that read them.
#[derive(Debug, Default)]
struct Refs {
    /// Meeting `i`'s attendance entries are `attendance[start[i]..start[i + 1]]`.
    start: Vec<usize>,
    attendance: Vec<Option<usize>>,
    committee: Vec<usize>,
    groups: Vec<Vec<usize>>,
}

/// String equality for short ids, inline (a libc `memcmp` call costs more
/// than comparing a few bytes). (Always `false` would only make the roll
/// hash every id: the same answers, slower.)
#[inline]
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

impl Refs {
    fn new(bundle: &Bundle, index: &Index<'_>) -> Refs {
        let mut start = Vec::with_capacity(bundle.meetings.len() + 1);
        let mut attendance = Vec::new();
        for m in &bundle.meetings {
            start.push(attendance.len());
            // Lists usually follow the member list: try the position after
            // the previous hit before hashing the id.
            let mut hint = 0;
            for a in &m.attendance {
                let id = a.member.as_str();
                let pos = match bundle.members.get(hint) {
                    Some(x) if same(x.id.as_str(), id) && index.is_first_member(hint) => Some(hint),
                    _ => index.member_pos(id),
                };
                if let Some(p) = pos {
                    hint = p + 1;
                }
                attendance.push(pos);
            }
        }
        start.push(attendance.len());
        let committee = bundle
            .branch
            .committee
            .iter()
            .flat_map(|c| &c.members)
            .filter_map(|s| index.member_pos(s.member.as_str()))
            .collect();
        let groups = bundle
            .branch
            .groups
            .iter()
            .map(|g| {
                g.members
                    .iter()
                    .filter_map(|id| index.member_pos(id.as_str()))
                    .collect()
            })
            .collect();
        Refs {
            start,
            attendance,
            committee,
            groups,
        }
    }
}

impl<'a> Context<'a> {
    /// The bundle audited.
    pub fn bundle(&self) -> &'a Bundle {
        self.bundle
    }

    /// The profile (thresholds and citations).
    pub fn profile(&self) -> &'a Profile {
        self.profile
    }

    /// The reference date: nothing after it has happened.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The audit period.
    pub fn period(&self) -> DateRange {
        self.period
    }

    /// The working-day calendar.
    pub fn calendar(&self) -> &'a dyn WorkCalendar {
        self.calendar
    }

    /// A context over `bundle`.
    pub(crate) fn new(
        bundle: &'a Bundle,
        profile: &'a Profile,
        as_of: NaiveDate,
        period: DateRange,
        calendar: &'a dyn WorkCalendar,
    ) -> Context<'a> {
        Context {
            bundle,
            index: Index::new(bundle),
            profile,
            as_of,
            period,
            calendar,
            refs: OnceCell::new(),
            roll: OnceCell::new(),
            dues: OnceCell::new(),
        }
    }

    /// The dues ledger of the member at position `pos` of `bundle.members`
    /// (`None` when the member never belongs to the branch), built once.
    pub fn dues(&self, pos: usize) -> Option<&MemberDues<'a>> {
        let all = self.dues.get_or_init(|| {
            (0..self.bundle.members.len())
                .map(|_| OnceCell::new())
                .collect()
        });
        all.get(pos)?
            .get_or_init(|| MemberDues::new(self, pos))
            .as_ref()
    }

    /// The resolved attendance of the bundle ([`Roll`]), built on first use
    /// and shared by the rules and views that read it.
    pub fn roll(&self) -> &Roll {
        self.roll.get_or_init(|| Roll::new(self))
    }

    fn refs(&self) -> &Refs {
        self.refs
            .get_or_init(|| Refs::new(self.bundle, &self.index))
    }

    /// The positions (in `bundle.members`) of the members of the attendance
    /// entries of the meeting at position `meeting`, entry by entry; `None`
    /// for an id the bundle lacks (`DAT001`). Resolved once per bundle.
    pub fn attendance_positions(&self, meeting: usize) -> &[Option<usize>] {
        let r = self.refs();
        match (r.start.get(meeting), r.start.get(meeting + 1)) {
            (Some(&a), Some(&z)) => r.attendance.get(a..z).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The positions of the committee's members (seats naming an unknown id
    /// left out), in seat order.
    pub fn committee_positions(&self) -> &[usize] {
        &self.refs().committee
    }

    /// The positions of the members of the group at position `group` of
    /// `branch.groups` (unknown ids left out), in list order.
    pub fn group_positions(&self, group: usize) -> &[usize] {
        self.refs().groups.get(group).map_or(&[], Vec::as_slice)
    }

    /// The member with this id (the first, if duplicated).
    pub fn member(&self, id: &str) -> Option<&'a Member> {
        self.index
            .member_pos(id)
            .and_then(|i| self.bundle.members.get(i))
    }

    /// The candidate with this id.
    pub fn candidate(&self, id: &str) -> Option<&'a Candidate> {
        self.index
            .candidate_pos(id)
            .and_then(|i| self.bundle.candidates.get(i))
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: &str) -> Option<&'a Meeting> {
        self.index
            .meeting_pos(id)
            .and_then(|i| self.bundle.meetings.get(i))
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&'a Group> {
        self.index
            .group_pos(id)
            .and_then(|i| self.bundle.branch.groups.get(i))
    }

    /// The days the branch exists: `founded_on` (or the beginning of time) to
    /// `dissolved_on` (or the end of time).
    pub fn branch_span(&self) -> DateRange {
        DateRange {
            from: self.bundle.branch.founded_on.unwrap_or(NaiveDate::MIN),
            to: self.bundle.branch.dissolved_on.unwrap_or(NaiveDate::MAX),
        }
    }

    /// The days `member` belongs to this branch: from `in_branch_from`
    /// (absent: the later of `admitted_on` and the branch's `founded_on`) to
    /// `in_branch_to` (absent: the branch's `dissolved_on`, or open). `None` if
    /// the range is empty (reported by `DAT003`).
    pub fn member_span(&self, member: &Member) -> Option<DateRange> {
        member_span(&self.bundle.branch, member)
    }

    /// Whether `member` belongs to this branch on `date`.
    pub fn in_branch_on(&self, member: &Member, date: NaiveDate) -> bool {
        self.member_span(member).is_some_and(|s| s.contains(date))
    }

    /// Whether a month has ended on or before `as_of`.
    pub fn month_ended(&self, month: YearMonth) -> bool {
        month.last_day() <= self.as_of
    }

    /// Whether a period has ended on or before `as_of` and overlaps the audit period:
    /// the periods that period rules check.
    pub fn checks_period(&self, range: &DateRange) -> bool {
        // One definition: the window's.
        crate::period::Window::checks_period(self, range)
    }
}

impl crate::period::Window for Context<'_> {
    fn as_of(&self) -> NaiveDate {
        self.as_of
    }
    fn period(&self) -> DateRange {
        self.period
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(members: &[&str], payer: &str) -> Bundle {
        let members: Vec<String> = members
            .iter()
            .map(|m| format!(r#"{{"id":"{m}","name":"{m}","status":"full","admitted_on":"2010-06-01","dues_category":"salaried"}}"#))
            .collect();
        crate::load::bundle_from_json(&format!(
            r#"{{"branch":{{"id":"B1","name":"一","kind":"organ"}},"members":[{}],
                "dues_payments":[{{"member":"{payer}","month":"2025-01","amount":"1.00","paid_on":"2025-01-05"}}]}}"#,
            members.join(",")
        ))
        .unwrap()
    }

    /// The index's answers, which the rules take as shortcuts: the first
    /// record of an id, whether ids are unique, whether every member table
    /// names a member.
    #[test]
    fn the_index_knows_duplicates_and_unknown_names() {
        let b = bundle(&["M1", "M2", "M1"], "M2");
        let i = Index::new(&b);
        let first: Vec<bool> = (0..4).map(|p| i.is_first_member(p)).collect();
        assert_eq!(first, [true, true, false, false]);
        assert_eq!(
            (i.member_pos("M1"), i.member_pos("M2"), i.member_pos("M3")),
            (Some(0), Some(1), None)
        );
        assert!(!i.ids_unique(&b));
        assert!(i.member_tables_resolved());

        let b = bundle(&["M1", "M2"], "M9");
        let i = Index::new(&b);
        assert!(i.ids_unique(&b));
        assert!(!i.member_tables_resolved());
    }

    /// The attendance roll tries the member after the last one found before
    /// hashing: only an id equal in every byte may take that shortcut (not
    /// one that starts like it, nor one of the same length).
    #[test]
    fn the_roll_shortcut_takes_only_the_same_id() {
        let mut b = bundle(&["X0", "M1", "M12", "AB", "CD"], "M1");
        b.meetings = serde_json::from_str(
            r#"[{"id":"T1","kind":"theme_day","date":"2025-03-01",
                "attendance":[{"member":"X0","status":"present"},{"member":"M12","status":"present"}]},
               {"id":"T2","kind":"theme_day","date":"2025-04-01",
                "attendance":[{"member":"M12","status":"present"},{"member":"CD","status":"present"},{"member":"M1","status":"present"}]}]"#,
        )
        .unwrap();
        let profile = crate::testing::profile("");
        let auditor = crate::Auditor::new(crate::testing::d("2025-12-31")).profile(profile);
        let cx = auditor.context(&b);
        assert_eq!(cx.attendance_positions(0), [Some(0), Some(2)]);
        assert_eq!(cx.attendance_positions(1), [Some(2), Some(4), Some(1)]);
        assert_eq!(cx.as_of(), crate::testing::d("2025-12-31"));
        assert_eq!(cx.profile().header().name, "t");
        assert_eq!(cx.period().from, crate::testing::d("2025-01-01"));
    }

    #[test]
    fn lookups_spans_and_months() {
        let d = crate::testing::d;
        let b = crate::load::bundle_from_json(
            r#"{"branch":{"id":"B1","name":"一","kind":"organ","founded_on":"2016-03-01",
                 "groups":[{"id":"G1","name":"一组","members":["M1"]}]},
                "members":[{"id":"M1","name":"甲","status":"full","admitted_on":"2010-06-01","dues_category":"salaried"},
                           {"id":"M2","name":"乙","status":"full","admitted_on":"2016-03-01","dues_category":"salaried"},
                           {"id":"M3","name":"丙","status":"full","admitted_on":"2020-05-04","dues_category":"salaried"}],
                "candidates":[{"id":"A1","name":"丁","applied_on":"2025-01-10"}],
                "meetings":[{"id":"T1","kind":"theme_day","date":"2025-03-01","attendance":[]}]}"#,
        )
        .unwrap();
        let auditor = crate::Auditor::new(d("2025-06-30"));
        let cx = auditor.context(&b);
        assert_eq!(cx.candidate("A1").map(|c| c.name.as_str()), Some("丁"));
        assert_eq!(cx.meeting("T1").map(|m| m.date), Some(d("2025-03-01")));
        assert_eq!(cx.group("G1").map(|g| g.members.len()), Some(1));
        assert!(
            cx.candidate("T1").is_none() && cx.meeting("A1").is_none() && cx.group("B1").is_none()
        );
        // From the later of admission and the branch's founding.
        let from: Vec<NaiveDate> = b
            .members
            .iter()
            .filter_map(|m| cx.member_span(m))
            .map(|s| s.from)
            .collect();
        assert_eq!(from, [d("2016-03-01"), d("2016-03-01"), d("2020-05-04")]);
        assert!(
            cx.in_branch_on(&b.members[0], d("2016-03-01"))
                && !cx.in_branch_on(&b.members[0], d("2016-02-29"))
        );
        // June ends on as_of; July has not.
        let months: Vec<bool> = ["2025-05", "2025-06", "2025-07"]
            .iter()
            .map(|m| cx.month_ended(m.parse().unwrap()))
            .collect();
        assert_eq!(months, [true, true, false]);
    }
}
