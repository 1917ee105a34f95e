//! Capitalized runs → typed name mentions and capitalized titles.
//!
//! [`runs`] finds runs of capitalized words with the connectors inside names and cuts
//! them at titles and honorifics; [`classify`] types each piece from its words and the
//! words around it, after [`trim`] takes off what is no part of a name; [`unknowns`]
//! types the pieces left open by the names typed so far, by a person's description and
//! otherwise by the learned name recognizer of [`crate::analyze`]; [`lists`] retypes
//! names by the company they keep (a country that plays a match is its team).

mod classify;
mod lists;
mod runs;
#[cfg(test)]
mod tests;
mod trim;
mod unknowns;
mod works;

use super::Mention;
use super::titles::{TitleMention, title_at};
use crate::analyze::Analysis;
use crate::lexicon::lexicons;
use crate::model::{EntityKind, Span};
use crate::segment::{Document, TokenKind};
use std::collections::HashSet;
use std::ops::Range;

use classify::classify;
use lists::{city_governments, listed_organizations, named_with_their_noun, national_teams};
use runs::{cap_runs, split_run};
use unknowns::resolve_unknowns;

/// One piece of a capitalized run after cutting at titles and honorifics.
#[derive(Debug)]
enum Piece {
    /// A name, typed already when `forced` is set.
    Name {
        range: Range<usize>,
        forced: Option<(EntityKind, &'static str)>,
    },
    /// A capitalized job title ("President", "State Secretary").
    Title(Range<usize>),
}

/// A name that pass 1 could not type.
struct Unknown {
    range: Range<usize>,
    sentence_initial: bool,
    /// After "in", "near" …: a place, if nothing else.
    after_preposition: bool,
}

/// Whether token `i` is a word that starts with a capital.
pub(super) fn is_cap(doc: &Document<'_>, i: usize) -> bool {
    i < doc.tokens.len()
        && doc.tokens[i].kind == TokenKind::Word
        && doc.word(i).chars().next().is_some_and(char::is_uppercase)
        // "#StandWithVardby": a hashtag is no name.
        && !(i > 0 && doc.is(i - 1, "#") && !doc.tokens[i].space_before)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&' || c == '.')
        && word.chars().next().is_some_and(char::is_alphabetic)
}

/// Adjectives of political parties that news writes before a politician's name.
const PARTY_ADJECTIVES: &[&str] = &[
    "Republican",
    "Democrat",
    "Democratic",
    "Conservative",
    "Labour",
    "Labor",
    "Liberal",
    "Socialist",
    "Communist",
    "Green",
    "Independent",
    "Tory",
];

/// First words of institutions named in Spanish, Italian, Portuguese, French or German.
const FOREIGN_ORG_HEADS: &[&str] = &[
    "Instituto",
    "Istituto",
    "Centro",
    "Institut",
    "Universidad",
    "Università",
    "Universidade",
    "Université",
    "Universität",
    "Ministerio",
    "Ministero",
    "Ministère",
    "Ministério",
    "Banco",
    "Banca",
    "Banque",
    "Compagnie",
    "Compañía",
    "Museo",
    "Musée",
    "Fundación",
    "Fondazione",
    "Partido",
    "Partito",
    "Parti",
    "Liceo",
    "Colegio",
    "Collegio",
    "Hospital",
    "Ospedale",
];

/// Words that end the names of awards and monuments, never a personal name.
const NOT_PERSON_LAST: &[&str] = &[
    "Prize", "Award", "Awards", "Trophy", "Medal", "Memorial", "Monument", "Cup",
];

/// First words of place names that are also first names ("San Quentin", "Fort Vardby").
const PLACE_PREFIXES: &[&str] = &[
    "San", "Santa", "Santo", "Sao", "São", "St", "Saint", "Sainte", "Fort", "Port", "Mount",
    "Lake", "Cape", "Glen", "Los", "Las",
];

/// Particles of family names ("van Gogh", "da Silva", "bin Laden").
pub(super) const PARTICLES: &[&str] = &[
    "van", "von", "de", "den", "der", "da", "di", "du", "del", "della", "la", "le", "bin", "al",
    "el", "ibn", "dos", "das",
];

/// Whether the run `start..end` holds an institution noun followed by "of"/"for"
/// ("Ministry of"), which lets coordinated names continue it.
fn has_org_head(doc: &Document<'_>, start: usize, end: usize) -> bool {
    let lex = lexicons();
    (start..end).any(|j| {
        let w = doc.word(j);
        (lex.is_org_head(w) || lex.is_org_suffix(w))
            && (doc.is(j + 1, "of") || doc.is(j + 1, "for") || doc.is(j + 1, "on"))
    })
}

fn has_org_suffix(doc: &Document<'_>, range: Range<usize>) -> bool {
    let lex = lexicons();
    range
        .clone()
        .skip(1)
        .any(|j| lex.is_org_suffix(doc.word(j)))
}

/// The end of the capitalized sequence starting at `i`.
fn caps_end(doc: &Document<'_>, mut i: usize) -> usize {
    while is_cap(doc, i) && !doc.tokens[i].line_before {
        i += 1;
    }
    i
}

/// Whether tokens look like a personal name: one to four capitalized words, none of
/// them an institution noun, a place or an acronym.
fn person_like(doc: &Document<'_>, range: &Range<usize>) -> bool {
    let lex = lexicons();
    let len = range.len();
    if len == 0 || len > 5 {
        return false;
    }
    let words: Vec<&str> = range.clone().map(|j| doc.word(j)).collect();
    let all_known_place = lex.place(doc.slice(range.start, range.end)).is_some();
    // "Ambassador Hotel", "Christian Arab", "San Quentin": a building, a people or a
    // saint's place closes or opens no personal name.
    let last = words[len - 1];
    let place_like_last = (lex.is_place_type(last)
        || lex.is_org_head(last)
        || len >= 2 && lex.demonym(last).is_some())
        && !lex.is_surname(last)
        && !lex.is_given_name(last);
    let place_like_first =
        len >= 2 && (PLACE_PREFIXES.contains(&words[0]) || FOREIGN_ORG_HEADS.contains(&words[0]));
    let award_last = len >= 2 && NOT_PERSON_LAST.contains(&last);
    !all_known_place
        && !place_like_last
        && !place_like_first
        && !award_last
        && !lex.is_stopword(words[0])
        && words.iter().all(|w| {
            PARTICLES.contains(w)
                || *w == "-"
                || *w == "."
                || matches!(*w, "Jr" | "Sr" | "II" | "III" | "IV")
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && !lex.is_org_suffix(w)
                    && !lex.is_event_head(w)
                    && !is_acronym(w))
        })
}

/// Whether a multi-word name reads as a person's: a given name first, or no word of
/// it an English word.
fn looks_like_full_name(doc: &Document<'_>, range: &Range<usize>) -> bool {
    let lex = lexicons();
    // At least two words apart: "Asia-Pacific" is one word, "Park Ji-Hoon" two.
    let spaced = range.clone().skip(1).any(|j| doc.tokens[j].space_before);
    range.len() >= 2
        && spaced
        && person_like(doc, range)
        && (lex.is_given_name(doc.word(range.start))
            || range
                .clone()
                .all(|j| PARTICLES.contains(&doc.word(j)) || !lex.is_english_word(doc.word(j))))
}

/// Whether a name reads as a person's, not an employer's: a given name and a surname.
fn reads_as_personal_name(doc: &Document<'_>, range: &Range<usize>) -> bool {
    looks_like_full_name(doc, range)
        && lexicons().is_given_name(doc.word(range.start))
        && !names_things(doc, range)
}

/// Whether a name that opens with a given name reads as the name of things, not of a
/// person: its last word is the plural of a common noun and no surname, and its first
/// word a common word or a place ("Golden Lanterns", "Crystal Cruises", "Oslo
/// Critics"), not "Angela Cannings" or "Steve Jobs".
fn names_things(doc: &Document<'_>, range: &Range<usize>) -> bool {
    let lex = lexicons();
    let (first, last) = (doc.word(range.start), doc.word(range.end - 1));
    let Some(stem) = last.strip_suffix('s').filter(|s| s.chars().count() >= 3) else {
        return false;
    };
    // (The lexicon lower-cases what it is asked.)
    let plural_noun = lex.is_english_word(stem)
        || stem
            .strip_suffix("ie")
            .is_some_and(|s| lex.is_english_word(&format!("{s}y")));
    let common_first = lex.is_english_word(first)
        || lex.place(first).is_some()
        || lex.gazetteer(first).is_some()
        || lex.demonym(first).is_some();
    plural_noun && !lex.is_surname(last) && common_first
}

fn sentence_initial(doc: &Document<'_>, i: usize) -> bool {
    let s = &doc.sentences[doc.sentence_of(i)];
    let mut k = i;
    while k > s.tokens.start {
        let t = &doc.tokens[k - 1];
        if t.kind == TokenKind::OpenQuote
            || matches!(
                doc.word(k - 1),
                "(" | "[" | ":" | "-" | "\u{2014}" | "\u{2013}"
            )
        {
            k -= 1;
        } else {
            break;
        }
    }
    k == s.tokens.start || matches!(doc.word(k - 1), ":" | "\u{2014}" | "\u{2013}" | "-")
}

/// Context the typing rules look at: titles and organization descriptors around a name.
struct Around<'d, 'a> {
    doc: &'d Document<'a>,
    title_starts: HashSet<usize>,
    title_ends: HashSet<usize>,
    /// Starts of titles that name a profession ("analyst").
    occupation_starts: HashSet<usize>,
}

impl Around<'_, '_> {
    /// A title right before the name: "president Wen Hao".
    fn title_before(&self, start: usize) -> bool {
        self.title_ends.contains(&start)
    }

    /// A title right after the name, or after its possessive: "Acme CEO", "Zintrex's chief executive".
    fn title_after(&self, end: usize) -> bool {
        self.title_starts.contains(&end)
            || (end < self.doc.tokens.len()
                && self.doc.tokens[end].kind == TokenKind::Possessive
                && self.title_starts.contains(&(end + 1)))
    }

    /// An apposition: "Lu Ming, president of …".
    fn apposition_title(&self, end: usize) -> bool {
        self.doc.is(end, ",") && self.title_starts.contains(&(end + 1))
    }

    /// An organization noun before the name: "the logistics company Harvo Freight",
    /// "developers Harvo", or opening the sentence in the plural: "Bookmakers Harvo say …".
    fn descriptor_before(&self, start: usize) -> bool {
        start > 0 && self.doc.sentence_of(start - 1) == self.doc.sentence_of(start) && {
            let lex = lexicons();
            let w = self.doc.word(start - 1);
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            // A plural stands bare before the name ("and publishers Harvo"), not after
            // a modifier of its own ("two wedding bands Ann gave her").
            let bare = start < 2
                || sentence_initial(self.doc, start - 1)
                || self.doc.tokens[start - 2].kind != TokenKind::Word
                || lex.is_stopword(self.doc.word(start - 2));
            let plural = lex.is_plural_org_descriptor(w) && bare;
            lower && (lex.is_org_descriptor(w) || plural)
                || sentence_initial(self.doc, start - 1) && plural
        }
    }

    /// "the town of Vardby", "Agder county".
    fn place_context(&self, range: &Range<usize>) -> bool {
        let lex = lexicons();
        let doc = self.doc;
        let before = range.start >= 2 && doc.is(range.start - 1, "of") && {
            let w = doc.word(range.start - 2);
            w.chars().next().is_some_and(char::is_lowercase) && lex.is_place_type(w)
        };
        let after = range.end < doc.tokens.len() && {
            let w = doc.word(range.end);
            w.chars().next().is_some_and(char::is_lowercase)
                && lex.is_place_type(w)
                && !doc.is(range.end + 1, "of")
        };
        before || after
    }
}

/// Finds the names in a document and the capitalized titles that cut them.
pub fn recognize_names(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    blocked: &[bool],
    lowercase_titles: &[TitleMention],
) -> (Vec<Mention>, Vec<TitleMention>) {
    let lex = lexicons();
    let runs = cap_runs(doc, blocked);
    let mut titles = Vec::new();
    let mut names = Vec::new();
    for run in runs {
        for piece in split_run(doc, run) {
            match piece {
                Piece::Title(r) => titles.push(TitleMention {
                    text: doc.slice(r.start, r.end).to_owned(),
                    tokens: r,
                }),
                Piece::Name { range, forced } => names.push((range, forced)),
            }
        }
    }
    let mut around = Around {
        doc,
        title_starts: HashSet::new(),
        title_ends: HashSet::new(),
        occupation_starts: HashSet::new(),
    };
    for t in titles.iter().chain(lowercase_titles) {
        // The modifiers of a lower-case title are part of it; its head must touch the name.
        around.title_starts.insert(t.tokens.start);
        around.title_ends.insert(t.tokens.end);
        if lex.is_occupation(&t.text) {
            around.occupation_starts.extend(t.tokens.clone());
        }
    }
    for t in lowercase_titles {
        // "Acme CEO": the title's first word, not its modifiers, follows the name.
        for k in t.tokens.clone() {
            if !doc.word(k).chars().next().is_some_and(char::is_lowercase)
                || lex.is_title(doc.word(k))
            {
                around.title_starts.insert(k);
                break;
            }
        }
    }

    let mut mentions = Vec::new();
    let mut unknowns = Vec::new();
    for (range, forced) in names {
        if let Some((kind, rule)) = forced {
            mentions.push(mention(doc, range, kind, rule, 0.9));
            continue;
        }
        classify(doc, range, &around, &mut mentions, &mut unknowns);
    }
    resolve_unknowns(doc, analysis, &around, &mut mentions, unknowns);
    national_teams(doc, &mut mentions);
    listed_organizations(doc, &mut mentions);
    city_governments(doc, &mut mentions);
    named_with_their_noun(doc, &mut mentions);
    works::drop_works(doc, analysis, &mut mentions);
    (mentions, titles)
}

/// A mention of the tokens `range`, named as written.
pub(super) fn mention(
    doc: &Document<'_>,
    range: Range<usize>,
    kind: EntityKind,
    rule: &'static str,
    confidence: f32,
) -> Mention {
    let name = doc.slice(range.start, range.end).to_owned();
    Mention {
        span: Span::new(doc.tokens[range.start].start, doc.tokens[range.end - 1].end),
        tokens: range,
        kind,
        surface: name.clone(),
        name,
        rule,
        confidence,
        long_form: None,
        sex: None,
    }
}
