//! Titles of creative works — films, albums, books, shows — are capitalized like names
//! but name no person, organization or place: "the wartime drama Vardby Nights", "The
//! Long Winter, a quirky comedy", "their new album The Grey Record". Taken for names,
//! they become employers and homes of the people who star in them.

use super::*;

/// Nouns of creative works, as written before or in apposition to a title.
const WORK_NOUNS: &[&str] = &[
    "album",
    "anthem",
    "autobiography",
    "ballad",
    "ballet",
    "biopic",
    "blockbuster",
    "book",
    "cartoon",
    "comedy",
    "documentary",
    "drama",
    "epic",
    "film",
    "memoir",
    "movie",
    "musical",
    "novel",
    "opera",
    "play",
    "poem",
    "remake",
    "romcom",
    "sequel",
    "series",
    "single",
    "sitcom",
    "song",
    "soundtrack",
    "thriller",
];

/// Last words that make a capitalized run the title of a work ("The Grey Album", "The
/// Late Show").
const WORK_LAST_WORDS: &[&str] = &["Album", "Show", "Movie", "Musical", "Soundtrack"];

/// The text of analysis word `w`.
fn text<'a>(analysis: &Analysis<'_>, doc: &Document<'a>, w: usize) -> &'a str {
    analysis.words[w].span.of(doc.text)
}

fn is_work_noun(analysis: &Analysis<'_>, doc: &Document<'_>, w: usize) -> bool {
    text(analysis, doc, w)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
        && analysis.upos(w) == "NOUN"
        && WORK_NOUNS.contains(&analysis.words[w].lemma.as_str())
}

/// Whether a mention names a creative work, by one of these constructions:
/// - a work noun right before it, modifying it: "the film Vardby Nights", "TV series
///   Harbour Lights" (not "film star Tom Reyes": the noun must touch the name);
/// - a work noun in apposition, either way: "The Long Winter, a quirky comedy", "the
///   wartime drama Enigma";
/// - "The" and a last word that names a kind of work: "The Grey Album".
fn names_a_work(doc: &Document<'_>, analysis: &Analysis<'_>, m: &Mention) -> bool {
    let words = analysis.words_in(m.span);
    if words.is_empty() {
        return false;
    }
    let last = doc.word(m.tokens.end - 1);
    let the_before = m.tokens.start > 0 && doc.word(m.tokens.start - 1) == "The";
    if m.tokens.len() >= 2 && the_before && WORK_LAST_WORDS.contains(&last) {
        return true;
    }
    // The name's own head: its word whose head lies outside it.
    let Some(head) = words
        .clone()
        .find(|&w| analysis.words[w].head.is_none_or(|h| !words.contains(&h)))
    else {
        return false;
    };
    // Its head may be the next word when the name was cut short ("series Harbour
    // Harbour" read as two names).
    let continued = |h: usize| {
        h == words.end
            && text(analysis, doc, h)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    let before = words.start.checked_sub(1);
    let modifies = before.is_some_and(|b| {
        is_work_noun(analysis, doc, b)
            && analysis.words[b]
                .head
                .is_some_and(|h| words.contains(&h) || continued(h))
            && matches!(analysis.deprel(b), "compound" | "nmod" | "amod")
    });
    // "the wartime drama Enigma", "the box-office success, The Long Harbour": only a
    // comma, an article or a quotation mark between the noun and the title.
    let apposed_to_work = analysis.deprel(head) == "appos"
        && analysis.words[head].head.is_some_and(|h| {
            is_work_noun(analysis, doc, h)
                && h < words.start
                && (h + 1..words.start).all(|w| {
                    matches!(
                        text(analysis, doc, w),
                        "," | "The" | "A" | "An" | "\"" | "\u{201c}" | "'" | "\u{2018}"
                    )
                })
        });
    // "The Long Harbour, a quirky comedy": the work noun after a comma after the title.
    let after_comma = words.end < analysis.words.len() && text(analysis, doc, words.end) == ",";
    let work_apposed = after_comma
        && analysis.sentences[sentence_index(analysis, head)]
            .clone()
            .any(|w| {
                w > words.end
                    && analysis.words[w].head == Some(head)
                    && analysis.deprel(w) == "appos"
                    && is_work_noun(analysis, doc, w)
            });
    modifies || apposed_to_work || work_apposed
}

fn sentence_index(analysis: &Analysis<'_>, word: usize) -> usize {
    analysis.sentences.partition_point(|s| s.end <= word)
}

/// Drops the mentions that name creative works, and the article's other mentions of the
/// same names (a film's title said again is the film again).
pub(super) fn drop_works(doc: &Document<'_>, analysis: &Analysis<'_>, mentions: &mut Vec<Mention>) {
    let works: HashSet<String> = mentions
        .iter()
        .filter(|m| names_a_work(doc, analysis, m))
        .map(|m| m.name.clone())
        .collect();
    mentions.retain(|m| !works.contains(&m.name));
}
