//! Kill it and nothing is lost: `extract --store`, `load` and `serve --writable` are
//! killed with SIGKILL at random moments; the store then opens and answers, every
//! article graph in it is absent or exactly what a clean run writes (per-graph hashes),
//! every acknowledged write survives, and running again completes the store.
//!
//! NEWSGRAPH_KILLS sets the number of kills (20 by default: half for extract, a quarter
//! each for load and serve); `scripts/kill-test.sh` runs 200.

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn kills() -> usize {
    std::env::var("NEWSGRAPH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(20)
}

/// A small random generator (xorshift), seeded from the clock and printed, so a failing
/// run can be told apart from the next.
struct Random(u64);

impl Random {
    fn new() -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            | 1;
        eprintln!("kill test seed {seed}");
        Self(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// `n` articles as JSON Lines: the example's paragraphs, rotated, under new ids.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let text = std::fs::read_to_string(example()).unwrap();
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut lines = String::new();
    for k in 0..n {
        let r = k % paragraphs.len();
        let rotated: Vec<&str> = paragraphs[r..]
            .iter()
            .chain(&paragraphs[..r])
            .copied()
            .collect();
        let article = serde_json::json!({
            "id": format!("article-{k:04}"),
            "text": rotated.join("\n\n"),
            "published": "2021-03-15",
        });
        lines.push_str(&article.to_string());
        lines.push('\n');
    }
    let path = dir.join("corpus.jsonl");
    std::fs::write(&path, lines).unwrap();
    path
}

/// Each named graph of a store with the hash of its sorted N-Quads lines.
fn graph_hashes(store: &Path) -> BTreeMap<String, u64> {
    let out = newsgraph_ok(&[
        "export",
        "--store",
        store.to_str().unwrap(),
        "--format",
        "nq",
    ]);
    let mut graphs: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let line = line.trim_end_matches(" .");
        let Some(at) = line.rfind(" <") else { continue };
        graphs
            .entry(line[at + 1..].to_owned())
            .or_default()
            .insert(line[..at].to_owned());
    }
    graphs
        .into_iter()
        .map(|(graph, lines)| {
            let mut h = DefaultHasher::new();
            lines.hash(&mut h);
            (graph, h.finish())
        })
        .collect()
}

/// Runs `args`, kills it after `delay`, and says whether it had finished by then.
fn run_and_kill(args: &[&str], delay: Duration) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + delay;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    false
}

/// Every graph of `got` is one of `clean`, whole.
fn no_torn_graphs(got: &BTreeMap<String, u64>, clean: &BTreeMap<String, u64>, when: &str) {
    for (graph, hash) in got {
        assert_eq!(
            clean.get(graph),
            Some(hash),
            "{when}: graph {graph} torn or foreign"
        );
    }
}

/// A PUT of N-Triples with the token; its status, or `None` if the server is gone.
fn put(port: u16, target: &str, body: &str) -> Option<u16> {
    use std::io::{Read, Write};
    let mut socket = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    let head = format!(
        "PUT {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
         Content-Type: application/n-triples\r\nAuthorization: Bearer {TOKEN}\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    socket.write_all(head.as_bytes()).ok()?;
    let mut answer = String::new();
    socket.read_to_string(&mut answer).ok()?;
    answer.get(9..12)?.parse().ok()
}

fn leftovers(store: &Path) -> Vec<String> {
    std::fs::read_dir(store)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("bulk-") && n.ends_with(".sst"))
        .collect()
}

#[test]
fn killed_extractions_and_loads_leave_whole_graphs() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path(), 300);
    let clean_store = dir.path().join("clean");
    let started = Instant::now();
    newsgraph_ok(&[
        "extract",
        corpus.to_str().unwrap(),
        "--store",
        clean_store.to_str().unwrap(),
        "--quiet",
    ]);
    let full = started.elapsed();
    let clean = graph_hashes(&clean_store);
    assert!(clean.len() >= 300, "{} graphs", clean.len());
    let mut random = Random::new();
    let total = kills();

    // extract --store, killed again and again into one store, then run to the end.
    let store = dir.path().join("killed");
    let mut killed = 0;
    for k in 0..total / 2 {
        // Mostly before the run ends: a store new or partly filled, then re-extracted.
        let delay = Duration::from_millis(random.below(full.as_millis() as u64 * 9 / 10 + 1));
        let args = [
            "extract",
            corpus.to_str().unwrap(),
            "--store",
            store.to_str().unwrap(),
            "--quiet",
        ];
        killed += usize::from(!run_and_kill(&args, delay));
        if store.exists() {
            let when = format!("extract kill {k} after {delay:?}");
            no_torn_graphs(&graph_hashes(&store), &clean, &when);
        }
    }
    newsgraph_ok(&[
        "extract",
        corpus.to_str().unwrap(),
        "--store",
        store.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(
        graph_hashes(&store),
        clean,
        "the extraction run again completes the store"
    );
    assert!(leftovers(&store).is_empty(), "{:?}", leftovers(&store));
    eprintln!("extract: {killed} kills, no torn graph");

    // load of the clean graphs as N-Quads: all of them or none after a kill.
    let nq = dir.path().join("all.nq");
    let out = newsgraph_ok(&[
        "export",
        "--store",
        clean_store.to_str().unwrap(),
        "--format",
        "nq",
    ]);
    std::fs::write(&nq, out.stdout).unwrap();
    let started = Instant::now();
    let probe = dir.path().join("probe");
    newsgraph_ok(&[
        "load",
        "--store",
        probe.to_str().unwrap(),
        nq.to_str().unwrap(),
    ]);
    let full = started.elapsed();
    let mut killed = 0;
    for k in 0..total / 4 {
        let store = dir.path().join(format!("load-{k}"));
        let delay = Duration::from_millis(random.below(full.as_millis() as u64 + 20));
        killed += usize::from(!run_and_kill(
            &[
                "load",
                "--store",
                store.to_str().unwrap(),
                nq.to_str().unwrap(),
            ],
            delay,
        ));
        if !store.exists() {
            continue;
        }
        let got = graph_hashes(&store);
        assert!(
            got.is_empty() || got == clean,
            "load kill {k} after {delay:?}: {} of {} graphs",
            got.len(),
            clean.len()
        );
        // Loading again completes it, and what the killed load left is gone.
        newsgraph_ok(&[
            "load",
            "--store",
            store.to_str().unwrap(),
            nq.to_str().unwrap(),
        ]);
        assert_eq!(graph_hashes(&store), clean);
        assert!(leftovers(&store).is_empty(), "{:?}", leftovers(&store));
    }
    eprintln!("load: {killed} kills, all or nothing each time");
}

#[test]
fn acknowledged_writes_survive_a_killed_server() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let empty = dir.path().join("empty.nt");
    std::fs::write(&empty, "").unwrap();
    newsgraph_ok(&[
        "load",
        "--store",
        store.to_str().unwrap(),
        empty.to_str().unwrap(),
    ]);
    let mut random = Random::new();
    let mut acknowledged: BTreeMap<String, String> = BTreeMap::new();
    let mut n = 0;
    for k in 0..kills().div_ceil(4) {
        let served = serve(&store, &["--writable"]);
        let port = served.port;
        let writes = 5 + random.below(40);
        let killer = {
            let pid = served.pid();
            let delay = Duration::from_millis(20 + random.below(200));
            std::thread::spawn(move || {
                std::thread::sleep(delay);
                let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            })
        };
        for _ in 0..writes {
            n += 1;
            let graph = format!("http://example.org/g{n}");
            let body = (0..20)
                .map(|i| format!("<http://example.org/s{n}-{i}> <http://example.org/p> \"{i}\" ."))
                .collect::<Vec<_>>()
                .join("\n");
            let target = format!(
                "/store?graph={}",
                form_urlencoded::byte_serialize(graph.as_bytes()).collect::<String>()
            );
            match put(port, &target, &body) {
                Some(201 | 204) => {
                    acknowledged.insert(graph, body);
                }
                _ => break,
            }
        }
        killer.join().unwrap();
        drop(served);
        // Every acknowledged graph is there, whole.
        let got = graph_hashes(&store);
        for graph in acknowledged.keys() {
            assert!(
                got.contains_key(&format!("<{graph}>")),
                "server kill {k}: acknowledged {graph} lost"
            );
        }
    }
    let served = serve(&store, &[]);
    for (graph, body) in &acknowledged {
        let target = format!(
            "/store?graph={}",
            form_urlencoded::byte_serialize(graph.as_bytes()).collect::<String>()
        );
        let (status, _, text) = http(
            served.port,
            "GET",
            &target,
            &[("Accept", "application/n-triples")],
            b"",
        );
        assert_eq!(status, 200);
        assert_eq!(text.lines().count(), body.lines().count(), "{graph}");
    }
    eprintln!(
        "serve: {} acknowledged writes survived the kills",
        acknowledged.len()
    );
}
