//! Rendering a report: text (Chinese by default, grouped by branch), CSV
//! (UTF-8 with BOM, so that Excel opens it) and JSON, as strings or to any
//! [`std::io::Write`].
//!
//! Text is built one branch at a time ([`TextReport::add_branch`]), so a
//! streaming audit keeps only the rendered text, not the bundles.
//!
//! ```
//! use dangjian::{Auditor, Lang, NaiveDate};
//! use dangjian::render::{self, TextReport};
//!
//! let bundles = dangjian::load::read_path("examples/data/sample.json")?;
//! let auditor = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
//! let mut text = TextReport::new(Lang::En);
//! let mut report = auditor.empty_report();
//! for b in &bundles {
//!     let cx = auditor.context(b);
//!     let findings = auditor.check_context(&cx);
//!     text.add_branch(&cx, &findings);
//!     auditor.add(&mut report, b, findings);
//! }
//! let report = auditor.finish(report);
//! let mut out = Vec::new();
//! text.write(&report, &mut out)?;
//! assert!(String::from_utf8(out).unwrap().starts_with("Party branch records audit"));
//! let mut csv = Vec::new();
//! render::write_csv(&report, Lang::Zh, &mut csv)?;
//! assert!(csv.starts_with("\u{feff}rule,name".as_bytes()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod csv;
#[cfg(feature = "html")]
#[cfg_attr(docsrs, doc(cfg(feature = "html")))]
pub mod html;
#[cfg(feature = "cli")]
mod json;
mod text;

#[allow(unused_imports)]
pub(crate) use csv::{CSV_HEADER, csv_row};
pub use csv::{csv, write_csv};
#[cfg(feature = "cli")]
pub(crate) use json::{json_finding, json_frame};
pub use text::TextReport;
#[allow(unused_imports)]
pub(crate) use text::{
    branch_head, branch_section, branch_tail, finding_block, text_head, text_summary,
};
#[cfg(feature = "xlsx")]
pub mod xlsx;

/// A rate as a percentage with one decimal (`95.8%`, `100%`), `—` for none:
/// the one form of the text report, the HTML page and the workbook.
pub(crate) fn percent(r: Option<rust_decimal::Decimal>) -> String {
    r.map(|r| {
        format!(
            "{}%",
            (r * rust_decimal::Decimal::ONE_HUNDRED)
                .round_dp(1)
                .normalize()
        )
    })
    .unwrap_or_else(|| "—".to_owned())
}
