//! Indicators: how each branch stands, from the same views as the rules.

use dangjian::report::Baseline;
use dangjian::rules::RuleCode;
use dangjian::{
    Attendance, AttendanceStatus, Auditor, Branch, BranchKind, Bundle, DuesBase, DuesCategory,
    DuesPayment, Meeting, MeetingKind, Member, MemberStatus, NaiveDate,
};

fn d(s: &str) -> NaiveDate {
    dangjian::parse_date(s).unwrap()
}

#[test]
fn meetings_held_and_required_agree_with_the_findings() {
    let bundles = dangjian::load::read_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.json"
    ))
    .unwrap();
    let report = Auditor::new(d("2025-12-31"))
        .with_indicators(true)
        .audit(&bundles);
    assert_eq!(report.indicators.len(), 3);
    let code = |k: MeetingKind| match k {
        MeetingKind::GeneralMeeting => RuleCode::MTG001,
        MeetingKind::CommitteeMeeting => RuleCode::MTG002,
        MeetingKind::GroupMeeting => RuleCode::MTG003,
        MeetingKind::PartyLecture => RuleCode::MTG004,
        MeetingKind::ThemeDay => RuleCode::MTG005,
        MeetingKind::LifeMeeting => RuleCode::MTG006,
        _ => RuleCode::MTG007,
    };
    let mut missing_total = 0;
    for i in &report.indicators {
        assert!(!i.meetings.is_empty());
        for m in &i.meetings {
            let missing = report
                .findings
                .iter()
                .filter(|f| f.branch == i.branch && f.rule == code(m.kind))
                .count();
            assert_eq!(
                (m.required - m.held) as usize,
                missing,
                "{} {:?}",
                i.branch,
                m.kind
            );
            missing_total += missing;
        }
    }
    assert!(missing_total > 0, "the sample misses some meetings");
}

fn member(id: &str) -> Member {
    Member::new(
        id.parse().unwrap(),
        id,
        MemberStatus::Full,
        d("2010-06-01"),
        DuesCategory::Salaried,
    )
}

#[test]
fn dues_on_time_expected_and_collected() {
    let mut b = Bundle::new(Branch::new(
        "B1".parse().unwrap(),
        "一支部",
        BranchKind::Organ,
    ));
    b.members.push(member("M1"));
    b.dues_bases.push(DuesBase::new(
        "M1".parse().unwrap(),
        "2024-01".parse().unwrap(),
        "4000.00".parse().unwrap(),
    ));
    let pay = |m: &str, a: &str, on: &str| {
        DuesPayment::new(
            "M1".parse().unwrap(),
            m.parse().unwrap(),
            a.parse().unwrap(),
            d(on),
        )
    };
    b.dues_payments.push(pay("2025-01", "40.00", "2025-01-10")); // on time
    b.dues_payments.push(pay("2025-02", "40.00", "2025-03-05")); // in full, late
    b.dues_payments.push(pay("2025-03", "30.00", "2025-03-10")); // short
    // April unpaid.
    let report = Auditor::new(d("2025-04-30"))
        .with_indicators(true)
        .audit([&b]);
    let i = &report.indicators[0];
    assert_eq!((i.dues.owed_months, i.dues.on_time_months), (4, 1));
    assert_eq!(i.dues.on_time_rate.unwrap().to_string(), "0.25");
    assert_eq!(i.dues.expected.to_string(), "160.00");
    assert_eq!(i.dues.collected.to_string(), "110.00");
    assert_eq!(
        (i.period.from, i.period.to),
        (d("2025-01-01"), d("2025-04-30"))
    );
}

#[test]
fn attendance_rate_over_the_meetings_of_the_period() {
    let mut b = Bundle::new(Branch::new(
        "B1".parse().unwrap(),
        "一支部",
        BranchKind::Organ,
    ));
    for m in ["M1", "M2", "M3", "M4"] {
        b.members.push(member(m));
    }
    let mut m1 = Meeting::new(
        "X1".parse().unwrap(),
        MeetingKind::GeneralMeeting,
        d("2025-03-01"),
    );
    // M1, M2 present; M3 excused; M4 not listed: absent.
    m1.attendance = vec![
        Attendance::new("M1".parse().unwrap(), AttendanceStatus::Present),
        Attendance::new("M2".parse().unwrap(), AttendanceStatus::Present),
        Attendance::new("M3".parse().unwrap(), AttendanceStatus::Excused),
    ];
    let mut before = Meeting::new("X0".parse().unwrap(), MeetingKind::Study, d("2024-12-01"));
    before.attendance = vec![Attendance::new(
        "M1".parse().unwrap(),
        AttendanceStatus::Present,
    )];
    b.meetings = vec![before, m1];
    let report = Auditor::new(d("2025-03-31"))
        .with_indicators(true)
        .audit([&b]);
    let a = &report.indicators[0].attendance;
    assert_eq!(
        (a.meetings, a.expected, a.present, a.excused, a.absent),
        (1, 4, 2, 1, 1)
    );
    assert_eq!(a.rate.unwrap().to_string(), "0.5");
}

#[test]
fn the_baselines_indicators_stand_beside_this_years() {
    let bundles = dangjian::load::read_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.json"
    ))
    .unwrap();
    let last_year = Auditor::new(d("2025-06-30"))
        .with_indicators(true)
        .audit(&bundles);
    let mut this_year = Auditor::new(d("2025-12-31"))
        .with_indicators(true)
        .audit(&bundles);
    this_year.compare(&Baseline::from_report(&last_year, Some("2025-06.json")));
    assert_eq!(this_year.previous_indicators, last_year.indicators);
    let mut text = dangjian::render::TextReport::new(dangjian::Lang::Zh);
    for b in &bundles {
        let a = Auditor::new(d("2025-12-31"));
        let cx = a.context(b);
        text.add_branch(&cx, &a.check_context(&cx));
    }
    let out = text.finish(&this_year);
    assert!(out.contains("== 各支部指标 =="), "{out}");
    assert!(out.contains("（上次 "), "{out}");
}
