//! Whether a verb reports a deed that was done: not negated, modal, conditional or
//! purposive, not wished, planned, arranged or refused, not a habit or a state told in
//! the simple present — each a construction of English with its own constant or test.

use crate::analyze::tree::Tree;
use crate::lexicon::lexicons;
use crate::relate::Ctx;
use crate::segment::TokenKind;

/// Verbs (and adjectives) whose complement is not done (yet): "wants to launch",
/// "plans to sell", "allowed him to borrow", "urged Vantor to pay", "is set to
/// learn", "is likely to close".
pub(super) const UNREALIZED: &[&str] = &[
    "want",
    "hope",
    "wish",
    "plan",
    "expect",
    "need",
    "intend",
    "aim",
    "seek",
    "try",
    "consider",
    "threaten",
    // promises and risks: "pledged to improve", "promised to cut", "risk losing"
    "promise",
    "pledge",
    "vow",
    "risk",
    "like",
    "love",
    "propose",
    "offer", // permission and request
    "allow",
    "permit",
    "enable",
    "ask",
    "tell", // "told him to find a club", "warned Vantor to steer clear": instructions
    "warn",
    "order",
    "instruct",
    "urge",
    "press", // "pressing the US to cut emissions", "pushed Vantor to sell"
    "push",
    "pressure",
    "lobby",
    "beg",
    "encourage",
    "invite",
    "advise",
    "call",
    // what is arranged or likely
    "set",
    "due",
    "likely",
    "unlikely",
    "ready",
    "eager",
    "keen",
    "willing",
    "poised",
];

/// Verbs that say their complement did not happen, or no longer does: "failed to
/// disclose", "refused to pay", "declined to comment", "denied pulling out", "stopped
/// taking bets", "has struggled to translate her success".
pub(super) const NOT_DONE: &[&str] = &[
    "fail", "refuse", "decline", "neglect", "avoid", "forget", "deny", "stop", "cease", "struggle",
];

/// Adjectives whose complement was done: "the first to sign", "quick to respond",
/// "instrumental in returning", "guilty of taking".
const DONE_BY_ADJECTIVE: &[&str] = &[
    "first",
    "last",
    "only",
    "quick",
    "second",
    "proud",
    "instrumental",
    "responsible",
    "guilty",
];

/// Prepositions that tie a gerund to the verb it completes or serves as a means ("by
/// cutting", "invest in renovating", "focus on preparing", "diverted from tackling") —
/// not those of a reason or a time, whose gerund was done whatever the verb ("jailed
/// for murdering", "will play Vantor after beating Harvo").
const TYING_PREPOSITIONS: &[&str] = &["by", "in", "on", "of", "from", "about"];

/// Modal auxiliaries: what could, would or will be done has not been done.
const MODALS: &[&str] = &[
    "could", "would", "might", "may", "should", "must", "will", "shall", "can", "'ll", "wo", "ca",
];

/// Whether token `t` lies in a headline: a sentence that does not end with a full
/// stop, a question or an exclamation mark, closing quotation marks and brackets aside
/// ("Vantor 'buys Harvo'", "Bank holds rate at 4.75%").
pub(in crate::relate) fn in_a_headline(ctx: &Ctx<'_, '_>, t: usize) -> bool {
    let sentence = ctx.sentence(t);
    let doc = ctx.doc;
    let last = sentence.clone().rev().find(|&k| {
        doc.tokens[k].kind != TokenKind::CloseQuote && !matches!(doc.word(k), ")" | "]")
    });
    last.is_some_and(|k| !matches!(doc.word(k), "." | "!" | "?" | "\u{2026}" | ":" | ";"))
}

/// Whether a verb is in the simple present outside a headline and without a date:
/// news tells what was done in the past or the perfect, and the simple present of its
/// text is a habit or a state ("Vantor makes engines", "Olsen plays for Harvo"). With
/// a date it is a scheduled event, which is reported as one ("Harvo face Vantor on
/// Saturday"); a headline's present is the news ("Vantor buys Harvo").
fn simple_present(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, v: usize) -> bool {
    let dated = || {
        tree.clause_words(v)
            .iter()
            .any(|&w| ctx.rec.date_at(tree.token(w)).is_some())
    };
    present_form(ctx, tree, v) && !in_a_headline(ctx, tree.token(v)) && !dated()
}

/// Whether a verb has a present form the tagger calls present. (The tagger's present
/// must be a present form: "who shot Olsen" read as present is still the past of
/// "shoot".)
fn present_form(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, v: usize) -> bool {
    let form = ctx.lower(tree.token(v));
    match tree.xpos(v) {
        "VBZ" => form.ends_with('s'),
        "VBP" => lexicons()
            .action_verb(form)
            .iter()
            .chain(lexicons().speech_verb(form))
            .all(|entry| entry.lemma.split(' ').next() == Some(form)),
        _ => false,
    }
}

/// Nouns whose complement clause is a claim, not a fact the text states: "rejected
/// allegations he pressured Lind", "denied claims that he knew", "reports that Vantor
/// will buy Harvo".
const CLAIM_NOUNS: &[&str] = &[
    "allegation",
    "claim",
    "accusation",
    "charge",
    "report",
    "rumour",
    "rumor",
    "suggestion",
    "speculation",
    "suspicion",
    "assertion",
    "belief",
    "fear",
    "hope",
    "possibility",
    "idea",
];

/// Verbs that deny the clause they govern: "Reyes denied (that) he knew", "rejected
/// allegations he pressured Lind" (read with the clause hung on the verb).
const DENYING: &[&str] = &["deny", "reject", "dispute", "refute"];

/// Verbs that put forward a claim or an opinion, not a fact the text states: "the
/// lawsuit alleged (that) Vantor broke the rules", "Olsen argued Harvo had misled
/// voters", "claimed to have found", "accused Harvo of cheating", "is thought to have
/// fled". (A neutral "said" reports what the text takes as news: "police said a man
/// was arrested".)
const CLAIMING: &[&str] = &[
    "allege",
    "claim",
    "accuse",
    "suspect",
    "charge",
    "argue",
    "contend",
    "assert",
    "insist",
    "maintain",
    "suggest",
    "believe",
    "think",
    "fear",
    "speculate",
    "imply",
];

/// Whether a verb of claim or opinion puts forward a clause ("claimed to have found",
/// "alleges that Vantor broke the rules"): speech or thought, no deed — unlike "claimed
/// victory".
pub(super) fn claims_a_clause(tree: &Tree<'_>, v: usize) -> bool {
    // (Remembering a clause is telling it too: "recalled that he had been warned"; so
    // is what a study found, showed or concluded, in a clause of its own: "the survey
    // found that sales fell" — not "found space to shoot".)
    let remembers = matches!(tree.lemma(v), "recall" | "remember");
    let finds = matches!(
        tree.lemma(v),
        "find" | "show" | "conclude" | "reveal" | "discover"
    );
    // (A headline's "claims Dubai crown" is read as a small clause: a clause needs a
    // verb, a tense or "to".)
    let clause = |c: usize| {
        tree.upos(c) == "VERB" || tree.is_tensed(c) || tree.has_child_lemma(c, "mark", &["to"])
    };
    let complements = if finds {
        &["ccomp"][..]
    } else {
        &["ccomp", "xcomp"][..]
    };
    (claiming(tree, v) || remembers || finds)
        && tree.children_with(v, complements).into_iter().any(clause)
}

/// Whether word `w` is a verb of claim or opinion ([`CLAIMING`]).
fn claiming(tree: &Tree<'_>, w: usize) -> bool {
    tree.upos(w) == "VERB" && CLAIMING.contains(&tree.lemma(w))
}

/// Verbs whose passive reports hearsay: "is said to have fled", "was reported to have
/// sold", "is understood to have agreed".
const HEARSAY_PASSIVE: &[&str] = &["say", "report", "understand", "rumour", "rumor", "know"];

/// Whether a verb heads the clause that completes a noun of claim ("allegations (that)
/// he pressured Lind", "claims that Vantor bought Harvo"), or a clause a verb of denial
/// governs. A relative clause of the same noun is told as a fact ("the report that he
/// wrote"): only one whose subject and object are its own words, not a relative pronoun,
/// counts, as the parser often takes a complement for one.
fn claimed(tree: &Tree<'_>, v: usize) -> bool {
    let relative = |c: usize| {
        tree.upos(c) == "PRON" && matches!(tree.lemma(c), "which" | "that" | "who" | "whom")
    };
    let own = |rel: &str| {
        tree.children(v)
            .iter()
            .any(|&c| tree.deprel(c) == rel && !relative(c))
    };
    let Some(head) = tree.head(v) else {
        return false;
    };
    let claiming = claiming(tree, head);
    if tree.deprel(v) == "ccomp" {
        // (a noun of claim right before the clause, as the verb's object)
        let claim_object = tree
            .child(head, "obj")
            .is_some_and(|o| o < v && CLAIM_NOUNS.contains(&tree.lemma(o)));
        return DENYING.contains(&tree.lemma(head)) || claiming || claim_object;
    }
    let passive = tree.child(head, "aux:pass").is_some();
    match tree.deprel(v) {
        // "claimed to have found", "is alleged to have taken", "is said to have fled"
        "xcomp" if claiming || passive && HEARSAY_PASSIVE.contains(&tree.lemma(head)) => {
            return true;
        }
        // "accused Harvo of cheating", "charged with fraud by taking", "suspected of
        // taking bribes"
        "advcl" | "acl" if claiming && tree.has_child_lemma(v, "mark", &["of", "with"]) => {
            return true;
        }
        // "an alleged gesture he made", "the suspected fraud Vantor committed": a deed
        // described by a noun only alleged is alleged too (not a person's: "suspected
        // killer Tom Reyes, who later killed himself").
        "acl:relcl"
            if tree.has_child_lemma(head, "amod", HEARSAY_ADJECTIVES)
                && !tree
                    .children(v)
                    .iter()
                    .any(|&c| matches!(tree.lemma(c), "who" | "whom")) =>
        {
            return true;
        }
        _ => {}
    }
    if !CLAIM_NOUNS.contains(&tree.lemma(head)) || head > v {
        return false;
    }
    match tree.deprel(v) {
        // (a participle is no clause of its own: "the claim made by Vantor" was made)
        "acl" => tree.subject(v).is_some(),
        "acl:relcl" => own("nsubj") && own("obj"),
        _ => false,
    }
}

/// Adjectives that make what a noun names only alleged (as lemmas: the tagger reads
/// them as adjectives or as participles).
const HEARSAY_ADJECTIVES: &[&str] = &[
    "alleged",
    "allege",
    "suspected",
    "suspect",
    "purported",
    "purport",
    "rumoured",
    "rumour",
    "rumored",
    "rumor",
    "supposed",
    "suppose",
];

/// Whether a verb is arranged with "be to": "the minister is to announce", "Vantor
/// was to open a plant" (UD hangs "is" on the verb as its auxiliary).
fn arranged(tree: &Tree<'_>, v: usize) -> bool {
    tree.children_with(v, &["aux"])
        .into_iter()
        .any(|a| tree.lemma(a) == "be")
        && tree.has_child_lemma(v, "mark", &["to"])
}

/// Whether a verb, or a verb it complements, is negated or modal, a condition or a
/// purpose, or the complement of a wish or a failure: "Vantor was not fined", "Olsen
/// could play the role", "will close the plant next year", "if he had trained", "to
/// save money", "has yet to pay", "failed to disclose" — no deed has been done.
pub(super) fn unrealized(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, v: usize) -> bool {
    let mut verb = v;
    // (Tense is each verb's own: "makes engines and bought Harvo" bought it.)
    if simple_present(ctx, tree, v) {
        return true;
    }
    // "Brazil buy boosts Vantor", "Duran Duran show set for US TV": in a headline, a
    // plain form right before another verb is a noun the tagger took for a verb.
    let noun_before_verb =
        tree.xpos(v) == "VBP" || tree.xpos(v) == "VB" && tree.child(v, "mark").is_none();
    if noun_before_verb
        && in_a_headline(ctx, tree.token(v))
        && v + 1 < tree.len()
        && matches!(tree.xpos(v + 1), "VBZ" | "VBD" | "VBN")
    {
        return true;
    }
    // "US to raise TV indecency fines": a headline's infinitive, with no finite verb
    // above it, tells what is to come.
    let headline_future = tree.deprel(v) == "root"
        && tree.xpos(v) == "VB"
        && tree.has_child_lemma(v, "mark", &["to"]);
    if headline_future {
        return true;
    }
    for _ in 0..4 {
        if arranged(tree, verb) || claimed(tree, verb) {
            return true;
        }
        let negated_or_modal = ctx.negated(verb)
            || tree
                .children_with(verb, &["aux", "aux:pass"])
                .into_iter()
                // (by lemma too: "he'll", "can't" are one token of two words)
                .any(|c| {
                    MODALS.contains(&tree.lemma(c)) || MODALS.contains(&ctx.lower(tree.token(c)))
                });
        // "if he had trained", "unless Vantor pays": a condition; "cut jobs to save
        // money": a purpose — neither says it happened.
        let conditional_or_purpose = matches!(tree.deprel(verb), "advcl" | "acl")
            && tree.children_with(verb, &["mark"]).into_iter().any(|c| {
                tree.deprel(c) == "mark"
                    && match ctx.lower(tree.token(c)) {
                        // ("without giving figures": it was not given; "decided
                        // against competing": nor was that)
                        "if" | "unless" | "whether" | "lest" | "without" | "against" => true,
                        // (an infinitive: "on his way to taking the set" took it)
                        "to" => tree.deprel(verb) == "advcl" && tree.xpos(verb) == "VB",
                        _ => false,
                    }
            });
        // "would not say whether he had offered to quit": an indirect question asks, it
        // does not tell.
        let asked = matches!(tree.deprel(verb), "ccomp" | "csubj")
            && tree.has_child_lemma(verb, "mark", &["whether", "if"]);
        if negated_or_modal || conditional_or_purpose || asked {
            return true;
        }
        // "close to selling", "ready to sign", "keen to buy": what an adjective
        // governs is not done — unless it says who did it first or fast.
        // (Only its own complement, "to …" or "in/of … -ing": not a clause of time or
        // reason hung on it, "was open when he announced", "unable to, because he lost".)
        let governed = tree.deprel(verb) == "xcomp"
            || tree.deprel(verb) == "advcl"
                && tree.children_with(verb, &["mark"]).into_iter().any(|m| {
                    matches!(
                        ctx.lower(tree.token(m)),
                        "to" | "in" | "on" | "of" | "at" | "about" | "for" | "from"
                    )
                });
        // ("ashamed to have joined": a perfect infinitive was done.)
        let perfect = tree
            .children_with(verb, &["aux"])
            .into_iter()
            .any(|a| tree.lemma(a) == "have");
        if governed
            && !perfect
            && tree.head(verb).is_some_and(|h| {
                tree.upos(h) == "ADJ" && !DONE_BY_ADJECTIVE.contains(&tree.lemma(h))
            })
        {
            return true;
        }
        // "stopped taking bets", "denied closing it" with the gerund read as a clause of
        // its own: right after such a verb, it is the verb's object all the same.
        let gerund_object = tree.deprel(verb) == "advcl"
            && tree.xpos(verb) == "VBG"
            && tree.child(verb, "mark").is_none()
            && tree.head(verb).is_some_and(|h| {
                h < verb
                    && verb - h <= 2
                    && (h + 1..verb).all(|w| tree.upos(w) != "PUNCT")
                    && NOT_DONE.contains(&tree.lemma(h))
            });
        if gerund_object {
            return true;
        }
        // "a deal to be led by Vantor", "plans to close": an infinitive that completes a
        // noun is not done yet — unless the noun is the first, last or only one to do it.
        let infinitive_of_noun = tree.deprel(verb) == "acl"
            && tree.has_child_lemma(verb, "mark", &["to"])
            && tree
                .head(verb)
                .is_some_and(|n| !tree.has_child_lemma(n, "amod", DONE_BY_ADJECTIVE));
        if infinitive_of_noun {
            return true;
        }
        // "could see Vantor invest": a bare infinitive clause happens as the verb
        // perceiving or causing it does.
        let bare_clause = tree.deprel(verb) == "ccomp"
            && tree.xpos(verb) == "VB"
            && tree.child(verb, "mark").is_none()
            && tree.child(verb, "aux").is_none();
        // "plans to save money by cutting jobs", "plans to invest in renovating the
        // hotel": the means, and a gerund a preposition ties to its verb, is done when
        // the verb is.
        let means = tree.deprel(verb) == "advcl"
            && tree.xpos(verb) == "VBG"
            && tree.subject(verb).is_none()
            && tree.has_child_lemma(verb, "mark", TYING_PREPOSITIONS);
        if means || bare_clause {
            match tree.head(verb) {
                Some(h) => {
                    verb = h;
                    continue;
                }
                None => return false,
            }
        }
        // (a participle says what was done alongside: "did not want to comment, closing
        // its offices" closed them — but a gerund object is the verb's complement:
        // "would consider signing", "denied pulling out")
        let participle = tree.xpos(verb) == "VBG" && tree.deprel(verb) != "xcomp";
        if participle || !matches!(tree.deprel(verb), "xcomp" | "conj") {
            return false;
        }
        let complement = tree.deprel(verb) == "xcomp";
        match tree.head(verb) {
            Some(h) => verb = h,
            None => return false,
        }
        // "wants to buy", "failed to disclose", "refused to pay": not done; nor is
        // what a present habit or schedule governs ("hopes to", "continues to lead").
        let lemma = tree.lemma(verb);
        // "has (still) got to overcome": an obligation, as "has to".
        let obliged = lemma == "get"
            && tree
                .children_with(verb, &["aux"])
                .into_iter()
                .any(|a| tree.lemma(a) == "have");
        if complement
            && (UNREALIZED.contains(&lemma)
                || NOT_DONE.contains(&lemma)
                || obliged
                || simple_present(ctx, tree, verb))
        {
            return true;
        }
    }
    false
}
