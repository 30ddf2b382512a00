//! The HTML report: its snapshot, that it needs no network, that it is
//! deterministic and escapes user text, and that a report read back renders.
//! (The browser test is tests/html_browser.rs.)

#![cfg(feature = "html")]

mod common;

use dangjian::render::html::HtmlReport;
use dangjian::{Lang, NaiveDate, Profile, Report};

fn d(s: &str) -> NaiveDate {
    dangjian::parse_date(s).unwrap()
}

const SMALL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/snapshots/html-small.json"
);
const SNAPSHOT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/snapshots/html-small.html"
);

fn small(lang: Lang) -> (Report, String) {
    let bundles = dangjian::load::read_path(SMALL).unwrap();
    common::html_report(
        &bundles,
        Profile::central(),
        d("2025-12-31"),
        Some(d("2025-06-30")),
        HtmlReport::new(lang),
    )
}

fn sample() -> (Report, String) {
    let profile = Profile::from_toml_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/profile-example.toml"
    ))
    .unwrap();
    common::html_report(
        &common::sample(),
        profile,
        common::as_of(),
        Some(d("2025-06-30")),
        HtmlReport::new(Lang::Zh),
    )
}

/// Rows of the findings table.
fn rows(page: &str) -> usize {
    page.matches("<tr class=\"sev-").count()
}

#[test]
fn the_page_matches_its_snapshot() {
    let (report, page) = small(Lang::Zh);
    assert_eq!(rows(&page), report.findings.len());
    if std::env::var_os("DANGJIAN_BLESS").is_some() {
        std::fs::write(SNAPSHOT, &page).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    if expected != page {
        let line = expected
            .lines()
            .zip(page.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(page.lines().count()));
        panic!(
            "tests/snapshots/html-small.html is stale (first difference at line {}):\n  expected: {}\n  got:      {}\n\
             run `DANGJIAN_BLESS=1 cargo test --test html` to regenerate it, and look at the change",
            line + 1,
            expected.lines().nth(line).unwrap_or(""),
            page.lines().nth(line).unwrap_or("")
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    assert_eq!(small(Lang::Zh).1, small(Lang::Zh).1);
    assert_eq!(sample().1, sample().1);
}

/// What in `page` would make a browser fetch something, user text aside.
fn fetches(page: &str, user_text: &[&str]) -> Vec<String> {
    let mut page = page.to_owned();
    for u in user_text {
        let mine = u
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        let jinja = mine.replace('/', "&#x2f;").replace('\'', "&#x27;");
        for form in [u.to_string(), mine, jinja] {
            page = page.replace(&form, "");
        }
    }
    let lower = page.to_lowercase();
    let mut bad = Vec::new();
    for needle in [
        "http://",
        "https://",
        "<link",
        "@import",
        "<iframe",
        "<object",
        "<embed",
        "<base",
        "xmlhttprequest",
        "fetch(",
        "sendbeacon",
        "websocket",
        "import(",
    ] {
        if lower.contains(needle) {
            bad.push(needle.to_owned());
        }
    }
    for attr in ["src=", "srcset=", "url(", "href=", "action="] {
        for (i, _) in lower.match_indices(attr) {
            let rest = lower[i + attr.len()..].trim_start_matches(['"', '\'', ' ']);
            let ok = rest.starts_with("data:") || (attr == "href=" && rest.starts_with('#'));
            if !ok {
                bad.push(format!("{attr}{}", &rest[..rest.len().min(40)]));
            }
        }
    }
    bad
}

#[test]
fn the_page_asks_for_nothing_from_the_network() {
    let (_, page) = sample();
    assert_eq!(fetches(&page, &[]), Vec::<String>::new());
    let (_, page) = small(Lang::En);
    assert_eq!(fetches(&page, &[]), Vec::<String>::new());
    // A URL in the data is text, escaped, never a reference.
    let text = std::fs::read_to_string(SMALL)
        .unwrap()
        .replace("张三", "张三 https://example.org/x?a=1&b=<2>")
        .replace("示例党支部", "示例 <img src=http://example.org/p.png>");
    let bundles = dangjian::load::from_json_str(&text).unwrap();
    let (_, page) = common::html_report(
        &bundles,
        Profile::central(),
        d("2025-12-31"),
        None,
        HtmlReport::new(Lang::Zh),
    );
    assert!(!page.contains("<img"), "user text is escaped");
    assert!(!fetches(&page, &[]).is_empty(), "the check sees the URL");
    assert_eq!(
        fetches(
            &page,
            &[
                "https://example.org/x?a=1&b=<2>",
                "<img src=http://example.org/p.png>"
            ]
        ),
        Vec::<String>::new()
    );
    // The check itself sees a reference.
    assert_eq!(fetches("<img src=\"x.png\">", &[]), ["src=x.png\">"]);
    assert_eq!(fetches("<a href=\"#b1\">", &[]), Vec::<String>::new());
}

#[test]
fn user_text_is_escaped_everywhere() {
    let (_, page) = small(Lang::Zh);
    assert!(!page.contains("王五 <b>&"));
    assert!(
        page.contains("王五 &lt;b&gt;&amp;"),
        "in the grids and the table"
    );
}

#[test]
fn every_finding_is_a_row_and_the_sections_are_there() {
    let (report, page) = sample();
    assert_eq!(rows(&page), report.findings.len());
    for b in ["B01", "B02", "B03"] {
        assert!(page.contains(&format!("data-b=\"{b}\" open>")), "{b}");
    }
    assert_eq!(page.matches("<svg class=\"grid\"").count(), 6);
    assert!(page.matches("<svg class=\"timeline\"").count() >= 10);
    assert!(page.contains("<section id=\"todo\""));
    assert!(page.contains("评星定级"));
    assert!(page.contains("新发现"));
    // With many branches the sections start closed; the bodies stay in the page.
    let bundles = common::sample();
    let auditor = dangjian::Auditor::new(common::as_of());
    let mut html = HtmlReport::new(Lang::En).open_up_to(1);
    let mut report = auditor.empty_report();
    for b in &bundles {
        let cx = auditor.context(b);
        let findings = auditor.check_context(&cx);
        html.add_branch(&cx, &findings);
        auditor.add(&mut report, b, findings);
    }
    let page = html.finish(&auditor.finish(report)).unwrap();
    assert_eq!(page.matches(" open>").count(), 0);
    assert_eq!(page.matches("<noscript class=\"lazy\">").count(), 3);
    assert!(page.contains("<h1>Party branch records audit</h1>"));
}

#[test]
fn a_report_read_back_renders_without_its_bundles() {
    let (report, _) = sample();
    let back = Report::from_json(&report.to_json()).unwrap();
    let page = HtmlReport::new(Lang::Zh).finish(&back).unwrap();
    assert_eq!(rows(&page), report.findings.len());
    assert_eq!(page.matches("<details class=\"branch").count(), 3);
    assert!(!page.contains("<svg class=\"grid\""), "no bundle, no grid");
}
