//! The schedule of required meetings: for each kind the text requires, the
//! periods that are checked (ended by `as_of`, in the audit period, while
//! the branch — the committee, a group's members — was active) and whether
//! a meeting counting for each was held. The periodic rules (MTG001–MTG007)
//! report the periods without one; the indicators count both.

use serde::{Deserialize, Serialize};

use crate::families::context::Context;
use crate::model::{DateRange, Id, MeetingKind, PeriodSpec};
use crate::period::{self, PeriodKind};

/// One kind of required meeting over the period: the schedule's count, an
/// indicator of the report (`report::Indicators`).
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MeetingIndicator {
    /// The kind.
    pub kind: MeetingKind,
    /// Periods in which one was required.
    pub required: u32,
    /// Of them, periods in which one was held.
    pub held: u32,
}

/// One required period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    /// The kind of meeting.
    pub(crate) kind: MeetingKind,
    /// Its frequency.
    pub(crate) every: PeriodKind,
    /// For a group meeting: the group.
    pub(crate) group: Option<(Id, Option<String>)>,
    /// The period.
    pub(crate) period: PeriodSpec,
    /// Whether a meeting counting for it was held.
    pub(crate) held: bool,
}

/// The frequency of `kind` in the profile (`None`: not required), in force
/// at the start of the audit period (the periods a frequency divides the
/// year into cannot change inside it).
pub(crate) fn every(cx: &Context<'_>, kind: MeetingKind) -> Option<PeriodKind> {
    let p = &cx.profile.meetings;
    let on = cx.period.from;
    match kind {
        MeetingKind::GeneralMeeting => Some(*p.general_meeting_period.at(on)),
        MeetingKind::CommitteeMeeting => Some(*p.committee_meeting_period.at(on)),
        MeetingKind::GroupMeeting => Some(*p.group_meeting_period.at(on)),
        MeetingKind::PartyLecture => Some(*p.party_lecture_period.at(on)),
        MeetingKind::ThemeDay => Some(*p.theme_day_period.at(on)),
        MeetingKind::LifeMeeting | MeetingKind::DemocraticReview => Some(PeriodKind::Year),
        _ => None,
    }
}

/// Every required period of the branch, by kind in the order of the rules
/// (general, committee, groups, lecture, theme day, life meeting, review).
pub(crate) fn schedule(cx: &Context<'_>) -> Vec<Slot> {
    // What was held: (kind, group, period) of each meeting held by as_of.
    let mut held: Vec<(MeetingKind, Option<&str>, PeriodSpec)> = Vec::new();
    for m in &cx.bundle.meetings {
        if m.date > cx.as_of {
            continue; // not held yet (DAT003)
        }
        let Some(k) = every(cx, m.kind) else { continue };
        let group = match m.kind {
            MeetingKind::GroupMeeting => match &m.group {
                Some(g) => Some(g.as_str()),
                None => continue,
            },
            _ => None,
        };
        held.push((m.kind, group, period::counts_for(k, m.date, m.for_period)));
    }
    held.sort_unstable();
    let was_held = |kind: MeetingKind, group: Option<&str>, spec: PeriodSpec| {
        held.binary_search(&(kind, group, spec)).is_ok()
    };

    let branch = cx.branch_span();
    let mut out = Vec::new();
    let mut push = |kind: MeetingKind,
                    spans: &[(PeriodSpec, DateRange)],
                    from,
                    group: Option<(Id, Option<String>)>,
                    every| {
        for &(spec, r) in spans {
            if r.to < from {
                continue;
            }
            let g = group
                .as_ref()
                .map(|(id, _): &(Id, Option<String>)| id.as_str());
            out.push(Slot {
                kind,
                every,
                group: group.clone(),
                period: spec,
                held: was_held(kind, g, spec),
            });
        }
    };
    let kinds = [
        MeetingKind::GeneralMeeting,
        MeetingKind::CommitteeMeeting,
        MeetingKind::GroupMeeting,
        MeetingKind::PartyLecture,
        MeetingKind::ThemeDay,
        MeetingKind::LifeMeeting,
        MeetingKind::DemocraticReview,
    ];
    for kind in kinds {
        let Some(k) = every(cx, kind) else { continue };
        match kind {
            MeetingKind::CommitteeMeeting => {
                if let Some(c) = &cx.bundle.branch.committee {
                    let spans = period::checked_spans(cx, k, branch);
                    push(kind, &spans, branch.from.max(c.elected_on), None, k);
                }
            }
            MeetingKind::GroupMeeting => {
                let spans = period::checked_spans(cx, k, branch);
                for (gi, g) in cx.bundle.branch.groups.iter().enumerate() {
                    if cx.index.group_pos(g.id.as_str()) != Some(gi) {
                        continue; // a duplicate group id: DAT002
                    }
                    let active: Vec<DateRange> = g
                        .members
                        .iter()
                        .filter_map(|m| cx.member(m.as_str()))
                        .filter_map(|m| cx.member_span(m))
                        .collect();
                    let group_spans: Vec<(PeriodSpec, DateRange)> = spans
                        .iter()
                        .copied()
                        .filter(|(_, r)| active.iter().any(|s| s.overlaps(r)))
                        .collect();
                    push(
                        kind,
                        &group_spans,
                        branch.from,
                        Some((g.id.clone(), g.name.clone())),
                        k,
                    );
                }
            }
            _ => {
                let spans = period::checked_spans(cx, k, branch);
                push(kind, &spans, branch.from, None, k);
            }
        }
    }
    out
}

/// Per kind required: periods checked and periods with a meeting held.
pub(crate) fn required_and_held(cx: &Context<'_>) -> Vec<MeetingIndicator> {
    let mut out: Vec<MeetingIndicator> = Vec::new();
    for s in schedule(cx) {
        match out.iter_mut().find(|i| i.kind == s.kind) {
            Some(i) => {
                i.required += 1;
                i.held += u32::from(s.held);
            }
            None => out.push(MeetingIndicator {
                kind: s.kind,
                required: 1,
                held: u32::from(s.held),
            }),
        }
    }
    out
}
