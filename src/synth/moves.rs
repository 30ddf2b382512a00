//! Members who come, go or are away: transfers in and out with their letters
//! (组织关系介绍信, 回执), members away for work or study (流动党员), abroad
//! (出国（境）), out of contact (失联), and deaths; the `transfers` and
//! `mobility` tables.

use chrono::NaiveDate;

use crate::model::{
    Bundle, DuesCategory, LeftReason, Mobility, MobilityKind, Transfer, TransferDirection,
    YearMonth, add_months,
};

use super::*;

/// A stretch of time away from the branch (a `mobility` record).
#[derive(Clone, Copy)]
pub(super) struct Away {
    pub(super) kind: MobilityKind,
    pub(super) from: NaiveDate,
    /// The last day away (`None`: still away at the year end).
    pub(super) to: Option<NaiveDate>,
    pub(super) place: Option<&'static str>,
    pub(super) fixed: bool,
    pub(super) suspended_on: Option<NaiveDate>,
    /// The reason given for absences from meetings while away.
    pub(super) excuse: &'static str,
}

/// Chance that a settled ordinary member is away some time (per member).
pub(super) fn away_rate(kind: BranchKind) -> f64 {
    match kind {
        BranchKind::Village => 0.08,
        BranchKind::Enterprise | BranchKind::Community => 0.04,
        _ => 0.025,
    }
}

impl Person {
    /// Away on `d` (a lost contact is not "away": such members have left).
    pub(super) fn away_on(&self, d: NaiveDate) -> Option<&'static str> {
        let a = self.away.as_ref()?;
        (a.kind != MobilityKind::LostContact && a.from <= d && a.to.is_none_or(|t| d <= t))
            .then_some(a.excuse)
    }
}

impl Gen {
    /// A settled member away for a while: abroad (with an approved exemption
    /// and a contact every half-year), away for a few months at a fixed place
    /// (back before six months), or working away at changing places.
    pub(super) fn away(&mut self, p: &mut Person, kind: BranchKind) {
        let year = self.year;
        let local = matches!(kind, BranchKind::Village | BranchKind::Community);
        let r = self.below(100);
        let abroad_share = if local { 8 } else { 20 };
        if r < abroad_share {
            let earliest = plus(p.from.max(date(year - 2, 3, 1)), 30);
            let from = self.between(earliest, date(year, 2, 28));
            let to = self
                .chance(0.4)
                .then(|| self.between(date(year, 7, 1), date(year, 11, 30)));
            p.exempt = Some((from, to.unwrap_or(date(year + 1, 8, 31))));
            p.exempt_reason = Some("abroad");
            p.away = Some(Away {
                kind: MobilityKind::Abroad,
                from,
                to,
                place: Some(if local {
                    self.pick(PLACES_ABROAD_WORK, "新加坡")
                } else {
                    self.pick(PLACES_ABROAD, "新加坡")
                }),
                fixed: true,
                suspended_on: None,
                excuse: if local {
                    "出国（境）务工"
                } else {
                    "出国（境）学习"
                },
            });
        } else if r < 55 {
            // A few months away and back (less than six: no transfer due).
            let study = self.chance(0.4);
            let from = self.between(date(year, 1, 10), date(year, 8, 31));
            let to = plus(from, self.range(30, 150)).min(minus(self.y1, 5));
            let (kind, place, excuse) = if p.m.dues_category == DuesCategory::Retired {
                (
                    MobilityKind::Life,
                    self.pick(PLACES_WORK, "深圳"),
                    "异地居住",
                )
            } else if study || p.m.dues_category == DuesCategory::Student {
                (
                    MobilityKind::Study,
                    self.pick(PLACES_STUDY, "省委党校"),
                    "外出学习",
                )
            } else {
                (
                    MobilityKind::Work,
                    self.pick(PLACES_WORK, "深圳"),
                    "外出务工",
                )
            };
            p.away = Some(Away {
                kind,
                from,
                to: Some(to),
                place: Some(place),
                fixed: self.chance(0.6),
                suspended_on: None,
                excuse,
            });
        } else {
            // Working away at changing places (地点不固定): no transfer due.
            let from = self.between(date(year - 1, 3, 1), date(year, 6, 30));
            let back = self.chance(0.5);
            let to = back.then(|| self.between(plus(from, 60), minus(self.y1, 5)));
            p.away = Some(Away {
                kind: MobilityKind::Work,
                from,
                to,
                place: Some(self.pick(PLACES_ROAMING, "广东、福建等地")),
                fixed: false,
                suspended_on: None,
                excuse: "外出务工",
            });
        }
    }

    /// Now and then a member transferred out (sometimes after months at
    /// work elsewhere), one transferred in, a retired member who died, and a
    /// member the branch lost contact with two years ago, whose membership
    /// was suspended (停止党籍) after six months.
    pub(super) fn moves(&mut self, people: &mut [Person], stable: usize, core: usize) {
        if core < 8 {
            return;
        }
        let year = self.year;
        let v11 = self.ledger.v11;
        let span = (core - stable) as u64;
        let out = self.chance(0.3).then(|| stable + self.below(span) as usize);
        let inn = self.chance(0.3).then(|| stable + self.below(span) as usize);
        let window = (date(year, 2, 1), date(year, 11, 30));
        if let Some(p) = out.and_then(|i| people.get_mut(i)) {
            let to = self.between(window.0, window.1);
            p.m.in_branch_to = Some(to);
            p.m.left_reason = v11.then_some(LeftReason::Transferred);
            p.to = to;
            if self.chance(0.35) {
                // Worked (or, retired, lived with their children) in another
                // city first, then moved the relations there.
                let from = minus(to, self.range(60, 300));
                let (kind, excuse) = if p.m.dues_category == DuesCategory::Retired {
                    (MobilityKind::Life, "异地居住")
                } else {
                    (MobilityKind::Work, "外出务工")
                };
                p.away = Some(Away {
                    kind,
                    from,
                    to: Some(to),
                    place: Some(self.pick(PLACES_WORK, "深圳")),
                    fixed: true,
                    suspended_on: None,
                    excuse,
                });
            }
        }
        if let Some(p) = inn
            .filter(|i| Some(*i) != out)
            .and_then(|i| people.get_mut(i))
        {
            let from = self.between(window.0, window.1);
            p.m.in_branch_from = Some(from);
            // The transfer letter: dues settled up to the month of the move,
            // or to the month before (then that month is owed here).
            p.m.dues_paid_until = Some(if self.chance(0.7) {
                YearMonth::of(from)
            } else {
                YearMonth::of(from).pred()
            });
            p.from = from;
            p.base_from = p.base_from.min(YearMonth::of(from));
        }
        let taken = |i: usize| Some(i) == out || Some(i) == inn;
        let died = self
            .chance(death_rate(people.len()))
            .then(|| stable + self.below(span) as usize)
            .filter(|&i| !taken(i));
        if let Some(p) = died.and_then(|i| people.get_mut(i)) {
            if p.m.dues_category == DuesCategory::Retired {
                let to = self.between(window.0, window.1);
                p.m.in_branch_to = Some(to);
                p.m.left_reason = v11.then_some(LeftReason::Died);
                p.to = to;
            }
        }
        let lost = self
            .chance(0.08)
            .then(|| stable + self.below(span) as usize)
            .filter(|&i| !taken(i) && Some(i) != died);
        if let Some(p) = lost.and_then(|i| people.get_mut(i)) {
            if p.m.admitted_on < date(year - 4, 1, 1) {
                let from = self.between(date(year - 2, 1, 1), date(year - 2, 12, 31));
                let decided = plus(add_months(from, 6), self.range(5, 60));
                p.m.in_branch_to = Some(decided);
                p.m.left_reason = v11.then_some(LeftReason::Other);
                p.to = decided;
                p.away = Some(Away {
                    kind: MobilityKind::LostContact,
                    from,
                    to: None,
                    place: None,
                    fixed: false,
                    suspended_on: Some(decided),
                    excuse: "失去联系",
                });
            }
        }
    }

    /// The `transfers` and `mobility` tables (branches that keep them), with
    /// their faults: an incoming member reported after the letter's validity
    /// (REL001), no receipt back (REL002), a departure with no letter in its
    /// month (REL003), working away at a fixed place for six months without a
    /// transfer (REL004), no decision on a lost contact (REL005).
    pub(super) fn letters(&mut self, people: &[Person], b: &mut Bundle) {
        if !self.ledger.letters {
            return;
        }
        for p in people {
            if let Some(from) = p.m.in_branch_from {
                let late = self.fault();
                let cross = !late && self.chance(0.2);
                let issued = if late {
                    minus(from, self.range(40, 75))
                } else {
                    minus(from, self.range(3, 25))
                };
                let org = self.org_name();
                b.transfers.push(Transfer {
                    member: p.m.id.clone(),
                    direction: TransferDirection::In,
                    issued_on: issued,
                    valid_until: Some(add_months(issued, if cross { 3 } else { 1 })),
                    org: Some(org),
                    reported_on: Some(from),
                    receipt_on: None,
                    cross_system: cross,
                });
            }
            if let (Some(to), Some(LeftReason::Transferred)) = (p.m.in_branch_to, p.m.left_reason) {
                let cross = self.chance(0.2);
                let org = match p.away.and_then(|a| a.place) {
                    // To the place they went to.
                    Some(place) => {
                        let s = self.pick(STREETS, "解放路");
                        format!("中共{place}市{s}街道工作委员会")
                    }
                    None => self.org_name(),
                };
                let issued = if self.fault() {
                    // Issued two months or more before the member left.
                    minus(to, self.range(45, 80))
                } else {
                    minus(to, self.range(0, 7))
                };
                let receipt = Some(plus(issued, self.range(7, 40)))
                    .filter(|d| *d <= self.y1 && !self.fault());
                b.transfers.push(Transfer {
                    member: p.m.id.clone(),
                    direction: TransferDirection::Out,
                    issued_on: issued,
                    valid_until: Some(add_months(issued, if cross { 3 } else { 1 })),
                    org: Some(org),
                    reported_on: None,
                    receipt_on: receipt,
                    cross_system: cross,
                });
            }
        }
        for p in people {
            let Some(a) = p.away else {
                continue;
            };
            let mut m = Mobility {
                member: p.m.id.clone(),
                kind: a.kind,
                from: a.from,
                to: a.to,
                place: a.place.map(str::to_owned),
                place_fixed: a.fixed,
                suspended_on: a.suspended_on,
            };
            match a.kind {
                MobilityKind::Work if !a.fixed && self.fault() => {
                    // In fact at one place, still there, not transferred.
                    m.place_fixed = true;
                    m.to = None;
                }
                MobilityKind::LostContact if self.fault() => m.suspended_on = None,
                _ => {}
            }
            b.mobility.push(m);
        }
    }

    /// The organisation at the other end of a transfer letter.
    fn org_name(&mut self) -> String {
        let city = self.pick(CITIES, "江城");
        match self.below(4) {
            0 => {
                let organ = self.pick(ORGANS, "财政局");
                format!("中共{city}市{organ}机关委员会")
            }
            1 => {
                let c = self.pick(COMPANIES, "华信");
                format!("中共{city}{c}集团有限公司委员会")
            }
            2 => {
                let s = self.pick(STREETS, "解放路");
                format!("中共{city}市{s}街道工作委员会")
            }
            _ => {
                let t = self.pick(TOWNS, "青山");
                format!("中共{city}县{t}镇委员会")
            }
        }
    }
}

/// Chance that a retired member of a branch of `n` members died this year.
fn death_rate(n: usize) -> f64 {
    (n as f64 / 100.0).min(0.3)
}
