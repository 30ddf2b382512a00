//! The bundle's lookup tables: ids to positions (the first record of an
//! id), each member's and candidate's records sorted, built once per bundle
//! and read by every family through the context.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;

use crate::model::{
    Branch, Bundle, DateRange, DevelopmentRecord, DuesBase, DuesPayment, DuesWaiver, Exemption,
    Member, Publicity, Training,
};

/// Lookup tables over one bundle (crate-internal). Ids resolve to the **first** record with
/// that id (a duplicate is reported by `DAT002` and otherwise kept as is).
#[derive(Debug)]
pub struct Index<'a> {
    members: IdMap<'a>,
    /// Whether the member at each position is the first with its id.
    member_first: Vec<bool>,
    candidates: IdMap<'a>,
    meetings: IdMap<'a>,
    groups: IdMap<'a>,
    /// Per member (by position in `bundle.members`): their records, sorted.
    per_member: Vec<MemberRecords<'a>>,
    /// Records of the per-member tables naming no member of the bundle:
    /// dues bases, payments, waivers, exemptions, trainings (`DAT001`).
    unresolved: [usize; 5],
    /// Per candidate (by position in `bundle.candidates`).
    per_candidate: Vec<CandidateRecords<'a>>,
}

/// The records of one member, each list sorted by date or month.
#[derive(Debug, Default)]
pub struct MemberRecords<'a> {
    /// Dues bases, sorted by `from`.
    pub bases: Vec<&'a DuesBase>,
    /// Dues payments with their index in `bundle.dues_payments`, sorted by
    /// `month`, then `paid_on`.
    pub payments: Vec<(usize, &'a DuesPayment)>,
    /// Waivers, sorted by `from`.
    pub waivers: Vec<&'a DuesWaiver>,
    /// Exemptions, sorted by `from`.
    pub exemptions: Vec<&'a Exemption>,
    /// Training records, sorted by date.
    pub trainings: Vec<&'a Training>,
}

/// The records of one candidate.
#[derive(Debug, Default)]
pub struct CandidateRecords<'a> {
    /// Development steps, sorted by date, then by step order.
    pub steps: Vec<&'a DevelopmentRecord>,
    /// Publicities, sorted by start.
    pub publicity: Vec<&'a Publicity>,
}

/// Id → position. Ids are short strings from the bundle itself, so a fast
/// non-cryptographic hash (FxHash, as in rustc) is the right trade.
type IdMap<'a> = HashMap<&'a str, usize, BuildHasherDefault<FxHasher>>;

/// The multiply-rotate hash of rustc (`FxHasher`): a few cycles per word.
///
/// Its quality is speed, not answers: a mutant that drops a write or returns
/// a constant makes ids collide (slower lookups, the same positions), so
/// those mutants are equivalent (`.cargo/mutants-equivalent.txt`).
#[derive(Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

fn first_index<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> IdMap<'a> {
    let mut map = IdMap::with_capacity_and_hasher(items.len(), Default::default());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item)).or_insert(i);
    }
    map
}

impl<'a> Index<'a> {
    /// Builds the lookup tables of `bundle`.
    pub fn new(bundle: &'a Bundle) -> Index<'a> {
        let members = first_index(&bundle.members, |m| m.id.as_str());
        let member_first = bundle
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| members.get(m.id.as_str()) == Some(&i))
            .collect();
        let candidates = first_index(&bundle.candidates, |c| c.id.as_str());
        let meetings = first_index(&bundle.meetings, |m| m.id.as_str());
        let groups = first_index(&bundle.branch.groups, |g| g.id.as_str());

        let mut per_member: Vec<MemberRecords<'a>> = (0..bundle.members.len())
            .map(|_| MemberRecords::default())
            .collect();
        let slot = |id: &str| members.get(id).copied();
        for b in &bundle.dues_bases {
            if let Some(i) = slot(b.member.as_str()) {
                per_member[i].bases.push(b);
            }
        }
        for (k, p) in bundle.dues_payments.iter().enumerate() {
            if let Some(i) = slot(p.member.as_str()) {
                per_member[i].payments.push((k, p));
            }
        }
        for w in &bundle.dues_waivers {
            if let Some(i) = slot(w.member.as_str()) {
                per_member[i].waivers.push(w);
            }
        }
        for e in &bundle.exemptions {
            if let Some(i) = slot(e.member.as_str()) {
                per_member[i].exemptions.push(e);
            }
        }
        for t in &bundle.trainings {
            if let Some(i) = slot(t.member.as_str()) {
                per_member[i].trainings.push(t);
            }
        }
        let assigned = |f: fn(&MemberRecords<'a>) -> usize| per_member.iter().map(f).sum::<usize>();
        let unresolved = [
            bundle
                .dues_bases
                .len()
                .saturating_sub(assigned(|r| r.bases.len())),
            bundle
                .dues_payments
                .len()
                .saturating_sub(assigned(|r| r.payments.len())),
            bundle
                .dues_waivers
                .len()
                .saturating_sub(assigned(|r| r.waivers.len())),
            bundle
                .exemptions
                .len()
                .saturating_sub(assigned(|r| r.exemptions.len())),
            bundle
                .trainings
                .len()
                .saturating_sub(assigned(|r| r.trainings.len())),
        ];
        for r in &mut per_member {
            r.bases.sort_by_key(|b| b.from);
            r.payments.sort_by_key(|(k, p)| (p.month, p.paid_on, *k));
            r.waivers.sort_by_key(|w| w.from);
            r.exemptions.sort_by_key(|e| e.from);
            r.trainings.sort_by_key(|t| t.date);
        }

        let mut per_candidate: Vec<CandidateRecords<'a>> = (0..bundle.candidates.len())
            .map(|_| CandidateRecords::default())
            .collect();
        for d in &bundle.development {
            if let Some(&i) = candidates.get(d.candidate.as_str()) {
                per_candidate[i].steps.push(d);
            }
        }
        for p in &bundle.publicity {
            if let Some(&i) = candidates.get(p.candidate.as_str()) {
                per_candidate[i].publicity.push(p);
            }
        }
        for c in &mut per_candidate {
            c.steps.sort_by_key(|d| (d.date, d.step));
            c.publicity.sort_by_key(|p| (p.start, p.stage));
        }

        Index {
            members,
            member_first,
            unresolved,
            candidates,
            meetings,
            groups,
            per_member,
            per_candidate,
        }
    }

    /// Position of the member with this id in `bundle.members`.
    pub fn member_pos(&self, id: &str) -> Option<usize> {
        self.members.get(id).copied()
    }

    /// Whether the member at position `pos` is the first with its id (the one
    /// the member rules audit; a duplicate is reported by `DAT002`).
    pub fn is_first_member(&self, pos: usize) -> bool {
        self.member_first.get(pos).copied().unwrap_or(false)
    }

    /// Whether every record of the member tables (dues bases, payments,
    /// waivers, exemptions, trainings) names a member of the bundle.
    pub fn member_tables_resolved(&self) -> bool {
        self.unresolved.iter().all(|n| *n == 0)
    }

    /// Whether ids are unique in `members`, `candidates`, `meetings` and the
    /// branch's groups.
    pub fn ids_unique(&self, bundle: &Bundle) -> bool {
        self.members.len() == bundle.members.len()
            && self.candidates.len() == bundle.candidates.len()
            && self.meetings.len() == bundle.meetings.len()
            && self.groups.len() == bundle.branch.groups.len()
    }

    /// Position of the candidate with this id in `bundle.candidates`.
    pub fn candidate_pos(&self, id: &str) -> Option<usize> {
        self.candidates.get(id).copied()
    }

    /// Position of the meeting with this id in `bundle.meetings`.
    pub fn meeting_pos(&self, id: &str) -> Option<usize> {
        self.meetings.get(id).copied()
    }

    /// Position of the group with this id in `bundle.branch.groups`.
    pub fn group_pos(&self, id: &str) -> Option<usize> {
        self.groups.get(id).copied()
    }

    /// The records of the member at position `pos`.
    pub fn member_records(&self, pos: usize) -> &MemberRecords<'a> {
        static EMPTY: MemberRecords<'static> = MemberRecords {
            bases: Vec::new(),
            payments: Vec::new(),
            waivers: Vec::new(),
            exemptions: Vec::new(),
            trainings: Vec::new(),
        };
        self.per_member.get(pos).unwrap_or(&EMPTY)
    }

    /// The records of the candidate at position `pos`.
    pub fn candidate_records(&self, pos: usize) -> &CandidateRecords<'a> {
        static EMPTY: CandidateRecords<'static> = CandidateRecords {
            steps: Vec::new(),
            publicity: Vec::new(),
        };
        self.per_candidate.get(pos).unwrap_or(&EMPTY)
    }
}

/// When `member` belongs to `branch`: from joining (or the branch's founding)
/// to leaving (or its dissolution); `None` when that is empty. See
/// `Context::member_span`.
pub fn member_span(branch: &Branch, member: &Member) -> Option<DateRange> {
    let default_from = match branch.founded_on {
        // (`>=` reads the same: on equal days either is the day.)
        Some(f) if f > member.admitted_on => f,
        _ => member.admitted_on,
    };
    let from = member.in_branch_from.unwrap_or(default_from);
    let to = match (member.in_branch_to, branch.dissolved_on) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => NaiveDate::MAX,
    };
    DateRange::new(from, to)
}
