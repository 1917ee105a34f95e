//! Words as Universal Dependencies counts them, cut from the segmenter's tokens.
//!
//! The treebanks the models learn from split contractions ("don't" → "do" + "n't",
//! "I'm" → "I" + "'m", "gonna" → "gon" + "na"), keep the full stop of an
//! abbreviation on its word ("Mr.", "J."), keep "..." and "--" whole, and keep a web
//! address or an e-mail address as one word. Every word is a slice of the text, so its
//! offsets are exact.

use crate::lexicon::lexicons;
use crate::model::Span;
use crate::segment::{Document, TokenKind};
use regex::Regex;
use std::sync::LazyLock;

/// What the treebanks keep as one word whatever punctuation it holds: web and e-mail
/// addresses, domain and file names ("example.com", "report.pdf"), dates and fractions
/// written with slashes ("08/16/2000"), emoticons (":-)"), "e-mail".
static ONE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
        \b(?:https?://|www\.)[^\s<>()\[\]{}]*[^\s<>()\[\]{}.,;:!?'‘’“”]
        | \b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b
        | \b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|co\.uk|htm|html|pdf|docx?|xlsx?|pptx?|txt|jpe?g|gif|png|zip|exe)\b
        | \b\d{1,4}/\d{1,4}(?:/\d{2,4})?\b
        | (?:^|(?-x: ))[:;=][-o^']?[()\[\]dpo/\\|*]+(?:$|(?-x: ))
        | \be-mail\b
        ",
    )
    .expect("valid one-word pattern")
});

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Where a contraction splits a word, as a byte offset into it; `None` if it is no
/// contraction.
fn contraction_split(word: &str) -> Option<usize> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return None;
    }
    // "n't" takes the n with it: "do|n't", "ca|n't", "wo|n't".
    for ending in ["n't", "n\u{2019}t"] {
        if lower.ends_with(ending) && lower.len() > ending.len() {
            return Some(word.len() - ending.len());
        }
    }
    if lower == "cannot" {
        return Some(3);
    }
    if matches!(lower.as_str(), "gonna" | "wanna" | "gotta") {
        return Some(3);
    }
    let (at, apostrophe) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let ending = &lower[at + apostrophe.len_utf8()..];
    let before = &word[..at];
    (matches!(ending, "m" | "re" | "ve" | "ll" | "d" | "s")
        && !before.is_empty()
        && before.chars().all(char::is_alphabetic))
    .then_some(at)
}

/// The UD words of token range `tokens` of a document, as byte spans.
pub fn ud_words(doc: &Document<'_>, tokens: std::ops::Range<usize>) -> Vec<Span> {
    let text = doc.text;
    let mut words: Vec<Span> = Vec::with_capacity(tokens.len() + 4);
    let (from, to) = match (doc.tokens.get(tokens.start), tokens.end.checked_sub(1)) {
        (Some(first), Some(last)) if last >= tokens.start => (first.start, doc.tokens[last].end),
        _ => return words,
    };
    // (An emoticon's match takes the spaces around it; its word does not.)
    let addresses: Vec<Span> = ONE_WORD
        .find_iter(&text[from..to])
        .map(|m| {
            let found = m.as_str();
            let start = from + m.start() + (found.len() - found.trim_start().len());
            let end = from + m.end() - (found.len() - found.trim_end().len());
            Span::new(start, end)
        })
        .filter(|s| s.start < s.end)
        .collect();
    let mut next_address = addresses.iter().peekable();
    let mut i = tokens.start;
    while i < tokens.end {
        let t = doc.tokens[i];
        // An address swallows every token it covers.
        while next_address.next_if(|a| a.end <= t.start).is_some() {}
        if let Some(a) = next_address.peek().filter(|a| a.start <= t.start) {
            let mut end = t.end;
            while i + 1 < tokens.end && doc.tokens[i + 1].start < a.end {
                i += 1;
                end = doc.tokens[i].end;
            }
            words.push(Span::new(t.start, end));
            i += 1;
            continue;
        }
        let word = &text[t.start..t.end];
        let next = doc.tokens.get(i + 1).filter(|_| i + 1 < tokens.end);
        let glued = |n: &crate::segment::Token| !n.space_before;
        match t.kind {
            TokenKind::Word => {
                // "Mr." and "J.": the full stop belongs to the abbreviation.
                if let Some(n) = next.filter(|n| glued(n) && &text[n.start..n.end] == ".") {
                    let lex = lexicons();
                    let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                    if single || lex.is_abbreviation(word) || lex.is_honorific(word) {
                        words.push(Span::new(t.start, n.end));
                        i += 2;
                        continue;
                    }
                }
                match contraction_split(word) {
                    Some(at) => {
                        words.push(Span::new(t.start, t.start + at));
                        words.push(Span::new(t.start + at, t.end));
                    }
                    None => words.push(Span::new(t.start, t.end)),
                }
            }
            TokenKind::Punct => {
                // Runs of one mark ("...", "--", "!!!") are one word.
                let mark = word;
                let mut end = t.end;
                while i + 1 < tokens.end
                    && glued(&doc.tokens[i + 1])
                    && &text[doc.tokens[i + 1].start..doc.tokens[i + 1].end] == mark
                    && matches!(mark, "." | "-" | "!" | "?" | "*" | "=" | "_" | "~" | "+")
                {
                    i += 1;
                    end = doc.tokens[i].end;
                }
                words.push(Span::new(t.start, end));
            }
            _ => words.push(Span::new(t.start, t.end)),
        }
        i += 1;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        ud_words(&doc, 0..doc.tokens.len())
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_and_joins_as_the_treebanks_do() {
        let table: &[(&str, &[&str])] = &[
            ("I don't know", &["I", "do", "n't", "know"]),
            ("We can't, won't", &["We", "ca", "n't", ",", "wo", "n't"]),
            ("I cannot", &["I", "can", "not"]),
            (
                "I'm sure you're right",
                &["I", "'m", "sure", "you", "'re", "right"],
            ),
            ("it’s Kovač’s", &["it", "’s", "Kovač", "’s"]),
            ("gonna go", &["gon", "na", "go"]),
            ("O'Brien said", &["O'Brien", "said"]),
            (
                "Mr. Reyes met J. Smith.",
                &["Mr.", "Reyes", "met", "J.", "Smith", "."],
            ),
            (
                "Wait... no -- yes!!",
                &["Wait", "...", "no", "--", "yes", "!!"],
            ),
            (
                "the well-known U.S. firm",
                &["the", "well", "-", "known", "U.S.", "firm"],
            ),
            (
                "see https://example.org/a-b?x=1. or mail ann.lee@example.co.uk now",
                &[
                    "see",
                    "https://example.org/a-b?x=1",
                    ".",
                    "or",
                    "mail",
                    "ann.lee@example.co.uk",
                    "now",
                ],
            ),
            ("$5 (10%)", &["$", "5", "(", "10", "%", ")"]),
        ];
        for (text, expected) in table {
            assert_eq!(&words(text), expected, "{text}");
        }
    }

    #[test]
    fn odd_input_gives_words_inside_the_text() {
        for text in ["", "x", "😀😀 عربي", "'", "n't", "..."] {
            let doc = Document::new(text);
            for w in ud_words(&doc, 0..doc.tokens.len()) {
                assert!(
                    w.start < w.end
                        && text.is_char_boundary(w.start)
                        && text.is_char_boundary(w.end)
                );
            }
        }
    }
}
