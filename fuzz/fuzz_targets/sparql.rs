//! Any text as a SPARQL query through the handler over a small store: an answer with a
//! known status, and a 200 whose JSON parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::fuzzing::check_sparql;

fuzz_target!(|data: &[u8]| {
    if let Err(problem) = check_sparql(data) {
        panic!("{problem}");
    }
});
