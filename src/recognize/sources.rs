//! Source lines of monitored broadcasts and press: "LD0806223294 Vardby Radio Agder
//! Network in Norwegian 1900 GMT 8 Jun 94", or a short line "Vardby DAGSPOSTEN". The
//! town comes first, then the station or paper, then (in the long form) "in" and the
//! language of the original.

use super::Mention;
use super::names::{is_cap, mention};
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::segment::{Document, TokenKind};
use std::ops::Range;

/// The reference code that opens a long source line: capitals and digits, mostly
/// digits ("LD0806223294", "94WD0125D", "944E0738B").
fn is_source_code(word: &str) -> bool {
    let digits = word.bytes().filter(u8::is_ascii_digit).count();
    (8..=12).contains(&word.len())
        && digits >= 5
        && digits < word.len()
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

fn line_ends(doc: &Document<'_>, i: usize) -> bool {
    i >= doc.tokens.len() || doc.tokens[i].line_before
}

/// The longest known place name (up to four words) starting at token `i`.
fn place_at(doc: &Document<'_>, i: usize, blocked: &[bool]) -> Option<Range<usize>> {
    let lex = lexicons();
    (1..=4).rev().find_map(|len| {
        let end = i + len;
        let words = (i..end).all(|k| k < doc.tokens.len() && !blocked[k])
            && (i + 1..end).all(|k| !doc.tokens[k].line_before);
        let name = words.then(|| doc.slice(i, end))?;
        (lex.gazetteer(name).is_some()
            || lex.place(name).is_some()
            || lex.known_name(name) == Some(EntityKind::Place))
        .then_some(i..end)
    })
}

/// The station or paper after the town: capitalized words (and hyphens) up to "in" and a
/// capitalized language, or to the end of the line. `short` lines need every word in
/// capitals ("Vardby DAGSPOSTEN"), so that "Oslo Police" is not taken for a paper.
fn source_at(doc: &Document<'_>, i: usize, blocked: &[bool], short: bool) -> Option<usize> {
    let mut end = i;
    // "Vardby Agder-2 Television": a figure may follow a hyphen inside the name.
    let after_hyphen = |k: usize| k > i && doc.is(k - 1, "-") && !doc.tokens[k].space_before;
    while end < doc.tokens.len()
        && !blocked[end]
        && (end == i || !doc.tokens[end].line_before)
        && (is_cap(doc, end)
            || doc.is(end, "-") && end > i
            || doc.tokens[end].kind == TokenKind::Number && after_hyphen(end))
    {
        end += 1;
    }
    if end == i || doc.is(end - 1, "-") {
        return None;
    }
    // "Oslo NORDPOST (WEEKEND EDITION) in English": the section is no part of the name.
    let mut next = end;
    if doc.is(next, "(") {
        let close = (next + 1..(next + 6).min(doc.tokens.len())).find(|&k| doc.is(k, ")"));
        if let Some(close) = close.filter(|_| !line_ends(doc, next + 1)) {
            next = close + 1;
        }
    }
    let language_follows =
        doc.is(next, "in") && next + 1 < doc.tokens.len() && is_cap(doc, next + 1);
    let shouting = (i..end).all(|k| {
        doc.word(k)
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase())
    });
    // "Oslo Radio Vardby Network in Norwegian": a broadcaster says what it is.
    let broadcaster = (i..end).any(|k| {
        matches!(
            doc.word(k),
            "Radio" | "Television" | "Network" | "TV" | "Service"
        )
    });
    // "Vardby NORDPOST 30 Jan 94 p 1": a short line may end with the date.
    let dated = end < doc.tokens.len() && doc.tokens[end].kind == TokenKind::Number;
    // "Oslo KVT International": a station's acronym first.
    let acronym = doc.word(i).chars().filter(|c| c.is_alphabetic()).count() >= 2
        && doc.word(i).chars().all(|c| !c.is_lowercase());
    let ok = if short {
        shouting && (line_ends(doc, end) || dated)
            || (broadcaster || acronym) && (language_follows || line_ends(doc, end))
    } else {
        language_follows || line_ends(doc, end) || dated
    };
    ok.then_some(end)
}

/// Finds source lines; returns the town and the source of each, in text order, and
/// blocks their tokens (and the reference code's) from the other rules.
pub fn find_source_lines(doc: &Document<'_>, blocked: &mut [bool]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let code = is_source_code(doc.word(i));
        let short = !code && doc.tokens[i].line_before;
        if !(code || short) || blocked[i] {
            i += 1;
            continue;
        }
        let town_start = if code { i + 1 } else { i };
        let hit = (town_start < doc.tokens.len() && !line_ends(doc, town_start) || short)
            .then(|| place_at(doc, town_start, blocked))
            .flatten()
            .and_then(|town| {
                let end = source_at(doc, town.end, blocked, short)?;
                Some((town.clone(), town.end..end))
            });
        match hit {
            Some((town, source)) => {
                blocked[i..source.end].fill(true);
                found.push(mention(
                    doc,
                    town,
                    EntityKind::Place,
                    "place:source-line",
                    0.8,
                ));
                // "NORDPOST Domestic Service": the agency's home feed is the agency.
                let mut name = source.clone();
                if name.len() >= 3
                    && doc.is(name.end - 2, "Domestic")
                    && doc.is(name.end - 1, "Service")
                {
                    name.end -= 2;
                }
                found.push(mention(
                    doc,
                    name,
                    EntityKind::Organization,
                    "organization:source-line",
                    0.8,
                ));
                i = source.end;
            }
            None => {
                if code {
                    blocked[i] = true;
                }
                i += 1;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(text: &str) -> Vec<(String, EntityKind)> {
        let doc = Document::new(text);
        let mut blocked = vec![false; doc.tokens.len()];
        find_source_lines(&doc, &mut blocked)
            .into_iter()
            .map(|m| (m.name, m.kind))
            .collect()
    }

    #[test]
    fn reads_town_and_source() {
        use EntityKind::*;
        let table: &[(&str, &[(&str, EntityKind)])] = &[
            (
                "LD0806223294 Oslo Radio Vardby Network in Norwegian 1900 GMT 8 Jun 94\n\nText.",
                &[("Oslo", Place), ("Radio Vardby Network", Organization)],
            ),
            (
                "Report on drills OW1102132994 Tokyo NORDPOST in English 11 Feb 94",
                &[("Tokyo", Place), ("NORDPOST", Organization)],
            ),
            (
                "Oslo DAGSPOSTEN\n\nThe paper said so.",
                &[("Oslo", Place), ("DAGSPOSTEN", Organization)],
            ),
            (
                "Oslo Radio Vardby Network in Norwegian 1900 GMT 8 Jun 94",
                &[("Oslo", Place), ("Radio Vardby Network", Organization)],
            ),
            (
                "Report 94WD0125D Oslo NORDPOST in Thai 20 Nov 93 pp 15, 18",
                &[("Oslo", Place), ("NORDPOST", Organization)],
            ),
            (
                "Oslo THE NORDPOST 30 Jan 94 pp 1, 15\n\nText.",
                &[("Oslo", Place), ("THE NORDPOST", Organization)],
            ),
            (
                "OW3004022094 Oslo NORDPOST Domestic Service in Norwegian 1149 GMT 29 Apr 94",
                &[("Oslo", Place), ("NORDPOST", Organization)],
            ),
            (
                "PM3001110194 Oslo THE DAILY NORDPOST 30 Jan 94 pp 1, 15\n\nText.",
                &[("Oslo", Place), ("THE DAILY NORDPOST", Organization)],
            ),
            (
                "Oslo KVT International\n\nText.",
                &[("Oslo", Place), ("KVT International", Organization)],
            ),
            (
                "NC1901223094 Oslo Agder-2 Television in Norwegian 1700 GMT 19 Jan 94",
                &[("Oslo", Place), ("Agder-2 Television", Organization)],
            ),
            (
                "40101006B Oslo NORDPOST (WEEKEND EDITION) in English 13 Apr 94 p 5",
                &[("Oslo", Place), ("NORDPOST", Organization)],
            ),
            (
                "Peking DAGSPOSTEN\n\nText.",
                &[("Peking", Place), ("DAGSPOSTEN", Organization)],
            ),
            // Not a source line: ordinary words after a town, or no town.
            ("Oslo Police said so.\n\nOslo Police", &[]),
            ("Vardby NORDPOST\n", &[]),
        ];
        for (text, expected) in table {
            let want: Vec<(String, EntityKind)> = expected
                .iter()
                .map(|(n, k)| ((*n).to_owned(), *k))
                .collect();
            assert_eq!(sources(text), want, "{text}");
        }
    }
}
