//! Killings told with nouns rather than a verb of the clause:
//!
//! Rules:
//! - `killing:agent-noun` — "Reyes's assassin, Tom Lind", "Reyes assassin Tom Lind",
//!   "Tom Lind, the assassin of Reyes", "Tom Lind, Reyes's killer"
//! - `killing:event-noun` — "the assassination of Ana Reyes by Tom Lind"
//! - `killing:charge` — "Tom Lind, convicted of murdering Ana Reyes"
//! - `killing:verb-chain` — "Tom Lind allegedly shot and killed Ana Reyes", "Tom Lind,
//!   acting alone, fired the shots that killed Ana Reyes", "Tom Lind, who killed Ana Reyes"
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
    if matches!(ctx.lower(k), "the" | "a") {
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

pub(super) fn killing(
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
        trigger: Some(ctx.lower(trigger).to_owned()),
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
        if AGENT_NOUNS.contains(&w) {
            // "Reyes's assassin, Tom Lind" / "Reyes assassin Tom Lind"
            let victim = person_before(ctx, i);
            let next = if ctx.doc.is(i + 1, ",") { i + 2 } else { i + 1 };
            let agent_after = person_at(ctx, next);
            // "Tom Lind, the assassin of Reyes" / "Tom Lind, Reyes's killer"
            let article = i >= 1 && matches!(ctx.lower(i - 1), "the" | "a");
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
        } else if EVENT_NOUNS.contains(&w) {
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
            let victim = ctx
                .doc
                .is(of, "of")
                .then(|| person_at(ctx, of + 1))
                .flatten();
            if let Some(victim) = victim {
                let after = ctx.rec.mentions[victim].tokens.end;
                let agent = (after..ctx.sentence(i).end.min(after + 6))
                    .find(|&k| ctx.lower(k) == "by")
                    .and_then(|k| person_at(ctx, k + 1));
                if let Some(agent) = agent {
                    events.push(killing(ctx, i, agent, victim, "killing:event-noun"));
                }
            }
        }
        // "Tom Lind, convicted of murdering Ana Reyes"
        let verb = lex
            .action_verb(w)
            .iter()
            .any(|e| KILLING_VERBS.contains(&e.lemma.as_str()));
        let charged = i >= 2
            && matches!(ctx.lower(i - 1), "of" | "with" | "in")
            && CHARGES.contains(&ctx.lower(i - 2));
        if charged && (verb && w.ends_with("ing") || EVENT_NOUNS.contains(&w)) {
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
        // "Tom Lind was convicted of Reyes's murder"
        if EVENT_NOUNS.contains(&w) {
            if let Some(victim) = person_before(ctx, i) {
                let v = ctx.rec.mentions[victim].tokens.start;
                let charged = v >= 2
                    && matches!(ctx.lower(v - 1), "of" | "with" | "in")
                    && CHARGES.contains(&ctx.lower(v - 2));
                let accused = charged
                    .then(|| ctx.subject_before(v - 2, ctx.sentence(i).start))
                    .flatten()
                    .map(|(m, _)| m)
                    .filter(|&m| person(ctx, m) && m != victim);
                if let Some(agent) = accused {
                    events.push(killing(ctx, i, agent, victim, "killing:charge"));
                }
            }
        }
        if verb && !charged {
            if let Some((agent, victim)) = killer_before(ctx, i) {
                let known = events.iter().any(|e| {
                    e.agent == Some(agent)
                        && e.affected == Some(victim)
                        && e.trigger.as_deref().is_some_and(|t| {
                            lex.action_verb(t)
                                .iter()
                                .any(|e| KILLING_VERBS.contains(&e.lemma.as_str()))
                                || KILLING_VERBS.contains(&t)
                        })
                });
                if !known {
                    events.push(killing(ctx, i, agent, victim, "killing:verb-chain"));
                }
            }
        }
    }
}

/// Words that may stand between a killer and the verb of the killing: adverbs and
/// auxiliaries ("allegedly shot and killed"), an aside (", acting alone,"), a relative
/// pronoun (", who killed"), "fired the shots that killed", "acted alone in killing",
/// "was the lone gunman who killed".
const KILLER_GAP: &[&str] = &[
    ",",
    "who",
    "had",
    "has",
    "have",
    "would",
    "did",
    "allegedly",
    "reportedly",
    "apparently",
    "fatally",
    "then",
    "later",
    "also",
    "acting",
    "acted",
    "alone",
    "in",
    "fired",
    "the",
    "a",
    "shot",
    "shots",
    "that",
    "and",
    "lone",
    "gunman",
    "man",
    "was",
];

/// Forms of "be" (and its negation) that introduce what a killer was.
const COPULA: &[&str] = &["was", "is", "wasn't", "isn't", "not", "n't"];

/// The killer and the victim of a killing verb at `i` whose subject stands a few
/// words before it ("Tom Lind, acting alone, fired the shots that killed Ana Reyes"):
/// the verb in the past or, after "in", the gerund; the victim right after it.
fn killer_before(ctx: &Ctx<'_, '_>, i: usize) -> Option<(usize, usize)> {
    let w = ctx.lower(i);
    let past = w.ends_with("ed") || matches!(w, "shot" | "slew" | "slain");
    let gerund = w.ends_with("ing") && i >= 1 && ctx.lower(i - 1) == "in";
    if !(past || gerund) || i == 0 {
        return None;
    }
    // "was killed": a passive verb's subject is the victim.
    if matches!(
        ctx.lower(i - 1),
        "was" | "were" | "been" | "is" | "are" | "be" | "being"
    ) {
        return None;
    }
    let victim = person_at(ctx, i + 1)?;
    let sentence = ctx.sentence(i);
    // "Tom Lind was(n't) the lone gunman who killed …": the subject of the description.
    if ctx.lower(i - 1) == "who" {
        let copula = |k: usize| COPULA.contains(&ctx.lower(k));
        let mut k = i - 1;
        while k > sentence.start && i - k < 7 && !copula(k - 1) {
            let w = ctx.word(k - 1);
            if !w.chars().next().is_some_and(char::is_lowercase) {
                break;
            }
            k -= 1;
        }
        let described = k > sentence.start && copula(k - 1);
        while k > sentence.start && copula(k - 1) {
            k -= 1;
        }
        if described {
            if let Some(m) = ctx.rec.mention_ending_at(k).filter(|&m| person(ctx, m)) {
                return (m != victim).then_some((m, victim));
            }
        }
    }
    let mut k = i;
    while k > sentence.start && i - k < 10 {
        if let Some(m) = ctx.rec.mention_ending_at(k).filter(|&m| person(ctx, m)) {
            return (m != victim).then_some((m, victim));
        }
        let gap = ctx.lower(k - 1);
        if !(KILLER_GAP.contains(&gap) || gap.ends_with("ly")) {
            return None;
        }
        k -= 1;
    }
    None
}
