//! Any bytes as a JSON Lines file and as a text file, read the way `extract` reads
//! inputs: no panic, every bad line reported with its number, the good ones read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::fuzzing::check_readers;

fuzz_target!(|data: &[u8]| {
    if let Err(problem) = check_readers(data) {
        panic!("{problem}");
    }
});
