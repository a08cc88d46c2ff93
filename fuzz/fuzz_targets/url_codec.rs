//! The URL codec on arbitrary bytes (read as UTF-8, lossily, as a browser would hand them
//! over): `decode` never panics, and `encode ∘ decode` is a fixed point — the canonical form
//! decodes to the same state, with no notices, and encodes to itself — or the app would
//! rewrite the address bar in a loop.
#![no_main]

use incident_explorer::core::query::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (state, _) = decode(&query);
    let once = encode(&state);
    let (again, notices) = decode(&once);
    assert_eq!(
        again, state,
        "state changed after a round trip via {once:?}"
    );
    assert!(
        notices.is_empty(),
        "the canonical form {once:?} has notices {notices:?}"
    );
    assert_eq!(encode(&again), once, "not a fixed point");
});
