//! The audit command, end to end through `dangjian::cli::run` (what
//! `examples/audit.rs` calls): output formats, exit codes, and bad input.
#![cfg(feature = "cli")]

use std::path::PathBuf;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample.json");

struct Out {
    status: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Out {
    run_with_stdin(args, b"")
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Out {
    let args = std::iter::once("audit").chain(args.iter().copied());
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = {
        let env = dangjian::cli::Env::new(&mut stdout, &mut stderr)
            .default_file(SAMPLE)
            .stdin(stdin);
        dangjian::cli::run(args, env)
    };
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

/// Usage errors: exit 2, nothing on stdout, the first line of stderr names
/// the option (clap adds the usage and a hint after it).
fn assert_usage(args: &[&str], must_contain: &[&str]) {
    let o = run(args);
    assert_eq!(o.status, 2, "args {args:?}: stdout {:?}", o.stdout);
    assert!(o.stdout.is_empty(), "stdout not empty: {:?}", o.stdout);
    let first = o.stderr.lines().next().unwrap_or("");
    for s in must_contain {
        assert!(first.contains(s), "{first:?} lacks {s:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_usage(&["--format", "xml"], &["xml", "--format"]);
    assert_usage(&["--as-of", "2025-02-30"], &["--as-of", "2025-02-30"]);
    assert_usage(&["--lang", "fr"], &["--lang"]);
    assert_usage(&["--fail-on", "fatal"], &["--fail-on"]);
    assert_usage(&["--rules", "XYZ"], &["--rules", "XYZ"]);
    assert_usage(&["--rules", "DEV12"], &["did you mean DEV012"]);
    assert_usage(&["--bogus"], &["--bogus"]);
    assert_bad(
        &["--from", "2025-12-01", "--to", "2025-01-01"],
        &["--to 2025-01-01 is before --from 2025-12-01"],
    );
    // --to alone takes the year of --to, not the year of --as-of.
    let o = run(&["--to", "2024-06-30", "--format", "json"]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    assert!(o.stdout.contains("\"from\": \"2024-01-01\""));
    let o = run(&["--help"]);
    assert_eq!(o.status, 0);
    assert!(o.stdout.contains("Usage: audit"), "{}", o.stdout);
    assert!(o.stdout.contains("--keep-going"));
    assert!(o.stderr.is_empty());
}

#[test]
fn version() {
    let o = run(&["--version"]);
    assert_eq!(o.status, 0);
    assert_eq!(
        o.stdout.trim(),
        format!("audit {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn stdin_is_json_lines() {
    let good = format!("{{{BRANCH},\"members\":[{MEMBER}]}}");
    let input = format!("{good}\n\n{}\n", good.replace("B1", "B2"));
    // With --as-of the input streams; without, stdin is kept for the second pass.
    for args in [
        vec!["-", "--format", "json", "--as-of", "2025-03-31"],
        vec!["-", "--format", "json"],
    ] {
        let o = run_with_stdin(&args, input.as_bytes());
        assert_eq!(o.status, 0, "{}", o.stderr);
        let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
        assert_eq!(v["summary"]["branches"], 2);
    }
    // Errors name stdin and the line.
    let o = run_with_stdin(&["-", "--as-of", "2025-03-31"], b"{\"branch\":1}\n");
    assert_eq!(o.status, 2);
    assert!(o.stderr.contains("<stdin>: line 1"), "{}", o.stderr);
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let doc = format!("\u{feff}{{\"format\":\"dangjian/1\",\"branches\":[{{{BRANCH}}}]}}");
    let p = temp_file("bom.json", &doc);
    let o = run(&[
        p.to_str().unwrap(),
        "--as-of",
        "2025-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    let p = temp_file(
        "bom.jsonl",
        &format!("\u{feff}{{{BRANCH}}}\n{{{BRANCH}}}\n"),
    );
    let o = run(&[
        p.to_str().unwrap(),
        "--as-of",
        "2025-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    assert!(o.stdout.contains("\"branches\": 2"));
}

#[test]
fn keep_going_names_every_bad_line_and_audits_the_rest() {
    let good = format!("{{{BRANCH},\"members\":[{MEMBER}]}}");
    let text = format!(
        "{good}\n{{\"branch\":\n{}\n{{{BRANCH},\"talks\":[{{\"date\":\"2025-13-01\"}}]}}\n{}\n",
        good.replace("B1", "B2"),
        good.replace("B1", "B3")
    );
    let p = temp_file("keep-going.jsonl", &text);
    let p = p.to_str().unwrap();
    // Without it: the first bad line stops the run.
    let o = run(&[p, "--as-of", "2025-03-31"]);
    assert_eq!(o.status, 2);
    assert!(o.stdout.is_empty());
    for threads in ["1", "3"] {
        let o = run(&[
            p,
            "--as-of",
            "2025-03-31",
            "--format",
            "json",
            "--keep-going",
            "--threads",
            threads,
        ]);
        assert_eq!(o.status, 2, "exit 2 at the end");
        assert!(o.stderr.contains("line 2"), "{}", o.stderr);
        assert!(
            o.stderr.contains("line 4") && o.stderr.contains("field date"),
            "{}",
            o.stderr
        );
        assert_eq!(o.stderr.lines().count(), 2, "{}", o.stderr);
        let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
        assert_eq!(v["summary"]["branches"], 3);
        let unreadable = v["unreadable"].as_array().unwrap();
        assert_eq!(unreadable.len(), 2);
        assert_eq!(unreadable[0]["line"], 2);
        assert_eq!(unreadable[1]["line"], 4);
        assert!(
            unreadable[0]["file"]
                .as_str()
                .unwrap()
                .ends_with("keep-going.jsonl")
        );
    }
    // A .json document: a bad bundle is left out, the others audited.
    let doc = format!(
        r#"{{"format":"dangjian/1","branches":[{{{BRANCH}}},{{"branch":{{"id":"B9"}}}},{{{}}}]}}"#,
        BRANCH.replace("B1", "B2")
    );
    let p = temp_file("keep-going.json", &doc);
    let o = run(&[
        p.to_str().unwrap(),
        "--as-of",
        "2025-03-31",
        "--format",
        "json",
        "--keep-going",
    ]);
    assert_eq!(o.status, 2);
    assert!(o.stderr.contains("bundle 1"), "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["summary"]["branches"], 2);
    // A missing file among good ones.
    let o = run(&[
        "/nonexistent/x.json",
        p.to_str().unwrap(),
        "--as-of",
        "2025-03-31",
        "--keep-going",
    ]);
    assert_eq!(o.status, 2);
    assert!(o.stderr.contains("x.json"), "{}", o.stderr);
    assert!(o.stdout.contains("支部 2 个"), "{}", o.stdout);
}

#[cfg(unix)]
#[test]
fn a_non_utf8_argument_is_an_error_not_a_panic() {
    use std::os::unix::ffi::OsStringExt;
    let bad =
        std::ffi::OsString::from_vec(vec![b'-', b'-', b'a', b's', b'-', b'o', b'f', b'=', 0xff]);
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = {
        let env = dangjian::cli::Env::new(&mut stdout, &mut stderr).default_file(SAMPLE);
        dangjian::cli::run([std::ffi::OsString::from("audit"), bad], env)
    };
    assert_eq!(status, 2);
    assert!(stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&stderr).contains("UTF-8"),
        "{}",
        String::from_utf8_lossy(&stderr)
    );
    // A file name that is not UTF-8: the file is not there, and says so.
    let name = std::ffi::OsString::from_vec(vec![
        b'/', b't', b'm', b'p', b'/', 0xff, b'.', b'j', b's', b'o', b'n',
    ]);
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let status = {
        let env = dangjian::cli::Env::new(&mut stdout, &mut stderr).default_file(SAMPLE);
        dangjian::cli::run([std::ffi::OsString::from("audit"), name], env)
    };
    assert_eq!(status, 2);
    assert!(String::from_utf8_lossy(&stderr).contains(".json"));
}

/// The example binary, built by `cargo test` next to this test binary.
fn audit_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(|d| d.parent()).unwrap();
    dir.join("examples")
        .join(format!("audit{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let bin = audit_binary();
    assert!(bin.exists(), "{} is built by cargo test", bin.display());
    let p = many_bundles("pipe.jsonl", 300, None);
    let mut child = Command::new(&bin)
        .args([p.to_str().unwrap(), "--format", "json", "--threads", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert_eq!(line, "{\n");
    drop(out); // close the pipe, as `| head -1` does
    let status = child.wait().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert!(err.is_empty(), "stderr: {err}");
}

#[test]
fn the_text_report_joins_a_members_unpaid_months() {
    let o = run(&[]);
    assert_eq!(o.status, 0);
    // 梁伟 (M21) owes seven months: one line, not seven.
    let lines: Vec<&str> = o
        .stdout
        .lines()
        .filter(|l| l.contains("DUE001") && l.contains(" M21 "))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].ends_with("2025-03..2025-09"), "{lines:?}");
    assert!(
        o.stdout
            .contains("梁伟（M21）2025年3月至2025年9月共7个月党费未交纳"),
        "{}",
        o.stdout
    );
    // JSON keeps one finding per month.
    let v: serde_json::Value = serde_json::from_str(&run(&["--format", "json"]).stdout).unwrap();
    let n = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "DUE001" && f["subject"]["id"] == "M21")
        .count();
    assert_eq!(n, 7);
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
    assert_usage(&["--threads", "0"], &["--threads"]);
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
    let auditor = dangjian::Auditor::new(chrono::NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
        .with_indicators(true);
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

#[test]
fn baseline_marks_findings_and_fail_on_new() {
    let before = run(&["--format", "json"]);
    assert_eq!(before.status, 0);
    let base = temp_file("baseline.json", &before.stdout);
    let base = base.to_str().unwrap();
    // The same data: all unchanged, nothing new, --fail-on new passes.
    let o = run(&["--format", "json", "--baseline", base, "--fail-on", "new"]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["baseline"]["file"], base);
    assert_eq!(v["summary"]["baseline"]["new"], 0);
    assert_eq!(v["summary"]["baseline"]["resolved"], 0);
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["baseline"] == "unchanged")
    );
    // A baseline with one finding fewer: that one is new, and fails.
    let mut b: serde_json::Value = serde_json::from_str(&before.stdout).unwrap();
    let removed = b["findings"].as_array_mut().unwrap().remove(0);
    let base2 = temp_file("baseline-less.json", &b.to_string());
    let o = run(&[
        "--format",
        "json",
        "--baseline",
        base2.to_str().unwrap(),
        "--fail-on",
        "new",
    ]);
    assert_eq!(o.status, 1);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == removed["id"])
        .unwrap();
    assert_eq!(f["baseline"], "new");
    assert_eq!(v["summary"]["baseline"]["new"], 1);
    // The text report says what is new and counts.
    let o = run(&["--baseline", base2.to_str().unwrap()]);
    assert!(o.stdout.contains("新发现"), "{}", o.stdout);
    assert!(o.stdout.contains("== 与上次检查比较 =="));
    // --fail-on new without a baseline is a usage error; a bad baseline names itself.
    assert_bad(&["--fail-on", "new"], &["--baseline"]);
    let junk = temp_file("junk.json", "{\"format\": \"dangjian-report/1\"}");
    assert_bad(&["--baseline", junk.to_str().unwrap()], &["junk.json"]);
}

const PROFILE_EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/profile-example.toml"
);

#[test]
fn profiles_by_name_file_and_discovery() {
    // A built-in.
    let o = run(&["--format", "json", "--profile", "central-2026"]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["profile"]["name"], "central-2026");
    assert_eq!(v["profile"]["edition"], "细则2026");
    // A file: named with its chain and hash; the accept is counted apart.
    let o = run(&["--format", "json", "--profile", PROFILE_EXAMPLE]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["profile"]["name"], "某省直机关");
    assert_eq!(v["profile"]["extends"][0], "central");
    assert_eq!(v["profile"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(v["summary"]["accepted"], 1);
    let accepted = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| !f["accepted"].is_null())
        .unwrap();
    assert_eq!(accepted["rule"], "MTG010");
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != "DUE003"),
        "DUE003 is off"
    );
    // The text report says so.
    let o = run(&["--profile", PROFILE_EXAMPLE]);
    assert!(o.stdout.contains("已批准例外：援疆挂职"), "{}", o.stdout);
    // Discovery: dangjian.toml next to the input.
    let dir = std::env::temp_dir().join(format!("dangjian-cli-{}-disc/sub", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(SAMPLE, dir.join("sample.json")).unwrap();
    std::fs::write(
        dir.parent().unwrap().join("dangjian.toml"),
        "format = \"dangjian-profile/1\"\nname = \"found\"\nextends = \"central\"\n",
    )
    .unwrap();
    let input = dir.join("sample.json");
    let o = run(&[input.to_str().unwrap(), "--format", "json", "--profile"]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["profile"]["name"], "found");
    // A profile without overrides gives the built-in's findings.
    let central: serde_json::Value =
        serde_json::from_str(&run(&["--format", "json"]).stdout).unwrap();
    assert_eq!(v["findings"], central["findings"]);
}

#[test]
fn explain_profile_lists_every_parameter() {
    let o = run(&["--profile", PROFILE_EXAMPLE, "--explain-profile"]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    assert!(o.stdout.contains("development.publicity_min_working_days"));
    assert!(o.stdout.contains("某组通〔2021〕5号"));
    assert!(
        o.stdout.contains("profile-example.toml:"),
        "where each value was set"
    );
    for p in dangjian::Profile::central().params() {
        assert!(o.stdout.contains(p.name), "{} missing", p.name);
    }
}

#[test]
fn bad_profiles_exit_2_naming_file_line_and_key() {
    let p = temp_file(
        "bad-profile.toml",
        "format = \"dangjian-profile/1\"\nname = \"x\"\n[params]\n\"meetings.absence_treshold\" = 2\n",
    );
    assert_bad(
        &["--profile", p.to_str().unwrap()],
        &["bad-profile.toml", "line 4", "absence_threshold"],
    );
    let p = temp_file(
        "range.toml",
        "format = \"dangjian-profile/1\"\nname = \"x\"\n[params]\n\"dues.lapse_months\" = 0\n",
    );
    assert_bad(
        &["--profile", p.to_str().unwrap()],
        &["range.toml", "line 4", "dues.lapse_months"],
    );
    assert_bad(&["--profile", "centrl"], &["did you mean central"]);
    assert_bad(&["--profile", "/nonexistent/x.toml"], &["x.toml"]);
}

#[test]
fn documents_need_out_and_files_can_take_any_format() {
    assert_bad(&["--format", "html"], &["--out"]);
    let dir = std::env::temp_dir().join(format!("dangjian-cli-{}-out", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("报告.html");
    let o = run(&[
        "--format",
        "html",
        "--out",
        html.to_str().unwrap(),
        "--todo",
        "30",
    ]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    assert!(o.stdout.is_empty());
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..100]);
    assert!(page.contains("党支部台账审计报告"));
    assert!(page.contains("DUE001&#x2f;B01&#x2f;member:M08&#x2f;2025-06"));
    // --out for a streamed format: the same bytes as stdout.
    let json = dir.join("report.json");
    let o = run(&["--format", "json", "--out", json.to_str().unwrap()]);
    assert_eq!(o.status, 0, "{}", o.stderr);
    assert_eq!(
        std::fs::read_to_string(&json).unwrap(),
        run(&["--format", "json"]).stdout
    );
    assert_bad(&["--out", "/nonexistent/dir/x.txt"], &["x.txt"]);
}
