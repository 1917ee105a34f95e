//! Which organization is part of which, read off the tree: subsidiaries, units,
//! imprints and members to their owner or group (`ng:affiliatedWith`, part → whole).
//!
//! Rules:
//! - `organization:part-of` — a noun of belonging between the two names: in apposition
//!   ("Harvo Freight, a unit of Zintrex Group,"; "Harvo Freight, a Zintrex
//!   subsidiary,"; "Zintrex's shipping arm, Harvo Freight,"), or as a copula's
//!   predicate ("Harvo Freight is a subsidiary of Zintrex").
//! - `organization:parent-of` — the same with the whole named by its noun ("Harvo's
//!   parent company, Zintrex"; "Zintrex, the owner of Harvo Freight,").
//! - `organization:owned-by` — a verb of ownership: "Zintrex owns Harvo Freight",
//!   "Zintrex, which owns Harvo Freight,", "Harvo Freight is owned by Zintrex",
//!   "Harvo Freight, controlled by Zintrex,".
//!
//! None fires where the tie is denied or past ("no longer part of", "a former unit",
//! "once owned") — the graph states what the article says holds.

use super::links::link;
use super::{Ctx, LinkFact, LinkKind};
use crate::model::EntityKind;

/// Nouns that make the organization they describe a part of another.
const PART_NOUNS: &[&str] = &[
    "affiliate",
    "arm",
    "branch",
    "division",
    "imprint",
    "member",
    "offshoot",
    "part",
    "subsidiary",
    "unit",
    "wing",
];

/// Nouns that make the organization they describe the whole another is part of.
const WHOLE_NOUNS: &[&str] = &["owner", "parent"];

/// Verbs whose subject owns their object.
const OWNING_VERBS: &[&str] = &["control", "own"];

/// Words that deny a tie or put it in the past.
const DENYING: &[&str] = &[
    "former",
    "formerly",
    "longer",
    "never",
    "not",
    "once",
    "previously",
];

/// Reads the part → whole links between organizations of a document.
pub(super) fn find_affiliations(ctx: &Ctx<'_, '_>, links: &mut Vec<LinkFact>) {
    let tree = &ctx.tree;
    let mut found = Vec::new();
    for w in 0..tree.len() {
        let lemma = tree.lemma(w);
        let noun = matches!(tree.upos(w), "NOUN" | "PROPN");
        let part_noun = PART_NOUNS.contains(&lemma);
        if noun && (part_noun || is_whole_noun(ctx, w)) {
            if let Some((part, whole)) = noun_of_belonging(ctx, w, part_noun) {
                let rule = if part_noun {
                    "organization:part-of"
                } else {
                    "organization:parent-of"
                };
                found.push((part, whole, rule, tree.sureness(w)));
            }
        } else if tree.upos(w) == "VERB" && OWNING_VERBS.contains(&lemma) && !denied(ctx, w) {
            if let Some((part, whole)) = owned(ctx, w) {
                found.push((part, whole, "organization:owned-by", tree.sureness(w)));
            }
        }
    }
    for (part, whole, rule, sureness) in found {
        let known = links
            .iter()
            .any(|l| l.from == part && l.to == whole && l.kind == LinkKind::AffiliatedWith);
        if part != whole && !known {
            links.push(link(
                ctx,
                part,
                whole,
                LinkKind::AffiliatedWith,
                rule,
                0.85 * sureness,
            ));
        }
    }
}

/// Whether noun `w` names the whole: "parent", "owner", or "company" after "parent"
/// or "holding" ("parent company", "holding company").
fn is_whole_noun(ctx: &Ctx<'_, '_>, w: usize) -> bool {
    let tree = &ctx.tree;
    WHOLE_NOUNS.contains(&tree.lemma(w))
        || matches!(tree.lemma(w), "company" | "group")
            && tree
                .children_with(w, &["compound", "amod"])
                .iter()
                .any(|&c| matches!(tree.lemma(c), "parent" | "holding"))
}

/// The organization word `w` names, itself or through a description ("the company").
fn organization(ctx: &Ctx<'_, '_>, w: usize) -> Option<usize> {
    ctx.actor(&ctx.tree, w)
        .filter(|&m| ctx.kind(m) == EntityKind::Organization)
}

/// Whether a word of denial or of the past modifies word `w` ("no longer", "former"),
/// or the tie is told in the past tense ("BMW owned Rover", "was a unit of").
fn denied(ctx: &Ctx<'_, '_>, w: usize) -> bool {
    let tree = &ctx.tree;
    let denial = tree
        .children_with(w, &["advmod", "amod", "det"])
        .iter()
        .any(|&c| {
            let form = ctx.lower(tree.token(c));
            DENYING.contains(&form) || form == "no"
        });
    let past = |v: usize| tree.xpos(v) == "VBD";
    let told_in_past = past(w)
        || tree
            .children_with(w, &["cop", "aux:pass", "aux"])
            .iter()
            .any(|&a| past(a));
    denial || told_in_past
}

/// The (part, whole) a noun of belonging ties: the one it describes and the one in its
/// "of" phrase, possessive or modifier; for a whole noun ("parent"), the other way round.
fn noun_of_belonging(ctx: &Ctx<'_, '_>, w: usize, part_noun: bool) -> Option<(usize, usize)> {
    let tree = &ctx.tree;
    if denied(ctx, w) {
        return None;
    }
    // Who the noun describes: the name it is apposed to, the subject of its copula, or
    // a name apposed to it ("Zintrex's shipping arm, Harvo Freight").
    let described = match tree.deprel(w) {
        "appos" => tree.head(w).and_then(|h| organization(ctx, h)),
        _ if tree.child(w, "cop").is_some() => ctx.subject_of(w).and_then(|s| organization(ctx, s)),
        _ => None,
    }
    .or_else(|| {
        tree.children_with(w, &["appos"])
            .into_iter()
            .find_map(|c| ctx.mention_of(tree, c))
            .filter(|&m| ctx.kind(m) == EntityKind::Organization)
    })?;
    // The other one: "of Zintrex", "Zintrex's", "a Zintrex subsidiary".
    let other = tree
        .children_with(w, &["nmod", "nmod:poss", "compound"])
        .into_iter()
        .filter(|&c| tree.deprel(c) != "nmod" || tree.preposition(c) == Some("of"))
        .filter_map(|c| ctx.mention_of(tree, c))
        .find(|&m| m != described && ctx.kind(m) == EntityKind::Organization)?;
    if part_noun {
        Some((described, other))
    } else {
        Some((other, described))
    }
}

/// The (part, whole) a verb of ownership ties: its object and subject, or in the
/// passive ("is owned by", "owned by" describing a name) its subject or the name it
/// describes, and its agent.
fn owned(ctx: &Ctx<'_, '_>, v: usize) -> Option<(usize, usize)> {
    let tree = &ctx.tree;
    let agent = tree
        .children_with(v, &["obl:agent", "obl"])
        .into_iter()
        .find(|&c| tree.preposition(c) == Some("by"));
    match agent {
        Some(agent) => {
            let whole = organization(ctx, agent)?;
            let part = match tree.child(v, "nsubj:pass") {
                Some(s) => organization(ctx, s)?,
                None if tree.deprel(v) == "acl" => organization(ctx, tree.head(v)?)?,
                None => return None,
            };
            Some((part, whole))
        }
        None => {
            let whole = organization(ctx, ctx.subject_of(v)?)?;
            let part = ctx.mention_of(tree, tree.child(v, "obj")?)?;
            (ctx.kind(part) == EntityKind::Organization).then_some((part, whole))
        }
    }
}
