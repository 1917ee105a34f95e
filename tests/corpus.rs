//! Many articles in one call: JSON Lines with each article's own date, URL and title,
//! directories, standard input; a bad article is reported with its file and line and the
//! others still go through.

mod common;

use common::*;
use std::io::Write;
use std::process::{Command, Stdio};

const JSONL: &str = r#"{"id": "vardby-1", "text": "Tom Reyes, chief executive of Zintrex Corp., said on Monday that sales rose.", "published": "2021-03-15", "url": "https://news.example/2021/vardby-1", "title": "Zintrex sales rise"}
{"id": "vardby-2", "text": "Nina Olsen, the mayor of Vardby, said on Monday the plant would open."
{"id": "vardby-3", "text": "Nina Olsen, the mayor of Vardby, said on Monday the plant would open."}
"#;

fn graphs(nquads: &str) -> Vec<String> {
    let mut graphs: Vec<String> = nquads
        .lines()
        .filter_map(|l| l.rsplit(' ').nth(1).map(str::to_owned))
        .collect();
    graphs.sort();
    graphs.dedup();
    graphs
}

#[test]
fn json_lines_carry_their_own_dates_and_bad_lines_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.jsonl");
    std::fs::write(&file, JSONL).unwrap();
    let out = newsgraph(&["extract", file.to_str().unwrap(), "--format", "nq"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{}: line 2: not an article", file.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 articles") && stderr.contains("1 failed"),
        "{stderr}"
    );
    assert!(stderr.contains("1 without a publication date"), "{stderr}");
    let nq = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        graphs(&nq),
        [
            "<https://w3id.org/newsgraph/id/article/vardby-1>",
            "<https://w3id.org/newsgraph/id/article/vardby-3>",
        ]
    );
    let article = "<https://w3id.org/newsgraph/id/article/vardby-1>";
    for triple in [
        format!(
            "{article} <https://w3id.org/newsgraph/ontology#published> \"2021-03-15\"^^<http://www.w3.org/2001/XMLSchema#date>"
        ),
        format!("{article} <https://schema.org/url> <https://news.example/2021/vardby-1>"),
        format!("{article} <https://schema.org/headline> \"Zintrex sales rise\""),
    ] {
        assert!(nq.contains(&triple), "missing {triple}");
    }
    // "on Monday" resolves in the dated article only.
    assert!(nq.contains("\"2021-03-15\"^^<http://www.w3.org/2001/XMLSchema#date> <https://w3id.org/newsgraph/id/article/vardby-1>"));
    assert!(
        !nq.lines()
            .any(|l| l.ends_with("vardby-3> .") && l.contains("ng#date"))
    );
}

#[test]
fn standard_input_and_directories_give_the_same_graphs_as_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.jsonl");
    let good: String = JSONL
        .lines()
        .filter(|l| !l.contains("vardby-2"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&file, &good).unwrap();
    let from_file = newsgraph_ok(&[
        "extract",
        file.to_str().unwrap(),
        "--format",
        "nq",
        "--quiet",
    ]);
    assert!(from_file.stderr.is_empty(), "--quiet prints nothing");

    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args([
            "extract",
            "-",
            "--input-format",
            "jsonl",
            "--format",
            "nq",
            "--quiet",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(good.as_bytes())
        .unwrap();
    let from_stdin = child.wait_with_output().unwrap();
    assert!(from_stdin.status.success());
    assert_eq!(from_stdin.stdout, from_file.stdout);

    // A directory, walked recursively; --glob picks the files.
    let sub = dir.path().join("corpus/2021");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::copy(&file, sub.join("news.jsonl")).unwrap();
    std::fs::write(sub.join("notes.md"), "Not an article.").unwrap();
    let corpus = dir.path().join("corpus");
    let from_dir = newsgraph_ok(&[
        "extract",
        corpus.to_str().unwrap(),
        "--format",
        "nq",
        "--quiet",
    ]);
    assert_eq!(from_dir.stdout, from_file.stdout);
    let none = newsgraph(&[
        "extract",
        corpus.to_str().unwrap(),
        "--glob",
        "*.md",
        "--input-format",
        "jsonl",
        "--format",
        "nq",
    ]);
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("notes.md: line 1: not an article"));
}

#[test]
fn entities_are_counted_across_articles() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.jsonl");
    let lines = [
        r#"{"id": "a", "text": "Tom Reyes, chief executive of Zintrex Corp., spoke in Vardby on Monday."}"#,
        r#"{"id": "b", "text": "Tom Reyes said Zintrex Corp. would hire 200 workers."}"#,
        r#"{"id": "c", "text": "Nina Olsen visited Vardby."}"#,
    ];
    std::fs::write(&file, lines.join("\n")).unwrap();
    let store = dir.path().join("db");
    let store = store.to_str().unwrap();
    let extract = || newsgraph_ok(&["extract", file.to_str().unwrap(), "--store", store]);
    let persons = || {
        let args = [
            "entities", "--store", store, "--kind", "person", "--format", "json",
        ];
        json_rows(&newsgraph_ok(&args).stdout)
    };
    extract();
    let rows = persons();
    let counts: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r[2].clone().unwrap(), r[4].clone().unwrap()))
        .collect();
    assert_eq!(
        counts,
        [
            ("Tom Reyes".to_owned(), "2".to_owned()),
            ("Nina Olsen".to_owned(), "1".to_owned())
        ]
    );
    // Extracting an article again replaces its graph: the counts stay.
    extract();
    assert_eq!(persons(), rows);
}

/// An article extracted again with other words ends up with exactly the graph a fresh
/// store gets for those words (only the changes are written), and the others keep theirs.
#[test]
fn an_article_extracted_again_gets_exactly_its_new_graph() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, a_text: &str| {
        let file = dir.path().join(name);
        let lines = [
            serde_json::json!({"id": "a", "text": a_text, "published": "2021-03-15"}),
            serde_json::json!({"id": "b", "text": "Nina Olsen visited Vardby on Monday."}),
        ];
        let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(&file, text).unwrap();
        file
    };
    let before = write(
        "before.jsonl",
        "Tom Reyes, chief executive of Zintrex Corp., said on Monday that sales rose 5% in March.",
    );
    let after = write(
        "after.jsonl",
        "Tom Reyes, chief executive of Zintrex Corp., said on Tuesday that sales fell in April.",
    );
    let export = |store: &std::path::Path| {
        let out = newsgraph_ok(&[
            "export",
            "--store",
            store.to_str().unwrap(),
            "--format",
            "nq",
        ]);
        String::from_utf8(out.stdout).unwrap()
    };
    let reused = dir.path().join("reused");
    let fresh = dir.path().join("fresh");
    let extract = |file: &std::path::Path, store: &std::path::Path| {
        newsgraph_ok(&[
            "extract",
            file.to_str().unwrap(),
            "--store",
            store.to_str().unwrap(),
        ]);
    };
    extract(&before, &reused);
    let first = export(&reused);
    extract(&after, &reused);
    extract(&after, &fresh);
    let (again, expected) = (export(&reused), export(&fresh));
    assert_ne!(first, again, "the article's graph changed");
    assert!(again.contains("sales fell in April") && !again.contains("5%"));
    assert_eq!(again, expected);
}

/// A country written differently in different articles is one entity, listed under the
/// name most of them use.
#[test]
fn entities_are_listed_under_their_most_used_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.jsonl");
    let lines = [
        r#"{"id": "a", "text": "Tom Reyes flew to the United Kingdom on Monday."}"#,
        r#"{"id": "b", "text": "Nina Olsen flew to Britain on Monday."}"#,
        r#"{"id": "c", "text": "Zintrex Corp. opened an office in Britain."}"#,
    ];
    std::fs::write(&file, lines.join("\n")).unwrap();
    let store = dir.path().join("db");
    let store = store.to_str().unwrap();
    newsgraph_ok(&["extract", file.to_str().unwrap(), "--store", store]);
    let args = [
        "entities", "--store", store, "--kind", "place", "--format", "json",
    ];
    let rows = json_rows(&newsgraph_ok(&args).stdout);
    let places: Vec<Vec<Option<String>>> = rows.into_iter().map(|r| r[2..].to_vec()).collect();
    assert_eq!(
        places,
        [[
            Some("Britain".to_owned()),
            Some("2".to_owned()),
            Some("3".to_owned())
        ]]
    );
}

/// Two articles as JSON Lines: the example and a short one of our own.
fn two_articles(dir: &std::path::Path) -> std::path::PathBuf {
    let file = dir.join("news.jsonl");
    let example_text = std::fs::read_to_string(example()).unwrap();
    let lines = [
        serde_json::json!({"id": "wic2020", "text": example_text, "published": PUBLISHED}),
        serde_json::json!({"id": "b", "text": "Tom Reyes, chief executive of Zintrex Corp., said on Monday that sales rose 5% in March.", "published": "2021-03-15"}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&file, text).unwrap();
    file
}

/// Asks every competency question of the embedded store made from `file` and of a
/// SPARQL endpoint (`port`, `path`) filled from the same file; the answers must agree.
fn answers_like_the_embedded_store(file: &std::path::Path, port: u16, path: &str) {
    let embedded = file.with_extension("db");
    newsgraph_ok(&[
        "extract",
        file.to_str().unwrap(),
        "--store",
        embedded.to_str().unwrap(),
        "--quiet",
    ]);
    let mut questions: Vec<_> = std::fs::read_dir(root().join("tests/data/cq"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    questions.sort();
    for question in questions {
        let query = std::fs::read_to_string(&question).unwrap();
        let local = newsgraph_ok(&[
            "query",
            "--store",
            embedded.to_str().unwrap(),
            "--format",
            "json",
            &query,
        ]);
        let mut want = json_rows(&local.stdout);
        let body: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("query", &query)
            .finish();
        let (status, _, answer) = http(
            port,
            "POST",
            path,
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Accept", "application/sparql-results+json"),
            ],
            body.as_bytes(),
        );
        assert_eq!(status, 200, "{question:?}: {answer}");
        let mut got = json_rows(answer.as_bytes());
        want.sort();
        got.sort();
        assert!(
            !want.is_empty() || question.ends_with("12-org-affiliation.rq"),
            "{question:?}"
        );
        assert_eq!(got, want, "{question:?}");
    }
}

/// `--endpoint` fills a Graph Store Protocol server (`newsgraph serve --writable`,
/// Oxigraph underneath) that then answers the competency questions as the embedded
/// store does.
#[test]
fn articles_pushed_to_a_graph_store_answer_like_the_embedded_store() {
    let dir = tempfile::tempdir().unwrap();
    let file = two_articles(dir.path());
    let served_store = dir.path().join("served");
    let empty = dir.path().join("empty.nt");
    std::fs::write(&empty, "").unwrap();
    newsgraph_ok(&[
        "load",
        "--store",
        served_store.to_str().unwrap(),
        empty.to_str().unwrap(),
    ]);
    let served = serve(&served_store, &["--writable"]);
    let url = format!("http://127.0.0.1:{}/store", served.port);
    let out = newsgraph_ok(&["extract", file.to_str().unwrap(), "--endpoint", &url]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 articles"));
    answers_like_the_embedded_store(&file, served.port, "/query");
}

/// The same against Virtuoso 7 (the engine of DBpedia), through its Graph Store
/// Protocol service: pushing twice replaces the graphs rather than adding to them.
#[test]
fn articles_pushed_to_virtuoso_answer_like_the_embedded_store() {
    let dir = tempfile::tempdir().unwrap();
    let file = two_articles(dir.path());
    let server = Virtuoso::start(dir.path());
    server.sql("GRANT SPARQL_UPDATE TO \"SPARQL\";");
    let url = format!("http://127.0.0.1:{}/sparql-graph-crud", server.http_port);
    let older = dir.path().join("older.jsonl");
    let first = r#"{"id": "b", "text": "Nina Olsen, head of Vardby Bank, said on Friday that costs fell 3% in May.", "published": "2021-03-12"}"#;
    std::fs::write(&older, first).unwrap();
    for source in [&older, &file] {
        newsgraph_ok(&["extract", source.to_str().unwrap(), "--endpoint", &url]);
    }
    answers_like_the_embedded_store(&file, server.http_port, "/sparql");
}

#[test]
fn an_unreachable_graph_store_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/store");
    let out = newsgraph(&["extract", example().to_str().unwrap(), "--endpoint", &url]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&url) && stderr.contains("after 4 attempts"),
        "{stderr}"
    );
    let _ = dir;
}

/// A short name gets the node of the fuller name an earlier article gave, unless two
/// fuller names compete for it.
#[test]
fn short_names_take_the_fuller_names_of_earlier_articles() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.jsonl");
    let lines = [
        r#"{"id": "a", "text": "Tom Reyes, chief executive of Zintrex Corp., spoke in Vardby on Monday."}"#,
        r#"{"id": "b", "text": "Reyes said the plant would open next year."}"#,
        r#"{"id": "c", "text": "Ana Reyes, a teacher, spoke too."}"#,
        r#"{"id": "d", "text": "Reyes said the plant would close."}"#,
    ];
    std::fs::write(&file, lines.join("\n")).unwrap();
    let out = newsgraph_ok(&[
        "extract",
        file.to_str().unwrap(),
        "--format",
        "nq",
        "--quiet",
    ]);
    let nq = String::from_utf8(out.stdout).unwrap();
    let person_in = |article: &str| -> Vec<String> {
        nq.lines()
            .filter(|l| {
                l.ends_with(&format!("/article/{article}> ."))
                    && l.contains(
                        "rdf-syntax-ns#type> <https://w3id.org/newsgraph/ontology#Person>",
                    )
            })
            .map(|l| l.split(' ').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        person_in("b"),
        ["<https://w3id.org/newsgraph/id/person/tom-reyes>"]
    );
    // After "Ana Reyes", a bare "Reyes" is no longer known to be Tom.
    assert_eq!(
        person_in("d"),
        ["<https://w3id.org/newsgraph/id/person/reyes>"]
    );
}
