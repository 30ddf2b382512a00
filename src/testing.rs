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

/// A warning of `rule` for `subject` of `branch` over `period`, as a rule
/// of the dues would write it (message 应交 40.00 元, evidence `owed`).
pub(crate) fn finding(
    rule: crate::vocab::RuleCode,
    branch: &str,
    subject: crate::report::Subject,
    period: Option<crate::DateRange>,
) -> crate::Finding {
    let mut evidence = crate::report::Evidence::default();
    evidence.insert("owed", serde_json::json!("40.00"));
    crate::Finding::new(
        rule,
        crate::Severity::Warning,
        branch.parse().unwrap(),
        subject,
        period,
        crate::report::Message::new("应交 40.00 元", "owes 40.00"),
        evidence,
        Vec::new(),
    )
}

/// A directory of its own under the system's temporary directory, removed
/// when dropped (also when the test fails).
pub(crate) struct TempDir(std::path::PathBuf);

impl TempDir {
    /// `dangjian-NAME-PID`, created empty.
    pub(crate) fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("dangjian-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    /// Its path.
    pub(crate) fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
