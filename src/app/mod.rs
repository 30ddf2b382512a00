//! The `audit` command (`examples/audit.rs`), as a function that tests can call.
//!
//! ```text
//! audit [FILE ...] [--as-of DATE] [--from DATE] [--to DATE]
//!       [--format text|json|csv] [--lang zh|en] [--fail-on error|warning]
//!       [--rules SELECTION] [--threads N] [--stats]
//! ```
//!
//! * No FILE: the bundled sample.
//! * `--as-of` defaults to the latest event date in the data (never the clock);
//!   `--from`/`--to` default to the calendar year of `--as-of`.
//! * `--rules`: `all`, family prefixes or codes, comma-separated (default `all`).
//! * `--threads`: worker threads (default: all cores). The output does not
//!   depend on it.
//! * `--stats`: throughput figures on stderr (bundles, members, records,
//!   bytes, time reading and deserializing, time in rules, members/s, MB/s),
//!   timed with the [`Stopwatch`] the caller passes in.
//! * Exit 0: the audit ran. Exit 1: it ran and `--fail-on` matched. Exit 2: bad
//!   input or usage: one message on stderr, nothing on stdout.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::model::{DateRange, parse_date};
use crate::report::{Lang, Severity};
pub(crate) mod pipeline;
pub(crate) mod spool;

use crate::audit::{Auditor, Selection};
use crate::cli::spool as output;
use crate::render;
pub use pipeline::{NoStopwatch, Stopwatch};
use spool::SortedSpool;

/// Output format of the command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Human-readable text, grouped by branch (the default).
    Text,
    /// The JSON report.
    Json,
    /// CSV for spreadsheets, UTF-8 with BOM.
    Csv,
}

/// Parsed command-line options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Input files.
    pub files: Vec<PathBuf>,
    /// `--as-of`.
    pub as_of: Option<NaiveDate>,
    /// `--from`.
    pub from: Option<NaiveDate>,
    /// `--to`.
    pub to: Option<NaiveDate>,
    /// `--format`.
    pub format: Format,
    /// `--lang`.
    pub lang: Lang,
    /// `--fail-on`.
    pub fail_on: Option<Severity>,
    /// `--rules`.
    pub rules: Selection,
    /// `--threads` (0: all cores).
    pub threads: usize,
    /// `--stats`.
    pub stats: bool,
    /// `--spill-after`: bytes of rendered findings held in memory before
    /// sorted runs go to temporary files.
    pub spill_after: usize,
}

/// The usage text.
pub const USAGE: &str = "\
usage: audit [FILE ...] [--as-of DATE] [--from DATE] [--to DATE]
             [--format text|json|csv] [--lang zh|en] [--fail-on error|warning]
             [--rules all|PREFIX|CODE,...] [--threads N] [--stats]

Audits party branch records (dangjian/1 .json or .jsonl files; none: the
bundled sample) and prints the findings.

  --as-of DATE   reference date (default: the latest event date in the data)
  --from DATE    start of the audit period (default: 1 January of --as-of's year)
  --to DATE      end of the audit period (default: 31 December of that year)
  --format F     text (default, grouped by branch), json (the report), csv (Excel)
  --lang L       zh (default) or en
  --fail-on S    exit 1 if a finding of severity S or worse is found
  --rules SEL    which rules run, e.g. DUE,DAT001 (default: all; none: only read)
  --threads N    worker threads (default: all cores); the output is the same
  --stats        print throughput figures on stderr
  --spill-after B  bytes of sorted output held in memory before the rest goes
                 to temporary files (default 16777216); the output is the same

Exit status: 0 the audit ran; 1 it ran and --fail-on matched; 2 bad input or usage.
";

/// Why the command stopped before producing a report.
#[derive(Debug)]
enum Stop {
    Help,
    Usage(String),
    Input(crate::Error),
}

fn parse(args: &[String], default_file: &Path) -> Result<Options, Stop> {
    let mut o = Options {
        files: Vec::new(),
        as_of: None,
        from: None,
        to: None,
        format: Format::Text,
        lang: Lang::Zh,
        fail_on: None,
        rules: Selection::all(),
        threads: 0,
        stats: false,
        spill_after: 16 << 20,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_owned())),
            _ => (a.as_str(), None),
        };
        let mut value = |name: &str| -> Result<String, Stop> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| Stop::Usage(format!("{name} needs a value")))
        };
        let date =
            |name: &str, v: String| parse_date(&v).map_err(|e| Stop::Usage(format!("{name}: {e}")));
        match flag {
            "-h" | "--help" => return Err(Stop::Help),
            "--as-of" => o.as_of = Some(date("--as-of", value("--as-of")?)?),
            "--from" => o.from = Some(date("--from", value("--from")?)?),
            "--to" => o.to = Some(date("--to", value("--to")?)?),
            "--format" => {
                o.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => {
                        return Err(Stop::Usage(format!(
                            "--format: unknown format {other:?} (text, json or csv)"
                        )));
                    }
                }
            }
            "--lang" => {
                o.lang = value("--lang")?
                    .parse()
                    .map_err(|e| Stop::Usage(format!("--lang: {e}")))?
            }
            "--fail-on" => {
                let v = value("--fail-on")?;
                o.fail_on = Some(match v.as_str() {
                    "error" => Severity::Error,
                    "warning" => Severity::Warning,
                    "info" => Severity::Info,
                    _ => {
                        return Err(Stop::Usage(format!(
                            "--fail-on: unknown severity {v:?} (error or warning)"
                        )));
                    }
                })
            }
            "--stats" => o.stats = true,
            "--spill-after" => {
                let v = value("--spill-after")?;
                o.spill_after = v.parse::<usize>().map_err(|_| {
                    Stop::Usage(format!(
                        "--spill-after: expected a number of bytes, got {v:?}"
                    ))
                })?;
            }
            "--threads" => {
                let v = value("--threads")?;
                o.threads = v.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| {
                    Stop::Usage(format!(
                        "--threads: expected a whole number from 1, got {v:?}"
                    ))
                })?;
            }
            "--rules" => {
                o.rules = value("--rules")?
                    .parse()
                    .map_err(|e| Stop::Usage(format!("--rules: {e}")))?
            }
            f if f.starts_with('-') && f.len() > 1 => {
                return Err(Stop::Usage(format!("unknown option {f}")));
            }
            _ => o.files.push(PathBuf::from(a)),
        }
    }
    if o.files.is_empty() {
        o.files.push(default_file.to_path_buf());
    }
    Ok(o)
}

/// Runs the command with `args` (without the program name), writing to
/// `stdout` and `stderr`; returns the exit status.
///
/// `default_file` is audited when no FILE is given; `clock` times `--stats`
/// (the library reads no clock itself).
pub fn run(
    args: &[String],
    default_file: &Path,
    clock: &dyn Stopwatch,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let opts = match parse(args, default_file) {
        Ok(o) => o,
        Err(Stop::Help) => {
            let _ = stdout.write_all(USAGE.as_bytes());
            return 0;
        }
        Err(Stop::Usage(msg)) => {
            let _ = writeln!(stderr, "audit: {msg} (see audit --help)");
            return 2;
        }
        Err(Stop::Input(e)) => {
            let _ = writeln!(stderr, "audit: {e}");
            return 2;
        }
    };
    match execute(&opts, clock, stdout) {
        Ok((status, stats)) => {
            if let Some(stats) = stats {
                let _ = stderr.write_all(stats.as_bytes());
            }
            status
        }
        Err(Stop::Input(e)) => {
            let _ = writeln!(stderr, "audit: {e}");
            2
        }
        Err(Stop::Usage(msg)) => {
            let _ = writeln!(stderr, "audit: {msg}");
            2
        }
        Err(Stop::Help) => 0,
    }
}

/// The latest event date in the files (first pass when `--as-of` is absent).
fn latest_date(
    files: &[PathBuf],
    threads: usize,
    clock: &dyn Stopwatch,
) -> Result<Option<NaiveDate>, Stop> {
    pipeline::latest_event_date(files, threads, clock)
        .map(|(d, _)| d)
        .map_err(Stop::Input)
}

/// What the workers hand back for one bundle: its findings already rendered
/// for the output, with their sort keys.
struct Audited {
    members: usize,
    records: usize,
    /// (rule, severity) of each finding, for the summary.
    counts: Vec<(crate::audit::RuleCode, Severity, bool)>,
    items: Vec<(Vec<u8>, String)>,
    rules_time: std::time::Duration,
}

/// The sort key of a finding in the report: branch, rule, subject id, period
/// start, then input order (bundle, position).
fn finding_key(f: &crate::Finding, seq: usize, idx: usize) -> Vec<u8> {
    let mut k = Vec::with_capacity(48);
    output::key_str(&mut k, f.branch.as_str());
    output::key_str(&mut k, f.rule.as_str());
    output::key_str(&mut k, f.subject.id.as_str());
    match f.period {
        None => output::key_u64(&mut k, 0),
        Some(p) => output::key_u64(
            &mut k,
            1 + (i64::from(p.from.num_days_from_ce()) + (1 << 40)) as u64,
        ),
    }
    output::key_u64(&mut k, seq as u64);
    output::key_u64(&mut k, idx as u64);
    k
}

fn execute(
    o: &Options,
    clock: &dyn Stopwatch,
    stdout: &mut dyn Write,
) -> Result<(i32, Option<String>), Stop> {
    let threads = match o.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let t_start = clock.elapsed();
    let as_of = match o.as_of {
        Some(d) => d,
        None => latest_date(&o.files, threads, clock)?.ok_or_else(|| {
            Stop::Usage("the data holds no dates to take --as-of from; pass --as-of".to_owned())
        })?,
    };
    let t_first_pass = clock.elapsed().saturating_sub(t_start);
    let year = DateRange::year(as_of.year());
    let period = DateRange::new(o.from.unwrap_or(year.from), o.to.unwrap_or(year.to))
        .ok_or_else(|| Stop::Usage("--to is before --from".to_owned()))?;
    let auditor = Auditor::new(as_of).period(period).select(o.rules.clone());

    // Findings are rendered on the workers and kept, sorted, in a spool that
    // holds at most `spill_after` bytes in memory.
    let mut report = auditor.empty_report();
    let mut spool = SortedSpool::new(o.spill_after);
    let mut spool_error: Option<std::io::Error> = None;
    let mut records = 0usize;
    let mut rules_time = std::time::Duration::ZERO;
    let (format, lang) = (o.format, o.lang);
    let t_audit = clock.elapsed();
    let stats = pipeline::run(
        &o.files,
        threads,
        clock,
        |seq, bundle| {
            let t0 = clock.elapsed();
            let cx = auditor.context(bundle);
            let findings = auditor.check_context(&cx);
            let rules_time = clock.elapsed().saturating_sub(t0);
            let counts = findings
                .iter()
                .map(|f| (f.rule, f.severity, f.is_accepted()))
                .collect();
            let items = match format {
                // One item per bundle: its text section, keyed by branch id
                // and input order.
                Format::Text => {
                    let mut k = Vec::new();
                    output::key_str(&mut k, bundle.branch.id.as_str());
                    output::key_u64(&mut k, seq as u64);
                    vec![(k, render::branch_section(&cx, &findings, lang))]
                }
                Format::Json => findings
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (finding_key(f, seq, i), render::json_finding(f)))
                    .collect(),
                Format::Csv => findings
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (finding_key(f, seq, i), render::csv_row(f, lang)))
                    .collect(),
            };
            Audited {
                members: bundle.members.len(),
                records: bundle.record_count(),
                counts,
                items,
                rules_time,
            }
        },
        |_seq, a| {
            records += a.records;
            rules_time += a.rules_time;
            report.summary.branches += 1;
            report.summary.members += a.members;
            for (rule, severity, accepted) in a.counts {
                report.summary.tally(rule, severity, accepted);
            }
            for (key, text) in a.items {
                if spool_error.is_none() {
                    if let Err(e) = spool.push(key, text) {
                        spool_error = Some(e);
                    }
                }
            }
        },
    )
    .map_err(Stop::Input)?;
    if let Some(e) = spool_error {
        return Err(Stop::Usage(format!("writing temporary files: {e}")));
    }
    let t_audit = clock.elapsed().saturating_sub(t_audit);
    let status = match (o.fail_on, report.summary.worst()) {
        (Some(threshold), Some(worst)) if worst >= threshold => 1,
        _ => 0,
    };
    let spilled = spool.runs();
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        match format {
            Format::Text => {
                out.write_all(render::text_head(&report, lang).as_bytes())?;
                spool.write_sorted(out, b"")?;
                out.write_all(render::text_summary(&report, lang).as_bytes())
            }
            Format::Json => {
                let (head, tail) = render::json_frame(&report, spool.is_empty());
                out.write_all(head.as_bytes())?;
                spool.write_sorted(out, b",\n")?;
                out.write_all(tail.as_bytes())?;
                out.write_all(b"\n")
            }
            Format::Csv => {
                out.write_all(render::CSV_HEADER.as_bytes())?;
                spool.write_sorted(out, b"")
            }
        }
    };
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut *stdout);
    write(&mut buffered)
        .and_then(|()| buffered.flush())
        .map_err(|e| Stop::Usage(format!("writing the report: {e}")))?;
    let stats = o.stats.then(|| {
        let secs = t_audit.as_secs_f64().max(1e-9);
        let members = report.summary.members;
        format!(
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
        )
    });
    Ok((status, stats))
}
