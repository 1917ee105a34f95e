//! `GET /api/search?q=…`: names of persons, organizations, places and events that
//! start with what was typed, for the page's search box.
//!
//! A regular expression over every label in SPARQL would scan the whole store on every
//! keystroke. Instead the server keeps a sorted list of the words of every label and
//! alias; a query finds its candidates by binary search on its longest word and checks
//! the other words on those few. The index is built from the store on the first search
//! and again after the server wrote to the store.

use super::Answer;
use crate::mint::vocab::{NG, PROV, RDF, RDFS};
use oxigraph::model::{NamedNodeRef, NamedOrBlankNodeRef, TermRef};
use oxigraph::store::Store;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The classes searched, in the order of [`Hit::kind`]'s names.
const KINDS: [&str; 4] = ["Person", "Organization", "Place", "Event"];

/// The most hits one page of an answer holds.
const MAX_LIMIT: usize = 100;

/// The search index of a server, built lazily and rebuilt after writes. Clones share it.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Bumped by every write of the server; an index built before it is stale.
    generation: AtomicU64,
    built: Mutex<Option<(u64, Arc<Names>)>>,
}

impl SearchIndex {
    /// Marks the index stale: the store was written to.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Builds the index now (a server calls it at start, in a thread of its own, so the
    /// first search need not wait for it). A search meanwhile waits for this build.
    pub fn warm(&self, store: &Store) {
        if let Err(e) = self.names(store) {
            eprintln!("newsgraph: the search index could not be built: {e}");
        }
    }

    /// The index of the store as it is now, built if it is missing or stale.
    fn names(&self, store: &Store) -> Result<Arc<Names>, String> {
        let generation = self.generation.load(Ordering::SeqCst);
        let mut built = self.built.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((at, names)) = built.as_ref()
            && *at == generation
        {
            return Ok(names.clone());
        }
        let names = Arc::new(Names::read(store).map_err(|e| e.to_string())?);
        *built = Some((generation, names.clone()));
        Ok(names)
    }
}

/// One searchable entity.
#[derive(Debug)]
struct Entry {
    iri: String,
    label: String,
    kind: usize,
    articles: usize,
    aliases: Vec<String>,
    /// The words of its label and aliases, lower case, sorted, once each.
    words: Vec<String>,
}

/// Every entity with its names, and the words of those names, sorted.
#[derive(Debug, Default)]
struct Names {
    entries: Vec<Entry>,
    /// (word, entry), sorted by word.
    words: Vec<(String, u32)>,
}

/// The words of a name, lower case: letters and digits, split at everything else.
fn words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

impl Names {
    /// Reads labels, aliases, types and source articles straight off the store's
    /// indexes (one pass per property, no query engine).
    fn read(store: &Store) -> Result<Self, oxigraph::store::StorageError> {
        let rdf_type = format!("{RDF}type");
        let rdf_type = NamedNodeRef::new_unchecked(&rdf_type);
        let mut by_iri: HashMap<String, usize> = HashMap::new();
        let mut entries = Vec::new();
        for (kind, class) in KINDS.iter().enumerate() {
            let class = format!("{NG}{class}");
            let class = NamedNodeRef::new_unchecked(&class);
            for quad in store.quads_for_pattern(None, Some(rdf_type), Some(class.into()), None) {
                let quad = quad?;
                let NamedOrBlankNodeRef::NamedNode(node) = quad.subject.as_ref() else {
                    continue;
                };
                by_iri.entry(node.as_str().to_owned()).or_insert_with(|| {
                    entries.push(Entry {
                        iri: node.as_str().to_owned(),
                        label: String::new(),
                        kind,
                        articles: 0,
                        aliases: Vec::new(),
                        words: Vec::new(),
                    });
                    entries.len() - 1
                });
            }
        }
        let each = |property: &str, f: &mut dyn FnMut(usize, TermRef<'_>)| {
            let property = NamedNodeRef::new_unchecked(property);
            let mut seen = std::collections::HashSet::new();
            for quad in store.quads_for_pattern(None, Some(property), None, None) {
                let quad = quad?;
                if let NamedOrBlankNodeRef::NamedNode(node) = quad.subject.as_ref()
                    && let Some(&i) = by_iri.get(node.as_str())
                    && seen.insert((i, quad.object.to_string()))
                {
                    f(i, quad.object.as_ref());
                }
            }
            Ok::<(), oxigraph::store::StorageError>(())
        };
        each(&format!("{RDFS}label"), &mut |i, o| {
            if let TermRef::Literal(l) = o
                && (entries[i].label.is_empty() || l.value().len() > entries[i].label.len())
            {
                entries[i].label = l.value().to_owned();
            }
        })?;
        each(&format!("{NG}alias"), &mut |i, o| {
            if let TermRef::Literal(l) = o {
                entries[i].aliases.push(l.value().to_owned());
            }
        })?;
        each(&format!("{PROV}wasDerivedFrom"), &mut |i, _| {
            entries[i].articles += 1
        })?;
        // Actions ("halted", "issued a new draft") are events read off a clause, not
        // names anyone looks up.
        let mut action = vec![false; entries.len()];
        each(&format!("{NG}trigger"), &mut |i, _| action[i] = true)?;
        let mut keep = action.iter().map(|a| !a);
        entries.retain(|e| keep.next().unwrap_or(true) && !e.label.is_empty());
        let mut words_of: Vec<(String, u32)> = Vec::new();
        for (i, entry) in entries.iter_mut().enumerate() {
            entry.aliases.sort();
            entry.aliases.retain(|a| *a != entry.label);
            let mut own: Vec<String> = std::iter::once(&entry.label)
                .chain(&entry.aliases)
                .flat_map(|name| words(name))
                .collect();
            own.sort();
            own.dedup();
            words_of.extend(own.iter().map(|w| (w.clone(), i as u32)));
            entry.words = own;
        }
        words_of.sort();
        Ok(Self {
            entries,
            words: words_of,
        })
    }

    /// The entries some word of which starts with `prefix`.
    fn starting_with<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let from = self.words.partition_point(|(w, _)| w.as_str() < prefix);
        self.words[from..]
            .iter()
            .take_while(move |(w, _)| w.starts_with(prefix))
            .map(|&(_, i)| i)
    }

    /// Every entry all of whose query words begin one of its words, best first: the
    /// label itself, then labels that begin with the query, then by how many articles
    /// name the entity.
    fn search(&self, query: &str, kind: Option<usize>) -> Vec<&Entry> {
        let query_words: Vec<String> = words(query).collect();
        let Some(longest) = query_words.iter().max_by_key(|w| w.len()) else {
            return Vec::new();
        };
        let mut hits: Vec<u32> = self.starting_with(longest).collect();
        hits.sort_unstable();
        hits.dedup();
        let lowered = query.trim().to_lowercase();
        let mut found: Vec<(u8, &Entry)> = hits
            .into_iter()
            .map(|i| &self.entries[i as usize])
            .filter(|e| kind.is_none_or(|k| e.kind == k))
            .filter(|e| {
                query_words
                    .iter()
                    .all(|q| e.words.iter().any(|w| w.starts_with(q.as_str())))
            })
            .map(|e| {
                let label = e.label.to_lowercase();
                let rank = if label == lowered {
                    0
                } else if label.starts_with(&lowered) {
                    1
                } else {
                    2
                };
                (rank, e)
            })
            .collect();
        found.sort_by(|(ra, a), (rb, b)| {
            ra.cmp(rb)
                .then(b.articles.cmp(&a.articles))
                .then(a.label.cmp(&b.label))
                .then(a.iri.cmp(&b.iri))
        });
        found.into_iter().map(|(_, e)| e).collect()
    }
}

/// One hit as the page receives it.
#[derive(Serialize)]
struct Hit<'a> {
    iri: &'a str,
    label: &'a str,
    kind: &'static str,
    articles: usize,
    aliases: &'a [String],
}

/// The answer to one page of a search.
#[derive(Serialize)]
struct Page<'a> {
    query: &'a str,
    total: usize,
    offset: usize,
    hits: Vec<Hit<'a>>,
}

/// Answers `GET /api/search?q=TEXT[&type=Person][&offset=N][&limit=N]` with JSON:
/// `{"query", "total", "offset", "hits": [{"iri", "label", "kind", "articles",
/// "aliases"}]}`.
pub fn answer(store: &Store, index: &SearchIndex, params: &[(String, String)]) -> Answer {
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let query = param("q").unwrap_or_default();
    let number = |name: &str, default: usize| match param(name) {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .map_err(|_| Answer::text(400, format!("{name}: not a number: {v:?}"))),
    };
    let (offset, limit) = match (number("offset", 0), number("limit", 20)) {
        (Ok(o), Ok(l)) => (o, l.clamp(1, MAX_LIMIT)),
        (Err(a), _) | (_, Err(a)) => return a,
    };
    let kind = match param("type").filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => match KINDS.iter().position(|k| k.eq_ignore_ascii_case(t)) {
            Some(k) => Some(k),
            None => {
                return Answer::text(
                    400,
                    format!("type: one of {} (not {t:?})", KINDS.join(", ")),
                );
            }
        },
    };
    let names = match index.names(store) {
        Ok(names) => names,
        Err(e) => return Answer::text(500, format!("the search index could not be read: {e}")),
    };
    let found = names.search(query, kind);
    let page = Page {
        query,
        total: found.len(),
        offset,
        hits: found
            .iter()
            .skip(offset)
            .take(limit)
            .map(|e| Hit {
                iri: &e.iri,
                label: &e.label,
                kind: KINDS[e.kind],
                articles: e.articles,
                aliases: &e.aliases,
            })
            .collect(),
    };
    match serde_json::to_vec(&page) {
        Ok(body) => Answer {
            status: 200,
            content_type: "application/json",
            body,
            extra: Vec::new(),
        },
        Err(e) => Answer::text(500, e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;

    fn store() -> Store {
        let store = Store::new().unwrap();
        let data = r#"
            @prefix ng: <https://w3id.org/newsgraph/ontology#> .
            @prefix prov: <http://www.w3.org/ns/prov#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            <http://x/p/ana-kovac> a ng:Person ; rdfs:label "Ana Kovač" ; ng:alias "Kovač" ;
                prov:wasDerivedFrom <http://x/a1> , <http://x/a2> .
            <http://x/p/anatol-berg> a ng:Person ; rdfs:label "Anatol Berg" ;
                prov:wasDerivedFrom <http://x/a1> .
            <http://x/o/berg-holdings> a ng:Organization ; rdfs:label "Berg Holdings" ;
                prov:wasDerivedFrom <http://x/a1> , <http://x/a2> , <http://x/a3> .
            <http://x/a1> rdfs:label "not an entity" .
            <http://x/a1.event-1> a ng:Event ; rdfs:label "announced" ; ng:trigger "announce" .
            <http://x/a1.event-2> a ng:Event ; rdfs:label "Annual Meeting" .
        "#;
        store
            .load_from_slice(RdfFormat::Turtle, data.as_bytes())
            .unwrap();
        store
    }

    fn labels(names: &Names, query: &str, kind: Option<usize>) -> Vec<String> {
        names
            .search(query, kind)
            .iter()
            .map(|e| e.label.clone())
            .collect()
    }

    #[test]
    fn every_query_word_begins_a_word_of_a_name() {
        let names = Names::read(&store()).unwrap();
        assert_eq!(labels(&names, "ana", None), ["Ana Kovač", "Anatol Berg"]);
        assert_eq!(labels(&names, "ANA k", None), ["Ana Kovač"]);
        // by alias, diacritics as written
        assert_eq!(labels(&names, "kovač", None), ["Ana Kovač"]);
        assert!(labels(&names, "nat", None).is_empty());
        // named events, not actions
        assert_eq!(labels(&names, "ann", None), ["Annual Meeting"]);
        assert!(labels(&names, "  ", None).is_empty());
    }

    #[test]
    fn the_name_itself_comes_first_then_the_most_written_about() {
        let names = Names::read(&store()).unwrap();
        assert_eq!(
            labels(&names, "berg", None),
            ["Berg Holdings", "Anatol Berg"]
        );
        assert_eq!(labels(&names, "berg", Some(0)), ["Anatol Berg"]);
        let hit = &names.search("berg holdings", None)[0];
        assert_eq!((hit.articles, KINDS[hit.kind]), (3, "Organization"));
    }

    #[test]
    fn writes_make_the_index_stale() {
        let store = store();
        let index = SearchIndex::default();
        let page = |q: &str| {
            let answer = answer(&store, &index, &[("q".into(), q.into())]);
            assert_eq!(answer.status, 200);
            serde_json::from_slice::<serde_json::Value>(&answer.body).unwrap()
        };
        assert_eq!(page("zora")["total"], 0);
        store
            .load_from_slice(
                RdfFormat::Turtle,
                b"<http://x/p/zora> a <https://w3id.org/newsgraph/ontology#Person> ; \
                  <http://www.w3.org/2000/01/rdf-schema#label> \"Zora Lind\" .",
            )
            .unwrap();
        assert_eq!(page("zora")["total"], 0, "built once, until a write");
        index.invalidate();
        let found = page("zora");
        assert_eq!(found["total"], 1);
        assert_eq!(found["hits"][0]["iri"], "http://x/p/zora");
        assert_eq!(found["hits"][0]["kind"], "Person");
    }

    #[test]
    fn bad_parameters_are_named() {
        let store = store();
        let index = SearchIndex::default();
        let ask = |params: &[(&str, &str)]| {
            let params: Vec<(String, String)> = params
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            answer(&store, &index, &params)
        };
        let bad = ask(&[("q", "a"), ("offset", "x")]);
        assert_eq!(bad.status, 400);
        assert!(String::from_utf8_lossy(&bad.body).contains("offset"));
        assert_eq!(ask(&[("q", "a"), ("type", "Cat")]).status, 400);
        let paged = ask(&[("q", "ana"), ("limit", "1"), ("offset", "1")]);
        let v: serde_json::Value = serde_json::from_slice(&paged.body).unwrap();
        assert_eq!(
            (v["total"].as_u64(), v["hits"].as_array().unwrap().len()),
            (Some(2), 1)
        );
    }
}
