//! `newsgraph update`.

use super::Outcome;
use anyhow::{Context, Result, anyhow};
use clap::{ArgGroup, Args};
use newsgraph::store;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("text").required(true).args(["update", "update_file"])))]
pub struct UpdateArgs {
    /// The on-disk store to change.
    #[arg(long, value_name = "DIR")]
    store: PathBuf,
    /// The SPARQL 1.1 Update, e.g. 'DROP GRAPH <…>'.
    update: Option<String>,
    /// Read the update from this file.
    #[arg(long, value_name = "FILE")]
    update_file: Option<PathBuf>,
}

pub fn run(args: UpdateArgs) -> Result<Outcome> {
    let update = match (&args.update, &args.update_file) {
        (Some(u), _) => u.clone(),
        (None, Some(path)) => {
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
        }
        (None, None) => unreachable!("clap requires one of them"),
    };
    if !args.store.is_dir() {
        return Err(anyhow!("{}: no such store directory", args.store.display()));
    }
    let store = newsgraph::store::open_for_writing(&args.store)
        .with_context(|| format!("opening store {}", args.store.display()))?;
    store::run_update(&store, &update).map_err(|e| anyhow!(e))?;
    store.flush().context("writing the store to disk")?;
    Ok(Outcome::Ok)
}
