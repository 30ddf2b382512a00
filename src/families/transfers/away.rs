//! Members away (流动党员, 失联党员, 出国出境党员): not transferred (REL004),
//! lost contact unresolved (REL005), abroad without contact (REL006).

use chrono::NaiveDate;
use serde::Serialize;

use super::{MEMBER, Person, months_reached_on};
use crate::families::context::Context;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation, key, param};
use crate::model::{DateRange, Mobility, MobilityKind, PeriodSpec, TransferDirection, sub_months};
use crate::vocab::{Message, Severity, Subject};

pub(super) static RULES: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::REL004,
        name: "mobile-member-not-transferred",
        severity: Severity::Warning,
        summary: "away 6 months or more at a fixed place without transferring the relations",
        what: "A `mobility` record of kind `work`, `study` or `life` with `place_fixed`, whose \
               days from `from` to `to` (absent, or after `as_of`: to `as_of`) cover \
               `transfers.mobile_months` (6) calendar months or more — the last day is on or \
               after `from` + 6 months − 1 day — with no outgoing transfer of the member issued \
               from `transfers.record_window_months` (1) month before `from` to that last day \
               (a letter issued just before leaving counts, as for REL003).",
        why: "A member who goes away to work, study or live for 6 months or more at a relatively \
              fixed place must move their relations there, so that a branch where they are can \
              organise their Party life.",
        example: "Away in 深圳 from 2025-01-10, still away, no letter: 6 months on 2025-07-09.",
        source: "教育条例 第二十五条",
        // 教育条例 art. 25: "外出学习、工作、生活6个月以上并且地点相对固定的，应当转移
        // 组织关系" — the source of `transfers.mobile_months`.
        citations: &[
            param("transfers.mobile_months"),
            param("transfers.record_window_months"),
        ],
        evidence: &[
            MEMBER,
            key("kind", "string", "`work`, `study` or `life`"),
            key("from", "date", "the first day away"),
            key("to", "date or null", "the last day away (null: still away)"),
            key("place", "string or null", "where"),
            key(
                "away_until",
                "date",
                "the last day counted: `to`, or `as_of`",
            ),
            key("months", "integer", "`transfers.mobile_months`"),
            key(
                "reached_on",
                "date",
                "the day the member had been away that many months",
            ),
        ],
        practice: false,
        since: "0.2.0",
    },
    RuleMeta {
        code: RuleCode::REL005,
        name: "lost-contact-unresolved",
        severity: Severity::Error,
        summary: "out of contact 6 months or more with no decision to suspend membership",
        what: "A `mobility` record of kind `lost_contact` whose days from `from` to `to` (absent, \
               or after `as_of`: to `as_of`) cover `transfers.lost_contact_months` (6) calendar \
               months or more, with no `suspended_on` on or before `as_of` (停止党籍).",
        why: "A member the branch has lost contact with for 6 months or more, and who cannot be \
              found by any means, has their membership suspended by a decision of the branch \
              or the higher organisation; an open case leaves the roll wrong.",
        example: "Lost contact since 2025-01-01, no decision by 2025-06-30.",
        source: "教育条例 第二十四条",
        // 教育条例 art. 24: "对与党组织失去联系6个月以上、通过各种方式查找仍然没有取得
        // 联系的党员，予以停止党籍" — the source of `transfers.lost_contact_months`.
        citations: &[param("transfers.lost_contact_months")],
        evidence: &[
            MEMBER,
            key("from", "date", "the first day out of contact"),
            key(
                "to",
                "date or null",
                "the last day out of contact (null: still)",
            ),
            key(
                "away_until",
                "date",
                "the last day counted: `to`, or `as_of`",
            ),
            key("months", "integer", "`transfers.lost_contact_months`"),
            key(
                "reached_on",
                "date",
                "the day that many months were reached",
            ),
        ],
        practice: false,
        since: "0.2.0",
    },
    RuleMeta {
        code: RuleCode::REL006,
        name: "abroad-contact-missing",
        severity: Severity::Warning,
        summary: "a member abroad with no contact in a half-year",
        what: "For a `mobility` record of kind `abroad`: each calendar period of \
               `transfers.abroad_contact_period` (a half-year: H1, H2) that lies wholly inside \
               the record (from `from` to `to`, or to `as_of`), has ended by `as_of`, overlaps \
               the audit period (and the member's time in the branch, when the bundle has the \
               member) and has no `talks` record naming the member. One finding per \
               half-year; subject the member, period the half-year.",
        why: "The branch keeping the relations of a member studying or researching abroad must \
              contact them at least once every half year.",
        example: "Abroad from 2024-12-15, talks on 2025-03-02 and none in 2025-H2.",
        source: "教育条例 第三十四条",
        // 教育条例 art. 34: "对出国（境）学习研究党员，由原就读高校或者工作单位党组织
        // 保留其组织关系，每半年至少与其联系1次" — the source of
        // `transfers.abroad_contact_period`.
        citations: &[param("transfers.abroad_contact_period")],
        evidence: &[
            MEMBER,
            key(
                "period",
                "string (YYYY-Hn, or the period's spec)",
                "the period without contact",
            ),
            key("abroad_from", "date", "the first day abroad"),
            key(
                "abroad_to",
                "date or null",
                "the last day abroad (null: still)",
            ),
            key("place", "string or null", "where"),
        ],
        practice: false,
        since: "0.2.0",
    },
];

pub(super) fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for m in &cx.bundle.mobility {
        if m.from > cx.as_of {
            continue; // not away yet (the check below skips it too: mutants of this test are equivalent)
        }
        // The last day counted: `to`, or `as_of` while still away.
        let until = m.to.map_or(cx.as_of, |t| t.min(cx.as_of));
        if until < m.from {
            continue; // DAT003 (each rule below finds nothing then either, every threshold being a month or more: equivalent mutants)
        }
        match m.kind {
            MobilityKind::Work | MobilityKind::Study | MobilityKind::Life => {
                if m.place_fixed {
                    not_transferred(cx, m, until, out);
                }
            }
            MobilityKind::LostContact => lost_contact(cx, m, until, out),
            MobilityKind::Abroad => {
                if out.wants(RuleCode::REL006) {
                    abroad(cx, m, until, out);
                }
            }
        }
    }
}

/// REL004.
fn not_transferred(cx: &Context<'_>, m: &Mobility, until: NaiveDate, out: &mut Emitter<'_>) {
    let t = &cx.profile.transfers;
    let months = *t.mobile_months.at(m.from);
    let reached = months_reached_on(m.from, months);
    if until < reached {
        return;
    }
    let window = sub_months(m.from, *t.record_window_months.at(m.from));
    let transferred = cx.bundle.transfers.iter().any(|x| {
        x.member == m.member
            && x.direction == TransferDirection::Out
            && x.issued_on >= window
            && x.issued_on <= until
    });
    if !transferred {
        out.report(Rel004 {
            who: Person::of(cx, &m.member),
            kind: m.kind,
            from: m.from,
            to: m.to,
            place: m.place.clone(),
            away_until: until,
            months,
            reached_on: reached,
        });
    }
}

/// REL005.
fn lost_contact(cx: &Context<'_>, m: &Mobility, until: NaiveDate, out: &mut Emitter<'_>) {
    let months = *cx.profile.transfers.lost_contact_months.at(m.from);
    let reached = months_reached_on(m.from, months);
    let decided = m.suspended_on.is_some_and(|d| d <= cx.as_of);
    if until >= reached && !decided {
        out.report(Rel005 {
            who: Person::of(cx, &m.member),
            from: m.from,
            to: m.to,
            away_until: until,
            months,
            reached_on: reached,
        });
    }
}

/// REL006: each period wholly inside the stay abroad with no talk.
fn abroad(cx: &Context<'_>, m: &Mobility, until: NaiveDate, out: &mut Emitter<'_>) {
    let kind = *cx.profile.transfers.abroad_contact_period.at(m.from);
    let Some(stay) = DateRange::new(m.from, until) else {
        return;
    };
    let active = cx.member(m.member.as_str()).and_then(|x| cx.member_span(x));
    for (spec, range) in crate::period::spans(kind, stay) {
        let inside = range.from >= stay.from && range.to <= stay.to;
        if !inside || !cx.checks_period(&range) || active.is_some_and(|a| !a.overlaps(&range)) {
            continue;
        }
        let talked =
            cx.bundle.talks.iter().any(|t| {
                range.contains(t.date) && t.date <= cx.as_of && t.members.contains(&m.member)
            });
        if !talked {
            out.report(Rel006 {
                who: Person::of(cx, &m.member),
                period: spec,
                abroad_from: m.from,
                abroad_to: m.to,
                place: m.place.clone(),
            });
        }
    }
}

fn place_zh(place: &Option<String>) -> String {
    place
        .as_ref()
        .map(|p| format!("（{p}）"))
        .unwrap_or_default()
}

fn place_en(place: &Option<String>) -> String {
    place
        .as_ref()
        .map(|p| format!(" ({p})"))
        .unwrap_or_default()
}

fn kind_zh(kind: MobilityKind) -> &'static str {
    match kind {
        MobilityKind::Work => "外出务工经商",
        MobilityKind::Study => "外出学习",
        MobilityKind::Life => "外出居住",
        MobilityKind::Abroad => "出国（境）",
        MobilityKind::LostContact => "失去联系",
    }
}

#[derive(Serialize)]
struct Rel004 {
    #[serde(flatten)]
    who: Person,
    kind: MobilityKind,
    from: NaiveDate,
    to: Option<NaiveDate>,
    place: Option<String>,
    away_until: NaiveDate,
    months: u32,
    reached_on: NaiveDate,
}

impl Violation for Rel004 {
    const CODE: RuleCode = RuleCode::REL004;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        DateRange::new(self.from, self.away_until).or(Some(DateRange::day(self.from)))
    }
    /// Until `as_of` while still away.
    fn open_ended(&self) -> bool {
        self.to != Some(self.away_until)
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}自{}{}{}，地点相对固定，至{}已满{}个月，未转移组织关系",
                self.who.zh(),
                self.from,
                kind_zh(self.kind),
                place_zh(&self.place),
                self.reached_on,
                self.months
            ),
            format!(
                "{} has been away ({}){} at a fixed place since {}: {} months on {}, and the \
                 relations were not transferred",
                self.who.en(),
                self.kind,
                place_en(&self.place),
                self.from,
                self.months,
                self.reached_on
            ),
        )
    }
}

#[derive(Serialize)]
struct Rel005 {
    #[serde(flatten)]
    who: Person,
    from: NaiveDate,
    to: Option<NaiveDate>,
    away_until: NaiveDate,
    months: u32,
    reached_on: NaiveDate,
}

impl Violation for Rel005 {
    const CODE: RuleCode = RuleCode::REL005;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        DateRange::new(self.from, self.away_until).or(Some(DateRange::day(self.from)))
    }
    /// Until `as_of` while still away.
    fn open_ended(&self) -> bool {
        self.to != Some(self.away_until)
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}自{}与党组织失去联系，至{}已满{}个月，未作出停止党籍的决定",
                self.who.zh(),
                self.from,
                self.reached_on,
                self.months
            ),
            format!(
                "{} has been out of contact since {}: {} months on {}, and no decision to \
                 suspend the membership is recorded",
                self.who.en(),
                self.from,
                self.months,
                self.reached_on
            ),
        )
    }
}

#[derive(Serialize)]
struct Rel006 {
    #[serde(flatten)]
    who: Person,
    period: PeriodSpec,
    abroad_from: NaiveDate,
    abroad_to: Option<NaiveDate>,
    place: Option<String>,
}

impl Violation for Rel006 {
    const CODE: RuleCode = RuleCode::REL006;
    fn subject(&self) -> Subject {
        self.who.subject()
    }
    fn period(&self) -> Option<DateRange> {
        Some(self.period.range())
    }
    fn message(&self) -> Message {
        Message::new(
            format!(
                "{}自{}出国（境）{}，{}党组织未与其联系",
                self.who.zh(),
                self.abroad_from,
                place_zh(&self.place),
                crate::period::zh(self.period)
            ),
            format!(
                "{} has been abroad{} since {}; the branch had no contact with them in {}",
                self.who.en(),
                place_en(&self.place),
                self.abroad_from,
                self.period
            ),
        )
    }
}
