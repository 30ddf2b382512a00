//! The audit command, end to end through `dangjian::cli::run` (what
//! `examples/audit.rs` calls): output formats, exit codes, and bad input.

use std::path::{Path, PathBuf};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample.json");

struct Out {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Out {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = dangjian::cli::run(
        &args,
        Path::new(SAMPLE),
        &dangjian::cli::NoStopwatch,
        &mut stdout,
        &mut stderr,
    );
    Out {
        status,
        stdout: String::from_utf8(stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(stderr).expect("utf-8 stderr"),
    }
}

/// A file in a fresh temporary folder of this test process.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dangjian-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

const BRANCH: &str = r#""branch":{"id":"B1","name":"一支部","kind":"organ"}"#;
const MEMBER: &str = r#"{"id":"M1","name":"甲","status":"full","admitted_on":"2010-06-01","dues_category":"salaried"}"#;

#[test]
fn default_text_report_is_chinese_and_grouped_by_branch() {
    let o = run(&[]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    assert!(o.stderr.is_empty());
    assert!(
        o.stdout
            .starts_with("党支部台账审计报告\n基准日 2025-12-31"),
        "{}",
        &o.stdout[..200]
    );
    let b01 = o.stdout.find("== B01 ").expect("B01 section");
    let b02 = o.stdout.find("== B02 ").expect("B02 section");
    let b03 = o.stdout.find("== B03 ").expect("B03 section");
    assert!(b01 < b02 && b02 < b03);
    assert!(o.stdout.contains("== 汇总 =="));
    assert!(o.stdout.contains("梁伟（M21）连续7个月未交党费"));
}

#[test]
fn english_text() {
    let o = run(&["--lang", "en"]);
    assert_eq!(o.status, 0);
    assert!(o.stdout.starts_with("Party branch records audit"));
    assert!(o.stdout.contains("dues for 2025-06 unpaid by 黄静 (M08)"));
}

#[test]
fn json_report_is_the_contract_and_deterministic() {
    let a = run(&["--format", "json"]);
    let b = run(&["--format", "json"]);
    assert_eq!(a.status, 0);
    assert_eq!(a.stdout, b.stdout, "same input, byte-identical output");
    let v: serde_json::Value = serde_json::from_str(&a.stdout).unwrap();
    assert_eq!(v["format"], "dangjian-report/1");
    assert_eq!(v["as_of"], "2025-12-31");
    assert_eq!(v["period"]["from"], "2025-01-01");
    assert_eq!(v["period"]["to"], "2025-12-31");
    assert_eq!(v["profile"]["name"], "central");
    assert_eq!(v["profile"]["edition"], "细则2014");
    assert_eq!(v["profile"]["sha256"], serde_json::Value::Null);
    assert_eq!(v["summary"]["branches"], 3);
    assert_eq!(v["summary"]["members"], 40);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(v["summary"]["findings"], findings.len());
    let f = findings
        .iter()
        .find(|f| f["rule"] == "DUE002" && f["subject"]["id"] == "M05")
        .expect("M05's underpayment");
    assert_eq!(f["name"], "dues-underpaid");
    assert_eq!(f["id"], "DUE002/B01/member:M05/2025-04");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["branch"], "B01");
    assert_eq!(f["subject"]["kind"], "member");
    assert_eq!(f["period"]["from"], "2025-04-01");
    assert_eq!(f["evidence"]["expected"], "127.50");
    assert_eq!(f["evidence"]["paid"], "85.00");
    assert_eq!(f["evidence"]["shortfall"], "42.50");
    assert!(f["message"]["zh"].as_str().unwrap().contains("42.50"));
    assert!(f["message"]["en"].as_str().unwrap().contains("42.50"));
    assert_eq!(
        f["citations"][0]["document"],
        "关于中国共产党党费收缴、使用和管理的规定"
    );
    // Sorted by branch, rule, subject id, period start.
    let key = |f: &serde_json::Value| {
        (
            f["branch"].as_str().unwrap().to_owned(),
            f["rule"].as_str().unwrap().to_owned(),
            f["subject"]["id"].as_str().unwrap().to_owned(),
            f["period"]["from"].as_str().unwrap_or("").to_owned(),
        )
    };
    assert!(findings.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
}

#[test]
fn csv_has_bom_header_and_a_row_per_finding() {
    let o = run(&["--format", "csv"]);
    assert_eq!(o.status, 0);
    assert!(o.stdout.starts_with("\u{feff}rule,name,severity,branch,"));
    let json = run(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let n = v["findings"].as_array().unwrap().len();
    assert_eq!(o.stdout.matches("\r\n").count(), n + 1);
    assert!(
        o.stdout
            .contains("DUE004,dues-six-month-lapse,error,B02,member,M21,2025-03-01,2025-09-30,")
    );
}

#[test]
fn fail_on() {
    assert_eq!(run(&["--fail-on", "error"]).status, 1);
    assert_eq!(run(&["--fail-on", "warning"]).status, 1);
    // DUE008 findings are info only.
    let o = run(&["--rules", "DUE008", "--fail-on", "warning"]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    assert!(o.stdout.contains("DUE008"));
    assert_eq!(run(&["--rules", "DUE008", "--fail-on", "error"]).status, 0);
}

#[test]
fn explicit_dates_and_period() {
    let o = run(&[
        "--as-of",
        "2025-06-30",
        "--format",
        "json",
        "--rules",
        "DUE001",
    ]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["as_of"], "2025-06-30");
    assert_eq!(v["period"]["to"], "2025-12-31");
    // As of 30 June, M21's arrears are March to June; M24's (October on) not yet.
    let subjects: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["subject"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(subjects.iter().filter(|s| **s == "M21").count(), 4);
    assert!(!subjects.contains(&"M24"));

    let o = run(&[
        "--from",
        "2025-07-01",
        "--to",
        "2025-09-30",
        "--format",
        "json",
        "--rules",
        "DUE001",
    ]);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(
        v["findings"].as_array().unwrap().len(),
        3,
        "M21's July to September"
    );
}

#[test]
fn json_lines_input() {
    let line = format!(
        r#"{{{BRANCH},"members":[{MEMBER}],"dues_bases":[{{"member":"M1","from":"2024-01","base":"4000.00"}}],"dues_payments":[{{"member":"M1","month":"2025-01","amount":"40.00","paid_on":"2025-03-31"}}]}}"#
    );
    let p = temp_file(
        "ok.jsonl",
        &format!("{line}\n\n{}\n", line.replace("B1", "B2")),
    );
    let o = run(&[p.to_str().unwrap(), "--format", "json", "--rules", "DUE001"]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["as_of"], "2025-03-31");
    assert_eq!(v["summary"]["branches"], 2);
    // February and March unpaid in both branches.
    assert_eq!(v["summary"]["findings"], 4);
}

/// Bad input: exit 2, one message on stderr naming the place, nothing on stdout.
fn assert_bad(args: &[&str], must_contain: &[&str]) {
    let o = run(args);
    assert_eq!(o.status, 2, "args {args:?}: stdout {:?}", o.stdout);
    assert!(o.stdout.is_empty(), "stdout not empty: {:?}", o.stdout);
    assert_eq!(
        o.stderr.trim_end().lines().count(),
        1,
        "one message: {:?}",
        o.stderr
    );
    for s in must_contain {
        assert!(o.stderr.contains(s), "{:?} lacks {s:?}", o.stderr);
    }
}

#[test]
fn bad_input_is_named_and_exits_2() {
    let doc = |bundle: &str| {
        format!(r#"{{"format":"dangjian/1","branches":[{{{BRANCH}}},{{{BRANCH}{bundle}}}]}}"#)
    };

    let p = temp_file(
        "malformed.json",
        "{\"format\":\"dangjian/1\",\n\"branches\":[{]}",
    );
    assert_bad(
        &[p.to_str().unwrap()],
        &["malformed.json", "line 2", "not valid JSON"],
    );

    let p = temp_file(
        "number.json",
        &doc(
            r#","dues_payments":[{"member":"M1","month":"2025-01","amount":40.5,"paid_on":"2025-01-02"}]"#,
        ),
    );
    assert_bad(
        &[p.to_str().unwrap()],
        &[
            "number.json",
            "bundle 1",
            "table dues_payments",
            "record 0",
            "field amount",
            "not the number",
        ],
    );

    let p = temp_file(
        "date.json",
        &doc(&format!(
            r#","members":[{MEMBER},{}]"#,
            MEMBER.replace("2010-06-01", "2025-02-30")
        )),
    );
    assert_bad(
        &[p.to_str().unwrap()],
        &[
            "bundle 1",
            "table members",
            "record 1",
            "field admitted_on",
            "2025-02-30",
        ],
    );

    let p = temp_file(
        "enum.json",
        &doc(&format!(
            r#","members":[{}]"#,
            MEMBER.replace("salaried", "rich")
        )),
    );
    assert_bad(
        &[p.to_str().unwrap()],
        &["table members", "record 0", "field dues_category", "rich"],
    );

    let good = format!("{{{BRANCH}}}");
    let p = temp_file(
        "broken.jsonl",
        &format!("{good}\n{good}\n{{\"branch\":{{\"id\":\"B3\"\n{good}\n"),
    );
    assert_bad(&[p.to_str().unwrap()], &["broken.jsonl", "line 3"]);

    let p = temp_file(
        "field.jsonl",
        &format!("{good}\n{{{BRANCH},\"talks\":[{{\"date\":\"2025-13-01\"}}]}}\n"),
    );
    assert_bad(
        &[p.to_str().unwrap()],
        &[
            "field.jsonl",
            "line 2",
            "table talks",
            "record 0",
            "field date",
        ],
    );

    assert_bad(&["/nonexistent/dangjian/missing.json"], &["missing.json"]);
}

#[test]
fn usage_errors_exit_2() {
    assert_bad(&["--format", "xml"], &["--format"]);
    assert_bad(&["--as-of", "2025-02-30"], &["--as-of"]);
    assert_bad(&["--lang", "fr"], &["--lang"]);
    assert_bad(&["--fail-on", "fatal"], &["--fail-on"]);
    assert_bad(&["--rules", "XYZ"], &["--rules"]);
    assert_bad(&["--bogus"], &["--bogus"]);
    assert_bad(&["--from", "2025-12-01", "--to", "2025-01-01"], &["--to"]);
    let o = run(&["--help"]);
    assert_eq!(o.status, 0);
    assert!(o.stdout.starts_with("usage: audit"));
}

/// A JSON Lines file of `n` bundles: the sample's three branches again and
/// again under new branch ids (some repeated, to exercise equal ids).
fn many_bundles(name: &str, n: usize, bad_line: Option<usize>) -> PathBuf {
    let bundles = dangjian::load::read_path(SAMPLE).unwrap();
    let mut text = String::new();
    for i in 0..n {
        if Some(i + 1) == bad_line {
            text.push_str("{\"branch\": {\"id\": \"BX\", \"name\": \"x\", \"kind\": \"organ\"}, \"members\": [1]}\n");
            continue;
        }
        let mut b = bundles[i % 3].clone();
        b.branch.id = format!("B{:03}", (i * 7) % (n - 3)).parse().unwrap();
        text.push_str(&serde_json::to_string(&b).unwrap());
        text.push('\n');
    }
    temp_file(name, &text)
}

#[test]
fn parallel_output_is_byte_identical_to_single_threaded() {
    let p = many_bundles("many.jsonl", 60, None);
    let p = p.to_str().unwrap();
    for format in ["json", "text", "csv"] {
        let one = run(&[p, "--format", format, "--threads", "1"]);
        let four = run(&[p, "--format", format, "--threads", "4"]);
        assert_eq!(one.status, 0, "{}", one.stderr);
        assert_eq!(one.stdout, four.stdout, "format {format}");
        assert!(one.stdout.len() > 10_000);
    }
    let v: serde_json::Value = serde_json::from_str(&run(&[p, "--format", "json"]).stdout).unwrap();
    assert_eq!(v["summary"]["branches"], 60);
    assert_eq!(v["summary"]["members"], 20 * 40);
}

#[test]
fn parallel_errors_name_the_first_bad_line() {
    let p = many_bundles("bad-many.jsonl", 60, Some(41));
    let p = p.to_str().unwrap();
    let one = run(&[p, "--threads", "1"]);
    let four = run(&[p, "--threads", "4"]);
    assert_eq!(one.status, 2);
    assert_eq!(four.status, 2);
    assert!(one.stdout.is_empty() && four.stdout.is_empty());
    assert_eq!(one.stderr, four.stderr);
    assert!(one.stderr.contains("line 41"), "{}", one.stderr);
    assert!(
        one.stderr.contains("table members, record 0"),
        "{}",
        one.stderr
    );
}

#[test]
fn stats_go_to_stderr() {
    let o = run(&["--stats", "--format", "json"]);
    assert_eq!(o.status, 0);
    assert!(o.stdout.starts_with('{'));
    assert!(
        o.stderr.contains("stats: 3 bundles, 40 members"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("members/s"));
    assert_bad(&["--threads", "0"], &["--threads"]);
}

#[test]
fn spilling_to_temporary_files_changes_nothing() {
    let p = many_bundles("spill.jsonl", 40, None);
    let p = p.to_str().unwrap();
    for format in ["json", "text", "csv"] {
        let memory = run(&[p, "--format", format]);
        let spilled = run(&[
            p,
            "--format",
            format,
            "--spill-after",
            "2000",
            "--threads",
            "3",
            "--stats",
        ]);
        assert_eq!(memory.status, 0);
        assert_eq!(memory.stdout, spilled.stdout, "format {format}");
        let runs: usize = spilled
            .stderr
            .split("; ")
            .find_map(|s| s.strip_suffix(" temporary runs\n"))
            .and_then(|n| n.parse().ok())
            .expect("stats name the runs");
        assert!(runs > 5, "{}", spilled.stderr);
    }
}

#[test]
fn command_output_equals_the_library_report() {
    let bundles = dangjian::load::read_path(SAMPLE).unwrap();
    let auditor = dangjian::Auditor::new(chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
    let report = auditor.audit(&bundles);
    assert_eq!(run(&["--format", "json"]).stdout, report.to_json() + "\n");
    assert_eq!(
        run(&["--format", "csv", "--lang", "en"]).stdout,
        dangjian::render::csv(&report, dangjian::Lang::En)
    );
    let mut text = dangjian::render::TextReport::new(dangjian::Lang::Zh);
    for b in &bundles {
        let cx = auditor.context(b);
        text.add_branch(&cx, &auditor.check_context(&cx));
    }
    assert_eq!(run(&[]).stdout, text.finish(&report));
}
