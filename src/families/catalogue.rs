//! The rule catalogue as Markdown (`docs/rules.md`), generated from the
//! registry and the central profile, so the reference never drifts from the code.

use std::fmt::Write as _;

use super::registry::registry;
use crate::profile::Profile;
use crate::vocab::Family;

/// The rule reference: every rule (code, name, severity, what, why, example,
/// source) by family, then every threshold of the central profile with its source.
///
/// `docs/rules.md` is this text; a test fails when the file is stale.
pub(crate) fn markdown() -> String {
    let mut s = String::new();
    s.push_str("# Rule reference\n\n");
    s.push_str(
        "<!-- Generated from the rule registry. \
         Do not edit: run `DANGJIAN_BLESS=1 cargo test --lib` to regenerate. -->\n\n",
    );
    s.push_str(
        "Every rule has a fixed code (never reused), a name, a default severity and the \
         regulation it enforces. Rules marked *practice* follow widespread local practice \
         rather than central text; switch them off with a rule selection \
         (`--rules all` minus the code, or `Selection::all().without(..)`).\n\n",
    );
    s.push_str("| code | name | severity | summary |\n|---|---|---|---|\n");
    for r in registry() {
        let practice = if r.practice { " *(practice)*" } else { "" };
        let _ = writeln!(
            s,
            "| [{}](#{}) | `{}` | {} | {}{} |",
            r.code,
            r.code.as_str().to_lowercase(),
            r.name,
            r.severity,
            r.summary,
            practice
        );
    }
    let families = Family::ALL;
    for &fam in families {
        let rules: Vec<_> = registry().iter().filter(|r| r.family() == fam).collect();
        if rules.is_empty() {
            continue;
        }
        let (zh, en) = fam.title();
        let _ = writeln!(s, "\n## {en} ({zh}, `{}`)\n", fam.prefix());
        for r in rules {
            let _ = writeln!(s, "### {}\n", r.code);
            let _ = writeln!(
                s,
                "`{}` · **{}** · since {}{}\n",
                r.name,
                r.severity,
                r.since,
                if r.practice { " · *practice*" } else { "" }
            );
            let _ = writeln!(s, "**What.** {}\n", r.what);
            let _ = writeln!(s, "**Why.** {}\n", r.why);
            let _ = writeln!(s, "**Example.** {}\n", r.example);
            let cites: Vec<String> = r
                .central_citations()
                .iter()
                .map(crate::vocab::Citation::display)
                .collect();
            let _ = writeln!(s, "**Source.** {} — {}\n", r.source, cites.join("; "));
            let params: Vec<String> = r.params().map(|p| format!("`{p}`")).collect();
            if !params.is_empty() {
                let _ = writeln!(s, "**Parameters.** {}\n", params.join(", "));
            }
            if !r.evidence.is_empty() {
                s.push_str("**Evidence.**\n\n| key | type | meaning |\n|---|---|---|\n");
                for k in r.evidence {
                    let _ = writeln!(s, "| `{}` | {} | {} |", k.name, cell(k.ty), cell(k.doc));
                }
                s.push('\n');
            }
        }
    }
    s.push_str("\n## Indicators\n\n");
    let ind = include_str!("../report/indicators.md");
    // The first line is the module's title sentence; the definitions follow.
    s.push_str(ind);
    s.push_str("\n## Thresholds of the central profile\n\n");
    s.push_str(
        "Rules read every threshold from the `Profile`; these are the values of \
         `Profile::central()`, each with its source.\n\n",
    );
    s.push_str("Ranges, editions and how a profile file sets each one: `docs/profiles.md`.\n\n");
    s.push_str("| parameter | value | source |\n|---|---|---|\n");
    for p in Profile::central().params() {
        if let Some(e) = p.editions.first() {
            let _ = writeln!(s, "| `{}` | {} | {} |", p.name, e.value, e.source.display());
        }
    }
    s
}

/// Text for a Markdown table cell that rustdoc renders too: `|` and the
/// brackets of `[member id]` (which rustdoc takes for a link) escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// The compact rule index of the crate docs (`docs/rule-index.md`): one line
/// per rule, by family.
pub(crate) fn index_markdown() -> String {
    let mut s = String::from("| code | name | severity | flags |\n|---|---|---|---|\n");
    for r in registry() {
        let practice = if r.practice { " *(practice)*" } else { "" };
        let _ = writeln!(
            s,
            "| `{}` | `{}` | {} | {}{} |",
            r.code, r.name, r.severity, r.summary, practice
        );
    }
    s
}

#[cfg(test)]
mod tests {
    //! The generated reference files must match the code: a stale file fails
    //! here; `DANGJIAN_BLESS=1 cargo test` rewrites them.

    fn check(rel: &str, expected: &str) {
        crate::testing::snapshot(rel, expected);
    }

    #[test]
    fn docs_rules_md_is_current() {
        check("docs/rules.md", &super::markdown());
    }

    #[test]
    fn docs_rule_index_md_is_current() {
        check("docs/rule-index.md", &super::index_markdown());
    }
}
