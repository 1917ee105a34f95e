//! What the lexicons and the layout of a sentence allow a link between two names to be:
//! places that can lie in one another, lists of places that are no town and its region,
//! and names in brackets that belong to the name before them. The learned pair model
//! and the word rules of `links` ask these before they link.

use super::Ctx;
use crate::lexicon::lexicons;
use crate::model::EntityKind;

/// Whether two places with a comma between stand in a list of places ("in Oslo,
/// Bergen, Vardby and Lakewood"), not in an address ("GSA Depot, Vardby, R.I.") or a
/// town and its region ("Vardby, Colo., and Lakewood, Colo."): the run of comma-joined
/// places goes on to an "and" or "or", and the second is no region of the first.
pub(super) fn listed(ctx: &Ctx<'_, '_>, a: usize, b: usize) -> bool {
    let (first, second) = if ctx.rec.mentions[a].tokens.start < ctx.rec.mentions[b].tokens.start {
        (a, b)
    } else {
        (b, a)
    };
    let (f, s) = (
        &ctx.rec.mentions[first].tokens,
        &ctx.rec.mentions[second].tokens,
    );
    if !(f.end + 1 == s.start && ctx.doc.is(f.end, ",")) {
        return false;
    }
    let place_from = |k: usize| {
        ctx.rec
            .mention_starting_at(k)
            .filter(|&m| ctx.kind(m) == EntityKind::Place)
    };
    let mut k = s.end;
    let goes_on = loop {
        let comma = usize::from(ctx.doc.is(k, ","));
        if matches!(ctx.lower(k + comma), "and" | "or") {
            break place_from(k + comma + 1).is_some();
        }
        match place_from(k + 1).filter(|_| comma == 1) {
            Some(m) => k = ctx.rec.mentions[m].tokens.end,
            None => break false,
        }
    };
    let lex = lexicons();
    // A country or a state's abbreviation ("Fla.") after a town is its region even in a
    // list ("in Oslo, Vardby, Fla., and Bergen"); a state named like a city ("New York")
    // is one only where no place and comma come before the town.
    let marked_region = |m: usize| {
        lex.place(&ctx.rec.mentions[m].name).is_some()
            || ctx.rec.mentions[m].rule == "place:state-abbreviation"
    };
    let region = |m: usize| {
        marked_region(m)
            || lex
                .gazetteer(&ctx.rec.mentions[m].name)
                .is_some_and(|g| g.is_state)
    };
    let after_place = f.start >= 2
        && ctx.doc.is(f.start - 1, ",")
        && ctx
            .rec
            .mention_ending_at(f.start - 1)
            .is_some_and(|m| ctx.kind(m) == EntityKind::Place);
    let town_and_region = !region(first) && region(second);
    goes_on && !(town_and_region && (marked_region(second) || !after_place))
}

/// Whether mention `b` stands in brackets right after a person other than `a`: in "Ann
/// Lind (Vantor), Tom Reyes (Globex)" Globex belongs to Reyes, not to Lind (after an
/// organization, brackets hold its short name: "… Party (PRD)").
pub(super) fn bracketed_for_another(ctx: &Ctx<'_, '_>, a: usize, b: usize) -> bool {
    let t = &ctx.rec.mentions[b].tokens;
    t.start >= 1
        && ctx.doc.is(t.start - 1, "(")
        && ctx.doc.is(t.end, ")")
        && ctx
            .rec
            .mention_ending_at(t.start - 1)
            .is_some_and(|owner| owner != a && ctx.kind(owner) == EntityKind::Person)
}

/// Cities of at least this many people are taken to be the place the gazetteer means by
/// their name (a smaller one may share it with a town elsewhere).
const KNOWN_CITY: u64 = 100_000;

/// Whether the place named `inner` could lie in the place named `outer`, as far as the
/// lexicons know: a continent lies in nothing, a country only in a continent or region,
/// a well-known city only in its own country ("London" not in India), and not in another
/// well-known city ("Paris" not in Amsterdam) unless that one is ten times bigger and in
/// the same country. What the lexicons do not know is allowed.
pub(super) fn could_lie_in(inner: &str, outer: &str) -> bool {
    let lex = lexicons();
    if let Some(place) = lex.place(inner) {
        return place.is_country && lex.place(outer).is_some_and(|o| !o.is_country);
    }
    let Some(city) = lex.gazetteer(inner).filter(|c| c.population >= KNOWN_CITY) else {
        return true;
    };
    if let Some(code) = lex.place(outer).and_then(|c| c.code) {
        return city.country == code;
    }
    match lex.gazetteer(outer) {
        Some(o) if o.is_state => city.is_state || city.country == o.country,
        // (A district of a far bigger city of its country is a place in it: "Croydon"
        // in London.)
        Some(o) => {
            o.population < KNOWN_CITY
                || city.is_state
                || city.country == o.country && o.population >= 10 * city.population
        }
        None => true,
    }
}

/// Ranks of the peerage, whose territorial titles name a place ("Baroness Lind of
/// Vardby").
const PEERAGES: &[&str] = &[
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Viscount",
    "Viscountess",
    "Earl",
    "Countess",
    "Marquess",
    "Duke",
    "Duchess",
];

/// Whether a person is named with a rank of the peerage: the place in "Lord Nicholls of
/// Birkenhead" is part of a title, no home.
pub(super) fn is_peer(ctx: &Ctx<'_, '_>, person: usize) -> bool {
    let start = ctx.rec.mentions[person].tokens.start;
    start >= 1 && PEERAGES.contains(&ctx.word(start - 1))
}

/// Whether `place` is the seat in a peer's title: "Lord Nicholls of Birkenhead".
pub(super) fn peerage_seat(ctx: &Ctx<'_, '_>, person: usize, place: usize) -> bool {
    let end = ctx.rec.mentions[person].tokens.end;
    is_peer(ctx, person) && ctx.doc.is(end, "of") && ctx.rec.mentions[place].tokens.start == end + 1
}

/// Ranks that open a title before its scope: "chief Asian strategist".
const SCOPED_RANKS: &[&str] = &[
    "chief",
    "senior",
    "head",
    "deputy",
    "principal",
    "lead",
    "regional",
    "managing",
];

/// Whether place mention `m` is a nationality inside a title, its scope: "chief Asian
/// strategist", "senior European economist" (a rank before it, the title after) — where
/// the title is held, not anyone's home. "Norwegian Prime Minister Erna Solberg", where
/// the nationality opens the title, is not one.
pub(super) fn title_scope(ctx: &Ctx<'_, '_>, m: usize) -> bool {
    let mention = &ctx.rec.mentions[m];
    let t = &mention.tokens;
    let lower = |k: usize| {
        k < ctx.doc.tokens.len()
            && ctx.doc.tokens[k].kind == crate::segment::TokenKind::Word
            && ctx.word(k).chars().next().is_some_and(char::is_lowercase)
    };
    mention.rule == "place:demonym"
        && t.start >= 1
        && SCOPED_RANKS.contains(&ctx.lower(t.start - 1))
        && lower(t.end)
        && ctx.sentence(t.start).contains(&(t.start - 1))
}

/// Nouns of a message, whose "to" phrase names who received it ("in an email to Vantor").
const MESSAGES: &[&str] = &[
    "email",
    "letter",
    "statement",
    "interview",
    "comment",
    "remark",
    "message",
    "note",
    "speech",
];

/// The word a name's phrase hangs on: the name's head word, or, where the name only
/// modifies a noun ("the Vantor News website", "Vantor's website"), that noun.
fn phrase_head(ctx: &Ctx<'_, '_>, m: usize) -> Option<usize> {
    let tree = &ctx.tree;
    let mut w = tree.head_word(ctx.rec.mentions[m].tokens.clone())?;
    while matches!(tree.deprel(w), "compound" | "flat" | "nmod:poss") {
        match tree.head(w) {
            Some(h) if tree.upos(h) == "NOUN" || tree.upos(h) == "PROPN" => w = h,
            _ => break,
        }
    }
    Some(w)
}

/// Whether mention `m` is who was told something: the object of "tell" ("Reyes told
/// Vantor Radio", "told the Vantor website"), or the "to" phrase of a speech verb or a
/// message ("said to Vantor", "in an email to Vantor"). A news outlet told something
/// is nobody's employer for it.
pub(super) fn addressee(ctx: &Ctx<'_, '_>, m: usize) -> bool {
    let tree = &ctx.tree;
    let Some(w) = phrase_head(ctx, m) else {
        return false;
    };
    let Some(h) = tree.head(w) else {
        return false;
    };
    match tree.deprel(w) {
        "obj" | "iobj" => matches!(tree.lemma(h), "tell" | "inform" | "brief"),
        "obl" | "nmod" => {
            tree.preposition(w) == Some("to")
                && (!lexicons().speech_verb(tree.lemma(h)).is_empty()
                    || MESSAGES.contains(&tree.lemma(h)))
        }
        _ => false,
    }
}

/// Whether mention `other` lies in what person `speaker` is reported to say: the
/// clause a speech verb of theirs governs ("Reyes said prices are rising in Vardby").
/// What a person says about a place or a firm does not place them there. (Not the
/// inverted "…, said Reyes": the parser hangs too much on that verb's head.)
pub(super) fn in_what_they_said(ctx: &Ctx<'_, '_>, speaker: usize, other: usize) -> bool {
    let tree = &ctx.tree;
    let (Some(s), Some(o)) = (
        tree.head_word(ctx.rec.mentions[speaker].tokens.clone()),
        tree.head_word(ctx.rec.mentions[other].tokens.clone()),
    ) else {
        return false;
    };
    let Some(verb) = tree.head(s).filter(|_| tree.deprel(s) == "nsubj") else {
        return false;
    };
    if lexicons().speech_verb(tree.lemma(verb)).is_empty() {
        return false;
    }
    // A clause holding `o` (the tree is projective: a subtree is one run of tokens), with
    // a tense, on the far side of the verb from the speaker ("Reyes, a professor at
    // Vantor, said" read with the title as the verb's clause is none).
    let o = tree.token(o);
    tree.children_with(verb, &["ccomp", "parataxis"])
        .into_iter()
        .any(|c| {
            tree.subtree_tokens(c).contains(&o) && tree.is_tensed(c) && (c > verb) == (s < verb)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_lie_only_where_the_lexicons_allow() {
        // (GeoNames' most populous place of each name: London, England; Paris, France.)
        for (inner, outer) in [
            ("London", "United Kingdom"),
            ("London", "England"),
            ("Britain", "Europe"),
            ("Houston", "Texas"),
            ("Vardby", "Norway"),
            ("Vardby", "Oslo"),
            ("Croydon", "London"),
        ] {
            assert!(could_lie_in(inner, outer), "{inner} in {outer}");
        }
        for (inner, outer) in [
            ("London", "India"),
            ("Paris", "Amsterdam"),
            ("Europe", "Berlin"),
            ("Asia", "Africa"),
            ("Japan", "China"),
            ("Paris", "Texas"),
            ("Boston", "London"),
            ("Manchester", "Liverpool"),
        ] {
            assert!(!could_lie_in(inner, outer), "{inner} in {outer}");
        }
    }
}
