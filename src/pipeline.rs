//! The chain of stages for one article, and what it produced.

use crate::model::{Article, Span};
use crate::recognize::{Mention, Recognized, recognize};
use crate::relate::relate;
use crate::resolve::{Entity, Resolved, resolve_entities, resolve_facts};
use crate::segment::Document;
use oxigraph::model::Quad;

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
}

/// Runs segment → recognize → relate → resolve over one article.
pub fn extract(article: &Article) -> Extraction {
    let (recognized, facts, sentences) = {
        let doc = Document::new(&article.text);
        let recognized = recognize(&doc, article.published);
        let facts = relate(&doc, &recognized);
        let sentences = doc
            .sentences
            .iter()
            .map(|s| Span::new(s.start, s.end))
            .collect();
        (recognized, facts, sentences)
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
    }
}

/// Extracts and mints articles in parallel, an article per thread at a time, and
/// returns each extraction with its quads in the order of the articles.
pub fn extract_all(articles: Vec<Article>, base: &str) -> Vec<(Extraction, Vec<Quad>)> {
    use rayon::prelude::*;
    articles
        .into_par_iter()
        .map(|article| {
            let x = extract(&article);
            let quads = crate::mint::mint(&x, base);
            (x, quads)
        })
        .collect()
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
