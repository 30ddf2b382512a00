//! Data-driven rule fixtures: `tests/cases/<CODE>.json`, one file per rule,
//! one loader, many checks (after regex-automata's `testdata`).
//!
//! A case file:
//!
//! ```json
//! {
//!   "rule": "DUE001",                 // the rules checked (a code or prefix); per case: "rules"
//!   "as_of": "2025-12-31",            // default for its cases
//!   "period": ["2025-01-01", "2025-12-31"],   // optional; default: the year of as_of
//!   "base": { BUNDLE },               // default bundle; a case's tables replace the base's
//!   "cases": [ {
//!       "name": "fires for a month with no payment",
//!       "source": "党费规定 第十二条",  // the regulation the case encodes
//!       "bundle": { "dues_payments": [ ... ] },
//!       "profile": "central-2026",  // optional built-in profile (also at the top)
//!       "params": {"meetings.quorum_inclusive": false},  // optional overrides (also at the top)
//!       "expect": ["DUE001 M1 2025-06-01", ...]   // rule, subject id, period start (or -)
//!   } ]
//! }
//! ```
//!
//! Each case's findings of the selected rules must equal `expect` **exactly**
//! (as a multiset, in report order), so every case shows a rule firing or not
//! firing. An expectation may also be an object
//! `{"finding": "DUE002 M1 2025-04-01", "severity": "warning", "evidence": {..}}`:
//! the severity must match and `evidence` must be a subset of the finding's;
//! `"citations": [{"article": "第十六条", "edition": "2014"}, ..]` lists the
//! finding's citations exactly, in order, each object a subset of the
//! citation's fields (document, article, edition, param).
//! `"cites": ["第十五条", "meetings.party_lecture_period"]` must each occur in
//! some citation (written `document article [param]`), `"not_cites"` in none,
//! and `"message_contains"` in the Chinese or English message.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dangjian::model::DateRange;
use dangjian::{Auditor, Finding};
use serde_json::{Map, Value};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn key(f: &Finding) -> String {
    format!(
        "{} {} {}",
        f.rule,
        f.subject.id,
        f.period.map_or("-".to_owned(), |p| p.from.to_string())
    )
}

fn date(v: &Value, what: &str) -> NaiveDate {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what}: expected a date string"));
    dangjian::parse_date(s).unwrap_or_else(|e| panic!("{what}: {e}"))
}

fn default_branch() -> Value {
    serde_json::json!({"id": "B1", "name": "测试支部", "kind": "organ", "founded_on": "2010-01-01"})
}

/// Runs every case of every file whose name starts with `prefix`; returns the
/// number of cases run. Panics listing every failure.
fn run_prefix(prefix: &str) -> usize {
    let mut files: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case files for {prefix}");
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        count += run_file(file, &mut failures);
    }
    if !failures.is_empty() {
        panic!(
            "{} case(s) failed:\n\n{}",
            failures.len(),
            failures.join("\n\n")
        );
    }
    count
}

fn run_file(file: &Path, failures: &mut Vec<String>) -> usize {
    run_file_into(file, failures, &mut Vec::new())
}

/// Runs the cases of `file` as [`run_file`] does, and appends one line per
/// finding to `snapshot`: where it came from, its key, severity, messages,
/// evidence and citations.
fn run_file_into(file: &Path, failures: &mut Vec<String>, snapshot: &mut Vec<String>) -> usize {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("?")
        .to_owned();
    let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{name}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let rules = doc["rule"]
        .as_str()
        .unwrap_or_else(|| panic!("{name}: no \"rule\""))
        .to_owned();
    let base = doc
        .get("base")
        .cloned()
        .unwrap_or_else(|| Value::Object(Map::new()));
    let cases = doc["cases"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: no \"cases\""));
    assert!(!cases.is_empty(), "{name}: no cases");
    for (i, case) in cases.iter().enumerate() {
        let cname = format!(
            "{name} case {i} ({})",
            case["name"]
                .as_str()
                .unwrap_or_else(|| panic!("{name} case {i}: no name"))
        );
        // Bundle: base tables, replaced by the case's tables.
        let mut bundle = base.as_object().cloned().unwrap_or_default();
        if let Some(over) = case.get("bundle").and_then(Value::as_object) {
            for (k, v) in over {
                bundle.insert(k.clone(), v.clone());
            }
        }
        bundle.entry("branch").or_insert_with(default_branch);
        let bundle_text = Value::Object(bundle).to_string();
        let bundle = match dangjian::load::bundle_from_json(&bundle_text) {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!("{cname}: bundle does not load: {e}"));
                continue;
            }
        };
        let as_of = date(
            case.get("as_of")
                .or(doc.get("as_of"))
                .unwrap_or(&Value::Null),
            &format!("{cname}: as_of"),
        );
        let mut auditor = Auditor::new(as_of);
        if let Some(p) = case.get("period").or(doc.get("period")) {
            let from = date(&p[0], &cname);
            let to = date(&p[1], &cname);
            auditor = auditor.period(DateRange::new(from, to).expect("period from <= to"));
        }
        if let Some(name) = case
            .get("profile")
            .or(doc.get("profile"))
            .and_then(Value::as_str)
        {
            let profile = dangjian::Profile::builtin(name)
                .unwrap_or_else(|| panic!("{cname}: no built-in profile {name:?}"));
            auditor = auditor.profile(profile);
        }
        // Parameter overrides: the file's, then the case's.
        let mut params = serde_json::Map::new();
        for src in [doc.get("params"), case.get("params")]
            .into_iter()
            .flatten()
        {
            if let Some(o) = src.as_object() {
                params.extend(o.clone());
            }
        }
        if !params.is_empty() {
            let mut profile = auditor.profile_ref().clone();
            for (name, value) in params {
                profile
                    .set_param(&name, value, None, None)
                    .unwrap_or_else(|e| panic!("{cname}: {e}"));
            }
            auditor = auditor.profile(profile);
        }
        let sel = case.get("rules").and_then(Value::as_str).unwrap_or(&rules);
        auditor = auditor.select(sel.parse().unwrap_or_else(|e| panic!("{cname}: {e}")));
        let findings = auditor.check(&bundle);
        for f in &findings {
            let cites: Vec<String> = f
                .citations
                .iter()
                .map(|c| {
                    let mut s = format!("{} {}", c.document, c.article);
                    if let Some(e) = &c.edition {
                        s.push_str(&format!(" ({e})"));
                    }
                    if let Some(p) = &c.param {
                        s.push_str(&format!(" [{p}]"));
                    }
                    s
                })
                .collect();
            snapshot.push(format!(
                "{name} #{i} {} {}\n  zh: {}\n  en: {}\n  evidence: {}\n  cites: {}",
                key(f),
                f.severity,
                f.message.zh,
                f.message.en,
                Value::from(f.evidence.clone()),
                cites.join("; ")
            ));
        }

        // Every evidence key a rule emits is documented in its metadata
        // (name, type, meaning), so users need not guess them from source.
        for f in &findings {
            let meta = f.rule.meta().unwrap();
            for k in f.evidence.keys() {
                if !meta.evidence.iter().any(|e| e.name == k) {
                    failures.push(format!(
                        "{cname}: {} emits evidence key {k:?} that its metadata does not list",
                        f.rule
                    ));
                }
            }
        }

        let expect = case["expect"]
            .as_array()
            .unwrap_or_else(|| panic!("{cname}: no \"expect\" list"));
        let want: Vec<String> = expect
            .iter()
            .map(|e| match e {
                Value::String(s) => s.clone(),
                Value::Object(o) => o["finding"].as_str().unwrap_or("?").to_owned(),
                _ => panic!("{cname}: bad expectation {e}"),
            })
            .collect();
        let mut got: Vec<String> = findings.iter().map(key).collect();
        let mut want_sorted = want.clone();
        got.sort();
        want_sorted.sort();
        if got != want_sorted {
            let detail: Vec<String> = findings
                .iter()
                .map(|f| format!("    {}  | {}", key(f), f.message.en))
                .collect();
            failures.push(format!(
                "{cname}\n  expected: {want_sorted:?}\n  got:      {got:?}\n{}",
                detail.join("\n")
            ));
            continue;
        }
        // Detailed expectations: severity, evidence subset, message text. Each
        // is matched to a distinct finding with its key that satisfies it all.
        let mut used = vec![false; findings.len()];
        for e in expect.iter().filter_map(Value::as_object) {
            let k = e["finding"].as_str().unwrap_or("?");
            let mut problems = Vec::new();
            let hit = findings.iter().enumerate().position(|(n, f)| {
                if used[n] || key(f) != k {
                    return false;
                }
                let mut p = Vec::new();
                if let Some(sev) = e.get("severity").and_then(Value::as_str) {
                    if f.severity.as_str() != sev {
                        p.push(format!("severity {} instead of {sev}", f.severity));
                    }
                }
                if let Some(ev) = e.get("evidence").and_then(Value::as_object) {
                    for (field, v) in ev {
                        if f.evidence.get(field) != Some(v) {
                            p.push(format!(
                                "evidence.{field} is {:?}, expected {v}",
                                f.evidence.get(field)
                            ));
                        }
                    }
                }
                if let Some(want) = e.get("citations").and_then(Value::as_array) {
                    let got = serde_json::to_value(&f.citations).unwrap_or(Value::Null);
                    let got = got.as_array().cloned().unwrap_or_default();
                    let fits = got.len() == want.len()
                        && want.iter().zip(&got).all(|(w, g)| {
                            w.as_object()
                                .is_some_and(|w| w.iter().all(|(field, v)| g.get(field) == Some(v)))
                        });
                    if !fits {
                        p.push(format!(
                            "citations are {}, expected {}",
                            Value::Array(got),
                            Value::Array(want.clone())
                        ));
                    }
                }
                let cites: Vec<String> = f
                    .citations
                    .iter()
                    .map(|c| {
                        format!(
                            "{} {}{}",
                            c.document,
                            c.article,
                            c.param
                                .as_ref()
                                .map(|p| format!(" [{p}]"))
                                .unwrap_or_default()
                        )
                    })
                    .collect();
                for want in e
                    .get("cites")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let want = want.as_str().unwrap_or("?");
                    if !cites.iter().any(|c| c.contains(want)) {
                        p.push(format!("no citation contains {want:?}: {cites:?}"));
                    }
                }
                for bad in e
                    .get("not_cites")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let bad = bad.as_str().unwrap_or("?");
                    if cites.iter().any(|c| c.contains(bad)) {
                        p.push(format!("a citation contains {bad:?}: {cites:?}"));
                    }
                }
                if let Some(s) = e.get("message_contains").and_then(Value::as_str) {
                    if !f.message.zh.contains(s) && !f.message.en.contains(s) {
                        p.push(format!("message lacks {s:?}: {:?}", f.message));
                    }
                }
                let ok = p.is_empty();
                problems.extend(p);
                ok
            });
            match hit {
                Some(n) => used[n] = true,
                None => failures.push(format!("{cname}: {k}: {}", problems.join("; "))),
            }
        }
    }
    cases.len()
}

/// Every finding of every case, with its messages, evidence and citations,
/// against `tests/cases/findings.snap` (read it as the catalogue of what the
/// rules say). A change writes `findings.snap.new` beside it and fails;
/// `DANGJIAN_BLESS=1 cargo test --test cases` accepts the new text.
#[test]
fn findings_match_the_snapshot() {
    let mut files: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut lines = Vec::new();
    for file in &files {
        run_file_into(file, &mut failures, &mut lines);
    }
    let got = lines.join("\n") + "\n";
    let path = cases_dir().join("findings.snap");
    let new = cases_dir().join("findings.snap.new");
    if std::env::var_os("DANGJIAN_BLESS").is_some() {
        fs::write(&path, &got).unwrap();
        let _ = fs::remove_file(&new);
        return;
    }
    let want = fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        fs::write(&new, &got).unwrap();
        let diff: Vec<String> = got
            .lines()
            .zip(want.lines().chain(std::iter::repeat("<end>")))
            .filter(|(g, w)| g != w)
            .take(10)
            .map(|(g, w)| format!("- {w}\n+ {g}"))
            .collect();
        panic!(
            "the findings differ from tests/cases/findings.snap ({} lines now, {} before); \
             the new text is in findings.snap.new — compare them, and accept it with \
             DANGJIAN_BLESS=1 cargo test --test cases\n{}",
            got.lines().count(),
            want.lines().count(),
            diff.join("\n")
        );
    }
}

#[test]
fn dues_cases() {
    assert!(run_prefix("DUE") >= 11);
}

#[test]
fn development_cases() {
    assert!(run_prefix("DEV") >= 22);
}

#[test]
fn meetings_cases() {
    assert!(run_prefix("MTG") >= 15);
}

#[test]
fn education_cases() {
    assert!(run_prefix("EDU") >= 2);
}

#[test]
fn organisation_cases() {
    assert!(run_prefix("ORG") >= 5);
}

#[test]
fn ideology_cases() {
    assert!(run_prefix("IDE") >= 1);
}

#[test]
fn transfers_cases() {
    assert!(run_prefix("REL") >= 6);
}

#[test]
fn data_cases() {
    assert!(run_prefix("DAT") >= 3);
}

/// Every registered rule has a case file named after its code.
#[test]
fn every_rule_has_a_case_file() {
    let missing: Vec<&str> = dangjian::rules::registry()
        .iter()
        .map(|r| r.code.as_str())
        .filter(|code| !cases_dir().join(format!("{code}.json")).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "rules without tests/cases/<CODE>.json: {missing:?}"
    );
}
