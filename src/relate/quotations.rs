//! Quotation marks: which tokens are quoted, which paragraphs are opinions (a reader
//! writing in the first person), and the pairs of marks that open and close quotations.

use crate::segment::{Document, TokenKind};

/// Whether each token lies inside quotation marks: between a pair, or after an opening
/// mark left open to the end of its paragraph or to the next opening mark (a quotation
/// that runs on over paragraphs closes only in the last one).
pub(super) fn quoted_tokens(doc: &Document<'_>) -> Vec<bool> {
    let mut quoted = vec![false; doc.tokens.len()];
    let mut open: Option<usize> = None;
    for (k, s) in doc.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            match doc.tokens[i].kind {
                // A new opening mark while one is open: the first ran on to here.
                TokenKind::OpenQuote => {
                    if let Some(o) = open.replace(i) {
                        quoted[o..i].fill(true);
                    }
                }
                TokenKind::CloseQuote => {
                    if let Some(o) = open.take() {
                        quoted[o..=i].fill(true);
                    }
                }
                _ => {}
            }
        }
        let paragraph_ends = doc
            .sentences
            .get(k + 1)
            .is_none_or(|next| next.paragraph != s.paragraph);
        if paragraph_ends && let Some(o) = open.take() {
            quoted[o..s.tokens.end].fill(true);
        }
    }
    quoted
}

/// Whether each token lies in a paragraph written in the first person singular outside
/// quotation marks ("I think his views are shared by many"): news reports in the third
/// person, so such a paragraph is a reader's comment or a columnist's opinion, and what
/// it tells is no reported fact.
pub(super) fn opinion_tokens(doc: &Document<'_>, quoted: &[bool]) -> Vec<bool> {
    let mut opinion = vec![false; doc.tokens.len()];
    let mut k = 0;
    while k < doc.sentences.len() {
        let paragraph = doc.sentences[k].paragraph;
        let end = doc.sentences[k..]
            .iter()
            .position(|s| s.paragraph != paragraph)
            .map_or(doc.sentences.len(), |n| k + n);
        let tokens = doc.sentences[k].tokens.start..doc.sentences[end - 1].tokens.end;
        // (Only sentences without any quotation mark count: which marks open and which
        // close is a guess in a sentence that has some.)
        let first_person = doc.sentences[k..end].iter().any(|s| {
            let words = s.tokens.clone();
            !words.clone().any(|t| {
                quoted[t]
                    || matches!(
                        doc.tokens[t].kind,
                        TokenKind::OpenQuote | TokenKind::CloseQuote
                    )
            }) && words.clone().any(|t| {
                // ("My" inside a sentence starts a title: "My Summer of Love")
                matches!(doc.word(t), "I" | "my" | "me") || doc.word(t) == "My" && t == words.start
            })
        });
        if first_person {
            opinion[tokens].fill(true);
        }
        k = end;
    }
    opinion
}

/// Pairs of quotation marks (opening, closing token) within each paragraph. A quotation
/// still open where its paragraph ends runs on into the next paragraph, which opens
/// again (the English convention for a quotation of several paragraphs): its part in
/// this paragraph ends at the paragraph's last token; one still open where another
/// opens ends before it.
pub(crate) fn quotes(doc: &Document<'_>) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    let mut paragraph = usize::MAX;
    for s in &doc.sentences {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            if let Some(o) = open.take() {
                pairs.push((o, s.tokens.start - 1));
            }
        }
        for i in s.tokens.clone() {
            match doc.tokens[i].kind {
                // A new opening mark while one is open: the first quotation was left
                // open (a scraped text that lost its paragraph break) and ends here.
                TokenKind::OpenQuote => {
                    if let Some(o) = open.replace(i) {
                        pairs.push((o, i - 1));
                    }
                }
                TokenKind::CloseQuote => {
                    if let Some(o) = open.take() {
                        pairs.push((o, i));
                    }
                }
                _ => {}
            }
        }
    }
    if let Some(o) = open {
        pairs.push((o, doc.tokens.len() - 1));
    }
    pairs
}
