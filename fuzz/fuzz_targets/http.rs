//! Raw bytes to the server's connection handling (hyper's parser, the limits, the
//! handler): whatever comes back is a well-formed HTTP/1.1 response, or nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::fuzzing::check_http;

fuzz_target!(|data: &[u8]| {
    if let Err(problem) = check_http(data) {
        panic!("{problem}");
    }
});
