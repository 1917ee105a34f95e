//! newsgraph turns English news articles into an RDF knowledge graph.
//!
//! An article flows through six stages, each a module: [`segment`] cuts the text
//! into sentences and tokens with exact offsets; [`recognize`] finds the names of
//! persons, organizations, places and events, and the dates and titles around them;
//! [`relate`] reads roles, statements, actions, events and place links off the
//! sentences; [`resolve`] merges the mentions of one entity ("Chen" is "Mary
//! Lou Chen") and turns mention-level facts into entity-level ones; [`mint`] gives
//! every node its IRI and writes the triples, each fact with its evidence; [`store`]
//! puts the quads into an Oxigraph store or an RDF file and answers SPARQL.
//!
//! [`pipeline::extract`] chains the first five stages for one article. It is a pure
//! function of the text, its metadata and the [`lexicon`]s, so the same input always
//! gives the same graph, byte for byte.
#![deny(missing_docs)]

pub mod analyze;
pub mod corpus;
pub mod explain;
pub mod fuzzing;
mod http;
pub mod lexicon;
pub mod link;
pub mod mint;
pub mod model;
pub mod pipeline;
pub mod recognize;
pub mod relate;
pub mod resolve;
pub mod segment;
pub mod serve;
pub mod store;
pub mod validate;

pub use model::{Article, Date, DateValue};
pub use pipeline::{Extraction, article_nquads, extract};

/// This build's version, which every article's graph records (`ng:extractedBy`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
