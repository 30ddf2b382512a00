//! Rectification items of meetings (MTG015).

use chrono::NaiveDate;
use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key};
use crate::model::{DateRange, Id};
use crate::vocab::sources::{ZHIBU, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[RuleMeta {
    code: RuleCode::MTG015,
    name: "rectification-overdue",
    severity: Severity::Warning,
    summary: "a rectification item past its due date and not done (done late: info)",
    what: "A `rectifications` item of a meeting held by `as_of` whose `due` is before `as_of` \
           (and not after the audit period's end) with no `done_on` on or before `as_of`: \
           warning. An item with a `done_on` in the audit period later than its `due`: info. \
           Due on `as_of` is not yet overdue; done on the due day is on time. One finding per \
           item; the subject is the meeting that holds it, the period the due day.",
    why: "The measures decided after a 组织生活会 (and after inspections) are carried out one by \
          one; an open item past its deadline is what the next inspection asks about.",
    example: "An item due 2025-06-30, still open on 2025-12-31: MTG015 (184 days overdue).",
    // 支部工作条例 art. 17: "组织生活会应当确定主题，会前认真学习，谈心谈话，听取意见；会上
    // 查摆问题，开展批评和自我批评，明确整改方向；会后制定整改措施，逐一整改落实。"
    source: "支部工作条例 第十七条 (会后制定整改措施，逐一整改落实)",
    citations: &[cite(ZHIBU, "第十七条")],
    evidence: &[
        key("item", "string", "the rectification item"),
        key("owner", "string (member id) or null", "who is responsible"),
        key("due", "date", "the deadline"),
        key(
            "done_on",
            "date or null",
            "when it was done (null: open on `as_of`)",
        ),
        key(
            "days_late",
            "integer",
            "days from `due` to `done_on`, or to `as_of` while open",
        ),
    ],
    practice: false,
    since: "0.2.0",
}];

pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for m in &cx.bundle.meetings {
        if m.date > cx.as_of {
            continue; // not held yet (DAT003)
        }
        for r in &m.rectifications {
            // A done_on after as_of has not happened yet (DAT003).
            let done = r.done_on.filter(|d| *d <= cx.as_of);
            let late = match done {
                None if r.due < cx.as_of && r.due <= cx.period.to => cx.as_of,
                Some(d) if d > r.due && cx.period.contains(d) => d,
                _ => continue,
            };
            out.report(Mtg015 {
                meeting: m.id.clone(),
                item: r.item.clone(),
                owner: r.owner.clone(),
                due: r.due,
                done_on: done,
                days_late: (late - r.due).num_days(),
            });
        }
    }
}

#[derive(Serialize)]
struct Mtg015 {
    #[serde(skip)]
    meeting: Id,
    item: String,
    owner: Option<Id>,
    due: NaiveDate,
    done_on: Option<NaiveDate>,
    days_late: i64,
}

impl Violation for Mtg015 {
    const CODE: RuleCode = RuleCode::MTG015;
    fn subject(&self) -> Subject {
        Subject::meeting(&self.meeting)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.due))
    }
    fn severity(&self) -> Option<Severity> {
        self.done_on.is_some().then_some(Severity::Info)
    }
    fn message(&self) -> Message {
        let (zh_owner, en_owner) = match &self.owner {
            Some(o) => (format!("（责任人{o}）"), format!(" (owner {o})")),
            None => (String::new(), String::new()),
        };
        match self.done_on {
            None => Message::new(
                format!(
                    "会议{}整改事项“{}”{zh_owner}应于{}前完成，已逾期{}天未完成",
                    self.meeting, self.item, self.due, self.days_late
                ),
                format!(
                    "rectification item {:?} of meeting {}{en_owner} was due on {} and is still \
                     open, {} days overdue",
                    self.item, self.meeting, self.due, self.days_late
                ),
            ),
            Some(d) => Message::new(
                format!(
                    "会议{}整改事项“{}”{zh_owner}应于{}前完成，实际于{}完成，逾期{}天",
                    self.meeting, self.item, self.due, d, self.days_late
                ),
                format!(
                    "rectification item {:?} of meeting {}{en_owner} was due on {} and done on \
                     {}, {} days late",
                    self.item, self.meeting, self.due, d, self.days_late
                ),
            ),
        }
    }
}
