//! `serve` on a free loopback port: the competency questions over HTTP to SPARQLWrapper
//! (PyPI) give the same answers as `newsgraph query`; content negotiation; read-only
//! unless --writable; the Graph Store Protocol; a SERVICE call from another store.

mod common;

use common::*;

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn sparqlwrapper_gets_the_same_answers_as_newsgraph_query() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let served = serve(&store, &[]);
    let endpoint = format!("http://127.0.0.1:{}/query", served.port);
    let script = "import sys, json\n\
        from SPARQLWrapper import SPARQLWrapper, JSON\n\
        w = SPARQLWrapper(sys.argv[1])\n\
        w.setQuery(open(sys.argv[2]).read())\n\
        w.setReturnFormat(JSON)\n\
        json.dump(w.query().convert(), sys.stdout)\n";
    let mut asked = 0;
    for q in std::fs::read_dir(root().join("tests/data/cq")).unwrap() {
        let q = q.unwrap().path();
        let out = python()
            .args(["-c", script, &endpoint, q.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "SPARQLWrapper failed on {}: {}",
            q.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let mut over_http = json_rows(&out.stdout);
        let mut local = json_rows(
            &newsgraph_ok(&[
                "query",
                "--store",
                store.to_str().unwrap(),
                "--query-file",
                q.to_str().unwrap(),
                "--format",
                "json",
            ])
            .stdout,
        );
        over_http.sort();
        local.sort();
        assert!(!local.is_empty(), "{} has answers", q.display());
        assert_eq!(over_http, local, "{}", q.display());
        asked += 1;
    }
    assert!(asked >= 10, "the competency questions were found");
}

#[test]
fn content_negotiation_limits_and_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let served = serve(&store, &[]);
    let port = served.port;
    let select = encode("SELECT ?p WHERE { ?p a <https://w3id.org/newsgraph/ontology#Person> }");

    let (status, ctype, body) = http(
        port,
        "GET",
        &format!("/query?query={select}"),
        &[("Accept", "text/csv")],
        b"",
    );
    assert_eq!((status, ctype.as_str()), (200, "text/csv"));
    assert_eq!(
        body.lines().count(),
        9,
        "a header and eight persons: {body}"
    );

    let (status, ctype, body) = http(
        port,
        "POST",
        "/query",
        &[
            ("Content-Type", "application/sparql-query"),
            (
                "Accept",
                "application/sparql-results+xml;q=0.5, text/tab-separated-values",
            ),
        ],
        b"ASK { ?s ?p ?o }",
    );
    assert_eq!((status, ctype.as_str()), (200, "text/tab-separated-values"));
    assert_eq!(body.trim(), "true");

    let construct = encode("CONSTRUCT { ?p a ?t } WHERE { ?p a ?t } LIMIT 5");
    let (status, ctype, body) = http(
        port,
        "GET",
        &format!("/query?query={construct}"),
        &[("Accept", "application/n-triples")],
        b"",
    );
    assert_eq!((status, ctype.as_str()), (200, "application/n-triples"));
    assert_eq!(body.lines().count(), 5);

    let (status, _, _) = http(
        port,
        "GET",
        &format!("/query?query={select}"),
        &[("Accept", "image/png")],
        b"",
    );
    assert_eq!(status, 406);
    let (status, _, body) = http(port, "GET", "/query?query=SELEC", &[], b"");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("syntax"));

    // Read-only: no updates, no Graph Store writes; reads work.
    let (status, _, _) = http(
        port,
        "POST",
        "/update",
        &[("Content-Type", "application/sparql-update")],
        b"CLEAR ALL",
    );
    assert_eq!(status, 403);
    let graph = encode("https://w3id.org/newsgraph/id/article/wic2020");
    let (status, _, _) = http(port, "DELETE", &format!("/store?graph={graph}"), &[], b"");
    assert_eq!(status, 403);
    let (status, ctype, body) = http(
        port,
        "GET",
        &format!("/store?graph={graph}"),
        &[("Accept", "text/turtle")],
        b"",
    );
    assert_eq!((status, ctype.as_str()), (200, "text/turtle"));
    assert!(body.contains("ng:Person"));
    drop(served);

    // A tiny time limit stops a query that would take long.
    let served = serve(&store, &["--timeout", "0.05"]);
    let slow = encode("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
    let (status, _, body) = http(
        served.port,
        "GET",
        &format!("/query?query={slow}"),
        &[],
        b"",
    );
    assert_eq!(status, 503, "{body}");
}

const BEARER: &str = "Bearer test-token-0123456789";

#[test]
fn a_writable_server_takes_updates_and_graph_store_writes() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let served = serve(&store, &["--writable"]);
    let port = served.port;
    let graph = encode("http://example.org/g");
    let (status, _, _) = http(
        port,
        "PUT",
        &format!("/store?graph={graph}"),
        &[("Content-Type", "text/turtle"), ("Authorization", BEARER)],
        b"<http://example.org/a> <http://example.org/knows> <http://example.org/b> .",
    );
    assert_eq!(status, 201);
    let (status, _, body) = http(
        port,
        "GET",
        &format!("/store?graph={graph}"),
        &[("Accept", "application/n-triples")],
        b"",
    );
    assert_eq!((status, body.lines().count()), (200, 1));
    let (status, _, _) = http(
        port,
        "POST",
        "/update",
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Authorization", BEARER)],
        format!("update={}", encode("INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/b> <http://example.org/knows> <http://example.org/c> } }")).as_bytes(),
    );
    assert_eq!(status, 204);
    let (_, _, body) = http(
        port,
        "GET",
        &format!("/store?graph={graph}"),
        &[("Accept", "application/n-triples")],
        b"",
    );
    assert_eq!(body.lines().count(), 2);
    let (status, _, _) = http(
        port,
        "DELETE",
        &format!("/store?graph={graph}"),
        &[("Authorization", BEARER)],
        b"",
    );
    assert_eq!(status, 204);
    let (status, _, _) = http(port, "GET", &format!("/store?graph={graph}"), &[], b"");
    assert_eq!(status, 404);
}

#[test]
fn another_store_asks_the_endpoint_through_service() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let served = serve(&store, &[]);
    let local = dir.path().join("local.ttl");
    std::fs::write(
        &local,
        "<http://example.org/watchlist> <http://example.org/watches> \"Xi Jinping\" .\n",
    )
    .unwrap();
    let query = format!(
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#> \
         PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
         SELECT ?person ?title WHERE {{ \
           ?list <http://example.org/watches> ?name . \
           SERVICE <http://127.0.0.1:{}/query> {{ \
             ?person rdfs:label ?name ; ng:holdsRole/ng:roleTitle ?title . }} }}",
        served.port
    );
    let out = newsgraph_ok(&[
        "query",
        "--data",
        local.to_str().unwrap(),
        &query,
        "--format",
        "json",
    ]);
    let rows = json_rows(&out.stdout);
    assert!(!rows.is_empty(), "the SERVICE call answered");
    assert!(
        rows.iter()
            .all(|r| r[0].as_deref() == Some("https://w3id.org/newsgraph/id/person/xi-jinping"))
    );
}
