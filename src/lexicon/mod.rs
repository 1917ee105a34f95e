//! The word lists that recognition and relation rules consult.
//!
//! Every list is a data file under `lexicons/`, compiled into the binary so that
//! extraction needs no files at run time and stays a pure function of its input.
//! Each file starts with `#` lines saying what it holds and where it comes from.

mod load;
mod verbs;

use crate::model::EntityKind;
use std::collections::{HashMap as StdMap, HashSet as StdSet};
use std::hash::{BuildHasherDefault, Hasher};
use verbs::verbs;
pub use verbs::{VerbEntry, inflections};

/// A fast hash for short words (FxHash, as in rustc): lexicon lookups run for every
/// token, and SipHash's protection against crafted keys buys nothing here.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<WordHasher>>;
type HashSet<K> = StdSet<K, BuildHasherDefault<WordHasher>>;
use std::sync::LazyLock;

/// A country or world region, with the names the lexicon knows it by.
#[derive(Debug, Clone)]
pub struct Country {
    /// The common English short name, used as the label ("United Kingdom").
    pub name: String,
    /// Whether it is a country (rather than a continent or region).
    pub is_country: bool,
    /// Its ISO 3166-1 alpha-2 code ("GB"), for a country.
    pub code: Option<[u8; 2]>,
}

/// A city or state from the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazetteerPlace {
    /// Whether it is a first-level division (a US state) rather than a city.
    pub is_state: bool,
    /// Its population (0 when unknown).
    pub population: u64,
    /// Its GeoNames id.
    pub geonames_id: u64,
    /// The ISO 3166-1 alpha-2 code of its country ("GB").
    pub country: [u8; 2],
}

/// All lexicons, loaded once.
#[derive(Debug)]
pub struct Lexicons {
    given_names: HashSet<String>,
    surnames: HashSet<String>,
    english_words: HashSet<String>,
    honorifics: HashSet<String>,
    titles: HashSet<String>,
    /// The first word of every title (before a space or hyphen), lower case.
    title_starts: HashSet<String>,
    /// The longest title, in words.
    pub max_title_words: usize,
    org_suffixes: HashSet<String>,
    org_heads: HashSet<String>,
    legal_forms: HashSet<String>,
    faiths: HashSet<String>,
    event_heads: HashSet<String>,
    event_nouns: HashMap<String, String>,
    event_words: HashMap<String, EventClass>,
    /// Each name's sex, and whether the name is common (rare ones are a weaker guess).
    given_name_sexes: HashMap<String, (Sex, bool)>,
    places: Vec<Country>,
    place_names: HashMap<String, usize>,
    demonyms: HashMap<String, usize>,
    gazetteer: HashMap<String, GazetteerPlace>,
    state_abbreviations: HashMap<String, String>,
    place_types: HashSet<String>,
    directions: HashSet<String>,
    stopwords: HashSet<String>,
    abbreviations: HashSet<String>,
    acronyms: HashSet<String>,
    org_descriptors: HashSet<String>,
    title_modifiers: HashSet<String>,
    institutions: HashSet<String>,
    org_attributes: HashSet<String>,
    occupations: HashSet<String>,
    known_names: HashMap<String, EntityKind>,
    time_names: HashSet<String>,
    speech_verbs: HashMap<String, Vec<VerbEntry>>,
    action_verbs: HashMap<String, Vec<VerbEntry>>,
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    ordinals: HashMap<String, i64>,
    numbers: HashMap<String, i64>,
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(Lexicons::load);

/// The lexicons compiled into this build.
pub fn lexicons() -> &'static Lexicons {
    &LEXICONS
}

/// The entries of a lexicon file: non-empty lines that are not `#` comments.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn set(data: &'static str, lower: bool) -> HashSet<String> {
    entries(data)
        .map(|e| {
            if lower {
                e.trim().to_lowercase()
            } else {
                e.trim().to_owned()
            }
        })
        .collect()
}

impl Lexicons {
    /// Whether `word` (capitalized as in the text) is a known given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// The sex a given name (capitalized) is used for, if (almost) only one.
    pub fn given_name_sex(&self, word: &str) -> Option<Sex> {
        self.given_name_sexes.get(word).map(|&(sex, _)| sex)
    }

    /// Whether a given name with a sex is common enough in English-speaking countries
    /// for its sex to hold for the surname alone ("Paula", not the rare "Ossie").
    pub fn is_common_given_name(&self, word: &str) -> bool {
        self.given_name_sexes
            .get(word)
            .is_some_and(|&(_, common)| common)
    }

    /// The sex an honorific ("Mrs", "Sir", "Mr.") says, if any.
    pub fn honorific_sex(&self, word: &str) -> Option<Sex> {
        match word.trim_end_matches('.').to_lowercase().as_str() {
            "mr" | "sir" | "lord" | "mister" => Some(Sex::Male),
            "mrs" | "ms" | "miss" | "lady" | "dame" | "madam" => Some(Sex::Female),
            _ => None,
        }
    }

    /// Whether `word` (capitalized) is a common surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether the lower-case form of `word` is a common English word.
    pub fn is_english_word(&self, word: &str) -> bool {
        lowered(word, |w| self.english_words.contains(w))
    }

    /// Whether `word` is an honorific ("Mr", "Dr.").
    pub fn is_honorific(&self, word: &str) -> bool {
        lowered(word.trim_end_matches('.'), |w| self.honorifics.contains(w))
    }

    /// Whether some title starts with this word ("chief" for "chief executive").
    pub fn is_title_start(&self, word: &str) -> bool {
        lowered(word, |w| self.title_starts.contains(w))
    }

    /// Whether the words (any case, space-joined) are a job title.
    pub fn is_title(&self, words: &str) -> bool {
        lowered(words, |w| self.titles.contains(w))
    }

    /// Whether a capitalized word ends or marks an organization name ("Group", "Exchange").
    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(word)
    }

    /// Whether a word after a company's name is its legal form ("Corp", "Holdings").
    pub fn is_legal_form(&self, word: &str) -> bool {
        self.legal_forms.contains(word.trim_end_matches('.'))
    }

    /// Whether a word names the followers of a faith ("Muslim", "Sunnis").
    pub fn is_faith(&self, word: &str) -> bool {
        self.faiths.contains(word)
    }

    /// Whether a capitalized word opens an organization name before "of"/"for".
    /// Plurals count too ("Centers for …", "Institutes of …").
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(word)
            || !self.surnames.contains(word)
                && word
                    .strip_suffix('s')
                    .is_some_and(|one| self.org_heads.contains(one))
    }

    /// Whether a capitalized word ends an event name ("Conference").
    pub fn is_event_head(&self, word: &str) -> bool {
        self.event_heads.contains(word)
    }

    /// The kind of event a word names in news, as learned from ECB+
    /// (`lexicons/event-words.tsv`): "attack" an occurrence, "began" aspectual.
    pub fn event_word(&self, word: &str) -> Option<EventClass> {
        lowered(word, |w| self.event_words.get(w)).copied()
    }

    /// The class of an event noun ("conference" → "gathering").
    pub fn event_noun_class(&self, word: &str) -> Option<&str> {
        lowered(word, |w| self.event_nouns.get(w)).map(String::as_str)
    }

    /// The place (country or region) a name or alias stands for.
    pub fn place(&self, name: &str) -> Option<&Country> {
        self.place_names.get(name).map(|&i| &self.places[i])
    }

    /// The place a demonym or adjective stands for ("Chinese" → China).
    pub fn demonym(&self, word: &str) -> Option<&Country> {
        self.demonyms.get(word).map(|&i| &self.places[i])
    }

    /// The gazetteer's city or state of this name ("Beijing", "California").
    pub fn gazetteer(&self, name: &str) -> Option<GazetteerPlace> {
        self.gazetteer.get(name).copied()
    }

    /// The state a news-style abbreviation stands for ("Conn." → Connecticut); the
    /// abbreviation is given with its full stop.
    pub fn state_abbreviation(&self, abbreviation: &str) -> Option<&str> {
        self.state_abbreviations
            .get(abbreviation)
            .map(String::as_str)
    }

    /// Whether `word` followed by a full stop is an abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
            || self.state_abbreviations.contains_key(&format!("{word}."))
    }

    /// Whether a lower-case noun names a kind of place ("province").
    pub fn is_place_type(&self, word: &str) -> bool {
        lowered(word, |w| self.place_types.contains(w))
    }

    /// Whether a word is a compass direction ("east").
    pub fn is_direction(&self, word: &str) -> bool {
        lowered(word, |w| self.directions.contains(w))
    }

    /// Whether a word is an English function word.
    pub fn is_stopword(&self, word: &str) -> bool {
        lowered(word, |w| self.stopwords.contains(w))
    }

    /// Whether an all-capitals word is a common noun ("IPO").
    pub fn is_common_acronym(&self, word: &str) -> bool {
        self.acronyms.contains(word)
    }

    /// Whether a lower-case noun describes an organization ("company", "retailer").
    pub fn is_org_descriptor(&self, word: &str) -> bool {
        lowered(word, |w| self.org_descriptors.contains(w))
    }

    /// Whether a noun describes several organizations ("retailers", "companies").
    pub fn is_plural_org_descriptor(&self, word: &str) -> bool {
        lowered(word, |w| {
            singular(w).is_some_and(|one| self.org_descriptors.contains(&one))
        })
    }

    /// Whether a word qualifies a title without naming an employer ("former").
    pub fn is_title_modifier(&self, word: &str) -> bool {
        lowered(word, |w| self.title_modifiers.contains(w))
    }

    /// Whether one capitalized word names an institution ("Congress", "Kremlin").
    pub fn is_institution(&self, word: &str) -> bool {
        self.institutions.contains(word)
    }

    /// Whether a noun names what an organization has ("shares", "profits").
    pub fn is_org_attribute(&self, word: &str) -> bool {
        lowered(word, |w| self.org_attributes.contains(w))
    }

    /// Whether a title names a profession ("analyst") rather than a post.
    pub fn is_occupation(&self, title: &str) -> bool {
        title
            .split_whitespace()
            .last()
            .is_some_and(|w| lowered(w, |w| self.occupations.contains(w)))
    }

    /// What a well-known proper name names ("Peace Corps", "Lincoln" the president, a listed
    /// company), from WordNet and the stock indices; `None` for names they do not hold.
    pub fn known_name(&self, name: &str) -> Option<EntityKind> {
        self.known_names.get(name).copied()
    }

    /// Whether a proper name names a time rather than an entity: a holiday, a month, an
    /// era ("Hanukkah", "Ramadan", "Renaissance").
    pub fn is_time_name(&self, name: &str) -> bool {
        self.time_names.contains(name)
    }

    /// The speech-verb entries a word form belongs to ("told" → tell).
    pub fn speech_verb(&self, form: &str) -> &[VerbEntry] {
        lowered(form, |w| self.speech_verbs.get(w)).map_or(&[], Vec::as_slice)
    }

    /// The action-verb entries a word form belongs to ("halted" → halt).
    pub fn action_verb(&self, form: &str) -> &[VerbEntry] {
        lowered(form, |w| self.action_verbs.get(w)).map_or(&[], Vec::as_slice)
    }

    /// Month number of a month name or abbreviation.
    pub fn month(&self, word: &str) -> Option<u32> {
        lowered(word.trim_end_matches('.'), |w| self.months.get(w)).copied()
    }

    /// ISO weekday number of a weekday name.
    pub fn weekday(&self, word: &str) -> Option<u32> {
        lowered(word, |w| self.weekdays.get(w)).copied()
    }

    /// Value of an ordinal word ("seventh", "7th").
    pub fn ordinal(&self, word: &str) -> Option<i64> {
        lowered(word, |w| self.ordinals.get(w)).copied()
    }

    /// Value of a cardinal number word ("two") or numeral.
    pub fn number(&self, word: &str) -> Option<i64> {
        lowered(word, |w| {
            self.numbers.get(w).copied().or_else(|| w.parse().ok())
        })
    }
}

/// The sex a given name or an honorific says a person is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// "Mrs", "Sandra".
    Female,
    /// "Mr", "Michael".
    Male,
}

/// The kinds of event mention ECB+ annotates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventClass {
    /// Something happened: "attack", "arrested", "earthquake".
    Occurrence,
    /// Speech: "said", "announcement".
    Reporting,
    /// A state: "custody", "guilty", "stay".
    State,
    /// A phase of another event: "began", "continued", "ended".
    Aspectual,
    /// A cause of another event: "caused".
    Causative,
    /// Seeing or hearing: "seen", "heard".
    Perception,
    /// A generic event: "manslaughter".
    Generic,
}

impl EventClass {
    fn parse(class: &str) -> Option<Self> {
        Some(match class {
            "ACTION_OCCURRENCE" => Self::Occurrence,
            "ACTION_REPORTING" => Self::Reporting,
            "ACTION_STATE" => Self::State,
            "ACTION_ASPECTUAL" => Self::Aspectual,
            "ACTION_CAUSATIVE" => Self::Causative,
            "ACTION_PERCEPTION" => Self::Perception,
            "ACTION_GENERIC" => Self::Generic,
            _ => return None,
        })
    }
}

/// The singular of a regular English plural ("companies" → "company", "Tories" →
/// "Tory", "rivals" → "rival"); `None` for a word that is no such plural ("press").
pub fn singular(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    word.strip_suffix('s')
        .filter(|stem| !stem.ends_with('s'))
        .map(str::to_owned)
}

/// Calls `f` with the lower-case form of `word`; words that fit are lowered on the stack,
/// since lexicon lookups come by the hundred per sentence.
fn lowered<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 48];
    match buffer.get_mut(..word.len()) {
        Some(bytes) if word.is_ascii() => {
            bytes.copy_from_slice(word.as_bytes());
            bytes.make_ascii_lowercase();
            f(std::str::from_utf8(bytes).expect("ASCII is UTF-8"))
        }
        _ => f(&word.to_lowercase()),
    }
}

/// `name` with the diacritics of Latin letters dropped, case kept ("Bogotá" → "Bogota").
pub(crate) fn fold_diacritics(name: &str) -> String {
    name.chars()
        .map(|c| {
            let folded = fold_diacritic(c);
            if c.is_uppercase() {
                folded.to_ascii_uppercase()
            } else {
                folded
            }
        })
        .collect()
}

/// The unaccented lower-case letter of an accented Latin letter; other characters as they are.
pub(crate) fn fold_diacritic(c: char) -> char {
    const FROM: &str = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťţùúûüūůűųýÿźżž";
    const TO: &str = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrssstttuuuuuuuuyyzzz";
    if c.is_ascii() {
        return c;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    FROM.chars()
        .position(|f| f == lower)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// A two-letter country code ("GB").
fn country_code(code: &str) -> Option<[u8; 2]> {
    match code.as_bytes() {
        &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some([a, b]),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
