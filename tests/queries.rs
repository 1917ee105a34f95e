//! The ready queries in `examples/queries/` run on the example article and give its
//! answers; each says in a comment what it answers.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// For each query, a row it must return (a cell may be `None` to match anything).
fn expected() -> BTreeMap<&'static str, Vec<Option<&'static str>>> {
    BTreeMap::from([
        (
            "people-and-roles.rq",
            vec![
                Some("Daniel Zhang Yong"),
                Some("CEO"),
                Some("Alibaba Group"),
            ],
        ),
        (
            "who-said-what.rq",
            vec![
                Some("Daniel Zhang Yong"),
                Some("indirect"),
                None,
                Some("World Internet Conference"),
            ],
        ),
        (
            "statements-about-organizations.rq",
            vec![Some("Alibaba Group"), Some("Daniel Zhang Yong"), None],
        ),
        (
            "event-timeline.rq",
            vec![
                Some("World Internet Conference"),
                Some("2020-11-23"),
                Some("2020-11-24"),
                Some("Wuzhen"),
                Some("7"),
            ],
        ),
        (
            "organizations-by-country.rq",
            vec![
                Some("Serbia"),
                Some("1"),
                Some("Ministry of Trade, Tourism, and Telecommunications"),
            ],
        ),
        (
            "who-did-what-to-whom.rq",
            vec![
                Some("Shanghai Stock Exchange"),
                Some("halt"),
                Some("Ant Group"),
                Some("2020-11"),
            ],
        ),
        (
            "evidence-of-roles.rq",
            vec![
                Some("Chuck Robbins"),
                Some("CEO"),
                Some("Cisco CEO Chuck Robbins"),
                Some("role:premodifier"),
                Some("0.85"),
            ],
        ),
        (
            "places-and-containers.rq",
            vec![Some("Wuzhen"), Some("China")],
        ),
    ])
}

#[test]
fn every_ready_query_answers_on_the_example() {
    let dir = tempfile::tempdir().unwrap();
    let graph = extract_example(dir.path(), "g.ttl");
    let expected = expected();
    let mut queries: Vec<PathBuf> = std::fs::read_dir(root().join("examples/queries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rq"))
        .collect();
    queries.sort();
    let names: Vec<String> = queries
        .iter()
        .map(|q| q.file_name().unwrap().to_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        names,
        expected.keys().map(|k| k.to_string()).collect::<Vec<_>>(),
        "every query has an expected answer here, and every expected answer a query"
    );
    for query in &queries {
        let name = query.file_name().unwrap().to_str().unwrap();
        let text = std::fs::read_to_string(query).unwrap();
        assert!(
            text.starts_with("# "),
            "{name} opens with a comment saying what it answers"
        );
        let rows = ask_json(&graph, query);
        let want = &expected[name];
        let found = rows.iter().any(|row| {
            row.len() == want.len()
                && row
                    .iter()
                    .zip(want)
                    .all(|(cell, w)| w.is_none() || cell.as_deref() == *w)
        });
        assert!(found, "{name}: no row like {want:?} in {rows:?}");
    }
}
