//! The audit of any bundle that deserializes: every rule, the indicators
//! and the to-do list, at the bundle's latest event date and at a fixed
//! date; findings or nothing, never a panic.
#![no_main]

use dangjian::{Auditor, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(bundles) = dangjian::load::from_json_slice(data) else {
        return;
    };
    let fixed = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default();
    for b in &bundles {
        let mut dates = vec![fixed];
        if let Some(d) = b.latest_event_date() {
            if d != fixed {
                dates.push(d);
            }
        }
        for as_of in dates {
            let auditor = Auditor::new(as_of);
            let cx = auditor.context(b);
            let findings = auditor.check_context(&cx);
            let _ = auditor.indicators(&cx, &findings);
            let _ = auditor.todo(&cx, 60);
        }
    }
    let _ = Auditor::new(fixed).with_indicators(true).audit(&bundles);
});
