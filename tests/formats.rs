//! What `extract` writes parses again — with sophia, with rapper and with serdi — in
//! every format, the formats carry the same graph, and the same input gives the same
//! bytes twice.

mod common;

use common::*;
use sophia::api::prelude::*;
use sophia::inmem::dataset::LightDataset;
use sophia::inmem::graph::LightGraph;
use sophia::isomorphism::{isomorphic_datasets, isomorphic_graphs};
use sophia::turtle::parser::{nq, nt, trig, turtle};
use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn every_output_format_parses_back_to_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let ttl = extract_example(dir.path(), "g.ttl");
    let nt_file = extract_example(dir.path(), "g.nt");
    let nq_file = extract_example(dir.path(), "g.nq");
    let trig_file = extract_example(dir.path(), "g.trig");

    let mut from_ttl = LightGraph::new();
    turtle::parse_str(&read(&ttl))
        .add_to_graph(&mut from_ttl)
        .expect("Turtle parses");
    let mut from_nt = LightGraph::new();
    nt::parse_str(&read(&nt_file))
        .add_to_graph(&mut from_nt)
        .expect("N-Triples parses");
    let mut from_nq = LightDataset::new();
    nq::parse_str(&read(&nq_file))
        .add_to_dataset(&mut from_nq)
        .expect("N-Quads parses");
    let mut from_trig = LightDataset::new();
    trig::parse_str(&read(&trig_file))
        .add_to_dataset(&mut from_trig)
        .expect("TriG parses");

    assert!(
        from_ttl.triples().count() > 300,
        "the example yields a real graph"
    );
    assert!(
        isomorphic_graphs(&from_ttl, &from_nt).unwrap(),
        "Turtle and N-Triples differ"
    );
    assert!(
        isomorphic_datasets(&from_nq, &from_trig).unwrap(),
        "N-Quads and TriG differ"
    );
    assert!(
        isomorphic_graphs(&from_ttl, &triples_of(&from_nq)).unwrap(),
        "Turtle and N-Quads differ"
    );
    // N-Quads put every triple in the article's named graph.
    let graphs: std::collections::BTreeSet<String> = from_nq
        .quads()
        .map(|q| {
            q.unwrap()
                .g()
                .map(|g| g.iri().unwrap().as_str().to_owned())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        graphs.into_iter().collect::<Vec<_>>(),
        vec!["https://w3id.org/newsgraph/id/article/wic2020".to_owned()]
    );
}

#[test]
fn independent_parsers_accept_what_extract_writes() {
    let dir = tempfile::tempdir().unwrap();
    let ttl = extract_example(dir.path(), "g.ttl");
    let nq_file = extract_example(dir.path(), "g.nq");
    let trig_file = extract_example(dir.path(), "g.trig");
    let expected = read(&extract_example(dir.path(), "g.nt")).lines().count();

    let out = tool("rapper")
        .args(["-i", "turtle", "-c", ttl.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "rapper rejected the Turtle: {stderr}");
    assert!(
        stderr.contains(&format!("returned {expected} triples")),
        "rapper counted otherwise: {stderr}"
    );

    for (file, syntax) in [(&ttl, "turtle"), (&nq_file, "nquads"), (&trig_file, "trig")] {
        let out = tool("serdi")
            .args(["-i", syntax, "-o", "nquads", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "serdi rejected {syntax}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let lines = String::from_utf8_lossy(&out.stdout).lines().count();
        assert_eq!(
            lines, expected,
            "serdi read {lines} statements from {syntax}, expected {expected}"
        );
    }
}

#[test]
fn turtle_is_readable_with_prefixes_and_grouped_subjects() {
    let dir = tempfile::tempdir().unwrap();
    let text = read(&extract_example(dir.path(), "g.ttl"));
    let prefixes: Vec<&str> = text
        .lines()
        .take_while(|l| l.starts_with("@prefix"))
        .collect();
    for p in [
        "ng",
        "rdfs",
        "xsd",
        "nif",
        "prov",
        "person",
        "organization",
        "place",
        "article",
    ] {
        assert!(
            prefixes
                .iter()
                .any(|l| l.starts_with(&format!("@prefix {p}: <"))),
            "no {p}: prefix"
        );
    }
    assert!(
        !text
            .lines()
            .skip(prefixes.len())
            .any(|l| l.starts_with("@prefix"))
    );
    assert!(
        text.contains("person:daniel-zhang-yong a ng:Person ;"),
        "subjects are abbreviated and grouped"
    );
    // Each subject opens exactly one block: no subject starts two statements.
    let subjects: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with(['@', '\t', ' ']) && !l.is_empty())
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    let unique: std::collections::BTreeSet<&&str> = subjects.iter().collect();
    assert_eq!(
        subjects.len(),
        unique.len(),
        "a subject's triples are split across blocks"
    );
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["ttl", "nq"] {
        let a = std::fs::read(extract_example(dir.path(), &format!("a.{ext}"))).unwrap();
        let b = std::fs::read(extract_example(dir.path(), &format!("b.{ext}"))).unwrap();
        assert!(a == b, "two runs wrote different {ext}");
    }
    // Standard output equals the file.
    let stdout = newsgraph_ok(&[
        "extract",
        example().to_str().unwrap(),
        "--published",
        PUBLISHED,
    ])
    .stdout;
    assert_eq!(stdout, std::fs::read(dir.path().join("a.ttl")).unwrap());
}
