//! Entities → the same things in open-data graphs: Wikidata, DBpedia, GeoNames or any
//! SPARQL endpoint or RDF file with labels and types.
//!
//! Linking reads the persons, organizations and places of a store with what the
//! articles say about them (organizations a person works for, places an organization
//! or place lies in), asks the target for every item carrying one of their names
//! (label or alias, then the name without a legal suffix), in batches, and ranks the
//! items of the right type (through the target's class hierarchy) by name, context
//! (employer, country) and prominence (sitelinks, population). A link is written only
//! when the best item is sure enough and clearly ahead of the next; otherwise the
//! entity is reported as ambiguous.
//!
//! Links go to their own named graph ([`links_graph`]): `owl:sameAs` triples, each
//! reified with its confidence, rule and the activity that made it, so a run for one
//! target replaces that target's links and touches nothing else.

mod rank;
pub mod target;

pub use rank::{Decision, Scored};
pub use target::{Endpoint, EndpointOptions, Reference, Row, Target, TargetError};

use crate::mint::slug;
use crate::mint::vocab::{NG, OWL, PROV, RDF, RDFS, XSD};
use crate::model::EntityKind;
use crate::store::{self, QueryOutput};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The named graph that holds the links of a store minted under `base`.
pub fn links_graph(base: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}links"))
}

/// A person, organization or place of the store, with what the articles say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEntity {
    /// Its IRI in the store.
    pub iri: NamedNode,
    /// What it is.
    pub kind: EntityKind,
    /// Its label.
    pub label: String,
    /// Other names it goes by.
    pub aliases: BTreeSet<String>,
    /// Organizations it works for or belongs to (persons).
    pub organizations: BTreeSet<String>,
    /// Places it is in, is based in or belongs to, up the containment chain.
    pub places: BTreeSet<String>,
}

/// How linking runs.
#[derive(Debug, Clone)]
pub struct LinkOptions {
    /// Links below this confidence are not written.
    pub min_confidence: f64,
    /// The best item must lead the next by this much, else the entity is ambiguous.
    pub margin: f64,
    /// Names per candidate query.
    pub batch: usize,
    /// The kinds of entity to link.
    pub kinds: Vec<EntityKind>,
    /// Only the entities of this graph (an article); all graphs otherwise.
    pub graph: Option<NamedNode>,
}

impl Default for LinkOptions {
    fn default() -> Self {
        Self {
            min_confidence: 0.6,
            margin: 0.1,
            batch: 50,
            kinds: vec![
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Place,
            ],
            graph: None,
        }
    }
}

/// What a linking run decided for each entity, in IRI order.
#[derive(Debug)]
pub struct LinkReport {
    /// Each entity with its decision.
    pub decisions: Vec<(LocalEntity, Decision)>,
    /// Queries sent over the network, and answered from the cache.
    pub requests: (usize, usize),
}

impl LinkReport {
    /// The entities linked, with their item and confidence.
    pub fn linked(&self) -> impl Iterator<Item = (&LocalEntity, &Scored)> {
        self.decisions.iter().filter_map(|(e, d)| match d {
            Decision::Linked(best) => Some((e, best)),
            _ => None,
        })
    }
}

/// Errors of a linking run; the store is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    /// Asking the target failed.
    #[error(transparent)]
    Target(#[from] TargetError),
    /// Reading or writing the store failed.
    #[error("store: {0}")]
    Store(String),
}

/// The class IRIs whose instances (through subclasses) are persons, organizations and
/// places, in Wikidata, schema.org, FOAF, DBpedia and GeoNames.
const ROOTS: &[(&str, EntityKind)] = &[
    ("http://www.wikidata.org/entity/Q5", EntityKind::Person),
    ("https://schema.org/Person", EntityKind::Person),
    ("http://schema.org/Person", EntityKind::Person),
    ("http://xmlns.com/foaf/0.1/Person", EntityKind::Person),
    ("http://dbpedia.org/ontology/Person", EntityKind::Person),
    (
        "http://www.wikidata.org/entity/Q43229",
        EntityKind::Organization,
    ),
    ("https://schema.org/Organization", EntityKind::Organization),
    ("http://schema.org/Organization", EntityKind::Organization),
    (
        "http://xmlns.com/foaf/0.1/Organization",
        EntityKind::Organization,
    ),
    (
        "http://dbpedia.org/ontology/Organisation",
        EntityKind::Organization,
    ),
    ("http://www.wikidata.org/entity/Q2221906", EntityKind::Place),
    (
        "http://www.wikidata.org/entity/Q17334923",
        EntityKind::Place,
    ),
    ("http://www.wikidata.org/entity/Q618123", EntityKind::Place),
    ("http://www.wikidata.org/entity/Q56061", EntityKind::Place),
    ("https://schema.org/Place", EntityKind::Place),
    ("http://schema.org/Place", EntityKind::Place),
    ("http://dbpedia.org/ontology/Place", EntityKind::Place),
    (
        "https://www.geonames.org/ontology#Feature",
        EntityKind::Place,
    ),
    (
        "http://www.geonames.org/ontology#Feature",
        EntityKind::Place,
    ),
];

const PREFIXES: &str = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX gn: <https://www.geonames.org/ontology#>
PREFIX dbo: <http://dbpedia.org/ontology/>
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
";

/// Reads the entities of a store to link.
pub fn local_entities(store: &Store, options: &LinkOptions) -> Result<Vec<LocalEntity>, LinkError> {
    let from = options
        .graph
        .as_ref()
        .map(|g| format!("FROM {g}"))
        .unwrap_or_default();
    let select = |vars: &str, body: &str| -> Result<Vec<Vec<Option<String>>>, LinkError> {
        let query = format!("{PREFIXES}SELECT {vars} {from} WHERE {{ {body} }}");
        let answer = store::run_query(store, &query).map_err(LinkError::Store)?;
        let QueryOutput::Solutions(solutions) = answer else {
            return Err(LinkError::Store("not a SELECT".into()));
        };
        let vars: Vec<_> = solutions.variables().to_vec();
        let mut rows = Vec::new();
        for solution in solutions {
            let solution = solution.map_err(|e| LinkError::Store(e.to_string()))?;
            rows.push(
                vars.iter()
                    .map(|v| {
                        solution.get(v).map(|t| match t {
                            Term::Literal(l) => l.value().to_owned(),
                            Term::NamedNode(n) => n.as_str().to_owned(),
                            other => other.to_string(),
                        })
                    })
                    .collect(),
            );
        }
        Ok(rows)
    };
    let mut entities: BTreeMap<String, LocalEntity> = BTreeMap::new();
    let rows = select(
        "?e ?k ?label ?alias",
        "VALUES (?kind ?k) { (ng:Person 0) (ng:Organization 1) (ng:Place 2) }
         ?e a ?kind ; rdfs:label ?label . OPTIONAL { ?e ng:alias ?alias }",
    )?;
    for row in rows {
        let (Some(e), Some(k), Some(label)) = (&row[0], &row[1], &row[2]) else {
            continue;
        };
        let kind = match k.as_str() {
            "0" => EntityKind::Person,
            "1" => EntityKind::Organization,
            _ => EntityKind::Place,
        };
        if !options.kinds.contains(&kind) {
            continue;
        }
        let entity = entities.entry(e.clone()).or_insert_with(|| LocalEntity {
            iri: NamedNode::new_unchecked(e.clone()),
            kind,
            label: label.clone(),
            aliases: BTreeSet::new(),
            organizations: BTreeSet::new(),
            places: BTreeSet::new(),
        });
        // The same IRI may carry other labels in other articles: aliases too.
        if *label != entity.label {
            entity.aliases.insert(label.clone());
        }
        if let Some(alias) = row.get(3).cloned().flatten() {
            if alias != entity.label {
                entity.aliases.insert(alias);
            }
        }
    }
    let organizations = select(
        "?e ?o ?name",
        "{ ?e ng:holdsRole/ng:roleAt ?o } UNION { ?e ng:affiliatedWith ?o }
         ?o a ng:Organization ; rdfs:label ?name",
    )?;
    for row in organizations {
        if let (Some(e), Some(name)) = (&row[0], &row[2]) {
            if let Some(entity) = entities.get_mut(e) {
                entity.organizations.insert(name.clone());
            }
        }
    }
    let places = select(
        "?e ?p ?name",
        "?e (ng:country|ng:basedIn|ng:locatedIn|ng:holdsRole/ng:roleAt)/ng:locatedIn* ?p .
         ?p a ng:Place ; rdfs:label ?name",
    )?;
    for row in places {
        if let (Some(e), Some(name)) = (&row[0], &row[2]) {
            if let Some(entity) = entities.get_mut(e) {
                entity.places.insert(name.clone());
            }
        }
    }
    Ok(entities.into_values().collect())
}

/// An item of the target named like one of our entities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidate {
    /// Its IRI in the target.
    pub item: String,
    /// The names it was found by.
    pub names: BTreeSet<String>,
    /// Its classes.
    pub classes: BTreeSet<String>,
    /// What those classes make it.
    pub kinds: BTreeSet<EntityKind>,
    /// Sitelinks or population, the larger the better known.
    pub prominence: f64,
    /// Labels of its employers.
    pub employers: BTreeSet<String>,
    /// Labels of its countries.
    pub countries: BTreeSet<String>,
}

/// A SPARQL string literal.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Asks the target for every item named by one of `names`, with its classes'
/// kinds, prominence, employers and countries.
pub fn find_candidates(
    target: &mut dyn Target,
    names: &BTreeSet<String>,
    batch: usize,
) -> Result<HashMap<String, Vec<Candidate>>, TargetError> {
    let mut items: BTreeMap<String, Candidate> = BTreeMap::new();
    let names: Vec<&String> = names.iter().collect();
    for chunk in names.chunks(batch.max(1)) {
        let values: Vec<String> = chunk
            .iter()
            .flat_map(|n| [format!("{}@en", quoted(n)), quoted(n)])
            .collect();
        let query = format!(
            "{PREFIXES}SELECT ?name ?item ?class ?prominence ?employer ?country WHERE {{
  VALUES ?name {{ {} }}
  {{ ?item rdfs:label ?name }} UNION {{ ?item skos:altLabel ?name }}
  UNION {{ ?item gn:name ?name }} UNION {{ ?item gn:alternateName ?name }}
  OPTIONAL {{ ?item wdt:P31|rdf:type ?class }}
  OPTIONAL {{ ?item wikibase:sitelinks|gn:population ?prominence }}
  OPTIONAL {{ ?item wdt:P108|dbo:employer ?e . ?e rdfs:label|gn:name ?employer
             FILTER(LANG(?employer) = \"en\" || LANG(?employer) = \"\") }}
  OPTIONAL {{ ?item wdt:P17|gn:parentCountry|dbo:country ?c . ?c rdfs:label|gn:name ?country
             FILTER(LANG(?country) = \"en\" || LANG(?country) = \"\") }}
}}",
            values.join(" ")
        );
        for row in target.select(&query)? {
            let (Some(name), Some(item)) = (row.get("name"), row.get("item")) else {
                continue;
            };
            let c = items.entry(item.clone()).or_insert_with(|| Candidate {
                item: item.clone(),
                ..Candidate::default()
            });
            c.names.insert(name.clone());
            if let Some(class) = row.get("class") {
                c.classes.insert(class.clone());
            }
            if let Some(p) = row.get("prominence").and_then(|p| p.parse::<f64>().ok()) {
                c.prominence = c.prominence.max(p);
            }
            if let Some(e) = row.get("employer") {
                c.employers.insert(e.clone());
            }
            if let Some(country) = row.get("country") {
                c.countries.insert(country.clone());
            }
        }
    }
    // The kinds of the classes, through the target's class hierarchy.
    let classes: BTreeSet<String> = items.values().flat_map(|c| c.classes.clone()).collect();
    let mut kind_of: HashMap<String, BTreeSet<EntityKind>> = HashMap::new();
    for (root, kind) in ROOTS {
        if classes.contains(*root) {
            kind_of.entry((*root).to_owned()).or_default().insert(*kind);
        }
    }
    let classes: Vec<&String> = classes.iter().collect();
    let roots: Vec<String> = ROOTS.iter().map(|(r, _)| format!("<{r}>")).collect();
    for chunk in classes.chunks(batch.max(1)) {
        // One branch per class with the class written out: Virtuoso (DBpedia) walks a
        // transitive path only from a constant start, not from VALUES.
        let branches: Vec<String> = chunk
            .iter()
            .map(|c| {
                format!("{{ <{c}> (wdt:P279|rdfs:subClassOf)+ ?root . BIND(<{c}> AS ?class) }}")
            })
            .collect();
        let query = format!(
            "{PREFIXES}SELECT DISTINCT ?class ?root WHERE {{
  {}
  FILTER(?root IN ({}))
}}",
            branches.join("\n  UNION "),
            roots.join(", ")
        );
        for row in target.select(&query)? {
            let (Some(class), Some(root)) = (row.get("class"), row.get("root")) else {
                continue;
            };
            if let Some((_, kind)) = ROOTS.iter().find(|(r, _)| r == root) {
                kind_of.entry(class.clone()).or_default().insert(*kind);
            }
        }
    }
    let mut by_name: HashMap<String, Vec<Candidate>> = HashMap::new();
    for mut c in items.into_values() {
        c.kinds = c
            .classes
            .iter()
            .filter_map(|class| kind_of.get(class))
            .flatten()
            .copied()
            .collect();
        for name in &c.names {
            by_name.entry(name.clone()).or_default().push(c.clone());
        }
    }
    Ok(by_name)
}

/// Links the entities of a store against a target: decides, without writing.
pub fn link(
    store: &Store,
    target: &mut dyn Target,
    options: &LinkOptions,
) -> Result<LinkReport, LinkError> {
    let entities = local_entities(store, options)?;
    let mut names = BTreeSet::new();
    for e in &entities {
        names.extend(rank::names_to_ask(e));
    }
    let candidates = find_candidates(target, &names, options.batch)?;
    let decisions = entities
        .into_iter()
        .map(|e| {
            let decision = rank::decide(&e, &candidates, options);
            (e, decision)
        })
        .collect();
    Ok(LinkReport {
        decisions,
        requests: target.requests(),
    })
}

/// The GeoNames places that ship with newsgraph (`reference/geonames-places.ttl`):
/// countries, US states and cities of 15,000 inhabitants or more.
pub fn geonames_reference() -> Result<Reference, TargetError> {
    use oxigraph::io::{RdfFormat, RdfParser};
    let data = include_str!("../../reference/geonames-places.ttl");
    let store = Store::new().map_err(|e| TargetError::Reference(e.to_string()))?;
    let quads = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(data.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| TargetError::Reference(format!("geonames-places.ttl: {e}")))?;
    store
        .extend(quads)
        .map_err(|e| TargetError::Reference(e.to_string()))?;
    Ok(Reference::from_store("geonames", store))
}

/// The IRI of the activity that made a target's links ("…/links/wikidata").
pub fn activity_iri(base: &str, target: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}links/{}", slug(target)))
}

/// The quads of a report's links: `owl:sameAs` and its reification, in the links graph.
pub fn link_quads(report: &LinkReport, base: &str, target: &str) -> Vec<Quad> {
    let graph = GraphName::NamedNode(links_graph(base));
    let activity = activity_iri(base, target);
    let iri = |s: &str| NamedNode::new_unchecked(s);
    let mut quads = Vec::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| {
        quads.push(Quad::new(s.clone(), p, o, graph.clone()));
    };
    add(
        &activity,
        iri(&format!("{RDF}type")),
        iri(&format!("{PROV}Activity")).into(),
    );
    add(
        &activity,
        iri(&format!("{RDFS}label")),
        Literal::new_simple_literal(format!("newsgraph link --target {target}")).into(),
    );
    for (entity, best) in report.linked() {
        let Ok(item) = NamedNode::new(&best.item) else {
            continue;
        };
        let same_as = iri(&format!("{OWL}sameAs"));
        add(&entity.iri, same_as.clone(), item.clone().into());
        // "…/links/wikidata/person-tom-reyes" for "…/person/tom-reyes".
        let path = entity.iri.as_str();
        let path = path.strip_prefix(base).unwrap_or(path);
        let node = iri(&format!("{}/{}", activity.as_str(), slug(path)));
        add(
            &node,
            iri(&format!("{RDF}type")),
            iri(&format!("{RDF}Statement")).into(),
        );
        add(
            &node,
            iri(&format!("{RDF}subject")),
            entity.iri.clone().into(),
        );
        add(&node, iri(&format!("{RDF}predicate")), same_as.into());
        add(&node, iri(&format!("{RDF}object")), item.into());
        add(
            &node,
            iri(&format!("{NG}confidence")),
            Literal::new_typed_literal(
                format!("{:.2}", best.score.clamp(0.0, 1.0)),
                iri(&format!("{XSD}decimal")),
            )
            .into(),
        );
        add(
            &node,
            iri(&format!("{NG}rule")),
            Literal::new_simple_literal(best.rule.clone()).into(),
        );
        add(
            &node,
            iri(&format!("{PROV}wasGeneratedBy")),
            activity.clone().into(),
        );
    }
    quads.sort_by_cached_key(|q| q.to_string());
    quads
}

/// Writes a report's links into the store, atomically replacing the links the same
/// target made before for the same entities.
pub fn write_links(
    store: &Store,
    report: &LinkReport,
    base: &str,
    target: &str,
) -> Result<usize, LinkError> {
    let graph = links_graph(base);
    let activity = activity_iri(base, target);
    let entities: Vec<String> = report
        .decisions
        .iter()
        .map(|(e, _)| e.iri.to_string())
        .collect();
    let mut old = Vec::new();
    for chunk in entities.chunks(500) {
        let query = format!(
            "PREFIX rdf: <{RDF}> PREFIX prov: <{PROV}> PREFIX owl: <{OWL}>
             SELECT ?n ?p ?o ?e ?x WHERE {{ GRAPH {graph} {{
               VALUES ?e {{ {} }}
               ?n prov:wasGeneratedBy {activity} ; rdf:subject ?e ; rdf:object ?x ; ?p ?o .
             }} }}",
            chunk.join(" ")
        );
        let answer = store::run_query(store, &query).map_err(LinkError::Store)?;
        let QueryOutput::Solutions(solutions) = answer else {
            continue;
        };
        for solution in solutions {
            let s = solution.map_err(|e| LinkError::Store(e.to_string()))?;
            let node = |v: &str| match s.get(v) {
                Some(Term::NamedNode(n)) => Some(n.clone()),
                _ => None,
            };
            let (Some(n), Some(p), Some(o), Some(e), Some(x)) = (
                node("n"),
                node("p"),
                s.get("o").cloned(),
                node("e"),
                node("x"),
            ) else {
                continue;
            };
            old.push(Quad::new(n, p, o, graph.clone()));
            old.push(Quad::new(
                e,
                NamedNode::new_unchecked(format!("{OWL}sameAs")),
                x,
                graph.clone(),
            ));
        }
    }
    let new = link_quads(report, base, target);
    let storage = |e: oxigraph::store::StorageError| LinkError::Store(e.to_string());
    let mut transaction = store.start_transaction().map_err(storage)?;
    for quad in &old {
        transaction.remove(quad);
    }
    transaction.extend(new.iter());
    transaction.commit().map_err(storage)?;
    Ok(report.linked().count())
}
