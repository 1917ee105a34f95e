//! What reported words can be: a clause, said — not a question put, a condition, a
//! phrase that only sets the scene — and where they start and end.

use super::speech_verb_at;
use crate::relate::Ctx;
use crate::relate::actions::in_a_headline;
use crate::segment::TokenKind;
use std::ops::Range;

/// The end of a sentence's content: before its final punctuation and closing quotes.
pub(super) fn content_end(ctx: &Ctx<'_, '_>, sentence: &Range<usize>) -> usize {
    let mut end = sentence.end;
    // ("rose 5%." keeps its "%").
    while end > sentence.start
        && matches!(
            ctx.doc.tokens[end - 1].kind,
            TokenKind::Punct | TokenKind::CloseQuote
        )
        && ctx.word(end - 1) != "%"
    {
        end -= 1;
    }
    end
}

/// Whether the clause opening at token `k`, reported by a verb of lemma `verb`, is a
/// yes-no question ("asked whether …", "asked if …"): it reports nothing said. ("said
/// if elected he would …" is a condition; "explained why …" reports an explanation.)
pub(super) fn asks(ctx: &Ctx<'_, '_>, k: usize, verb: &str) -> bool {
    ctx.lower(k) == "whether"
        || ctx.lower(k) == "if"
            && matches!(verb, "ask" | "wonder" | "inquire" | "enquire" | "query")
}

/// Whether words before an attribution can be what was said: a clause of their own, not
/// a phrase that sets the time or the topic ("Earlier this month, Vantor agreed …", "On
/// the subject of pay, Nina Olsen said …") nor a clause that only sets the scene for
/// the speaker's ("While the deal stalled, Vantor could claim …"). A headline's words
/// need no verb ("No tax rise, says Vantor").
pub(super) fn says_something(ctx: &Ctx<'_, '_>, content: Range<usize>) -> bool {
    if in_a_headline(ctx, content.start) {
        return true;
    }
    let tree = &ctx.tree;
    let words = tree.words_in(content);
    // (a verb, however the parser hung it, outside any clause that leans on another)
    let leans = |w: usize| {
        let mut x = Some(w);
        while let Some(v) = x.filter(|v| words.contains(v)) {
            if subordinated(ctx, v) {
                return true;
            }
            x = tree.head(v);
        }
        false
    };
    words
        .clone()
        .any(|w| matches!(tree.upos(w), "VERB" | "AUX") && !leans(w))
}

/// Whether the clause headed by word `w` opens with a subordinator of time, condition,
/// cause or concession ("while", "if", "because" …): it leans on another clause.
fn subordinated(ctx: &Ctx<'_, '_>, w: usize) -> bool {
    let tree = &ctx.tree;
    tree.children(w).iter().any(|&m| {
        tree.deprel(m) == "mark"
            && matches!(
                tree.lemma(m),
                "while"
                    | "whilst"
                    | "if"
                    | "unless"
                    | "when"
                    | "although"
                    | "though"
                    | "because"
                    | "since"
                    | "as"
                    | "after"
                    | "before"
                    | "once"
                    | "until"
                    | "whereas"
            )
    })
}

/// Whether the tree reads the speech verb at token `v` as leading to another ("tweeted
/// to say …", "went on to say …"): the words said belong to that one.
pub(super) fn leads_to_speech(ctx: &Ctx<'_, '_>, v: usize) -> bool {
    let tree = &ctx.tree;
    let w = tree.words_in(v..v + 1).start;
    tree.children(w).iter().any(|&c| {
        matches!(tree.deprel(c), "xcomp" | "advcl") && speech_verb_at(ctx, tree.token(c)).is_some()
    })
}

/// Whether a speech verb says nothing was said: negated ("did not say where"), the
/// complement of a failure, a refusal or a "yet" ("have yet to say where they will fall",
/// "declined to say whether"), or in a condition ("if Tom Reyes comes out and says he is
/// happy, …": nothing was said yet).
pub(super) fn unsaid(ctx: &Ctx<'_, '_>, v: usize) -> bool {
    let tree = &ctx.tree;
    let w = tree.words_in(v..v + 1).start;
    // ("even if the coach admitted …" grants that he did)
    let conditional = |c: usize| {
        tree.children(c).iter().any(|&m| {
            let t = tree.token(m);
            tree.deprel(m) == "mark"
                && matches!(tree.lemma(m), "if" | "unless")
                && !(t > 0 && ctx.lower(t - 1) == "even")
        })
    };
    ctx.negated(w)
        || tree.deprel(w) == "xcomp"
            && tree.head(w).is_some_and(|h| {
                ctx.negated(h) || matches!(tree.lemma(h), "fail" | "refuse" | "decline")
            })
        || conditional(w)
        || tree.deprel(w) == "conj" && tree.head(w).is_some_and(conditional)
}

/// Where words said without "that" start, past a date right after the verb: "said in
/// November 2003 he would stand down" — the date is when it was said.
pub(super) fn past_a_date(ctx: &Ctx<'_, '_>, start: usize, end: usize) -> usize {
    let mut k = start;
    if matches!(
        ctx.lower(k),
        "in" | "on" | "at" | "during" | "last" | "earlier"
    ) {
        k += 1;
    }
    let Some(d) = ctx.rec.date_at(k).map(|d| &ctx.rec.dates[d]) else {
        return start;
    };
    if d.tokens.start != k || d.tokens.end >= end {
        return start;
    }
    let mut k = d.tokens.end;
    while k < end && ctx.doc.tokens[k].kind == TokenKind::Punct {
        k += 1;
    }
    k
}
