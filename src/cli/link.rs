//! `newsgraph link`.

use super::Outcome;
use anyhow::{Context, Result, bail};
use clap::{ArgGroup, Args, ValueEnum};
use newsgraph::link::{
    self, Decision, Endpoint, EndpointOptions, LinkOptions, Reference, Target, target,
};
use newsgraph::mint::vocab;
use newsgraph::model::EntityKind;
use oxigraph::model::NamedNode;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("to").required(true).args(["target", "reference"])))]
pub struct LinkArgs {
    /// The on-disk store whose entities to link; links go to its graph <BASE>links.
    #[arg(long, value_name = "DIR")]
    store: PathBuf,
    /// Link only the entities of this named graph (one article).
    #[arg(long, value_name = "IRI", value_parser = super::parse_iri)]
    graph: Option<NamedNode>,
    /// Where to look: wikidata, dbpedia, or the URL of any SPARQL endpoint.
    #[arg(long, value_name = "wikidata|dbpedia|URL")]
    target: Option<String>,
    /// Link offline against RDF files with labels and types (e.g. a Wikidata or
    /// GeoNames extract; reference/geonames-places.ttl ships with newsgraph).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    reference: Vec<PathBuf>,
    /// Links below this confidence are not written.
    #[arg(long, value_name = "X", default_value_t = 0.6)]
    min_confidence: f64,
    /// The best candidate must lead the next by this much; else the entity is
    /// reported as ambiguous and not linked.
    #[arg(long, value_name = "X", default_value_t = 0.1)]
    margin: f64,
    /// The kinds of entity to link.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "person,organization,place"
    )]
    kinds: Vec<Kind>,
    /// Names per query sent to the target.
    #[arg(long, value_name = "N", default_value_t = 50)]
    batch: usize,
    /// Directory of cached answers (a second run sends nothing); default
    /// $XDG_CACHE_HOME/newsgraph or ~/.cache/newsgraph.
    #[arg(long, value_name = "DIR")]
    cache: Option<PathBuf>,
    /// Keep no cache.
    #[arg(long, conflicts_with = "cache")]
    no_cache: bool,
    /// At most this many requests per second.
    #[arg(long, value_name = "R", default_value_t = 2.0)]
    rate: f64,
    /// Retries after a 429, a 5xx or a network error, waiting longer each time.
    #[arg(long, value_name = "N", default_value_t = 3)]
    retries: u32,
    /// Seconds before one request is given up.
    #[arg(long, value_name = "S", default_value_t = 60)]
    timeout: u64,
    /// Base IRI the store's entities were minted under.
    #[arg(long, value_name = "IRI", default_value = vocab::DEFAULT_BASE)]
    base: String,
    /// Decide and report, but write nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Kind {
    Person,
    Organization,
    Place,
}

fn default_cache() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("newsgraph"))
}

pub fn run(args: LinkArgs) -> Result<Outcome> {
    if !args.store.is_dir() {
        bail!("{}: no such store directory", args.store.display());
    }
    if !(0.0..=1.0).contains(&args.min_confidence) {
        bail!("--min-confidence must lie between 0 and 1");
    }
    if args.rate <= 0.0 {
        bail!("--rate must be positive");
    }
    let (name, mut target): (String, Box<dyn Target>) = if !args.reference.is_empty() {
        let name = if args.reference.len() == 1 {
            args.reference[0]
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("reference")
                .to_owned()
        } else {
            "reference".to_owned()
        };
        (name, Box::new(Reference::open(&args.reference)?))
    } else {
        let target_arg = args.target.as_deref().unwrap_or_default();
        let (name, url) = match target_arg {
            "wikidata" => ("wikidata".to_owned(), target::WIKIDATA.to_owned()),
            "dbpedia" => ("dbpedia".to_owned(), target::DBPEDIA.to_owned()),
            url if url.starts_with("http://") || url.starts_with("https://") => {
                (url.to_owned(), url.to_owned())
            }
            other => bail!("--target {other:?}: expected wikidata, dbpedia or an http(s) URL"),
        };
        let options = EndpointOptions {
            cache: if args.no_cache {
                None
            } else {
                args.cache.clone().or_else(default_cache)
            },
            timeout: Duration::from_secs(args.timeout),
            retries: args.retries,
            min_interval: Duration::from_secs_f64(1.0 / args.rate),
            ..EndpointOptions::default()
        };
        (name, Box::new(Endpoint::new(&url, options)?))
    };
    let store = newsgraph::store::open_for_writing(&args.store)
        .with_context(|| format!("opening store {}", args.store.display()))?;
    let options = LinkOptions {
        min_confidence: args.min_confidence,
        margin: args.margin,
        batch: args.batch,
        kinds: args
            .kinds
            .iter()
            .map(|k| match k {
                Kind::Person => EntityKind::Person,
                Kind::Organization => EntityKind::Organization,
                Kind::Place => EntityKind::Place,
            })
            .collect(),
        graph: args.graph.clone(),
    };
    let report = link::link(&store, target.as_mut(), &options)
        .context("linking failed; the store is unchanged")?;
    let (mut ambiguous, mut below, mut none) = (0, 0, 0);
    for (entity, decision) in &report.decisions {
        match decision {
            Decision::Linked(_) => {}
            Decision::Ambiguous(close) => {
                ambiguous += 1;
                let items: Vec<String> = close
                    .iter()
                    .map(|s| format!("{} ({:.2})", s.item, s.score))
                    .collect();
                eprintln!(
                    "newsgraph: ambiguous {} \"{}\": {}",
                    entity.iri,
                    entity.label,
                    items.join(", ")
                );
            }
            Decision::Below(_) => below += 1,
            Decision::NoCandidate => none += 1,
        }
    }
    let linked = report.linked().count();
    if !args.dry_run {
        link::write_links(&store, &report, &args.base, &name)
            .context("writing the links; the store is unchanged")?;
        store.flush().context("writing the store to disk")?;
    }
    let (sent, cached) = report.requests;
    eprintln!(
        "newsgraph: {} entities: {linked} linked{}, {ambiguous} ambiguous, {below} below {:.2}, {none} without candidate; {sent} requests sent, {cached} answered from the cache",
        report.decisions.len(),
        if args.dry_run {
            " (dry run: not written)"
        } else {
            ""
        },
        args.min_confidence,
    );
    Ok(Outcome::Ok)
}
