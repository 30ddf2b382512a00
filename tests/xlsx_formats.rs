//! The sample workbook saved as `.ods` (LibreOffice, WPS) and `.xls`
//! (Excel 97–2003) reads as `sample.json`. The converted files are kept in
//! `tests/xlsx_real/` so that a plain `cargo test` covers them; where
//! LibreOffice is installed, the ignored test makes them afresh from
//! `examples/data/sample.xlsx` and checks them the same way
//! (`.ci/run` runs it).

#![cfg(feature = "xlsx")]

mod xlsx_common;

use std::path::Path;

fn reads_as_the_sample(path: &Path) {
    let json = dangjian::load::read_path("examples/data/sample.json").unwrap();
    let wb = dangjian::load::xlsx::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    xlsx_common::assert_twins(&wb.bundles, &json);
}

#[test]
fn the_sample_as_ods_reads_as_the_sample() {
    reads_as_the_sample(Path::new("tests/xlsx_real/sample.ods"));
}

#[test]
fn the_sample_as_xls_reads_as_the_sample() {
    reads_as_the_sample(Path::new("tests/xlsx_real/sample.xls"));
}

/// Converts the sample with LibreOffice now and reads the results.
#[test]
#[ignore = "needs LibreOffice (soffice); .ci/run runs it"]
fn the_sample_converted_now_reads_as_the_sample() {
    let dir = std::env::temp_dir().join(format!("dangjian-convert-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for ext in ["ods", "xls"] {
        let status = std::process::Command::new("soffice")
            .args(["--headless", "--convert-to", ext, "--outdir"])
            .arg(&dir)
            .arg("examples/data/sample.xlsx")
            .stdout(std::process::Stdio::null())
            .status()
            .expect("soffice runs");
        assert!(status.success());
        reads_as_the_sample(&dir.join(format!("sample.{ext}")));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
