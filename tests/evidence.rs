//! Every Statement, Role and Event points at its words: its evidence's nif:anchorOf
//! is exactly the article text between nif:beginIndex and nif:endIndex (code points).

mod common;

use common::*;

#[test]
fn every_statement_role_and_event_has_exact_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let graph = extract_example(dir.path(), "graph.ttl");
    let text: Vec<char> = std::fs::read_to_string(example())
        .unwrap()
        .chars()
        .collect();
    let cq = root().join("tests/data/cq/14-evidence.rq");
    let rows = ask_json(&graph, &cq);
    let mut nodes = std::collections::BTreeMap::<String, bool>::new();
    for row in &rows {
        let node = row[0].clone().unwrap();
        let ok = match (&row[1], &row[2], &row[3]) {
            (Some(b), Some(e), Some(anchor)) => {
                let (b, e): (usize, usize) = (b.parse().unwrap(), e.parse().unwrap());
                assert!(
                    b < e && e <= text.len(),
                    "{node}: offsets {b}..{e} outside the text"
                );
                let slice: String = text[b..e].iter().collect();
                assert_eq!(
                    &slice, anchor,
                    "{node}: anchor differs from the text at {b}..{e}"
                );
                true
            }
            _ => false,
        };
        *nodes.entry(node).or_default() |= ok;
    }
    assert!(
        nodes.len() >= 20,
        "expected the example's statements, roles and events, got {}",
        nodes.len()
    );
    let without: Vec<&String> = nodes
        .iter()
        .filter(|(_, ok)| !**ok)
        .map(|(n, _)| n)
        .collect();
    assert!(without.is_empty(), "nodes without evidence: {without:?}");
}

/// A link between two entities is a single triple; its RDF reification carries the
/// words it was read from, so learned links can be told from rule-read ones.
#[test]
fn every_link_has_a_reification_with_exact_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("links.txt");
    let text = "Nina Olsen, who lives in Vardby, said the water was rising.\n\n\
                Zintrex Corp. of Bergen reported higher sales.\n";
    std::fs::write(&input, text).unwrap();
    let graph = dir.path().join("links.nt");
    newsgraph_ok(&[
        "extract",
        input.to_str().unwrap(),
        "--output",
        graph.to_str().unwrap(),
    ]);
    let query = dir.path().join("links.rq");
    std::fs::write(
        &query,
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#>
         PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
         PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
         SELECT ?s ?p ?o ?rule ?anchor WHERE {
           VALUES ?p { ng:locatedIn ng:basedIn ng:affiliatedWith ng:country }
           ?s ?p ?o .
           OPTIONAL {
             ?l rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ng:evidence ?m .
             ?m ng:rule ?rule ; nif:anchorOf ?anchor
           }
         } ORDER BY ?s ?o",
    )
    .unwrap();
    let rows = ask_json(&graph, &query);
    let rows: Vec<(String, String, String)> = rows
        .into_iter()
        .map(|r| {
            let (s, rule, anchor) = (r[0].clone().unwrap(), r[3].clone(), r[4].clone());
            let rule = rule.unwrap_or_else(|| panic!("{s}: link without a reification"));
            (
                s.rsplit('/').next().unwrap().to_owned(),
                rule,
                anchor.unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "zintrex-corp".to_owned(),
                "organization:of-place".to_owned(),
                "Zintrex Corp. of Bergen".to_owned()
            ),
            (
                "nina-olsen".to_owned(),
                "learned:lives-in".to_owned(),
                "Nina Olsen, who lives in Vardby".to_owned()
            ),
        ]
    );
}
