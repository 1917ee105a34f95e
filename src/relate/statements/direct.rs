//! Direct quotations and who said them.

use super::{date_outside, in_wh_clause, made_at, mentions_within, quote_text, speech_verb_at};
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::relate::events::EventRefs;
use crate::relate::{Ctx, Evidence, StatementFact, quotes};
use crate::segment::TokenKind;
use std::collections::HashSet;
use std::ops::Range;

/// The speech verb a quotation hangs on in the dependency tree, and its speaker.
///
/// The quoted words' clause is the verb's complement or the verb's clause is set beside
/// it: "Olsen told reporters: “We will fight.”" (ccomp), "“We will fight,” she said"
/// (ccomp or parataxis), "…, emailed supporters, telling them, “…”" (the participle's
/// subject is that of the verb it modifies). The speaker is the verb's subject: a name,
/// a pronoun or a description resolved to one ("the company").
fn attribution_in_tree(
    ctx: &Ctx<'_, '_>,
    open: usize,
    close: usize,
    opens_sentence: bool,
) -> Option<(usize, usize)> {
    let tree = &ctx.tree;
    let inside = tree.words_in(open + 1..close);
    // A speech verb outside the quotation, not coordinated with it ("“…,” but Olsen
    // warned …") and not reporting a clause of its own ("… warned that demand fell").
    let speech = |w: usize| {
        let t = tree.token(w);
        !ctx.quoted[t]
            && tree.upos(w) == "VERB"
            && speech_verb_at(ctx, t).is_some()
            && tree.child(w, "cc").is_none()
            && !tree
                .children(w)
                .iter()
                .any(|&c| tree.deprel(c) == "ccomp" && !inside.contains(&c))
    };
    // The whole complement is quoted, not a phrase of it: "said Olsen was “a
    // disaster”" quotes a fragment of reported speech.
    let all_quoted = |w: usize| {
        let words = tree.words_in(tree.subtree_tokens(w));
        words.clone().all(|x| {
            inside.contains(&x)
                || matches!(ctx.doc.tokens[tree.token(x)].kind, TokenKind::Punct)
                || ctx.doc.tokens[tree.token(x)].kind == TokenKind::CloseQuote
                || ctx.doc.tokens[tree.token(x)].kind == TokenKind::OpenQuote
        })
    };
    let verb = inside.clone().find_map(|w| {
        let head = tree.head(w).filter(|&h| {
            !inside.contains(&h)
                && speech(h)
                && matches!(tree.deprel(w), "ccomp" | "parataxis" | "obj" | "dep")
                && all_quoted(w)
        });
        head.or_else(|| {
            tree.children(w).iter().copied().find(|&c| {
                opens_sentence
                    && !inside.contains(&c)
                    && speech(c)
                    && matches!(tree.deprel(c), "parataxis" | "ccomp" | "advcl" | "dep")
            })
        })
    })?;
    if tree.child(verb, "nsubj:pass").is_some() || tree.child(verb, "aux:pass").is_some() {
        return None; // "Olsen was told: “…”" — the subject listens
    }
    super::speaker_in_tree(ctx, verb)
        .filter(|&m| matches!(ctx.kind(m), EntityKind::Person | EntityKind::Organization))
        .map(|m| (m, tree.token(verb)))
}

/// The speaker right after a speech verb: "said Chen", "said spokeswoman Ann
/// Lee", "said Ann Lee, URW General Secretary".
pub(super) fn speaker_after_verb(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> Option<usize> {
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
            // "said Ulster man Tom Reyes", "said Vardby TV labour affairs correspondent
            // Nina Olsen": so does one before common nouns and a person.
            let person_after_nouns = person_after_nouns(ctx, end, to);
            let describes = end < to
                && (ctx.rec.title_at(end).is_some()
                    || lex.is_honorific(ctx.word(end))
                    || ctx.doc.tokens[end].kind == TokenKind::Possessive
                    || person_after_nouns.is_some());
            if !describes {
                return first_actor.or_else(|| crate::recognize::can_act(ctx.kind(m)).then_some(m));
            }
            // "said Iran's application must …": a possessive before no title owns a thing
            // of the reported clause, and no speaker follows.
            let owner = ctx.doc.tokens[end].kind == TokenKind::Possessive;
            if owner
                && (end + 1 >= to
                    || ctx.rec.title_at(end + 1).is_none()
                        && !lex.is_title_modifier(ctx.word(end + 1))
                        && ctx.rec.mention_starting_at(end + 1).is_none())
            {
                return None;
            }
            first_actor = first_actor.or(Some(m));
            k = match person_after_nouns {
                Some(person) => person,
                None if ctx.doc.tokens[end].kind == TokenKind::Possessive => end + 1,
                None => end,
            };
            continue;
        }
        // "said his wife, Anna": the one the noun names speaks, not the one "his" is.
        if matches!(ctx.lower(k), "his" | "her" | "their" | "its") {
            let noun_end = (k + 1..to)
                .find(|&j| !ctx.word(j).starts_with(char::is_lowercase))
                .unwrap_or(to);
            let named = if noun_end < to && ctx.word(noun_end) == "," {
                noun_end + 1
            } else {
                noun_end
            };
            return ctx
                .rec
                .mention_starting_at(named)
                .filter(|&m| ctx.kind(m) == EntityKind::Person);
        }
        if let Some((m, _)) = ctx.antecedent(k) {
            return Some(m);
        }
        // ("said the 28-year-old Tom Reyes": an age describes him too)
        if let Some(end) = ctx.age_at(k).filter(|&end| end <= to) {
            k = end;
            continue;
        }
        let w = ctx.word(k);
        let title = ctx.rec.title_at(k).is_some();
        // ("said Nottingham City Councillor Tom Reyes": capitalized words no name was
        // read from, before a title, describe the speaker too.)
        // Nor do nouns before a title: "said labour affairs correspondent Nina Olsen".
        let noun = ctx
            .tree
            .words_in(k..k + 1)
            .all(|x| ctx.tree.upos(x) == "NOUN");
        let before_a_title = (w.starts_with(char::is_uppercase) || noun)
            && (k + 1..(k + 4).min(to)).any(|j| ctx.rec.title_at(j).is_some());
        if !(title
            || w == "the"
            || lex.is_honorific(w)
            || lex.is_title_modifier(w)
            || w == "."
            || before_a_title)
        {
            return first_actor;
        }
        k += 1;
    }
    first_actor
}

/// Where a person's name starts after a run of common nouns from token `from` (one to
/// four, as the tagger reads them): "Ulster man Tom Reyes", "Vardby TV labour affairs
/// correspondent Nina Olsen" — not after verbs ("said Vantor would hire Tom Reyes").
fn person_after_nouns(ctx: &Ctx<'_, '_>, from: usize, to: usize) -> Option<usize> {
    let tree = &ctx.tree;
    let name = (from + 1..to.min(from + 5)).find(|&j| ctx.rec.mention_starting_at(j).is_some())?;
    let nouns = (from..name).all(|j| {
        ctx.doc.tokens[j].kind == TokenKind::Word
            && ctx.word(j).starts_with(char::is_lowercase)
            && tree.words_in(j..j + 1).all(|w| tree.upos(w) == "NOUN")
    });
    let person = ctx
        .rec
        .mention_starting_at(name)
        .is_some_and(|p| ctx.kind(p) == EntityKind::Person);
    (nouns && person).then_some(name)
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
        ) && !matches!(ctx.word(v), "." | "," | "-" | "(" | ")")
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
    // "Writing in the Vardby Echo, the critic said: “…”": a subject that describes its
    // speaker names who the description names, or no one — not another name of the
    // sentence.
    let tree = &ctx.tree;
    // (A description has its determiner or possessor, or is a plural: "the critic", "a
    // spokesman", "her lawyers", "people"; a bare title is often the parser's misreading of "Tom Reyes, editor
    // of the Vardby Echo, said".)
    let described = tree
        .words_in(v..v + 1)
        .find_map(|w| tree.child(w, "nsubj"))
        .filter(|&s| {
            // (a capitalized title is a description too: "the Bishop said")
            let title = tree.upos(s) == "PROPN" && ctx.rec.title_at(tree.token(s)).is_some();
            (tree.upos(s) == "NOUN" || title)
                && (tree.xpos(s) == "NNS"
                    || tree
                        .children(s)
                        .iter()
                        .any(|&c| matches!(tree.deprel(c), "det" | "nmod:poss")))
        });
    if let Some(subject) = described {
        // (or a name in its own phrase: "A Vantor spokesman said:", "the minister's
        // spokesman said:")
        let own = || {
            // (the words of its own phrase up to it, not a clause hung on it)
            let phrase = tree.subtree_tokens(subject);
            let end = tree.token(subject) + 1;
            let mut start = end - 1;
            while start > phrase.start
                && (ctx.word(start - 1) != "," || ctx.rec.mention_at(start - 1).is_some())
            {
                start -= 1;
            }
            ctx.first_actor_in(start..end)
        };
        return ctx.named_by(subject).or_else(own).map(|m| (m, v));
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

/// Verbs that frame the words a bare quotation after them gives: "Dave Prentis criticised
/// the plans. “If you want …”", "Ann Lind recalled remarks about …".
const FRAMING: &[&str] = &[
    "criticise",
    "criticize",
    "condemn",
    "attack",
    "praise",
    "welcome",
    "blame",
    "accuse",
    "urge",
    "recall",
    "remember",
    "defend",
    "question",
    "reject",
    "dismiss",
    "hail",
];

/// The speaker of the last attribution before token `open`, in its paragraph or the one
/// before: "Reyes said that … “That's because …”", or of a verb that frames the words
/// the quotation gives ("Lind criticised the plans. “…”").
fn recent_speaker(ctx: &Ctx<'_, '_>, open: usize) -> Option<(usize, usize)> {
    let paragraph = ctx.doc.sentences[ctx.doc.sentence_of(open)].paragraph;
    let framing = |v: usize| {
        ctx.tree
            .words_in(v..v + 1)
            .next()
            .is_some_and(|w| ctx.tree.upos(w) == "VERB" && FRAMING.contains(&ctx.tree.lemma(w)))
    };
    let mut v = open;
    while v > 0 {
        v -= 1;
        let sentence = &ctx.doc.sentences[ctx.doc.sentence_of(v)];
        if sentence.paragraph + 1 < paragraph {
            return None;
        }
        if ctx.quoted[v] || speech_verb_at(ctx, v).is_none() && !framing(v) {
            continue;
        }
        let Some((lemma, verb_end, _)) = speech_verb_at(ctx, v) else {
            // A framing verb's speaker is its subject in the tree ("He went on to
            // accuse Lind": not Lind, whom it names after it).
            let speaker = ctx
                .tree
                .words_in(v..v + 1)
                .next()
                .and_then(|w| super::speaker_in_tree(ctx, w))
                .filter(|&m| matches!(ctx.kind(m), EntityKind::Person | EntityKind::Organization));
            match speaker {
                Some(m) => return Some((m, v)),
                None => continue,
            }
        };
        if let Some((m, p)) = ctx.subject_before(v, sentence.tokens.start) {
            if in_wh_clause(ctx, p, sentence.tokens.start) {
                continue;
            }
            return Some((m, v));
        }
        // ("the 30-year-old told the Vardby Times": who was told did not speak)
        if lemma == "tell" {
            continue;
        }
        if let Some(m) = speaker_after_verb(ctx, verb_end, sentence.tokens.end) {
            return Some((m, v));
        }
    }
    None
}

pub(super) fn direct_statements(
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
        // (A quotation with words of the narrator before it is a fragment of reported
        // speech — 'This was not a "women's thing", she said' —, which the reported
        // clause carries whole.)
        let after = || {
            attribution_after(ctx, close + 1, after_end)
                .filter(|_| before_is_empty)
                .map(|(speaker, verb)| (speaker, verb, "statement:quote-then-attribution"))
        };
        let before = || {
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
            attribution_before(ctx, &s_open, open)
                .filter(|_| rest_is_empty)
                .map(|(speaker, verb)| (speaker, verb, "statement:attribution-then-quote"))
        };
        let in_tree = || {
            let (speaker, verb) = attribution_in_tree(ctx, open, close, before_is_empty)?;
            let rule = if verb > close {
                "statement:quote-then-attribution"
            } else {
                "statement:attribution-then-quote"
            };
            Some((speaker, verb, rule))
        };
        if let Some((speaker, verb, rule)) = after().or_else(before).or_else(in_tree) {
            used_verbs.insert(verb);
            found.push((open, close, Some(speaker), rule));
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
    // nothing but punctuation separates them, or else of the previous one. A paragraph
    // left open runs on into the quotation that opens the next ("“… election.¶“It might
    // sound great …,” said Tom Reyes": both are his).
    for i in (0..found.len()).rev() {
        if found[i].2.is_none() && i + 1 < found.len() && found[i + 1].2.is_some() {
            let gap = found[i].1 + 1..found[i + 1].0;
            let paragraph = |k: usize| ctx.doc.sentences[ctx.doc.sentence_of(k)].paragraph;
            let left_open = ctx.doc.tokens[found[i].1].kind != TokenKind::CloseQuote;
            let runs_on = paragraph(found[i].1) == paragraph(found[i + 1].0)
                || left_open && paragraph(found[i].1) + 1 == paragraph(found[i + 1].0);
            if gap
                .clone()
                .all(|k| ctx.doc.tokens[k].kind != TokenKind::Word)
                && runs_on
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
