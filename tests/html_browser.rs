//! The HTML report in a real browser: headless Chromium (Debian package
//! `chromium`) driven by `playwright-core` (tests/browser, `npm ci` there)
//! loads the sample's report from a local file with the network off and
//! checks that no request was made, that every finding is a row, that the
//! branch filter keeps that branch's rows, and that the dues grid shows a
//! member's known unpaid month. It writes screenshots and a print-to-PDF
//! rendering under `target/tmp/html-browser/{open,closed}/`;
//! the second page starts with every section closed, whose bodies are built
//! when opened, and all of them before printing.
//!
//! Ignored by a plain `cargo test` (it needs Chromium and node): `.ci/run`
//! installs them and runs `cargo test --test html_browser -- --ignored`.

#![cfg(feature = "html")]

mod common;

use std::path::Path;
use std::process::Command;

use dangjian::render::html::HtmlReport;
use dangjian::{Lang, Profile};

/// Writes the page and the facts the browser checks, runs them.
fn check_in_chromium(name: &str, html: HtmlReport, lazy: bool) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("html-browser")
        .join(name);
    std::fs::create_dir_all(&out).unwrap();
    let profile = Profile::from_toml_path(root.join("examples/data/profile-example.toml")).unwrap();
    let baseline = dangjian::parse_date("2025-06-30").unwrap();
    let bundles = common::sample();
    let (report, page) =
        common::html_report(&bundles, profile, common::as_of(), Some(baseline), html);
    let file = out.join("report.html");
    std::fs::write(&file, &page).unwrap();
    // M08 (B01) paid nothing for June 2025: a DUE001 finding.
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.id == "DUE001/B01/member:M08/2025-06")
    );
    let facts = serde_json::json!({
        "html": file,
        "out": out,
        "rows": report.findings.len(),
        "branch": "B01",
        "branch_rows": report.findings.iter().filter(|f| f.branch == "B01").count(),
        "member": "M08",
        "month": "2025-06",
        "letter": "U",
        "label": "未交",
        "lazy": lazy,
        "grids": 2 * bundles.len(),
    });
    let facts_path = out.join("facts.json");
    std::fs::write(&facts_path, facts.to_string()).unwrap();
    assert!(
        root.join("tests/browser/node_modules/playwright-core")
            .is_dir(),
        "run `npm ci` in tests/browser first"
    );
    let run = Command::new("node")
        .arg(root.join("tests/browser/check.mjs"))
        .arg(&facts_path)
        .current_dir(root)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    println!("{name}:\n{stdout}");
    assert!(
        run.status.success(),
        "the browser checks failed:\n{stdout}\n{stderr}"
    );
    for f in [
        "screen.png",
        "branch.png",
        "grids.png",
        "timeline.png",
        "findings.png",
        "print.pdf",
    ] {
        assert!(out.join(f).is_file(), "{f} written");
    }
}

#[test]
#[ignore = "needs /usr/bin/chromium and node with tests/browser/node_modules (.ci/run runs it)"]
fn the_sample_report_works_in_chromium_offline() {
    check_in_chromium("open", HtmlReport::new(Lang::Zh), false);
}

#[test]
#[ignore = "needs /usr/bin/chromium and node with tests/browser/node_modules (.ci/run runs it)"]
fn closed_sections_build_their_body_when_opened_and_print_it() {
    check_in_chromium("closed", HtmlReport::new(Lang::Zh).open_up_to(0), true);
}
