//! The chain of stages for one article, and what it produced.

use crate::analyze::{Analysis, analyze, models};
use crate::model::{Article, EntityKind, Span};
use crate::recognize::{Mention, Recognized, recognize};
use crate::relate::relate;
use crate::resolve::{Entity, Resolved, resolve_entities, resolve_facts};
use crate::segment::Document;
use oxigraph::model::Quad;
use std::collections::HashMap;

/// Everything extracted from one article, ready to be minted.
#[derive(Debug)]
pub struct Extraction {
    /// The article it came from.
    pub article: Article,
    /// Persons, organizations, places and named events.
    pub entities: Vec<Entity>,
    /// Every name mention, indexed by the entities.
    pub mentions: Vec<Mention>,
    /// Roles, statements, events and links between entities.
    pub facts: Resolved,
    /// The byte span of every sentence, in text order.
    pub sentences: Vec<Span>,
    /// The words of the article with their tags, lemmas, tree and name tags.
    pub analysis: Analysis<'static>,
}

/// Analyses a segmented article, recognizes its names, dates and titles, and parses
/// again the sentences with names of several words, each name read as one word (see
/// [`Analysis::reparsed_with_names`]): the analysis the facts are read from.
pub fn analyze_and_recognize(
    doc: &Document<'_>,
    published: Option<crate::model::Date>,
) -> (Analysis<'static>, Recognized) {
    let analysis = analyze(doc, models());
    let recognized = recognize(doc, &analysis, published);
    let names: Vec<(Span, EntityKind)> = recognized
        .mentions
        .iter()
        .map(|m| (m.span, m.kind))
        .collect();
    (analysis.reparsed_with_names(doc.text, &names), recognized)
}

/// Runs segment → analyze → recognize → relate → resolve over one article.
pub fn extract(article: &Article) -> Extraction {
    let (analysis, recognized, facts, sentences) = {
        let doc = Document::new(&article.text);
        let (analysis, recognized) = analyze_and_recognize(&doc, article.published);
        let facts = relate(&doc, &analysis, &recognized);
        let sentences = doc
            .sentences
            .iter()
            .map(|s| Span::new(s.start, s.end))
            .collect();
        (analysis, recognized, facts, sentences)
    };
    let Recognized { mentions, .. } = recognized;
    let (entities, of_mention) = resolve_entities(&mentions);
    let facts = resolve_facts(facts, &of_mention);
    Extraction {
        article: article.clone(),
        entities,
        mentions,
        facts,
        sentences,
        analysis,
    }
}

/// Short names that stand for a fuller one named in earlier articles of a corpus: an
/// article that says only "Reyes" gets the node of the "Tom Reyes" another article
/// named, when no other person of the corpus goes by "Reyes".
#[derive(Debug, Default)]
pub struct CorpusAliases {
    /// (kind, short name) → (key, label) of the fuller entity; `None` when two differ.
    names: HashMap<(EntityKind, String), Option<(String, String)>>,
}

impl CorpusAliases {
    /// Learns the short names of an article's persons and organizations: their aliases
    /// and, for a person, the surname.
    pub fn learn(&mut self, x: &Extraction) {
        for e in &x.entities {
            if !matches!(e.kind, EntityKind::Person | EntityKind::Organization)
                || !e.label.contains(' ')
            {
                continue;
            }
            let surname = (e.kind == EntityKind::Person)
                .then(|| e.label.rsplit(' ').next().map(str::to_owned))
                .flatten();
            for short in e.aliases.iter().cloned().chain(surname) {
                if short.contains(' ') || short == e.label {
                    continue;
                }
                let full = (e.key.clone(), e.label.clone());
                self.names
                    .entry((e.kind, short))
                    .and_modify(|known| {
                        if known.as_ref().is_some_and(|k| k.0 != full.0) {
                            *known = None;
                        }
                    })
                    .or_insert(Some(full));
            }
        }
    }

    /// Gives one-word persons and organizations of an article the fuller entity learnt
    /// from earlier articles, unless the article itself names a fuller one with that word.
    pub fn apply(&self, x: &mut Extraction) {
        let fuller: Vec<(EntityKind, String)> = x
            .entities
            .iter()
            .filter(|e| e.label.contains(' '))
            .map(|e| (e.kind, e.label.clone()))
            .collect();
        for e in &mut x.entities {
            if e.label.contains(' ') {
                continue;
            }
            let in_article = fuller
                .iter()
                .any(|(k, l)| *k == e.kind && l.split(' ').any(|w| w == e.label));
            if in_article {
                continue;
            }
            if let Some(Some((key, label))) = self.names.get(&(e.kind, e.label.clone())) {
                e.aliases
                    .insert(std::mem::replace(&mut e.label, label.clone()));
                e.key.clone_from(key);
            }
        }
    }
}

/// Extracts and mints articles in parallel, an article per thread at a time, and
/// returns each extraction with its quads in the order of the articles. In between, in
/// article order, short names resolve against the fuller names of earlier articles
/// (`aliases`), which then learns this chunk's; without `aliases` each article stands
/// alone, as in [`article_nquads`].
pub fn extract_all(
    articles: Vec<Article>,
    base: &str,
    aliases: Option<&mut CorpusAliases>,
) -> Vec<(Extraction, Vec<Quad>)> {
    use rayon::prelude::*;
    let mut extractions: Vec<Extraction> = articles.into_par_iter().map(|a| extract(&a)).collect();
    if let Some(aliases) = aliases {
        for x in &mut extractions {
            aliases.apply(x);
            aliases.learn(x);
        }
    }
    extractions
        .into_par_iter()
        .map(|x| {
            let quads = crate::mint::mint(&x, base);
            (x, quads)
        })
        .collect()
}

/// The graph of one article on its own as N-Quads, sorted: byte for byte what
/// `newsgraph extract --independent --format nq` writes for it. A pure function of the
/// article, so shards of a corpus extracted anywhere merge by concatenation. An article
/// with no text is an error, as it is for `extract`.
pub fn article_nquads(article: &Article, base: &str) -> Result<Vec<u8>, String> {
    if article.text.trim().is_empty() {
        return Err("no text: the article is empty or only whitespace".to_owned());
    }
    let quads = crate::mint::mint(&extract(article), base);
    let mut bytes = Vec::with_capacity(quads.len() * 160);
    crate::store::write_lines(&quads, true, &mut bytes);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    /// Rules look around freely; no cut of a real article may make them panic.
    #[test]
    fn extraction_survives_every_cut_of_an_article() {
        let text = include_str!("../examples/wic2020.txt");
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(7).collect();
        for &cut in &cuts {
            for piece in [&text[..cut], &text[cut..]] {
                let article = Article {
                    id: "cut".into(),
                    text: piece.into(),
                    published: Date::parse("2020-11-23"),
                    ..Article::default()
                };
                let x = extract(&article);
                let _ = crate::mint::mint(&x, crate::mint::vocab::DEFAULT_BASE);
            }
        }
    }
}
