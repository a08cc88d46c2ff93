//! The dataset validator on arbitrary bytes: `load` never panics; when it accepts a file, the
//! dataset it kept, written out again, loads with no record skipped and no error (only
//! warnings, such as ranges kept as published), and reads back as the same dataset — so "skip
//! the bad, keep the good" really leaves only good records, and nothing is lost in writing.
#![no_main]

use incident_explorer::core::validate::{self, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(first) = validate::load("fuzz.json", data) else {
        return;
    };
    let bytes = match serde_json::to_vec(&first.dataset) {
        Ok(bytes) => bytes,
        Err(error) => panic!("a loaded dataset cannot be written out: {error}"),
    };
    let second = match validate::load("fuzz.json", &bytes) {
        Ok(second) => second,
        Err(problems) => panic!("the written-out dataset was rejected: {problems:?}"),
    };
    assert_eq!(second.skipped, 0, "{:?}", second.problems);
    let errors: Vec<_> = second
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(second.dataset, first.dataset);
});
