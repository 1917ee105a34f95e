//! Mentions → entities, and mention-level facts → entity-level facts.
//!
//! One node per entity per article: the mentions of a thing are merged when one
//! names it in full and another in part ("Mary Lou Chen" and "Chen"; "Globex
//! Group" and "Globex"), when an abbreviation was defined for it ("Global Ocean
//! Forum (GOF)"), or when an abbreviation spells its initials ("Union of
//! Riverside Workers" and "URW") — never when an honorific or a given name says the two
//! differ in sex ("Mrs Howard" and "Michael Howard"). The fullest name is the label; the
//! others are aliases.

mod facts;

pub use facts::{Event, Link, Resolved, Role, Statement, resolve_facts};

use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::recognize::Mention;
use std::collections::BTreeSet;

/// A person, organization, place or named event of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Its fullest name in the article.
    pub label: String,
    /// The name its IRI is minted from: the label, or for a country the lexicon's
    /// name, so "Britain" and "UK" in two articles are one node.
    pub key: String,
    /// The other names it goes by in the article.
    pub aliases: BTreeSet<String>,
    /// Its mentions, in text order.
    pub mentions: Vec<usize>,
}

fn words(name: &str) -> Vec<&str> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect()
}

fn initials(name: &str) -> String {
    words(name)
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether mention name `short` can name the entity labelled `long`.
fn names_same(kind: EntityKind, short: &Mention, long: &str) -> bool {
    if short.name.eq_ignore_ascii_case(long) || short.long_form.as_deref() == Some(long) {
        return true;
    }
    let s = words(&short.name);
    let l = words(long);
    if s.is_empty() || s.len() >= l.len() {
        return false;
    }
    match kind {
        // "Chen" in "Mary Lou Chen", "van der Berg" in "Jan van der Berg"
        EntityKind::Person => l.windows(s.len()).any(|w| w == s.as_slice()),
        // "Globex" for "Globex Group"; "URW" for "Union of Riverside Workers"
        EntityKind::Organization | EntityKind::Event => {
            // A company known by itself ("Lufthansa") is not a longer name that adds more
            // than a legal form ("Lufthansa Office" may be its product).
            let lex = lexicons();
            let known = lex.known_name(&short.name) == Some(EntityKind::Organization);
            l.starts_with(&s) && (!known || l[s.len()..].iter().all(|w| lex.is_legal_form(w)))
                || (s.len() == 1
                    && short.name.len() >= 2
                    && short.name == initials(long)
                    && short.name.chars().all(|c| c.is_uppercase()))
        }
        EntityKind::Place => false,
    }
}

/// Groups mentions into entities. Returns the entities, in order of first mention,
/// and the entity of each mention.
pub fn resolve_entities(mentions: &[Mention]) -> (Vec<Entity>, Vec<usize>) {
    // Longest names first, so partial names find their full form.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&m| {
        (
            std::cmp::Reverse(words(&mentions[m].name).len()),
            mentions[m].tokens.start,
        )
    });
    let mut entities: Vec<Entity> = Vec::new();
    let mut of_mention = vec![usize::MAX; mentions.len()];
    for m in order {
        let mention = &mentions[m];
        let candidates: Vec<usize> = (0..entities.len())
            .filter(|&e| entities[e].kind == mention.kind)
            // "Mrs Howard" is not "Michael Howard", whatever their names share.
            .filter(|&e| {
                let sexes = entities[e].mentions.iter().filter_map(|&o| mentions[o].sex);
                mention
                    .sex
                    .is_none_or(|sex| sexes.clone().all(|s| s == sex))
            })
            .filter(|&e| {
                names_same(mention.kind, mention, &entities[e].label)
                    || entities[e].aliases.contains(&mention.name)
                    || entities[e]
                        .mentions
                        .iter()
                        .any(|&o| mentions[o].name == mention.name)
            })
            .collect();
        // Of several, the one named last before this mention.
        let chosen = candidates.iter().copied().max_by_key(|&e| {
            entities[e]
                .mentions
                .iter()
                .filter(|&&o| mentions[o].tokens.start < mention.tokens.start)
                .map(|&o| mentions[o].tokens.start + 1)
                .max()
                .unwrap_or(0)
        });
        match chosen {
            Some(e) => {
                entities[e].mentions.push(m);
                of_mention[m] = e;
            }
            None => {
                entities.push(Entity {
                    kind: mention.kind,
                    label: mention.name.clone(),
                    key: mention.name.clone(),
                    aliases: BTreeSet::new(),
                    mentions: vec![m],
                });
                of_mention[m] = entities.len() - 1;
            }
        }
    }
    for e in &mut entities {
        e.mentions.sort_by_key(|&m| mentions[m].tokens.start);
        e.key = e.label.clone();
        // A place is labelled as the article writes it ("Bosnia", "Britain"), unless
        // only a demonym names it ("Chinese President"): then by the country's name.
        if e.kind == EntityKind::Place {
            let written = e
                .mentions
                .iter()
                .filter(|&&m| mentions[m].rule != "place:demonym")
                .map(|&m| mentions[m].surface.as_str())
                // Of equal names, one in running text rather than a capitalized dateline.
                .max_by_key(|s| {
                    let shouted = !s.chars().any(char::is_lowercase);
                    (s.chars().count(), !shouted, std::cmp::Reverse(*s))
                });
            if let Some(w) = written {
                e.label = w.to_owned();
            }
        }
        for &m in &e.mentions {
            for name in [&mentions[m].name, &mentions[m].surface] {
                if *name != e.label {
                    e.aliases.insert(name.clone());
                }
            }
        }
    }
    // Number entities in order of first mention.
    let mut by_first: Vec<usize> = (0..entities.len()).collect();
    by_first.sort_by_key(|&e| mentions[entities[e].mentions[0]].tokens.start);
    let mut new_index = vec![0; entities.len()];
    for (new, &old) in by_first.iter().enumerate() {
        new_index[old] = new;
    }
    let mut sorted: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let entities = by_first
        .iter()
        .map(|&old| sorted[old].take().expect("each entity moved once"))
        .collect();
    let of_mention = of_mention.into_iter().map(|e| new_index[e]).collect();
    (entities, of_mention)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::recognize;
    use crate::segment::Document;

    fn entities(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = Document::new(text);
        let analysis = crate::analyze::analyze(&doc, crate::analyze::models());
        let rec = recognize(&doc, &analysis, None);
        let (entities, _) = resolve_entities(&rec.mentions);
        entities
            .into_iter()
            .map(|e| (e.label, e.aliases.into_iter().collect()))
            .collect()
    }

    #[test]
    fn merges_short_names_and_abbreviations() {
        type Row<'a> = (&'a str, &'a [(&'a str, &'a [&'a str])]);
        let table: &[Row] = &[
            (
                "Acme CEO Mary Lou Chen spoke. Chen said it was fine.",
                &[("Acme", &[]), ("Mary Lou Chen", &["Chen"])],
            ),
            (
                "Globex Group rose. Shares in Globex fell.",
                &[("Globex Group", &["Globex"])],
            ),
            (
                "The Union of Riverside Workers (URW) met. The URW said no.",
                &[("Union of Riverside Workers", &["URW"])],
            ),
            // An honorific that disagrees with the given name names someone else.
            (
                "Michael Reyes met voters. Mrs Reyes spoke later.",
                &[("Michael Reyes", &[]), ("Reyes", &[])],
            ),
            (
                "Nina Reyes met voters. Mrs Reyes spoke later.",
                &[("Nina Reyes", &["Reyes"])],
            ),
            (
                "Lufthansa Office has a tool. Lufthansa said so. Lufthansa AG agreed.",
                &[("Lufthansa Office", &[]), ("Lufthansa AG", &["Lufthansa"])],
            ),
        ];
        for (text, expected) in table {
            let want: Vec<(String, Vec<String>)> = expected
                .iter()
                .map(|(l, a)| ((*l).to_owned(), a.iter().map(|s| (*s).to_owned()).collect()))
                .collect();
            assert_eq!(entities(text), want, "{text}");
        }
    }
}
