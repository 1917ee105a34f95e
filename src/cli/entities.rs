//! `newsgraph entities`.

use super::Outcome;
use anyhow::{Result, anyhow};
use clap::{Args, ValueEnum};
use newsgraph::mint::vocab;
use newsgraph::store::{self, ResultsFormat};
use std::io;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// The on-disk store to read (opened read-only).
    #[arg(long, value_name = "DIR")]
    store: PathBuf,
    /// Only entities of this kind.
    #[arg(long, value_enum)]
    kind: Option<Kind>,
    /// At most this many, the most widely named first.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// A table for the terminal, or SPARQL results (json, csv, tsv, xml) for programs.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Base IRI used to shorten names in tables.
    #[arg(long, value_name = "IRI", default_value = vocab::DEFAULT_BASE)]
    base: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Kind {
    Person,
    Organization,
    Place,
    Event,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
    Tsv,
    Xml,
}

pub fn run(args: EntitiesArgs) -> Result<Outcome> {
    let kind = args.kind.map(|k| match k {
        Kind::Person => "Person",
        Kind::Organization => "Organization",
        Kind::Place => "Place",
        Kind::Event => "Event",
    });
    let query = store::entities_query(kind, args.limit);
    let store = super::open_source(Some(&args.store), &[])?;
    let results = store::run_query(&store, &query).map_err(|e| anyhow!(e))?;
    let format = match args.format {
        Format::Table => ResultsFormat::Table,
        Format::Json => ResultsFormat::Json,
        Format::Csv => ResultsFormat::Csv,
        Format::Tsv => ResultsFormat::Tsv,
        Format::Xml => ResultsFormat::Xml,
    };
    store::write_results(io::stdout().lock(), results, format, &args.base)?;
    Ok(Outcome::Ok)
}
