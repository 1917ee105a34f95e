//! Roles: who holds which title where.
//!
//! Constructions read, each a rule:
//! - `role:premodifier` — "Acme CEO Jane Doe", "Norwegian Prime Minister Erna Solberg",
//!   "marine biology expert Ana Lopes"
//! - `role:title-in-organization` — "State Secretary in the Ministry of Health Ryo Tanaka"
//! - `role:apposition` — "Lu Ming, president of the company Harvo Freight",
//!   "Tom Reyes, Zintrex's chief executive,", "Ana Lopes, an Acme spokeswoman"
//! - `role:possessive` — "Kestrel Capital's Nina Park" (no title given)
//! - `role:who-verb` — "Tom Reyes, who heads the Vardby Institute"
//! - `role:passive-verb` — "the Vardby Institute, founded in 1977 by Tom Reyes"
//! - `role:title-then-name` — "the chairman of the Vardby Institute, Tom Reyes"
//! - `role:copula` — "Tom Reyes, 58, was acting comptroller at the Vardby Institute"
//! - `role:at-organization` — "Wang Li at the Vardby Institute found …" (no title given)
//!
//! Where the words next to a title name no holder or organization, the tree may:
//! apposition with modifiers ("Nina Olsen, a well-known civil rights activist"), a name
//! in apposition to the title ("Zintrex's chief executive, Tom Reyes"), copulas with
//! adverbs between, and the organization in the title's possessive or "of/for/at" phrase.

use super::links::link;
use super::{Ctx, Evidence, LinkFact, LinkKind, RoleFact};
use crate::model::EntityKind;
use crate::segment::TokenKind;
use std::ops::Range;

/// Reads the roles of a document, and the countries its titles give as nationalities
/// ("US actor Tom Reyes": Reyes belongs to the US, as a link rather than a role there).
pub(super) fn find_roles(ctx: &Ctx<'_, '_>) -> (Vec<RoleFact>, Vec<LinkFact>) {
    let mut roles = Vec::new();
    let mut nationalities = Vec::new();
    for title in &ctx.rec.titles {
        let (a, b) = (title.tokens.start, title.tokens.end);
        let mut at = where_before(ctx, a);
        let mut person = person_starting_at(ctx, b);
        let mut rule = "role:premodifier";
        let mut end = b;
        // "State Secretary in the Ministry of … Ryo Tanaka"
        if person.is_none() && matches!(ctx.lower(b), "in" | "at" | "of") {
            let after = if ctx.doc.is(b + 1, "the") {
                b + 2
            } else {
                b + 1
            };
            if let Some(org) = ctx
                .rec
                .mention_starting_at(after)
                .filter(|&m| ctx.kind(m) == EntityKind::Organization)
            {
                let org_end = ctx.rec.mentions[org].tokens.end;
                if let Some(p) = person_starting_at(ctx, org_end) {
                    person = Some(p);
                    at = Some(org);
                    rule = "role:title-in-organization";
                }
            }
        }
        // "X, president of Y" / "X, Y's chief executive"
        let mut start = at.map_or(a, |m| ctx.rec.mentions[m].tokens.start.min(a));
        let past = past_post(ctx, a, start);
        if person.is_none() {
            let before = at.map_or(a, |m| ctx.rec.mentions[m].tokens.start);
            // "Ana Lopes, an Acme spokeswoman"
            let before =
                if before >= 3 && matches!(ctx.lower(before - 1), "a" | "an" | "the" | "another") {
                    before - 1
                } else {
                    before
                };
            // "Tom Reyes, vice president and columnist for …": the first title's holder.
            let mut before = before;
            while before >= 2 && ctx.doc.is(before - 1, "and") {
                match ctx.rec.titles.iter().find(|t| t.tokens.end == before - 1) {
                    Some(t) => before = t.tokens.start,
                    None => break,
                }
            }
            // "Tom Reyes, 58, was acting comptroller at …", "Reyes is a professor of …"
            while before >= 2
                && matches!(
                    ctx.lower(before - 1),
                    "a" | "an" | "the" | "acting" | "former" | "then" | "now" | "also" | "still"
                )
            {
                before -= 1;
            }
            let copula = before >= 2
                && matches!(
                    ctx.lower(before - 1),
                    "was" | "is" | "became" | "becomes" | "remains" | "remained"
                );
            if copula {
                let mut k = before - 1;
                // ", 58,": the person's age between name and verb.
                if k >= 4
                    && ctx.doc.is(k - 1, ",")
                    && ctx.doc.tokens[k - 2].kind == TokenKind::Number
                    && ctx.doc.is(k - 3, ",")
                {
                    k -= 3;
                }
                if let Some(p) = ctx
                    .rec
                    .mention_ending_at(k)
                    .filter(|&m| ctx.kind(m) == EntityKind::Person)
                {
                    person = Some(p);
                    rule = "role:copula";
                    start = ctx.rec.mentions[p].tokens.start;
                }
            }
            if person.is_none() && before >= 2 && ctx.doc.is(before - 1, ",") {
                if let Some(p) = ctx
                    .rec
                    .mention_ending_at(before - 1)
                    .filter(|&m| ctx.kind(m) == EntityKind::Person)
                {
                    person = Some(p);
                    rule = "role:apposition";
                    start = ctx.rec.mentions[p].tokens.start;
                }
            }
        }
        let Some(person) = person.or_else(|| {
            let (holder, tree_rule) = holder_in_tree(ctx, a..b)?;
            rule = tree_rule;
            start = start.min(ctx.rec.mentions[holder].tokens.start);
            Some(holder)
        }) else {
            continue;
        };
        // "US actor Tom Reyes", "British economist Ana Lopes": a country before a
        // profession no country employs is the holder's nationality, not an employer.
        // So is a nationality adjective before a player ("Brazilian striker Tom Reyes"
        // plays for a club; "Brazil striker" for the national team).
        let mut nationality = None;
        let demonym = at.is_some_and(|m| ctx.rec.mentions[m].rule == "place:demonym");
        if at.is_some_and(|m| ctx.kind(m) == EntityKind::Place)
            && (nationality_only(&title.text) || demonym && plays(&title.text))
        {
            nationality = at.take();
        }
        if at.is_none() {
            at = served_in_tree(ctx, a..b);
        }
        if at.is_none() {
            if let Some((org, org_end)) = organization_after(ctx, b) {
                at = Some(org);
                end = end.max(org_end);
            }
        }
        // "energy analyst Tom Reyes of Brantwell Vossberg"
        let person_end = ctx.rec.mentions[person].tokens.end;
        if at.is_none() && person_end > b {
            if let Some((org, org_end)) = organization_after(ctx, person_end)
                .filter(|&(o, _)| ctx.kind(o) == EntityKind::Organization)
            {
                at = Some(org);
                end = end.max(org_end);
            }
        }
        end = end.max(person_end);
        if let Some(country) = nationality {
            nationalities.push(link(
                ctx,
                person,
                country,
                LinkKind::BasedIn,
                "link:nationality",
                0.7,
            ));
        }
        let title_text = match past {
            Some(word) => format!("{word} {}", title.text),
            None => title.text.clone(),
        };
        roles.push(RoleFact {
            person,
            title: Some(title_text),
            at,
            evidence: Evidence {
                span: ctx.span(start, end),
                rule,
                confidence: 0.85,
            },
        });
    }
    // "Kestrel Capital's Nina Park"
    for (m, mention) in ctx.rec.mentions.iter().enumerate() {
        let end = mention.tokens.end;
        if mention.kind != EntityKind::Organization
            || end >= ctx.doc.tokens.len()
            || ctx.doc.tokens[end].kind != TokenKind::Possessive
        {
            continue;
        }
        if let Some(p) = person_starting_at(ctx, end + 1) {
            roles.push(RoleFact {
                person: p,
                title: None,
                at: Some(m),
                evidence: Evidence {
                    span: ctx.span(mention.tokens.start, ctx.rec.mentions[p].tokens.end),
                    rule: "role:possessive",
                    confidence: 0.7,
                },
            });
        }
    }
    // "Wang Li at the Vardby Institute found …": where a researcher works.
    for (p, mention) in ctx.rec.mentions.iter().enumerate() {
        let end = mention.tokens.end;
        if mention.kind != EntityKind::Person || !ctx.doc.is(end, "at") {
            continue;
        }
        let after = if ctx.doc.is(end + 1, "the") {
            end + 2
        } else {
            end + 1
        };
        if let Some(org) = ctx
            .rec
            .mention_starting_at(after)
            .filter(|&m| ctx.kind(m) == EntityKind::Organization)
        {
            roles.push(RoleFact {
                person: p,
                title: None,
                at: Some(org),
                evidence: Evidence {
                    span: ctx.span(mention.tokens.start, ctx.rec.mentions[org].tokens.end),
                    rule: "role:at-organization",
                    confidence: 0.6,
                },
            });
        }
    }
    roles.extend(roles_from_verbs(ctx));
    roles.extend(titles_before_names(ctx));
    roles.sort_by_key(|r| r.evidence.span);
    (roles, nationalities)
}

/// Who holds a title, read off the tree where the words around it say nothing
/// plain: in apposition to a name ("Nina Olsen, a well-known civil rights activist,"),
/// with a name in apposition to it ("Zintrex's chief executive, Tom Reyes,"), or
/// said of a subject by a copula ("Tom Reyes was for years the chairman of …").
fn holder_in_tree(ctx: &Ctx<'_, '_>, title: Range<usize>) -> Option<(usize, &'static str)> {
    let tree = &ctx.tree;
    let w = ctx.tree.head_word(title)?;
    let person = |x: usize| {
        ctx.mention_of(tree, x)
            .filter(|&m| ctx.kind(m) == EntityKind::Person)
    };
    if tree.deprel(w) == "appos" {
        if let Some(m) = tree.head(w).and_then(person) {
            return Some((m, "role:apposition"));
        }
    }
    if let Some(m) = tree.child(w, "appos").and_then(person) {
        return Some((m, "role:title-then-name"));
    }
    // A title with a subject but no copula is an apposition misread as a clause
    // ("Nina Olsen, a well-known activist, died" parsed as "Olsen [is] an activist").
    let subject = tree.child(w, "nsubj").and_then(person)?;
    // "Olsen was my hero": the speaker's own relation, not a post.
    let personal = tree.child(w, "nmod:poss").is_some_and(|p| {
        tree.upos(p) == "PRON" && matches!(ctx.lower(tree.token(p)), "my" | "our" | "your")
    });
    if personal {
        return None;
    }
    let rule = if tree.child(w, "cop").is_some() {
        "role:copula"
    } else {
        "role:apposition"
    };
    Some((subject, rule))
}

/// Where a title is held, read off the tree: a possessive ("Norway's finance minister",
/// "Zintrex's chief executive") or an "of"/"for"/"at" phrase ("spokeswoman for Zintrex
/// Group", "professor at the Vardby Institute"), naming an organization or a place.
fn served_in_tree(ctx: &Ctx<'_, '_>, title: Range<usize>) -> Option<usize> {
    let tree = &ctx.tree;
    let w = ctx.tree.head_word(title)?;
    let serves = |m: &usize| matches!(ctx.kind(*m), EntityKind::Organization | EntityKind::Place);
    tree.children(w).iter().copied().find_map(|c| {
        let phrase = match tree.deprel(c) {
            "nmod:poss" => true,
            "nmod" => matches!(tree.preposition(c), Some("of" | "for" | "at")),
            _ => false,
        };
        if !phrase {
            return None;
        }
        // ("of the logistics company Zintrex": the name may stand beside a noun)
        ctx.mention_of(tree, c).filter(serves).or_else(|| {
            tree.children(c)
                .iter()
                .filter(|&&x| matches!(tree.deprel(x), "appos" | "compound" | "flat"))
                .find_map(|&x| ctx.mention_of(tree, x).filter(serves))
        })
    })
}

/// The post a verb of leading gives: "heads" → head, "founded" → founder.
fn post_of(ctx: &Ctx<'_, '_>, k: usize) -> Option<&'static str> {
    Some(match ctx.lower(k) {
        "heads" | "headed" | "runs" | "ran" => "head",
        "leads" | "led" => "leader",
        "chairs" | "chaired" => "chair",
        "founded" | "co-founded" => "founder",
        "directs" | "directed" => "director",
        "manages" | "managed" => "manager",
        "operates" | "operated" => "operator",
        _ => return None,
    })
}

/// "Tom Reyes, who heads the Vardby Institute", "the Vardby Institute, headed by Tom
/// Reyes", "founded in 1977 by Tom Reyes".
fn roles_from_verbs(ctx: &Ctx<'_, '_>) -> Vec<RoleFact> {
    let mut roles = Vec::new();
    let org = |m: usize| ctx.kind(m) == EntityKind::Organization;
    let person = |m: usize| ctx.kind(m) == EntityKind::Person;
    for k in 1..ctx.doc.tokens.len() {
        let Some(post) = post_of(ctx, k) else {
            continue;
        };
        let sentence = ctx.sentence(k);
        // "Tom Reyes, who heads (the) Vardby Institute"
        let who = ctx.lower(k - 1) == "who" && k >= 3 && ctx.doc.is(k - 2, ",");
        if who {
            let holder = ctx.rec.mention_ending_at(k - 2).filter(|&m| person(m));
            let at = if ctx.doc.is(k + 1, "the") {
                k + 2
            } else {
                k + 1
            };
            let place = ctx.rec.mention_starting_at(at).filter(|&m| org(m));
            if let Some((p, o)) = holder.zip(place) {
                let span = ctx.span_of_mentions(p, o);
                roles.push(role(p, post, o, span, "role:who-verb"));
            }
            continue;
        }
        // "Vardby Institute, headed by Tom Reyes" / "… founded in 1977 by Tom Reyes"
        let by = (k + 1..sentence.end.min(k + 6)).find(|&j| ctx.doc.is(j, "by"));
        let holder = by
            .and_then(|j| ctx.rec.mention_starting_at(j + 1))
            .filter(|&m| person(m));
        let mut b = k;
        while b > sentence.start
            && matches!(
                ctx.lower(b - 1),
                "," | "was" | "is" | "been" | "has" | "had"
            )
        {
            b -= 1;
        }
        let organization = ctx.rec.mention_ending_at(b).filter(|&m| org(m));
        if let Some((p, o)) = holder.zip(organization) {
            let span = ctx.span_of_mentions(o, p);
            roles.push(role(p, post, o, span, "role:passive-verb"));
        }
    }
    roles
}

/// "the chairman of the Vardby Institute, Tom Reyes": a title of an organization, then
/// the name that holds it.
fn titles_before_names(ctx: &Ctx<'_, '_>) -> Vec<RoleFact> {
    let mut roles = Vec::new();
    for title in &ctx.rec.titles {
        let b = title.tokens.end;
        let Some((org, org_end)) = organization_after(ctx, b) else {
            continue;
        };
        if ctx.kind(org) != EntityKind::Organization || !ctx.doc.is(org_end, ",") {
            continue;
        }
        // Not "Ana Lopes, chairman of Zintrex, Tom Reyes …": the title opens its phrase.
        let a = title.tokens.start;
        let opens = a == 0 || matches!(ctx.lower(a - 1), "the" | "a" | "its" | "his" | "her");
        let holder = ctx
            .rec
            .mention_starting_at(org_end + 1)
            .filter(|&m| ctx.kind(m) == EntityKind::Person);
        if let Some(p) = holder.filter(|_| opens) {
            let span = ctx.span(a, ctx.rec.mentions[p].tokens.end);
            roles.push(role(p, &title.text, org, span, "role:title-then-name"));
        }
    }
    roles
}

fn role(
    person: usize,
    post: &str,
    at: usize,
    span: crate::model::Span,
    rule: &'static str,
) -> RoleFact {
    RoleFact {
        person,
        title: Some(post.to_owned()),
        at: Some(at),
        evidence: Evidence {
            span,
            rule,
            confidence: 0.7,
        },
    }
}

/// The word that makes a post a past one, right before the title (`a`) or the words that
/// name where it is held (`phrase`): "former Cabinet minister Tom Reyes", "its then
/// chief executive", "the late president". The title keeps it, as written: the text
/// does not say the post is held now.
fn past_post(ctx: &Ctx<'_, '_>, a: usize, phrase: usize) -> Option<&'static str> {
    [a, phrase]
        .into_iter()
        .filter_map(|k| k.checked_sub(1))
        .find_map(|k| match ctx.lower(k) {
            "former" => Some("former"),
            "then" => Some("then"),
            "late" => Some("late"),
            "onetime" => Some("onetime"),
            _ => None,
        })
}

/// A person mention starting at token `i`, after an optional honorific.
fn person_starting_at(ctx: &Ctx<'_, '_>, i: usize) -> Option<usize> {
    ctx.rec
        .mention_starting_at(i)
        .filter(|&m| ctx.kind(m) == EntityKind::Person)
}

/// The organization or place right before a title: "Acme CEO", "Norwegian Prime Minister",
/// "Zintrex's chief executive", "Norway's State Secretary".
fn where_before(ctx: &Ctx<'_, '_>, a: usize) -> Option<usize> {
    let end = if a > 0 && ctx.doc.tokens[a - 1].kind == TokenKind::Possessive {
        a - 1
    } else {
        a
    };
    let found = ctx
        .rec
        .mention_ending_at(end)
        .filter(|&m| matches!(ctx.kind(m), EntityKind::Organization | EntityKind::Place))?;
    // "Vantor Bank chief Asian strategist": a nationality inside the title is its
    // scope; the organization named before the title is the employer.
    if ctx.rec.mentions[found].rule == "place:demonym" {
        let mut k = ctx.rec.mentions[found].tokens.start;
        let first = ctx.sentence(k).start;
        let lower = |k: usize| ctx.word(k).chars().next().is_some_and(char::is_lowercase);
        for _ in 0..2 {
            if k > first && lower(k - 1) && ctx.doc.tokens[k - 1].kind == TokenKind::Word {
                k -= 1;
            }
        }
        let employer = ctx
            .rec
            .mention_ending_at(k)
            .filter(|&m| ctx.kind(m) == EntityKind::Organization);
        if employer.is_some() {
            return employer;
        }
    }
    Some(found)
}

/// "president of the logistics company Harvo Freight Group": the organization
/// after "of"/"at", with a few descriptive words allowed in between.
fn organization_after(ctx: &Ctx<'_, '_>, b: usize) -> Option<(usize, usize)> {
    if !matches!(ctx.lower(b), "of" | "at" | "for" | "with") {
        return None;
    }
    let limit = (b + 6).min(ctx.doc.tokens.len());
    for k in b + 1..limit {
        if let Some(m) = ctx.rec.mention_starting_at(k) {
            return matches!(ctx.kind(m), EntityKind::Organization | EntityKind::Place)
                .then(|| (m, ctx.rec.mentions[m].tokens.end));
        }
        let t = &ctx.doc.tokens[k];
        let capital = ctx.word(k).chars().next().is_some_and(char::is_uppercase);
        if t.kind != TokenKind::Word || capital && ctx.word(k) != "The" {
            return None;
        }
    }
    None
}

/// Professions kept as titles that a country or a national team does not employ: a
/// country before them is where the holder comes from ("US actor", "French composer").
const CIVIL_PROFESSIONS: &[&str] = &[
    "actor",
    "actress",
    "singer",
    "composer",
    "musician",
    "artist",
    "author",
    "novelist",
    "writer",
    "poet",
    "playwright",
    "producer",
    "editor",
    "economist",
    "historian",
    "scientist",
    "researcher",
    "analyst",
    "journalist",
    "lawyer",
];

/// Professions of a government's service, which a country employs ("US Attorney", "US
/// peace negotiator").
const GOVERNMENT_SERVICE: &[&str] = &["attorney", "negotiator"];

/// Players of a sport, whom a national team employs ("England footballer", "Brazil
/// striker"); a nationality adjective before them is only where they come from.
const PLAYERS: &[&str] = &[
    "physiotherapist",
    "vaulter",
    "footballer",
    "flanker",
    "sprinter",
    "athlete",
    "swimmer",
    "cricketer",
    "batsman",
    "bowler",
    "boxer",
    "golfer",
    "cyclist",
    "skier",
    "runner",
    "hurdler",
    "jumper",
    "rower",
    "striker",
    "forward",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "player",
];

/// Whether a title names a player of a sport ([`PLAYERS`]).
fn plays(title: &str) -> bool {
    title
        .split_whitespace()
        .last()
        .is_some_and(|last| PLAYERS.contains(&last.to_lowercase().as_str()))
}

/// Whether a title names a profession that a country before it only gives a
/// nationality to: a listed civil profession, or one WordNet lists that is not a sport
/// or a government's.
fn nationality_only(title: &str) -> bool {
    let Some(last) = title.split_whitespace().last().map(str::to_lowercase) else {
        return false;
    };
    CIVIL_PROFESSIONS.contains(&last.as_str())
        || crate::lexicon::lexicons().is_occupation(title)
            && !GOVERNMENT_SERVICE.contains(&last.as_str())
            && !PLAYERS.contains(&last.as_str())
}
