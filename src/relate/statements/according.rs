//! "According to X": a source named by a preposition, not a verb.

use super::{date_outside, mentions_within};
use crate::relate::{Ctx, Evidence, StatementFact};
use crate::segment::TokenKind;

/// Statements attributed with "according to": "According to Vantor, sales rose 5%" and
/// "Sales rose 5%, according to Vantor" (the clause the phrase modifies is what X
/// said; quoted, "“…,” according to Olsen", it is a direct statement). Not when the
/// phrase sits inside its clause ("sales, according to Vantor, rose"): the words said
/// are not one run of text then. Statements already read (a quotation with its own
/// attribution) are left alone.
pub(super) fn according_to(ctx: &Ctx<'_, '_>, known: &[StatementFact]) -> Vec<StatementFact> {
    let tree = &ctx.tree;
    let mut found = Vec::new();
    for source in 0..tree.len() {
        let marks_source = tree.child(source, "case").is_some_and(|c| {
            ctx.lower(tree.token(c)) == "according"
                && tree
                    .child(c, "fixed")
                    .is_some_and(|f| tree.lemma(f) == "to")
        });
        if !marks_source {
            continue;
        }
        let (Some(speaker), Some(head)) = (ctx.named_by(source), tree.head(source)) else {
            continue;
        };
        let clause = tree.subtree_tokens(head);
        let phrase = tree.subtree_tokens(source);
        let kind = |k: usize| ctx.doc.tokens[k].kind;
        let mut content = if phrase.start <= clause.start + 1 {
            phrase.end..clause.end
        } else if phrase.end + 1 >= clause.end {
            clause.start..phrase.start
        } else {
            continue;
        };
        // Punctuation and quotation marks at either end are not words said; a
        // quotation said by X is a direct statement.
        let edge = |k: usize| {
            matches!(
                kind(k),
                TokenKind::Punct | TokenKind::OpenQuote | TokenKind::CloseQuote
            ) && ctx.word(k) != "%"
        };
        while content.start < content.end && edge(content.start) {
            content.start += 1;
        }
        while content.end > content.start && edge(content.end - 1) {
            content.end -= 1;
        }
        let direct = content.clone().all(|k| ctx.quoted[k]);
        let words = content
            .clone()
            .filter(|&k| matches!(kind(k), TokenKind::Word | TokenKind::Number))
            .count();
        let text_span = ctx.span(content.start, content.end);
        let overlaps = known
            .iter()
            .any(|s| s.text_span.start < text_span.end && text_span.start < s.text_span.end);
        if words < 3 || overlaps {
            continue;
        }
        let sentence = ctx.sentence(tree.token(source));
        found.push(StatementFact {
            speaker,
            direct,
            text: text_span.of(ctx.doc.text).trim().to_owned(),
            text_span,
            made_at: None,
            date: date_outside(ctx, sentence.clone(), content.clone()),
            mentions: mentions_within(ctx, content),
            evidence: Evidence {
                span: ctx.span(sentence.start, sentence.end),
                rule: "statement:according-to",
                confidence: 0.75 * tree.sureness(source),
            },
        });
    }
    found
}
