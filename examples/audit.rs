//! The audit command: `cargo run --release --example audit -- [FILE ...] [options]`.
//!
//! See `dangjian::cli` (or `--help`) for the options. With no FILE it audits
//! the bundled sample, `examples/data/sample.json`.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The real clock, for `--stats` only; the library itself reads no clock.
struct Clock(Instant);

impl dangjian::cli::Stopwatch for Clock {
    fn elapsed(&self) -> Duration {
        self.0.elapsed()
    }
}

fn main() -> ExitCode {
    let clock = Clock(Instant::now());
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let terminal = std::io::stderr().is_terminal();
    let env = dangjian::cli::Env::new(&mut stdout, &mut stderr)
        .stdin(std::io::stdin().lock())
        .clock(&clock)
        .terminal(terminal);
    let status = dangjian::cli::run(std::env::args_os(), env);
    ExitCode::from(u8::try_from(status).unwrap_or(2))
}
