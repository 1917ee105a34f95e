//! Actions read off a verb and the names around it, for the verbs of the action-verb
//! lexicon whose tree gave none (`actions.rs` reads the tree first; a parse that went
//! wrong — "announced" taken for an adjective — still leaves the words in order).
//!
//! Rules:
//! - `action:active-voice` — "Norway's regulator announced new rules", "Solberg sent a letter"
//! - `action:passive-voice` — "Harvo Group's planned IPO was halted by the exchange"
//!
//! A verb is an action when its lemma is in the action-verb lexicon, it stands
//! outside quotation marks, and a person, organization or place is its subject (or
//! its "by" agent). Speech is not an action: it makes Statements.

use super::{Ctx, EventFact, Evidence};
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::recognize::can_act;
use crate::segment::TokenKind;

const AUXILIARIES: &[&str] = &[
    "was", "were", "been", "is", "are", "be", "being", "has", "have", "had", "will", "would",
];
const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "is", "are", "be", "being"];
/// Words after which a new clause, and so a new subject, may start.
const CLAUSE_OPENERS: &[&str] = &[
    ",", ";", ":", "and", "but", "after", "before", "when", "while", "as", "that", "because",
    "since", "then", "which", "who", "once", "until", "if", "although", "though", "whereas",
    "\u{2014}", "\u{2013}", "-",
];
/// Killing verbs, whose "by" agent may stand far after the verb.
const KILLING: &[&str] = &["kill", "murder", "assassinate", "shoot", "slay", "stab"];
const PREPOSITIONS: &[&str] = &[
    "to", "for", "of", "in", "on", "at", "by", "from", "with", "into", "against", "over", "after",
    "before",
];

/// Reads the actions of a document's verbs not marked `done` (one flag per token) and
/// adds them to `events`.
pub(super) fn find_actions(ctx: &Ctx<'_, '_>, done: &[bool], events: &mut Vec<EventFact>) {
    let lex = lexicons();
    for sentence in &ctx.doc.sentences {
        let s = sentence.tokens.clone();
        for v in s.clone() {
            if ctx.quoted[v]
                || done[v]
                || ctx.doc.tokens[v].kind != TokenKind::Word
                || ctx.rec.mention_at(v).is_some()
            {
                continue;
            }
            let w = ctx.lower(v);
            let Some(entry) = lex.action_verb(w).first() else {
                continue;
            };
            if !w.chars().next().is_some_and(char::is_lowercase) && v != s.start {
                continue;
            }
            if v > s.start && ctx.lower(v - 1) == "to" {
                continue; // "to help offset": an infinitive, not an event
            }
            let prev = if v > s.start { ctx.lower(v - 1) } else { "" };
            // "was fatally shot": an adverb between the auxiliary and the verb.
            let prev = if prev.ends_with("ly") && v >= s.start + 2 {
                ctx.lower(v - 2)
            } else {
                prev
            };
            let base_form =
                w == entry.lemma && !matches!(w, "cut" | "shut" | "put" | "set" | "hit" | "beat");
            let gerund = w.ends_with("ing");
            let by = if ctx.doc.is(v + 1, "by") {
                Some(v + 1)
            } else if KILLING.contains(&entry.lemma.as_str()) {
                // "was shot to death on May 5 in his home by …"
                // ("shot and badly wounded by …": a second participle joins the first.)
                (v + 1..s.end.min(v + 24))
                    .take_while(|&k| {
                        let participle_follows =
                            ctx.lower(k + 1).ends_with("ed") || ctx.lower(k + 2).ends_with("ed");
                        let new_clause = ctx.word(k) == "and" && !participle_follows;
                        !matches!(ctx.word(k), ";" | "who" | "which") && !new_clause
                    })
                    .find(|&k| ctx.doc.is(k, "by"))
            } else {
                None
            };
            let fact = if PASSIVE_AUXILIARIES.contains(&prev) && by.is_some() && !gerund {
                passive(ctx, s.clone(), v, by.unwrap_or(v + 1), &entry.lemma)
            } else if (!base_form || AUXILIARIES.contains(&prev))
                && (!gerund || AUXILIARIES.contains(&prev))
            {
                active(ctx, s.clone(), v, &entry.lemma)
            } else {
                None
            };
            if let Some(mut fact) = fact {
                // Who meets or visits takes part in the meeting or the visit.
                if matches!(entry.lemma.as_str(), "meet" | "visit" | "host" | "attend") {
                    fact.participants
                        .extend(fact.agent.filter(|&a| ctx.kind(a) == EntityKind::Person));
                }
                events.push(fact);
            }
        }
    }
}

fn actor_starting_at(ctx: &Ctx<'_, '_>, k: usize) -> Option<usize> {
    let k = if ctx.doc.is(k, "the") { k + 1 } else { k };
    ctx.rec
        .mention_starting_at(k)
        .filter(|&m| can_act(ctx.kind(m)))
}

/// Where the object phrase after a verb ends: a few words, up to punctuation or a
/// preposition once something was taken.
fn object_end(ctx: &Ctx<'_, '_>, s: &std::ops::Range<usize>, from: usize) -> usize {
    let mut k = from;
    while k < s.end && k < from + 5 {
        let t = &ctx.doc.tokens[k];
        let w = ctx.lower(k);
        if t.kind != TokenKind::Word
            && t.kind != TokenKind::Number
            && t.kind != TokenKind::Possessive
        {
            break;
        }
        if k > from && PREPOSITIONS.contains(&w) || w == "that" {
            break;
        }
        k += 1;
    }
    k
}

fn active(
    ctx: &Ctx<'_, '_>,
    s: std::ops::Range<usize>,
    v: usize,
    lemma: &str,
) -> Option<EventFact> {
    if ctx.doc.is(v + 1, "by") {
        return None; // "hosted by …" modifies a noun
    }
    let (agent, start) = ctx.subject_before(v, s.start)?;
    let opens_clause = start == s.start
        || CLAUSE_OPENERS.contains(&ctx.lower(start - 1))
        || ctx.rec.date_at(start - 1).is_some()
        || ctx.doc.tokens[start - 1].kind == TokenKind::OpenQuote;
    if !opens_clause {
        return None; // "the results China achieved": a relative clause, not a report
    }
    let end = object_end(ctx, &s, v + 1);
    let affected = (v + 1..end.min(s.end)).find_map(|k| {
        ctx.rec.mention_starting_at(k).filter(|&m| {
            matches!(
                ctx.kind(m),
                EntityKind::Person | EntityKind::Organization | EntityKind::Place
            )
        })
    });
    let end = affected.map_or(end, |m| end.max(ctx.rec.mentions[m].tokens.end));
    Some(EventFact {
        label: ctx.doc.slice(v, end.max(v + 1)).to_owned(),
        trigger: Some(lemma.to_owned()),
        agent: Some(agent),
        affected,
        date: ctx.first_date_in(s.clone()),
        evidence: vec![Evidence {
            span: ctx.span(start, end.max(v + 1)),
            rule: "action:active-voice",
            confidence: 0.7,
        }],
        ..EventFact::default()
    })
}

fn passive(
    ctx: &Ctx<'_, '_>,
    s: std::ops::Range<usize>,
    v: usize,
    by: usize,
    lemma: &str,
) -> Option<EventFact> {
    let agent = actor_starting_at(ctx, by + 1)?;
    let agent_end = ctx.rec.mentions[agent].tokens.end;
    // The affected one is named in the subject: the owner in a possessive ("Ant
    // Group's planned IPO"), or else the last name before the verb.
    let mut clause_start = v;
    while clause_start > s.start && !matches!(ctx.word(clause_start - 1), "," | ";" | ":") {
        clause_start -= 1;
    }
    let candidates: Vec<usize> = ctx
        .rec
        .mentions_in(clause_start..v)
        .filter(|&m| {
            matches!(
                ctx.kind(m),
                EntityKind::Person | EntityKind::Organization | EntityKind::Place
            )
        })
        .collect();
    let possessor = candidates.iter().copied().find(|&m| {
        let end = ctx.rec.mentions[m].tokens.end;
        end < ctx.doc.tokens.len() && ctx.doc.tokens[end].kind == TokenKind::Possessive
    });
    // "Tom Lind, who was shot by …": the relative pronoun stands for the name before it.
    let relative = (clause_start > s.start && ctx.lower(clause_start) == "who")
        .then(|| ctx.rec.mention_ending_at(clause_start - 1))
        .flatten();
    let affected = possessor
        .or_else(|| candidates.last().copied())
        .or(relative);
    let label_start = affected.map_or(v, |m| {
        let end = ctx.rec.mentions[m].tokens.end;
        if end < v && ctx.doc.tokens[end].kind == TokenKind::Possessive {
            end + 1
        } else {
            end.min(v)
        }
    });
    let label_start = if label_start >= v {
        v
    } else {
        label_start.max(clause_start)
    };
    Some(EventFact {
        label: ctx.doc.slice(label_start, v + 1).to_owned(),
        trigger: Some(lemma.to_owned()),
        agent: Some(agent),
        affected,
        date: ctx.first_date_in(s.clone()),
        evidence: vec![Evidence {
            span: ctx.span(clause_start, agent_end),
            rule: "action:passive-voice",
            confidence: 0.75,
        }],
        ..EventFact::default()
    })
}
