//! `newsgraph extract`.

use super::Outcome;
use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use newsgraph::link::{self, LinkOptions};
use newsgraph::mint::{self, vocab};
use newsgraph::model::EntityKind;
use newsgraph::model::{Article, Date};
use newsgraph::store::{self, ArticleStore};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, NamedNode, Quad};
use oxigraph::store::Store;
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files: plain UTF-8 text, one article per file.
    #[arg(required = true, value_name = "ARTICLE")]
    articles: Vec<PathBuf>,
    /// Publication date, YYYY-MM-DD; relative dates ("on Monday", "last month")
    /// resolve against it and are left out without it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    published: Option<Date>,
    /// Base IRI for minted entities and articles.
    #[arg(long, value_name = "IRI", default_value = vocab::DEFAULT_BASE, value_parser = parse_base)]
    base: String,
    /// Write the graph to this file; the format follows its extension
    /// (.ttl, .nt, .nq, .trig).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write into this on-disk Oxigraph store, each article in its own named graph
    /// (re-extracting an article replaces its graph).
    #[arg(long, value_name = "DIR")]
    store: Option<PathBuf>,
    /// Output format, overriding the extension of --output (or for standard output).
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Print, sentence by sentence, what was found and by which rule, instead of the
    /// graph (which still goes to --output or --store when given).
    #[arg(long)]
    explain: bool,
    /// Link the places found to GeoNames, offline, with the reference that ships with
    /// newsgraph (reference/geonames-places.ttl); links go to the graph <BASE>links.
    #[arg(long)]
    link_places: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Turtle
    Ttl,
    /// N-Triples
    Nt,
    /// N-Quads (one named graph per article)
    Nq,
    /// TriG (one named graph per article)
    Trig,
}

impl From<OutputFormat> for RdfFormat {
    fn from(f: OutputFormat) -> Self {
        match f {
            OutputFormat::Ttl => RdfFormat::Turtle,
            OutputFormat::Nt => RdfFormat::NTriples,
            OutputFormat::Nq => RdfFormat::NQuads,
            OutputFormat::Trig => RdfFormat::TriG,
        }
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("'{s}' is not a date of the form YYYY-MM-DD"))
}

fn parse_base(s: &str) -> Result<String, String> {
    oxigraph::model::NamedNode::new(s).map_err(|e| format!("'{s}' is not an absolute IRI: {e}"))?;
    if !s.ends_with(['/', '#']) {
        return Err(format!(
            "'{s}' must end with '/' or '#' so that names can be appended"
        ));
    }
    Ok(s.to_owned())
}

/// A unique article id from a file name.
fn article_id(path: &Path, seen: &mut HashSet<String>) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article");
    let mut id = stem.to_owned();
    let mut n = 2;
    while !seen.insert(mint::slug(&id)) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}

pub fn run(args: ExtractArgs) -> Result<Outcome> {
    let format: Option<RdfFormat> = match (args.format, &args.output) {
        (Some(f), _) => Some(f.into()),
        (None, Some(path)) => Some(match store::format_of_path(path) {
            Some(
                f @ (RdfFormat::Turtle | RdfFormat::NTriples | RdfFormat::NQuads | RdfFormat::TriG),
            ) => f,
            _ => bail!(
                "{}: cannot tell the output format from the extension (use .ttl, .nt, .nq or .trig, or --format)",
                path.display()
            ),
        }),
        (None, None) if args.store.is_none() && !args.explain => Some(RdfFormat::Turtle),
        (None, None) => None,
    };
    let store = args
        .store
        .as_deref()
        .map(ArticleStore::open)
        .transpose()
        .context("opening the store")?;

    let mut failed = 0usize;
    let mut seen = HashSet::new();
    let mut all_quads: Vec<Quad> = Vec::new();
    for path in &args.articles {
        let text = match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    let offset = e.utf8_error().valid_up_to();
                    eprintln!(
                        "newsgraph: {}: not UTF-8 text (invalid byte at offset {offset}); skipped",
                        path.display()
                    );
                    failed += 1;
                    continue;
                }
            },
            Err(e) => {
                eprintln!("newsgraph: {}: {e}; skipped", path.display());
                failed += 1;
                continue;
            }
        };
        let article = Article {
            id: article_id(path, &mut seen),
            text,
            published: args.published,
        };
        let extraction = newsgraph::extract(&article);
        if args.explain {
            print!("{}", newsgraph::explain::explain(&extraction));
        }
        let quads = mint::mint(&extraction, &args.base);
        if let Some(store) = &store {
            let graph = NamedNode::new_unchecked(mint::article_iri(&args.base, &article.id));
            store.replace_graph(&graph, &quads)?;
        }
        if format.is_some() {
            all_quads.extend(quads);
        }
    }
    if args.link_places {
        link_places(store.as_ref(), format.map(|_| &mut all_quads), &args.base)?;
    }
    if let Some(format) = format {
        if !format.supports_datasets() {
            for q in &mut all_quads {
                q.graph_name = GraphName::DefaultGraph;
            }
        }
        mint::sort_quads(&mut all_quads);
        match &args.output {
            Some(path) => write_atomically(path, |w| {
                store::write_quads(w, format, &all_quads, &args.base)
            })?,
            None => store::write_quads(io::stdout().lock(), format, &all_quads, &args.base)?,
        }
    }
    Ok(if failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

/// Links the places of the store and of the quads to GeoNames, offline.
fn link_places(
    store: Option<&ArticleStore>,
    quads: Option<&mut Vec<Quad>>,
    base: &str,
) -> Result<()> {
    let mut reference = link::geonames_reference()?;
    let options = LinkOptions {
        kinds: vec![EntityKind::Place],
        ..LinkOptions::default()
    };
    if let Some(store) = store {
        let report = link::link(store.store(), &mut reference, &options)?;
        link::write_links(store.store(), &report, base, "geonames")?;
    }
    if let Some(quads) = quads {
        let graph = Store::new()?;
        graph.extend(quads.iter().cloned())?;
        let report = link::link(&graph, &mut reference, &options)?;
        quads.extend(link::link_quads(&report, base, "geonames"));
    }
    Ok(())
}

/// Writes a file through a temporary file beside it, so a failure never leaves half
/// a graph behind.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> io::Result<()> {
        let mut file = io::BufWriter::new(std::fs::File::create(&tmp)?);
        write(&mut file)?;
        file.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("writing {}", path.display()))
}
