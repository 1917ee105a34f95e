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
