//! The crate as an outside user links it: every record type built through
//! its constructor, a bundle audited, the report written and read back.
//! Only public paths of the crate root and its documented modules are used.

use dangjian::rules::{RuleCode, Selection};
use dangjian::{
    Attendance, AttendanceStatus, Auditor, Branch, BranchKind, Bundle, Candidate, Citation,
    Committee, CommitteeRole, DevelopmentRecord, DuesBase, DuesCategory, DuesPayment,
    DuesPublication, DuesRemittance, DuesWaiver, Error, Exemption, Group, Hours, Id, LeftReason,
    Meeting, MeetingKind, Member, MemberStatus, Mobility, MobilityKind, Money, NaiveDate,
    PeriodSpec, Postponement, Profile, Publicity, PublicityStage, Rectification, Report, Severity,
    Step, Talk, Training, TrainingChannel, Transfer, TransferDirection, Votes, WaiverKind,
    YearMonth,
};

fn id(s: &str) -> Id {
    s.parse().expect("a valid id")
}

fn d(s: &str) -> NaiveDate {
    dangjian::parse_date(s).expect("a valid date")
}

fn ym(s: &str) -> YearMonth {
    s.parse().expect("a valid month")
}

fn money(s: &str) -> Money {
    s.parse().expect("valid money")
}

/// A bundle with a record of every table, built only with constructors and
/// public fields.
fn bundle() -> Bundle {
    let mut branch = Branch::new(id("B1"), "某局机关第一党支部", BranchKind::Organ);
    branch.founded_on = Some(d("2016-03-01"));
    let mut committee = Committee::new(d("2023-06-15"), 3)
        .with_seat(id("M1"), CommitteeRole::Secretary)
        .with_seat(id("M2"), CommitteeRole::Organization)
        .with_seat(id("M3"), CommitteeRole::Propaganda);
    committee.postponement = Some(Postponement::new(d("2026-05-10"), d("2026-12-31")));
    branch.committee = Some(committee);
    let mut group = Group::new(id("G1"));
    group.name = Some("第一党小组".into());
    group.leader = Some(id("M2"));
    group.members = vec![id("M2"), id("M3"), id("M4")];
    branch.groups.push(group);

    let mut b = Bundle::new(branch);
    for (i, name) in ["王一", "李二", "张三", "赵四"].iter().enumerate() {
        let mut m = Member::new(
            id(&format!("M{}", i + 1)),
            *name,
            MemberStatus::Full,
            d("2010-06-01"),
            DuesCategory::Salaried,
        );
        m.full_on = Some(d("2011-06-01"));
        m.leading_cadre = i == 0;
        b.members.push(m);
    }
    let mut left = Member::new(
        id("M5"),
        "钱五",
        MemberStatus::Full,
        d("2012-01-01"),
        DuesCategory::Retired,
    );
    left.in_branch_to = Some(d("2025-03-31"));
    left.left_reason = Some(LeftReason::Transferred);
    b.members.push(left);

    b.dues_bases
        .push(DuesBase::new(id("M1"), ym("2024-01"), money("8500.00")));
    let mut p = DuesPayment::new(id("M1"), ym("2025-01"), money("1530.00"), d("2025-01-10"))
        .through(ym("2025-12"));
    p.receipt_no = Some("2025-001".into());
    p.collector = Some(id("M2"));
    b.dues_payments.push(p);
    let mut w = DuesWaiver::new(id("M4"), ym("2025-01"), ym("2025-12"), WaiverKind::Waive);
    w.branch_decided_on = Some(d("2024-12-20"));
    b.dues_waivers.push(w);
    b.exemptions
        .push(Exemption::new(id("M3"), d("2025-02-01"), d("2025-07-31")));
    b.dues_remittances.push(DuesRemittance::new(
        PeriodSpec::Quarter(2025, 1),
        money("382.50"),
        d("2025-04-08"),
    ));
    b.dues_publications
        .push(DuesPublication::new(d("2026-01-15"), 2025));

    let mut m = Meeting::new(id("MT1"), MeetingKind::LifeMeeting, d("2025-12-20"));
    m.topic = Some("2025年度组织生活会".into());
    m.chair = Some(id("M1"));
    m.hours = Some("2.5".parse::<Hours>().expect("hours"));
    m.attendance
        .push(Attendance::new(id("M1"), AttendanceStatus::Present));
    let mut absent = Attendance::new(id("M4"), AttendanceStatus::Excused);
    absent.reason = Some("出差".into());
    m.attendance.push(absent);
    m.tags.push("ideology".into());
    let mut r = Rectification::new("党费收缴不及时", d("2026-03-31"));
    r.owner = Some(id("M2"));
    m.rectifications.push(r);
    let mut gm = Meeting::new(id("MT2"), MeetingKind::GeneralMeeting, d("2025-03-28"));
    gm.votes = Some(Votes::new(4, 4, 4, true));
    b.meetings.push(m);
    b.meetings.push(gm);
    b.talks
        .push(Talk::new(d("2025-05-06"), vec![id("M1"), id("M3")]));
    let mut t = Training::new(id("M1"), d("2025-04-10"), "8".parse().expect("hours"));
    t.channel = Some(TrainingChannel::OnlineSchool);
    b.trainings.push(t);

    let mut c = Candidate::new(id("A1"), "陈某");
    c.born_on = Some(d("1999-01-03"));
    b.candidates.push(c);
    b.development.push(DevelopmentRecord::new(
        id("A1"),
        Step::Applied,
        d("2025-03-01"),
    ));
    b.publicity.push(Publicity::new(
        id("A1"),
        PublicityStage::Candidate,
        d("2025-09-01"),
        d("2025-09-05"),
    ));
    let mut tr = Transfer::new(id("M5"), TransferDirection::Out, d("2025-03-20"));
    tr.valid_until = Some(d("2025-04-20"));
    b.transfers.push(tr);
    let mut away = Mobility::new(id("M4"), MobilityKind::Work, d("2025-01-10"));
    away.place = Some("深圳".into());
    away.place_fixed = true;
    b.mobility.push(away);
    b
}

#[test]
fn a_bundle_built_in_code_is_audited_and_its_report_reads_back() -> Result<(), Error> {
    let b = bundle();
    // Every table holds a record.
    assert_eq!(
        b.record_count(),
        1 + 5 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1
    );
    let auditor = Auditor::new(d("2025-12-31"));
    let report = auditor.audit([&b]);
    assert_eq!(report.summary.branches, 1);
    assert_eq!(report.summary.members, 5);
    assert!(!report.findings.is_empty());
    // The unapproved waiver: DUE006, with its stable id.
    let waiver = report
        .findings
        .iter()
        .find(|f| f.rule == RuleCode::DUE006)
        .expect("the waiver lacks the higher approval");
    assert_eq!(waiver.id, "DUE006/B1/member:M4/2025-01");
    assert_eq!(waiver.severity, Severity::Error);
    assert!(!waiver.citations.is_empty());

    // Written and read back: the same report.
    let json = report.to_json();
    let back = Report::from_json(&json)?;
    assert_eq!(back, report);
    let mut bytes = Vec::new();
    report.write_json(&mut bytes).expect("writes to memory");
    assert_eq!(String::from_utf8(bytes).expect("utf-8"), json);

    // The bundle itself round-trips through the record format.
    let text = serde_json::to_string(&b).expect("serializes");
    assert_eq!(dangjian::load::bundle_from_json(&text)?, b);
    Ok(())
}

#[test]
fn rule_codes_and_selections_are_checked() {
    let e = "DEV12".parse::<RuleCode>().unwrap_err();
    assert!(e.to_string().contains("DEV012"), "{e}");
    assert!("DUEX".parse::<Selection>().is_err());
    let auditor = Auditor::new(d("2025-12-31"))
        .select("DUE".parse().expect("a family"))
        .severity(RuleCode::DUE006, Severity::Warning);
    let findings = auditor.check(&bundle());
    assert!(
        findings
            .iter()
            .all(|f| f.rule.family() == Some(dangjian::rules::Family::Dues))
    );
    let waiver = findings
        .iter()
        .find(|f| f.rule == RuleCode::DUE006)
        .expect("DUE006");
    assert_eq!(waiver.severity, Severity::Warning);
}

#[test]
fn a_parameter_set_with_its_source_is_cited() -> Result<(), Error> {
    let mut profile = Profile::central();
    profile.set_param(
        "dues.lapse_months",
        serde_json::json!(6),
        None,
        Some(Citation::owned("某省委组织部〔2024〕1号", "第五条")),
    )?;
    assert_eq!(
        profile.dues.lapse_months.source().document,
        "某省委组织部〔2024〕1号"
    );
    // A typo in a parameter name is an error that names the nearest one.
    let e = profile
        .set_param("dues.lapse_month", serde_json::json!(6), None, None)
        .unwrap_err();
    assert!(e.to_string().contains("dues.lapse_months"), "{e}");
    Ok(())
}
