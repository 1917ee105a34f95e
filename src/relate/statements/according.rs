//! "According to X": a source named by a preposition, not a verb.

use super::{date_outside, mentions_within};
use crate::relate::{Ctx, Evidence, StatementFact};
use crate::segment::TokenKind;

/// Statements attributed with "according to": "According to Vantor, sales rose 5%" and
/// "Sales rose 5%, according to Vantor" (the clause the phrase modifies is what X
/// said; quoted, "“…,” according to Olsen", it is a direct statement). Between a
/// clause's subject and its verb ("sales, according to Vantor, rose 5%") the words
/// said are the clause without the phrase. Statements already read (a quotation with its own attribution)
/// are left alone.
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
        // ("Sales, according to Vantor, rose": the phrase hung on the subject is about
        // the subject's clause.)
        let head = match tree.head(head) {
            Some(verb) if tree.deprel(head).starts_with("nsubj") => verb,
            _ => head,
        };
        let clause = tree.subtree_tokens(head);
        let phrase = tree.subtree_tokens(source);
        let kind = |k: usize| ctx.doc.tokens[k].kind;
        // (Inside its clause, the phrase and its commas are cut out of the words said.)
        let mut cut = None;
        let mut content = if phrase.start <= clause.start + 1 {
            phrase.end..clause.end
        } else if phrase.end + 1 >= clause.end {
            clause.start..phrase.start
        } else {
            // Only between a clause's own subject and its verb ("IBM, according to Lind,
            // has 30%"): not in a relative clause, nor before an apposition the parser
            // left outside the phrase.
            let own_subject = !tree
                .children_with(head, &["nsubj", "nsubj:pass", "expl", "csubj"])
                .is_empty();
            let verb_after = tree.token(head) >= phrase.end;
            // (or a verb right after the phrase, however the parser hung the subject)
            let after_comma = phrase.end + usize::from(ctx.doc.is(phrase.end, ","));
            let verb_follows = tree
                .words_in(after_comma..after_comma + 1)
                .next()
                .is_some_and(|w| matches!(tree.upos(w), "VERB" | "AUX"));
            // (and no verb before it: "… has been a success and, according to X, is …" is
            // not one clause)
            let verb_before = tree
                .words_in(clause.start..phrase.start)
                .any(|w| matches!(tree.upos(w), "VERB" | "AUX"));
            if !(own_subject && verb_after || verb_follows)
                || verb_before
                || tree.deprel(head).starts_with("acl")
            {
                continue;
            }
            let start = if ctx.word(phrase.start - 1) == "," {
                phrase.start - 1
            } else {
                phrase.start
            };
            let end = if ctx.doc.is(phrase.end, ",") {
                phrase.end + 1
            } else {
                phrase.end
            };
            cut = Some(start..end);
            clause.clone()
        };
        // Punctuation and quotation marks at either end are not words said; a
        // quotation said by X is a direct statement.
        let edge = |k: usize| {
            matches!(
                kind(k),
                TokenKind::Punct | TokenKind::OpenQuote | TokenKind::CloseQuote
            ) && ctx.word(k) != "%"
        };
        // (nor is the "and" that joined the clause to the one before)
        while content.start < content.end
            && (edge(content.start) || matches!(ctx.lower(content.start), "and" | "or"))
        {
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
        let text = match cut {
            Some(cut) => format!(
                "{} {}",
                ctx.span(content.start, cut.start).of(ctx.doc.text).trim(),
                ctx.span(cut.end, content.end).of(ctx.doc.text).trim()
            ),
            None => text_span.of(ctx.doc.text).trim().to_owned(),
        };
        found.push(StatementFact {
            speaker,
            direct,
            text,
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
