//! The committee (its seats, its term, now and then a postponed election) and
//! the party groups.

use chrono::NaiveDate;

use crate::model::{BranchKind, Committee, CommitteeRole, CommitteeSeat, Postponement, add_months};

use super::*;

/// The 任期意见 (2018-07): from then on village and community committees
/// serve 5 years, the others 3.
fn renqi() -> NaiveDate {
    date(2018, 7, 1)
}

/// The term a branch elects on `elected_on`: 5 years for a village or
/// community branch elected under the 任期意见, 3 otherwise (before it the
/// 党章's 3 to 5 years, and 3 was the usual term).
fn term_for(kind: BranchKind, elected_on: NaiveDate) -> u32 {
    let village = matches!(kind, BranchKind::Village | BranchKind::Community);
    if village && elected_on >= renqi() {
        5
    } else {
        3
    }
}

impl Gen {
    pub(super) fn organisation(
        &mut self,
        people: &[Person],
        full_at_end: usize,
        kind: BranchKind,
    ) -> (Option<Committee>, Org) {
        let with_committee = full_at_end >= 7 && !self.fault_at(0.5);
        let mut org = Org {
            committee: Vec::new(),
            secretary: 0,
            recorder: 1,
            collector: 0,
            groups: Vec::new(),
        };
        let committee = if with_committee {
            let mut seats: usize = if full_at_end < 15 {
                3
            } else if full_at_end < 30 {
                if self.chance(0.3) { 3 } else { 5 }
            } else if self.chance(0.4) {
                5
            } else {
                7
            };
            if self.fault() {
                seats = 2;
            }
            let roles: &[CommitteeRole] = match seats {
                2 => &[CommitteeRole::Secretary, CommitteeRole::Organization],
                3 => &[
                    CommitteeRole::Secretary,
                    CommitteeRole::Organization,
                    CommitteeRole::Propaganda,
                ],
                5 => &[
                    CommitteeRole::Secretary,
                    CommitteeRole::DeputySecretary,
                    CommitteeRole::Organization,
                    CommitteeRole::Propaganda,
                    CommitteeRole::Discipline,
                ],
                _ => &[
                    CommitteeRole::Secretary,
                    CommitteeRole::DeputySecretary,
                    CommitteeRole::Organization,
                    CommitteeRole::Propaganda,
                    CommitteeRole::Discipline,
                    CommitteeRole::Member,
                    CommitteeRole::Member,
                ],
            };
            let (elected_on, term_years, postponement) = self.term(kind);
            org.committee = (0..roles.len()).collect();
            org.recorder = if roles.len() > 2 { 2 } else { 1 };
            org.collector = roles
                .iter()
                .position(|r| *r == CommitteeRole::Organization)
                .unwrap_or(0);
            Some(Committee {
                postponement,
                elected_on,
                term_years,
                members: roles
                    .iter()
                    .enumerate()
                    .map(|(i, &role)| CommitteeSeat {
                        member: member_id(i),
                        role,
                    })
                    .collect(),
            })
        } else {
            None
        };
        // Groups of bigger branches: members dealt round-robin, so that each
        // group has a stable member to lead it.
        let n = people.len();
        if n >= 15 {
            let k = if n < 28 {
                2
            } else if n < 40 {
                3
            } else {
                4
            };
            for g in 0..k {
                let members: Vec<usize> = (g..n).step_by(k).collect();
                let leader = if g == 0 { g + k } else { g };
                org.groups
                    .push((gen_id(format!("G{}", g + 1)), members, leader));
            }
        }
        (committee, org)
    }

    /// The committee's election, its term and a postponement, if any.
    ///
    /// Clean: elected within its term (3 years, or 5 for a village or
    /// community branch elected under the 任期意见), more than six months
    /// before it ends; one committee in five elected this year; one in thirty
    /// whose term ended in the second half of this year with the election
    /// postponed by (just under) a year with the higher committee's approval
    /// (选举条例 art. 3), so the new deadline is more than six months away.
    /// Faults: the term expired (ORG003); a term of the wrong length (ORG005).
    fn term(&mut self, kind: BranchKind) -> (NaiveDate, u32, Option<Postponement>) {
        let year = self.year;
        let village = matches!(kind, BranchKind::Village | BranchKind::Community);
        let expired = self.fault();
        let this_year = self.chance(0.2);
        let postpone = self.chance(1.0 / 30.0);
        let (elected_on, postponement) = if expired {
            let t = if village { 5 } else { 3 };
            let d = self.between(date(year - t - 1, 1, 1), date(year - t, 6, 30));
            (d, None)
        } else if this_year {
            (self.between(date(year, 1, 5), date(year, 11, 30)), None)
        } else {
            // The term's length decides the window: 5 years where the whole
            // window lies under the 任期意见.
            let five = |from: NaiveDate| village && from >= renqi();
            let t = if five(date(year - 5, 7, 15)) { 5 } else { 3 };
            let d = self.between(date(year - t, 7, 15), date(year - t, 11, 30));
            if postpone && term_for(kind, d) == t as u32 {
                let ends_on = add_months(d, t as u32 * 12);
                let approved_on = minus(ends_on, self.range(5, 60));
                let until = minus(add_months(ends_on, 12), self.range(0, 10));
                (d, Some(Postponement::new(approved_on, until)))
            } else {
                let t = if five(date(year - 4, 7, 15)) { 5 } else { 3 };
                let d = self.between(date(year - t + 1, 7, 15), date(year - 1, 12, 20));
                (d, None)
            }
        };
        let mut term = term_for(kind, elected_on);
        if self.fault() {
            // 3 for a village elected under the 意见, 5 for the others; 6
            // (outside the 党章's 3 to 5) before it.
            term = match (term, elected_on >= renqi()) {
                (5, _) => 3,
                (_, true) => 5,
                _ => 6,
            };
        }
        (elected_on, term, postponement)
    }
}

impl Org {
    /// Who collects the dues of the member at `pos`: the leader of their
    /// party group, else the committee's 组织委员 (or the secretary).
    pub(super) fn collector(&self, pos: usize) -> usize {
        let k = self.groups.len();
        if k > 0 {
            if let Some((_, _, leader)) = self.groups.get(pos % k) {
                return *leader;
            }
        }
        self.collector
    }
}
