//! N-Quads and N-Triples written straight into a byte buffer, byte for byte as Oxigraph's
//! serializer writes them, without the formatting machinery: so that each article can be
//! serialized on its own thread and the writer only copies bytes.

use oxigraph::model::{GraphName, Literal, NamedOrBlankNode, Quad, Term, vocab::xsd};

/// Appends `quads` to `out`, one line each: as N-Quads when `with_graph`, else as
/// N-Triples (the graph left out).
pub fn write_lines(quads: &[Quad], with_graph: bool, out: &mut Vec<u8>) {
    for q in quads {
        write_subject(&q.subject, out);
        out.push(b' ');
        write_iri(q.predicate.as_str(), out);
        out.push(b' ');
        write_term(&q.object, out);
        if with_graph {
            match &q.graph_name {
                GraphName::NamedNode(g) => {
                    out.push(b' ');
                    write_iri(g.as_str(), out);
                }
                GraphName::BlankNode(g) => {
                    out.push(b' ');
                    write_blank(g.as_str(), out);
                }
                GraphName::DefaultGraph => {}
            }
        }
        out.extend_from_slice(b" .\n");
    }
}

fn write_iri(iri: &str, out: &mut Vec<u8>) {
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

fn write_blank(id: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(b"_:");
    out.extend_from_slice(id.as_bytes());
}

fn write_subject(subject: &NamedOrBlankNode, out: &mut Vec<u8>) {
    match subject {
        NamedOrBlankNode::NamedNode(n) => write_iri(n.as_str(), out),
        NamedOrBlankNode::BlankNode(b) => write_blank(b.as_str(), out),
    }
}

fn write_term(term: &Term, out: &mut Vec<u8>) {
    match term {
        Term::NamedNode(n) => write_iri(n.as_str(), out),
        Term::BlankNode(b) => write_blank(b.as_str(), out),
        Term::Literal(l) => write_literal(l, out),
        #[allow(unreachable_patterns)]
        other => out.extend_from_slice(other.to_string().as_bytes()),
    }
}

fn write_literal(literal: &Literal, out: &mut Vec<u8>) {
    write_quoted(literal.value(), out);
    if let Some(language) = literal.language() {
        out.push(b'@');
        out.extend_from_slice(language.as_bytes());
    } else if literal.datatype() != xsd::STRING {
        out.extend_from_slice(b"^^");
        write_iri(literal.datatype().as_str(), out);
    }
}

/// A quoted string with N-Triples escapes, the same escapes as `oxrdf` writes.
fn write_quoted(value: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let mut plain = 0;
    for (i, c) in value.char_indices() {
        let escape: &[u8] = match c {
            '\u{8}' => b"\\b",
            '\t' => b"\\t",
            '\n' => b"\\n",
            '\u{C}' => b"\\f",
            '\r' => b"\\r",
            '"' => b"\\\"",
            '\\' => b"\\\\",
            '\0'..='\u{1F}' | '\u{7F}' | '\u{FFFE}' | '\u{FFFF}' => b"",
            _ => continue,
        };
        out.extend_from_slice(&value.as_bytes()[plain..i]);
        if escape.is_empty() {
            out.extend_from_slice(format!("\\u{:04X}", u32::from(c)).as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        plain = i + c.len_utf8();
    }
    out.extend_from_slice(&value.as_bytes()[plain..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfSerializer};
    use oxigraph::model::{BlankNode, NamedNode};

    fn oxigraph_writes(quads: &[Quad], format: RdfFormat) -> Vec<u8> {
        let mut writer = RdfSerializer::from_format(format).for_writer(Vec::new());
        for q in quads {
            if format.supports_datasets() {
                writer.serialize_quad(q).unwrap();
            } else {
                writer.serialize_triple(q.as_ref()).unwrap();
            }
        }
        writer.finish().unwrap()
    }

    #[test]
    fn writes_the_same_bytes_as_oxigraph() {
        let s = NamedNode::new_unchecked("https://example.org/person/tom-reyes");
        let p = NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
        let g = NamedNode::new_unchecked("https://example.org/article/a1");
        let objects: Vec<Term> = vec![
            Literal::new_simple_literal("Tom \"Tommy\" Reyes\\ said:\n\tnothing\r\u{1}\u{7F}é")
                .into(),
            Literal::new_language_tagged_literal_unchecked("Vardby", "en").into(),
            Literal::new_typed_literal("2020-11-10", xsd::DATE).into(),
            NamedNode::new_unchecked("https://example.org/org/zintrex").into(),
            BlankNode::new_unchecked("b0").into(),
        ];
        let quads: Vec<Quad> = objects
            .into_iter()
            .flat_map(|o| {
                [
                    Quad::new(s.clone(), p.clone(), o.clone(), g.clone()),
                    Quad::new(
                        BlankNode::new_unchecked("x"),
                        p.clone(),
                        o,
                        GraphName::DefaultGraph,
                    ),
                ]
            })
            .collect();
        for (format, with_graph) in [(RdfFormat::NQuads, true), (RdfFormat::NTriples, false)] {
            let mut ours = Vec::new();
            write_lines(&quads, with_graph, &mut ours);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(oxigraph_writes(&quads, format)).unwrap()
            );
        }
    }
}
