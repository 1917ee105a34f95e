//! The namespaces and terms of the newsgraph data model (`ontology/newsgraph.ttl`).

/// The newsgraph ontology namespace.
pub const NG: &str = "https://w3id.org/newsgraph/ontology#";
/// RDF.
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
/// RDF Schema.
pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
/// XML Schema datatypes.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
/// OWL.
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
/// PROV-O.
pub const PROV: &str = "http://www.w3.org/ns/prov#";
/// NIF core.
pub const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
/// The ITS 2.0 RDF vocabulary: NIF links a name's mention to what it names with
/// `itsrdf:taIdentRef`.
pub const ITSRDF: &str = "http://www.w3.org/2005/11/its/rdf#";
/// schema.org (alignment only).
pub const SCHEMA: &str = "https://schema.org/";
/// The default base for minted IRIs.
pub const DEFAULT_BASE: &str = "https://w3id.org/newsgraph/id/";

/// The prefixes written at the top of Turtle and TriG output.
pub fn prefixes(base: &str) -> Vec<(String, String)> {
    vec![
        ("ng".into(), NG.into()),
        ("rdf".into(), RDF.into()),
        ("rdfs".into(), RDFS.into()),
        ("xsd".into(), XSD.into()),
        ("owl".into(), OWL.into()),
        ("prov".into(), PROV.into()),
        ("nif".into(), NIF.into()),
        ("itsrdf".into(), ITSRDF.into()),
        ("person".into(), format!("{base}person/")),
        ("organization".into(), format!("{base}organization/")),
        ("place".into(), format!("{base}place/")),
        ("article".into(), format!("{base}article/")),
    ]
}
