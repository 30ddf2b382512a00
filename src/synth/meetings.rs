//! Meetings, attendance, votes, talks and training.

use chrono::{Datelike, NaiveDate};

use crate::model::{
    Attendance, AttendanceStatus, Meeting, MeetingKind, MobilityKind, PeriodSpec, Talk, Training,
    TrainingChannel, Votes,
};

use super::*;

impl Gen {
    pub(super) fn meetings(&mut self, people: &[Person], org: &Org, out: &mut Vec<Meeting>) {
        let year = self.year;
        out.reserve(48 + 12 * org.groups.len());
        let chair = org.secretary;
        let recorder = org.recorder;
        let all: Vec<usize> = (0..people.len()).collect();
        let plan = |kind, date, id: String| MeetingPlan {
            id,
            kind,
            date,
            for_period: None,
            group: None,
            expected: &all,
            chair,
            recorder,
        };

        // Last year's annual items, held in January and counting for last year.
        for (kind, day) in [
            (MeetingKind::DemocraticReview, 8 + self.below(5) as u32),
            (MeetingKind::LifeMeeting, 14 + self.below(7) as u32),
        ] {
            let mut p = plan(
                kind,
                date(year, 1, day),
                format!("{}-{}", year - 1, kind_code(kind)),
            );
            p.for_period = Some(PeriodSpec::Year(year - 1));
            let m = self.meeting(people, p);
            out.push(m);
        }
        let study_months = [3 + self.below(3) as u32, 8 + self.below(3) as u32];
        let committee_day = 3 + self.below(5) as u32;
        let group_day = 10 + self.below(6) as u32;
        let theme_day = 20 + self.below(8) as u32;
        for mo in 1..=12u32 {
            let mm = format!("{year}-{mo:02}");
            let day = date(year, mo, committee_day + self.below(3) as u32);
            if !org.committee.is_empty() && !self.fault() {
                let mut p = plan(MeetingKind::CommitteeMeeting, day, format!("{mm}-CM"));
                p.expected = &org.committee;
                let mut m = self.meeting(people, p);
                self.committee_quorum(people, &org.committee, &mut m);
                out.push(m);
            }
            for (gid, members, leader) in &org.groups {
                let day = date(year, mo, group_day + self.below(4) as u32);
                if self.fault() {
                    continue;
                }
                let mut p = plan(MeetingKind::GroupMeeting, day, format!("{mm}-{gid}"));
                p.group = Some(gid);
                p.expected = members;
                p.chair = *leader;
                p.recorder = members
                    .iter()
                    .copied()
                    .find(|&x| x != *leader && people.get(x).is_some_and(|q| q.stable))
                    .unwrap_or(*leader);
                let m = self.meeting(people, p);
                out.push(m);
            }
            let day = date(year, mo, 12 + self.below(10) as u32);
            if mo % 3 == 2 && !self.fault() {
                let p = plan(
                    MeetingKind::PartyLecture,
                    day,
                    format!("{year}-Q{}-PL", mo / 3 + 1),
                );
                let m = self.meeting(people, p);
                out.push(m);
            }
            if study_months.contains(&mo) {
                let p = plan(
                    MeetingKind::Study,
                    date(year, mo, 8 + self.below(5) as u32),
                    format!("{mm}-ST"),
                );
                let m = self.meeting(people, p);
                out.push(m);
            }
            let day = date(year, mo, 12 + self.below(8) as u32);
            let with_vote = self.chance(0.4);
            if mo % 3 == 0 && !self.fault() {
                let p = plan(
                    MeetingKind::GeneralMeeting,
                    day,
                    format!("{year}-Q{}-GM", mo / 3),
                );
                let mut m = self.meeting(people, p);
                if with_vote {
                    m.votes = self.vote(people, &m);
                }
                out.push(m);
            }
            if mo == 12 {
                for (kind, day) in [
                    (MeetingKind::DemocraticReview, 5 + self.below(8) as u32),
                    (MeetingKind::LifeMeeting, 16 + self.below(10) as u32),
                ] {
                    if self.fault() {
                        continue;
                    }
                    let p = plan(
                        kind,
                        date(year, 12, day),
                        format!("{year}-{}", kind_code(kind)),
                    );
                    let mut m = self.meeting(people, p);
                    if kind == MeetingKind::LifeMeeting {
                        self.cadres_present(people, &mut m);
                    }
                    out.push(m);
                }
            }
            if !self.fault() {
                let p = plan(
                    MeetingKind::ThemeDay,
                    date(year, mo, theme_day),
                    format!("{mm}-TD"),
                );
                let m = self.meeting(people, p);
                out.push(m);
            }
        }
    }

    pub(super) fn meeting(&mut self, people: &[Person], p: MeetingPlan<'_>) -> Meeting {
        let mut attendance = Vec::with_capacity(p.expected.len());
        for &i in p.expected {
            let Some(person) = people.get(i) else {
                continue;
            };
            if !person.in_branch(p.date) {
                continue;
            }
            if let Some(a) = self.attend(person, p.date) {
                attendance.push(a);
            }
        }
        let topic = self.pick(topics(p.kind), "");
        let no_topic = self.fault();
        let no_chair = no_topic && self.frng.chance(0.2);
        let hours = match p.kind {
            MeetingKind::ThemeDay | MeetingKind::LifeMeeting => hours(3),
            MeetingKind::CommitteeMeeting | MeetingKind::GroupMeeting => hours_tenths(15),
            _ => hours(2),
        };
        Meeting {
            rectifications: Vec::new(),
            tags: Vec::new(),
            id: gen_id(p.id),
            kind: p.kind,
            date: p.date,
            for_period: p.for_period,
            group: p.group.cloned(),
            topic: (!no_topic).then(|| topic.to_owned()),
            chair: (!no_chair).then(|| member_id(p.chair)),
            recorder: Some(member_id(p.recorder)),
            hours: Some(hours),
            expected: None,
            attendance,
            votes: None,
            expected_count: None,
            present_count: None,
            excused_count: None,
        }
    }

    /// One member's attendance entry (`None`: not recorded, i.e. absent).
    pub(super) fn attend(&mut self, p: &Person, d: NaiveDate) -> Option<Attendance> {
        let entry = |status, reason: Option<&str>| {
            Some(Attendance {
                member: p.m.id.clone(),
                status,
                reason: reason.map(str::to_owned),
            })
        };
        if p.lapsed(d.month()) {
            return entry(AttendanceStatus::Absent, None);
        }
        if p.exempt_on(d) {
            return entry(AttendanceStatus::Absent, Some("正当理由（已批准）"));
        }
        if let Some(why) = p.away_on(d) {
            return entry(AttendanceStatus::Excused, Some(why));
        }
        let excused = self.chance(0.06).then(|| self.pick(EXCUSES, "事假"));
        if self.fault() {
            return if self.frng.chance(0.5) {
                None
            } else {
                entry(AttendanceStatus::Absent, None)
            };
        }
        match excused {
            Some(why) => entry(AttendanceStatus::Excused, Some(why)),
            None => entry(AttendanceStatus::Present, None),
        }
    }

    /// A decision of the 支部党员大会: voting members in the branch, those
    /// present, and the vote (quorate, or not as a fault).
    pub(super) fn vote(&mut self, people: &[Person], m: &Meeting) -> Option<Votes> {
        let mut expected = 0u32;
        let mut present = 0u32;
        for p in people {
            if p.in_branch(m.date) && p.full_on(m.date) && !p.m.rights_suspended {
                expected += 1;
                let here = m
                    .attendance
                    .iter()
                    .any(|a| a.member == p.m.id && a.status == AttendanceStatus::Present);
                if here {
                    present += 1;
                }
            }
        }
        if self.fault() {
            // Fewer than half present: no quorum under either reading of
            // "半数以上" (meetings.quorum_inclusive).
            present = present.min(expected.saturating_sub(1) / 2);
        } else if 2 * present <= expected {
            return None;
        }
        let no = u32::from(present > 6 && self.chance(0.3));
        Some(Votes {
            expected_voting: expected,
            present_voting: present,
            yes: present - no,
            no,
            abstain: 0,
            written_yes: 0,
            passed: 2 * (present - no) > expected,
        })
    }

    pub(super) fn talks(&mut self, people: &[Person], org: &Org, out: &mut Vec<Talk>) {
        let leaders = org.leaders();
        out.reserve(people.len() + 21);
        for (i, p) in people.iter().enumerate() {
            if leaders.contains(&i) {
                // The secretary alone has nobody to talk with (MTG008 does not
                // ask it); committee members talk with each other below.
                continue;
            }
            let from = p.from.max(self.y0);
            let to = p.to.min(self.y1);
            if to < from {
                continue; // not in the branch this year
            }
            let leader = if self.chance(0.6) {
                org.secretary
            } else {
                self.pick(leaders, org.secretary)
            };
            if let Some(a) = p.away.filter(|a| a.kind == MobilityKind::Abroad) {
                // Abroad: a contact (by phone or video) every half-year.
                let back = a.to.unwrap_or(NaiveDate::MAX).min(to);
                for (h0, h1) in [(from, date(self.year, 6, 30)), (date(self.year, 7, 1), to)] {
                    let (lo, hi) = (h0.max(a.from).max(from), h1.min(back));
                    if lo > hi {
                        continue;
                    }
                    let day = self.between(lo, hi);
                    if self.fault() {
                        continue;
                    }
                    out.push(Talk {
                        date: day,
                        members: vec![member_id(leader), p.m.id.clone()],
                    });
                }
                continue;
            }
            let mut day = self.between(from, to);
            if let Some((a, z)) = p.exempt.filter(|_| p.exempt_on(day)) {
                day = if z < minus(to, 10) {
                    plus(z, 5)
                } else {
                    minus(a, 5).max(from)
                };
            }
            if self.fault() {
                continue;
            }
            out.push(Talk {
                date: day,
                members: vec![member_id(leader), p.m.id.clone()],
            });
        }
        for (k, &a) in org.committee.iter().enumerate() {
            for &c in org.committee.iter().skip(k + 1) {
                let day = self.between(self.y0, self.y1);
                if self.fault() {
                    continue;
                }
                out.push(Talk {
                    date: day,
                    members: vec![member_id(a), member_id(c)],
                });
            }
        }
        out.sort_by_key(|t| t.date);
    }

    pub(super) fn trainings(&mut self, people: &[Person], out: &mut Vec<Training>) {
        let year_days = days_between(self.y0, self.y1) + 1;
        let v11 = self.ledger.v11;
        out.reserve(people.len() * 5);
        for p in people {
            let from = p.from.max(self.y0);
            let to = p.to.min(self.y1);
            if to < from {
                continue;
            }
            let need: u64 = if p.cadre { 56 } else { 32 };
            let days = days_between(from, to) + 1;
            // Pro rata for part of the year, rounded up, plus a little more.
            let required = (need * days).div_ceil(year_days);
            let mut total = required + self.range(0, 12);
            if self.fault() {
                // 40–85% of what is required.
                total = required * self.frng.range(40, 85) / 100;
            }
            let cadre_course = p.cadre && total >= 24;
            if cadre_course {
                out.push(Training {
                    channel: v11.then_some(TrainingChannel::Offline),
                    member: p.m.id.clone(),
                    date: self.between(from, to),
                    hours: hours(24),
                    title: some_str("基层党组织书记和委员培训班"),
                });
                total -= 24;
            }
            while total > 0 {
                let chunk = self.pick(&[4u64, 6, 8, 8, 12, 16], 8).min(total);
                let title = self.pick(TRAINING_TITLES, "网络党校专题培训");
                out.push(Training {
                    channel: v11.then(|| channel(title)),
                    member: p.m.id.clone(),
                    date: self.between(from, to),
                    hours: hours(chunk as u32),
                    title: some_str(title),
                });
                total -= chunk;
            }
        }
    }

    // -- development --
}

/// How the hours of a course of this title were earned.
fn channel(title: &str) -> TrainingChannel {
    match title {
        "网络党校专题培训" => TrainingChannel::OnlineSchool,
        "学习强国专题学习" => TrainingChannel::Xuexi,
        _ => TrainingChannel::Offline,
    }
}
