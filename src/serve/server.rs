//! The HTTP/1.1 server under [`super::handle`]: hyper on a small tokio runtime, with
//! every resource bounded.
//!
//! - Connections: at most [`Limits::connections`] at once; one more is answered 503 and
//!   closed at once, so a crowd of slow clients fills the slots but never the threads,
//!   and never hangs the listener.
//! - Headers: at most [`Limits::header_bytes`] (431 past it, hyper's own answer), read
//!   within [`Limits::read_timeout`] — a client dripping bytes (slowloris) is cut off.
//! - Bodies: at most [`Limits::body_bytes`] (413), read within the same time.
//! - Work: queries and updates run on at most [`Limits::workers`] blocking threads,
//!   each stopped by its time limit; async tasks never block.
//! - A connection lives at most [`Limits::lifetime`], answers included (a client that
//!   never reads its answer does not keep its slot).

use super::{Answer, ServeOptions, handle};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use oxigraph::sparql::CancellationToken;
use oxigraph::store::Store;
use std::convert::Infallible;
use std::io;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::sync::Semaphore;

/// What one server may use.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections open at once.
    pub connections: usize,
    /// Threads running queries and updates.
    pub workers: usize,
    /// The size of a request's head (request line and headers), at least 8 KiB.
    pub header_bytes: usize,
    /// The size of a request's body.
    pub body_bytes: usize,
    /// The time to receive a request's head, and its body.
    pub read_timeout: Duration,
    /// The longest a connection stays open.
    pub lifetime: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connections: 64,
            workers: 4,
            header_bytes: 8 << 10,
            body_bytes: 16 << 20,
            read_timeout: Duration::from_secs(10),
            lifetime: Duration::from_secs(300),
        }
    }
}

/// Serves `store` on `listener` until the process ends (or the listener fails).
pub fn run(listener: std::net::TcpListener, store: Store, options: ServeOptions) -> io::Result<()> {
    let limits = options.limits.clone();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(limits.workers.max(1))
        .enable_all()
        .build()?;
    listener.set_nonblocking(true)?;
    let state = Arc::new((store, options));
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let slots = Arc::new(Semaphore::new(limits.connections.max(1)));
        loop {
            let (mut stream, _) = match listener.accept().await {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait, then go on.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let _ = stream.set_nodelay(true);
            let Ok(slot) = slots.clone().try_acquire_owned() else {
                tokio::spawn(async move {
                    let busy = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n\
                        Content-Length: 40\r\nRetry-After: 1\r\nConnection: close\r\n\r\n\
                        too many connections; try again later\r\n";
                    let _ =
                        tokio::time::timeout(Duration::from_secs(1), stream.write_all(busy)).await;
                });
                continue;
            };
            let state = state.clone();
            let limits = limits.clone();
            tokio::spawn(async move {
                let service = {
                    let state = state.clone();
                    service_fn(move |request| respond(request, state.clone()))
                };
                let connection = http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(limits.read_timeout)
                    .max_buf_size(limits.header_bytes.max(8 << 10))
                    .serve_connection(TokioIo::new(stream), service);
                let _ = tokio::time::timeout(limits.lifetime, connection).await;
                drop(slot);
            });
        }
    })
}

/// Reads one request's body within the limits, runs it on a worker under its time
/// limit, and turns the [`Answer`] into a response.
async fn respond(
    request: hyper::Request<Incoming>,
    state: Arc<(Store, ServeOptions)>,
) -> Result<hyper::Response<Full<Bytes>>, Infallible> {
    let limits = &state.1.limits;
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    let too_big = || {
        Answer::text(
            413,
            format!("request body over {} bytes", limits.body_bytes),
        )
    };
    let body = if declared.is_some_and(|n| n > limits.body_bytes as u64) {
        Err(too_big())
    } else {
        let reading = Limited::new(body, limits.body_bytes).collect();
        match tokio::time::timeout(limits.read_timeout, reading).await {
            Err(_) => Err(Answer::text(408, "the request body came too slowly")),
            Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => Err(too_big()),
            Ok(Err(e)) => Err(Answer::text(400, format!("reading the request: {e}"))),
            Ok(Ok(collected)) => Ok(collected.to_bytes().to_vec()),
        }
    };
    let answer = match body {
        Err(answer) => answer,
        Ok(body) => {
            let request = hyper::Request::from_parts(parts, body);
            let token = CancellationToken::new();
            let alarm = {
                let (token, limit) = (token.clone(), state.1.timeout);
                tokio::spawn(async move {
                    tokio::time::sleep(limit).await;
                    token.cancel();
                })
            };
            let work = {
                let state = state.clone();
                tokio::task::spawn_blocking(move || handle(&state.0, &state.1, &request, &token))
            };
            let answer = work
                .await
                .unwrap_or_else(|_| Answer::text(500, "the request failed inside the server"));
            alarm.abort();
            answer
        }
    };
    Ok(answer.into_response())
}

/// Answers `bytes`, one or more raw requests, as the server does on a socket, and
/// returns what it writes back: the HTTP fuzz target and its regression tests drive the
/// real connection handling (hyper's parser, the limits, [`handle`]) without a socket.
pub fn answer_bytes(store: &Store, options: &ServeOptions, bytes: &[u8]) -> Vec<u8> {
    use tokio::io::AsyncReadExt;
    thread_local! {
        static RUNTIME: Option<tokio::runtime::Runtime> = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .ok();
    }
    RUNTIME.with(|runtime| {
        let Some(runtime) = runtime else {
            return Vec::new();
        };
        let state = Arc::new((store.clone(), options.clone()));
        let limits = options.limits.clone();
        runtime.block_on(async move {
            let (mut client, server) = tokio::io::duplex(64 << 10);
            let service = service_fn(move |request| respond(request, state.clone()));
            // (The bytes end with a half-close; the answer must still come.)
            let connection = http1::Builder::new()
                .timer(TokioTimer::new())
                .half_close(true)
                .header_read_timeout(limits.read_timeout)
                .max_buf_size(limits.header_bytes.max(8 << 10))
                .serve_connection(TokioIo::new(server), service);
            let driver = tokio::spawn(connection);
            let mut answer = Vec::new();
            let talk = async {
                let _ = client.write_all(bytes).await;
                let _ = client.shutdown().await;
                let _ = client.read_to_end(&mut answer).await;
            };
            let _ = tokio::time::timeout(limits.read_timeout * 2, talk).await;
            driver.abort();
            answer
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(bytes: &[u8]) -> String {
        let store = Store::new().unwrap();
        let mut options = ServeOptions::default();
        options.limits.read_timeout = Duration::from_millis(500);
        String::from_utf8_lossy(&answer_bytes(&store, &options, bytes)).into_owned()
    }

    #[test]
    fn raw_requests_get_well_formed_answers() {
        let ok = answer(b"GET / HTTP/1.1\r\nHost: localhost:7878\r\nConnection: close\r\n\r\n");
        assert!(ok.starts_with("HTTP/1.1 403"), "{ok}");
        let garbage = answer(b"\x00\x01 not http at all\r\n\r\n");
        assert!(garbage.starts_with("HTTP/1.1 400"), "{garbage}");
        let big = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(9000));
        assert!(answer(big.as_bytes()).starts_with("HTTP/1.1 431"));
        // Cut short: no answer, no hang.
        assert_eq!(answer(b"GET / HT"), "");
    }
}
