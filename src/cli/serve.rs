//! `newsgraph serve`.

use super::Outcome;
use anyhow::{Context, Result, anyhow};
use clap::Args;
use newsgraph::mint::vocab;
use newsgraph::serve::{self, ServeOptions};
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
    /// Allow SPARQL Update and Graph Store writes (PUT, POST, DELETE).
    #[arg(long)]
    writable: bool,
    /// Time limit of one query, in seconds; past it the query is stopped (HTTP 503).
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
    let address = server
        .server_addr()
        .to_ip()
        .map_or_else(|| args.bind.clone(), |a| a.to_string());
    eprintln!(
        "newsgraph: serving {} on http://{address}/query ({}; Ctrl-C stops)",
        args.store.display(),
        if args.writable {
            "writable"
        } else {
            "read-only"
        }
    );
    serve::serve(
        server,
        store,
        ServeOptions {
            writable: args.writable,
            timeout: Duration::from_secs_f64(args.timeout),
            base: args.base,
            threads: args.threads,
            ..ServeOptions::default()
        },
    );
    Ok(Outcome::Ok)
}
