//! Ranking the items named like an entity: name, type, context and prominence.

use super::{Candidate, LinkOptions, LocalEntity};
use crate::lexicon::{fold_diacritic, lexicons};
use crate::model::EntityKind;
use std::collections::{BTreeSet, HashMap};

/// An item with its score and how the score was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// The item's IRI.
    pub item: String,
    /// The confidence, in [0, 1].
    pub score: f64,
    /// How it was chosen, e.g. `link:label+employer`.
    pub rule: String,
}

/// What linking decided for one entity.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Linked to the best item.
    Linked(Scored),
    /// Several items score too close to choose: all those within the margin.
    Ambiguous(Vec<Scored>),
    /// The best item scored below the threshold.
    Below(Scored),
    /// No item of the right type carries any of its names.
    NoCandidate,
}

/// Weight of the name match (1 for the label itself, 0.9 for an alias or a variant).
const NAME: f64 = 0.6;
/// Weight of prominence, as the candidate's share among the candidates.
const PROMINENCE: f64 = 0.25;
/// Bonus when the target's employer or country is one the article names.
const CONTEXT_MATCH: f64 = 0.3;
/// Penalty when the target gives employers or countries and none is the article's.
const CONTEXT_CONFLICT: f64 = 0.15;

/// A name in a form that ignores case, diacritics, punctuation and a leading "the".
pub(crate) fn normalize(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| fold_diacritic(c).to_ascii_lowercase())
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

/// The form names are compared in as context: normalized, without a legal form
/// ("Zintrex Corp" and "Zintrex Corporation" are one employer).
fn context_key(name: &str) -> String {
    normalize(&without_legal_suffix(name).unwrap_or_else(|| name.to_owned()))
}

/// The name without a trailing legal form ("Zintrex Corp." → "Zintrex").
fn without_legal_suffix(name: &str) -> Option<String> {
    let lex = lexicons();
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last()?.trim_end_matches(['.', ',']);
    (words.len() > 1 && lex.is_org_suffix(last)).then(|| {
        words[..words.len() - 1]
            .join(" ")
            .trim_end_matches(',')
            .to_owned()
    })
}

/// The names of an entity to look up: its label, its aliases, and the same without a
/// legal form or in title case when written in capitals.
pub(crate) fn names_to_ask(entity: &LocalEntity) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for name in std::iter::once(&entity.label).chain(&entity.aliases) {
        names.insert(name.clone());
        if let Some(short) = without_legal_suffix(name) {
            names.insert(short);
        }
        if name.len() > 4 && name.chars().all(|c| !c.is_lowercase()) {
            let title: Vec<String> = name
                .split_whitespace()
                .map(|w| {
                    let mut cs = w.chars();
                    cs.next()
                        .map(|f| f.to_string() + &cs.as_str().to_lowercase())
                        .unwrap_or_default()
                })
                .collect();
            names.insert(title.join(" "));
        }
    }
    names
}

/// Ranks the candidates of an entity and decides.
pub(crate) fn decide(
    entity: &LocalEntity,
    candidates: &HashMap<String, Vec<Candidate>>,
    options: &LinkOptions,
) -> Decision {
    // Every item of the right kind, with its best name score.
    let mut found: Vec<(&Candidate, f64)> = Vec::new();
    for name in names_to_ask(entity) {
        let name_score = if name == entity.label { 1.0 } else { 0.9 };
        for c in candidates.get(&name).into_iter().flatten() {
            if !c.kinds.contains(&entity.kind) {
                continue;
            }
            match found.iter_mut().find(|(f, _)| f.item == c.item) {
                Some((_, s)) => *s = s.max(name_score),
                None => found.push((c, name_score)),
            }
        }
    }
    if found.is_empty() {
        return Decision::NoCandidate;
    }
    let total: f64 = found.iter().map(|(c, _)| c.prominence.max(0.0)).sum();
    let context: BTreeSet<String> = match entity.kind {
        EntityKind::Person => &entity.organizations,
        _ => &entity.places,
    }
    .iter()
    .map(|n| context_key(n))
    .collect();
    let mut scored: Vec<Scored> = found
        .iter()
        .map(|&(c, name_score)| {
            let share = if total > 0.0 {
                c.prominence.max(0.0) / total
            } else {
                1.0 / found.len() as f64
            };
            let theirs: Vec<String> = match entity.kind {
                EntityKind::Person => &c.employers,
                _ => &c.countries,
            }
            .iter()
            .map(|n| context_key(n))
            .collect();
            let what = if entity.kind == EntityKind::Person {
                "employer"
            } else {
                "country"
            };
            let mut rule = if name_score == 1.0 {
                "link:label".to_owned()
            } else {
                "link:alias".to_owned()
            };
            let mut score = NAME * name_score + PROMINENCE * share;
            if !context.is_empty() && !theirs.is_empty() {
                if theirs.iter().any(|t| context.contains(t)) {
                    score += CONTEXT_MATCH;
                    rule.push('+');
                    rule.push_str(what);
                } else {
                    score -= CONTEXT_CONFLICT;
                }
            }
            // Prominence is named when it, not the context, set this item apart.
            if share > 0.5 && found.len() > 1 && !rule.contains('+') {
                rule.push_str("+prominence");
            }
            Scored {
                item: c.item.clone(),
                score: score.clamp(0.0, 1.0),
                rule,
            }
        })
        .collect();
    scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.item.cmp(&b.item)));
    let best = scored[0].clone();
    let close: Vec<Scored> = scored
        .iter()
        .filter(|s| s.score > best.score - options.margin)
        .cloned()
        .collect();
    if close.len() > 1 {
        Decision::Ambiguous(close)
    } else if best.score < options.min_confidence {
        Decision::Below(best)
    } else {
        Decision::Linked(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::NamedNode;

    fn entity(kind: EntityKind, label: &str, organizations: &[&str]) -> LocalEntity {
        LocalEntity {
            iri: NamedNode::new_unchecked("https://example.org/e"),
            kind,
            label: label.into(),
            aliases: BTreeSet::new(),
            organizations: organizations.iter().map(|s| s.to_string()).collect(),
            places: BTreeSet::new(),
        }
    }

    fn candidate(item: &str, kind: EntityKind, prominence: f64, employers: &[&str]) -> Candidate {
        Candidate {
            item: item.into(),
            kinds: [kind].into(),
            prominence,
            employers: employers.iter().map(|s| s.to_string()).collect(),
            ..Candidate::default()
        }
    }

    #[test]
    fn names_fold_case_diacritics_and_legal_forms() {
        assert_eq!(normalize("The Zürich Börse"), "zurich borse");
        assert_eq!(normalize("JOSÉ  Núñez"), "jose nunez");
        let e = entity(EntityKind::Organization, "Zintrex Corp.", &[]);
        assert!(names_to_ask(&e).contains("Zintrex"));
        let e = entity(EntityKind::Organization, "HARVO FREIGHT", &[]);
        assert!(names_to_ask(&e).contains("Harvo Freight"));
    }

    #[test]
    fn the_employer_the_article_names_decides_between_namesakes() {
        let options = LinkOptions::default();
        let both = HashMap::from([(
            "Tom Reyes".to_owned(),
            vec![
                candidate("Q1", EntityKind::Person, 10.0, &["Zintrex"]),
                candidate("Q2", EntityKind::Person, 12.0, &["Harvo"]),
            ],
        )]);
        let e = entity(EntityKind::Person, "Tom Reyes", &["Zintrex"]);
        let Decision::Linked(best) = decide(&e, &both, &options) else {
            panic!("not linked");
        };
        assert_eq!(
            (best.item.as_str(), best.rule.as_str()),
            ("Q1", "link:label+employer")
        );
        // Without an employer, two namesakes of like prominence are not guessed.
        let e = entity(EntityKind::Person, "Tom Reyes", &[]);
        assert!(matches!(decide(&e, &both, &options), Decision::Ambiguous(v) if v.len() == 2));
        // An organization of that name is no candidate for a person.
        let org = HashMap::from([(
            "Tom Reyes".to_owned(),
            vec![candidate("Q3", EntityKind::Organization, 50.0, &[])],
        )]);
        assert_eq!(decide(&e, &org, &options), Decision::NoCandidate);
    }
}
