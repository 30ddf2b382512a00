//! Profile files (`dangjian-profile/1`, PROFILE.md): reading, `extends`
//! chains, and applying `[params]`, `[rules]`, `[[accept]]` and `[scoring]`.
//!
//! A file is applied to a copy of the profile it extends, and the result is
//! returned only when every part of every file in the chain is right: a
//! profile never half-applies. Every mistake is an [`Error`] of kind
//! [`ErrorKind::Profile`](crate::ErrorKind::Profile) naming the file, line,
//! column and key.

use std::borrow::Cow;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::chain::{Link, read_link, stem};

use sha2::{Digest, Sha256};
use toml::de::DeTable;

use super::accept::{Accept, AcceptPeriod, RuleLevel, RuleSetting};
use super::scoring::{Deduction, Level, Scoring, Veto};
use super::toml_doc::{Doc, Val, join};
use super::{PARAMS, Profile};
use crate::error::Error;
use crate::model::Id;
use crate::vocab::Citation;
use crate::vocab::{Family, RuleCode};

/// The value of a profile file's `format`.
pub const FORMAT: &str = "dangjian-profile/1";

const TOP: &[&str] = &[
    "format", "name", "extends", "params", "rules", "accept", "scoring",
];

/// Reads the profile file at `path`, with the files it extends.
pub(super) fn from_path(path: &Path) -> Result<Profile, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path.to_owned()), e))?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut stack = vec![std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())];
    let doc = Doc {
        text: text.strip_prefix('\u{feff}').unwrap_or(&text),
        file: Some(path.to_owned()),
        shown: path.display().to_string(),
    };
    finish(load(&doc, Some(&base), &mut stack, stem(path))?)
}

/// Reads a profile from `text`; a relative `extends` is read from `base`,
/// and without one only a built-in profile may be extended: no file is
/// opened.
pub(super) fn from_str(text: &str, base: Option<&Path>) -> Result<Profile, Error> {
    let doc = Doc {
        text: text.strip_prefix('\u{feff}').unwrap_or(text),
        file: None,
        shown: "<profile>".to_owned(),
    };
    finish(load(&doc, base, &mut Vec::new(), "profile".to_owned())?)
}

/// A loaded profile and the hash of its files so far (root first).
struct Loaded {
    profile: Profile,
    hasher: Sha256,
}

fn finish(l: Loaded) -> Result<Profile, Error> {
    let mut p = l.profile;
    p.origin.sha256 = Some(hex(&l.hasher.finalize()));
    Ok(p)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Reads one file of a chain: its parents first (root first), then itself.
/// The chain is walked in a loop, not by recursion, so that its length
/// costs no stack (`chain::MAX_EXTENDS_DEPTH` bounds it).
fn load(
    doc: &Doc<'_>,
    base: Option<&Path>,
    stack: &mut Vec<PathBuf>,
    default_name: String,
) -> Result<Loaded, Error> {
    let depth = stack.len();
    // Up the chain to its built-in root, child first.
    let mut parents: Vec<Link> = Vec::new();
    let root = loop {
        let next = {
            let (d, b) = match parents.last() {
                None => (
                    Doc {
                        text: doc.text,
                        file: doc.file.clone(),
                        shown: doc.shown.clone(),
                    },
                    base,
                ),
                Some(l) => (l.doc(), Some(l.base.as_path())),
            };
            match (parent_of(&d)?, b) {
                (Parent::Builtin(name), _) => Err(name),
                (Parent::File(rel, span), Some(b)) => Ok(read_link(&d, &span, &rel, b, stack)?),
                // Text given without a directory never reaches the disk: a
                // server taking profiles from users must not read its files.
                (Parent::File(rel, span), None) => {
                    return Err(d.err(
                        &span,
                        "extends",
                        format!(
                            "{rel:?} is not a built-in profile ({}); a profile read from text \
                             extends only those — read files with Profile::from_toml_path or \
                             Profile::from_toml_str_in",
                            Profile::BUILTIN.join(", ")
                        ),
                    ));
                }
            }
        };
        match next {
            Ok(link) => parents.push(link),
            Err(name) => break name,
        }
    };
    stack.truncate(depth);
    let mut loaded = builtin_parent(root);
    for link in parents.iter().rev() {
        apply(&link.doc(), &mut loaded, link.name.clone())?;
        loaded.profile.origin.chain.push(link.shown.clone());
    }
    apply(doc, &mut loaded, default_name)?;
    Ok(loaded)
}

/// What a file extends.
enum Parent {
    /// A built-in profile (`central` when the file names none).
    Builtin(&'static str),
    /// Another file, as written, with the place of the name.
    File(String, Range<usize>),
}

/// Checks a file's keys and format, and says what it extends.
fn parent_of(doc: &Doc<'_>) -> Result<Parent, Error> {
    let root = doc.parse()?;
    let t = root.get_ref();
    doc.check_keys(t, TOP, "")?;
    match t.get("format") {
        None => {
            return Err(doc.err(
                &(0..0),
                "format",
                format!("a profile file starts with format = {FORMAT:?}"),
            ));
        }
        Some(v) => {
            let f = doc.string(v, "format")?;
            if f != FORMAT {
                return Err(doc.err(
                    &v.span(),
                    "format",
                    format!("unsupported format {f:?}; expected {FORMAT:?}"),
                ));
            }
        }
    }
    Ok(match t.get("extends") {
        None => Parent::Builtin("central"),
        Some(v) => {
            let name = doc.string(v, "extends")?;
            match Profile::BUILTIN.iter().find(|b| **b == name) {
                Some(b) => Parent::Builtin(b),
                None => Parent::File(name.to_owned(), v.span()),
            }
        }
    })
}

/// Applies one file (whose format [`parent_of`] checked) to the profile
/// of its parent.
fn apply(doc: &Doc<'_>, loaded: &mut Loaded, default_name: String) -> Result<(), Error> {
    let root = doc.parse()?;
    let t = root.get_ref();
    loaded.hasher.update(doc.text.as_bytes());
    let p = &mut loaded.profile;
    p.name = match t.get("name") {
        Some(v) => doc.text(v, "name")?,
        None => default_name,
    };
    if let Some(v) = t.get("params") {
        apply_params(doc, p, doc.table(v, "params")?)?;
    }
    if let Some(v) = t.get("rules") {
        apply_rules(doc, p, doc.table(v, "rules")?)?;
    }
    if let Some(v) = t.get("accept") {
        for (i, item) in doc.array(v, "accept")?.iter().enumerate() {
            let a = read_accept(doc, item, &format!("accept[{i}]"))?;
            p.accepts.push(a);
        }
    }
    if let Some(v) = t.get("scoring") {
        p.scoring = Some(read_scoring(doc, v)?);
    }
    Ok(())
}

fn builtin_parent(name: &str) -> Loaded {
    let mut profile = Profile::builtin(name).unwrap_or_default();
    profile.origin.chain = vec![name.to_owned()];
    Loaded {
        profile,
        hasher: Sha256::new(),
    }
}

// ---------------------------------------------------------------------------
// [params]

/// The section names (`dues`, `meetings` …).
fn is_section(name: &str) -> bool {
    PARAMS
        .iter()
        .any(|d| d.name.split_once('.').is_some_and(|(s, _)| s == name))
}

const VALUE_KEYS: &[&str] = &["value", "source", "from", "editions"];
const EDITION_KEYS: &[&str] = &["value", "source", "from"];

fn apply_params(doc: &Doc<'_>, p: &mut Profile, t: &DeTable<'_>) -> Result<(), Error> {
    for (k, v) in Doc::entries(t) {
        let name: &str = k.get_ref();
        let key = join("params", name);
        // `[params.meetings]` / `meetings.absence_threshold = 2` (unquoted):
        // a table of one section's parameters.
        if is_section(name) {
            if let Some(section) = v.get_ref().as_table() {
                for (k2, v2) in Doc::entries(section) {
                    let full = format!("{name}.{}", k2.get_ref());
                    apply_param(doc, p, &full, &k2.span(), v2, &join(&key, k2.get_ref()))?;
                }
                continue;
            }
        }
        apply_param(doc, p, name, &k.span(), v, &key)?;
    }
    Ok(())
}

fn apply_param(
    doc: &Doc<'_>,
    p: &mut Profile,
    name: &str,
    key_span: &Range<usize>,
    v: &Val<'_>,
    key: &str,
) -> Result<(), Error> {
    if super::param_def(name).is_none() {
        // The same message as `Profile::set_param` (with its suggestion).
        let e = p
            .clone()
            .set_param(name, serde_json::Value::Null, None, None)
            .err();
        let msg = e.map_or_else(
            || format!("unknown parameter {name:?}"),
            |e| e.message().to_owned(),
        );
        return Err(doc.err(key_span, key, msg));
    }
    let Some(t) = v.get_ref().as_table() else {
        return set(doc, p, name, v, None, None, key);
    };
    doc.check_keys(t, VALUE_KEYS, key)?;
    let source = t
        .get("source")
        .map(|s| read_source(doc, s, &join(key, "source")))
        .transpose()?;
    let from = t
        .get("from")
        .map(|f| doc.date(f, &join(key, "from")))
        .transpose()?;
    match (t.get("value"), t.get("editions")) {
        (None, None) => {
            return Err(doc.err(
                &v.span(),
                key,
                format!("{name}: a table needs a value (value = …) or editions = [ … ]"),
            ));
        }
        (None, Some(_)) if source.is_some() || from.is_some() => {
            return Err(doc.err(
                &v.span(),
                key,
                format!("{name}: source and from go with value; each edition has its own"),
            ));
        }
        (Some(value), _) => set(doc, p, name, value, from, source, &join(key, "value"))?,
        (None, Some(_)) => {}
    }
    if let Some(eds) = t.get("editions") {
        for (i, e) in doc.array(eds, &join(key, "editions"))?.iter().enumerate() {
            let ekey = format!("{}[{i}]", join(key, "editions"));
            let et = doc.table(e, &ekey)?;
            doc.check_keys(et, EDITION_KEYS, &ekey)?;
            let (Some(value), Some(f)) = (et.get("value"), et.get("from")) else {
                return Err(doc.err(&e.span(), &ekey, "an edition needs value and from"));
            };
            let from = Some(doc.date(f, &join(&ekey, "from"))?);
            let source = et
                .get("source")
                .map(|s| read_source(doc, s, &join(&ekey, "source")))
                .transpose()?;
            set(doc, p, name, value, from, source, &join(&ekey, "value"))?;
        }
    }
    Ok(())
}

fn set(
    doc: &Doc<'_>,
    p: &mut Profile,
    name: &str,
    v: &Val<'_>,
    from: Option<chrono::NaiveDate>,
    source: Option<Citation>,
    key: &str,
) -> Result<(), Error> {
    let json = doc.json(v, key)?;
    p.set_param_in(name, json, from, source, Cow::Owned(doc.set_in(&v.span())))
        .map_err(|e| {
            // serde's words, for a TOML file.
            let msg = e
                .message()
                .replace("invalid type: ", "wrong type: ")
                .replace("a JSON string", "a string");
            doc.err(&v.span(), key, msg)
        })
}

/// A `source`: a string (`某市委组织部〔2021〕5号 第三条`, split into
/// document and article) or a table `{document, article}`.
fn read_source(doc: &Doc<'_>, v: &Val<'_>, key: &str) -> Result<Citation, Error> {
    if let Some(t) = v.get_ref().as_table() {
        doc.check_keys(t, &["document", "article"], key)?;
        let Some(d) = t.get("document") else {
            return Err(doc.err(&v.span(), key, "a source table needs a document"));
        };
        let document = doc.text(d, &join(key, "document"))?;
        let article = match t.get("article") {
            Some(a) => doc.string(a, &join(key, "article"))?.trim().to_owned(),
            None => String::new(),
        };
        return Ok(Citation::owned(strip_title_marks(&document), article));
    }
    let s = doc.text(v, key)?;
    let (document, article) = split_source(&s);
    Ok(Citation::owned(document, article))
}

/// Splits a source into document and article: at the first `第…条`-like tail
/// (`第三条`, `第十二条第二款`), else at the last space, else all document.
///
/// ```text
/// 某市委组织部〔2021〕5号 第三条      → 某市委组织部〔2021〕5号 | 第三条
/// 《某省党费管理办法》第十二条第二款   → 某省党费管理办法 | 第十二条第二款
/// 某省委组织部通知 附件2              → 某省委组织部通知 | 附件2
/// ```
pub(crate) fn split_source(s: &str) -> (String, String) {
    let s = s.trim();
    for (i, _) in s.match_indices('第') {
        let (doc, art) = s.split_at(i);
        if !doc.trim().is_empty() && is_article(art) {
            return (strip_title_marks(doc.trim()), art.trim().to_owned());
        }
    }
    if let Some(i) = s.rfind(char::is_whitespace) {
        let (doc, art) = s.split_at(i);
        if !doc.trim().is_empty() {
            return (strip_title_marks(doc.trim()), art.trim().to_owned());
        }
    }
    (strip_title_marks(s), String::new())
}

/// `第三条`, `第十二条第二款`, `第3条（二）`: numbered parts only.
fn is_article(s: &str) -> bool {
    let s = s.trim();
    let body = match s.find(['（', '(']) {
        Some(i) if s.ends_with(['）', ')']) => &s[..i],
        _ => s,
    };
    let mut rest = body;
    let mut parts = 0;
    while let Some(r) = rest.strip_prefix('第') {
        let num_end = r
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || "一二三四五六七八九十百零〇两".contains(*c)))
            .map_or(r.len(), |(i, _)| i);
        if num_end == 0 {
            return false;
        }
        let r = &r[num_end..];
        let unit_end = r
            .char_indices()
            .find(|(_, c)| !"条款项章节目点部分".contains(*c))
            .map_or(r.len(), |(i, _)| i);
        if unit_end == 0 {
            return false;
        }
        rest = &r[unit_end..];
        parts += 1;
    }
    // (`parts >= 0` is equivalent: `s` starts with 第, so the loop either
    // returns false or counts a part.)
    parts > 0 && rest.trim().is_empty()
}

fn strip_title_marks(s: &str) -> String {
    let t = s.trim();
    match t.strip_prefix('《').and_then(|t| t.strip_suffix('》')) {
        Some(inner) if !inner.contains(['《', '》']) => inner.to_owned(),
        _ => t.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// [rules]

fn apply_rules(doc: &Doc<'_>, p: &mut Profile, t: &DeTable<'_>) -> Result<(), Error> {
    let mut families = Vec::new();
    let mut codes = Vec::new();
    for (k, v) in Doc::entries(t) {
        let sel = k.get_ref().trim().to_ascii_uppercase();
        let key = join("rules", k.get_ref());
        let is_family = Family::ALL.iter().any(|f| f.prefix() == sel);
        if !is_family && sel.parse::<RuleCode>().is_err() {
            let mut names: Vec<&str> = RuleCode::ALL.iter().map(|c| c.as_str()).collect();
            names.extend(Family::ALL.iter().map(|f| f.prefix()));
            let hint = crate::vocab::nearest(k.get_ref(), &names)
                .map(|n| format!(" (did you mean {n}?)"))
                .unwrap_or_default();
            return Err(doc.err(
                &k.span(),
                &key,
                format!(
                    "unknown rule code or family {:?}{hint}; [rules] takes a code (DUE003) \
                     or a family prefix (DUE)",
                    k.get_ref()
                ),
            ));
        }
        let level: RuleLevel = doc
            .string(v, &key)?
            .parse()
            .map_err(|e: String| doc.err(&v.span(), &key, e))?;
        let mut s = RuleSetting::new(sel, level);
        s.set_in = doc.set_in(&k.span());
        if is_family {
            families.push(s);
        } else {
            codes.push(s);
        }
    }
    p.rules.extend(families);
    p.rules.extend(codes);
    Ok(())
}

// ---------------------------------------------------------------------------
// [[accept]]

const ACCEPT_KEYS: &[&str] = &[
    "rule", "branch", "subject", "period", "reason", "approval", "expires",
];

fn read_accept(doc: &Doc<'_>, v: &Val<'_>, key: &str) -> Result<Accept, Error> {
    let t = doc.table(v, key)?;
    doc.check_keys(t, ACCEPT_KEYS, key)?;
    let need = |name: &str| {
        t.get(name).ok_or_else(|| {
            doc.err(
                &v.span(),
                &join(key, name),
                format!("an accept needs {name} (rule, branch, reason, approval and expires are required)"),
            )
        })
    };
    let rv = need("rule")?;
    let rule: RuleCode = doc.string(rv, &join(key, "rule"))?.parse().map_err(
        |e: crate::vocab::ParseCodeError| doc.err(&rv.span(), &join(key, "rule"), e.to_string()),
    )?;
    let id = |v: &Val<'_>, k: &str| -> Result<Id, Error> {
        let k = join(key, k);
        doc.text(v, &k)?
            .parse::<Id>()
            .map_err(|e| doc.err(&v.span(), &k, e.to_string()))
    };
    let branch = id(need("branch")?, "branch")?;
    let subject = t.get("subject").map(|s| id(s, "subject")).transpose()?;
    let period = match t.get("period") {
        None => None,
        Some(pv) => {
            let k = join(key, "period");
            let label = match pv.get_ref() {
                // `period = 2025`: a year written as a number.
                toml::de::DeValue::Integer(i) if i.radix() == 10 => i.as_str().to_owned(),
                _ => doc.string(pv, &k)?.trim().to_owned(),
            };
            Some(
                label
                    .parse::<AcceptPeriod>()
                    .map_err(|e| doc.err(&pv.span(), &k, e))?,
            )
        }
    };
    let reason = doc.text(need("reason")?, &join(key, "reason"))?;
    let approval = doc.text(need("approval")?, &join(key, "approval"))?;
    let expires = doc.date(need("expires")?, &join(key, "expires"))?;
    let mut a = Accept::new(rule, branch, subject, reason, approval, expires);
    a.period = period;
    a.set_in = doc.set_in(&v.span());
    Ok(a)
}

// ---------------------------------------------------------------------------
// [scoring]

fn read_scoring(doc: &Doc<'_>, v: &Val<'_>) -> Result<Scoring, Error> {
    let key = "scoring";
    let t = doc.table(v, key)?;
    doc.check_keys(t, &["scheme", "base", "levels", "deduct", "veto"], key)?;
    let need = |name: &str| {
        t.get(name).ok_or_else(|| {
            doc.err(
                &v.span(),
                &join(key, name),
                format!("[scoring] needs {name}"),
            )
        })
    };
    // Where each key is, for the checks made on the whole scheme.
    let mut spans: Vec<(String, Range<usize>)> = Vec::new();
    let scheme = doc.text(need("scheme")?, "scoring.scheme")?;
    let bv = need("base")?;
    spans.push(("base".into(), bv.span()));
    let base = doc.decimal(bv, "scoring.base")?;
    let mut levels = Vec::new();
    for (i, lv) in doc
        .array(need("levels")?, "scoring.levels")?
        .iter()
        .enumerate()
    {
        let k = format!("scoring.levels[{i}]");
        let lt = doc.table(lv, &k)?;
        doc.check_keys(lt, &["min", "level"], &k)?;
        let (Some(min), Some(name)) = (lt.get("min"), lt.get("level")) else {
            return Err(doc.err(&lv.span(), &k, "a level needs min and level"));
        };
        spans.push((format!("levels[{i}].min"), min.span()));
        spans.push((format!("levels[{i}].level"), name.span()));
        levels.push(Level {
            min: doc.decimal(min, &join(&k, "min"))?,
            level: doc.text(name, &join(&k, "level"))?,
        });
    }
    spans.push(("levels".into(), need("levels")?.span()));
    let mut deduct = Vec::new();
    if let Some(dv) = t.get("deduct") {
        for (i, item) in doc.array(dv, "scoring.deduct")?.iter().enumerate() {
            let k = format!("scoring.deduct[{i}]");
            let dt = doc.table(item, &k)?;
            doc.check_keys(dt, &["rules", "points", "max"], &k)?;
            let (Some(rules), Some(points)) = (dt.get("rules"), dt.get("points")) else {
                return Err(doc.err(&item.span(), &k, "a deduction needs rules and points"));
            };
            spans.push((format!("deduct[{i}].points"), points.span()));
            if let Some(m) = dt.get("max") {
                spans.push((format!("deduct[{i}].max"), m.span()));
            }
            deduct.push(Deduction {
                rules: selectors(doc, rules, &join(&k, "rules"))?,
                points: doc.decimal(points, &join(&k, "points"))?,
                max: dt
                    .get("max")
                    .map(|m| doc.decimal(m, &join(&k, "max")))
                    .transpose()?,
            });
        }
    }
    let veto = match t.get("veto") {
        None => None,
        Some(vv) => {
            let k = "scoring.veto";
            let vt = doc.table(vv, k)?;
            doc.check_keys(vt, &["rules", "cap", "why"], k)?;
            let (Some(rules), Some(cap), Some(why)) =
                (vt.get("rules"), vt.get("cap"), vt.get("why"))
            else {
                return Err(doc.err(&vv.span(), k, "a veto needs rules, cap and why"));
            };
            spans.push(("veto.cap".into(), cap.span()));
            Some(Veto {
                rules: selectors(doc, rules, "scoring.veto.rules")?,
                cap: doc.text(cap, "scoring.veto.cap")?,
                why: doc.text(why, "scoring.veto.why")?,
            })
        }
    };
    let scoring = Scoring {
        scheme,
        base,
        levels,
        deduct,
        veto,
        set_in: doc.set_in(&v.span()),
    };
    scoring.validate().map_err(|(k, msg)| {
        let span = spans
            .iter()
            .find(|(name, _)| *name == k)
            .map_or_else(|| v.span(), |(_, s)| s.clone());
        doc.err(&span, &join_dotted("scoring", &k), msg)
    })?;
    Ok(scoring)
}

fn join_dotted(a: &str, b: &str) -> String {
    format!("{a}.{b}")
}

/// Rule selectors: `"DUE001"`, `"MTG, DEV"` or `["DUE004", "MTG010"]`; each
/// a family prefix, a code, or a prefix of some code.
fn selectors(doc: &Doc<'_>, v: &Val<'_>, key: &str) -> Result<Vec<String>, Error> {
    let mut raw: Vec<(String, Range<usize>)> = Vec::new();
    match v.get_ref() {
        toml::de::DeValue::String(s) => {
            raw.extend(s.split(',').map(|p| (p.trim().to_owned(), v.span())));
        }
        toml::de::DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                raw.push((
                    doc.string(item, &format!("{key}[{i}]"))?.trim().to_owned(),
                    item.span(),
                ));
            }
        }
        _ => return Err(doc.wrong(v, key, "a rule code or prefix, or a list of them")),
    }
    if raw.is_empty() {
        return Err(doc.err(&v.span(), key, "no rules named"));
    }
    let mut out = Vec::new();
    for (s, span) in raw {
        let up = s.to_ascii_uppercase();
        let known = RuleCode::ALL.iter().any(|c| c.as_str().starts_with(&up))
            || Family::ALL.iter().any(|f| f.prefix() == up);
        if up.is_empty() || !known {
            let mut names: Vec<&str> = RuleCode::ALL.iter().map(|c| c.as_str()).collect();
            names.extend(Family::ALL.iter().map(|f| f.prefix()));
            let hint = crate::vocab::nearest(&s, &names)
                .map(|n| format!(" (did you mean {n}?)"))
                .unwrap_or_default();
            return Err(doc.err(
                &span,
                key,
                format!("unknown rule code or family {s:?}{hint}"),
            ));
        }
        out.push(up);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_split_into_document_and_article() {
        let s = |x: &str| split_source(x);
        assert_eq!(
            s("某市委组织部〔2021〕5号 第三条"),
            ("某市委组织部〔2021〕5号".into(), "第三条".into())
        );
        assert_eq!(
            s("《某省党费管理办法》第十二条第二款"),
            ("某省党费管理办法".into(), "第十二条第二款".into())
        );
        assert_eq!(
            s("某省第十二次党代会决议第3条"),
            ("某省第十二次党代会决议".into(), "第3条".into())
        );
        assert_eq!(
            s("某省委组织部通知 附件2"),
            ("某省委组织部通知".into(), "附件2".into())
        );
        assert_eq!(
            s("局党委会议纪要"),
            ("局党委会议纪要".into(), String::new())
        );
        assert_eq!(
            s("某办法第五条（二）"),
            ("某办法".into(), "第五条（二）".into())
        );
    }

    #[test]
    fn paths_join_lexically() {
        use super::super::chain::join_path;
        assert_eq!(
            join_path(Path::new("a/b"), Path::new("../c.toml")),
            PathBuf::from("a/c.toml")
        );
        assert_eq!(
            join_path(Path::new(""), Path::new("./c.toml")),
            PathBuf::from("c.toml")
        );
        assert_eq!(
            join_path(Path::new(".."), Path::new("../c.toml")),
            PathBuf::from("../../c.toml")
        );
    }

    #[test]
    fn editions_alone_take_no_source_or_from() {
        let text = |head: &str| {
            format!(
                "format = \"dangjian-profile/1\"\n[params]\n\"meetings.absence_threshold\" = {{ {head}editions = [\n  {{ value = 2, from = 2025-01-01 }},\n] }}\n"
            )
        };
        let p = from_str(&text(""), None).unwrap_or_else(|e| panic!("{e}"));
        let day = |s| crate::parse_date(s).unwrap();
        assert_eq!(*p.meetings.absence_threshold.at(day("2025-01-01")), 2);
        assert_ne!(*p.meetings.absence_threshold.at(day("2024-12-31")), 2);
        for head in ["source = \"某文件 第一条\", ", "from = 2025-01-01, "] {
            let e = from_str(&text(head), None).unwrap_err();
            assert!(
                e.message().contains("source and from go with value"),
                "{head}: {e}"
            );
            assert_eq!(
                e.location().key.as_deref(),
                Some(r#"params."meetings.absence_threshold""#),
                "{e}"
            );
        }
    }

    fn read(rest: &str) -> Result<Profile, Error> {
        from_str(&format!("format = \"dangjian-profile/1\"\n{rest}"), None)
    }

    #[test]
    fn sources_split_only_at_whole_article_numbers() {
        let s = |x: &str| split_source(x);
        // An unclosed bracket or words after the number: not an article, so
        // the source stays whole (no space to split at).
        assert_eq!(
            s("某办法第三条（二"),
            ("某办法第三条（二".into(), String::new())
        );
        assert_eq!(
            s("某办法第三条说明"),
            ("某办法第三条说明".into(), String::new())
        );
        assert_eq!(
            s("某办法第三条(二)"),
            ("某办法".into(), "第三条(二)".into())
        );
        // Title marks go only when they enclose the whole name.
        assert_eq!(
            s("《甲》和《乙》第一条"),
            ("《甲》和《乙》".into(), "第一条".into())
        );
        assert_eq!(s("《甲办法》 第一条"), ("甲办法".into(), "第一条".into()));
    }

    #[test]
    fn rules_take_families_before_codes() {
        let p = read("[rules]\nDUE001 = \"off\"\ndue = \"warning\"\nMTG = \"on\"\n").unwrap();
        let got: Vec<(&str, RuleLevel)> = p
            .rules
            .iter()
            .map(|r| (r.selector.as_str(), r.level))
            .collect();
        assert_eq!(
            got,
            [
                ("DUE", RuleLevel::Severity(crate::Severity::Warning)),
                ("MTG", RuleLevel::On),
                ("DUE001", RuleLevel::Off)
            ]
        );
        for bad in ["DUX", "DUE999", "D"] {
            let e = read(&format!("[rules]\n{bad} = \"off\"\n")).unwrap_err();
            assert!(
                e.message().contains("unknown rule code or family"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn an_accept_period_may_be_a_year_number() {
        let accept = |period: &str| {
            read(&format!(
                "[[accept]]\nrule = \"MTG010\"\nbranch = \"B01\"\nperiod = {period}\nreason = \"r\"\napproval = \"a\"\nexpires = 2026-01-01\n"
            ))
        };
        for period in ["2025", "\"2025\""] {
            let p = accept(period).unwrap_or_else(|e| panic!("{period}: {e}"));
            assert_eq!(
                p.accepts[0].period.as_ref().unwrap().label,
                "2025",
                "{period}"
            );
        }
        // A hexadecimal number is no year: the wrong type, said as such.
        let e = accept("0x7E9").unwrap_err();
        assert_eq!(e.location().key.as_deref(), Some("accept[0].period"), "{e}");
        assert!(
            e.message().contains("wrong type") || e.message().contains("string"),
            "{e}"
        );
    }

    #[test]
    fn scoring_selectors_and_errors_name_their_key_and_line() {
        let scoring = |deduct: &str, levels: &str| {
            read(&format!(
                "[scoring]\nscheme = \"s\"\nbase = 100\nlevels = {levels}\ndeduct = [ {deduct} ]\n"
            ))
        };
        const LEVELS: &str = "[ { min = 60, level = \"合格\" }, { min = 0, level = \"不合格\" } ]";
        let p = scoring(
            "{ rules = \"due, MTG001\", points = 1 }, { rules = [\"DEV0\", \"edu\"], points = 2 }",
            LEVELS,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let s = p.scoring.unwrap();
        assert_eq!(s.deduct[0].rules, ["DUE", "MTG001"]);
        assert_eq!(s.deduct[1].rules, ["DEV0", "EDU"]);
        for (bad, key) in [
            (
                "{ rules = \"DUE001, \", points = 1 }",
                "scoring.deduct[0].rules",
            ),
            ("{ rules = \"XYZ\", points = 1 }", "scoring.deduct[0].rules"),
            (
                "{ rules = [\"DUE001\", \"QQQ\"], points = 1 }",
                "scoring.deduct[0].rules",
            ),
            ("{ rules = [], points = 1 }", "scoring.deduct[0].rules"),
            ("{ rules = 3, points = 1 }", "scoring.deduct[0].rules"),
        ] {
            let e = scoring(bad, LEVELS).unwrap_err();
            assert_eq!(e.location().key.as_deref(), Some(key), "{bad}: {e}");
        }
        // A check on the whole scheme names the key and the line it is on.
        let e = scoring(
            "{ rules = \"DUE\", points = 1 }",
            "[\n  { min = 60, level = \"合格\" },\n  { min = 70, level = \"优秀\" },\n]",
        )
        .unwrap_err();
        assert_eq!(
            e.location().key.as_deref(),
            Some("scoring.levels[1].min"),
            "{e}"
        );
        assert!(e.message().contains("highest first"), "{e}");
        assert_eq!(
            (e.location().line, e.location().column),
            (Some(7), Some(11)),
            "{e}"
        );
    }

    #[test]
    fn a_section_table_sets_its_parameters() {
        // `meetings.absence_threshold = 2` unquoted, and `[params.dues]`.
        let p = read("[params]\nmeetings.absence_threshold = 2\n[params.dues]\nlapse_months = 7\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(*p.meetings.absence_threshold.value(), 2);
        assert_eq!(*p.dues.lapse_months.value(), 7);
        let e = read("[params.dues]\nlapse_month = 7\n").unwrap_err();
        assert!(
            e.message().contains("did you mean dues.lapse_months"),
            "{e}"
        );
        // Not a section: an unknown parameter, not a table of them.
        let e = read("[params.duty]\nlapse_months = 7\n").unwrap_err();
        assert!(e.message().contains("unknown parameter \"duty\""), "{e}");
    }

    #[test]
    fn a_date_is_a_day_not_a_time() {
        let expires = |v: &str| {
            read(&format!(
                "[[accept]]\nrule = \"MTG010\"\nbranch = \"B01\"\nreason = \"r\"\napproval = \"a\"\nexpires = {v}\n"
            ))
        };
        for ok in ["2026-01-01", "\"2026-01-01\""] {
            let p = expires(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
            assert_eq!(p.accepts[0].expires.to_string(), "2026-01-01");
        }
        for bad in [
            "2026-01-01T08:00:00",
            "2026-01-01T08:00:00+08:00",
            "08:00:00",
            "20260101",
        ] {
            let e = expires(bad).unwrap_err();
            assert_eq!(
                e.location().key.as_deref(),
                Some("accept[0].expires"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn a_number_may_be_written_several_ways() {
        let base = |v: &str| {
            read(&format!(
                "[scoring]\nscheme = \"s\"\nbase = {v}\nlevels = [ {{ min = 0, level = \"合格\" }} ]\n"
            ))
        };
        for ok in ["100", "1_00", "100.0", "\" 100 \"", "1e2"] {
            let p = base(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
            assert_eq!(
                p.scoring.unwrap().base,
                rust_decimal::Decimal::from(100),
                "{ok}"
            );
        }
        let e = base("0x64").unwrap_err();
        assert_eq!(e.location().key.as_deref(), Some("scoring.base"), "{e}");
        assert!(
            !e.message().contains("is not a number"),
            "a hexadecimal number is the wrong type: {e}"
        );
        let e = base("\"abc\"").unwrap_err();
        assert!(e.message().contains("\"abc\" is not a number"), "{e}");
    }
}
