//! Command-line arguments (clap derive; their doc comments are the `--help` text)
//! and dispatch. Exit status: 0 all good, 1 some inputs failed, 2 fatal error.

mod analyze;
mod entities;
mod export;
mod extract;
mod link;
mod load;
mod query;
mod serve;
mod update;
mod validate;

use clap::{Parser, Subcommand};
use std::io;
use std::process::ExitCode;

/// newsgraph turns English news articles into an RDF knowledge graph: persons,
/// organizations, places and events; who holds which role where; who said what;
/// who did what to whom, when and where — every fact with the words it came from.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract the knowledge graph of news articles (plain UTF-8 text files).
    ///
    /// Without --output or --store the graph is printed as Turtle.
    ///
    /// Example: newsgraph extract examples/wic2020.txt --published 2020-11-23
    Extract(extract::ExtractArgs),
    /// Print the linguistic analysis of articles: each word's part of speech, lemma,
    /// head and dependency relation, and name tag, as CoNLL-U or JSON.
    ///
    /// With --input-format conllu, the words of a CoNLL-U file are analysed as they are
    /// tokenized, so the result can be scored against a treebank.
    ///
    /// Example: newsgraph analyze examples/wic2020.txt
    Analyze(analyze::AnalyzeArgs),
    /// Ask a SPARQL 1.1 query over a store or over RDF files.
    ///
    /// The default graph is the union of all graphs unless the query says FROM.
    ///
    /// Example: newsgraph query --data graph.ttl 'SELECT ?p WHERE { ?p a ng:Person }'
    Query(query::QueryArgs),
    /// List a store's persons, organizations, places and events with the number of
    /// articles that name each, the most widely named first.
    ///
    /// Example: newsgraph entities --store graph.db --kind person --limit 20
    Entities(entities::EntitiesArgs),
    /// Bulk-load RDF files into a store, all or nothing.
    ///
    /// A file that does not parse is reported with its line and column, and then
    /// nothing is loaded: the store stays as it was.
    ///
    /// Example: newsgraph load --store graph.db data.ttl more.nq --graph https://example.org/g
    Load(load::LoadArgs),
    /// Run a SPARQL 1.1 Update on a store.
    ///
    /// Example: newsgraph update --store graph.db 'DROP GRAPH <https://example.org/g>'
    Update(update::UpdateArgs),
    /// Write a store's graphs as Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML.
    ///
    /// Output is deterministic: graphs, subjects, predicates and objects in order.
    /// Without --output and --format: TriG for the whole store, Turtle for one --graph.
    ///
    /// Example: newsgraph export --store graph.db --format jsonld --output graph.jsonld
    Export(export::ExportArgs),
    /// Serve a store over HTTP: SPARQL 1.1 Protocol and Graph Store Protocol.
    ///
    /// Queries at /query (GET or POST), updates at /update and graphs at
    /// /store?graph=IRI when started with --writable. Loopback only unless --bind
    /// says otherwise.
    ///
    /// Example: newsgraph serve --store graph.db --bind 127.0.0.1:7878
    Serve(serve::ServeArgs),
    /// Link persons, organizations and places to Wikidata, DBpedia, GeoNames or any
    /// SPARQL endpoint or RDF reference, as owl:sameAs in the graph <BASE>links.
    ///
    /// Candidates are found by name (label, aliases, without legal forms) in batched,
    /// cached queries and ranked by type, employer or country, and prominence; close
    /// calls are reported, not guessed.
    ///
    /// Example: newsgraph link --store graph.db --target wikidata
    Link(link::LinkArgs),
    /// Check a graph against the ontology's SHACL shapes (ontology/shapes.ttl).
    ///
    /// Prints each violation with its node, path, constraint and shape; exits with 1
    /// when there are any.
    ///
    /// Example: newsgraph validate --data graph.ttl
    Validate(validate::ValidateArgs),
}

/// What a command reports back to `main`.
pub(crate) enum Outcome {
    /// Everything worked.
    Ok,
    /// Some inputs failed; the others were processed.
    Partial,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Query(args) => query::run(args),
        Command::Entities(args) => entities::run(args),
        Command::Load(args) => load::run(args),
        Command::Update(args) => update::run(args),
        Command::Export(args) => export::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Link(args) => link::run(args),
        Command::Validate(args) => validate::run(args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsgraph: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// The store to read: an on-disk store opened read-only, or RDF files loaded into memory.
pub(crate) fn open_source(
    store: Option<&std::path::Path>,
    data: &[std::path::PathBuf],
) -> anyhow::Result<oxigraph::store::Store> {
    use anyhow::Context;
    match store {
        Some(dir) => {
            if !dir.is_dir() {
                anyhow::bail!("{}: no such store directory", dir.display());
            }
            oxigraph::store::Store::open_read_only(dir)
                .with_context(|| format!("opening store {}", dir.display()))
        }
        None => Ok(newsgraph::store::load_files(data)?),
    }
}

/// An absolute IRI given on the command line.
pub(crate) fn parse_iri(s: &str) -> Result<oxigraph::model::NamedNode, String> {
    oxigraph::model::NamedNode::new(s).map_err(|e| format!("not an absolute IRI: {e}"))
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
