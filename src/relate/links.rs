//! Links between named things: places inside places, organizations' countries,
//! parts of organizations, where organizations are based.
//!
//! Rules:
//! - `place:in` — "Vardby in southern Norway's Agder county"
//! - `place:possessive` — "Norway's Agder county"
//! - `organization:country-possessive` — "Norway's Energy Regulatory Authority"
//! - `organization:country-of-role` — "Norway's State Secretary in the Ministry of …"
//! - `organization:affiliated-modifier` — "Zintrex-affiliated Harvo Group", "Halvorsen-owned …"
//! - `organization:possessive` — "Halvorsen's Nordic Times"
//! - `person:affiliated-possessive` — "Kestrel Capital's Nina Park"
//! - `person:born-in` — "Tom Reyes was born on May 5, 1950, in Lakewood"
//! - `person:native` — "Lakewood native Tom Reyes", "Tom Reyes, a native of Lakewood"
//! - `person:from` — "Tom Reyes, a teacher from Lakewood", "Reyes is from Lakewood"
//! - `based-in:modifier` — "Bergen-based Zintrex"
//! - `place:apposition` — "Bergen, the second city of Norway", "Vardby, a town in Agder"
//! - `place:in-coordinated` — "Oslo and Bergen in Norway"
//! - `organization:of-place` — "Harvo Freight Co. of Bergen", "the Harbour Institute in Bergen"
//! - `organization:place-possessive` — "Bergen's Harbour Institute"
//! - `organization:dateline` — "VARDBY, Norway (AP)"
//! - `organization:source-line` — "LD0806223294 Oslo Radio Vardby Network in Norwegian …"
//! - `organization:demonym` — "the Norwegian Labour Party" (when Norway is named)

use super::plausible::{is_peer, listed};
use super::{Ctx, Evidence, LinkFact, LinkKind, RoleFact};
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::segment::TokenKind;

fn is_country(ctx: &Ctx<'_, '_>, m: usize) -> bool {
    lexicons()
        .place(&ctx.rec.mentions[m].name)
        .is_some_and(|c| c.is_country)
}

/// A link between two mentions, read by `rule` over the words that span them.
pub(super) fn link(
    ctx: &Ctx<'_, '_>,
    from: usize,
    to: usize,
    kind: LinkKind,
    rule: &'static str,
    confidence: f32,
) -> LinkFact {
    LinkFact {
        from,
        to,
        kind,
        evidence: Evidence {
            span: ctx.span_of_mentions(from, to),
            rule,
            confidence,
        },
    }
}

/// Reads the links of a document.
pub(super) fn find_links(ctx: &Ctx<'_, '_>, roles: &[RoleFact]) -> Vec<LinkFact> {
    let lex = lexicons();
    let n = ctx.doc.tokens.len();
    let mut links = Vec::new();
    let possessive_at = |k: usize| k < n && ctx.doc.tokens[k].kind == TokenKind::Possessive;
    for (m, mention) in ctx.rec.mentions.iter().enumerate() {
        let end = mention.tokens.end;
        match mention.kind {
            EntityKind::Place => {
                // "Vardby in (the) (southern) Norway's Agder county"
                if ctx.doc.is(end, "in") && !is_country(ctx, m) {
                    let mut k = end + 1;
                    while k < n && (ctx.doc.is(k, "the") || lex.is_direction(ctx.word(k))) {
                        k += 1;
                    }
                    if let Some(q) = ctx
                        .rec
                        .mention_starting_at(k)
                        .filter(|&q| ctx.kind(q) == EntityKind::Place)
                    {
                        let q_end = ctx.rec.mentions[q].tokens.end;
                        let inner = possessive_at(q_end)
                            .then(|| ctx.rec.mention_starting_at(q_end + 1))
                            .flatten()
                            .filter(|&r| ctx.kind(r) == EntityKind::Place);
                        let to = inner.unwrap_or(q);
                        links.push(link(ctx, m, to, LinkKind::LocatedIn, "place:in", 0.8));
                    }
                }
                if possessive_at(end) {
                    if let Some(r) = ctx.rec.mention_starting_at(end + 1) {
                        match ctx.kind(r) {
                            // "Norway's Agder county"
                            EntityKind::Place if !is_country(ctx, r) && !ctx.quoted[end] => {
                                links.push(link(
                                    ctx,
                                    r,
                                    m,
                                    LinkKind::LocatedIn,
                                    "place:possessive",
                                    0.75,
                                ));
                            }
                            // "Norway's Energy Regulatory Authority"
                            EntityKind::Organization if is_country(ctx, m) => {
                                links.push(link(
                                    ctx,
                                    r,
                                    m,
                                    LinkKind::Country,
                                    "organization:country-possessive",
                                    0.8,
                                ));
                            }
                            // "Bergen's Harbour Institute"
                            EntityKind::Organization if !ctx.quoted[end] => {
                                links.push(link(
                                    ctx,
                                    r,
                                    m,
                                    LinkKind::BasedIn,
                                    "organization:place-possessive",
                                    0.7,
                                ));
                            }
                            _ => {}
                        }
                    }
                }
                // "Aiken, S.C.", "Lakewood, Colorado": a town, then its state or country.
                if ctx.doc.is(end, ",") && !is_country(ctx, m) {
                    if let Some(q) = ctx
                        .rec
                        .mention_starting_at(end + 1)
                        .filter(|&q| ctx.kind(q) == EntityKind::Place)
                    {
                        let q_end = ctx.rec.mentions[q].tokens.end;
                        let region = is_country(ctx, q)
                            || lex
                                .gazetteer(&ctx.rec.mentions[q].name)
                                .is_some_and(|g| g.is_state)
                            || ctx.rec.mentions[q].rule == "place:state-abbreviation";
                        if region && !possessive_at(q_end) && !listed(ctx, m, q) {
                            links.push(link(ctx, m, q, LinkKind::LocatedIn, "place:comma", 0.75));
                        }
                    }
                }
                // "Bergen-based Zintrex", "the Bergen-based insurer Zintrex", and
                // "Zintrex, a Bergen-based insurer,"
                if ctx.doc.is(end, "-") && ctx.doc.is(end + 1, "based") {
                    let actor = |o: &usize| {
                        matches!(ctx.kind(*o), EntityKind::Organization | EntityKind::Person)
                    };
                    let mut k = end + 2;
                    while k < n
                        && k < end + 5
                        && ctx.rec.mention_starting_at(k).is_none()
                        && ctx.word(k).chars().next().is_some_and(char::is_lowercase)
                    {
                        k += 1;
                    }
                    let start = mention.tokens.start;
                    let article = start >= 3 && matches!(ctx.lower(start - 1), "a" | "an" | "the");
                    // (An abbreviation's full stop may stand before the comma: "Corp.,".)
                    let apposed = (article && ctx.doc.is(start - 2, ","))
                        .then(|| {
                            ctx.rec.mention_ending_at(start - 2).or_else(|| {
                                (start >= 4 && ctx.doc.is(start - 3, "."))
                                    .then(|| ctx.rec.mention_ending_at(start - 3))
                                    .flatten()
                            })
                        })
                        .flatten();
                    let o = ctx
                        .rec
                        .mention_starting_at(k)
                        .filter(actor)
                        .or(apposed.filter(actor));
                    if let Some(o) = o {
                        links.push(link(ctx, o, m, LinkKind::BasedIn, "based-in:modifier", 0.8));
                    }
                }
            }
            EntityKind::Person => {
                // "Ana Lopes, 29, of Vardby"; "Tom Reyes of Lakewood";
                // "Tom Reyes of Brantwell Vossberg" (no title: a member).
                let mut k = end;
                if ctx.doc.is(k, ",")
                    && k + 2 < n
                    && ctx.doc.tokens[k + 1].kind == TokenKind::Number
                    && ctx.doc.is(k + 2, ",")
                {
                    k += 3;
                }
                if ctx.doc.is(k, "of") && !(k == end && is_peer(ctx, m)) {
                    let at = if ctx.doc.is(k + 1, "the") {
                        k + 2
                    } else {
                        k + 1
                    };
                    if let Some(o) = ctx.rec.mention_starting_at(at) {
                        match ctx.kind(o) {
                            EntityKind::Place => links.push(link(
                                ctx,
                                m,
                                o,
                                LinkKind::BasedIn,
                                "person:of-place",
                                0.7,
                            )),
                            EntityKind::Organization => links.push(link(
                                ctx,
                                m,
                                o,
                                LinkKind::AffiliatedWith,
                                "person:of-organization",
                                0.65,
                            )),
                            _ => {}
                        }
                    }
                }
            }
            EntityKind::Organization => {
                // "Xerox Corp. of Stamford, Conn.", "Acme, based in Ohio", "the Harbour
                // Institute in Bergen" (the full stop of "Corp." is outside the name).
                let after = if ctx.doc.is(end, ".") && !ctx.doc.tokens[end].space_before {
                    end + 1
                } else {
                    end
                };
                let start = mention.tokens.start;
                let of_at = if ctx.doc.is(after, "of") || ctx.doc.is(after, "in") {
                    Some(after + 1)
                } else if ctx.doc.is(end, ",")
                    && ctx.doc.is(end + 1, "based")
                    && ctx.doc.is(end + 2, "in")
                {
                    Some(end + 3)
                } else {
                    None
                };
                if let Some(p) = of_at
                    .and_then(|k| ctx.rec.mention_starting_at(k))
                    .filter(|&p| ctx.kind(p) == EntityKind::Place)
                {
                    links.push(link(
                        ctx,
                        m,
                        p,
                        LinkKind::BasedIn,
                        "organization:of-place",
                        0.7,
                    ));
                }
                // "LD0806223294 Oslo Radio Vardby Network in Norwegian …"
                if mention.rule == "organization:source-line" {
                    if let Some(p) = ctx.rec.mention_ending_at(start) {
                        links.push(link(
                            ctx,
                            m,
                            p,
                            LinkKind::BasedIn,
                            "organization:source-line",
                            0.7,
                        ));
                    }
                }
                // "VARDBY, Norway (AP)": an agency reports from its dateline's town.
                if mention.rule == "organization:dateline-agency" {
                    let mut line = start - 1;
                    while line > 0 && !ctx.doc.tokens[line].line_before {
                        line -= 1;
                    }
                    // The town, which lies in the region after it.
                    if let Some(p) = ctx
                        .rec
                        .mention_starting_at(line)
                        .filter(|&p| ctx.kind(p) == EntityKind::Place)
                    {
                        links.push(link(
                            ctx,
                            m,
                            p,
                            LinkKind::BasedIn,
                            "organization:dateline",
                            0.5,
                        ));
                    }
                }
                // "the Norwegian Labour Party": the country its demonym names, when the
                // article names that country too.
                if let Some(country) = lex
                    .demonym(ctx.word(start))
                    .filter(|_| mention.tokens.len() > 1)
                {
                    if let Some(c) = ctx
                        .rec
                        .mentions
                        .iter()
                        .position(|p| p.kind == EntityKind::Place && p.name == country.name)
                    {
                        // The evidence is the name itself, not the text up to the country.
                        links.push(LinkFact {
                            from: m,
                            to: c,
                            kind: LinkKind::Country,
                            evidence: Evidence {
                                span: ctx.span(start, end),
                                rule: "organization:demonym",
                                confidence: 0.7,
                            },
                        });
                    }
                }
                // "Zintrex-affiliated Harvo Group"
                if ctx.doc.is(end, "-")
                    && matches!(
                        ctx.lower(end + 1),
                        "affiliated" | "owned" | "controlled" | "backed"
                    )
                {
                    if let Some(o) = ctx
                        .rec
                        .mention_starting_at(end + 2)
                        .filter(|&o| ctx.kind(o) == EntityKind::Organization)
                    {
                        links.push(link(
                            ctx,
                            o,
                            m,
                            LinkKind::AffiliatedWith,
                            "organization:affiliated-modifier",
                            0.8,
                        ));
                    }
                }
                // "Halvorsen's Nordic Times"
                if possessive_at(end) {
                    if let Some(o) = ctx
                        .rec
                        .mention_starting_at(end + 1)
                        .filter(|&o| ctx.kind(o) == EntityKind::Organization)
                    {
                        links.push(link(
                            ctx,
                            o,
                            m,
                            LinkKind::AffiliatedWith,
                            "organization:possessive",
                            0.7,
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    home_places(ctx, &mut links);
    place_appositions(ctx, &mut links);
    // "Oslo and Bergen in Norway": what holds the last of coordinated places holds each.
    let coordinated: Vec<LinkFact> = links
        .iter()
        .filter(|l| l.evidence.rule == "place:in")
        .filter_map(|l| {
            let start = ctx.rec.mentions[l.from].tokens.start;
            let joined = start >= 2 && matches!(ctx.word(start - 1), "and" | "or");
            let first = joined
                .then(|| ctx.rec.mention_ending_at(start - 1))
                .flatten()
                .filter(|&p| ctx.kind(p) == EntityKind::Place && !is_country(ctx, p))?;
            Some(link(
                ctx,
                first,
                l.to,
                LinkKind::LocatedIn,
                "place:in-coordinated",
                0.7,
            ))
        })
        .collect();
    links.extend(coordinated);
    for role in roles {
        // "Norway's State Secretary in the Ministry of …": the ministry is Norway's.
        if role.evidence.rule == "role:title-in-organization" {
            if let Some(org) = role.at {
                let first = ctx.rec.titles.iter().find(|t| {
                    ctx.span(t.tokens.start, t.tokens.end).start >= role.evidence.span.start
                });
                if let Some(t) = first {
                    let a = t.tokens.start;
                    if a >= 2 && possessive_at(a - 1) {
                        if let Some(c) = ctx
                            .rec
                            .mention_ending_at(a - 1)
                            .filter(|&c| is_country(ctx, c))
                        {
                            links.push(link(
                                ctx,
                                org,
                                c,
                                LinkKind::Country,
                                "organization:country-of-role",
                                0.75,
                            ));
                        }
                    }
                }
            }
        }
        if role.evidence.rule == "role:possessive" {
            if let Some(org) = role.at {
                links.push(LinkFact {
                    from: role.person,
                    to: org,
                    kind: LinkKind::AffiliatedWith,
                    evidence: Evidence {
                        span: role.evidence.span,
                        rule: "person:affiliated-possessive",
                        confidence: 0.7,
                    },
                });
            }
        }
    }
    links
}

/// Where persons come from: "Tom Reyes was born on May 5, 1950, in Lakewood, Colo.",
/// "Lakewood native Tom Reyes", "Tom Reyes, a Lakewood native", "a native of Lakewood".
fn home_places(ctx: &Ctx<'_, '_>, links: &mut Vec<LinkFact>) {
    let n = ctx.doc.tokens.len();
    let person = |m: usize| ctx.kind(m) == EntityKind::Person;
    let place = |m: usize| ctx.kind(m) == EntityKind::Place;
    for i in 0..n {
        let word = ctx.lower(i);
        if !matches!(word, "born" | "from" | "native") {
            continue;
        }
        let sentence = ctx.sentence(i);
        match word {
            "born" => {
                // "the first mayor, Tom Lind, was born": a name between commas.
                let mut k = i;
                while k > sentence.start && matches!(ctx.lower(k - 1), "was" | "were") {
                    k -= 1;
                }
                let apposed = (k >= 2 && ctx.doc.is(k - 1, ","))
                    .then(|| ctx.rec.mention_ending_at(k - 1))
                    .flatten();
                let Some(who) = ctx
                    .subject_before(i, sentence.start)
                    .map(|(m, _)| m)
                    .or(apposed)
                    .filter(|&m| person(m))
                else {
                    continue;
                };
                // The first "in" within a few tokens, past a date: "born on May 5, 1950, in".
                let at = (i + 1..sentence.end.min(i + 12))
                    .take_while(|&k| {
                        ctx.word(k) == ","
                            || ctx.rec.date_at(k).is_some()
                            || matches!(ctx.lower(k), "on" | "in" | "near" | "the" | "at" | "about")
                    })
                    .find(|&k| matches!(ctx.lower(k), "in" | "near"));
                let Some(k) = at else { continue };
                let k = if ctx.doc.is(k + 1, "the") {
                    k + 2
                } else {
                    k + 1
                };
                if let Some(p) = ctx.rec.mention_starting_at(k).filter(|&p| place(p)) {
                    links.push(LinkFact {
                        from: who,
                        to: p,
                        kind: LinkKind::BasedIn,
                        evidence: Evidence {
                            span: ctx.span(i, ctx.rec.mentions[p].tokens.end),
                            rule: "person:born-in",
                            confidence: 0.7,
                        },
                    });
                }
            }
            "from" => {
                // "Tom Reyes, a teacher from Lakewood", "Reyes is from Lakewood"
                let Some(p) = ctx.rec.mention_starting_at(i + 1).filter(|&p| place(p)) else {
                    continue;
                };
                // "… is from": the person right before the verb.
                let is_from = (i >= 2 && matches!(ctx.lower(i - 1), "is" | "was"))
                    .then(|| ctx.rec.mention_ending_at(i - 1))
                    .flatten();
                // "…, a teacher from": back over the description to "a" and a comma.
                let mut k = i;
                while k > sentence.start + 1
                    && k + 6 > i
                    && ctx.doc.tokens[k - 1].kind == TokenKind::Word
                    && !matches!(ctx.lower(k - 1), "a" | "an")
                {
                    k -= 1;
                }
                let described = k + 6 > i
                    && k >= 3
                    && matches!(ctx.lower(k - 1), "a" | "an")
                    && ctx.doc.is(k - 2, ",");
                let who = is_from
                    .or_else(|| {
                        described
                            .then(|| ctx.rec.mention_ending_at(k - 2))
                            .flatten()
                    })
                    .filter(|&m| person(m));
                if let Some(m) = who {
                    links.push(link(ctx, m, p, LinkKind::BasedIn, "person:from", 0.65));
                }
            }
            "native" => {
                // "Lakewood native Tom Reyes"
                let before = ctx.rec.mention_ending_at(i).filter(|&p| place(p));
                let after = ctx.rec.mention_starting_at(i + 1).filter(|&m| person(m));
                // "Tom Reyes, a Lakewood native"
                let apposed = before.and_then(|p| {
                    let a = ctx.rec.mentions[p].tokens.start;
                    (a >= 2 && matches!(ctx.lower(a - 1), "a" | "the"))
                        .then(|| ctx.doc.is(a - 2, ","))
                        .filter(|&comma| comma)
                        .and_then(|_| ctx.rec.mention_ending_at(a - 2))
                        .filter(|&m| person(m))
                });
                // "Reyes is a Lakewood native"
                let is_native = before.and_then(|p| {
                    let a = ctx.rec.mentions[p].tokens.start;
                    (a >= 3 && ctx.lower(a - 1) == "a" && matches!(ctx.lower(a - 2), "is" | "was"))
                        .then(|| ctx.rec.mention_ending_at(a - 2))
                        .flatten()
                        .filter(|&m| person(m))
                });
                let apposed = apposed.or(is_native);
                // "Tom Reyes, a native of Lakewood"
                let of_place = ctx
                    .doc
                    .is(i + 1, "of")
                    .then(|| ctx.rec.mention_starting_at(i + 2))
                    .flatten()
                    .filter(|&p| place(p));
                let of_person =
                    (i >= 3 && matches!(ctx.lower(i - 1), "a" | "the") && ctx.doc.is(i - 2, ","))
                        .then(|| ctx.rec.mention_ending_at(i - 2))
                        .flatten()
                        .filter(|&m| person(m));
                let pair = match (before, after.or(apposed)) {
                    (Some(p), Some(m)) => Some((m, p)),
                    _ => of_person.zip(of_place),
                };
                if let Some((m, p)) = pair {
                    links.push(link(ctx, m, p, LinkKind::BasedIn, "person:native", 0.7));
                }
            }
            _ => {}
        }
    }
}

/// "Bergen, the second city of Norway", "Vardby, a
/// town in Agder": a place described as a kind of place in another.
fn place_appositions(ctx: &Ctx<'_, '_>, links: &mut Vec<LinkFact>) {
    let lex = lexicons();
    for (m, mention) in ctx.rec.mentions.iter().enumerate() {
        let end = mention.tokens.end;
        if mention.kind != EntityKind::Place || !ctx.doc.is(end, ",") || is_country(ctx, m) {
            continue;
        }
        let mut k = end + 1;
        let mut kind_of_place = false;
        while k < (end + 9).min(ctx.doc.tokens.len()) {
            let w = ctx.word(k);
            if matches!(w, "of" | "in") && kind_of_place {
                break;
            }
            if ctx.doc.tokens[k].kind != TokenKind::Word
                && ctx.doc.tokens[k].kind != TokenKind::Number
                || w.chars().next().is_some_and(char::is_uppercase)
            {
                k = usize::MAX;
                break;
            }
            kind_of_place |= lex.is_place_type(w);
            k += 1;
        }
        if k >= ctx.doc.tokens.len() || !kind_of_place {
            continue;
        }
        let at = if ctx.doc.is(k + 1, "the") {
            k + 2
        } else {
            k + 1
        };
        if let Some(q) = ctx
            .rec
            .mention_starting_at(at)
            .filter(|&q| ctx.kind(q) == EntityKind::Place && q != m)
        {
            links.push(link(
                ctx,
                m,
                q,
                LinkKind::LocatedIn,
                "place:apposition",
                0.75,
            ));
        }
    }
}
