//! `docs/rules.md` is generated from the registry; this test fails when it is
//! stale. Regenerate with `DANGJIAN_BLESS=1 cargo test --test docs`.

#[test]
fn rules_reference_is_fresh() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let want = dangjian::rules::catalogue::markdown();
    if std::env::var_os("DANGJIAN_BLESS").is_some() {
        std::fs::write(path, &want).expect("write docs/rules.md");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rules.md is stale: run `DANGJIAN_BLESS=1 cargo test --test docs`"
    );
    // Every registered rule is documented in it, with its four parts.
    for r in dangjian::rules::registry() {
        assert!(
            have.contains(&format!("### {}", r.code)),
            "{} missing",
            r.code
        );
        for part in [r.what, r.why, r.example] {
            assert!(!part.trim().is_empty(), "{}: empty docs", r.code);
        }
        assert!(!r.citations.is_empty(), "{}: no citation", r.code);
    }
}

#[test]
fn rule_index_is_fresh() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rule-index.md");
    let want = dangjian::rules::catalogue::index_markdown();
    if std::env::var_os("DANGJIAN_BLESS").is_some() {
        std::fs::write(path, &want).expect("write docs/rule-index.md");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/rule-index.md is stale: run `DANGJIAN_BLESS=1 cargo test --test docs`"
    );
    assert_eq!(have.lines().count(), 2 + dangjian::rules::registry().len());
}
