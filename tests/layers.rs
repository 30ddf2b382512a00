//! One way through the house (issue 21): the crate's top-level modules form
//! layers, each importing only the layers below it, with no circle.
//!
//! Reads every `crate::…` path of `src/` — `use` lines, paths in code and in
//! `serde` attributes; comments and `#[cfg(test)]` modules left out (unit
//! tests may set up with the whole crate) — resolves the crate root's
//! re-exports (`crate::Auditor` is `audit`, `crate::dues` is `families`)
//! and checks each import between top-level modules against the table
//! `LAYERS`, as DESIGN.md draws it. The imports themselves are kept in
//! `tests/snapshots/layers.txt` (which module imports which, and how many
//! paths), so a new dependency between layers shows in review; refresh it
//! with `DANGJIAN_BLESS=1 cargo test --test layers`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The layers, lowest first; a module may import its own layer's modules
/// (without a circle) and those below.
const LAYERS: &[(&str, &[&str])] = &[
    ("ground", &["model", "calendar", "error", "period"]),
    ("vocabulary", &["vocab"]),
    ("profile", &["profile"]),
    ("rule kit", &["kit"]),
    ("families", &["families"]),
    ("auditor", &["audit"]),
    ("inspection cycle", &["report"]),
    ("reading", &["load"]),
    ("rendering", &["render"]),
    ("application", &["cli", "synth"]),
    ("the crate root", &["lib"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, ms)| ms.contains(&module))
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file belongs to (`src/app/` is the `cli` module).
fn module_of(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    let name = first.trim_end_matches(".rs");
    match name {
        "app" => "cli".into(),
        n => n.into(),
    }
}

/// `text` without comments and without `#[cfg(test)]` items (a module or
/// function after the attribute, to its closing brace).
fn code_only(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    for line in text.lines() {
        // Comments: `//` outside a string (a URL in a string is rare here
        // and would only add a path, never hide one).
        let cut = line.find("//").filter(|&i| {
            let before = &line[..i];
            before.matches('"').count() % 2 == 0
        });
        kept.push_str(cut.map_or(line, |i| &line[..i]));
        kept.push('\n');
    }
    let mut out = String::with_capacity(kept.len());
    let mut rest = kept.as_str();
    while let Some(i) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..i]);
        let after = &rest[i + "#[cfg(test)]".len()..];
        // The item: up to its `;` (a `use`/`mod x;`) or its matching brace.
        let semi = after.find(';');
        let brace = after.find('{');
        match (semi, brace) {
            (Some(s), Some(b)) if s < b => rest = &after[s + 1..],
            (_, Some(b)) => {
                let mut depth = 0usize;
                let mut end = after.len();
                for (k, ch) in after[b..].char_indices() {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = b + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = &after[end..];
            }
            (Some(s), None) => rest = &after[s + 1..],
            (None, None) => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// The first segments of every `crate::` path in `code`: `crate::a::b` gives
/// `a`; `crate::{a::x, b}` gives `a` and `b`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        // Not `$crate::` in macros (those name the path the macro's user
        // gets) — count them too: they are imports of the defining crate.
        let after = &rest[i + "crate::".len()..];
        // A path in backticks is prose (a rule's docs in a string).
        if rest[..i].ends_with('`') {
            rest = after;
            continue;
        }
        if let Some(group) = after.strip_prefix('{') {
            // The top-level items of the group.
            let mut depth = 0usize;
            let mut item = String::new();
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(ch);
                }
            }
            out.push(first_segment(&item));
        } else {
            out.push(first_segment(after));
        }
        rest = after;
    }
    out.retain(|s| !s.is_empty());
    out
}

fn first_segment(s: &str) -> String {
    s.trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Names the crate root re-exports, by the module they come from: read off
/// `pub use a::…` lines of `src/lib.rs` (`pub use model::*` is the default
/// for capitalised names it does not list).
fn root_names(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    let code = code_only(lib);
    for stmt in code.split(';') {
        let s = stmt.trim();
        let Some(u) = s.strip_prefix("pub use ") else {
            continue;
        };
        let u = u.trim_start_matches("crate::");
        let module = first_segment(u);
        let tail = &u[module.len()..];
        let tail = tail.trim_start_matches("::");
        let items: Vec<String> = if let Some(group) = tail.strip_prefix('{') {
            group
                .trim_end_matches('}')
                .split(',')
                .map(|i| {
                    let i = i.trim();
                    // `x as y`, `self`, `a::b` → the name given at the root.
                    let named = i.rsplit(" as ").next().unwrap_or(i);
                    named
                        .rsplit("::")
                        .next()
                        .unwrap_or(named)
                        .trim()
                        .to_string()
                })
                .collect()
        } else {
            vec![tail.rsplit("::").next().unwrap_or(tail).to_string()]
        };
        for item in items {
            if item == "self" {
                names.insert(module.clone(), module.clone());
            } else if !item.is_empty() && item != "*" {
                names.insert(item, module.clone());
            }
        }
    }
    // The facade modules declared inline in lib.rs are the root's own.
    for m in ["rules", "docs"] {
        names.insert(m.into(), "lib".into());
    }
    names
}

struct Graph {
    /// (from, to) → the files and paths that make the edge.
    edges: BTreeMap<(String, String), BTreeSet<String>>,
    modules: BTreeSet<String>,
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let names = root_names(&lib);
    let externals = ["chrono", "rust_decimal", "serde", "serde_json"];
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    let mut edges: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut modules = BTreeSet::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().to_path_buf();
        let from = module_of(&rel);
        // Test-only files: the helpers (`#[cfg(test)] mod testing`) and
        // unit-test modules kept in a file of their own (`mod tests;`).
        if from == "testing" || rel.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        modules.insert(from.clone());
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        for seg in crate_paths(&code) {
            let to = if layer_of(&seg).is_some() || seg == "app" {
                if seg == "app" {
                    "cli".to_string()
                } else {
                    seg.clone()
                }
            } else if let Some(m) = names.get(&seg) {
                if externals.contains(&m.as_str()) {
                    continue;
                }
                m.clone()
            } else if seg.chars().next().is_some_and(char::is_uppercase) || seg == "parse_date" {
                "model".to_string() // `pub use model::*`
            } else {
                format!("?{seg}")
            };
            if to != from {
                edges
                    .entry((from.clone(), to))
                    .or_default()
                    .insert(rel.display().to_string());
            }
        }
    }
    Graph { edges, modules }
}

/// A circle through `start`, if any (depth-first over the edges).
fn circle(edges: &BTreeMap<(String, String), BTreeSet<String>>) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        next.entry(a).or_default().push(b);
    }
    fn visit<'a>(
        n: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| *p == n) {
            let mut c: Vec<String> = path[i..].iter().map(|s| s.to_string()).collect();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n);
        for m in next.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, next, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n);
        None
    }
    let mut done = BTreeSet::new();
    for n in next.keys() {
        if let Some(c) = visit(n, &next, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn every_module_has_a_layer() {
    let g = graph();
    let unknown: Vec<&String> = g.modules.iter().filter(|m| layer_of(m).is_none()).collect();
    assert!(
        unknown.is_empty(),
        "modules without a layer in LAYERS: {unknown:?}"
    );
    let unresolved: Vec<_> = g.edges.keys().filter(|(_, b)| b.starts_with('?')).collect();
    assert!(unresolved.is_empty(), "paths not resolved: {unresolved:?}");
}

#[test]
fn no_import_runs_up_a_layer() {
    let g = graph();
    let mut up = String::new();
    for ((a, b), files) in &g.edges {
        let (Some(la), Some(lb)) = (layer_of(a), layer_of(b)) else {
            continue;
        };
        if lb > la {
            let _ = writeln!(
                up,
                "{a} ({}) imports {b} ({}): {}",
                LAYERS[la].0,
                LAYERS[lb].0,
                files.iter().cloned().collect::<Vec<_>>().join(", ")
            );
        }
    }
    assert!(
        up.is_empty(),
        "imports from a lower layer to a higher one:\n{up}"
    );
}

#[test]
fn no_circle_between_modules() {
    let g = graph();
    assert_eq!(circle(&g.edges), None, "a circle of imports");
}

/// The checker itself: a circle and an upward import are caught.
#[test]
fn the_checker_sees_circles_and_paths() {
    let mut e: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    e.insert(("a".into(), "b".into()), BTreeSet::new());
    e.insert(("b".into(), "c".into()), BTreeSet::new());
    assert_eq!(circle(&e), None);
    e.insert(("c".into(), "a".into()), BTreeSet::new());
    assert_eq!(circle(&e).map(|c| c.len()), Some(4));
    let code = code_only(
        "use crate::{vocab::X, kit::{Y, Z}};\n// crate::report::no\nfn f() { crate::audit::g(); }\n\
         #[cfg(test)]\nmod tests { use crate::load::x; }\n#[cfg(test)]\nuse crate::cli::y;\n",
    );
    assert_eq!(crate_paths(&code), ["vocab", "kit", "audit"]);
    assert!(layer_of("report") > layer_of("audit"));
}

#[test]
fn the_imports_match_their_snapshot() {
    let g = graph();
    let mut now = String::new();
    let _ = writeln!(
        now,
        "# Imports between top-level modules, by layer (tests/layers.rs)."
    );
    for (i, (name, mods)) in LAYERS.iter().enumerate() {
        let _ = writeln!(now, "\n{i} {name}: {}", mods.join(", "));
        for m in *mods {
            let targets: Vec<String> = g
                .edges
                .iter()
                .filter(|((a, _), _)| a == m)
                .map(|((_, b), files)| format!("{b} ({})", files.len()))
                .collect();
            if !targets.is_empty() {
                let _ = writeln!(now, "  {m} -> {}", targets.join(", "));
            }
        }
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/layers.txt");
    if std::env::var_os("DANGJIAN_BLESS").is_some() {
        std::fs::write(&path, &now).unwrap();
    }
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        before, now,
        "the imports between modules changed; if on purpose, run \
         DANGJIAN_BLESS=1 cargo test --test layers and commit tests/snapshots/layers.txt"
    );
}
