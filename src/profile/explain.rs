//! The effective profile in words (`--explain-profile`), and the reference
//! of profile files (`docs/profiles.md`), both from the parameter table.

use std::fmt::Write as _;

use super::{PARAMS, Profile};
use crate::vocab::Citation;

impl Profile {
    /// The effective profile in words, bilingual: its name, chain and hash,
    /// then every parameter with its value, source, editions and where each
    /// was set (`central`, `central-2026`, `file:line` or `code`), then the
    /// rule settings, the accepts and the scoring scheme. What
    /// `audit --profile FILE --explain-profile` prints.
    ///
    /// ```
    /// let p = dangjian::Profile::from_toml_path("examples/data/profile-example.toml")?;
    /// let text = p.explain();
    /// assert!(text.contains("development.publicity_min_working_days = 7"));
    /// assert!(text.contains("examples/data/profile-example.toml:"));
    /// # Ok::<(), dangjian::Error>(())
    /// ```
    pub fn explain(&self) -> String {
        let mut s = String::new();
        let h = self.header();
        let _ = writeln!(s, "配置 Profile: {}", h.name);
        if !h.extends.is_empty() {
            let _ = writeln!(s, "  继承 extends: {}", h.extends.join(" → "));
        }
        let _ = writeln!(s, "  细则版本 edition: {}", h.edition);
        if let Some(sha) = &h.sha256 {
            let _ = writeln!(s, "  SHA-256: {sha}");
        }
        s.push_str("\n参数 Parameters（* 非中央默认值 differs from central）\n");
        let central = Profile::central();
        for (view, def) in self.params().iter().zip(PARAMS) {
            let local = (def.get)(self).describe() != (def.get)(&central).describe();
            let mark = if local { "*" } else { " " };
            for e in &view.editions {
                match e.from {
                    None => {
                        let _ = writeln!(s, "{mark} {} = {}", view.name, e.value);
                    }
                    Some(d) => {
                        let _ = writeln!(s, "    自 from {d}: {}", e.value);
                    }
                }
                let _ = writeln!(
                    s,
                    "      来源 source: {}　设定于 set in: {}",
                    source_words(&e.source),
                    e.set_in
                );
            }
        }
        s.push_str("\n规则设置 Rules\n");
        if self.rules.is_empty() {
            s.push_str("  （无 none: every rule runs at its default severity）\n");
        }
        for r in &self.rules {
            let _ = writeln!(
                s,
                "  {} = {}　设定于 set in: {}",
                r.selector, r.level, r.set_in
            );
        }
        s.push_str("\n批准的例外 Accepts\n");
        if self.accepts.is_empty() {
            s.push_str("  （无 none）\n");
        }
        for a in &self.accepts {
            let subject = a.subject.as_ref().map_or("支部 branch", |id| id.as_str());
            let period = a
                .period
                .as_ref()
                .map_or("全部 every period", |p| p.label.as_str());
            let _ = writeln!(
                s,
                "  {} {} {subject} {period}: {}（{}，至 until {}）　设定于 set in: {}",
                a.rule, a.branch, a.reason, a.approval, a.expires, a.set_in
            );
        }
        s.push_str("\n评星定级 Scoring\n");
        match &self.scoring {
            None => s.push_str("  （无 none）\n"),
            Some(sc) => {
                let _ = writeln!(
                    s,
                    "  {}：基础分 base {}　设定于 set in: {}",
                    sc.scheme, sc.base, sc.set_in
                );
                let levels: Vec<String> = sc
                    .levels
                    .iter()
                    .map(|l| format!("{} ≥ {}", l.level, l.min))
                    .collect();
                let _ = writeln!(s, "  等次 levels: {}", levels.join(", "));
                for d in &sc.deduct {
                    let max = d
                        .max
                        .map(|m| format!("，最多 at most {m}"))
                        .unwrap_or_default();
                    let _ = writeln!(
                        s,
                        "  扣分 deduct: {} 每条 per finding {}{max}",
                        d.rules.join(", "),
                        d.points
                    );
                }
                if let Some(v) = &sc.veto {
                    let _ = writeln!(
                        s,
                        "  否决 veto: {} → 最高 at most {}（{}）",
                        v.rules.join(", "),
                        v.cap,
                        v.why
                    );
                }
            }
        }
        s
    }
}

fn source_words(c: &Citation) -> String {
    let mut s = c.display();
    if let Some(e) = &c.edition {
        if !s.contains(e.as_ref()) {
            let _ = write!(s, "（{e}）");
        }
    }
    s
}

/// `docs/profiles.md`: how a province writes its file, and every parameter
/// with its type, range and central value. A test keeps the file current.
#[cfg(test)]
pub(crate) fn markdown() -> String {
    let mut s = String::from(include_str!("profiles_intro.md"));
    s.push_str("\n## Every parameter\n\n");
    s.push_str(
        "<!-- Generated from the parameter table (src/profile/mod.rs). \
         Do not edit: run `DANGJIAN_BLESS=1 cargo test --lib` to regenerate. -->\n\n",
    );
    s.push_str(
        "Each parameter with how its value is written, its allowed range, the value of \
         the built-in `central` profile and that value's source. `central-2026` differs \
         only where noted.\n",
    );
    let central = Profile::central();
    let c2026 = Profile::builtin("central-2026").unwrap_or_default();
    let mut section = "";
    for (view, v26) in central.params().iter().zip(c2026.params()) {
        let sec = view.name.split('.').next().unwrap_or("");
        if sec != section {
            section = sec;
            let _ = writeln!(s, "\n### `{sec}`\n");
            s.push_str("| parameter | written as | range | central value | source |\n");
            s.push_str("|---|---|---|---|---|\n");
        }
        let first = view.editions.first();
        let value = first.map(|e| e.value.clone()).unwrap_or_default();
        let source = first.map(|e| source_words(&e.source)).unwrap_or_default();
        let range = if view.range.is_empty() {
            "—".to_owned()
        } else {
            view.range.clone()
        };
        let _ = writeln!(
            s,
            "| `{}` | {} | {range} | {} | {} |",
            view.name,
            view.kind.replace('|', "\\|"),
            value.replace('|', "\\|"),
            source.replace('|', "\\|")
        );
        let _ = writeln!(s, "| | *{}* | | | |", view.doc.replace('|', "\\|"));
        for e in v26.editions.iter().skip(1) {
            if let Some(from) = e.from {
                let _ = writeln!(
                    s,
                    "| | `central-2026` from {from} | | {} | {} |",
                    e.value,
                    source_words(&e.source)
                );
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {

    #[test]
    fn docs_profiles_md_is_current() {
        crate::testing::snapshot("docs/profiles.md", &super::markdown());
    }

    #[test]
    fn the_central_profile_explains_itself() {
        let text = crate::Profile::central().explain();
        assert!(text.contains("  dues.lapse_months = 6"), "{text}");
        assert!(
            !text.contains("\n* "),
            "central differs from central:\n{text}"
        );
        assert!(text.contains("set in: central"));
        assert!(
            text.starts_with("配置 Profile: central\n  细则版本 edition: 细则2014\n"),
            "{text}"
        );
    }

    #[test]
    fn a_file_profile_explains_its_chain_and_settings() {
        let p = crate::testing::profile(
            "[params]\n\"dues.lapse_months\" = 7\n[rules]\nDUE001 = \"off\"\n",
        );
        let text = p.explain();
        assert!(
            text.starts_with("配置 Profile: t\n  继承 extends: central\n"),
            "{text}"
        );
        assert!(text.contains("  SHA-256: "), "{text}");
        assert!(text.contains("* dues.lapse_months = 7"), "{text}");
        assert!(text.contains("  DUE001 = off"), "{text}");
    }
}
