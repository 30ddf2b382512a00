//! The JSON Lines reader, line by line (`JsonLines`), and the one-line
//! parser the command's workers use (`bundle_from_line`).
#![no_main]

use dangjian::load::{JsonLines, bundle_from_line};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut n = 0usize;
    for item in JsonLines::new(data) {
        if let Err(e) = item {
            let _ = e.to_string();
        }
        n += 1;
        // Every item comes from at least one byte of input.
        assert!(n <= data.len(), "more items than bytes");
    }
    let mut lines = JsonLines::new(data);
    while let Ok(Some(raw)) = lines.next_raw() {
        let scanned = dangjian::load::latest_event_date_of_line(&raw.bytes, raw.line, None);
        match bundle_from_line(&raw.bytes, raw.line, None) {
            Ok(b) => {
                // The date scan (the command's first pass) agrees with the
                // bundle it reads.
                match scanned {
                    Ok(d) => assert_eq!(d, b.latest_event_date(), "scan and bundle differ"),
                    Err(e) => panic!("scan refused a line that reads: {e}"),
                }
            }
            Err(e) => {
                assert_eq!(e.location().line, Some(raw.line), "{e}");
            }
        }
    }
});
