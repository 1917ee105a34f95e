//! Writing a store's graphs out as RDF: one graph or all of them, in a deterministic
//! order (graphs by name, then subject, predicate, object), so that exporting the same
//! store twice gives the same bytes.

use super::jsonld::write_jsonld;
use super::write_quads;
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad};
use oxigraph::store::{StorageError, Store};
use std::io::{self, Write};

/// What `export` can be asked to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// An RDF syntax Oxigraph writes (Turtle, N-Triples, N-Quads, TriG, RDF/XML).
    Rdf(RdfFormat),
    /// JSON-LD, compacted with `ontology/context.jsonld`.
    JsonLd,
}

impl ExportFormat {
    /// Whether the format can hold named graphs.
    pub fn supports_datasets(self) -> bool {
        match self {
            Self::Rdf(f) => f.supports_datasets(),
            Self::JsonLd => true,
        }
    }
}

/// What went wrong in an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The format holds one graph and no graph was chosen.
    #[error(
        "this format holds a single graph: choose one with --graph, or export all graphs as nq, trig or jsonld"
    )]
    NeedsOneGraph,
    /// The chosen graph is not in the store.
    #[error("no graph <{0}> in the store")]
    NoSuchGraph(String),
    /// Reading the store failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// Writing failed.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Writes the graph `graph` (or, with `None`, the default graph and every named graph)
/// of `store` in `format`. Returns the number of quads written.
pub fn export(
    store: &Store,
    graph: Option<&NamedNode>,
    format: ExportFormat,
    out: impl Write,
    base: &str,
) -> Result<usize, ExportError> {
    let names: Vec<GraphName> = match graph {
        Some(g) => {
            if !store.contains_named_graph(g)? {
                return Err(ExportError::NoSuchGraph(g.as_str().to_owned()));
            }
            vec![GraphName::NamedNode(g.clone())]
        }
        None => {
            if !format.supports_datasets() {
                return Err(ExportError::NeedsOneGraph);
            }
            let mut named: Vec<GraphName> = store
                .named_graphs()
                .map(|g| {
                    g.map(|g| match g {
                        NamedOrBlankNode::NamedNode(n) => GraphName::NamedNode(n),
                        NamedOrBlankNode::BlankNode(b) => GraphName::BlankNode(b),
                    })
                })
                .collect::<Result<_, _>>()?;
            named.sort_by_key(ToString::to_string);
            let mut names = vec![GraphName::DefaultGraph];
            names.extend(named);
            names
        }
    };
    let mut graphs = Vec::with_capacity(names.len());
    let mut count = 0;
    for name in names {
        let mut quads: Vec<Quad> = store
            .quads_for_pattern(None, None, None, Some(name.as_ref()))
            .collect::<Result<_, _>>()?;
        if quads.is_empty() {
            continue;
        }
        super::sort_triples(&mut quads);
        count += quads.len();
        graphs.push((name, quads));
    }
    match format {
        ExportFormat::JsonLd => write_jsonld(out, &graphs)?,
        ExportFormat::Rdf(f) => {
            let all: Vec<Quad> = graphs
                .into_iter()
                .flat_map(|(name, quads)| {
                    quads.into_iter().map(move |q| {
                        Quad::new(
                            q.subject,
                            q.predicate,
                            q.object,
                            if f.supports_datasets() {
                                name.clone()
                            } else {
                                GraphNameRef::DefaultGraph.into_owned()
                            },
                        )
                    })
                })
                .collect();
            write_quads(out, f, &all, base)?;
        }
    }
    Ok(count)
}
