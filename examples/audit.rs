//! The audit command: `cargo run --release --example audit -- [FILE ...] [options]`.
//!
//! See `dangjian::cli` (or `--help`) for the options. With no FILE it audits
//! the bundled sample, `examples/data/sample.json`.

use std::path::Path;
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/sample.json");
    let status = dangjian::cli::run(
        &args,
        &sample,
        &Clock(Instant::now()),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    ExitCode::from(u8::try_from(status).unwrap_or(2))
}
