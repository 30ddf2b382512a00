//! Auditing many bundles on all cores while streaming the input.
//!
//! [`run`] reads the inputs in order. JSON Lines (a `.jsonl` file or stdin)
//! are read one line at a time on the calling thread and each line is parsed
//! **and** audited on a worker thread, so deserialization — the larger cost —
//! is spread over the cores too; a `.json` document is parsed whole and its
//! bundles are handed out. The reader never runs more than a few bundles
//! ahead of the workers, so memory does not grow with the input.
//!
//! Results are delivered to the caller's `sink` **in input order**, whatever
//! the number of threads, so the output of a parallel run is byte-identical to
//! a single-threaded one. With one thread nothing is spawned.
//!
//! Without `keep_going` the first unreadable input stops the run (its error
//! is returned). With it, every unreadable bundle — a JSON Lines line, a
//! bundle of a document, a file that cannot be opened or parsed — is handed
//! to `sink` as an `Err` in its place and the rest is read.
//!
//! Library code reads no clock: timing for statistics comes from a
//! [`Stopwatch`] the caller passes in (the audit command passes a real one for
//! `--stats`; [`NoStopwatch`] reads nothing).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::load::{self, JsonLines, RawLine};
use crate::model::Bundle;

/// A source of elapsed time, injected so that library code reads no clock.
pub trait Stopwatch: Sync {
    /// Time elapsed since some fixed start.
    fn elapsed(&self) -> Duration;
}

/// A stopwatch that reads nothing and always says zero.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoStopwatch;

impl Stopwatch for NoStopwatch {
    fn elapsed(&self) -> Duration {
        Duration::ZERO
    }
}

/// One input of a run: a file, or JSON Lines on stdin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// The input from a command-line argument: `-` is stdin.
    pub(crate) fn from_arg(p: PathBuf) -> Input {
        if p.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(p)
        }
    }

    /// The name errors and the report use.
    pub(crate) fn name(&self) -> PathBuf {
        match self {
            Input::File(p) => p.clone(),
            Input::Stdin => PathBuf::from("<stdin>"),
        }
    }
}

/// What a [`run`] did, for `--stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Stats {
    /// Bundles read (unreadable ones included).
    pub(crate) bundles: u64,
    /// Bytes read.
    pub(crate) bytes: u64,
    /// Time reading and deserializing, summed over all threads.
    pub(crate) read: Duration,
    /// Time in the `work` closure (the rules), summed over all threads.
    pub(crate) work: Duration,
    /// Threads used.
    pub(crate) threads: usize,
}

/// How a run goes: threads, whether it keeps going past bad input, and whom
/// it tells how far it got (bytes and bundles read so far).
pub(crate) struct RunOptions<'a> {
    pub(crate) threads: usize,
    pub(crate) keep_going: bool,
    pub(crate) progress: &'a dyn Fn(u64, u64),
    /// Told each warning of a workbook reader (unknown sheets and columns,
    /// unresolved names, columns read as their default), once per
    /// workbook read.
    pub(crate) warn: &'a dyn Fn(Said),
}

enum Job {
    Line(RawLine, usize),
    Bundle(Box<Bundle>),
    Failed(Error),
}

type Handled<T> = Result<(T, Duration, Duration)>;

/// Runs `work` on every bundle of `inputs` and passes each result, in input
/// order, to `sink` with the bundle's sequence number (unreadable bundles,
/// with `keep_going`, as `Err` in their place).
///
/// # Errors
/// Without `keep_going`: the first bad input in input order; reading stops at
/// it and `sink` has received exactly the results of the bundles before it.
/// With it: only a failure to read stdin.
pub(crate) fn run<T, W, S>(
    inputs: &[Input],
    stdin: &mut dyn BufRead,
    opts: &RunOptions<'_>,
    clock: &dyn Stopwatch,
    work: W,
    sink: S,
) -> Result<Stats>
where
    T: Send,
    W: Fn(usize, &Bundle) -> T + Sync,
    S: FnMut(usize, Result<T>),
{
    let handle = |seq: usize, job: Job| {
        prepare(job, inputs, clock).map(|(bundle, read)| {
            let t0 = clock.elapsed();
            let out = work(seq, &bundle);
            let spent = clock.elapsed().saturating_sub(t0);
            (out, read, spent)
        })
    };
    run_jobs(inputs, stdin, opts, clock, &handle, sink)
}

/// The latest event date of all bundles of `inputs` (the audit command's
/// default `as_of`). JSON Lines are scanned without building bundles, which
/// is several times faster than reading them. With `keep_going`, unreadable
/// bundles are skipped here (the audit pass reports them).
///
/// # Errors
/// As [`run`], for input whose dates cannot be read.
pub(crate) fn latest_event_date(
    inputs: &[Input],
    stdin: &mut dyn BufRead,
    opts: &RunOptions<'_>,
    clock: &dyn Stopwatch,
) -> Result<(Option<chrono::NaiveDate>, Stats)> {
    let handle = |_seq: usize, job: Job| match job {
        Job::Bundle(b) => Ok((b.latest_event_date(), Duration::ZERO, Duration::ZERO)),
        Job::Failed(e) => Err(e),
        Job::Line(raw, input) => {
            let t0 = clock.elapsed();
            let name = inputs.get(input).map(Input::name);
            let d = load::latest_event_date_of_line(&raw.bytes, raw.line, name.as_deref())?;
            Ok((d, clock.elapsed().saturating_sub(t0), Duration::ZERO))
        }
    };
    let mut latest = None;
    let stats = run_jobs(inputs, stdin, opts, clock, &handle, |_, d| {
        if let Ok(Some(d)) = d {
            latest = Some(latest.map_or(d, |l: chrono::NaiveDate| l.max(d)));
        }
    })?;
    Ok((latest, stats))
}

/// Runs `handle` on every job of `inputs`, delivering results in input order.
fn run_jobs<T, S>(
    inputs: &[Input],
    stdin: &mut dyn BufRead,
    opts: &RunOptions<'_>,
    clock: &dyn Stopwatch,
    handle: &(dyn Fn(usize, Job) -> Handled<T> + Sync),
    mut sink: S,
) -> Result<Stats>
where
    T: Send,
    S: FnMut(usize, Result<T>),
{
    let threads = opts.threads.max(1);
    let keep_going = opts.keep_going;
    let mut stats = Stats {
        threads,
        ..Stats::default()
    };
    if threads == 1 {
        let mut seq = 0;
        read_jobs(inputs, stdin, opts, clock, &mut stats, &mut |job, stats| {
            let r = handle(seq, job);
            let out = match r {
                Ok((out, read, spent)) => {
                    stats.read += read;
                    stats.work += spent;
                    Ok(out)
                }
                Err(e) if !keep_going => return ControlFlow::Break(Some(e)),
                Err(e) => Err(e),
            };
            sink(seq, out);
            seq += 1;
            ControlFlow::Continue(())
        })?;
        return Ok(stats);
    }

    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Job)>(threads * 4);
    let job_rx = std::sync::Mutex::new(job_rx);
    let (res_tx, res_rx) = mpsc::channel::<(usize, Handled<T>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let job_rx = &job_rx;
            let res_tx = res_tx.clone();
            scope.spawn(move || {
                loop {
                    let next = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, job)) = next else { return };
                    if res_tx.send((seq, handle(seq, job))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(res_tx);

        // Deliver results in order from a small reorder buffer.
        let mut pending: BTreeMap<usize, Handled<T>> = BTreeMap::new();
        let mut next_out = 0usize;
        let mut failed: Option<Error> = None;
        let mut deliver =
            |pending: &mut BTreeMap<usize, _>, failed: &mut Option<Error>, stats: &mut Stats| {
                while let Some(r) = pending.remove(&next_out) {
                    next_out += 1;
                    if failed.is_some() {
                        continue;
                    }
                    match r {
                        Ok((out, read, spent)) => {
                            stats.read += read;
                            stats.work += spent;
                            sink(next_out - 1, Ok(out));
                        }
                        Err(e) if keep_going => sink(next_out - 1, Err(e)),
                        Err(e) => *failed = Some(e),
                    }
                }
            };

        let mut seq = 0usize;
        let read_result = read_jobs(inputs, stdin, opts, clock, &mut stats, &mut |job, stats| {
            if failed.is_some() || job_tx.send((seq, job)).is_err() {
                return ControlFlow::Break(None);
            }
            seq += 1;
            while let Ok((s, r)) = res_rx.try_recv() {
                pending.insert(s, r);
            }
            deliver(&mut pending, &mut failed, stats);
            ControlFlow::Continue(())
        });
        drop(job_tx);
        for (s, r) in res_rx.iter() {
            pending.insert(s, r);
            deliver(&mut pending, &mut failed, &mut stats);
        }
        deliver(&mut pending, &mut failed, &mut stats);
        // A worker's error comes before any later read error in input order.
        if let Some(e) = failed {
            return Err(e);
        }
        read_result.map(|()| stats)
    })
}

/// Parses a job into a bundle; returns it with the time spent parsing.
fn prepare(job: Job, inputs: &[Input], clock: &dyn Stopwatch) -> Result<(Bundle, Duration)> {
    match job {
        Job::Bundle(b) => Ok((*b, Duration::ZERO)),
        Job::Failed(e) => Err(e),
        Job::Line(raw, input) => {
            let t0 = clock.elapsed();
            let name = inputs.get(input).map(Input::name);
            let b = load::bundle_from_line(&raw.bytes, raw.line, name.as_deref())?;
            Ok((b, clock.elapsed().saturating_sub(t0)))
        }
    }
}

/// Reads the inputs in order and hands each job to `f`, which may stop the
/// reading (`Break(None)`) or fail it (`Break(Some(error))`). With
/// `keep_going`, an input that cannot be read becomes a failed job and the
/// next input is read.
fn read_jobs(
    inputs: &[Input],
    stdin: &mut dyn BufRead,
    opts: &RunOptions<'_>,
    clock: &dyn Stopwatch,
    stats: &mut Stats,
    f: &mut dyn FnMut(Job, &mut Stats) -> ControlFlow<Option<Error>>,
) -> Result<()> {
    let mut go = |job, stats: &mut Stats| {
        let r = match f(job, stats) {
            ControlFlow::Continue(()) => Ok(true),
            ControlFlow::Break(None) => Ok(false),
            ControlFlow::Break(Some(e)) => Err(e),
        };
        (opts.progress)(stats.bytes, stats.bundles);
        r
    };
    // A failure that ends one input: the error, or (keep-going) a failed job.
    macro_rules! fail {
        ($e:expr, $stats:expr) => {{
            let e = $e;
            if !opts.keep_going {
                return Err(e);
            }
            $stats.bundles += 1;
            if !go(Job::Failed(e), $stats)? {
                return Ok(());
            }
            continue;
        }};
    }
    for (i, input) in inputs.iter().enumerate() {
        match input {
            Input::Stdin => {
                let lines = JsonLines::new(&mut *stdin).with_file(input.name());
                if !read_lines(lines, i, clock, stats, &mut go)? {
                    return Ok(());
                }
            }
            Input::File(path) => {
                // A workbook or a `.json` document is read whole, then
                // handed on bundle by bundle; JSON Lines stream.
                let t0 = clock.elapsed();
                let parts = if load::is_workbook_path(path) {
                    read_workbook(path, opts.keep_going, opts.warn)
                } else {
                    let file = match File::open(path) {
                        Ok(f) => f,
                        Err(e) => fail!(Error::io(Some(path.clone()), e), stats),
                    };
                    if load::is_json_lines(path) {
                        let lines =
                            JsonLines::new(BufReader::with_capacity(1 << 16, file)).with_file(path);
                        if !read_lines(lines, i, clock, stats, &mut go)? {
                            return Ok(());
                        }
                        continue;
                    }
                    read_document(path, file, opts.keep_going)
                };
                stats.read += clock.elapsed().saturating_sub(t0);
                stats.bytes += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                let parts = match parts {
                    Ok(p) => p,
                    Err(e) => fail!(e, stats),
                };
                for b in parts {
                    stats.bundles += 1;
                    let job = match b {
                        Ok(b) => Job::Bundle(Box::new(b)),
                        Err(e) => Job::Failed(e),
                    };
                    if !go(job, stats)? {
                        return Ok(());
                    }
                }
            }
        }
    }
    Ok(())
}

/// Reads the lines of one JSON Lines input; `Ok(false)` when stopped.
fn read_lines<R: BufRead>(
    mut lines: JsonLines<R>,
    input: usize,
    clock: &dyn Stopwatch,
    stats: &mut Stats,
    go: &mut dyn FnMut(Job, &mut Stats) -> Result<bool>,
) -> Result<bool> {
    loop {
        let t0 = clock.elapsed();
        let raw = lines.next_raw()?;
        stats.read += clock.elapsed().saturating_sub(t0);
        let Some(raw) = raw else { return Ok(true) };
        stats.bundles += 1;
        stats.bytes += raw.bytes.len() as u64;
        if !go(Job::Line(raw, input), stats)? {
            return Ok(false);
        }
    }
}

/// A warning of a workbook reader, as the command is told it.
pub(crate) struct Said {
    /// The warning with its place.
    pub(crate) text: String,
    /// A column read as its default: it goes in the report's
    /// `assumptions` too.
    pub(crate) assumed: bool,
}

/// Reads a workbook: its bundles, then (`keep_going`) every row that could
/// not be read; its warnings go to `warn`.
#[cfg(feature = "xlsx")]
fn read_workbook(
    path: &Path,
    keep_going: bool,
    warn: &dyn Fn(Said),
) -> Result<Vec<Result<Bundle>>> {
    let wb = load::xlsx::ReadOptions::new()
        .keep_going(keep_going)
        .read(path)?;
    for w in &wb.warnings {
        warn(Said {
            text: w.to_string(),
            // Payment dates set to the month's first day are assumed too.
            assumed: matches!(
                w.kind,
                load::xlsx::WarningKind::Assumed | load::xlsx::WarningKind::NoPaymentDates
            ),
        });
    }
    let mut parts: Vec<Result<Bundle>> = wb.bundles.into_iter().map(Ok).collect();
    parts.extend(wb.errors.into_iter().map(Err));
    Ok(parts)
}

/// Without the `xlsx` feature: the loader's message that says so.
#[cfg(not(feature = "xlsx"))]
fn read_workbook(
    path: &Path,
    _keep_going: bool,
    _warn: &dyn Fn(Said),
) -> Result<Vec<Result<Bundle>>> {
    load::read_path(path).map(|bs| bs.into_iter().map(Ok).collect())
}

/// Reads a `.json` document: whole, or bundle by bundle (`keep_going`).
fn read_document(path: &Path, file: File, keep_going: bool) -> Result<Vec<Result<Bundle>>> {
    let mut bytes = Vec::new();
    BufReader::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(Some(path.to_path_buf()), e))?;
    let in_file = |e: Error| e.in_file(path.to_path_buf());
    if keep_going {
        load::from_json_slice_lenient(&bytes)
            .map(|parts| parts.into_iter().map(|b| b.map_err(in_file)).collect())
            .map_err(in_file)
    } else {
        load::from_json_slice(&bytes)
            .map(|bs| bs.into_iter().map(Ok).collect())
            .map_err(in_file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Input> {
        vec![Input::File(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/sample.json"
        )))]
    }

    #[test]
    fn results_arrive_in_input_order_on_any_number_of_threads() {
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            let opts = RunOptions {
                threads,
                keep_going: false,
                progress: &|_, _| {},
                warn: &|_| {},
            };
            let stats = run(
                &sample(),
                &mut std::io::empty(),
                &opts,
                &NoStopwatch,
                |_seq, b| b.branch.id.to_string(),
                |seq, id| seen.push((seq, id.unwrap())),
            )
            .unwrap();
            assert_eq!(stats.bundles, 3);
            let seqs: Vec<usize> = seen.iter().map(|(s, _)| *s).collect();
            assert_eq!(seqs, [0, 1, 2]);
        }
    }

    #[test]
    fn keep_going_hands_on_bad_lines_in_their_place() {
        let good = r#"{"branch":{"id":"B1","name":"x","kind":"organ"}}"#;
        let text = format!("{good}\nnot json\n{good}\n{{\"branch\":{{\"id\":\"B2\"}}}}\n{good}\n");
        for threads in [1, 3] {
            let mut got = Vec::new();
            let opts = RunOptions {
                threads,
                keep_going: true,
                progress: &|_, _| {},
                warn: &|_| {},
            };
            run(
                &[Input::Stdin],
                &mut text.as_bytes(),
                &opts,
                &NoStopwatch,
                |_seq, b| b.branch.id.to_string(),
                |seq, r| got.push((seq, r.map_err(|e| e.location().line))),
            )
            .unwrap();
            assert_eq!(
                got,
                [
                    (0, Ok("B1".to_owned())),
                    (1, Err(Some(2))),
                    (2, Ok("B1".to_owned())),
                    (3, Err(Some(4))),
                    (4, Ok("B1".to_owned()))
                ]
            );
        }
    }
}
