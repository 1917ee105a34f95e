//! `extract --store` writes one named graph per article into an on-disk Oxigraph
//! store; extracting an article again replaces its graph and nothing else (three articles); `query
//! --store` sees the union of the article graphs.

mod common;

use common::*;
use std::path::Path;

const OTHER: &str = "Globex Corporation chief executive Marta Lind said on Tuesday that the company would open a plant in Norway.\n";
const THIRD: &str =
    "Vardby mayor Tom Reyes met Harvo Freight Group chairman Nina Olsen in Oslo on Monday.\n";

fn count(store: &Path, query: &str) -> usize {
    let out = newsgraph_ok(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        query,
        "--format",
        "json",
    ]);
    json_rows(&out.stdout)[0][0]
        .as_deref()
        .unwrap()
        .parse()
        .unwrap()
}

fn graph_dump(store: &Path, graph: &str) -> Vec<Vec<Option<String>>> {
    let q = format!("SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o");
    let out = newsgraph_ok(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        &q,
        "--format",
        "json",
    ]);
    json_rows(&out.stdout)
}

#[test]
fn re_extracting_replaces_only_that_articles_graph() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let other = dir.path().join("other.txt");
    std::fs::write(&other, OTHER).unwrap();
    let third = dir.path().join("third.txt");
    std::fs::write(&third, THIRD).unwrap();
    let (s, ex, ot, th) = (
        store.to_str().unwrap(),
        example(),
        other.to_str().unwrap().to_owned(),
        third.to_str().unwrap().to_owned(),
    );
    newsgraph_ok(&[
        "extract",
        ex.to_str().unwrap(),
        &ot,
        &th,
        "--published",
        "2020-11-25",
        "--store",
        s,
    ]);

    let wic = "https://w3id.org/newsgraph/id/article/wic2020";
    let oth = "https://w3id.org/newsgraph/id/article/other";
    let graphs = count(
        &store,
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    );
    assert_eq!(graphs, 3);
    let thd = "https://w3id.org/newsgraph/id/article/third";
    let before_third = graph_dump(&store, thd);
    assert!(before_third.len() > 10);
    let before_other = graph_dump(&store, oth);
    let before_wic = graph_dump(&store, wic);
    assert!(before_other.len() > 10 && before_wic.len() > 300);

    // Again, with another date: the example's graph is replaced (not doubled).
    newsgraph_ok(&[
        "extract",
        ex.to_str().unwrap(),
        "--published",
        PUBLISHED,
        "--store",
        s,
    ]);
    assert_eq!(
        graph_dump(&store, oth),
        before_other,
        "the other article's graph changed"
    );
    assert_eq!(
        graph_dump(&store, thd),
        before_third,
        "the third article's graph changed"
    );
    let after_wic = graph_dump(&store, wic);
    assert_eq!(
        after_wic.len(),
        before_wic.len(),
        "the example's graph was not replaced cleanly"
    );
    assert_ne!(
        after_wic, before_wic,
        "the new publication date should show"
    );

    // The default graph is the union of the article graphs.
    let persons = count(
        &store,
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#> SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ng:Person }",
    );
    assert_eq!(
        persons, 11,
        "eight persons in the example, one in the other article, two in the third"
    );
}

#[test]
fn a_store_answers_the_competency_questions_like_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let file = extract_example(dir.path(), "g.ttl");
    for q in std::fs::read_dir(root().join("tests/data/cq")).unwrap() {
        let q = q.unwrap().path();
        let q = q.to_str().unwrap();
        let mut from_store = json_rows(
            &newsgraph_ok(&[
                "query",
                "--store",
                store.to_str().unwrap(),
                "--query-file",
                q,
                "--format",
                "json",
            ])
            .stdout,
        );
        let mut from_file = json_rows(
            &newsgraph_ok(&[
                "query",
                "--data",
                file.to_str().unwrap(),
                "--query-file",
                q,
                "--format",
                "json",
            ])
            .stdout,
        );
        from_store.sort();
        from_file.sort();
        assert_eq!(from_store, from_file, "{q}");
    }
}

#[test]
fn oxigraph_of_the_same_version_opens_and_queries_a_newsgraph_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let quads = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let persons = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a <https://w3id.org/newsgraph/ontology#Person> } }";
    // pyoxigraph 0.5.13 is Oxigraph's own binding, built from the same storage code as
    // the crate this binary uses (scripts/setup.sh installs it).
    let script = r#"
import sys, pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
for q in sys.argv[2:]:
    print(next(iter(store.query(q)))[0].value)
"#;
    let out = python()
        .args(["-c", script, store.to_str().unwrap(), quads, persons])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pyoxigraph failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: Vec<usize> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.parse().unwrap())
        .collect();
    let ours = vec![count(&store, quads), count(&store, persons)];
    assert_eq!(theirs, ours);
    assert_eq!(ours[1], 8);
}

#[test]
fn gzipped_shards_load_and_a_broken_one_loads_nothing() {
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let example = extract_example(dir.path(), "wic.nq");
    let quads = std::fs::read(&example).unwrap();
    let gz = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        let mut encoder =
            GzEncoder::new(std::fs::File::create(&path).unwrap(), Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap();
        path.to_str().unwrap().to_owned()
    };
    // Two shards, the second two gzip members one after the other (as `cat a.gz b.gz`).
    let lines: Vec<&[u8]> = quads.split_inclusive(|&b| b == b'\n').collect();
    let third = lines.len() / 3;
    let piece = |from: usize, to: usize| lines[from..to].concat();
    let first = gz("part-0.nq.gz", &piece(0, third));
    let second = dir.path().join("part-1.nq.gz");
    let mut members = std::fs::read(gz("m1.nq.gz", &piece(third, 2 * third))).unwrap();
    members.extend(std::fs::read(gz("m2.nq.gz", &piece(2 * third, lines.len()))).unwrap());
    std::fs::write(&second, members).unwrap();
    let store = dir.path().join("store");
    let s = store.to_str().unwrap();
    newsgraph_ok(&["load", "--store", s, &first, second.to_str().unwrap()]);
    let n = lines.len();
    assert_eq!(
        count(
            &store,
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        ),
        n
    );
    // `query --data` reads them too.
    let out = newsgraph_ok(&[
        "query",
        "--data",
        &first,
        "--data",
        second.to_str().unwrap(),
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "--format",
        "csv",
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains(&n.to_string()));

    // A cut-off shard: nothing of the batch is loaded, the place is named.
    let other = dir.path().join("store2");
    let mut cut_off = std::fs::read(&first).unwrap();
    cut_off.truncate(cut_off.len() / 2);
    let broken = dir.path().join("broken.nq.gz");
    std::fs::write(&broken, cut_off).unwrap();
    let out = newsgraph(&[
        "load",
        "--store",
        other.to_str().unwrap(),
        second.to_str().unwrap(),
        broken.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.nq.gz") && err.contains("the store is unchanged"),
        "{err}"
    );
    assert!(
        !other.exists()
            || count(
                &other,
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
            ) == 0
    );
}

#[test]
fn a_triple_in_several_article_graphs_is_one_triple_of_the_union() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let mut files = Vec::new();
    for (name, text) in [
        (
            "first.txt",
            "Nina Olsen, mayor of Vardby, met Tom Reyes in Oslo on Monday.\n",
        ),
        (
            "second.txt",
            "Nina Olsen, mayor of Vardby, said on Tuesday that the talks in Oslo went well.\n",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        files.push(path.to_str().unwrap().to_owned());
    }
    let s = store.to_str().unwrap();
    newsgraph_ok(&[
        "extract",
        &files[0],
        &files[1],
        "--published",
        PUBLISHED,
        "--store",
        s,
    ]);
    let prefixes = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>";
    // Each article's graph states who Nina Olsen is …
    let copies = count(
        &store,
        &format!(
            "{prefixes} SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?p a ng:Person ; rdfs:label \"Nina Olsen\" }} }}"
        ),
    );
    assert_eq!(copies, 2);
    // … but the union default graph is a set: the join sees each triple once, so a
    // count without DISTINCT counts persons, not copies (and joins over entities named
    // in many articles do not multiply).
    let all = count(
        &store,
        &format!(
            "{prefixes} SELECT (COUNT(*) AS ?n) WHERE {{ ?p a ng:Person ; rdfs:label ?l . ?q a ng:Place ; rdfs:label ?m }}"
        ),
    );
    let distinct = count(
        &store,
        &format!(
            "{prefixes} SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?p ?l ?q ?m WHERE {{ ?p a ng:Person ; rdfs:label ?l . ?q a ng:Place ; rdfs:label ?m }} }}"
        ),
    );
    assert!(distinct >= 2, "{distinct}");
    assert_eq!(all, distinct);
}
