//! Helpers shared by the integration tests: the real binary, the example article,
//! and the competency-question scorer (the same matching rules as shared/eval/score.py).
#![allow(dead_code)]

use sophia::api::prelude::*;
use sophia::inmem::dataset::LightDataset;
use sophia::inmem::graph::LightGraph;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

pub const PUBLISHED: &str = "2020-11-23";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An installed command-line tool (rapper, serdi), or a failure saying how to get it.
pub fn tool(name: &str) -> Command {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .unwrap();
    assert!(
        found.status.success(),
        "{name} is not installed: run scripts/setup.sh (Debian packages raptor2-utils, serdi)"
    );
    Command::new(name)
}

/// The Python of the venv that scripts/setup.sh makes (rdflib, SPARQLWrapper, pyshacl).
pub fn python() -> Command {
    let python = root().join(".venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run scripts/setup.sh",
        python.display()
    );
    Command::new(python)
}

pub fn example() -> PathBuf {
    root().join("examples/wic2020.txt")
}

/// The token of writable test servers (`serve --writable` and `extract --endpoint`
/// read it from NEWSGRAPH_TOKEN).
pub const TOKEN: &str = "test-token-0123456789";

pub fn newsgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .env("NEWSGRAPH_TOKEN", TOKEN)
        .output()
        .expect("the newsgraph binary runs")
}

/// Runs the binary and insists that it succeeded.
pub fn newsgraph_ok(args: &[&str]) -> Output {
    let out = newsgraph(args);
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Extracts the example into `dir/name` and returns the path.
pub fn extract_example(dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(name);
    newsgraph_ok(&[
        "extract",
        example().to_str().unwrap(),
        "--published",
        PUBLISHED,
        "--output",
        out.to_str().unwrap(),
    ]);
    out
}

/// Extracts the example into an on-disk store `dir/store` and returns its path.
pub fn example_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    newsgraph_ok(&[
        "extract",
        example().to_str().unwrap(),
        "--published",
        PUBLISHED,
        "--store",
        store.to_str().unwrap(),
    ]);
    store
}

/// SPARQL JSON results → rows of optional values.
pub fn json_rows(stdout: &[u8]) -> Vec<Vec<Option<String>>> {
    let v: serde_json::Value = serde_json::from_slice(stdout).expect("SPARQL JSON results");
    let vars: Vec<String> = v["head"]["vars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect();
    v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            vars.iter()
                .map(|n| b.get(n).map(|c| c["value"].as_str().unwrap().to_owned()))
                .collect()
        })
        .collect()
}

/// Asks the question in file `cq` over the RDF file `graph` through `newsgraph query`
/// and returns the rows of its SPARQL JSON results.
pub fn ask_json(graph: &Path, cq: &Path) -> Vec<Vec<Option<String>>> {
    let out = newsgraph_ok(&[
        "query",
        "--data",
        graph.to_str().unwrap(),
        "--query-file",
        cq.to_str().unwrap(),
        "--format",
        "json",
    ]);
    json_rows(&out.stdout)
}

/// Case-, punctuation- and quote-insensitive form of a value.
pub fn norm(s: &str) -> String {
    let s = s
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace("'s ", " ")
        .to_lowercase();
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.strip_prefix("the ").map(str::to_owned).unwrap_or(s)
}

pub fn cell_ok(gold: &str, value: Option<&str>) -> bool {
    if gold == "*" {
        return true;
    }
    let Some(value) = value else { return false };
    let v = norm(value);
    gold.split('|').any(|alt| match alt.strip_prefix('~') {
        Some(part) => v.contains(&norm(part)),
        None => norm(alt) == v,
    })
}

pub fn row_ok(gold: &[String], row: &[Option<String>]) -> bool {
    gold.iter().zip(row).all(|(g, v)| cell_ok(g, v.as_deref()))
}

/// Largest one-to-one pairing of gold rows with system rows; returns for each system
/// row the gold row it is paired with.
pub fn max_matching(gold: &[Vec<String>], rows: &[Vec<Option<String>>]) -> Vec<Option<usize>> {
    fn try_gold(
        g: usize,
        gold: &[Vec<String>],
        rows: &[Vec<Option<String>>],
        seen: &mut Vec<bool>,
        owner: &mut Vec<Option<usize>>,
    ) -> bool {
        for s in 0..rows.len() {
            if seen[s] || !row_ok(&gold[g], &rows[s]) {
                continue;
            }
            seen[s] = true;
            if owner[s].is_none() || try_gold(owner[s].unwrap(), gold, rows, seen, owner) {
                owner[s] = Some(g);
                return true;
            }
        }
        false
    }
    let mut owner = vec![None; rows.len()];
    for g in 0..gold.len() {
        let mut seen = vec![false; rows.len()];
        try_gold(g, gold, rows, &mut seen, &mut owner);
    }
    owner
}

/// The triples of a dataset, graph names dropped.
pub fn triples_of(dataset: &LightDataset) -> LightGraph {
    let mut graph = LightGraph::new();
    for q in dataset.quads() {
        let q = q.unwrap();
        graph.insert(q.s(), q.p(), q.o()).unwrap();
    }
    graph
}

/// A running `newsgraph serve`, stopped when dropped.
pub struct Served {
    child: Child,
    /// The port it listens on.
    pub port: u16,
}

impl Served {
    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(store: &Path, extra: &[&str]) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args([
            "serve",
            "--store",
            store.to_str().unwrap(),
            "--bind",
            "127.0.0.1:0",
        ])
        .args(extra)
        .env("NEWSGRAPH_TOKEN", TOKEN)
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Served { child, port }
}

/// One HTTP/1.1 exchange over a plain socket: (status, content type, body).
pub fn http(
    port: u16,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, String, String) {
    let mut socket = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut request = format!(
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    socket.write_all(request.as_bytes()).unwrap();
    socket.write_all(body).unwrap();
    let mut response = Vec::new();
    socket.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head[9..12].parse().unwrap();
    let content_type = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-type")
                .then(|| v.trim().to_owned())
        })
        .unwrap_or_default();
    (status, content_type, body.to_owned())
}

/// A Virtuoso 7 server (Debian's `virtuoso-opensource-7-bin`, the engine of DBpedia's
/// endpoint) in a directory of its own, on free ports of 127.0.0.1; stopped when dropped.
pub struct Virtuoso {
    child: Child,
    /// Its HTTP port: `/sparql`, and the Graph Store Protocol at `/sparql-graph-crud`.
    pub http_port: u16,
    sql_port: u16,
    /// Its directory (files to load must lie inside).
    pub dir: PathBuf,
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Virtuoso {
    /// Starts the server and waits (up to a minute) until it takes SQL.
    pub fn start(dir: &Path) -> Self {
        let dir = dir.join("virtuoso");
        std::fs::create_dir_all(&dir).unwrap();
        let (sql_port, http_port) = (free_port(), free_port());
        let d = dir.to_str().unwrap();
        let ini = dir.join("virtuoso.ini");
        std::fs::write(
            &ini,
            format!(
                "[Database]\nDatabaseFile = {d}/v.db\nErrorLogFile = {d}/v.log\nTransactionFile = {d}/v.trx\n\
                 xa_persistent_file = {d}/v.pxa\n[TempDatabase]\nDatabaseFile = {d}/t.db\nTransactionFile = {d}/t.trx\n\
                 [Parameters]\nServerPort = 127.0.0.1:{sql_port}\nDirsAllowed = {d}\nNumberOfBuffers = 10000\n\
                 MaxDirtyBuffers = 6000\nCheckpointInterval = 0\n\
                 [HTTPServer]\nServerPort = 127.0.0.1:{http_port}\nServerRoot = {d}\nServerThreads = 4\n\
                 [SPARQL]\nResultSetMaxRows = 10000\nMaxQueryExecutionTime = 60\n"
            ),
        )
        .unwrap();
        let child = Command::new("virtuoso-t")
            .args(["+foreground", "+configfile", ini.to_str().unwrap()])
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("virtuoso-t runs (scripts/setup.sh installs virtuoso-opensource-7-bin)");
        let server = Virtuoso {
            child,
            http_port,
            sql_port,
            dir,
        };
        // The SQL port opens before the server takes work.
        for _ in 0..120 {
            if server.try_sql("SELECT 1;") {
                return server;
            }
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
        panic!("Virtuoso did not start in {}", server.dir.display());
    }

    fn try_sql(&self, statement: &str) -> bool {
        let out = Command::new("isql-vt")
            .args([
                &format!("127.0.0.1:{}", self.sql_port),
                "dba",
                "dba",
                &format!("exec={statement}"),
            ])
            .output()
            .expect("isql-vt runs");
        out.status.success() && !String::from_utf8_lossy(&out.stderr).contains("Error")
    }

    /// Runs one SQL statement as `dba`; panics if it fails.
    pub fn sql(&self, statement: &str) {
        assert!(self.try_sql(statement), "Virtuoso refused: {statement}");
    }
}
