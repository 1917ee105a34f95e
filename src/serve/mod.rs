//! `newsgraph serve`: a SPARQL 1.1 Protocol endpoint and a SPARQL 1.1 Graph Store
//! HTTP Protocol service over a store.
//!
//! - `GET /query?query=…`, `POST /query` (`application/sparql-query`, or a form with
//!   `query=`), with `default-graph-uri` and `named-graph-uri`; results as SPARQL JSON,
//!   XML, CSV or TSV, graphs as Turtle, N-Triples, N-Quads, TriG, RDF/XML or JSON-LD,
//!   by the `Accept` header (or a `format` parameter).
//! - `POST /update` (`application/sparql-update`, or a form with `update=`).
//! - `GET|HEAD|PUT|POST|DELETE /store?graph=IRI` (or `?default`).
//! - `GET /`: the page for people ([`web`]): search, entities, articles with their
//!   evidence, a timeline, a SPARQL editor; `GET /api/search?q=…` ([`search`]) for it.
//!
//! Writing (`/update`, `PUT`, `POST`, `DELETE` on `/store`) needs a writable server and
//! its token ([`access`]); the `Host` header must name the server; `SERVICE` and `LOAD`
//! reach only the URLs the operator allowed ([`crate::store::Outbound`]). Each query and
//! update has a time limit; past it the evaluation is cancelled (an update writes
//! nothing) and the client gets 503. [`server`] bounds connections, threads, head and
//! body sizes and reading times; [`handle`] answers one request whatever carried it.

pub mod access;
mod endpoints;
mod negotiate;
pub mod search;
mod server;
mod web;

pub use server::{Limits, answer_bytes, run};

use crate::store::Outbound;
use access::{Access, Refusal};
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Method, Request, Response};
use oxigraph::sparql::CancellationToken;
use oxigraph::store::Store;
use search::SearchIndex;
use std::sync::Arc;
use std::time::Duration;

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The time limit of one query or update.
    pub timeout: Duration,
    /// Base IRI of minted names (for the prefixes of Turtle and TriG answers).
    pub base: String,
    /// The most rows a `SELECT` answer may have (a clear error past it, never a
    /// truncated answer).
    pub max_rows: usize,
    /// Connections, threads, sizes and times.
    pub limits: Limits,
    /// Who may write, under which names the server is reached, CORS.
    pub access: Access,
    /// Whether the server listens on every interface (any address literal is then a
    /// valid `Host`).
    pub unspecified: bool,
    /// The remote URLs `SERVICE` and `LOAD` may reach.
    pub outbound: Outbound,
    /// The names the page's search box looks up, shared by clones; writes make it stale.
    pub search: Arc<SearchIndex>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            base: crate::mint::vocab::DEFAULT_BASE.to_owned(),
            max_rows: 1_000_000,
            limits: Limits::default(),
            access: Access::default(),
            unspecified: false,
            outbound: Outbound::default(),
            search: Arc::default(),
        }
    }
}

/// An HTTP answer before it is sent.
#[derive(Debug)]
pub struct Answer {
    /// The status code.
    pub status: u16,
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
    /// Further headers.
    pub extra: Vec<(&'static str, String)>,
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
        Self::text(status, "").with_body(Vec::new())
    }

    fn with_body(mut self, body: Vec<u8>) -> Self {
        self.body = body;
        self
    }

    fn refused((status, message): Refusal) -> Self {
        let mut answer = Self::text(status, message);
        if status == 401 {
            answer.extra.push(("WWW-Authenticate", "Bearer".to_owned()));
        }
        answer
    }

    fn into_response(self) -> Response<Full<Bytes>> {
        let mut response = Response::builder()
            .status(self.status)
            .header(hyper::header::CONTENT_TYPE, self.content_type);
        for (name, value) in self.extra {
            response = response.header(name, value);
        }
        response
            .body(Full::new(Bytes::from(self.body)))
            .unwrap_or_else(|_| Response::new(Full::new(Bytes::from_static(b"bad header\n"))))
    }
}

/// Answers one request: checks who asks and how (the `Host`, the token for writes,
/// CORS), then routes it. `token` stops a query or an update at its time limit.
pub fn handle(
    store: &Store,
    options: &ServeOptions,
    request: &Request<Vec<u8>>,
    token: &CancellationToken,
) -> Answer {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let origin = header("origin");
    let method = request.method();
    let path = request.uri().path();
    let writes = matches!(
        (path, method),
        ("/update", &Method::POST) | ("/store", &Method::PUT | &Method::POST | &Method::DELETE)
    );
    let host = header("host").or_else(|| request.uri().authority().map(|a| a.to_string()));
    let mut answer = if let Err(r) = options
        .access
        .check_host(host.as_deref(), options.unspecified)
    {
        Answer::refused(r)
    } else if method == Method::OPTIONS {
        preflight(options, origin.as_deref())
    } else if let Some(Err(r)) = writes.then(|| {
        options
            .access
            .check_write(header("authorization").as_deref())
    }) {
        Answer::refused(r)
    } else {
        let answer = endpoints::route(store, options, request, token);
        if writes && answer.status < 300 {
            options.search.invalidate();
        }
        answer
    };
    if method == Method::HEAD {
        answer.body.clear();
    }
    if let (Some(allowed), Some(origin)) = (&options.access.cors, &origin)
        && allowed == origin
    {
        answer
            .extra
            .push(("Access-Control-Allow-Origin", allowed.clone()));
        answer.extra.push(("Vary", "Origin".to_owned()));
    }
    answer
}

/// The answer to a CORS preflight: allowed for the one origin given with `--cors`.
fn preflight(options: &ServeOptions, origin: Option<&str>) -> Answer {
    match (&options.access.cors, origin) {
        (Some(allowed), Some(origin)) if allowed == origin => {
            let mut answer = Answer::empty(204);
            answer.extra.extend([
                (
                    "Access-Control-Allow-Methods",
                    "GET, HEAD, POST, PUT, DELETE".to_owned(),
                ),
                (
                    "Access-Control-Allow-Headers",
                    "Authorization, Content-Type, Accept".to_owned(),
                ),
                ("Access-Control-Max-Age", "600".to_owned()),
            ]);
            answer
        }
        _ => Answer::text(403, "cross-origin requests are not allowed (see --cors)"),
    }
}

const HELP: &str = "newsgraph SPARQL endpoint\n\
    GET /             the page: search, entities, articles and their evidence, timeline, SPARQL editor\n\
    GET /api/search   q=TEXT [type=Person|Organization|Place|Event] [offset, limit]: names, as JSON\n\
    GET/POST /query   SPARQL 1.1 Query (query=…, default-graph-uri, named-graph-uri)\n\
    POST /update      SPARQL 1.1 Update (only when started with --writable)\n\
    /store?graph=IRI  SPARQL 1.1 Graph Store HTTP Protocol (?default for the default graph)";
