//! Auditing many bundles on all cores while streaming the input.
//!
//! [`run`] reads files in order. A `.jsonl` file is read one line at a time on
//! the calling thread and each line is parsed **and** audited on a worker
//! thread, so deserialization — the larger cost — is spread over the cores
//! too; a `.json` document is parsed whole and its bundles are handed out.
//! The reader never runs more than a few bundles ahead of the workers, so
//! memory does not grow with the input.
//!
//! Results are delivered to the caller's `sink` **in input order**, whatever
//! the number of threads, so the output of a parallel run is byte-identical to
//! a single-threaded one. With `threads == 1` nothing is spawned.
//!
//! Library code reads no clock: timing for statistics comes from a
//! [`Stopwatch`] the caller passes in (the audit command passes a real one for
//! `--stats`; [`NoStopwatch`] reads nothing).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::ops::ControlFlow;
use std::path::PathBuf;
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

/// What a [`run`] did, for `--stats`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Bundles read.
    pub bundles: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Time reading and deserializing, summed over all threads.
    pub read: Duration,
    /// Time in the `work` closure (the rules), summed over all threads.
    pub work: Duration,
    /// Threads used.
    pub threads: usize,
}

enum Job {
    Line(RawLine, usize),
    Bundle(Box<Bundle>),
}

/// Runs `work` on every bundle of `files` on `threads` threads and passes each
/// result, in input order, to `sink` with the bundle's sequence number.
///
/// # Errors
/// The first bad input in input order (a file that cannot be read, a bundle
/// that does not parse): reading stops at it, and `sink` has received exactly
/// the results of the bundles before it.
pub fn run<T, W, S>(
    files: &[PathBuf],
    threads: usize,
    clock: &dyn Stopwatch,
    work: W,
    sink: S,
) -> Result<Stats>
where
    T: Send,
    W: Fn(usize, &Bundle) -> T + Sync,
    S: FnMut(usize, T),
{
    let handle = |seq: usize, job: Job| {
        prepare(job, files, clock).map(|(bundle, read)| {
            let t0 = clock.elapsed();
            let out = work(seq, &bundle);
            let spent = clock.elapsed().saturating_sub(t0);
            (out, read, spent)
        })
    };
    run_jobs(files, threads, clock, &handle, sink)
}

/// The latest event date of all bundles of `files` (the audit command's
/// default `as_of`), scanned on `threads` threads. JSON Lines are scanned
/// without building bundles ([`load::latest_event_date_of_line`]), which is
/// several times faster than reading them.
///
/// # Errors
/// As [`run`], for input whose dates cannot be read.
pub fn latest_event_date(
    files: &[PathBuf],
    threads: usize,
    clock: &dyn Stopwatch,
) -> Result<(Option<chrono::NaiveDate>, Stats)> {
    let handle = |_seq: usize, job: Job| match job {
        Job::Bundle(b) => Ok((b.latest_event_date(), Duration::ZERO, Duration::ZERO)),
        Job::Line(raw, file) => {
            let t0 = clock.elapsed();
            let d = load::latest_event_date_of_line(
                &raw.bytes,
                raw.line,
                files.get(file).map(PathBuf::as_path),
            )?;
            Ok((d, clock.elapsed().saturating_sub(t0), Duration::ZERO))
        }
    };
    let mut latest = None;
    let stats = run_jobs(files, threads, clock, &handle, |_, d| {
        if let Some(d) = d {
            latest = Some(latest.map_or(d, |l: chrono::NaiveDate| l.max(d)));
        }
    })?;
    Ok((latest, stats))
}

type Handled<T> = Result<(T, Duration, Duration)>;

/// Runs `handle` on every job of `files`, delivering results in input order.
fn run_jobs<T, S>(
    files: &[PathBuf],
    threads: usize,
    clock: &dyn Stopwatch,
    handle: &(dyn Fn(usize, Job) -> Handled<T> + Sync),
    mut sink: S,
) -> Result<Stats>
where
    T: Send,
    S: FnMut(usize, T),
{
    let threads = threads.max(1);
    let mut stats = Stats {
        threads,
        ..Stats::default()
    };
    if threads == 1 {
        let mut seq = 0;
        read_jobs(
            files,
            clock,
            &mut stats,
            &mut |job, stats| match handle(seq, job) {
                Ok((out, read, spent)) => {
                    stats.read += read;
                    stats.work += spent;
                    sink(seq, out);
                    seq += 1;
                    ControlFlow::Continue(())
                }
                Err(e) => ControlFlow::Break(Some(e)),
            },
        )?;
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
                            sink(next_out - 1, out);
                        }
                        Err(e) => *failed = Some(e),
                    }
                }
            };

        let mut seq = 0usize;
        let read_result = read_jobs(files, clock, &mut stats, &mut |job, stats| {
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
fn prepare(job: Job, files: &[PathBuf], clock: &dyn Stopwatch) -> Result<(Bundle, Duration)> {
    match job {
        Job::Bundle(b) => Ok((*b, Duration::ZERO)),
        Job::Line(raw, file) => {
            let t0 = clock.elapsed();
            let b = load::bundle_from_line(
                &raw.bytes,
                raw.line,
                files.get(file).map(PathBuf::as_path),
            )?;
            Ok((b, clock.elapsed().saturating_sub(t0)))
        }
    }
}

/// Reads the files in order and hands each job to `f`, which may stop the
/// reading (`Break(None)`) or fail it (`Break(Some(error))`).
fn read_jobs(
    files: &[PathBuf],
    clock: &dyn Stopwatch,
    stats: &mut Stats,
    f: &mut dyn FnMut(Job, &mut Stats) -> ControlFlow<Option<Error>>,
) -> Result<()> {
    let mut go = |job, stats: &mut Stats| match f(job, stats) {
        ControlFlow::Continue(()) => Ok(true),
        ControlFlow::Break(None) => Ok(false),
        ControlFlow::Break(Some(e)) => Err(e),
    };
    for (i, path) in files.iter().enumerate() {
        let file = File::open(path).map_err(|e| Error::io(Some(path.clone()), e))?;
        if load::is_json_lines(path) {
            let mut lines = JsonLines::new(BufReader::with_capacity(1 << 16, file)).with_file(path);
            loop {
                let t0 = clock.elapsed();
                let raw = lines.next_raw()?;
                stats.read += clock.elapsed().saturating_sub(t0);
                let Some(raw) = raw else { break };
                stats.bundles += 1;
                stats.bytes += raw.bytes.len() as u64;
                if !go(Job::Line(raw, i), stats)? {
                    return Ok(());
                }
            }
        } else {
            let t0 = clock.elapsed();
            let bundles = load::read_document(path, file)?;
            stats.read += clock.elapsed().saturating_sub(t0);
            stats.bytes += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            for b in bundles {
                stats.bundles += 1;
                if !go(Job::Bundle(Box::new(b)), stats)? {
                    return Ok(());
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_input_order_on_any_number_of_threads() {
        let files = [PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/sample.json"
        ))];
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            let stats = run(
                &files,
                threads,
                &NoStopwatch,
                |_seq, b| b.branch.id.to_string(),
                |seq, id| seen.push((seq, id)),
            )
            .unwrap();
            assert_eq!(stats.bundles, 3);
            let seqs: Vec<usize> = seen.iter().map(|(s, _)| *s).collect();
            assert_eq!(seqs, [0, 1, 2]);
        }
    }
}
