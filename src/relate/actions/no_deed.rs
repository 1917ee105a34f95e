//! Verbs and uses of verbs that name no deed: states, wishes and perceptions, speech
//! and answers to speech, measures that moved, participles used as prepositions.

use crate::analyze::tree::Tree;
use crate::lexicon::{EventClass, lexicons};
use crate::relate::Ctx;

/// Verbs of states, wishes and appearances (and the auxiliaries' lemmas): no action.
pub(super) const STATES: &[&str] = &[
    "be",
    "have",
    "do",
    "seem",
    "appear",
    "become",
    "remain",
    "want",
    "need",
    "wish",
    "hope",
    "like",
    "love",
    "know",
    "think",
    "believe",
    "feel",
    "mean",
    "include",
    "contain",
    "involve",
    "consider",
    "expect",
    "let",
    "get",
    "go",
    "come",
    "try",
    "continue",
    "keep",
    "begin",
    "start",
    "stop",
    "use",
    "base",
    "rely",
    "depend",
    "own",
    "face",
    "lack",
    "seek",
    "attempt",
    // knowing and perceiving ("BBC Sport understands …", "learned that …")
    "understand",
    "learn",
    "realise",
    "realize",
    "recognise",
    "recognize",
    "remember",
    "hear",
    "see",
    "notice", // intending ("had planned to relaunch the brand")
    "plan",
    "intend",
    "aim",
];

/// Verbs of amount: "it fell to 9.6%", "Vantor rose 5% in early trading", "profits
/// grew" — a measure moved, nobody did anything (see [`measure_changed`]).
const AMOUNT_CHANGES: &[&str] = &[
    "fall", "rise", "drop", "climb", "jump", "soar", "surge", "plunge", "plummet", "tumble", "dip",
    "slip", "slide", "sink", "rebound", "grow", "shrink", "increase", "decrease", "decline",
    "double", "triple", "halve",
];

/// Whether a verb says that a measure changed: a verb of amount without a particle
/// ("dropped out" is another verb) and without an object other than an amount, whose
/// clause gives the amount ("to 9.6%", "by 5%", "5%") or whose subject is no person
/// (a firm or a country "rises" on the market; "he fell into a coma" is an event).
/// With an object it may be a deed: "dropped the charges", "grew the business".
pub(super) fn measure_changed(tree: &Tree<'_>, v: usize, agent_is_person: bool) -> bool {
    AMOUNT_CHANGES.contains(&tree.lemma(v))
        && tree.child(v, "compound:prt").is_none()
        && tree.child(v, "obj").is_none_or(|o| is_an_amount(tree, o))
        && (!agent_is_person
            || tree.children(v).iter().any(|&c| {
                matches!(tree.deprel(c), "obj" | "obl" | "obl:npmod" | "obl:unmarked")
                    && is_an_amount(tree, c)
            }))
}

/// Whether a nominal is an amount ("5%", "$20m", "ten points", "two places"): the measure of a change,
/// not something acted on.
fn is_an_amount(tree: &Tree<'_>, w: usize) -> bool {
    matches!(tree.upos(w), "NUM" | "SYM")
        || matches!(
            tree.lemma(w),
            "%" | "percent"
                | "cent"
                | "pence"
                | "penny"
                | "point"
                | "place"
                | "dollar"
                | "pound"
                | "euro"
                | "yen"
        )
}

/// Nouns of speech: what is said, asked or demanded ("calls", "claims", "remarks").
const SPEECH_NOUNS: &[&str] = &[
    "call",
    "claim",
    "allegation",
    "accusation",
    "criticism",
    "suggestion",
    "comment",
    "remark",
    "question",
    "demand",
    "plea",
    "warning",
    "statement",
    "speech",
    "interview",
    "denial",
    "apology",
    "rumour",
    "rumor",
    "speculation",
];

/// Whether a verb's object is speech: who "rejected calls for an inquiry", "joined calls
/// for a probe", "made racist remarks" or "dismissed the claims" answered words with
/// words — a Statement's matter, no deed.
fn answers_speech(tree: &Tree<'_>, v: usize) -> bool {
    let speech = |n: usize| SPEECH_NOUNS.contains(&tree.lemma(n));
    // ("recalled a stream of remarks": a measure of speech is speech.)
    let of_speech = |o: usize| {
        MEASURES_OF.contains(&tree.lemma(o))
            && tree.children_with(o, &["nmod"]).into_iter().any(speech)
    };
    tree.child(v, "obj")
        .is_some_and(|o| speech(o) || of_speech(o))
}

/// Nouns that measure what follows them with "of": "a stream of remarks", "a series of
/// questions".
const MEASURES_OF: &[&str] = &[
    "stream", "series", "number", "string", "flurry", "barrage", "raft", "volley", "host",
];

/// Whether "call" is speech: "called for action", "what he called a fantasy", "called
/// the plan a disgrace" — unless it summons an event ("called an election", "called a
/// meeting") or is a phrasal verb ("called off the strike").
fn calls_for(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, v: usize) -> bool {
    if tree.lemma(v) != "call" || tree.child(v, "compound:prt").is_some() {
        return false;
    }
    let summons = tree
        .child(v, "obj")
        .is_some_and(|o| names_an_event(ctx.word(tree.token(o))));
    !summons
}

/// Whether a noun names a happening, by any of the lexicons of events ("election",
/// "forum", "summit").
fn names_an_event(noun: &str) -> bool {
    let lex = lexicons();
    lex.event_noun_class(noun).is_some()
        || lex.event_word(noun).is_some()
        || lex.is_event_head(noun)
}

/// Verbs of saying whose object is the words, the hearer or what is talked about:
/// "said", "told the BBC", "denied the claims", "cited the lawsuit", "promised rapid
/// action" — a Statement at most, never an action.
const SAYING: &[&str] = &[
    "say",
    "tell",
    "add",
    "state",
    "insist",
    "note",
    "argue",
    "explain",
    "reply",
    "suggest",
    "admit",
    "acknowledge",
    "confirm",
    "deny",
    "stress",
    "quote",
    "repeat",
    "reiterate",
    "declare",
    "cite",
    "mention",
    "describe",
    "warn",
    "promise",
    "pledge",
    "vow",
    // speech acts that judge, ask or answer: "welcomed the move", "blamed poor
    // sales", "accused ministers", "urged donors", "apologised"
    "welcome",
    "blame",
    "accuse",
    "urge",
    "apologise",
    "apologize",
    "criticise",
    "criticize",
    "condemn",
    "praise",
    "thank",
    "congratulate",
    "hail",
    "herald",
    "slate",
    "demand",
    "express", // "expressed concern", "expressed the hope that …"
    // telling what one intends: "indicated it would sell", "signalled it wants"
    "indicate",
    "signal",
    // setting out in words: "outlined his plans"
    "outline",
];

/// Whether "speak" or "talk" is speech alone ("speaking on Vardby TV", "talked to
/// reporters"), not taking part in an event ("spoke at a forum", "talked at the
/// summit").
fn only_speaks(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, v: usize) -> bool {
    if !matches!(tree.lemma(v), "speak" | "talk") {
        return false;
    }
    let at_an_event = tree.children_with(v, &["obl"]).into_iter().any(|o| {
        tree.has_child_lemma(o, "case", &["at", "to"]) && names_an_event(ctx.word(tree.token(o)))
    });
    !at_an_event
}

/// What one defends, questions or hits out at in words: "defended her decision",
/// "questioned the effectiveness of the plan".
const STANCES: &[&str] = &[
    "decision",
    "policy",
    "record",
    "plan",
    "comment",
    "remark",
    "stance",
    "approach",
    "choice",
    "move",
    "effectiveness",
    "wisdom",
    "need",
    "value",
    "judgement",
    "judgment",
    "credibility",
    "motive",
];

/// Whether a verb argues in words rather than acts: a forecast ("predicted 10 million
/// subscribers"), "hit out at", or a stance defended or questioned ("defended her
/// decision", "questioned the effectiveness of …") — not "defended the title",
/// "questioned the suspect".
fn argues(tree: &Tree<'_>, v: usize) -> bool {
    let stance_object = || {
        tree.child(v, "obj")
            .is_some_and(|o| STANCES.contains(&tree.lemma(o)))
    };
    match tree.lemma(v) {
        "predict" | "forecast" => true,
        "hit" => tree
            .child(v, "compound:prt")
            .is_some_and(|p| tree.lemma(p) == "out"),
        "defend" | "question" | "justify" => stance_object(),
        _ => false,
    }
}

/// Whether "threaten" is a threat in words ("threatened to sue", "threatened legal
/// action", "threatened him with the sack"), not a side's pressure on the field
/// ("Wales threatened further scores").
fn threatens(tree: &Tree<'_>, v: usize) -> bool {
    if tree.lemma(v) != "threaten" {
        return false;
    }
    let measure = tree.child(v, "obj").is_some_and(|o| {
        matches!(
            tree.lemma(o),
            "action" | "sanction" | "ban" | "strike" | "veto" | "boycott" | "lawsuit"
        )
    });
    let with = tree
        .children_with(v, &["obl"])
        .into_iter()
        .any(|o| tree.has_child_lemma(o, "case", &["with"]));
    measure || with || tree.child(v, "xcomp").is_some()
}

/// Verbs that describe their object as something — speech when the description
/// follows ("dismissed the Budget as a bribe", "attacked the pledges as vacuous",
/// "branded the plan a leap in the dark"), deeds without it ("dismissed the coach",
/// "attacked the village").
const DESCRIBING: &[&str] = &[
    "dismiss",
    "attack",
    "slam",
    "blast",
    "denounce",
    "brand",
    "label",
    "dub",
    "portray",
    "characterise",
    "characterize",
    "paint",
];

/// Whether a verb describes its object in words ([`DESCRIBING`] with an "as" phrase or
/// a second noun).
fn describes(tree: &Tree<'_>, v: usize) -> bool {
    if !DESCRIBING.contains(&tree.lemma(v)) {
        return false;
    }
    tree.children_with(v, &["obl", "advcl", "xcomp"])
        .into_iter()
        .any(|c| {
            tree.deprel(c) == "xcomp"
                || tree.has_child_lemma(c, "case", &["as"])
                || tree.has_child_lemma(c, "mark", &["as"])
        })
}

/// Whether a verb tells in words rather than acts: saying ([`SAYING`]), answering
/// speech, calling for, describing as, speaking alone, arguing or threatening.
pub(super) fn in_words(ctx: &Ctx<'_, '_>, tree: &Tree<'_>, v: usize) -> bool {
    SAYING.contains(&tree.lemma(v))
        || answers_speech(tree, v)
        || calls_for(ctx, tree, v)
        || describes(tree, v)
        || only_speaks(ctx, tree, v)
        || argues(tree, v)
        || threatens(tree, v)
}

/// Participles that news uses as prepositions: "following the dispute", "including
/// Vantor", "regarding the fees" — with no subject of their own, no one did them.
pub(super) const PREPOSITION_PARTICIPLES: &[&str] = &[
    "following",
    "including",
    "according",
    "regarding",
    "concerning",
    "excluding",
    "considering",
    "barring",
    "pending",
    "given",
    "starting",
    "beginning",
    "involving",
];

/// Whether news uses a verb form for a state, a phase of another event or a perception
/// ("remained", "began", "saw"), as learned from ECB+: no deed of its own.
pub(super) fn names_no_deed(form: &str) -> bool {
    matches!(
        lexicons().event_word(form),
        Some(EventClass::State | EventClass::Aspectual | EventClass::Perception)
    )
}
