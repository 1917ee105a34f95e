//! Mention-level facts → entity-level facts, merged and deduplicated.

use crate::model::{Date, DateValue};
use crate::relate::{Evidence, Facts, LinkKind};
use std::collections::BTreeSet;

/// A person's title at an organization or place.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// The person (entity index).
    pub person: usize,
    /// The title as written.
    pub title: Option<String>,
    /// The organization or place (entity index).
    pub at: Option<usize>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// Something said.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Who said it (entity index).
    pub speaker: usize,
    /// In quotation marks or not.
    pub direct: bool,
    /// The words said.
    pub text: String,
    /// Where those words are.
    pub text_span: crate::model::Span,
    /// The event it was said at (event index).
    pub made_at: Option<usize>,
    /// When.
    pub date: Option<DateValue>,
    /// Entities named in it.
    pub mentions: BTreeSet<usize>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// An event or action, with entity indices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    /// The named-event entity it is, if named.
    pub entity: Option<usize>,
    /// Its label when unnamed.
    pub label: String,
    /// Verb lemma of an action.
    pub trigger: Option<String>,
    /// Who did it.
    pub agent: Option<usize>,
    /// To whom.
    pub affected: Option<usize>,
    /// One-day date.
    pub date: Option<DateValue>,
    /// First day.
    pub start: Option<Date>,
    /// Last day.
    pub end: Option<Date>,
    /// Where.
    pub location: Option<usize>,
    /// Edition.
    pub ordinal: Option<i64>,
    /// Who took part.
    pub participants: BTreeSet<usize>,
    /// Host.
    pub organizer: Option<usize>,
    /// Parent event (event index).
    pub sub_event_of: Option<usize>,
    /// Theme.
    pub theme: Option<String>,
    /// Where it was read.
    pub evidence: Vec<Evidence>,
}

/// A link between two entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// From (entity index).
    pub from: usize,
    /// To (entity index).
    pub to: usize,
    /// Which link.
    pub kind: LinkKind,
    /// Where it was read.
    pub evidence: Evidence,
}

/// Entity-level facts of one article.
#[derive(Debug, Default)]
pub struct Resolved {
    /// Roles, one per (person, title, place of work).
    pub roles: Vec<Role>,
    /// Statements.
    pub statements: Vec<Statement>,
    /// Events (named events merged) and actions.
    pub events: Vec<Event>,
    /// Links, one per (from, kind, to).
    pub links: Vec<Link>,
}

/// Removes unnamed events that nothing was learnt about ("the strike" mentioned in
/// passing): no action, date, place, participant, theme, part or statement made there.
fn drop_bare_events(out: &mut Resolved) {
    let events = &out.events;
    let keep: Vec<bool> = (0..events.len())
        .map(|i| {
            let e = &events[i];
            e.entity.is_some()
                || e.trigger.is_some()
                || e.date.is_some()
                || e.start.is_some()
                || e.location.is_some()
                || !e.participants.is_empty()
                || e.theme.is_some()
                || e.sub_event_of.is_some()
                || events.iter().any(|x| x.sub_event_of == Some(i))
                || out.statements.iter().any(|s| s.made_at == Some(i))
        })
        .collect();
    let mut new_index = vec![None; keep.len()];
    let mut next = 0;
    for (i, &k) in keep.iter().enumerate() {
        if k {
            new_index[i] = Some(next);
            next += 1;
        }
    }
    let mut i = 0;
    out.events.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    for e in &mut out.events {
        e.sub_event_of = e.sub_event_of.and_then(|p| new_index[p]);
    }
    for s in &mut out.statements {
        s.made_at = s.made_at.and_then(|p| new_index[p]);
    }
}

/// Rewrites mention-level facts in terms of entities.
pub fn resolve_facts(facts: Facts, of_mention: &[usize]) -> Resolved {
    let e = |m: usize| of_mention[m];
    let mut out = Resolved::default();

    // Events: named ones merge by entity; others stay as they are.
    let mut event_index = vec![0; facts.events.len()];
    for (i, f) in facts.events.iter().enumerate() {
        let entity = f.name.map(e);
        let existing = entity.and_then(|ent| out.events.iter().position(|x| x.entity == Some(ent)));
        let target = match existing {
            Some(t) => t,
            None => {
                out.events.push(Event {
                    entity,
                    label: f.label.clone(),
                    ..Event::default()
                });
                out.events.len() - 1
            }
        };
        event_index[i] = target;
        let ev = &mut out.events[target];
        ev.trigger = ev.trigger.take().or_else(|| f.trigger.clone());
        ev.agent = ev.agent.or(f.agent.map(e));
        ev.affected = ev.affected.or(f.affected.map(e));
        ev.date = ev.date.or(f.date);
        ev.start = ev.start.or(f.start);
        if let (Some(start), Some(days)) = (ev.start, f.days) {
            ev.end = Some(start.add_days(days - 1));
        }
        ev.location = ev.location.or(f.location.map(e));
        ev.ordinal = ev.ordinal.or(f.ordinal);
        ev.participants.extend(
            f.participants
                .iter()
                .map(|&p| e(p))
                .filter(|&p| p != usize::MAX),
        );
        ev.organizer = ev.organizer.or(f.organizer.map(e));
        ev.theme = ev.theme.take().or_else(|| f.theme.clone());
        ev.evidence.extend(f.evidence.iter().cloned());
    }
    for (i, f) in facts.events.iter().enumerate() {
        if let Some(parent) = f.sub_event_of {
            let (child, parent) = (event_index[i], event_index[parent]);
            if child != parent {
                out.events[child].sub_event_of = Some(parent);
            }
        }
    }
    for ev in &mut out.events {
        if ev.start.is_some() {
            ev.date = None;
        }
        // A person is not both the agent and the one affected.
        if ev.agent.is_some() && ev.agent == ev.affected {
            ev.affected = None;
        }
    }

    for r in facts.roles {
        let role = Role {
            person: e(r.person),
            title: r.title,
            at: r.at.map(e),
            evidence: r.evidence,
        };
        let duplicate = out.roles.iter().any(|x| {
            x.person == role.person
                && x.at == role.at
                && x.title.as_deref().map(str::to_lowercase)
                    == role.title.as_deref().map(str::to_lowercase)
        });
        if !duplicate {
            out.roles.push(role);
        }
    }
    // A role without a title says less than one with it at the same place.
    let roles = out.roles.clone();
    out.roles.retain(|r| {
        r.title.is_some()
            || !roles
                .iter()
                .any(|x| x.person == r.person && x.at == r.at && x.title.is_some())
    });

    for s in facts.statements {
        out.statements.push(Statement {
            speaker: e(s.speaker),
            direct: s.direct,
            text: s.text,
            text_span: s.text_span,
            made_at: s.made_at.map(|m| event_index[m]),
            date: s.date,
            mentions: s.mentions.into_iter().map(e).collect(),
            evidence: s.evidence,
        });
    }

    drop_bare_events(&mut out);

    for l in facts.links {
        let link = Link {
            from: e(l.from),
            to: e(l.to),
            kind: l.kind,
            evidence: l.evidence,
        };
        if link.from != link.to
            && !out
                .links
                .iter()
                .any(|x| x.from == link.from && x.to == link.to && x.kind == link.kind)
        {
            out.links.push(link);
        }
    }
    out
}
