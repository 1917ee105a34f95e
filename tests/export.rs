//! `load`, `update` and `export` on real on-disk stores: every format `export` writes
//! is read by an independent parser (rapper, serdi, rdflib) into a graph isomorphic to
//! the store's; exports are deterministic; a batch with a broken file loads nothing.

mod common;

use common::*;
use sophia::api::prelude::*;
use sophia::inmem::dataset::LightDataset;
use sophia::inmem::graph::LightGraph;
use sophia::isomorphism::{isomorphic_datasets, isomorphic_graphs};
use sophia::turtle::parser::{nq, nt};
use std::path::Path;

const WIC: &str = "https://w3id.org/newsgraph/id/article/wic2020";

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn export(store: &Path, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["export", "--store", s(store)];
    all.extend_from_slice(args);
    newsgraph_ok(&all).stdout
}

fn dataset_from_nquads(text: &str) -> LightDataset {
    let mut d = LightDataset::new();
    nq::parse_str(text)
        .add_to_dataset(&mut d)
        .expect("N-Quads parse");
    d
}

fn graph_from_ntriples(text: &str) -> LightGraph {
    let mut g = LightGraph::new();
    nt::parse_str(text)
        .add_to_graph(&mut g)
        .expect("N-Triples parse");
    g
}

/// Runs a converter and returns its standard output, failing with its error text.
fn convert(mut command: std::process::Command, what: &str) -> String {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn independent_parsers_read_every_export_format_back_to_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    // The store's content, through a SPARQL query rather than through export.
    let dump = newsgraph_ok(&[
        "query",
        "--store",
        s(&store),
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
        "--format",
        "nt",
    ]);
    let reference = graph_from_ntriples(&String::from_utf8(dump.stdout).unwrap());
    assert!(reference.triples().count() > 300);
    let write = |name: &str, args: &[&str]| {
        let path = dir.path().join(name);
        let mut all = vec!["-o", s(&path)];
        all.extend_from_slice(args);
        export(&store, &all);
        path
    };

    // One graph: Turtle, N-Triples and RDF/XML through rapper; Turtle and N-Triples
    // through serdi.
    for (file, syntax) in [
        ("g.ttl", "turtle"),
        ("g.nt", "ntriples"),
        ("g.rdf", "rdfxml"),
    ] {
        let path = write(file, &["--graph", WIC]);
        let mut rapper = tool("rapper");
        rapper.args(["-q", "-i", syntax, "-o", "ntriples", s(&path)]);
        let read = graph_from_ntriples(&convert(rapper, &format!("rapper on {file}")));
        assert!(
            isomorphic_graphs(&read, &reference).unwrap(),
            "rapper read another graph from {file}"
        );
        if syntax != "rdfxml" {
            let mut serdi = tool("serdi");
            serdi.args(["-i", syntax, "-o", "ntriples", s(&path)]);
            let read = graph_from_ntriples(&convert(serdi, &format!("serdi on {file}")));
            assert!(
                isomorphic_graphs(&read, &reference).unwrap(),
                "serdi: {file}"
            );
        }
    }

    // All graphs: N-Quads and TriG through serdi, JSON-LD through rdflib; each must
    // give the same dataset as the store's own N-Quads.
    let own = dataset_from_nquads(&String::from_utf8(export(&store, &["--format", "nq"])).unwrap());
    assert!(
        isomorphic_graphs(&triples_of(&own), &reference).unwrap(),
        "the N-Quads export lost or added triples"
    );
    for (file, syntax) in [("all.nq", "nquads"), ("all.trig", "trig")] {
        let path = write(file, &[]);
        let mut serdi = tool("serdi");
        serdi.args(["-i", syntax, "-o", "nquads", s(&path)]);
        let read = dataset_from_nquads(&convert(serdi, &format!("serdi on {file}")));
        assert!(isomorphic_datasets(&read, &own).unwrap(), "serdi: {file}");
    }
    let jsonld = write("all.jsonld", &[]);
    let mut rdflib = python();
    rdflib.args([
        "-c",
        "import sys, rdflib; d = rdflib.Dataset(); d.parse(sys.argv[1], format='json-ld'); \
         sys.stdout.write(d.serialize(format='nquads'))",
        s(&jsonld),
    ]);
    let read = dataset_from_nquads(&convert(rdflib, "rdflib on the JSON-LD"));
    assert!(
        isomorphic_datasets(&read, &own).unwrap(),
        "rdflib read another dataset from the JSON-LD"
    );
    // Compacted: the context's prefixes, not full IRIs, name the ontology's terms.
    let text = std::fs::read_to_string(&jsonld).unwrap();
    assert!(text.contains("\"@type\": \"ng:Person\"") || text.contains("\"ng:Person\""));
    assert_eq!(
        text.matches("https://w3id.org/newsgraph/ontology#").count(),
        1,
        "only the context spells the ontology's namespace out"
    );
}

#[test]
fn exports_are_deterministic_and_turtle_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    for format in ["ttl", "nt", "rdfxml"] {
        let args = ["--graph", WIC, "--format", format];
        assert_eq!(export(&store, &args), export(&store, &args), "{format}");
    }
    for format in ["nq", "trig", "jsonld"] {
        let args = ["--format", format];
        assert_eq!(export(&store, &args), export(&store, &args), "{format}");
    }
    let ttl = String::from_utf8(export(&store, &["--graph", WIC])).unwrap();
    assert!(ttl.contains("@prefix ng: <https://w3id.org/newsgraph/ontology#>"));
    assert!(
        ttl.contains(" a ng:Person"),
        "subjects grouped with prefixes"
    );
    // A single-graph format without --graph is refused with advice.
    let out = newsgraph(&["export", "--store", s(&store), "--format", "ttl"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--graph"));
}

fn count(store: &Path, query: &str) -> String {
    let out = newsgraph_ok(&["query", "--store", s(store), query, "--format", "json"]);
    json_rows(&out.stdout)[0][0].clone().unwrap()
}

#[test]
fn a_broken_file_in_a_batch_loads_nothing_and_is_reported_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let good = dir.path().join("good.ttl");
    std::fs::write(
        &good,
        "@prefix ex: <http://example.org/> .\nex:a ex:knows ex:b .\n",
    )
    .unwrap();
    let broken = dir.path().join("broken.ttl");
    std::fs::write(
        &broken,
        "@prefix ex: <http://example.org/> .\nex:c ex:knows ex:d ;\n  ex:says \"unclosed .\n",
    )
    .unwrap();
    let more = dir.path().join("more.nt");
    std::fs::write(
        &more,
        "<http://example.org/e> <http://example.org/knows> <http://example.org/f> .\n",
    )
    .unwrap();
    let before = export(&store, &["--format", "nq"]);

    let out = newsgraph(&["load", "--store", s(&store), s(&good), s(&broken), s(&more)]);
    assert!(!out.status.success(), "a broken file must fail the load");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.ttl: line 3, column 11"),
        "file, line and column: {stderr}"
    );
    assert_eq!(
        export(&store, &["--format", "nq"]),
        before,
        "the store changed"
    );

    // The good files alone load, into the graph asked for.
    newsgraph_ok(&[
        "load",
        "--store",
        s(&store),
        s(&good),
        s(&more),
        "--graph",
        "http://example.org/g",
    ]);
    let n = count(
        &store,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/g> { ?s <http://example.org/knows> ?o } }",
    );
    assert_eq!(n, "2");
}

#[test]
fn update_changes_the_store_and_a_bad_update_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let persons = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> \
                   SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ng:Person }";
    let before = count(&store, persons);
    newsgraph_ok(&[
        "update",
        "--store",
        s(&store),
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#> \
         INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/p> a ng:Person } }",
    ]);
    let after: usize = count(&store, persons).parse().unwrap();
    assert_eq!(after, before.parse::<usize>().unwrap() + 1);

    let out = newsgraph(&["update", "--store", s(&store), "INSERT DATA { oops"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("syntax error"));

    newsgraph_ok(&[
        "update",
        "--store",
        s(&store),
        &format!("DROP GRAPH <{WIC}>"),
    ]);
    assert_eq!(count(&store, persons), "1");
}
