//! Bulk loading of RDF files into a store, all or nothing. Gzip-compressed files
//! ("shard.nq.gz", as the Spark and Ray jobs of `examples/` write them) are read as
//! they are.
//!
//! Every file is parsed once to find syntax errors before anything is written: a batch
//! with a broken file leaves the store exactly as it was, and every broken file is
//! reported (not only the first). The files are then written with Oxigraph's bulk
//! loader, which makes them visible at once, on commit.

use super::{StoreError, format_of_path, is_gzip};
use flate2::read::MultiGzDecoder;
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::NamedNode;
use oxigraph::store::Store;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

/// What a load wrote.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LoadReport {
    /// Files loaded.
    pub files: usize,
    /// Quads read from them (a quad already in the store counts, but is stored once).
    pub quads: u64,
}

/// Loads RDF files (format by extension: .ttl, .nt, .nq, .trig, .rdf, .jsonld) into
/// `store`: triples into `graph` (the default graph when `None`), quads into their
/// named graphs. Returns every file's error, and writes nothing, if any file fails.
pub fn load_into(
    store: &Store,
    files: &[PathBuf],
    graph: Option<&NamedNode>,
) -> Result<LoadReport, Vec<StoreError>> {
    let mut errors = Vec::new();
    let mut report = LoadReport::default();
    for path in files {
        match check_file(path, graph) {
            Ok(quads) => report.quads += quads,
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let storage = |source| {
        vec![StoreError::Storage {
            path: PathBuf::from("(store)"),
            source,
        }]
    };
    let mut loader = store.bulk_loader();
    for path in files {
        let (format, reader) = open(path).map_err(|e| vec![e])?;
        loader
            .load_from_reader(parser(format, graph), reader)
            .map_err(|e| {
                vec![StoreError::Syntax {
                    path: path.clone(),
                    message: e.to_string(),
                }]
            })?;
        report.files += 1;
    }
    loader.commit().map_err(storage)?;
    Ok(report)
}

fn parser(format: RdfFormat, graph: Option<&NamedNode>) -> RdfParser {
    let parser = RdfParser::from_format(format);
    match graph {
        Some(g) => parser.with_default_graph(g.clone()),
        None => parser,
    }
}

/// The format of a file, by its extension, and a reader of its (decompressed) bytes.
pub(super) fn open(path: &Path) -> Result<(RdfFormat, Box<dyn BufRead>), StoreError> {
    let format = format_of_path(path).ok_or_else(|| StoreError::UnknownFormat {
        path: path.to_owned(),
        extra: ", .rdf or .jsonld, or one of them with .gz",
    })?;
    let file = File::open(path).map_err(|source| StoreError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(if is_gzip(path) {
        // Multi-member: concatenated gzip files are one stream, as gunzip reads them.
        (format, Box::new(BufReader::new(MultiGzDecoder::new(file))))
    } else {
        (format, Box::new(BufReader::new(file)))
    })
}

/// Parses a whole file; the number of quads, or where it first goes wrong.
fn check_file(path: &Path, graph: Option<&NamedNode>) -> Result<u64, StoreError> {
    let (format, reader) = open(path)?;
    let mut quads = 0;
    for quad in parser(format, graph).for_reader(reader) {
        if let Err(e) = quad {
            return Err(parse_error(path, e));
        }
        quads += 1;
    }
    Ok(quads)
}

/// A parse error with its file, and its line and column counted from 1.
pub(super) fn parse_error(path: &Path, e: RdfParseError) -> StoreError {
    match e {
        RdfParseError::Io(source) => StoreError::Io {
            path: path.to_owned(),
            source,
        },
        RdfParseError::Syntax(e) => {
            let text = e.to_string();
            // The parsers' own text repeats the place ("Parser error between line 3
            // column 8 and …: unexpected end of file"); keep what was wrong.
            let what = match text.split_once(": ") {
                Some((place, what)) if place.contains("line") => what.to_owned(),
                _ => text.clone(),
            };
            let message = match e.location() {
                Some(at) => format!(
                    "line {}, column {}: {what}",
                    at.start.line + 1,
                    at.start.column + 1
                ),
                None => text,
            };
            StoreError::Syntax {
                path: path.to_owned(),
                message,
            }
        }
    }
}
