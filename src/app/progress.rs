//! A progress bar on stderr for long runs: only when stderr is a terminal
//! and the input is large (or `--progress always`), never in pipes or CI.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::args::Progress;

/// Input smaller than this finishes before a bar would help.
const LARGE: u64 = 64 << 20;

/// The bar, or nothing.
pub(crate) struct Bar(Option<ProgressBar>);

impl Bar {
    /// A bar over `total` bytes if `mode` and the surroundings call for one.
    pub(crate) fn new(mode: Progress, terminal: bool, total: u64) -> Bar {
        let show = match mode {
            Progress::Never => false,
            Progress::Always => terminal,
            Progress::Auto => terminal && total >= LARGE,
        };
        if !show {
            return Bar(None);
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{prefix:>15} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} {msg} ETA {eta}",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Bar(Some(bar))
    }

    /// Starts a pass over the input.
    pub(crate) fn phase(&self, name: &str) {
        if let Some(b) = &self.0 {
            b.set_prefix(name.to_owned());
            b.set_position(0);
            b.reset_eta();
        }
    }

    /// `bytes` and `bundles` read so far in this pass.
    pub(crate) fn update(&self, bytes: u64, bundles: u64) {
        if let Some(b) = &self.0 {
            b.set_position(bytes);
            let secs = b.elapsed().as_secs_f64().max(1e-3);
            b.set_message(format!(
                "{bundles} bundles ({:.0}/s)",
                bundles as f64 / secs
            ));
        }
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}
