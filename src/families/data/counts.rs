//! Head counts stated by a meeting record against its attendance (DAT004),
//! and the workbook cells of unresolved references (DAT001's evidence).

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::families::context::Context;
use crate::kit::key;
use crate::kit::{Emitter, RuleCode, RuleMeta, Violation};
use crate::model::{Bundle, DateRange, Id};
use crate::vocab::sources::{DATA_QUALITY, cite};
use crate::vocab::{Finding, Message, Severity, Subject};

pub(crate) static RULES: &[RuleMeta] = &[RuleMeta {
    code: RuleCode::DAT004,
    name: "attendance-count-inconsistent",
    severity: Severity::Warning,
    summary: "a meeting's stated 应到/实到/请假人数 disagrees with its attendance",
    what: "A meeting held in the audit period by `as_of` that states a head count \
           (`expected_count` 应到人数, `present_count` 实到人数, `excused_count` 请假人数 — \
           optional fields added to the record format, read from a workbook's 三会一课 sheet) \
           that differs from its resolved attendance: the members on its roll, those present, \
           those excused (see the attendance roll: an expected member with no entry is absent; \
           in a workbook, an expected member not listed in 缺席请假 is present). One finding per \
           meeting, listing every count that differs. A meeting without stated counts is not \
           checked.",
    why: "A ledger that says 15 came while its absence list leaves 16 is wrong in one of the \
          two places; the quorum, attendance and lapse rules read the list, so the branch \
          should make both agree.",
    example: "实到人数 15 for a meeting of 18 expected members with one 请假 and one 缺席 \
              listed (16 recorded present).",
    source: "data quality",
    citations: &[cite(DATA_QUALITY, "人数一致")],
    evidence: &[
        key("meeting", "meeting id", "the meeting"),
        key("date", "date", "its date"),
        key(
            "mismatches",
            "[{count: string, stated: integer, recorded: integer}]",
            "each count that differs: `expected_count`, `present_count` or `excused_count`, \
             the number stated and the number the attendance records",
        ),
    ],
    practice: false,
    since: "0.2.0",
}];

/// Runs DAT004.
pub(crate) fn run(cx: &Context<'_>, out: &mut Emitter<'_>) {
    if !out.wants(RuleCode::DAT004) {
        return;
    }
    for (i, m) in cx.bundle.meetings.iter().enumerate() {
        if m.expected_count.is_none() && m.present_count.is_none() && m.excused_count.is_none() {
            continue;
        }
        if m.date > cx.as_of || !cx.period.contains(m.date) {
            continue;
        }
        let Some(t) = cx.roll().tally(i) else {
            continue;
        };
        let mut mismatches = Vec::new();
        for (count, stated, recorded) in [
            ("expected_count", m.expected_count, t.expected),
            ("present_count", m.present_count, t.present),
            ("excused_count", m.excused_count, t.excused),
        ] {
            if let Some(stated) = stated {
                if stated != recorded {
                    mismatches.push(Mismatch {
                        count,
                        stated,
                        recorded,
                    });
                }
            }
        }
        if !mismatches.is_empty() {
            out.report(Dat004 {
                meeting: m.id.clone(),
                date: m.date,
                mismatches,
            });
        }
    }
}

#[derive(Serialize)]
struct Mismatch {
    count: &'static str,
    stated: u32,
    recorded: u32,
}

#[derive(Serialize)]
struct Dat004 {
    meeting: Id,
    date: NaiveDate,
    mismatches: Vec<Mismatch>,
}

impl Violation for Dat004 {
    const CODE: RuleCode = RuleCode::DAT004;
    fn subject(&self) -> Subject {
        Subject::meeting(&self.meeting)
    }
    fn period(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
    fn message(&self) -> Message {
        let zh: Vec<String> = self
            .mismatches
            .iter()
            .map(|x| {
                let what = match x.count {
                    "expected_count" => "应到",
                    "present_count" => "实到",
                    _ => "请假",
                };
                format!("记载{what}{}人，考勤记录为{}人", x.stated, x.recorded)
            })
            .collect();
        let en: Vec<String> = self
            .mismatches
            .iter()
            .map(|x| {
                let what = match x.count {
                    "expected_count" => "expected",
                    "present_count" => "present",
                    _ => "excused",
                };
                format!(
                    "{} {what} stated, {} in the attendance",
                    x.stated, x.recorded
                )
            })
            .collect();
        Message::new(
            format!("{}会议（{}）{}", self.date, self.meeting, zh.join("；")),
            format!(
                "meeting {} on {}: {}",
                self.meeting,
                self.date,
                en.join("; ")
            ),
        )
    }
}

/// Marks the findings whose subject's id the workbook reader derived (a
/// member known by name, a meeting by kind and date): evidence
/// `id_derived: true`, so that a reader of the report knows the id is not
/// the branch's own.
pub(crate) fn mark_derived_ids(bundle: &Bundle, findings: &mut [Finding]) {
    use crate::vocab::SubjectKind;
    if !bundle.origins.has_derived() {
        return;
    }
    for f in findings.iter_mut() {
        let kind = match f.subject.kind {
            SubjectKind::Member => "member",
            SubjectKind::Meeting => "meeting",
            SubjectKind::Candidate => "candidate",
            _ => continue,
        };
        if bundle.origins.is_derived(kind, f.subject.id.as_str()) {
            f.evidence.insert("id_derived", Value::Bool(true));
        }
    }
}

/// Adds to each `DAT001` finding the workbook cells its unresolved
/// references came from (evidence `cells`, and the message), when the
/// bundle was read from a workbook.
pub(crate) fn locate_references(bundle: &Bundle, findings: &mut [Finding]) {
    if bundle.origins.is_empty() {
        return;
    }
    for f in findings.iter_mut().filter(|f| f.rule == RuleCode::DAT001) {
        let table = f
            .evidence
            .get("table")
            .and_then(Value::as_str)
            .unwrap_or("");
        let field = f
            .evidence
            .get("field")
            .and_then(Value::as_str)
            .unwrap_or("");
        let records: Vec<usize> = f
            .evidence
            .get("records")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_u64)
                    .map(|r| r as usize)
                    .collect()
            })
            .unwrap_or_default();
        let mut cells: Vec<String> = Vec::new();
        for r in records {
            for c in bundle.origins.cells(table, r, field) {
                if !cells.contains(c) {
                    cells.push(c.clone());
                }
            }
        }
        if cells.is_empty() {
            continue;
        }
        f.message
            .zh
            .push_str(&format!("（单元格 {}）", cells.join("、")));
        f.message
            .en
            .push_str(&format!(" (cells {})", cells.join(", ")));
        f.evidence.insert(
            "cells",
            Value::Array(cells.into_iter().map(Value::String).collect()),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::Auditor;
    use crate::testing::d;

    /// A payment by an unknown member, read (as if) from a workbook: the
    /// DAT001 finding names the cell the id came from.
    #[test]
    fn an_unknown_reference_from_a_workbook_names_its_cells() {
        let mut b = crate::load::bundle_from_json(
            r#"{"branch":{"id":"B1","name":"一支部","kind":"organ"},
                "members":[{"id":"M1","name":"甲","status":"full","admitted_on":"2010-06-01","dues_category":"salaried"}],
                "dues_payments":[{"member":"M99","month":"2025-03","amount":"10.00","paid_on":"2025-03-05"},
                                 {"member":"M99","month":"2025-04","amount":"10.00","paid_on":"2025-04-05"}]}"#,
        )
        .unwrap();
        let auditor = Auditor::new(d("2025-12-31")).select("DAT001".parse().unwrap());
        // From JSON: no cells.
        let plain = auditor.check(&b);
        assert_eq!(plain.len(), 1);
        assert!(!plain[0].evidence.contains_key("cells"));
        b.origins
            .add("dues_payments", 0, "member", "党费收缴!B5".to_owned());
        b.origins
            .add("dues_payments", 1, "member", "党费收缴!B6".to_owned());
        // Another field of the record: not the reference's cell.
        b.origins
            .add("dues_payments", 0, "amount", "党费收缴!E5".to_owned());
        let found = auditor.check(&b);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(
            f.evidence["cells"],
            serde_json::json!(["党费收缴!B5", "党费收缴!B6"])
        );
        assert!(
            f.message
                .zh
                .ends_with("（单元格 党费收缴!B5、党费收缴!B6）"),
            "{}",
            f.message.zh
        );
        assert!(
            f.message.en.ends_with(" (cells 党费收缴!B5, 党费收缴!B6)"),
            "{}",
            f.message.en
        );
        // Origins that name none of the finding's records leave it alone.
        let mut other = crate::load::bundle_from_json(
            r#"{"branch":{"id":"B1","name":"一支部","kind":"organ"},
                "dues_payments":[{"member":"M99","month":"2025-03","amount":"10.00","paid_on":"2025-03-05"}]}"#,
        )
        .unwrap();
        other
            .origins
            .add("members", 0, "id", "党员名册!A2".to_owned());
        let found = auditor.check(&other);
        assert!(!found[0].evidence.contains_key("cells"));
        assert!(!found[0].message.en.contains("cells"));
    }
}
