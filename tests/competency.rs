//! The extraction of the example article answers every competency question as its
//! gold file says, through the real binary (`extract`, then `query --format json`).

mod common;

use common::*;
use std::collections::BTreeMap;

struct Score {
    found: usize,
    missed: Vec<Vec<String>>,
    extra: Vec<Vec<Option<String>>>,
}

fn score_question(name: &str, spec: &serde_json::Value, graph: &std::path::Path) -> Score {
    let cq = root().join(format!("tests/data/cq/{name}.rq"));
    let rows = ask_json(graph, &cq);
    let strings = |v: &serde_json::Value| -> Vec<Vec<String>> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|r| {
                        r.as_array()
                            .unwrap()
                            .iter()
                            .map(|c| c.as_str().unwrap().to_owned())
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    if spec["evidence"].as_bool() == Some(true) {
        return Score {
            found: 0,
            missed: Vec::new(),
            extra: Vec::new(),
        }; // checked by evidence.rs
    }
    let gold = strings(&spec["rows"]);
    let optional = strings(&spec["optional"]);
    let owner = max_matching(&gold, &rows);
    let matched: Vec<usize> = owner.iter().flatten().copied().collect();
    let missed = gold
        .iter()
        .enumerate()
        .filter(|(i, _)| !matched.contains(i))
        .map(|(_, g)| g.clone())
        .collect();
    let extra = if spec["closed"].as_bool() == Some(true) {
        rows.iter()
            .zip(&owner)
            .filter(|(r, o)| o.is_none() && !optional.iter().any(|g| row_ok(g, r)))
            .map(|(r, _)| r.clone())
            .collect()
    } else {
        Vec::new()
    };
    Score {
        found: matched.len(),
        missed,
        extra,
    }
}

#[test]
fn example_answers_the_competency_questions_with_precision_and_recall_of_95_percent() {
    let dir = tempfile::tempdir().unwrap();
    let graph = extract_example(dir.path(), "graph.ttl");
    let gold: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root().join("tests/data/gold/wic2020.json")).unwrap(),
    )
    .unwrap();
    // The goal for the example: precision and recall at least 0.95 over all questions.
    let (mut found, mut missed, mut extra) = (0, 0, 0);
    let mut failures = BTreeMap::new();
    for (name, spec) in gold["questions"].as_object().unwrap() {
        let score = score_question(name, spec, &graph);
        found += score.found;
        missed += score.missed.len();
        extra += score.extra.len();
        if !score.missed.is_empty() || !score.extra.is_empty() {
            failures.insert(name.clone(), (score.missed, score.extra));
        }
    }
    let precision = found as f64 / (found + extra).max(1) as f64;
    let recall = found as f64 / (found + missed).max(1) as f64;
    assert!(
        precision >= 0.95 && recall >= 0.95,
        "P {precision:.3} R {recall:.3}; questions answered wrongly (missed, extra): {failures:#?}"
    );
}
