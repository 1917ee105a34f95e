//! Sending article graphs to a SPARQL 1.1 Graph Store HTTP Protocol service, for a
//! store server that scales beyond one machine: `PUT <service>?graph=<article IRI>`
//! with the graph as N-Triples replaces that graph and nothing else.

use crate::http::{self, Failure};
use oxhttp::Client;
use oxhttp::model::{Body, Method, Request, header};
use oxigraph::model::{NamedNode, Quad};
use std::time::Duration;

/// What went wrong sending a graph, after the retries.
#[derive(Debug, thiserror::Error)]
#[error("{url}: graph {graph}: {message}")]
pub struct PushError {
    /// The service.
    pub url: String,
    /// The graph that was being sent.
    pub graph: String,
    /// What happened.
    pub message: String,
}

/// A Graph Store Protocol service.
pub struct GraphStore {
    url: String,
    client: Client,
    retries: u32,
    backoff: Duration,
    sent: usize,
    token: Option<String>,
}

impl GraphStore {
    /// The service at `url` (e.g. `http://127.0.0.1:7878/store`), retrying a graph up
    /// to `retries` times after a 429, a 5xx or a network error.
    pub fn new(url: &str, retries: u32, timeout: Duration) -> Result<Self, PushError> {
        let user_agent = format!("newsgraph/{}", env!("CARGO_PKG_VERSION"));
        let client = http::client(&user_agent, timeout).map_err(|message| PushError {
            url: url.to_owned(),
            graph: String::new(),
            message,
        })?;
        Ok(Self {
            url: url.to_owned(),
            client,
            retries,
            backoff: Duration::from_millis(500),
            sent: 0,
            token: None,
        })
    }

    /// Sends `Authorization: Bearer <token>` with every graph (`newsgraph serve
    /// --writable` needs its token).
    pub fn with_token(mut self, token: Option<String>) -> Self {
        self.token = token;
        self
    }

    /// How many graphs went out.
    pub fn sent(&self) -> usize {
        self.sent
    }

    /// Replaces `graph` on the service with the triples of `quads`.
    pub fn put(&mut self, graph: &NamedNode, quads: &[Quad]) -> Result<(), PushError> {
        let error = |message: String| PushError {
            url: self.url.clone(),
            graph: graph.as_str().to_owned(),
            message,
        };
        let mut body = Vec::with_capacity(quads.len() * 160);
        super::write_lines(quads, false, &mut body);
        let separator = if self.url.contains('?') { '&' } else { '?' };
        let target: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("graph", graph.as_str())
            .finish();
        let uri = format!("{}{separator}{target}", self.url);
        let (client, retries, backoff) = (&self.client, self.retries, self.backoff);
        let authorization = self.token.as_ref().map(|t| format!("Bearer {t}"));
        http::with_retries(retries, backoff, || {
            let mut request = Request::builder()
                .method(Method::PUT)
                .uri(&uri)
                .header(header::CONTENT_TYPE, "application/n-triples");
            if let Some(value) = &authorization {
                request = request.header(header::AUTHORIZATION, value);
            }
            let request = request
                .body(Body::from(body.clone()))
                .map_err(|e| Failure::fatal(e.to_string()))?;
            http::send(client, request)
        })
        .map_err(error)?;
        self.sent += 1;
        Ok(())
    }
}
