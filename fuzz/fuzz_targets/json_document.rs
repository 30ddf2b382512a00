//! The `dangjian/1` JSON document reader, strict and lenient: any bytes give
//! bundles or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let strict = dangjian::load::from_json_slice(data);
    if let Err(e) = &strict {
        let _ = e.to_string();
        let _ = e.location();
    }
    match dangjian::load::from_json_slice_lenient(data) {
        Ok(parts) => {
            // A document the strict reader takes is taken whole by the lenient one.
            if let Ok(all) = &strict {
                assert_eq!(all.len(), parts.len());
                assert!(parts.iter().all(Result::is_ok));
            }
            for p in parts {
                if let Err(e) = p {
                    let _ = e.to_string();
                }
            }
        }
        Err(e) => {
            assert!(strict.is_err(), "lenient refused what strict read: {e}");
            let _ = e.to_string();
        }
    }
});
