//! `newsgraph query`.

use super::Outcome;
use anyhow::{Context, Result, anyhow};
use clap::{ArgGroup, Args, ValueEnum};
use newsgraph::mint::vocab;
use newsgraph::store::{self, ResultsFormat};
use oxigraph::io::RdfFormat;
use std::io;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("source").required(true).args(["store", "data"])))]
#[command(group(ArgGroup::new("text").args(["query", "query_file"])))]
pub struct QueryArgs {
    /// The SPARQL query. The prefixes ng:, rdfs:, xsd:, prov:, nif: … must be declared as usual.
    query: Option<String>,
    /// Read the query from this file.
    #[arg(long, value_name = "FILE")]
    query_file: Option<PathBuf>,
    /// Query this on-disk store (opened read-only).
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
    /// Query these RDF files (.ttl, .nt, .nq, .trig, .rdf), loaded into memory.
    /// A query written after them is recognized as the query.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    data: Vec<PathBuf>,
    /// Result format: a table for the terminal, SPARQL results (json, csv, tsv, xml)
    /// for programs; graphs (CONSTRUCT, DESCRIBE) print as Turtle unless nt, nq or trig.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Base IRI used to shorten names in tables.
    #[arg(long, value_name = "IRI", default_value = vocab::DEFAULT_BASE)]
    base: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
    Tsv,
    Xml,
    Ttl,
    Nt,
    Nq,
    Trig,
}

impl From<Format> for ResultsFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Table => ResultsFormat::Table,
            Format::Json => ResultsFormat::Json,
            Format::Csv => ResultsFormat::Csv,
            Format::Tsv => ResultsFormat::Tsv,
            Format::Xml => ResultsFormat::Xml,
            Format::Ttl => ResultsFormat::Rdf(RdfFormat::Turtle),
            Format::Nt => ResultsFormat::Rdf(RdfFormat::NTriples),
            Format::Nq => ResultsFormat::Rdf(RdfFormat::NQuads),
            Format::Trig => ResultsFormat::Rdf(RdfFormat::TriG),
        }
    }
}

pub fn run(mut args: QueryArgs) -> Result<Outcome> {
    // `--data a.ttl b.ttl 'SELECT …'`: the greedy file list took the query along.
    if args.query.is_none() && args.query_file.is_none() && args.data.len() > 1 {
        let last = args.data.last().expect("more than one value");
        if !last.exists() && last.to_str().is_some_and(|q| q.contains(['{', ' ', '\n'])) {
            args.query = args
                .data
                .pop()
                .and_then(|q| q.into_os_string().into_string().ok());
        }
    }
    let query = match (&args.query, &args.query_file) {
        (Some(q), _) => q.clone(),
        (None, Some(path)) => {
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
        }
        (None, None) => {
            return Err(anyhow!(
                "no query: give it as an argument or with --query-file FILE"
            ));
        }
    };
    let store = super::open_source(args.store.as_deref(), &args.data)?;
    let results = store::run_query(&store, &query).map_err(|e| anyhow!(e))?;
    store::write_results(io::stdout().lock(), results, args.format.into(), &args.base)?;
    Ok(Outcome::Ok)
}
