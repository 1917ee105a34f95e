//! Job titles written in lower case ("president", "chief executive") and the
//! modifiers in front of them ("infectious disease specialist").

use crate::analyze::Analysis;
use crate::lexicon::lexicons;
use crate::segment::{Document, TokenKind};
use std::ops::Range;

/// A job title in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleMention {
    /// The tokens of the title, modifiers included.
    pub tokens: Range<usize>,
    /// The title as written ("State Secretary", "aviation analyst").
    pub text: String,
}

/// The longest title from the lexicon that starts at token `i` and stays inside
/// `limit`, as a token range.
pub fn title_at(doc: &Document<'_>, i: usize, limit: usize) -> Option<Range<usize>> {
    let lex = lexicons();
    // "Shadow Home Secretary", "shadow chancellor": the opposition's spokesman for an
    // office holds a title of its own.
    if i + 1 < limit && doc.lower(i) == "shadow" && doc.tokens[i + 1].space_before {
        if let Some(title) = title_at(doc, i + 1, limit) {
            return Some(i..title.end);
        }
    }
    let mut best = None;
    let mut words = String::new();
    for j in i..limit.min(i + lex.max_title_words + 2) {
        let t = &doc.tokens[j];
        if j > i {
            match t.kind {
                TokenKind::Word => words.push(if t.space_before { ' ' } else { '\0' }),
                TokenKind::Punct if doc.word(j) == "-" => {}
                _ => break,
            }
        } else if t.kind != TokenKind::Word || !lex.is_title_start(doc.word(j)) {
            return None;
        }
        words.push_str(doc.word(j));
        let candidate = words.replace('\0', "");
        if lex.is_title(&candidate) || lex.is_title(&words.replace('\0', "-")) {
            best = Some(i..j + 1);
        }
    }
    // Part of a hyphenated word is no title: "Nina King-Olsen", "Bo Lind-Major".
    let glued = |k: usize| k < doc.tokens.len() && !doc.tokens[k].space_before;
    best.filter(|r| {
        let capital = |k: usize| doc.word(k).chars().next().is_some_and(char::is_uppercase);
        // ("artist-in-residence" stays a title.)
        let hyphen_after =
            doc.word(r.end) == "-" && glued(r.end) && glued(r.end + 1) && capital(r.end + 1);
        // ("Vice-president" keeps its "president".)
        let hyphen_before = i > 1
            && doc.word(i - 1) == "-"
            && glued(i)
            && glued(i - 1)
            && doc.tokens[i - 2].kind == TokenKind::Word
            && capital(i - 2)
            && !lex.is_title_start(doc.word(i - 2));
        // ("Da Vinci", "De Niro": a particle of a family name, not the district
        // attorney's "DA".)
        let particle = r.len() == 1 && super::names::PARTICLES.contains(&doc.lower(r.start));
        !hyphen_after && !hyphen_before && !particle
    })
}

/// Finds titles written in lower case, with up to three lower-case modifiers before them
/// ("energy analyst"); a modifier is a content word, not a function word or a verb form.
pub fn find_lowercase_titles(doc: &Document<'_>, blocked: &[bool]) -> Vec<TitleMention> {
    let lex = lexicons();
    let mut found = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let w = doc.word(i);
        // ("Shadow foreign secretary Ann Lee" opening a sentence is a lower-case title.)
        let lower = w.chars().next().is_some_and(char::is_lowercase)
            || is_short_title_acronym(w)
            || w == "Shadow"
                && doc
                    .tokens
                    .get(i + 1)
                    .is_some_and(|_| doc.word(i + 1).starts_with(char::is_lowercase));
        if blocked[i] || !lower {
            i += 1;
            continue;
        }
        let Some(range) = title_at(doc, i, doc.tokens.len()) else {
            i += 1;
            continue;
        };
        // "the president of" is a title; "a president" in running text still is one.
        let mut start = range.start;
        while start > 0 && range.start - start < 3 && is_modifier(doc, start - 1, blocked) {
            start -= 1;
        }
        // A title is a noun; the word after it must not make it a modifier itself
        // ("executive pay", "president-elect" are not titles).
        let next = range.end;
        let followed_by_noun = next < doc.tokens.len()
            && doc.tokens[next].kind == TokenKind::Word
            && doc
                .word(next)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            && !lex.is_stopword(doc.word(next))
            && lex.speech_verb(doc.word(next)).is_empty()
            && lex.action_verb(doc.word(next)).is_empty()
            && !doc.word(next).ends_with("ed")
            // "the attorney representing Acme", "a spokesman speaking for …"
            && !doc.word(next).ends_with("ing");
        if !followed_by_noun {
            found.push(TitleMention {
                tokens: start..range.end,
                text: doc.slice(start, range.end).to_owned(),
            });
        }
        i = range.end;
    }
    found
}

/// Titles as the tagger reads their words: a title after "to" that the tagger makes a
/// verb is none ("wants to coach Tom Reyes"), and a verb in the past tense before it is
/// no modifier of it ("brought striker Tom Reyes" is a striker).
pub fn as_the_tagger_reads_them(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    titles: Vec<TitleMention>,
) -> Vec<TitleMention> {
    let tagged = |i: usize, tags: &[&str]| {
        let words = analysis.words_in(crate::model::Span::new(
            doc.tokens[i].start,
            doc.tokens[i].end,
        ));
        !words.is_empty() && words.clone().all(|w| tags.contains(&analysis.xpos(w)))
    };
    titles
        .into_iter()
        .filter_map(|mut title| {
            let first = title.tokens.start;
            if first > 0 && doc.lower(first - 1) == "to" && tagged(first, &["VB"]) {
                return None;
            }
            let last = title.tokens.end.checked_sub(1)?;
            let start = (first..last)
                .rev()
                .find(|&i| tagged(i, &["VBD"]))
                .map_or(first, |i| i + 1);
            if start != first {
                title.tokens.start = start;
                title.text = doc.slice(start, title.tokens.end).to_owned();
            }
            Some(title)
        })
        .collect()
}

fn is_short_title_acronym(w: &str) -> bool {
    matches!(w, "CEO" | "CFO" | "COO" | "CTO")
}

fn is_modifier(doc: &Document<'_>, i: usize, blocked: &[bool]) -> bool {
    let lex = lexicons();
    let t = &doc.tokens[i];
    let w = doc.word(i);
    // (the end of a hyphenated word is not a modifier of its own: "well-known")
    let glued_to_hyphen = i > 0 && doc.word(i - 1) == "-" && !t.space_before;
    t.kind == TokenKind::Word
        && !blocked[i]
        && !glued_to_hyphen
        && w.chars().next().is_some_and(char::is_lowercase)
        && !lex.is_stopword(w)
        && lex.speech_verb(w).is_empty()
        && lex.action_verb(w).is_empty()
        && !w.ends_with("ed")
        && !w.ends_with("ly")
        && lex.is_english_word(w)
        && !matches!(
            w,
            "former" | "then" | "new" | "acting" | "interim" | "outgoing" | "incoming"
        )
        // participles used as prepositions: "including singer Nina Berg"
        && !matches!(
            w,
            "including" | "excluding" | "following" | "regarding" | "concerning" | "according"
        )
        && lex.number(w).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let blocked = vec![false; doc.tokens.len()];
        find_lowercase_titles(&doc, &blocked)
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn lowercase_titles_with_modifiers() {
        let table: &[(&str, &[&str])] = &[
            (
                "Speakers included infectious disease specialist Ann Lee",
                &["infectious disease specialist"],
            ),
            (
                "Yet aviation analyst Tom Bell of Acme says",
                &["aviation analyst"],
            ),
            (
                "Ann Lee, chief executive of Acme, said",
                &["chief executive"],
            ),
            ("the former president Bob Ray", &["president"]),
            ("executive pay rose", &[]),
            ("said spokeswoman Ann Lee", &["spokeswoman"]),
            (
                "Shadow foreign secretary Ann Lee said",
                &["Shadow foreign secretary"],
            ),
        ];
        for (text, expected) in table {
            assert_eq!(&titles(text), expected, "{text}");
        }
    }

    #[test]
    fn a_shadow_office_is_a_title_of_its_own() {
        let at = |text: &str, i: usize| {
            let doc = Document::new(text);
            title_at(&doc, i, doc.tokens.len()).map(|r| doc.slice(r.start, r.end).to_owned())
        };
        assert_eq!(
            at("Shadow Home Secretary Ann Lee said", 0).as_deref(),
            Some("Shadow Home Secretary")
        );
        assert_eq!(
            at("the shadow chancellor, Tom Bell,", 1).as_deref(),
            Some("shadow chancellor")
        );
        assert_eq!(
            at("Crown Princess Mary left", 0).as_deref(),
            Some("Crown Princess")
        );
        // An office named "… General" is one title, not a rank before a name.
        assert_eq!(
            at("Auditor General Sir John Abel said", 0).as_deref(),
            Some("Auditor General")
        );
        // A shadow that is no office: the word alone, or before no title.
        assert_eq!(at("a shadow fell", 1), None);
        // A particle of a family name is no title.
        assert_eq!(at("The Da Vinci Code sold well", 1), None);
        assert_eq!(at("Shadow Warriors won", 0), None);
    }
}
