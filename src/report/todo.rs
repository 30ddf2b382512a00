//! 待办: what falls due in the days after `as_of` — the reminders of a
//! records system, computed from the same views as the rules.
//!
//! An item is due on a day in `as_of + 1 ..= as_of + days` (a deadline the
//! day itself meets); anything already overdue is a finding, not a to-do.
//!
//! * **Development**: the planner's next steps with a deadline
//!   ([`crate::development::plan`]).
//! * **Probation ends**: the end of a probationer's probation (the
//!   conversion meeting may then be held).
//! * **Term expires**: the committee's term (or its approved postponement).
//! * **Meeting due**: a required meeting (支部党员大会 a quarter, 支委会 and
//!   主题党日 a month, 党课 by the profile, 组织生活会 and 民主评议 a year)
//!   not yet held in the current period, which ends in the window.
//! * **Six-month lines**: a member whose unpaid months (or months without
//!   organisational life) reach one fewer than the lapse line: the next
//!   month completes it, due at that month's end.
//! * **Transfer letters**: a letter's validity ends in the window while the
//!   member has not reported (incoming) or the receipt is not back (outgoing).

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Message, Subject};
use crate::dues::DuesStatus;
use crate::families::context::Context;
use crate::life::standing::{LifeStatus, Standing};
use crate::model::{DateRange, Id, MeetingKind, PaymentCycle, TransferDirection, YearMonth};
use crate::period;

/// What kind of thing falls due.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TodoKind {
    /// A development step's deadline.
    DevelopmentStep,
    /// A probation ends.
    ProbationEnds,
    /// The committee's term expires.
    TermExpires,
    /// A required meeting not yet held in its period.
    MeetingDue,
    /// A member one month from the six-month line of unpaid dues.
    DuesLapse,
    /// A member one month from the six-month line of organisational life.
    LifeLapse,
    /// A transfer letter's validity ends.
    TransferExpires,
}

impl TodoKind {
    /// Its name in Chinese, for tables (发展步骤, 预备期满, …).
    pub fn zh(self) -> &'static str {
        match self {
            TodoKind::DevelopmentStep => "发展步骤",
            TodoKind::ProbationEnds => "预备期满",
            TodoKind::TermExpires => "换届到期",
            TodoKind::MeetingDue => "应开会议",
            TodoKind::DuesLapse => "党费临近六个月",
            TodoKind::LifeLapse => "组织生活临近六个月",
            TodoKind::TransferExpires => "介绍信到期",
        }
    }
}

/// One thing that falls due.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TodoItem {
    /// The branch.
    pub branch: Id,
    /// The kind.
    pub kind: TodoKind,
    /// What it is about.
    pub subject: Subject,
    /// The day it falls due (itself on time).
    pub due: NaiveDate,
    /// What to do, in Chinese and English.
    pub message: Message,
}

/// What falls due in the window after `as_of`.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Todo {
    /// The window's length in days.
    pub days: u32,
    /// Its last day.
    pub until: NaiveDate,
    /// The items, by branch, due day, kind and subject.
    pub items: Vec<TodoItem>,
}

impl Todo {
    /// An empty list for `days` after `as_of`.
    pub fn new(as_of: NaiveDate, days: u32) -> Todo {
        Todo {
            days,
            until: as_of + Duration::days(i64::from(days)),
            items: Vec::new(),
        }
    }

    /// Sorts the items.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.branch, a.due, a.kind, &a.subject).cmp(&(&b.branch, b.due, b.kind, &b.subject))
        });
    }
}

/// The to-do items of the context's bundle due within `days` after `as_of`.
pub(crate) fn items(cx: &Context<'_>, days: u32) -> Vec<TodoItem> {
    let window = DateRange {
        from: cx.as_of + Duration::days(1),
        to: cx.as_of + Duration::days(i64::from(days)),
    };
    let branch = &cx.bundle.branch.id;
    let mut out = Vec::new();
    let mut push = |kind, subject, due: NaiveDate, zh: String, en: String| {
        if window.contains(due) {
            out.push(TodoItem {
                branch: branch.clone(),
                kind,
                subject,
                due,
                message: Message::new(zh, en),
            });
        }
    };

    // Development: the planner's deadlines, and the end of probation.
    let p = &cx.profile.development;
    for pos in 0..cx.bundle.candidates.len() {
        let Some(c) = cx.bundle.candidates.get(pos) else {
            continue;
        };
        if cx.index.candidate_pos(c.id.as_str()) != Some(pos) {
            continue;
        }
        let Some(file) = crate::families::development::rules::file_at(cx, pos) else {
            continue;
        };
        let plan = file.plan(p);
        for n in &plan.next {
            if let Some(due) = n.deadline {
                push(
                    TodoKind::DevelopmentStep,
                    Subject::candidate(&c.id),
                    due,
                    format!("{}（{}）：{}，期限{due}", c.name, c.id, n.action.zh()),
                    format!("{} ({}): {}, due {due}", c.name, c.id, n.action.en()),
                );
            }
        }
        if let Some(prob) = file.probation(p) {
            if prob.decided.is_none() {
                push(
                    TodoKind::ProbationEnds,
                    Subject::candidate(&c.id),
                    prob.end,
                    format!(
                        "{}（{}）预备期于{}届满，应及时讨论转正",
                        c.name, c.id, prob.end
                    ),
                    format!(
                        "{} ({}): probation ends on {}; discuss the conversion",
                        c.name, c.id, prob.end
                    ),
                );
            }
        }
    }

    // The committee's term.
    if let Some(c) = &cx.bundle.branch.committee {
        let end = crate::model::add_months(c.elected_on, c.term_years.saturating_mul(12));
        let end = c
            .postponement
            .as_ref()
            .filter(|p| p.approved_on <= cx.as_of)
            .map_or(end, |p| p.until.max(end));
        push(
            TodoKind::TermExpires,
            Subject::branch(branch),
            end,
            format!("支委会任期于{end}届满，应按期换届"),
            format!("the committee's term ends on {end}; hold the election"),
        );
    }

    // Required meetings not yet held in the current period.
    let held = |kind: MeetingKind, spec: crate::model::PeriodSpec, k| {
        cx.bundle.meetings.iter().any(|m| {
            m.kind == kind
                && m.date <= cx.as_of
                && period::counts_for(k, m.date, m.for_period) == spec
        })
    };
    for kind in [
        MeetingKind::GeneralMeeting,
        MeetingKind::CommitteeMeeting,
        MeetingKind::PartyLecture,
        MeetingKind::ThemeDay,
        MeetingKind::LifeMeeting,
        MeetingKind::DemocraticReview,
    ] {
        let Some(k) = crate::families::life::meetings::schedule::every(cx, kind) else {
            continue;
        };
        if kind == MeetingKind::CommitteeMeeting && cx.bundle.branch.committee.is_none() {
            continue;
        }
        let spec = period::containing(k, window.from);
        let due = spec.range().to;
        if !held(kind, spec, k) {
            let name = crate::families::life::meetings::kind_zh(kind);
            push(
                TodoKind::MeetingDue,
                Subject::branch(branch),
                due,
                format!("{}尚未召开{name}（{due}前）", period::zh(spec)),
                format!(
                    "no {} yet for {spec} (due {due})",
                    kind.as_str().replace('_', " ")
                ),
            );
        }
    }

    // Members one month from a six-month line.
    let standing = Standing::new(cx);
    let last_ended = {
        let m = YearMonth::of(cx.as_of);
        if m.last_day() <= cx.as_of {
            m
        } else {
            m.pred()
        }
    };
    let dues_line = *cx.profile.dues.lapse_months.at(cx.as_of);
    let life_line = *cx.profile.meetings.lapse_months.at(cx.as_of);
    for (pos, m) in cx.bundle.members.iter().enumerate() {
        if !cx.index.is_first_member(pos) || !cx.in_branch_on(m, cx.as_of) {
            continue;
        }
        if m.cycle() == PaymentCycle::Monthly {
            if let Some(d) = cx.dues(pos) {
                let run = trailing(last_ended, |mm| {
                    (d.status(mm) == DuesStatus::Unpaid && !d.exempt(mm), false)
                });
                if run + 1 == dues_line {
                    let due = last_ended.succ().last_day();
                    push(
                        TodoKind::DuesLapse,
                        Subject::member(&m.id),
                        due,
                        format!(
                            "{}（{}）已连续{run}个月未交党费，{due}前仍未交即满{dues_line}个月",
                            m.name, m.id
                        ),
                        format!(
                            "{} ({}) has not paid for {run} months: {dues_line} by {due}",
                            m.name, m.id
                        ),
                    );
                }
            }
        }
        if let Some(ms) = standing.member_at(pos) {
            let run = trailing(last_ended, |mm| match ms.life(mm) {
                LifeStatus::Absent => (true, false),
                LifeStatus::NoMeeting => (true, true),
                _ => (false, false),
            });
            if run + 1 == life_line {
                let due = last_ended.succ().last_day();
                push(
                    TodoKind::LifeLapse,
                    Subject::member(&m.id),
                    due,
                    format!(
                        "{}（{}）已连续{run}个月未参加组织生活，{due}前仍未参加即满{life_line}个月",
                        m.name, m.id
                    ),
                    format!(
                        "{} ({}) has had no organisational life for {run} months: {life_line} by {due}",
                        m.name, m.id
                    ),
                );
            }
        }
    }

    // Transfer letters.
    for t in &cx.bundle.transfers {
        let Some(until) = t.valid_until else { continue };
        let open = match t.direction {
            TransferDirection::In => t.reported_on.is_none(),
            _ => t.receipt_on.is_none(),
        };
        if open {
            push(
                TodoKind::TransferExpires,
                Subject::member(&t.member),
                until,
                format!("{}的组织关系介绍信于{until}到期", t.member),
                format!("the transfer letter of {} expires on {until}", t.member),
            );
        }
    }
    out
}

/// The length of the run of months ending at `last` for which `f` says
/// (in the run, neutral); a run starts at a month that is in it and not
/// neutral, and neutral months inside it count too.
fn trailing(last: YearMonth, f: impl Fn(YearMonth) -> (bool, bool)) -> u32 {
    let mut len = 0u32;
    let mut counted = 0u32;
    let mut m = last;
    for _ in 0..120 {
        let (inside, neutral) = f(m);
        if !inside {
            break;
        }
        len += 1;
        if !neutral {
            counted = len;
        }
        m = m.pred();
    }
    counted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_own_chinese_name() {
        let kinds = [
            TodoKind::DevelopmentStep,
            TodoKind::ProbationEnds,
            TodoKind::TermExpires,
            TodoKind::MeetingDue,
            TodoKind::DuesLapse,
            TodoKind::LifeLapse,
            TodoKind::TransferExpires,
        ];
        let names: std::collections::BTreeSet<&str> = kinds.iter().map(|k| k.zh()).collect();
        assert_eq!(names.len(), kinds.len(), "{names:?}");
        assert_eq!(TodoKind::DevelopmentStep.zh(), "发展步骤");
        assert_eq!(TodoKind::TransferExpires.zh(), "介绍信到期");
        assert!(
            names.iter().all(|n| n.chars().all(|c| !c.is_ascii())),
            "{names:?}"
        );
        let t = Todo::new(crate::testing::d("2025-12-31"), 31);
        assert_eq!((t.days, t.until.to_string()), (31, "2026-01-31".to_owned()));
    }

    #[test]
    fn a_trailing_run_counts_back_from_its_last_month() {
        let m = |s: &str| s.parse::<YearMonth>().unwrap();
        let last = m("2025-05");
        // May neutral, April in, March neutral, February in, January out.
        let f = |x: YearMonth| match x.month() {
            5 | 3 => (true, true),
            4 | 2 => (true, false),
            _ => (false, false),
        };
        assert_eq!(trailing(last, f), 4);
        assert_eq!(trailing(m("2025-03"), f), 2);
        assert_eq!(trailing(m("2025-01"), f), 0);
        assert_eq!(
            trailing(last, |_| (true, true)),
            0,
            "neutral months alone are no run"
        );
        assert_eq!(trailing(last, |_| (true, false)), 120, "ten years at most");
    }

    #[test]
    fn one_month_from_the_six_month_line_of_organisational_life() {
        let theme = |id: &str, date: &str, present: bool| {
            let who = if present {
                r#"{"member": "M1", "status": "present"}"#
            } else {
                ""
            };
            format!(
                r#"{{"id": "{id}", "kind": "theme_day", "date": "{date}", "attendance": [{who}]}}"#
            )
        };
        let bundle = |may: bool| {
            let mut meetings = vec![theme("T0", "2024-12-20", true)];
            for (i, month) in ["01", "02", "03", "04"].iter().enumerate() {
                meetings.push(theme(
                    &format!("T{}", i + 1),
                    &format!("2025-{month}-20"),
                    false,
                ));
            }
            if may {
                meetings.push(theme("T5", "2025-05-20", false));
            }
            crate::load::bundle_from_json(&format!(
                r#"{{"branch": {{"id": "B1", "name": "一支部", "kind": "organ"}},
                  "members": [{{"id": "M1", "name": "甲", "status": "full",
                               "admitted_on": "2010-01-01", "dues_category": "student"}}],
                  "meetings": [{}]}}"#,
                meetings.join(",")
            ))
            .unwrap()
        };
        let lapse = |b: &crate::Bundle, as_of: &str, days: u32| {
            let a = crate::Auditor::new(crate::testing::d(as_of));
            a.todo(&a.context(b), days)
                .into_iter()
                .filter(|i| i.kind == TodoKind::LifeLapse)
                .map(|i| (i.subject.id.to_string(), i.due.to_string()))
                .collect::<Vec<_>>()
        };
        let want = [("M1".to_owned(), "2025-06-30".to_owned())];
        // Absent January to May: five months; June completes six.
        assert_eq!(lapse(&bundle(true), "2025-05-31", 30), want);
        assert_eq!(lapse(&bundle(true), "2025-05-31", 29), []);
        assert_eq!(lapse(&bundle(true), "2025-04-30", 90), [], "four months");
        // May without a meeting is neutral: it still counts inside the run.
        assert_eq!(lapse(&bundle(false), "2025-05-31", 30), want);
        // A member who left the branch before as_of is nobody's to-do.
        let mut left = bundle(true);
        left.members[0].in_branch_to = Some(crate::testing::d("2025-05-30"));
        assert_eq!(lapse(&left, "2025-05-31", 30), []);
    }

    #[test]
    fn a_postponement_counts_once_it_is_approved() {
        let term = |approved_on: &str, as_of: &str| {
            let b = crate::load::bundle_from_json(&format!(
                r#"{{"branch": {{"id": "B1", "name": "一支部", "kind": "organ",
                   "committee": {{"elected_on": "2023-03-01", "term_years": 3,
                     "postponement": {{"approved_on": "{approved_on}", "until": "2026-09-30"}}}}}}}}"#
            ))
            .unwrap_or_else(|e| panic!("{e}"));
            let a = crate::Auditor::new(crate::testing::d(as_of));
            a.todo(&a.context(&b), 365)
                .into_iter()
                .filter(|i| i.kind == TodoKind::TermExpires)
                .map(|i| i.due.to_string())
                .collect::<Vec<_>>()
        };
        // Approved on as_of: the postponed end; approved later: the term's own.
        assert_eq!(term("2026-01-15", "2026-01-15"), ["2026-09-30"]);
        assert_eq!(term("2026-01-16", "2026-01-15"), ["2026-03-01"]);
    }
}
