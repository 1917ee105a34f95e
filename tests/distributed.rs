//! The Python package (built here with maturin) and the engine jobs of `examples/`,
//! run for real: Spark in `local[2]` and Ray with 2 CPUs over a corpus of invented
//! articles. Their shards together must be `newsgraph extract --independent` of the
//! corpus, byte for byte, and stores loaded from them (by `newsgraph load` and by
//! Oxigraph's own command-line tool) must answer the competency questions as the
//! embedded store does.

mod common;

use common::{newsgraph, newsgraph_ok, root};
use flate2::read::MultiGzDecoder;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn venv(tool: &str) -> PathBuf {
    let path = root().join(".venv/bin").join(tool);
    assert!(
        path.exists(),
        "{} is missing: run scripts/setup.sh",
        path.display()
    );
    path
}

/// Builds the wheel and installs it into .venv, once for the tests of this file.
fn wheel() -> &'static Path {
    static WHEEL: OnceLock<PathBuf> = OnceLock::new();
    WHEEL.get_or_init(|| {
        let out = Command::new("bash")
            .arg(root().join("scripts/build-wheel.sh"))
            .arg("--install")
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "the wheel does not build:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.contains("manylinux_2_17_x86_64") || name.contains("manylinux2014"),
            "not a manylinux wheel: {name}"
        );
        path
    })
}

fn run_ok(command: &mut Command, what: &str) -> String {
    let out = command.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{what} failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// A file's text, gunzipped when its name ends with `.gz`; nothing for a file that is
/// not text (the checksums Hadoop's file system writes beside the shards).
fn read_text(path: &Path) -> String {
    let mut text = String::new();
    if path.to_string_lossy().ends_with(".gz") {
        MultiGzDecoder::new(std::fs::File::open(path).unwrap())
            .read_to_string(&mut text)
            .unwrap();
    } else {
        text = std::fs::read_to_string(path).unwrap_or_default();
    }
    text
}

/// The lines of every `.nq.gz` shard under `dir`, sorted.
fn shard_lines(dir: &Path) -> Vec<String> {
    let mut lines = Vec::new();
    let mut shards = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".nq.gz") {
            shards += 1;
            lines.extend(read_text(&path).lines().map(str::to_owned));
        }
    }
    assert!(shards > 1, "{} shards in {}", shards, dir.display());
    lines.sort();
    lines
}

/// The ids of the failed articles listed in the JSON Lines files (gzipped or not) of `dir`.
fn failed_ids(dir: &Path) -> Vec<String> {
    let mut ids = Vec::new();
    // No directory: no article failed (Spark writes no partition for a kind it never saw).
    let Ok(entries) = std::fs::read_dir(dir) else {
        return ids;
    };
    for entry in entries {
        let text = read_text(&entry.unwrap().path());
        for line in text.lines().filter(|l| l.starts_with('{')) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            ids.push(v["id"].as_str().unwrap().to_owned());
        }
    }
    ids.sort();
    ids
}

/// Each competency question's answer over a store, as sorted CSV lines.
fn answers(store: &Path) -> Vec<(String, Vec<String>)> {
    let mut cqs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/data/cq"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cqs.sort();
    cqs.iter()
        .map(|cq| {
            let out = newsgraph_ok(&[
                "query",
                "--store",
                store.to_str().unwrap(),
                "--query-file",
                cq.to_str().unwrap(),
                "--format",
                "csv",
            ]);
            let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_owned)
                .collect();
            lines.sort();
            (
                cq.file_name().unwrap().to_string_lossy().into_owned(),
                lines,
            )
        })
        .collect()
}

#[test]
fn spark_and_ray_shards_are_the_graph_of_the_corpus() {
    wheel();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // NEWSGRAPH_DISTRIBUTED_CORPUS=FILE.jsonl runs it all on a real corpus instead (the
    // bench corpus: `NEWSGRAPH_DISTRIBUTED_CORPUS=../shared/corpus/bench/bbc.jsonl cargo
    // test --release --test distributed -- spark`).
    let given = std::env::var_os("NEWSGRAPH_DISTRIBUTED_CORPUS").map(PathBuf::from);
    let corpus = match &given {
        Some(path) => std::fs::canonicalize(path).expect("NEWSGRAPH_DISTRIBUTED_CORPUS exists"),
        None => {
            let corpus = d.join("corpus.jsonl");
            let generated = run_ok(
                Command::new(venv("python"))
                    .arg(root().join("tests/data/invented_corpus.py"))
                    .arg("300"),
                "the corpus generator",
            );
            std::fs::write(&corpus, generated).unwrap();
            corpus
        }
    };

    // The graph the command line makes of it (two bad articles skipped, exit status 1).
    let native = d.join("native.nq");
    let out = newsgraph(&[
        "extract",
        corpus.to_str().unwrap(),
        "--independent",
        "--format",
        "nq",
        "-o",
        native.to_str().unwrap(),
        "-q",
    ]);
    if given.is_none() {
        assert_eq!(out.status.code(), Some(1), "two articles are bad");
    }
    let mut expected: Vec<String> = std::fs::read_to_string(&native)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    expected.sort();
    assert!(expected.len() > 50_000, "{} quads", expected.len());

    let python = venv("python");
    run_ok(
        Command::new(&python)
            .current_dir(d)
            .env("PYSPARK_PYTHON", &python)
            .arg(root().join("examples/spark/extract_corpus.py"))
            .args([corpus.to_str().unwrap(), "spark", "--master", "local[2]"])
            .args(["--partitions", "4"]),
        "the Spark job",
    );
    run_ok(
        Command::new(&python)
            .current_dir(d)
            .arg(root().join("examples/ray/extract_corpus.py"))
            .args([corpus.to_str().unwrap(), "ray", "--cpus", "2"])
            .args(["--partitions", "4"]),
        "the Ray job",
    );
    // Spark writes by kind (one pass), Ray's datasink into two directories.
    let graphs_of = |engine: &str| match engine {
        "spark" => d.join("spark/kind=nquads"),
        _ => d.join("ray/nquads"),
    };
    let errors_of = |engine: &str| match engine {
        "spark" => d.join("spark/kind=errors"),
        _ => d.join("ray/errors"),
    };
    let bad: Vec<String> = match given {
        None => vec!["invented-0007".into(), "invented-0011".into()],
        Some(_) => failed_ids(&errors_of("spark")),
    };
    for engine in ["spark", "ray"] {
        let shards = shard_lines(&graphs_of(engine));
        assert!(
            shards == expected,
            "{engine}: the shards differ from `newsgraph extract` ({} lines against {})",
            shards.len(),
            expected.len()
        );
        assert_eq!(failed_ids(&errors_of(engine)), bad, "{engine}");
    }

    // Stores: embedded by extract, loaded from Spark's shards by newsgraph and from
    // Ray's by Oxigraph's own tool; every question gets the same answer from each.
    let embedded = d.join("embedded");
    newsgraph(&[
        "extract",
        corpus.to_str().unwrap(),
        "--independent",
        "--store",
        embedded.to_str().unwrap(),
        "-q",
    ]);
    let gz = |engine: &str| -> Vec<String> {
        std::fs::read_dir(graphs_of(engine))
            .unwrap()
            .map(|e| e.unwrap().path().to_string_lossy().into_owned())
            .filter(|p| p.ends_with(".nq.gz"))
            .collect()
    };
    let from_spark = d.join("from-spark");
    let mut load = vec!["load", "--store", from_spark.to_str().unwrap()];
    let spark_shards = gz("spark");
    load.extend(spark_shards.iter().map(String::as_str));
    newsgraph_ok(&load);
    let from_ray = d.join("from-ray");
    run_ok(
        Command::new(venv("oxigraph"))
            .args(["load", "--location", from_ray.to_str().unwrap(), "--file"])
            .args(gz("ray")),
        "oxigraph load",
    );
    let wanted = answers(&embedded);
    assert!(wanted.iter().filter(|(_, rows)| rows.len() > 1).count() >= 5);
    assert_eq!(
        answers(&from_spark),
        wanted,
        "newsgraph load of Spark's shards"
    );
    assert_eq!(answers(&from_ray), wanted, "oxigraph load of Ray's shards");
}

#[test]
fn the_python_module_extracts_as_the_command_line_does() {
    wheel();
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("examples/wic2020.txt");
    let cli = dir.path().join("wic2020.nq");
    newsgraph_ok(&[
        "extract",
        example.to_str().unwrap(),
        "--published",
        "2020-11-23",
        "--independent",
        "--format",
        "nq",
        "-o",
        cli.to_str().unwrap(),
        "-q",
    ]);
    let out = run_ok(
        Command::new(venv("python"))
            .arg(root().join("tests/data/python_module.py"))
            .args([example.to_str().unwrap(), cli.to_str().unwrap()])
            .arg(env!("CARGO_PKG_VERSION")),
        "tests/data/python_module.py",
    );
    assert!(out.contains("every check passed"), "{out}");
}
