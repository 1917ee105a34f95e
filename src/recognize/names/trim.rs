//! What is no part of a name: trimmed off a piece before it is typed; and the
//! dateline and region shapes the typing rules ask about.

use super::*;

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

/// Takes off a name piece what is no part of a name: a leading function word or
/// "Former", a trailing connector, a flight number, a field before an official rank.
/// Returns the rest and whether a leading "The" went; `None` when nothing names
/// anything (a quoted model after a count).
pub(super) fn trim(
    doc: &Document<'_>,
    mut range: Range<usize>,
    around: &Around<'_, '_>,
) -> Option<(Range<usize>, bool)> {
    let lex = lexicons();
    // "Bookmakers Harvo say …": a plural organization noun opening the sentence says
    // what the name after it is, and is no part of it (not "Unions for …").
    if range.len() > 1
        && sentence_initial(doc, range.start)
        && lex.is_plural_org_descriptor(doc.word(range.start))
        && !lex.is_stopword(doc.word(range.start + 1))
    {
        range.start += 1;
    }
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
    // "On Tuesday Vantor said …": a weekday before a name is no part of it.
    if range.len() > 1
        && range.start > 0
        && doc.lower(range.start - 1) == "on"
        && lex.weekday(doc.word(range.start)).is_some()
    {
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
        return None;
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
    (!range.is_empty()).then_some((range, stripped_the))
}

/// Whether a comma and a state or country follow token `end` ("…, Texas", "…, Conn.").
pub(super) fn before_region(doc: &Document<'_>, end: usize) -> bool {
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
pub(super) fn dateline_agency(doc: &Document<'_>, range: &Range<usize>) -> bool {
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
pub(super) fn title_case(text: &str) -> String {
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
