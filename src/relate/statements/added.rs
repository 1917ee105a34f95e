//! "He added": whoever adds something has said something before.

use super::StatementFact;
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::recognize::Mention;
use crate::relate::Ctx;
use std::ops::Range;

/// How many sentences back the speaker of "he added" is looked for.
const SPEAKER_WITHIN: usize = 6;

/// Gives a statement made with "he/she added" to the last person of the pronoun's sex
/// who made a statement in the sentences before, where the pronoun was taken for
/// someone who said nothing there: "Coach Tom Reyes said: “…” The side won with Erik
/// Dahl's late drive. He added: “…”" is Reyes again, not Dahl. The quotations that run
/// on from it go with it.
pub(super) fn give_additions_to_last_speakers(ctx: &Ctx<'_, '_>, statements: &mut [StatementFact]) {
    for k in 0..statements.len() {
        let start = token_at(ctx, statements[k].text_span.start);
        let sentence = ctx.sentence(start);
        let Some(pronoun) = adding_pronoun(ctx, sentence.clone()) else {
            continue;
        };
        let floor = ctx.sentences_back(sentence.start, SPEAKER_WITHIN);
        let before: Vec<usize> = statements[..k]
            .iter()
            .filter(|s| {
                let t = token_at(ctx, s.text_span.start);
                t >= floor && t < sentence.start
            })
            .map(|s| s.speaker)
            .collect();
        let given = statements[k].speaker;
        let mentions = &ctx.rec.mentions;
        if before
            .iter()
            .any(|&m| same_person(&mentions[m], &mentions[given]))
            || was_a_subject(ctx, sentence.clone(), pronoun, given)
            || named_speaking_before(ctx, sentence.start..pronoun, given)
        {
            continue;
        }
        let she = ctx.lower(pronoun) == "she";
        let fits = |m: &Mention| {
            m.kind == EntityKind::Person
                && m.sex
                    .is_none_or(|s| (s == crate::lexicon::Sex::Female) == she)
        };
        let Some(&speaker) = before.iter().rev().find(|&&m| fits(&mentions[m])) else {
            continue;
        };
        statements[k].speaker = speaker;
        for next in &mut statements[k + 1..] {
            if next.evidence.rule != "statement:continued-quote" || next.speaker != given {
                break;
            }
            next.speaker = speaker;
        }
    }
}

/// Whether the person of mention `given` is a subject, other than the pronoun, in the
/// sentence of "he added" or was one in the two before it: "Keeper Tom Reyes echoed
/// the coach. “…,” he added" — he spoke there, in his way, and adds to it; "“…,” said
/// Tom Reyes, though he added …".
fn was_a_subject(ctx: &Ctx<'_, '_>, sentence: Range<usize>, pronoun: usize, given: usize) -> bool {
    let tree = &ctx.tree;
    let floor = ctx.sentences_back(sentence.start, 2);
    let mentions = &ctx.rec.mentions;
    tree.words_in(floor..sentence.end).any(|w| {
        let t = tree.token(w);
        t != pronoun
            && tree.deprel(w).starts_with("nsubj")
            && !ctx.quoted[t]
            && ctx
                .named_by(w)
                .is_some_and(|m| same_person(&mentions[m], &mentions[given]))
    })
}

/// Whether mention `given` stands in `run` (outside quotation marks) after a speech
/// verb there: "“…,” said striker Tom Reyes, though he added …" — he spoke in that
/// very sentence.
fn named_speaking_before(ctx: &Ctx<'_, '_>, run: Range<usize>, given: usize) -> bool {
    let at = ctx.rec.mentions[given].tokens.start;
    run.contains(&at)
        && (run.start..at)
            .any(|t| !ctx.quoted[t] && !lexicons().speech_verb(ctx.word(t)).is_empty())
}

/// The token whose text starts at or covers byte `at`.
fn token_at(ctx: &Ctx<'_, '_>, at: usize) -> usize {
    let tokens = &ctx.doc.tokens;
    tokens
        .partition_point(|t| t.end <= at)
        .min(tokens.len().saturating_sub(1))
}

/// The "he" or "she" outside quotation marks that is the subject of "add" in a sentence.
fn adding_pronoun(ctx: &Ctx<'_, '_>, sentence: Range<usize>) -> Option<usize> {
    let tree = &ctx.tree;
    sentence.filter(|&t| !ctx.quoted[t]).find(|&t| {
        matches!(ctx.lower(t), "he" | "she") && {
            let w = tree.words_in(t..t + 1);
            w.len() == 1
                && tree.deprel(w.start).starts_with("nsubj")
                && tree.head(w.start).is_some_and(|v| tree.lemma(v) == "add")
        }
    })
}

/// Whether two mentions name one person: the same name, or one the other's surname
/// ("Tom Reyes", "Reyes").
fn same_person(a: &Mention, b: &Mention) -> bool {
    let last = |m: &Mention| m.name.rsplit(' ').next().unwrap_or_default().to_lowercase();
    a.name.eq_ignore_ascii_case(&b.name) || a.kind == b.kind && last(a) == last(b)
}
