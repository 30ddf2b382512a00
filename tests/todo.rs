//! 待办: what falls due within DAYS after as_of, at the window's edge
//! (due on day DAYS is listed, on day DAYS + 1 is not).

use dangjian::report::TodoKind;
use dangjian::{
    Auditor, Branch, BranchKind, Bundle, Candidate, Committee, CommitteeRole, DevelopmentRecord,
    DuesBase, DuesCategory, DuesPayment, Meeting, MeetingKind, Member, MemberStatus, NaiveDate,
    Step, Transfer, TransferDirection,
};

fn d(s: &str) -> NaiveDate {
    dangjian::parse_date(s).unwrap()
}

fn todo(b: &Bundle, as_of: &str, days: u32) -> Vec<(TodoKind, String, NaiveDate)> {
    let a = Auditor::new(d(as_of));
    let cx = a.context(b);
    let mut v: Vec<_> = a
        .todo(&cx, days)
        .into_iter()
        .map(|i| (i.kind, i.subject.id.to_string(), i.due))
        .collect();
    v.sort();
    v
}

fn has(v: &[(TodoKind, String, NaiveDate)], kind: TodoKind, id: &str, due: &str) -> bool {
    v.iter()
        .any(|(k, i, dd)| *k == kind && i == id && *dd == d(due))
}

fn branch() -> Bundle {
    let mut b = Bundle::new(Branch::new(
        "B1".parse().unwrap(),
        "一支部",
        BranchKind::Organ,
    ));
    b.branch.founded_on = Some(d("2010-01-01"));
    b
}

#[test]
fn a_development_deadline_at_the_edge() {
    let mut b = branch();
    b.candidates
        .push(Candidate::new("A1".parse().unwrap(), "陈某"));
    b.development.push(DevelopmentRecord::new(
        "A1".parse().unwrap(),
        Step::Applied,
        d("2025-01-31"),
    ));
    // The talk is due within a month: 2025-02-28, 27 days after 2025-02-01.
    assert!(has(
        &todo(&b, "2025-02-01", 27),
        TodoKind::DevelopmentStep,
        "A1",
        "2025-02-28"
    ));
    assert!(!has(
        &todo(&b, "2025-02-01", 26),
        TodoKind::DevelopmentStep,
        "A1",
        "2025-02-28"
    ));
}

#[test]
fn a_term_at_the_edge() {
    let mut b = branch();
    b.branch.committee = Some(
        Committee::new(d("2022-06-15"), 3)
            .with_seat("M1".parse().unwrap(), CommitteeRole::Secretary),
    );
    assert!(has(
        &todo(&b, "2025-06-05", 10),
        TodoKind::TermExpires,
        "B1",
        "2025-06-15"
    ));
    assert!(!has(
        &todo(&b, "2025-06-05", 9),
        TodoKind::TermExpires,
        "B1",
        "2025-06-15"
    ));
}

#[test]
fn a_meeting_of_the_current_quarter_at_the_edge() {
    let mut b = branch();
    b.meetings.push(Meeting::new(
        "X1".parse().unwrap(),
        MeetingKind::GeneralMeeting,
        d("2025-03-20"),
    ));
    // No general meeting yet in Q2: due 2025-06-30, 29 days after 06-01.
    assert!(has(
        &todo(&b, "2025-06-01", 29),
        TodoKind::MeetingDue,
        "B1",
        "2025-06-30"
    ));
    assert!(!has(
        &todo(&b, "2025-06-01", 28),
        TodoKind::MeetingDue,
        "B1",
        "2025-06-30"
    ));
    // Held already: the general meeting is no longer due (a theme day or a
    // lecture may still be).
    let general_due = |b: &Bundle| {
        let a = Auditor::new(d("2025-06-01"));
        let cx = a.context(b);
        a.todo(&cx, 29)
            .iter()
            .any(|i| i.message.zh.contains("支部党员大会"))
    };
    assert!(general_due(&b));
    b.meetings.push(Meeting::new(
        "X2".parse().unwrap(),
        MeetingKind::GeneralMeeting,
        d("2025-05-20"),
    ));
    assert!(!general_due(&b));
}

#[test]
fn one_month_from_the_six_month_line_of_dues() {
    let mut b = branch();
    b.members.push(Member::new(
        "M1".parse().unwrap(),
        "甲",
        MemberStatus::Full,
        d("2010-06-01"),
        DuesCategory::Salaried,
    ));
    b.dues_bases.push(DuesBase::new(
        "M1".parse().unwrap(),
        "2024-01".parse().unwrap(),
        "4000.00".parse().unwrap(),
    ));
    b.dues_payments.push(DuesPayment::new(
        "M1".parse().unwrap(),
        "2024-12".parse().unwrap(),
        "40.00".parse().unwrap(),
        d("2024-12-05"),
    ));
    // January to May unpaid: five months; June completes six, due 2025-06-30.
    assert!(has(
        &todo(&b, "2025-05-31", 30),
        TodoKind::DuesLapse,
        "M1",
        "2025-06-30"
    ));
    assert!(!has(
        &todo(&b, "2025-05-31", 29),
        TodoKind::DuesLapse,
        "M1",
        "2025-06-30"
    ));
    // Four months unpaid (as of April): not yet one month from the line.
    assert!(
        !todo(&b, "2025-04-30", 60)
            .iter()
            .any(|(k, _, _)| *k == TodoKind::DuesLapse)
    );
}

#[test]
fn a_transfer_letter_at_the_edge() {
    let mut b = branch();
    let mut t = Transfer::new(
        "M9".parse().unwrap(),
        TransferDirection::In,
        d("2025-03-01"),
    );
    t.valid_until = Some(d("2025-04-01"));
    b.transfers.push(t.clone());
    assert!(has(
        &todo(&b, "2025-03-02", 30),
        TodoKind::TransferExpires,
        "M9",
        "2025-04-01"
    ));
    assert!(!has(
        &todo(&b, "2025-03-02", 29),
        TodoKind::TransferExpires,
        "M9",
        "2025-04-01"
    ));
    // Reported: nothing to do.
    t.reported_on = Some(d("2025-03-10"));
    b.transfers = vec![t];
    assert!(!has(
        &todo(&b, "2025-03-02", 30),
        TodoKind::TransferExpires,
        "M9",
        "2025-04-01"
    ));
}
