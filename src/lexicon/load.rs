//! Reading the lexicon files into [`Lexicons`].

use super::*;

impl Lexicons {
    pub(super) fn load() -> Self {
        let mut lex = Lexicons {
            given_names: set(include_str!("../../lexicons/given-names.txt"), false)
                .into_iter()
                .chain(set(
                    include_str!("../../lexicons/given-names-world.txt"),
                    false,
                ))
                .collect(),
            surnames: set(include_str!("../../lexicons/surnames.txt"), false),
            english_words: set(include_str!("../../lexicons/english-words.txt"), false),
            honorifics: set(include_str!("../../lexicons/honorifics.txt"), true),
            titles: HashSet::default(),
            title_starts: HashSet::default(),
            max_title_words: 1,
            org_suffixes: set(include_str!("../../lexicons/org-suffixes.txt"), false),
            org_heads: set(include_str!("../../lexicons/org-heads.txt"), false),
            legal_forms: set(include_str!("../../lexicons/legal-forms.txt"), false),
            faiths: set(include_str!("../../lexicons/faiths.txt"), false),
            event_heads: set(include_str!("../../lexicons/event-heads.txt"), false),
            // The census's names first; the world's names only add names it lacks.
            given_name_sexes: entries(include_str!("../../lexicons/given-names-sex-world.tsv"))
                .chain(entries(include_str!("../../lexicons/given-names-sex.tsv")))
                .filter_map(|l| {
                    let (name, code) = l.split_once('\t')?;
                    // (lower case: a name rare in English-speaking countries)
                    let sex = match code {
                        "F" | "f" => Sex::Female,
                        "M" | "m" => Sex::Male,
                        _ => return None,
                    };
                    let common = code.chars().all(char::is_uppercase);
                    Some((name.to_owned(), (sex, common)))
                })
                .collect(),
            event_words: entries(include_str!("../../lexicons/event-words.tsv"))
                .filter_map(|l| {
                    let mut fields = l.split('\t');
                    let word = fields.next()?.to_owned();
                    Some((word, EventClass::parse(fields.next()?)?))
                })
                .collect(),
            event_nouns: entries(include_str!("../../lexicons/event-nouns.txt"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(n, c)| (n.trim().to_owned(), c.trim().to_owned()))
                .collect(),
            places: Vec::new(),
            place_names: HashMap::default(),
            demonyms: HashMap::default(),
            gazetteer: entries(include_str!("../../lexicons/places.tsv"))
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
            state_abbreviations: entries(include_str!("../../lexicons/us-state-abbreviations.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .map(|(a, s)| (a.to_owned(), s.to_owned()))
                .collect(),
            place_types: set(include_str!("../../lexicons/place-types.txt"), true),
            directions: set(include_str!("../../lexicons/directions.txt"), true),
            stopwords: set(include_str!("../../lexicons/stopwords.txt"), true),
            abbreviations: set(include_str!("../../lexicons/abbreviations.txt"), false),
            acronyms: set(include_str!("../../lexicons/acronyms.txt"), false),
            org_descriptors: set(include_str!("../../lexicons/org-descriptors.txt"), true),
            title_modifiers: set(include_str!("../../lexicons/title-modifiers.txt"), true),
            occupations: set(include_str!("../../lexicons/occupations.txt"), true),
            institutions: set(include_str!("../../lexicons/institutions.txt"), false),
            org_attributes: set(include_str!("../../lexicons/org-attributes.txt"), true),
            known_names: HashMap::default(),
            time_names: HashSet::default(),
            speech_verbs: verbs(include_str!("../../lexicons/speech-verbs.txt")),
            action_verbs: verbs(include_str!("../../lexicons/action-verbs.txt")),
            months: HashMap::default(),
            weekdays: HashMap::default(),
            ordinals: HashMap::default(),
            numbers: HashMap::default(),
        };
        for title in entries(include_str!("../../lexicons/titles.txt")) {
            let title = title.trim().to_lowercase();
            lex.max_title_words = lex.max_title_words.max(title.split(' ').count());
            lex.titles.insert(title);
        }
        // Professions from WordNet are titles too ("ecologist David Reyes"); those not
        // kept by hand as posts ("CEO", "minister") are professions.
        for title in entries(include_str!("../../lexicons/occupations-wordnet.txt")) {
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
        for line in entries(include_str!("../../lexicons/wordnet-names.tsv")) {
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
        for company in entries(include_str!("../../lexicons/companies.txt")) {
            lex.known_names
                .entry(company.to_owned())
                .or_insert(EntityKind::Organization);
        }
        lex.load_places(include_str!("../../lexicons/countries.tsv"), true);
        lex.load_places(include_str!("../../lexicons/regions.tsv"), false);
        for line in entries(include_str!("../../lexicons/calendar.tsv")) {
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
}
