//! Text → tokens and sentences, with byte offsets into the original text.
//!
//! News text is messy: curly and straight quotes, possessives glued to names
//! ("China’s"), hyphenated modifiers ("Zintrex-affiliated"), abbreviations with
//! full stops ("Mr.", "U.S."). The tokenizer keeps every piece with its exact span
//! so later stages can point back at the words; the sentence splitter only cuts
//! where a full stop really ends a sentence, or at a line break.

mod sentence;
mod token;

pub use sentence::{Sentence, split_sentences};
pub use token::{Token, TokenKind, tokenize};

/// An article cut into tokens and sentences.
#[derive(Debug)]
pub struct Document<'a> {
    /// The text all offsets point into.
    pub text: &'a str,
    /// Every token, in text order.
    pub tokens: Vec<Token>,
    /// Every sentence, in text order; their token ranges cover `tokens`.
    pub sentences: Vec<Sentence>,
    /// The lower-case text of every token, end to end; `lower_ends[i]` ends token `i`'s.
    lowered: String,
    lower_ends: Vec<usize>,
}

impl<'a> Document<'a> {
    /// Segments a text.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        // Rules compare lower-case words all the time: lower each token once.
        let mut lowered = String::with_capacity(text.len());
        let lower_ends = tokens
            .iter()
            .map(|t| {
                let word = &text[t.start..t.end];
                if word.is_ascii() {
                    let from = lowered.len();
                    lowered.push_str(word);
                    lowered[from..].make_ascii_lowercase();
                } else {
                    lowered.extend(word.chars().flat_map(char::to_lowercase));
                }
                lowered.len()
            })
            .collect();
        Self {
            text,
            tokens,
            sentences,
            lowered,
            lower_ends,
        }
    }

    /// The lower-case text of token `i`, or "" past the last token.
    pub fn lower(&self, i: usize) -> &str {
        match self.lower_ends.get(i) {
            Some(&end) => {
                let start = if i == 0 { 0 } else { self.lower_ends[i - 1] };
                &self.lowered[start..end]
            }
            None => "",
        }
    }

    /// The text of token `i`, or "" past the last token (rules look ahead freely).
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.start..t.end])
    }

    /// The text from the start of token `from` to the end of token `to - 1`.
    pub fn slice(&self, from: usize, to: usize) -> &'a str {
        if from >= to {
            return "";
        }
        &self.text[self.tokens[from].start..self.tokens[to - 1].end]
    }

    /// Whether token `i` exists and its text equals `word`, ignoring case.
    pub fn is(&self, i: usize, word: &str) -> bool {
        i < self.tokens.len() && self.word(i).eq_ignore_ascii_case(word)
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentences
            .partition_point(|s| s.tokens.end <= i)
            .min(self.sentences.len().saturating_sub(1))
    }
}
