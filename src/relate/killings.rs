//! Killings told with nouns rather than a verb of the clause:
//!
//! Rules:
//! - `killing:agent-noun` — "Reyes's assassin, Tom Lind", "Reyes assassin Tom Lind",
//!   "Tom Lind, the assassin of Reyes", "Tom Lind, Reyes's killer"
//! - `killing:event-noun` — "the assassination of Ana Reyes by Tom Lind"
//! - `killing:charge` — "Tom Lind, convicted of murdering Ana Reyes"
//!
//! The trigger is the noun (or verb form) as written, lower-cased.

use super::{Ctx, EventFact, Evidence};
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::segment::TokenKind;

const AGENT_NOUNS: &[&str] = &["assassin", "killer", "murderer"];
const EVENT_NOUNS: &[&str] = &["assassination", "murder", "killing", "slaying"];
/// Words that put a person on trial for a killing: "convicted of murdering".
const CHARGES: &[&str] = &["convicted", "charged", "accused", "suspected", "guilty"];
/// Verbs whose agent and victim are persons (lemmas of the action-verb lexicon).
const KILLING_VERBS: &[&str] = &["kill", "murder", "assassinate", "shoot", "slay", "stab"];

fn person(ctx: &Ctx<'_, '_>, m: usize) -> bool {
    ctx.kind(m) == EntityKind::Person
}

/// The person named at token `k`, past "the", "a", a job title and a few describing words
/// ("reporter Ana Reyes", "young nationalist Ana Reyes").
fn person_at(ctx: &Ctx<'_, '_>, mut k: usize) -> Option<usize> {
    if matches!(ctx.lower(k).as_str(), "the" | "a") {
        k += 1;
    }
    let limit = k + 3;
    while k < limit && ctx.rec.mention_starting_at(k).is_none() {
        if let Some(t) = ctx.rec.title_at(k) {
            k = ctx.rec.titles[t].tokens.end;
        } else if ctx
            .doc
            .tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && ctx.word(k).chars().next().is_some_and(char::is_lowercase)
        {
            k += 1;
        } else {
            break;
        }
    }
    ctx.rec.mention_starting_at(k).filter(|&m| person(ctx, m))
}

/// The person named right before token `end`, past a possessive: "Reyes's" → Reyes.
fn person_before(ctx: &Ctx<'_, '_>, end: usize) -> Option<usize> {
    let possessive = end > 0 && ctx.doc.tokens[end - 1].kind == TokenKind::Possessive;
    let end = if possessive { end - 1 } else { end };
    ctx.rec.mention_ending_at(end).filter(|&m| person(ctx, m))
}

fn killing(
    ctx: &Ctx<'_, '_>,
    trigger: usize,
    agent: usize,
    victim: usize,
    rule: &'static str,
) -> EventFact {
    let (a, b) = (
        &ctx.rec.mentions[agent].tokens,
        &ctx.rec.mentions[victim].tokens,
    );
    let start = a.start.min(b.start).min(trigger);
    let end = a.end.max(b.end).max(trigger + 1);
    EventFact {
        label: ctx.doc.slice(start, end).to_owned(),
        trigger: Some(ctx.lower(trigger)),
        agent: Some(agent),
        affected: Some(victim),
        date: ctx.first_date_in(ctx.sentence(trigger)),
        evidence: vec![Evidence {
            span: ctx.span(start, end),
            rule,
            confidence: 0.65,
        }],
        ..EventFact::default()
    }
}

/// Reads the killings told with nouns and adds them to `events`.
pub(super) fn find_killings(ctx: &Ctx<'_, '_>, events: &mut Vec<EventFact>) {
    let lex = lexicons();
    for i in 0..ctx.doc.tokens.len() {
        if ctx.quoted[i] {
            continue;
        }
        let w = ctx.lower(i);
        if AGENT_NOUNS.contains(&w.as_str()) {
            // "Reyes's assassin, Tom Lind" / "Reyes assassin Tom Lind"
            let victim = person_before(ctx, i);
            let next = if ctx.doc.is(i + 1, ",") { i + 2 } else { i + 1 };
            let agent_after = person_at(ctx, next);
            // "Tom Lind, the assassin of Reyes" / "Tom Lind, Reyes's killer"
            let article = i >= 1 && matches!(ctx.lower(i - 1).as_str(), "the" | "a");
            let comma_at = if article { i.saturating_sub(2) } else { i };
            let apposed = |comma: usize| {
                (comma >= 1 && ctx.doc.is(comma, ","))
                    .then(|| ctx.rec.mention_ending_at(comma))
                    .flatten()
                    .filter(|&m| person(ctx, m))
            };
            let found = match (victim, agent_after) {
                (Some(v), Some(a)) => Some((a, v)),
                (Some(v), None) => {
                    let owner_start = ctx.rec.mentions[v].tokens.start;
                    apposed(owner_start.saturating_sub(1)).map(|a| (a, v))
                }
                (None, _) if article && ctx.doc.is(i + 1, "of") => {
                    apposed(comma_at).zip(person_at(ctx, i + 2))
                }
                _ => None,
            };
            if let Some((agent, victim)) = found.filter(|(a, v)| a != v) {
                events.push(killing(ctx, i, agent, victim, "killing:agent-noun"));
            }
        } else if EVENT_NOUNS.contains(&w.as_str()) {
            // "the assassination (in 1999) of Ana Reyes by Tom Lind"
            let mut of = i + 1;
            while of < i + 5
                && (ctx.rec.date_at(of).is_some()
                    || ctx.doc.is(of, "in")
                    || ctx
                        .doc
                        .tokens
                        .get(of)
                        .is_some_and(|t| t.kind == TokenKind::Number))
            {
                of += 1;
            }
            if !ctx.doc.is(of, "of") {
                continue;
            }
            let Some(victim) = person_at(ctx, of + 1) else {
                continue;
            };
            let after = ctx.rec.mentions[victim].tokens.end;
            let agent = (after..ctx.sentence(i).end.min(after + 6))
                .find(|&k| ctx.lower(k) == "by")
                .and_then(|k| person_at(ctx, k + 1));
            if let Some(agent) = agent {
                events.push(killing(ctx, i, agent, victim, "killing:event-noun"));
            }
        }
        // "Tom Lind, convicted of murdering Ana Reyes"
        let verb = lex
            .action_verb(&w)
            .iter()
            .any(|e| KILLING_VERBS.contains(&e.lemma.as_str()));
        let charged = i >= 2
            && matches!(ctx.lower(i - 1).as_str(), "of" | "with" | "in")
            && CHARGES.contains(&ctx.lower(i - 2).as_str());
        if charged && (verb && w.ends_with("ing") || EVENT_NOUNS.contains(&w.as_str())) {
            let at = if ctx.doc.is(i + 1, "of") {
                i + 2
            } else {
                i + 1
            };
            let victim = person_at(ctx, at);
            let sentence = ctx.sentence(i);
            let charge = i - 2;
            let accused = ctx
                .subject_before(charge, sentence.start)
                .map(|(m, _)| m)
                .or_else(|| {
                    (charge >= 1 && ctx.doc.is(charge - 1, ","))
                        .then(|| ctx.rec.mention_ending_at(charge - 1))
                        .flatten()
                })
                .filter(|&m| person(ctx, m));
            if let Some((agent, victim)) = accused.zip(victim).filter(|(a, v)| a != v) {
                events.push(killing(ctx, i, agent, victim, "killing:charge"));
            }
        }
    }
}
