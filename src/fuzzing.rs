//! The properties the fuzz targets (`fuzz/`, `cargo fuzz`) check, one function per
//! target, each `Err` with what went wrong. They live here so that `cargo test` replays
//! every input a fuzzer ever found (`tests/fuzz_regressions.rs`) through the very same
//! checks, without nightly Rust.

use crate::corpus::{Articles, inputs};
use crate::model::Article;
use crate::serve::access::Access;
use crate::serve::{ServeOptions, answer_bytes, handle};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Literal, NamedNode, Quad, Term};
use oxigraph::sparql::CancellationToken;
use oxigraph::store::Store;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::Duration;

const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";

/// Extraction of any bytes (read as UTF-8, invalid sequences replaced): every evidence
/// offset inside the text, its anchor exactly the text between its offsets (code
/// points), and the N-Quads written parse again to the same number of quads.
pub fn check_extraction(data: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article {
        id: "fuzz".into(),
        text,
        ..Article::default()
    };
    let extraction = crate::pipeline::extract(&article);
    let quads = crate::mint::mint(&extraction, crate::mint::vocab::DEFAULT_BASE);
    let chars: Vec<char> = article.text.chars().collect();
    // Each mention's (begin, end, anchor), by subject.
    let mut mentions: HashMap<String, [Option<String>; 3]> = HashMap::new();
    for q in &quads {
        let slot = match q.predicate.as_str().strip_prefix(NIF) {
            Some("beginIndex") => 0,
            Some("endIndex") => 1,
            Some("anchorOf") => 2,
            _ => continue,
        };
        if let Term::Literal(l) = &q.object {
            mentions.entry(q.subject.to_string()).or_default()[slot] = Some(l.value().to_owned());
        }
    }
    for (subject, [begin, end, anchor]) in &mentions {
        let offset = |v: &Option<String>| v.as_deref().and_then(|v| v.parse::<usize>().ok());
        let (Some(begin), Some(end), Some(anchor)) = (offset(begin), offset(end), anchor) else {
            return Err(format!("{subject}: offsets or anchor missing"));
        };
        if begin > end || end > chars.len() {
            return Err(format!(
                "{subject}: {begin}..{end} outside 0..{}",
                chars.len()
            ));
        }
        let slice: String = chars[begin..end].iter().collect();
        if slice != *anchor {
            return Err(format!(
                "{subject}: anchor {anchor:?} but the text has {slice:?}"
            ));
        }
    }
    let mut lines = Vec::new();
    crate::store::write_lines(&quads, true, &mut lines);
    let parsed: Result<Vec<Quad>, _> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&lines)
        .collect();
    match parsed {
        Ok(back) if back.len() == quads.len() => Ok(()),
        Ok(back) => Err(format!(
            "{} quads written, {} read back",
            quads.len(),
            back.len()
        )),
        Err(e) => Err(format!("the N-Quads do not parse: {e}")),
    }
}

/// Any bytes as a JSON Lines file and as a text file, read as `extract` reads them: bad
/// JSON Lines are reported with their line number, and articles have ids and text.
pub fn check_readers(data: &[u8]) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("newsgraph-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for name in ["input.jsonl", "input.txt"] {
        let path = dir.join(name);
        std::fs::write(&path, data).map_err(|e| e.to_string())?;
        let (found, errors) = inputs(std::slice::from_ref(&path), None, None);
        if !errors.is_empty() || found.len() != 1 {
            return Err(format!("{name}: not listed as one input"));
        }
        for item in Articles::new(found, None) {
            match item {
                Ok(article) if article.id.is_empty() => {
                    return Err(format!("{name}: an article without an id"));
                }
                Ok(_) => {}
                Err(e) if name.ends_with(".jsonl") && e.line.is_none() && !data.is_empty() => {
                    // A file-wide problem (not UTF-8 at all) has no line; others do.
                    if !e.message.contains("UTF-8") {
                        return Err(format!("{name}: an error without its line: {e}"));
                    }
                }
                Err(_) => {}
            }
        }
    }
    Ok(())
}

/// A small store and the options of a writable server on 127.0.0.1:7878 (the targets'
/// requests use that Host and the token `fuzz-token-0123456789`).
fn server() -> &'static (Store, ServeOptions) {
    static SERVER: OnceLock<(Store, ServeOptions)> = OnceLock::new();
    SERVER.get_or_init(|| {
        let store = Store::new().expect("an in-memory store");
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://example.org/{s}"));
        for k in 0..8 {
            let graph = ex(&format!("g{}", k % 2));
            let quad = Quad::new(ex(&format!("s{k}")), ex("p"), Literal::from(k), graph);
            let _ = store.insert(&quad);
        }
        let access = Access::new(
            "127.0.0.1:7878".parse().expect("an address"),
            Some("fuzz-token-0123456789".to_owned()),
            &[],
            None,
        );
        let mut options = ServeOptions {
            access,
            timeout: Duration::from_secs(2),
            max_rows: 1000,
            ..ServeOptions::default()
        };
        options.limits.read_timeout = Duration::from_millis(200);
        (store, options)
    })
}

/// Raw bytes to the server's connection handling: what comes back is empty or a
/// sequence of well-formed HTTP/1.x responses.
pub fn check_http(data: &[u8]) -> Result<(), String> {
    let (store, options) = server();
    let answer = answer_bytes(store, options, data);
    let mut rest = answer.as_slice();
    while !rest.is_empty() {
        let mut headers = [httparse::EMPTY_HEADER; 32];
        let mut response = httparse::Response::new(&mut headers);
        let head = match response.parse(rest) {
            Ok(httparse::Status::Complete(n)) => n,
            Ok(httparse::Status::Partial) => return Err("a response cut in its head".into()),
            Err(e) => return Err(format!("a malformed response: {e}")),
        };
        let status = response.code.unwrap_or(0);
        // (An HTTP/1.0 request gets an HTTP/1.0 answer.)
        if !(100..600).contains(&status) || !matches!(response.version, Some(0 | 1)) {
            return Err(format!("status {status}, HTTP/1.{:?}", response.version));
        }
        let length = response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case("content-length"))
            .and_then(|h| std::str::from_utf8(h.value).ok()?.parse::<usize>().ok());
        let Some(length) = length else {
            // Only a body-less or a closing answer may go without a length.
            return Ok(());
        };
        if rest.len() < head + length {
            return Err(format!("a body of {length} bytes cut short"));
        }
        rest = &rest[head + length..];
    }
    Ok(())
}

/// Any text as a SPARQL query through the handler: a known status, and a 200 whose
/// JSON (or Turtle, for graphs) parses.
pub fn check_sparql(data: &[u8]) -> Result<(), String> {
    let (store, options) = server();
    let query = String::from_utf8_lossy(data);
    let target: String = form_urlencoded::Serializer::new("/query?".to_owned())
        .append_pair("query", &query)
        .finish();
    let request = http::Request::get(target)
        .header("host", "127.0.0.1:7878")
        .header("accept", "application/sparql-results+json, text/turtle")
        .body(Vec::new())
        .map_err(|e| e.to_string())?;
    let token = CancellationToken::new();
    let alarm = {
        let token = token.clone();
        let (done, finished) = std::sync::mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            if finished.recv_timeout(options.timeout).is_err() {
                token.cancel();
            }
        });
        (done, thread)
    };
    let answer = handle(store, options, &request, &token);
    let _ = alarm.0.send(());
    let _ = alarm.1.join();
    match answer.status {
        200 => {}
        400 | 403 | 406 | 500 | 503 => return Ok(()),
        other => return Err(format!("status {other} for a query")),
    }
    if answer.content_type.contains("json") {
        serde_json::from_slice::<serde_json::Value>(&answer.body)
            .map(|_| ())
            .map_err(|e| format!("the JSON answer does not parse: {e}"))
    } else {
        RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(&answer.body)
            .collect::<Result<Vec<_>, _>>()
            .map(|_| ())
            .map_err(|e| format!("the Turtle answer does not parse: {e}"))
    }
}
