//! Tokens → typed mentions: names of persons, organizations, places and events,
//! job titles, and dates.
//!
//! Names are found as runs of capitalized words (with the connectors that live inside
//! names: "of", "for", "and", "&", particles such as "van" or "bin"), then cut where a
//! title or honorific sits inside a run ("Acme CEO Mary Lou Chen") and typed
//! from the words they hold (legal forms, institution nouns, given names, countries)
//! and the words around them (a title before a name makes it a person, a title after
//! it an organization). Runs that nothing types are kept back and typed in a second
//! pass if they repeat part of a name typed in the first ("Chen", "Globex").

mod dates;
mod names;
mod sources;
mod titles;

pub use dates::DateMention;
pub(crate) use dates::find_dates;
pub use names::recognize_names;
pub use titles::{TitleMention, find_lowercase_titles};

use crate::analyze::Analysis;
use crate::analyze::tree::Tree;
use crate::lexicon::{Sex, lexicons};
use crate::model::{Date, EntityKind, Span};
use crate::segment::Document;
use std::ops::Range;

/// A name found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The tokens of the name itself (honorifics and a leading "the" excluded).
    pub tokens: Range<usize>,
    /// The byte span of those tokens.
    pub span: Span,
    /// What it names.
    pub kind: EntityKind,
    /// The name as it should be labelled: for a country named by its demonym, the
    /// country's name.
    pub name: String,
    /// The words as written, when they differ from `name` (a demonym, "the Times").
    pub surface: String,
    /// Which rule typed it.
    pub rule: &'static str,
    /// How sure the rule is, in [0, 1].
    pub confidence: f32,
    /// For an abbreviation defined in brackets ("the Financial Conduct Authority
    /// (FCA)"), the name it abbreviates.
    pub long_form: Option<String>,
    /// For a person, the sex its honorific ("Mrs Olsen") or its given name ("Nina
    /// Olsen") says, if either says one: "Mrs Howard" is not "Michael Howard".
    pub sex: Option<Sex>,
}

/// Everything recognition found in one article.
#[derive(Debug)]
pub struct Recognized {
    /// Names, in text order.
    pub mentions: Vec<Mention>,
    /// Job titles, in text order.
    pub titles: Vec<TitleMention>,
    /// Dates, in text order.
    pub dates: Vec<DateMention>,
    /// Per token: the first mention starting, ending (exclusively) and lying there,
    /// and the first title and date there — the rules ask these for every token.
    index: Vec<TokenEntry>,
}

/// What lies at one token position (indices into the item lists).
#[derive(Debug, Default, Clone, Copy)]
struct TokenEntry {
    mention_start: Option<usize>,
    mention_end: Option<usize>,
    mention: Option<usize>,
    title: Option<usize>,
    date: Option<usize>,
}

impl Recognized {
    fn new(
        tokens: usize,
        mentions: Vec<Mention>,
        titles: Vec<TitleMention>,
        dates: Vec<DateMention>,
    ) -> Self {
        // One slot past the last token, for mentions ending there.
        let mut index = vec![TokenEntry::default(); tokens + 1];
        // The first item in text order wins a position, as a search from the left would.
        let first = |slot: &mut Option<usize>, k: usize| {
            slot.get_or_insert(k);
        };
        for (k, m) in mentions.iter().enumerate() {
            first(&mut index[m.tokens.start].mention_start, k);
            first(&mut index[m.tokens.end].mention_end, k);
            for i in m.tokens.clone() {
                first(&mut index[i].mention, k);
            }
        }
        for (k, t) in titles.iter().enumerate() {
            for i in t.tokens.clone() {
                first(&mut index[i].title, k);
            }
        }
        for (k, d) in dates.iter().enumerate() {
            for i in d.tokens.clone() {
                first(&mut index[i].date, k);
            }
        }
        Self {
            mentions,
            titles,
            dates,
            index,
        }
    }

    fn at(&self, i: usize) -> TokenEntry {
        self.index.get(i).copied().unwrap_or_default()
    }

    /// The mention whose tokens end just before token `i` (exclusive end == i).
    pub fn mention_ending_at(&self, end: usize) -> Option<usize> {
        self.at(end).mention_end
    }

    /// The mention starting at token `i`.
    pub fn mention_starting_at(&self, start: usize) -> Option<usize> {
        self.at(start).mention_start
    }

    /// The mention covering token `i`.
    pub fn mention_at(&self, i: usize) -> Option<usize> {
        self.at(i).mention
    }

    /// The title covering token `i`.
    pub fn title_at(&self, i: usize) -> Option<usize> {
        self.at(i).title
    }

    /// The date covering token `i`.
    pub fn date_at(&self, i: usize) -> Option<usize> {
        self.at(i).date
    }

    /// Mentions whose first token lies in `range`, in text order.
    pub fn mentions_in(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| range.contains(&m.tokens.start))
            .map(|(i, _)| i)
    }
}

/// Runs recognition over a segmented and analysed article.
pub fn recognize(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    published: Option<Date>,
) -> Recognized {
    let dates = find_dates(doc, &Tree::new(doc, analysis), published);
    let mut blocked = vec![false; doc.tokens.len()];
    for d in &dates {
        for i in d.tokens.clone() {
            blocked[i] = true;
        }
    }
    block_work_titles(doc, &mut blocked);
    let sources = sources::find_source_lines(doc, &mut blocked);
    let lowercase_titles =
        titles::as_the_tagger_reads_them(doc, analysis, find_lowercase_titles(doc, &blocked));
    let (mut mentions, mut titles) = recognize_names(doc, analysis, &blocked, &lowercase_titles);
    mentions.extend(sources);
    titles.extend(lowercase_titles);
    titles.sort_by_key(|t| t.tokens.start);
    mentions.sort_by_key(|m| m.tokens.start);
    define_abbreviations(doc, &mut mentions);
    mark_sexes(doc, &mut mentions);
    Recognized::new(doc.tokens.len(), mentions, titles, dates)
}

/// Sets the sex of each person whose honorific (just before the name, which leaves it
/// out) or given name says one, and of a surname alone that every person named with it
/// before shares, by an honorific or a common given name ("Alistair Berg … Berg": a
/// man; not after "Tom Berg … Anna Berg", nor from a name as rare as "Ossie").
fn mark_sexes(doc: &Document<'_>, mentions: &mut [Mention]) {
    let lex = lexicons();
    let mut sure = vec![false; mentions.len()];
    for (m, sure) in mentions.iter_mut().zip(&mut sure) {
        if m.kind != EntityKind::Person {
            continue;
        }
        let honorific = m.tokens.start.checked_sub(1).and_then(|k| {
            let k = if doc.is(k, ".") { k.checked_sub(1)? } else { k };
            lex.honorific_sex(doc.word(k))
        });
        let first = doc.word(m.tokens.start);
        let given = (m.tokens.len() > 1)
            .then(|| lex.given_name_sex(first))
            .flatten();
        m.sex = honorific.or(given);
        *sure = honorific.is_some() || given.is_some() && lex.is_common_given_name(first);
    }
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if m.kind != EntityKind::Person || m.sex.is_some() || m.tokens.len() != 1 {
            continue;
        }
        let surname = doc.word(m.tokens.start);
        let mut named = (0..i).filter(|&o| {
            mentions[o].kind == EntityKind::Person
                && mentions[o].tokens.len() > 1
                && doc.word(mentions[o].tokens.end - 1) == surname
        });
        let Some(first) = named.next() else { continue };
        let sex = mentions[first].sex;
        if sure[first] && named.all(|o| sure[o] && mentions[o].sex == sex) {
            mentions[i].sex = sex;
        }
    }
}

/// Small words that titles of works keep in lower case.
const TITLE_SMALL_WORDS: &[&str] = &[
    "of", "the", "a", "an", "and", "in", "on", "to", "for", "who", "with", "at", "from", "by",
    "is", "are",
];

/// "The Ballad of Vardby Hill", "The Men Who Sailed": a title-cased quotation that opens with
/// an article is the title of a book, film or song, which names no person, organization or
/// place of the story (but "The Songs of Oslo by Tom Reyes" keeps its author).
fn block_work_titles(doc: &Document<'_>, blocked: &mut [bool]) {
    use crate::segment::TokenKind;
    let n = doc.tokens.len();
    for open in 0..n {
        if doc.tokens[open].kind != TokenKind::OpenQuote {
            continue;
        }
        let Some(close) =
            (open + 1..(open + 10).min(n)).find(|&k| doc.tokens[k].kind == TokenKind::CloseQuote)
        else {
            continue;
        };
        let inside = open + 1..close;
        let words = inside
            .clone()
            .filter(|&k| doc.tokens[k].kind == TokenKind::Word);
        let capital = |k: usize| doc.word(k).chars().next().is_some_and(char::is_uppercase);
        let title_case = words
            .clone()
            .all(|k| capital(k) || TITLE_SMALL_WORDS.contains(&doc.word(k)));
        let article = matches!(doc.word(open + 1), "The" | "A" | "An");
        if inside.len() >= 2 && words.count() >= 2 && title_case && article {
            let author = inside.clone().find(|&k| doc.is(k, "by")).unwrap_or(close);
            blocked[open + 1..author].fill(true);
        }
    }
}

/// "the Global Ocean Forum (GOF)": the bracketed abbreviation names the same
/// thing as the name before it, whatever pass 1 made of it alone.
fn define_abbreviations(doc: &Document<'_>, mentions: &mut Vec<Mention>) {
    for k in 0..mentions.len() {
        let end = mentions[k].tokens.end;
        if !(doc.is(end, "(") && doc.is(end + 2, ")")) {
            continue;
        }
        let word = doc.word(end + 1);
        let initials: String = mentions[k]
            .name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect();
        let abbreviates = word.chars().all(|c| c.is_uppercase() || c == '&')
            && word.len() >= 2
            && (initials.contains(word) || word.chars().next() == initials.chars().next());
        // "Brisbane, Australia (AP)": a dateline's agency abbreviates nothing before it.
        let agency = mentions
            .iter()
            .any(|m| m.tokens.start == end + 1 && m.rule == "organization:dateline-agency");
        if !abbreviates || agency {
            continue;
        }
        let (kind, long) = (mentions[k].kind, mentions[k].name.clone());
        let token = &doc.tokens[end + 1];
        let abbreviation = Mention {
            tokens: end + 1..end + 2,
            span: Span::new(token.start, token.end),
            kind,
            name: word.to_owned(),
            surface: word.to_owned(),
            rule: "alias:bracketed-abbreviation",
            confidence: 0.9,
            long_form: Some(long),
            sex: None,
        };
        match mentions.iter().position(|m| m.tokens.start == end + 1) {
            Some(i) => mentions[i] = abbreviation,
            None => mentions.insert(k + 1, abbreviation),
        }
    }
}

/// Whether a mention kind can speak or act (persons, organizations, places standing
/// for governments).
pub fn can_act(kind: EntityKind) -> bool {
    kind != EntityKind::Event
}
