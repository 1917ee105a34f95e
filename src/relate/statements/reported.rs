//! Reported speech: "Olsen said the bank would pay", "…, the minister told reporters".

use super::direct::speaker_after_verb;
use super::said::{asks, content_end, leads_to_speech, past_a_date, says_something, unsaid};
use super::{date_outside, in_wh_clause, made_at, mentions_within, passive_at, speech_verb_at};
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::relate::events::EventRefs;
use crate::relate::{Ctx, Evidence, StatementFact};
use crate::segment::TokenKind;
use std::collections::HashSet;
use std::ops::Range;

/// The token after speech verb `w` and its particles or object pronoun ("said", "told
/// him"): where a clause it takes without "that" begins.
fn verb_span_end(ctx: &Ctx<'_, '_>, w: usize) -> usize {
    let tree = &ctx.tree;
    let mut end = tree.token(w) + 1;
    for &c in tree.children(w) {
        let t = tree.token(c);
        if t == end && matches!(tree.deprel(c), "obj" | "iobj" | "compound:prt") {
            end = t + 1;
        }
    }
    end
}

/// Verbs that report what someone says, as a second act after a first: "…, adding that
/// …", "… and insisted his team …", "…, saying: …".
const REPORTING: &[&str] = &[
    "say",
    "add",
    "insist",
    "claim",
    "tell",
    "warn",
    "argue",
    "admit",
    "explain",
    "note",
    "stress",
    "deny",
    "acknowledge",
    "suggest",
    "predict",
    "concede",
    "point",
];

/// Reported speech read off the tree: the clause a speech verb takes as its complement
/// ("Olsen said (that) the bank would pay": ccomp), or the clause a speech verb is set
/// beside ("The bank will pay, Olsen told reporters": parataxis). The content is that
/// clause's words without "that" and the final punctuation; the speaker the verb's
/// subject. Not when the clause is a question ("asked whether …") or opens with a
/// quotation (a direct statement).
///
/// Returns the speaker, the content, and where the words of the clause end before any
/// second act of speech was cut off (its dates are not when the first was said).
fn reported_in_tree(ctx: &Ctx<'_, '_>, v: usize) -> Option<(usize, Range<usize>, usize)> {
    let tree = &ctx.tree;
    let w = tree.words_in(v..v + 1).start;
    // (A finite verb modifying a noun is a misread sentence: "Then engineer Ann Lind of
    // Vantor says …" read as "Ann Lind [of Vantor says …]".)
    if tree.upos(w) != "VERB"
        || tree.deprel(w) == "acl" && tree.is_finite(w)
        || tree.child(w, "nsubj:pass").is_some()
        || tree.child(w, "aux:pass").is_some()
    {
        return None;
    }
    // A verb joined to the speech verb with neither "and" nor a subject is a misread
    // clause ("noted that the results China achieved [this year] demonstrate …").
    let misread = tree.children(w).iter().any(|&c| {
        tree.deprel(c) == "conj"
            && tree.child(c, "cc").is_none()
            && tree.child(c, "nsubj").is_none()
    });
    if misread {
        return None;
    }
    let verb_span = tree.subtree_tokens(w);
    let mut content = match tree.child(w, "ccomp") {
        Some(c) => tree.subtree_tokens(c),
        None if tree.deprel(w) == "parataxis" => {
            let head = tree.head(w).filter(|&h| tree.token(h) < v)?;
            tree.subtree_tokens(head).start..verb_span.start
        }
        None => return None,
    };
    // A clause has its subject ("… human rights concerns remained" parsed without one
    // is a fragment of a misread sentence).
    if let Some(c) = tree.child(w, "ccomp") {
        // A subject takes no preposition ("concerns over China remained").
        let subject = ["nsubj", "nsubj:pass", "expl", "csubj"];
        let s = subject.iter().find_map(|r| tree.child(c, r))?;
        if tree.child(s, "case").is_some() {
            return None;
        }
        // … and a tense: "said sales rose", "said prices would rise", "said it was
        // wrong" — not "announced draft rules targeting …" read as a clause.
        if !tree.is_tensed(c) {
            return None;
        }
    }
    let clause_end = content.end;
    // A second act of speech inside the clause is not what was said the first time:
    // "said errors had forced the move, adding that the board would review it" says
    // "errors had forced the move".
    if let Some(c) = tree.child(w, "ccomp") {
        let second = tree.children(c).iter().copied().find(|&x| {
            matches!(tree.deprel(x), "advcl" | "conj")
                && tree.token(x) > tree.token(c)
                && REPORTING.contains(&tree.lemma(x))
                // (not "was wrong to say", nor "admitted he misled MPs when he denied …")
                && !tree.children(x).iter().any(|&m| {
                    (tree.deprel(m) == "mark" || tree.xpos(m) == "WRB")
                        && !matches!(tree.lemma(m), "while" | "whereas")
                })
                && (tree.child(x, "ccomp").is_some()
                    || tree.child(x, "parataxis").is_some()
                    || ctx.word(tree.token(x) + 1) == ":")
        });
        if let Some(x) = second {
            content.end = content.end.min(tree.subtree_tokens(x).start);
        }
        // "said drilling had been disappointing, which sent its shares down": a
        // relative clause on the whole clause is the narrator's comment on it. (After a
        // noun, ", which" describes the noun, whatever the parser hung it on.)
        let comment = tree.children(c).iter().copied().find(|&x| {
            // (the comma is the clause's first token, or the one before it)
            let start = tree.subtree_tokens(x).start;
            let Some(comma) = (start.saturating_sub(1)..=start)
                .rev()
                .find(|&k| k > 0 && ctx.word(k) == ",")
            else {
                return false;
            };
            let after_noun = tree
                .words_in(comma - 1..comma)
                .any(|w| matches!(tree.upos(w), "NOUN" | "PROPN" | "PRON" | "NUM"));
            tree.deprel(x) == "advcl:relcl" && ctx.lower(comma + 1) == "which" && !after_noun
        });
        if let Some(x) = comment {
            content.end = content.end.min(tree.subtree_tokens(x).start);
        }
    }
    let kind = |k: usize| ctx.doc.tokens[k].kind;
    let mut that = false;
    while content.start < content.end
        && (ctx.lower(content.start) == "that" || kind(content.start) == TokenKind::Punct)
    {
        that |= ctx.lower(content.start) == "that";
        content.start += 1;
    }
    if !that && content.start == verb_span_end(ctx, w) {
        content.start = past_a_date(ctx, content.start, content.end);
    }
    while content.end > content.start
        && matches!(
            kind(content.end - 1),
            TokenKind::Punct | TokenKind::CloseQuote
        )
        && ctx.word(content.end - 1) != "%"
        // (a bracket the content opened: "cut profits by $3.8m (£2m)")
        && !(ctx.word(content.end - 1) == ")"
            && (content.start..content.end - 1).any(|k| ctx.word(k) == "("))
    {
        content.end -= 1;
    }
    // … and a trailing "and" left by the cut.
    while content.end > content.start && matches!(ctx.lower(content.end - 1), "and" | "but") {
        content.end -= 1;
        while content.end > content.start && kind(content.end - 1) == TokenKind::Punct {
            content.end -= 1;
        }
    }
    // (nor a relative clause: "the man, who later disappeared, claimed …" misread)
    if content.is_empty()
        || asks(ctx, content.start, tree.lemma(w))
        || kind(content.start) == TokenKind::OpenQuote
        || matches!(ctx.lower(content.start), "who" | "which")
    {
        return None;
    }
    let speaker = super::speaker_in_tree(ctx, w)?;
    let m = &ctx.rec.mentions[speaker].tokens;
    (m.end <= content.start || m.start >= content.end).then_some((speaker, content, clause_end))
}

/// Whether a person is named at `from` after nouns that describe them ("Vardby TV labour
/// affairs correspondent Nina Olsen"): the speaker after the verb, not a clause.
fn described_person_at(ctx: &Ctx<'_, '_>, from: usize, end: usize) -> bool {
    let tree = &ctx.tree;
    let Some(name) = (from..end.min(from + 6)).find(|&j| {
        ctx.rec
            .mention_starting_at(j)
            .is_some_and(|m| ctx.kind(m) == EntityKind::Person)
    }) else {
        return false;
    };
    (from..name).all(|j| {
        ctx.doc.tokens[j].kind == TokenKind::Word
            && tree
                .words_in(j..j + 1)
                .all(|w| matches!(tree.upos(w), "NOUN" | "PROPN"))
    })
}

/// Reported speech found in a sentence, before the checks every statement passes.
struct Reported {
    speaker: usize,
    content: Range<usize>,
    /// Where the reported words end, a second act of speech cut off included.
    said_until: usize,
    made_at: Option<usize>,
    rule: &'static str,
    confidence: f32,
}

impl Reported {
    /// The statement, if its content has three words at least (figures counting: "sales
    /// rose 5%", dates not).
    fn fact(self, ctx: &Ctx<'_, '_>, sentence: Range<usize>) -> Option<StatementFact> {
        let words = self.content.clone().filter(|&k| {
            matches!(ctx.doc.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                && ctx.rec.date_at(k).is_none()
        });
        if words.count() < 3 {
            return None;
        }
        let text_span = ctx.span(self.content.start, self.content.end);
        Some(StatementFact {
            speaker: self.speaker,
            direct: false,
            text: text_span.of(ctx.doc.text).trim().to_owned(),
            text_span,
            made_at: self.made_at,
            date: date_outside(
                ctx,
                sentence.clone(),
                self.content.start..self.content.end.max(self.said_until),
            ),
            mentions: mentions_within(ctx, self.content),
            evidence: Evidence {
                span: ctx.span(sentence.start, sentence.end),
                rule: self.rule,
                confidence: self.confidence,
            },
        })
    }
}

pub(super) fn reported_statements(
    ctx: &Ctx<'_, '_>,
    events: &EventRefs,
    used_verbs: &HashSet<usize>,
) -> Vec<StatementFact> {
    let mut statements = Vec::new();
    for sentence in &ctx.doc.sentences {
        let s = sentence.tokens.clone();
        for v in s.clone() {
            if ctx.quoted[v] || used_verbs.contains(&v) {
                continue;
            }
            let Some((lemma, verb_end, needs_that)) = speech_verb_at(ctx, v) else {
                continue;
            };
            if passive_at(ctx, v, s.start) || unsaid(ctx, v) {
                continue;
            }
            let infinitive = v > 0 && ctx.lower(v - 1) == "to";
            if let Some((speaker, content, said_until)) = reported_in_tree(ctx, v) {
                let attribution = if content.start > v {
                    v..content.start
                } else {
                    v..s.end
                };
                let verb = ctx.tree.words_in(v..v + 1).start;
                let found = Reported {
                    speaker,
                    content,
                    said_until,
                    made_at: made_at(events, attribution),
                    rule: "statement:reported-clause",
                    confidence: 0.75 * ctx.tree.sureness(verb),
                };
                if let Some(fact) = found.fact(ctx, s.clone()) {
                    statements.push(fact);
                    continue;
                }
            }
            if infinitive || leads_to_speech(ctx, v) {
                continue; // "wants to say": only the tree knows whose words these are
            }
            // "fined for his remarks about Lopes", "the claim dismissed": a speech word
            // after a determiner or a possessive is a noun and reports nothing.
            let determined = v > s.start
                && (matches!(
                    ctx.lower(v - 1),
                    "the" | "a" | "an" | "his" | "her" | "its" | "their" | "my" | "our" | "your"
                ) || ctx.doc.tokens[v - 1].kind == TokenKind::Possessive);
            if determined {
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
            // "answered his critics as he scored …", "added a second goal", "claimed the
            // title": these verbs with an object right after them and no clause do what
            // they say, they report nothing. (Not "said": the parser reads many a clause
            // after it as an object — "said the firm plans to grow …".)
            let tree = &ctx.tree;
            let w = tree.words_in(v..verb_end).start;
            // A verb right after the "object" makes it the subject of a clause the parser
            // misread ("claimed the sprinter regularly used drugs").
            let verb_after = |t: usize| {
                let words = tree.words_in(t..end.max(t));
                let mut k = words.start;
                while k < words.end && tree.upos(k) == "ADV" {
                    k += 1;
                }
                k < words.end && matches!(tree.upos(k), "VERB" | "AUX")
            };
            // (Not "…, added Mr Clarke": after a comma the "object" is the speaker.)
            let object_follows = matches!(lemma.as_str(), "add" | "claim" | "answer" | "address")
                && !(v > 0 && ctx.doc.is(v - 1, ","))
                && !that_follows
                && tree.child(w, "ccomp").is_none()
                && tree.child(w, "obj").is_some_and(|o| {
                    let object = tree.subtree_tokens(o);
                    object.start == verb_end && !verb_after(object.end)
                });
            if object_follows {
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
                || described_person_at(ctx, that_at, end)
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
                    // "said in a statement to the stock exchange that …": a phrase of
                    // where or to whom comes before the "that" the words start after.
                    if !that_follows
                        && c == verb_end
                        && matches!(ctx.lower(c), "in" | "to" | "at" | "on" | "during" | "after")
                    {
                        let that = (c..end.min(c + 12))
                            .take_while(|&k| !matches!(ctx.word(k), "," | ";" | ":"))
                            .find(|&k| ctx.lower(k) == "that")
                            // (a "that" opening a clause, not a relative pronoun)
                            .filter(|&k| {
                                let w = ctx.tree.words_in(k..k + 1).start;
                                ctx.tree.deprel(w) == "mark"
                            });
                        if let Some(t) = that {
                            c = t;
                        }
                    }
                    if ctx.lower(c) == "that" {
                        c += 1;
                    } else if needs_that {
                        continue;
                    } else if c == verb_end {
                        c = past_a_date(ctx, c, end);
                    }
                    if c < end && ctx.doc.tokens[c].kind == TokenKind::OpenQuote {
                        continue; // a direct quotation follows
                    }
                    // Words said are a clause: "…, Reyes has claimed in a heated debate"
                    // has only a phrase of where after the verb, "stressed its support for
                    // the plan" an object.
                    let tree = &ctx.tree;
                    // ("said - any chancellor would …" says it; "said - falling short of
                    // …" is the narrator going on.)
                    let dashed = matches!(ctx.word(c), "-" | "\u{2013}" | "\u{2014}");
                    if dashed {
                        c += 1;
                    }
                    let narrator_goes_on = dashed && ctx.lower(c).ends_with("ing");
                    let words = tree.words_in(c..end);
                    // (of where, when or how; "warned of a fall", "argued for a
                    // coalition" give what was said about)
                    let phrase = words.start < words.end
                        && tree.upos(words.start) == "ADP"
                        && matches!(
                            ctx.lower(c),
                            "in" | "at" | "during" | "after" | "before" | "by" | "with" | "from"
                        );
                    let verbless = !words
                        .clone()
                        .any(|w| matches!(tree.upos(w), "VERB" | "AUX"));
                    let object = tree
                        .words_in(v..v + 1)
                        .next()
                        .and_then(|sv| tree.child(sv, "obj"))
                        .is_some_and(|o| tree.subtree_tokens(o).start == c);
                    if narrator_goes_on || verbless && (phrase || object) {
                        continue;
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
                || asks(ctx, content.start, &lemma)
                || rule == "statement:reported-before-attribution"
                    && !says_something(ctx, content.clone())
                || content.clone().any(|k| ctx.quoted[k])
                    && ctx.doc.tokens[content.start].kind == TokenKind::OpenQuote
            {
                continue;
            }
            let found = Reported {
                speaker,
                said_until: content.end,
                content,
                // "In a panel discussion at a Harbour summit, Mr Reyes said …"
                made_at: made_at(events, attribution).or_else(|| made_at(events, intro)),
                rule,
                confidence: 0.75,
            };
            statements.extend(found.fact(ctx, s.clone()));
        }
    }
    statements
}
