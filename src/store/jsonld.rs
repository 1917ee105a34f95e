//! JSON-LD in compacted form, against the context shipped in `ontology/context.jsonld`.
//!
//! The context only declares prefixes, so compaction is a matter of writing each IRI
//! as a compact IRI where a prefix fits; every node is one object with its `@type`s
//! and its properties, in `@graph`, and each named graph is an object with its own
//! `@graph`. Keys, nodes and values are sorted, so the same graph always gives the
//! same bytes. (Sophia's JSON-LD serializer writes the expanded form only.)

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The JSON-LD context newsgraph compacts with (`ontology/context.jsonld`).
pub const CONTEXT: &str = include_str!("../../ontology/context.jsonld");

/// The prefixes of [`CONTEXT`], longest namespace first.
fn prefixes() -> Vec<(String, String)> {
    let doc: Value = serde_json::from_str(CONTEXT).expect("ontology/context.jsonld is JSON");
    let mut out: Vec<(String, String)> = doc["@context"]
        .as_object()
        .expect("the context is an object")
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
        .collect();
    out.sort_by_key(|(_, ns)| std::cmp::Reverse(ns.len()));
    out
}

struct Compactor {
    prefixes: Vec<(String, String)>,
}

impl Compactor {
    fn iri(&self, iri: &str) -> String {
        for (prefix, ns) in &self.prefixes {
            if let Some(local) = iri.strip_prefix(ns.as_str()) {
                // A local part starting with "//" would read as an absolute IRI.
                if !local.is_empty() && !local.starts_with("//") {
                    return format!("{prefix}:{local}");
                }
            }
        }
        iri.to_owned()
    }

    fn subject(&self, s: &NamedOrBlankNode) -> String {
        match s {
            NamedOrBlankNode::NamedNode(n) => self.iri(n.as_str()),
            NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
        }
    }

    fn object(&self, o: &Term) -> Value {
        match o {
            Term::NamedNode(n) => json!({ "@id": self.iri(n.as_str()) }),
            Term::BlankNode(b) => json!({ "@id": format!("_:{}", b.as_str()) }),
            Term::Literal(l) => {
                if let Some(lang) = l.language() {
                    json!({ "@value": l.value(), "@language": lang })
                } else if l.datatype() == xsd::STRING {
                    Value::String(l.value().to_owned())
                } else {
                    json!({ "@value": l.value(), "@type": self.iri(l.datatype().as_str()) })
                }
            }
            #[allow(
                unreachable_patterns,
                reason = "Term::Triple exists only with oxigraph's rdf-12 feature"
            )]
            other => Value::String(other.to_string()),
        }
    }

    /// The node objects of one graph's quads, sorted by subject.
    fn nodes(&self, quads: &[Quad]) -> Vec<Value> {
        let mut nodes: BTreeMap<String, BTreeMap<String, Vec<Value>>> = BTreeMap::new();
        for q in quads {
            let node = nodes.entry(self.subject(&q.subject)).or_default();
            if q.predicate == rdf::TYPE {
                if let Term::NamedNode(t) = &q.object {
                    node.entry("@type".into())
                        .or_default()
                        .push(Value::String(self.iri(t.as_str())));
                    continue;
                }
            }
            node.entry(self.iri(q.predicate.as_str()))
                .or_default()
                .push(self.object(&q.object));
        }
        nodes
            .into_iter()
            .map(|(id, properties)| {
                let mut object = Map::new();
                object.insert("@id".into(), Value::String(id));
                for (key, mut values) in properties {
                    values.sort_by_key(Value::to_string);
                    values.dedup();
                    let value = if values.len() == 1 {
                        values.pop().expect("one value")
                    } else {
                        Value::Array(values)
                    };
                    object.insert(key, value);
                }
                Value::Object(object)
            })
            .collect()
    }
}

/// Writes graphs as one compacted JSON-LD document: the default graph's nodes at the
/// top of `@graph`, each named graph as an object with its own `@graph`.
pub fn write_jsonld(mut out: impl Write, graphs: &[(GraphName, Vec<Quad>)]) -> io::Result<()> {
    let compactor = Compactor {
        prefixes: prefixes(),
    };
    let mut top = Vec::new();
    for (name, quads) in graphs {
        match name {
            GraphName::DefaultGraph => top.extend(compactor.nodes(quads)),
            GraphName::NamedNode(n) => top.push(json!({
                "@id": compactor.iri(n.as_str()),
                "@graph": compactor.nodes(quads),
            })),
            GraphName::BlankNode(b) => top.push(json!({
                "@id": format!("_:{}", b.as_str()),
                "@graph": compactor.nodes(quads),
            })),
        }
    }
    let context: Value = serde_json::from_str(CONTEXT).expect("ontology/context.jsonld is JSON");
    let document = json!({ "@context": context["@context"], "@graph": top });
    serde_json::to_writer_pretty(&mut out, &document)?;
    writeln!(out)?;
    out.flush()
}
