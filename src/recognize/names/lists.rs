//! Names retyped by the company they keep: a country that plays a match, a town's
//! government, names listed after a plural organization noun.

use super::*;

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
pub(super) fn national_teams(doc: &Document<'_>, mentions: &mut [Mention]) {
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
pub(super) fn city_governments(doc: &Document<'_>, mentions: &mut [Mention]) {
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
pub(super) fn named_with_their_noun(doc: &Document<'_>, mentions: &mut [Mention]) {
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
pub(super) fn listed_organizations(doc: &Document<'_>, mentions: &mut Vec<Mention>) {
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
