//! "Silver" name tags for the name recognizer to learn news contexts from: the names
//! that newsgraph's rules and lexicons type in news articles — the learned recognizer
//! switched off, so the tags do not depend on the model they train — in Universal
//! NER's IOB2 format (`examples/silver_names.rs` writes them for PolNeAR's training
//! articles).
//!
//! Every word of a tagged name is replaced by an invented word of the same case ("Ofcom"
//! → "Tavobe"), the same invented word wherever the name recurs, except the words that
//! say what kind of name it is ("Group", "University", "of"). A recognizer that learns
//! from these sentences learns the company a name keeps ("shares in X", "X said it
//! would …"), not the names themselves, which are what it never saw before at run
//! time. Only sentences whose every capitalized proper noun is typed are written: a
//! name left untyped would teach that names are no names.
//!
//! An experiment, not part of `scripts/train-analyze.sh`: with PolNeAR's articles as
//! the silver news, the recognizer lost on GUM dev (names F1 0.666 → 0.621) and on half
//! of Universal NER's dev file (0.650 → 0.635, the other half trained on), and
//! extraction gained on GUM (0.844 → 0.851) but lost on CoNLL04 (0.847 → 0.845); see
//! NOTES.md. Political news teaches parties and chambers, not the companies whose
//! contexts the recognizer misses.

use crate::analyze::{analyze, models, words::ud_words};
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::recognize::recognize;
use crate::segment::Document;
use std::fmt::Write as _;

/// How sure a rule must be of a name for its sentence to be written.
const MIN_CONFIDENCE: f32 = 0.6;

/// An invented word for `word`, the same for the same word: syllables chosen by a hash,
/// in the case pattern of the original (all capitals stay all capitals).
pub fn invented(word: &str) -> String {
    const ONSETS: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr",
        "st", "tr", "gl",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
    const CODAS: &[&str] = &["", "", "n", "r", "s", "l", "k", "x"];
    // FNV-1a: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.to_lowercase().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    let mut next = |n: usize| {
        h ^= h >> 29;
        h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        (h >> 33) as usize % n
    };
    let syllables = 2 + next(2);
    let mut out = String::new();
    for _ in 0..syllables {
        out.push_str(ONSETS[next(ONSETS.len())]);
        out.push_str(VOWELS[next(VOWELS.len())]);
    }
    out.push_str(CODAS[next(CODAS.len())]);
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        out.truncate(letters.len().max(2));
        return out.to_uppercase();
    }
    let mut chars = out.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// Whether a word of a name says what kind of name it is, and so stays as written.
fn kind_word(word: &str) -> bool {
    let lex = lexicons();
    lex.is_stopword(word)
        || lex.is_org_suffix(word)
        || lex.is_legal_form(word)
        || lex.is_org_head(word)
        || lex.is_place_type(word)
        || lex.is_org_descriptor(word)
        || !word.chars().any(char::is_alphabetic)
}

/// Appends the IOB2 sentences of one article to `out` (sentence ids `ID-N`) and says
/// how many it wrote.
pub fn silver_sentences(text: &str, id: &str, out: &mut String) -> usize {
    let models = models();
    let doc = Document::new(text);
    let mut analysis = analyze(&doc, models);
    // The learned recognizer off: every word "O", no margin.
    for w in &mut analysis.words {
        w.name = 0;
        w.name_margin = 0.0;
    }
    let recognized = recognize(&doc, &analysis, None);
    let mut written = 0;
    for (k, sentence) in doc.sentences.iter().enumerate() {
        let words = ud_words(&doc, sentence.tokens.clone());
        let analysed = &analysis.sentences[k];
        if words.len() != analysed.len() || words.len() < 4 {
            continue;
        }
        let mut tags = vec!["O".to_owned(); words.len()];
        let mut covered = vec![false; words.len()];
        let mut unsure = false;
        let mut names = 0;
        for m in &recognized.mentions {
            let inside: Vec<usize> = (0..words.len())
                .filter(|&i| words[i].start >= m.span.start && words[i].end <= m.span.end)
                .collect();
            if inside.is_empty() {
                continue;
            }
            inside.iter().for_each(|&i| covered[i] = true);
            let label = match m.kind {
                // A demonym names a country by its people: no name in the text.
                EntityKind::Place if m.surface != m.name && !m.surface.is_empty() => continue,
                EntityKind::Person => "PER",
                EntityKind::Organization => "ORG",
                EntityKind::Place => "LOC",
                _ => continue,
            };
            unsure |= m.confidence < MIN_CONFIDENCE;
            names += 1;
            for (n, &i) in inside.iter().enumerate() {
                tags[i] = format!("{}-{label}", if n == 0 { "B" } else { "I" });
            }
        }
        // Dates and capitalized titles are no names either ("on Monday", "President").
        let spans = recognized
            .dates
            .iter()
            .map(|d| d.tokens.clone())
            .chain(recognized.titles.iter().map(|t| t.tokens.clone()))
            .filter(|r| !r.is_empty())
            .map(|r| (doc.tokens[r.start].start, doc.tokens[r.end - 1].end));
        for (start, end) in spans {
            for (i, w) in words.iter().enumerate() {
                covered[i] |= w.start >= start && w.end <= end;
            }
        }
        let lex = lexicons();
        let untyped = (1..words.len()).any(|i| {
            let word = words[i].of(text);
            // (A weekday is a date only given the day of publication.)
            let calendar = lex.weekday(word).is_some() || lex.month(word).is_some();
            !covered[i]
                && !calendar
                && analysis.upos(analysed.start + i) == "PROPN"
                && word.chars().next().is_some_and(char::is_uppercase)
        });
        if unsure || untyped || names == 0 {
            continue;
        }
        let _ = writeln!(out, "# sent_id = {id}-{}", k + 1);
        for (i, w) in words.iter().enumerate() {
            let word = w.of(text);
            let word = if tags[i] != "O" && !kind_word(word) {
                invented(word)
            } else {
                word.to_owned()
            };
            let _ = writeln!(out, "{}\t{word}\t{}", i + 1, tags[i]);
        }
        out.push('\n');
        written += 1;
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invented_words_keep_the_case_and_recur() {
        assert_eq!(invented("Ofcom"), invented("Ofcom"));
        assert_ne!(invented("Ofcom"), "Ofcom");
        assert_ne!(invented("Ofcom"), invented("Oftel"));
        assert!(invented("Ofcom").starts_with(|c: char| c.is_uppercase()));
        assert!(invented("Ofcom")[1..].chars().all(char::is_lowercase));
        let acronym = invented("BBC");
        assert!(acronym.len() >= 2 && acronym.chars().all(|c| c.is_ascii_uppercase()));
    }

    #[test]
    fn tags_the_names_the_rules_type_under_invented_words() {
        let mut out = String::new();
        let text = "Shares in the carmaker Brelmont rose on Monday.\n\n\
                    Tom Reyes, the chief executive of Vantor Group, said profits would rise.\n\n\
                    Zorbin Kalt Drevi Moss came on Monday.";
        let written = silver_sentences(text, "a", &mut out);
        let rows: Vec<(&str, &str)> = out
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| {
                let mut cells = l.split('\t').skip(1);
                Some((cells.next()?, cells.next()?))
            })
            .collect();
        let tag = |word: &str| rows.iter().find(|(w, _)| *w == word).map(|(_, t)| *t);
        // The names are gone; their tags, and the words of their kind, stay.
        assert!(!out.contains("Brelmont") && !out.contains("Reyes") && !out.contains("Vantor"));
        assert_eq!(tag(&invented("Brelmont")), Some("B-ORG"), "{out}");
        assert_eq!(tag(&invented("Tom")), Some("B-PER"), "{out}");
        assert_eq!(tag(&invented("Reyes")), Some("I-PER"), "{out}");
        assert_eq!(tag(&invented("Vantor")), Some("B-ORG"), "{out}");
        assert_eq!(tag("Group"), Some("I-ORG"), "{out}");
        assert_eq!(tag("carmaker"), Some("O"), "{out}");
        // The sentence with a name no rule types is left out.
        assert_eq!(written, 2, "{out}");
        assert!(!out.contains("Moss"), "{out}");
    }
}
