//! The sentence splitter.

use super::{Token, TokenKind};
use crate::lexicon::lexicons;
use std::ops::Range;

/// A sentence: its byte span and the tokens it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Indices into the document's tokens.
    pub tokens: Range<usize>,
    /// The paragraph (line-separated block) it belongs to, counted from 0.
    pub paragraph: usize,
}

/// Groups tokens into sentences: a sentence ends at a line break, or after `.`, `!`,
/// `?` (and any closing quotes or brackets) when the next token starts a sentence and
/// the full stop does not belong to an abbreviation or an initial.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let lex = lexicons();
    let word = |i: usize| &text[tokens[i].start..tokens[i].end];
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut first = 0;
    let push = |from: usize, to: usize, paragraph: usize, out: &mut Vec<Sentence>| {
        if from < to {
            out.push(Sentence {
                start: tokens[from].start,
                end: tokens[to - 1].end,
                tokens: from..to,
                paragraph,
            });
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        if i > first && tokens[i].line_before {
            push(first, i, paragraph, &mut sentences);
            paragraph += 1;
            first = i;
        }
        let w = word(i);
        // "… in the U.S. The next day": an initialism's own full stop ends the sentence
        // when a capitalized function word follows.
        let initialism_end = w.len() > 2 && w.ends_with('.') && i + 1 < tokens.len() && {
            let next = word(i + 1);
            next.chars().next().is_some_and(char::is_uppercase)
                && lex.is_stopword(next)
                && next != "US"
        };
        let terminal = matches!(w, "." | "!" | "?" | "\u{2026}") || initialism_end;
        if terminal && !ends_abbreviation(text, tokens, i, lex) {
            // Take closing quotes and brackets along.
            let mut end = i + 1;
            while end < tokens.len()
                && !tokens[end].space_before
                && (tokens[end].kind == TokenKind::CloseQuote
                    || matches!(word(end), ")" | "]" | "." | "’" | "'"))
            {
                end += 1;
            }
            let next_starts = end >= tokens.len()
                || tokens[end].line_before
                || starts_sentence(word(end), tokens[end].kind);
            if next_starts {
                push(first, end, paragraph, &mut sentences);
                // A sentence ending at a line break ends its paragraph too.
                if end < tokens.len() && tokens[end].line_before {
                    paragraph += 1;
                }
                first = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(first, tokens.len(), paragraph, &mut sentences);
    sentences
}

fn starts_sentence(word: &str, kind: TokenKind) -> bool {
    kind == TokenKind::OpenQuote
        || word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        || matches!(word, "(" | "[" | "‘" | "'")
}

/// Whether the full stop at token `i` belongs to the word before it.
fn ends_abbreviation(
    text: &str,
    tokens: &[Token],
    i: usize,
    lex: &crate::lexicon::Lexicons,
) -> bool {
    let w = &text[tokens[i].start..tokens[i].end];
    if w.len() > 2 && w.ends_with('.') {
        return false; // an initialism followed by a capitalized function word
    }
    if w != "." || i == 0 || tokens[i].space_before {
        return false;
    }
    let prev = &text[tokens[i - 1].start..tokens[i - 1].end];
    let single_initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
    single_initial
        || lex.is_abbreviation(prev)
        || lex.is_honorific(prev)
        || (prev.ends_with('.') && prev.len() <= 6)
}

#[cfg(test)]
mod tests {
    use crate::segment::Document;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = Document::new(text);
        doc.sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn tokens_are_lowered_once_with_their_own_letters() {
        let doc = Document::new("Mr. Ødegaard met ZINTREX's İlkay.");
        let lowered: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.lower(i)).collect();
        let words: Vec<String> = (0..doc.tokens.len())
            .map(|i| doc.word(i).to_lowercase())
            .collect();
        assert_eq!(lowered, words);
        assert!(lowered.contains(&"ødegaard"));
        assert_eq!(doc.lower(doc.tokens.len()), "");
    }

    #[test]
    fn numbers_paragraphs_at_line_breaks() {
        let doc = Document::new("One ends. Two ends.\n\n“Three,” she said.\n\nFour");
        let paragraphs: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 0, 1, 2]);
    }

    #[test]
    fn splits_where_sentences_end() {
        let table: &[(&str, &[&str])] = &[
            (
                "It rained. Then it stopped.",
                &["It rained.", "Then it stopped."],
            ),
            (
                "Mr. Smith arrived. He sat.",
                &["Mr. Smith arrived.", "He sat."],
            ),
            (
                "J. P. Morgan rose 3.2% today.",
                &["J. P. Morgan rose 3.2% today."],
            ),
            ("Acme Inc. said so. Fine.", &["Acme Inc. said so.", "Fine."]),
            ("“We won.” She smiled.", &["“We won.”", "She smiled."]),
            (
                "Headline here\n\nBody text.",
                &["Headline here", "Body text."],
            ),
            ("He said “a.” and left.", &["He said “a.” and left."]),
            (
                "It rose in the U.S. The next day it fell.",
                &["It rose in the U.S.", "The next day it fell."],
            ),
            ("The U.S. President spoke.", &["The U.S. President spoke."]),
            ("Fr. Tom Reyes spoke.", &["Fr. Tom Reyes spoke."]),
        ];
        for (text, expected) in table {
            assert_eq!(&sentences(text), expected, "{text}");
        }
    }
}
