//! The member-standing view: for one member and a range of months, each
//! month's dues status and organisational-life status.
//!
//! The Party Constitution (art. 9) names two six-month lines — six months
//! without paying dues, six months without taking part in organisational
//! life — and a member's calendar in a party-building system shows both side
//! by side. This view is where both are read: the dues status comes from the
//! dues ledger ([`MemberDues::status`]), the organisational-life status from
//! the resolved attendance ([`Roll`]); `MTG010` reads it.
//!
//! A month's [`LifeStatus`] is, in this order of precedence:
//!
//! 1. [`LifeStatus::NotInBranch`]: the member did not belong to the branch on
//!    any day of the month;
//! 2. [`LifeStatus::Attended`]: present at one or more meetings of the month;
//! 3. [`LifeStatus::Excused`]: else, an excused absence (请假);
//! 4. [`LifeStatus::Exempt`]: else, an approved exemption (正当理由) overlaps
//!    the month (as for dues lapses, the whole month is excused);
//! 5. [`LifeStatus::Absent`]: else, on the roll of one or more meetings and
//!    absent from all of them;
//! 6. [`LifeStatus::NoMeeting`]: else, no meeting the member was expected at.
//!
//! ```
//! use chrono::NaiveDate;
//! use dangjian::life::standing::{LifeStatus, Standing};
//! use dangjian::dues::DuesStatus;
//! use dangjian::{Auditor, YearMonth};
//!
//! let bundle = dangjian::load::bundle_from_json(r#"{
//!   "branch": {"id": "B1", "name": "测试支部", "kind": "organ"},
//!   "members": [{"id": "M1", "name": "甲", "status": "full",
//!                "admitted_on": "2010-01-01", "dues_category": "student"}],
//!   "dues_payments": [{"member": "M1", "month": "2025-01", "amount": "0.20", "paid_on": "2025-01-10"}],
//!   "exemptions": [{"member": "M1", "from": "2025-03-01", "to": "2025-03-31", "reason": "illness"}],
//!   "meetings": [
//!     {"id": "T1", "kind": "theme_day", "date": "2025-01-25",
//!      "attendance": [{"member": "M1", "status": "present"}]},
//!     {"id": "T2", "kind": "theme_day", "date": "2025-02-25", "attendance": []},
//!     {"id": "T3", "kind": "theme_day", "date": "2025-03-25", "attendance": []}
//!   ]
//! }"#)?;
//! let auditor = Auditor::new(NaiveDate::from_ymd_opt(2025, 4, 30).unwrap());
//! let cx = auditor.context(&bundle);
//! let standing = Standing::new(&cx);
//! let m1 = standing.member("M1").expect("M1 is a member");
//! let months = m1.months("2025-01".parse()?, "2025-04".parse()?);
//!
//! let life: Vec<LifeStatus> = months.iter().map(|m| m.life).collect();
//! assert_eq!(life, [LifeStatus::Attended, LifeStatus::Absent, LifeStatus::Exempt, LifeStatus::NoMeeting]);
//! let dues: Vec<DuesStatus> = months.iter().map(|m| m.dues).collect();
//! assert_eq!(dues, [DuesStatus::Paid, DuesStatus::Unpaid, DuesStatus::Unpaid, DuesStatus::Unpaid]);
//! assert_eq!(months[1].absent, 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;

use serde::Serialize;

use crate::dues::{DuesStatus, MemberDues};
use crate::families::context::{Context, member_span};
use crate::life::attendance::{Presence, Roll, RollEntry};
use crate::model::{DateRange, Exemption, Member, YearMonth};
use crate::vocab::Lang;
#[cfg(test)]
use chrono::NaiveDate;

/// A member's organisational life in one month (see the module docs for the
/// order of precedence).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LifeStatus {
    /// Present at one or more meetings.
    Attended,
    /// An excused absence (请假), and present at none.
    Excused,
    /// An approved exemption (正当理由) overlaps the month.
    Exempt,
    /// Expected at one or more meetings and absent from all, without excuse.
    Absent,
    /// No meeting the member was expected at.
    NoMeeting,
    /// Not a member of the branch on any day of the month.
    NotInBranch,
}

impl LifeStatus {
    /// 出席 / 请假 / 免除 / 缺席 / 无会议 / 不在本支部.
    pub fn zh(self) -> &'static str {
        match self {
            LifeStatus::Attended => "出席",
            LifeStatus::Excused => "请假",
            LifeStatus::Exempt => "免除",
            LifeStatus::Absent => "缺席",
            LifeStatus::NoMeeting => "无会议",
            LifeStatus::NotInBranch => "不在本支部",
        }
    }

    /// Whether the month breaks a run of months without organisational life
    /// (`MTG010`): attended, excused, exempt, or not in the branch.
    pub fn breaks_lapse(self) -> bool {
        !matches!(self, LifeStatus::Absent | LifeStatus::NoMeeting)
    }
}

/// One month of a member's organisational life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LifeMonth {
    /// The month.
    pub month: YearMonth,
    /// Its status.
    pub life: LifeStatus,
    /// Meetings of the month at which the member was present.
    pub present: u32,
    /// Excused.
    pub excused: u32,
    /// Absent on an exempt day.
    pub exempt: u32,
    /// Absent without excuse.
    pub absent: u32,
}

/// One month of a member's standing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MonthStanding {
    /// The month.
    pub month: YearMonth,
    /// Dues status, from the dues ledger.
    pub dues: DuesStatus,
    /// Organisational-life status.
    pub life: LifeStatus,
    /// Meetings of the month the member was on the roll of.
    pub meetings: u32,
    /// Of which present.
    pub present: u32,
    /// Of which excused.
    pub excused: u32,
    /// Of which absent on an exempt day.
    pub exempt: u32,
    /// Of which absent without excuse.
    pub absent: u32,
}

/// The standing of the members of one bundle. Resolves attendance once
/// ([`Roll::new`]); [`Standing::member`] then gives each member's view.
pub struct Standing<'c, 'a> {
    cx: &'c Context<'a>,
    roll: &'c Roll,
}

impl std::fmt::Debug for Standing<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Standing")
            .field("branch", &self.cx.bundle.branch.id)
            .field("roll", &self.roll)
            .finish()
    }
}

impl<'c, 'a> Standing<'c, 'a> {
    /// The standing view of the bundle of `cx`.
    ///
    /// It reads the attendance the context has resolved ([`Context::roll`]),
    /// so the rules and the text report share one resolution per bundle.
    pub fn new(cx: &'c Context<'a>) -> Standing<'c, 'a> {
        Standing {
            cx,
            roll: cx.roll(),
        }
    }

    /// The resolved attendance.
    pub fn roll(&self) -> &'c Roll {
        self.roll
    }

    /// The standing of the member with this id (its first record, if the id
    /// is duplicated).
    pub fn member(&self, id: &str) -> Option<MemberStanding<'_, 'a>> {
        self.member_at(self.cx.index.member_pos(id)?)
    }

    /// The standing of the member at position `pos` of `bundle.members`.
    pub fn member_at(&self, pos: usize) -> Option<MemberStanding<'_, 'a>> {
        let member = self.cx.bundle.members.get(pos)?;
        Some(MemberStanding {
            cx: self.cx,
            pos,
            member,
            span: member_span(&self.cx.bundle.branch, member),
            entries: self.roll.member(pos),
            exemptions: &self.cx.index.member_records(pos).exemptions,
        })
    }
}

/// One member's standing: month by month, dues and organisational life.
pub struct MemberStanding<'s, 'a> {
    cx: &'s Context<'a>,
    pos: usize,
    member: &'a Member,
    span: Option<DateRange>,
    entries: &'s [RollEntry],
    exemptions: &'s [&'a Exemption],
}

impl std::fmt::Debug for MemberStanding<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemberStanding")
            .field("member", &self.member.id)
            .field("span", &self.span)
            .field("entries", &self.entries.len())
            .finish()
    }
}

impl<'s, 'a> MemberStanding<'s, 'a> {
    /// The member.
    pub fn member(&self) -> &'a Member {
        self.member
    }

    /// The days the member belongs to the branch (`None`: never).
    pub fn span(&self) -> Option<DateRange> {
        self.span
    }

    /// The member's meetings (roll entries), sorted by date.
    pub fn entries(&self) -> &'s [RollEntry] {
        self.entries
    }

    /// The member's dues ledger (the one the dues rules read).
    pub fn dues(&self) -> Option<&'s MemberDues<'a>> {
        self.cx.dues(self.pos)
    }

    fn entries_in(&self, range: DateRange) -> &'s [RollEntry] {
        let all = self.entries;
        let a = all.partition_point(|e| e.date < range.from);
        let z = all.partition_point(|e| e.date <= range.to);
        all.get(a..z.max(a)).unwrap_or(&[])
    }

    /// Whether an exemption overlaps `month`.
    pub fn exempt(&self, month: YearMonth) -> bool {
        let r = month.range();
        self.exemptions
            .iter()
            .any(|e| e.from <= e.to && e.from <= r.to && r.from <= e.to)
    }

    fn life_of(&self, month: YearMonth, range: &DateRange, c: [u32; 4]) -> LifeMonth {
        let [present, excused, exempt, absent] = c;
        let life = if !self.span.is_some_and(|s| s.overlaps(range)) {
            LifeStatus::NotInBranch
        } else if present > 0 {
            LifeStatus::Attended
        } else if excused > 0 {
            LifeStatus::Excused
        } else if exempt > 0 || self.exempt(month) {
            LifeStatus::Exempt
        } else if absent > 0 {
            LifeStatus::Absent
        } else {
            LifeStatus::NoMeeting
        };
        LifeMonth {
            month,
            life,
            present,
            excused,
            exempt,
            absent,
        }
    }

    /// The organisational life of `month`: its status and the counts of its meetings.
    pub fn life_month(&self, month: YearMonth) -> LifeMonth {
        let range = month.range();
        let mut c = [0u32; 4];
        for e in self.entries_in(range) {
            count(&mut c, e.presence);
        }
        self.life_of(month, &range, c)
    }

    /// The organisational life of the months `from..=to`, in one pass over
    /// the member's meetings.
    pub fn life_months(&self, from: YearMonth, to: YearMonth) -> impl Iterator<Item = LifeMonth> {
        let entries = self.entries;
        let mut i = entries.partition_point(|e| e.date < from.first_day());
        from.iter_to(to).map(move |month| {
            let range = month.range();
            let mut c = [0u32; 4];
            while let Some(e) = entries.get(i) {
                if e.date > range.to {
                    break;
                }
                count(&mut c, e.presence);
                i += 1;
            }
            self.life_of(month, &range, c)
        })
    }

    /// The organisational-life status of `month`.
    pub fn life(&self, month: YearMonth) -> LifeStatus {
        self.life_month(month).life
    }

    /// The standing of `month`.
    pub fn month(&self, month: YearMonth) -> MonthStanding {
        self.standing(self.life_month(month))
    }

    fn standing(&self, l: LifeMonth) -> MonthStanding {
        MonthStanding {
            month: l.month,
            dues: self
                .dues()
                .map_or(DuesStatus::NotOwed, |d| d.status(l.month)),
            life: l.life,
            meetings: l.present + l.excused + l.exempt + l.absent,
            present: l.present,
            excused: l.excused,
            exempt: l.exempt,
            absent: l.absent,
        }
    }

    /// The standing of the months `from..=to` (empty if `to < from`).
    pub fn months(&self, from: YearMonth, to: YearMonth) -> Vec<MonthStanding> {
        self.life_months(from, to)
            .map(|l| self.standing(l))
            .collect()
    }
}

fn count(c: &mut [u32; 4], p: Presence) {
    let i = match p {
        Presence::Present => 0,
        Presence::Excused => 1,
        Presence::Exempt => 2,
        Presence::Absent => 3,
    };
    if let Some(n) = c.get_mut(i) {
        *n += 1;
    }
}

/// The per-member attendance and study summary of the text report: for each
/// member of the branch during the audit period, the meetings held by
/// `as_of` they were on the roll of (present, excused, exempt, absent), the
/// attendance rate (present of those not exempt), and their training hours
/// against the (pro rata)
/// requirement. `None` when the branch has no member in the period.
pub fn summary_section(cx: &Context<'_>, lang: Lang) -> Option<(String, String)> {
    let zh = lang == Lang::Zh;
    let standing = Standing::new(cx);
    let window = DateRange::new(cx.period.from, cx.period.to.min(cx.as_of));
    let mut body = String::new();
    for (pos, m) in cx.bundle.members.iter().enumerate() {
        if !cx.index.is_first_member(pos) {
            continue;
        }
        let Some(span) = cx.member_span(m) else {
            continue;
        };
        if !span.overlaps(&cx.period) {
            continue;
        }
        let mut t = [0u32; 4];
        if let Some(w) = window {
            for e in standing.roll().member_in(pos, w) {
                count(&mut t, e.presence);
            }
        }
        let [present, excused, exempt, absent] = t;
        let total = present + excused + exempt + absent;
        // The rate leaves out meetings covered by an exemption: not 应到.
        let due = total - exempt;
        let rate = (u64::from(present) * 100 + u64::from(due) / 2)
            .checked_div(u64::from(due))
            .map_or_else(|| "-".to_owned(), |r| format!("{r}%"));
        let (hours, required) = crate::families::life::education::hours_in_period(cx, pos, m, span);
        let required = required.round_dp(1).normalize();
        let hours = hours.normalize();
        let short = if hours < required {
            if zh { "  ←不足" } else { "  <- short" }
        } else {
            ""
        };
        let cadre = if crate::families::life::education::is_cadre(cx, m) {
            if zh {
                "（班子成员）"
            } else {
                " (secretary/committee)"
            }
        } else {
            ""
        };
        if zh {
            let _ = writeln!(
                body,
                "{} {}{cadre}  应参加{total}次：出席{present} 请假{excused} 免除{exempt} 缺席{absent}，出席率{rate}；学时{hours}（应{required}）{short}",
                m.id, m.name
            );
        } else {
            let _ = writeln!(
                body,
                "{} {}{cadre}  on the roll of {total}: present {present}, excused {excused}, exempt {exempt}, absent {absent} ({rate}); training {hours} h (required {required}){short}",
                m.id, m.name
            );
        }
    }
    if body.is_empty() {
        return None;
    }
    let title = if zh {
        "党员组织生活与学习情况".to_owned()
    } else {
        "Members' organisational life and study".to_owned()
    };
    Some((title, body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Auditor;
    use crate::life::attendance::expected_members;
    use crate::testing::d;

    /// M1 all year; M2 from 2025-03-15; G1 is M2's group. M1's exemptions:
    /// one ending on 1 May, one starting on 30 June, and one the wrong
    /// way round (ignored).
    const BUNDLE: &str = r#"{
        "branch": {"id": "B1", "name": "一支部", "kind": "organ",
                   "groups": [{"id": "G1", "name": "一组", "leader": "M2", "members": ["M2"]}]},
        "members": [
            {"id": "M1", "name": "甲", "status": "full", "admitted_on": "2010-01-01", "dues_category": "salaried"},
            {"id": "M2", "name": "乙", "status": "full", "admitted_on": "2025-03-15", "dues_category": "salaried"}
        ],
        "exemptions": [
            {"member": "M1", "from": "2025-04-20", "to": "2025-05-01", "reason": "病假"},
            {"member": "M1", "from": "2025-06-30", "to": "2025-07-05", "reason": "病假"},
            {"member": "M1", "from": "2025-09-20", "to": "2025-09-01", "reason": "倒置"}
        ],
        "meetings": [
            {"id": "T1", "kind": "theme_day", "date": "2025-01-01", "attendance": [{"member": "M1", "status": "present"}]},
            {"id": "T2", "kind": "theme_day", "date": "2025-02-10", "attendance": [{"member": "M1", "status": "excused"}]},
            {"id": "T3", "kind": "theme_day", "date": "2025-02-28", "attendance": []},
            {"id": "T4", "kind": "theme_day", "date": "2025-03-31", "attendance": [{"member": "M1", "status": "present"}, {"member": "M2", "status": "present"}]},
            {"id": "T5", "kind": "theme_day", "date": "2025-03-01", "attendance": []},
            {"id": "T6", "kind": "theme_day", "date": "2025-05-15", "attendance": []},
            {"id": "G",  "kind": "group_meeting", "group": "G1", "date": "2025-08-01", "attendance": []},
            {"id": "T9", "kind": "theme_day", "date": "2025-09-10", "attendance": []},
            {"id": "TA", "kind": "theme_day", "date": "2025-10-10", "expected": ["M2"], "attendance": []},
            {"id": "T7", "kind": "theme_day", "date": "2025-07-01", "attendance": []}
        ]
    }"#;

    fn with<T>(f: impl FnOnce(&Standing<'_, '_>) -> T) -> T {
        let bundle = crate::load::bundle_from_json(BUNDLE).unwrap();
        let auditor = Auditor::new(d("2025-12-31"));
        let cx = auditor.context(&bundle);
        f(&Standing::new(&cx))
    }

    fn row(m: &MonthStanding) -> String {
        format!(
            "{} {:?} {} = {}+{}+{}+{}",
            m.month, m.life, m.meetings, m.present, m.excused, m.exempt, m.absent
        )
    }

    #[test]
    fn each_month_of_a_member() {
        with(|s| {
            let m1 = s.member("M1").unwrap();
            let (from, to) = ("2025-01".parse().unwrap(), "2025-12".parse().unwrap());
            let rows: Vec<String> = m1.months(from, to).iter().map(row).collect();
            assert_eq!(
                rows,
                [
                    "2025-01 Attended 1 = 1+0+0+0",
                    "2025-02 Excused 2 = 0+1+0+1",
                    "2025-03 Attended 2 = 1+0+0+1",
                    "2025-04 Exempt 0 = 0+0+0+0",
                    "2025-05 Exempt 1 = 0+0+0+1",
                    "2025-06 Exempt 0 = 0+0+0+0",
                    "2025-07 Exempt 1 = 0+0+1+0",
                    "2025-08 NoMeeting 0 = 0+0+0+0",
                    "2025-09 Absent 1 = 0+0+0+1",
                    "2025-10 NoMeeting 0 = 0+0+0+0",
                    "2025-11 NoMeeting 0 = 0+0+0+0",
                    "2025-12 NoMeeting 0 = 0+0+0+0",
                ]
            );
            // Month by month gives what the one pass gives.
            for m in from.iter_to(to) {
                assert_eq!(row(&m1.month(m)), row(&m1.standing(m1.life_month(m))));
                assert_eq!(m1.month(m), m1.months(m, m)[0], "{m}");
                assert_eq!(m1.life(m), m1.month(m).life);
            }
            assert!(m1.exempt("2025-05".parse().unwrap()) && m1.exempt("2025-06".parse().unwrap()));
            assert!(
                !m1.exempt("2025-09".parse().unwrap()) && !m1.exempt("2025-08".parse().unwrap())
            );
            assert!(m1.months(to, from).is_empty());
            assert_eq!(
                format!("{m1:?}"),
                "MemberStanding { member: \"M1\", span: Some(DateRange { from: 2010-01-01, to: +262142-12-31 }), entries: 8 }"
            );

            let m2 = s.member("M2").unwrap();
            let rows: Vec<String> = m2
                .months("2025-02".parse().unwrap(), "2025-10".parse().unwrap())
                .iter()
                .map(row)
                .collect();
            assert_eq!(
                rows.first().map(String::as_str),
                Some("2025-02 NotInBranch 0 = 0+0+0+0")
            );
            assert_eq!(
                rows.get(1).map(String::as_str),
                Some("2025-03 Attended 1 = 1+0+0+0")
            );
            assert_eq!(
                rows.get(6).map(String::as_str),
                Some("2025-08 Absent 1 = 0+0+0+1")
            );
            assert_eq!(
                rows.get(8).map(String::as_str),
                Some("2025-10 Absent 1 = 0+0+0+1")
            );
        });
    }

    #[test]
    fn the_roll_and_who_is_expected() {
        let bundle = crate::load::bundle_from_json(BUNDLE).unwrap();
        let auditor = Auditor::new(d("2025-12-31"));
        let cx = auditor.context(&bundle);
        let s = Standing::new(&cx);
        let roll = s.roll();
        let on = |pos: usize, from: &str, to: &str| -> Vec<NaiveDate> {
            let r = DateRange::new(d(from), d(to)).unwrap();
            roll.member_in(pos, r).iter().map(|e| e.date).collect()
        };
        // Both ends of the range count.
        assert_eq!(
            on(0, "2025-02-10", "2025-02-28"),
            [d("2025-02-10"), d("2025-02-28")]
        );
        assert_eq!(on(0, "2025-02-11", "2025-02-27"), Vec::<NaiveDate>::new());
        // T4: two present; T3: M1 absent (M2 not yet a member).
        let t4 = roll.tally(3).unwrap();
        assert_eq!((t4.expected, t4.present, t4.absent), (2, 2, 0));
        let t2 = roll.tally(1).unwrap();
        assert_eq!((t2.expected, t2.excused, t2.absent), (1, 1, 0));
        // T6: no exemption on its day (the one of April ends on 1 May).
        let t6 = roll.tally(5).unwrap();
        assert_eq!((t6.expected, t6.exempt, t6.absent), (2, 0, 2));
        let t7 = roll.tally(9).unwrap();
        assert_eq!((t7.expected, t7.exempt, t7.absent), (2, 1, 1));
        let t3 = roll.tally(2).unwrap();
        assert_eq!(
            (t3.expected, t3.present, t3.excused, t3.exempt, t3.absent),
            (1, 0, 0, 0, 1)
        );
        // By kind, by group, by the meeting's own list.
        let m = &bundle.meetings;
        assert_eq!(expected_members(&cx, &m[0]), [0, 1]);
        assert_eq!(expected_members(&cx, &m[6]), [1]);
        assert_eq!(expected_members(&cx, &m[8]), [1]);
        assert!(format!("{s:?}").starts_with("Standing { branch: \"B1\", roll: Roll {"));
    }

    #[test]
    fn labels_and_what_breaks_a_lapse() {
        use LifeStatus::*;
        let all = [Attended, Excused, Exempt, Absent, NoMeeting, NotInBranch];
        let zh: Vec<&str> = all.iter().map(|s| s.zh()).collect();
        assert_eq!(zh, ["出席", "请假", "免除", "缺席", "无会议", "不在本支部"]);
        let breaks: Vec<bool> = all.iter().map(|s| s.breaks_lapse()).collect();
        assert_eq!(breaks, [true, true, true, false, false, true]);
        let p = [
            Presence::Present,
            Presence::Excused,
            Presence::Exempt,
            Presence::Absent,
        ];
        let zh: Vec<&str> = p.iter().map(|p| p.zh()).collect();
        assert_eq!(zh, ["出席", "请假", "免除", "缺席"]);
    }
}
