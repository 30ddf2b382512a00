//! Talks (谈心谈话) every year (MTG008).

use std::collections::HashSet;

use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key};
use crate::model::{DateRange, Id, PeriodSpec};
use crate::period::{self, PeriodKind};
use crate::vocab::sources::{ZHIBU, cite};
use crate::vocab::{Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[RuleMeta {
    code: RuleCode::MTG008,
    name: "talks-missing",
    severity: Severity::Warning,
    summary: "a member had no talk with a committee member in a year, or two committee members none with each other",
    what: "For each ended year overlapping the audit period: every member of the branch that \
               year needs at least one `talks` record that year with a committee member (the \
               secretary, for a branch without a committee) other than themselves; and every two \
               committee members need one with each other. One finding per member, or per pair \
               (subject: the pair's smaller id, `with` the other).",
    why: "Committee members talk with each other, with every member, and members with each \
              other, at least once a year; the talks prepare the organisational-life meeting.",
    example: "M30 had no talk in 2025: MTG008 M30 for 2025.",
    // 支部工作条例 art. 19 (number by the chapter's order, regulations.md Q9):
    // "党支部应当经常开展谈心谈话。党支部委员之间、党支部委员和党员之间、党员和党员之间，
    // 每年谈心谈话一般不少于1次。"
    source: "支部工作条例 第十九条 (每年谈心谈话一般不少于1次)",
    citations: &[cite(ZHIBU, "第十九条")],
    evidence: &[
        key(
            "member",
            "string (member id)",
            "the member (for a pair of committee members: the smaller id)",
        ),
        key("year", "integer", "the year without the talk"),
        key(
            "with",
            "string (member id; absent unless a pair)",
            "the other committee member of the pair",
        ),
    ],
    practice: false,
    since: "0.1.0",
}];

pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let b = cx.bundle;
    // The committee (first seat of each member), or the secretary alone.
    let mut leaders: Vec<usize> = Vec::new();
    match &b.branch.committee {
        Some(c) => {
            for s in &c.members {
                if let Some(pos) = cx.index.member_pos(s.member.as_str()) {
                    if !leaders.contains(&pos) {
                        leaders.push(pos);
                    }
                }
            }
        }
        None => {
            if let Some(pos) = b
                .branch
                .secretary
                .as_ref()
                .and_then(|s| cx.index.member_pos(s.as_str()))
            {
                leaders.push(pos);
            }
        }
    }
    if leaders.is_empty() {
        return; // nobody to talk with: ORG002 reports a missing secretary
    }
    let has_committee = b.branch.committee.is_some();
    let n = b.members.len();
    let mut is_leader = vec![false; n];
    for &l in &leaders {
        if let Some(x) = is_leader.get_mut(l) {
            *x = true;
        }
    }
    let spans: Vec<Option<DateRange>> = b.members.iter().map(|m| cx.member_span(m)).collect();
    let span_of = |pos: usize| spans.get(pos).copied().flatten();

    for spec in period::checked(cx, PeriodKind::Year, cx.branch_span()) {
        let PeriodSpec::Year(year) = spec else {
            continue;
        };
        let yr = spec.range();
        // Who talked with a leader, and which leader pairs talked.
        let mut with_leader = vec![false; n];
        let mut pairs: HashSet<(usize, usize)> = HashSet::new();
        let mut people: Vec<usize> = Vec::new();
        for t in &b.talks {
            if !yr.contains(t.date) || t.date > cx.as_of {
                continue;
            }
            people.clear();
            for id in &t.members {
                if let Some(p) = cx.index.member_pos(id.as_str()) {
                    if !people.contains(&p) {
                        people.push(p);
                    }
                }
            }
            for &a in &people {
                for &c in &people {
                    if a == c {
                        continue;
                    }
                    if is_leader.get(c).copied().unwrap_or(false) {
                        if let Some(x) = with_leader.get_mut(a) {
                            *x = true;
                        }
                    }
                    // Each pair once, the lower position first (`<=` would
                    // do the same: `a == c` was skipped above).
                    if a < c {
                        pairs.insert((a, c));
                    }
                }
            }
        }
        for (pos, m) in b.members.iter().enumerate() {
            if !cx.index.is_first_member(pos) {
                continue;
            }
            if !span_of(pos).is_some_and(|s| s.overlaps(&yr)) {
                continue;
            }
            let sole_leader = leaders.len() == 1 && leaders.first() == Some(&pos);
            if sole_leader || with_leader.get(pos).copied().unwrap_or(false) {
                continue;
            }
            out.report(Mtg008 {
                member: m.id.clone(),
                name: m.name.clone(),
                year,
                with: None,
                with_name: None,
                committee: has_committee,
            });
        }
        if has_committee {
            for (i, &a) in leaders.iter().enumerate() {
                for &c in leaders.iter().skip(i + 1) {
                    let both = [a, c]
                        .iter()
                        .all(|&p| span_of(p).is_some_and(|s| s.overlaps(&yr)));
                    if !both || pairs.contains(&(a.min(c), a.max(c))) {
                        continue;
                    }
                    let (Some(ma), Some(mc)) = (b.members.get(a), b.members.get(c)) else {
                        continue;
                    };
                    let (first, second) = if ma.id <= mc.id { (ma, mc) } else { (mc, ma) };
                    out.report(Mtg008 {
                        member: first.id.clone(),
                        name: first.name.clone(),
                        year,
                        with: Some(second.id.clone()),
                        with_name: Some(second.name.clone()),
                        committee: true,
                    });
                }
            }
        }
    }
}

#[derive(Serialize)]
struct Mtg008 {
    member: Id,
    #[serde(skip)]
    name: String,
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    with: Option<Id>,
    #[serde(skip)]
    with_name: Option<String>,
    #[serde(skip)]
    committee: bool,
}

impl Violation for Mtg008 {
    const CODE: RuleCode = RuleCode::MTG008;
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::year(self.year))
    }
    fn message(&self) -> Message {
        match (&self.with, &self.with_name) {
            (Some(w), Some(wn)) => Message::new(
                format!(
                    "支委{}（{}）与支委{wn}（{w}）{}年未开展谈心谈话",
                    self.name, self.member, self.year
                ),
                format!(
                    "committee members {} ({}) and {wn} ({w}) had no talk with each other in {}",
                    self.name, self.member, self.year
                ),
            ),
            _ => {
                let (zh, en) = if self.committee {
                    ("支委", "a committee member")
                } else {
                    ("支部书记", "the secretary")
                };
                Message::new(
                    format!(
                        "{}（{}）{}年未与{zh}开展谈心谈话",
                        self.name, self.member, self.year
                    ),
                    format!(
                        "{} ({}) had no talk with {en} in {}",
                        self.name, self.member, self.year
                    ),
                )
            }
        }
    }
}
