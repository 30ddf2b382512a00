//! Profile files (PROFILE.md): reading, located errors, `[rules]`, accepts.

mod common;

use std::path::{Path, PathBuf};

use dangjian::model::DateRange;
use dangjian::rules::RuleCode;
use dangjian::{Auditor, ErrorKind, NaiveDate, Profile, Report, Severity};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/profile-example.toml"
);

/// A fresh folder for one test's files.
fn dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("profiles")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn audit(profile: Profile) -> Report {
    Auditor::new(common::as_of())
        .profile(profile)
        .audit(&common::sample())
}

const HEAD: &str = "format = \"dangjian-profile/1\"\n";

// ---------------------------------------------------------------------------
// Reading

#[test]
fn a_file_without_overrides_gives_the_builtin_report() {
    let d = dir("plain");
    for builtin in ["central", "central-2026"] {
        let path = write(
            &d,
            "plain.toml",
            &format!("{HEAD}name = \"plain\"\nextends = \"{builtin}\"\n"),
        );
        let p = Profile::from_toml_path(&path).unwrap();
        let as_of = date("2026-12-31");
        let from_file = Auditor::new(as_of).profile(p).audit(&common::sample());
        let mut builtin_report = Auditor::new(as_of)
            .profile(Profile::builtin(builtin).unwrap())
            .audit(&common::sample());
        assert!(!builtin_report.findings.is_empty());
        assert_eq!(from_file.profile.name, "plain");
        assert_eq!(from_file.profile.extends, [builtin]);
        assert_eq!(
            from_file.profile.edition, builtin_report.profile.edition,
            "{builtin}"
        );
        builtin_report.profile = from_file.profile.clone();
        assert_eq!(from_file.to_json(), builtin_report.to_json(), "{builtin}");
    }
}

#[test]
fn the_header_names_the_chain_and_hashes_the_files() {
    let d = dir("chain");
    write(&d, "plain.toml", &format!("{HEAD}name = \"plain\"\n"));
    let sub = d.join("city");
    std::fs::create_dir_all(&sub).unwrap();
    let child = write(
        &sub,
        "child.toml",
        &format!("{HEAD}name = \"child\"\nextends = \"../plain.toml\"\n"),
    );
    let parent = Profile::from_toml_path(d.join("plain.toml")).unwrap();
    // sha256sum of the file.
    assert_eq!(
        parent.header().sha256.as_deref(),
        Some("f5e64d00f493d5b03f2cbc006922c3b8d319186e106ef97d7eaeea4c6621381e")
    );
    let p = Profile::from_toml_path(&child).unwrap();
    let h = p.header();
    assert_eq!(h.name, "child");
    assert_eq!(h.extends.len(), 2);
    assert_eq!(h.extends[0], "central");
    assert!(h.extends[1].ends_with("plain.toml"), "{:?}", h.extends);
    assert!(!h.extends[1].contains(".."), "{:?}", h.extends);
    // `cat plain.toml city/child.toml | sha256sum`.
    assert_eq!(
        h.sha256.as_deref(),
        Some("21efc2cf8327948ab7838beb9f19040a37421a48f1686cac9a6769e1913f3e45")
    );
}

#[test]
fn the_example_profile_reads_and_applies() {
    let p = Profile::from_toml_path(EXAMPLE).unwrap();
    assert_eq!(p.name, "某省直机关");
    let days = &p.development.publicity_min_working_days;
    assert_eq!(*days.value(), 7);
    assert_eq!(
        days.source().document,
        "某省委组织部关于进一步规范发展党员工作的通知（某组通〔2021〕5号）"
    );
    assert_eq!(days.source().article, "第三条");
    assert!(days.editions().all(|e| e.set_in.starts_with(EXAMPLE)));
    let lecture = p.meetings.party_lecture_period.source();
    assert_eq!(lecture.article, "第十条");
    let absences = &p.meetings.absence_threshold;
    assert_eq!(*absences.at(date("2025-06-30")), 3);
    assert_eq!(*absences.at(date("2025-07-01")), 2);
    assert_eq!(*p.education.member_hours.value(), 40);
    assert!(*p.dues.receipt_required.value());
    assert_eq!(
        p.rule_level(RuleCode::DUE003),
        Some(dangjian::profile::RuleLevel::Off)
    );
    assert_eq!(p.accepts.len(), 1);
    let s = p.scoring.as_ref().unwrap();
    assert_eq!(s.levels.len(), 5);
    assert_eq!(s.deduct[0].points.to_string(), "0.5");
    assert_eq!(s.veto.as_ref().unwrap().cap, "二星");
    // Central values untouched where not overridden.
    assert_eq!(p.dues.lapse_months, Profile::central().dues.lapse_months);

    let text = p.explain();
    let line = std::fs::read_to_string(EXAMPLE)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("\"development.publicity_min_working_days\""))
        .unwrap()
        + 1;
    assert!(text.contains(&format!("{EXAMPLE}:{line}")), "{text}");
    assert!(
        text.contains("* development.publicity_min_working_days = 7"),
        "{text}"
    );
    assert!(text.contains("  dues.lapse_months = 6"), "{text}");
    assert!(text.contains("DUE003 = off"), "{text}");
    assert!(text.contains("某省直机关党支部星级评定（2025）"), "{text}");
}

// ---------------------------------------------------------------------------
// Errors: each names the file, line and key

/// Reads `text` as a file; returns the error's line, key and message.
fn bad(name: &str, text: &str) -> (usize, String, String) {
    let d = dir(name);
    let path = write(&d, "bad.toml", text);
    let e = Profile::from_toml_path(&path).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Profile, "{e}");
    let loc = e.location();
    assert!(
        loc.file.as_deref().is_some_and(|f| f.ends_with("bad.toml")),
        "{e}"
    );
    assert!(loc.column.is_some(), "{e}");
    (
        loc.line.expect("a line"),
        loc.key.clone().unwrap_or_default(),
        e.to_string(),
    )
}

#[test]
fn an_unknown_table_is_an_error_with_a_suggestion() {
    let (line, key, msg) = bad("table", &format!("{HEAD}name = \"x\"\n\n[parms]\n"));
    assert_eq!((line, key.as_str()), (4, "parms"), "{msg}");
    assert!(msg.contains("did you mean params"), "{msg}");
}

#[test]
fn an_unknown_nested_key_is_an_error() {
    let text = format!(
        "{HEAD}[params]\n\"meetings.absence_threshold\" = {{ value = 2, sourse = \"x\" }}\n"
    );
    let (line, key, msg) = bad("nested", &text);
    assert_eq!(line, 3, "{msg}");
    assert_eq!(key, "params.\"meetings.absence_threshold\".sourse", "{msg}");
    assert!(msg.contains("did you mean source"), "{msg}");
}

#[test]
fn an_unknown_parameter_is_an_error_with_a_suggestion() {
    let text = format!("{HEAD}\n[params]\n\"meetings.absence_treshold\" = 2\n");
    let (line, key, msg) = bad("param", &text);
    assert_eq!(
        (line, key.as_str()),
        (4, "params.\"meetings.absence_treshold\""),
        "{msg}"
    );
    assert!(
        msg.contains("did you mean meetings.absence_threshold"),
        "{msg}"
    );
    // The same in a section table.
    let text = format!("{HEAD}\n[params.meetings]\nabsence_treshold = 2\n");
    let (line, key, msg) = bad("param2", &text);
    assert_eq!(
        (line, key.as_str()),
        (4, "params.meetings.absence_treshold"),
        "{msg}"
    );
    assert!(
        msg.contains("did you mean meetings.absence_threshold"),
        "{msg}"
    );
}

#[test]
fn an_unknown_rule_code_is_an_error_with_a_suggestion() {
    let (line, key, msg) = bad("rule", &format!("{HEAD}[rules]\nDUE03 = \"off\"\n"));
    assert_eq!((line, key.as_str()), (3, "rules.DUE03"), "{msg}");
    assert!(msg.contains("did you mean"), "{msg}");
    let (line, key, msg) = bad("rule2", &format!("{HEAD}[rules]\nDUE003 = \"of\"\n"));
    assert_eq!((line, key.as_str()), (3, "rules.DUE003"), "{msg}");
    let text = format!(
        "{HEAD}[[accept]]\nrule = \"MTG01O\"\nbranch = \"B01\"\nreason = \"r\"\napproval = \"a\"\nexpires = 2026-01-01\n"
    );
    let (line, key, msg) = bad("rule3", &text);
    assert_eq!((line, key.as_str()), (3, "accept[0].rule"), "{msg}");
    assert!(msg.contains("did you mean MTG010"), "{msg}");
}

#[test]
fn a_wrong_type_is_an_error() {
    let text = format!("{HEAD}[params]\n\"dues.lapse_months\" = \"six\"\n");
    let (line, key, msg) = bad("type", &text);
    assert_eq!(
        (line, key.as_str()),
        (3, "params.\"dues.lapse_months\""),
        "{msg}"
    );
    let (line, key, msg) = bad("type2", &format!("{HEAD}name = 3\n"));
    assert_eq!((line, key.as_str()), (2, "name"), "{msg}");
    assert!(msg.contains("wrong type"), "{msg}");
}

#[test]
fn a_value_out_of_range_is_an_error() {
    let text = format!(
        "{HEAD}[params]\n\"development.publicity_min_working_days\" = {{ value = 0, source = \"x 第一条\" }}\n"
    );
    let (line, key, msg) = bad("range", &text);
    assert_eq!(line, 3, "{msg}");
    assert_eq!(
        key,
        "params.\"development.publicity_min_working_days\".value"
    );
    assert!(msg.contains("out of range (1 to 60)"), "{msg}");
}

#[test]
fn an_impossible_date_is_an_error() {
    let text = format!(
        "{HEAD}[params]\n\"meetings.absence_threshold\" = {{ value = 2, from = \"2025-02-30\" }}\n"
    );
    let (line, key, msg) = bad("date", &text);
    assert_eq!(
        (line, key.as_str()),
        (3, "params.\"meetings.absence_threshold\".from"),
        "{msg}"
    );
    let text = format!(
        "{HEAD}[[accept]]\nrule = \"MTG010\"\nbranch = \"B01\"\nreason = \"r\"\napproval = \"a\"\nexpires = \"2026-13-01\"\n"
    );
    let (line, key, msg) = bad("date2", &text);
    assert_eq!((line, key.as_str()), (7, "accept[0].expires"), "{msg}");
    let text = format!(
        "{HEAD}[[accept]]\nrule = \"MTG010\"\nbranch = \"B01\"\nperiod = \"2025-Q5\"\nreason = \"r\"\napproval = \"a\"\nexpires = 2026-01-01\n"
    );
    let (line, key, msg) = bad("date3", &text);
    assert_eq!((line, key.as_str()), (5, "accept[0].period"), "{msg}");
}

#[test]
fn an_accept_needs_reason_approval_and_expiry() {
    let full = [
        "rule = \"MTG010\"",
        "branch = \"B01\"",
        "reason = \"援疆\"",
        "approval = \"局党委〔2025〕12号\"",
        "expires = 2026-06-30",
    ];
    for (i, field) in ["reason", "approval", "expires"].iter().enumerate() {
        let kept: Vec<&str> = full
            .iter()
            .copied()
            .filter(|l| !l.starts_with(field))
            .collect();
        let text = format!("{HEAD}name = \"x\"\n\n[[accept]]\n{}\n", kept.join("\n"));
        let (line, key, msg) = bad(&format!("accept{i}"), &text);
        assert_eq!(line, 4, "{msg}");
        assert_eq!(key, format!("accept[0].{field}"), "{msg}");
        assert!(msg.contains(&format!("needs {field}")), "{msg}");
    }
    // An empty reason is no reason.
    let text = format!(
        "{HEAD}[[accept]]\n{}\n",
        full.join("\n").replace("援疆", " ")
    );
    let (line, key, _) = bad("accept-empty", &text);
    assert_eq!((line, key.as_str()), (5, "accept[0].reason"));
}

#[test]
fn an_extends_cycle_is_an_error() {
    let d = dir("cycle");
    write(&d, "a.toml", &format!("{HEAD}extends = \"b.toml\"\n"));
    write(
        &d,
        "b.toml",
        &format!("{HEAD}name = \"b\"\nextends = \"a.toml\"\n"),
    );
    let e = Profile::from_toml_path(d.join("a.toml")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Profile, "{e}");
    let loc = e.location();
    assert!(loc.file.as_deref().unwrap().ends_with("b.toml"), "{e}");
    assert_eq!(
        (loc.line, loc.key.as_deref()),
        (Some(3), Some("extends")),
        "{e}"
    );
    assert!(e.message().contains("cycle"), "{e}");
    // A file extending itself.
    let (line, key, msg) = bad("self", &format!("{HEAD}extends = \"bad.toml\"\n"));
    assert_eq!((line, key.as_str()), (2, "extends"), "{msg}");
}

#[test]
fn a_missing_extends_file_is_an_error() {
    let (line, key, msg) = bad(
        "missing",
        &format!("{HEAD}name = \"x\"\nextends = \"centrl\"\n"),
    );
    assert_eq!((line, key.as_str()), (3, "extends"), "{msg}");
    assert!(msg.contains("did you mean the built-in central"), "{msg}");
}

#[test]
fn a_scoring_scheme_must_hold_together() {
    let scheme = |levels: &str, veto: &str, deduct: &str| {
        format!(
            "{HEAD}[scoring]\nscheme = \"s\"\nbase = 100\nlevels = {levels}\ndeduct = {deduct}\nveto = {veto}\n"
        )
    };
    let good_levels = "[ { min = 90, level = \"五星\" }, { min = 0, level = \"一星\" } ]";
    let good_veto = "{ rules = [\"DUE004\"], cap = \"一星\", why = \"w\" }";
    let good_deduct = "[ { rules = \"MTG\", points = 2, max = 20 } ]";
    let (line, key, msg) = bad(
        "score1",
        &scheme(
            "[ { min = 0, level = \"一星\" }, { min = 90, level = \"五星\" } ]",
            good_veto,
            good_deduct,
        ),
    );
    assert_eq!((line, key.as_str()), (5, "scoring.levels[1].min"), "{msg}");
    let (line, key, msg) = bad(
        "score2",
        &scheme(
            good_levels,
            "{ rules = [\"DUE004\"], cap = \"三星\", why = \"w\" }",
            good_deduct,
        ),
    );
    assert_eq!((line, key.as_str()), (7, "scoring.veto.cap"), "{msg}");
    let (line, key, msg) = bad(
        "score3",
        &scheme(
            good_levels,
            good_veto,
            "[ { rules = \"MTX\", points = 2 } ]",
        ),
    );
    assert_eq!(
        (line, key.as_str()),
        (6, "scoring.deduct[0].rules"),
        "{msg}"
    );
    assert!(Profile::from_toml_str(&scheme(good_levels, good_veto, good_deduct)).is_ok());
}

#[test]
fn not_toml_is_an_error_with_its_place() {
    let (line, _, msg) = bad("syntax", &format!("{HEAD}name = \"x\n"));
    assert_eq!(line, 2, "{msg}");
    let (line, key, msg) = bad("format", "format = \"dangjian-profile/2\"\n");
    assert_eq!((line, key.as_str()), (1, "format"), "{msg}");
}

// ---------------------------------------------------------------------------
// [rules] in the auditor

#[test]
fn profile_rules_switch_off_and_change_severity() {
    let p = Profile::from_toml_str(&format!(
        "{HEAD}[rules]\nDUE = \"off\"\nDUE001 = \"warning\"\nMTG012 = \"error\"\n"
    ))
    .unwrap();
    let r = audit(p.clone());
    assert!(
        r.findings
            .iter()
            .all(|f| !f.rule.as_str().starts_with("DUE") || f.rule == RuleCode::DUE001)
    );
    assert!(r.findings.iter().any(|f| f.rule == RuleCode::DUE001));
    assert!(
        r.findings
            .iter()
            .filter(|f| f.rule == RuleCode::DUE001)
            .all(|f| f.severity == Severity::Warning)
    );
    assert!(
        r.findings
            .iter()
            .filter(|f| f.rule == RuleCode::MTG012)
            .all(|f| f.severity == Severity::Error)
    );
    // The caller's severity beats the profile's, in either order.
    for a in [
        Auditor::new(common::as_of())
            .profile(p.clone())
            .severity(RuleCode::DUE001, Severity::Info),
        Auditor::new(common::as_of())
            .severity(RuleCode::DUE001, Severity::Info)
            .profile(p.clone()),
    ] {
        let r = a.audit(&common::sample());
        assert!(
            r.findings
                .iter()
                .filter(|f| f.rule == RuleCode::DUE001)
                .all(|f| f.severity == Severity::Info)
        );
    }
    // A selection naming DUE004 runs it; a prefix does not.
    let named = Auditor::new(common::as_of())
        .profile(p.clone())
        .select("DUE004,MTG".parse().unwrap());
    assert!(named.runs(RuleCode::DUE004) && !named.runs(RuleCode::DUE003));
    let prefix = Auditor::new(common::as_of())
        .select("DUE".parse().unwrap())
        .profile(p);
    assert!(!prefix.runs(RuleCode::DUE004) && prefix.runs(RuleCode::DUE001));
}

// ---------------------------------------------------------------------------
// Accepts

fn accept_profile(extra: &str) -> Profile {
    Profile::from_toml_str(&format!("{HEAD}{extra}")).unwrap()
}

const M21_LAPSE: &str = "[[accept]]\nrule = \"MTG010\"\nbranch = \"B02\"\nsubject = \"M21\"\nperiod = \"2025\"\nreason = \"援疆挂职\"\napproval = \"局党委〔2025〕12号\"\nexpires = \"2025-12-31\"\n";

#[test]
fn an_accept_marks_but_never_removes_a_finding() {
    let plain = audit(Profile::central());
    let r = audit(accept_profile(M21_LAPSE));
    assert_eq!(r.findings.len(), plain.findings.len());
    let ids = |r: &Report| r.findings.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&r), ids(&plain));
    let accepted: Vec<_> = r.findings.iter().filter(|f| f.is_accepted()).collect();
    assert_eq!(accepted.len(), 1);
    let f = accepted[0];
    assert_eq!(f.id, "MTG010/B02/member:M21/2025-03");
    let a = f.accepted.as_ref().unwrap();
    assert_eq!(
        (a.reason.as_str(), a.approval.as_str()),
        ("援疆挂职", "局党委〔2025〕12号")
    );
    assert_eq!(r.summary.accepted, 1);
    assert_eq!(r.summary.findings, plain.summary.findings);
    assert_eq!(
        r.summary.by_severity[&Severity::Error] + 1,
        plain.summary.by_severity[&Severity::Error]
    );
    assert!(r.unmatched_accepts.is_empty() && r.expired_accepts.is_empty());
    let json = r.to_json();
    assert!(json.contains("\"accepted\": {"), "{json}");
    assert_eq!(Report::from_json(&json).unwrap(), r);
}

#[test]
fn an_expired_accept_no_longer_applies() {
    let p = accept_profile(M21_LAPSE);
    let year = DateRange::year(2025);
    let run = |as_of: &str| {
        Auditor::new(date(as_of))
            .period(year)
            .profile(p.clone())
            .audit(&common::sample())
    };
    let on_the_day = run("2025-12-31");
    assert_eq!(on_the_day.summary.accepted, 1);
    assert!(on_the_day.expired_accepts.is_empty());
    let after = run("2026-01-01");
    let f = after
        .findings
        .iter()
        .find(|f| f.id == "MTG010/B02/member:M21/2025-03")
        .unwrap();
    assert!(f.accepted.is_none());
    assert_eq!(after.summary.accepted, 0);
    assert_eq!(after.expired_accepts.len(), 1);
    let e = &after.expired_accepts[0];
    assert_eq!(
        (e.rule.code(), e.branch.as_str(), e.expires),
        (Some(RuleCode::MTG010), "B02", date("2025-12-31"))
    );
    assert_eq!(e.subject.as_ref().map(|s| s.as_str()), Some("M21"));
    assert!(after.unmatched_accepts.is_empty());
    assert_eq!(after.worst(), Some(Severity::Error));
}

#[test]
fn an_unmatched_accept_is_listed() {
    let other_period = M21_LAPSE.replace("period = \"2025\"", "period = \"2025-04..2025-12-31\"");
    assert!(
        accept_profile(&other_period.replace("2025-04..", "2025-04-01.."))
            .accepts
            .len()
            == 1
    );
    let text = format!(
        "{}\n[[accept]]\nrule = \"ORG001\"\nbranch = \"B03\"\nreason = \"新建支部\"\napproval = \"x\"\nexpires = 2026-06-30\n\n[[accept]]\nrule = \"DUE001\"\nbranch = \"B01\"\nsubject = \"M99\"\nreason = \"无此人\"\napproval = \"y\"\nexpires = 2026-06-30\n",
        other_period.replace("2025-04..", "2025-04-01..")
    );
    let r = audit(accept_profile(&text));
    // ORG001 of B03 is a branch finding: the accept without subject matches it.
    let org = r
        .findings
        .iter()
        .find(|f| f.rule == RuleCode::ORG001)
        .unwrap();
    assert!(org.is_accepted());
    let unmatched: Vec<(String, Option<String>)> = r
        .unmatched_accepts
        .iter()
        .map(|u| (u.rule.to_string(), u.period.clone()))
        .collect();
    assert_eq!(
        unmatched,
        [
            (
                "MTG010".to_owned(),
                Some("2025-04-01..2025-12-31".to_owned())
            ),
            ("DUE001".to_owned(), None)
        ]
    );
    assert_eq!(r.unmatched_accepts[1].reason, "无此人");
    let json = r.to_json();
    assert!(json.contains("\"unmatched_accepts\""), "{json}");
}

#[test]
fn streaming_gives_the_same_report() {
    let p = Profile::from_toml_path(EXAMPLE).unwrap();
    let auditor = Auditor::new(common::as_of()).profile(p);
    let bundles = common::sample();
    let whole = auditor.audit(&bundles);
    let mut report = auditor.empty_report();
    for b in bundles.iter().rev() {
        let findings = auditor.check(b);
        auditor.add(&mut report, b, findings);
    }
    let streamed = auditor.finish(report);
    assert_eq!(streamed.to_json(), whole.to_json());
    assert_eq!(whole.summary.accepted, 1);
    assert!(whole.findings.iter().all(|f| f.rule != RuleCode::DUE003));
    assert!(
        whole
            .findings
            .iter()
            .filter(|f| f.rule == RuleCode::MTG012)
            .all(|f| f.severity == Severity::Warning)
    );
}

#[test]
fn a_profile_round_trips_through_json() {
    let p = Profile::from_toml_path(EXAMPLE).unwrap();
    let text = serde_json::to_string(&p).unwrap();
    let back: Profile = serde_json::from_str(&text).unwrap();
    assert_eq!(back, p);
}

/// Profile text reads no file (issue 27): `extends` of a path — absolute,
/// relative, even one that exists — is refused with the place of the key,
/// and the error is not the file's own parse error (it was never opened).
#[test]
fn profile_text_never_reads_the_disk() {
    for target in [
        "/etc/passwd",
        "../../etc/passwd",
        "county.toml",
        "Cargo.toml",
    ] {
        let text = format!("format = \"dangjian-profile/1\"\nextends = \"{target}\"\n");
        let e = Profile::from_toml_str(&text).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("not a built-in profile"), "{target}: {msg}");
        assert!(!msg.contains("root:"), "{target}: the file was read: {msg}");
        assert!(
            !msg.contains("cannot read"),
            "{target}: the file was looked up: {msg}"
        );
        assert_eq!(e.location().line, Some(2), "{target}: {msg}");
    }
    // A built-in name is fine.
    let p = Profile::from_toml_str("format = \"dangjian-profile/1\"\nextends = \"central-2026\"\n")
        .unwrap();
    assert_eq!(p.header().extends, ["central-2026"]);
}
