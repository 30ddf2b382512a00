//! Members and their circumstances: ages, dues categories, exemptions, waivers.

use chrono::NaiveDate;

use crate::dues::{expected_monthly, is_base_rated};
use crate::model::{
    BranchKind, Candidate, DuesCategory, Member, MemberStatus, Money, PaymentCycle, WaiverKind,
    YearMonth, add_months,
};

use super::*;

impl Person {
    pub(super) fn in_branch(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }

    pub(super) fn exempt_on(&self, d: NaiveDate) -> bool {
        self.exempt.is_some_and(|(a, b)| a <= d && d <= b)
    }

    pub(super) fn lapsed(&self, month: u32) -> bool {
        self.lapse.is_some_and(|(a, b)| a <= month && month <= b)
    }

    pub(super) fn full_on(&self, d: NaiveDate) -> bool {
        self.m.admitted_on <= d
            && match self.m.full_on {
                Some(f) => f <= d,
                None => self.m.status == MemberStatus::Full,
            }
    }

    /// Whether month `m` is owed here (mirrors [`crate::dues::MemberDues::owes`]).
    pub(super) fn owes(&self, m: YearMonth) -> bool {
        let day1 = m.first_day();
        let admitted = self.m.admitted_on;
        if admitted <= day1 && self.in_branch(day1) {
            return true;
        }
        if YearMonth::of(admitted) == m && self.in_branch(admitted) {
            return true;
        }
        if let (Some(from), Some(paid)) = (self.m.in_branch_from, self.m.dues_paid_until) {
            if YearMonth::of(from) == m && paid < m && self.in_branch(from) && admitted <= from {
                return true;
            }
        }
        false
    }

    /// Computes the monthly amounts of the base and the raise (the dues
    /// calculator, [`expected_monthly`]), once.
    pub(super) fn rate(&mut self) {
        let cat = self.m.dues_category;
        if !is_base_rated(cat) {
            return;
        }
        let amount = |fen| {
            expected_monthly(&PROFILE.dues, cat, Some(Money::from_fen(fen)))
                .amount()
                .unwrap_or(Money::ZERO)
        };
        let base = amount(self.base);
        let raised = self.raise.map_or(base, |(_, fen)| amount(fen));
        self.rated = Some((base, raised));
    }

    /// The amount on the base in effect in `m` (`None`: no base).
    pub(super) fn rated_in(&self, m: YearMonth) -> Option<Money> {
        if self.no_base || m < self.base_from {
            return None;
        }
        let (base, raised) = self.rated?;
        Some(match self.raise {
            Some((from, _)) if m >= from => raised,
            _ => base,
        })
    }

    /// What the member pays for month `m`: `None` if nothing is owed
    /// (not owed, settled, waived).
    pub(super) fn amount(&self, m: YearMonth) -> Option<Money> {
        if !self.owes(m) || self.m.dues_paid_until.is_some_and(|p| m <= p) {
            return None;
        }
        if let Some(w) = self
            .waiver
            .filter(|w| w.approved && w.from <= m && m <= w.to)
        {
            return match w.kind {
                WaiverKind::Waive => None,
                WaiverKind::Reduce => Some(Money::from_fen(w.amount_fen)),
            };
        }
        let cat = self.m.dues_category;
        if is_base_rated(cat) {
            // No base on file: a guessed amount.
            return Some(self.rated_in(m).unwrap_or(Money::from_fen(5000)));
        }
        Some(match cat {
            DuesCategory::Farmer => Money::from_fen(self.farmer_fen),
            _ => *PROFILE.dues.fixed_amount.value(),
        })
    }
}

impl Gen {
    pub(super) fn core_member(
        &mut self,
        i: usize,
        stable: bool,
        kind: BranchKind,
        founded: NaiveDate,
    ) -> Person {
        let senior = i < 3;
        let cat = if senior {
            match kind {
                BranchKind::Village if self.chance(0.6) => DuesCategory::Farmer,
                _ => DuesCategory::Salaried,
            }
        } else {
            self.weighted(categories(kind), DuesCategory::Salaried)
        };
        let (lo, hi) = if stable && cat != DuesCategory::Retired {
            (38, 58)
        } else {
            ages(cat)
        };
        let age = self.range(lo, hi);
        let born = date(
            self.year - age as i32,
            1 + self.below(12) as u32,
            1 + self.below(28) as u32,
        );
        // Admitted at 18–35 (students at 18–20), at the latest two years ago
        // (so a full member all year); stable members at least nine years ago.
        let admit_age = if cat == DuesCategory::Student {
            self.range(18, 20)
        } else {
            self.range(20, 35)
        };
        let latest = if stable {
            date(self.year - 10, 12, 31)
        } else {
            date(self.year - 2, 12, 31)
        };
        let mut admitted = plus(add_months(born, admit_age as u32 * 12), self.below(365));
        if admitted > latest {
            admitted = minus(latest, self.below(180));
        }
        let floor = plus(add_months(born, 18 * 12), 1);
        if admitted < floor {
            admitted = floor;
        }
        let gender = self.gender();
        let name = self.name(gender);
        let leading = matches!(
            kind,
            BranchKind::Organ | BranchKind::Enterprise | BranchKind::School | BranchKind::Hospital
        ) && cat != DuesCategory::Retired
            && self.chance(if i == 0 { 0.6 } else { 0.04 });
        let (blo, bhi) = base_range(kind, cat);
        let base = self.base(blo, bhi);
        let raise = self
            .chance(0.25)
            .then(|| (ym(self.year, 7), base + base * self.range(3, 8) / 100));
        let farmer_fen = self.pick(&[20u64, 50, 50, 100, 100], 50);
        let base_from = ym(self.year - 1, 1 + self.below(12) as u32);
        let from = founded.max(admitted);
        Person {
            m: Member {
                left_reason: None,
                id: member_id(i),
                name,
                gender: Some(gender),
                born_on: Some(born),
                status: MemberStatus::Full,
                admitted_on: admitted,
                full_on: Some(add_months(admitted, 12)),
                in_branch_from: None,
                in_branch_to: None,
                dues_category: cat,
                payment_cycle: None,
                dues_paid_until: None,
                rights_suspended: false,
                leading_cadre: leading,
            },
            from,
            to: NaiveDate::MAX,
            stable,
            base,
            base_from,
            raise,
            rated: None,
            farmer_fen,
            quarterly: false,
            exempt: None,
            exempt_reason: None,
            away: None,
            lump: false,
            waiver: None,
            lapse: None,
            arrears_from: None,
            no_base: false,
            cadre: leading,
        }
    }

    /// A monthly base in fen between `lo` and `hi` yuan: whole tens of yuan,
    /// or (half the time) with jiao and fen as after-tax pay has.
    pub(super) fn base(&mut self, lo: u64, hi: u64) -> u64 {
        let yuan = self.range(lo / 10, hi / 10) * 10;
        let fen = if self.chance(0.5) {
            self.below(1000)
        } else {
            0
        };
        yuan * 100 + fen
    }

    pub(super) fn dev_member(
        &mut self,
        pos: usize,
        c: &Candidate,
        admitted: NaiveDate,
        full_on: Option<NaiveDate>,
        kind: BranchKind,
    ) -> Person {
        let cat = match kind {
            BranchKind::Village if self.chance(0.7) => DuesCategory::Farmer,
            BranchKind::School if self.chance(0.3) => DuesCategory::Student,
            _ => DuesCategory::Salaried,
        };
        let (blo, bhi) = base_range(kind, cat);
        let base = self.base(blo, bhi);
        let farmer_fen = self.pick(&[20u64, 50, 100], 50);
        Person {
            m: Member {
                left_reason: None,
                id: member_id(pos),
                name: c.name.clone(),
                gender: c.gender,
                born_on: c.born_on,
                status: if full_on.is_some() {
                    MemberStatus::Full
                } else {
                    MemberStatus::Probationary
                },
                admitted_on: admitted,
                full_on,
                in_branch_from: None,
                in_branch_to: None,
                dues_category: cat,
                payment_cycle: None,
                dues_paid_until: None,
                rights_suspended: false,
                leading_cadre: false,
            },
            from: admitted,
            to: NaiveDate::MAX,
            stable: false,
            base,
            base_from: YearMonth::of(admitted),
            raise: None,
            rated: None,
            farmer_fen,
            quarterly: false,
            exempt: None,
            exempt_reason: None,
            away: None,
            lump: false,
            waiver: None,
            lapse: None,
            arrears_from: None,
            no_base: false,
            cadre: false,
        }
    }

    /// Payment cycles, exemptions, waivers, and the member-level faults.
    pub(super) fn circumstances(&mut self, people: &mut [Person], stable: usize, kind: BranchKind) {
        let year = self.year;
        let away = away_rate(kind);
        for (i, p) in people.iter_mut().enumerate() {
            let moved = p.m.in_branch_from.is_some() || p.m.in_branch_to.is_some();
            let newly = p.m.status == MemberStatus::Probationary || p.m.admitted_on >= self.y0;
            let settled_in = !moved && !newly && i >= stable;
            let cat = p.m.dues_category;
            if settled_in && !p.m.leading_cadre && self.chance(away) {
                // Away for work or study, or abroad (流动党员, 出国（境）).
                self.away(p, kind);
            } else if settled_in && !p.m.leading_cadre && self.chance(0.04) {
                // An approved exemption (正当理由).
                let start = 2 + self.below(8) as u32;
                if self.chance(0.25) {
                    // A long illness into the next year.
                    let from = date(year, 9 + self.below(3) as u32, 1 + self.below(28) as u32);
                    p.exempt = Some((from, date(year + 1, 2, 28)));
                } else {
                    let len = 1 + self.below(3) as u32;
                    let from = date(year, start, 1 + self.below(10) as u32);
                    let to = ym(year, start + len - 1).last_day();
                    p.exempt = Some((from, to));
                    p.lump = self.chance(0.5);
                }
            } else if settled_in
                && matches!(cat, DuesCategory::Retired | DuesCategory::Farmer)
                && self.chance(0.25)
            {
                p.quarterly = true;
                p.m.payment_cycle = Some(PaymentCycle::Quarterly);
            } else if settled_in
                && matches!(
                    cat,
                    DuesCategory::Relief | DuesCategory::LowIncome | DuesCategory::Unemployed
                )
                && self.chance(0.35)
            {
                p.waiver = Some(PersonWaiver {
                    from: ym(year, 1),
                    to: ym(year, 12),
                    kind: WaiverKind::Waive,
                    amount_fen: 0,
                    approved: true,
                });
            } else if settled_in && cat == DuesCategory::Retired && self.chance(0.05) {
                p.waiver = Some(PersonWaiver {
                    from: ym(year, 1 + self.below(6) as u32),
                    to: ym(year, 12),
                    kind: WaiverKind::Reduce,
                    amount_fen: 100,
                    approved: true,
                });
            } else if self.chance(0.02) && settled_in {
                p.m.payment_cycle = Some(PaymentCycle::Monthly);
            }

            // Faults.
            if let Some(w) = p.waiver.as_mut() {
                if self.rate > 0.0 && self.frng.chance(self.rate) {
                    w.approved = false;
                }
            }
            if i == 0 {
                continue; // the secretary's December payment is the year-end anchor
            }
            if settled_in
                && !p.quarterly
                && p.exempt.is_none()
                && p.away.is_none()
                && self.fault_at(0.5)
            {
                let len = 6 + self.frng.below(3) as u32;
                let first = 1 + self.frng.below(u64::from(13 - len)) as u32;
                p.lapse = Some((first, first + len - 1));
            }
            if self.fault() {
                p.arrears_from = Some(13 - (3 + self.frng.below(6) as u32));
            }
            if is_base_rated(cat) && self.fault_at(0.5) {
                p.no_base = true;
            }
        }
    }
    // -- dues --
}
