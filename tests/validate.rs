//! `validate` checks graphs against ontology/shapes.ttl: what `extract` writes conforms,
//! in a file and in a store of several articles; a broken graph is reported node by
//! node, and pyshacl (PyPI) finds the same violations.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn extract_output_conforms_in_a_file_and_in_a_store_of_several_articles() {
    let dir = tempfile::tempdir().unwrap();
    let example_graph = extract_example(dir.path(), "g.ttl");
    let out = newsgraph_ok(&["validate", "--data", example_graph.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("conforms"));

    // Several articles in one store, each in its graph (dates, quotes, roles, events).
    let articles = [
        (
            "a.txt",
            "Harvo Group chief executive Nina Olsen said on Monday that the company would open a plant in Oslo. \"We are ready,\" she said.\n",
        ),
        (
            "b.txt",
            "Vardby mayor Tom Reyes met Nina Olsen in Oslo on Tuesday. The second Global Ocean Summit opened in Bergen, Norway, on 10 March.\n",
        ),
    ];
    let mut paths = vec![example().to_str().unwrap().to_owned()];
    for (name, text) in articles {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        paths.push(path.to_str().unwrap().to_owned());
    }
    let store = dir.path().join("store");
    let mut args = vec!["extract"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(["--published", PUBLISHED, "--store", store.to_str().unwrap()]);
    newsgraph_ok(&args);
    let out = newsgraph_ok(&["validate", "--store", store.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("conforms: no violations"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

const BROKEN: &str = r#"@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix ex: <http://example.org/> .
ex:article a ng:Article .
ex:nolabel a ng:Person ; prov:wasDerivedFrom ex:article .
ex:twolabels a ng:Organization ; rdfs:label "Harvo", "Harvo Group" ; prov:wasDerivedFrom ex:article .
ex:ok a ng:Place ; rdfs:label "Vardby" ; prov:wasDerivedFrom ex:article .
"#;

/// (focus node, constraint component) pairs of pyshacl's report on `data`.
fn pyshacl_results(data: &Path) -> BTreeSet<(String, String)> {
    let script = r#"
import sys, rdflib, pyshacl
from rdflib.namespace import SH
data = rdflib.Graph().parse(sys.argv[1])
shapes = rdflib.Graph().parse(sys.argv[2])
conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes)
for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
    print(report.value(r, SH.focusNode), report.value(r, SH.sourceConstraintComponent))
"#;
    let out = python()
        .args([
            "-c",
            script,
            data.to_str().unwrap(),
            root().join("ontology/shapes.ttl").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pyshacl failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let (node, component) = l.split_once(' ').unwrap();
            (node.to_owned(), component.to_owned())
        })
        .collect()
}

#[test]
fn violations_name_node_path_and_shape_and_agree_with_pyshacl() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("broken.ttl");
    std::fs::write(&data, BROKEN).unwrap();
    let out = newsgraph(&["validate", "--data", data.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "violations exit with 1");
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("Component")).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("http://example.org/nolabel")
                && l.contains("rdf-schema#label")
                && l.contains("MinCount")
                && l.contains("EntityShape")),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("http://example.org/twolabels") && l.contains("MaxCount")),
        "{text}"
    );
    assert!(!text.contains("http://example.org/ok"), "{text}");

    let ours: BTreeSet<(String, String)> = lines
        .iter()
        .map(|l| {
            let node = l
                .split_whitespace()
                .next()
                .unwrap()
                .trim_matches(['<', '>']);
            let component = if l.contains("MinCount") {
                "http://www.w3.org/ns/shacl#MinCountConstraintComponent"
            } else if l.contains("MaxCount") {
                "http://www.w3.org/ns/shacl#MaxCountConstraintComponent"
            } else {
                "other"
            };
            (node.to_owned(), component.to_owned())
        })
        .collect();
    assert_eq!(ours, pyshacl_results(&data), "the two engines disagree");
}

#[test]
fn shapes_with_unchecked_features_are_refused_not_half_checked() {
    let dir = tempfile::tempdir().unwrap();
    let graph = extract_example(dir.path(), "g.ttl");
    let shapes = dir.path().join("shapes.ttl");
    std::fs::write(
        &shapes,
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n\
         @prefix ng: <https://w3id.org/newsgraph/ontology#> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         [] a sh:NodeShape ; sh:targetClass ng:Person ;\n\
            sh:property [ sh:path rdfs:label ; sh:pattern \"^[A-Z]\" ] .\n",
    )
    .unwrap();
    let out = newsgraph(&[
        "validate",
        "--data",
        graph.to_str().unwrap(),
        "--shapes",
        shapes.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sh:pattern"));
}
