//! Quads → RDF files and Oxigraph stores; SPARQL over them.
//!
//! This is the only module that writes. A store keeps each article in the named
//! graph whose name is the article's IRI, so re-extracting an article replaces
//! exactly that graph, in one transaction.

mod export;
mod jsonld;
mod lines;
mod load;
mod outbound;
mod query;
mod remote;

pub use export::{ExportError, ExportFormat, export};
pub use jsonld::{CONTEXT as JSONLD_CONTEXT, write_jsonld};
pub use lines::write_lines;
pub use load::{LoadReport, load_into};
pub use outbound::{GatedServices, Outbound, is_public};
pub use query::{
    QueryOptions, QueryOutput, ResultsFormat, entities_query, run_query, run_query_with,
    run_update, run_update_with, write_results,
};
pub use remote::{GraphStore, PushError};

use crate::mint::vocab;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser, RdfSerializer, WriterQuadSerializer};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, Quad, QuadRef, Term, vocab::xsd};
use oxigraph::store::{StorageError, Store};
use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What can go wrong while writing or loading RDF.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// An RDF file did not parse.
    #[error("{path}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// What was wrong and where (line and column, 1-based).
        message: String,
    },
    /// A file extension that names no RDF format newsgraph reads or writes.
    #[error("{path}: unknown RDF format (use .ttl, .nt, .nq, .trig{extra})")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// More formats accepted in this context.
        extra: &'static str,
    },
    /// The store failed.
    #[error("store {path}: {source}")]
    Storage {
        /// The store directory.
        path: PathBuf,
        /// The cause.
        source: StorageError,
    },
}

/// The RDF format a file name asks for, by its extension.
pub fn format_of_path(path: &Path) -> Option<RdfFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    if ext == "gz" {
        // "shard.nq.gz": the format of what is compressed
        return format_of_path(Path::new(path.file_stem()?));
    }
    format_of_name(&ext)
}

/// Whether a file is gzip-compressed, by its name ("….nq.gz").
pub fn is_gzip(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// The RDF format for a short name or extension ("ttl", "nq", "trig", "nt", "rdf", "jsonld").
pub fn format_of_name(name: &str) -> Option<RdfFormat> {
    Some(match name {
        "ttl" | "turtle" => RdfFormat::Turtle,
        "nt" | "ntriples" | "n-triples" => RdfFormat::NTriples,
        "nq" | "nquads" | "n-quads" => RdfFormat::NQuads,
        "trig" => RdfFormat::TriG,
        "rdf" | "xml" | "rdfxml" | "owl" => RdfFormat::RdfXml,
        "jsonld" | "json-ld" | "json" => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        _ => return None,
    })
}

/// Gives quads to a serializer of `format`: as quads, or as triples when the format has
/// no graphs.
pub fn serialize_quads<W: Write>(
    writer: &mut WriterQuadSerializer<W>,
    format: RdfFormat,
    quads: &[Quad],
) -> io::Result<()> {
    let keep_graphs = format.supports_datasets();
    for q in quads {
        let graph = if keep_graphs {
            q.graph_name.as_ref()
        } else {
            GraphNameRef::DefaultGraph
        };
        writer.serialize_quad(QuadRef::new(&q.subject, &q.predicate, &q.object, graph))?;
    }
    Ok(())
}

/// Writes quads in a format. Formats without graphs (Turtle, N-Triples) get the
/// triples; Turtle and TriG are written with the ontology's prefixes, each subject's
/// triples grouped together (quads are expected sorted, as [`mint`](crate::mint) leaves them).
pub fn write_quads(
    mut out: impl Write,
    format: RdfFormat,
    quads: &[Quad],
    base: &str,
) -> io::Result<()> {
    let mut writer = serializer(format, base)?.for_writer(&mut out);
    serialize_quads(&mut writer, format, quads)?;
    writer.finish()?;
    out.flush()
}

/// Sorts quads by subject, predicate and object, the order every export is written in.
pub fn sort_triples(quads: &mut [Quad]) {
    quads.sort_by_cached_key(|q| {
        (
            q.subject.to_string(),
            q.predicate.to_string(),
            q.object.to_string(),
        )
    });
}

/// A serializer for `format`, with the ontology's prefixes where the format has them.
pub fn serializer(format: RdfFormat, base: &str) -> io::Result<RdfSerializer> {
    let mut serializer = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG) {
        for (prefix, iri) in vocab::prefixes(base) {
            serializer = serializer
                .with_prefix(prefix, iri)
                .map_err(io::Error::other)?;
        }
    }
    Ok(serializer)
}

/// Opens (creating if needed) an on-disk store to write to, and removes what a killed
/// bulk load left behind: Oxigraph writes a bulk load's tables as `bulk-*.sst` files in
/// the store's directory and moves them into the database on commit, so files still
/// there once the store is open (and locked against other writers) belong to a load
/// that never committed.
#[cfg(feature = "rocksdb")]
pub fn open_for_writing(path: &Path) -> Result<Store, StorageError> {
    create_whole(path)?;
    let store = Store::open(path).map_err(|e| {
        // RocksDB's words for a store another process has open for writing.
        if e.to_string().contains("While lock file") {
            StorageError::Io(io::Error::new(
                io::ErrorKind::WouldBlock,
                "the store is in use by another process (an extract, load, update or \
                 serve --writable holds its lock); wait for it to end or stop it",
            ))
        } else {
            e
        }
    })?;
    if let Ok(entries) = std::fs::read_dir(path) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with("bulk-") && name.ends_with(".sst") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(store)
}

/// Creates a new store's directory whole: RocksDB makes a store in several steps (its
/// column families one by one), and a store killed between them cannot be opened
/// read-only. So a new store is made beside its place, closed, and renamed into it; a
/// dead run's unfinished one is removed.
#[cfg(feature = "rocksdb")]
fn create_whole(path: &Path) -> Result<(), StorageError> {
    let empty = path.is_dir() && std::fs::read_dir(path).is_ok_and(|mut d| d.next().is_none());
    if path.exists() && !empty {
        return Ok(());
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("store");
    let prefix = format!(".{name}.creating-");
    if let Ok(entries) = std::fs::read_dir(parent) {
        for entry in entries.flatten() {
            let file = entry.file_name();
            let pid = file
                .to_str()
                .and_then(|f| f.strip_prefix(&prefix)?.parse::<u32>().ok());
            if pid.is_some_and(|pid| !Path::new(&format!("/proc/{pid}")).exists()) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    std::fs::create_dir_all(parent)?;
    let creating = parent.join(format!("{prefix}{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&creating);
    Store::open(&creating)?.flush()?;
    if empty {
        std::fs::remove_dir(path)?;
    }
    std::fs::rename(&creating, path)?;
    Ok(())
}

/// An on-disk Oxigraph store with one named graph per article.
pub struct ArticleStore {
    store: Store,
    path: PathBuf,
    max_memory_mb: Option<usize>,
}

impl ArticleStore {
    /// Opens (creating if needed) the store in a directory.
    #[cfg(feature = "rocksdb")]
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let store = open_for_writing(path).map_err(|source| StoreError::Storage {
            path: path.to_owned(),
            source,
        })?;
        Ok(Self {
            store,
            path: path.to_owned(),
            max_memory_mb: None,
        })
    }

    /// Caps the memory of the bulk loader that writes new graphs, in megabytes.
    pub fn with_max_memory(mut self, megabytes: usize) -> Self {
        self.max_memory_mb = Some(megabytes);
        self
    }

    /// Writes what RocksDB still holds in memory to its tables, so that the next opening
    /// need not replay the write-ahead log (slow, and as large as the last transaction).
    #[cfg(feature = "rocksdb")]
    pub fn flush(&self) -> Result<(), StoreError> {
        self.store.flush().map_err(|source| StoreError::Storage {
            path: self.path.clone(),
            source,
        })
    }

    /// The underlying Oxigraph store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Replaces the named graph `graph` with `quads` (whose graph names are ignored),
    /// atomically: readers see the old graph or the new one, never a mix.
    pub fn replace_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        self.replace_graphs(&[(graph.clone(), quads)])
    }

    /// Writes the graphs of several articles: graphs new to the store through
    /// Oxigraph's bulk loader (fast, and nothing to replace), graphs already there
    /// replaced in one transaction, so a re-extracted article changes atomically.
    pub fn replace_graphs(&self, graphs: &[(NamedNode, &[Quad])]) -> Result<(), StoreError> {
        let storage = |source| StoreError::Storage {
            path: self.path.clone(),
            source,
        };
        let mut fresh = Vec::new();
        let mut existing = Vec::new();
        for (graph, quads) in graphs {
            if self.store.contains_named_graph(graph).map_err(storage)? {
                existing.push((graph, quads));
            } else {
                fresh.push((graph, quads));
            }
        }
        if !fresh.is_empty() {
            let mut loader = self.store.bulk_loader();
            if let Some(mb) = self.max_memory_mb {
                loader = loader.with_max_memory_size_in_megabytes(mb);
            }
            loader
                .load_quads(fresh.iter().flat_map(|(graph, quads)| {
                    quads.iter().map(|q| {
                        Quad::new(
                            q.subject.clone(),
                            q.predicate.clone(),
                            q.object.clone(),
                            (*graph).clone(),
                        )
                    })
                }))
                .map_err(storage)?;
            loader.commit().map_err(storage)?;
        }
        if existing.is_empty() {
            return Ok(());
        }
        // Only what changed is written: extracting an unchanged article again writes
        // nothing, and one transaction keeps every graph whole.
        let mut transaction = self.store.start_transaction().map_err(storage)?;
        for (graph, quads) in existing {
            let graph = graph.as_ref();
            let old = transaction
                .quads_for_pattern(None, None, None, Some(graph.into()))
                .collect::<Result<Vec<Quad>, _>>()
                .map_err(storage)?;
            // Each new quad beside the form the store would give back for it.
            let stored_objects: Vec<Option<Term>> =
                quads.iter().map(|q| as_stored(&q.object)).collect();
            let new: Vec<(&Quad, QuadRef<'_>)> = quads
                .iter()
                .zip(&stored_objects)
                .map(|(q, stored)| {
                    let object = stored.as_ref().unwrap_or(&q.object);
                    (q, QuadRef::new(&q.subject, &q.predicate, object, graph))
                })
                .collect();
            let new_as_stored: HashSet<QuadRef<'_>> = new.iter().map(|(_, s)| *s).collect();
            let kept: HashSet<QuadRef<'_>> = old.iter().map(Quad::as_ref).collect();
            for q in &old {
                if !new_as_stored.contains(&q.as_ref()) {
                    transaction.remove(q);
                }
            }
            for (q, as_stored) in &new {
                if !kept.contains(as_stored) {
                    transaction.insert(QuadRef::new(&q.subject, &q.predicate, &q.object, graph));
                }
            }
        }
        transaction.commit().map_err(storage)
    }
}

/// The literal Oxigraph gives back for one we store, when it differs: integers of the
/// derived types come back as `xsd:integer`, decimals in canonical form ("0.50" as "0.5").
fn as_stored(term: &Term) -> Option<Term> {
    let Term::Literal(literal) = term else {
        return None;
    };
    let datatype = literal.datatype().as_str();
    let integer_type = datatype
        .strip_prefix("http://www.w3.org/2001/XMLSchema#")
        .is_some_and(|t| {
            matches!(
                t,
                "nonNegativeInteger"
                    | "positiveInteger"
                    | "nonPositiveInteger"
                    | "negativeInteger"
                    | "long"
                    | "int"
                    | "short"
                    | "byte"
                    | "unsignedLong"
                    | "unsignedInt"
                    | "unsignedShort"
                    | "unsignedByte"
            )
        });
    let stored = if integer_type {
        let value: oxsdatatypes::Integer = literal.value().parse().ok()?;
        Literal::new_typed_literal(value.to_string(), xsd::INTEGER)
    } else if literal.datatype() == xsd::DECIMAL {
        let value: oxsdatatypes::Decimal = literal.value().parse().ok()?;
        Literal::new_typed_literal(value.to_string(), xsd::DECIMAL)
    } else {
        return None;
    };
    (stored != *literal).then(|| stored.into())
}

/// Loads RDF files into a new in-memory store: triples into the default graph,
/// quads into their named graphs.
pub fn load_files(paths: &[PathBuf]) -> Result<Store, StoreError> {
    let store = Store::new().map_err(|source| StoreError::Storage {
        path: PathBuf::from("(memory)"),
        source,
    })?;
    for path in paths {
        // The same opening as `load` (format by extension, gzip read as it is).
        let (format, reader) = load::open(path)?;
        let mut quads = Vec::new();
        for quad in RdfParser::from_format(format).for_reader(reader) {
            quads.push(quad.map_err(|e| load::parse_error(path, e))?);
        }
        store.extend(quads).map_err(|source| StoreError::Storage {
            path: path.clone(),
            source,
        })?;
    }
    Ok(store)
}
