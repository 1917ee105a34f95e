//! The word lists that recognition and relation rules consult.
//!
//! Every list is a data file under `lexicons/`, compiled into the binary so that
//! extraction needs no files at run time and stays a pure function of its input.
//! Each file starts with `#` lines saying what it holds and where it comes from.

use crate::model::EntityKind;
use std::collections::{HashMap as StdMap, HashSet as StdSet};
use std::hash::{BuildHasherDefault, Hasher};

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

/// A verb lemma, possibly with a particle ("point out").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbEntry {
    /// The lemma, particle included ("point out").
    pub lemma: String,
    /// The particle that must follow the verb, if any.
    pub particle: Option<String>,
    /// Whether it reports speech only with a "that" clause ("announced that …", but
    /// "announced new fees" is an action).
    pub needs_that: bool,
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
    given_name_sexes: HashMap<String, Sex>,
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
    fn load() -> Self {
        let mut lex = Lexicons {
            given_names: set(include_str!("../lexicons/given-names.txt"), false)
                .into_iter()
                .chain(set(
                    include_str!("../lexicons/given-names-world.txt"),
                    false,
                ))
                .collect(),
            surnames: set(include_str!("../lexicons/surnames.txt"), false),
            english_words: set(include_str!("../lexicons/english-words.txt"), false),
            honorifics: set(include_str!("../lexicons/honorifics.txt"), true),
            titles: HashSet::default(),
            title_starts: HashSet::default(),
            max_title_words: 1,
            org_suffixes: set(include_str!("../lexicons/org-suffixes.txt"), false),
            org_heads: set(include_str!("../lexicons/org-heads.txt"), false),
            legal_forms: set(include_str!("../lexicons/legal-forms.txt"), false),
            faiths: set(include_str!("../lexicons/faiths.txt"), false),
            event_heads: set(include_str!("../lexicons/event-heads.txt"), false),
            given_name_sexes: entries(include_str!("../lexicons/given-names-sex.tsv"))
                .filter_map(|l| {
                    let (name, sex) = l.split_once('\t')?;
                    let sex = match sex {
                        "F" => Sex::Female,
                        "M" => Sex::Male,
                        _ => return None,
                    };
                    Some((name.to_owned(), sex))
                })
                .collect(),
            event_words: entries(include_str!("../lexicons/event-words.tsv"))
                .filter_map(|l| {
                    let mut fields = l.split('\t');
                    let word = fields.next()?.to_owned();
                    Some((word, EventClass::parse(fields.next()?)?))
                })
                .collect(),
            event_nouns: entries(include_str!("../lexicons/event-nouns.txt"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(n, c)| (n.trim().to_owned(), c.trim().to_owned()))
                .collect(),
            places: Vec::new(),
            place_names: HashMap::default(),
            demonyms: HashMap::default(),
            gazetteer: entries(include_str!("../lexicons/places.tsv"))
                .filter_map(|line| {
                    let mut cols = line.split('\t');
                    let name = cols.next()?;
                    let kind = cols.next()?;
                    let country = country_code(cols.next()?)?;
                    let population = cols.next()?.parse().ok()?;
                    let geonames_id = cols.next()?.parse().ok()?;
                    Some((
                        name.to_owned(),
                        GazetteerPlace {
                            is_state: kind == "state",
                            population,
                            geonames_id,
                            country,
                        },
                    ))
                })
                .collect(),
            state_abbreviations: entries(include_str!("../lexicons/us-state-abbreviations.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(a, s)| (a.to_owned(), s.to_owned()))
                .collect(),
            place_types: set(include_str!("../lexicons/place-types.txt"), true),
            directions: set(include_str!("../lexicons/directions.txt"), true),
            stopwords: set(include_str!("../lexicons/stopwords.txt"), true),
            abbreviations: set(include_str!("../lexicons/abbreviations.txt"), false),
            acronyms: set(include_str!("../lexicons/acronyms.txt"), false),
            org_descriptors: set(include_str!("../lexicons/org-descriptors.txt"), true),
            title_modifiers: set(include_str!("../lexicons/title-modifiers.txt"), true),
            occupations: set(include_str!("../lexicons/occupations.txt"), true),
            institutions: set(include_str!("../lexicons/institutions.txt"), false),
            org_attributes: set(include_str!("../lexicons/org-attributes.txt"), true),
            known_names: HashMap::default(),
            time_names: HashSet::default(),
            speech_verbs: verbs(include_str!("../lexicons/speech-verbs.txt")),
            action_verbs: verbs(include_str!("../lexicons/action-verbs.txt")),
            months: HashMap::default(),
            weekdays: HashMap::default(),
            ordinals: HashMap::default(),
            numbers: HashMap::default(),
        };
        for title in entries(include_str!("../lexicons/titles.txt")) {
            let title = title.trim().to_lowercase();
            lex.max_title_words = lex.max_title_words.max(title.split(' ').count());
            lex.titles.insert(title);
        }
        // Professions from WordNet are titles too ("ecologist David Reyes"); those not
        // kept by hand as posts ("CEO", "minister") are professions.
        for title in entries(include_str!("../lexicons/occupations-wordnet.txt")) {
            lex.max_title_words = lex.max_title_words.max(title.split(' ').count());
            if lex.titles.insert(title.to_owned()) {
                lex.occupations.insert(title.to_owned());
            }
        }
        // News often drops the diacritics of foreign places ("Bogota", "Zurich").
        let folded: Vec<(String, GazetteerPlace)> = lex
            .gazetteer
            .iter()
            .filter(|(name, _)| !name.is_ascii())
            .map(|(name, &place)| (fold_diacritics(name), place))
            .collect();
        for (name, place) in folded {
            let entry = lex.gazetteer.entry(name).or_insert(place);
            if entry.population < place.population {
                *entry = place;
            }
        }
        for line in entries(include_str!("../lexicons/wordnet-names.tsv")) {
            let Some((name, kind)) = line.split_once('\t') else {
                continue;
            };
            let kind = match kind {
                "person" => EntityKind::Person,
                "organization" => EntityKind::Organization,
                "place" => EntityKind::Place,
                "time" => {
                    lex.time_names.insert(name.to_owned());
                    continue;
                }
                _ => continue,
            };
            lex.known_names.insert(name.to_owned(), kind);
        }
        lex.title_starts = lex
            .titles
            .iter()
            .filter_map(|t| t.split([' ', '-']).next())
            .map(str::to_owned)
            .collect();
        // Listed companies are organizations, unless WordNet knows the name as something else.
        for company in entries(include_str!("../lexicons/companies.txt")) {
            lex.known_names
                .entry(company.to_owned())
                .or_insert(EntityKind::Organization);
        }
        lex.load_places(include_str!("../lexicons/countries.tsv"), true);
        lex.load_places(include_str!("../lexicons/regions.tsv"), false);
        for line in entries(include_str!("../lexicons/calendar.tsv")) {
            let mut cols = line.split('\t');
            let (Some(kind), Some(value), Some(forms)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let Ok(value) = value.parse::<i64>() else {
                continue;
            };
            for form in forms.split('|') {
                let form = form.to_owned();
                match kind {
                    "month" => lex.months.insert(form, value as u32).is_some(),
                    "weekday" => lex.weekdays.insert(form, value as u32).is_some(),
                    "ordinal" => lex.ordinals.insert(form, value).is_some(),
                    _ => lex.numbers.insert(form, value).is_some(),
                };
            }
        }
        lex
    }

    fn load_places(&mut self, data: &'static str, is_country: bool) {
        for line in entries(data) {
            let mut cols = line.split('\t');
            let Some(name) = cols.next() else { continue };
            let aliases = cols.next().unwrap_or("");
            let demonyms = cols.next().unwrap_or("");
            let code = cols.next().and_then(country_code);
            let index = self.places.len();
            self.places.push(Country {
                name: name.to_owned(),
                is_country,
                code,
            });
            self.place_names.insert(name.to_owned(), index);
            for alias in aliases.split('|').filter(|a| !a.is_empty()) {
                self.place_names.insert(alias.to_owned(), index);
            }
            for demonym in demonyms.split('|').filter(|d| !d.is_empty()) {
                self.demonyms.insert(demonym.to_owned(), index);
            }
        }
    }

    /// Whether `word` (capitalized as in the text) is a known given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// The sex a given name (capitalized) is used for, if (almost) only one.
    pub fn given_name_sex(&self, word: &str) -> Option<Sex> {
        self.given_name_sexes.get(word).copied()
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
            w.strip_suffix("ies")
                .is_some_and(|stem| self.org_descriptors.contains(&format!("{stem}y")))
                || w.strip_suffix('s')
                    .is_some_and(|stem| !stem.ends_with('s') && self.org_descriptors.contains(stem))
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

fn verbs(data: &'static str) -> HashMap<String, Vec<VerbEntry>> {
    let mut map: HashMap<String, Vec<VerbEntry>> = HashMap::default();
    for line in entries(data) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(&lemma) = words.first() else {
            continue;
        };
        let needs_that = lemma.ends_with('*');
        let lemma = lemma.trim_end_matches('*');
        // "point out": the particle is the second word when it is not a verb form.
        let (particle, irregular) = match words.get(1) {
            Some(w) if is_particle(w) => (Some((*w).to_owned()), &words[2..]),
            _ => (None, &words[1..]),
        };
        let entry = VerbEntry {
            lemma: particle
                .as_ref()
                .map_or(lemma.to_owned(), |p| format!("{lemma} {p}")),
            particle,
            needs_that,
        };
        let mut forms = inflections(lemma);
        forms.extend(irregular.iter().map(|f| (*f).to_owned()));
        for form in forms {
            let list = map.entry(form).or_default();
            if !list.contains(&entry) {
                list.push(entry.clone());
            }
        }
    }
    map
}

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "out" | "up" | "down" | "off" | "on" | "in" | "back" | "over" | "away"
    )
}

/// Regular forms of an English verb: the lemma, third person, past, gerund.
/// Where a final consonant may double ("ban" → "banned") both spellings are given.
pub fn inflections(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_owned()];
    let chars: Vec<char> = lemma.chars().collect();
    let n = chars.len();
    let is_vowel = |c: char| "aeiou".contains(c);
    let last = chars[n - 1];
    let consonant_y = last == 'y' && n > 1 && !is_vowel(chars[n - 2]);
    // third person
    if lemma.ends_with(['s', 'x', 'z', 'o']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        forms.push(format!("{lemma}es"));
    } else if consonant_y {
        forms.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}s"));
    }
    // past
    if last == 'e' {
        forms.push(format!("{lemma}d"));
    } else if consonant_y {
        forms.push(format!("{}ied", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}ed"));
    }
    // gerund
    if last == 'e' && !lemma.ends_with("ee") {
        forms.push(format!("{}ing", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}ing"));
    }
    // consonant doubling after a single short vowel: ban → banned, banning
    if n >= 3
        && !is_vowel(last)
        && !"wxy".contains(last)
        && is_vowel(chars[n - 2])
        && !is_vowel(chars[n - 3])
    {
        forms.push(format!("{lemma}{last}ed"));
        forms.push(format!("{lemma}{last}ing"));
    }
    forms
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
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_loads() {
        let lex = lexicons();
        assert!(lex.is_given_name("Robert"));
        assert!(lex.is_english_word("Development"));
        assert!(!lex.is_english_word("Zixue"));
        assert!(lex.is_title("chief executive"));
        assert!(lex.max_title_words >= 3);
        assert_eq!(
            lex.place("UK").map(|c| c.name.as_str()),
            Some("United Kingdom")
        );
        assert_eq!(
            lex.demonym("Chinese").map(|c| c.name.as_str()),
            Some("China")
        );
        assert_eq!(lex.month("Nov."), Some(11));
        assert_eq!(lex.weekday("Monday"), Some(1));
        assert_eq!(lex.ordinal("seventh"), Some(7));
        assert_eq!(lex.number("two"), Some(2));
        assert!(lex.is_honorific("Dr."));
        assert!(lex.is_abbreviation("Inc"));
    }

    #[test]
    fn places_are_found_without_their_diacritics() {
        let lex = lexicons();
        assert_eq!(fold_diacritics("Bogotá"), "Bogota");
        assert_eq!(fold_diacritics("ÉCOLE"), "ECOLE");
        let accented = lex.gazetteer("Zürich").expect("Zürich is in GeoNames");
        assert_eq!(lex.gazetteer("Zurich"), Some(accented));
        assert!(lex.gazetteer("Bogota").is_some());
    }

    #[test]
    fn verb_forms_map_to_lemmas() {
        let lex = lexicons();
        let lemma = |form: &str, speech: bool| {
            let entries = if speech {
                lex.speech_verb(form)
            } else {
                lex.action_verb(form)
            };
            entries.first().map(|e| e.lemma.clone())
        };
        assert_eq!(lemma("told", true).as_deref(), Some("tell"));
        assert_eq!(lemma("noted", true).as_deref(), Some("note"));
        assert_eq!(lemma("pointed", true).as_deref(), Some("point out"));
        assert_eq!(lemma("halted", false).as_deref(), Some("halt"));
        assert_eq!(lemma("sent", false).as_deref(), Some("send"));
        assert_eq!(lemma("issues", false).as_deref(), Some("issue"));
        assert_eq!(lemma("banned", false).as_deref(), Some("ban"));
        assert_eq!(lemma("axing", false).as_deref(), Some("axe"));
        assert_eq!(lemma("table", false), None);
    }

    #[test]
    fn inflections_follow_spelling_rules() {
        assert!(inflections("carry").contains(&"carried".to_owned()));
        assert!(inflections("announce").contains(&"announcing".to_owned()));
        assert!(inflections("fix").contains(&"fixes".to_owned()));
    }
}
