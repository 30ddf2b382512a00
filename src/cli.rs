//! The `audit` command (`examples/audit.rs`), as a function that tests can call.
//!
//! ```text
//! audit [FILE ...] [--as-of DATE] [--from DATE] [--to DATE]
//!       [--format text|json|csv] [--lang zh|en] [--fail-on error|warning]
//!       [--rules SELECTION]
//! ```
//!
//! * No FILE: the bundled sample.
//! * `--as-of` defaults to the latest event date in the data (never the clock);
//!   `--from`/`--to` default to the calendar year of `--as-of`.
//! * `--rules`: `all`, family prefixes or codes, comma-separated (default `all`).
//! * Exit 0: the audit ran. Exit 1: it ran and `--fail-on` matched. Exit 2: bad
//!   input or usage: one message on stderr, nothing on stdout.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::finding::{Lang, Severity};
use crate::load;
use crate::model::{DateRange, parse_date};
use crate::render::{self, TextReport};
use crate::rules::{Auditor, Selection};

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
}

/// The usage text.
pub const USAGE: &str = "\
usage: audit [FILE ...] [--as-of DATE] [--from DATE] [--to DATE]
             [--format text|json|csv] [--lang zh|en] [--fail-on error|warning]
             [--rules all|PREFIX|CODE,...]

Audits party branch records (dangjian/1 .json or .jsonl files; none: the
bundled sample) and prints the findings.

  --as-of DATE   reference date (default: the latest event date in the data)
  --from DATE    start of the audit period (default: 1 January of --as-of's year)
  --to DATE      end of the audit period (default: 31 December of that year)
  --format F     text (default, grouped by branch), json (the report), csv (Excel)
  --lang L       zh (default) or en
  --fail-on S    exit 1 if a finding of severity S or worse is found
  --rules SEL    which rules run, e.g. DUE,DAT001 (default: all)

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
/// `default_file` is audited when no FILE is given.
pub fn run(
    args: &[String],
    default_file: &Path,
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
    match execute(&opts) {
        Ok((text, status)) => {
            if stdout.write_all(text.as_bytes()).is_err() {
                return 2;
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
fn latest_date(files: &[PathBuf]) -> Result<Option<NaiveDate>, Stop> {
    let mut latest: Option<NaiveDate> = None;
    for f in files {
        for b in load::open(f).map_err(Stop::Input)? {
            let b = b.map_err(Stop::Input)?;
            if let Some(d) = b.latest_event_date() {
                latest = Some(latest.map_or(d, |l| l.max(d)));
            }
        }
    }
    Ok(latest)
}

fn execute(o: &Options) -> Result<(String, i32), Stop> {
    let as_of = match o.as_of {
        Some(d) => d,
        None => latest_date(&o.files)?.ok_or_else(|| {
            Stop::Usage("the data holds no dates to take --as-of from; pass --as-of".to_owned())
        })?,
    };
    let year = DateRange::year(as_of.year());
    let period = DateRange::new(o.from.unwrap_or(year.from), o.to.unwrap_or(year.to))
        .ok_or_else(|| Stop::Usage("--to is before --from".to_owned()))?;
    let auditor = Auditor::new(as_of).period(period).select(o.rules.clone());

    let mut report = auditor.empty_report();
    let mut text = TextReport::new(o.lang);
    for f in &o.files {
        for b in load::open(f).map_err(Stop::Input)? {
            let bundle = b.map_err(Stop::Input)?;
            let cx = auditor.context(&bundle);
            let findings = auditor.check_context(&cx);
            if o.format == Format::Text {
                text.add_branch(&cx, &findings);
            }
            auditor.add(&mut report, &bundle, findings);
        }
    }
    let report = auditor.finish(report);
    let status = match (o.fail_on, report.worst()) {
        (Some(threshold), Some(worst)) if worst >= threshold => 1,
        _ => 0,
    };
    let out = match o.format {
        Format::Text => text.finish(&report),
        Format::Json => {
            let mut j = report.to_json();
            j.push('\n');
            j
        }
        Format::Csv => render::csv(&report, o.lang),
    };
    Ok((out, status))
}
