//! `newsgraph serve`.

use super::Outcome;
use anyhow::{Context, Result, anyhow};
use clap::Args;
use newsgraph::mint::vocab;
use newsgraph::serve::access::{Access, read_token};
use newsgraph::serve::{self, ServeOptions};
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
    /// The largest request body accepted, in MiB (HTTP 413 past it).
    #[arg(long, value_name = "MIB", default_value_t = 16)]
    max_body_mib: usize,
    /// Time limit of one query or update, in seconds; past it the query is stopped, the
    /// update written not at all (HTTP 503).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,
    /// Requests served at once.
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
        Store::open(&args.store)
    } else {
        if !args.store.is_dir() {
            return Err(anyhow!("{}: no such store directory", args.store.display()));
        }
        Store::open_read_only(&args.store)
    }
    .with_context(|| format!("opening store {}", args.store.display()))?;
    let server = serve::bind(&args.bind).with_context(|| format!("listening on {}", args.bind))?;
    let Some(address) = server.server_addr().to_ip() else {
        return Err(anyhow!("{}: not an IP address", args.bind));
    };
    eprintln!(
        "newsgraph: serving {} on http://{address}/query ({}; Ctrl-C stops)",
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
    serve::serve(
        server,
        store,
        ServeOptions {
            timeout,
            base: args.base,
            threads: args.threads,
            max_body: args.max_body_mib << 20,
            access: Access::new(address, token, &args.host_names, args.cors),
            unspecified: address.ip().is_unspecified(),
            outbound,
        },
    );
    Ok(Outcome::Ok)
}
