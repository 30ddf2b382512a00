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
