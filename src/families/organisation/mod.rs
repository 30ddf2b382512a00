//! Branch-organisation rules (组织建设): ORG001–ORG005.
//!
//! These are state rules: they look at the branch as it stands on `as_of`
//! (members in the branch that day, the committee on record), whatever the
//! audit period. A branch dissolved before `as_of`, or founded after it, is not
//! checked. Counting members: a **full member** has `status: "full"` (and, when
//! `full_on` is given, reached it by `as_of`); each member id counts once.
//! ORG001, ORG002 and ORG004 have no period (`period: null`, ids ending in
//! `/-`): the fault is the branch's state, the same fault on every later
//! `as_of` until it is put right, so a re-audit finds it with the same id.
//! The committee's term (ORG003, ORG005) is in [`terms`].

use chrono::NaiveDate;
use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Cite, Emitter, RuleCode, RuleMeta, Violation, key, param};
use crate::model::{CommitteeRole, DateRange, Id, MemberStatus};
use crate::vocab::{Message, Severity, Subject};

mod terms;

/// The family's rules' metadata.
pub(crate) static RULES: &[&[RuleMeta]] = &[META, terms::RULES];

static META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::ORG001,
        name: "committee-required",
        severity: Severity::Error,
        summary: "7 or more full members and no 支部委员会",
        what: "On `as_of` the branch has `organisation.committee_required_from` (7) or more full \
               members and no `committee`.",
        why: "A branch with seven or more full members must elect a branch committee; below \
              seven it elects a secretary (and, if needed, a deputy) only.",
        example: "B03 has 9 full members and only a secretary: ORG001.",
        source: "支部工作条例 第六章 (有正式党员7人以上的党支部，应当设立党支部委员会)",
        citations: &[param("organisation.committee_required_from")],
        evidence: &[
            key(
                "full_members",
                "integer",
                "full members in the branch on `as_of`",
            ),
            key(
                "required_from",
                "integer",
                "full members from which a committee is required",
            ),
            key(
                "secretary",
                "string (member id) or null",
                "the branch's `secretary`",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::ORG002,
        name: "committee-size-invalid",
        severity: Severity::Warning,
        summary: "a committee outside 3–7 members, or no secretary",
        what: "The `committee` has fewer than 3 or more than 7 (`organisation.committee_size`) \
               distinct members in the branch on `as_of`, or no seat with the role `secretary`; \
               or a branch without a committee has no `secretary` either.",
        why: "A branch committee has 3 to 5 members, as a rule no more than 7, and a secretary; a \
              branch without a committee has a secretary.",
        example: "A committee of 8: ORG002.",
        source: "支部工作条例 第六章 (支部委员会由3至5人组成，一般不超过7人)",
        citations: &[param("organisation.committee_size")],
        evidence: &[
            key("committee", "boolean", "whether the branch has a committee"),
            key(
                "size",
                "integer",
                "distinct committee members in the branch on `as_of`",
            ),
            key("min", "integer", "least committee size"),
            key("max", "integer", "most committee size"),
            key(
                "secretary",
                "boolean",
                "whether a secretary is on record (a seat, or the branch's `secretary`)",
            ),
            key(
                "not_in_branch",
                "[string (member id)] (absent when empty)",
                "seats naming someone not in the branch on `as_of`",
            ),
        ],
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::ORG004,
        name: "branch-size-unusual",
        severity: Severity::Info,
        summary: "fewer than 3 full members, or more than 50 members",
        what: "On `as_of` the branch has fewer than `organisation.branch_min_full` (3) full \
               members, or more than `organisation.branch_max_members` (50) members.",
        why: "A branch is set up where there are three or more full members (fewer: a joint \
              branch), and has as a rule no more than 50 members (more: a general branch).",
        example: "A branch of 2 full members and 1 probationary: ORG004.",
        // 支部工作条例 art. 4: "……凡是有正式党员3人以上的，都应当成立党支部。" and "党支部
        // 党员人数一般不超过50人。" — both thresholds are art. 4 (v1 also cited art. 5).
        source: "支部工作条例 第四条",
        citations: &[
            param("organisation.branch_min_full"),
            param("organisation.branch_max_members"),
        ],
        evidence: &[
            key(
                "full_members",
                "integer",
                "full members in the branch on `as_of`",
            ),
            key("members", "integer", "members in the branch on `as_of`"),
            key("min_full", "integer", "fewest full members of a branch"),
            key("max_members", "integer", "most members of a branch"),
        ],
        practice: false,
        since: "0.1.0",
    },
];

const CODES: &[RuleCode] = &[
    RuleCode::ORG001,
    RuleCode::ORG002,
    RuleCode::ORG003,
    RuleCode::ORG004,
    RuleCode::ORG005,
];

/// Runs the organisation rules over the branch.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants_any(CODES) {
        return;
    }
    let day = cx.as_of;
    if !cx.branch_span().contains(day) {
        return;
    }
    let b = cx.bundle;
    let p = &cx.profile.organisation;
    let id = &b.branch.id;

    let mut members = 0u32;
    let mut full = 0u32;
    for (pos, m) in b.members.iter().enumerate() {
        if !cx.index.is_first_member(pos) || !cx.in_branch_on(m, day) {
            continue;
        }
        members += 1;
        if m.status == MemberStatus::Full && m.full_on.is_none_or(|f| f <= day) {
            full += 1;
        }
    }

    // The thresholds in force on as_of (the branch as it stands that day).
    let required_from = *p.committee_required_from.at(day);
    let (min, max) = *p.committee_size.at(day);
    match &b.branch.committee {
        None => {
            if full >= required_from && out.wants(RuleCode::ORG001) {
                out.report(Org001 {
                    branch: id.clone(),
                    day,
                    full_members: full,
                    required_from,
                    secretary: b.branch.secretary.clone(),
                });
            }
            if b.branch.secretary.is_none() && out.wants(RuleCode::ORG002) {
                out.report(Org002 {
                    branch: id.clone(),
                    day,
                    committee: false,
                    size: 0,
                    min,
                    max,
                    secretary: false,
                    not_in_branch: Vec::new(),
                });
            }
        }
        Some(c) => {
            let mut seated: Vec<&Id> = Vec::new();
            let mut not_in_branch: Vec<Id> = Vec::new();
            for s in &c.members {
                if seated.contains(&&s.member) || not_in_branch.contains(&s.member) {
                    continue;
                }
                match cx.member(s.member.as_str()) {
                    Some(m) if cx.in_branch_on(m, day) => seated.push(&s.member),
                    _ => not_in_branch.push(s.member.clone()),
                }
            }
            let size = seated.len() as u32;
            let secretary = c
                .members
                .iter()
                .any(|s| s.role == CommitteeRole::Secretary && seated.contains(&&s.member));
            if (size < min || size > max || !secretary) && out.wants(RuleCode::ORG002) {
                out.report(Org002 {
                    branch: id.clone(),
                    day,
                    committee: true,
                    size,
                    min,
                    max,
                    secretary,
                    not_in_branch,
                });
            }
            terms::check(cx, c, out);
        }
    }

    let min_full = *p.branch_min_full.at(day);
    let max_members = *p.branch_max_members.at(day);
    if (full < min_full || members > max_members) && out.wants(RuleCode::ORG004) {
        out.report(Org004 {
            branch: id.clone(),
            day,
            full_members: full,
            members,
            min_full,
            max_members,
        });
    }
}

// ---------------------------------------------------------------------------
// Violations

#[derive(Serialize)]
struct Org001 {
    #[serde(skip)]
    branch: Id,
    #[serde(skip)]
    day: NaiveDate,
    full_members: u32,
    required_from: u32,
    secretary: Option<Id>,
}

impl Violation for Org001 {
    const CODE: RuleCode = RuleCode::ORG001;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    /// None: the fault is the branch's state, not a day's, so its id
    /// (`…/branch:B01/-`) does not change when a later `as_of` finds it again.
    fn period(&self) -> Option<DateRange> {
        None
    }
    /// The thresholds' edition is that of `as_of`.
    fn date(&self) -> Option<NaiveDate> {
        Some(self.day)
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "支部有正式党员{}名（{}名以上应设立支部委员会），未设立支部委员会",
                self.full_members, self.required_from
            ),
            format!(
                "the branch has {} full members ({} or more need a branch committee) and no committee",
                self.full_members, self.required_from
            ),
        )
    }
}

#[derive(Serialize)]
struct Org002 {
    #[serde(skip)]
    branch: Id,
    #[serde(skip)]
    day: NaiveDate,
    committee: bool,
    size: u32,
    min: u32,
    max: u32,
    secretary: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_in_branch: Vec<Id>,
}

impl Violation for Org002 {
    const CODE: RuleCode = RuleCode::ORG002;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    /// None: the fault is the branch's state, not a day's, so its id
    /// (`…/branch:B01/-`) does not change when a later `as_of` finds it again.
    fn period(&self) -> Option<DateRange> {
        None
    }
    /// The thresholds' edition is that of `as_of`.
    fn date(&self) -> Option<NaiveDate> {
        Some(self.day)
    }
    fn message(&self) -> Message {
        if !self.committee {
            return Message::new(
                "支部未设立支部委员会，也未记录支部书记",
                "the branch has neither a committee nor a secretary on record",
            );
        }
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.size < self.min || self.size > self.max {
            zh.push(format!(
                "支部委员会现有委员{}名（应为{}至{}名）",
                self.size, self.min, self.max
            ));
            en.push(format!(
                "the committee has {} members (should be {} to {})",
                self.size, self.min, self.max
            ));
        }
        if !self.secretary {
            zh.push("支部委员会未设书记".to_owned());
            en.push("the committee has no secretary".to_owned());
        }
        Message::new(zh.join("；"), en.join("; "))
    }
}

#[derive(Serialize)]
struct Org004 {
    #[serde(skip)]
    branch: Id,
    #[serde(skip)]
    day: NaiveDate,
    full_members: u32,
    members: u32,
    min_full: u32,
    max_members: u32,
}

impl Violation for Org004 {
    const CODE: RuleCode = RuleCode::ORG004;
    fn subject(&self) -> Subject {
        Subject::branch(&self.branch)
    }
    /// None: the fault is the branch's state, not a day's, so its id
    /// (`…/branch:B01/-`) does not change when a later `as_of` finds it again.
    fn period(&self) -> Option<DateRange> {
        None
    }
    /// The thresholds' edition is that of `as_of`.
    fn date(&self) -> Option<NaiveDate> {
        Some(self.day)
    }
    /// The threshold crossed (both are 支部工作条例 art. 4 in the central profile).
    fn cites(&self) -> Option<&'static [Cite]> {
        const FEW: &[Cite] = &[param("organisation.branch_min_full")];
        const MANY: &[Cite] = &[param("organisation.branch_max_members")];
        const BOTH: &[Cite] = &[
            param("organisation.branch_min_full"),
            param("organisation.branch_max_members"),
        ];
        let few = self.full_members < self.min_full;
        let many = self.members > self.max_members;
        Some(match (few, many) {
            (true, true) => BOTH,
            (true, false) => FEW,
            _ => MANY,
        })
    }
    fn message(&self) -> Message {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if self.full_members < self.min_full {
            zh.push(format!(
                "支部正式党员仅{}名（不足{}名的一般应成立联合党支部）",
                self.full_members, self.min_full
            ));
            en.push(format!(
                "the branch has only {} full members (fewer than {}: usually a joint branch)",
                self.full_members, self.min_full
            ));
        }
        if self.members > self.max_members {
            zh.push(format!(
                "支部党员{}名，超过{}名（一般应成立党总支）",
                self.members, self.max_members
            ));
            en.push(format!(
                "the branch has {} members, more than {} (usually a general branch)",
                self.members, self.max_members
            ));
        }
        Message::new(zh.join("；"), en.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ORG004 cites the parameter of each threshold crossed. (In the central
    /// profile both have the same source, so a finding shows one citation;
    /// a profile may give them different ones.)
    #[test]
    fn org004_cites_each_threshold_crossed() {
        let cites = |full_members, members| {
            Org004 {
                branch: "B1".parse().unwrap(),
                day: crate::testing::d("2025-12-31"),
                full_members,
                members,
                min_full: 3,
                max_members: 50,
            }
            .cites()
            .unwrap()
            .to_vec()
        };
        let few = param("organisation.branch_min_full");
        let many = param("organisation.branch_max_members");
        assert_eq!(cites(2, 51), [few, many]);
        assert_eq!(cites(2, 50), [few]);
        assert_eq!(cites(3, 51), [many]);
        assert_eq!(cites(2, 3), [few]);
    }
}
