//! `newsgraph validate`.

use super::Outcome;
use anyhow::{Context, Result, anyhow};
use clap::{ArgGroup, Args};
use newsgraph::validate::{SHAPES, validate_store};
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["store", "data"])))]
pub struct ValidateArgs {
    /// Validate this on-disk store, each of its graphs (one per article) on its own
    /// (opened read-only).
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
    /// Validate these RDF files (.ttl, .nt, .nq, .trig, .rdf, .jsonld), each graph on its
    /// own.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    data: Vec<PathBuf>,
    /// Shapes to check against (Turtle) instead of the ontology's own shapes.
    #[arg(long, value_name = "FILE")]
    shapes: Option<PathBuf>,
}

pub fn run(args: ValidateArgs) -> Result<Outcome> {
    let shapes = match &args.shapes {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
        }
        None => SHAPES.to_owned(),
    };
    let store = super::open_source(args.store.as_deref(), &args.data)?;
    let violations = validate_store(&store, &shapes).map_err(|e| anyhow!(e))?;
    for v in &violations {
        println!("{v}");
    }
    if violations.is_empty() {
        println!("conforms: no violations");
        Ok(Outcome::Ok)
    } else {
        println!(
            "does not conform: {} violation{}",
            violations.len(),
            if violations.len() == 1 { "" } else { "s" }
        );
        Ok(Outcome::Partial)
    }
}
