//! Content negotiation: the format of an answer from the `Accept` header or a
//! `format` parameter.

use crate::store::ResultsFormat;
use oxigraph::io::{JsonLdProfileSet, RdfFormat};

const RESULT_TYPES: &[(&str, &str, ResultsFormat)] = &[
    (
        "application/sparql-results+json",
        "json",
        ResultsFormat::Json,
    ),
    ("application/sparql-results+xml", "xml", ResultsFormat::Xml),
    ("text/csv", "csv", ResultsFormat::Csv),
    ("text/tab-separated-values", "tsv", ResultsFormat::Tsv),
    ("application/json", "json", ResultsFormat::Json),
    ("application/xml", "xml", ResultsFormat::Xml),
    ("text/xml", "xml", ResultsFormat::Xml),
];

pub fn graph_types() -> Vec<(&'static str, &'static str, RdfFormat)> {
    vec![
        ("text/turtle", "turtle", RdfFormat::Turtle),
        ("application/n-triples", "nt", RdfFormat::NTriples),
        ("application/n-quads", "nq", RdfFormat::NQuads),
        ("application/trig", "trig", RdfFormat::TriG),
        ("application/rdf+xml", "rdfxml", RdfFormat::RdfXml),
        (
            "application/ld+json",
            "jsonld",
            RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        ),
        ("text/plain", "nt", RdfFormat::NTriples),
    ]
}

/// The media types of an Accept header, best first (by q, then by order).
fn accepted(accept: &str) -> Vec<String> {
    let mut types: Vec<(f32, usize, String)> = accept
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let media = pieces.next()?.trim().to_ascii_lowercase();
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (!media.is_empty() && q > 0.0).then_some((q, i, media))
        })
        .collect();
    types.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    types.into_iter().map(|(_, _, m)| m).collect()
}

/// The content type and format to answer in: a `format` parameter wins, then the
/// Accept header; JSON results and Turtle graphs when anything goes.
pub fn negotiate(
    accept: &str,
    format: Option<&str>,
    graph: bool,
) -> Option<(&'static str, ResultsFormat)> {
    let graphs = graph_types();
    if let Some(name) = format {
        let name = name.to_ascii_lowercase();
        return if graph {
            graphs
                .iter()
                .find(|(m, short, _)| *short == name || *m == name)
                .map(|(m, _, f)| (*m, ResultsFormat::Rdf(*f)))
        } else {
            RESULT_TYPES
                .iter()
                .find(|(m, short, _)| *short == name || *m == name)
                .map(|(m, _, f)| (*m, *f))
        };
    }
    let wanted = accepted(accept);
    if wanted.is_empty() {
        return Some(if graph {
            ("text/turtle", ResultsFormat::Rdf(RdfFormat::Turtle))
        } else {
            ("application/sparql-results+json", ResultsFormat::Json)
        });
    }
    for media in wanted {
        let any = media == "*/*" || media.ends_with("/*");
        if graph {
            if let Some((m, _, f)) = graphs.iter().find(|(m, _, _)| *m == media) {
                return Some((m, ResultsFormat::Rdf(*f)));
            }
            if any {
                return Some(("text/turtle", ResultsFormat::Rdf(RdfFormat::Turtle)));
            }
        } else {
            if let Some((m, _, f)) = RESULT_TYPES.iter().find(|(m, _, _)| *m == media) {
                return Some((m, *f));
            }
            if any {
                return Some(("application/sparql-results+json", ResultsFormat::Json));
            }
        }
    }
    None
}
