//! The `audit` command (`examples/audit.rs`) as a function that tests can
//! call: feature `cli`. This is the application layer — the library proper
//! is the rest of the crate.
//!
//! ```text
//! audit [FILE ...] [--as-of DATE] [--from DATE] [--to DATE]
//!       [--format text|json|csv|html|xlsx] [--out FILE] [--lang zh|en]
//!       [--fail-on error|warning|info|new] [--profile [NAME|FILE]] [--explain-profile]
//!       [--baseline REPORT] [--todo DAYS] [--template FILE.xlsx] [--template-dir DIR]
//!       [--rules SELECTION] [--keep-going] [--threads N] [--progress auto|always|never]
//!       [--stats] [--version] [--help]
//! ```
//!
//! * FILE: `.json`, `.jsonl`, `.xlsx` (the 台账 workbook, feature `xlsx`; its
//!   warnings — unknown sheets and columns, unresolved names — go to stderr),
//!   or `-` (JSON Lines on stdin). No FILE: the bundled sample.
//! * `--format html` and `--format xlsx` are documents: they need `--out`.
//! * `--as-of` defaults to the latest event date in the data (never the
//!   clock); `--from`/`--to` default to the calendar year of `--as-of`.
//! * Exit 0: the audit ran. Exit 1: it ran and `--fail-on` matched. Exit 2:
//!   bad input or usage — one message on stderr and nothing on stdout; with
//!   `--keep-going`, every unreadable bundle is named on stderr, the rest is
//!   audited and reported, and the status is 2 at the end.
//! * A closed output pipe (`audit … | head`) ends the run quietly with exit 0.
//!
//! ```
//! let mut out = Vec::new();
//! let mut err = Vec::new();
//! let env = dangjian::cli::Env::new(&mut out, &mut err);
//! let status = dangjian::cli::run(["audit", "--format", "json"], env);
//! assert_eq!(status, 0);
//! assert!(String::from_utf8(out).unwrap().contains("\"format\": \"dangjian-report/1\""));
//! ```

use std::ffi::OsString;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use clap::Parser;

use crate::Auditor;
use crate::profile::Profile;
use crate::render;
use crate::report::{
    Baseline, BaselineCounts, BaselineStatus, Comparison, Lang, Report, Severity, Unreadable,
};
use crate::vocab::RuleCode;

mod args;
mod pipeline;
mod progress;
mod spool;

use args::{Cli, Format};
use pipeline::{Input, RunOptions};
pub use pipeline::{NoStopwatch, Stopwatch};
use spool::SortedSpool;

/// Where the command reads and writes, and what it may know of its
/// surroundings (so that tests can run it in-process).
pub struct Env<'a> {
    stdin: Box<dyn BufRead + 'a>,
    stdout: &'a mut dyn Write,
    stderr: &'a mut dyn Write,
    clock: &'a dyn Stopwatch,
    terminal: bool,
    default_file: PathBuf,
}

impl<'a> Env<'a> {
    /// Output to `stdout` and `stderr`; empty stdin, no clock, not a
    /// terminal, the bundled sample as the default input.
    pub fn new(stdout: &'a mut dyn Write, stderr: &'a mut dyn Write) -> Env<'a> {
        Env {
            stdin: Box::new(io::empty()),
            stdout,
            stderr,
            clock: &NoStopwatch,
            terminal: false,
            default_file: Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.json"),
        }
    }

    /// Reads `-` from `stdin`.
    #[must_use]
    pub fn stdin(mut self, stdin: impl BufRead + 'a) -> Env<'a> {
        self.stdin = Box::new(stdin);
        self
    }

    /// Times `--stats` with `clock` (the library itself reads no clock).
    #[must_use]
    pub fn clock(mut self, clock: &'a dyn Stopwatch) -> Env<'a> {
        self.clock = clock;
        self
    }

    /// Whether stderr is a terminal (a progress bar may then be drawn on it).
    #[must_use]
    pub fn terminal(mut self, terminal: bool) -> Env<'a> {
        self.terminal = terminal;
        self
    }

    /// The file audited when no FILE is given.
    #[must_use]
    pub fn default_file(mut self, path: impl Into<PathBuf>) -> Env<'a> {
        self.default_file = path.into();
        self
    }
}

/// How many warnings about the input are listed without `--verbose`.
const WARNINGS_SHOWN: usize = 10;

/// Why the command stopped early.
enum Stop {
    /// Bad input or usage: exit 2 with this message.
    Fail(String),
    /// The output pipe was closed: exit 0 quietly.
    Closed,
}

impl From<crate::Error> for Stop {
    fn from(e: crate::Error) -> Stop {
        Stop::Fail(e.to_string())
    }
}

/// Runs the command with `args` (the first is the program name, as in
/// `std::env::args_os()`); returns the exit status.
pub fn run<I, T>(args: I, mut env: Env<'_>) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            let text = e.to_string();
            return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    match env.stdout.write_all(text.as_bytes()) {
                        Ok(()) | Err(_) => 0,
                    }
                }
                _ => {
                    let _ = env.stderr.write_all(text.as_bytes());
                    2
                }
            };
        }
    };
    match execute(&cli, &mut env) {
        Ok(status) => status,
        Err(Stop::Closed) => 0,
        Err(Stop::Fail(msg)) => {
            let _ = writeln!(env.stderr, "audit: {msg}");
            2
        }
    }
}

/// What the workers hand back for one bundle: its findings already rendered
/// for the output, with their sort keys.
struct Audited {
    branch: crate::model::Id,
    members: usize,
    records: usize,
    /// (rule, severity, accepted) of each finding, for the summary.
    counts: Vec<(RuleCode, Severity, bool)>,
    /// The findings an exception covers (few), to strike their accepts from
    /// the unmatched list.
    accepted: Vec<crate::Finding>,
    /// 评星定级, when the profile has a scheme.
    scorecard: Option<crate::report::Scorecard>,
    /// How the branch stands (not with `--rules none`).
    indicators: Option<crate::report::Indicators>,
    /// What falls due (with --todo).
    todo: Vec<crate::report::TodoItem>,
    /// The findings themselves, for the document formats (html, xlsx),
    /// which are built whole.
    findings: Vec<crate::Finding>,
    /// The branch's part of the HTML page.
    #[cfg(feature = "html")]
    html: Option<crate::render::html::HtmlBranch>,
    /// The branch's part of the report workbook.
    #[cfg(feature = "xlsx")]
    xlsx: Option<crate::render::xlsx::XlsxBranch>,
    /// How many findings are new, unchanged, updated, recurring (with a
    /// baseline).
    statuses: BaselineCounts,
    /// Of the new ones, how many no exception covers.
    new_open: usize,
    /// The rendered items with their sort keys: a spool of the worker's
    /// own, so that a bundle of 10^5 findings (a 10,000-year audit) writes
    /// most of its text to temporary files rather than holding it; the
    /// main thread merges it into the report's spool. An error is a failed
    /// temporary file.
    items: io::Result<SortedSpool>,
    rules_time: std::time::Duration,
}

/// The sort key of part `part` of a branch's text: branch id, input order,
/// part (0 the head, then the families by their first rule, last the tail).
fn text_key(branch: &crate::model::Id, seq: usize, part: u64) -> Vec<u8> {
    let mut k = Vec::new();
    spool::key_str(&mut k, branch.as_str());
    spool::key_u64(&mut k, seq as u64);
    spool::key_u64(&mut k, part);
    k
}

/// The sort key of a finding in the report: branch, rule, subject id, period
/// start, then input order (bundle, position).
fn finding_key(f: &crate::Finding, seq: usize, idx: usize) -> Vec<u8> {
    use chrono::Datelike;
    let mut k = Vec::with_capacity(48);
    spool::key_str(&mut k, f.branch.as_str());
    spool::key_str(&mut k, f.rule.as_str());
    spool::key_str(&mut k, f.subject.id.as_str());
    match f.period {
        None => spool::key_u64(&mut k, 0),
        Some(p) => spool::key_u64(
            &mut k,
            1 + (i64::from(p.from.num_days_from_ce()) + (1 << 40)) as u64,
        ),
    }
    spool::key_u64(&mut k, seq as u64);
    spool::key_u64(&mut k, idx as u64);
    k
}

/// Reads the baseline report of `--baseline`.
fn read_baseline(path: &Path) -> Result<Baseline, Stop> {
    if crate::load::is_workbook_path(path) {
        return read_baseline_workbook(path);
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Stop::from(crate::Error::io(Some(path.to_path_buf()), e)))?;
    let report =
        Report::from_json_slice(&bytes).map_err(|e| Stop::from(e.in_file(path.to_path_buf())))?;
    Ok(Baseline::from_report(
        &report,
        Some(&path.display().to_string()),
    ))
}

/// Reads a report workbook (whose 整改台账 the branch filled) as a baseline.
#[cfg(feature = "xlsx")]
fn read_baseline_workbook(path: &Path) -> Result<Baseline, Stop> {
    Ok(crate::load::xlsx::read_baseline(path)?)
}

#[cfg(not(feature = "xlsx"))]
fn read_baseline_workbook(path: &Path) -> Result<Baseline, Stop> {
    Err(Stop::Fail(format!(
        "{}: reading a report workbook as --baseline needs the crate feature `xlsx`",
        path.display()
    )))
}

fn write_out(out: &mut dyn Write, bytes: &[u8]) -> Result<(), Stop> {
    out.write_all(bytes).map_err(output_error)
}

fn output_error(e: io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Fail(format!("writing the report: {e}"))
    }
}

/// The profile of `--profile`: none given, central; a built-in name; a
/// file; or, given without a value, `dangjian.toml` found from the first
/// input's folder upward.
fn load_profile(cli: &Cli, inputs: &[Input]) -> Result<Profile, Stop> {
    let Some(arg) = &cli.profile else {
        return Ok(Profile::central());
    };
    if arg.is_empty() {
        let start = match inputs.first() {
            Some(Input::File(p)) => p
                .parent()
                .map(Path::to_path_buf)
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or_else(|| PathBuf::from(".")),
            _ => PathBuf::from("."),
        };
        let start = std::fs::canonicalize(&start).unwrap_or(start);
        let found = start
            .ancestors()
            .map(|d| d.join("dangjian.toml"))
            .find(|p| p.is_file())
            .ok_or_else(|| {
                Stop::Fail(format!(
                    "--profile: no dangjian.toml in {} or its parents",
                    start.display()
                ))
            })?;
        return Ok(Profile::from_toml_path(&found)?);
    }
    if let Some(p) = Profile::builtin(arg) {
        return Ok(p);
    }
    let path = Path::new(arg);
    if path.is_file() || path.extension().is_some_and(|e| e == "toml") {
        return Ok(Profile::from_toml_path(path)?);
    }
    let hint = crate::vocab::nearest(arg, Profile::BUILTIN)
        .map(|n| format!(" (did you mean {n}?)"))
        .unwrap_or_default();
    Err(Stop::Fail(format!(
        "--profile: no built-in profile {arg:?} and no such file{hint}; built-ins: {}",
        Profile::BUILTIN.join(", ")
    )))
}

impl Format {
    /// Whether the format is a document built whole (from the findings kept
    /// in memory), not streamed.
    fn is_document(self) -> bool {
        match self {
            #[cfg(feature = "html")]
            Format::Html => true,
            #[cfg(feature = "xlsx")]
            Format::Xlsx => true,
            _ => false,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Csv => "csv",
            #[cfg(feature = "html")]
            Format::Html => "html",
            #[cfg(feature = "xlsx")]
            Format::Xlsx => "xlsx",
        }
    }
}

fn execute(cli: &Cli, env: &mut Env<'_>) -> Result<i32, Stop> {
    let threads = match cli.threads {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut inputs: Vec<Input> = cli.files.iter().cloned().map(Input::from_arg).collect();
    if inputs.is_empty() {
        inputs.push(Input::File(env.default_file.clone()));
    }
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(Stop::Fail("- (stdin) given more than once".to_owned()));
    }
    #[cfg(feature = "xlsx")]
    if let Some(path) = &cli.template {
        let mut bytes = Vec::new();
        crate::render::xlsx::write_template(&mut bytes)?;
        std::fs::write(path, bytes)
            .map_err(|e| Stop::from(crate::Error::io(Some(path.clone()), e)))?;
        return Ok(0);
    }
    let profile = load_profile(cli, &inputs)?;
    if cli.explain_profile {
        write_out(env.stdout, profile.explain().as_bytes())?;
        return Ok(0);
    }
    // The default as_of needs a pass over the data before the audit: stdin is
    // kept in a temporary file for the second pass.
    let mut _stdin_copy = None;
    if cli.as_of.is_none() && inputs.contains(&Input::Stdin) {
        let copy = spool::TempFile::new("stdin.jsonl")
            .and_then(|t| {
                let mut f = std::fs::File::create(t.path())?;
                io::copy(&mut env.stdin, &mut f)?;
                Ok(t)
            })
            .map_err(|e| Stop::Fail(format!("reading stdin: {e}")))?;
        for i in &mut inputs {
            if *i == Input::Stdin {
                *i = Input::File(copy.path().to_path_buf());
            }
        }
        _stdin_copy = Some(copy);
    }
    let clock = env.clock;
    let total_bytes: u64 = inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => std::fs::metadata(p).map_or(0, |m| m.len()),
            Input::Stdin => 0,
        })
        .sum();
    let bar = progress::Bar::new(cli.progress, env.terminal, total_bytes);
    let tick = |bytes: u64, bundles: u64| bar.update(bytes, bundles);
    let warnings = std::cell::RefCell::new(Vec::<String>::new());
    let assumed = std::cell::RefCell::new(Vec::<String>::new());
    let warn = |w: pipeline::Said| {
        if w.assumed {
            assumed.borrow_mut().push(w.text.clone());
        }
        warnings.borrow_mut().push(format!("warning: {}", w.text));
    };

    let t_start = clock.elapsed();
    let as_of = match cli.as_of {
        Some(d) => d,
        None => {
            bar.phase("scanning dates");
            let opts = RunOptions {
                threads,
                keep_going: cli.keep_going,
                progress: &tick,
                warn: &|_| {},
            };
            let (d, _) = pipeline::latest_event_date(&inputs, &mut env.stdin, &opts, clock)?;
            d.ok_or_else(|| {
                Stop::Fail("the data holds no dates to take --as-of from; pass --as-of".to_owned())
            })?
        }
    };
    let t_first_pass = clock.elapsed().saturating_sub(t_start);
    let period = cli.period(as_of).map_err(Stop::Fail)?;
    let baseline = match &cli.baseline {
        Some(p) => Some(read_baseline(p)?),
        None => None,
    };
    if cli.fail_on == Some(args::FailOn::New) && baseline.is_none() {
        return Err(Stop::Fail(
            "--fail-on new needs --baseline REPORT".to_owned(),
        ));
    }
    let comparison = baseline.as_ref().map(Comparison::new);
    let auditor = Auditor::new(as_of)
        .period(period)
        .profile(profile)
        .select(cli.rules.clone());
    let lang = Lang::from(cli.lang);
    // `--rules none` reads and checks the input only: no rule, and so no
    // indicator, to-do list or scorecard either.
    let read_only = cli.rules.codes().next().is_none();

    // Findings are rendered on the workers and kept, sorted, in a spool that
    // holds at most `spill_after` bytes in memory.
    if cli.format.is_document() && cli.out.is_none() {
        return Err(Stop::Fail(format!(
            "--format {} needs --out FILE (a document is not written to a terminal)",
            cli.format.name()
        )));
    }
    #[cfg(feature = "html")]
    let mut html = match cli.format {
        Format::Html => {
            let h = crate::render::html::HtmlReport::new(lang);
            Some(match &cli.template_dir {
                Some(dir) => h.template_dir(dir)?,
                None => h,
            })
        }
        _ => None,
    };
    #[cfg(feature = "xlsx")]
    let mut workbook = (cli.format == Format::Xlsx).then(crate::render::xlsx::ReportWorkbook::new);
    let mut report = auditor.empty_report();
    report.todo = cli.todo.map(|d| crate::report::Todo::new(as_of, d));
    let mut spool = SortedSpool::new(cli.spill_after);
    let mut spool_error: Option<io::Error> = None;
    let mut records = 0usize;
    let mut rules_time = std::time::Duration::ZERO;
    let mut unreadable: Vec<Unreadable> = Vec::new();
    let mut statuses_total = BaselineCounts::default();
    let mut new_open_total = 0usize;
    let format = cli.format;
    let t_audit = clock.elapsed();
    bar.phase("auditing");
    let opts = RunOptions {
        threads,
        keep_going: cli.keep_going,
        progress: &tick,
        warn: &warn,
    };
    let stats = pipeline::run(
        &inputs,
        &mut env.stdin,
        &opts,
        clock,
        |seq, bundle| {
            let t0 = clock.elapsed();
            let cx = auditor.context(bundle);
            let branch = &bundle.branch.id;
            let scoring = auditor
                .profile_ref()
                .scoring
                .as_ref()
                .filter(|_| !read_only);
            let mut score = scoring.map(crate::report::ScoreTally::new);
            let mut statuses = BaselineCounts::default();
            let mut new_open = 0usize;
            let mut counts = Vec::new();
            let mut accepted = Vec::new();
            // What the indicators read of the findings: who is short of
            // training hours.
            let mut training = Vec::new();
            let mut kept = Vec::new();
            let mut sum = crate::report::Summary::default();
            let mut n = 0usize;
            let mut items = SortedSpool::new(cli.spill_after);
            let mut pushed: io::Result<()> = Ok(());
            let mut render_time = std::time::Duration::ZERO;
            // A family's findings at a time, each dropped once rendered: a
            // bundle of 10^5 findings (a 10,000-year audit) never holds them
            // all, nor their text.
            auditor.check_context_by_family(&cx, |mut part| {
                if let Some(c) = &comparison {
                    c.mark(&mut part, as_of);
                    for f in &part {
                        statuses.count(f.baseline);
                        new_open += usize::from(
                            f.baseline == Some(BaselineStatus::New) && !f.is_accepted(),
                        );
                    }
                }
                counts.extend(
                    part.iter()
                        .filter_map(|f| Some((f.rule.code()?, f.severity, f.is_accepted()))),
                );
                accepted.extend(part.iter().filter(|f| f.is_accepted()).cloned());
                training.extend(
                    part.iter()
                        .filter(|f| {
                            matches!(f.rule.code(), Some(RuleCode::EDU001 | RuleCode::EDU002))
                        })
                        .cloned(),
                );
                if let (Some(t), Some(s)) = (score.as_mut(), scoring) {
                    t.add(s, branch, &part);
                }
                if pushed.is_err() {
                    return;
                }
                let t_render = clock.elapsed();
                pushed = match format {
                    // A branch's text is its head (pushed last, when the
                    // counts are known), a block per family in the order of
                    // rule codes, and its tail: keyed by branch id, input
                    // order, then part.
                    Format::Text => {
                        sum.add_findings(&part);
                        n += part.len();
                        let first = part
                            .first()
                            .and_then(|f| f.rule.code())
                            .map_or(0, |c| c.index() as u64 + 1);
                        items.push(
                            text_key(branch, seq, first),
                            render::finding_block(&cx, &part, lang),
                        )
                    }
                    Format::Json => part.into_iter().try_for_each(|f| {
                        n += 1;
                        items.push(finding_key(&f, seq, n), render::json_finding(&f))
                    }),
                    Format::Csv => part.into_iter().try_for_each(|f| {
                        n += 1;
                        items.push(finding_key(&f, seq, n), render::csv_row(&f, lang))
                    }),
                    // The documents are built whole.
                    #[cfg(feature = "html")]
                    Format::Html => {
                        kept.extend(part);
                        Ok(())
                    }
                    #[cfg(feature = "xlsx")]
                    Format::Xlsx => {
                        kept.extend(part);
                        Ok(())
                    }
                };
                render_time += clock.elapsed().saturating_sub(t_render);
            });
            // The rules' share of the time: the rendering in between is not.
            let rules_time = clock
                .elapsed()
                .saturating_sub(t0)
                .saturating_sub(render_time);
            if format == Format::Text && pushed.is_ok() {
                pushed = items
                    .push(
                        text_key(branch, seq, 0),
                        render::branch_head(&cx, &sum, n, lang),
                    )
                    .and_then(|()| {
                        items.push(
                            text_key(branch, seq, u64::MAX),
                            render::branch_tail(&cx, n, lang),
                        )
                    });
            }
            // The documents need the findings in order (families' codes
            // do not interleave: a stable sort puts the parts in place).
            crate::report::sort_findings(&mut kept);
            let scorecard = score.zip(scoring).map(|(t, s)| t.finish(s, branch));
            let indicators = (!read_only).then(|| auditor.indicators(&cx, &training));
            #[cfg(feature = "xlsx")]
            let xlsx =
                (format == Format::Xlsx).then(|| crate::render::xlsx::XlsxBranch::new(&cx, &kept));
            #[cfg(feature = "html")]
            let html = (format == Format::Html)
                .then(|| crate::render::html::HtmlBranch::new(&cx, &kept, lang));
            let items = pushed.map(|()| items);
            Audited {
                branch: bundle.branch.id.clone(),
                members: bundle.members.len(),
                records: bundle.record_count(),
                accepted,
                scorecard,
                indicators,
                todo: cli
                    .todo
                    .filter(|_| !read_only)
                    .map(|d| auditor.todo(&cx, d))
                    .unwrap_or_default(),
                findings: kept,
                #[cfg(feature = "html")]
                html,
                #[cfg(feature = "xlsx")]
                xlsx,
                counts,
                statuses,
                new_open,
                items,
                rules_time,
            }
        },
        |_seq, a| {
            let a = match a {
                Ok(a) => a,
                Err(e) => {
                    unreadable.push(Unreadable::new(
                        e.location()
                            .file
                            .as_ref()
                            .map(|f| f.display().to_string())
                            .unwrap_or_default(),
                        e.location().line,
                        e.to_string(),
                    ));
                    return;
                }
            };
            records += a.records;
            rules_time += a.rules_time;
            statuses_total.new += a.statuses.new;
            statuses_total.unchanged += a.statuses.unchanged;
            statuses_total.updated += a.statuses.updated;
            statuses_total.recurring += a.statuses.recurring;
            new_open_total += a.new_open;
            report.summary.branches += 1;
            report.summary.members += a.members;
            report.audited.push(a.branch);
            for (rule, severity, accepted) in a.counts {
                report.summary.tally(rule, severity, accepted);
            }
            auditor.note_accepts(&mut report, &a.accepted);
            report.scorecards.extend(a.scorecard);
            report.findings.extend(a.findings);
            #[cfg(feature = "html")]
            if let (Some(h), Some(b)) = (html.as_mut(), a.html) {
                h.push(b);
            }
            #[cfg(feature = "xlsx")]
            if let (Some(w), Some(b)) = (workbook.as_mut(), a.xlsx) {
                w.push(b);
            }
            report.indicators.extend(a.indicators);
            if let Some(t) = &mut report.todo {
                t.items.extend(a.todo);
            }
            if spool_error.is_none() {
                if let Err(e) = a.items.and_then(|items| spool.absorb(items)) {
                    spool_error = Some(e);
                }
            }
        },
    )?;
    bar.finish();
    if let Some(e) = spool_error {
        return Err(Stop::Fail(format!("writing temporary files: {e}")));
    }
    // What could not be read first; then the warnings, counted past ten
    // (or all counted when something could not be read) unless --verbose.
    for u in &unreadable {
        let _ = writeln!(env.stderr, "audit: {} (left out)", u.message);
    }
    let warned = warnings.borrow();
    let shown = match (cli.verbose, unreadable.is_empty()) {
        (true, _) => warned.len(),
        (false, true) => warned.len().min(WARNINGS_SHOWN),
        (false, false) => 0,
    };
    for w in &warned[..shown] {
        let _ = writeln!(env.stderr, "audit: {w}");
    }
    if shown < warned.len() {
        let more = warned.len() - shown;
        let _ = writeln!(
            env.stderr,
            "audit: {}{more} warning{} about the input (--verbose lists {})",
            if shown > 0 { "and " } else { "" },
            if more == 1 { "" } else { "s" },
            if more == 1 { "it" } else { "them" }
        );
    }
    drop(warned);
    for a in &report.unmatched_accepts {
        let _ = writeln!(
            env.stderr,
            "audit: warning: the accept of {} for {}{} matched no finding ({})",
            a.rule,
            a.branch,
            a.subject
                .as_ref()
                .map(|s| format!("/{s}"))
                .unwrap_or_default(),
            a.reason
        );
    }
    report.unreadable = unreadable;
    report.assumptions = assumed.take();
    report.audited.sort();
    report.audited.dedup();
    report.scorecards.sort_by(|a, b| a.branch.cmp(&b.branch));
    report.indicators.sort_by(|a, b| a.branch.cmp(&b.branch));
    if let Some(t) = &mut report.todo {
        t.sort();
    }
    if let Some(c) = comparison {
        c.finish_with(&mut report, statuses_total);
    }
    let t_audit = clock.elapsed().saturating_sub(t_audit);
    let status = if !report.unreadable.is_empty() {
        2
    } else {
        match cli.fail_on.map(|f| (f, f.severity())) {
            Some((_, Some(threshold))) if report.summary.worst() >= Some(threshold) => 1,
            Some((args::FailOn::New, _)) if new_open_total > 0 => 1,
            _ => 0,
        }
    };
    let spilled = spool.runs();
    crate::report::sort_findings(&mut report.findings);
    let mut file = match &cli.out {
        Some(p) => Some(
            std::fs::File::create(p)
                .map_err(|e| Stop::from(crate::Error::io(Some(p.clone()), e)))?,
        ),
        None => None,
    };
    {
        let target: &mut dyn Write = match file.as_mut() {
            Some(f) => f,
            None => &mut *env.stdout,
        };
        let mut out = io::BufWriter::with_capacity(1 << 16, target);
        match format {
            #[cfg(feature = "html")]
            Format::Html => {
                if let Some(h) = html.take() {
                    h.write(&report, &mut out)?;
                }
            }
            #[cfg(feature = "xlsx")]
            Format::Xlsx => {
                if let Some(w) = workbook.take() {
                    let mut bytes = Vec::new();
                    w.finish(&report, &mut bytes)?;
                    write_out(&mut out, &bytes)?;
                }
            }
            Format::Text => {
                write_out(&mut out, render::text_head(&report, lang).as_bytes())?;
                spool.write_sorted(&mut out, b"").map_err(output_error)?;
                write_out(&mut out, render::text_summary(&report, lang).as_bytes())?;
            }
            Format::Json => {
                let (head, tail) = render::json_frame(&report, spool.is_empty());
                write_out(&mut out, head.as_bytes())?;
                spool.write_sorted(&mut out, b",\n").map_err(output_error)?;
                write_out(&mut out, tail.as_bytes())?;
                write_out(&mut out, b"\n")?;
            }
            Format::Csv => {
                write_out(&mut out, render::CSV_HEADER.as_bytes())?;
                spool.write_sorted(&mut out, b"").map_err(output_error)?;
            }
        }
        out.flush().map_err(output_error)?;
    }
    if cli.stats {
        let secs = t_audit.as_secs_f64().max(1e-9);
        let members = report.summary.members;
        let _ = write!(
            env.stderr,
            "stats: {} bundles, {} members, {} records, {} bytes, {} threads, {} findings\n\
             stats: first pass (as_of) {:.3} s; audit pass {:.3} s wall\n\
             stats: summed over threads: reading+deserializing {:.3} s, rules {:.3} s, rendering {:.3} s\n\
             stats: {:.0} members/s, {:.1} MB/s (audit pass, wall clock); {} temporary runs\n",
            stats.bundles,
            members,
            records,
            stats.bytes,
            stats.threads,
            report.summary.findings,
            t_first_pass.as_secs_f64(),
            secs,
            stats.read.as_secs_f64(),
            rules_time.as_secs_f64(),
            stats.work.saturating_sub(rules_time).as_secs_f64(),
            members as f64 / secs,
            stats.bytes as f64 / 1e6 / secs,
            spilled,
        );
    }
    Ok(status)
}
