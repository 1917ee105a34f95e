//! `newsgraph export`.

use super::Outcome;
use anyhow::{Context, Result, anyhow};
use clap::{Args, ValueEnum};
use newsgraph::mint::vocab;
use newsgraph::store::{self, ExportFormat};
use oxigraph::io::RdfFormat;
use oxigraph::model::NamedNode;
use oxigraph::store::Store;
use std::fs::File;
use std::io::{self, BufWriter};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The on-disk store to read (opened read-only).
    #[arg(long, value_name = "DIR")]
    store: PathBuf,
    /// Export only this named graph (an article's IRI); without it, every graph.
    #[arg(long, value_name = "IRI", value_parser = super::parse_iri)]
    graph: Option<NamedNode>,
    /// Write to this file instead of standard output; its extension gives the format
    /// unless --format says otherwise.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// ttl, nt and rdfxml hold one graph (use --graph); nq, trig and jsonld hold all.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Base IRI of the minted names, for the Turtle and TriG prefixes.
    #[arg(long, value_name = "IRI", default_value = vocab::DEFAULT_BASE)]
    base: String,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// Turtle, with the ontology's prefixes, subjects grouped
    Ttl,
    /// N-Triples
    Nt,
    /// N-Quads
    Nq,
    /// TriG
    Trig,
    /// JSON-LD, compacted with ontology/context.jsonld
    Jsonld,
    /// RDF/XML
    Rdfxml,
}

impl From<Format> for ExportFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Ttl => Self::Rdf(RdfFormat::Turtle),
            Format::Nt => Self::Rdf(RdfFormat::NTriples),
            Format::Nq => Self::Rdf(RdfFormat::NQuads),
            Format::Trig => Self::Rdf(RdfFormat::TriG),
            Format::Jsonld => Self::JsonLd,
            Format::Rdfxml => Self::Rdf(RdfFormat::RdfXml),
        }
    }
}

pub fn run(args: ExportArgs) -> Result<Outcome> {
    let format = match (args.format, &args.output) {
        (Some(f), _) => f.into(),
        (None, Some(path)) => match store::format_of_path(path) {
            Some(RdfFormat::JsonLd { .. }) => ExportFormat::JsonLd,
            Some(f) => ExportFormat::Rdf(f),
            None => {
                return Err(anyhow!(
                    "{}: unknown RDF format (use .ttl, .nt, .nq, .trig, .jsonld or .rdf, or --format)",
                    path.display()
                ));
            }
        },
        (None, None) if args.graph.is_some() => ExportFormat::Rdf(RdfFormat::Turtle),
        (None, None) => ExportFormat::Rdf(RdfFormat::TriG),
    };
    if !args.store.is_dir() {
        return Err(anyhow!("{}: no such store directory", args.store.display()));
    }
    let store = Store::open_read_only(&args.store)
        .with_context(|| format!("opening store {}", args.store.display()))?;
    let graph = args.graph.as_ref();
    match &args.output {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("creating {}", path.display()))?;
            store::export(&store, graph, format, BufWriter::new(file), &args.base)
                .with_context(|| format!("writing {}", path.display()))?;
        }
        None => {
            store::export(&store, graph, format, io::stdout().lock(), &args.base)?;
        }
    }
    Ok(Outcome::Ok)
}
