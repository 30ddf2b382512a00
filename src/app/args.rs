//! The command's arguments (clap derive) and their checks.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clap::{Parser, ValueEnum};

use crate::kit::Selection;
use crate::model::{DateRange, parse_date};
use crate::report::{Lang, Severity};

/// Audits party branch records and reports every breach with its citation.
///
/// FILE may be a dangjian/1 `.json` document, a `.jsonl` file (one branch
/// per line), an Excel 台账 workbook (`.xlsx`, `.xlsm`) or `-` (JSON Lines
/// on stdin). With no FILE the bundled sample is audited.
#[derive(Parser, Debug, Clone)]
#[command(
    name = "audit",
    version,
    about = "Audits party branch records (党支部台账) against the Party's rules",
    long_about = None,
    after_help = "Exit status: 0 the audit ran; 1 it ran and --fail-on matched; \
                  2 bad input or usage (one message on stderr)."
)]
pub(crate) struct Cli {
    /// Input files: .json, .jsonl, .xlsx (the 台账 workbook), or - for JSON Lines on stdin.
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,

    /// Reference date (default: the latest event date in the data; never the clock).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub(crate) as_of: Option<NaiveDate>,

    /// Start of the audit period (default: 1 January of --as-of's year, or of --to's year).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub(crate) from: Option<NaiveDate>,

    /// End of the audit period (default: 31 December of --as-of's year, or of --from's year).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub(crate) to: Option<NaiveDate>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,

    /// Write the report to FILE instead of stdout (needed by html and xlsx).
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,

    /// A folder of replacement templates for --format html (docs/html.md).
    #[cfg(feature = "html")]
    #[arg(long, value_name = "DIR")]
    pub(crate) template_dir: Option<PathBuf>,

    /// Write the empty 台账 workbook to fill in (with a 填表说明 sheet and
    /// drop-down lists) to FILE, and exit.
    #[cfg(feature = "xlsx")]
    #[arg(long, value_name = "FILE.xlsx")]
    pub(crate) template: Option<PathBuf>,

    /// Language of messages and headings.
    #[arg(long, value_enum, default_value_t = LangArg::Zh)]
    pub(crate) lang: LangArg,

    /// Exit 1 when a finding of this severity or worse is found (accepted
    /// findings never count).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub(crate) fail_on: Option<FailOn>,

    /// The profile: a built-in (central, central-2026) or a TOML file. Given
    /// without a value, dangjian.toml is looked up in the first input's
    /// folder and its parents.
    #[arg(long, value_name = "NAME|FILE", num_args = 0..=1, default_missing_value = "")]
    pub(crate) profile: Option<String>,

    /// Print every effective parameter of the profile with its value, source
    /// and where it was set, and exit.
    #[arg(long)]
    pub(crate) explain_profile: bool,

    /// An earlier report to compare with — JSON, or a report workbook whose
    /// 整改台账 the branch filled in: every finding is marked new, unchanged
    /// or updated, and the findings gone are listed as resolved.
    #[arg(long, value_name = "REPORT")]
    pub(crate) baseline: Option<PathBuf>,

    /// List what falls due (待办) in the DAYS after --as-of: development
    /// steps, probations, terms, meetings of the current period, six-month
    /// lines, transfer letters.
    #[arg(long, value_name = "DAYS")]
    pub(crate) todo: Option<u32>,

    /// Which rules run: all, none (only read and check the input), families
    /// (DUE, DEV, MTG, EDU, ORG, IDE, REL, DAT) or codes, comma-separated.
    #[arg(long, value_name = "SEL", default_value = "all", value_parser = selection)]
    pub(crate) rules: Selection,

    /// Report every unreadable bundle (line, file) on stderr, list it in the
    /// report's `unreadable`, audit the rest, and exit 2 at the end.
    #[arg(long)]
    pub(crate) keep_going: bool,

    /// Worker threads (default: all cores); the output does not depend on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,

    /// Progress bar on stderr: auto (only on a terminal, for large input), always, never.
    #[arg(long, value_enum, default_value_t = Progress::Auto)]
    pub(crate) progress: Progress,

    /// Throughput figures on stderr.
    #[arg(long)]
    pub(crate) stats: bool,

    /// List every warning about the input (unknown sheets and columns,
    /// unresolved names, skipped rows) on stderr; without it at most ten
    /// are listed (none when rows could not be read) and the rest counted.
    #[arg(short, long)]
    pub(crate) verbose: bool,

    /// Bytes of sorted output held in memory before the rest goes to
    /// temporary files; the output is the same.
    #[arg(long, value_name = "BYTES", default_value_t = 16 << 20, hide = true)]
    pub(crate) spill_after: usize,
}

/// Output format of the command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Human-readable text, grouped by branch.
    Text,
    /// The JSON report (dangjian-report/1).
    Json,
    /// CSV for spreadsheets, UTF-8 with BOM.
    Csv,
    /// One offline HTML page (needs --out).
    #[cfg(feature = "html")]
    Html,
    /// The report workbook: 概况, 问题清单, 整改台账, grids, 指标 (needs --out).
    #[cfg(feature = "xlsx")]
    Xlsx,
}

/// Language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangArg {
    /// 中文.
    Zh,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// What makes the command exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    /// Any error.
    Error,
    /// Any warning or error.
    Warning,
    /// Any finding at all.
    Info,
    /// Any finding not in the baseline (needs --baseline).
    New,
}

impl FailOn {
    /// The least severity that fails; `None` for `new`.
    pub(crate) fn severity(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::New => None,
        }
    }
}

/// When to show a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Progress {
    /// Only when stderr is a terminal and the input is large.
    Auto,
    /// Whenever stderr is a terminal.
    Always,
    /// Never.
    Never,
}

fn date(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).map_err(|e| e.to_string())
}

fn selection(s: &str) -> Result<Selection, String> {
    s.parse::<Selection>().map_err(|e| e.to_string())
}

impl Cli {
    /// The audit period for `as_of`: `--from`/`--to`, each defaulting to the
    /// calendar year of `as_of` — or, when only one is given, to the year of
    /// the one given.
    pub(crate) fn period(&self, as_of: NaiveDate) -> Result<DateRange, String> {
        let year = |d: NaiveDate| DateRange::year(d.year());
        let (from, to) = match (self.from, self.to) {
            (Some(f), Some(t)) => (f, t),
            (Some(f), None) => (f, year(f).to.max(year(as_of).to)),
            (None, Some(t)) => (year(t).from, t),
            (None, None) => (year(as_of).from, year(as_of).to),
        };
        DateRange::new(from, to).ok_or_else(|| format!("--to {to} is before --from {from}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn cli(args: &[&str]) -> Cli {
        Cli::try_parse_from(std::iter::once("audit").chain(args.iter().copied())).unwrap()
    }

    #[test]
    fn periods_default_sensibly() {
        let as_of = d("2025-12-31");
        let p = cli(&[]).period(as_of).unwrap();
        assert_eq!((p.from, p.to), (d("2025-01-01"), d("2025-12-31")));
        // --to alone: the year of --to, not "--to is before --from".
        let p = cli(&["--to", "2024-06-30"]).period(as_of).unwrap();
        assert_eq!((p.from, p.to), (d("2024-01-01"), d("2024-06-30")));
        let p = cli(&["--from", "2025-04-01"]).period(as_of).unwrap();
        assert_eq!((p.from, p.to), (d("2025-04-01"), d("2025-12-31")));
        let e = cli(&["--from", "2025-04-01", "--to", "2025-03-01"])
            .period(as_of)
            .unwrap_err();
        assert!(e.contains("before"), "{e}");
    }

    #[test]
    fn values_are_checked_by_the_parser() {
        let parse = |args: &[&str]| {
            Cli::try_parse_from(std::iter::once("audit").chain(args.iter().copied()))
        };
        assert!(parse(&["--as-of", "2025-02-30"]).is_err());
        assert!(parse(&["--rules", "DEV12"]).is_err());
        assert!(parse(&["--threads", "0"]).is_err());
        assert!(parse(&["--format", "yaml"]).is_err());
        assert!(parse(&["--fail-on", "info"]).is_ok());
    }
}
