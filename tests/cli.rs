//! The command line as a user meets it: help, defaults, errors and exit codes.

mod common;

use common::*;

#[test]
fn help_names_the_commands_and_options() {
    let out = newsgraph_ok(&["--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("extract") && help.contains("query"), "{help}");
    let out = newsgraph_ok(&["extract", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    for option in ["--published", "--base", "--output", "--store", "--format"] {
        assert!(help.contains(option), "extract --help lacks {option}");
    }
}

#[test]
fn a_missing_article_is_reported_and_the_others_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("g.nt");
    let out = newsgraph(&[
        "extract",
        dir.path().join("missing.txt").to_str().unwrap(),
        example().to_str().unwrap(),
        "--published",
        PUBLISHED,
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert!(
        std::fs::read_to_string(&out_file)
            .unwrap()
            .contains("daniel-zhang-yong")
    );
}

#[test]
fn non_utf8_input_is_refused_with_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Caf\xe9 owner said hello.").unwrap();
    let out = newsgraph(&["extract", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.txt") && stderr.contains("offset 3"),
        "{stderr}"
    );
}

#[test]
fn bad_arguments_say_what_is_wrong() {
    let out = newsgraph(&[
        "extract",
        example().to_str().unwrap(),
        "--published",
        "23/11/2020",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));

    let out = newsgraph(&["extract", example().to_str().unwrap(), "-o", "graph.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".ttl"));

    let out = newsgraph(&[
        "extract",
        example().to_str().unwrap(),
        "--base",
        "not an iri",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn query_errors_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let graph = extract_example(dir.path(), "g.ttl");
    let out = newsgraph(&["query", "--data", graph.to_str().unwrap(), "SELECT WHERE {"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SPARQL syntax error"));

    let broken = dir.path().join("broken.ttl");
    std::fs::write(&broken, "<a> <b> .\n").unwrap();
    let out = newsgraph(&["query", "--data", broken.to_str().unwrap(), "ASK {}"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.ttl") && stderr.contains("line 1"),
        "{stderr}"
    );

    let out = newsgraph(&[
        "query",
        "--store",
        dir.path().join("nowhere").to_str().unwrap(),
        "ASK {}",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn query_prints_tables_csv_and_graphs() {
    let dir = tempfile::tempdir().unwrap();
    let graph = extract_example(dir.path(), "g.ttl");
    let g = graph.to_str().unwrap();
    let q = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?name WHERE { ?p a ng:Person ; rdfs:label ?name } ORDER BY ?name";
    let table = String::from_utf8(newsgraph_ok(&["query", "--data", g, q]).stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "?name");
    assert!(lines[1].starts_with("----"));
    assert_eq!(lines[2], "Chuck Robbins");
    assert_eq!(lines.last().copied(), Some("(8 rows)"));

    let csv = String::from_utf8(newsgraph_ok(&["query", "--data", g, q, "--format", "csv"]).stdout)
        .unwrap();
    assert!(csv.starts_with("name\r\nChuck Robbins\r\n"), "{csv}");

    let construct = "PREFIX ng: <https://w3id.org/newsgraph/ontology#> CONSTRUCT { ?p a ng:Person } WHERE { ?p a ng:Person }";
    let ttl = String::from_utf8(newsgraph_ok(&["query", "--data", g, construct]).stdout).unwrap();
    assert!(ttl.contains("person:xi-jinping a ng:Person"), "{ttl}");
}

#[test]
fn explain_prints_each_sentence_with_the_rules_that_fired() {
    let out = newsgraph_ok(&[
        "extract",
        example().to_str().unwrap(),
        "--published",
        PUBLISHED,
        "--explain",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("# wic2020 (10 sentences)"), "{text}");
    assert!(
        text.contains("role          Chuck Robbins — CEO at Cisco [role:premodifier"),
        "{text}"
    );
    assert!(text.contains("statement     Xi Jinping (direct)"), "{text}");
    assert!(
        !text.contains("@prefix"),
        "--explain replaces the Turtle on standard output"
    );
}
