//! Citations follow the profile: changing one parameter's source changes the
//! citations of exactly the findings that used that parameter, and nothing
//! else.
#![cfg(feature = "synth")]

use dangjian::{Auditor, Bundle, Citation, Finding, NaiveDate, Profile};

fn bundles() -> Vec<Bundle> {
    let mut all = dangjian::load::read_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.json"
    ))
    .expect("the sample loads");
    let mut opts = dangjian::synth::SynthOptions::new(24, 11);
    opts.faults = 0.3;
    opts.year = 2025;
    all.extend(opts.bundles());
    all
}

fn audit(profile: &Profile, bundles: &[Bundle]) -> Vec<Finding> {
    let auditor =
        Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()).profile(profile.clone());
    bundles.iter().flat_map(|b| auditor.check(b)).collect()
}

fn used(f: &Finding, param: &str) -> bool {
    f.citations
        .iter()
        .any(|c| c.param.as_deref() == Some(param))
}

#[test]
fn a_changed_source_changes_exactly_the_findings_that_used_it() {
    let bundles = bundles();
    let central = Profile::central();
    let base = audit(&central, &bundles);
    let values = serde_json::to_value(&central).unwrap();
    let mut exercised = Vec::new();
    for view in central.params() {
        let name = view.name;
        if !base.iter().any(|f| used(f, name)) {
            continue;
        }
        let (section, field) = name.split_once('.').unwrap();
        let value = values[section][field]["value"].clone();
        let source = Citation::owned(format!("测试文件〔{name}〕"), "第一条");
        let mut changed = central.clone();
        changed
            .set_param(name, value, None, Some(source.clone()))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let after = audit(&changed, &bundles);
        assert_eq!(
            after.len(),
            base.len(),
            "{name}: the same value gives the same findings"
        );
        for (a, b) in base.iter().zip(&after) {
            assert_eq!(a.id, b.id);
            if used(a, name) {
                let cited: Vec<&Citation> = b
                    .citations
                    .iter()
                    .filter(|c| c.param.as_deref() == Some(name))
                    .collect();
                assert_eq!(cited.len(), 1, "{name}: {} cites it once", b.id);
                assert_eq!(cited[0].document, source.document, "{name}: {}", b.id);
                assert_ne!(a.citations, b.citations, "{name}: {}", b.id);
            } else {
                assert_eq!(
                    a.citations, b.citations,
                    "{name} changed {} which did not use it",
                    a.id
                );
            }
        }
        exercised.push(name);
    }
    // Not vacuous: the thresholds of most families are cited.
    assert!(
        exercised.len() >= 12,
        "only {} parameters cited: {exercised:?}",
        exercised.len()
    );
}

#[test]
fn a_value_set_without_a_source_is_cited_as_local() {
    let bundles = bundles();
    let mut p = Profile::central();
    p.set_param("dues.lapse_months", serde_json::json!(5), None, None)
        .unwrap();
    let findings = audit(&p, &bundles);
    let lapse = findings
        .iter()
        .find(|f| f.rule == "DUE004")
        .expect("a five-month lapse somewhere");
    let c = lapse
        .citations
        .iter()
        .find(|c| c.param.as_deref() == Some("dues.lapse_months"))
        .expect("DUE004 cites its threshold");
    assert!(c.document.starts_with("本地规定"), "{c:?}");
    assert!(c.article.contains('5'), "{c:?}");
}
