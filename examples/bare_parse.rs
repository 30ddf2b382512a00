//! The floor of reading: parses every line of a JSON Lines file into
//! `serde::de::IgnoredAny` (no records built, nothing checked), on as many
//! threads as the audit command uses — what `scripts/floor.sh` divides the
//! command's times by.
//!
//! ```text
//! cargo run --release --example bare_parse -- FILE.jsonl
//! ```

use std::io::{BufRead, BufReader};
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: bare_parse FILE.jsonl");
        return ExitCode::from(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("bare_parse: {}: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<String>>(threads * 2);
    let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
    let workers: Vec<_> = (0..threads)
        .map(|_| {
            let rx = rx.clone();
            std::thread::spawn(move || {
                let mut n = 0usize;
                loop {
                    let batch = match rx.lock().map(|r| r.recv()) {
                        Ok(Ok(b)) => b,
                        _ => return n,
                    };
                    for line in batch {
                        if serde_json::from_str::<serde::de::IgnoredAny>(&line).is_ok() {
                            n += 1;
                        }
                    }
                }
            })
        })
        .collect();
    let mut batch = Vec::with_capacity(64);
    for line in BufReader::with_capacity(1 << 20, file).lines() {
        let Ok(line) = line else { break };
        batch.push(line);
        if batch.len() == 64 {
            let _ = tx.send(std::mem::take(&mut batch));
        }
    }
    let _ = tx.send(batch);
    drop(tx);
    let parsed: usize = workers.into_iter().map(|w| w.join().unwrap_or(0)).sum();
    eprintln!("bare_parse: {parsed} lines parsed");
    ExitCode::SUCCESS
}
