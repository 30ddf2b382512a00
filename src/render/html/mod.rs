//! The HTML report (feature `html`): one self-contained page — styles,
//! script and charts inline, no font, image, script or style loaded from
//! anywhere — that opens in any browser without a network and prints on A4.
//! Chinese by default, English with [`Lang::En`].
//!
//! The page holds the audit's header (as_of, period, profile with edition
//! and hash, baseline), one collapsible section per branch (counts by
//! severity, 评星定级, the comparison with the baseline, the indicators
//! beside the baseline's, the dues grid and the organisational-life grid
//! of members × months, a development timeline per candidate, 待办), the
//! findings table (filters by branch, family, severity and baseline status
//! and a search box, added by the script: without script the table is
//! complete), 待办 and the accepts that matched nothing.
//!
//! Built like [`TextReport`](crate::render::TextReport): one branch at a
//! time while its [`Context`] exists ([`HtmlReport::add_branch`] computes
//! the grids and timelines then), the page at the end from the report.
//!
//! ```
//! use dangjian::{Auditor, Lang, NaiveDate};
//! use dangjian::render::html::HtmlReport;
//!
//! let bundles = dangjian::load::read_path("examples/data/sample.json")?;
//! let auditor = Auditor::new(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
//! let mut html = HtmlReport::new(Lang::Zh);
//! let mut report = auditor.empty_report();
//! for b in &bundles {
//!     let cx = auditor.context(b);
//!     let findings = auditor.check_context(&cx);
//!     report.indicators.push(auditor.indicators(&cx, &findings));
//!     html.add_branch(&cx, &findings);
//!     auditor.add(&mut report, b, findings);
//! }
//! let report = auditor.finish(report);
//! let page = html.finish(&report)?;
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("党费交纳"));
//! # Ok::<(), dangjian::Error>(())
//! ```
//!
//! # Scale
//!
//! A branch's section is closed (`<details>`) when the report has more than
//! [`HtmlReport::open_up_to`] branches, and its body — indicators, grids,
//! timelines — is kept in a `<noscript>` element: with script on, the
//! browser reads it as one string and does not build it, and the script
//! inserts it when the section is opened (and every section before
//! printing); with script off it is ordinary markup. A page of a thousand
//! branches therefore opens about as fast as one of a few.
//!
//! # Templates
//!
//! The page is laid out by [MiniJinja](https://docs.rs/minijinja) templates
//! (Jinja2 syntax), built in ([`TEMPLATES`]) and replaceable one by one
//! from a directory ([`HtmlReport::template_dir`], the command's
//! `--template-dir`). `docs/html.md` lists the templates and the variables
//! they see.

mod grid;
mod labels;
mod part;
mod timeline;
mod view;

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use minijinja::Environment;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};

pub use grid::{
    CELL, CellStyle, DUES_CELLS, Grid, GridKind, GridRow, HEAD_H, LABEL_W, LIFE_CELLS, PITCH,
    dues_cell, life_cell, svg as grid_svg,
};
pub use timeline::{DoneStep, NextMark, Timeline, colours, svg as timeline_svg};

use crate::error::{Error, ErrorKind, Location};
use crate::families::context::Context;
use crate::report::{Finding, Lang, Report};

/// The built-in templates, by name: `report.html` (the page, the one
/// rendered), which includes `branch.html` (one branch's section),
/// `findings.html` (the table), `style.css` and `script.js`.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("report.html", include_str!("templates/report.html")),
    ("branch.html", include_str!("templates/branch.html")),
    ("findings.html", include_str!("templates/findings.html")),
    ("style.css", include_str!("templates/style.css")),
    ("script.js", include_str!("templates/script.js")),
];

/// The extensions of the files of a template directory read as templates.
const TEMPLATE_EXTENSIONS: &[&str] = &["html", "css", "js", "svg", "txt"];

/// One branch rendered for an [`HtmlReport`] (its grids and timelines, its
/// findings): what [`HtmlReport::add_branch`] makes, made apart so that it
/// can be made where the branch's [`Context`] is (it is `Send`) and added
/// later with [`HtmlReport::push`].
#[derive(Debug)]
pub struct HtmlBranch(part::Part);

impl HtmlBranch {
    /// Renders the context's branch with its `findings` in `lang` (the
    /// report's language).
    pub fn new(cx: &Context<'_>, findings: &[Finding], lang: Lang) -> HtmlBranch {
        HtmlBranch(part::Part::new(cx, findings, lang))
    }
}

/// An HTML report being built branch by branch.
#[derive(Debug)]
pub struct HtmlReport {
    lang: Lang,
    open_up_to: usize,
    /// Replacement templates: name → source.
    replacements: BTreeMap<String, String>,
    /// Where they came from, for errors.
    dir: Option<PathBuf>,
    // (branch id, arrival) → the branch: sorted by branch id like the
    // findings; two bundles with one branch id both stay, in input order.
    parts: BTreeMap<(String, usize), part::Part>,
}

impl HtmlReport {
    /// An empty HTML report in `lang`, with the built-in templates.
    pub fn new(lang: Lang) -> HtmlReport {
        HtmlReport {
            lang,
            open_up_to: 5,
            replacements: BTreeMap::new(),
            dir: None,
            parts: BTreeMap::new(),
        }
    }

    /// Opens every branch's section when the report has at most `n`
    /// branches (default 5); above, every section starts closed.
    #[must_use]
    pub fn open_up_to(mut self, n: usize) -> HtmlReport {
        self.open_up_to = n;
        self
    }

    /// Replaces built-in templates with the files of `dir`: each file named
    /// like a template (`report.html`, `branch.html`, `findings.html`,
    /// `style.css`, `script.js`) replaces it, and any other `.html`, `.css`,
    /// `.js`, `.svg` or `.txt` file is added, for the others to include.
    /// Templates missing from `dir` stay built in. Every template is
    /// compiled here, so a syntax error is reported before any audit.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when the directory or a file cannot be read;
    /// [`ErrorKind::Template`] when a template does not compile (the error
    /// names the file and line).
    pub fn template_dir(mut self, dir: impl AsRef<Path>) -> Result<HtmlReport, Error> {
        let dir = dir.as_ref();
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(Some(dir.to_path_buf()), e))?;
        let mut files = Vec::new();
        for e in entries {
            let e = e.map_err(|e| Error::io(Some(dir.to_path_buf()), e))?;
            let path = e.path();
            let ext = path.extension().and_then(|x| x.to_str()).unwrap_or("");
            if path.is_file() && TEMPLATE_EXTENSIONS.contains(&ext) {
                files.push(path);
            }
        }
        files.sort();
        for path in files {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let text =
                std::fs::read_to_string(&path).map_err(|e| Error::io(Some(path.clone()), e))?;
            self.replacements.insert(name.to_owned(), text);
        }
        self.dir = Some(dir.to_path_buf());
        self.environment()?;
        Ok(self)
    }

    /// Renders one branch's grids and timelines from its context, and keeps
    /// its findings for the table.
    pub fn add_branch(&mut self, cx: &Context<'_>, findings: &[Finding]) {
        self.push(HtmlBranch::new(cx, findings, self.lang));
    }

    /// Adds a branch rendered elsewhere ([`HtmlBranch::new`], e.g. on the
    /// thread that audited it). Branches are shown in id order, two with
    /// one id in the order they were added.
    pub fn push(&mut self, branch: HtmlBranch) {
        let seq = self.parts.len();
        self.parts.insert((branch.0.id.clone(), seq), branch.0);
    }

    /// The template environment: the built-in templates, then the replacements.
    fn environment(&self) -> Result<Environment<'static>, Error> {
        let mut env = Environment::new();
        let syntax = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .map_err(|e| self.template_error(&e))?;
        env.set_syntax(syntax);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .map_err(|e| self.template_error(&e))?;
        }
        for (name, source) in &self.replacements {
            env.add_template_owned(name.clone(), source.clone())
                .map_err(|e| self.template_error(&e))?;
        }
        Ok(env)
    }

    fn template_error(&self, e: &minijinja::Error) -> Error {
        let replaced = e.name().is_some_and(|n| self.replacements.contains_key(n));
        let file = match (&self.dir, e.name()) {
            (Some(d), Some(n)) if replaced => Some(d.join(n)),
            (_, Some(n)) => Some(PathBuf::from(n)),
            _ => None,
        };
        let mut msg = e.to_string();
        let mut src = std::error::Error::source(e);
        while let Some(s) = src {
            msg.push_str(": ");
            msg.push_str(&s.to_string());
            src = s.source();
        }
        Error::new(
            ErrorKind::Template,
            Location {
                file,
                line: e.line(),
                ..Location::default()
            },
            msg,
        )
    }

    /// The whole page: the header from `report`, the branches in id order,
    /// the findings table, 待办. A branch of the report that was not added
    /// (a report read back from JSON) gets a section with its findings and
    /// no grids. The rows are the findings given to
    /// [`HtmlReport::add_branch`]; their baseline status, first sighting,
    /// acceptance and remediation are those of the report's finding with the
    /// same id, so a report compared after the branches were added shows
    /// the comparison. The same input gives the same bytes.
    ///
    /// # Errors
    /// [`ErrorKind::Template`] when a replacement template fails to render
    /// (the built-in ones do not).
    pub fn finish(mut self, report: &Report) -> Result<String, Error> {
        let env = self.environment()?;
        let tmpl = env
            .get_template("report.html")
            .map_err(|e| self.template_error(&e))?;
        let parts: Vec<part::Part> = std::mem::take(&mut self.parts).into_values().collect();
        let page = view::page(report, parts, self.lang, self.open_up_to);
        tmpl.render(Value::from(Serde(&page)))
            .map_err(|e| self.template_error(&e))
    }

    /// Writes the page (see [`HtmlReport::finish`]) to `w`.
    ///
    /// # Errors
    /// As [`HtmlReport::finish`]; [`ErrorKind::Io`] when writing fails.
    pub fn write(self, report: &Report, mut w: impl io::Write) -> Result<(), Error> {
        let page = self.finish(report)?;
        w.write_all(page.as_bytes())
            .and_then(|()| w.flush())
            .map_err(|e| Error::io(None, e))
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod send {
    fn send<T: Send>() {}
    #[test]
    fn a_rendered_branch_can_cross_threads() {
        send::<super::HtmlBranch>();
        send::<super::HtmlReport>();
    }
}
