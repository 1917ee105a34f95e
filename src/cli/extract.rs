//! `newsgraph extract`.

use super::Outcome;
use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use newsgraph::corpus::{self, InputFormat};
use newsgraph::link::{self, LinkOptions};
use newsgraph::mint::{self, vocab};
use newsgraph::model::Date;
use newsgraph::model::EntityKind;
use newsgraph::pipeline;
use newsgraph::store::{self, ArticleStore};
use oxigraph::io::{RdfFormat, WriterQuadSerializer};
use oxigraph::model::{NamedNode, Quad};
use oxigraph::store::Store;
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Articles: plain UTF-8 text files (one article each), JSON Lines files (.jsonl:
    /// one {"id", "text", "published", "url", "title"} object per line), directories
    /// (walked recursively), or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    articles: Vec<PathBuf>,
    /// How standard input (and every input) holds its articles, instead of guessing
    /// from the extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputKind>,
    /// In directories, read the files whose name matches this pattern (* and ?);
    /// by default *.txt and *.jsonl.
    #[arg(long, value_name = "PATTERN")]
    glob: Option<String>,
    /// Publication date, YYYY-MM-DD, of the articles that do not give their own;
    /// relative dates ("on Monday", "last month") resolve against it and are left out
    /// without it.
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
    /// The memory budget of the store's bulk loader, in megabytes (with --store).
    #[arg(long, value_name = "MB", requires = "store")]
    max_memory: Option<usize>,
    /// Send each article's graph to this SPARQL 1.1 Graph Store Protocol service
    /// (PUT <URL>?graph=<article IRI>, retried), e.g. http://127.0.0.1:7878/store of
    /// `newsgraph serve --writable`, instead of an embedded store. The token in
    /// NEWSGRAPH_TOKEN, if set, goes with it (Authorization: Bearer).
    #[arg(long, value_name = "URL")]
    endpoint: Option<String>,
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
    /// Extract each article on its own: a short name ("Reyes") is not resolved to the
    /// fuller name an earlier article gave ("Tom Reyes"). The graph of an article is
    /// then the same whatever else is extracted with it, as in the Python package and
    /// the Spark and Ray jobs of examples/, whose shards this output equals.
    #[arg(long)]
    independent: bool,
    /// Print neither progress nor the summary.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum InputKind {
    /// One plain UTF-8 article per file.
    Text,
    /// JSON Lines: one article object per line.
    Jsonl,
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

/// Articles extracted at once: enough to keep every core busy, few enough that memory
/// stays bounded whatever the corpus.
const CHUNK: usize = 64;

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
        (None, None) if args.store.is_none() && args.endpoint.is_none() && !args.explain => {
            Some(RdfFormat::Turtle)
        }
        (None, None) => None,
    };
    let store = args
        .store
        .as_deref()
        .map(|dir| {
            let store = ArticleStore::open(dir)?;
            Ok::<_, store::StoreError>(match args.max_memory {
                Some(mb) => store.with_max_memory(mb),
                None => store,
            })
        })
        .transpose()
        .context("opening the store")?;
    let mut endpoint = args
        .endpoint
        .as_deref()
        .map(|url| {
            if !url.starts_with("http://") && !url.starts_with("https://") {
                bail!("--endpoint {url:?}: expected an http(s) URL");
            }
            let token = std::env::var("NEWSGRAPH_TOKEN").ok();
            Ok(store::GraphStore::new(url, 3, Duration::from_secs(60))?.with_token(token))
        })
        .transpose()?;
    let forced = args.input_format.map(|k| match k {
        InputKind::Text => InputFormat::Text,
        InputKind::Jsonl => InputFormat::Jsonl,
    });
    let (inputs, mut input_errors) = corpus::inputs(&args.articles, args.glob.as_deref(), forced);
    let total_bytes: u64 = inputs
        .iter()
        .filter_map(|i| i.path.as_ref()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    let mut progress = Progress::new(!args.quiet && io::stderr().is_terminal(), total_bytes);
    let mut summary = Summary::default();
    let reference = if args.link_places && format.is_some() {
        Some(link::geonames_reference()?)
    } else {
        None
    };

    let write = |out: &mut dyn Write| -> Result<Summary> {
        let mut sink = Sink::new(format, &args.base, out)?;
        let mut reference = reference;
        let mut articles = corpus::Articles::new(inputs, args.published);
        let mut aliases = pipeline::CorpusAliases::default();
        loop {
            let chunk = articles.next_chunk(CHUNK, |e| {
                progress.clear();
                eprintln!("newsgraph: {e}; skipped");
                summary.failed += 1;
            });
            if chunk.is_empty() {
                break;
            }
            let aliases = (!args.independent).then_some(&mut aliases);
            let done = pipeline::extract_all(chunk, &args.base, aliases);
            let mut links = Vec::new();
            if let Some(reference) = reference.as_mut() {
                let graph = Store::new()?;
                graph.extend(done.iter().flat_map(|(_, q)| q.iter().cloned()))?;
                let options = LinkOptions {
                    kinds: vec![EntityKind::Place],
                    ..LinkOptions::default()
                };
                let report = link::link(&graph, reference, &options)?;
                links = link::link_quads(&report, &args.base, "geonames");
            }
            let lines = sink.serialize_in_parallel(&done);
            for (k, (x, quads)) in done.iter().enumerate() {
                summary.add(x, quads.len());
                progress.advance(x.article.text.len() as u64, summary.articles);
                if args.explain {
                    progress.clear();
                    print!("{}", newsgraph::explain::explain(x));
                }
                sink.write(quads, lines.get(k).map(Vec::as_slice))?;
            }
            sink.write(&links, None)?;
            if let Some(endpoint) = endpoint.as_mut() {
                for (x, quads) in &done {
                    let iri = mint::article_iri(&args.base, &x.article.id);
                    endpoint.put(&NamedNode::new_unchecked(iri), quads)?;
                }
            }
            if let Some(store) = &store {
                let graphs: Vec<(NamedNode, &[Quad])> = done
                    .iter()
                    .map(|(x, quads)| {
                        let iri = mint::article_iri(&args.base, &x.article.id);
                        (NamedNode::new_unchecked(iri), quads.as_slice())
                    })
                    .collect();
                store.replace_graphs(&graphs)?;
            }
        }
        sink.finish()?;
        Ok(summary)
    };
    let summary = match (&args.output, format) {
        (Some(path), Some(_)) => write_atomically(path, write)?,
        // Standard output flushes at every line; explanations must come in order with the
        // quads, else the quads are buffered.
        _ if args.explain => write(&mut io::stdout().lock())?,
        _ => {
            let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
            let summary = write(&mut out)?;
            out.flush()?;
            summary
        }
    };
    progress.clear();
    if let Some(store) = &store {
        if args.link_places {
            link_places(store, &args.base)?;
        }
        store.flush()?;
    }
    let failed = summary.failed + input_errors.len();
    for e in input_errors.drain(..) {
        eprintln!("newsgraph: {e}; skipped");
    }
    if !args.quiet {
        eprintln!("newsgraph: {}", summary.report(failed, progress.elapsed()));
    }
    Ok(if failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

/// Where extracted quads are written: nowhere (only a store or an endpoint), as lines
/// (N-Quads, N-Triples: each article serialized on its own thread, then copied), or
/// through one of Oxigraph's serializers (formats with prefixes and nesting).
enum Sink<'a> {
    Nowhere,
    Lines {
        out: &'a mut dyn Write,
        with_graph: bool,
    },
    Rdf {
        writer: Box<WriterQuadSerializer<&'a mut dyn Write>>,
        format: RdfFormat,
    },
}

impl<'a> Sink<'a> {
    fn new(format: Option<RdfFormat>, base: &str, out: &'a mut dyn Write) -> io::Result<Self> {
        Ok(match format {
            None => Sink::Nowhere,
            Some(f @ (RdfFormat::NQuads | RdfFormat::NTriples)) => Sink::Lines {
                out,
                with_graph: f.supports_datasets(),
            },
            Some(format) => Sink::Rdf {
                writer: Box::new(store::serializer(format, base)?.for_writer(out)),
                format,
            },
        })
    }

    /// The bytes of each article for a line-based sink, made in parallel; else nothing.
    fn serialize_in_parallel(&self, done: &[(newsgraph::Extraction, Vec<Quad>)]) -> Vec<Vec<u8>> {
        let Sink::Lines { with_graph, .. } = *self else {
            return Vec::new();
        };
        done.par_iter()
            .map(|(_, quads)| {
                let mut bytes = Vec::with_capacity(quads.len() * 160);
                store::write_lines(quads, with_graph, &mut bytes);
                bytes
            })
            .collect()
    }

    /// Writes quads, or the bytes `serialize_in_parallel` already made of them.
    fn write(&mut self, quads: &[Quad], serialized: Option<&[u8]>) -> io::Result<()> {
        match self {
            Sink::Nowhere => Ok(()),
            Sink::Lines { out, with_graph } => match serialized {
                Some(bytes) => out.write_all(bytes),
                None => {
                    let mut bytes = Vec::new();
                    store::write_lines(quads, *with_graph, &mut bytes);
                    out.write_all(&bytes)
                }
            },
            Sink::Rdf { writer, format } => store::serialize_quads(writer, *format, quads),
        }
    }

    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Rdf { writer, .. } => writer.finish().map(drop),
            Sink::Lines { out, .. } => out.flush(),
            Sink::Nowhere => Ok(()),
        }
    }
}

/// What an extraction run did, for the summary.
#[derive(Debug, Default)]
struct Summary {
    articles: usize,
    words: usize,
    triples: usize,
    entities: usize,
    undated: usize,
    failed: usize,
}

impl Summary {
    fn add(&mut self, x: &newsgraph::Extraction, quads: usize) {
        self.articles += 1;
        self.words += x.article.text.split_whitespace().count();
        self.triples += quads;
        self.entities += x.entities.len();
        self.undated += usize::from(x.article.published.is_none());
    }

    fn report(&self, failed: usize, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64().max(1e-9);
        let mut line = format!(
            "{} article{}, {} words, {} triples, {} entities in {:.2} s ({:.0} words/s)",
            self.articles,
            if self.articles == 1 { "" } else { "s" },
            self.words,
            self.triples,
            self.entities,
            secs,
            self.words as f64 / secs,
        );
        if failed > 0 {
            line.push_str(&format!("; {failed} failed"));
        }
        if self.undated > 0 {
            line.push_str(&format!(
                "; {} without a publication date, so their relative dates are left out",
                self.undated
            ));
        }
        line
    }
}

/// A one-line progress report on a terminal: articles, MB/s and time left.
struct Progress {
    shown: bool,
    total: u64,
    done: u64,
    start: Instant,
    last: Instant,
}

impl Progress {
    fn new(shown: bool, total: u64) -> Self {
        let now = Instant::now();
        Self {
            shown,
            total,
            done: 0,
            start: now,
            last: now,
        }
    }

    fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    fn advance(&mut self, bytes: u64, articles: usize) {
        self.done += bytes;
        if !self.shown || self.last.elapsed() < Duration::from_millis(200) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = self.done as f64 / secs;
        let left = if self.total > self.done && rate > 0.0 {
            format!(", {:.0} s left", (self.total - self.done) as f64 / rate)
        } else {
            String::new()
        };
        eprint!(
            "\r\x1b[Knewsgraph: {articles} articles, {:.1} MB/s{left}",
            rate / 1e6
        );
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }
}

/// Links the places of the store to GeoNames, offline.
fn link_places(store: &ArticleStore, base: &str) -> Result<()> {
    let mut reference = link::geonames_reference()?;
    let options = LinkOptions {
        kinds: vec![EntityKind::Place],
        ..LinkOptions::default()
    };
    let report = link::link(store.store(), &mut reference, &options)?;
    link::write_links(store.store(), &report, base, "geonames")?;
    Ok(())
}

/// Writes a file through a temporary file beside it, so a failure never leaves half
/// a graph behind.
fn write_atomically<T>(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<T>) -> Result<T> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    remove_stale_temporaries(dir, name);
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> Result<T> {
        let mut file = io::BufWriter::new(std::fs::File::create(&tmp)?);
        let value = write(&mut file)?;
        file.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(value)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("writing {}", path.display()))
}

/// Removes the temporary files of earlier writes of `name` whose process is gone (a
/// killed run): `.NAME.PID.tmp` with no process PID.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix)?.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let alive = pid == std::process::id() || Path::new(&format!("/proc/{pid}")).exists();
        if !alive && Path::new("/proc/self").exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
