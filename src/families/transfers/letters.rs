//! Letters of transfer (组织关系介绍信): reported late (REL001), receipt
//! missing (REL002), no letter for a member who left (REL003).

use chrono::NaiveDate;
use serde::Serialize;

use super::{MEMBER, Person, days_en};
use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key, param};
use crate::model::{DateRange, LeftReason, TransferDirection, add_months, sub_months};
use crate::vocab::sources::{JIAOYU, PRACTICE, cite};
use crate::vocab::{Message, Severity, Subject};

pub(super) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::REL001,
        name: "transfer-reported-late",
        severity: Severity::Warning,
        summary: "an incoming member reported after the letter's validity, or not at all",
        what: "An incoming transfer (`direction: in`) with `valid_until` whose `reported_on` is \
               after `valid_until`, or absent (or after `as_of`) while `as_of` is past \
               `valid_until`. Reporting on `valid_until` itself is on time. A letter without \
               `valid_until` is not checked (its validity is unknown). Practice: the validity is \
               the letter's own date, set by the issuing organisation.",
        why: "A member transferred in must report (报到) to the receiving branch while the letter \
              is valid; one who has not is managed by nobody — the sending branch keeps the \
              duty until the relations are received.",
        example: "A letter issued 2025-03-01, valid until 2025-04-01, reported 2025-04-02.",
        source: "教育条例 第二十五条; practice (组织关系介绍信有效期)",
        // 教育条例 art. 25: "对组织关系转出但尚未被接收的党员，原所在党组织仍然负有
        // 管理责任。党组织不得无故拒转拒接党员组织关系"; the validity is the letter's.
        citations: &[
            cite(JIAOYU, "第二十五条"),
            cite(PRACTICE, "在组织关系介绍信有效期内报到"),
        ],
        evidence: &[
            MEMBER,
            key("issued_on", "date", "the letter's date"),
            key("valid_until", "date", "the last day it is valid"),
            key(
                "reported_on",
                "date or null",
                "the day the member reported (null: not yet)",
            ),
            key(
                "days_late",
                "integer",
                "days after `valid_until` (to the report, or to `as_of`)",
            ),
            key("org", "string or null", "the sending organisation"),
        ],
        practice: true,
        since: "0.2.0",
    },
    RuleMeta {
        code: RuleCode::REL002,
        name: "transfer-receipt-missing",
        severity: Severity::Warning,
        summary: "no receipt back for an outgoing letter a month after its validity",
        what: "An outgoing transfer (`direction: out`) with `valid_until` and no `receipt_on` (or \
               one after `as_of`) while `as_of` is past `valid_until` + \
               `transfers.receipt_grace_months` (1) month, the day clamped to the month end. A \
               letter without `valid_until` is not checked. Practice: the receipt (回执) and its \
               time are local practice.",
        why: "Until the receipt comes back the branch does not know the member was received, \
              and it remains responsible for them.",
        example: "A letter valid until 2025-04-01 and no receipt on 2025-05-02.",
        source: "教育条例 第二十五条; practice (回执)",
        citations: &[
            param("transfers.receipt_grace_months"),
            cite(JIAOYU, "第二十五条"),
        ],
        evidence: &[
            MEMBER,
            key("issued_on", "date", "the letter's date"),
            key("valid_until", "date", "the last day it is valid"),
            key("receipt_due", "date", "the last day for the receipt"),
            key(
                "grace_months",
                "integer",
                "`transfers.receipt_grace_months`",
            ),
            key(
                "days_overdue",
                "integer",
                "days from `receipt_due` to `as_of`",
            ),
            key("org", "string or null", "the receiving organisation"),
        ],
        practice: true,
        since: "0.2.0",
    },
    RuleMeta {
        code: RuleCode::REL003,
        name: "transfer-record-missing",
        severity: Severity::Warning,
        summary: "a member left the branch without an outgoing letter",
        what: "A member (first record of the id) with `in_branch_to` on or before `as_of` and \
               `left_reason` absent or `transferred` has no outgoing transfer issued from \
               `in_branch_to` − `transfers.record_window_months` (1) month to `in_branch_to` + \
               that, both days inclusive, once `as_of` is past the window. Checked only in a \
               bundle that keeps the `transfers` table (at least one record): a v1 export keeps \
               no letters. The one-month window is local practice.",
        why: "A member who leaves the unit or the place moves their relations (转移组织关系); \
              a departure with no letter leaves the member outside any branch.",
        example: "M07 left on 2025-06-30 (transferred), no letter between 2025-05-30 and \
                  2025-07-30.",
        source: "教育条例 第二十五条; practice for the window",
        // 教育条例 art. 25: "党员工作单位、经常居住地发生变动的……应当转移组织关系".
        citations: &[
            cite(JIAOYU, "第二十五条"),
            param("transfers.record_window_months"),
        ],
        evidence: &[
            MEMBER,
            key("left_on", "date", "`in_branch_to`"),
            key(
                "left_reason",
                "string or null",
                "`left_reason` (null: not recorded)",
            ),
            key("window_from", "date", "the first day a letter counts"),
            key("window_to", "date", "the last day a letter counts"),
            key("months", "integer", "`transfers.record_window_months`"),
            key(
                "nearest_letter",
                "date or null",
                "the outgoing letter nearest to `left_on`, outside the window (null: none)",
            ),
        ],
        practice: false,
        since: "0.2.0",
    },
];

pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    let t = &cx.profile.transfers;
    for tr in &cx.bundle.transfers {
        if tr.issued_on > cx.as_of {
            continue; // not issued yet
        }
        let Some(valid) = tr.valid_until else {
            continue;
        };
        match tr.direction {
            TransferDirection::In => {
                let reported = tr.reported_on.filter(|d| *d <= cx.as_of);
                let until = match reported {
                    Some(r) if r > valid => r,
                    None if cx.as_of > valid => cx.as_of,
                    _ => continue,
                };
                out.report(Rel001 {
                    who: Person::of(cx, &tr.member),
                    issued_on: tr.issued_on,
                    valid_until: valid,
                    reported_on: reported,
                    days_late: (until - valid).num_days(),
                    org: tr.org.clone(),
                });
            }
            TransferDirection::Out => {
                let received = tr.receipt_on.is_some_and(|d| d <= cx.as_of);
                let grace = *t.receipt_grace_months.at(tr.issued_on);
                let due = add_months(valid, grace);
                if !received && cx.as_of > due {
                    out.report(Rel002 {
                        who: Person::of(cx, &tr.member),
                        issued_on: tr.issued_on,
                        valid_until: valid,
                        receipt_due: due,
                        grace_months: grace,
                        days_overdue: (cx.as_of - due).num_days(),
                        org: tr.org.clone(),
                    });
                }
            }
        }
    }

    // REL003: only where the bundle keeps letters at all.
    if cx.bundle.transfers.is_empty() || !out.wants(RuleCode::REL003) {
        return;
    }
    for (pos, m) in cx.bundle.members.iter().enumerate() {
        if !cx.index.is_first_member(pos) {
            continue;
        }
        let Some(left) = m.in_branch_to.filter(|d| *d <= cx.as_of) else {
            continue;
        };
        if !matches!(m.left_reason, None | Some(LeftReason::Transferred)) {
            continue;
        }
        let months = *t.record_window_months.at(left);
        let (from, to) = (sub_months(left, months), add_months(left, months));
        if cx.as_of <= to {
            continue; // the letter may still come
        }
        let letters: Vec<NaiveDate> = cx
            .bundle
            .transfers
            .iter()
            .filter(|x| x.member == m.id && x.direction == TransferDirection::Out)
            .map(|x| x.issued_on)
            .filter(|d| *d <= cx.as_of)
            .collect();
        if letters.iter().any(|d| (from..=to).contains(d)) {
            continue;
        }
        let nearest = letters
            .iter()
            .copied()
            .min_by_key(|d| ((*d - left).num_days().abs(), *d));
        out.report(Rel003 {
            who: Person::of(cx, &m.id),
            left_on: left,
            left_reason: m.left_reason,
            window_from: from,
            window_to: to,
            months,
            nearest_letter: nearest,
        });
    }
}

fn org_zh(org: &Option<String>) -> String {
    org.as_ref().map(|o| format!("（{o}）")).unwrap_or_default()
}

fn org_en(org: &Option<String>) -> String {
    org.as_ref().map(|o| format!(" ({o})")).unwrap_or_default()
}

#[derive(Serialize)]
struct Rel001 {
    #[serde(flatten)]
    who: Person,
    issued_on: NaiveDate,
    valid_until: NaiveDate,
    reported_on: Option<NaiveDate>,
    days_late: i64,
    org: Option<String>,
}

impl Violation for Rel001 {
    const CODE: RuleCode = RuleCode::REL001;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        DateRange::new(self.issued_on, self.valid_until).or(Some(DateRange::day(self.issued_on)))
    }
    fn message(&self) -> Message {
        match self.reported_on {
            Some(r) => Message::new(
                format!(
                    "{}的组织关系介绍信{}于{}开具、有效期至{}，{}才报到，超过有效期{}天",
                    self.who.zh(),
                    org_zh(&self.org),
                    self.issued_on,
                    self.valid_until,
                    r,
                    self.days_late
                ),
                format!(
                    "{} reported on {} with a letter{} issued {} and valid until {}: {} late",
                    self.who.en(),
                    r,
                    org_en(&self.org),
                    self.issued_on,
                    self.valid_until,
                    days_en(self.days_late)
                ),
            ),
            None => Message::new(
                format!(
                    "{}的组织关系介绍信{}于{}开具、有效期至{}，至今未报到，已超过有效期{}天",
                    self.who.zh(),
                    org_zh(&self.org),
                    self.issued_on,
                    self.valid_until,
                    self.days_late
                ),
                format!(
                    "{} has not reported with a letter{} issued {} and valid until {}: {} past \
                     its validity",
                    self.who.en(),
                    org_en(&self.org),
                    self.issued_on,
                    self.valid_until,
                    days_en(self.days_late)
                ),
            ),
        }
    }
}

#[derive(Serialize)]
struct Rel002 {
    #[serde(flatten)]
    who: Person,
    issued_on: NaiveDate,
    valid_until: NaiveDate,
    receipt_due: NaiveDate,
    grace_months: u32,
    days_overdue: i64,
    org: Option<String>,
}

impl Violation for Rel002 {
    const CODE: RuleCode = RuleCode::REL002;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        DateRange::new(self.issued_on, self.receipt_due).or(Some(DateRange::day(self.issued_on)))
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}的组织关系于{}转出{}（介绍信有效期至{}），回执应于{}前退回，至今未收到，已逾期{}天",
                self.who.zh(),
                self.issued_on,
                org_zh(&self.org),
                self.valid_until,
                self.receipt_due,
                self.days_overdue
            ),
            format!(
                "the letter transferring {} out{} on {} (valid until {}) has no receipt back: \
                 due by {}, {} overdue",
                self.who.en(),
                org_en(&self.org),
                self.issued_on,
                self.valid_until,
                self.receipt_due,
                days_en(self.days_overdue)
            ),
        )
    }
}

#[derive(Serialize)]
struct Rel003 {
    #[serde(flatten)]
    who: Person,
    left_on: NaiveDate,
    left_reason: Option<LeftReason>,
    window_from: NaiveDate,
    window_to: NaiveDate,
    months: u32,
    nearest_letter: Option<NaiveDate>,
}

impl Violation for Rel003 {
    const CODE: RuleCode = RuleCode::REL003;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.left_on))
    }
    fn message(&self) -> Message {
        let (near_zh, near_en) = match self.nearest_letter {
            Some(d) => (
                format!("（最近一次转出介绍信为{d}，不在此期间）"),
                format!(" (the nearest outgoing letter, {d}, lies outside)"),
            ),
            None => (String::new(), String::new()),
        };
        Message::new(
            format!(
                "{}于{}离开本支部，{}至{}之间未开具组织关系转出介绍信{}",
                self.who.zh(),
                self.left_on,
                self.window_from,
                self.window_to,
                near_zh
            ),
            format!(
                "{} left the branch on {} and no outgoing letter was issued between {} and {}{}",
                self.who.en(),
                self.left_on,
                self.window_from,
                self.window_to,
                near_en
            ),
        )
    }
}
