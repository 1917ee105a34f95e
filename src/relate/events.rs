//! Events: named ones ("the seventh Global Ocean Forum"), the phrases that
//! refer back to them ("the two-day conference", "the summit"), new unnamed ones
//! ("this morning's session", "a Linux summit in California"), and what the
//! sentences around them say: when, where, who took part, what about.
//!
//! Rules: `event:name`, `event:reference`, `event:unnamed`, `event:part-of`,
//! `event:location`, `event:start`, `event:participants-list`, `event:theme`.

use super::{Ctx, EventFact, Evidence, StatementFact};
use crate::lexicon::{EventClass, lexicons};
use crate::model::{DateValue, EntityKind};
use crate::segment::TokenKind;
use std::collections::{BTreeMap, HashMap};

/// Which event each token that refers to one points at.
#[derive(Debug, Default)]
pub(crate) struct EventRefs {
    by_token: BTreeMap<usize, usize>,
}

impl EventRefs {
    /// The event token `i` refers to.
    pub fn at(&self, i: usize) -> Option<usize> {
        self.by_token.get(&i).copied()
    }

    fn mark(&mut self, from: usize, to: usize, event: usize) {
        for k in from..to {
            self.by_token.insert(k, event);
        }
    }
}

const START_VERBS: &[&str] = &[
    "kicked", "kicks", "opened", "opens", "began", "begins", "started", "starts", "launched",
    "got", "gets",
];

/// Finds events and their details, sentence by sentence.
pub(super) fn find_events(ctx: &Ctx<'_, '_>, events: &mut Vec<EventFact>) -> EventRefs {
    let lex = lexicons();
    let mut refs = EventRefs::default();
    let mut focus: Option<usize> = None;
    let mut by_class: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for sentence in &ctx.doc.sentences {
        let s = sentence.tokens.clone();
        let mut in_sentence: Vec<(usize, usize, usize)> = Vec::new(); // event, from, to
        let mut i = s.start;
        while i < s.end {
            // A named event, or its bracketed abbreviation.
            if let Some(m) = ctx
                .rec
                .mention_starting_at(i)
                .filter(|&m| ctx.kind(m) == EntityKind::Event)
            {
                let mention = &ctx.rec.mentions[m];
                let key = mention
                    .long_form
                    .clone()
                    .unwrap_or_else(|| mention.name.clone());
                let mut from = i;
                let event = match by_name.get(&key) {
                    Some(&e) => e,
                    None => {
                        let mut fact = EventFact {
                            name: Some(m),
                            ..EventFact::default()
                        };
                        if i > 0 {
                            if let Some(n) = lex.ordinal(ctx.word(i - 1)) {
                                fact.ordinal = Some(n);
                                from = i - 1;
                            }
                        }
                        fact.evidence.push(Evidence {
                            span: ctx.span(from, mention.tokens.end),
                            rule: "event:name",
                            confidence: 0.85,
                        });
                        events.push(fact);
                        by_name.insert(key, events.len() - 1);
                        events.len() - 1
                    }
                };
                let head = ctx.word(mention.tokens.end - 1);
                if let Some(class) = lex.event_noun_class(head) {
                    by_class.insert(class.to_owned(), event);
                }
                refs.mark(from, mention.tokens.end, event);
                in_sentence.push((event, from, mention.tokens.end));
                focus = Some(event);
                i = mention.tokens.end;
                continue;
            }
            let w = ctx.word(i);
            // A noun of the hand-kept classes, or one that news uses for something that
            // happened (learned from ECB+: "the attack", "a trial").
            // (A noun that names a kind of organization — "party", "union" — means the
            // organization in news far more often than a happening.)
            let learned = || {
                let noun = ctx
                    .tree
                    .words_in(i..i + 1)
                    .any(|x| ctx.tree.upos(x) == "NOUN");
                (noun
                    && lex.event_word(w) == Some(EventClass::Occurrence)
                    && !lex.is_org_descriptor(w))
                .then_some("occurrence")
            };
            // A noun, not an adjective before one ("the final three months") nor the
            // idiom "in the event of".
            let as_noun = ctx
                .tree
                .words_in(i..i + 1)
                .all(|x| ctx.tree.deprel(x) != "amod");
            let idiom = w == "event"
                && i >= 2
                && ctx.lower(i - 2) == "in"
                && matches!(ctx.lower(i + 1), "of" | "that");
            let noun_class = (w.chars().next().is_some_and(char::is_lowercase)
                && ctx.rec.mention_at(i).is_none()
                && !ctx.quoted[i]
                && as_noun
                && !idiom)
                .then(|| lex.event_noun_class(w).or_else(learned))
                .flatten();
            let Some(class) = noun_class else {
                i += 1;
                continue;
            };
            // The noun must head its phrase: "summit talks" is about talks.
            if i + 1 < s.end && lex.event_noun_class(ctx.word(i + 1)).is_some() {
                i += 1;
                continue;
            }
            // "The summit … the talks": a hand-kept class stands for its nouns; a noun
            // learned from ECB+ stands for itself ("the party" is not "the calls").
            let key = if class == "occurrence" {
                let lemma = ctx
                    .tree
                    .words_in(i..i + 1)
                    .next()
                    .map(|x| ctx.tree.lemma(x));
                lemma.unwrap_or(ctx.lower(i)).to_owned()
            } else {
                class.to_owned()
            };
            let (det, from, days, date) = determiner(ctx, s.start, i);
            // "the second set", "the opening match", "the next meeting": one of several,
            // not the one named before.
            let another = (from..i).any(|k| {
                lex.ordinal(ctx.word(k)).is_some()
                    || matches!(
                        ctx.lower(k),
                        "first" | "opening" | "next" | "final" | "last" | "previous"
                    )
            });
            let event = match (class, det.as_deref()) {
                ("part", _) => {
                    let label = ctx.doc.slice(from, i + 1).to_owned();
                    events.push(EventFact {
                        label,
                        date,
                        sub_event_of: focus.filter(|&f| events[f].name.is_some()),
                        evidence: vec![Evidence {
                            span: ctx.span(from, i + 1),
                            rule: "event:part-of",
                            confidence: 0.6,
                        }],
                        ..EventFact::default()
                    });
                    events.len() - 1
                }
                (_, Some("the" | "this" | "that")) if by_class.contains_key(&key) && !another => {
                    let e = by_class[&key];
                    events[e].evidence.push(Evidence {
                        span: ctx.span(from, i + 1),
                        rule: "event:reference",
                        confidence: 0.7,
                    });
                    e
                }
                (_, Some(_)) => {
                    let label_from = if det.is_some() && from < i && is_determiner(ctx.word(from)) {
                        from + 1
                    } else {
                        from
                    };
                    events.push(EventFact {
                        label: ctx.doc.slice(label_from, i + 1).to_owned(),
                        date,
                        evidence: vec![Evidence {
                            span: ctx.span(from, i + 1),
                            rule: "event:unnamed",
                            confidence: 0.5,
                        }],
                        ..EventFact::default()
                    });
                    by_class.insert(key, events.len() - 1);
                    events.len() - 1
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            if let Some(d) = days {
                events[event].days = Some(d);
            }
            refs.mark(from, i + 1, event);
            in_sentence.push((event, from, i + 1));
            focus = Some(event);
            i += 1;
        }
        for &(event, from, to) in &in_sentence {
            details(ctx, s.clone(), to, &mut events[event]);
            for p in attendees(ctx, from, to) {
                if !events[event].participants.contains(&p) {
                    events[event].participants.push(p);
                }
            }
        }
        if let Some(f) = focus {
            participants_list(ctx, s.clone(), &mut events[f]);
        }
    }
    for e in events.iter_mut() {
        finish_dates(e);
    }
    refs
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "the" | "a" | "an" | "this" | "that"
    )
}

/// Looks left of an event noun for its determiner and modifiers: "the two-day
/// conference", "this morning's session", "a Linux summit". Returns the determiner,
/// where the phrase starts, a length in days, and a date.
fn determiner(
    ctx: &Ctx<'_, '_>,
    floor: usize,
    noun: usize,
) -> (Option<String>, usize, Option<i64>, Option<DateValue>) {
    let lex = lexicons();
    let mut k = noun;
    let mut days = None;
    let mut date = None;
    let mut modifiers = 0;
    while k > floor && modifiers < 4 {
        let prev = k - 1;
        let w = ctx.word(prev);
        if is_determiner(w) {
            return (Some(w.to_lowercase()), prev, days, date);
        }
        if ctx.doc.tokens[prev].kind == TokenKind::Possessive {
            // "this morning's session"
            if let Some(d) = ctx.rec.date_at(prev - 1) {
                let d = &ctx.rec.dates[d];
                return (Some("this".into()), d.tokens.start, days, Some(d.value));
            }
            if let Some(m) = ctx.rec.mention_at(prev - 1) {
                return (
                    Some("the".into()),
                    ctx.rec.mentions[m].tokens.start,
                    days,
                    date,
                );
            }
            return (None, k, days, date);
        }
        // "the 11 September 2001 attacks": a date in front dates the event.
        if let Some(d) = ctx.rec.date_at(prev) {
            let d = &ctx.rec.dates[d];
            date = Some(d.value);
            k = d.tokens.start;
            modifiers += 1;
            continue;
        }
        // "two-day"
        if w.eq_ignore_ascii_case("day") && prev >= 2 && ctx.word(prev - 1) == "-" {
            days = lex.number(ctx.word(prev - 2));
            k = prev - 2;
            modifiers += 1;
            continue;
        }
        let content = ctx.doc.tokens[prev].kind == TokenKind::Word
            && !lex.is_stopword(w)
            && lex.speech_verb(w).is_empty()
            && ctx.rec.date_at(prev).is_none()
            && ctx
                .rec
                .mention_at(prev)
                .is_none_or(|m| ctx.kind(m) != EntityKind::Person);
        if !content {
            break;
        }
        k = prev;
        modifiers += 1;
    }
    (None, k, days, date)
}

/// Location, start, organizer and theme from the sentence of an event reference that
/// ends at token `to`.
fn details(ctx: &Ctx<'_, '_>, s: std::ops::Range<usize>, to: usize, event: &mut EventFact) {
    let lex = lexicons();
    // where: "in Vardby" right after it, or "hosted in/held in … Vardby" in the sentence
    let place_after = |from: usize| -> Option<usize> {
        let mut k = from;
        while k < s.end
            && (matches!(ctx.lower(k), "the" | "of" | ",")
                || lex.is_place_type(ctx.word(k))
                    && ctx.word(k).chars().next().is_some_and(char::is_lowercase))
        {
            k += 1;
        }
        ctx.rec
            .mention_starting_at(k)
            .filter(|&m| ctx.kind(m) == EntityKind::Place)
    };
    if event.location.is_none() {
        let mut location = None;
        // "in California" right after it, or a few words on: "crackdown on protesters
        // in Tiananmen Square".
        for k in to..s.end.min(to + 6) {
            if matches!(ctx.word(k), "," | ";" | "." | ":") {
                break;
            }
            if matches!(ctx.lower(k), "in" | "at") {
                location = place_after(k + 1);
                break;
            }
        }
        if location.is_none() {
            for k in s.clone() {
                if matches!(
                    ctx.lower(k),
                    "hosted" | "held" | "staged" | "place" | "taking" | "convened"
                ) && matches!(ctx.lower(k + 1), "in" | "at")
                {
                    location = place_after(k + 2);
                    if location.is_some() {
                        break;
                    }
                }
            }
        }
        if location.is_some() {
            event.location = location;
        }
    }
    // who hosted it
    if event.organizer.is_none() {
        for k in s.clone() {
            if matches!(ctx.lower(k), "hosted" | "organised" | "organized")
                && ctx.doc.is(k + 1, "by")
            {
                let at = if ctx.doc.is(k + 2, "the") {
                    k + 3
                } else {
                    k + 2
                };
                event.organizer = ctx.rec.mention_starting_at(at).filter(|&m| {
                    matches!(ctx.kind(m), EntityKind::Organization | EntityKind::Place)
                });
            }
        }
    }
    // when: "kicked off this morning" starts it; any other date dates it
    let starts = s.clone().any(|k| START_VERBS.contains(&ctx.lower(k)));
    if let Some(d) = ctx.first_date_in(s.clone()) {
        match (starts, d) {
            (true, DateValue::Day(day)) if event.start.is_none() => event.start = Some(day),
            _ if event.date.is_none() && event.start.is_none() => event.date = Some(d),
            _ => {}
        }
    }
    // "themed “…”", "on the theme of “…”"
    if event.theme.is_none() {
        for k in to..s.end.min(to + 8) {
            let themed =
                ctx.lower(k) == "themed" || ctx.lower(k) == "theme" && ctx.doc.is(k + 1, "of");
            if !themed {
                continue;
            }
            let open = if ctx.lower(k) == "themed" {
                k + 1
            } else {
                k + 2
            };
            if open < s.end && ctx.doc.tokens[open].kind == TokenKind::OpenQuote {
                if let Some(close) = (open + 1..ctx.doc.tokens.len())
                    .find(|&c| ctx.doc.tokens[c].kind == TokenKind::CloseQuote)
                {
                    let mut end = close;
                    while end > open + 1 && matches!(ctx.word(end - 1), "." | "," | ";") {
                        end -= 1;
                    }
                    event.theme = Some(ctx.doc.slice(open + 1, end).to_owned());
                    event.evidence.push(Evidence {
                        span: ctx.span(k, close + 1),
                        rule: "event:theme",
                        confidence: 0.8,
                    });
                }
            }
        }
    }
}

/// Who took part in an event, read off the tree: the subject of a verb the event is
/// the "at" phrase or the object of ("Ana Lopes spoke at the summit", "stars paid
/// tribute at a ceremony", "Tom Reyes attended the forum"), or of "present at" ("Also
/// present at the ceremony was Tom Reyes") — every member of a list, and the names a
/// subject counts in ("stars including Ana Lopes and Tom Reyes").
fn attendees(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> Vec<usize> {
    let tree = &ctx.tree;
    let Some(noun) = tree.head_word(from..to) else {
        return Vec::new();
    };
    let Some(head) = tree.head(noun) else {
        return Vec::new();
    };
    let at = matches!(tree.deprel(noun), "obl" | "nmod") && tree.preposition(noun) == Some("at");
    let attended = tree.deprel(noun) == "obj"
        && (ATTENDING.contains(&tree.lemma(head)) || tree.lemma(head) == "visit");
    // "The funeral was attended by A, B and C", "the talks, attended by A and B,":
    // the passive's agents took part.
    let attending = |v: usize| ATTENDING.contains(&tree.lemma(v));
    let passive = match tree.deprel(noun) {
        "nsubj:pass" if attending(head) => Some(head),
        _ => tree
            .children_with(noun, &["acl"])
            .into_iter()
            .find(|&v| attending(v)),
    };
    if let Some(verb) = passive {
        let agents = tree
            .children_with(verb, &["obl:agent", "obl"])
            .into_iter()
            .filter(|&a| tree.preposition(a) == Some("by"));
        return persons_named(ctx, agents);
    }
    if !(at || attended) {
        return Vec::new();
    }
    // "paid tribute to the actor at a ceremony": an "at" phrase hung on a noun tells
    // where the verb's deed was done.
    let mut verb = head;
    while at && tree.upos(verb) == "NOUN" && matches!(tree.deprel(verb), "obl" | "obj" | "nmod") {
        match tree.head(verb) {
            Some(h) => verb = h,
            None => break,
        }
    }
    let Some(subject) = ctx.subject_of(verb) else {
        return Vec::new();
    };
    let mut words = vec![subject];
    for &c in tree.children(subject) {
        let counted = tree
            .child(c, "case")
            .is_some_and(|k| tree.lemma(k) == "include")
            || tree.lemma(c) == "include";
        if counted {
            words.push(c);
            words.extend(tree.child(c, "obj"));
        }
    }
    persons_named(ctx, words)
}

/// Verbs whose subject, or passive agent, takes part in the event that is their object.
const ATTENDING: &[&str] = &["attend", "address", "join", "host"];

/// The persons the words name, each with the other members of its list, once each.
fn persons_named(ctx: &Ctx<'_, '_>, words: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut found = Vec::new();
    for w in words {
        for x in std::iter::once(w).chain(ctx.tree.coordinated(w)) {
            if let Some(m) = ctx.named_by(x) {
                if ctx.kind(m) == EntityKind::Person && !found.contains(&m) {
                    found.push(m);
                }
            }
        }
    }
    found
}

const PARTICIPANT_NOUNS: &[&str] = &[
    "mourners",
    "those",
    "speakers",
    "participants",
    "attendees",
    "panellists",
    "panelists",
    "guests",
    "delegates",
    "speaker",
    "panel",
];

/// "Speakers this morning included A, B and C": every person in the list took part in
/// the event in focus.
fn participants_list(ctx: &Ctx<'_, '_>, s: std::ops::Range<usize>, event: &mut EventFact) {
    let Some(noun) = s
        .clone()
        .find(|&k| PARTICIPANT_NOUNS.contains(&ctx.lower(k)))
    else {
        return;
    };
    let Some(verb) = (noun + 1..s.end.min(noun + 6)).find(|&k| {
        matches!(
            ctx.lower(k),
            "included" | "include" | "includes" | "were" | "are"
        )
    }) else {
        return;
    };
    let mut added = false;
    for m in ctx.rec.mentions_in(verb + 1..s.end) {
        if ctx.kind(m) == EntityKind::Person && !event.participants.contains(&m) {
            event.participants.push(m);
            added = true;
        }
    }
    if added {
        event.evidence.push(Evidence {
            span: ctx.span(s.start, s.end),
            rule: "event:participants-list",
            confidence: 0.7,
        });
    }
}

/// A person who spoke at an event took part in it.
pub(super) fn participants_from_statements(statements: &[StatementFact], events: &mut [EventFact]) {
    for st in statements {
        if let Some(e) = st.made_at {
            if !events[e].participants.contains(&st.speaker) {
                events[e].participants.push(st.speaker);
            }
        }
    }
}

/// A several-day event has a start and an end date, not a single date.
fn finish_dates(e: &mut EventFact) {
    let days = e.days.unwrap_or(1);
    if e.start.is_none() && days > 1 {
        if let Some(DateValue::Day(d)) = e.date {
            e.start = Some(d);
        }
    }
    if e.start.is_some() {
        e.date = None;
    }
}
