//! Writes a synthetic data set of branch records (see `dangjian::synth`):
//!
//! ```text
//! cargo run --release --example generate -- --branches N --seed S [--faults RATE] [--year YEAR] --out FILE
//! ```
//!
//! * `FILE` ending in `.json`: a `{"format": "dangjian/1", "branches": [...]}`
//!   document; ending in `.jsonl`: one bundle per line.
//! * Bundles are generated and written one at a time through a buffered
//!   writer, so memory does not grow with `N`. The same arguments give the
//!   same file, byte for byte.
//! * `--faults` (default 0): the probability of planting a fault at each
//!   opportunity, 0 to 1; 0 gives a data set that yields no finding.
//! * `--year` (default 2025): the year of the records; the latest event of
//!   every bundle is 31 December of it, the audit command's default `--as-of`.
//!
//! A one-line summary goes to stderr. Exit 0: written; 1: the file could not
//! be written; 2: bad usage (one message on stderr, nothing written).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use dangjian::synth::{self, MAX_YEAR, MIN_YEAR, SynthOptions};

const USAGE: &str = "\
usage: generate --branches N --seed S [--faults RATE] [--year YEAR] --out FILE

Writes N synthetic party-branch bundles (dangjian/1) generated from seed S.

  --branches N    number of bundles (branches)
  --seed S        seed, 0 to 18446744073709551615; the same seed gives the same file
  --faults RATE   probability of a fault at each opportunity, 0 to 1 (default 0:
                  a clean data set that yields no finding)
  --year YEAR     year of the records (default 2025)
  --out FILE      FILE.json (one document) or FILE.jsonl (one bundle per line)

Exit status: 0 written; 1 the file could not be written; 2 bad usage.
";

struct Args {
    opts: SynthOptions,
    out: PathBuf,
    lines: bool,
}

fn parse(args: &[String]) -> Result<Option<Args>, String> {
    let mut branches: Option<usize> = None;
    let mut seed: Option<u64> = None;
    let mut faults: Option<f64> = None;
    let mut year: Option<i32> = None;
    let mut out: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        let name = flag.as_str();
        if !matches!(
            name,
            "--branches" | "--seed" | "--faults" | "--year" | "--out"
        ) {
            return Err(format!("unknown argument {flag:?}"));
        }
        let value = it
            .next()
            .ok_or_else(|| format!("{name} needs a value"))?
            .as_str();
        let twice = || format!("{name} given more than once");
        match name {
            "--branches" => {
                let n = value
                    .parse()
                    .map_err(|_| format!("--branches: not a number of bundles: {value:?}"))?;
                if branches.replace(n).is_some() {
                    return Err(twice());
                }
            }
            "--seed" => {
                let s = value.parse().map_err(|_| {
                    format!("--seed: not a whole number from 0 to 2^64-1: {value:?}")
                })?;
                if seed.replace(s).is_some() {
                    return Err(twice());
                }
            }
            "--faults" => {
                let f: f64 = value
                    .parse()
                    .ok()
                    .filter(|f: &f64| (0.0..=1.0).contains(f))
                    .ok_or_else(|| format!("--faults: not a rate from 0 to 1: {value:?}"))?;
                if faults.replace(f).is_some() {
                    return Err(twice());
                }
            }
            "--year" => {
                let y: i32 = value
                    .parse()
                    .ok()
                    .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
                    .ok_or_else(|| {
                        format!("--year: not a year from {MIN_YEAR} to {MAX_YEAR}: {value:?}")
                    })?;
                if year.replace(y).is_some() {
                    return Err(twice());
                }
            }
            _ => {
                if out.replace(PathBuf::from(value)).is_some() {
                    return Err(twice());
                }
            }
        }
    }
    let branches = branches.ok_or("--branches is required")?;
    let seed = seed.ok_or("--seed is required")?;
    let out = out.ok_or("--out is required")?;
    let lines = match out.extension().and_then(|e| e.to_str()) {
        Some("jsonl") => true,
        Some("json") => false,
        _ => {
            return Err(format!(
                "--out: {} must end in .json or .jsonl",
                out.display()
            ));
        }
    };
    Ok(Some(Args {
        opts: SynthOptions {
            branches,
            seed,
            faults: faults.unwrap_or(0.0),
            year: year.unwrap_or(2025),
        },
        out,
        lines,
    }))
}

/// Counts the bytes written through it.
struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes the data set; returns (members, bytes).
fn write(args: &Args) -> io::Result<(usize, u64)> {
    let file = File::create(&args.out)?;
    let mut w = Counting {
        inner: BufWriter::with_capacity(1 << 20, file),
        bytes: 0,
    };
    let mut members = 0usize;
    if !args.lines {
        write!(
            w,
            "{{\"format\":\"{}\",\"branches\":[",
            dangjian::load::FORMAT
        )?;
    }
    for i in 0..args.opts.branches {
        let bundle = synth::bundle(&args.opts, i);
        members += bundle.members.len();
        if !args.lines && i > 0 {
            w.write_all(b",")?;
        }
        serde_json::to_writer(&mut w, &bundle)?;
        if args.lines {
            w.write_all(b"\n")?;
        }
    }
    if !args.lines {
        w.write_all(b"]}\n")?;
    }
    w.flush()?;
    Ok((members, w.bytes))
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse(&argv) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("generate: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match write(&args) {
        Ok((members, bytes)) => {
            let secs = start.elapsed().as_secs_f64();
            let n = args.opts.branches;
            let mb = bytes as f64 / 1e6;
            eprintln!(
                "generate: {n} bundles, {members} members, {bytes} bytes ({mb:.1} MB) in {secs:.2} s \
                 ({:.0} bundles/s, {:.0} MB/s) -> {}",
                n as f64 / secs.max(1e-9),
                mb / secs.max(1e-9),
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: cannot write {}: {e}", args.out.display());
            ExitCode::from(1)
        }
    }
}
