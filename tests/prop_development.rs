//! Property tests of the member-development rules (DEV).
//!
//! A generator builds development files that respect every constraint of the
//! 细则 as the rules read them (random dates, random lengths of every wait,
//! optionally a probation extension), then audits them at a random `as_of`:
//!
//! 1. a compliant file yields no DEV finding at all;
//! 2. removing any one required non-repeating step that is followed by a
//!    recorded later step yields exactly the code for that step: DEV003, or
//!    DEV009 (`political_review`, once `committee_review` is reached), DEV010
//!    (`training`, once `pre_review` is reached), DEV016 (`oath`, once the
//!    probation has ended);
//! 3. a publicity of exactly the minimum number of working days passes, and
//!    moving its end back by one working day gives exactly one DEV012;
//! 4. a file that follows the 2026 细则 (dated from 2026-05-11: the higher
//!    committee's consent, then the candidate publicity, then the
//!    confirmation; the admission meeting within a month of the pre-review;
//!    the oath within a month of the approval) is clean under `central-2026`,
//!    and under `central` (the 2014 order on every date) yields exactly one
//!    DEV004: `candidate_filed` dated before `candidate_confirmed`.
//!
//! The generator keeps every wait strictly inside its limit (a talk within 28
//! days, assessments at most 175 days apart, approvals within 50 days, …), so
//! that any `as_of` between the first step and 14 days after the last cannot
//! make a pending deadline pass: the laws are exact, not statistical.

use chrono::{Days, NaiveDate};
use dangjian::calendar::{Prc, WorkCalendar};
use dangjian::model::*;
use dangjian::{Auditor, Finding, add_months};
use proptest::prelude::*;

/// A tiny deterministic generator (splitmix64) driven by the proptest seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE5_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn days(&mut self, d: NaiveDate, lo: u64, hi: u64) -> NaiveDate {
        d + Days::new(self.range(lo, hi))
    }
}

fn id(s: &str) -> Id {
    s.parse().unwrap()
}

fn rec(step: Step, date: NaiveDate) -> DevelopmentRecord {
    DevelopmentRecord::new(id("A1"), step, date)
}

/// Votes that carry: more than half of the expected voting members present
/// and voting yes (sometimes with written opinions on top).
fn votes(rng: &mut Rng) -> Votes {
    let n = rng.range(3, 40) as u32;
    let half = n / 2 + 1;
    let present = rng.range(u64::from(half), u64::from(n)) as u32;
    let yes = rng.range(u64::from(half), u64::from(present)) as u32;
    let written = rng.range(0, u64::from(n - present)) as u32;
    let mut v = Votes::new(n, present, yes, true);
    v.no = present - yes;
    v.written_yes = written;
    v
}

/// The `n`th working day counted from `start` (inclusive).
fn nth_working_day(start: NaiveDate, n: u32) -> NaiveDate {
    let mut count = 0;
    let mut d = start;
    loop {
        if Prc.is_workday(d) {
            count += 1;
            if count == n {
                return d;
            }
        }
        d = d.succ_opt().unwrap();
    }
}

fn prev_working_day(d: NaiveDate) -> NaiveDate {
    let mut d = d.pred_opt().unwrap();
    while !Prc.is_workday(d) {
        d = d.pred_opt().unwrap();
    }
    d
}

const MIN_WD: u32 = 5;

#[derive(Clone, Debug)]
struct History {
    bundle: Bundle,
    /// First and last event dates.
    first: NaiveDate,
    last: NaiveDate,
}

/// A compliant development file of candidate A1, from `applied` onwards.
fn history(start_day: u32, seed: u64, extend: Option<u32>, extra_wd: u32) -> History {
    history_in(start_day, seed, extend, extra_wd, false)
}

/// A compliant file; with `y2026`, one that follows the 2026 细则 and starts
/// on or after 2026-05-11.
fn history_in(
    start_day: u32,
    seed: u64,
    extend: Option<u32>,
    extra_wd: u32,
    y2026: bool,
) -> History {
    let mut r = Rng(seed);
    let first = if y2026 {
        NaiveDate::from_ymd_opt(2026, 5, 11).unwrap()
    } else {
        NaiveDate::from_ymd_opt(2005, 1, 1).unwrap()
    };
    let applied = first + Days::new(u64::from(start_day));
    let born = applied - Days::new(18 * 366 + r.range(0, 15_000));
    let mut dev = Vec::new();
    let mut publicity = Vec::new();
    let push = |dev: &mut Vec<DevelopmentRecord>, s: Step, d: NaiveDate| {
        dev.push(rec(s, d));
        d
    };

    push(&mut dev, Step::Applied, applied);
    let talked = push(&mut dev, Step::Talked, r.days(applied, 0, 28));
    let ac = push(&mut dev, Step::ActivistConfirmed, r.days(talked, 0, 200));
    let af = push(&mut dev, Step::ActivistFiled, r.days(ac, 0, 20));
    let contacts = r.days(af, 0, 20);
    let mut c = rec(Step::ContactsAssigned, contacts);
    c.members = Some(if r.range(0, 1) == 0 {
        vec![id("M1")]
    } else {
        vec![id("M1"), id("M2")]
    });
    dev.push(c);
    // Assessments at most 175 days apart (6 months are at least 181 days),
    // until the year of observation is nearly over.
    let year = add_months(ac, 12);
    let mut last = push(&mut dev, Step::ActivistAssessed, r.days(contacts, 0, 100));
    while last + Days::new(150) < year {
        last = push(&mut dev, Step::ActivistAssessed, r.days(last, 60, 175));
    }
    let mut candidate_publicity = None;
    let cf = if y2026 {
        // 2026 art. 13: consent, publicity, then the confirmation. Still an
        // activist until confirmed: the confirmation stays within 180 days of
        // the last assessment (a publicity of at most 8 working days spans at
        // most 17 days, over a Golden Week).
        let filed = push(&mut dev, Step::CandidateFiled, r.days(year.max(last), 0, 5));
        let ps = r.days(filed, 1, 3);
        let pe = nth_working_day(ps, MIN_WD + extra_wd);
        candidate_publicity = Some(Publicity::new(id("A1"), PublicityStage::Candidate, ps, pe));
        push(&mut dev, Step::CandidateConfirmed, r.days(pe, 1, 3))
    } else {
        let cc = push(
            &mut dev,
            Step::CandidateConfirmed,
            r.days(year.max(last), 0, 20),
        );
        push(&mut dev, Step::CandidateFiled, r.days(cc, 0, 15))
    };
    let intro = r.days(cf, 0, 15);
    let mut i = rec(Step::IntroducersAssigned, intro);
    i.members = Some(vec![id("M1"), id("M2")]);
    dev.push(i);
    let mut pr = rec(Step::PoliticalReview, r.days(intro, 0, 60));
    pr.conclusion = Some(ReviewConclusion::Qualified);
    let pr_date = pr.date;
    dev.push(pr);
    let mut tr = rec(Step::Training, r.days(pr_date, 0, 30));
    let tr_date = tr.date;
    if r.range(0, 1) == 0 {
        tr.days = Some(r.range(3, 7) as u32);
        tr.hours = Some("16".parse().unwrap());
    } else {
        tr.days = Some(2);
        tr.hours = Some("24".parse().unwrap());
    }
    dev.push(tr);
    let cr = push(&mut dev, Step::CommitteeReview, r.days(tr_date, 0, 30));
    let pre = match candidate_publicity {
        Some(p) => {
            publicity.push(p);
            push(&mut dev, Step::PreReview, r.days(cr, 1, 20))
        }
        None => {
            let ps = r.days(cr, 0, 10);
            let pe = nth_working_day(ps, MIN_WD + extra_wd);
            publicity.push(Publicity::new(id("A1"), PublicityStage::Candidate, ps, pe));
            push(&mut dev, Step::PreReview, r.days(pe, 1, 20))
        }
    };
    // 2026 art. 19: the admission meeting within a month of the pre-review
    // (at most 27 days here).
    let (form_max, meeting_max) = if y2026 { (12, 15) } else { (20, 30) };
    let form = push(&mut dev, Step::ApplicationForm, r.days(pre, 0, form_max));
    let mut am = rec(Step::AdmissionMeeting, r.days(form, 0, meeting_max));
    am.votes = Some(votes(&mut r));
    let am_date = am.date;
    dev.push(am);
    let ht = push(&mut dev, Step::HigherTalk, r.days(am_date, 0, 30));
    let aa = push(&mut dev, Step::AdmissionApproved, r.days(ht, 0, 20));
    // 2026 art. 29: the oath within a month of the approval (at most 27 days).
    let (filed_max, placed_max, oath_max) = if y2026 { (9, 8, 10) } else { (20, 10, 20) };
    let afl = push(&mut dev, Step::AdmissionFiled, r.days(aa, 0, filed_max));
    let placed = push(&mut dev, Step::Placed, r.days(afl, 0, placed_max));
    let oath = push(&mut dev, Step::Oath, r.days(placed, 0, oath_max));
    let pa = push(&mut dev, Step::ProbationAssessed, r.days(oath, 1, 100));
    if r.range(0, 1) == 0 {
        push(&mut dev, Step::ProbationAssessed, r.days(pa, 1, 100));
    }
    let mut end = add_months(am_date, 12);
    push(
        &mut dev,
        Step::ConversionApplied,
        end - Days::new(r.range(0, 14)),
    );
    if let Some(m) = extend {
        let mut cm = rec(Step::ConversionMeeting, r.days(end, 0, 25));
        cm.votes = Some(votes(&mut r));
        cm.outcome = Some(ConversionOutcome::Extend);
        cm.extend_months = Some(m);
        let cm_date = cm.date;
        dev.push(cm);
        // The extension approved within 30 days; the new round of steps 21–23.
        push(&mut dev, Step::ConversionApproved, r.days(cm_date, 0, 30));
        push(&mut dev, Step::ProbationAssessed, r.days(cm_date, 1, 60));
        end = add_months(am_date, 12 + m);
        push(
            &mut dev,
            Step::ConversionApplied,
            end - Days::new(r.range(0, 14)),
        );
    }
    let mut cm = rec(Step::ConversionMeeting, r.days(end, 0, 25));
    cm.votes = Some(votes(&mut r));
    cm.outcome = Some(ConversionOutcome::Convert);
    let cm_date = cm.date;
    dev.push(cm);
    let cs = r.days(cm_date, 0, 5);
    let ce = nth_working_day(cs, MIN_WD + extra_wd);
    publicity.push(Publicity::new(id("A1"), PublicityStage::Conversion, cs, ce));
    let ca = push(&mut dev, Step::ConversionApproved, r.days(ce, 1, 30));
    let arch = push(&mut dev, Step::Archived, r.days(ca, 0, 25));

    let branch: Branch = serde_json::from_value(serde_json::json!({
        "id": "B1", "name": "测试支部", "kind": "organ"
    }))
    .unwrap();
    let mut bundle = Bundle::new(branch);
    for m in ["M1", "M2"] {
        bundle.members.push(
            serde_json::from_value(serde_json::json!({
                "id": m, "name": m, "status": "full", "admitted_on": "1990-07-01",
                "full_on": "1991-07-01", "dues_category": "salaried"
            }))
            .unwrap(),
        );
    }
    let mut c = Candidate::new(id("A1"), "陈某");
    c.born_on = Some(born);
    bundle.candidates.push(c);
    bundle.development = dev;
    bundle.publicity = publicity;
    History {
        bundle,
        first: applied,
        last: arch,
    }
}

fn dev_findings(bundle: &Bundle, as_of: NaiveDate) -> Vec<Finding> {
    Auditor::new(as_of)
        .select("DEV".parse().unwrap())
        .check(bundle)
}

fn dev_findings_in(bundle: &Bundle, as_of: NaiveDate, profile: &str) -> Vec<Finding> {
    Auditor::new(as_of)
        .profile(dangjian::Profile::builtin(profile).unwrap())
        .select("DEV".parse().unwrap())
        .check(bundle)
}

fn codes(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|f| f.rule.as_str()).collect()
}

fn describe(h: &History, as_of: NaiveDate, findings: &[Finding]) -> String {
    let mut s = format!("as_of {as_of}\n");
    for d in &h.bundle.development {
        s.push_str(&format!("  {} {}\n", d.date, d.step));
    }
    for p in &h.bundle.publicity {
        s.push_str(&format!("  publicity {} {}..{}\n", p.stage, p.start, p.end));
    }
    for f in findings {
        s.push_str(&format!("  -> {} {}\n", f.rule, f.message.en));
    }
    s
}

/// `as_of` somewhere from the application to 14 days after the last step
/// (`frac` in 0..=1000), or years after a completed file.
fn as_of_in(h: &History, frac: u32, long_after: bool) -> NaiveDate {
    if long_after {
        return h.last + Days::new(u64::from(frac) * 3);
    }
    let span = (h.last - h.first).num_days() as u64 + 14;
    h.first + Days::new(span * u64::from(frac) / 1000)
}

fn params() -> impl Strategy<Value = (u32, u64, Option<u32>, u32, bool)> {
    (
        0u32..7000,
        any::<u64>(),
        proptest::option::of(6u32..=12),
        0u32..=1000,
        proptest::bool::weighted(0.15),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// Law 1: a compliant file yields no DEV finding, whatever `as_of`.
    #[test]
    fn compliant_history_has_no_finding((start, seed, extend, frac, long) in params(), extra in 0u32..=3) {
        let h = history(start, seed, extend, extra);
        let as_of = as_of_in(&h, frac, long);
        let f = dev_findings(&h.bundle, as_of);
        prop_assert!(f.is_empty(), "{}", describe(&h, as_of, &f));
    }

    /// Law 2: removing one required non-repeating step that is followed by a
    /// recorded later step yields exactly the code for that step.
    #[test]
    fn removing_a_step_yields_its_code((start, seed, _extend, frac, long) in params()) {
        let h = history(start, seed, None, 0);
        let as_of = as_of_in(&h, frac, long);
        let recorded = |b: &Bundle, s: Step| b.development.iter().any(|r| r.step == s && r.date <= as_of);
        let followed = |b: &Bundle, s: Step| b.development.iter().any(|r| r.step > s && r.date <= as_of);
        let date_of = |b: &Bundle, s: Step| b.development.iter().find(|r| r.step == s).map(|r| r.date);
        let mut checked = 0;
        for info in dangjian::development::STEPS.iter().filter(|i| !i.repeats) {
            let s = info.step;
            if !recorded(&h.bundle, s) || !followed(&h.bundle, s) {
                continue;
            }
            let mut b = h.bundle.clone();
            b.development.retain(|r| r.step != s);
            let expected: Vec<&str> = match s {
                Step::PoliticalReview => {
                    if recorded(&b, Step::CommitteeReview) || followed(&b, Step::CommitteeReview) {
                        vec!["DEV009"]
                    } else {
                        vec![]
                    }
                }
                Step::Training => {
                    if recorded(&b, Step::PreReview) || followed(&b, Step::PreReview) {
                        vec!["DEV010"]
                    } else {
                        vec![]
                    }
                }
                Step::Oath => {
                    let am = date_of(&b, Step::AdmissionMeeting).unwrap();
                    if as_of >= add_months(am, 12) { vec!["DEV016"] } else { vec![] }
                }
                _ => vec!["DEV003"],
            };
            // The table of steps names the code that reports the step missing.
            if let Some(code) = expected.first() {
                prop_assert_eq!(*code, info.missing_code);
            }
            let f = dev_findings(&b, as_of);
            prop_assert_eq!(codes(&f), expected.clone(), "removed {}\n{}", s, describe(&h, as_of, &f));
            if expected == ["DEV003"] {
                prop_assert_eq!(f[0].evidence["step"].as_str(), Some(s.as_str()));
            }
            checked += 1;
        }
        // Every file past the first two steps has something to remove.
        if recorded(&h.bundle, Step::Talked) {
            prop_assert!(checked >= 1);
        }
    }

    /// Law 3: a publicity of exactly the minimum number of working days
    /// passes; its end moved back by one working day gives exactly DEV012.
    #[test]
    fn publicity_end_flips_dev012_at_the_threshold(
        (start, seed, extend, _frac, _long) in params(),
        conversion in any::<bool>(),
    ) {
        let h = history(start, seed, extend, 0);
        let as_of = h.last + Days::new(10);
        let which = usize::from(conversion);
        let p = h.bundle.publicity[which].clone();
        prop_assert_eq!(Prc.working_days(p.start, p.end), MIN_WD);
        let f = dev_findings(&h.bundle, as_of);
        prop_assert!(f.is_empty(), "{}", describe(&h, as_of, &f));

        let mut b = h.bundle.clone();
        b.publicity[which].end = prev_working_day(p.end);
        let f = dev_findings(&b, as_of);
        prop_assert_eq!(codes(&f), vec!["DEV012"], "{}", describe(&h, as_of, &f));
        prop_assert_eq!(f[0].evidence["working_days"].as_u64(), Some(u64::from(MIN_WD - 1)));
        prop_assert_eq!(f[0].evidence["stage"].as_str(), Some(p.stage.as_str()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Law 4: a file following the 2026 细则 is clean under central-2026 and,
    /// read with the 2014 order (central), has exactly its consent before the
    /// confirmation out of order.
    #[test]
    fn a_2026_file_by_edition(
        start in 0u32..400, seed in any::<u64>(), extend in proptest::option::of(6u32..=12),
        frac in 0u32..=1000, long in proptest::bool::weighted(0.15), extra in 0u32..=3,
    ) {
        let h = history_in(start, seed, extend, extra, true);
        let as_of = as_of_in(&h, frac, long);
        let f = dev_findings_in(&h.bundle, as_of, "central-2026");
        prop_assert!(f.is_empty(), "central-2026\n{}", describe(&h, as_of, &f));

        let f = dev_findings_in(&h.bundle, as_of, "central");
        let recorded = |s: Step| h.bundle.development.iter().any(|r| r.step == s && r.date <= as_of);
        // The 2014 order: the consent dated before the confirmation is out of
        // order; the consent alone, before the confirmation, leaves step 7
        // missing.
        let expected: Vec<&str> = if recorded(Step::CandidateConfirmed) {
            vec!["DEV004"]
        } else if recorded(Step::CandidateFiled) {
            vec!["DEV003"]
        } else {
            vec![]
        };
        prop_assert_eq!(codes(&f), expected.clone(), "central\n{}", describe(&h, as_of, &f));
        match expected.first() {
            Some(&"DEV004") => {
                prop_assert_eq!(f[0].evidence["step"].as_str(), Some("candidate_filed"));
                prop_assert_eq!(f[0].evidence["earlier_step"].as_str(), Some("candidate_confirmed"));
            }
            Some(_) => prop_assert_eq!(f[0].evidence["step"].as_str(), Some("candidate_confirmed")),
            None => {}
        }
    }
}
