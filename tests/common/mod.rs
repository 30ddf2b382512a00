//! Helpers shared by the integration tests of the bundled sample.

#![allow(dead_code)] // each test crate uses its own part

use chrono::NaiveDate;
use dangjian::{Auditor, Bundle, Report};

/// The bundles of `examples/data/sample.json`.
pub fn sample() -> Vec<Bundle> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample.json");
    dangjian::load::read_path(path).expect("the sample loads")
}

/// The sample's reference date: the end of 2025.
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
}

/// An auditor as of the end of 2025 running the rules of `selection`.
pub fn auditor(selection: &str) -> Auditor {
    Auditor::new(as_of()).select(selection.parse().unwrap())
}

/// `branch rule subject period-start` of each finding, in report order.
pub fn keys(report: &Report) -> Vec<String> {
    report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {} {} {}",
                f.branch,
                f.rule,
                f.subject.id,
                f.period.map_or("-".to_owned(), |p| p.from.to_string())
            )
        })
        .collect()
}

/// The HTML report of `bundles` as of `as_of` with `profile`: indicators,
/// 待办 for 60 days, and — with `baseline_as_of` — compared with the same
/// records audited then (DAT003 left out there: it would report every later
/// record as dated after that day). Returns the report and the page.
#[cfg(feature = "html")]
pub fn html_report(
    bundles: &[Bundle],
    profile: dangjian::Profile,
    as_of: NaiveDate,
    baseline_as_of: Option<NaiveDate>,
    mut html: dangjian::render::html::HtmlReport,
) -> (Report, String) {
    use dangjian::report::{Baseline, Todo};
    let auditor = Auditor::new(as_of).profile(profile.clone());
    let mut report = auditor.empty_report();
    report.todo = Some(Todo::new(as_of, 60));
    for b in bundles {
        let cx = auditor.context(b);
        let findings = auditor.check_context(&cx);
        report.indicators.push(auditor.indicators(&cx, &findings));
        if let Some(t) = &mut report.todo {
            t.items.extend(auditor.todo(&cx, 60));
        }
        html.add_branch(&cx, &findings);
        auditor.add(&mut report, b, findings);
    }
    let mut report = auditor.finish(report);
    if let Some(t) = &mut report.todo {
        t.sort();
    }
    if let Some(day) = baseline_as_of {
        let before = Auditor::new(day)
            .profile(profile)
            .select(dangjian::Selection::all().without("DAT003".parse().unwrap()))
            .with_indicators(true)
            .audit(bundles);
        report.compare(&Baseline::from_report(&before, Some("baseline.json")));
    }
    let page = html.finish(&report).expect("the built-in templates render");
    (report, page)
}
