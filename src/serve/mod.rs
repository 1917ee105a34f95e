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
//! Writing (`/update`, `PUT`, `POST`, `DELETE` on `/store`) needs a writable server and
//! its token ([`access`]); the `Host` header must name the server; `SERVICE` and `LOAD`
//! reach only the URLs the operator allowed ([`crate::store::Outbound`]). Each query and
//! update has a time limit; past it the evaluation is cancelled (an update writes
//! nothing) and the client gets 503.

pub mod access;
mod negotiate;

use crate::store::{self, Outbound, QueryOptions, ResultsFormat};
use access::{Access, Refusal};
use negotiate::negotiate;
use oxigraph::io::{RdfFormat, RdfParser};
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
    /// The time limit of one query.
    pub timeout: Duration,
    /// Base IRI of minted names (for the prefixes of Turtle and TriG answers).
    pub base: String,
    /// Requests served at once.
    pub threads: usize,
    /// The largest request body accepted, in bytes.
    pub max_body: usize,
    /// Who may write, under which names the server is reached, CORS.
    pub access: Access,
    /// Whether the server listens on every interface (any address literal is then a
    /// valid `Host`).
    pub unspecified: bool,
    /// The remote URLs `SERVICE` and `LOAD` may reach.
    pub outbound: Outbound,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            base: crate::mint::vocab::DEFAULT_BASE.to_owned(),
            threads: 4,
            max_body: 16 << 20,
            access: Access::default(),
            unspecified: false,
            outbound: Outbound::default(),
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
    /// Further headers.
    extra: Vec<(&'static str, &'static str)>,
}

impl Answer {
    fn text(status: u16, body: impl Into<String>) -> Self {
        let mut body = body.into();
        body.push('\n');
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.into_bytes(),
            extra: Vec::new(),
        }
    }

    fn empty(status: u16) -> Self {
        Self {
            status,
            content_type: "text/plain; charset=utf-8",
            body: Vec::new(),
            extra: Vec::new(),
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
    let authorization = header("Authorization");
    let origin = header("Origin");
    let host = header("Host");
    let media = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let method = request.method().clone();
    let head = method == Method::Head;
    let writes = matches!(
        (path, &method),
        ("/update", Method::Post) | ("/store", Method::Put | Method::Post | Method::Delete)
    );
    let refused = |(status, message): Refusal| Answer::text(status, message);
    let answer = if let Err(r) = options
        .access
        .check_host(host.as_deref(), options.unspecified)
    {
        refused(r)
    } else if method == Method::Options {
        preflight(options, origin.as_deref())
    } else if let Some(Err(r)) =
        writes.then(|| options.access.check_write(authorization.as_deref()))
    {
        refused(r)
    } else {
        match read_body(&mut request, options.max_body) {
            Err(answer) => answer,
            Ok(body) => route(
                store,
                options,
                path,
                &method,
                &mut params,
                &accept,
                &media,
                body,
            ),
        }
    };
    let body = if head { Vec::new() } else { answer.body };
    let mut response = Response::from_data(body).with_status_code(answer.status);
    let mut add = |name: &str, value: &str| {
        if let Ok(h) = Header::from_bytes(name, value) {
            response.add_header(h);
        }
    };
    add("Content-Type", answer.content_type);
    for (name, value) in &answer.extra {
        add(name, value);
    }
    if answer.status == 401 {
        add("WWW-Authenticate", "Bearer");
    }
    if let (Some(allowed), Some(origin)) = (&options.access.cors, &origin)
        && allowed == origin
    {
        add("Access-Control-Allow-Origin", allowed);
        add("Vary", "Origin");
    }
    // The client may have gone; nothing to do about it.
    let _ = request.respond(response);
}

/// The answer to a CORS preflight: allowed for the one origin given with `--cors`.
fn preflight(options: &ServeOptions, origin: Option<&str>) -> Answer {
    match (&options.access.cors, origin) {
        (Some(allowed), Some(origin)) if allowed == origin => Answer {
            status: 204,
            content_type: "text/plain; charset=utf-8",
            body: Vec::new(),
            extra: vec![
                (
                    "Access-Control-Allow-Methods",
                    "GET, HEAD, POST, PUT, DELETE",
                ),
                (
                    "Access-Control-Allow-Headers",
                    "Authorization, Content-Type, Accept",
                ),
                ("Access-Control-Max-Age", "600"),
            ],
        },
        _ => Answer::text(403, "cross-origin requests are not allowed (see --cors)"),
    }
}

#[allow(clippy::too_many_arguments)]
fn route(
    store: &Store,
    options: &ServeOptions,
    path: &str,
    method: &Method,
    params: &mut Vec<(String, String)>,
    accept: &str,
    media: &str,
    body: Vec<u8>,
) -> Answer {
    match (path, method) {
        ("/", Method::Get | Method::Head) => Answer::text(200, HELP),
        ("/query", Method::Get) => query(store, options, params, accept),
        ("/query", Method::Post) => match media {
            "application/sparql-query" => match String::from_utf8(body) {
                Ok(q) => {
                    params.push(("query".into(), q));
                    query(store, options, params, accept)
                }
                Err(_) => Answer::text(400, "the query is not UTF-8"),
            },
            "application/x-www-form-urlencoded" => {
                params.extend(form_urlencoded::parse(&body).into_owned());
                query(store, options, params, accept)
            }
            other => Answer::text(
                415,
                format!(
                    "unsupported Content-Type {other:?}: use application/sparql-query or a form"
                ),
            ),
        },
        ("/update", Method::Post) => {
            let update = match media {
                "application/sparql-update" => String::from_utf8(body).ok(),
                "application/x-www-form-urlencoded" => form_urlencoded::parse(&body)
                    .into_owned()
                    .find(|(k, _)| k == "update")
                    .map(|(_, v)| v),
                _ => None,
            };
            match update {
                Some(u) => update_store(store, options, &u),
                None => Answer::text(
                    400,
                    "no update: send application/sparql-update or a form with update=",
                ),
            }
        }
        ("/store", _) => graph_store(store, options, method, params, accept, media, body),
        ("/query" | "/update" | "/", _) => Answer::text(405, "method not allowed"),
        _ => Answer::text(404, format!("no such endpoint: {path} (see /)")),
    }
}

/// Runs `work` with a token that is cancelled after `limit`; whether it was.
fn with_time_limit<R>(limit: Duration, work: impl FnOnce(&CancellationToken) -> R) -> (R, bool) {
    let token = CancellationToken::new();
    let (done, finished) = mpsc::channel::<()>();
    let watchdog = {
        let token = token.clone();
        thread::spawn(move || {
            if finished.recv_timeout(limit) == Err(mpsc::RecvTimeoutError::Timeout) {
                token.cancel();
            }
        })
    };
    let result = work(&token);
    let _ = done.send(());
    let _ = watchdog.join();
    (result, token.is_cancelled())
}

fn over_time(options: &ServeOptions, what: &str) -> Answer {
    Answer::text(
        503,
        format!(
            "the {what} ran over the time limit of {} s and was stopped",
            options.timeout.as_secs_f64()
        ),
    )
}

/// A SPARQL update within the time limit: past it, nothing is written (503).
fn update_store(store: &Store, options: &ServeOptions, update: &str) -> Answer {
    let (result, late) = with_time_limit(options.timeout, |token| {
        store::run_update_with(store, update, Some(token), Some(&options.outbound))
    });
    match result {
        Ok(()) => Answer::empty(204),
        Err(_) if late => over_time(options, "update"),
        Err(e) if e.starts_with("refused to reach") => Answer::text(403, e),
        Err(e) => Answer::text(400, e),
    }
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
    let (answer, late) = with_time_limit(options.timeout, |token| {
        let query_options = QueryOptions {
            default_graphs,
            named_graphs,
            cancel: Some(token.clone()),
            outbound: Some(options.outbound.clone()),
        };
        let results = match store::run_query_with(store, text, &query_options) {
            Err(e) if e.starts_with("SPARQL syntax error") => return Err(Answer::text(400, e)),
            Err(e) => return Err(Answer::text(500, e)),
            Ok(results) => results,
        };
        let graph = matches!(results, oxigraph::sparql::QueryResults::Graph(_));
        let format = param(params, "format").or(param(params, "output"));
        let Some((content_type, format)) = negotiate(accept, format, graph) else {
            return Err(Answer::text(
                406,
                format!("no supported format in Accept: {accept}"),
            ));
        };
        let mut body = Vec::new();
        match store::write_results(&mut body, results, format, &options.base) {
            Ok(()) => Ok(Answer {
                status: 200,
                content_type,
                body,
                extra: Vec::new(),
            }),
            Err(e) if e.to_string().contains("refused to reach") => {
                Err(Answer::text(403, format!("query failed: {e}")))
            }
            Err(e) => Err(Answer::text(500, format!("query failed: {e}"))),
        }
    });
    match answer {
        Ok(answer) => answer,
        Err(_) if late => over_time(options, "query"),
        Err(answer) => answer,
    }
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
                            extra: Vec::new(),
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
