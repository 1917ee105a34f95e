//! The HTTP exchange shared by linking (SPARQL queries) and `extract --endpoint` (Graph
//! Store writes): one request sorted into success or a failure worth retrying, and the
//! retry loop with doubling waits.

use oxhttp::Client;
use oxhttp::model::{Body, Request, StatusCode, header};
use std::time::Duration;

/// A failed attempt.
#[derive(Debug)]
pub(crate) struct Failure {
    /// Whether trying again may help: a 429, a 5xx or a network error.
    pub retry: bool,
    /// What happened.
    pub message: String,
    /// How long the server asked to wait (Retry-After, at most a minute).
    pub retry_after: Option<Duration>,
}

impl Failure {
    /// A failure that trying again will not mend.
    pub fn fatal(message: String) -> Self {
        Self {
            retry: false,
            message,
            retry_after: None,
        }
    }
}

/// A client with newsgraph's User-Agent and a timeout.
pub(crate) fn client(user_agent: &str, timeout: Duration) -> Result<Client, String> {
    Client::new()
        .with_global_timeout(timeout)
        .with_redirection_limit(3)
        .with_user_agent(user_agent.to_owned())
        .map_err(|e| format!("bad user agent: {e}"))
}

/// Sends one request; the body of a 2xx answer, or the failure.
pub(crate) fn send(client: &Client, request: Request<Body>) -> Result<String, Failure> {
    let network = |e: std::io::Error| Failure {
        retry: true,
        message: e.to_string(),
        retry_after: None,
    };
    let response = client.request(request).map_err(network)?;
    let status = response.status();
    let retry_after = response
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok())
        .map(|s| Duration::from_secs(s.min(60)));
    let text = response.into_body().to_string().map_err(network)?;
    if status.is_success() {
        return Ok(text);
    }
    Err(Failure {
        retry: status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error(),
        message: format!("HTTP {status}: {}", text.lines().next().unwrap_or_default()),
        retry_after,
    })
}

/// Runs `attempt` until it succeeds, fails for good, or `retries` more tries are spent,
/// waiting `backoff`, then twice as long each time (or what the server asked).
pub(crate) fn with_retries<T>(
    retries: u32,
    backoff: Duration,
    mut attempt: impl FnMut() -> Result<T, Failure>,
) -> Result<T, String> {
    let mut wait = backoff;
    for tries in 1.. {
        match attempt() {
            Ok(value) => return Ok(value),
            Err(f) if f.retry && tries <= retries => {
                std::thread::sleep(f.retry_after.unwrap_or(wait));
                wait *= 2;
            }
            Err(f) => return Err(format!("{} (after {tries} attempts)", f.message)),
        }
    }
    unreachable!("the loop returns")
}
