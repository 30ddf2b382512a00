//! Helpers for the unit tests.

use chrono::NaiveDate;

/// The date `s` (`YYYY-MM-DD`); panics on a bad date.
pub(crate) fn d(s: &str) -> NaiveDate {
    crate::parse_date(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The bundled sample's bundles (`examples/data/sample.json`).
pub(crate) fn sample() -> Vec<crate::Bundle> {
    crate::load::read_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/sample.json"
    ))
    .unwrap()
}

/// A profile named `t` extending `central`, with `rest` (TOML tables) after
/// its header.
pub(crate) fn profile(rest: &str) -> crate::Profile {
    crate::Profile::from_toml_str(&format!(
        "format = \"dangjian-profile/1\"\nname = \"t\"\nextends = \"central\"\n{rest}"
    ))
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Compares `got` with the file `rel` (from the crate's root): on a
/// difference writes `rel.new` beside it and fails, naming the first line
/// that differs. `DANGJIAN_BLESS=1 cargo test --lib` writes `got` to `rel`.
pub(crate) fn snapshot(rel: &str, got: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let new = path.with_file_name(format!(
        "{}.new",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("snapshot")
    ));
    if std::env::var_os("DANGJIAN_BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
        let _ = std::fs::remove_file(&new);
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        std::fs::write(&new, got).unwrap();
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(g, w)| g != w)
            .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
        panic!(
            "{rel} is stale from line {}: compare it with {rel}.new, and accept that \
             with DANGJIAN_BLESS=1 cargo test --lib\n  was: {:?}\n  now: {:?}",
            line + 1,
            want.lines().nth(line),
            got.lines().nth(line)
        );
    }
}
