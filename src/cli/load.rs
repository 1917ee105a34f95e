//! `newsgraph load`.

use super::Outcome;
use anyhow::{Context, Result, bail};
use clap::Args;
use newsgraph::store;
use oxigraph::model::NamedNode;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct LoadArgs {
    /// The on-disk store to load into (created if missing).
    #[arg(long, value_name = "DIR")]
    store: PathBuf,
    /// RDF files; the format follows the extension (.ttl, .nt, .nq, .trig, .rdf, .jsonld),
    /// gzip-compressed with .gz after it (shard.nq.gz).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Put the triples into this named graph instead of the default graph (quads in
    /// N-Quads and TriG keep their own graphs).
    #[arg(long, value_name = "IRI", value_parser = super::parse_iri)]
    graph: Option<NamedNode>,
}

pub fn run(args: LoadArgs) -> Result<Outcome> {
    let store = newsgraph::store::open_for_writing(&args.store)
        .with_context(|| format!("opening store {}", args.store.display()))?;
    match store::load_into(&store, &args.files, args.graph.as_ref()) {
        Ok(report) => {
            store.flush().context("writing the store to disk")?;
            eprintln!(
                "newsgraph: loaded {} quads from {} file{} into {}",
                report.quads,
                report.files,
                if report.files == 1 { "" } else { "s" },
                args.store.display()
            );
            Ok(Outcome::Ok)
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("newsgraph: {e}");
            }
            bail!(
                "{} of {} files failed; nothing was loaded, the store is unchanged",
                errors.len(),
                args.files.len()
            )
        }
    }
}
