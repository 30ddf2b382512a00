//! Property tests of the record model: every record type round-trips through
//! JSON, and no bundle that deserializes can make the audit panic (with every
//! rule on, any `as_of`, any period).

use chrono::{Duration, NaiveDate};
use dangjian::model::*;
use dangjian::{Auditor, Profile};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn date() -> impl Strategy<Value = NaiveDate> {
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    prop_oneof![
        8 => (0i64..(365 * 30)).prop_map(move |d| base + Duration::days(d)),
        1 => Just(NaiveDate::from_ymd_opt(1, 1, 1).unwrap()),
        1 => Just(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap()),
    ]
}

fn month() -> impl Strategy<Value = YearMonth> {
    prop_oneof![
        8 => (2000i32..2030, 1u32..=12).prop_map(|(y, m)| YearMonth::new(y, m).unwrap()),
        1 => Just(YearMonth::new(1, 1).unwrap()),
        1 => Just(YearMonth::new(9999, 12).unwrap()),
    ]
}

fn money() -> impl Strategy<Value = Money> {
    prop_oneof![0u64..5_000_000, Just(u64::MAX / 1000)].prop_map(Money::from_fen)
}

fn hours() -> impl Strategy<Value = Hours> {
    (0i64..20000).prop_map(|h| Hours::new(Decimal::new(h, 2)).unwrap())
}

fn member_id() -> impl Strategy<Value = Id> {
    prop::sample::select(vec!["M1", "M2", "M3", "M4", "M9"]).prop_map(|s| s.parse().unwrap())
}

fn cand_id() -> impl Strategy<Value = Id> {
    prop::sample::select(vec!["A1", "A2", "A9"]).prop_map(|s| s.parse().unwrap())
}

fn ids(s: impl Strategy<Value = Id>) -> impl Strategy<Value = Vec<Id>> {
    prop::collection::vec(s, 0..4)
}

fn pick<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(all)
}

fn votes() -> impl Strategy<Value = Votes> {
    (
        0u32..30,
        0u32..30,
        0u32..30,
        0u32..5,
        0u32..5,
        0u32..5,
        any::<bool>(),
    )
        .prop_map(
            |(expected_voting, present_voting, yes, no, abstain, written_yes, passed)| {
                let mut v = Votes::new(expected_voting, present_voting, yes, passed);
                v.no = no;
                v.abstain = abstain;
                v.written_yes = written_yes;
                v
            },
        )
}

fn branch() -> impl Strategy<Value = Branch> {
    let committee = (
        date(),
        0u32..8,
        prop::collection::vec((member_id(), pick(CommitteeRole::ALL)), 0..9),
        prop::option::of((date(), date())),
    )
        .prop_map(|(elected_on, term_years, seats, postponement)| {
            let mut c = Committee::new(elected_on, term_years);
            for (member, role) in seats {
                c = c.with_seat(member, role);
            }
            c.postponement = postponement.map(|(a, u)| Postponement::new(a, u));
            c
        });
    let group = (
        prop::sample::select(vec!["G1", "G2"]),
        prop::option::of(member_id()),
        ids(member_id()),
    )
        .prop_map(|(id, leader, members)| {
            let mut g = Group::new(id.parse().unwrap());
            g.leader = leader;
            g.members = members;
            g
        });
    (
        pick(BranchKind::ALL),
        prop::option::of(date()),
        prop::option::of(date()),
        prop::option::of(committee),
        prop::option::of(member_id()),
        prop::collection::vec(group, 0..3),
    )
        .prop_map(
            |(kind, founded_on, dissolved_on, committee, secretary, groups)| {
                let mut b = Branch::new("B1".parse().unwrap(), "支部", kind);
                b.founded_on = founded_on;
                b.dissolved_on = dissolved_on;
                b.committee = committee;
                b.secretary = secretary;
                b.groups = groups;
                b
            },
        )
}

fn member() -> impl Strategy<Value = Member> {
    (
        (
            member_id(),
            prop::option::of(date()),
            pick(MemberStatus::ALL),
            date(),
        ),
        (
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(pick(LeftReason::ALL)),
        ),
        (
            pick(DuesCategory::ALL),
            prop::option::of(pick(PaymentCycle::ALL)),
            prop::option::of(month()),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (id, born_on, status, admitted_on),
                (full_on, in_branch_from, in_branch_to, left_reason),
                (dues_category, payment_cycle, dues_paid_until, rights_suspended, leading_cadre),
            )| {
                let mut m = Member::new(id, "某", status, admitted_on, dues_category);
                m.born_on = born_on;
                m.full_on = full_on;
                m.in_branch_from = in_branch_from;
                m.in_branch_to = in_branch_to;
                m.left_reason = left_reason;
                m.payment_cycle = payment_cycle;
                m.dues_paid_until = dues_paid_until;
                m.rights_suspended = rights_suspended;
                m.leading_cadre = leading_cadre;
                m
            },
        )
}

fn payment() -> impl Strategy<Value = DuesPayment> {
    (
        member_id(),
        month(),
        prop::option::of(month()),
        money(),
        date(),
        prop::option::of(Just("2025-001".to_owned())),
        prop::option::of(member_id()),
    )
        .prop_map(
            |(member, month, through, amount, paid_on, receipt_no, collector)| {
                let mut p = DuesPayment::new(member, month, amount, paid_on);
                p.through = through;
                p.receipt_no = receipt_no;
                p.collector = collector;
                p
            },
        )
}

fn base() -> impl Strategy<Value = DuesBase> {
    (member_id(), month(), money())
        .prop_map(|(member, from, base)| DuesBase::new(member, from, base))
}

fn waiver() -> impl Strategy<Value = DuesWaiver> {
    (
        member_id(),
        month(),
        month(),
        pick(WaiverKind::ALL),
        prop::option::of(money()),
        prop::option::of(date()),
        prop::option::of(date()),
    )
        .prop_map(
            |(member, from, to, kind, amount, branch_decided_on, higher_approved_on)| {
                let mut w = DuesWaiver::new(member, from, to, kind);
                w.amount = amount;
                w.branch_decided_on = branch_decided_on;
                w.higher_approved_on = higher_approved_on;
                w
            },
        )
}

fn exemption() -> impl Strategy<Value = Exemption> {
    (member_id(), date(), date()).prop_map(|(member, from, to)| {
        let mut e = Exemption::new(member, from, to);
        e.reason = Some("illness".into());
        e
    })
}

fn period_spec() -> impl Strategy<Value = PeriodSpec> {
    prop_oneof![
        (2000i32..2030).prop_map(PeriodSpec::Year),
        (2000i32..2030, 1u32..=2).prop_map(|(y, h)| PeriodSpec::Half(y, h)),
        (2000i32..2030, 1u32..=4).prop_map(|(y, q)| PeriodSpec::Quarter(y, q)),
        month().prop_map(PeriodSpec::Month),
    ]
}

fn rectification() -> impl Strategy<Value = Rectification> {
    (
        prop::option::of(member_id()),
        date(),
        prop::option::of(date()),
    )
        .prop_map(|(owner, due, done_on)| {
            let mut r = Rectification::new("党费收缴不及时", due);
            r.owner = owner;
            r.done_on = done_on;
            r
        })
}

fn meeting() -> impl Strategy<Value = Meeting> {
    let attendance = prop::collection::vec(
        (member_id(), pick(AttendanceStatus::ALL))
            .prop_map(|(member, status)| Attendance::new(member, status)),
        0..5,
    );
    (
        (
            prop::sample::select(vec!["X1", "X2", "X3"]),
            pick(MeetingKind::ALL),
            date(),
            prop::option::of(period_spec()),
            prop::option::of(prop::sample::select(vec!["G1", "G9"])),
        ),
        (
            prop::option::of(Just("主题".to_owned())),
            prop::option::of(member_id()),
            prop::option::of(hours()),
            prop::option::of(ids(member_id())),
            attendance,
            prop::option::of(votes()),
        ),
        (
            prop::collection::vec(prop::sample::select(vec!["ideology", "党史"]), 0..2),
            prop::collection::vec(rectification(), 0..2),
        ),
    )
        .prop_map(
            |(
                (id, kind, date, for_period, group),
                (topic, chair, hours, expected, attendance, votes),
                (tags, rectifications),
            )| {
                let mut m = Meeting::new(id.parse().unwrap(), kind, date);
                m.for_period = for_period;
                m.group = group.map(|g| g.parse().unwrap());
                m.topic = topic;
                m.recorder = chair.clone();
                m.chair = chair;
                m.hours = hours;
                m.expected = expected;
                m.attendance = attendance;
                m.votes = votes;
                m.tags = tags.into_iter().map(str::to_owned).collect();
                m.rectifications = rectifications;
                m
            },
        )
}

fn talk() -> impl Strategy<Value = Talk> {
    (date(), ids(member_id())).prop_map(|(date, members)| Talk::new(date, members))
}

fn training() -> impl Strategy<Value = Training> {
    (
        member_id(),
        date(),
        hours(),
        prop::option::of(pick(TrainingChannel::ALL)),
    )
        .prop_map(|(member, date, hours, channel)| {
            let mut t = Training::new(member, date, hours);
            t.channel = channel;
            t
        })
}

fn candidate() -> impl Strategy<Value = Candidate> {
    (
        cand_id(),
        prop::option::of(date()),
        prop::option::of(member_id()),
    )
        .prop_map(|(id, born_on, member)| {
            let mut c = Candidate::new(id, "候选");
            c.born_on = born_on;
            c.member = member;
            c
        })
}

fn development() -> impl Strategy<Value = DevelopmentRecord> {
    (
        (
            cand_id(),
            pick(Step::ALL),
            date(),
            prop::option::of(ids(member_id())),
        ),
        (
            prop::option::of(pick(ReviewConclusion::ALL)),
            prop::option::of(0u32..10),
            prop::option::of(hours()),
            prop::option::of(votes()),
            prop::option::of(prop::sample::select(vec!["X1", "X9"])),
            prop::option::of(pick(ConversionOutcome::ALL)),
            prop::option::of(0u32..20),
        ),
    )
        .prop_map(
            |(
                (candidate, step, date, members),
                (conclusion, days, hours, votes, meeting, outcome, extend_months),
            )| {
                let mut d = DevelopmentRecord::new(candidate, step, date);
                d.members = members;
                d.conclusion = conclusion;
                d.days = days;
                d.hours = hours;
                d.votes = votes;
                d.meeting = meeting.map(|m| m.parse().unwrap());
                d.outcome = outcome;
                d.extend_months = extend_months;
                d
            },
        )
}

fn publicity() -> impl Strategy<Value = Publicity> {
    (cand_id(), pick(PublicityStage::ALL), date(), date())
        .prop_map(|(candidate, stage, start, end)| Publicity::new(candidate, stage, start, end))
}

fn transfer() -> impl Strategy<Value = Transfer> {
    (
        member_id(),
        pick(TransferDirection::ALL),
        date(),
        prop::option::of(date()),
        prop::option::of(date()),
        prop::option::of(date()),
        any::<bool>(),
    )
        .prop_map(
            |(member, direction, issued_on, valid_until, reported_on, receipt_on, cross)| {
                let mut t = Transfer::new(member, direction, issued_on);
                t.valid_until = valid_until;
                t.reported_on = reported_on;
                t.receipt_on = receipt_on;
                t.cross_system = cross;
                t.org = Some("某县委组织部".into());
                t
            },
        )
}

fn mobility() -> impl Strategy<Value = Mobility> {
    (
        member_id(),
        pick(MobilityKind::ALL),
        date(),
        prop::option::of(date()),
        any::<bool>(),
        prop::option::of(date()),
    )
        .prop_map(|(member, kind, from, to, place_fixed, suspended_on)| {
            let mut m = Mobility::new(member, kind, from);
            m.to = to;
            m.place_fixed = place_fixed;
            m.suspended_on = suspended_on;
            m.place = Some("深圳".into());
            m
        })
}

fn remittance() -> impl Strategy<Value = DuesRemittance> {
    (period_spec(), money(), date())
        .prop_map(|(period, amount, on)| DuesRemittance::new(period, amount, on))
}

fn publication() -> impl Strategy<Value = DuesPublication> {
    (date(), 2000i32..2030).prop_map(|(date, year)| DuesPublication::new(date, year))
}

fn bundle() -> impl Strategy<Value = Bundle> {
    (
        (
            branch(),
            prop::collection::vec(member(), 0..5),
            prop::collection::vec(base(), 0..4),
            prop::collection::vec(payment(), 0..8),
            prop::collection::vec(waiver(), 0..2),
            prop::collection::vec(exemption(), 0..2),
        ),
        (
            prop::collection::vec(meeting(), 0..6),
            prop::collection::vec(talk(), 0..3),
            prop::collection::vec(training(), 0..4),
            prop::collection::vec(candidate(), 0..3),
            prop::collection::vec(development(), 0..8),
            prop::collection::vec(publicity(), 0..3),
        ),
        (
            prop::collection::vec(transfer(), 0..3),
            prop::collection::vec(mobility(), 0..3),
            prop::collection::vec(remittance(), 0..3),
            prop::collection::vec(publication(), 0..2),
        ),
    )
        .prop_map(
            |(
                (branch, members, dues_bases, dues_payments, dues_waivers, exemptions),
                (meetings, talks, trainings, candidates, development, publicity),
                (transfers, mobility, dues_remittances, dues_publications),
            )| {
                let mut b = Bundle::new(branch);
                b.members = members;
                b.dues_bases = dues_bases;
                b.dues_payments = dues_payments;
                b.dues_waivers = dues_waivers;
                b.exemptions = exemptions;
                b.meetings = meetings;
                b.talks = talks;
                b.trainings = trainings;
                b.candidates = candidates;
                b.development = development;
                b.publicity = publicity;
                b.transfers = transfers;
                b.mobility = mobility;
                b.dues_remittances = dues_remittances;
                b.dues_publications = dues_publications;
                b
            },
        )
}

fn round_trips<T>(value: &T) -> Result<(), TestCaseError>
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let json = serde_json::to_string(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: T =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
    prop_assert_eq!(&back, value);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every record type round-trips through JSON.
    #[test]
    fn records_round_trip(b in bundle()) {
        round_trips(&b.branch)?;
        for x in &b.members { round_trips(x)?; }
        for x in &b.dues_bases { round_trips(x)?; }
        for x in &b.dues_payments { round_trips(x)?; }
        for x in &b.dues_waivers { round_trips(x)?; }
        for x in &b.exemptions { round_trips(x)?; }
        for x in &b.meetings { round_trips(x)?; }
        for x in &b.talks { round_trips(x)?; }
        for x in &b.trainings { round_trips(x)?; }
        for x in &b.candidates { round_trips(x)?; }
        for x in &b.development { round_trips(x)?; }
        for x in &b.publicity { round_trips(x)?; }
        for x in &b.transfers { round_trips(x)?; }
        for x in &b.mobility { round_trips(x)?; }
        for x in &b.dues_remittances { round_trips(x)?; }
        for x in &b.dues_publications { round_trips(x)?; }
        round_trips(&b)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// No bundle that deserializes makes the audit panic, whatever the
    /// reference date and period; and the same input gives the same findings.
    #[test]
    fn audit_never_panics(b in bundle(), as_of in date(), span in 0i64..800, strict in any::<bool>()) {
        let json = serde_json::to_string(&b).unwrap();
        let b = dangjian::load::bundle_from_json(&json).unwrap();
        // The fast date scan (for the default as_of) reads the same event
        // dates as the bundle itself: the two lists cannot drift apart.
        prop_assert_eq!(
            dangjian::load::latest_event_date_of_line(json.as_bytes(), 1, None).unwrap(),
            b.latest_event_date()
        );
        let from = as_of - Duration::days(span.min(3000));
        let mut profile = Profile::central();
        if strict {
            profile.dues.arrears_min_months.set(1, None);
            profile.dues.lapse_months.set(2, None);
        }
        let auditor = Auditor::new(as_of)
            .profile(profile)
            .period(DateRange::new(from, as_of).unwrap());
        let first = auditor.audit([&b]);
        let second = auditor.audit([&b]);
        prop_assert_eq!(first.to_json(), second.to_json());
        // The report reads back as it was written.
        let back = dangjian::Report::from_json(&first.to_json())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &first);
    }
}
