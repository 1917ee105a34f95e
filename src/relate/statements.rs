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

use super::events::EventRefs;
use super::{Ctx, Evidence, StatementFact, quotes};
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::segment::TokenKind;
use std::collections::HashSet;
use std::ops::Range;

/// Reads the statements of a document.
pub(super) fn find_statements(ctx: &Ctx<'_, '_>, events: &EventRefs) -> Vec<StatementFact> {
    let mut used_verbs = HashSet::new();
    let mut statements = direct_statements(ctx, events, &mut used_verbs);
    statements.extend(reported_statements(ctx, events, &used_verbs));
    statements.sort_by_key(|s| s.text_span);
    statements
}

/// A speech verb at token `v`: its lemma, where the verb (with particle) ends, and
/// whether it needs a "that" clause to report speech.
fn speech_verb_at(ctx: &Ctx<'_, '_>, v: usize) -> Option<(String, usize, bool)> {
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

/// The speaker right after a speech verb: "said Chen", "said spokeswoman Ann
/// Lee", "said Ann Lee, URW General Secretary".
fn speaker_after_verb(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> Option<usize> {
    let lex = lexicons();
    let mut k = from;
    let mut first_actor = None;
    while k < to {
        if let Some(m) = ctx.rec.mention_starting_at(k) {
            if ctx.kind(m) == EntityKind::Person {
                return Some(m);
            }
            // "said former Ohio Gov. Tom Reyes": a place or organization
            // before a title belongs to the speaker's description.
            let end = ctx.rec.mentions[m].tokens.end;
            let describes = end < to
                && (ctx.rec.title_at(end).is_some()
                    || lex.is_honorific(ctx.word(end))
                    || ctx.doc.tokens[end].kind == TokenKind::Possessive);
            if !describes {
                return first_actor.or_else(|| crate::recognize::can_act(ctx.kind(m)).then_some(m));
            }
            first_actor = first_actor.or(Some(m));
            k = if ctx.doc.tokens[end].kind == TokenKind::Possessive {
                end + 1
            } else {
                end
            };
            continue;
        }
        if let Some((m, _)) = ctx.antecedent(k) {
            return Some(m);
        }
        let w = ctx.word(k);
        let title = ctx.rec.title_at(k).is_some();
        if !(title || w == "the" || lex.is_honorific(w) || lex.is_title_modifier(w) || w == ".") {
            return first_actor;
        }
        k += 1;
    }
    first_actor
}

/// The attribution after a closing quotation mark: the speaker and the verb.
fn attribution_after(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut k = from;
    while k < to && matches!(ctx.word(k), "," | "\u{2013}" | "\u{2014}" | "-") {
        k += 1;
    }
    if k >= to {
        return None;
    }
    if let Some((_, verb_end, _)) = speech_verb_at(ctx, k) {
        return speaker_after_verb(ctx, verb_end, to).map(|m| (m, k));
    }
    // "Maria Olsen, Zintrex's director of advertising, said": the subject
    // may carry an apposition between commas. "experts Tom Reyes and Ana Lopes of the
    // Vardby Institute wrote": the first person named leads a longer subject.
    let lead = speaker_after_verb(ctx, k, to)
        .or_else(|| {
            // "nuclear experts Tom Reyes and …": a few lower-case words describe him.
            let first_name =
                (k..to.min(k + 4)).find(|&j| ctx.rec.mention_starting_at(j).is_some())?;
            (k..first_name)
                .all(|j| {
                    ctx.doc.tokens[j].kind == TokenKind::Word
                        && ctx.word(j).chars().next().is_some_and(char::is_lowercase)
                        && speech_verb_at(ctx, j).is_none()
                        && !matches!(ctx.word(j), "and" | "but" | "or")
                })
                .then(|| ctx.rec.mention_starting_at(first_name))
                .flatten()
        })
        .filter(|&m| ctx.kind(m) == EntityKind::Person);
    for v in k..to.min(k + 30) {
        if !matches!(
            ctx.doc.tokens[v].kind,
            TokenKind::Word | TokenKind::Possessive | TokenKind::Number
        ) && !matches!(ctx.word(v), "." | "," | "-")
        {
            return None;
        }
        // "“…,” but he also warned …": a new clause, not this quotation's attribution.
        let word = ctx.lower(v);
        if matches!(word, "but" | "while" | "although" | "though" | "as")
            || word == "and" && lead.is_none()
        {
            return None;
        }
        if speech_verb_at(ctx, v).is_some() {
            let subject = ctx.subject_before(v, k.saturating_sub(1)).map(|(m, _)| m);
            // "Tom Reyes and Ana Lopes wrote": the first named leads.
            let coordinated = |m: usize| {
                lead.is_some_and(|l| {
                    (ctx.rec.mentions[l].tokens.end..ctx.rec.mentions[m].tokens.start)
                        .any(|j| ctx.doc.is(j, "and"))
                })
            };
            let subject = match subject {
                Some(m) if ctx.kind(m) == EntityKind::Person && !coordinated(m) => Some(m),
                other => lead.or(other),
            };
            return subject.map(|m| (m, v));
        }
    }
    None
}

/// The attribution before an opening quotation mark: "Solberg …, saying that “…", "He said: “…".
fn attribution_before(
    ctx: &Ctx<'_, '_>,
    sentence: &Range<usize>,
    open: usize,
) -> Option<(usize, usize)> {
    let mut k = open;
    while k > sentence.start && matches!(ctx.lower(k - 1), ":" | "," | "that") {
        k -= 1;
    }
    if k <= sentence.start {
        return None;
    }
    // "told POLITICO, “…": the listener sits between the verb and the quotation.
    let k = match ctx.rec.mention_ending_at(k) {
        Some(o) if ctx.rec.mentions[o].tokens.start > sentence.start + 1 => {
            let before = ctx.rec.mentions[o].tokens.start;
            if speech_verb_at(ctx, before - 1).is_some() {
                before
            } else {
                k
            }
        }
        _ => k,
    };
    // "pointed out that": the particle sits right before the mark.
    let particle = || {
        let verb = k.checked_sub(2)?;
        speech_verb_at(ctx, verb).filter(|(_, end, _)| *end == k)?;
        Some(verb)
    };
    // "said in a statement that “…", "wrote to his readers, “…": a short phrase
    // of plain words, opened by a preposition, between the verb and the mark.
    let phrase = || {
        (k.saturating_sub(9).max(sentence.start)..k.saturating_sub(2))
            .rev()
            .find(|&v| {
                speech_verb_at(ctx, v).is_some_and(|(_, end, _)| end < k)
                    && matches!(
                        ctx.lower(v + 1),
                        "in" | "to" | "on" | "at" | "during" | "with" | "of" | "back" | "about"
                    )
                    && (v + 1..k).all(|j| {
                        matches!(
                            ctx.doc.tokens[j].kind,
                            TokenKind::Word | TokenKind::Number | TokenKind::Possessive
                        ) || ctx.word(j) == ","
                            && j + 1 < k
                            && ctx.doc.tokens[j + 1].kind == TokenKind::Number
                    })
            })
    };
    let v = if speech_verb_at(ctx, k - 1).is_some() {
        k - 1
    } else {
        particle().or_else(phrase)?
    };
    if let Some((m, _)) = ctx.subject_before(v, sentence.start) {
        return Some((m, v));
    }
    // "…, saying that": the subject of the main clause speaks.
    let persons = ctx
        .rec
        .mentions_in(sentence.start..v)
        .find(|&m| ctx.kind(m) == EntityKind::Person);
    // "He also issued a statement, saying, “…": the pronoun that opens the sentence.
    persons
        .or_else(|| ctx.first_actor_in(sentence.start..v))
        .or_else(|| ctx.antecedent(sentence.start).map(|(m, _)| m))
        .map(|m| (m, v))
}

fn quote_text(ctx: &Ctx<'_, '_>, open: usize, close: usize) -> (String, crate::model::Span) {
    let mut end = close;
    while end > open + 1 && matches!(ctx.word(end - 1), "," | ";" | ":" | "\u{2013}" | "\u{2014}") {
        end -= 1;
    }
    let span = ctx.span(open + 1, end);
    (span.of(ctx.doc.text).trim().to_owned(), span)
}

/// When it was said: a date in the sentence but outside the words said ("said on
/// Monday that …", not "… achieved this year").
fn date_outside(
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

fn mentions_within(ctx: &Ctx<'_, '_>, range: Range<usize>) -> Vec<usize> {
    ctx.rec
        .mentions_in(range.clone())
        .filter(|&m| ctx.rec.mentions[m].tokens.end <= range.end)
        .collect()
}

/// The event a statement was made at, named in its attribution: "told the seventh
/// Global Ocean Forum", "said Chen, at this morning's session".
fn made_at(events: &EventRefs, attribution: Range<usize>) -> Option<usize> {
    attribution.clone().find_map(|k| events.at(k))
}

/// Whether the speech verb at `v` is passive: "Reyes is said to be keen", "she was told
/// that …" (the subject is talked about, or listens).
fn passive_at(ctx: &Ctx<'_, '_>, v: usize, sentence_start: usize) -> bool {
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
fn in_wh_clause(ctx: &Ctx<'_, '_>, p: usize, sentence_start: usize) -> bool {
    p > sentence_start
        && matches!(
            ctx.lower(p - 1),
            "who" | "what" | "whom" | "whether" | "how" | "where" | "when" | "why"
        )
}

/// The speaker of the last attribution before token `open`, in its paragraph or the one
/// before: "Reyes said that … “That's because …”".
fn recent_speaker(ctx: &Ctx<'_, '_>, open: usize) -> Option<(usize, usize)> {
    let paragraph = ctx.doc.sentences[ctx.doc.sentence_of(open)].paragraph;
    let mut v = open;
    while v > 0 {
        v -= 1;
        let sentence = &ctx.doc.sentences[ctx.doc.sentence_of(v)];
        if sentence.paragraph + 1 < paragraph {
            return None;
        }
        if ctx.quoted[v] || speech_verb_at(ctx, v).is_none() {
            continue;
        }
        let (_, verb_end, _) = speech_verb_at(ctx, v)?;
        if let Some((m, p)) = ctx.subject_before(v, sentence.tokens.start) {
            if in_wh_clause(ctx, p, sentence.tokens.start) {
                continue;
            }
            return Some((m, v));
        }
        if let Some(m) = speaker_after_verb(ctx, verb_end, sentence.tokens.end) {
            return Some((m, v));
        }
    }
    None
}

fn direct_statements(
    ctx: &Ctx<'_, '_>,
    events: &EventRefs,
    used_verbs: &mut HashSet<usize>,
) -> Vec<StatementFact> {
    let pairs = quotes(ctx.doc);
    let mut found: Vec<(usize, usize, Option<usize>, &'static str)> = Vec::new();
    for &(open, close) in &pairs {
        if close - open < 4 {
            continue; // a quoted word or two is a phrase, not a statement
        }
        let s_open = ctx.sentence(open);
        let s_close = ctx.sentence(close);
        // Nothing but punctuation or another quotation before it in its sentence.
        let before_is_empty = (s_open.start..open)
            .all(|k| ctx.doc.tokens[k].kind != TokenKind::Word || ctx.quoted[k]);

        let after_end = s_close.end;
        if let Some((speaker, verb)) = attribution_after(ctx, close + 1, after_end) {
            used_verbs.insert(verb);
            found.push((
                open,
                close,
                Some(speaker),
                "statement:quote-then-attribution",
            ));
        } else if let Some((speaker, verb)) = attribution_before(ctx, &s_open, open) {
            // The quotation must run to the end of its sentence, or it is only a phrase
            // inside reported speech — unless the speaker goes on to do something else
            // ("…,” and shared a link).
            let next_word =
                (close + 1..after_end).find(|&k| ctx.doc.tokens[k].kind == TokenKind::Word);
            // ("…,” promising more": a participle of the same speaker, too.)
            let lower_at = |j: usize| ctx.word(j).chars().next().is_some_and(char::is_lowercase);
            let rest_is_empty = next_word.is_none_or(|k| {
                k == close + 1
                    && (ctx.word(k) == "and" && lower_at(k + 1)
                        || ctx.word(k).ends_with("ing") && lower_at(k))
            });
            if rest_is_empty {
                used_verbs.insert(verb);
                found.push((
                    open,
                    close,
                    Some(speaker),
                    "statement:attribution-then-quote",
                ));
            }
        } else if before_is_empty {
            // Another quotation may follow in the same sentence ("“…,” “…,” she added").
            let next_word = (close + 1..after_end).find(|&k| {
                !matches!(
                    ctx.doc.tokens[k].kind,
                    TokenKind::Punct | TokenKind::CloseQuote
                )
            });
            let rest_is_empty =
                next_word.is_none_or(|k| ctx.doc.tokens[k].kind == TokenKind::OpenQuote);
            if rest_is_empty {
                found.push((open, close, None, "statement:continued-quote"));
            }
        }
    }
    // Quotations without their own attribution take the speaker of the next one when
    // nothing but punctuation separates them, or else of the previous one.
    for i in (0..found.len()).rev() {
        if found[i].2.is_none() && i + 1 < found.len() && found[i + 1].2.is_some() {
            let gap = found[i].1 + 1..found[i + 1].0;
            let paragraph = |k: usize| ctx.doc.sentences[ctx.doc.sentence_of(k)].paragraph;
            if gap
                .clone()
                .all(|k| ctx.doc.tokens[k].kind != TokenKind::Word)
                && paragraph(found[i].1) == paragraph(found[i + 1].0)
            {
                found[i].2 = found[i + 1].2;
            }
        }
    }
    let mut statements: Vec<StatementFact> = Vec::new();
    let mut last: Option<(usize, usize, usize)> = None; // speaker, paragraph, end
    for (open, close, speaker, rule) in found {
        let paragraph = ctx.doc.sentences[ctx.doc.sentence_of(open)].paragraph;
        let speaker = match speaker {
            Some(s) => s,
            // The nearest attribution before it, direct or reported, within a paragraph.
            // The previous quotation's speaker when that attribution is the nearest one
            // (it was read with more care than the verb's subject alone).
            None => match recent_speaker(ctx, open)
                .map(|(m, verb)| match last {
                    Some((s, _, end)) if verb < end => s,
                    _ => m,
                })
                .or_else(|| {
                    last.filter(|&(_, p, _)| p + 1 >= paragraph)
                        .map(|(s, _, _)| s)
                }) {
                Some(s) => s,
                None => continue,
            },
        };
        let s_open = ctx.sentence(open);
        let s_close = ctx.sentence(close);
        let (text, text_span) = quote_text(ctx, open, close);
        let whole = s_open.start..s_close.end;
        let confidence = if rule == "statement:continued-quote" {
            0.6
        } else {
            0.85
        };
        statements.push(StatementFact {
            speaker,
            direct: true,
            text,
            text_span,
            made_at: made_at(events, close + 1..s_close.end),
            date: date_outside(ctx, whole.clone(), open..close + 1),
            mentions: mentions_within(ctx, open + 1..close),
            evidence: Evidence {
                span: ctx.span(whole.start, whole.end),
                rule,
                confidence,
            },
        });
        last = Some((
            speaker,
            ctx.doc.sentences[ctx.doc.sentence_of(close)].paragraph,
            whole.end,
        ));
    }
    statements
}

/// The end of a sentence's content: before its final punctuation and closing quotes.
fn content_end(ctx: &Ctx<'_, '_>, sentence: &Range<usize>) -> usize {
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

fn reported_statements(
    ctx: &Ctx<'_, '_>,
    events: &EventRefs,
    used_verbs: &HashSet<usize>,
) -> Vec<StatementFact> {
    let mut statements = Vec::new();
    for sentence in &ctx.doc.sentences {
        let s = sentence.tokens.clone();
        for v in s.clone() {
            if ctx.quoted[v] || used_verbs.contains(&v) || v > 0 && ctx.lower(v - 1) == "to" {
                continue;
            }
            let Some((lemma, verb_end, needs_that)) = speech_verb_at(ctx, v) else {
                continue;
            };
            if passive_at(ctx, v, s.start) {
                continue;
            }
            let subject = ctx.subject_before(v, s.start);
            let end = content_end(ctx, &s);
            // "reported on Friday that …": the "that" clause may follow a date or an adverb.
            let mut that_at = verb_end;
            while that_at < end
                && (ctx.rec.date_at(that_at).is_some()
                    // (also when the article has no date to resolve "Monday" against)
                    || lexicons().weekday(ctx.word(that_at)).is_some()
                    || matches!(
                        ctx.lower(that_at),
                        "on" | "in"
                            | "last"
                            | "also"
                            | "again"
                            | "earlier"
                            | "later"
                            | "repeatedly"
                            | "today"
                            | "yesterday"
                            | "week"
                            | "month"
                            | "year"
                    ))
            {
                that_at += 1;
            }
            let that_follows = ctx.lower(that_at) == "that";
            if subject.is_some_and(|(_, p)| in_wh_clause(ctx, p, s.start)) {
                continue;
            }
            let mut intro = s.start..s.start;
            // "In an interview, Tom Reyes said his officers would …": a clause after the
            // verb is what was said, whatever comes before.
            let lex = lexicons();
            let clause_follows = lemma != "tell"
                && (that_at..end)
                    .filter(|&k| {
                        ctx.doc.tokens[k].kind == TokenKind::Word && ctx.rec.date_at(k).is_none()
                    })
                    .count()
                    >= 3
                && !ctx.doc.is(that_at, ",")
                && !ctx.lower(that_at).ends_with("ly")
                && !matches!(
                    ctx.lower(that_at),
                    "in" | "at"
                        | "on"
                        | "during"
                        | "after"
                        | "before"
                        | "while"
                        | "from"
                        | "to"
                        | "with"
                        | "for"
                        | "as"
                        | "when"
                        | "of"
                        | "by"
                        | "about"
                        | "outside"
                )
                || ctx.lower(that_at) == "that";
            // (when the speaker comes after the verb: "…, said the minister, Tom Reyes")
            let speaker_follows = ctx.rec.mention_starting_at(that_at).is_some()
                || ctx.rec.title_at(that_at).is_some()
                || lex.is_honorific(ctx.word(that_at))
                || matches!(ctx.lower(that_at), "the" | "a" | "an");
            let (speaker, content, attribution, rule) = match subject {
                // "…, Acme CEO Mary Lou Chen told the conference"
                Some((m, p))
                    if p > s.start + 2
                        && ctx.doc.is(p - 1, ",")
                        && !that_follows
                        && !clause_follows =>
                {
                    (
                        m,
                        s.start..p - 1,
                        v..end,
                        "statement:reported-before-attribution",
                    )
                }
                Some((m, p)) => {
                    intro = s.start..p;
                    let mut c = verb_end;
                    if lemma == "tell" {
                        // "told Reuters (that) …", "told the BBC News website …", "told him …"
                        let listener = ctx.rec.mention_starting_at(c).or_else(|| {
                            (ctx.lower(c) == "the")
                                .then(|| ctx.rec.mention_starting_at(c + 1))
                                .flatten()
                        });
                        if let Some(o) = listener {
                            c = ctx.rec.mentions[o].tokens.end;
                            if matches!(
                                ctx.lower(c),
                                "website"
                                    | "programme"
                                    | "program"
                                    | "newspaper"
                                    | "paper"
                                    | "agency"
                                    | "channel"
                                    | "radio"
                                    | "network"
                                    | "magazine"
                                    | "show"
                                    | "station"
                            ) {
                                c += 1;
                            }
                        } else if matches!(
                            ctx.lower(c),
                            "him" | "her" | "them" | "us" | "me" | "reporters" | "journalists"
                        ) {
                            c += 1;
                        } else if ctx.lower(c) == "the"
                            && ctx
                                .doc
                                .tokens
                                .get(c + 1)
                                .is_some_and(|t| t.kind == TokenKind::Word)
                            && ctx.word(c + 1).chars().all(char::is_lowercase)
                            && (ctx.doc.is(c + 2, ":") || ctx.lower(c + 2) == "that")
                        {
                            // "told the newspaper: …", "told the court that …"
                            c += 2;
                        } else if let Some(t) =
                            (c..end.min(c + 8)).find(|&k| ctx.lower(k) == "that")
                        {
                            c = t;
                        } else {
                            continue;
                        }
                    }
                    if ctx.doc.is(c, ",") || ctx.doc.is(c, ":") {
                        c += 1;
                    }
                    // 'He added: "It's nice …' with the quotation running on into the next
                    // paragraph (its closing mark comes later, or never).
                    if c < end && ctx.doc.tokens[c].kind == TokenKind::OpenQuote {
                        let text_span = ctx.span(c + 1, end);
                        statements.push(StatementFact {
                            speaker: m,
                            direct: true,
                            text: text_span.of(ctx.doc.text).trim().to_owned(),
                            text_span,
                            made_at: made_at(events, v..c),
                            date: date_outside(ctx, s.clone(), c + 1..end),
                            mentions: mentions_within(ctx, c + 1..end),
                            evidence: Evidence {
                                span: ctx.span(s.start, s.end),
                                rule: "statement:attribution-then-open-quote",
                                confidence: 0.8,
                            },
                        });
                        continue;
                    }
                    if that_follows && c == verb_end {
                        c = that_at;
                    }
                    if ctx.lower(c) == "that" {
                        c += 1;
                    } else if needs_that {
                        continue;
                    }
                    if c < end && ctx.doc.tokens[c].kind == TokenKind::OpenQuote {
                        continue; // a direct quotation follows
                    }
                    (m, c..end, verb_end..c, "statement:reported-after-verb")
                }
                // "…, said the minister" with the speaker after the verb; "…, told the
                // BBC" names the listener there, not the speaker.
                None if v > s.start + 2
                    && ctx.doc.is(v - 1, ",")
                    && lemma != "tell"
                    && (speaker_follows || !clause_follows) =>
                {
                    match speaker_after_verb(ctx, verb_end, end) {
                        Some(m) => (
                            m,
                            s.start..v - 1,
                            v..end,
                            "statement:reported-before-attribution",
                        ),
                        None => continue,
                    }
                }
                None => continue,
            };
            if content.len() < 3
                || content.clone().any(|k| ctx.quoted[k])
                    && ctx.doc.tokens[content.start].kind == TokenKind::OpenQuote
            {
                continue;
            }
            // Three words at least, figures counting ("sales rose 5%") but not dates.
            let words = content.clone().filter(|&k| {
                matches!(ctx.doc.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                    && ctx.rec.date_at(k).is_none()
            });
            if words.count() < 3 {
                continue;
            }
            let text_span = ctx.span(content.start, content.end);
            statements.push(StatementFact {
                speaker,
                direct: false,
                text: text_span.of(ctx.doc.text).trim().to_owned(),
                text_span,
                // "In a panel discussion at a Harbour summit, Mr Reyes said …"
                made_at: made_at(events, attribution).or_else(|| made_at(events, intro)),
                date: date_outside(ctx, s.clone(), content.clone()),
                mentions: mentions_within(ctx, content.clone()),
                evidence: Evidence {
                    span: ctx.span(s.start, s.end),
                    rule,
                    confidence: 0.75,
                },
            });
        }
    }
    statements
}
