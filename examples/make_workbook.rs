//! Writes records as the 台账 workbook the reader reads (XLSX.md "Reading"),
//! or the empty template:
//!
//! ```text
//! cargo run --example make_workbook                      # examples/data/sample.json → examples/data/sample.xlsx
//! cargo run --example make_workbook -- IN.json OUT.xlsx   # any .json / .jsonl file
//! cargo run --example make_workbook -- --template OUT.xlsx
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
        [input, out] => convert(input, out),
        _ => Err("usage: make_workbook [IN.json OUT.xlsx | --template OUT.xlsx]".to_owned()),
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
