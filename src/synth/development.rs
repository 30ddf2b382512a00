//! Development files: candidates at every stage, with planted faults.

use chrono::NaiveDate;

use crate::model::{
    Candidate, ConversionOutcome, DevelopmentRecord, Id, Publicity, PublicityStage,
    ReviewConclusion, Step, Votes, add_months, sub_months,
};

use super::*;

impl Gen {
    pub(super) fn dev_faults(&mut self) -> DevFaults {
        let mut f = DevFaults::default();
        for flag in [
            &mut f.under_age,
            &mut f.late_talk,
            &mut f.three_contacts,
            &mut f.short_activist,
            &mut f.one_introducer,
            &mut f.no_review,
            &mut f.short_training,
            &mut f.skip_candidate_pub,
            &mut f.short_candidate_pub,
            &mut f.no_quorum,
            &mut f.late_approval,
            &mut f.out_of_order,
            &mut f.no_oath,
            &mut f.early_conversion,
            &mut f.skip_conversion_pub,
            &mut f.not_archived,
            &mut f.assessment_gap,
            &mut f.weak_vote,
            &mut f.no_conversion,
            &mut f.bad_extension,
        ] {
            *flag = self.rate > 0.0 && self.frng.chance(self.rate);
        }
        if self.fault() {
            const DROPPABLE: &[Step] = &[
                Step::ActivistFiled,
                Step::CandidateFiled,
                Step::CommitteeReview,
                Step::ApplicationForm,
                Step::HigherTalk,
                Step::AdmissionFiled,
                Step::Placed,
                Step::ConversionApplied,
            ];
            let i = self.frng.below(DROPPABLE.len() as u64) as usize;
            f.drop = DROPPABLE.get(i).copied();
        }
        f
    }

    pub(super) fn candidate(&mut self, k: usize, seniors: u8, voters: u32) -> CandOut {
        let stage = self.pick(
            &[
                Stage::Applicant,
                Stage::Activist,
                Stage::Candidate,
                Stage::Probationary,
                Stage::Full,
            ],
            Stage::Activist,
        );
        let f = self.dev_faults();
        let sub = self.rng.next_u64();
        let mut evs = Vec::with_capacity(32);
        let mut pubs = Vec::with_capacity(4);
        // A first run from a reference date tells how long each stage lasts;
        // the application date is then chosen so that the year end falls in
        // the stage wanted, and the file is generated again from it with the
        // same draws.
        let a0 = date(self.year - 5, 1, 1);
        let ms = simulate(
            &mut SplitMix64::new(sub),
            a0,
            &f,
            seniors,
            voters,
            &mut evs,
            &mut pubs,
        );
        let day = |d: NaiveDate| days_between(a0, d);
        let (lo, hi) = match stage {
            Stage::Applicant => (0, day(ms.ac).saturating_sub(1)),
            Stage::Activist => (day(ms.ac), day(ms.cc).saturating_sub(1)),
            Stage::Candidate => (day(ms.cc), day(ms.aa).saturating_sub(1)),
            Stage::Probationary => (day(ms.aa), day(ms.ca).saturating_sub(1)),
            Stage::Full => (day(ms.ca), day(ms.ca) + 300),
        };
        let applied = minus(self.y1, self.range(lo, hi));
        let ms = simulate(
            &mut SplitMix64::new(sub),
            applied,
            &f,
            seniors,
            voters,
            &mut evs,
            &mut pubs,
        );
        if let Some(s) = f.drop {
            if let Some(i) = evs.iter().position(|e| e.step == s) {
                evs.remove(i);
            }
        }

        let gender = self.gender();
        let name = self.name(gender);
        let (extra_years, extra_days) = (self.below(15) as u32, self.below(300));
        let born = if f.under_age {
            // 17 and some months on the day of the application.
            minus(sub_months(applied, 17 * 12), extra_days)
        } else {
            minus(sub_months(applied, (18 + extra_years) * 12), extra_days)
        };
        let id = gen_id(format!("A{:02}", k + 1));
        let y1 = self.y1;
        let records = evs
            .iter()
            .filter(|e| e.date <= y1)
            .map(|e| e.record(&id))
            .collect();
        let publicity = pubs
            .iter()
            .filter(|p| p.1 <= y1)
            .map(|&(stage, start, end)| Publicity {
                candidate: id.clone(),
                stage,
                start,
                end,
            })
            .collect();
        CandOut {
            candidate: Candidate {
                member: None,
                id,
                name,
                born_on: Some(born),
                gender: Some(gender),
            },
            records,
            publicity,
            admitted: (ms.aa <= y1)
                .then_some((ms.am, (ms.converted && ms.ca <= y1).then_some(ms.end))),
        }
    }
}

impl Ev {
    pub(super) fn record(&self, candidate: &Id) -> DevelopmentRecord {
        let mut r = DevelopmentRecord::new(candidate.clone(), self.step, self.date);
        match &self.detail {
            Detail::None => {}
            Detail::People(n, who) => {
                r.members = Some(
                    who.iter()
                        .take(usize::from(*n))
                        .map(|&i| member_id(usize::from(i)))
                        .collect(),
                );
            }
            Detail::Review => r.conclusion = Some(ReviewConclusion::Qualified),
            Detail::Training { days, hours: h } => {
                r.days = Some(*days);
                r.hours = Some(hours(*h));
            }
            Detail::Vote(v) => r.votes = Some(v.clone()),
            Detail::Conversion(v) => {
                r.votes = Some(v.clone());
                r.outcome = Some(ConversionOutcome::Convert);
            }
            Detail::Extension(v, months) => {
                r.votes = Some(v.clone());
                r.outcome = Some(ConversionOutcome::Extend);
                r.extend_months = Some(*months);
            }
        }
        r
    }
}

/// Two or three distinct positions among the first `seniors` members.
pub(super) fn pick_members(rng: &mut SplitMix64, n: u8, seniors: u8) -> Detail {
    let seniors = seniors.max(3);
    let a = rng.below(u64::from(seniors)) as u8;
    let b = (a + 1 + rng.below(u64::from(seniors - 1)) as u8) % seniors;
    let mut c = (a + 1) % seniors;
    if c == b {
        c = (b + 1) % seniors;
    }
    Detail::People(n.min(3), [a, b, c])
}

/// The vote of a deciding 支部党员大会: quorate and carried, unless `quorate`
/// is false (half present) or `weak` (passed with half the votes).
pub(super) fn votes(rng: &mut SplitMix64, voters: u32, quorate: bool, weak: bool) -> Votes {
    let e = voters.max(3);
    let cut = rng.below(u64::from(e / 5) + 1) as u32;
    let present = if quorate { e - cut } else { e / 2 };
    let mut no = u32::from(present > 4 && rng.chance(0.2));
    let mut abstain = u32::from(present > 4 && rng.chance(0.2));
    if 2 * (present - no - abstain) <= e {
        no = 0;
        abstain = 0;
    }
    if weak {
        no = present - (e / 2).min(present);
        abstain = 0;
    }
    let written_yes = if quorate || weak {
        0
    } else {
        (e - present).min(2)
    };
    Votes {
        expected_voting: e,
        present_voting: present,
        yes: present - no - abstain,
        no,
        abstain,
        written_yes,
        passed: true,
    }
}

/// The whole file of a candidate who applied on `a`, as if nothing stopped
/// it: the 25 steps with compliant intervals (unless `f` says otherwise),
/// and the four publicities. Returns the stage boundaries.
pub(super) fn simulate(
    rng: &mut SplitMix64,
    a: NaiveDate,
    f: &DevFaults,
    seniors: u8,
    voters: u32,
    evs: &mut Vec<Ev>,
    pubs: &mut Vec<(PublicityStage, NaiveDate, NaiveDate)>,
) -> Milestones {
    evs.clear();
    pubs.clear();
    let mut push = |step, date, detail| evs.push(Ev { step, date, detail });
    let after = |rng: &mut SplitMix64, d: NaiveDate, lo: u64, hi: u64| plus(d, rng.range(lo, hi));

    push(Step::Applied, a, Detail::None);
    // The talk within a month of the application (细则 art. 7).
    let talked = if f.late_talk {
        after(rng, a, 35, 75)
    } else {
        after(rng, a, 7, 25)
    };
    push(Step::Talked, talked, Detail::None);
    let ac = after(rng, talked, 60, 200);
    push(Step::ActivistConfirmed, ac, Detail::None);
    let n = rng.range(5, 7);
    let (ps, pe) = window(ac, n);
    pubs.push((PublicityStage::Activist, ps, pe));
    let filed = after(rng, pe, 1, 7);
    push(Step::ActivistFiled, filed, Detail::None);
    let contacts = after(rng, filed, 0, 10);
    let n_contacts = if f.three_contacts {
        3
    } else {
        1 + rng.below(2) as u8
    };
    push(
        Step::ContactsAssigned,
        contacts,
        pick_members(rng, n_contacts, seniors),
    );
    // Assessed at most six months apart (细则 art. 11); a candidate for
    // development no earlier than a year after becoming an activist (art. 13).
    let cc = if f.short_activist {
        after(rng, ac, 250, 330)
    } else {
        after(rng, add_months(ac, 12), 0, 60)
    };
    let mut t = ac;
    let mut first = true;
    loop {
        let next = after(rng, t, 130, 170);
        if next >= cc {
            break;
        }
        // Fault: the first assessment skipped, a gap of more than six months.
        if !(first && f.assessment_gap) {
            push(Step::ActivistAssessed, next, Detail::None);
        }
        first = false;
        t = next;
    }
    push(Step::CandidateConfirmed, cc, Detail::None);
    let cf = after(rng, cc, 3, 15);
    push(Step::CandidateFiled, cf, Detail::None);
    let ia = after(rng, cf, 0, 15);
    let n_intro = if f.one_introducer { 1 } else { 2 };
    push(
        Step::IntroducersAssigned,
        ia,
        pick_members(rng, n_intro, seniors),
    );
    let pr = after(rng, ia, 20, 60);
    if !f.no_review {
        push(Step::PoliticalReview, pr, Detail::Review);
    }
    let tr = after(rng, pr, 5, 40);
    let training = if f.short_training {
        Detail::Training { days: 2, hours: 16 }
    } else {
        Detail::Training { days: 3, hours: 24 }
    };
    push(Step::Training, tr, training);
    let cr = after(rng, tr, 10, 60);
    push(Step::CommitteeReview, cr, Detail::None);
    let n = if f.short_candidate_pub {
        rng.range(2, 4)
    } else {
        rng.range(5, 7)
    };
    let (ps, pe) = window(cr, n);
    if !f.skip_candidate_pub {
        pubs.push((PublicityStage::Candidate, ps, pe));
    }
    let pre = after(rng, pe, 3, 20);
    push(Step::PreReview, pre, Detail::None);
    let form = after(rng, pre, 5, 15);
    push(Step::ApplicationForm, form, Detail::None);
    let n = rng.range(5, 7);
    let (ps, pe) = window(form, n);
    pubs.push((PublicityStage::Admission, ps, pe));
    let am = after(rng, form, 10, 40).max(plus(pe, 1));
    let v = votes(rng, voters, !f.no_quorum, f.weak_vote);
    push(Step::AdmissionMeeting, am, Detail::Vote(v));
    let ht = after(rng, am, 5, 25);
    let aa = if f.late_approval {
        after(rng, am, 100, 150)
    } else {
        after(rng, ht, 5, 30)
    };
    let ht = if f.out_of_order {
        after(rng, aa, 3, 10)
    } else {
        ht
    };
    if f.out_of_order {
        push(Step::AdmissionApproved, aa, Detail::None);
        push(Step::HigherTalk, ht, Detail::None);
    } else {
        push(Step::HigherTalk, ht, Detail::None);
        push(Step::AdmissionApproved, aa, Detail::None);
    }
    let afl = after(rng, aa.max(ht), 3, 15);
    push(Step::AdmissionFiled, afl, Detail::None);
    let placed = after(rng, afl, 0, 10);
    push(Step::Placed, placed, Detail::None);
    let oath = after(rng, placed, 0, 60);
    if !f.no_oath {
        push(Step::Oath, oath, Detail::None);
    }
    // Probation: a year from the admission meeting (党章 art. 7), now and
    // then extended once by 6–12 months (a fault: 3–5).
    let extension = rng.chance(0.04);
    let ext_months = if f.bad_extension {
        rng.range(3, 5)
    } else {
        rng.range(6, 12)
    } as u32;
    let extension = extension || f.bad_extension;
    let mut end = add_months(am, 12);
    let mut t = oath;
    let mut early = f.early_conversion;
    let mut round = 0;
    loop {
        let (capp, cm) = if early {
            let cm = minus(end, rng.range(5, 20));
            (minus(cm, rng.range(1, 5)), cm)
        } else {
            (minus(end, rng.range(5, 25)), after(rng, end, 0, 20))
        };
        early = false;
        loop {
            let next = after(rng, t, 100, 160);
            if next >= capp {
                break;
            }
            push(Step::ProbationAssessed, next, Detail::None);
            t = next;
        }
        push(Step::ConversionApplied, capp, Detail::None);
        if f.no_conversion {
            // Fault: the conversion meeting never held.
            return Milestones {
                ac,
                cc,
                am,
                aa,
                ca: plus(end, 60),
                end,
                converted: false,
            };
        }
        let v = votes(rng, voters, true, false);
        if extension && round == 0 {
            push(
                Step::ConversionMeeting,
                cm,
                Detail::Extension(v, ext_months),
            );
            // The extension approved; a new round of probation to its end.
            let approved = after(rng, cm, 10, 40);
            push(Step::ConversionApproved, approved, Detail::None);
            end = add_months(am, 12 + ext_months);
            t = approved;
            round += 1;
            continue;
        }
        push(Step::ConversionMeeting, cm, Detail::Conversion(v));
        let n = rng.range(5, 7);
        let (ps, pe) = window(cm, n);
        if !f.skip_conversion_pub {
            pubs.push((PublicityStage::Conversion, ps, pe));
        }
        let ca = after(rng, cm, 15, 60).max(plus(pe, 1));
        push(Step::ConversionApproved, ca, Detail::None);
        let archived = after(rng, ca, 3, 25);
        if !f.not_archived {
            push(Step::Archived, archived, Detail::None);
        }
        return Milestones {
            ac,
            cc,
            am,
            aa,
            ca,
            end,
            converted: true,
        };
    }
}

// ---------------------------------------------------------------------------
// The shapes of a file

#[derive(Clone, Copy)]
pub(super) enum Stage {
    Applicant,
    Activist,
    Candidate,
    Probationary,
    Full,
}

#[derive(Clone, Copy, Default)]
pub(super) struct DevFaults {
    under_age: bool,
    late_talk: bool,
    three_contacts: bool,
    short_activist: bool,
    one_introducer: bool,
    no_review: bool,
    short_training: bool,
    skip_candidate_pub: bool,
    short_candidate_pub: bool,
    no_quorum: bool,
    late_approval: bool,
    out_of_order: bool,
    no_oath: bool,
    early_conversion: bool,
    skip_conversion_pub: bool,
    not_archived: bool,
    assessment_gap: bool,
    weak_vote: bool,
    no_conversion: bool,
    bad_extension: bool,
    drop: Option<Step>,
}

pub(super) struct CandOut {
    pub(super) candidate: Candidate,
    pub(super) records: Vec<DevelopmentRecord>,
    pub(super) publicity: Vec<Publicity>,
    /// Admitted (the admission approved by the year end): the date of the
    /// admission meeting, and the end of probation if converted by the year end.
    pub(super) admitted: Option<(NaiveDate, Option<NaiveDate>)>,
}

/// The dates that bound the stages of a file.
pub(super) struct Milestones {
    ac: NaiveDate,
    cc: NaiveDate,
    am: NaiveDate,
    aa: NaiveDate,
    /// The final approval of the conversion (for a file that never gets
    /// there, a date after the end of probation, to bound the stages).
    ca: NaiveDate,
    /// The end of probation, extension included.
    end: NaiveDate,
    converted: bool,
}

pub(super) enum Detail {
    None,
    /// Positions of members (contacts, introducers).
    People(u8, [u8; 3]),
    Review,
    Training {
        days: u32,
        hours: u32,
    },
    Vote(Votes),
    Conversion(Votes),
    Extension(Votes, u32),
}

pub(super) struct Ev {
    step: Step,
    date: NaiveDate,
    detail: Detail,
}
