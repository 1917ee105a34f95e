//! Bad input, named: each kind of bad file gets a message with the file and the place,
//! the other inputs are still processed, the exit status says so, and nothing panics.

mod common;

use common::*;
use std::path::Path;
use std::process::Output;

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// No panic, no crash: a normal exit with status 0, 1 or 2.
fn exited_cleanly(out: &Output) -> i32 {
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {}", stderr(out)));
    assert!(matches!(code, 0..=2), "exit {code}: {}", stderr(out));
    assert!(!stderr(out).contains("panicked"), "{}", stderr(out));
    code
}

fn articles_in(nq: &Path) -> usize {
    let text = std::fs::read_to_string(nq).unwrap_or_default();
    let mut graphs: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim_end_matches(" .").rsplit_once(" <").map(|(_, g)| g))
        .collect();
    graphs.sort();
    graphs.dedup();
    graphs.len()
}

#[test]
fn bad_files_are_named_and_the_others_still_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = "Nina Olsen, the chief executive of Vantor, said the firm would grow.\n";
    let files: &[(&str, &[u8])] = &[
        ("good.txt", good.as_bytes()),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"),
        ("empty.txt", b""),
        ("blank.txt", b"  \n\t\r\n  "),
        ("bom.txt", "\u{feff}Tom Reyes met Nina Olsen in Oslo.\r\n".as_bytes()),
        ("crlf.txt", b"Tom Reyes resigned.\r\n\r\n\"We will miss him,\" said Nina Olsen.\r\n"),
        ("quotes.txt", "\"He said \u{201c}no\" and \u{2018}\u{2018}then\u{201d} \"\" \"nested \"quotes\" here".as_bytes()),
        ("scripts.txt", "Nina Olsen \u{645}\u{62d}\u{645}\u{62f} \u{4e2d}\u{56fd} \u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{1f600} met Tom Reyes.".as_bytes()),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let p = d.join(name);
        std::fs::write(&p, bytes).unwrap();
        paths.push(p.to_str().unwrap().to_owned());
    }
    let out_file = d.join("out.nq");
    let mut args = vec!["extract"];
    args.extend(paths.iter().map(String::as_str));
    args.extend(["--output", out_file.to_str().unwrap()]);
    let out = newsgraph(&args);
    assert_eq!(exited_cleanly(&out), 1, "some inputs failed: status 1");
    let err = stderr(&out);
    assert!(
        err.contains("binary.txt: not UTF-8 text (invalid byte at offset 0)"),
        "{err}"
    );
    assert!(err.contains("empty.txt: no text"), "{err}");
    assert!(err.contains("blank.txt: no text"), "{err}");
    assert_eq!(
        articles_in(&out_file),
        5,
        "the good, BOM, CRLF, quotes and scripts files"
    );
    // The BOM is no character of the article: offsets count from after it.
    let nq = std::fs::read_to_string(&out_file).unwrap();
    assert!(nq.contains("\"Tom Reyes\""), "{nq}");
    let bom_reyes = nq.lines().find(|l| {
        l.contains("/article/bom") && l.contains("anchorOf") && l.contains("\"Tom Reyes\"")
    });
    assert!(bom_reyes.is_some());
}

#[test]
fn json_lines_name_their_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("articles.jsonl");
    let long_line =
        serde_json::json!({"id": "long", "text": "word ".repeat(2_000_000)}).to_string();
    let content = format!(
        "\u{feff}{{\"id\": \"a\", \"text\": \"Tom Reyes resigned.\"}}\r\n\
         {{\"id\": \"b\", \"text\": \"\"}}\n\
         {{not json\n\
         {{\"id\": \"c\", \"text\": 5}}\n\
         {{\"id\": \"d\", \"text\": \"Nina Olsen won.\", \"published\": \"yesterday\"}}\n\
         {long_line}\n"
    );
    std::fs::write(&jsonl, content).unwrap();
    let out_file = dir.path().join("out.nq");
    let out = newsgraph(&[
        "extract",
        jsonl.to_str().unwrap(),
        "--output",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(exited_cleanly(&out), 1);
    let err = stderr(&out);
    for line in [2, 3, 4, 5] {
        assert!(
            err.contains(&format!("articles.jsonl: line {line}:")),
            "line {line}: {err}"
        );
    }
    assert!(err.contains("not a date"), "{err}");
    // The BOM-opened first line and the 10 MB line without punctuation are read.
    assert_eq!(articles_in(&out_file), 2, "{err}");
}

#[test]
fn a_directory_with_unreadable_entries_reads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("folder.txt")).unwrap();
    std::fs::write(corpus.join("good.txt"), "Tom Reyes resigned in Oslo.").unwrap();
    std::os::unix::fs::symlink(dir.path().join("nowhere.txt"), corpus.join("dangling.txt"))
        .unwrap();
    let out_file = dir.path().join("out.nq");
    let out = newsgraph(&[
        "extract",
        corpus.to_str().unwrap(),
        "--output",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(exited_cleanly(&out), 1);
    let err = stderr(&out);
    assert!(err.contains("dangling.txt"), "{err}");
    assert_eq!(articles_in(&out_file), 1);
}

#[test]
fn a_long_article_without_punctuation_is_read() {
    // 2 MB of words and no full stop: one "sentence" the analysis cuts into pieces.
    let dir = tempfile::tempdir().unwrap();
    let text = "tom reyes met nina olsen in the city and ".repeat(50_000);
    let file = dir.path().join("long.txt");
    std::fs::write(&file, text).unwrap();
    let out_file = dir.path().join("out.nq");
    let out = newsgraph(&[
        "extract",
        file.to_str().unwrap(),
        "--output",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(exited_cleanly(&out), 0);
    assert_eq!(articles_in(&out_file), 1);
}

#[test]
fn a_store_in_use_is_said_so_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let _writer = serve(&store, &["--writable"]);
    let started = std::time::Instant::now();
    for args in [
        vec![
            "extract",
            example().to_str().unwrap().to_owned().leak(),
            "--store",
            store.to_str().unwrap(),
        ],
        vec![
            "load",
            "--store",
            store.to_str().unwrap(),
            example().to_str().unwrap().to_owned().leak(),
        ],
        vec!["update", "--store", store.to_str().unwrap(), "CLEAR ALL"],
    ] {
        let out = newsgraph(&args);
        assert_eq!(exited_cleanly(&out), 2, "{args:?}");
        assert!(
            stderr(&out).contains("in use by another process"),
            "{}",
            stderr(&out)
        );
    }
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "no hang"
    );
    // Reading alongside the writer works.
    let out = newsgraph(&[
        "query",
        "--store",
        store.to_str().unwrap(),
        "ASK { ?s ?p ?o }",
    ]);
    assert_eq!(exited_cleanly(&out), 0, "{}", stderr(&out));
}

#[test]
fn sparql_errors_show_the_place_and_formats_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.nt");
    std::fs::write(&data, "<http://a.example/s> <http://a.example/p> \"o\" .\n").unwrap();
    let out = newsgraph(&[
        "query",
        "--data",
        data.to_str().unwrap(),
        "SELECT * WHERE {\n  ?s ?p ?o .\n  ?s ?q\n}",
    ]);
    assert_eq!(exited_cleanly(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("SPARQL syntax error at line 4, column"),
        "{err}"
    );
    assert!(err.contains("\n  }\n   ^"), "{err}");
    let odd = dir.path().join("graph.xyz");
    std::fs::write(&odd, "x").unwrap();
    let store = dir.path().join("store");
    let out = newsgraph(&[
        "load",
        "--store",
        store.to_str().unwrap(),
        odd.to_str().unwrap(),
        data.to_str().unwrap(),
    ]);
    // A load is all or nothing: one bad file, nothing loaded (status 2).
    assert_eq!(exited_cleanly(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains(
            "graph.xyz: unknown RDF format (use .ttl, .nt, .nq, .trig, .rdf or .jsonld, or one of them with .gz)"
        ),
        "{err}"
    );
    assert!(err.contains("the store is unchanged"), "{err}");
}
