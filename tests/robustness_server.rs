//! `serve` holds its doors: writes need the token, the Host header must name the
//! server, CORS is off unless asked for, SERVICE and LOAD reach only what the operator
//! allowed (no server-side request forgery), updates past the time limit write nothing,
//! bodies past the limit are refused — each over a real socket to a real server.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

const BEARER: &str = "Bearer test-token-0123456789";

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// One exchange with the raw request head given whole; (status, head, body).
fn exchange(port: u16, head: &str, body: &[u8]) -> (u16, String, String) {
    let mut socket = TcpStream::connect(("127.0.0.1", port)).unwrap();
    socket.write_all(head.as_bytes()).unwrap();
    // (A server that refuses a body may answer and close before reading it all.)
    let _ = socket.write_all(body);
    let mut response = Vec::new();
    let _ = socket.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    (
        head[9..12].parse().unwrap(),
        head.to_owned(),
        body.to_owned(),
    )
}

/// A request with the usual Host and the given extra header lines.
fn request(
    port: u16,
    method: &str,
    target: &str,
    headers: &[&str],
    body: &[u8],
) -> (u16, String, String) {
    let mut head = format!(
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for h in headers {
        head.push_str(h);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    exchange(port, &head, body)
}

fn count(port: u16) -> usize {
    let q = encode("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    let (status, _, body) = request(
        port,
        "GET",
        &format!("/query?query={q}&format=csv"),
        &[],
        b"",
    );
    assert_eq!(status, 200, "{body}");
    body.lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn a_writable_server_needs_a_token_and_writes_need_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    // No token, no writable server.
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args([
            "serve",
            "--store",
            store.to_str().unwrap(),
            "--bind",
            "127.0.0.1:0",
            "--writable",
        ])
        .env_remove("NEWSGRAPH_TOKEN")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--token-file"));

    let served = serve(&store, &["--writable"]);
    let port = served.port;
    let before = count(port);
    let graph = format!("/store?graph={}", encode("http://example.org/g"));
    let turtle = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .";
    let (status, head, _) = request(port, "PUT", &graph, &["Content-Type: text/turtle"], turtle);
    assert_eq!(status, 401);
    assert!(
        head.to_ascii_lowercase()
            .contains("www-authenticate: bearer"),
        "{head}"
    );
    let wrong = "Authorization: Bearer test-token-0123456780";
    let (status, _, _) = request(
        port,
        "PUT",
        &graph,
        &["Content-Type: text/turtle", wrong],
        turtle,
    );
    assert_eq!(status, 403);
    let update = format!(
        "update={}",
        encode("INSERT DATA { <http://example.org/x> <http://example.org/y> 1 }")
    );
    let form = "Content-Type: application/x-www-form-urlencoded";
    let (status, _, _) = request(port, "POST", "/update", &[form], update.as_bytes());
    assert_eq!(status, 401);
    let (status, _, _) = request(port, "DELETE", &graph, &[], b"");
    assert_eq!(status, 401);
    assert_eq!(count(port), before, "refused writes changed nothing");
    let right = format!("Authorization: {BEARER}");
    let (status, _, _) = request(
        port,
        "PUT",
        &graph,
        &["Content-Type: text/turtle", &right],
        turtle,
    );
    assert_eq!(status, 201);
    assert_eq!(count(port), before + 1);
}

#[test]
fn the_host_header_must_name_the_server_and_cors_is_off_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let served = serve(&store, &[]);
    let port = served.port;
    let q = encode("ASK { ?s ?p ?o }");
    let ask = |host: &str, extra: &str| {
        exchange(
            port,
            &format!(
                "GET /query?query={q} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{extra}\r\n"
            ),
            b"",
        )
    };
    // DNS rebinding: a page of rebound.example whose name now points at 127.0.0.1.
    assert_eq!(ask(&format!("rebound.example:{port}"), "").0, 403);
    assert_eq!(ask(&format!("localhost:{port}"), "").0, 200);
    let (status, head, _) = ask(
        &format!("127.0.0.1:{port}"),
        "Origin: https://app.example\r\n",
    );
    assert_eq!(status, 200);
    assert!(
        !head
            .to_ascii_lowercase()
            .contains("access-control-allow-origin"),
        "{head}"
    );

    let served = serve(&store, &["--cors", "https://app.example"]);
    let port = served.port;
    let (status, head, _) = request(
        port,
        "GET",
        &format!("/query?query={q}"),
        &["Origin: https://app.example"],
        b"",
    );
    assert_eq!(status, 200);
    assert!(
        head.contains("access-control-allow-origin: https://app.example"),
        "{head}"
    );
    let (status, head, _) = request(
        port,
        "GET",
        &format!("/query?query={q}"),
        &["Origin: https://other.example"],
        b"",
    );
    assert_eq!(status, 200);
    assert!(!head.contains("access-control-allow-origin"), "{head}");
    let preflight = [
        "Origin: https://app.example",
        "Access-Control-Request-Method: PUT",
    ];
    let (status, head, _) = request(port, "OPTIONS", "/store?default", &preflight, b"");
    assert_eq!(status, 204);
    assert!(head.contains("Authorization"), "{head}");
}

#[test]
fn service_and_load_reach_only_what_the_operator_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    // The "internal" service a query would make the server call.
    let internal = serve(&store, &[]);
    let other = dir.path().join("other");
    let empty = dir.path().join("empty.nt");
    std::fs::write(&empty, "").unwrap();
    newsgraph_ok(&[
        "load",
        "--store",
        other.to_str().unwrap(),
        empty.to_str().unwrap(),
    ]);
    let query = encode(&format!(
        "SELECT ?s WHERE {{ SERVICE <http://127.0.0.1:{}/query> {{ ?s a <https://w3id.org/newsgraph/ontology#Person> }} }} LIMIT 1",
        internal.port
    ));
    let front = serve(&other, &[]);
    let (status, _, body) = request(
        front.port,
        "GET",
        &format!("/query?query={query}&format=csv"),
        &[],
        b"",
    );
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("refused to reach"), "{body}");
    // Allowed by a prefix that names the address.
    let prefix = format!("http://127.0.0.1:{}/", internal.port);
    let front = serve(&other, &["--allow-service", &prefix]);
    let (status, _, body) = request(
        front.port,
        "GET",
        &format!("/query?query={query}&format=csv"),
        &[],
        b"",
    );
    assert_eq!((status, body.lines().count()), (200, 2), "{body}");
    // LOAD of a file, never; of an address not allowed, not either.
    let writable = serve(&other, &["--writable", "--allow-service", &prefix]);
    let before = count(writable.port);
    let secret = dir.path().join("secret.nt");
    std::fs::write(
        &secret,
        "<http://example.org/s> <http://example.org/p> \"secret\" .\n",
    )
    .unwrap();
    let right = format!("Authorization: {BEARER}");
    for source in [
        format!("file://{}", secret.display()),
        "http://169.254.169.254/latest/meta-data/".to_owned(),
        format!("http://127.0.0.1:{}/store?default", writable.port),
    ] {
        let update = format!("LOAD <{source}>");
        let (status, _, body) = request(
            writable.port,
            "POST",
            "/update",
            &["Content-Type: application/sparql-update", &right],
            update.as_bytes(),
        );
        assert_eq!(status, 403, "{source}: {body}");
    }
    assert_eq!(count(writable.port), before);
}

#[test]
fn an_update_past_the_time_limit_writes_nothing_and_big_bodies_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let served = serve(
        &store,
        &["--writable", "--timeout", "0.05", "--max-body-mib", "1"],
    );
    let port = served.port;
    let before = count(port);
    let slow = "INSERT { GRAPH <http://example.org/g> { ?a <http://example.org/p> ?i } } \
                WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?i } }";
    let right = format!("Authorization: {BEARER}");
    let (status, _, body) = request(
        port,
        "POST",
        "/update",
        &["Content-Type: application/sparql-update", &right],
        slow.as_bytes(),
    );
    assert_eq!(status, 503, "{body}");
    assert_eq!(count(port), before, "the stopped update wrote nothing");
    let big = vec![b'#'; (1 << 20) + 10];
    let graph = format!("/store?graph={}", encode("http://example.org/g"));
    let (status, _, _) = request(
        port,
        "PUT",
        &graph,
        &["Content-Type: text/turtle", &right],
        &big,
    );
    assert_eq!(status, 413);
}

#[test]
fn listening_beyond_loopback_says_what_is_exposed() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args([
            "serve",
            "--store",
            store.to_str().unwrap(),
            "--bind",
            "0.0.0.0:0",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let second = lines.next().unwrap().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(first.contains("0.0.0.0"), "{first}");
    assert!(
        second.contains("warning") && second.contains("not loopback"),
        "{second}"
    );
}

/// The number of threads of a process (Linux).
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn heads_bodies_rows_and_connections_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let served = serve(
        &store,
        &[
            "--max-rows",
            "5",
            "--max-connections",
            "3",
            "--read-timeout",
            "2",
        ],
    );
    let port = served.port;
    // A head over 8 KiB.
    let big = format!("X-Padding: {}", "a".repeat(9 << 10));
    let (status, _, _) = request(port, "GET", "/", &[&big], b"");
    assert_eq!(status, 431);
    // More rows than allowed: an error that says so, not a cut answer.
    let all = encode("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }");
    let (status, _, body) = request(port, "GET", &format!("/query?query={all}"), &[], b"");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("LIMIT"), "{body}");
    let five = encode("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5");
    let (status, _, body) = request(
        port,
        "GET",
        &format!("/query?query={five}&format=csv"),
        &[],
        b"",
    );
    assert_eq!((status, body.lines().count()), (200, 6), "{body}");
    // Three connections held open: the fourth is turned away at once; once the slow
    // ones are cut off (read timeout), the server answers again. (First, let the
    // connections above end: a slot is freed when its connection's task ends.)
    std::thread::sleep(std::time::Duration::from_millis(300));
    let held: Vec<TcpStream> = (0..3)
        .map(|_| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            s.write_all(b"GET / HTTP/1.1\r\nHo").unwrap();
            s
        })
        .collect();
    let started = std::time::Instant::now();
    let mut status = 0;
    while started.elapsed() < std::time::Duration::from_millis(1500) {
        status = request(port, "GET", "/", &[], b"").0;
        if status == 503 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_eq!(status, 503);
    std::thread::sleep(std::time::Duration::from_millis(3500));
    let (status, _, _) = request(port, "GET", "/", &[], b"");
    assert_eq!(status, 200);
    for mut s in held {
        // Cut off: the server answered 408 or closed.
        let mut rest = Vec::new();
        let _ = s.read_to_end(&mut rest);
        let text = String::from_utf8_lossy(&rest);
        assert!(
            rest.is_empty() || text.starts_with("HTTP/1.1 408"),
            "{text}"
        );
    }
}

/// Real queries from many clients at once keep being answered while other connections
/// send garbage and drip bytes; the thread count stays bounded. Prints p50 and p99.
#[test]
fn real_queries_are_answered_under_abuse() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let store = example_store(dir.path());
    let served = serve(
        &store,
        &[
            "--threads",
            "4",
            "--max-connections",
            "48",
            "--read-timeout",
            "2",
        ],
    );
    let port = served.port;
    let stop = Arc::new(AtomicBool::new(false));
    let mut abusers = Vec::new();
    for k in 0..16 {
        let stop = stop.clone();
        abusers.push(std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
                    continue;
                };
                if k % 2 == 0 {
                    // Garbage.
                    let junk: Vec<u8> = (0..512u32).map(|i| (i * 7919 + k) as u8).collect();
                    let _ = s.write_all(&junk);
                    let _ = s.read_to_end(&mut Vec::new());
                } else {
                    // A drip: one byte of a head every 100 ms.
                    for b in b"GET /query?query=ASK HTTP/1.1\r\n" {
                        if stop.load(Ordering::Relaxed) || s.write_all(&[*b]).is_err() {
                            break;
                        }
                        std::thread::sleep(Duration::from_millis(100));
                    }
                }
            }
        }));
    }
    let query = encode(
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#> \
         SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?p a ng:Person ; ?x ?y } } GROUP BY ?p",
    );
    // Let the abuse begin.
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let clients: Vec<_> = (0..8)
        .map(|_| {
            let query = query.clone();
            std::thread::spawn(move || {
                let mut times = Vec::new();
                for _ in 0..40 {
                    let t = Instant::now();
                    let (status, _, body) = request(
                        port,
                        "GET",
                        &format!("/query?query={query}&format=csv"),
                        &[],
                        b"",
                    );
                    assert_eq!(status, 200, "{body}");
                    times.push(t.elapsed());
                }
                times
            })
        })
        .collect();
    let peak = threads(served.pid());
    let mut times: Vec<Duration> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    let peak = peak.max(threads(served.pid()));
    stop.store(true, Ordering::Relaxed);
    for a in abusers {
        a.join().unwrap();
    }
    times.sort();
    let p = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    eprintln!(
        "{} queries under abuse in {:.1?}: p50 {:.1?}, p99 {:.1?}, peak threads {peak}",
        times.len(),
        started.elapsed(),
        p(0.5),
        p(0.99)
    );
    assert_eq!(times.len(), 320);
    // The main thread, two async workers, four query workers and a few of the
    // runtime's and RocksDB's own.
    assert!(peak <= 24, "{peak} threads");
}
