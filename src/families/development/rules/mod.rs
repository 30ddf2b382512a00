//! Member-development rules (发展党员): DEV001–DEV020.
//!
//! Every rule reads the candidate's [`DevelopmentFile`]: the steps and
//! publicities recorded on or before `as_of` (later ones have not happened
//! yet; DAT003 reports them), checked against the one table of the 25 steps
//! ([`crate::development::STEPS`]). All are event rules: a file is audited
//! from its first step, whatever the audit period.
//!
//! Where two rules could report the same gap, one does:
//!
//! * a step missing while a later step is recorded is `DEV003` (or the
//!   step's own code: `political_review` DEV009, `training` DEV010, `oath`
//!   DEV016). The "still pending" findings — no talk yet (DEV002), no
//!   approval yet (DEV015), no conversion meeting yet (DEV017) — are only
//!   reported while no later step is recorded;
//! * a rule that needs a date of a missing step (the probation needs the
//!   `admission_meeting`, DEV007 needs `activist_confirmed`) does not guess it.
//!
//! A candidate id that appears twice in `candidates` is audited once, as its
//! first record (the duplicate is reported by DAT002).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::audit::context::Context;
use crate::audit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::calendar::covers_range;
use crate::development::{
    DevelopmentFile, Probation, conversion_outcome, full_member_on, full_on, publicity_gate,
    publicity_zh, step_info, votes_of,
};
use crate::model::{
    ConversionOutcome, DateRange, DevelopmentRecord, Hours, Id, PublicityStage, ReviewConclusion,
    Step, Votes, add_months,
};
use crate::profile::sources::{DANGZHANG, PRACTICE, XIZE, ZHIBU, cite};
use crate::report::{Citation, Message, Severity, Subject};

/// The development rules' metadata.
pub(crate) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::DEV001,
        name: "applicant-under-age",
        severity: Severity::Error,
        summary: "the applicant was under 18 on the day of application",
        what: "The candidate's `born_on` plus `development.min_age_years` (18) years, the day \
               clamped to the month end, is after the date of `applied`. The 18th birthday \
               itself is old enough. No finding without `born_on` or `applied`.",
        why: "Only people aged 18 or more may apply to join the Party; an application made \
              earlier is void and the file built on it is irregular.",
        example: "Born 2007-11-15, applied 2025-09-01: 17 years old.",
        source: "党章 第一条; 细则 第五条",
        citations: &[cite(DANGZHANG, "第一条"), cite(XIZE, "第五条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV002,
        name: "initial-talk-late",
        severity: Severity::Warning,
        summary: "no talk with the applicant within one month of the application",
        what: "`talked` is dated later than `applied` + `development.talk_within_months` (1) \
               calendar month, the day clamped to the month end (applied 31 January: due 28 or \
               29 February; the deadline day is on time); or there is no `talked` while `as_of` \
               is past that day and no later step is recorded (a talk missing while later steps \
               are recorded is DEV003).",
        why: "The Party organisation must send someone to talk with an applicant within a month \
              of receiving the application; a file left unanswered is the commonest lapse in \
              the first phase.",
        example: "Applied 2025-10-08, nothing since, audit as of 2025-12-31: the talk was due by \
                  2025-11-08.",
        source: "细则 第七条",
        citations: &[cite(XIZE, "第七条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV003,
        name: "step-skipped",
        severity: Severity::Error,
        summary: "a required step is missing while a later step is recorded",
        what: "One of the 25 steps (see `development::STEPS`) is not recorded although a step \
               after it in the order is (a repeating step — `activist_assessed`, \
               `probation_assessed` — needs at least one record). One finding per missing step, \
               dated at the first later step recorded. `political_review`, `training` and `oath` \
               are reported by their own codes (DEV009, DEV010, DEV016) instead; `archived`, the \
               last step, by DEV020.",
        why: "The 细则 prescribes every step and its record; a file with a gap is the main thing \
              inspections of member development look for (\"程序不全\").",
        example: "An activist whose file shows `activist_confirmed` and `contacts_assigned` but \
                  never `activist_filed` (报上级党委备案).",
        source: "细则 第八条至第三十七条",
        citations: &[cite(XIZE, "第八条至第三十七条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV004,
        name: "step-out-of-order",
        severity: Severity::Error,
        summary: "a step is dated before a step that precedes it in the 25-step order",
        what: "A recorded step is dated before a recorded step with a lower number. One finding \
               per such record, naming the latest-dated earlier-numbered step. Equal dates are \
               in order. After a `conversion_meeting` that extended the probation, steps 21–24 \
               start a new round: those dated after it are not compared with steps 21–24.",
        why: "The order is the substance of the procedure: a higher committee that approves \
              before it has talked to the candidate, or a candidate confirmed before the last \
              assessment, did not have what the rules require it to have.",
        example: "`admission_approved` 2025-07-10 and `higher_talk` 2025-07-18.",
        source: "细则 (the order of its chapters 2–5)",
        citations: &[cite(XIZE, "第二章至第五章")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV005,
        name: "contacts-invalid",
        severity: Severity::Error,
        summary: "not one or two contacts, or a contact who is not a full member of the branch",
        what: "A `contacts_assigned` record names fewer or more distinct members than \
               `development.contacts` (1–2), or a contact who on that date was not a member of \
               the branch or not yet a full member (probationary). Ids the bundle lacks are left \
               to DAT001.",
        why: "The branch must appoint one or two full members to guide and observe an activist.",
        example: "Three contacts, or a probationary member as contact.",
        source: "细则 第九条",
        citations: &[cite(XIZE, "第九条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV006,
        name: "activist-assessment-gap",
        severity: Severity::Warning,
        summary: "more than 6 months without an assessment of an activist",
        what: "Between `activist_confirmed`, each `activist_assessed` and `candidate_confirmed` \
               (or `as_of`, while the candidate is still an activist), a gap longer than \
               `development.assessment_interval_months` (6) calendar months: the later date is \
               after the earlier + 6 months (clamped). One finding per gap.",
        why: "An activist is assessed every half year; the assessments are what the decision to \
              make them a candidate for development rests on.",
        example: "Confirmed 2024-12-02, assessed 2025-05-30, nothing since as of 2025-12-31.",
        source: "细则 第十一条",
        citations: &[cite(XIZE, "第十一条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV007,
        name: "activist-period-too-short",
        severity: Severity::Error,
        summary: "confirmed as a candidate less than a year after becoming an activist",
        what: "`candidate_confirmed` is earlier than `activist_confirmed` + \
               `development.activist_min_months` (12) months. Exactly one year is enough.",
        why: "An activist must be trained and observed for more than a year (一年以上) before \
              becoming a candidate for development.",
        example: "Activist 2024-09-10, candidate 2025-08-20.",
        source: "细则 第十三条",
        citations: &[cite(XIZE, "第十三条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV008,
        name: "introducers-invalid",
        severity: Severity::Error,
        summary: "not exactly two introducers, or an introducer who is not a full member",
        what: "An `introducers_assigned` record names other than `development.introducers` (2) \
               distinct members, or an introducer who on the day of assignment or of the \
               `admission_meeting` was not a full member: not yet admitted, probationary, or \
               with rights suspended (the flag has no dates and is taken to hold throughout). \
               Ids the bundle lacks are left to DAT001 (an introducer may belong to another \
               branch).",
        why: "Two full members introduce an applicant and answer for them to the Party; \
              probationary members have no such right.",
        example: "Introducers M20 and M28, M28 a probationary member.",
        source: "细则 第十四条; 党章 第五条",
        citations: &[cite(XIZE, "第十四条"), cite(DANGZHANG, "第五条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV009,
        name: "political-review-missing",
        severity: Severity::Error,
        summary: "no qualified political review before the committee review",
        what: "`committee_review` is reached and no `political_review` with conclusion \
               `qualified` is dated on or before it (if `committee_review` is not recorded: \
               before `pre_review`, or the first later step recorded).",
        why: "Nobody may be admitted without a political review, or with one that found them \
              unqualified.",
        example: "A file going from `training` straight to `committee_review`.",
        source: "细则 第十五条、第十六条",
        citations: &[cite(XIZE, "第十五条"), cite(XIZE, "第十六条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV010,
        name: "training-insufficient",
        severity: Severity::Error,
        summary: "no concentrated training before the pre-review, or a training too short",
        what: "`pre_review` is reached and the `training` records dated on or before it (if \
               `pre_review` is not recorded: the first later step) are none, or add up to fewer \
               than `development.training_min_days` (3) days **and** fewer than \
               `development.training_min_hours` (24) hours: the 细则 asks for three days or \
               24 class hours, so either suffices.",
        why: "A candidate for development attends a short concentrated training before \
              admission; without it they are not admitted except in special cases.",
        example: "A training of 2 days and 16 hours before the pre-review.",
        source: "细则 第十七条",
        citations: &[cite(XIZE, "第十七条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV011,
        name: "publicity-missing",
        severity: Severity::Error,
        summary: "a required publicity (公示) was never held",
        what: "For each stage in `development.publicity_stages` (default `candidate` and \
               `conversion`): its gate step is reached (`activist` → `activist_filed`, \
               `candidate` → `pre_review`, `admission` → `admission_approved`, `conversion` → \
               the approval of the conversion, not of an extension) and the file has no \
               publicity of that stage. Practice: switch it off or change the stages in the \
               profile.",
        why: "Publicity of candidates for development and of conversions is how the Party \
              hears the masses before deciding (做好公示); skipping it is the fault that \
              inspections single out.",
        example: "A candidate pre-reviewed on 2025-03-20 with no `candidate` publicity.",
        source: "practice (中组部要求做好发展党员公示工作; 地方实施办法)",
        citations: &[cite(PRACTICE, "发展党员公示制度")],
        evidence: &[],
        practice: true,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV012,
        name: "publicity-too-short",
        severity: Severity::Error,
        summary: "a publicity shorter than 5 working days, or ending after its gate step",
        what: "A publicity of a required stage counts fewer than \
               `development.publicity_min_working_days` (5) working days from `start` to `end` \
               inclusive on the working-day calendar (default: the PRC calendar, with public \
               holidays off and 调休 weekend days worked), or ends after its gate step. Reported \
               per record when no record of the stage is valid. Outside the calendar's data \
               (before 2004, after 2026-12-25) Monday–Friday is assumed and the evidence says \
               so. Practice: the number of days is local practice.",
        why: "A publicity over a holiday looks long on paper and reaches nobody; one that ends \
              after the decision was taken could not inform it.",
        example: "A publicity from 2025-01-24 to 2025-02-05 over the Spring Festival: 4 working \
                  days (24, 26 January — a 调休 Sunday — 27 January, 5 February), although a \
                  Monday–Friday count gives 9.",
        source: "practice (公示期不少于5个工作日)",
        citations: &[cite(PRACTICE, "公示期不少于5个工作日")],
        evidence: &[],
        practice: true,
        since: "0.1.0",
    },
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
    RuleMeta {
        code: RuleCode::DEV016,
        name: "oath-missing",
        severity: Severity::Warning,
        summary: "the probation ended with no oath taken",
        what: "The probation (1 year from the `admission_meeting`, with any extension) has ended \
               by `as_of` and no `oath` is recorded.",
        why: "A probationary member takes the oath before the Party flag, normally soon after \
              approval; it cannot be left out.",
        example: "Admitted 2024-07-05, probation ended 2025-07-05, no oath recorded.",
        source: "党章 第六条; 细则 第二十九条",
        citations: &[cite(DANGZHANG, "第六条"), cite(XIZE, "第二十九条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV017,
        name: "conversion-overdue",
        severity: Severity::Warning,
        summary: "the probation ended more than a month ago and conversion was not discussed",
        what: "The probation (1 year from the `admission_meeting`, plus any extension) ended and \
               `as_of` is more than `development.conversion_grace_months` (1) month after the \
               end, with no `conversion_meeting` deciding to convert or cancel (after an \
               extension: none since). Not reported when the conversion approval or archiving \
               is recorded (a missing meeting is then DEV003). The one-month grace is local \
               practice (the 细则 says 及时, in time); the evidence cites it.",
        why: "When the probation ends, the branch must discuss the conversion in time (及时讨论); \
              a probationary member left waiting has neither full rights nor a decision.",
        example: "Admitted 2024-09-20, probation ended 2025-09-20, no conversion meeting by \
                  2025-12-31.",
        source: "党章 第七条; 细则 第三十三条",
        citations: &[cite(DANGZHANG, "第七条"), cite(XIZE, "第三十三条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV018,
        name: "conversion-early",
        severity: Severity::Error,
        summary: "the conversion meeting was held before the probation ended",
        what: "A `conversion_meeting` deciding `convert` or `extend` is dated before the end of \
               the probation in force then: 1 year from the `admission_meeting`, plus the \
               extensions decided before it. The anniversary itself is on time.",
        why: "Probationary members cannot be converted early; the probation is a full year.",
        example: "Admitted 2024-11-20, converted 2025-11-19: one day early.",
        source: "党章 第七条",
        citations: &[cite(DANGZHANG, "第七条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV019,
        name: "probation-extension-invalid",
        severity: Severity::Error,
        summary: "a probation extension not of 6 to 12 months, or a second extension",
        what: "A `conversion_meeting` with outcome `extend` whose `extend_months` is missing or \
               outside `development.extension_months` (6–12), or that extends a probation \
               already extended once.",
        why: "A probation may be extended once, by no less than half a year and no more than a \
              year.",
        example: "An extension of 5 months, or of 13.",
        source: "党章 第七条; 细则 第三十二条",
        citations: &[cite(DANGZHANG, "第七条"), cite(XIZE, "第三十二条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::DEV020,
        name: "materials-not-archived",
        severity: Severity::Info,
        summary: "conversion approved more than a month ago and the materials not archived",
        what: "The conversion (or cancellation) was approved more than \
               `development.archive_grace_months` (1) month before `as_of` and no `archived` \
               is recorded. The one-month grace is local practice (the 细则 says 及时); the \
               evidence cites it.",
        why: "The application, the 入党志愿书, the political review and the assessment records \
              go into the member's personnel file once they are converted.",
        example: "Conversion approved 2025-10-20, nothing archived by 2025-12-31.",
        source: "细则 第三十七条",
        citations: &[cite(XIZE, "第三十七条")],
        evidence: &[],
        practice: false,
        since: "0.1.0",
    },
];

const CODES: &[RuleCode] = &[
    RuleCode::DEV001,
    RuleCode::DEV002,
    RuleCode::DEV003,
    RuleCode::DEV004,
    RuleCode::DEV005,
    RuleCode::DEV006,
    RuleCode::DEV007,
    RuleCode::DEV008,
    RuleCode::DEV009,
    RuleCode::DEV010,
    RuleCode::DEV011,
    RuleCode::DEV012,
    RuleCode::DEV013,
    RuleCode::DEV014,
    RuleCode::DEV015,
    RuleCode::DEV016,
    RuleCode::DEV017,
    RuleCode::DEV018,
    RuleCode::DEV019,
    RuleCode::DEV020,
];

/// The file of the candidate at position `pos` of the bundle, as of `cx.as_of`.
pub(crate) fn file_at<'a>(cx: &Context<'a>, pos: usize) -> Option<DevelopmentFile<'a>> {
    let c = cx.bundle.candidates.get(pos)?;
    let recs = cx.index.candidate_records(pos);
    Some(DevelopmentFile::new(
        c,
        recs.steps.iter().copied(),
        recs.publicity.iter().copied(),
        cx.as_of,
    ))
}

/// Runs the development rules over every candidate of the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants_any(CODES) {
        return;
    }
    for (pos, c) in cx.bundle.candidates.iter().enumerate() {
        if cx.index.candidate_pos(c.id.as_str()) != Some(pos) {
            continue; // a duplicate id: DAT002
        }
        let Some(file) = file_at(cx, pos) else {
            continue;
        };
        check(cx, &file, out);
    }
}

fn check(cx: &Context<'_>, f: &DevelopmentFile<'_>, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    let who = Who::of(f);
    let prob = f.probation(p);

    // DEV001
    if let (Some(born), Some(applied)) = (f.candidate.born_on, f.first(Step::Applied)) {
        let of_age = add_months(born, p.min_age_years.value().saturating_mul(12));
        if applied.date < of_age {
            out.report(Dev001 {
                who: who.clone(),
                born_on: born,
                applied: applied.date,
                of_age_on: of_age,
                age_years: whole_years(born, applied.date),
                min_age_years: *p.min_age_years.value(),
            });
        }
    }

    // DEV002
    if let Some(applied) = f.first(Step::Applied) {
        let deadline = add_months(applied.date, *p.talk_within_months.value());
        match f.first(Step::Talked) {
            Some(t) if t.date > deadline => out.report(Dev002 {
                who: who.clone(),
                applied: applied.date,
                deadline,
                talked: Some(t.date),
                days_late: (t.date - deadline).num_days(),
            }),
            None if cx.as_of > deadline && f.later_recorded(Step::Talked).is_none() => {
                out.report(Dev002 {
                    who: who.clone(),
                    applied: applied.date,
                    deadline,
                    talked: None,
                    days_late: (cx.as_of - deadline).num_days(),
                })
            }
            _ => {}
        }
    }

    // DEV003
    if out.wants(RuleCode::DEV003) {
        for info in crate::development::STEPS.iter() {
            if info.missing_code != "DEV003" || f.has(info.step) {
                continue;
            }
            if let Some(next) = f.later_recorded(info.step) {
                out.report(Dev003 {
                    who: who.clone(),
                    step: info.step,
                    number: info.number,
                    article: info.article,
                    next_step: next.step,
                    next_date: next.date,
                });
            }
        }
    }

    // DEV004
    if out.wants(RuleCode::DEV004) {
        out_of_order(f, &who, out);
    }

    // DEV005
    for r in f.all(Step::ContactsAssigned) {
        let ids = distinct(r.members.as_deref().unwrap_or(&[]));
        let (min, max) = p.contacts.value();
        let count = ids.len() as u32;
        let mut invalid = Vec::new();
        for id in &ids {
            if let Some(m) = cx.member(id.as_str()) {
                let reason = if !cx.in_branch_on(m, r.date) {
                    Some("not_in_branch")
                } else if !full_on(m, r.date) {
                    Some("not_full_member")
                } else {
                    None
                };
                if let Some(reason) = reason {
                    invalid.push(PersonIssue {
                        member: (*id).clone(),
                        on: r.date,
                        reason,
                    });
                }
            }
        }
        if count < *min || count > *max || !invalid.is_empty() {
            out.report(Dev005 {
                who: who.clone(),
                date: r.date,
                contacts: ids.into_iter().cloned().collect(),
                count,
                min: *min,
                max: *max,
                invalid,
            });
        }
    }

    // DEV006
    if out.wants(RuleCode::DEV006) {
        assessment_gaps(cx, f, &who, out);
    }

    // DEV007
    if let (Some(a), Some(c)) = (
        f.first(Step::ActivistConfirmed),
        f.first(Step::CandidateConfirmed),
    ) {
        let earliest = add_months(a.date, *p.activist_min_months.value());
        if c.date < earliest {
            out.report(Dev007 {
                who: who.clone(),
                activist_confirmed: a.date,
                candidate_confirmed: c.date,
                earliest,
                days_short: (earliest - c.date).num_days(),
            });
        }
    }

    // DEV008
    let admission = f.last(Step::AdmissionMeeting).map(|r| r.date);
    for r in f.all(Step::IntroducersAssigned) {
        let ids = distinct(r.members.as_deref().unwrap_or(&[]));
        let count = ids.len() as u32;
        let mut invalid = Vec::new();
        for id in &ids {
            let Some(m) = cx.member(id.as_str()) else {
                continue; // DAT001
            };
            for on in std::iter::once(r.date).chain(admission.filter(|d| *d >= r.date)) {
                if full_member_on(m, on) {
                    continue;
                }
                let reason = if m.admitted_on > on {
                    "not_yet_member"
                } else if !full_on(m, on) {
                    "probationary"
                } else {
                    "rights_suspended"
                };
                invalid.push(PersonIssue {
                    member: (*id).clone(),
                    on,
                    reason,
                });
                break;
            }
        }
        if count != *p.introducers.value() || !invalid.is_empty() {
            out.report(Dev008 {
                who: who.clone(),
                date: r.date,
                introducers: ids.into_iter().cloned().collect(),
                count,
                required: *p.introducers.value(),
                admission_meeting: admission,
                invalid,
            });
        }
    }

    // DEV009: gated by committee_review (or pre_review, or the first later step).
    if let Some(gate) = f
        .first(Step::CommitteeReview)
        .or_else(|| f.first(Step::PreReview))
        .or_else(|| f.later_recorded(Step::CommitteeReview))
    {
        let (gate_step, gate) = (gate.step, gate.date);
        let reviews: Vec<&DevelopmentRecord> = f.all(Step::PoliticalReview).collect();
        let ok = reviews
            .iter()
            .any(|r| r.date <= gate && r.conclusion == Some(ReviewConclusion::Qualified));
        if !ok {
            let last = reviews
                .iter()
                .rev()
                .find(|r| r.date <= gate)
                .or(reviews.last());
            out.report(Dev009 {
                who: who.clone(),
                gate_step,
                gate_date: gate,
                review_date: last.map(|r| r.date),
                conclusion: last.and_then(|r| r.conclusion),
            });
        }
    }

    // DEV010
    if let Some(gate) = f.gate_date(Step::PreReview) {
        let gate_step = f
            .first(Step::PreReview)
            .or_else(|| f.later_recorded(Step::PreReview))
            .map_or(Step::PreReview, |r| r.step);
        let before: Vec<&DevelopmentRecord> =
            f.all(Step::Training).filter(|r| r.date <= gate).collect();
        let days: u32 = before
            .iter()
            .map(|r| r.days.unwrap_or(0))
            .fold(0, u32::saturating_add);
        let hours: Decimal = before
            .iter()
            .map(|r| r.hours.map_or(Decimal::ZERO, Hours::decimal))
            .fold(Decimal::ZERO, |a, b| a.saturating_add(b));
        let enough = !before.is_empty()
            && (days >= *p.training_min_days.value()
                || hours >= Decimal::from(*p.training_min_hours.value()));
        if !enough {
            out.report(Dev010 {
                who: who.clone(),
                gate_step,
                gate_date: gate,
                trainings: before.len() as u32,
                days,
                hours: Hours::new(hours).unwrap_or(Hours::ZERO),
                min_days: *p.training_min_days.value(),
                min_hours: *p.training_min_hours.value(),
            });
        }
    }

    // DEV011, DEV012
    if out.wants_any(&[RuleCode::DEV011, RuleCode::DEV012]) {
        publicity(cx, f, &who, out);
    }

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

    if let Some(prob) = &prob {
        probation_rules(cx, f, prob, &who, out);
    }

    // DEV020
    if let Some(a) = f.final_approval() {
        let grace_end = add_months(a.date, *p.archive_grace_months.value());
        if cx.as_of > grace_end && !f.has(Step::Archived) {
            out.report(Dev020 {
                who: who.clone(),
                approved: a.date,
                archive_by: grace_end,
                as_of: cx.as_of,
                days_late: (cx.as_of - grace_end).num_days(),
                grace_months: *p.archive_grace_months.value(),
                grace_source: p.archive_grace_months.source().clone(),
            });
        }
    }
}

fn probation_rules(
    cx: &Context<'_>,
    f: &DevelopmentFile<'_>,
    prob: &Probation,
    who: &Who,
    out: &mut Emitter<'_>,
) {
    let p = &cx.profile.development;
    let extended: u32 = prob
        .extensions
        .iter()
        .map(|(_, n)| n.unwrap_or(0))
        .fold(0, u32::saturating_add);

    // DEV016
    if cx.as_of >= prob.end && !f.has(Step::Oath) {
        out.report(Dev016 {
            who: who.clone(),
            probation_start: prob.start,
            probation_end: prob.end,
        });
    }

    // DEV017
    let overdue_after = add_months(prob.end, *p.conversion_grace_months.value());
    if prob.decided.is_none()
        && cx.as_of > overdue_after
        && !f.all(Step::ConversionApproved).any(|a| a.date >= prob.end)
        && !f.has(Step::Archived)
    {
        out.report(Dev017 {
            who: who.clone(),
            probation_start: prob.start,
            probation_end: prob.end,
            extended_months: extended,
            meeting_by: overdue_after,
            days_overdue: (cx.as_of - overdue_after).num_days(),
            grace_months: *p.conversion_grace_months.value(),
            grace_source: p.conversion_grace_months.source().clone(),
        });
    }

    // DEV018, DEV019
    let months = p.probation_months.value();
    let (min_ext, max_ext) = p.extension_months.value();
    let mut extra = 0u32;
    let mut extensions_before = 0u32;
    for m in f
        .all(Step::ConversionMeeting)
        .filter(|m| m.date >= prob.start)
    {
        let outcome = conversion_outcome(m);
        let end = add_months(prob.start, months.saturating_add(extra));
        if outcome != ConversionOutcome::Cancel && m.date < end {
            out.report(Dev018 {
                who: who.clone(),
                meeting_date: m.date,
                outcome,
                probation_start: prob.start,
                probation_end: end,
                days_early: (end - m.date).num_days(),
            });
        }
        if outcome == ConversionOutcome::Extend {
            let bad_length = m.extend_months.is_none_or(|n| n < *min_ext || n > *max_ext);
            let twice = extensions_before >= 1;
            if bad_length || twice {
                out.report(Dev019 {
                    who: who.clone(),
                    meeting_date: m.date,
                    extend_months: m.extend_months,
                    min_months: *min_ext,
                    max_months: *max_ext,
                    extension_number: extensions_before + 1,
                    bad_length,
                    twice,
                });
            }
            extensions_before += 1;
            extra = extra.saturating_add(m.extend_months.unwrap_or(0));
        }
    }
}

/// DEV004: each record dated before a record of an earlier-numbered step.
fn out_of_order(f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    // After an extension, steps 21–24 start a new round: those dated after
    // the (first) extending meeting are not compared with steps 21–24.
    let first_extension = f
        .all(Step::ConversionMeeting)
        .find(|m| conversion_outcome(m) == ConversionOutcome::Extend)
        .map(|m| m.date);
    let round = |s: Step| (Step::ProbationAssessed..=Step::ConversionApproved).contains(&s);
    let recs = f.records();
    for r in recs {
        let mut worst: Option<&DevelopmentRecord> = None;
        for q in recs {
            if q.step >= r.step || q.date <= r.date {
                continue;
            }
            if let Some(x) = first_extension {
                if round(q.step) && round(r.step) && q.date > x {
                    continue;
                }
            }
            if worst.is_none_or(|w| (q.date, q.step) > (w.date, w.step)) {
                worst = Some(q);
            }
        }
        if let Some(q) = worst {
            out.report(Dev004 {
                who: who.clone(),
                step: r.step,
                date: r.date,
                earlier_step: q.step,
                earlier_step_date: q.date,
            });
        }
    }
}

/// DEV006: gaps between the activist's assessments.
fn assessment_gaps(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    if !f.reached(Step::ActivistConfirmed) {
        return;
    }
    let n = cx.profile.development.assessment_interval_months.value();
    let end = match f.first(Step::CandidateConfirmed) {
        Some(c) => Some((c.date, false)),
        // Past the activist phase without a recorded confirmation: DEV003;
        // the end of the phase is unknown.
        None if f.reached(Step::CandidateConfirmed) => None,
        None => Some((cx.as_of, true)),
    };
    let start = f.first(Step::ActivistConfirmed).map(|r| r.date);
    let mut points: Vec<NaiveDate> = start.into_iter().collect();
    points.extend(
        f.all(Step::ActivistAssessed)
            .map(|r| r.date)
            .filter(|d| start.is_none_or(|s| *d >= s))
            .filter(|d| end.is_none_or(|(e, _)| *d <= e)),
    );
    if let Some((e, _)) = end {
        if !points.is_empty() {
            points.push(e);
        }
    }
    for w in points.windows(2) {
        let (a, b) = match w {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let due = add_months(a, *n);
        if b > due {
            let open = end.is_some_and(|(e, open)| open && e == b);
            out.report(Dev006 {
                who: who.clone(),
                from: a,
                to: b,
                due,
                months: *n,
                until_as_of: open,
            });
        }
    }
}

/// DEV011 and DEV012.
fn publicity(cx: &Context<'_>, f: &DevelopmentFile<'_>, who: &Who, out: &mut Emitter<'_>) {
    let p = &cx.profile.development;
    let min = p.publicity_min_working_days.value();
    for stage in p.publicity_stages.value() {
        let gate = f.publicity_gate_date(*stage);
        let records: Vec<_> = f
            .publicity()
            .iter()
            .copied()
            .filter(|x| x.stage == *stage)
            .collect();
        if records.is_empty() {
            if let Some(gate_date) = gate {
                out.report(Dev011 {
                    who: who.clone(),
                    stage: *stage,
                    gate_step: publicity_gate(*stage),
                    gate_date,
                });
            }
            continue;
        }
        let assess = |x: &crate::model::Publicity| {
            let days = cx.calendar.working_days(x.start, x.end);
            let late = gate.is_some_and(|g| x.end > g);
            (days, late)
        };
        if records.iter().any(|x| {
            let (days, late) = assess(x);
            days >= *min && !late
        }) {
            continue;
        }
        for x in records {
            let (days, late) = assess(x);
            out.report(Dev012 {
                who: who.clone(),
                stage: *stage,
                start: x.start,
                end: x.end,
                working_days: days,
                min_working_days: *min,
                calendar: cx.calendar.name().to_owned(),
                calendar_covers: covers_range(cx.calendar, x.start, x.end),
                calendar_note: (!covers_range(cx.calendar, x.start, x.end)).then_some(
                    "outside the calendar's data: Monday–Friday assumed / 超出节假日数据范围，按周一至周五计",
                ),
                gate_step: publicity_gate(*stage),
                gate_date: gate,
                ends_after_gate: late,
            });
        }
    }
}

fn distinct(ids: &[Id]) -> Vec<&Id> {
    let mut v: Vec<&Id> = Vec::with_capacity(ids.len());
    for id in ids {
        if !v.contains(&id) {
            v.push(id);
        }
    }
    v
}

fn whole_years(born: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = 0u32;
    while years < 200 && add_months(born, (years + 1) * 12) <= on {
        years += 1;
    }
    years
}

// ---------------------------------------------------------------------------
// Violations

/// The candidate a violation is about: id in the evidence, name for messages.
#[derive(Clone, Serialize)]
struct Who {
    candidate: Id,
    #[serde(skip)]
    name: String,
}

impl Who {
    fn of(f: &DevelopmentFile<'_>) -> Who {
        Who {
            candidate: f.candidate.id.clone(),
            name: f.candidate.name.clone(),
        }
    }
    fn subject(&self) -> Subject {
        Subject::candidate(&self.candidate)
    }
    fn zh(&self) -> String {
        format!("{}（{}）", self.name, self.candidate)
    }
    fn en(&self) -> String {
        format!("{} ({})", self.name, self.candidate)
    }
}

fn span(from: NaiveDate, to: NaiveDate) -> Option<DateRange> {
    Some(DateRange::new(from, to).unwrap_or(DateRange::day(from)))
}

fn step_zh(s: Step) -> String {
    format!("第{}步“{}”", s.number(), step_info(s).zh)
}

fn step_en(s: Step) -> String {
    format!("step {} `{}`", s.number(), s)
}

#[derive(Clone, Serialize)]
struct PersonIssue {
    member: Id,
    on: NaiveDate,
    reason: &'static str,
}

fn issues_zh(v: &[PersonIssue]) -> String {
    v.iter()
        .map(|i| {
            let why = match i.reason {
                "not_in_branch" => "不是本支部党员",
                "not_full_member" | "probationary" => "不是正式党员",
                "not_yet_member" => "尚未入党",
                _ => "党员权利被停止",
            };
            format!("{}于{}{}", i.member, i.on, why)
        })
        .collect::<Vec<_>>()
        .join("，")
}

fn issues_en(v: &[PersonIssue]) -> String {
    v.iter()
        .map(|i| {
            let why = match i.reason {
                "not_in_branch" => "not a member of the branch",
                "not_full_member" | "probationary" => "not a full member",
                "not_yet_member" => "not yet a party member",
                _ => "with rights suspended",
            };
            format!("{} {why} on {}", i.member, i.on)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Serialize)]
struct Dev001 {
    #[serde(flatten)]
    who: Who,
    born_on: NaiveDate,
    applied: NaiveDate,
    of_age_on: NaiveDate,
    age_years: u32,
    min_age_years: u32,
}

impl Violation for Dev001 {
    const CODE: RuleCode = RuleCode::DEV001;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.applied))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}于{}递交入党申请书时年仅{}岁（出生于{}，{}年满{}岁），未满{}周岁",
                self.who.zh(),
                self.applied,
                self.age_years,
                self.born_on,
                self.of_age_on,
                self.min_age_years,
                self.min_age_years
            ),
            format!(
                "{} applied on {} aged {} (born {}, {} on {}): under {}",
                self.who.en(),
                self.applied,
                self.age_years,
                self.born_on,
                self.min_age_years,
                self.of_age_on,
                self.min_age_years
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev002 {
    #[serde(flatten)]
    who: Who,
    applied: NaiveDate,
    deadline: NaiveDate,
    talked: Option<NaiveDate>,
    days_late: i64,
}

impl Violation for Dev002 {
    const CODE: RuleCode = RuleCode::DEV002;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.applied, self.talked.unwrap_or(self.deadline))
    }
    fn message(&self) -> Message {
        match self.talked {
            Some(t) => Message::new(
                format!(
                    "{}于{}递交入党申请书，党组织{}才派人谈话，超过一个月期限（应于{}前）{}天",
                    self.who.zh(),
                    self.applied,
                    t,
                    self.deadline,
                    self.days_late
                ),
                format!(
                    "{} applied on {}; the talk took place on {}, {} after the deadline {}",
                    self.who.en(),
                    self.applied,
                    t,
                    days_en(self.days_late),
                    self.deadline
                ),
            ),
            None => Message::new(
                format!(
                    "{}于{}递交入党申请书，至今未派人谈话（应于{}前），已逾期{}天",
                    self.who.zh(),
                    self.applied,
                    self.deadline,
                    self.days_late
                ),
                format!(
                    "{} applied on {} and nobody has talked with them; due by {}, {} overdue",
                    self.who.en(),
                    self.applied,
                    self.deadline,
                    days_en(self.days_late)
                ),
            ),
        }
    }
}

#[derive(Serialize)]
struct Dev003 {
    #[serde(flatten)]
    who: Who,
    step: Step,
    number: u8,
    /// Where the 细则 requires the step.
    article: &'static str,
    next_step: Step,
    next_date: NaiveDate,
}

impl Violation for Dev003 {
    const CODE: RuleCode = RuleCode::DEV003;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.next_date))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}的发展材料缺少{}，但已记录{}（{}）",
                self.who.zh(),
                step_zh(self.step),
                step_zh(self.next_step),
                self.next_date
            ),
            format!(
                "the file of {} lacks {} although {} is recorded ({})",
                self.who.en(),
                step_en(self.step),
                step_en(self.next_step),
                self.next_date
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev004 {
    #[serde(flatten)]
    who: Who,
    step: Step,
    date: NaiveDate,
    earlier_step: Step,
    earlier_step_date: NaiveDate,
}

impl Violation for Dev004 {
    const CODE: RuleCode = RuleCode::DEV004;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}的{}日期为{}，早于其前序步骤{}的日期{}，程序颠倒",
                self.who.zh(),
                step_zh(self.step),
                self.date,
                step_zh(self.earlier_step),
                self.earlier_step_date
            ),
            format!(
                "{}: {} is dated {}, before {} which precedes it ({})",
                self.who.en(),
                step_en(self.step),
                self.date,
                step_en(self.earlier_step),
                self.earlier_step_date
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev005 {
    #[serde(flatten)]
    who: Who,
    date: NaiveDate,
    contacts: Vec<Id>,
    count: u32,
    min: u32,
    max: u32,
    invalid: Vec<PersonIssue>,
}

impl Violation for Dev005 {
    const CODE: RuleCode = RuleCode::DEV005;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.count < self.min || self.count > self.max {
            zh.push(format!(
                "指定了{}名培养联系人（应为{}至{}名）",
                self.count, self.min, self.max
            ));
            en.push(format!(
                "{} contacts assigned (must be {} to {})",
                self.count, self.min, self.max
            ));
        }
        if !self.invalid.is_empty() {
            zh.push(format!("培养联系人{}", issues_zh(&self.invalid)));
            en.push(format!("contact {}", issues_en(&self.invalid)));
        }
        Message::new(
            format!("{}于{}{}", self.who.zh(), self.date, zh.join("；")),
            format!("{} on {}: {}", self.who.en(), self.date, en.join("; ")),
        )
    }
}

#[derive(Serialize)]
struct Dev006 {
    #[serde(flatten)]
    who: Who,
    from: NaiveDate,
    to: NaiveDate,
    due: NaiveDate,
    months: u32,
    until_as_of: bool,
}

impl Violation for Dev006 {
    const CODE: RuleCode = RuleCode::DEV006;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.from, self.to)
    }
    fn message(&self) -> Message {
        if self.until_as_of {
            Message::new(
                format!(
                    "入党积极分子{}自{}后未再进行培养教育考察，应于{}前考察（每{}个月一次），截至{}已逾期",
                    self.who.zh(),
                    self.from,
                    self.due,
                    self.months,
                    self.to
                ),
                format!(
                    "activist {} not assessed since {}: due by {} (every {} months), overdue on {}",
                    self.who.en(),
                    self.from,
                    self.due,
                    self.months,
                    self.to
                ),
            )
        } else {
            Message::new(
                format!(
                    "入党积极分子{}在{}至{}之间超过{}个月未进行考察（应于{}前）",
                    self.who.zh(),
                    self.from,
                    self.to,
                    self.months,
                    self.due
                ),
                format!(
                    "activist {} went more than {} months without assessment between {} and {} (due by {})",
                    self.who.en(),
                    self.months,
                    self.from,
                    self.to,
                    self.due
                ),
            )
        }
    }
}

#[derive(Serialize)]
struct Dev007 {
    #[serde(flatten)]
    who: Who,
    activist_confirmed: NaiveDate,
    candidate_confirmed: NaiveDate,
    earliest: NaiveDate,
    days_short: i64,
}

impl Violation for Dev007 {
    const CODE: RuleCode = RuleCode::DEV007;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.activist_confirmed, self.candidate_confirmed)
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}于{}确定为入党积极分子，{}即确定为发展对象，培养考察不满一年（最早应为{}，差{}天）",
                self.who.zh(),
                self.activist_confirmed,
                self.candidate_confirmed,
                self.earliest,
                self.days_short
            ),
            format!(
                "{} became an activist on {} and a candidate on {}, less than a year later \
                 (earliest {}, {} short)",
                self.who.en(),
                self.activist_confirmed,
                self.candidate_confirmed,
                self.earliest,
                days_en(self.days_short)
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev008 {
    #[serde(flatten)]
    who: Who,
    date: NaiveDate,
    introducers: Vec<Id>,
    count: u32,
    required: u32,
    admission_meeting: Option<NaiveDate>,
    invalid: Vec<PersonIssue>,
}

impl Violation for Dev008 {
    const CODE: RuleCode = RuleCode::DEV008;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.count != self.required {
            zh.push(format!("共{}名（应为{}名）", self.count, self.required));
            en.push(format!(
                "{} introducers assigned ({} required)",
                self.count, self.required
            ));
        }
        if !self.invalid.is_empty() {
            zh.push(issues_zh(&self.invalid));
            en.push(format!("introducer {}", issues_en(&self.invalid)));
        }
        Message::new(
            format!(
                "{}于{}确定的入党介绍人不符合要求：{}",
                self.who.zh(),
                self.date,
                zh.join("；")
            ),
            format!("{} on {}: {}", self.who.en(), self.date, en.join("; ")),
        )
    }
}

#[derive(Serialize)]
struct Dev009 {
    #[serde(flatten)]
    who: Who,
    gate_step: Step,
    gate_date: NaiveDate,
    review_date: Option<NaiveDate>,
    conclusion: Option<ReviewConclusion>,
}

impl Violation for Dev009 {
    const CODE: RuleCode = RuleCode::DEV009;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.gate_date))
    }
    fn message(&self) -> Message {
        let (zh, en) = match (self.review_date, self.conclusion) {
            (None, _) => (
                "无政治审查记录".to_owned(),
                "there is no political review".to_owned(),
            ),
            (Some(d), Some(ReviewConclusion::Unqualified)) => (
                format!("{d}政治审查结论为不合格"),
                format!("the political review of {d} found them unqualified"),
            ),
            (Some(d), Some(ReviewConclusion::Qualified)) => (
                format!("政治审查{d}才完成，晚于该步骤"),
                format!("the political review was only concluded on {d}"),
            ),
            (Some(d), None) => (
                format!("{d}的政治审查未记录结论"),
                format!("the political review of {d} records no conclusion"),
            ),
        };
        Message::new(
            format!(
                "{}于{}进入{}，但此前{}（未经政治审查或政治审查不合格的，不能发展入党）",
                self.who.zh(),
                self.gate_date,
                step_zh(self.gate_step),
                zh
            ),
            format!(
                "{} reached {} on {} but {}",
                self.who.en(),
                step_en(self.gate_step),
                self.gate_date,
                en
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev010 {
    #[serde(flatten)]
    who: Who,
    gate_step: Step,
    gate_date: NaiveDate,
    trainings: u32,
    days: u32,
    hours: Hours,
    min_days: u32,
    min_hours: u32,
}

impl Violation for Dev010 {
    const CODE: RuleCode = RuleCode::DEV010;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.gate_date))
    }
    fn message(&self) -> Message {
        if self.trainings == 0 {
            Message::new(
                format!(
                    "{}于{}进入{}，此前未参加集中培训",
                    self.who.zh(),
                    self.gate_date,
                    step_zh(self.gate_step)
                ),
                format!(
                    "{} reached {} on {} without the concentrated training",
                    self.who.en(),
                    step_en(self.gate_step),
                    self.gate_date
                ),
            )
        } else {
            Message::new(
                format!(
                    "{}的集中培训仅{}天、{}学时，少于{}天（或{}学时）",
                    self.who.zh(),
                    self.days,
                    self.hours,
                    self.min_days,
                    self.min_hours
                ),
                format!(
                    "the concentrated training of {} lasted {} days and {} hours, less than {} \
                     days (or {} hours)",
                    self.who.en(),
                    self.days,
                    self.hours,
                    self.min_days,
                    self.min_hours
                ),
            )
        }
    }
}

#[derive(Serialize)]
struct Dev011 {
    #[serde(flatten)]
    who: Who,
    stage: PublicityStage,
    gate_step: Step,
    gate_date: NaiveDate,
}

impl Violation for Dev011 {
    const CODE: RuleCode = RuleCode::DEV011;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.gate_date))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}未进行{}，已于{}进入{}",
                self.who.zh(),
                publicity_zh(self.stage),
                self.gate_date,
                step_zh(self.gate_step)
            ),
            format!(
                "no {} publicity of {}, although {} was reached on {}",
                self.stage,
                self.who.en(),
                step_en(self.gate_step),
                self.gate_date
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev012 {
    #[serde(flatten)]
    who: Who,
    stage: PublicityStage,
    start: NaiveDate,
    end: NaiveDate,
    working_days: u32,
    min_working_days: u32,
    calendar: String,
    calendar_covers: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    calendar_note: Option<&'static str>,
    gate_step: Step,
    gate_date: Option<NaiveDate>,
    ends_after_gate: bool,
}

impl Violation for Dev012 {
    const CODE: RuleCode = RuleCode::DEV012;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.start, self.end)
    }
    fn message(&self) -> Message {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.working_days < self.min_working_days {
            zh.push(format!(
                "仅{}个工作日，少于{}个工作日",
                self.working_days, self.min_working_days
            ));
            en.push(format!(
                "{} working days, fewer than {}",
                self.working_days, self.min_working_days
            ));
        }
        if self.ends_after_gate {
            if let Some(g) = self.gate_date {
                zh.push(format!("结束晚于{}（{}）", step_zh(self.gate_step), g));
                en.push(format!("it ends after {} ({})", step_en(self.gate_step), g));
            }
        }
        if !self.calendar_covers {
            zh.push("超出节假日数据范围，按周一至周五计算".to_owned());
            en.push("outside the holiday data, counted Monday to Friday".to_owned());
        }
        Message::new(
            format!(
                "{}的{}（{}至{}）{}",
                self.who.zh(),
                publicity_zh(self.stage),
                self.start,
                self.end,
                zh.join("；")
            ),
            format!(
                "{} publicity of {} ({} to {}): {}",
                self.stage,
                self.who.en(),
                self.start,
                self.end,
                en.join("; ")
            ),
        )
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

#[derive(Serialize)]
struct Dev016 {
    #[serde(flatten)]
    who: Who,
    probation_start: NaiveDate,
    probation_end: NaiveDate,
}

impl Violation for Dev016 {
    const CODE: RuleCode = RuleCode::DEV016;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.probation_start, self.probation_end)
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "预备党员{}的预备期（{}至{}）已满，未记录入党宣誓",
                self.who.zh(),
                self.probation_start,
                self.probation_end
            ),
            format!(
                "the probation of {} ({} to {}) has ended and no oath is recorded",
                self.who.en(),
                self.probation_start,
                self.probation_end
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev017 {
    #[serde(flatten)]
    who: Who,
    probation_start: NaiveDate,
    probation_end: NaiveDate,
    extended_months: u32,
    meeting_by: NaiveDate,
    days_overdue: i64,
    grace_months: u32,
    /// Where the grace comes from (practice: the 细则 says 及时).
    grace_source: Citation,
}

impl Violation for Dev017 {
    const CODE: RuleCode = RuleCode::DEV017;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.probation_end, self.meeting_by)
    }
    fn message(&self) -> Message {
        let (ext_zh, ext_en) = if self.extended_months > 0 {
            (
                format!("（含延长{}个月）", self.extended_months),
                format!(" (extended by {} months)", self.extended_months),
            )
        } else {
            (String::new(), String::new())
        };
        Message::new(
            format!(
                "预备党员{}的预备期{}于{}期满，至今未召开支部大会讨论转正（应于{}前），已逾期{}天",
                self.who.zh(),
                ext_zh,
                self.probation_end,
                self.meeting_by,
                self.days_overdue
            ),
            format!(
                "the probation of {}{ext_en} ended on {} and no branch meeting has discussed the \
                 conversion (due by {}, {} overdue)",
                self.who.en(),
                self.probation_end,
                self.meeting_by,
                days_en(self.days_overdue)
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev018 {
    #[serde(flatten)]
    who: Who,
    meeting_date: NaiveDate,
    outcome: ConversionOutcome,
    probation_start: NaiveDate,
    probation_end: NaiveDate,
    days_early: i64,
}

impl Violation for Dev018 {
    const CODE: RuleCode = RuleCode::DEV018;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.meeting_date))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "预备党员{}的预备期至{}届满，支部大会却于{}讨论转正，提前{}天",
                self.who.zh(),
                self.probation_end,
                self.meeting_date,
                self.days_early
            ),
            format!(
                "the probation of {} ends on {} but the branch meeting decided on conversion on \
                 {}, {} early",
                self.who.en(),
                self.probation_end,
                self.meeting_date,
                days_en(self.days_early)
            ),
        )
    }
}

#[derive(Serialize)]
struct Dev019 {
    #[serde(flatten)]
    who: Who,
    meeting_date: NaiveDate,
    extend_months: Option<u32>,
    min_months: u32,
    max_months: u32,
    extension_number: u32,
    #[serde(skip)]
    bad_length: bool,
    #[serde(skip)]
    twice: bool,
}

impl Violation for Dev019 {
    const CODE: RuleCode = RuleCode::DEV019;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.meeting_date))
    }
    fn message(&self) -> Message {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.bad_length {
            match self.extend_months {
                Some(n) => {
                    zh.push(format!(
                        "延长{}个月（应为{}至{}个月）",
                        n, self.min_months, self.max_months
                    ));
                    en.push(format!(
                        "by {} months (must be {} to {})",
                        n, self.min_months, self.max_months
                    ));
                }
                None => {
                    zh.push("未记录延长期限".to_owned());
                    en.push("with no length recorded".to_owned());
                }
            }
        }
        if self.twice {
            zh.push(format!(
                "为第{}次延长（只能延长一次）",
                self.extension_number
            ));
            en.push(format!(
                "for the {} time (only once is allowed)",
                ordinal(self.extension_number)
            ));
        }
        Message::new(
            format!(
                "{}于{}延长预备期{}",
                self.who.zh(),
                self.meeting_date,
                zh.join("，")
            ),
            format!(
                "the probation of {} was extended on {} {}",
                self.who.en(),
                self.meeting_date,
                en.join(" and ")
            ),
        )
    }
}

/// `1 day`, `2 days`.
fn days_en(n: i64) -> String {
    if n == 1 {
        "1 day".to_owned()
    } else {
        format!("{n} days")
    }
}

fn ordinal(n: u32) -> String {
    match n {
        1 => "first".to_owned(),
        2 => "second".to_owned(),
        3 => "third".to_owned(),
        n => format!("{n}th"),
    }
}

#[derive(Serialize)]
struct Dev020 {
    #[serde(flatten)]
    who: Who,
    approved: NaiveDate,
    archive_by: NaiveDate,
    #[serde(skip)]
    as_of: NaiveDate,
    days_late: i64,
    grace_months: u32,
    /// Where the grace comes from (practice: the 细则 says 及时).
    grace_source: Citation,
}

impl Violation for Dev020 {
    const CODE: RuleCode = RuleCode::DEV020;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        span(self.approved, self.as_of)
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}的转正已于{}批准，材料应于{}前归档，至今未归档",
                self.who.zh(),
                self.approved,
                self.archive_by
            ),
            format!(
                "the conversion of {} was approved on {}; its materials were due for archiving by \
                 {} ({} ago) and are not archived",
                self.who.en(),
                self.approved,
                self.archive_by,
                days_en(self.days_late)
            ),
        )
    }
}
