//! Actions: who did what to whom, when and where, read off the dependency tree.
//!
//! Rules (each a construction of English over the analysis):
//! - `action:subject` — a verb whose subject names an actor: "Vantor fined the bank on
//!   Tuesday" (agent Vantor, affected the bank, the date from the clause); the affected
//!   one is the direct or indirect object, or else the object of the preposition the
//!   verb governs ("brought charges against Vantor", "sided with Olsen");
//! - `action:passive` — a passive verb with its "by" agent: "The plant was closed by
//!   Vantor" (the passive subject is the affected one);
//! - `action:shared-subject` — a verb with no subject of its own takes the subject of
//!   the verb it complements or is coordinated with: "Vantor agreed to refund the fees",
//!   "Olsen resigned and left the party";
//! - a light verb names no action by itself: "took action", "made a decision", "brought
//!   charges" take their object's noun as the trigger ("action", "decision", "charge").
//!   A phrasal verb keeps its particle ("hit out", "step down", "take over"): it is
//!   another verb than the bare one.
//!
//! Speech makes Statements, not actions; verbs of being, having, seeming and wanting
//! name states, not actions. The confidence is how sure the parser was of the arcs the
//! action rests on.

mod done;
mod no_deed;

use super::{Ctx, EventFact, Evidence};
use crate::analyze::tree::Tree;
use crate::lexicon::lexicons;
use crate::model::{DateValue, EntityKind};
use crate::recognize::can_act;
use crate::segment::TokenKind;
pub(super) use done::in_a_headline;
use done::{NOT_DONE, UNREALIZED, claims_a_clause, unrealized};
use no_deed::{PREPOSITION_PARTICIPLES, STATES, in_words, measure_changed, names_no_deed};

/// Verbs whose object carries the meaning: "took action", "made a decision".
const LIGHT_VERBS: &[&str] = &["take", "make", "bring", "give", "have", "hold", "do"];

/// Verbs that link a subject to how it is: "appears prepared", "became isolated".
const LINKING: &[&str] = &[
    "be", "appear", "seem", "become", "remain", "feel", "look", "sound", "prove", "stay",
];

/// A date that opens the sentence before a comma ("Earlier this month, …") is when
/// its main clauses happened — not its relative or adverbial clauses.
fn opening_date(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, v: usize) -> Option<DateValue> {
    if matches!(tree.deprel(v), "acl" | "acl:relcl" | "advcl" | "xcomp") {
        return None;
    }
    let sentence = ctx.sentence(tree.token(v));
    let d = (sentence.start..(sentence.start + 2).min(sentence.end))
        .find_map(|t| ctx.rec.date_at(t))?;
    let end = ctx.rec.dates[d].tokens.end;
    (ctx.doc.is(end, ",") && end < tree.token(v))
        .then(|| ctx.first_date_in(ctx.rec.dates[d].tokens.clone()))
        .flatten()
}

/// Whether a noun names an act: a noun made from a verb ("decision", "approval",
/// "closure") or a verb's own form ("charge", "attack").
fn names_an_act(noun: &str) -> bool {
    const ENDINGS: &[&str] = &["tion", "sion", "ment", "ance", "ence", "al", "ure"];
    ENDINGS
        .iter()
        .any(|e| noun.len() > e.len() + 2 && noun.ends_with(e))
        || !lexicons().action_verb(noun).is_empty()
}

/// Prepositions whose object is the one an action is done to: "against Vantor",
/// "on the bank", "with Olsen", "to the council".
const AFFECTED_PREPOSITIONS: &[&str] = &["against", "on", "with", "to", "into"];

/// Reads the actions of a document and adds them to `events`.
pub(super) fn find_actions(ctx: &Ctx<'_, '_>, events: &mut Vec<EventFact>) {
    let tree = &ctx.tree;
    for v in 0..tree.len() {
        if tree.upos(v) != "VERB" || matches!(tree.deprel(v), "amod" | "compound") {
            continue; // "the proposed merger": a participle describing a noun
        }
        let t = tree.token(v);
        if ctx.quoted[t]
            || ctx.opinion[t]
            || ctx.rec.mention_at(t).is_some()
            || ctx.rec.title_at(t).is_some()
        {
            continue; // quoted words are the speaker's, opinions no report; "Chief Operating Officer"
        }
        if in_a_name_or_compound(ctx, t) {
            continue;
        }
        // A speech verb with a clause or a quotation makes a Statement; with an object
        // or a complement it is an action ("announced job cuts", "agreed to pay").
        let speech = !lexicons().speech_verb(ctx.word(t)).is_empty();
        // (an untensed "clause" is a misread object: "announced draft rules targeting …")
        let says = tree.children(v).iter().any(|&c| {
            tree.deprel(c) == "parataxis" || tree.deprel(c) == "ccomp" && tree.is_tensed(c)
        }) || !["obj", "xcomp", "ccomp"]
            .iter()
            .any(|r| tree.child(v, r).is_some());
        let lemma = tree.lemma(v);
        // "Olsen forced to quit" (a headline: no closing punctuation), "his Oslo
        // detached house": a past participle with a subject but no auxiliary and no
        // object is a headline's passive or a participle misread as a verb — its
        // subject did nothing.
        let headline = in_a_headline(ctx, t);
        // (A full sentence's main verb is its past tense misread: "Vantor announced …".)
        let bare_participle = match tree.xpos(v) {
            "VBN" => headline || tree.deprel(v) != "root",
            "VBD" => headline,
            _ => false,
        } && tree.child(v, "nsubj").is_some()
            && tree.child(v, "obj").is_none()
            && tree.child(v, "obl:agent").is_none()
            && !tree
                .children(v)
                .iter()
                .any(|&c| matches!(tree.deprel(c), "aux" | "aux:pass"));
        // "The drug proved no better", "Vantor looked vulnerable": a linking verb with a
        // predicate and no object tells how its subject was, not what it did.
        let linking = LINKING.contains(&lemma)
            && tree.child(v, "obj").is_none()
            && tree.children(v).iter().any(|&c| {
                tree.upos(c) == "ADJ" && matches!(tree.deprel(c), "xcomp" | "advmod")
                    || tree.deprel(c) == "xcomp" && tree.upos(c) == "NOUN"
            });
        let no_deed = bare_participle
            || linking
            || STATES.contains(&lemma)
            || NOT_DONE.contains(&lemma)
            || in_words(ctx, tree, v)
            || claims_a_clause(tree, v)
            || PREPOSITION_PARTICIPLES.contains(&ctx.lower(t)) && tree.child(v, "nsubj").is_none();
        if speech && says || no_deed || unrealized(ctx, tree, v) {
            continue;
        }
        if let Some(fact) = action(ctx, tree, v) {
            // "Vantor, Harvo and Zintrex have all announced …": each one did.
            let others: Vec<usize> = tree
                .child(v, "nsubj")
                .filter(|_| fact.evidence[0].rule == "action:subject")
                .map(|s| {
                    // "Tom Reyes and Nina Olsen, who …": "who" stands for the whole list.
                    let named = fact
                        .agent
                        .filter(|_| tree.lemma(s) == "who")
                        .and_then(|m| tree.head_word(ctx.rec.mentions[m].tokens.clone()));
                    let first = named.map(|w| match tree.head(w) {
                        Some(h) if tree.deprel(w) == "conj" => h,
                        _ => w,
                    });
                    let mut members = tree.coordinated(first.unwrap_or(s));
                    members.extend(first);
                    members
                })
                .unwrap_or_default()
                .into_iter()
                .filter_map(|c| ctx.doer_named_by(c))
                .filter(|&m| Some(m) != fact.agent && Some(m) != fact.affected)
                .collect();
            for other in others {
                let participants = if fact.participants.is_empty() {
                    Vec::new()
                } else {
                    vec![other]
                };
                events.push(EventFact {
                    agent: Some(other),
                    participants,
                    ..fact.clone()
                });
            }
            events.push(fact);
        }
    }
}

/// "the film Finding Neverland", "the fly-half": a capital inside a sentence makes the
/// word part of a title or a name, and a hyphen joining it to the next or the previous
/// word part of a compound ("best-selling") — no verb, whatever the tagger says.
fn in_a_name_or_compound(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    let doc = ctx.doc;
    let glued = |k: usize| k < doc.tokens.len() && !doc.tokens[k].space_before;
    let hyphen = |k: usize| k < doc.tokens.len() && doc.is(k, "-");
    let opens = t == ctx.sentence(t).start
        || doc.tokens[t - 1].kind == TokenKind::OpenQuote
        || matches!(doc.word(t - 1), ":" | "(" | "-" | "\u{2014}" | "\u{2013}");
    let capital = !opens && ctx.word(t).starts_with(char::is_uppercase);
    // ("co-founded", "re-elected": a prefix keeps the verb a verb.)
    let prefix = |k: usize| {
        matches!(
            ctx.lower(k),
            "co" | "re" | "pre" | "de" | "mis" | "un" | "out" | "over" | "under" | "cross"
        )
    };
    let compound = hyphen(t + 1) && glued(t + 1) && glued(t + 2)
        || t >= 2 && hyphen(t - 1) && glued(t) && glued(t - 1) && !prefix(t - 2);
    capital || compound
}

/// The action a verb states, if its agent is an actor.
fn action(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, v: usize) -> Option<EventFact> {
    // The verb lexicon knows irregular forms the lemmatizer may not have seen ("fled").
    let form = ctx.word(tree.token(v));
    let mut lemma = match lexicons().action_verb(form).first() {
        Some(entry) => entry.lemma.clone(),
        None => tree.lemma(v).to_owned(),
    };
    let object = tree.child(v, "obj");
    // "brought charges against Vantor": the noun is what was done.
    // "made a decision": the decision is what was done; "took the ball", "made a
    // profit": the verb is.
    let light = LIGHT_VERBS.contains(&lemma.as_str())
        && object.is_some_and(|o| {
            tree.upos(o) == "NOUN"
                && ctx.mention_of(tree, o).is_none()
                && names_an_act(tree.lemma(o))
        });
    if light {
        lemma = object.map(|o| tree.lemma(o)).unwrap_or_default().to_owned();
    } else if STATES.contains(&lemma.as_str()) || names_no_deed(form) {
        return None;
    } else if let Some(particle) = tree.child(v, "compound:prt") {
        // "hit out at", "stepped down", "took over": a phrasal verb is a verb of its own.
        lemma = format!("{lemma} {}", ctx.lower(tree.token(particle)));
    }
    let mut arcs = Vec::new();
    // A subject beside a passive auxiliary is a passive subject, whatever its label
    // ("Reyes, Olsen and Lind have been tipped": a long subject read as active).
    let passive_subject = tree
        .child(v, "nsubj:pass")
        .or_else(|| tree.child(v, "aux:pass").and_then(|_| tree.subject(v)));
    let (agent, affected, rule) = if let Some(subject) = passive_subject {
        let by = passive_agent(ctx, tree, v)?;
        let agent = ctx.doer_named_by(by)?;
        arcs.extend([by, subject]);
        (agent, affected_by(ctx, tree, subject), "action:passive")
    } else if let Some(by) = tree
        .child(v, "obl:agent")
        .filter(|_| tree.xpos(v) == "VBN" && matches!(tree.deprel(v), "acl" | "xcomp" | "advcl"))
    {
        // "a conference hosted by Vantor": a participle with its "by" agent.
        let agent = ctx.doer_named_by(by)?;
        arcs.push(by);
        let described = tree.head(v).filter(|_| tree.deprel(v) == "acl");
        let affected = described.and_then(|n| affected_by(ctx, tree, n));
        (agent, affected, "action:passive")
    } else {
        let (agent, rule) = match ctx.subject_of(v) {
            Some(subject) => {
                arcs.push(subject);
                (ctx.doer_named_by(subject)?, "action:subject")
            }
            // "Vantor is unlikely to be cowed": a passive verb's inherited subject
            // is the one acted on, and no one is named acting.
            None if tree.child(v, "aux:pass").is_some() => return None,
            None => (
                shared_subject(ctx, tree, v, &mut arcs)?,
                "action:shared-subject",
            ),
        };
        // The object, unless the light verb's noun is the action itself; then the
        // object of a preposition on the verb or on that noun.
        let direct = if light {
            None
        } else {
            object.or(tree.child(v, "iobj"))
        };
        let affected = direct
            .and_then(|o| {
                arcs.push(o);
                affected_by(ctx, tree, o)
            })
            .or_else(|| {
                let mut nominals: Vec<usize> = tree.children(v).to_vec();
                if light {
                    nominals.extend(
                        object
                            .map(|o| tree.children(o).to_vec())
                            .unwrap_or_default(),
                    );
                }
                nominals
                    .into_iter()
                    .filter(|&c| matches!(tree.deprel(c), "obl" | "nmod"))
                    .filter(|&c| {
                        tree.preposition(c)
                            .is_some_and(|p| AFFECTED_PREPOSITIONS.contains(&p))
                    })
                    .find_map(|c| ctx.actor(tree, c))
            });
        (agent, affected, rule)
    };
    // "closed its branches": the owner of what was done to is the agent itself.
    if measure_changed(tree, v, ctx.kind(agent) == EntityKind::Person) {
        return None;
    }
    let affected = affected.filter(|&a| a != agent);
    let clause = tree.clause_words(v);
    let clause_tokens = clause.iter().map(|&w| tree.token(w));
    let (first, last) = clause_tokens
        .clone()
        .fold((usize::MAX, 0), |(a, b), t| (a.min(t), b.max(t)));
    let date_in = |words: &[usize]| {
        words
            .iter()
            .find_map(|&w| ctx.rec.date_at(tree.token(w)))
            .and_then(|d| ctx.first_date_in(ctx.rec.dates[d].tokens.clone()))
    };
    // "On Monday, Vantor bought …" parsed with the date as the head of the sentence: a
    // head that is no verb belongs to the clause.
    let date = date_in(&clause)
        .or_else(|| {
            let head = tree
                .head(v)
                .filter(|&h| !matches!(tree.upos(h), "VERB" | "AUX"))?;
            date_in(&tree.clause_words(head))
        })
        .or_else(|| opening_date(ctx, tree, v));
    let location = clause
        .iter()
        .copied()
        .filter(|&c| tree.head(c) == Some(v) && tree.deprel(c) == "obl")
        .filter(|&c| matches!(tree.preposition(c), Some("in" | "at")))
        .find_map(|c| ctx.mention_of(tree, c))
        .filter(|&m| ctx.kind(m) == EntityKind::Place && Some(m) != affected);
    let verb = tree.token(v);
    // The verb and its object ("attended the funeral"), the object's head alone when
    // its phrase runs long.
    let label_end = object.map_or(verb + 1, |o| {
        let end = tree.subtree_tokens(o).end;
        if end <= verb + 8 {
            end
        } else {
            tree.token(o) + 1
        }
    });
    let confidence = arcs
        .iter()
        .map(|&w| tree.sureness(w))
        .fold(0.9, |c: f32, s| c * s);
    let mut fact = EventFact {
        label: ctx.doc.slice(verb, label_end.max(verb + 1)).to_owned(),
        trigger: Some(lemma),
        agent: Some(agent),
        affected,
        date,
        location,
        evidence: vec![Evidence {
            span: ctx.span(first.min(verb), last.max(verb) + 1),
            rule,
            confidence: (confidence * 100.0).round() / 100.0,
        }],
        ..EventFact::default()
    };
    // Who meets or visits takes part in the meeting or the visit, and so does the
    // person met or visited.
    let trigger = fact.trigger.as_deref().unwrap_or_default();
    if matches!(trigger, "meet" | "visit" | "host" | "attend")
        && ctx.kind(agent) == EntityKind::Person
    {
        fact.participants.push(agent);
        // (the person as the object itself: not the owner of "met Reyes's cross")
        let met = tree.child(v, "obj").and_then(|o| ctx.actor(tree, o));
        if let Some(met) = met.filter(|&m| ctx.kind(m) == EntityKind::Person && m != agent) {
            fact.participants.push(met);
        }
    }
    Some(fact)
}

/// The "by" phrase of a passive verb: its own, that of a participle coordinated with
/// it ("was shot and wounded by Reyes"), one the parser hung lower in the clause
/// ("was shot on the steps by Reyes"), or else the name right after a "by" that
/// follows the verb, however the parser hung it ("was suspended by the Harvo Club
/// for missing …", read as "the Harvo Club missing").
fn passive_agent(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, v: usize) -> Option<usize> {
    tree.child(v, "obl:agent")
        .or_else(|| {
            tree.children(v)
                .iter()
                .find(|&&c| tree.deprel(c) == "conj" && tree.child(c, "nsubj:pass").is_none())
                .and_then(|&c| tree.child(c, "obl:agent"))
        })
        .or_else(|| {
            tree.clause_words(v)
                .into_iter()
                .find(|&w| w > v && tree.upos(w) == "PROPN" && tree.preposition(w) == Some("by"))
        })
        .or_else(|| {
            let sentence = ctx.sentence(tree.token(v));
            let within = |w: usize| w < tree.len() && sentence.contains(&tree.token(w));
            let by = v + 1;
            if !within(by + 1) || tree.lemma(by) != "by" {
                return None;
            }
            let name = if tree.lemma(by + 1) == "the" {
                by + 2
            } else {
                by + 1
            };
            within(name).then_some(name)
        })
}

/// Who a nominal names as affected: itself, or the owner of what it names ("halted
/// Harvo Group's planned IPO": Harvo Group).
fn affected_by(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, w: usize) -> Option<usize> {
    ctx.actor(tree, w).or_else(|| {
        let owner = tree.child(w, "nmod:poss")?;
        ctx.actor(tree, owner)
    })
}

/// Whether a participle stands in an absolute construction: "with" or "without" and a
/// noun phrase of its own right before it ("with Tom Reyes still organising …", "with
/// the two countries filling …") — not "merged with Vantor, bringing …", nor "without
/// giving figures".
fn absolute(tree: &Tree<'_>, verb: usize) -> bool {
    let mut w = verb;
    while w > 0 && tree.upos(w - 1) == "ADV" {
        w -= 1;
    }
    if w == 0 || !matches!(tree.upos(w - 1), "NOUN" | "PROPN" | "PRON") {
        return false;
    }
    let phrase = |w: usize| {
        matches!(
            tree.upos(w),
            "NOUN" | "PROPN" | "PRON" | "DET" | "ADJ" | "NUM" | "PART" | "CCONJ"
        )
    };
    (w.saturating_sub(8)..w)
        .rev()
        .take_while(|&k| phrase(k) || matches!(tree.lemma(k), "with" | "without"))
        .any(|k| matches!(tree.lemma(k), "with" | "without"))
}

/// The subject of the verb a subjectless verb complements ("agreed to refund") or is
/// coordinated with ("resigned and left"), up the chain.
fn shared_subject(
    ctx: &Ctx<'_, '_>,
    tree: &Tree<'_>,
    v: usize,
    arcs: &mut Vec<usize>,
) -> Option<usize> {
    let mut verb = v;
    // ("did not want to comment, referring the issue to …": a participle's subject is
    // that of the clause it modifies, and the referring was done, wanted or not)
    let mut done = false;
    for _ in 0..4 {
        let participle = matches!(tree.deprel(verb), "advcl" | "conj")
            && tree.xpos(verb) == "VBG"
            && tree.head(verb).is_some_and(|h| tree.xpos(h) != "VBG");
        done |= participle;
        if !(matches!(tree.deprel(verb), "xcomp" | "conj") || participle) {
            return None;
        }
        // "…, with Tom Reyes still organising the defence": the participle has a subject
        // of its own, the noun after "with", whatever the parser hung it on.
        if participle && absolute(tree, verb) {
            return None;
        }
        // A conjunct shares its subject when joined by "and", "but", "or" — itself or
        // as one of a list that ends so ("bought Harvo, sold Zintrex and closed …"); a
        // verb hung on another with no such word is a clause of its own the parser
        // misread ("faced the vote on Friday - 67% of people voted to keep her") —
        // unless hung on a relative clause: "Tom Reyes, who joined in May, scored"
        // read with "scored" joined to "joined" is the main verb misread.
        let joined = |c: usize| tree.child(c, "cc").is_some();
        // ("…, having won 36 matches": a perfect participle is no clause of its own.)
        let having = tree
            .children_with(verb, &["aux"])
            .into_iter()
            .any(|a| ctx.lower(tree.token(a)) == "having");
        let unjoined = tree.deprel(verb) == "conj"
            && !participle
            && !having
            && !joined(verb)
            && tree.head(verb).is_some_and(|h| {
                !tree.deprel(h).ends_with("relcl")
                    && !tree
                        .children(h)
                        .iter()
                        .any(|&c| c > verb && tree.deprel(c) == "conj" && joined(c))
            });
        if unjoined {
            return None;
        }
        arcs.push(verb);
        let complement = tree.deprel(verb) == "xcomp";
        let predicate = complement && matches!(tree.xpos(verb), "VBN" | "JJ");
        verb = tree.head(verb)?;
        // "Vantor appears poorly prepared", "Olsen feels embarrassed": a participle
        // after a linking verb says how the subject is, not what it did.
        if predicate && LINKING.contains(&tree.lemma(verb)) {
            return None;
        }
        if complement && !done && UNREALIZED.contains(&tree.lemma(verb)) {
            return None;
        }
        // An object controls a complement ("found Reyes acted alone", "persuaded
        // Olsen to resign"); otherwise the subject does — of a participle, a passive one
        // too: "Reyes was suspended by the club for missing the tests" (Reyes missed them).
        let controller = tree
            .child(verb, "obj")
            .or_else(|| tree.child(verb, "iobj"))
            .filter(|_| complement);
        // "had her adopted", "got his car repaired": a past participle after an object
        // is done to the object, by someone unnamed.
        if predicate && controller.is_some() {
            return None;
        }
        let subject = controller
            .or_else(|| tree.subject(verb))
            .or_else(|| tree.child(verb, "nsubj:pass").filter(|_| participle));
        if let Some(subject) = subject {
            arcs.push(subject);
            return ctx.doer_named_by(subject).filter(|&m| can_act(ctx.kind(m)));
        }
    }
    None
}
