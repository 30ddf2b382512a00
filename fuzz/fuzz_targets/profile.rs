//! The profile reader (TOML): any UTF-8 text gives a profile or an error.
//! A relative `extends` is read from a directory that does not exist; an
//! absolute one may reach a real file, which the reader must refuse or read
//! (devices, pipes and huge files are refused: `MAX_PARENT_BYTES`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let base = std::path::Path::new("/nonexistent-dangjian-fuzz");
    match dangjian::Profile::from_toml_str_in(text, base) {
        Ok(p) => {
            let _ = p.explain();
            let _ = p.header();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
