//! `newsgraph serve`: a SPARQL 1.1 Protocol endpoint and a SPARQL 1.1 Graph Store
//! HTTP Protocol service over a store.
//!
//! - `GET /query?query=…`, `POST /query` (`application/sparql-query`, or a form with
//!   `query=`), with `default-graph-uri` and `named-graph-uri`; results as SPARQL JSON,
//!   XML, CSV or TSV, graphs as Turtle, N-Triples, N-Quads, TriG, RDF/XML or JSON-LD,
//!   by the `Accept` header (or a `format` parameter).
//! - `POST /update` (`application/sparql-update`, or a form with `update=`).
//! - `GET|HEAD|PUT|POST|DELETE /store?graph=IRI` (or `?default`).
//!
//! Writing (`/update`, `PUT`, `POST`, `DELETE` on `/store`) is refused with 403 unless
//! the server was started writable. Each query has a time limit; past it the
//! evaluation is cancelled and the client gets 503.

use crate::store::{self, QueryOptions, ResultsFormat};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad};
use oxigraph::sparql::CancellationToken;
use oxigraph::store::Store;
use std::io::{self, Read};
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, Server};

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Whether updates and Graph Store writes are allowed.
    pub writable: bool,
    /// The time limit of one query.
    pub timeout: Duration,
    /// Base IRI of minted names (for the prefixes of Turtle and TriG answers).
    pub base: String,
    /// Requests served at once.
    pub threads: usize,
    /// The largest request body accepted, in bytes.
    pub max_body: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            writable: false,
            timeout: Duration::from_secs(30),
            base: crate::mint::vocab::DEFAULT_BASE.to_owned(),
            threads: 4,
            max_body: 64 << 20,
        }
    }
}

/// Listens on `bind` (e.g. "127.0.0.1:7878"; port 0 picks a free port).
pub fn bind(bind: &str) -> io::Result<Server> {
    Server::http(bind).map_err(io::Error::other)
}

/// Serves requests until the process ends.
pub fn serve(server: Server, store: Store, options: ServeOptions) {
    let server = Arc::new(server);
    let store = Arc::new(store);
    let options = Arc::new(options);
    let workers: Vec<_> = (0..options.threads.max(1))
        .map(|_| {
            let (server, store, options) = (server.clone(), store.clone(), options.clone());
            thread::spawn(move || {
                for request in server.incoming_requests() {
                    handle(&store, &options, request);
                }
            })
        })
        .collect();
    for worker in workers {
        // A worker ends only when the server does.
        let _ = worker.join();
    }
}

/// An HTTP answer before it is sent.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Answer {
    fn text(status: u16, body: impl Into<String>) -> Self {
        let mut body = body.into();
        body.push('\n');
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.into_bytes(),
        }
    }

    fn empty(status: u16) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: Vec::new(),
        }
    }
}

fn handle(store: &Store, options: &ServeOptions, mut request: Request) {
    let url = request.url().to_owned();
    let (path, query_string) = url.split_once('?').unwrap_or((&url, ""));
    let mut params: Vec<(String, String)> = form_urlencoded::parse(query_string.as_bytes())
        .into_owned()
        .collect();
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_owned())
    };
    let accept = header("Accept").unwrap_or_default();
    let content_type = header("Content-Type").unwrap_or_default();
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let method = request.method().clone();
    let head = method == Method::Head;
    let answer = match read_body(&mut request, options.max_body) {
        Err(answer) => answer,
        Ok(body) => match (path, &method) {
            ("/", Method::Get | Method::Head) => Answer::text(200, HELP),
            ("/query", Method::Get) => query(store, options, &params, &accept),
            ("/query", Method::Post) => match media.as_str() {
                "application/sparql-query" => match String::from_utf8(body) {
                    Ok(q) => {
                        params.push(("query".into(), q));
                        query(store, options, &params, &accept)
                    }
                    Err(_) => Answer::text(400, "the query is not UTF-8"),
                },
                "application/x-www-form-urlencoded" => {
                    params.extend(form_urlencoded::parse(&body).into_owned());
                    query(store, options, &params, &accept)
                }
                other => Answer::text(
                    415,
                    format!(
                        "unsupported Content-Type {other:?}: use application/sparql-query or a form"
                    ),
                ),
            },
            ("/update", Method::Post) if !options.writable => Answer::text(
                403,
                "this endpoint is read-only (start it with --writable to allow updates)",
            ),
            ("/update", Method::Post) => {
                let update = match media.as_str() {
                    "application/sparql-update" => String::from_utf8(body).ok(),
                    "application/x-www-form-urlencoded" => form_urlencoded::parse(&body)
                        .into_owned()
                        .find(|(k, _)| k == "update")
                        .map(|(_, v)| v),
                    _ => None,
                };
                match update {
                    Some(u) => match store::run_update(store, &u) {
                        Ok(()) => Answer::empty(204),
                        Err(e) => Answer::text(400, e),
                    },
                    None => Answer::text(
                        400,
                        "no update: send application/sparql-update or a form with update=",
                    ),
                }
            }
            ("/store", _) => graph_store(store, options, &method, &params, &accept, &media, body),
            ("/query" | "/update" | "/", _) => Answer::text(405, "method not allowed"),
            _ => Answer::text(404, format!("no such endpoint: {path} (see /)")),
        },
    };
    let mut response = Response::from_data(if head { Vec::new() } else { answer.body })
        .with_status_code(answer.status);
    if let Ok(h) = Header::from_bytes("Content-Type", answer.content_type) {
        response.add_header(h);
    }
    if let Ok(h) = Header::from_bytes("Access-Control-Allow-Origin", "*") {
        response.add_header(h);
    }
    // The client may have gone; nothing to do about it.
    let _ = request.respond(response);
}

const HELP: &str = "newsgraph SPARQL endpoint\n\
    GET/POST /query   SPARQL 1.1 Query (query=…, default-graph-uri, named-graph-uri)\n\
    POST /update      SPARQL 1.1 Update (only when started with --writable)\n\
    /store?graph=IRI  SPARQL 1.1 Graph Store HTTP Protocol (?default for the default graph)";

fn read_body(request: &mut Request, max: usize) -> Result<Vec<u8>, Answer> {
    if request.body_length().is_some_and(|n| n > max) {
        return Err(Answer::text(413, format!("request body over {max} bytes")));
    }
    let mut body = Vec::new();
    request
        .as_reader()
        .take(max as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| Answer::text(400, format!("reading the request: {e}")))?;
    if body.len() > max {
        return Err(Answer::text(413, format!("request body over {max} bytes")));
    }
    Ok(body)
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn iris(params: &[(String, String)], name: &str) -> Result<Vec<NamedNode>, Answer> {
    params
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| {
            NamedNode::new(v).map_err(|e| Answer::text(400, format!("{name}: bad IRI: {e}")))
        })
        .collect()
}

fn query(
    store: &Store,
    options: &ServeOptions,
    params: &[(String, String)],
    accept: &str,
) -> Answer {
    let Some(text) = param(params, "query") else {
        return Answer::text(400, "no query: give query=… (see /)");
    };
    let (default_graphs, named_graphs) = match (
        iris(params, "default-graph-uri"),
        iris(params, "named-graph-uri"),
    ) {
        (Ok(d), Ok(n)) => (d, n),
        (Err(a), _) | (_, Err(a)) => return a,
    };
    let token = CancellationToken::new();
    let (done, finished) = mpsc::channel::<()>();
    let watchdog = {
        let (token, timeout) = (token.clone(), options.timeout);
        thread::spawn(move || {
            if finished.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout) {
                token.cancel();
            }
        })
    };
    let query_options = QueryOptions {
        default_graphs,
        named_graphs,
        cancel: Some(token.clone()),
    };
    let answer = match store::run_query_with(store, text, &query_options) {
        Err(e) if e.starts_with("SPARQL syntax error") => Answer::text(400, e),
        Err(e) => Answer::text(500, e),
        Ok(results) => {
            let graph = matches!(results, oxigraph::sparql::QueryResults::Graph(_));
            match negotiate(
                accept,
                param(params, "format").or(param(params, "output")),
                graph,
            ) {
                None => Answer::text(406, format!("no supported format in Accept: {accept}")),
                Some((content_type, format)) => {
                    let mut body = Vec::new();
                    match store::write_results(&mut body, results, format, &options.base) {
                        Ok(()) => Answer {
                            status: 200,
                            content_type,
                            body,
                        },
                        Err(_) if token.is_cancelled() => Answer::text(
                            503,
                            format!(
                                "the query ran over the time limit of {} s and was stopped",
                                options.timeout.as_secs_f64()
                            ),
                        ),
                        Err(e) => Answer::text(500, format!("query failed: {e}")),
                    }
                }
            }
        }
    };
    let _ = done.send(());
    let _ = watchdog.join();
    answer
}

const RESULT_TYPES: &[(&str, &str, ResultsFormat)] = &[
    (
        "application/sparql-results+json",
        "json",
        ResultsFormat::Json,
    ),
    ("application/sparql-results+xml", "xml", ResultsFormat::Xml),
    ("text/csv", "csv", ResultsFormat::Csv),
    ("text/tab-separated-values", "tsv", ResultsFormat::Tsv),
    ("application/json", "json", ResultsFormat::Json),
    ("application/xml", "xml", ResultsFormat::Xml),
    ("text/xml", "xml", ResultsFormat::Xml),
];

fn graph_types() -> Vec<(&'static str, &'static str, RdfFormat)> {
    vec![
        ("text/turtle", "turtle", RdfFormat::Turtle),
        ("application/n-triples", "nt", RdfFormat::NTriples),
        ("application/n-quads", "nq", RdfFormat::NQuads),
        ("application/trig", "trig", RdfFormat::TriG),
        ("application/rdf+xml", "rdfxml", RdfFormat::RdfXml),
        (
            "application/ld+json",
            "jsonld",
            RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        ),
        ("text/plain", "nt", RdfFormat::NTriples),
    ]
}

/// The media types of an Accept header, best first (by q, then by order).
fn accepted(accept: &str) -> Vec<String> {
    let mut types: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let media = pieces.next()?.trim().to_ascii_lowercase();
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (!media.is_empty() && q > 0.0).then_some((q, i, media))
        })
        .collect();
    types.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    types.into_iter().map(|(_, _, m)| m).collect()
}

/// The content type and format to answer in: a `format` parameter wins, then the
/// Accept header; JSON results and Turtle graphs when anything goes.
fn negotiate(
    accept: &str,
    format: Option<&str>,
    graph: bool,
) -> Option<(&'static str, ResultsFormat)> {
    let graphs = graph_types();
    if let Some(name) = format {
        let name = name.to_ascii_lowercase();
        return if graph {
            graphs
                .iter()
                .find(|(m, short, _)| *short == name || *m == name)
                .map(|(m, _, f)| (*m, ResultsFormat::Rdf(*f)))
        } else {
            RESULT_TYPES
                .iter()
                .find(|(m, short, _)| *short == name || *m == name)
                .map(|(m, _, f)| (*m, *f))
        };
    }
    let wanted = accepted(accept);
    if wanted.is_empty() {
        return Some(if graph {
            ("text/turtle", ResultsFormat::Rdf(RdfFormat::Turtle))
        } else {
            ("application/sparql-results+json", ResultsFormat::Json)
        });
    }
    for media in wanted {
        let any = media == "*/*" || media.ends_with("/*");
        if graph {
            if let Some((m, _, f)) = graphs.iter().find(|(m, _, _)| *m == media) {
                return Some((m, ResultsFormat::Rdf(*f)));
            }
            if any {
                return Some(("text/turtle", ResultsFormat::Rdf(RdfFormat::Turtle)));
            }
        } else {
            if let Some((m, _, f)) = RESULT_TYPES.iter().find(|(m, _, _)| *m == media) {
                return Some((m, *f));
            }
            if any {
                return Some(("application/sparql-results+json", ResultsFormat::Json));
            }
        }
    }
    None
}

/// The SPARQL 1.1 Graph Store HTTP Protocol on `/store`.
fn graph_store(
    store: &Store,
    options: &ServeOptions,
    method: &Method,
    params: &[(String, String)],
    accept: &str,
    media: &str,
    body: Vec<u8>,
) -> Answer {
    let graph = match (param(params, "graph"), param(params, "default")) {
        (Some(iri), _) => match NamedNode::new(iri) {
            Ok(n) => GraphName::NamedNode(n),
            Err(e) => return Answer::text(400, format!("graph: bad IRI: {e}")),
        },
        (None, Some(_)) => GraphName::DefaultGraph,
        (None, None) => return Answer::text(400, "say which graph: ?graph=IRI or ?default"),
    };
    let exists = match &graph {
        GraphName::NamedNode(n) => store.contains_named_graph(n).unwrap_or(false),
        _ => true,
    };
    let writing = matches!(method, Method::Put | Method::Post | Method::Delete);
    if writing && !options.writable {
        return Answer::text(
            403,
            "this store is read-only (start the server with --writable to change it)",
        );
    }
    match method {
        Method::Get | Method::Head => {
            if !exists {
                return Answer::text(404, "no such graph");
            }
            let Some((content_type, ResultsFormat::Rdf(format))) =
                negotiate(accept, param(params, "format"), true)
            else {
                return Answer::text(406, format!("no supported format in Accept: {accept}"));
            };
            let quads: Result<Vec<Quad>, _> = store
                .quads_for_pattern(None, None, None, Some(graph.as_ref()))
                .map(|q| {
                    q.map(|q| {
                        Quad::new(q.subject, q.predicate, q.object, GraphNameRef::DefaultGraph)
                    })
                })
                .collect();
            match quads {
                Ok(mut quads) => {
                    store::sort_triples(&mut quads);
                    let mut body = Vec::new();
                    match store::write_quads(&mut body, format, &quads, &options.base) {
                        Ok(()) => Answer {
                            status: 200,
                            content_type,
                            body,
                        },
                        Err(e) => Answer::text(500, e.to_string()),
                    }
                }
                Err(e) => Answer::text(500, e.to_string()),
            }
        }
        Method::Delete => {
            if !exists {
                return Answer::text(404, "no such graph");
            }
            match store
                .clear_graph(graph.as_ref())
                .and_then(|()| match &graph {
                    GraphName::NamedNode(n) => store.remove_named_graph(n).map(|_| ()),
                    _ => Ok(()),
                }) {
                Ok(()) => Answer::empty(204),
                Err(e) => Answer::text(500, e.to_string()),
            }
        }
        Method::Put | Method::Post => {
            let Some(format) = RdfFormat::from_media_type(media) else {
                return Answer::text(415, format!("unsupported Content-Type {media:?}"));
            };
            let parser = RdfParser::from_format(format).with_default_graph(graph.clone());
            let mut quads = Vec::new();
            for quad in parser.for_slice(&body) {
                match quad {
                    Ok(q) => quads.push(q),
                    Err(e) => return Answer::text(400, format!("the RDF does not parse: {e}")),
                }
            }
            let replace = *method == Method::Put;
            let result = store.start_transaction().and_then(|mut t| {
                if replace {
                    t.clear_graph(graph.as_ref())?;
                }
                t.extend(quads.iter());
                t.commit()
            });
            match result {
                Ok(()) if !exists => Answer::empty(201),
                Ok(()) => Answer::empty(204),
                Err(e) => Answer::text(500, e.to_string()),
            }
        }
        _ => Answer::text(405, "method not allowed"),
    }
}
