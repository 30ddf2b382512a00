//! Synthetic branch records: a deterministic generator of realistic bundles,
//! clean or with faults planted at a chosen rate.
//!
//! This is the generator behind `examples/generate.rs` and the benches. Bundle
//! `index` of a data set is a pure function of the options and the index
//! ([`bundle`]), so bundles can be generated in any order, in parallel, or
//! streamed one at a time without holding the others.
//!
//! ```
//! use chrono::NaiveDate;
//! use dangjian::Auditor;
//! use dangjian::synth::{self, SynthOptions};
//!
//! let opts = SynthOptions { branches: 3, seed: 7, ..SynthOptions::default() };
//! let b = synth::bundle(&opts, 2);
//! assert_eq!(b, synth::bundle(&opts, 2)); // deterministic
//! let year_end = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
//! assert_eq!(b.latest_event_date(), Some(year_end));
//! // No faults: a clean bundle, no finding with every rule on.
//! assert!(Auditor::new(year_end).check(&b).is_empty());
//!
//! // Faults planted at a rate of 5% per opportunity.
//! let faulty = SynthOptions { faults: 0.05, ..opts.clone() };
//! let findings: usize = faulty.bundles().map(|b| Auditor::new(year_end).check(&b).len()).sum();
//! assert!(findings > 0);
//! ```
//!
//! # What a bundle holds
//!
//! One branch (党支部) and its records (台账) of the year [`SynthOptions::year`]:
//!
//! * **The branch**: a kind (organ, enterprise, school, hospital, village,
//!   community) with a fitting Chinese name, founded years ago; 3–50 members
//!   (mean about 25); a committee (支委会, 3, 5 or 7 seats with a secretary)
//!   when it has 7 or more full members, a secretary otherwise; party groups
//!   (党小组) from 15 members. The committee was elected within its term: 3
//!   years, 5 for a village or community branch elected from 2018-07 on
//!   (任期意见); one in thirty whose term ended in the second half of the year
//!   has the election postponed with approval by just under a year.
//!   The 支委会 meets with half or more of its members present.
//! * **Members**: Chinese names, ages and dues categories that fit the kind
//!   (mostly salaried; retired, farmers, students, the unemployed, relief and
//!   low-income members where they belong), some leading cadres, now and then
//!   a member transferred in or out during the year (with the letters: the
//!   incoming member reports within the letter's validity, the receipt of
//!   the outgoing letter comes back), a retired member who died, a member
//!   the branch lost contact with two years ago and whose membership was
//!   suspended after six months. Some members are away (`mobility`): for a
//!   few months of work or study at a fixed place (back before six months),
//!   working at changing places, living with their children (retired),
//!   abroad (with an approved exemption and a contact every half-year), or
//!   away before moving their relations to the place they went to; while
//!   away they are excused from meetings.
//! * **Dues**: a base for every base-rated member (a raise in July now and
//!   then), a year of payments of exactly the amount the dues calculator
//!   expects ([`crate::dues::expected_monthly`]), collected on the branch's
//!   collection day each month (a member admitted or transferred in that
//!   month pays after arriving); some retired members and farmers pay by
//!   quarter; approved waivers and reductions for members in difficulty;
//!   approved exemptions (illness, abroad, …), whose months are sometimes
//!   paid in one payment on return. Branches that keep receipts number them
//!   in the order of payment and name the collector (the group leader or the
//!   组织委员); branches that keep the books remit each quarter's (or month's)
//!   collection in full in the month after it and publish the year's
//!   figures at the year end (the fourth quarter is remitted in January,
//!   after the year end; last year's fourth quarter this January).
//! * **Organisational life**: every meeting the rules require, each with a
//!   topic, chair, recorder, hours and attendance (present, or excused with a
//!   reason; absent while exempt): a 支部党员大会 every quarter (sometimes with a
//!   vote), a 支委会 and a 党小组会 of every group every month, a 党课 every quarter,
//!   a 主题党日 every month, the year's 民主评议党员 and 组织生活会 in December (and
//!   the previous year's in January, counting for that year), a few study
//!   sessions; a talk (谈心谈话) of every member with a committee member or the
//!   secretary, and of every two committee members; training hours (32 a year,
//!   56 for cadres, pro rata for part of a year). Leading cadres attend the
//!   组织生活会 (双重组织生活). Branches that tag their meetings hold an ideology
//!   review (tag `ideology`) at a 支委会 (or 支部党员大会) every half-year, and
//!   list the 组织生活会's rectification items: last year's due in spring and
//!   done in time, this year's due next spring.
//! * **Development**: a few candidates per branch at every stage (applicant,
//!   activist, candidate for development, probationary, converted), each with
//!   a compliant file: the 25 steps in order with the required intervals,
//!   contacts and introducers who are full members, a qualified political
//!   review, three days of training, publicities of 5–7 PRC working days
//!   ([`crate::calendar::Prc`]) before their gate steps (all four stages, not
//!   only those the central profile requires), quorate votes carried by a
//!   majority, and now and then a probation extended once by 6–12 months.
//!   Those admitted are members of the branch (probationary, or full once
//!   converted), named by `candidates.member`.
//!
//! One branch in eight exports as v1 did, without any of the optional v1.1
//! records (`left_reason`, receipts, remittances, publications, tags,
//! rectifications, transfers, mobility, `candidates.member`, training
//! channels); the others keep each book with some probability, so every gate
//! of the rules on optional data is exercised both ways.
//!
//! The latest event date of every bundle is 31 December of the year (the
//! secretary's December dues), so the audit command's default `as_of` is the
//! year end. Everything else happens on or before it.
//!
//! With [`SynthOptions::faults`] = 0 the bundle is clean: auditing it with
//! every rule on, `as_of` = the year end and the period = the year yields no
//! finding at all.
//!
//! # Faults
//!
//! With `faults` = *p*, each opportunity below is taken with probability *p*
//! (where the table says *p*/2, with half that), so a data set has faults
//! of every family. Faults are drawn from a random stream of their own, so
//! most of a faulty data set is the same as the clean one of the same seed:
//! the records a fault touches differ, and sometimes some that follow them.
//!
//! | opportunity | fault | finding |
//! |---|---|---|
//! | each owed month (quarter) of a member | payment skipped | DUE001 (DUE003 in runs) |
//! | each owed month | half the amount paid | DUE002 |
//! | each owed month of January–May (*p*/2) | paid in December | DUE005 |
//! | each member | no payment for the last 3–8 months | DUE001, DUE003 / DUE004 |
//! | each base-rated member (*p*/2) | no dues base, a guessed amount paid | DUE007 |
//! | each waiver | no higher approval | DUE006, DUE001 |
//! | each member transferred in | a settled month paid again | DUE008 |
//! | each required meeting | not held | MTG001–MTG007 |
//! | each meeting held | no topic (and, one time in five, no chair) | MTG012 |
//! | each attendance entry | absent without excuse | MTG009 (at 3 a year) |
//! | each member (*p*/2) | 6–8 months absent from everything, and unpaid | MTG010, DUE004 |
//! | each vote taken at a 支部党员大会 | no quorum | MTG011 |
//! | each 支委会 held (*p*/2) | fewer than half of the committee present | MTG014 |
//! | each leading cadre | excused from the year's 组织生活会 | MTG013 |
//! | each rectification item of last year's 组织生活会 | still open, or done late | MTG015 |
//! | each half-year (branches that tag meetings) | no ideology review | IDE001 |
//! | each payment (branches that keep receipts, *p*/2) | no receipt number | DUE009 |
//! | each of the first three quarters (branches that keep the books) | remitted 5–30% short | DUE010 |
//! | the year (branches that keep the books) | not published | DUE011 |
//! | each member transferred in | reported after the letter's validity | REL001 |
//! | each member transferred out | the letter issued two months before leaving (REL003); no receipt back (REL002, once overdue) | REL003; REL002 |
//! | each member working at changing places | in fact at one place for 6 months and more, not transferred | REL004 |
//! | each member out of contact | no decision to suspend the membership | REL005 |
//! | each half-year abroad | no contact | REL006 (MTG008 if both) |
//! | each member; each two committee members | no talk | MTG008 |
//! | each member | too few training hours | EDU001 / EDU002 |
//! | each candidate, for each of 21 kinds | under age; late talk; a step missing; three contacts; an activist assessment skipped; short activist period; one introducer; no political review; short training; no or short candidate publicity; no quorum; passed without a majority; late approval; higher talk after the approval; no oath; early conversion; probation extended by 3–5 months; conversion meeting never held; no conversion publicity; not archived | DEV001–DEV020 (each once the step concerned is reached by the year end) |
//! | the committee | term expired; 2 seats; a term of the wrong length; none for ≥ 7 full members (*p*/2) | ORG003; ORG002; ORG005; ORG001 |
//! | the bundle (*p*/4) | 55–58 members | ORG004 |
//! | the bundle (*p*/2 each) | a payment for an unknown member; a duplicate meeting id; `full_on` before `admitted_on` | DAT001; DAT002; DAT003 |
//!
//! Faults never move an event past the year end, so `as_of` stays the year end.
//! At *p* = 1 every meeting is skipped, so the faults of meetings held
//! (MTG011–MTG014) show only at lower rates.
//!
//! # Determinism
//!
//! Randomness comes from [`SplitMix64`], written out here rather than taken
//! from a crate: its output for a seed is fixed forever, so a `(seed, index)`
//! names the same bundle in every version of this crate's generator that does
//! not change the generation itself (unlike `rand`, whose streams may change
//! between versions). The generator never panics, whatever the options: the
//! year is clamped to [`MIN_YEAR`]`..=`[`MAX_YEAR`] and the fault rate to
//! `0.0..=1.0`.

use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::model::{
    Branch, BranchKind, Bundle, DuesPayment, Gender, Group, Id, MeetingKind, Member, Money,
    PeriodSpec, WaiverKind, YearMonth, sub_months,
};
use crate::profile::Profile;

/// The earliest year the generator writes (earlier years are clamped to it).
pub const MIN_YEAR: i32 = 1990;
/// The latest year the generator writes (later years are clamped to it).
pub const MAX_YEAR: i32 = 9000;

static PROFILE: LazyLock<Profile> = LazyLock::new(Profile::central);

// ---------------------------------------------------------------------------
// Options

/// What to generate: how many bundles, from which seed, with which fault
/// rate, for which year.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthOptions {
    /// Number of bundles of the data set (used by [`SynthOptions::bundles`];
    /// [`bundle`] accepts any index).
    pub branches: usize,
    /// The seed: the same seed gives the same data set.
    pub seed: u64,
    /// Probability of planting a fault at each opportunity, `0.0..=1.0`
    /// (clamped; NaN is 0). 0 gives a clean data set.
    pub faults: f64,
    /// The year of the records (default 2025), clamped to
    /// [`MIN_YEAR`]`..=`[`MAX_YEAR`].
    pub year: i32,
}

impl Default for SynthOptions {
    /// 1,000 clean bundles of 2025 from seed 0.
    fn default() -> Self {
        SynthOptions {
            branches: 1000,
            seed: 0,
            faults: 0.0,
            year: 2025,
        }
    }
}

impl SynthOptions {
    /// `branches` clean bundles of 2025 from `seed`.
    pub fn new(branches: usize, seed: u64) -> SynthOptions {
        SynthOptions {
            branches,
            seed,
            ..SynthOptions::default()
        }
    }

    /// The bundles `0..branches`, generated one at a time as iterated.
    pub fn bundles(&self) -> impl Iterator<Item = Bundle> + '_ {
        (0..self.branches).map(move |i| bundle(self, i))
    }

    /// The fault rate actually used: clamped to `0.0..=1.0`, NaN as 0.
    pub fn fault_rate(&self) -> f64 {
        if self.faults.is_nan() {
            0.0
        } else {
            self.faults.clamp(0.0, 1.0)
        }
    }

    /// The year actually used: clamped to [`MIN_YEAR`]`..=`[`MAX_YEAR`].
    pub fn effective_year(&self) -> i32 {
        self.year.clamp(MIN_YEAR, MAX_YEAR)
    }
}

/// Bundle number `index` of the data set `opts` describes.
///
/// A pure function of `opts.seed`, `opts.faults`, `opts.year` and `index`
/// (not of `opts.branches`): bundles can be generated in any order or in
/// parallel. The branch id is `B` and the index, zero-padded to six digits.
pub fn bundle(opts: &SynthOptions, index: usize) -> Bundle {
    Gen::new(opts, index).build(index)
}

// ---------------------------------------------------------------------------
// The PRNG

/// SplitMix64 (Steele, Lea and Flood, 2014), the generator of the data.
///
/// Small, fast, statistically good for this purpose, and written out here so
/// that its output for a seed is fixed forever (see the module docs).
///
/// ```
/// use dangjian::synth::SplitMix64;
/// let mut r = SplitMix64::new(1);
/// assert_eq!(r.next_u64(), 0x910a_2dec_8902_5cc1);
/// assert!(r.below(10) < 10);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 output function (a bijective mixer of 64 bits).
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub const fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix64(self.state)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-and-shift.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi` (`lo` when `hi <= lo`).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        match (hi - lo).checked_add(1) {
            Some(n) => lo + self.below(n),
            None => self.next_u64(),
        }
    }

    /// `true` with probability `p` (never for `p <= 0`, always for `p >= 1`).
    pub fn chance(&mut self, p: f64) -> bool {
        const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
        ((self.next_u64() >> 11) as f64) * SCALE < p
    }
}

mod books;
mod data;
mod development;
mod dues;
mod life;
mod meetings;
mod moves;
mod org;
mod people;

use data::*;
use moves::{Away, away_rate};

// ---------------------------------------------------------------------------
// The generator's state

struct Gen {
    /// Content.
    rng: SplitMix64,
    /// Faults: a stream of their own, so the clean content does not depend on them.
    frng: SplitMix64,
    rate: f64,
    year: i32,
    y0: NaiveDate,
    y1: NaiveDate,
    /// Which optional records the branch keeps (drawn first thing in `build`).
    ledger: Ledger,
}

/// Which of the optional v1.1 records a branch keeps. One branch in eight
/// exports as v1 did (none of them); the others keep each book or not.
#[derive(Clone, Copy, Default)]
struct Ledger {
    /// `left_reason`, `candidates.member`, `trainings.channel`.
    v11: bool,
    /// `receipt_no` and `collector` on every payment (DUE009 applies).
    receipts: bool,
    /// `dues_remittances` and `dues_publications` (DUE010, DUE011 apply).
    books: bool,
    /// Meeting `tags` and rectification items (IDE001 applies).
    detail: bool,
    /// `transfers` and `mobility` (REL003 applies once a letter is recorded).
    letters: bool,
}

/// A member being generated, with what the generator needs to know about them.
struct Person {
    m: Member,
    /// First and last day in the branch (`to` = `NaiveDate::MAX` while open).
    from: NaiveDate,
    to: NaiveDate,
    /// In the branch and a full member all year, from before any development
    /// file started: committee members, contacts, introducers.
    stable: bool,
    /// Base in fen (base-rated categories), from `base_from`.
    base: u64,
    base_from: YearMonth,
    raise: Option<(YearMonth, u64)>,
    /// The monthly amounts of `base` and of the raise, once computed.
    rated: Option<(Money, Money)>,
    /// Farmers' chosen monthly amount, in fen.
    farmer_fen: u64,
    quarterly: bool,
    exempt: Option<(NaiveDate, NaiveDate)>,
    /// The exemption's reason (`None`: drawn when written).
    exempt_reason: Option<&'static str>,
    /// Away from the branch (a `mobility` record).
    away: Option<Away>,
    /// Pays the exempt months in one payment after the exemption.
    lump: bool,
    waiver: Option<PersonWaiver>,
    /// Fault: months (1–12) absent from everything and unpaid.
    lapse: Option<(u32, u32)>,
    /// Fault: nothing paid from this month (1–12) on.
    arrears_from: Option<u32>,
    /// Fault: no base recorded.
    no_base: bool,
    cadre: bool,
}

#[derive(Clone, Copy)]
struct PersonWaiver {
    from: YearMonth,
    to: YearMonth,
    kind: WaiverKind,
    amount_fen: u64,
    approved: bool,
}

/// Who leads the branch: the committee (positions in `people`) or the secretary.
struct Org {
    committee: Vec<usize>,
    secretary: usize,
    recorder: usize,
    /// Who collects the dues where there are no groups (the 组织委员).
    collector: usize,
    /// (id, member positions, leader position)
    groups: Vec<(Id, Vec<usize>, usize)>,
}

impl Org {
    fn leaders(&self) -> &[usize] {
        if self.committee.is_empty() {
            std::slice::from_ref(&self.secretary)
        } else {
            &self.committee
        }
    }
}

impl Gen {
    fn new(opts: &SynthOptions, index: usize) -> Gen {
        let year = opts.effective_year();
        let seed = mix64(opts.seed.wrapping_add(GOLDEN))
            ^ mix64((index as u64).wrapping_add(1).wrapping_mul(GOLDEN));
        Gen {
            rng: SplitMix64::new(seed),
            frng: SplitMix64::new(mix64(seed ^ 0xFA17_5EED_FA17_5EED)),
            rate: opts.fault_rate(),
            year,
            y0: date(year, 1, 1),
            y1: date(year, 12, 31),
            ledger: Ledger::default(),
        }
    }

    // -- randomness --

    fn below(&mut self, n: u64) -> u64 {
        self.rng.below(n)
    }

    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        self.rng.range(lo, hi)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.chance(p)
    }

    fn pick<T: Copy>(&mut self, items: &[T], default: T) -> T {
        let i = self.below(items.len() as u64) as usize;
        items.get(i).copied().unwrap_or(default)
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, u32)], default: T) -> T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (item, w) in items {
            let w = u64::from(*w);
            if x < w {
                return *item;
            }
            x -= w;
        }
        default
    }

    fn between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        if to <= from {
            return from;
        }
        plus(from, self.below(days_between(from, to) + 1))
    }

    /// A fault at the full rate.
    fn fault(&mut self) -> bool {
        self.fault_at(1.0)
    }

    /// A fault at `scale` times the rate.
    fn fault_at(&mut self, scale: f64) -> bool {
        self.rate > 0.0 && self.frng.chance(self.rate * scale)
    }

    fn name(&mut self, gender: Gender) -> String {
        let surname = self.pick(SURNAMES, "王");
        let given = match gender {
            Gender::Male => self.pick(MALE_NAMES, "伟"),
            Gender::Female => self.pick(FEMALE_NAMES, "芳"),
        };
        let mut s = String::with_capacity(surname.len() + given.len());
        s.push_str(surname);
        s.push_str(given);
        s
    }

    fn gender(&mut self) -> Gender {
        if self.chance(0.5) {
            Gender::Male
        } else {
            Gender::Female
        }
    }

    fn branch_name(&mut self, kind: BranchKind) -> String {
        let city = self.pick(CITIES, "江城");
        let nth = self.pick(ORDINALS, "一");
        match kind {
            BranchKind::Organ => {
                let organ = self.pick(ORGANS, "财政局");
                format!("{city}市{organ}机关第{nth}党支部")
            }
            BranchKind::Enterprise => {
                let c = self.pick(COMPANIES, "华信");
                let t = self.pick(TRADES, "科技");
                let d = self.pick(DEPARTMENTS, "生产");
                format!("{city}{c}{t}有限公司{d}部党支部")
            }
            BranchKind::School => {
                let s = self.pick(SCHOOLS, "第一中学");
                format!("{city}市{s}教职工第{nth}党支部")
            }
            BranchKind::Hospital => {
                let h = self.pick(HOSPITALS, "人民医院");
                let w = self.pick(WARDS, "内科");
                format!("{city}市{h}{w}党支部")
            }
            BranchKind::Village => {
                let t = self.pick(TOWNS, "青山");
                let v = self.pick(VILLAGES, "桃园");
                format!("{city}县{t}镇{v}村党支部")
            }
            BranchKind::Community | BranchKind::Other => {
                let s = self.pick(STREETS, "解放路");
                let c = self.pick(COMMUNITIES, "幸福里");
                format!("{city}市{s}街道{c}社区党支部")
            }
        }
    }

    // -- the bundle --

    fn build(&mut self, index: usize) -> Bundle {
        self.ledger = self.ledger();
        let kind = self.weighted(KINDS, BranchKind::Organ);
        let mut planned = ((1 + self.below(25) + self.below(26)) as usize).max(3);
        if self.fault_at(0.25) {
            // Grown past 50 members without becoming a general branch (ORG004).
            planned = 55 + self.frng.below(4) as usize;
        }
        let founded = date(
            self.year - 8 - self.below(22) as i32,
            1 + self.below(12) as u32,
            1 + self.below(28) as u32,
        );
        let branch_name = self.branch_name(kind);

        // Development files first: those admitted become members, and the
        // contacts and introducers are the first (stable) members.
        let n_cand = 1 + self.below(2 + planned as u64 / 8) as usize;
        let seniors: u8 = if planned >= n_cand + 5 { 5 } else { 3 };
        let voters = planned.saturating_sub(n_cand).max(3) as u32;
        let mut cands = Vec::with_capacity(n_cand);
        for k in 0..n_cand {
            cands.push(self.candidate(k, seniors, voters));
        }
        let dev_members = cands.iter().filter(|c| c.admitted.is_some()).count();
        let core = planned.saturating_sub(dev_members).max(3);
        let stable = core.min(7);

        // Members.
        let mut people: Vec<Person> = Vec::with_capacity(core + dev_members);
        for i in 0..core {
            let p = self.core_member(i, i < stable, kind, founded);
            people.push(p);
        }
        for c in &mut cands {
            if let Some((admitted, full_on)) = c.admitted {
                let pos = people.len();
                let p = self.dev_member(pos, &c.candidate, admitted, full_on, kind);
                people.push(p);
                c.candidate.member = self.ledger.v11.then(|| member_id(pos));
            }
        }
        self.moves(&mut people, stable, core);
        self.circumstances(&mut people, stable, kind);
        for p in &mut people {
            p.rate();
        }

        // Committee or secretary, and groups.
        let full_at_end = people
            .iter()
            .filter(|p| p.in_branch(self.y1) && p.full_on(self.y1))
            .count();
        let (committee, org) = self.organisation(&people, full_at_end, kind);
        for &c in org.leaders() {
            if let Some(p) = people.get_mut(c) {
                p.cadre = true;
            }
        }
        let mut groups = Vec::with_capacity(org.groups.len());
        for (gi, (gid, members, leader)) in org.groups.iter().enumerate() {
            groups.push(Group {
                id: gid.clone(),
                name: Some(format!(
                    "第{}党小组",
                    ORDINALS.get(gi).copied().unwrap_or("一")
                )),
                leader: Some(member_id(*leader)),
                members: members.iter().map(|&i| member_id(i)).collect(),
            });
        }

        let branch = Branch {
            id: gen_id(format!("B{index:06}")),
            name: branch_name,
            kind,
            founded_on: Some(founded),
            dissolved_on: None,
            committee,
            secretary: org.committee.is_empty().then(|| member_id(org.secretary)),
            groups,
        };
        let mut b = Bundle::new(branch);

        self.dues(&people, &mut b);
        self.meetings(&people, &org, &mut b.meetings);
        self.meeting_detail(&org, &mut b.meetings);
        self.talks(&people, &org, &mut b.talks);
        self.trainings(&people, &mut b.trainings);
        self.letters(&people, &mut b);

        for c in cands {
            b.candidates.push(c.candidate);
            b.development.extend(c.records);
            b.publicity.extend(c.publicity);
        }

        // Data-quality faults.
        if self.fault_at(0.5) {
            b.dues_payments.push(DuesPayment {
                collector: None,
                receipt_no: None,
                member: gen_id("M99".to_owned()),
                month: ym(self.year, 3),
                through: None,
                amount: Money::from_fen(2000),
                paid_on: date(self.year, 3, 10),
            });
        }
        if self.fault_at(0.5) {
            let n = b.meetings.len() as u64;
            let (i, j) = (self.frng.below(n) as usize, self.frng.below(n) as usize);
            if i != j {
                if let Some(id) = b.meetings.get(i).map(|m| m.id.clone()) {
                    if let Some(m) = b.meetings.get_mut(j) {
                        m.id = id;
                    }
                }
            }
        }
        if self.fault_at(0.5) {
            let i = stable + self.frng.below(people.len().saturating_sub(stable) as u64) as usize;
            if let Some(p) = people.get_mut(i) {
                p.m.full_on = Some(sub_months(p.m.admitted_on, 12));
            }
        }

        self.books(&org, &mut b);

        b.members = people.into_iter().map(|p| p.m).collect();
        b
    }

    /// Which optional records the branch keeps.
    fn ledger(&mut self) -> Ledger {
        if !self.chance(0.875) {
            return Ledger::default();
        }
        Ledger {
            v11: true,
            receipts: self.chance(0.65),
            books: self.chance(0.6),
            detail: self.chance(0.65),
            letters: self.chance(0.8),
        }
    }
}

struct MeetingPlan<'a> {
    id: String,
    kind: MeetingKind,
    date: NaiveDate,
    for_period: Option<PeriodSpec>,
    group: Option<&'a Id>,
    expected: &'a [usize],
    chair: usize,
    recorder: usize,
}
