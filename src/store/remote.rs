//! Sending article graphs to a SPARQL 1.1 Graph Store HTTP Protocol service, for a
//! store server that scales beyond one machine: `PUT <service>?graph=<article IRI>`
//! with the graph as N-Triples replaces that graph and nothing else.

use oxhttp::Client;
use oxhttp::model::{Body, Method, Request, StatusCode, header};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{NamedNode, Quad, TripleRef};
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
}

impl GraphStore {
    /// The service at `url` (e.g. `http://127.0.0.1:7878/store`), retrying a graph up
    /// to `retries` times after a 429, a 5xx or a network error.
    pub fn new(url: &str, retries: u32, timeout: Duration) -> Result<Self, PushError> {
        let client = Client::new()
            .with_global_timeout(timeout)
            .with_user_agent(format!("newsgraph/{}", env!("CARGO_PKG_VERSION")))
            .map_err(|e| PushError {
                url: url.to_owned(),
                graph: String::new(),
                message: e.to_string(),
            })?;
        Ok(Self {
            url: url.to_owned(),
            client,
            retries,
            backoff: Duration::from_millis(500),
            sent: 0,
        })
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
        let mut body = Vec::new();
        let mut writer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(&mut body);
        for q in quads {
            writer
                .serialize_triple(TripleRef::new(&q.subject, &q.predicate, &q.object))
                .map_err(|e| error(e.to_string()))?;
        }
        writer.finish().map_err(|e| error(e.to_string()))?;
        let separator = if self.url.contains('?') { '&' } else { '?' };
        let target: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("graph", graph.as_str())
            .finish();
        let uri = format!("{}{separator}{target}", self.url);
        let mut wait = self.backoff;
        for attempt in 0..=self.retries {
            let request = Request::builder()
                .method(Method::PUT)
                .uri(&uri)
                .header(header::CONTENT_TYPE, "application/n-triples")
                .body(Body::from(body.clone()))
                .map_err(|e| error(e.to_string()))?;
            let outcome = match self.client.request(request) {
                Ok(response) => {
                    let status = response.status();
                    if status.is_success() {
                        self.sent += 1;
                        return Ok(());
                    }
                    let text = response.into_body().to_string().unwrap_or_default();
                    let message = format!("HTTP {status}: {}", text.lines().next().unwrap_or(""));
                    let retry = status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
                    (retry, message)
                }
                Err(e) => (true, e.to_string()),
            };
            match outcome {
                (true, _) if attempt < self.retries => {
                    std::thread::sleep(wait);
                    wait *= 2;
                }
                (_, message) => {
                    let tries = attempt + 1;
                    return Err(error(format!("{message} (after {tries} attempts)")));
                }
            }
        }
        unreachable!("the loop returns on its last attempt")
    }
}
