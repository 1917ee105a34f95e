//! Mentions → facts: roles, statements, events and actions, and the links between
//! places and organizations.
//!
//! Each rule reads one English construction off the tokens of a sentence, using the
//! mentions, titles and dates that recognition found, and records which rule fired
//! and how sure it is. Facts point at mentions here; [`resolve`](crate::resolve)
//! turns them into facts about entities. Last, a [`PairModel`] scores the pairs of names no
//! rule linked with a learned linear model.

mod actions;
mod affiliations;
mod events;
mod killings;
mod links;
mod naming;
mod pairs;
mod plausible;
mod quotations;
mod reference;
mod roles;
mod statements;
#[cfg(test)]
mod tests;
mod titled;

pub use pairs::{PairCandidate, PairModel, PairRelation, pair_candidates};

use crate::analyze::Analysis;
use crate::analyze::tree::Tree;
use crate::model::{Date, DateValue, EntityKind, Span};
use crate::recognize::Recognized;
use crate::segment::Document;
pub(crate) use quotations::quotes;
use quotations::{opinion_tokens, quoted_tokens};
use std::ops::Range;

/// Where a fact was read, by which rule, how surely.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The words the fact was read from.
    pub span: Span,
    /// The rule that read it, e.g. `role:organization-title-person`.
    pub rule: &'static str,
    /// The rule's confidence, in [0, 1].
    pub confidence: f32,
}

/// A person's title at an organization or place.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleFact {
    /// The person's mention.
    pub person: usize,
    /// The title as written, if the text gives one.
    pub title: Option<String>,
    /// The organization or place's mention.
    pub at: Option<usize>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// Something said, directly or in reported speech.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementFact {
    /// The speaker's mention.
    pub speaker: usize,
    /// Whether the words stand inside quotation marks.
    pub direct: bool,
    /// The words said.
    pub text: String,
    /// Where those words are.
    pub text_span: Span,
    /// The event it was said at, as an index into the events.
    pub made_at: Option<usize>,
    /// When it was said.
    pub date: Option<DateValue>,
    /// The mentions inside the words said.
    pub mentions: Vec<usize>,
    /// Where it was read (the whole sentence, attribution included).
    pub evidence: Evidence,
}

/// An event: named ("the seventh Global Ocean Forum"), referred to ("the
/// two-day conference"), or an action read off a verb ("halted by the exchange").
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventFact {
    /// The mention of its name, for a named event.
    pub name: Option<usize>,
    /// Its label when it has no name: the words that introduce it.
    pub label: String,
    /// The verb's lemma, for an action.
    pub trigger: Option<String>,
    /// Who did it.
    pub agent: Option<usize>,
    /// To whom or what.
    pub affected: Option<usize>,
    /// When, for a one-day event.
    pub date: Option<DateValue>,
    /// When it started.
    pub start: Option<Date>,
    /// How many days it lasts ("two-day").
    pub days: Option<i64>,
    /// Where.
    pub location: Option<usize>,
    /// Which edition ("seventh").
    pub ordinal: Option<i64>,
    /// Persons and organizations that took part.
    pub participants: Vec<usize>,
    /// Who hosted it.
    pub organizer: Option<usize>,
    /// The event it is part of.
    pub sub_event_of: Option<usize>,
    /// What it was about.
    pub theme: Option<String>,
    /// Where it was read.
    pub evidence: Vec<Evidence>,
}

/// How two named things are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkKind {
    /// Place → containing place.
    LocatedIn,
    /// Organization → its country.
    Country,
    /// Part → whole (subsidiary → owner, member → organization).
    AffiliatedWith,
    /// Organization or person → where it is based.
    BasedIn,
}

/// A link between two mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkFact {
    /// From.
    pub from: usize,
    /// To.
    pub to: usize,
    /// Which link.
    pub kind: LinkKind,
    /// Where it was read.
    pub evidence: Evidence,
}

/// All facts read off one article, pointing at mentions.
#[derive(Debug, Default)]
pub struct Facts {
    /// Roles.
    pub roles: Vec<RoleFact>,
    /// Statements.
    pub statements: Vec<StatementFact>,
    /// Events and actions.
    pub events: Vec<EventFact>,
    /// Links.
    pub links: Vec<LinkFact>,
}

/// Reads every fact off a recognized document.
pub fn relate(doc: &Document<'_>, analysis: &Analysis<'_>, rec: &Recognized) -> Facts {
    let ctx = Ctx::new(doc, analysis, rec);
    let mut facts = Facts::default();
    let event_refs = events::find_events(&ctx, &mut facts.events);
    let (roles, nationalities) = roles::find_roles(&ctx);
    facts.roles = roles;
    facts.statements = statements::find_statements(&ctx, &event_refs);
    events::participants_from_statements(&facts.statements, &mut facts.events);
    actions::find_actions(&ctx, &mut facts.events);
    killings::find_killings(&ctx, &mut facts.events);
    facts.links = links::find_links(&ctx, &facts.roles);
    facts.links.extend(nationalities);
    affiliations::find_affiliations(&ctx, &mut facts.links);
    pairs::add_learned_facts(&ctx, &mut facts);
    facts
}

/// What extraction takes each personal pronoun of a document ("he", "she", "him",
/// "his", "her") to stand for: the pronoun's token and a mention of a person, or none.
/// `examples/eval_pronouns.rs` scores it against annotated coreference.
pub fn pronoun_antecedents(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    rec: &Recognized,
) -> Vec<(usize, Option<usize>)> {
    let ctx = Ctx::new(doc, analysis, rec);
    (0..doc.tokens.len())
        .filter(|&i| matches!(ctx.lower(i), "he" | "she" | "him" | "his" | "her"))
        .map(|i| (i, ctx.antecedent(i).map(|(m, _)| m)))
        .collect()
}

/// The document with its recognized items, and the questions rules ask about them.
pub(crate) struct Ctx<'d, 'a> {
    pub doc: &'d Document<'a>,
    pub rec: &'d Recognized,
    /// The dependency tree over the document's tokens.
    pub tree: Tree<'d>,
    /// Whether each token lies inside quotation marks.
    pub quoted: Vec<bool>,
    /// Whether each token lies in a paragraph that speaks in the first person outside
    /// quotation marks ([`opinion_tokens`]).
    pub opinion: Vec<bool>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn new(doc: &'d Document<'a>, analysis: &'d Analysis<'d>, rec: &'d Recognized) -> Self {
        let tree = Tree::new(doc, analysis);
        let quoted = quoted_tokens(doc);
        Self {
            doc,
            rec,
            tree,
            opinion: opinion_tokens(doc, &quoted),
            quoted,
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.doc.word(i)
    }

    pub fn lower(&self, i: usize) -> &'d str {
        self.doc.lower(i)
    }

    pub fn kind(&self, mention: usize) -> EntityKind {
        self.rec.mentions[mention].kind
    }

    /// The token range of the sentence holding token `i`.
    pub fn sentence(&self, i: usize) -> Range<usize> {
        self.doc.sentences[self.doc.sentence_of(i)].tokens.clone()
    }

    /// Where the sentence `n` sentences before that of token `i` starts (the first
    /// sentence's start where there are fewer).
    pub fn sentences_back(&self, i: usize, n: usize) -> usize {
        let mut start = self.sentence(i).start;
        for _ in 0..n {
            if start == 0 {
                break;
            }
            start = self.sentence(start - 1).start;
        }
        start
    }

    /// The span of tokens `from..to` (empty where the run is).
    pub fn span(&self, from: usize, to: usize) -> Span {
        if from >= to {
            let at = self
                .doc
                .tokens
                .get(from)
                .map_or(self.doc.text.len(), |t| t.start);
            return Span::new(at, at);
        }
        Span::new(self.doc.tokens[from].start, self.doc.tokens[to - 1].end)
    }

    /// The span from the first to the last token of two mentions, in either order.
    pub fn span_of_mentions(&self, a: usize, b: usize) -> Span {
        let (a, b) = (&self.rec.mentions[a].tokens, &self.rec.mentions[b].tokens);
        self.span(a.start.min(b.start), a.end.max(b.end))
    }

    /// Whether a word is negated by an adverb of its own: "did not say", "has never
    /// paid", "have yet to".
    pub fn negated(&self, w: usize) -> bool {
        let tree = &self.tree;
        // (by the word's lemma: "isn't" is one token of two words, "is" and "n't")
        tree.children_with(w, &["advmod"]).into_iter().any(|c| {
            matches!(tree.lemma(c), "not" | "never" | "yet")
                || matches!(self.lower(tree.token(c)), "not" | "n't" | "never" | "yet")
        })
    }

    /// The first date in `range` that says when, not a bound ("until May").
    pub fn first_date_in(&self, range: Range<usize>) -> Option<DateValue> {
        // "signed a contract until May 2030", "since 2004": a bound, not when it happened.
        let bound = |start: usize| {
            start > 0
                && matches!(
                    self.lower(start - 1),
                    "until" | "till" | "through" | "since" | "before" | "after" | "by"
                )
        };
        self.rec
            .dates
            .iter()
            .find(|d| range.contains(&d.tokens.start) && !bound(d.tokens.start))
            .map(|d| d.value)
    }
}
