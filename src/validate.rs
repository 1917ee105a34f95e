//! `newsgraph validate`: checks a graph against SHACL shapes (by default the ontology's
//! `ontology/shapes.ttl`) and lists every violation with its node, path, constraint and
//! shape.
//!
//! This is a SHACL Core validator for the constraints newsgraph's shapes use: node
//! shapes with `sh:targetClass`, property shapes with a predicate or `sh:inversePath`
//! path, and `sh:minCount`, `sh:maxCount`, `sh:datatype`, `sh:class`, `sh:nodeKind`,
//! `sh:in`, `sh:minLength`, `sh:minInclusive`, `sh:maxInclusive`, `sh:or` and `sh:node`.
//! A shape using anything else is refused with an error rather than half-checked.
//! (The rudof project's `shacl_validation` 0.2.12 was tried first: its published crates
//! build together only with pinned older versions of two of them, it switches on
//! oxigraph's `rdf-12` feature for the whole build, and it brings tokio, reqwest and
//! hyper, some 300 crates, for what this file does. The tests compare this validator's
//! verdicts with pyshacl's.)

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;
use std::collections::{BTreeSet, HashSet};

/// The shapes newsgraph's output must conform to.
pub const SHAPES: &str = include_str!("../ontology/shapes.ttl");

const SH: &str = "http://www.w3.org/ns/shacl#";

/// One SHACL validation result.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// The focus node that fails.
    pub node: String,
    /// The property path checked (`^p` for an inverse path).
    pub path: Option<String>,
    /// The node shape that failed.
    pub shape: String,
    /// The SHACL constraint component (`sh:MinCountConstraintComponent`…).
    pub component: String,
    /// The value node at fault, when there is one.
    pub value: Option<String>,
    /// The named graph checked (`None`: the default graph).
    pub graph: Option<String>,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.node)?;
        if let Some(path) = &self.path {
            write!(f, " {path}")?;
        }
        write!(f, ": sh:{}", self.component)?;
        if let Some(value) = &self.value {
            write!(f, " (value {value})")?;
        }
        write!(f, " [shape {}]", self.shape)?;
        if let Some(graph) = &self.graph {
            write!(f, " in graph {graph}")?;
        }
        Ok(())
    }
}

/// Validates each graph of `store` (the default graph and every named graph: one
/// article each) against `shapes` (Turtle; usually [`SHAPES`]). Returns the
/// violations, sorted; none means every graph conforms.
pub fn validate_store(store: &Store, shapes: &str) -> Result<Vec<Violation>, String> {
    let shapes_graph = Store::new().map_err(|e| e.to_string())?;
    shapes_graph
        .load_from_slice(RdfParser::from_format(RdfFormat::Turtle), shapes)
        .map_err(|e| format!("reading the shapes: {e}"))?;
    let shapes = Shapes { g: &shapes_graph };
    let node_shapes = shapes.subjects(rdf::TYPE, &sh("NodeShape").into());
    for shape in &node_shapes {
        shapes.check_supported(shape)?;
    }
    let mut graphs = vec![GraphName::DefaultGraph];
    for g in store.named_graphs() {
        graphs.push(match g.map_err(|e| e.to_string())? {
            NamedOrBlankNode::NamedNode(n) => GraphName::NamedNode(n),
            NamedOrBlankNode::BlankNode(b) => GraphName::BlankNode(b),
        });
    }
    let mut violations = BTreeSet::new();
    for graph in graphs {
        let data = Data { g: store, graph };
        for shape in &node_shapes {
            for class in shapes.objects(shape, "targetClass") {
                let Term::NamedNode(class) = class else {
                    return Err(format!("sh:targetClass of {shape} is not an IRI"));
                };
                for focus in data.instances_of(class.as_ref()) {
                    let mut found = BTreeSet::new();
                    shapes.validate_node(&data, shape, shape, &focus, &mut found)?;
                    violations.extend(found.into_iter().map(|mut v: Violation| {
                        v.graph = match &data.graph {
                            GraphName::NamedNode(n) => Some(n.as_str().to_owned()),
                            GraphName::BlankNode(b) => Some(b.to_string()),
                            GraphName::DefaultGraph => None,
                        };
                        v
                    }));
                }
            }
        }
    }
    Ok(violations.into_iter().collect())
}

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

fn show(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

/// The data graph: one graph of the store.
struct Data<'a> {
    g: &'a Store,
    graph: GraphName,
}

impl Data<'_> {
    fn objects(&self, s: &Term, p: NamedNodeRef<'_>) -> HashSet<Term> {
        let Some(s) = as_subject(s) else {
            return HashSet::new();
        };
        self.g
            .quads_for_pattern(Some(s.as_ref()), Some(p), None, Some(self.graph.as_ref()))
            .filter_map(Result::ok)
            .map(|q| q.object)
            .collect()
    }

    fn subjects(&self, p: NamedNodeRef<'_>, o: &Term) -> HashSet<Term> {
        self.g
            .quads_for_pattern(None, Some(p), Some(o.as_ref()), Some(self.graph.as_ref()))
            .filter_map(Result::ok)
            .map(|q| q.subject.into())
            .collect()
    }

    /// Instances of `class` or of its subclasses (`rdf:type/rdfs:subClassOf*`).
    fn instances_of(&self, class: NamedNodeRef<'_>) -> HashSet<Term> {
        let mut classes = vec![Term::from(class.into_owned())];
        let mut seen = HashSet::new();
        let mut out = HashSet::new();
        while let Some(c) = classes.pop() {
            if !seen.insert(c.clone()) {
                continue;
            }
            out.extend(self.subjects(rdf::TYPE, &c));
            classes.extend(self.subjects(rdfs::SUB_CLASS_OF, &c));
        }
        out
    }

    fn is_instance(&self, node: &Term, class: &Term) -> bool {
        let Term::NamedNode(class) = class else {
            return false;
        };
        self.instances_of(class.as_ref()).contains(node)
    }
}

fn as_subject(t: &Term) -> Option<NamedOrBlankNode> {
    match t {
        Term::NamedNode(n) => Some(n.clone().into()),
        Term::BlankNode(b) => Some(b.clone().into()),
        _ => None,
    }
}

/// The shapes graph.
struct Shapes<'a> {
    g: &'a Store,
}

/// The parameters a shape may have, and the constraint components they check.
const SUPPORTED: &[&str] = &[
    "targetClass",
    "property",
    "path",
    "minCount",
    "maxCount",
    "datatype",
    "class",
    "nodeKind",
    "in",
    "minLength",
    "minInclusive",
    "maxInclusive",
    "or",
    "node",
    "name",
    "description",
    "message",
    "severity",
];

impl Shapes<'_> {
    fn objects(&self, s: &Term, p: &str) -> Vec<Term> {
        let Some(s) = as_subject(s) else {
            return Vec::new();
        };
        self.g
            .quads_for_pattern(Some(s.as_ref()), Some(sh(p).as_ref()), None, None)
            .filter_map(Result::ok)
            .map(|q| q.object)
            .collect()
    }

    fn object(&self, s: &Term, p: &str) -> Option<Term> {
        self.objects(s, p).into_iter().next()
    }

    fn subjects(&self, p: NamedNodeRef<'_>, o: &Term) -> Vec<Term> {
        self.g
            .quads_for_pattern(None, Some(p), Some(o.as_ref()), None)
            .filter_map(Result::ok)
            .map(|q| q.subject.into())
            .collect()
    }

    /// The members of an RDF list.
    fn list(&self, mut head: Term) -> Vec<Term> {
        let mut out = Vec::new();
        while head != Term::from(rdf::NIL.into_owned()) && out.len() < 10_000 {
            let Some(s) = as_subject(&head) else { break };
            let first = self
                .g
                .quads_for_pattern(Some(s.as_ref()), Some(rdf::FIRST), None, None)
                .filter_map(Result::ok)
                .next();
            let rest = self
                .g
                .quads_for_pattern(Some(s.as_ref()), Some(rdf::REST), None, None)
                .filter_map(Result::ok)
                .next();
            match (first, rest) {
                (Some(f), Some(r)) => {
                    out.push(f.object);
                    head = r.object;
                }
                _ => break,
            }
        }
        out
    }

    /// Refuses shapes with SHACL parameters this validator does not check.
    fn check_supported(&self, shape: &Term) -> Result<(), String> {
        let mut pending = vec![shape.clone()];
        let mut seen = HashSet::new();
        while let Some(s) = pending.pop() {
            if !seen.insert(s.clone()) {
                continue;
            }
            let Some(subject) = as_subject(&s) else {
                continue;
            };
            for q in self
                .g
                .quads_for_pattern(Some(subject.as_ref()), None, None, None)
                .filter_map(Result::ok)
            {
                if let Some(local) = q.predicate.as_str().strip_prefix(SH) {
                    if !SUPPORTED.contains(&local) {
                        return Err(format!(
                            "shape {s} uses sh:{local}, which this validator does not check"
                        ));
                    }
                    match local {
                        "property" | "node" => pending.push(q.object),
                        "or" => pending.extend(self.list(q.object)),
                        _ => {}
                    }
                }
            }
        }
        Ok(())
    }

    fn validate_node(
        &self,
        data: &Data<'_>,
        node_shape: &Term,
        shape: &Term,
        focus: &Term,
        out: &mut BTreeSet<Violation>,
    ) -> Result<(), String> {
        let name = shape_name(node_shape);
        // Constraints on the focus node itself (inside sh:or and sh:node).
        for (component, value) in self.value_failures(data, shape, focus)? {
            out.insert(Violation {
                node: show(focus),
                path: None,
                shape: name.clone(),
                component,
                value: value.map(|v| show(&v)),
                graph: None,
            });
        }
        for property in self.objects(shape, "property") {
            let path = self
                .object(&property, "path")
                .ok_or_else(|| format!("a property shape of {name} has no sh:path"))?;
            let (values, path_text) = match &path {
                Term::NamedNode(p) => (data.objects(focus, p.as_ref()), p.as_str().to_owned()),
                other => match self.object(other, "inversePath") {
                    Some(Term::NamedNode(p)) => {
                        (data.subjects(p.as_ref(), focus), format!("^{}", p.as_str()))
                    }
                    _ => return Err(format!("{name}: only IRI and inverse paths are supported")),
                },
            };
            let mut fail = |component: &str, value: Option<&Term>| {
                out.insert(Violation {
                    node: show(focus),
                    path: Some(path_text.clone()),
                    shape: name.clone(),
                    component: component.to_owned(),
                    value: value.map(show),
                    graph: None,
                });
            };
            if let Some(min) = self.object(&property, "minCount").and_then(|t| integer(&t)) {
                if (values.len() as i64) < min {
                    fail("MinCountConstraintComponent", None);
                }
            }
            if let Some(max) = self.object(&property, "maxCount").and_then(|t| integer(&t)) {
                if values.len() as i64 > max {
                    fail("MaxCountConstraintComponent", None);
                }
            }
            for value in &values {
                for (component, _) in self.value_failures(data, &property, value)? {
                    fail(&component, Some(value));
                }
            }
        }
        Ok(())
    }

    /// The constraints of `shape` that one value node fails (component, value).
    fn value_failures(
        &self,
        data: &Data<'_>,
        shape: &Term,
        value: &Term,
    ) -> Result<Vec<(String, Option<Term>)>, String> {
        let mut failures = Vec::new();
        let mut fail = |c: &str| failures.push((c.to_owned(), Some(value.clone())));
        if let Some(datatype) = self.object(shape, "datatype") {
            let ok = match (value, &datatype) {
                (Term::Literal(l), Term::NamedNode(d)) => {
                    l.datatype() == d.as_ref() && well_formed(l.value(), d.as_ref())
                }
                _ => false,
            };
            if !ok {
                fail("DatatypeConstraintComponent");
            }
        }
        for class in self.objects(shape, "class") {
            if !data.is_instance(value, &class) {
                fail("ClassConstraintComponent");
            }
        }
        if let Some(Term::NamedNode(kind)) = self.object(shape, "nodeKind") {
            let ok = match kind.as_str().strip_prefix(SH).unwrap_or("") {
                "IRI" => matches!(value, Term::NamedNode(_)),
                "BlankNode" => matches!(value, Term::BlankNode(_)),
                "Literal" => matches!(value, Term::Literal(_)),
                "BlankNodeOrIRI" => !matches!(value, Term::Literal(_)),
                "BlankNodeOrLiteral" => !matches!(value, Term::NamedNode(_)),
                "IRIOrLiteral" => !matches!(value, Term::BlankNode(_)),
                other => return Err(format!("unknown sh:nodeKind sh:{other}")),
            };
            if !ok {
                fail("NodeKindConstraintComponent");
            }
        }
        if let Some(list) = self.object(shape, "in") {
            if !self.list(list).contains(value) {
                fail("InConstraintComponent");
            }
        }
        if let Some(min) = self.object(shape, "minLength").and_then(|t| integer(&t)) {
            let len = match value {
                Term::Literal(l) => l.value().chars().count(),
                Term::NamedNode(n) => n.as_str().chars().count(),
                _ => 0,
            };
            if (len as i64) < min || matches!(value, Term::BlankNode(_)) {
                fail("MinLengthConstraintComponent");
            }
        }
        let number = number(value);
        if let Some(min) = self
            .object(shape, "minInclusive")
            .and_then(|t| number_of(&t))
        {
            if number.is_none_or(|n| n < min) {
                fail("MinInclusiveConstraintComponent");
            }
        }
        if let Some(max) = self
            .object(shape, "maxInclusive")
            .and_then(|t| number_of(&t))
        {
            if number.is_none_or(|n| n > max) {
                fail("MaxInclusiveConstraintComponent");
            }
        }
        for list in self.objects(shape, "or") {
            let mut any = false;
            for alternative in self.list(list) {
                let mut nested = BTreeSet::new();
                self.validate_node(data, &alternative, &alternative, value, &mut nested)?;
                any |= nested.is_empty();
            }
            if !any {
                failures.push(("OrConstraintComponent".to_owned(), Some(value.clone())));
            }
        }
        for node in self.objects(shape, "node") {
            let mut nested = BTreeSet::new();
            self.validate_node(data, &node, &node, value, &mut nested)?;
            if !nested.is_empty() {
                failures.push(("NodeConstraintComponent".to_owned(), Some(value.clone())));
            }
        }
        Ok(failures)
    }
}

fn shape_name(shape: &Term) -> String {
    match shape {
        Term::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

fn integer(t: &Term) -> Option<i64> {
    match t {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}

fn number_of(t: &Term) -> Option<f64> {
    match t {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}

/// The value of a numeric literal.
fn number(t: &Term) -> Option<f64> {
    let Term::Literal(l) = t else { return None };
    let d = l.datatype();
    let numeric = [
        xsd::DECIMAL,
        xsd::INTEGER,
        xsd::DOUBLE,
        xsd::FLOAT,
        xsd::NON_NEGATIVE_INTEGER,
        xsd::POSITIVE_INTEGER,
        xsd::INT,
        xsd::LONG,
    ];
    numeric
        .contains(&d)
        .then(|| l.value().parse().ok())
        .flatten()
}

/// Whether a lexical form is valid for the datatypes the shapes use.
fn well_formed(value: &str, datatype: NamedNodeRef<'_>) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if datatype == xsd::NON_NEGATIVE_INTEGER {
        digits(value.strip_prefix('+').unwrap_or(value))
    } else if datatype == xsd::INTEGER {
        digits(value.trim_start_matches(['+', '-']))
    } else if datatype == xsd::DECIMAL {
        let v = value.trim_start_matches(['+', '-']);
        !v.is_empty()
            && v.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && v.matches('.').count() <= 1
    } else if datatype == xsd::DATE {
        value.len() >= 10
            && value[..10].bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
    } else {
        true
    }
}
