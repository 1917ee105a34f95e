//! Capitalized runs → typed name mentions and capitalized titles.

use super::Mention;
use super::titles::{TitleMention, title_at};
use super::typer::{OpenName, Setting, features, name_model};
use crate::lexicon::lexicons;
use crate::model::{EntityKind, Span};
use crate::segment::{Document, TokenKind};
use std::collections::HashSet;
use std::ops::Range;

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

/// Titles of public office and rank that a field word may qualify ("Fisheries
/// Commissioner", "District Judge", "Coast Lt."); abbreviations match with or without
/// their full stop.
const OFFICIAL_TITLES: &[&str] = &[
    "Judge",
    "Justice",
    "Magistrate",
    "Commissioner",
    "Minister",
    "Secretary",
    "Inspector",
    "Superintendent",
    "Constable",
    "Detective",
    "Officer",
    "Prosecutor",
    "Colonel",
    "Col.",
    "Lieutenant",
    "Lt.",
    "Sergeant",
    "Sgt.",
    "Captain",
    "Capt.",
    "Major",
    "Maj.",
    "General",
    "Gen.",
    "Corporal",
    "Cpl.",
    "Private",
    "Pvt.",
];

/// Honorifics that are also official titles ("Gov.", "Sen.", "Gen.").
const OFFICIAL_RANKS: &[&str] = &[
    "gov", "sen", "rep", "gen", "col", "adm", "maj", "capt", "lt", "sgt", "supt", "insp",
];

/// Verbs whose agent and victim are persons.
const KILLING: &[&str] = &[
    "kill",
    "murder",
    "assassinate",
    "shoot",
    "slay",
    "stab",
    "strangle",
    "behead",
    "poison",
    "lynch",
];

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

/// Last words of the names of stations and venues, places even when named after an
/// institution.
const VENUES: &[&str] = &[
    "Station",
    "Stadium",
    "Arena",
    "Airport",
    "Street",
    "Avenue",
    "Road",
    "Boulevard",
    "Bridge",
    "Square",
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

const PARTICLES: &[&str] = &[
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

/// If connector words at `end` continue the run `start..end`, the new end.
fn connector(doc: &Document<'_>, start: usize, end: usize, blocked: &[bool]) -> Option<usize> {
    let lex = lexicons();
    let n = doc.tokens.len();
    if end >= n || doc.tokens[end].line_before {
        return None;
    }
    let cap_after = |k: usize| is_cap(doc, k) && !blocked[k] && !doc.tokens[k].line_before;
    let w = doc.word(end);
    let prev = doc.word(end - 1);
    if PARTICLES.contains(&w) && cap_after(end + 1) {
        return Some(end + 2);
    }
    if matches!(w, "of" | "for" | "on") {
        // After a title only a title continues ("Secretary of State"), not "Chairman
        // of the Centre", which is a title and then an organization.
        let title_goes_on = lex.is_title(prev)
            && cap_after(end + 1)
            && lex.is_title(&format!("{prev} {w} {}", doc.word(end + 1)));
        let opens = lex.is_org_head(prev)
            || lex.is_org_suffix(prev)
            || lex.is_event_head(prev)
            || title_goes_on
            || lex.is_place_type(prev) && prev.chars().next().is_some_and(char::is_uppercase)
            // "Centre for Control of Iodine Deficiency Disorders"
            || w == "of" && has_org_head(doc, start, end);
        // "Harvo Freight Group of Denver": a company and its town, not one name
        // (but "Bank of England", with an institution noun, is one).
        let town_after = !lex.is_org_head(prev) && cap_after(end + 1) && {
            let name = doc.slice(end + 1, caps_end(doc, end + 1));
            lex.gazetteer(name).is_some() || lex.place(name).is_some()
        };
        // "Vardby State University of the US": a name holding a place already is not
        // continued by another ("Bank of the Vardby Islands" is).
        let the = usize::from(doc.is(end + 1, "the"));
        let place_again = w == "of"
            && cap_after(end + 1 + the)
            && lex
                .place(doc.slice(end + 1 + the, caps_end(doc, end + 1 + the)))
                .is_some()
            && (start..end).any(|j| {
                lex.place(doc.word(j)).is_some()
                    || lex.gazetteer(doc.word(j)).is_some_and(|g| g.is_state)
                    || doc.is(j, "of")
            });
        if (opens && w != "on" || lex.is_org_head(prev)) && !town_after && !place_again {
            if cap_after(end + 1) {
                return Some(end + 2);
            }
            if doc.is(end + 1, "the") && cap_after(end + 2) && w != "on" {
                return Some(end + 3);
            }
        }
        return None;
    }
    if w == "&" && cap_after(end + 1) {
        return Some(end + 2);
    }
    // "People's Party", "Governors' Association": a possessive inside an institution's name.
    let common_noun = lex.is_english_word(prev)
        && !lex.is_surname(prev)
        && !lex.is_given_name(prev)
        && !lex.is_org_suffix(prev)
        && !lex.is_org_head(prev);
    if doc.tokens[end].kind == TokenKind::Possessive && common_noun && cap_after(end + 1) {
        let last = doc.word(caps_end(doc, end + 1) - 1);
        if lex.is_org_head(last) || lex.is_org_suffix(last) {
            return Some(end + 2);
        }
    }
    if w == "-"
        && !doc.tokens[end].space_before
        && cap_after(end + 1)
        && !doc.tokens[end + 1].space_before
    {
        return Some(end + 2);
    }
    // "Council on Vardbian - Harvo Relations": a spaced hyphen inside an institution's name.
    if w == "-" && cap_after(end + 1) && has_org_head(doc, start, end) {
        return Some(end + 2);
    }
    // "Mr. Smith", "T. Ray Holm": the full stop of an honorific or an initial.
    let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
    if w == "."
        && !doc.tokens[end].space_before
        && (lex.is_honorific(prev) || initial || prev == "St")
        && cap_after(end + 1)
    {
        return Some(end + 2);
    }
    if w == "and" && cap_after(end + 1) && doc.word(end + 1) != "The" {
        let tail = caps_end(doc, end + 1);
        // "Energy and Water Regulatory Board": common words coordinated inside
        // one name; "Brantwell Vossberg and Harvo Group" are two names.
        // ("Vardbian Fisheries and Water Service", "Energy and Water Services
        // Inspector Tom Reyes": a country before, a title after.)
        let closes_org = (end + 1..tail).any(|j| lex.is_org_suffix(doc.word(j)))
            && !has_org_suffix(doc, start..end)
            && (start..end).all(|j| {
                let w = doc.word(j);
                lex.is_english_word(w) || j + 1 < end && lex.place(w).is_some()
            });
        // "Ministry of Trade and Industry" is one name; "Institute of Technology and
        // Lakeside State University" are two.
        // ("Institute for Science and International Security" stays one.)
        let last = doc.word(tail - 1);
        // ("Department of Fisheries and Coastal Services" too: common words before "Services".)
        let new_institution = tail - (end + 1) >= 2
            && (lex.is_org_head(last)
                || lex.is_org_suffix(last)
                    && (end + 1..tail - 1).any(|j| !lex.is_english_word(doc.word(j)))
                || has_org_head(doc, end + 1, tail));
        if (has_org_head(doc, start, end) && !new_institution) || closes_org {
            return Some(end + 2);
        }
        return None;
    }
    // "Ministry of Health, Labour, and Welfare"
    if w == "," && has_org_head(doc, start, end) {
        let mut k = end;
        while doc.is(k, ",") && cap_after(k + 1) {
            k = caps_end(doc, k + 1);
        }
        let k = if doc.is(k, ",") { k + 1 } else { k };
        if (doc.is(k, "and") || doc.is(k, "&")) && cap_after(k + 1) && k > end + 1 {
            return Some(k + 2);
        }
    }
    None
}

/// Runs of capitalized words, with the connectors inside names.
fn cap_runs(doc: &Document<'_>, blocked: &[bool]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        if !is_cap(doc, i) || blocked[i] {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        // A name never runs into the next sentence ("… in Vardby D.C. The team …").
        let sentence_end = doc.sentences[doc.sentence_of(start)].tokens.end;
        loop {
            if end >= sentence_end {
                break;
            }
            // "… Ana Lopes Image: Tom Reyes": a caption's label word ends the name, and so
            // does a date ("VARDBY June 8").
            let label = doc.is(end + 1, ":")
                && matches!(
                    doc.word(end),
                    "Image"
                        | "Photo"
                        | "Picture"
                        | "Video"
                        | "Source"
                        | "Credit"
                        | "File"
                        | "Caption"
                )
                || lexicons().month(doc.word(end)).is_some()
                    && doc
                        .tokens
                        .get(end + 1)
                        .is_some_and(|t| t.kind == TokenKind::Number);
            if is_cap(doc, end) && !blocked[end] && !doc.tokens[end].line_before && !label {
                end += 1;
            } else if let Some(next) = connector(doc, start, end, blocked) {
                end = next;
            } else {
                break;
            }
        }
        // "6th Fleet", "1st Cavalry Division": a unit's ordinal belongs to its name.
        let ordinal = start > 0
            && !blocked[start - 1]
            && is_ordinal_numeral(doc.word(start - 1))
            && (start..end).any(|j| lexicons().is_org_suffix(doc.word(j)));
        runs.push(if ordinal { start - 1 } else { start }..end);
        i = end;
    }
    runs
}

/// "1st", "22nd", "6th".
fn is_ordinal_numeral(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
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
    looks_like_full_name(doc, range) && lexicons().is_given_name(doc.word(range.start))
}

/// Cuts a run at honorifics and capitalized titles.
fn split_run(doc: &Document<'_>, run: Range<usize>) -> Vec<Piece> {
    let lex = lexicons();
    let mut pieces = Vec::new();
    // "Republican Tom Reyes", "Socialist Nina Olsen": a party's adjective before a
    // personal name is no part of it.
    let rest = run.start + 1..run.end;
    if PARTY_ADJECTIVES.contains(&doc.word(run.start)) && reads_as_personal_name(doc, &rest) {
        pieces.push(Piece::Name {
            range: run.start..run.start + 1,
            forced: None,
        });
        pieces.push(Piece::Name {
            range: rest,
            forced: Some((EntityKind::Person, "person:after-party")),
        });
        return pieces;
    }
    let mut j = run.start;
    while j < run.end {
        if lex.is_honorific(doc.word(j)) && j + 1 < run.end {
            // "Lt. Gen. Ana Ruiz": every honorific and its full stop go.
            let mut name_start = j + 1;
            while name_start < run.end
                && (doc.is(name_start, ".") || lex.is_honorific(doc.word(name_start)))
            {
                name_start += 1;
            }
            let name = name_start..run.end;
            if person_like(doc, &name) {
                if j > run.start {
                    pieces.push(Piece::Name {
                        range: run.start..j,
                        forced: None,
                    });
                    // "Ohio Gov. Tom Reyes": an official rank after a place or
                    // an organization is a title there.
                    if OFFICIAL_RANKS.contains(&doc.word(j).to_lowercase().as_str()) {
                        pieces.push(Piece::Title(j..name.start));
                    }
                }
                pieces.push(Piece::Name {
                    range: name,
                    forced: Some((EntityKind::Person, "person:honorific")),
                });
                return pieces;
            }
        }
        if let Some(title) = title_at(doc, j, run.end) {
            let capitalized = (title.clone()).all(|k| {
                doc.tokens[k].kind != TokenKind::Word
                    || doc.word(k).chars().next().is_some_and(char::is_uppercase)
                    || matches!(doc.word(k), "of" | "for")
            });
            let after = title.end..run.end;
            // "Dean Ortiz": a one-word title that is also a first name, before a
            // single name, is a first name.
            let first_name = title.len() == 1
                && title.start == run.start
                && after.len() == 1
                && lex.is_given_name(doc.word(title.start));
            // "Robert Allen King III": a title word closing a personal name is a surname.
            let surname = title.len() == 1
                && looks_like_full_name(doc, &(run.start..title.start))
                && lex.is_given_name(doc.word(run.start))
                && after
                    .clone()
                    .all(|k| matches!(doc.word(k), "Jr" | "Sr" | "II" | "III" | "IV" | "."));
            // "General Electric", "General Motors": a title before one common word is
            // part of a name, not a person's rank.
            let common_word = after.len() == 1 && {
                let w = doc.word(after.start);
                lex.is_english_word(w) && !lex.is_surname(w) && !lex.is_given_name(w)
            };
            if capitalized
                && !first_name
                && !surname
                && !common_word
                && (after.is_empty() && title.start > run.start
                    || after.is_empty() && title.start == run.start
                    || person_like(doc, &after))
            {
                if j > run.start {
                    pieces.push(Piece::Name {
                        range: run.start..j,
                        forced: None,
                    });
                }
                pieces.push(Piece::Title(title));
                if !after.is_empty() {
                    pieces.push(Piece::Name {
                        range: after,
                        forced: Some((EntityKind::Person, "person:after-title")),
                    });
                }
                return pieces;
            }
        }
        j += 1;
    }
    // "Ministry of Health, Labour, and Welfare Ryo Tanaka": an
    // organization name that runs straight into a person's.
    for tail in [3, 2] {
        if run.len() > tail + 1 {
            let person = run.end - tail..run.end;
            let before = doc.word(person.start - 1);
            let org = run.start..person.start;
            // "United States Ana Lopes": a place, likewise.
            let org_text = doc.slice(org.start, org.end);
            let named_place = lex.place(org_text).is_some() || lex.gazetteer(org_text).is_some();
            // "… Vardby Fleet Igor Petrov": a common word, then a first name, is a seam.
            let english_before = lex.is_english_word(before);
            let given_first = lex.is_given_name(doc.word(person.start));
            if looks_like_full_name(doc, &person)
                && !lex.is_given_name(before)
                && (english_before && given_first
                    || (english_before || given_first)
                        && (has_org_head(doc, org.start, org.end)
                            || has_org_suffix(doc, org.clone())
                            || named_place))
            {
                return vec![
                    Piece::Name {
                        range: org,
                        forced: None,
                    },
                    Piece::Name {
                        range: person,
                        forced: Some((EntityKind::Person, "person:after-organization")),
                    },
                ];
            }
        }
    }
    pieces.push(Piece::Name {
        range: run,
        forced: None,
    });
    pieces
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

    /// An organization noun before the name: "the logistics company Harvo Freight".
    fn descriptor_before(&self, start: usize) -> bool {
        start > 0 && {
            let w = self.doc.word(start - 1);
            w.chars().next().is_some_and(char::is_lowercase) && lexicons().is_org_descriptor(w)
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
    blocked: &[bool],
    lowercase_titles: &[TitleMention],
) -> (Vec<Mention>, Vec<TitleMention>, Vec<OpenName>) {
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
    let open = resolve_unknowns(doc, &around, &mut mentions, unknowns);
    national_teams(doc, &mut mentions);
    listed_organizations(doc, &mut mentions);
    city_governments(doc, &mut mentions);
    named_with_their_noun(doc, &mut mentions);
    (mentions, titles, open)
}

/// Verbs of a match between two sides ("Vardbia faced Norway", "Norway beat Vardbia").
const MATCH_VERBS: &[&str] = &[
    "faced",
    "beat",
    "defeated",
    "drew",
    "edged",
    "thrashed",
    "outplayed",
    "eliminated",
    "overcame",
    "routed",
    "trounced",
    "hammered",
];

/// "Sweden faced South Korea": a country that plays a match is its national team, an
/// organization.
fn national_teams(doc: &Document<'_>, mentions: &mut [Mention]) {
    let lex = lexicons();
    let country = |m: &Mention| m.kind == EntityKind::Place && lex.place(&m.name).is_some();
    let playing: Vec<bool> = mentions
        .iter()
        .map(|m| {
            let (start, end) = (m.tokens.start, m.tokens.end);
            let verb_after = end < doc.tokens.len() && MATCH_VERBS.contains(&doc.word(end));
            let verb_before = start > 0 && MATCH_VERBS.contains(&doc.word(start - 1));
            country(m) && (verb_after || verb_before)
        })
        .collect();
    for (m, playing) in mentions.iter_mut().zip(playing) {
        if playing {
            m.kind = EntityKind::Organization;
            m.rule = "organization:national-team";
        }
    }
}

/// "the Vardby government", "the Oslo administration": a town's (not a country's, which
/// stands for its state) government is an organization of its own, named with its noun.
fn city_governments(doc: &Document<'_>, mentions: &mut [Mention]) {
    let lex = lexicons();
    for m in mentions.iter_mut() {
        let end = m.tokens.end;
        let town = m.kind == EntityKind::Place
            && lex.place(&m.name).is_none()
            && lex.gazetteer(&m.name).is_some_and(|g| !g.is_state);
        if town && matches!(doc.word(end), "government" | "administration") {
            *m = mention(
                doc,
                m.tokens.start..end + 1,
                EntityKind::Organization,
                "organization:city-government",
                0.75,
            );
        }
    }
}

/// "the Vantor foundation": a name known only from the institution noun after it is
/// written with that noun, as news names it (a name typed on its own, such as a listed
/// company or an acronym, keeps its name).
fn named_with_their_noun(doc: &Document<'_>, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let end = m.tokens.end;
        let weak = m.rule == "organization:before-descriptor";
        let noun = matches!(
            doc.word(end),
            "company" | "firm" | "bank" | "institute" | "network" | "foundation" | "factory"
        );
        if m.kind == EntityKind::Organization && weak && noun {
            *m = mention(doc, m.tokens.start..end + 1, m.kind, m.rule, m.confidence);
        }
    }
}

/// Whether a lower-case word is the plural of an organization noun ("airlines",
/// "companies"); asked of every word, so it allocates only for "-ies".
fn plural_org_noun(word: &str) -> bool {
    let lex = lexicons();
    match word.strip_suffix("ies") {
        Some(stem) => lex.is_org_descriptor(&format!("{stem}y")),
        None => word
            .strip_suffix('s')
            .is_some_and(|w| lex.is_org_descriptor(w)),
    }
}

/// "carriers such as Skyvane, Air Norway and Lufthansa", "the two firms, Harvo and
/// Zintrex": the names listed after a plural organization noun are organizations, whatever
/// they would be alone.
fn listed_organizations(doc: &Document<'_>, mentions: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let plural = doc.word(i).chars().next().is_some_and(char::is_lowercase)
            && plural_org_noun(doc.word(i));
        if !plural {
            i += 1;
            continue;
        }
        let sentence_end = doc.sentences[doc.sentence_of(i)].tokens.end;
        // A few lower-case words may qualify the noun ("the airlines flying the jet are").
        let mut k = i + 1;
        while k < sentence_end
            && k <= i + 5
            && doc
                .word(k)
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-')
            && !matches!(
                doc.word(k),
                "are" | "were" | "include" | "including" | "such" | "like"
            )
        {
            k += 1;
        }
        let list_start = match doc.word(k) {
            "are" | "were" | "include" | "including" | "like" | ":" | "," => k + 1,
            "such" if doc.is(k + 1, "as") => k + 2,
            _ => {
                i += 1;
                continue;
            }
        };
        let items = list_items(doc, list_start, sentence_end);
        // A list of persons or places after "producers" or "networks in" is what it is.
        let typed_otherwise = items
            .iter()
            .filter(|item| {
                mentions.iter().any(|m| {
                    m.tokens.start < item.end
                        && item.start < m.tokens.end
                        && matches!(m.kind, EntityKind::Person | EntityKind::Place)
                })
            })
            .count();
        if items.len() >= 2 && typed_otherwise * 2 < items.len() {
            for item in &items {
                // "T" of "T-Mobile" cut by the tokenizer: too little to name anything.
                let letters = doc
                    .slice(item.start, item.end)
                    .chars()
                    .filter(|c| c.is_alphabetic());
                if letters.count() < 2 {
                    continue;
                }
                mentions.retain(|m| m.tokens.end <= item.start || m.tokens.start >= item.end);
                mentions.push(mention(
                    doc,
                    item.clone(),
                    EntityKind::Organization,
                    "organization:listed-after-noun",
                    0.7,
                ));
            }
            i = items[items.len() - 1].end;
        } else {
            i += 1;
        }
    }
}

/// The capitalized items of a list "A, B C and D" starting at `start`; empty when what
/// follows is no such list.
fn list_items(doc: &Document<'_>, start: usize, end: usize) -> Vec<Range<usize>> {
    let mut items = Vec::new();
    let mut k = start;
    loop {
        let item_start = k;
        // Capitalized words, and a hyphen or ampersand between them ("Harvo-Lind").
        while k < end
            && (is_cap(doc, k)
                || k > item_start
                    && matches!(doc.word(k), "-" | "&")
                    && is_cap(doc, k + 1)
                    && !doc.tokens[k].space_before)
        {
            k += 1;
        }
        if k == item_start {
            return Vec::new();
        }
        items.push(item_start..k);
        let mut last = false;
        if doc.is(k, ",") {
            k += 1;
        }
        if doc.is(k, "and") || doc.is(k, "or") {
            k += 1;
            last = true;
        } else if !doc.is(k - 1, ",") {
            return items;
        }
        if last {
            let item_start = k;
            while k < end && is_cap(doc, k) {
                k += 1;
            }
            if k > item_start {
                items.push(item_start..k);
            }
            return items;
        }
    }
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
    }
}

/// Whether a comma and a state or country follow token `end` ("…, Texas", "…, Conn.").
fn before_region(doc: &Document<'_>, end: usize) -> bool {
    let lex = lexicons();
    if !doc.is(end, ",") || !is_cap(doc, end + 1) {
        return false;
    }
    let next = caps_end(doc, end + 1);
    let name = doc.slice(end + 1, next);
    let abbreviation = format!("{name}.");
    // "Ana Lopes, Norway's State Secretary": a list, not a town and its country.
    let possessive_after =
        next < doc.tokens.len() && doc.tokens[next].kind == TokenKind::Possessive;
    !possessive_after
        && (lex.place(name).is_some_and(|p| p.is_country)
            || lex.gazetteer(name).is_some_and(|p| p.is_state)
            || lex.state_abbreviation(name).is_some()
            || (doc.is(next, ".") && lex.state_abbreviation(&abbreviation).is_some()))
}

/// Whether `range` is the agency in brackets after a dateline: "VARDBY, Norway (AP)",
/// "OSLO (Reuters) -".
fn dateline_agency(doc: &Document<'_>, range: &Range<usize>) -> bool {
    if range.start < 2 || !doc.is(range.start - 1, "(") || !doc.is(range.end, ")") {
        return false;
    }
    // "Vardby, 29 Apr (NORDPOST) -- …": an agency in capitals before the dash.
    let dash = ["-", "--", "—", "–"]
        .iter()
        .any(|d| doc.is(range.end + 1, d));
    if dash
        && range
            .clone()
            .all(|j| is_acronym(doc.word(j)) || doc.is(j, "-"))
    {
        return true;
    }
    let mut k = range.start - 1;
    while k > 0 && !doc.tokens[k].line_before {
        k -= 1;
        if !(is_cap(doc, k) || doc.is(k, ",") || doc.is(k, ".")) {
            return false;
        }
    }
    let first = doc.word(k);
    first.chars().filter(|c| c.is_alphabetic()).count() >= 3 && is_acronym(first)
}

/// "NEW YORK" → "New York".
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// Types one name piece from its words and the words around it (pass 1).
fn classify(
    doc: &Document<'_>,
    mut range: Range<usize>,
    around: &Around<'_, '_>,
    mentions: &mut Vec<Mention>,
    unknowns: &mut Vec<Unknown>,
) {
    let lex = lexicons();
    let the_before =
        range.start > 0 && doc.word(range.start - 1) == "the" || doc.word(range.start) == "The";
    let initial = sentence_initial(doc, range.start);
    // Function words and "The" are not names ("In", "The EU").
    let mut stripped_the = false;
    // ("A. Copeland": an initial, not the article.)
    // ("Former Zintrex boss Tom Reyes": nor is "Former".)
    while !range.is_empty()
        && (lex.is_stopword(doc.word(range.start))
            || range.len() > 1 && doc.word(range.start) == "Former")
        && !is_acronym(doc.word(range.start))
        && (doc.word(range.start).len() != 1 || !doc.is(range.start + 1, "."))
    {
        stripped_the |= doc.word(range.start) == "The";
        range.start += 1;
    }
    // "the Institute of Applied Physics and [Tom Reyes]", "Norwegian Vice-[Chancellor]": a
    // name cut before a person or title does not end with a connector or a bare "Vice".
    while range.len() > 1
        && (matches!(
            doc.word(range.end - 1),
            "and" | "of" | "for" | "the" | "&" | "-"
        ) || doc.is(range.end, "-") && matches!(doc.word(range.end - 1), "Vice" | "Deputy"))
    {
        range.end -= 1;
    }
    // "Skyvane Airlines Flight 418": the flight is not part of the airline's name.
    if range.len() > 1
        && doc.word(range.end - 1) == "Flight"
        && doc
            .tokens
            .get(range.end)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        range.end -= 1;
    }
    // "six \"KV\" rifles": a quoted name after a count is a model or make, no entity.
    let count_before =
        |k: usize| doc.tokens[k].kind == TokenKind::Number || lex.number(doc.word(k)).is_some();
    if range.start >= 2
        && doc.tokens[range.start - 1].kind == TokenKind::OpenQuote
        && count_before(range.start - 2)
    {
        return;
    }
    // "Vardby Fisheries Commissioner", "Coast Lt.", "District Judge": a field before
    // an official rank is part of the title, not an employer.
    if !range.is_empty()
        && around.title_after(range.end)
        && {
            let rank = doc.word(range.end);
            OFFICIAL_TITLES.contains(&rank)
                || OFFICIAL_TITLES.contains(&format!("{rank}.").as_str())
        }
        && lex.is_english_word(doc.word(range.end - 1))
        && !lex.is_org_suffix(doc.word(range.end - 1))
        && !is_acronym(doc.word(range.end - 1))
    {
        range.end -= 1;
    }
    if range.is_empty() {
        return;
    }
    let first = doc.word(range.start);
    let text = doc.slice(range.start, range.end);
    let single = range.len() == 1;
    let mid_sentence_the = stripped_the && !sentence_initial(doc, range.start - 1);
    let push = |mentions: &mut Vec<Mention>, kind, rule, conf| {
        mentions.push(mention(doc, range.clone(), kind, rule, conf))
    };

    // "Hanukkah", "Ramadan": times, not entities; "I've", "We'll": contractions.
    let contraction = first
        .rsplit_once(['\'', '\u{2019}'])
        .is_some_and(|(_, tail)| matches!(tail, "ve" | "ll" | "m" | "re" | "d"));
    // "Sunni", "Muslim leaders", "Shiite Muslims": followers of a faith, no entity.
    let faith = range.clone().all(|k| lex.is_faith(doc.word(k)));
    if lex.is_time_name(text) || single && contraction || faith {
        return;
    }
    if dateline_agency(doc, &range) {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:dateline-agency",
            0.85,
        );
    }
    // "Bethany, Conn.", "Aiken, S.C.": news-style state abbreviations.
    let with_stop = if doc.is(range.end, ".") && !doc.tokens[range.end].space_before {
        format!("{text}.")
    } else {
        text.to_owned()
    };
    if lex.state_abbreviation(&with_stop).is_some() || lex.state_abbreviation(text).is_some() {
        let end = if with_stop.len() > text.len() {
            range.end + 1
        } else {
            range.end
        };
        let mut m = mention(
            doc,
            range.start..end,
            EntityKind::Place,
            "place:state-abbreviation",
            0.85,
        );
        m.name = doc.slice(range.start, end).to_owned();
        m.surface = m.name.clone();
        mentions.push(m);
        return;
    }
    // "Air Norway": airlines named after their country or town.
    if range.len() == 2 && first == "Air" {
        let rest = doc.word(range.start + 1);
        if lex.place(rest).is_some() || lex.gazetteer(rest).is_some() {
            return push(
                mentions,
                EntityKind::Organization,
                "organization:airline",
                0.8,
            );
        }
    }
    // "Oslo Lions", "Vardby Blue Rovers": a town or state, then a
    // nickname in the plural, is a team.
    if range.len() >= 2 {
        let last = doc.word(range.end - 1);
        let plural = last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !lex.is_event_head(last)
            && !lex.is_place_type(last)
            && !lex.is_place_type(&last[..last.len() - 1])
            && lex.gazetteer(last).is_none()
            && lex.place(last).is_none()
            && lex.demonym(last).is_none()
            // ("Lowell Reyes", "Vardby Evans": persons)
            && !lex.is_surname(last)
            && !lex.is_given_name(doc.word(range.start));
        let town = |k: usize| {
            let name = doc.slice(range.start, range.start + k);
            lex.gazetteer(name).is_some()
        };
        let team = plural
            && (1..=3)
                .filter(|&k| range.len() - k <= 2 && k < range.len())
                .any(|k| town(k) && (range.start + k..range.end).all(|j| is_cap(doc, j)));
        if team {
            return push(
                mentions,
                EntityKind::Organization,
                "organization:team",
                0.75,
            );
        }
    }
    // "Lakewood, Colorado", "Milford, Conn.": a town before its state or country — not
    // "Tom Reyes, Panama coach", where the country qualifies a title.
    if before_region(doc, range.end)
        && !has_org_suffix(doc, range.clone())
        && !around.title_after(caps_end(doc, range.end + 1))
    {
        return push(mentions, EntityKind::Place, "place:before-region", 0.8);
    }
    // Datelines in capitals: "TURIN, Italy (AP)", "NEW YORK" — in running text a short
    // acronym is rather an organization's ("the UN forces").
    if range.clone().all(|j| is_acronym(doc.word(j)))
        && (initial || text.chars().count() >= 4)
        && lex.known_name(text) != Some(EntityKind::Organization)
    {
        let titled = title_case(text);
        if lex.place(&titled).is_some() || lex.gazetteer(&titled).is_some() {
            let mut m = mention(doc, range.clone(), EntityKind::Place, "place:dateline", 0.8);
            m.name = lex.place(&titled).map_or(titled, |p| p.name.clone());
            mentions.push(m);
            return;
        }
    }
    // "ZX500", "FA-18": model designations (not "G20", "M5S"); "44 B.C.": an era.
    let letters = first.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = first.len() - letters;
    let model =
        letters >= 2 && digits >= 2 && first.bytes().skip(letters).all(|b| b.is_ascii_digit())
            || doc.is(range.end, "-")
                && doc
                    .tokens
                    .get(range.end + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number);
    let era = range.start > 0
        && doc.tokens[range.start - 1].kind == TokenKind::Number
        && first.contains('.');
    if single && is_acronym(first) && (model || era) {
        return;
    }
    if single && is_acronym(first) {
        if let Some(place) = lex.place(first) {
            let mut m = mention(doc, range.clone(), EntityKind::Place, "place:lexicon", 0.95);
            m.name = place.name.clone();
            mentions.push(m);
        } else if !lex.is_common_acronym(first)
            && !lex.is_title(first)
            && (first.len() < 4 || !lex.is_english_word(first))
        {
            push(
                mentions,
                EntityKind::Organization,
                "organization:acronym",
                0.7,
            );
        }
        return;
    }
    // "Norway's Parliament", "Vardbian Congress": a country's institution, not a congress held.
    let last_word = doc.word(range.end - 1);
    let owner = doc.slice(range.start, range.end - 1);
    if range.len() >= 2
        && lex.is_institution(last_word)
        && (lex.place(owner).is_some() || lex.demonym(owner).is_some())
    {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:institution",
            0.8,
        );
    }
    // "Party of the Democratic Revolution": an institution opening its name before "of".
    let institution_first =
        lex.is_org_head(first) && (doc.is(range.start + 1, "of") || doc.is(range.start + 1, "for"));
    if range.len() >= 2 && lex.is_event_head(doc.word(range.end - 1)) && !institution_first {
        return push(mentions, EntityKind::Event, "event:name", 0.85);
    }
    if single && lex.is_institution(first) {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:institution",
            0.8,
        );
    }
    // "Vardby Hospital Station", "Harvo Bank Arena": a station or a venue named after
    // an institution is a place.
    if range.len() >= 2 && VENUES.contains(&doc.word(range.end - 1)) {
        return push(mentions, EntityKind::Place, "place:venue", 0.8);
    }
    if has_org_suffix(doc, range.clone()) || has_org_head(doc, range.start, range.end) {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:institution-word",
            0.85,
        );
    }
    // "the Vardbian Red Cross": a people's branch of a known organization.
    let branch = range.len() >= 2
        && lex.demonym(first).is_some()
        && lex.known_name(doc.slice(range.start + 1, range.end)) == Some(EntityKind::Organization);
    // "Group F", "Team Vardbia": a tournament's group, a national side.
    let side = range.len() == 2
        && (first == "Group"
            && doc.word(range.start + 1).len() == 1
            && doc
                .word(range.start + 1)
                .chars()
                .all(|c| c.is_ascii_uppercase())
            || first == "Team");
    // "Instituto Vardby", "Universidad de Harvo": institutions named in other languages.
    if range.len() >= 2 && (FOREIGN_ORG_HEADS.contains(&first) || branch || side) {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:institution-word",
            0.8,
        );
    }
    // "Fort Vardby", "San Quentin"
    if range.len() >= 2 && PLACE_PREFIXES.contains(&first) && lex.place(text).is_none() {
        return push(mentions, EntityKind::Place, "place:prefix", 0.7);
    }
    if let Some(place) = lex.place(text) {
        let mut m = mention(doc, range.clone(), EntityKind::Place, "place:lexicon", 0.95);
        m.name = place.name.clone();
        mentions.push(m);
        return;
    }
    // Cities and states from GeoNames; a one-word name that is also a word or a first
    // name ("Reading", "Paris") needs a large city or a preposition before it.
    if let Some(g) = lex.gazetteer(text) {
        let unambiguous = !single
            || g.is_state
            || (g.population >= 100_000
                && !lex.is_english_word(first)
                && (!lex.is_given_name(first) || g.population >= 500_000)
                && (!lex.is_surname(first) || g.population >= 1_000_000));
        // "Lakewood, Colorado": a town before its state or country.
        let before_state = doc.is(range.end, ",") && {
            let next = caps_end(doc, range.end + 1);
            next > range.end + 1 && {
                let name = doc.slice(range.end + 1, next);
                lex.place(name).is_some() || lex.gazetteer(name).is_some_and(|p| p.is_state)
            }
        };
        if unambiguous || before_state {
            return push(mentions, EntityKind::Place, "place:gazetteer", 0.8);
        }
    }
    // "The Clarion", "The Beacon": a capitalized article in running text opens the
    // name of a publication or institution.
    let the_name = (mid_sentence_the || single && stripped_the && lex.is_org_suffix(first))
        && !(single && lex.demonym(first).is_some());
    if the_name {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:the-name",
            0.7,
        );
    }
    if single {
        if let Some(country) = lex.demonym(first) {
            // A demonym names a country when it qualifies a title or an organization:
            // "Norwegian Prime Minister", "Swedish ministry".
            let next_is_org_noun =
                range.end < doc.tokens.len() && lex.is_org_descriptor(doc.word(range.end));
            if around.title_after(range.end) || next_is_org_noun {
                let mut m = mention(doc, range.clone(), EntityKind::Place, "place:demonym", 0.9);
                m.name = country.name.clone();
                mentions.push(m);
            }
            return;
        }
    }
    // "Chemist Tom Reyes said": a capitalized common noun opening the sentence, then a
    // full name.
    let rest = range.start + 1..range.end;
    if initial
        && rest.len() >= 2
        && lex.is_english_word(first)
        && !lex.is_given_name(first)
        && !lex.is_surname(first)
        && !lex.is_stopword(first)
        && looks_like_full_name(doc, &rest)
        && lex.is_given_name(doc.word(rest.start))
    {
        mentions.push(mention(
            doc,
            rest,
            EntityKind::Person,
            "person:given-name",
            0.7,
        ));
        return;
    }
    // "Agder Province", "Harbour Square" — but "Nina Park" is a person, unless the last
    // word names an administrative unit, which no surname does ("Nina County").
    let last = doc.word(range.end - 1);
    let unit = matches!(
        last,
        "City"
            | "County"
            | "Counties"
            | "District"
            | "Province"
            | "Prefecture"
            | "Township"
            | "Parish"
            | "Governorate"
            | "Oblast"
            | "Municipality"
            | "Street"
            | "Avenue"
            | "Road"
            | "Boulevard"
            | "Square"
            | "Bridge"
            | "Airport"
            | "Stadium"
            | "Arena"
            | "Prison"
            | "Motel"
            | "River"
            | "Lake"
            | "Channel"
    );
    let place_word_last = range.len() >= 2
        && (lex.is_place_type(last) || unit)
        && (!the_before || unit)
        && (!lex.is_given_name(first) || unit);
    // "Oslo City", "Bergen City": a town named again as a city is its club — unless
    // the gazetteer knows the whole name ("Carson City") or the first names a country or
    // state ("Kuwait City", "Oklahoma City").
    let club = range.len() == 2
        && last == "City"
        && lex.gazetteer(text).is_none()
        && lex.place(first).is_none()
        && lex.gazetteer(first).is_some_and(|p| !p.is_state);
    if club {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:club",
            0.75,
        );
    }
    if around.place_context(&range) || place_word_last {
        return push(mentions, EntityKind::Place, "place:type-word", 0.8);
    }
    // "president of Harvo Plastics", "an executive with Harvo Systems": where a post is held.
    let the = usize::from(range.start >= 3 && doc.word(range.start - 1) == "the");
    let post_at = range.start >= 2 + the
        && matches!(doc.word(range.start - 1 - the), "of" | "at" | "with")
        && around.title_before(range.start - 1 - the)
        && !initial;
    // "Minister of Education Nina Olsen": the department, then the minister.
    if post_at && range.len() >= 3 {
        let split = (range.start + 1..range.end - 1).find(|&k| {
            reads_as_personal_name(doc, &(k..range.end))
                && !lex.is_english_word(doc.word(range.end - 1))
        });
        if let Some(k) = split {
            mentions.push(mention(
                doc,
                range.start..k,
                EntityKind::Organization,
                "organization:after-post",
                0.7,
            ));
            mentions.push(mention(
                doc,
                k..range.end,
                EntityKind::Person,
                "person:after-post",
                0.8,
            ));
            return;
        }
    }
    if post_at && !reads_as_personal_name(doc, &range) {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:after-post",
            0.7,
        );
    }
    if around.title_before(range.start) && person_like(doc, &range) {
        return push(mentions, EntityKind::Person, "person:after-title", 0.85);
    }
    if around.apposition_title(range.end) && person_like(doc, &range) && !single {
        return push(mentions, EntityKind::Person, "person:apposition", 0.8);
    }
    // "Roman Catholic Church": an institution noun after a word no name has.
    let institution_last = range.len() >= 2
        && lex.is_org_head(last)
        && (range.start + 1..range.end - 1).any(|j| {
            let w = doc.word(j);
            lex.is_english_word(w) && !lex.is_given_name(w) && !lex.is_surname(w)
        });
    if institution_last {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:institution-word",
            0.8,
        );
    }
    if looks_like_full_name(doc, &range) && lex.is_given_name(first) {
        return push(mentions, EntityKind::Person, "person:given-name", 0.8);
    }
    // "Acme CEO", "Beacon executive": a name before a title is its employer, even at
    // the start of a sentence, unless it only qualifies the title ("Former president").
    // A dictionary word opening a sentence before a profession is its field
    // ("Energy analyst"), unless pass 2 finds it is a known name.
    let field = initial
        && single
        && lex.is_english_word(first)
        && around.occupation_starts.contains(&range.end);
    // "Vardbian King", "Agderan President": an adjective of a people, not an employer.
    let gentilic = single
        && !is_acronym(first)
        && ["an", "ian", "ese", "ish", "ic", "ist"]
            .iter()
            .any(|e| first.ends_with(e));
    // "Vardby police chief", "Vardby mayor": a known town before a title is where it is held.
    let town = single
        && lex
            .gazetteer(first)
            .is_some_and(|g| g.is_state || g.population >= 50_000)
        && !lex.is_english_word(first);
    if around.title_after(range.end) && town {
        return push(mentions, EntityKind::Place, "place:before-title", 0.7);
    }
    if around.title_after(range.end) && !lex.is_title_modifier(first) && !field && !gentilic {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:before-title",
            0.75,
        );
    }
    // "the Vantor foundation": a lower-case institution noun after the name.
    let descriptor_after = range.end < doc.tokens.len() && {
        let w = doc.word(range.end);
        w.chars().next().is_some_and(char::is_lowercase)
            && lex.is_org_descriptor(w)
            && !lex.is_english_word(first)
    };
    if descriptor_after {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:before-descriptor",
            0.7,
        );
    }
    if around.descriptor_before(range.start) {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:after-descriptor",
            0.75,
        );
    }
    // "in September", "on Monday": a month or a day alone is no name.
    if single && (lex.month(first).is_some() || lex.weekday(first).is_some()) {
        return;
    }
    // "in California", "near Lyon": pass 2 makes it a place unless it names something known.
    let after_preposition = range.start > 0
        && matches!(
            doc.word(range.start - 1),
            "in" | "near" | "across" | "throughout" | "outside" | "inside"
        )
        && !lex.is_english_word(first);
    // A well-known name ("Peace Corps", "Stalin"); one word that is also an English word
    // or a first name ("Bush", "Reading", "Frederick") needs more than a lexicon.
    if let Some(kind) = lex.known_name(text)
        && !(single && (lex.is_english_word(first) || lex.is_given_name(first)))
    {
        let rule = match kind {
            EntityKind::Person => "person:known-name",
            EntityKind::Organization => "organization:known-name",
            _ => "place:known-name",
        };
        return push(mentions, kind, rule, 0.7);
    }
    // ("a Tory campaign": a party, not a first name.)
    if single
        && lex.is_given_name(first)
        && !lex.is_english_word(first)
        && !PARTY_ADJECTIVES.contains(&first)
        && !initial
        && !after_preposition
    {
        return push(mentions, EntityKind::Person, "person:given-name", 0.5);
    }
    unknowns.push(Unknown {
        range,
        sentence_initial: initial,
        after_preposition,
    });
}

/// Whether a word ends as surnames of many languages do and English words rarely
/// ("-ovic", "-enko", "-poulos", "-escu").
fn surname_like(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ovic", "evic", "ić", "ov", "ova", "ev", "eva", "sky", "ski", "ska", "enko", "poulos",
        "escu", "ian", "yan", "shvili", "dze", "oglu", "stein", "berg", "mann", "sson", "sen",
        "ez", "ini", "elli", "etti", "ucci", "ishi", "moto", "yama", "kawa", "uchi",
    ];
    word.chars().count() >= 4
        && word.chars().all(char::is_alphabetic)
        && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Types the names pass 1 left open by the names it typed ("Chen" after "Mary
/// Lou Chen", "Globex" after "Globex Group"), or by a speech verb after them.
fn resolve_unknowns(
    doc: &Document<'_>,
    around: &Around<'_, '_>,
    mentions: &mut Vec<Mention>,
    unknowns: Vec<Unknown>,
) -> Vec<OpenName> {
    let lex = lexicons();
    let mut known: Vec<(EntityKind, Vec<String>)> = mentions
        .iter()
        .filter(|m| m.tokens.len() >= 2)
        .map(|m| {
            (
                m.kind,
                m.tokens.clone().map(|j| doc.word(j).to_owned()).collect(),
            )
        })
        .collect();
    // How often each single word stands alone as an untyped name.
    let mut recurring: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for u in &unknowns {
        if u.range.len() == 1 {
            *recurring.entry(doc.word(u.range.start)).or_default() += 1;
        }
    }
    let starts_at = |mentions: &[Mention], k: usize| {
        mentions
            .iter()
            .find(|m| m.tokens.start == k)
            .map(|m| m.kind)
    };
    let ends_at = |mentions: &[Mention], k: usize| {
        mentions.iter().find(|m| m.tokens.end == k).map(|m| m.kind)
    };
    // In a list with a person: "Tom Reyes, Ana Lopes and …".
    let listed_with_person = |mentions: &[Mention], start: usize, end: usize| {
        let joined = |k: usize| doc.is(k, ",") || doc.is(k, "and");
        let before = start >= 2
            && joined(start - 1)
            && (ends_at(mentions, start - 1) == Some(EntityKind::Person)
                || start >= 3
                    && doc.is(start - 1, "and")
                    && doc.is(start - 2, ",")
                    && ends_at(mentions, start - 2) == Some(EntityKind::Person));
        let after = joined(end)
            && (starts_at(mentions, end + 1) == Some(EntityKind::Person)
                || doc.is(end + 1, "and")
                    && starts_at(mentions, end + 2) == Some(EntityKind::Person));
        before || after
    };
    let mut open = Vec::new();
    // Longer names first, so that a full name typed here types its surname alone later.
    let mut unknowns = unknowns;
    unknowns.sort_by_key(|u| (u.range.len() < 2, u.range.start));
    for u in unknowns {
        let words: Vec<&str> = u.range.clone().map(|j| doc.word(j)).collect();
        let contiguous_in = |name: &[String]| {
            name.windows(words.len())
                .any(|w| w.iter().zip(&words).all(|(a, b)| a == b))
        };
        let person = known
            .iter()
            .any(|(k, name)| *k == EntityKind::Person && contiguous_in(name));
        let org = known.iter().any(|(k, name)| {
            *k == EntityKind::Organization
                && name.len() > words.len()
                && name.iter().zip(&words).all(|(a, b)| a == b)
        });
        let kind = if person {
            Some((EntityKind::Person, "person:short-name", 0.8))
        } else if org {
            Some((EntityKind::Organization, "organization:short-name", 0.8))
        } else {
            let speaks = u.range.end < doc.tokens.len()
                && !lex.speech_verb(doc.word(u.range.end)).is_empty();
            let full = looks_like_full_name(doc, &u.range);
            let (start, end) = (u.range.start, u.range.end);
            // "Halvorsen's Nordic Times": the owner of an organization is one.
            let owns_org = end + 1 < doc.tokens.len()
                && doc.tokens[end].kind == TokenKind::Possessive
                && starts_at(mentions, end + 1) == Some(EntityKind::Organization);
            // "Zintrex-owned Harvo Freight": the owner of an organization is one.
            let owns_by_modifier = doc.is(end, "-")
                && matches!(
                    doc.word(end + 1),
                    "owned" | "affiliated" | "controlled" | "backed"
                )
                && starts_at(mentions, end + 2) == Some(EntityKind::Organization);
            // "Zintrex's shares", "Littlewoods, a retailer": what it has or is.
            let has_org_attribute = end + 1 < doc.tokens.len()
                && doc.tokens[end].kind == TokenKind::Possessive
                && lex.is_org_attribute(doc.word(end + 1));
            let described = doc.is(end, ",") && {
                let mut k = end + 1;
                if matches!(doc.word(k), "a" | "an" | "the") {
                    k += 1;
                    while k < doc.tokens.len()
                        && k < end + 5
                        && !lex.is_org_descriptor(doc.word(k))
                        && doc.tokens[k].kind == TokenKind::Word
                        && doc.word(k).chars().next().is_some_and(char::is_lowercase)
                    {
                        k += 1;
                    }
                    k < doc.tokens.len() && lex.is_org_descriptor(doc.word(k))
                } else {
                    false
                }
            };
            let owns_org = owns_org || owns_by_modifier || has_org_attribute || described;
            // "Tom Reyes of Brantwell Vossberg": where a person works.
            let employs = start >= 2
                && doc.is(start - 1, "of")
                && ends_at(mentions, start - 1) == Some(EntityKind::Person);
            // "Ana Lopes, 8, of Vardby": a person's age, then the home town.
            let home_town = start >= 5
                && doc.is(start - 1, "of")
                && doc.is(start - 2, ",")
                && doc.tokens[start - 3].kind == TokenKind::Number
                && doc.is(start - 4, ",")
                && ends_at(mentions, start - 4) == Some(EntityKind::Person);
            // A word that is no English word and names something again and again.
            let single_word = words.len() == 1
                && !lex.is_english_word(words[0])
                && !lex.is_given_name(words[0])
                && recurring.get(words[0]).copied().unwrap_or(0) >= 2;
            // "Reyes shot Olsen", "Olsen was killed": who kills or is killed is a person.
            let kills = |k: usize| {
                k < doc.tokens.len()
                    && lex
                        .action_verb(doc.word(k))
                        .iter()
                        .any(|e| KILLING.contains(&e.lemma.as_str()))
            };
            let homicide = (start > 0 && kills(start - 1))
                || kills(end)
                || ((doc.is(end, "was") || doc.is(end, "were")) && kills(end + 1));
            // "Lind, 45, said", "Lind, who …", "Lind's wife": what only persons have.
            let aged = doc.is(end, ",")
                && end + 2 < doc.tokens.len()
                && doc.tokens[end + 1].kind == TokenKind::Number
                && doc.is(end + 2, ",");
            let who = doc.is(end, ",") && doc.is(end + 1, "who");
            // "Lind was born in …", "Lind, born in 1950,"
            let born = (doc.is(end, "was") || doc.is(end, ",")) && doc.is(end + 1, "born");
            let kin = end + 1 < doc.tokens.len()
                && doc.tokens[end].kind == TokenKind::Possessive
                && matches!(
                    doc.word(end + 1),
                    "wife"
                        | "husband"
                        | "son"
                        | "daughter"
                        | "father"
                        | "mother"
                        | "brother"
                        | "sister"
                        | "widow"
                        | "family"
                        | "lawyer"
                        | "attorney"
                        | "parents"
                );
            // "Lind, a Republican", "Lind, a lawyer"
            let described_as_person = doc.is(end, ",")
                && matches!(doc.word(end + 1), "a" | "an")
                && (matches!(
                    doc.word(end + 2),
                    "Republican" | "Democrat" | "Conservative"
                ) || around.title_starts.contains(&(end + 2))
                    && !lex.is_org_descriptor(doc.word(end + 2)));
            // "the assassin, Tom Lind": what only persons are.
            let before = if start >= 1 && doc.is(start - 1, ",") {
                start.saturating_sub(2)
            } else {
                start.saturating_sub(1)
            };
            let killer = start >= 1
                && matches!(
                    doc.word(before),
                    "assassin" | "killer" | "murderer" | "gunman" | "suspect"
                );
            let personal = (aged || who || born || kin || described_as_person || killer)
                && person_like(doc, &u.range);
            // "Lind said": a one-word speaker that reads as a surname.
            let surname_speaks = speaks
                && words.len() == 1
                && !u.after_preposition
                && (lex.is_surname(words[0]) || surname_like(words[0]))
                && !lex.is_english_word(words[0]);
            // "Maria de Souza": a particle inside names of no English words.
            let particle = words.len() >= 3
                && words[1..words.len() - 1]
                    .iter()
                    .any(|w| PARTICLES.contains(w))
                && full;
            // "Zorvat Quenby was convicted": two or three words, none of them English
            // and none a known place, read as a personal name in running text.
            let foreign_full_name = full
                && words.len() <= 3
                && !u.after_preposition
                && !(start > 0 && matches!(doc.word(start - 1), "the" | "The"))
                && words.iter().all(|w| {
                    w.chars().all(char::is_alphabetic)
                        && !lex.is_english_word(w)
                        && lex.demonym(w).is_none()
                        && lex.gazetteer(w).is_none()
                        && lex.place(w).is_none()
                });
            // "with Tom Reyes, Ana Lopes and Marks Quenby": in a list of persons, two
            // capitalized words ending in a surname-like one are a name too.
            let listed_name = words.len() == 2
                && person_like(doc, &u.range)
                && !lex.is_english_word(words[1])
                && !u.after_preposition;
            // "a Vardby native", "Vardby-born"
            let birthplace = doc.is(end, "native") || doc.is(end, "-") && doc.is(end + 1, "born");
            // "diver Tom Reyes of Vardby": one word after a person's "of" is rather a
            // town than an employer (which names itself: "of Vardby Freight").
            let home_town = home_town || employs && words.len() == 1 && !doc.is(end, "'s");
            let employs = employs && !home_town;
            if home_town || birthplace {
                Some((EntityKind::Place, "place:home-town", 0.6))
            } else if personal {
                Some((EntityKind::Person, "person:personal-context", 0.6))
            } else if surname_speaks {
                Some((EntityKind::Person, "person:surname-speaker", 0.55))
            } else if particle {
                Some((EntityKind::Person, "person:particle-name", 0.6))
            } else if employs {
                Some((EntityKind::Organization, "organization:employer", 0.6))
            } else if homicide && !u.after_preposition && person_like(doc, &u.range) {
                Some((EntityKind::Person, "person:homicide", 0.6))
            } else if speaks && full && (!u.sentence_initial || around.title_before(u.range.start))
            {
                Some((EntityKind::Person, "person:speaker", 0.6))
            } else if (full || listed_name) && listed_with_person(mentions, start, end) {
                // "with Tom Reyes, Romelu Ardo and …"
                Some((EntityKind::Person, "person:full-name-in-context", 0.55))
            } else if owns_org {
                Some((EntityKind::Organization, "organization:owner", 0.6))
            } else if foreign_full_name {
                Some((EntityKind::Person, "person:foreign-full-name", 0.5))
            } else if single_word && !u.after_preposition && !surname_like(words[0]) {
                Some((EntityKind::Organization, "organization:recurring-name", 0.5))
            } else if u.after_preposition {
                Some((EntityKind::Place, "place:after-preposition", 0.5))
            } else {
                None
            }
        };
        match kind {
            Some((kind, rule, conf)) => {
                if u.range.len() >= 2 {
                    known.push((kind, words.iter().map(|w| (*w).to_owned()).collect()));
                }
                mentions.push(mention(doc, u.range, kind, rule, conf));
            }
            None => open.push(u),
        }
    }
    // A name left open that pass 2 typed elsewhere ("Lind said …; Lind left") is the same.
    let mut still_open = Vec::new();
    for u in open {
        let text = doc.slice(u.range.start, u.range.end);
        let typed = mentions
            .iter()
            .find(|m| m.name == text && m.kind != EntityKind::Event)
            .map(|m| m.kind);
        match typed {
            Some(kind) => mentions.push(mention(doc, u.range, kind, "alias:repeated-name", 0.5)),
            None => still_open.push(u),
        }
    }
    type_by_model(doc, around, mentions, still_open)
}

/// Types the names no rule could type by the learned typer, all read before any is typed
/// (as in training); returns them with their features.
fn type_by_model(
    doc: &Document<'_>,
    around: &Around<'_, '_>,
    mentions: &mut Vec<Mention>,
    open: Vec<Unknown>,
) -> Vec<OpenName> {
    let mut repeats: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for u in &open {
        *repeats
            .entry(doc.slice(u.range.start, u.range.end))
            .or_default() += 1;
    }
    let open: Vec<OpenName> = open
        .into_iter()
        .map(|u| {
            let setting = Setting {
                sentence_initial: u.sentence_initial,
                after_preposition: u.after_preposition,
                title_before: around.title_before(u.range.start),
                title_after: around.title_after(u.range.end),
                repeats: repeats[doc.slice(u.range.start, u.range.end)],
            };
            OpenName {
                features: features(doc, &u.range, mentions, &setting),
                tokens: u.range,
            }
        })
        .collect();
    let model = name_model();
    for name in &open {
        if let Some((kind, p)) = model.kind(&name.features) {
            let rule = match kind {
                EntityKind::Person => "person:learned-context",
                EntityKind::Organization => "organization:learned-context",
                _ => "place:learned-context",
            };
            mentions.push(mention(doc, name.tokens.clone(), kind, rule, p));
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use crate::model::EntityKind;
    use crate::recognize::recognize;
    use crate::segment::Document;

    fn names(text: &str) -> Vec<(String, EntityKind)> {
        let doc = Document::new(text);
        recognize(&doc, None)
            .mentions
            .into_iter()
            .map(|m| (m.name, m.kind))
            .collect()
    }

    use EntityKind::*;

    #[test]
    fn types_names_from_their_words_and_context() {
        let table: &[(&str, &[(&str, EntityKind)])] = &[
            (
                "OSLO, Norway (AP)\n\nIt rained.",
                &[("OSLO", Place), ("Norway", Place), ("AP", Organization)],
            ),
            (
                "Vardby Properties and the Vardby Theatre closed.",
                &[
                    ("Vardby Properties", Organization),
                    ("Vardby Theatre", Organization),
                ],
            ),
            (
                "He met Tom Reyes at the Vardby Institute of Applied Physics and Nina Olsen.",
                &[
                    ("Tom Reyes", Person),
                    ("Vardby Institute of Applied Physics", Organization),
                    ("Nina Olsen", Person),
                ],
            ),
            (
                "Oslo Fisheries Commissioner Tom Reyes and District Judge Nina Olsen met.",
                &[
                    ("Oslo", Place),
                    ("Tom Reyes", Person),
                    ("Nina Olsen", Person),
                ],
            ),
            (
                "The carriers flying the new jets are Skyvane, Norfly and Harvo West.",
                &[
                    ("Skyvane", Organization),
                    ("Norfly", Organization),
                    ("Harvo West", Organization),
                ],
            ),
            (
                "The producers, Tom Reyes and Nina Olsen, left.",
                &[("Tom Reyes", Person), ("Nina Olsen", Person)],
            ),
            (
                "Energy and Water Services Inspector Tom Reyes said so.",
                &[
                    ("Energy and Water Services", Organization),
                    ("Tom Reyes", Person),
                ],
            ),
            (
                "Talks between the Oslo government and Norway failed.",
                &[("Oslo government", Organization), ("Norway", Place)],
            ),
            (
                "He wrote \"The Ballad of Vardby Hill by Tom Reyes\" in Oslo.",
                &[("Tom Reyes", Person), ("Oslo", Place)],
            ),
            (
                "The Vantor foundation and the NRK network agreed.",
                &[("Vantor foundation", Organization), ("NRK", Organization)],
            ),
            (
                "The crash of Skyvane Airlines Flight 418 killed six. They seized six \"KV\" rifles.",
                &[("Skyvane Airlines", Organization)],
            ),
            (
                "The MP praised the Tory campaign in Oslo.",
                &[("Oslo", Place)],
            ),
            (
                "Sunni and Shiite Muslims met Muslim leaders in Oslo.",
                &[("Oslo", Place)],
            ),
            (
                "Acme CEO Jane Doe spoke.",
                &[("Acme", Organization), ("Jane Doe", Person)],
            ),
            (
                "He met the Centers for Harvo Studies in Oslo.",
                &[("Centers for Harvo Studies", Organization), ("Oslo", Place)],
            ),
            ("The UN forces left.", &[("UN", Organization)]),
            (
                "The Boston Orioles beat the Oslo Lions.",
                &[
                    ("Boston Orioles", Organization),
                    ("Oslo Lions", Organization),
                ],
            ),
            ("Lowell Reyes spoke.", &[("Lowell Reyes", Person)]),
            (
                "Winners have included Tom Reyes and Nina King-Olsen.",
                &[("Tom Reyes", Person), ("Nina King-Olsen", Person)],
            ),
            (
                "He said: \"I've won. I've played well and I'm happy.\"",
                &[],
            ),
            (
                "Oslo City beat Bergen City in Kuwait City and Carson City.",
                &[
                    ("Oslo City", Organization),
                    ("Bergen City", Organization),
                    ("Kuwait City", Place),
                    ("Carson City", Place),
                ],
            ),
            (
                "The state took control of Air Norway.",
                &[("Air Norway", Organization)],
            ),
            (
                "Sales rose before Hanukkah. The Hanukkah market was busy. Hanukkah trade was strong.",
                &[],
            ),
            (
                "The 6th Fleet met the 1st Cavalry Division and the Atlantic Fleet.",
                &[
                    ("6th Fleet", Organization),
                    ("1st Cavalry Division", Organization),
                    ("Atlantic Fleet", Organization),
                ],
            ),
            (
                "The Party of the Vardbian Revolution met the Holy Orthodox Church.",
                &[
                    ("Party of the Vardbian Revolution", Organization),
                    ("Holy Orthodox Church", Organization),
                ],
            ),
            (
                "In 1969, Zorvat Quenby was convicted.",
                &[("Zorvat Quenby", Person)],
            ),
            (
                "Minister of Education Nina Olsen spoke at the Harvo Arena.",
                &[
                    ("Education", Organization),
                    ("Nina Olsen", Person),
                    ("Harvo Arena", Place),
                ],
            ),
            (
                "She studied at Oregon State University of the US.",
                &[
                    ("Oregon State University", Organization),
                    ("United States", Place),
                ],
            ),
            (
                "Trains stop at Vardby Hospital Station.",
                &[("Vardby Hospital Station", Place)],
            ),
            (
                "The Vardby People's Party and the Foundation on Harvo Trends met.",
                &[
                    ("Vardby People's Party", Organization),
                    ("Foundation on Harvo Trends", Organization),
                ],
            ),
            (
                "He joined the Department of Fisheries and Coastal Services.",
                &[("Department of Fisheries and Coastal Services", Organization)],
            ),
            (
                "He was taken to St. Agnes Hospital.",
                &[("St. Agnes Hospital", Organization)],
            ),
            ("Staff at the General Electric plant left.", &[]),
            (
                "The ZX500 engine of the FA-18 jet dates from 44 B.C. in theory.",
                &[],
            ),
            (
                "Leaders of the VBX5 alliance met.",
                &[("VBX5", Organization)],
            ),
            (
                "The Council on Vardbian - Harvo Relations used #StandWithHarvo widely.",
                &[("Council on Vardbian - Harvo Relations", Organization)],
            ),
            (
                "The British Red Cross said Team Vardbia topped Group F on Monday.",
                &[
                    ("British Red Cross", Organization),
                    ("Team Vardbia", Organization),
                    ("Group F", Organization),
                ],
            ),
            (
                "Attempts came from Tom Reyes, Nina Olsen, and Marks Quenbert.",
                &[
                    ("Tom Reyes", Person),
                    ("Nina Olsen", Person),
                    ("Marks Quenbert", Person),
                ],
            ),
            (
                "In the first game, Norway faced Sweden at the Harvo Arena.",
                &[
                    ("Norway", Organization),
                    ("Sweden", Organization),
                    ("Harvo Arena", Place),
                ],
            ),
            (
                "Tom Reyes told Vardby News: \"We stay.\"",
                &[("Tom Reyes", Person), ("Vardby News", Organization)],
            ),
            (
                "She studied at Instituto Vardby and won the Harvo Prize.",
                &[("Instituto Vardby", Organization)],
            ),
            (
                "Tom Reyes told Vardby Weekly that he would stay.",
                &[("Tom Reyes", Person), ("Vardby Weekly", Organization)],
            ),
            (
                "The panel chose Republican Tom Reyes.",
                &[("Tom Reyes", Person)],
            ),
            (
                "Tom Reyes stayed at the Ambassador Hotel near San Quentin.",
                &[
                    ("Tom Reyes", Person),
                    ("Ambassador Hotel", Organization),
                    ("San Quentin", Place),
                ],
            ),
            (
                "Norwegian Prime Minister Erna Solberg arrived.",
                &[("Norway", Place), ("Erna Solberg", Person)],
            ),
            (
                "They met Mr Brown in Paris.",
                &[("Brown", Person), ("Paris", Place)],
            ),
            (
                "Bo Xilai, chairman of the Globex Trust, said no.",
                &[("Bo Xilai", Person), ("Globex Trust", Organization)],
            ),
            (
                "The Riverside Stock Exchange halted trading.",
                &[("Riverside Stock Exchange", Organization)],
            ),
            (
                "the Ministry of Health, Labour, and Welfare Ryo Tanaka",
                &[
                    ("Ministry of Health, Labour, and Welfare", Organization),
                    ("Ryo Tanaka", Person),
                ],
            ),
            (
                "It opened in the city of Tromsø in Norway.",
                &[("Tromsø", Place), ("Norway", Place)],
            ),
            ("Lakeside province officials", &[("Lakeside", Place)]),
            (
                "the second Global Ocean Summit began",
                &[("Global Ocean Summit", Event)],
            ),
            (
                "Profits at UVX rose. IPO plans were shelved.",
                &[("UVX", Organization)],
            ),
            (
                "He reads The Clarion and the Daily Beacon.",
                &[("Clarion", Organization)],
            ),
            // Two foreign words read as a personal name; one alone is left untyped.
            (
                "Zorblat Quenx met Zorblat.",
                &[("Zorblat Quenx", Person), ("Zorblat", Person)],
            ),
            ("Yesterday Zorblat met Quenx.", &[]),
            (
                "Shares rose after Quorvane's profits doubled.",
                &[("Quorvane", Organization)],
            ),
            (
                "It sold Quorvane, a clothing retailer, last year.",
                &[("Quorvane", Organization)],
            ),
            (
                "Ana Lopes, president of Harvo Plastics, left.",
                &[("Ana Lopes", Person), ("Harvo Plastics", Organization)],
            ),
            (
                "A photo of Nina Olsen Image: Tom Reyes.",
                &[("Nina Olsen", Person), ("Tom Reyes", Person)],
            ),
            (
                "The Centre for Control of Lake Pollution opened.",
                &[("Centre for Control of Lake Pollution", Organization)],
            ),
            (
                "Kovalenko said the talks failed. Zorvat, 45, agreed.",
                &[("Kovalenko", Person), ("Zorvat", Person)],
            ),
            (
                "Police in Dan Vardby District met Zorva de Quentin.",
                &[("Dan Vardby District", Place), ("Zorva de Quentin", Person)],
            ),
            (
                "It met in Vardby D.C. The team won.",
                &[("Vardby D.C.", Place)],
            ),
            (
                "Tom Reyes, Norway coach, said so.",
                &[("Tom Reyes", Person), ("Norway", Place)],
            ),
            ("The Vardbian King spoke.", &[]),
            (
                "Investigators from Interpol quoted Tolstoy.",
                &[("Interpol", Organization), ("Tolstoy", Person)],
            ),
            ("Analysts like Adyen.", &[("Adyen", Organization)]),
            (
                "It started with Tom Reyes and Zorvat Quenby. Later Quenby won.",
                &[
                    ("Tom Reyes", Person),
                    ("Zorvat Quenby", Person),
                    ("Quenby", Person),
                ],
            ),
            (
                "Doctors treated the assassin, Zorvat Quell.",
                &[("Zorvat Quell", Person)],
            ),
            (
                "He thanked the Vardby Fleet Igor Petrov.",
                &[("Vardby Fleet", Organization), ("Igor Petrov", Person)],
            ),
            (
                "Crowds filled Nelson Street near Oslo June 8.",
                &[("Nelson Street", Place), ("Oslo", Place)],
            ),
            (
                "The Norwegian Parliament and the Navy agreed.",
                &[
                    ("Norwegian Parliament", Organization),
                    ("Navy", Organization),
                ],
            ),
            (
                "Chancellor Rolf Kessler and Jan Smit of the Dutch bank",
                &[
                    ("Rolf Kessler", Person),
                    ("Jan Smit", Person),
                    ("Netherlands", Place),
                ],
            ),
        ];
        for (text, expected) in table {
            let want: Vec<(String, EntityKind)> = expected
                .iter()
                .map(|(n, k)| ((*n).to_owned(), *k))
                .collect();
            assert_eq!(names(text), want, "{text}");
        }
    }
}
