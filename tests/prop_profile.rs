//! Citations follow the profile: a parameter set with its own source makes
//! every finding that used it cite that source, and nothing else changes.

mod common;

use std::collections::BTreeMap;

use dangjian::{Auditor, Citation, Finding, Profile, Report};
use proptest::prelude::*;

/// The whole-number parameters with their ranges (`lo–hi`).
fn integer_params() -> Vec<(&'static str, u32, u32)> {
    Profile::central()
        .params()
        .into_iter()
        .filter(|p| p.kind == "integer")
        .filter_map(|p| {
            let (lo, hi) = p.range.split_once('–')?;
            Some((p.name, lo.parse().ok()?, hi.parse().ok()?))
        })
        .collect()
}

/// The parameters the rules cite: half the cases pick one of these.
/// The whole-number parameters some rule cites (the property sets random
/// whole numbers in range; the other types are covered by the fixtures).
fn cited_params() -> Vec<&'static str> {
    let ints = integer_params();
    let mut v: Vec<&str> = dangjian::rules::registry()
        .iter()
        .flat_map(|r| r.params())
        .filter(|p| ints.iter().any(|(n, _, _)| n == p))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn audit(p: Profile) -> Report {
    Auditor::new(common::as_of())
        .profile(p)
        .audit(&common::sample())
}

fn by_id(r: &Report) -> BTreeMap<&str, &Finding> {
    r.findings.iter().map(|f| (f.id.as_str(), f)).collect()
}

fn without(cits: &[Citation], param: &str) -> Vec<Citation> {
    cits.iter()
        .filter(|c| c.param.as_deref() != Some(param))
        .cloned()
        .collect()
}

#[test]
fn the_sample_has_findings_citing_parameters() {
    let r = audit(Profile::central());
    for (rule, param) in [
        ("DUE004", "dues.lapse_months"),
        ("MTG010", "meetings.lapse_months"),
    ] {
        assert!(
            r.findings.iter().any(|f| f.rule == rule
                && f.citations
                    .iter()
                    .any(|c| c.param.as_deref() == Some(param))),
            "no {rule} finding cites {param}"
        );
    }
    let cited = cited_params();
    assert!(cited.len() >= 2, "{cited:?}");
    let ints = integer_params();
    assert!(cited.iter().all(|c| ints.iter().any(|(n, _, _)| n == c)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn findings_that_used_a_parameter_cite_its_source(
        pick_cited in any::<bool>(),
        index in any::<prop::sample::Index>(),
        fraction in 0.0f64..=1.0,
        article in 1u32..99,
    ) {
        let ints = integer_params();
        let cited = cited_params();
        let name = if pick_cited {
            *index.get(&cited)
        } else {
            index.get(&ints).0
        };
        let &(_, lo, hi) = ints.iter().find(|(n, _, _)| *n == name).unwrap();
        let value = lo + ((f64::from(hi - lo)) * fraction).round() as u32;
        let source = Citation::owned("某省委组织部〔2025〕1号", format!("第{article}条"));
        let mut p = Profile::central();
        p.set_param(name, serde_json::json!(value), None, Some(source.clone())).unwrap();

        let before = audit(Profile::central());
        let after = audit(p);
        let old = by_id(&before);
        for f in &after.findings {
            let uses: Vec<&Citation> =
                f.citations.iter().filter(|c| c.param.as_deref() == Some(name)).collect();
            for c in &uses {
                prop_assert!(c.same_text(&source), "{} cites {} for {name}", f.id, c);
            }
            if let Some(o) = old.get(f.id.as_str()) {
                if uses.is_empty() {
                    prop_assert_eq!(&f.citations, &o.citations, "{} changed", f.id);
                } else {
                    // The other citations stay, but for one that repeated the
                    // text of this parameter's old source (two parameters with
                    // one source are cited once): it now shows on its own.
                    let old_source = Profile::central().params().into_iter()
                        .find(|p| p.name == name).unwrap().editions[0].source.clone();
                    let mut rest = without(&f.citations, name);
                    let mut before = without(&o.citations, name);
                    rest.retain(|c| !c.same_text(&old_source) && !c.same_text(&source));
                    before.retain(|c| !c.same_text(&old_source));
                    prop_assert_eq!(rest, before);
                }
            }
        }
    }
}
