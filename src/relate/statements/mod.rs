//! Statements: who said what, in quotation marks or in reported speech.
//!
//! Rules:
//! - `statement:quote-then-attribution` — “…,” said Chen / “…,” he said
//! - `statement:attribution-then-quote` — Solberg sent a letter, saying that “…”
//! - `statement:attribution-then-open-quote` — Reyes added: “… (the quotation runs on into
//!   the next paragraph)
//! - `statement:continued-quote` — a quotation with no attribution of its own, next to
//!   one that has it, or following the same speaker's last statement
//! - `statement:reported-after-verb` — Chen noted that … / Reyes said it was wrong …
//! - `statement:reported-before-attribution` — …, Acme CEO Mary Lou Chen told the conference
//! - `statement:reported-clause` — the clause a speech verb takes or stands beside, read
//!   off the tree: "Chen said (that) the bank would pay"
//! - `statement:according-to` — "According to Vantor, sales rose", "…, according to Chen"

mod according;
mod added;
mod direct;
mod reported;
mod said;

use super::events::EventRefs;
use super::{Ctx, StatementFact};
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::segment::TokenKind;
use std::collections::HashSet;
use std::ops::Range;

/// Reads the statements of a document.
pub(super) fn find_statements(ctx: &Ctx<'_, '_>, events: &EventRefs) -> Vec<StatementFact> {
    let mut used_verbs = HashSet::new();
    let mut statements = direct::direct_statements(ctx, events, &mut used_verbs);
    statements.extend(reported::reported_statements(ctx, events, &used_verbs));
    let according = according::according_to(ctx, &statements);
    statements.extend(according);
    statements.sort_by_key(|s| s.text_span);
    added::give_additions_to_last_speakers(ctx, &mut statements);
    statements
}

/// A speech verb at token `v`: its lemma, where the verb (with particle) ends, and
/// whether it needs a "that" clause to report speech.
pub(super) fn speech_verb_at(ctx: &Ctx<'_, '_>, v: usize) -> Option<(String, usize, bool)> {
    if ctx.doc.tokens[v].kind != TokenKind::Word {
        return None;
    }
    let entries = lexicons().speech_verb(ctx.word(v));
    for e in entries {
        match &e.particle {
            Some(p) if ctx.doc.is(v + 1, p) => return Some((e.lemma.clone(), v + 2, e.needs_that)),
            Some(_) => {}
            None => return Some((e.lemma.clone(), v + 1, e.needs_that)),
        }
    }
    None
}

pub(super) fn quote_text(
    ctx: &Ctx<'_, '_>,
    open: usize,
    close: usize,
) -> (String, crate::model::Span) {
    let mut end = close;
    while end > open + 1 && matches!(ctx.word(end - 1), "," | ";" | ":" | "\u{2013}" | "\u{2014}") {
        end -= 1;
    }
    let span = ctx.span(open + 1, end);
    (span.of(ctx.doc.text).trim().to_owned(), span)
}

/// When it was said: a date in the sentence but outside the words said ("said on
/// Monday that …", not "… achieved this year").
pub(super) fn date_outside(
    ctx: &Ctx<'_, '_>,
    sentence: Range<usize>,
    said: Range<usize>,
) -> Option<crate::model::DateValue> {
    ctx.rec
        .dates
        .iter()
        .find(|d| sentence.contains(&d.tokens.start) && !said.contains(&d.tokens.start))
        .map(|d| d.value)
}

pub(super) fn mentions_within(ctx: &Ctx<'_, '_>, range: Range<usize>) -> Vec<usize> {
    ctx.rec
        .mentions_in(range.clone())
        .filter(|&m| ctx.rec.mentions[m].tokens.end <= range.end)
        .collect()
}

/// The event a statement was made at, named in its attribution: "told the seventh
/// Global Ocean Forum", "said Chen, at this morning's session".
pub(super) fn made_at(events: &EventRefs, attribution: Range<usize>) -> Option<usize> {
    attribution.clone().find_map(|k| events.at(k))
}

/// Whether the speech verb at `v` is passive: "Reyes is said to be keen", "she was told
/// that …" (the subject is talked about, or listens).
pub(super) fn passive_at(ctx: &Ctx<'_, '_>, v: usize, sentence_start: usize) -> bool {
    let participle = ctx.lower(v).ends_with("ed")
        || matches!(
            ctx.lower(v),
            "said" | "told" | "thought" | "known" | "written" | "spoken"
        );
    let be = |k: usize| {
        matches!(
            ctx.lower(k),
            "is" | "are" | "was" | "were" | "be" | "been" | "being"
        )
    };
    // ("is widely said")
    let adverb = v > sentence_start + 1 && ctx.lower(v - 1).ends_with("ly");
    participle && (v > sentence_start && be(v - 1) || adverb && be(v - 2))
}

/// Whether the subject starting at `p` opens a clause under a wh-word ("who they say they
/// are", "what he says"): a clause, not a statement.
pub(super) fn in_wh_clause(ctx: &Ctx<'_, '_>, p: usize, sentence_start: usize) -> bool {
    p > sentence_start
        && matches!(
            ctx.lower(p - 1),
            "who" | "what" | "whom" | "whether" | "how" | "where" | "when" | "why"
        )
}

/// Who says what a speech verb reports: its subject, or the subject of the verb its
/// participle hangs on ("rallied supporters, saying: …").
pub(super) fn speaker_in_tree(ctx: &Ctx<'_, '_>, verb: usize) -> Option<usize> {
    let tree = &ctx.tree;
    let mut v = verb;
    for _ in 0..3 {
        if let Some(subject) = ctx.subject_of(v) {
            return ctx
                .named_by(subject)
                .filter(|&m| !ctx.quoted[ctx.rec.mentions[m].tokens.start]);
        }
        let head = tree.head(v)?;
        // "…, rallied supporters, saying: …", "tweeted to say …"; "resigned and said
        // …" — but not across a name ("Britain was cautious, but Olsen said …" misread
        // without "Olsen").
        let non_finite = matches!(tree.deprel(v), "advcl" | "xcomp") && !tree.is_finite(v);
        let across_a_name = ctx
            .rec
            .mentions_in(tree.token(head)..tree.token(v))
            .any(|m| matches!(ctx.kind(m), EntityKind::Person | EntityKind::Organization));
        if !(non_finite || tree.deprel(v) == "conj" && !across_a_name) {
            return None;
        }
        v = head;
    }
    None
}
