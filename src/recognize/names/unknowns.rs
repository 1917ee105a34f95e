//! The names pass 1 could not type.

use super::*;
use std::collections::HashMap;

/// Types the names pass 1 left open: by the fuller names it typed ("Chen" after "Mary
/// Lou Chen", "Globex" after "Globex Group"), by what a person or an organization is
/// described with ("Tom Reyes of Vardby Freight", "Ana Lopes, 8, of Vardby", "with Tom
/// Reyes, Ana Lopes and …", "Zintrex-owned"), and otherwise by the learned name
/// recognizer, which reads the context rules once spelled out (a speech verb after a
/// name, a preposition before it, a killing, a foreign-looking full name).
/// Longer names go first, so that a full name typed here types its surname alone later.
pub(super) fn resolve_unknowns(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    around: &Around<'_, '_>,
    mentions: &mut Vec<Mention>,
    mut unknowns: Vec<Unknown>,
) {
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
    unknowns.sort_by_key(|u| (u.range.len() < 2, u.range.start));
    for u in unknowns {
        let words: Vec<&str> = u.range.clone().map(|j| doc.word(j)).collect();
        let (start, end) = (u.range.start, u.range.end);
        let contiguous_in = |name: &[String]| {
            name.windows(words.len())
                .any(|w| w.iter().zip(&words).all(|(a, b)| a == b))
        };
        let person = known
            .iter()
            .any(|(k, name)| *k == EntityKind::Person && contiguous_in(name));
        // "Globex" after "Globex Group", and "Menatep" after "Group Menatep": the rest of
        // the fuller name only says what kind of organization it is.
        let org = known.iter().any(|(k, name)| {
            *k == EntityKind::Organization
                && name.len() > words.len()
                && (name.iter().zip(&words).all(|(a, b)| a == b)
                    || name[name.len() - words.len()..]
                        .iter()
                        .zip(&words)
                        .all(|(a, b)| a == b)
                        && name[..name.len() - words.len()]
                            .iter()
                            .all(|w| lex.is_org_suffix(w) || lex.is_legal_form(w)))
        });
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
        // "a Vardby native", "Vardby-born"
        let birthplace = doc.is(end, "native") || doc.is(end, "-") && doc.is(end + 1, "born");
        // "diver Tom Reyes of Vardby": one word after a person's "of" is rather a town
        // than an employer (which names itself: "of Vardby Freight").
        let home_town = home_town || employs && words.len() == 1 && !doc.is(end, "'s");
        // "with Tom Reyes, Romelu Ardo and …": two capitalized words ending in one no
        // English word, or a full name, in a list with a person.
        let name_like = looks_like_full_name(doc, &u.range)
            || words.len() == 2 && person_like(doc, &u.range) && !lex.is_english_word(words[1]);
        // "Maria de Souza": a particle inside a name of no English words.
        let particle = words.len() >= 3
            && words[1..words.len() - 1]
                .iter()
                .any(|w| PARTICLES.contains(w))
            && looks_like_full_name(doc, &u.range);
        let kind = if person {
            Some((EntityKind::Person, "person:short-name", 0.8))
        } else if org {
            Some((EntityKind::Organization, "organization:short-name", 0.8))
        } else if home_town || birthplace {
            Some((EntityKind::Place, "place:home-town", 0.6))
        } else if personal_context(doc, around, start, end) && person_like(doc, &u.range) {
            Some((EntityKind::Person, "person:personal-context", 0.6))
        } else if particle {
            Some((EntityKind::Person, "person:particle-name", 0.6))
        } else if employs {
            Some((EntityKind::Organization, "organization:employer", 0.6))
        } else if name_like && !u.after_preposition && listed_with_person(mentions, start, end) {
            Some((EntityKind::Person, "person:full-name-in-context", 0.55))
        } else if owns_or_is_organization(doc, analysis, mentions, end)
            || company_attribute_before(doc, start)
            || !(u.sentence_initial && words.len() == 1 && lex.is_english_word(words[0]))
                && speaks_of_itself_as_it(doc, analysis, start, end)
        {
            Some((EntityKind::Organization, "organization:owner", 0.6))
        } else {
            learned_kind(doc, analysis, &u)
                .or_else(|| speaker_kind(doc, analysis, &u))
                .or_else(|| {
                    // "in Vardby", "near Oslo": a place, when nothing says otherwise.
                    u.after_preposition.then_some((
                        EntityKind::Place,
                        "place:after-preposition",
                        0.5,
                    ))
                })
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
    one_kind_per_name(mentions);
    surnames_over_places(mentions);
    // A name left open that was typed elsewhere ("Lind said …; Lind left") is the same.
    for u in open {
        let text = doc.slice(u.range.start, u.range.end);
        let typed = mentions
            .iter()
            .find(|m| m.name == text && m.kind != EntityKind::Event)
            .map(|m| m.kind);
        if let Some(kind) = typed {
            mentions.push(mention(doc, u.range, kind, "alias:repeated-name", 0.5));
        }
    }
}

/// One name, one kind within an article: the learned recognizer reads each occurrence on
/// its own context and may call "Vantor" a person in one sentence and an organization in
/// the next. A kind a rule gave the same name elsewhere wins ("Vantor, a retailer"); else
/// the kind the recognizer was surest of over all the occurrences.
fn one_kind_per_name(mentions: &mut [Mention]) {
    let learned = |m: &Mention| m.rule.ends_with(":recognizer");
    let mut decided: HashMap<&str, EntityKind> = HashMap::new();
    for m in mentions.iter() {
        if !learned(m) && !m.rule.starts_with("alias:") && m.kind != EntityKind::Event {
            decided.entry(m.name.as_str()).or_insert(m.kind);
        }
    }
    let mut votes: HashMap<&str, [f32; 3]> = HashMap::new();
    for m in mentions.iter().filter(|m| learned(m)) {
        if let Some(k) = VOTED_KINDS.iter().position(|&k| k == m.kind) {
            votes.entry(m.name.as_str()).or_default()[k] += m.confidence;
        }
    }
    let kinds: HashMap<String, EntityKind> = votes
        .into_iter()
        .map(|(name, v)| {
            let best = (0..3).fold(0, |b, k| if v[k] > v[b] { k } else { b });
            let kind = decided.get(name).copied().unwrap_or(VOTED_KINDS[best]);
            (name.to_owned(), kind)
        })
        .collect();
    for m in mentions.iter_mut().filter(|m| learned(m)) {
        if let Some(&kind) = kinds.get(&m.name)
            && kind != m.kind
        {
            m.kind = kind;
            m.rule = "alias:repeated-name";
        }
    }
}

/// "George Galloway … Galloway plea for release": one word a gazetteer knows as a place
/// is the person of that surname when the article names one in full.
fn surnames_over_places(mentions: &mut [Mention]) {
    let surnames: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.tokens.len() >= 2)
        .filter_map(|m| m.name.rsplit(' ').next().map(str::to_owned))
        .collect();
    for m in mentions.iter_mut() {
        if m.kind == EntityKind::Place
            && m.tokens.len() == 1
            && matches!(m.rule, "place:known-name" | "place:gazetteer")
            && surnames.contains(&m.name)
        {
            m.kind = EntityKind::Person;
            m.rule = "person:surname-of-named";
        }
    }
}

/// The kinds the learned recognizer gives.
const VOTED_KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
];

/// "Lind, 45, said", "Lind, who …", "Lind was born", "Lind's wife", "Lind, a Republican",
/// "the assassin, Tom Lind": what only persons have or are, said of the name at
/// `start..end`.
fn personal_context(doc: &Document<'_>, around: &Around<'_, '_>, start: usize, end: usize) -> bool {
    let lex = lexicons();
    let aged = doc.is(end, ",")
        && end + 2 < doc.tokens.len()
        && doc.tokens[end + 1].kind == TokenKind::Number
        && doc.is(end + 2, ",");
    let who = doc.is(end, ",") && doc.is(end + 1, "who");
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
    let described_as_person = doc.is(end, ",")
        && matches!(doc.word(end + 1), "a" | "an")
        && (matches!(
            doc.word(end + 2),
            "Republican" | "Democrat" | "Conservative"
        ) || around.title_starts.contains(&(end + 2))
            && !lex.is_org_descriptor(doc.word(end + 2)));
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
    aged || who || born || kin || described_as_person || killer
}

/// "Halvorsen's Nordic Times", "Zintrex-owned Harvo Freight", "Zintrex's shares",
/// "Littlewoods, a retailer", "Littlewoods is a retailer", "Vorneft, a Russian oil
/// company that …": the name ending at `end` owns an organization, has what
/// organizations have, or is described as one.
fn owns_or_is_organization(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    mentions: &[Mention],
    end: usize,
) -> bool {
    let lex = lexicons();
    let organization_at = |k: usize| {
        mentions
            .iter()
            .any(|m| m.tokens.start == k && m.kind == EntityKind::Organization)
    };
    let possessive = end + 1 < doc.tokens.len() && doc.tokens[end].kind == TokenKind::Possessive;
    let owns = possessive && organization_at(end + 1);
    let owns_by_modifier = doc.is(end, "-")
        && matches!(
            doc.word(end + 1),
            "owned" | "affiliated" | "controlled" | "backed"
        )
        && organization_at(end + 2);
    let has_org_attribute = possessive && lex.is_org_attribute(doc.word(end + 1));
    // ", a retailer", "is a retailer", "was the maker of …", ", the German engineering
    // group,": the organization noun heads the noun phrase — "a company director" and
    // "a friend of the firm" describe persons.
    let linked = doc.is(end, ",") || matches!(doc.lower(end), "is" | "was");
    let upos_at = |k: usize| {
        let words = words_of(doc, analysis, k..k + 1);
        (words.start < words.end).then(|| (analysis.upos(words.start), analysis.xpos(words.start)))
    };
    // The words a noun phrase opens with before its noun: adjectives, nouns, names,
    // numbers, participles ("a loss-making firm").
    let modifier = |k: usize| {
        doc.is(k, "-")
            || matches!(
                upos_at(k),
                Some(("ADJ" | "NOUN" | "PROPN" | "NUM", _) | ("VERB", "VBN" | "VBG"))
            )
    };
    let noun_at = |k: usize| matches!(upos_at(k), Some(("NOUN" | "PROPN", _)));
    let described = linked && matches!(doc.word(end + 1), "a" | "an" | "the") && {
        let last = doc.tokens.len().min(end + 8);
        let descriptor = (end + 2..last).take_while(|&k| modifier(k)).find(|&k| {
            doc.word(k).chars().next().is_some_and(char::is_lowercase)
                && lex.is_org_descriptor(doc.word(k))
        });
        descriptor.is_some_and(|k| {
            k + 1 >= doc.tokens.len()
                || doc.tokens[k + 1].kind != TokenKind::Word
                || lex.is_stopword(doc.word(k + 1))
                || !noun_at(k + 1)
        })
    };
    owns || owns_by_modifier || has_org_attribute || described
}

/// Auxiliaries and verbs after "it" that make it the subject of a clause of its own
/// ("it would cut jobs"), not a stand-in subject ("it was raining", "it is clear").
const IT_THEN: &[&str] = &[
    "would", "will", "had", "has", "could", "should", "might", "may", "plans", "planned",
    "expects", "expected", "intends", "intended", "wants", "wanted", "hopes", "hoped", "aims",
    "needs", "needed",
];

/// "Vantor said it would cut 300 jobs", "Vantor raised its forecast": the name at
/// `start..end` is the subject of the verb right after it, and the next words call it
/// "it" — a thing, not a person. (Not "the race for the Oscars entered its final stage":
/// the name must be the subject.)
fn speaks_of_itself_as_it(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    start: usize,
    end: usize,
) -> bool {
    let subject = words_of(doc, analysis, start..end).any(|i| analysis.deprel(i) == "nsubj");
    let verb = end < doc.tokens.len() && {
        let words = words_of(doc, analysis, end..end + 1);
        words.start < words.end && analysis.upos(words.start) == "VERB"
    };
    let mut k = end + 1;
    if doc.is(k, "that") {
        k += 1;
    }
    subject
        && verb
        && k + 1 < doc.tokens.len()
        && (doc.lower(k) == "its"
            || doc.lower(k) == "it"
                && IT_THEN.contains(&doc.lower(k + 1))
                // ("Reyes said it would be hard": anyone says that of anything)
                && !(k + 2 < doc.tokens.len() && matches!(doc.lower(k + 2), "be" | "been")))
}

/// The analysed words of a non-empty run of tokens.
fn words_of(doc: &Document<'_>, analysis: &Analysis<'_>, tokens: Range<usize>) -> Range<usize> {
    analysis.words_in(Span::new(
        doc.tokens[tokens.start].start,
        doc.tokens[tokens.end - 1].end,
    ))
}

/// Nouns for what a company has, and the preposition that ties them to the company's
/// name: "shares in Vantrex", "profits at Vantrex", "a takeover of Vantrex". (Not
/// "sales in …" or "jobs at …": places have those too.)
const COMPANY_ATTRIBUTES: &[(&str, &str)] = &[
    ("shares", "in"),
    ("stake", "in"),
    ("stakes", "in"),
    ("shareholders", "in"),
    ("shares", "of"),
    ("takeover", "of"),
    ("shareholders", "of"),
    ("profits", "at"),
    ("profit", "at"),
    ("losses", "at"),
    ("shareholders", "at"),
];

/// Whether what a company has comes right before the name starting at `start`,
/// with the preposition that ties it to its owner ("shares in Vantrex").
fn company_attribute_before(doc: &Document<'_>, start: usize) -> bool {
    start >= 2 && {
        let (noun, preposition) = (doc.lower(start - 2), doc.lower(start - 1));
        COMPANY_ATTRIBUTES.contains(&(noun, preposition))
    }
}

/// How sure the name recognizer must be of a name no rule typed: below, it is mostly a
/// capitalized common word or a product it took for a name (on the public sets).
const LEARNED_NAME_CONFIDENCE: f32 = 0.95;

/// What the learned name recognizer tagged the words of a name with, when it is sure.
fn learned_kind(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    u: &Unknown,
) -> Option<(EntityKind, &'static str, f32)> {
    // "Officials said …", "Gameplay is …": a capital at the start of a sentence or a
    // headline makes any word look like a name; one English word there is none.
    if u.sentence_initial
        && u.range.len() == 1
        && lexicons().is_english_word(doc.word(u.range.start))
    {
        return None;
    }
    let span = Span::new(
        doc.tokens[u.range.start].start,
        doc.tokens[u.range.end - 1].end,
    );
    let (kind, confidence) = analysis
        .name_kind(span)
        .filter(|&(_, c)| c >= LEARNED_NAME_CONFIDENCE)?;
    // "Tory plans", "under Tory and Labour governments": a party's adjective alone
    // names no person.
    if kind == EntityKind::Person
        && u.range.len() == 1
        && super::PARTY_ADJECTIVES.contains(&doc.word(u.range.start))
    {
        return None;
    }
    let rule = match kind {
        EntityKind::Person => "person:recognizer",
        EntityKind::Organization => "organization:recognizer",
        _ => "place:recognizer",
    };
    Some((kind, rule, confidence))
}

/// Nouns that end the names of documents, which "say" things as people do.
const DOCUMENT_NOUNS: &[&str] = &[
    "act",
    "bill",
    "book",
    "charter",
    "code",
    "dictionary",
    "directive",
    "guide",
    "index",
    "law",
    "markets",
    "paper",
    "poll",
    "report",
    "review",
    "study",
    "survey",
    "treaty",
    "world",
];

/// "Human Rights Watch said …", "… , said Vardby Rail Watch": a name of several words
/// that neither a rule nor the recognizer typed, but that is the subject of a speech
/// verb, is someone who speaks — a person when it reads as a personal name, else an
/// organization (a place speaks only by a name the gazetteer already knows).
fn speaker_kind(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    u: &Unknown,
) -> Option<(EntityKind, &'static str, f32)> {
    if u.range.len() < 2 {
        return None;
    }
    let span = Span::new(
        doc.tokens[u.range.start].start,
        doc.tokens[u.range.end - 1].end,
    );
    let words = analysis.words_in(span);
    let head = words
        .clone()
        .find(|&w| analysis.words[w].head.is_none_or(|h| !words.contains(&h)))?;
    let verb = analysis.words[head].head?;
    let lex = lexicons();
    let speaks = analysis.deprel(head) == "nsubj"
        && !lex.speech_verb(&analysis.words[verb].lemma).is_empty();
    if !speaks {
        return None;
    }
    let first = doc.word(u.range.start);
    let last = doc.word(u.range.end - 1);
    // "Labour MPs", "South Africans", "Women MPs": a group of people, no one's name.
    let singular = last.strip_suffix('s').unwrap_or(last);
    let people = lex.demonym(doc.slice(u.range.start, u.range.end)).is_some()
        || lex.demonym(last).is_some()
        || lex.demonym(singular).is_some()
        || lex.is_title(&singular.to_lowercase());
    // "Australian Lynton Crosby", "December Microsoft", "Shadow …", "Bookmakers
    // Ladbrokes": a descriptor, date or title glued on at the front leaves the name's
    // start unknown.
    let first_lower = first.to_lowercase();
    let glued = lex.demonym(first).is_some()
        || lex.is_title_modifier(&first_lower)
        || lex.is_org_descriptor(first_lower.strip_suffix('s').unwrap_or(&first_lower))
        || lex.month(first).is_some()
        || lex.is_title_start(&first_lower)
        || lex.is_honorific(first);
    // "the Beige Book says", "the Act says": documents say things too.
    let document = DOCUMENT_NOUNS.contains(&last.to_lowercase().as_str());
    if people || glued || document {
        return None;
    }
    // "JF Sullivan", "E. Hayot": initials and a surname.
    let initials = first.trim_end_matches('.').len() <= 2
        && first.chars().all(|c| c.is_uppercase() || c == '.')
        && !lex.is_english_word(last);
    Some(
        if initials || looks_like_full_name(doc, &u.range) && !names_things(doc, &u.range) {
            (EntityKind::Person, "person:speaker-name", 0.6)
        } else {
            (EntityKind::Organization, "organization:speaker-name", 0.6)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions of the capitalized words of `text`, each with a kind and a rule.
    fn typed(doc: &Document<'_>, kinds: &[(EntityKind, &'static str, f32)]) -> Vec<Mention> {
        let capitals =
            (0..doc.tokens.len()).filter(|&k| doc.word(k).starts_with(|c: char| c.is_uppercase()));
        capitals
            .zip(kinds)
            .map(|(k, &(kind, rule, confidence))| mention(doc, k..k + 1, kind, rule, confidence))
            .collect()
    }

    #[test]
    fn a_name_keeps_one_kind_in_an_article() {
        use EntityKind::*;
        let doc = Document::new("Vantor fell. Vantor rose. Vantor hired. Lind left. Lind won.");
        // The recognizer was surer of "organization" over all three occurrences.
        let mut mentions = typed(
            &doc,
            &[
                (Person, "person:recognizer", 0.9),
                (Organization, "organization:recognizer", 0.7),
                (Organization, "organization:recognizer", 0.7),
                (Person, "person:recognizer", 0.6),
                (Person, "person:recognizer", 0.99),
            ],
        );
        one_kind_per_name(&mut mentions);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [Organization, Organization, Organization, Person, Person]
        );
        assert_eq!(mentions[0].rule, "alias:repeated-name");
        assert_eq!(mentions[1].rule, "organization:recognizer");
        // A rule's kind wins over the recognizer's, however sure.
        let mut mentions = typed(
            &doc,
            &[
                (Person, "person:recognizer", 0.99),
                (Person, "person:recognizer", 0.99),
                (Organization, "organization:after-descriptor", 0.5),
            ],
        );
        one_kind_per_name(&mut mentions);
        assert!(mentions.iter().all(|m| m.kind == Organization));
    }
}
