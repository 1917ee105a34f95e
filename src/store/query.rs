//! SPARQL queries and the formats their results are written in.

use super::Outbound;
use crate::mint::vocab;
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::{self, Write};

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsFormat {
    /// Aligned columns for a terminal (graphs as Turtle).
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL Query Results XML.
    Xml,
    /// A graph result as RDF in this format.
    Rdf(RdfFormat),
}

/// The query behind `newsgraph entities`: every person, organization, place and event
/// of a store (or those of one class, `Person`…) with the number of articles that name
/// it, its label (the one most articles use; of equals, the first in order) and how many
/// labels it has; the most widely named first.
pub fn entities_query(class: Option<&str>, limit: Option<usize>) -> String {
    let classes = match class {
        Some(c) => format!("ng:{c}"),
        None => "ng:Person ng:Organization ng:Place ng:Event".to_owned(),
    };
    let limit = limit.map(|n| format!("LIMIT {n}")).unwrap_or_default();
    format!(
        "PREFIX ng: <{ng}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entity ?kind (MIN(?name) AS ?label) ?labels ?articles WHERE {{
  {{
    SELECT ?entity ?kind (COUNT(DISTINCT ?article) AS ?articles)
           (COUNT(DISTINCT ?name) AS ?labels) WHERE {{ {named} }}
    GROUP BY ?entity ?kind
  }}
  {{
    SELECT ?entity (MAX(?uses) AS ?most) WHERE {{
      {{ SELECT ?entity ?name (COUNT(DISTINCT ?article) AS ?uses) WHERE {{ {named} }} GROUP BY ?entity ?name }}
    }}
    GROUP BY ?entity
  }}
  {{ SELECT ?entity ?name (COUNT(DISTINCT ?article) AS ?most) WHERE {{ {named} }} GROUP BY ?entity ?name }}
}}
GROUP BY ?entity ?kind ?labels ?articles
ORDER BY DESC(?articles) ?label ?entity
{limit}",
        ng = vocab::NG,
        named = format!(
            "VALUES ?kind {{ {classes} }} GRAPH ?article {{ ?entity a ?kind ; rdfs:label ?name }}"
        ),
    )
}

/// A query's answer.
pub type QueryOutput = QueryResults<'static>;

/// Runs a SPARQL query over a store. Unless the query names its dataset (`FROM`,
/// `FROM NAMED`), the default graph is the union of all graphs, so questions about
/// articles need no `GRAPH` clause.
pub fn run_query(store: &Store, query: &str) -> Result<QueryOutput, String> {
    run_query_with(store, query, &QueryOptions::default())
}

/// How a query runs, beyond its text: the SPARQL Protocol's dataset parameters and a
/// token that stops it.
#[derive(Clone, Default)]
pub struct QueryOptions {
    /// `default-graph-uri`: the graphs whose union is the default graph.
    pub default_graphs: Vec<NamedNode>,
    /// `named-graph-uri`: the only graphs `GRAPH` sees.
    pub named_graphs: Vec<NamedNode>,
    /// Cancels the evaluation when triggered (a time limit).
    pub cancel: Option<CancellationToken>,
    /// The remote endpoints `SERVICE` may call; `None` lets it call any (the user's own
    /// `newsgraph query`).
    pub outbound: Option<Outbound>,
}

/// [`run_query`] with [`QueryOptions`]: the protocol's dataset, when given, replaces
/// the query's own and the union default graph.
pub fn run_query_with(
    store: &Store,
    query: &str,
    options: &QueryOptions,
) -> Result<QueryOutput, String> {
    let evaluator = evaluator(options.cancel.as_ref(), options.outbound.as_ref());
    let mut prepared = evaluator
        .parse_query(query)
        .map_err(|e| syntax_error(query, &e.to_string()))?;
    if !options.default_graphs.is_empty() || !options.named_graphs.is_empty() {
        let dataset = prepared.dataset_mut();
        dataset.set_default_graph(
            options
                .default_graphs
                .iter()
                .cloned()
                .map(GraphName::from)
                .collect(),
        );
        if !options.named_graphs.is_empty() {
            dataset.set_available_named_graphs(
                options
                    .named_graphs
                    .iter()
                    .cloned()
                    .map(NamedOrBlankNode::from)
                    .collect(),
            );
        }
    } else if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    prepared
        .on_store(store)
        .execute()
        .map_err(|e| format!("query failed: {e}"))
}

/// An evaluator with a token that stops it and a policy for `SERVICE` calls.
fn evaluator(cancel: Option<&CancellationToken>, outbound: Option<&Outbound>) -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new();
    if let Some(token) = cancel {
        evaluator = evaluator.with_cancellation_token(token.clone());
    }
    if let Some(outbound) = outbound {
        evaluator = evaluator
            .with_default_service_handler(outbound.services())
            .with_http_redirection_limit(0);
    }
    evaluator
}

/// Runs a SPARQL 1.1 Update on a store, atomically: all of it or none.
pub fn run_update(store: &Store, update: &str) -> Result<(), String> {
    run_update_with(store, update, None, None)
}

/// [`run_update`] stopped by `cancel` (nothing is written then), its `LOAD` sources and
/// `SERVICE` calls under an [`Outbound`] policy when given.
pub fn run_update_with(
    store: &Store,
    update: &str,
    cancel: Option<&CancellationToken>,
    outbound: Option<&Outbound>,
) -> Result<(), String> {
    if let Some(outbound) = outbound {
        outbound.check_update(update)?;
    }
    evaluator(cancel, outbound)
        .parse_update(update)
        .map_err(|e| syntax_error(update, &e.to_string()))?
        .on_store(store)
        .execute()
        .map_err(|e| format!("update failed: {e}"))
}

/// Writes query results.
pub fn write_results(
    mut out: impl Write,
    results: QueryOutput,
    format: ResultsFormat,
    base: &str,
) -> io::Result<()> {
    match results {
        QueryResults::Boolean(value) => match format {
            ResultsFormat::Table | ResultsFormat::Rdf(_) => writeln!(out, "{value}")?,
            other => {
                QueryResultsSerializer::from_format(sparql_format(other))
                    .serialize_boolean_to_writer(&mut out, value)?;
            }
        },
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            if let ResultsFormat::Table | ResultsFormat::Rdf(_) = format {
                let mut rows = Vec::new();
                for solution in solutions {
                    let solution = solution.map_err(io::Error::other)?;
                    rows.push(
                        variables
                            .iter()
                            .map(|v| {
                                solution
                                    .get(v)
                                    .map(|t| display_term(t, base))
                                    .unwrap_or_default()
                            })
                            .collect::<Vec<_>>(),
                    );
                }
                let header: Vec<String> = variables
                    .iter()
                    .map(|v| format!("?{}", v.as_str()))
                    .collect();
                write_table(&mut out, &header, &rows)?;
            } else {
                let mut writer = QueryResultsSerializer::from_format(sparql_format(format))
                    .serialize_solutions_to_writer(&mut out, variables)?;
                for solution in solutions {
                    let solution = solution.map_err(io::Error::other)?;
                    writer.serialize(&solution)?;
                }
                writer.finish()?;
            }
        }
        QueryResults::Graph(triples) => {
            let rdf = match format {
                ResultsFormat::Rdf(f) => f,
                _ => RdfFormat::Turtle,
            };
            let mut writer = super::serializer(rdf, base)?.for_writer(&mut out);
            for triple in triples {
                writer.serialize_triple(&triple.map_err(io::Error::other)?)?;
            }
            writer.finish()?;
        }
    }
    out.flush()
}

fn sparql_format(format: ResultsFormat) -> QueryResultsFormat {
    match format {
        ResultsFormat::Csv => QueryResultsFormat::Csv,
        ResultsFormat::Tsv => QueryResultsFormat::Tsv,
        ResultsFormat::Xml => QueryResultsFormat::Xml,
        _ => QueryResultsFormat::Json,
    }
}

/// A term as a person reads it: IRIs shortened with the known prefixes, literals as
/// their text.
fn display_term(term: &Term, base: &str) -> String {
    match term {
        Term::NamedNode(n) => {
            for (prefix, ns) in vocab::prefixes(base) {
                if let Some(local) = n.as_str().strip_prefix(ns.as_str()) {
                    if !local.is_empty() && !local.contains(['/', '#']) {
                        return format!("{prefix}:{local}");
                    }
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(
            unreachable_patterns,
            reason = "Term::Triple exists only with oxigraph's rdf-12 feature"
        )]
        other => other.to_string(),
    }
}

fn write_table(out: &mut impl Write, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell).min(80));
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
        let mut parts = Vec::with_capacity(cells.len());
        for (cell, w) in cells.iter().zip(&widths) {
            let mut shown: String = cell.chars().take(80).collect();
            if width(cell) > 80 {
                shown.pop();
                shown.push('…');
            }
            let pad = w.saturating_sub(width(&shown));
            parts.push(format!("{shown}{}", " ".repeat(pad)));
        }
        writeln!(out, "{}", parts.join(" | ").trim_end())
    };
    line(out, header)?;
    writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-")
    )?;
    for row in rows {
        line(out, row)?;
    }
    writeln!(
        out,
        "({} row{})",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    )
}

/// A SPARQL syntax error with its line, column and the words found there, and the line
/// with a caret under the place: the parser says "error at 1:25: expected …".
pub fn syntax_error(text: &str, message: &str) -> String {
    let place = message.strip_prefix("error at ").and_then(|rest| {
        let (at, expected) = rest.split_once(": ").unwrap_or((rest, ""));
        let (line, column) = at.split_once(':')?;
        Some((
            line.parse::<usize>().ok()?,
            column.parse::<usize>().ok()?,
            expected,
        ))
    });
    let Some((line, column, expected)) = place else {
        return format!("SPARQL syntax error: {message}");
    };
    let source = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    let rest: String = source.chars().skip(column.saturating_sub(1)).collect();
    let token: String = rest
        .split_whitespace()
        .next()
        .map(|t| t.chars().take(30).collect())
        .unwrap_or_default();
    let found = if token.is_empty() {
        "at the end".to_owned()
    } else {
        format!("at {token:?}")
    };
    let caret = " ".repeat(column.saturating_sub(1));
    format!(
        "SPARQL syntax error at line {line}, column {column}, {found}: {expected}\n  {source}\n  {caret}^"
    )
}
