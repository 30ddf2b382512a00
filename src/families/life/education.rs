//! Education rules (教育培训): EDU001–EDU002.
//!
//! Each ended year that overlaps the audit period and the member's time in the
//! branch is checked. The hours are the member's `trainings` dated in that
//! year (by `as_of`). The requirement is for a whole year in the branch; a
//! member who joined or left during the year owes it **pro rata by days**:
//! a member in the branch for 184 of 365 days owes 32 × 184 / 365 ≈ 16.1
//! hours. The comparison is exact (`hours × days_in_year < required ×
//! days_in_branch`), so no rounding decides a boundary.
//!
//! Committee members and the secretary (cadres) owe the cadre hours (56); a
//! cadre short of them gets `EDU002` only, not also `EDU001` (unless `EDU002`
//! is switched off, when the member requirement still applies to them).
//!
//! Sources. The 32 hours are 党员教育管理工作条例 art. 20: "党员每年集中学习培训
//! 时间一般不少于32学时" (confirmed, full text). The 56 hours for 基层党组织书记和
//! 班子成员 were found only in an English rendering of an unnamed 全国党员教育培训
//! 工作规划; which plan (2014–2018 or 2019–2023) sets them, and its Chinese
//! wording, could not be confirmed. So EDU002 cites art. 20 (the annual training
//! every member owes, confirmed) and the profile's `education.cadre_hours`,
//! whose central source says the 56 are practice with an unverified plan, and
//! its finding says so.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::families::context::Context;
use crate::kit::{Emitter, EvidenceKey, RuleCode, RuleMeta, SharedViolation, coded};
use crate::kit::{key, param};
use crate::model::{DateRange, Hours, Id, Member, PeriodSpec};
use crate::period::{self, PeriodKind};
use crate::vocab::sources::{JIAOYU, PRACTICE, cite};
use crate::vocab::{Message, Severity, Subject};

/// The education rules' metadata.
pub(crate) static META: &[RuleMeta] = &[
    RuleMeta {
        code: RuleCode::EDU001,
        name: "training-hours-short",
        severity: Severity::Warning,
        summary: "a member had fewer than 32 training hours in a year (pro rata for part years)",
        what: "A member's `trainings` hours dated in an ended year that overlaps the audit period \
               are fewer than `education.member_hours` (32), pro rata by days for a member in the \
               branch for part of the year. Committee members and the secretary are checked by \
               EDU002 instead.",
        why: "Every member takes part in concentrated study and training for at least 32 class \
              hours a year.",
        example: "M09 has 16 + 15.5 = 31.5 hours in 2025: EDU001 for 2025.",
        // 教育条例 art. 20: "党员每年集中学习培训时间一般不少于32学时。"
        source: "党员教育管理工作条例 第二十条",
        citations: &[param("education.member_hours")],
        evidence: SHORT_KEYS,
        practice: false,
        since: "0.1.0",
    },
    RuleMeta {
        code: RuleCode::EDU002,
        name: "cadre-training-hours-short",
        severity: Severity::Warning,
        summary: "a committee member or secretary had fewer than 56 training hours in a year",
        what: "A member holding a committee seat, or the branch's `secretary`, has fewer \
               `trainings` hours in an ended year overlapping the audit period than \
               `education.cadre_hours` (56), pro rata by days for part years.",
        why: "Secretaries and committee members of grass-roots organisations are expected to take \
              part in concentrated training and collective study for at least 56 class hours a \
              year. The annual training duty is 党员教育管理工作条例 art. 20; the 56 hours come \
              from a 全国党员教育培训工作规划 whose edition and wording could not be confirmed, \
              so the figure is treated as practice.",
        example: "The secretary has 55.5 hours in 2025: EDU002 for 2025.",
        source: "党员教育管理工作条例 第二十条 (annual training); practice for the 56 hours \
                 (全国党员教育培训工作规划, edition unconfirmed)",
        citations: &[cite(JIAOYU, "第二十条"), param("education.cadre_hours")],
        evidence: SHORT_KEYS,
        practice: true,
        since: "0.1.0",
    },
];

/// The evidence of a shortfall of training hours (EDU001, EDU002).
const SHORT_KEYS: &[EvidenceKey] = &[
    key("member", "string (member id)", "the member"),
    key("year", "integer", "the year"),
    key(
        "hours",
        "hours (string)",
        "training hours that year, to 0.1",
    ),
    key(
        "required",
        "string (decimal)",
        "the hours owed for the days in the branch, to 0.1",
    ),
    key("annual", "integer", "the hours owed for a whole year"),
    key(
        "days_in_branch",
        "integer",
        "days of the year the member belonged to the branch",
    ),
    key("days_in_year", "integer", "days of the year"),
];

const CODES: &[RuleCode] = &[RuleCode::EDU001, RuleCode::EDU002];

/// Whether `member` is a cadre: holds a committee seat or is the branch's `secretary`.
pub(crate) fn is_cadre(cx: &Context<'_>, member: &Member) -> bool {
    let b = &cx.bundle.branch;
    b.secretary.as_ref().is_some_and(|s| *s == member.id)
        || b.committee
            .as_ref()
            .is_some_and(|c| c.members.iter().any(|s| s.member == member.id))
}

/// The training hours of the member at `pos` dated in `range` (by `as_of`).
fn hours_in(cx: &Context<'_>, pos: usize, range: DateRange) -> Decimal {
    let ts = &cx.index.member_records(pos).trainings;
    let a = ts.partition_point(|t| t.date < range.from);
    ts.get(a..)
        .unwrap_or(&[])
        .iter()
        .take_while(|t| t.date <= range.to)
        .filter(|t| t.date <= cx.as_of)
        .map(|t| t.hours.decimal())
        .fold(Decimal::ZERO, |acc, h| acc.saturating_add(h))
}

/// The annual requirement of `member` in hours, in force on `on` (the
/// start of the year).
fn annual(cx: &Context<'_>, member: &Member, cadre_rule: bool, on: chrono::NaiveDate) -> u32 {
    let e = &cx.profile.education;
    if cadre_rule && is_cadre(cx, member) {
        *e.cadre_hours.at(on)
    } else {
        *e.member_hours.at(on)
    }
}

/// For the text report: the member's training hours in the audit period (by
/// `as_of`), and what they owe for their time in the branch during it, pro
/// rata by days of each calendar year.
pub(crate) fn hours_in_period(
    cx: &Context<'_>,
    pos: usize,
    member: &Member,
    span: DateRange,
) -> (Decimal, Decimal) {
    let hours = hours_in(cx, pos, cx.period);
    let mut required = Decimal::ZERO;
    for y in period::periods(PeriodKind::Year, cx.period) {
        let yr = y.range();
        let need = Decimal::from(annual(cx, member, true, yr.from));
        let Some(d) = period::intersect(&yr, &cx.period).and_then(|r| period::intersect(&r, &span))
        else {
            continue;
        };
        required += need * Decimal::from(d.days()) / Decimal::from(yr.days());
    }
    (hours, required)
}

/// Runs the education rules over every member of the bundle.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants_any(CODES) {
        return;
    }
    let cadre_rule = out.wants(RuleCode::EDU002);
    let all = DateRange {
        from: chrono::NaiveDate::MIN,
        to: chrono::NaiveDate::MAX,
    };
    let years = period::checked_spans(cx, PeriodKind::Year, all);
    for (pos, m) in cx.bundle.members.iter().enumerate() {
        if !cx.index.is_first_member(pos) {
            continue; // a duplicate id: DAT002
        }
        let Some(span) = cx.member_span(m) else {
            continue;
        };
        let cadre = cadre_rule && is_cadre(cx, m);
        if !cadre && !out.wants(RuleCode::EDU001) {
            continue;
        }
        for &(spec, yr) in &years {
            let PeriodSpec::Year(year) = spec else {
                continue;
            };
            let need = annual(cx, m, cadre_rule, yr.from);
            // Whether the hours applied are practice by their source.
            let e = &cx.profile.education;
            let param = if cadre {
                &e.cadre_hours
            } else {
                &e.member_hours
            };
            let practice = param.edition_at(Some(yr.from)).source.document == PRACTICE;
            let Some(inside) = period::intersect(&yr, &span) else {
                continue;
            };
            let hours = hours_in(cx, pos, yr);
            let days = inside.days();
            let year_days = yr.days();
            // Exact: hours / days_in_year < need / days_in_branch, cross-multiplied.
            // (An absurd number of hours that overflows is not short.)
            let short = hours
                .checked_mul(Decimal::from(year_days))
                .is_some_and(|h| h < Decimal::from(need) * Decimal::from(days));
            if !short {
                continue;
            }
            let required = (Decimal::from(need) * Decimal::from(days) / Decimal::from(year_days))
                .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            let v = Short {
                member: m.id.clone(),
                name: m.name.clone(),
                year,
                hours: Hours::new(hours.round_dp(1)).unwrap_or(Hours::ZERO),
                required: required.normalize().to_string(),
                annual: need,
                days_in_branch: days,
                days_in_year: year_days,
                cadre,
                practice,
            };
            if cadre {
                out.report(Edu002(v));
            } else {
                out.report(Edu001(v));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Violations

#[derive(Serialize)]
struct Short {
    member: Id,
    #[serde(skip)]
    name: String,
    year: i32,
    hours: Hours,
    required: String,
    annual: u32,
    days_in_branch: i64,
    days_in_year: i64,
    #[serde(skip)]
    cadre: bool,
    /// Whether the hours required are practice (by their source).
    #[serde(skip)]
    practice: bool,
}

impl SharedViolation for Short {
    fn subject(&self) -> Subject {
        Subject::member(&self.member)
    }

    fn period(&self) -> Option<DateRange> {
        Some(DateRange::year(self.year))
    }

    fn message(&self, _code: RuleCode) -> Message {
        let part = self.days_in_branch < self.days_in_year;
        let (zh_pr, en_pr) = if part {
            (
                format!(
                    "（全年{}学时，按在支部{}/{}天折算）",
                    self.annual, self.days_in_branch, self.days_in_year
                ),
                format!(
                    " ({} a year, pro rata for {} of {} days in the branch)",
                    self.annual, self.days_in_branch, self.days_in_year
                ),
            )
        } else {
            (String::new(), String::new())
        };
        let (zh_who, en_who) = if self.cadre {
            ("（支部班子成员）", " (committee member / secretary)")
        } else {
            ("", "")
        };
        let (zh_note, en_note) = if self.practice {
            (
                format!("（每年{}学时为地方通行做法）", self.annual),
                format!(" ({} hours a year is local practice)", self.annual),
            )
        } else {
            (String::new(), String::new())
        };
        Message::new(
            format!(
                "{}（{}）{zh_who}{}年参加集中学习培训{}学时，少于要求的{}学时{zh_pr}{zh_note}",
                self.name, self.member, self.year, self.hours, self.required
            ),
            format!(
                "{} ({}){en_who} had {} training hours in {}, fewer than the {} required{en_pr}{en_note}",
                self.name, self.member, self.hours, self.year, self.required
            ),
        )
    }
}

coded! {
    Edu001(Short) = EDU001;
    Edu002(Short) = EDU002;
}
