//! What the v1.1 records add to organisational life: the 支委会's quorum, the
//! leading cadres at the 组织生活会, meeting tags (意识形态 reviews) and the
//! rectification items of the 组织生活会.

use chrono::Datelike;

use crate::model::{Attendance, AttendanceStatus, Meeting, MeetingKind, PeriodSpec, Rectification};

use super::*;

impl Gen {
    /// Half or more of the committee present at a 支委会 (支部条例 art. 12):
    /// members excused by chance are present instead until half are. Fault
    /// (at half the rate): fewer than half present, the others away on
    /// business (MTG014).
    pub(super) fn committee_quorum(
        &mut self,
        people: &[Person],
        committee: &[usize],
        m: &mut Meeting,
    ) {
        let n = committee
            .iter()
            .filter(|&&i| people.get(i).is_some_and(|p| p.in_branch(m.date)))
            .count();
        if n == 0 {
            return;
        }
        let is_present = |a: &Attendance| a.status == AttendanceStatus::Present;
        if self.fault_at(0.5) {
            let keep = (n - 1) / 2;
            let mut present = 0;
            for a in &mut m.attendance {
                if !is_present(a) {
                    continue;
                }
                if present < keep {
                    present += 1;
                } else {
                    a.status = AttendanceStatus::Excused;
                    a.reason = some_str("公务外出");
                }
            }
            return;
        }
        let mut present = m.attendance.iter().filter(|a| is_present(a)).count();
        for a in &mut m.attendance {
            if 2 * present >= n {
                break;
            }
            if a.status == AttendanceStatus::Excused {
                a.status = AttendanceStatus::Present;
                a.reason = None;
                present += 1;
            }
        }
    }

    /// Leading cadres take part in their branch's 组织生活会 (双重组织生活,
    /// 教育条例 art. 16): present unless exempt or (a fault) lapsed. Fault:
    /// a cadre excused for official business (MTG013).
    pub(super) fn cadres_present(&mut self, people: &[Person], m: &mut Meeting) {
        for a in &mut m.attendance {
            let Some(p) = member_pos(&a.member).and_then(|i| people.get(i)) else {
                continue;
            };
            if !p.m.leading_cadre || p.lapsed(m.date.month()) || p.exempt_on(m.date) {
                continue;
            }
            if self.fault() {
                a.status = AttendanceStatus::Excused;
                a.reason = some_str("公务外出");
            } else {
                a.status = AttendanceStatus::Present;
                a.reason = None;
            }
        }
    }

    /// Tags and rectification items, in branches that record them:
    ///
    /// * study sessions are tagged `理论学习`; one 支委会 (or, without a
    ///   committee, one 支部党员大会) in each half-year is the ideology review
    ///   (`ideology`, 意识形态工作专题研究). Fault: none in a half-year (IDE001).
    /// * the 组织生活会 lists 2–4 items to rectify, each with a committee member
    ///   (or the secretary) responsible: those of last year's meeting (held in
    ///   January) due by the end of a month from March to June and done before
    ///   it, those of this year's due next spring. Fault, for each item of last
    ///   year's: still open, or done late (MTG015).
    pub(super) fn meeting_detail(&mut self, org: &Org, meetings: &mut [Meeting]) {
        if !self.ledger.detail {
            return;
        }
        let year = self.year;
        let review = if org.committee.is_empty() {
            MeetingKind::GeneralMeeting
        } else {
            MeetingKind::CommitteeMeeting
        };
        for half in [1..=6u32, 7..=12u32] {
            let held: Vec<usize> = meetings
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.kind == review
                        && m.for_period.is_none()
                        && m.date.year() == year
                        && half.contains(&m.date.month())
                })
                .map(|(i, _)| i)
                .collect();
            let pick = self.pick(&held, usize::MAX);
            if self.fault() {
                continue;
            }
            if let Some(m) = meetings.get_mut(pick) {
                m.tags.push("ideology".to_owned());
                if m.topic.is_some() {
                    m.topic = some_str("专题研究意识形态工作，分析研判党员思想动态");
                }
            }
        }
        for m in meetings.iter_mut() {
            match m.kind {
                MeetingKind::Study => m.tags.push("理论学习".to_owned()),
                MeetingKind::LifeMeeting => self.rectifications(org, m),
                _ => {}
            }
        }
    }

    fn rectifications(&mut self, org: &Org, m: &mut Meeting) {
        let year = self.year;
        let last_year = m.for_period == Some(PeriodSpec::Year(year - 1));
        let n = self.range(2, 4) as usize;
        let first = self.below(RECTIFY_ITEMS.len() as u64) as usize;
        for k in 0..n {
            let item = RECTIFY_ITEMS
                .get((first + 3 * k) % RECTIFY_ITEMS.len())
                .copied()
                .unwrap_or("理论学习不够系统深入");
            let owner = self.pick(org.leaders(), org.secretary);
            let month = self.range(3, 6) as u32;
            let mut r = Rectification::new(item, ym(year, month).last_day());
            r.owner = Some(member_id(owner));
            if last_year {
                let done = minus(r.due, self.range(3, 40)).max(plus(m.date, 10));
                r.done_on = Some(done);
                if self.fault() {
                    r.done_on = self
                        .frng
                        .chance(0.5)
                        .then(|| plus(r.due, self.frng.range(5, 60)));
                }
            } else {
                r.due = ym(year + 1, month).last_day();
            }
            m.rectifications.push(r);
        }
    }
}
