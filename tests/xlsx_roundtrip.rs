//! The bundled sample as a workbook: `examples/data/sample.xlsx` reads back
//! as exactly the bundles of `sample.json`, and audits the same.
#![cfg(feature = "xlsx")]

mod xlsx_common;

use dangjian::{Auditor, Bundle};
use xlsx_common::{as_of, plain};

/// The first table that differs, for a readable failure.
fn first_difference(a: &Bundle, b: &Bundle) -> String {
    let ja = serde_json::to_value(a).unwrap();
    let jb = serde_json::to_value(b).unwrap();
    for (k, va) in ja.as_object().unwrap() {
        let vb = &jb[k];
        if va != vb {
            if let (Some(xa), Some(xb)) = (va.as_array(), vb.as_array()) {
                for (i, (ra, rb)) in xa.iter().zip(xb).enumerate() {
                    if ra != rb {
                        return format!("{}: {k}[{i}]:\n json {ra}\n xlsx {rb}", a.branch.id);
                    }
                }
                return format!("{}: {k}: {} vs {} records", a.branch.id, xa.len(), xb.len());
            }
            return format!("{}: {k}:\n json {va}\n xlsx {vb}", a.branch.id);
        }
    }
    for k in jb.as_object().unwrap().keys() {
        if ja.get(k).is_none() {
            return format!("{}: {k} only in the workbook", a.branch.id);
        }
    }
    "no difference".into()
}

#[test]
fn sample_workbook_reads_back_as_sample_json() {
    let json = dangjian::load::read_path("examples/data/sample.json").unwrap();
    let wb = dangjian::load::xlsx::read("examples/data/sample.xlsx").unwrap();
    assert!(wb.errors.is_empty());
    // The sample's one planted unknown member (a payment for M99) is
    // reported with its cell.
    let w: Vec<String> = wb.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(
        w[0].starts_with("examples/data/sample.xlsx: 党费收缴!B"),
        "{w:?}"
    );
    assert!(w[0].contains("M99"), "{w:?}");
    assert_eq!(wb.bundles.len(), json.len());
    for (a, b) in json.iter().zip(&wb.bundles) {
        assert!(a == b, "{}", first_difference(a, b));
    }
    // And through `load::read_path`, by extension.
    assert_eq!(
        dangjian::load::read_path("examples/data/sample.xlsx").unwrap(),
        json
    );
}

#[test]
fn sample_workbook_audits_the_same() {
    let json = dangjian::load::read_path("examples/data/sample.json").unwrap();
    let xlsx = dangjian::load::read_path("examples/data/sample.xlsx").unwrap();
    let a = Auditor::new(as_of()).audit(&json);
    let b = Auditor::new(as_of()).audit(&xlsx);
    assert!(!a.findings.is_empty());
    assert_eq!(a.summary, b.summary);
    let pa: Vec<_> = a.findings.iter().map(plain).collect();
    let pb: Vec<_> = b.findings.iter().map(plain).collect();
    assert_eq!(pa, pb);
    // The one difference: the workbook's DAT001 names the cell of M99.
    let dat001 = b
        .findings
        .iter()
        .find(|f| f.rule.as_str() == "DAT001")
        .unwrap();
    let cells = dat001.evidence["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 1);
    assert!(
        cells[0].as_str().unwrap().starts_with("党费收缴!B"),
        "{cells:?}"
    );
    assert!(a.findings.iter().all(|f| f.evidence.get("cells").is_none()));
}

#[test]
fn sample_workbook_is_up_to_date() {
    // The committed workbook is what the writer makes of sample.json today.
    let json = dangjian::load::read_path("examples/data/sample.json").unwrap();
    let mut bytes = Vec::new();
    dangjian::render::xlsx::write_records(&json, &mut bytes).unwrap();
    let committed = std::fs::read("examples/data/sample.xlsx").unwrap();
    assert!(
        bytes == committed,
        "examples/data/sample.xlsx is stale: run `cargo run --example make_workbook`"
    );
}

#[cfg(feature = "synth")]
#[test]
fn generated_branches_round_trip_through_a_workbook() {
    use dangjian::synth::SynthOptions;
    // Clean: every record the generator makes has a place in the workbook.
    // Faulty: also an expected member with no attendance entry (absent, in
    // the record format), which the workbook lists as 缺席 and so reads back
    // as an explicit `absent` entry: the same audit.
    for faults in [0.0, 0.05] {
        let opts = SynthOptions {
            branches: 6,
            seed: 42,
            faults,
            ..SynthOptions::default()
        };
        let bundles: Vec<Bundle> = opts.bundles().collect();
        let mut bytes = Vec::new();
        dangjian::render::xlsx::write_records(&bundles, &mut bytes).unwrap();
        let wb = dangjian::load::xlsx::ReadOptions::new()
            .read_bytes(&bytes, None)
            .unwrap();
        assert!(wb.errors.is_empty());
        if faults == 0.0 {
            for (a, b) in bundles.iter().zip(&wb.bundles) {
                assert!(a == b, "{}", first_difference(a, b));
            }
        }
        let auditor = Auditor::new(as_of());
        let (ja, jb) = (
            auditor.audit(&bundles).to_json(),
            auditor.audit(&wb.bundles).to_json(),
        );
        if ja != jb {
            std::fs::write("/tmp/ja.json", &ja).unwrap();
            std::fs::write("/tmp/jb.json", &jb).unwrap();
        }
        assert!(ja == jb, "faults {faults}: the audits differ");
    }
}
