//! Any bytes as an article: no panic; every evidence span inside the text and on
//! character boundaries; the N-Quads written parse again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::fuzzing::check_extraction;

fuzz_target!(|data: &[u8]| {
    if let Err(problem) = check_extraction(data) {
        panic!("{problem}");
    }
});
