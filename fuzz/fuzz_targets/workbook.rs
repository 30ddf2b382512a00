//! The workbook reader (`.xlsx`): any bytes give a workbook or an error,
//! with and without `keep_going`.
//!
//! The reader runs calamine (the fallback) under `catch_unwind` and turns
//! its panics into errors; libFuzzer's panic hook would abort on those
//! caught panics, so this target replaces the hook with one that only
//! prints. A panic that escapes the reader still aborts (libfuzzer-sys
//! aborts when the target unwinds).
#![no_main]

use dangjian::load::xlsx::ReadOptions;
use libfuzzer_sys::fuzz_target;

static QUIET: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    QUIET.call_once(|| {
        std::panic::set_hook(Box::new(|info| eprintln!("caught panic: {info}")));
    });
    for keep_going in [true, false] {
        match ReadOptions::new().keep_going(keep_going).read_bytes(data, None) {
            Ok(wb) => {
                let _ = format!("{wb:?}");
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
