//! `link` against a real SPARQL endpoint on 127.0.0.1 (`newsgraph serve` over an
//! Oxigraph store holding a Wikidata-shaped fixture, `tests/data/wikidata-fixture.ttl`),
//! reached through a counting proxy that can answer 500: the right links and
//! refusals, batching, the cache, retries, an unreachable endpoint, federated
//! queries; and places linked offline to GeoNames.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A proxy in front of an endpoint that counts requests and fails the first `fail` of
/// them with 500.
struct Proxy {
    port: u16,
    seen: Arc<AtomicUsize>,
}

fn proxy(upstream: u16, fail: usize) -> Proxy {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&seen);
    std::thread::spawn(move || {
        for mut request in server.incoming_requests() {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            if n < fail {
                let _ = request
                    .respond(tiny_http::Response::from_string("overloaded").with_status_code(500));
                continue;
            }
            let mut body = Vec::new();
            request.as_reader().read_to_end(&mut body).unwrap();
            let content_type = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("Content-Type"))
                .map(|h| h.value.to_string())
                .unwrap_or_default();
            let (status, answer_type, answer) = http(
                upstream,
                "POST",
                "/query",
                &[
                    ("Content-Type", &content_type),
                    ("Accept", "application/sparql-results+json"),
                ],
                &body,
            );
            let header =
                tiny_http::Header::from_bytes("Content-Type", answer_type.as_bytes()).unwrap();
            let _ = request.respond(
                tiny_http::Response::from_string(answer)
                    .with_status_code(status)
                    .with_header(header),
            );
        }
    });
    Proxy { port, seen }
}

impl Proxy {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/query", self.port)
    }

    fn requests(&self) -> usize {
        self.seen.load(Ordering::SeqCst)
    }
}

/// The fixture served from its own store.
fn wikidata(dir: &Path) -> Served {
    let store = dir.join("wikidata");
    let fixture = root().join("tests/data/wikidata-fixture.ttl");
    newsgraph_ok(&[
        "load",
        "--store",
        store.to_str().unwrap(),
        fixture.to_str().unwrap(),
    ]);
    serve(&store, &[])
}

const ARTICLE: &str = "Zintrex Corp. to expand in Vardby

VARDBY, Norway - Zintrex Corp. will build a new plant in Vardby, Tom Reyes, chief executive of Zintrex Corp., said on Monday.

\"We need more room,\" Reyes told reporters. Nina Olsen, the town's mayor, welcomed the plan.

Harvo Freight Group, which ships Zintrex valves to Lakewood, Colo., will carry the first orders, said Ana Lopes, an economist at Harvo Freight Group. Brantwell Vossberg, a consultancy, advised the town.
";

/// The items the fixture holds for the article's entities; the others have none.
const GOLD: &[(&str, &str)] = &[
    ("person/tom-reyes", "Q9201"),
    ("person/nina-olsen", "Q9203"),
    ("person/ana-lopes", "Q9204"),
    ("organization/zintrex-corp", "Q9101"),
    ("organization/harvo-freight-group", "Q9102"),
    ("place/norway", "Q9001"),
    ("place/vardby", "Q9002"),
    ("place/lakewood", "Q9003"),
];

/// A store with one article extracted.
fn article_store(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let file = dir.join(format!("{name}.txt"));
    std::fs::write(&file, text).unwrap();
    let store = dir.join(name);
    newsgraph_ok(&[
        "extract",
        file.to_str().unwrap(),
        "--published",
        "2021-03-15",
        "--store",
        store.to_str().unwrap(),
    ]);
    store
}

/// The store's links: entity path → (item, confidence, rule, activity).
fn links(store: &Path) -> BTreeMap<String, (String, String, String, String)> {
    let out = newsgraph_ok(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "json",
        "PREFIX owl: <http://www.w3.org/2002/07/owl#>
         PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
         PREFIX prov: <http://www.w3.org/ns/prov#>
         PREFIX ng: <https://w3id.org/newsgraph/ontology#>
         SELECT ?e ?x ?c ?r ?a WHERE { GRAPH <https://w3id.org/newsgraph/id/links> {
           ?e owl:sameAs ?x .
           OPTIONAL { ?n rdf:subject ?e ; rdf:predicate owl:sameAs ; rdf:object ?x ;
                        ng:confidence ?c ; ng:rule ?r ; prov:wasGeneratedBy ?a } } }",
    ]);
    json_rows(&out.stdout)
        .into_iter()
        .map(|r| {
            let e = r[0].clone().unwrap();
            let e = e.split("/id/").nth(1).unwrap().to_owned();
            let cell = |i: usize| r[i].clone().unwrap_or_else(|| panic!("{e}: no {i}"));
            let link = (cell(1), cell(2), cell(3), cell(4));
            (e, link)
        })
        .collect()
}

fn link(store: &Path, url: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["link", "--store", store.to_str().unwrap(), "--target", url];
    args.extend(extra);
    newsgraph(&args)
}

#[test]
fn links_the_fixture_with_batches_and_a_cache() {
    let dir = tempfile::tempdir().unwrap();
    let served = wikidata(dir.path());
    let proxy = proxy(served.port, 0);
    let store = article_store(dir.path(), "article", ARTICLE);
    let cache = dir.path().join("cache");
    let cache_arg = ["--cache", cache.to_str().unwrap(), "--rate", "100"];

    let out = link(&store, &proxy.url(), &cache_arg);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // All names in one batch, all classes in another: two requests.
    assert_eq!(proxy.requests(), 2, "{stderr}");
    assert!(
        stderr.contains("2 requests sent, 0 answered from the cache"),
        "{stderr}"
    );

    let found = links(&store);
    let correct = GOLD
        .iter()
        .filter(|(e, q)| {
            found
                .get(*e)
                .is_some_and(|l| l.0.ends_with(&format!("/{q}")))
        })
        .count();
    let precision = correct as f64 / found.len() as f64;
    let recall = correct as f64 / GOLD.len() as f64;
    eprintln!("fixture links: precision {precision:.3}, recall {recall:.3}");
    assert!(precision >= 0.95 && recall >= 0.90, "{found:#?}");
    // The company named "Vardby" is no candidate for the town; the person whose
    // employer the article names wins over the namesake.
    assert!(found["place/vardby"].0.ends_with("/Q9002"));
    assert_eq!(found["person/tom-reyes"].2, "link:label+employer");
    for (e, (_, confidence, _, activity)) in &found {
        let c: f64 = confidence.parse().unwrap();
        assert!((0.6..=1.0).contains(&c), "{e}: {confidence}");
        assert!(
            activity.starts_with("https://w3id.org/newsgraph/id/links/"),
            "{activity}"
        );
    }

    // A second run sends nothing and writes the same links.
    let out = link(&store, &proxy.url(), &cache_arg);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(proxy.requests(), 2);
    assert!(
        stderr.contains("0 requests sent, 2 answered from the cache"),
        "{stderr}"
    );
    assert_eq!(links(&store), found);

    // Smaller batches: more requests, the same links.
    let before = proxy.requests();
    let out = link(
        &store,
        &proxy.url(),
        &["--no-cache", "--batch", "3", "--rate", "100"],
    );
    assert!(out.status.success());
    assert!(proxy.requests() - before > 3);
    assert_eq!(links(&store), found);

    // Federated queries: the ready queries with Wikidata's endpoint replaced.
    for (query, want) in [
        (
            "birth-dates-of-speakers.rq",
            ["Tom Reyes", "1961-04-02T00:00:00Z"],
        ),
        (
            "headquarters-of-organizations.rq",
            ["Zintrex Corp", "Vardby"],
        ),
    ] {
        let text = std::fs::read_to_string(root().join("examples/queries/federated").join(query))
            .unwrap()
            .replace(
                "https://query.wikidata.org/sparql",
                &format!("http://127.0.0.1:{}/query", served.port),
            );
        let out = newsgraph_ok(&[
            "query",
            "--store",
            store.to_str().unwrap(),
            "--format",
            "json",
            &text,
        ]);
        let rows = json_rows(&out.stdout);
        assert!(
            rows.iter()
                .any(|r| r[0].as_deref() == Some(want[0]) && r[1].as_deref() == Some(want[1])),
            "{query}: {rows:?}"
        );
    }
}

#[test]
fn namesakes_without_context_are_reported_not_linked() {
    let dir = tempfile::tempdir().unwrap();
    let served = wikidata(dir.path());
    let store = article_store(
        dir.path(),
        "short",
        "Tom Reyes spoke in Vardby on Monday.\n",
    );
    let url = format!("http://127.0.0.1:{}/query", served.port);
    let out = link(&store, &url, &["--no-cache", "--rate", "100"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("ambiguous <https://w3id.org/newsgraph/id/person/tom-reyes>"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Q9201") && stderr.contains("Q9202"),
        "{stderr}"
    );
    let found = links(&store);
    assert!(!found.contains_key("person/tom-reyes"), "{found:?}");
    assert!(found["place/vardby"].0.ends_with("/Q9002"), "{found:?}");
    // Nothing is linked above a threshold no candidate reaches.
    let out = link(
        &store,
        &url,
        &["--no-cache", "--min-confidence", "0.99", "--rate", "100"],
    );
    assert!(out.status.success());
    assert!(
        links(&store).is_empty(),
        "the second run replaces the first run's links"
    );
}

#[test]
fn a_server_error_is_retried() {
    let dir = tempfile::tempdir().unwrap();
    let served = wikidata(dir.path());
    let proxy = proxy(served.port, 1);
    let store = article_store(dir.path(), "article", ARTICLE);
    let out = link(&store, &proxy.url(), &["--no-cache", "--rate", "100"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(proxy.requests(), 3, "one 500, then the two queries");
    assert_eq!(links(&store).len(), GOLD.len());
}

#[test]
fn an_unreachable_endpoint_leaves_the_store_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let store = article_store(dir.path(), "article", ARTICLE);
    let export = |store: &Path| {
        newsgraph_ok(&[
            "export",
            "--store",
            store.to_str().unwrap(),
            "--format",
            "nq",
        ])
        .stdout
    };
    let before = export(&store);
    // A port nobody listens on: bind one, then free it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/sparql");
    let out = link(&store, &url, &["--no-cache", "--retries", "1"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&url) && stderr.contains("after 2 attempts"),
        "{stderr}"
    );
    assert!(stderr.contains("the store is unchanged"), "{stderr}");
    assert_eq!(export(&store), before);
}

#[test]
fn places_link_offline_to_geonames() {
    let dir = tempfile::tempdir().unwrap();
    let out = newsgraph_ok(&[
        "extract",
        example().to_str().unwrap(),
        "--published",
        PUBLISHED,
        "--link-places",
        "--format",
        "nq",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    let same_as = |place: &str, id: &str| {
        format!(
            "<https://w3id.org/newsgraph/id/place/{place}> <http://www.w3.org/2002/07/owl#sameAs> <https://sws.geonames.org/{id}/> <https://w3id.org/newsgraph/id/links> ."
        )
    };
    for (place, id) in [
        ("china", "1814991"),
        ("serbia", "6290252"),
        ("wuzhen", "1790848"),
    ] {
        assert!(
            text.contains(&same_as(place, id)),
            "{place} not linked to {id}"
        );
    }
    // The same reference through `link --reference`, on a store.
    let store = dir.path().join("db");
    newsgraph_ok(&[
        "extract",
        example().to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
    ]);
    let reference = root().join("reference/geonames-places.ttl");
    newsgraph_ok(&[
        "link",
        "--store",
        store.to_str().unwrap(),
        "--reference",
        reference.to_str().unwrap(),
        "--kinds",
        "place",
    ]);
    let found = links(&store);
    assert!(found["place/wuzhen"].0.ends_with("/1790848/"), "{found:?}");
    assert_eq!(found["place/wuzhen"].2, "link:label+country");
}

/// Virtuoso loaded with the fixture in the graph `http://fixture`.
fn virtuoso_with_fixture(dir: &Path) -> Virtuoso {
    let server = Virtuoso::start(dir);
    let fixture = server.dir.join("fixture.ttl");
    std::fs::copy(root().join("tests/data/wikidata-fixture.ttl"), &fixture).unwrap();
    server.sql(&format!(
        "DB.DBA.TTLP(file_to_string_output('{}'), '', 'http://fixture');",
        fixture.display()
    ));
    server
}

#[test]
fn links_the_fixture_on_virtuoso() {
    let dir = tempfile::tempdir().unwrap();
    let server = virtuoso_with_fixture(dir.path());
    let url = format!("http://127.0.0.1:{}/sparql", server.http_port);
    let store = article_store(dir.path(), "article", ARTICLE);
    let out = link(&store, &url, &["--no-cache", "--rate", "100"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let found: BTreeMap<String, String> = links(&store)
        .into_iter()
        .map(|(e, l)| (e, l.0.rsplit('/').next().unwrap().to_owned()))
        .collect();
    let gold: BTreeMap<String, String> = GOLD
        .iter()
        .map(|(e, q)| (e.to_string(), q.to_string()))
        .collect();
    assert_eq!(found, gold);
    // (No SERVICE call here: Virtuoso 7.2 never answers the `application/sparql-query`
    // POST that Oxigraph's SERVICE client sends.)
}
