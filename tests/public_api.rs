//! The public surface, kept in a snapshot (issue 27: "a change is
//! deliberate"): every `pub use` and `pub mod` of the crate root and of the
//! modules whose re-exports make the root and `report`. A change fails here
//! until `tests/snapshots/public-api.txt` is updated with it
//! (`DANGJIAN_BLESS=1 cargo test --test public_api`), so it shows in review
//! — a stand-in for `cargo semver-checks`, which needs the network.

use std::fmt::Write as _;

const FILES: &[&str] = &[
    "src/lib.rs",
    "src/model/mod.rs",
    "src/report/mod.rs",
    "src/profile/mod.rs",
];

/// The `pub use …;` and `pub mod …` statements of `text`, one a line,
/// whitespace normalised.
fn statements(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("//") {
            continue;
        }
        if cur.is_none() && (t.starts_with("pub use ") || t.starts_with("pub mod ")) {
            cur = Some(String::new());
        }
        if let Some(s) = cur.as_mut() {
            s.push_str(t);
            s.push(' ');
            let done = if s.starts_with("pub use ") {
                t.ends_with(';')
            } else {
                t.ends_with(';') || t.ends_with('{') || t.ends_with('}')
            };
            if done {
                let norm = s.split_whitespace().collect::<Vec<_>>().join(" ");
                out.push(
                    norm.replace("{ ", "{")
                        .replace(", }", "}")
                        .replace(" }", "}"),
                );
                cur = None;
            }
        }
    }
    out
}

#[test]
fn the_public_surface_matches_its_snapshot() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut now = String::new();
    for f in FILES {
        let text = std::fs::read_to_string(format!("{root}/{f}")).unwrap();
        let _ = writeln!(now, "# {f}");
        for s in statements(&text) {
            let _ = writeln!(now, "{s}");
        }
    }
    let path = format!("{root}/tests/snapshots/public-api.txt");
    if std::env::var_os("DANGJIAN_BLESS").is_some() {
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let was = std::fs::read_to_string(&path).unwrap_or_default();
    if was != now {
        std::fs::write(format!("{path}.new"), &now).unwrap();
        panic!(
            "the public surface changed: compare {path} with {path}.new, and accept it \
             deliberately with DANGJIAN_BLESS=1 cargo test --test public_api"
        );
    }
}
