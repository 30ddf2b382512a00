//! The admission: the deciding meetings' quorum and vote (DEV013, DEV014) and the approvals (DEV015).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Who, days_en, span};
use crate::audit::context::Context;
use crate::audit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::development::{DevelopmentFile, votes_of};
use crate::model::{DateRange, Id, Step, Votes, add_months};
use crate::profile::sources::{XIZE, ZHIBU, cite};
use crate::report::{Message, Severity, Subject};

pub(super) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DEV013,
        name: "admission-quorum-not-met",
        severity: Severity::Error,
        summary: "a deciding branch general meeting without a quorum",
        what: "An `admission_meeting` or `conversion_meeting` whose votes (its own `votes`, or \
               those of the meeting its `meeting` names) have `2 * present_voting <= \
               expected_voting`: no more than half of the expected voting members present. \
               Written opinions count in the vote, not in the attendance. A deciding meeting \
               with no votes recorded at all is reported as a warning (the quorum cannot be \
               shown).",
        why: "A branch general meeting that admits or converts a member is valid only when more \
              than half of its full members with a vote attend.",
        example: "14 voting members expected, 7 present (and 1 written opinion): not quorate.",
        source: "细则 第二十条、第三十三条; 支部条例 第十一条",
        citations: &[
            cite(XIZE, "第二十条"),
            cite(XIZE, "第三十三条"),
            cite(ZHIBU, "第十一条"),
        ],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV014,
        name: "admission-vote-insufficient",
        severity: Severity::Error,
        summary: "recorded as passed without more than half of the expected voting members",
        what: "An `admission_meeting` or `conversion_meeting` whose votes say `passed` while \
               `2 * (yes + written_yes) <= expected_voting`: the yes votes, with the written \
               opinions of absent voters, are not more than half of the **expected** voting \
               members (not of those present).",
        why: "A resolution to admit or convert passes only with the votes of more than half of \
              the full members with a vote who should attend.",
        example: "20 expected, 12 present, 9 yes and 1 written yes: 10 is not more than half of 20.",
        source: "细则 第二十一条、第三十三条",
        citations: &[cite(XIZE, "第二十一条"), cite(XIZE, "第三十三条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV015,
        name: "approval-late",
        severity: Severity::Warning,
        summary: "the higher committee approved later than 3 months after the branch meeting",
        what: "`admission_approved` (`conversion_approved`) is dated later than the latest \
               `admission_meeting` (`conversion_meeting`) on or before it + \
               `development.approval_within_months` (3) months; an error past \
               `development.approval_error_months` (6). Also while an approval is still missing \
               and `as_of` is past that day, unless a later step is recorded (then DEV003).",
        why: "The higher committee must decide within three months, six in special cases; \
              after that the branch has to discuss the case again.",
        example: "Branch meeting 2025-03-14, approval 2025-07-20: due by 2025-06-14.",
        source: "细则 第二十五条、第三十四条",
        citations: &[cite(XIZE, "第二十五条"), cite(XIZE, "第三十四条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
];

pub(super) fn check(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    // DEV013, DEV014
    for r in f
        .all(Step::AdmissionMeeting)
        .chain(f.all(Step::ConversionMeeting))
    {
        match votes_of(r, cx.bundle) {
            None => out.report(Dev013 {
                who: who.clone(),
                step: r.step,
                date: r.date,
                meeting: r.meeting.clone(),
                votes: None,
            }),
            Some(v) => {
                if !v.quorate() {
                    out.report(Dev013 {
                        who: who.clone(),
                        step: r.step,
                        date: r.date,
                        meeting: r.meeting.clone(),
                        votes: Some(v.clone()),
                    });
                }
                if v.passed && !v.carried() {
                    out.report(Dev014 {
                        who: who.clone(),
                        step: r.step,
                        date: r.date,
                        meeting: r.meeting.clone(),
                        votes: v.clone(),
                    });
                }
            }
        }
    }

    // DEV015
    for (meeting, approval) in [
        (Step::AdmissionMeeting, Step::AdmissionApproved),
        (Step::ConversionMeeting, Step::ConversionApproved),
    ] {
        let due = |m: NaiveDate| {
            (
                add_months(m, *p.approval_within_months.value()),
                add_months(m, *p.approval_error_months.value()),
            )
        };
        for a in f.all(approval) {
            let Some(m) = f.all(meeting).filter(|m| m.date <= a.date).last() else {
                continue;
            };
            let (deadline, limit) = due(m.date);
            if a.date > deadline {
                out.report(Dev015 {
                    who: who.clone(),
                    step: approval,
                    meeting_date: m.date,
                    deadline,
                    approved: Some(a.date),
                    days_late: (a.date - deadline).num_days(),
                    error: a.date > limit,
                    until: a.date,
                });
            }
        }
        if let Some(m) = f.last(meeting) {
            let (deadline, limit) = due(m.date);
            let approved = f.all(approval).any(|a| a.date >= m.date);
            if !approved && cx.as_of > deadline && f.later_recorded(approval).is_none() {
                out.report(Dev015 {
                    who: who.clone(),
                    step: approval,
                    meeting_date: m.date,
                    deadline,
                    approved: None,
                    days_late: (cx.as_of - deadline).num_days(),
                    error: cx.as_of > limit,
                    until: cx.as_of,
                });
            }
        }
    }
}

fn meeting_zh(step: Step) -> &'static str {
    if step == Step::ConversionMeeting {
        "讨论转正的支部大会"
    } else {
        "讨论接收预备党员的支部大会"
    }
}

fn meeting_en(step: Step) -> &'static str {
    if step == Step::ConversionMeeting {
        "branch general meeting on conversion"
    } else {
        "branch general meeting on admission"
    }
}
#[derive(Serialize)]
struct Dev013 {
    #[serde(flatten)]
    who: Who,
    step: Step,
    date: NaiveDate,
    meeting: Option<Id>,
    votes: Option<Votes>,
}

impl Violation for Dev013 {
    const CODE: RuleCode = RuleCode::DEV013;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn severity(&self) -> Option<Severity> {
        self.votes.is_none().then_some(Severity::Warning)
    }
    fn message(&self) -> Message {
        match &self.votes {
            None => Message::new(
                format!(
                    "{}于{}召开的{}未记录表决情况，无法确认到会人数",
                    self.who.zh(),
                    self.date,
                    meeting_zh(self.step)
                ),
                format!(
                    "the {} of {} on {} records no votes: its quorum cannot be shown",
                    meeting_en(self.step),
                    self.who.en(),
                    self.date
                ),
            ),
            Some(v) => Message::new(
                format!(
                    "{}于{}召开的{}应到有表决权党员{}名、实到{}名，未超过半数，会议无效（书面意见不计入到会人数）",
                    self.who.zh(),
                    self.date,
                    meeting_zh(self.step),
                    v.expected_voting,
                    v.present_voting
                ),
                format!(
                    "the {} of {} on {} had {} of {} voting members present: not more than half, \
                     no quorum (written opinions do not count as attendance)",
                    meeting_en(self.step),
                    self.who.en(),
                    self.date,
                    v.present_voting,
                    v.expected_voting
                ),
            ),
        }
    }
}

#[derive(Serialize)]
struct Dev014 {
    #[serde(flatten)]
    who: Who,
    step: Step,
    date: NaiveDate,
    meeting: Option<Id>,
    votes: Votes,
}

impl Violation for Dev014 {
    const CODE: RuleCode = RuleCode::DEV014;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        let v = &self.votes;
        let total = u64::from(v.yes) + u64::from(v.written_yes);
        Message::new(
            format!(
                "{}于{}召开的{}记为通过，但赞成票{}张（含书面意见{}份）未超过应到有表决权党员{}名的半数",
                self.who.zh(),
                self.date,
                meeting_zh(self.step),
                total,
                v.written_yes,
                v.expected_voting
            ),
            format!(
                "the {} of {} on {} is recorded as passed with {} yes votes ({} written), not more \
                 than half of the {} expected voting members",
                meeting_en(self.step),
                self.who.en(),
                self.date,
                total,
                v.written_yes,
                v.expected_voting
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev015 {
    #[serde(flatten)]
    who: Who,
    step: Step,
    meeting_date: NaiveDate,
    deadline: NaiveDate,
    approved: Option<NaiveDate>,
    days_late: i64,
    #[serde(skip)]
    error: bool,
    #[serde(skip)]
    until: NaiveDate,
}

impl Violation for Dev015 {
    const CODE: RuleCode = RuleCode::DEV015;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.meeting_date, self.until)
    }
    fn severity(&self) -> Option<Severity> {
        self.error.then_some(Severity::Error)
    }
    fn message(&self) -> Message {
        let (what_zh, what_en) = if self.step == Step::ConversionApproved {
            ("转正", "conversion")
        } else {
            ("接收预备党员", "admission")
        };
        let (limit_zh, limit_en) = if self.error {
            ("，已超过六个月", "; past six months")
        } else {
            ("", "")
        };
        match self.approved {
            Some(a) => Message::new(
                format!(
                    "{}的{}决议（支部大会{}）于{}才经上级党委审批，超过三个月期限（{}）{}天{}",
                    self.who.zh(),
                    what_zh,
                    self.meeting_date,
                    a,
                    self.deadline,
                    self.days_late,
                    limit_zh
                ),
                format!(
                    "the {what_en} of {} (branch meeting {}) was approved on {}, {} after the \
                     three-month deadline {}{limit_en}",
                    self.who.en(),
                    self.meeting_date,
                    a,
                    days_en(self.days_late),
                    self.deadline
                ),
            ),
            None => Message::new(
                format!(
                    "{}的{}决议（支部大会{}）至今未经上级党委审批，超过三个月期限（{}）{}天{}",
                    self.who.zh(),
                    what_zh,
                    self.meeting_date,
                    self.deadline,
                    self.days_late,
                    limit_zh
                ),
                format!(
                    "the {what_en} of {} (branch meeting {}) is not approved yet, {} after \
                     the three-month deadline {}{limit_en}",
                    self.who.en(),
                    self.meeting_date,
                    days_en(self.days_late),
                    self.deadline
                ),
            ),
        }
    }
}
