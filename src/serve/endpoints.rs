//! The endpoints: SPARQL queries and updates, and the Graph Store Protocol.

use super::negotiate::negotiate;
use super::{Answer, HELP, ServeOptions};
use crate::store::{self, QueryOptions, QueryOutput, ResultsFormat};
use hyper::{Method, Request};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, Quad};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolutionIter, Variable,
};
use oxigraph::store::Store;
use std::sync::Arc;

/// Sends a request to its endpoint.
pub fn route(
    store: &Store,
    options: &ServeOptions,
    request: &Request<Vec<u8>>,
    token: &CancellationToken,
) -> Answer {
    let mut params: Vec<(String, String)> =
        form_urlencoded::parse(request.uri().query().unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    };
    let accept = header("accept");
    let media = header("content-type")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let body = request.body();
    let method = request.method();
    let path = request.uri().path();
    match (path, method) {
        ("/help", &Method::GET | &Method::HEAD) => Answer::text(200, HELP),
        ("/api/search", &Method::GET | &Method::HEAD) => {
            super::search::answer(store, &options.search, &params)
        }
        ("/query", &Method::GET) => query(store, options, &params, accept, token),
        ("/query", &Method::POST) => match media.as_str() {
            "application/sparql-query" => match String::from_utf8(body.clone()) {
                Ok(q) => {
                    params.push(("query".into(), q));
                    query(store, options, &params, accept, token)
                }
                Err(_) => Answer::text(400, "the query is not UTF-8"),
            },
            "application/x-www-form-urlencoded" => {
                params.extend(form_urlencoded::parse(body).into_owned());
                query(store, options, &params, accept, token)
            }
            other => Answer::text(
                415,
                format!(
                    "unsupported Content-Type {other:?}: use application/sparql-query or a form"
                ),
            ),
        },
        ("/update", &Method::POST) => {
            let update = match media.as_str() {
                "application/sparql-update" => String::from_utf8(body.clone()).ok(),
                "application/x-www-form-urlencoded" => form_urlencoded::parse(body)
                    .into_owned()
                    .find(|(k, _)| k == "update")
                    .map(|(_, v)| v),
                _ => None,
            };
            match update {
                Some(u) => update_store(store, options, &u, token),
                None => Answer::text(
                    400,
                    "no update: send application/sparql-update or a form with update=",
                ),
            }
        }
        ("/store", _) => graph_store(store, options, method, &params, accept, &media, body),
        ("/query" | "/update" | "/help" | "/api/search", _) => {
            Answer::text(405, "method not allowed")
        }
        (_, &Method::GET | &Method::HEAD) => {
            match super::web::file(
                path,
                request
                    .headers()
                    .get("if-none-match")
                    .and_then(|v| v.to_str().ok()),
            ) {
                Some(file) => file,
                None => Answer::text(404, format!("no such page or endpoint: {path} (see /help)")),
            }
        }
        _ => Answer::text(404, format!("no such endpoint: {path} (see /help)")),
    }
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
fn update_store(
    store: &Store,
    options: &ServeOptions,
    update: &str,
    token: &CancellationToken,
) -> Answer {
    let result = store::run_update_with(store, update, Some(token), Some(&options.outbound));
    match result {
        Ok(()) => Answer::empty(204),
        Err(_) if token.is_cancelled() => over_time(options, "update"),
        Err(e) if e.starts_with("refused to reach") => Answer::text(403, e),
        Err(e) => Answer::text(400, e),
    }
}

/// What the error of an answer cut at the row limit says.
const TOO_MANY_ROWS: &str = "more than";

/// A `SELECT` answer that fails, rather than ends, after `max` rows.
fn capped(results: QueryOutput, max: usize) -> QueryOutput {
    match results {
        QueryResults::Solutions(solutions) => {
            let variables: Arc<[Variable]> = Arc::from(solutions.variables());
            let mut rows = 0usize;
            QueryResults::Solutions(QuerySolutionIter::new(
                variables,
                solutions.map(move |solution| {
                    rows += 1;
                    if rows > max {
                        let message = format!("{TOO_MANY_ROWS} {max} rows");
                        return Err(QueryEvaluationError::Unexpected(message.into()));
                    }
                    solution
                }),
            ))
        }
        other => other,
    }
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
    token: &CancellationToken,
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
    let answer = (|| {
        let query_options = QueryOptions {
            default_graphs,
            named_graphs,
            cancel: Some(token.clone()),
            outbound: Some(options.outbound.clone()),
        };
        let results = match store::run_query_with(store, text, &query_options) {
            Err(e) if e.starts_with("SPARQL syntax error") => return Err(Answer::text(400, e)),
            Err(e) => return Err(Answer::text(500, e)),
            Ok(results) => capped(results, options.max_rows),
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
            Err(e) if e.to_string().contains(TOO_MANY_ROWS) => Err(Answer::text(
                400,
                format!(
                    "the answer has {TOO_MANY_ROWS} {} rows: add a LIMIT (or start the server \
                     with a higher --max-rows)",
                    options.max_rows
                ),
            )),
            Err(e) if e.to_string().contains("refused to reach") => {
                Err(Answer::text(403, format!("query failed: {e}")))
            }
            Err(e) => Err(Answer::text(500, format!("query failed: {e}"))),
        }
    })();
    match answer {
        Ok(answer) => answer,
        Err(_) if token.is_cancelled() => over_time(options, "query"),
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
    body: &[u8],
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
    match *method {
        Method::GET | Method::HEAD => {
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
        Method::DELETE => {
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
        Method::PUT | Method::POST => {
            let Some(format) = RdfFormat::from_media_type(media) else {
                return Answer::text(415, format!("unsupported Content-Type {media:?}"));
            };
            let parser = RdfParser::from_format(format).with_default_graph(graph.clone());
            let mut quads = Vec::new();
            for quad in parser.for_slice(body) {
                match quad {
                    Ok(q) => quads.push(q),
                    Err(e) => return Answer::text(400, format!("the RDF does not parse: {e}")),
                }
            }
            let replace = *method == Method::PUT;
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
