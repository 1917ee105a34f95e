//! Every input a fuzz target ever failed on (`fuzz/regressions/<target>/`), and a few
//! hostile inputs of our own, through the same checks the targets make
//! (`newsgraph::fuzzing`), so that a fixed crash stays fixed without nightly Rust.

use newsgraph::fuzzing::{check_extraction, check_http, check_readers, check_sparql};
use std::path::Path;

type Check = fn(&[u8]) -> Result<(), String>;

/// The stored inputs of a target, with the hostile ones given here.
fn run(target: &str, check: Check, own: &[&[u8]]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut stored: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    (
                        e.path().display().to_string(),
                        std::fs::read(e.path()).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    stored.sort();
    let own = own
        .iter()
        .enumerate()
        .map(|(k, b)| (format!("own input {k}"), b.to_vec()));
    for (name, bytes) in stored.into_iter().chain(own) {
        if let Err(problem) = check(&bytes) {
            panic!("{target}: {name}: {problem}");
        }
    }
}

#[test]
fn extraction_of_hostile_text() {
    run(
        "extract",
        check_extraction,
        &[
            b"",
            "\u{feff}Nina Olsen said \"yes.\r\n\r\nShe left \u{201c}Oslo\u{201d}".as_bytes(),
            "\u{1f600}\u{1f600} Tom Reyes, chief executive of Vantor, said: \u{201c}no".as_bytes(),
            "\u{5e9}\u{5dc}\u{5d5}\u{5dd} Nina Olsen \u{627}\u{644}\u{639}\u{631}\u{628}\u{64a}\u{629} met Tom Reyes.".as_bytes(),
            b"\"\"\"\"\" ''' \" said he \" \" said she",
            b"\xff\xfe Nina \xc3 Olsen",
            b"1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0",
            b"A",
        ],
    );
}

#[test]
fn readers_of_hostile_files() {
    run(
        "readers",
        check_readers,
        &[
            b"",
            b"\n\n\n",
            b"{\"id\": \"a\", \"text\": \"x\"}\n{not json}\n{\"text\": 5}\n",
            b"\xef\xbb\xbf{\"id\": \"a\", \"text\": \"BOM\"}\r\n",
            b"\xff\xfe\x00\x00",
            b"{\"id\": \"\", \"text\": \"\"}\n{\"id\": \"a\", \"text\": \"t\"}\n{\"id\": \"a\", \"text\": \"t\"}",
        ],
    );
}

#[test]
fn raw_http_requests() {
    run(
        "http",
        check_http,
        &[
            b"",
            b"GET / HTTP/1.1\r\nHost: 127.0.0.1:7878\r\n\r\nGET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1:7878\r\n\r\n",
            b"POST /update HTTP/1.1\r\nHost: 127.0.0.1:7878\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
            b"PUT /store?default HTTP/1.1\r\nHost: 127.0.0.1:7878\r\nAuthorization: Bearer fuzz-token-0123456789\r\nContent-Type: text/turtle\r\nContent-Length: 5\r\n\r\n<a> .",
            b"GET /\x00 HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nHost: 127.0.0.1:7878\r\nContent-Length: 99999999999999999999\r\n\r\n",
        ],
    );
}

#[test]
fn sparql_queries_through_the_handler() {
    run(
        "sparql",
        check_sparql,
        &[
            b"SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
            b"ASK {}",
            b"CONSTRUCT WHERE { GRAPH ?g { ?s ?p ?o } }",
            b"DESCRIBE <http://example.org/s1>",
            b"SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
            b"SELECT * WHERE { SERVICE <http://169.254.169.254/> { ?s ?p ?o } }",
            b"SELECT (1/0 AS ?x) {}",
            b"SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
            b"not sparql",
        ],
    );
}
