//! The tokenizer: words, numbers, punctuation, quotes and possessives.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes and initialisms such as "U.S.").
    Word,
    /// Digits, with inner separators ("13,000", "1.97bn").
    Number,
    /// An opening quotation mark.
    OpenQuote,
    /// A closing quotation mark.
    CloseQuote,
    /// The possessive ending "’s", "'s" or a bare "’" after a plural.
    Possessive,
    /// Any other single character that is not a space.
    Punct,
}

/// A token with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its kind.
    pub kind: TokenKind,
    /// Whether white space separates it from the previous token.
    pub space_before: bool,
    /// Whether a line break separates it from the previous token.
    pub line_before: bool,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36f}')
}

/// Splits a text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let char_at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut space_before = true;
    let mut line_before = true;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            space_before = true;
            line_before |= c == '\n';
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_numeric() {
            i += 1;
            while let Some(c) = char_at(i) {
                if c.is_alphanumeric() {
                    i += 1;
                } else if matches!(c, '.' | ',') && char_at(i + 1).is_some_and(char::is_numeric) {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = TokenKind::Number;
        } else if is_word_char(c) {
            i += 1;
            loop {
                match char_at(i) {
                    Some(c) if is_word_char(c) => i += 1,
                    // O'Brien, don't — but not the possessive 's
                    Some(a) if is_apostrophe(a) => {
                        let next = char_at(i + 1);
                        let after = char_at(i + 2);
                        let possessive =
                            matches!(next, Some('s' | 'S')) && !after.is_some_and(is_word_char);
                        if next.is_some_and(is_word_char) && !possessive {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    // initialisms: U.S., e.g.
                    Some('.')
                        if i - start == 1
                            && char_at(i + 1).is_some_and(|c| c.is_alphabetic())
                            && char_at(i + 2) == Some('.') =>
                    {
                        i += 3;
                        while char_at(i).is_some_and(|c| c.is_alphabetic())
                            && char_at(i + 1) == Some('.')
                        {
                            i += 2;
                        }
                    }
                    _ => break,
                }
            }
            kind = TokenKind::Word;
        } else if is_apostrophe(c)
            && matches!(char_at(i + 1), Some('s' | 'S'))
            && !char_at(i + 2).is_some_and(is_word_char)
            && !space_before
        {
            i += 2;
            kind = TokenKind::Possessive;
        } else {
            i += 1;
            kind = match c {
                '\u{201c}' | '\u{201e}' | '\u{ab}' => TokenKind::OpenQuote,
                '\u{201d}' | '\u{bb}' => TokenKind::CloseQuote,
                '"' => {
                    // A straight quote opens after a space or an opening bracket.
                    let prev = start.checked_sub(1).and_then(char_at);
                    if prev.is_none_or(|p| p.is_whitespace() || "([{-\u{2014}".contains(p)) {
                        TokenKind::OpenQuote
                    } else {
                        TokenKind::CloseQuote
                    }
                }
                c if is_apostrophe(c)
                    && !space_before
                    && start
                        .checked_sub(1)
                        .and_then(char_at)
                        .is_some_and(|p| p == 's' || p == 'S')
                    && !char_at(i).is_some_and(is_word_char) =>
                {
                    TokenKind::Possessive
                }
                _ => TokenKind::Punct,
            };
        }
        tokens.push(Token {
            start: byte_at(start),
            end: byte_at(i),
            kind,
            space_before,
            line_before,
        });
        space_before = false;
        line_before = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn splits_possessives_hyphens_and_punctuation() {
        let table: &[(&str, &[&str])] = &[
            ("China’s ministry", &["China", "’s", "ministry"]),
            (
                "Zintrex-affiliated Harvo",
                &["Zintrex", "-", "affiliated", "Harvo"],
            ),
            ("the U.S. government", &["the", "U.S.", "government"]),
            ("don't stop", &["don't", "stop"]),
            ("O'Brien said", &["O'Brien", "said"]),
            (
                "up 4.3% to £1.97bn",
                &["up", "4.3", "%", "to", "£", "1.97bn"],
            ),
            ("13,000 jobs.", &["13,000", "jobs", "."]),
            ("the Barclays’ offer", &["the", "Barclays", "’", "offer"]),
            ("Ana Kovač,", &["Ana", "Kovač", ","]),
        ];
        for (text, expected) in table {
            assert_eq!(&words(text), expected, "{text}");
        }
    }

    #[test]
    fn quotes_know_their_side() {
        let kinds: Vec<TokenKind> = tokenize("“a” \"b\" 'c'").iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], TokenKind::OpenQuote);
        assert_eq!(kinds[2], TokenKind::CloseQuote);
        assert_eq!(kinds[3], TokenKind::OpenQuote);
        assert_eq!(kinds[5], TokenKind::CloseQuote);
    }

    #[test]
    fn offsets_are_exact_for_non_ascii_text() {
        let text = "Chen said “Ça va” — Kovač’s";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start < t.end);
        }
    }
}
