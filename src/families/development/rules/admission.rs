//! The admission: the deciding meetings' quorum and vote (DEV013, DEV014),
//! the approvals (DEV015) and, under the 2026 edition, the admission meeting
//! within a month of the pre-review (DEV021).

use chrono::NaiveDate;
use serde::Serialize;

use super::{WHO, Who, days_en, span};
use crate::development::{DevelopmentFile, votes_of};
use crate::families::context::Context;
use crate::kit::{Cite, Emitter, EvidenceKey, RuleCode, RuleMeta, Violation, key, param, xize};
use crate::model::{DateRange, Id, Step, Votes, add_months};
use crate::profile::XizeEdition;
use crate::vocab::sources::{ZHIBU, cite};
use crate::vocab::{Message, Severity, Subject};

/// 细则 2014 art. 20 / 2026 art. 19: "有表决权的到会人数必须超过应到会有表决权
/// 人数的半数" (2026: "实际到会有表决权的党员人数必须超过……半数").
const QUORUM: Cite = xize("第二十条", "第十九条");
/// 细则 2014 art. 21 / 2026 art. 20: "赞成人数超过应到会有表决权的正式党员的
/// 半数" (2026: "……有表决权的党员人数的半数").
const VOTE: Cite = xize("第二十一条", "第二十条");
/// 细则 2014 art. 33 / 2026 art. 32: the conversion meeting's "到会人数、赞成
/// 人数等要求与讨论接收预备党员的支部大会相同".
const CONVERSION_MEETING: Cite = xize("第三十三条", "第三十二条");

static QUORUM_ADMISSION: &[Cite] = &[QUORUM, cite(ZHIBU, "第十一条")];
static QUORUM_CONVERSION: &[Cite] = &[CONVERSION_MEETING, QUORUM, cite(ZHIBU, "第十一条")];
static VOTE_ADMISSION: &[Cite] = &[VOTE];
static VOTE_CONVERSION: &[Cite] = &[CONVERSION_MEETING, VOTE];
/// DEV015 for a conversion: three months, no six-month ceiling.
static APPROVAL_CONVERSION: &[Cite] = &[param("development.approval_within_months")];

/// Every list of citations DEV013–DEV015 may carry besides the rules' own (for tests).
#[cfg(test)]
pub(super) fn all_lists() -> impl Iterator<Item = &'static [Cite]> {
    [
        QUORUM_ADMISSION,
        QUORUM_CONVERSION,
        VOTE_ADMISSION,
        VOTE_CONVERSION,
        APPROVAL_CONVERSION,
    ]
    .into_iter()
}

/// The evidence of DEV013 and DEV014.
const MEETING_KEYS: [EvidenceKey; 4] = [
    key(
        "step",
        "string (step)",
        "`admission_meeting` or `conversion_meeting`",
    ),
    key("date", "date", "the meeting's date"),
    key(
        "meeting",
        "string or null",
        "the meeting id holding the votes, if named",
    ),
    key(
        "votes",
        "object or null",
        "the votes: expected_voting, present_voting, yes, no, abstain, written_yes, passed \
         (null: none recorded)",
    ),
];

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
        source: "细则 第二十条、第三十三条 (2014), 第十九条、第三十二条 (2026); 支部条例 第十一条",
        citations: QUORUM_CONVERSION,
        evidence: &[
            WHO,
            MEETING_KEYS[0],
            MEETING_KEYS[1],
            MEETING_KEYS[2],
            MEETING_KEYS[3],
        ],
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
        source: "细则 第二十一条、第三十三条 (2014), 第二十条、第三十二条 (2026)",
        citations: VOTE_CONVERSION,
        evidence: &[
            WHO,
            MEETING_KEYS[0],
            MEETING_KEYS[1],
            MEETING_KEYS[2],
            MEETING_KEYS[3],
        ],
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
               `development.approval_within_months` (3) months. For an admission only, an error \
               past `development.approval_error_months` (6): the six-month ceiling is in the \
               admission article alone, so a conversion approved late stays a warning. Also \
               while an approval is still missing and `as_of` is past that day, unless a later \
               step is recorded (then DEV003).",
        why: "The higher committee must decide on an admission within three months, six in \
              special cases, and on a conversion within three months.",
        example: "Branch meeting 2025-03-14, approval 2025-07-20: due by 2025-06-14.",
        source: "细则 第二十五条、第三十四条 (2014), 第二十五条、第三十三条 (2026)",
        // 细则 art. 25 (2014 and 2026): "党委对党支部上报的接收预备党员的决议，应当
        // 在三个月内审批……如遇特殊情况可以适当延长审批时间，但不得超过六个月";
        // 2014 art. 34 / 2026 art. 33: "党委对党支部上报的预备党员转正的决议，应当
        // 在三个月内审批" — no ceiling, no extension.
        citations: &[
            param("development.approval_within_months"),
            param("development.approval_error_months"),
        ],
        evidence: &[
            WHO,
            key(
                "step",
                "string (step)",
                "`admission_approved` or `conversion_approved`",
            ),
            key("meeting_date", "date", "the branch meeting decided on"),
            key("deadline", "date", "the last day for the approval"),
            key(
                "approved",
                "date or null",
                "the approval's date; null while it is missing",
            ),
            key(
                "days_late",
                "integer",
                "days after the deadline (to the approval, or to `as_of`)",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV021,
        name: "admission-meeting-late",
        severity: Severity::Warning,
        summary: "(2026 edition) the admission meeting later than a month after the pre-review",
        what: "Under the 2026 edition of the 细则 (in force on the date of `pre_review`): the \
               first `admission_meeting` on or after the `pre_review` is dated later than \
               `pre_review` + `development.admission_within_months` (1) month, the day clamped \
               to the month end (the deadline day is on time); or there is none while `as_of` \
               is past that day and no later step is recorded (then DEV003). Never under the \
               2014 edition, which sets no such time (the built-in `central` profile keeps \
               2014 for every date; `central-2026` applies 2026 from 2026-05-11).",
        why: "The 2026 revision requires the branch general meeting to discuss a pre-reviewed \
              candidate within a month, so that a candidate is not left pending after the \
              higher committee has found them qualified.",
        example: "Pre-reviewed 2026-06-10, admission meeting 2026-07-13: due by 2026-07-10.",
        source: "细则2026 第十九条",
        // 细则 (2026) art. 19: "经基层党委预审合格的发展对象，应当在一个月内提交党支部
        // 党员大会讨论" — the source of `development.admission_within_months`.
        citations: &[param("development.admission_within_months")],
        evidence: &[
            WHO,
            key("pre_review", "date", "the date of `pre_review`"),
            key("deadline", "date", "the last day for the admission meeting"),
            key(
                "admission_meeting",
                "date or null",
                "the admission meeting's date; null while it is missing",
            ),
            key("months", "integer", "`development.admission_within_months`"),
            key(
                "days_late",
                "integer",
                "days after the deadline (to the meeting, or to `as_of`)",
            ),
        ],
        practice: false,
        since: "0.2.0",
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

    // DEV021
    if out.wants(RuleCode::DEV021) {
        admission_within(cx, f, who, out);
    }

    // DEV015. 细则 art. 25: "应当在三个月内审批……但不得超过六个月" is for
    // admissions; 2014 art. 34 (2026 art. 33) gives conversions three months
    // with no ceiling, so no error escalation for them.
    for (meeting, approval) in [
        (Step::AdmissionMeeting, Step::AdmissionApproved),
        (Step::ConversionMeeting, Step::ConversionApproved),
    ] {
        let ceiling = approval == Step::AdmissionApproved;
        let due = |m: NaiveDate| {
            (
                add_months(m, *p.approval_within_months.at(m)),
                ceiling.then(|| add_months(m, *p.approval_error_months.at(m))),
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
                    error: limit.is_some_and(|l| a.date > l),
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
                    error: limit.is_some_and(|l| cx.as_of > l),
                    until: cx.as_of,
                });
            }
        }
    }
}

/// DEV021 (2026 edition): the admission meeting within a month of the pre-review.
fn admission_within(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let Some(pre) = f.first(Step::PreReview) else {
        return;
    };
    if f.edition_on(pre.date) != XizeEdition::Y2026 {
        return;
    }
    let months = *cx.profile.development.admission_within_months.at(pre.date);
    let deadline = add_months(pre.date, months);
    let report = |out: &mut Emitter<'_>, meeting: Option<NaiveDate>, until: NaiveDate| {
        out.report(Dev021 {
            who: who.clone(),
            pre_review: pre.date,
            deadline,
            admission_meeting: meeting,
            months,
            days_late: (until - deadline).num_days(),
            until,
        });
    };
    match f.all(Step::AdmissionMeeting).find(|m| m.date >= pre.date) {
        Some(m) if m.date > deadline => report(out, Some(m.date), m.date),
        None if cx.as_of > deadline
            && !f.has(Step::AdmissionMeeting)
            && f.later_recorded(Step::AdmissionMeeting).is_none() =>
        {
            report(out, None, cx.as_of)
        }
        _ => {}
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
    fn cites(&self) -> Option<&'static [Cite]> {
        Some(if self.step == Step::ConversionMeeting {
            QUORUM_CONVERSION
        } else {
            QUORUM_ADMISSION
        })
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
    fn cites(&self) -> Option<&'static [Cite]> {
        Some(if self.step == Step::ConversionMeeting {
            VOTE_CONVERSION
        } else {
            VOTE_ADMISSION
        })
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
    /// Until `as_of` while the approval is missing.
    fn open_ended(&self) -> bool {
        self.approved.is_none()
    }
    fn severity(&self) -> Option<Severity> {
        self.error.then_some(Severity::Error)
    }
    fn cites(&self) -> Option<&'static [Cite]> {
        (self.step == Step::ConversionApproved).then_some(APPROVAL_CONVERSION)
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

#[derive(Serialize)]
struct Dev021 {
    #[serde(flatten)]
    who: Who,
    pre_review: NaiveDate,
    deadline: NaiveDate,
    admission_meeting: Option<NaiveDate>,
    months: u32,
    days_late: i64,
    #[serde(skip)]
    until: NaiveDate,
}

impl Violation for Dev021 {
    const CODE: RuleCode = RuleCode::DEV021;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.pre_review, self.until)
    }
    /// Until `as_of` while the meeting is missing.
    fn open_ended(&self) -> bool {
        self.admission_meeting.is_none()
    }
    fn message(&self) -> Message {
        match self.admission_meeting {
            Some(m) => Message::new(
                format!(
                    "{}于{}经上级党委预审合格，{}才提交支部党员大会讨论，超过{}个月期限（应于{}前）{}天",
                    self.who.zh(),
                    self.pre_review,
                    m,
                    self.months,
                    self.deadline,
                    self.days_late
                ),
                format!(
                    "{} was pre-reviewed on {} and discussed by the branch general meeting on {}, \
                     {} after the {}-month deadline {}",
                    self.who.en(),
                    self.pre_review,
                    m,
                    days_en(self.days_late),
                    self.months,
                    self.deadline
                ),
            ),
            None => Message::new(
                format!(
                    "{}于{}经上级党委预审合格，至今未提交支部党员大会讨论（应于{}前），已逾期{}天",
                    self.who.zh(),
                    self.pre_review,
                    self.deadline,
                    self.days_late
                ),
                format!(
                    "{} was pre-reviewed on {} and no branch general meeting has discussed the \
                     admission (due by {}, {} overdue)",
                    self.who.en(),
                    self.pre_review,
                    self.deadline,
                    days_en(self.days_late)
                ),
            ),
        }
    }
}
