//! Writes records as the 台账 workbook the reader reads (XLSX.md "Reading"),
//! or the empty template:
//!
//! ```text
//! cargo run --example make_workbook                      # examples/data/sample.json → examples/data/sample.xlsx
//! cargo run --example make_workbook -- IN.json OUT.xlsx   # any .json / .jsonl file
//! cargo run --example make_workbook -- --template OUT.xlsx
//! cargo run --example make_workbook -- --report IN.json OUT.xlsx [AS_OF]   # the report workbook of an audit
//! cargo run --example make_workbook -- --read FILE                        # read a workbook or JSON Lines, print a summary
//! ```
//!
//! The same input gives the same bytes. `examples/data/sample.xlsx` is made
//! by the first form; `tests/xlsx_roundtrip.rs` reads it back and checks that
//! it gives exactly the bundles of `sample.json`.

use std::fs::File;
use std::io::BufWriter;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => convert("examples/data/sample.json", "examples/data/sample.xlsx"),
        [flag, out] if flag == "--template" => File::create(out)
            .map_err(|e| format!("{out}: {e}"))
            .and_then(|f| {
                dangjian::render::xlsx::write_template(BufWriter::new(f)).map_err(|e| e.to_string())
            }),
        [flag, input] if flag == "--read" => read(input),
        [flag, input, out] if flag == "--report" => report(input, out, None),
        [flag, input, out, as_of] if flag == "--report" => report(input, out, Some(as_of)),
        [input, out] => convert(input, out),
        _ => Err(
            "usage: make_workbook [IN.json OUT.xlsx | --template OUT.xlsx | --report IN OUT.xlsx [AS_OF]]"
                .to_owned(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("make_workbook: {e}");
            ExitCode::from(2)
        }
    }
}

fn convert(input: &str, out: &str) -> Result<(), String> {
    let bundles = dangjian::load::read_path(input).map_err(|e| e.to_string())?;
    let file = File::create(out).map_err(|e| format!("{out}: {e}"))?;
    dangjian::render::xlsx::write_records(&bundles, BufWriter::new(file))
        .map_err(|e| e.to_string())?;
    eprintln!("{out}: {} branches", bundles.len());
    Ok(())
}

/// Audits `input` (as of `as_of`, default the latest date in the data) and
/// writes the report workbook.
fn report(input: &str, out: &str, as_of: Option<&str>) -> Result<(), String> {
    let bundles = dangjian::load::read_path(input).map_err(|e| e.to_string())?;
    let as_of = match as_of {
        Some(d) => dangjian::parse_date(d).map_err(|e| e.to_string())?,
        None => bundles
            .iter()
            .filter_map(dangjian::Bundle::latest_event_date)
            .max()
            .ok_or("no dates in the data")?,
    };
    let auditor = dangjian::Auditor::new(as_of);
    let mut report = auditor.empty_report();
    let mut wb = dangjian::render::xlsx::ReportWorkbook::new();
    for b in &bundles {
        let cx = auditor.context(b);
        let findings = auditor.check_context(&cx);
        wb.add_branch(&cx, &findings);
        auditor.add(&mut report, b, findings);
    }
    let report = auditor.finish(report);
    wb.finish_to_path(&report, out).map_err(|e| e.to_string())?;
    eprintln!("{out}: {} findings", report.findings.len());
    Ok(())
}

/// Reads `input` (a workbook with its warnings, or any other input) and
/// prints what it holds and how fast it was read.
fn read(input: &str) -> Result<(), String> {
    let t = std::time::Instant::now();
    let (bundles, warnings) = if dangjian::load::is_workbook_path(std::path::Path::new(input)) {
        let wb = dangjian::load::xlsx::read(input).map_err(|e| e.to_string())?;
        (wb.bundles, wb.warnings)
    } else {
        let b: Result<Vec<_>, _> = dangjian::load::open(input)
            .map_err(|e| e.to_string())?
            .collect();
        (b.map_err(|e| e.to_string())?, Vec::new())
    };
    let s = t.elapsed().as_secs_f64();
    let members: usize = bundles.iter().map(|b| b.members.len()).sum();
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    println!(
        "{input}: {} branches, {members} members in {:.3} s ({:.0} members/s)",
        bundles.len(),
        s,
        members as f64 / s
    );
    Ok(())
}
