//! The report reader (`dangjian-report/1`, used as a baseline): any bytes
//! give a report or an error; a report becomes a baseline.
#![no_main]

use dangjian::report::Baseline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match dangjian::Report::from_json_slice(data) {
        Ok(r) => {
            let b = Baseline::from_report(&r, Some("fuzz.json"));
            let _ = format!("{b:?}");
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
