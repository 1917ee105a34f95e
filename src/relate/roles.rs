//! Roles: who holds which title where.
//!
//! Constructions read, each a rule:
//! - `role:premodifier` — "Acme CEO Jane Doe", "Norwegian Prime Minister Erna Solberg",
//!   "marine biology expert Ana Lopes"
//! - `role:title-in-organization` — "State Secretary in the Ministry of Health Ryo Tanaka"
//! - `role:apposition` — "Lu Ming, president of the company Harvo Freight",
//!   "Tom Reyes, Zintrex's chief executive,", "Ana Lopes, an Acme spokeswoman"
//! - `role:possessive` — "Kestrel Capital's Nina Park" (no title given)

use super::{Ctx, Evidence, RoleFact};
use crate::model::EntityKind;
use crate::segment::TokenKind;

/// Reads the roles of a document.
pub(super) fn find_roles(ctx: &Ctx<'_, '_>) -> Vec<RoleFact> {
    let mut roles = Vec::new();
    for title in &ctx.rec.titles {
        let (a, b) = (title.tokens.start, title.tokens.end);
        let mut at = where_before(ctx, a);
        let mut person = person_starting_at(ctx, b);
        let mut rule = "role:premodifier";
        let mut end = b;
        // "State Secretary in the Ministry of … Ryo Tanaka"
        if person.is_none() && matches!(ctx.lower(b).as_str(), "in" | "at" | "of") {
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
        if person.is_none() {
            let before = at.map_or(a, |m| ctx.rec.mentions[m].tokens.start);
            // "Ana Lopes, an Acme spokeswoman"
            let before = if before >= 3
                && matches!(
                    ctx.lower(before - 1).as_str(),
                    "a" | "an" | "the" | "another"
                ) {
                before - 1
            } else {
                before
            };
            if before >= 2 && ctx.doc.is(before - 1, ",") {
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
        let Some(person) = person else { continue };
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
        let title_text = title.text.clone();
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
    roles.sort_by_key(|r| r.evidence.span);
    roles
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
    ctx.rec
        .mention_ending_at(end)
        .filter(|&m| matches!(ctx.kind(m), EntityKind::Organization | EntityKind::Place))
}

/// "president of the logistics company Harvo Freight Group": the organization
/// after "of"/"at", with a few descriptive words allowed in between.
fn organization_after(ctx: &Ctx<'_, '_>, b: usize) -> Option<(usize, usize)> {
    if !matches!(ctx.lower(b).as_str(), "of" | "at" | "for" | "with") {
        return None;
    }
    let limit = (b + 6).min(ctx.doc.tokens.len());
    for k in b + 1..limit {
        if let Some(m) = ctx.rec.mention_starting_at(k) {
            return matches!(ctx.kind(m), EntityKind::Organization | EntityKind::Place)
                .then(|| (m, ctx.rec.mentions[m].tokens.end));
        }
        let t = &ctx.doc.tokens[k];
        if t.kind != TokenKind::Word || ctx.word(k).chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
    }
    None
}
