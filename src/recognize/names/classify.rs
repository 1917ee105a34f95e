//! Pass 1: a name piece typed from its words and the words around it.

use super::trim::{before_region, dateline_agency, title_case, trim};
use super::*;

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

/// Types one name piece from its words and the words around it (pass 1).
pub(super) fn classify(
    doc: &Document<'_>,
    range: Range<usize>,
    around: &Around<'_, '_>,
    mentions: &mut Vec<Mention>,
    unknowns: &mut Vec<Unknown>,
) {
    let lex = lexicons();
    let the_before =
        range.start > 0 && doc.word(range.start - 1) == "the" || doc.word(range.start) == "The";
    let initial = sentence_initial(doc, range.start);
    let Some((range, stripped_the)) = trim(doc, range, around) else {
        return;
    };
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
    // "the Tories", "the Lib Dems", "the Democrats": a party named by its members.
    let party = text == "Lib Dems"
        || single
            && crate::lexicon::singular(first)
                .is_some_and(|m| PARTY_ADJECTIVES.contains(&m.as_str()));
    if party && (the_before || !initial) {
        return push(
            mentions,
            EntityKind::Organization,
            "organization:party",
            0.75,
        );
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
    // name of a publication or institution; "the Daily Beacon", "the Evening Star":
    // a newspaper's name may open with how often it comes out.
    let publication =
        the_before && !single && matches!(first, "Daily" | "Evening" | "Morning" | "Weekly");
    let the_name =
        (mid_sentence_the || publication || single && stripped_the && lex.is_org_suffix(first))
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
    if reads_as_personal_name(doc, &range) {
        return push(mentions, EntityKind::Person, "person:given-name", 0.8);
    }
    // "Acme CEO", "Beacon executive": a name before a title is its employer, even at
    // the start of a sentence, unless it only qualifies the title ("Former president").
    // A dictionary word opening a sentence before a profession is its field
    // ("Energy analyst"), unless pass 2 finds it is a known name.
    // So is one before a job title written in lower case ("Communications director"),
    // unless it is a company's or a party's name ("Apple chief executive", "Labour
    // leader") or the article writes it as a name elsewhere, not before a title ("Wasps
    // coach" in a report that says "Wasps won").
    let named_elsewhere = || {
        (0..doc.tokens.len()).any(|k| {
            k != range.start
                && doc.word(k) == first
                && !(sentence_initial(doc, k) && around.title_starts.contains(&(k + 1)))
        })
    };
    let field = initial
        && single
        && lex.is_english_word(first)
        && (around.occupation_starts.contains(&range.end)
            || around.title_starts.contains(&range.end)
                && doc.word(range.end).starts_with(char::is_lowercase)
                && lex.known_name(first).is_none()
                && !PARTY_ADJECTIVES.contains(&first)
                && !named_elsewhere());
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
    // ("the German-US carmaker": nationalities, not a name)
    let nationalities = !text.contains(' ')
        && text
            .split('-')
            .all(|p| lex.demonym(p).is_some() || lex.place(p).is_some());
    let descriptor_after = range.end < doc.tokens.len() && !nationalities && {
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
