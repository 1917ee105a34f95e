//! `newsgraph serve`.

use super::Outcome;
use anyhow::{Context, Result, anyhow};
use clap::Args;
use newsgraph::mint::vocab;
use newsgraph::serve::access::{Access, read_token};
use newsgraph::serve::{self, Limits, ServeOptions};
use newsgraph::store::Outbound;
use oxigraph::store::Store;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The on-disk store to serve.
    #[arg(long, value_name = "DIR")]
    store: PathBuf,
    /// Address and port to listen on; loopback by default (port 0 picks a free port).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:7878")]
    bind: String,
    /// Allow SPARQL Update and Graph Store writes (PUT, POST, DELETE) to clients that
    /// send the token (`Authorization: Bearer TOKEN`); needs --token-file or
    /// NEWSGRAPH_TOKEN.
    #[arg(long)]
    writable: bool,
    /// File whose first line is the token writes need (else NEWSGRAPH_TOKEN).
    #[arg(long, value_name = "FILE", requires = "writable")]
    token_file: Option<PathBuf>,
    /// Let web pages of this origin (e.g. https://app.example) read, and with the token
    /// write; no cross-origin access without it.
    #[arg(long, value_name = "ORIGIN")]
    cors: Option<String>,
    /// Another name clients reach the server by (its Host header); the bound address,
    /// and localhost on loopback, are always accepted.
    #[arg(long = "host-name", value_name = "NAME")]
    host_names: Vec<String>,
    /// URL prefix SERVICE and LOAD may reach (repeatable); none by default. Loopback,
    /// private and link-local addresses only when the prefix names them.
    #[arg(long = "allow-service", value_name = "URL-PREFIX")]
    allow_service: Vec<String>,
    /// The largest request body accepted, in MiB (HTTP 413 past it; Graph Store uploads
    /// included).
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    max_body_mib: usize,
    /// The largest request head (request line and headers), in KiB; at least 8 (HTTP
    /// 431 past it).
    #[arg(long, value_name = "KIB", default_value_t = 8)]
    max_header_kib: usize,
    /// Connections open at once; one more gets HTTP 503 at once.
    #[arg(long, value_name = "N", default_value_t = 64)]
    max_connections: usize,
    /// Seconds a client has to send a request's head, and its body (a slow client is
    /// cut off).
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    read_timeout: f64,
    /// The most rows a SELECT answer may have; past it the client gets an error, never
    /// a truncated answer.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    max_rows: usize,
    /// Time limit of one query or update, in seconds; past it the query is stopped, the
    /// update written not at all (HTTP 503).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,
    /// Queries and updates run at once (worker threads).
    #[arg(long, value_name = "N", default_value_t = 4)]
    threads: usize,
    /// Base IRI of the minted names (prefixes of Turtle answers).
    #[arg(long, value_name = "IRI", default_value = vocab::DEFAULT_BASE)]
    base: String,
}

pub fn run(args: ServeArgs) -> Result<Outcome> {
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        return Err(anyhow!("--timeout must be a positive number of seconds"));
    }
    let token = if args.writable {
        Some(read_token(args.token_file.as_deref()).map_err(|e| anyhow!(e))?)
    } else {
        None
    };
    let timeout = Duration::from_secs_f64(args.timeout);
    let outbound =
        Outbound::allowing(args.allow_service.clone(), timeout).map_err(|e| anyhow!(e))?;
    let store = if args.writable {
        newsgraph::store::open_for_writing(&args.store)
    } else {
        if !args.store.is_dir() {
            return Err(anyhow!("{}: no such store directory", args.store.display()));
        }
        Store::open_read_only(&args.store)
    }
    .with_context(|| format!("opening store {}", args.store.display()))?;
    if !(args.read_timeout > 0.0 && args.read_timeout.is_finite()) {
        return Err(anyhow!(
            "--read-timeout must be a positive number of seconds"
        ));
    }
    if args.max_header_kib < 8 {
        return Err(anyhow!("--max-header-kib must be at least 8"));
    }
    let listener = std::net::TcpListener::bind(&args.bind)
        .with_context(|| format!("listening on {}", args.bind))?;
    let address = listener.local_addr()?;
    eprintln!(
        "newsgraph: serving {} on http://{address}/query, its page at http://{address}/ \
         ({}; Ctrl-C stops)",
        args.store.display(),
        if args.writable {
            "writable with the token"
        } else {
            "read-only"
        }
    );
    if !address.ip().is_loopback() {
        eprintln!(
            "newsgraph: warning: listening on {}, not loopback: anyone who reaches this \
             address can query the whole store{} — put a TLS reverse proxy in front of it",
            address.ip(),
            if args.writable {
                ", and change it with the token, which travels in clear over plain HTTP"
            } else {
                ""
            }
        );
    }
    let limits = Limits {
        connections: args.max_connections.max(1),
        workers: args.threads.max(1),
        header_bytes: args.max_header_kib << 10,
        body_bytes: args.max_body_mib << 20,
        read_timeout: Duration::from_secs_f64(args.read_timeout),
        ..Limits::default()
    };
    let options = ServeOptions {
        timeout,
        base: args.base,
        max_rows: args.max_rows,
        limits,
        access: Access::new(address, token, &args.host_names, args.cors),
        unspecified: address.ip().is_unspecified(),
        outbound,
        search: Default::default(),
    };
    let (warm_store, index) = (store.clone(), options.search.clone());
    std::thread::spawn(move || index.warm(&warm_store));
    serve::run(listener, store, options).context("serving")?;
    Ok(Outcome::Ok)
}
