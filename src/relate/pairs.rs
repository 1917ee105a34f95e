//! Links read by a learned model: who works for which organization, who lives where,
//! where an organization is based, which place lies in which.
//!
//! The rules in [`links`](super::links) and [`roles`](super::roles) read the
//! constructions they know exactly; news states these links in many more ways ("Tom
//! Reyes, who spent 20 years at Zintrex", "Zintrex opened its Bergen plant"). Here
//! every pair of names in one sentence whose kinds fit a link is described by the words
//! between and around them and by the dependency path from one to the other, and a
//! linear model scores it; the pairs it trusts become
//! links with rule `learned:<relation>` and the model's probability as confidence.
//!
//! The weights live in `lexicons/relation-weights.tsv`, written by
//! `scripts/train-relations.sh` (logistic regression over [`pair_candidates`]).

use super::killings::killing;
use super::links::link;
use super::plausible::{
    addressee, bracketed_for_another, could_lie_in, in_what_they_said, listed, peerage_seat,
    title_scope,
};
use super::{Ctx, Facts, LinkKind};
use crate::analyze::Analysis;
use crate::analyze::tree::Tree;
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::recognize::Recognized;
use crate::segment::{Document, TokenKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A link the model can read, between two names of given kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PairRelation {
    /// Person → organization they work for.
    WorksFor,
    /// Person → place they live in or come from.
    LivesIn,
    /// Organization → place it is based in.
    BasedIn,
    /// Place → place it lies in.
    LocatedIn,
    /// Person → person they killed (only asked in a sentence with a word of killing).
    Kill,
}

impl PairRelation {
    /// Every relation, in the order of the weights file.
    pub const ALL: [PairRelation; 5] = [
        PairRelation::WorksFor,
        PairRelation::LivesIn,
        PairRelation::BasedIn,
        PairRelation::LocatedIn,
        PairRelation::Kill,
    ];

    /// Its name in the weights file and in rule names.
    pub fn as_str(self) -> &'static str {
        match self {
            PairRelation::WorksFor => "works-for",
            PairRelation::LivesIn => "lives-in",
            PairRelation::BasedIn => "based-in",
            PairRelation::LocatedIn => "located-in",
            PairRelation::Kill => "kill",
        }
    }

    fn kinds(self) -> (EntityKind, EntityKind) {
        match self {
            PairRelation::WorksFor => (EntityKind::Person, EntityKind::Organization),
            PairRelation::LivesIn => (EntityKind::Person, EntityKind::Place),
            PairRelation::BasedIn => (EntityKind::Organization, EntityKind::Place),
            PairRelation::LocatedIn => (EntityKind::Place, EntityKind::Place),
            PairRelation::Kill => (EntityKind::Person, EntityKind::Person),
        }
    }

    /// The link it makes; a killing is an event instead.
    fn link_kind(self) -> Option<LinkKind> {
        match self {
            PairRelation::WorksFor => Some(LinkKind::AffiliatedWith),
            PairRelation::LivesIn | PairRelation::BasedIn => Some(LinkKind::BasedIn),
            PairRelation::LocatedIn => Some(LinkKind::LocatedIn),
            PairRelation::Kill => None,
        }
    }

    fn rule(self) -> &'static str {
        match self {
            PairRelation::WorksFor => "learned:works-for",
            PairRelation::LivesIn => "learned:lives-in",
            PairRelation::BasedIn => "learned:based-in",
            PairRelation::LocatedIn => "learned:located-in",
            PairRelation::Kill => "learned:kill",
        }
    }
}

/// Two names in one sentence that a relation could link, described for the model.
#[derive(Debug, Clone, PartialEq)]
pub struct PairCandidate {
    /// The relation asked about.
    pub relation: PairRelation,
    /// The mention the link would start from (the person, organization or inner place).
    pub from: usize,
    /// The mention it would point to.
    pub to: usize,
    /// What the model sees: the words between and around the names, their order,
    /// distance and kinds.
    pub features: Vec<String>,
    /// For a killing, the token of the word of killing it is read with.
    pub trigger: Option<usize>,
}

/// Tokens between two names beyond which their words are not listed one by one.
const NEAR: usize = 8;

/// Words that tell of a killing, as written: a sentence without one asks no
/// [`PairRelation::Kill`].
const KILLING_WORDS: &[&str] = &[
    "kill",
    "kills",
    "killed",
    "killing",
    "killer",
    "murder",
    "murders",
    "murdered",
    "murdering",
    "murderer",
    "assassinate",
    "assassinates",
    "assassinated",
    "assassinating",
    "assassination",
    "assassin",
    "shoot",
    "shoots",
    "shot",
    "shooting",
    "slay",
    "slays",
    "slew",
    "slain",
    "slaying",
    "stab",
    "stabbed",
    "stabbing",
    "strangled",
    "executed",
    "beheaded",
    "poisoned",
    "lynched",
    "hanged",
];

/// The word of killing a pair is read with: the first between the names, else the
/// nearest in the sentence.
fn killing_word(
    doc: &Document<'_>,
    rec: &Recognized,
    a: usize,
    b: usize,
    sentence: std::ops::Range<usize>,
) -> Option<usize> {
    let (a, b) = (&rec.mentions[a].tokens, &rec.mentions[b].tokens);
    let (lo, hi) = (a.end.min(b.end), a.start.max(b.start));
    let is_killing = |i: &usize| KILLING_WORDS.contains(&doc.word(*i).to_lowercase().as_str());
    (lo..hi).find(is_killing).or_else(|| {
        sentence
            .filter(is_killing)
            .min_by_key(|&i| if i < lo { lo - i } else { i.saturating_sub(hi) })
    })
}

/// Every pair of names in one sentence that a relation could link, with its features.
pub fn pair_candidates(
    doc: &Document<'_>,
    analysis: &Analysis<'_>,
    rec: &Recognized,
) -> Vec<PairCandidate> {
    candidates(doc, &Tree::new(doc, analysis), rec)
}

fn candidates(doc: &Document<'_>, tree: &Tree<'_>, rec: &Recognized) -> Vec<PairCandidate> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let in_sentence: Vec<usize> = rec.mentions_in(sentence.tokens.clone()).collect();
        for &a in &in_sentence {
            for &b in &in_sentence {
                if a == b || same_name(rec, a, b) {
                    continue;
                }
                for relation in PairRelation::ALL {
                    let (from_kind, to_kind) = relation.kinds();
                    if rec.mentions[a].kind != from_kind || rec.mentions[b].kind != to_kind {
                        continue;
                    }
                    // A country lies in no other place but a region, and places far
                    // apart in a sentence are seldom said to contain each other.
                    if relation == PairRelation::LocatedIn
                        && (distance(rec, a, b) > NEAR
                            || lexicons()
                                .place(&rec.mentions[a].name)
                                .is_some_and(|c| c.is_country)
                                && lexicons()
                                    .place(&rec.mentions[b].name)
                                    .is_none_or(|c| c.is_country))
                    {
                        continue;
                    }
                    let trigger = if relation == PairRelation::Kill {
                        let Some(k) = killing_word(doc, rec, a, b, sentence.tokens.clone())
                            .filter(|&k| !relative_of_another(doc, rec, a, k))
                            // ("curled in a low shot", "his shot": the noun kills no one)
                            .filter(|&k| !(doc.lower(k) == "shot" && a_shot(tree, k)))
                        else {
                            continue;
                        };
                        Some(k)
                    } else {
                        None
                    };
                    let mut features = features(doc, rec, a, b, sentence.tokens.clone());
                    features.extend(path_features(tree, rec, a, b));
                    if let Some(k) = trigger {
                        features.extend(killing_features(doc, rec, a, b, k));
                    }
                    out.push(PairCandidate {
                        relation,
                        from: a,
                        to: b,
                        features,
                        trigger,
                    });
                }
            }
        }
    }
    out
}

/// "Reyes" and "Tom Reyes" name one thing; a link between them means nothing.
fn same_name(rec: &Recognized, a: usize, b: usize) -> bool {
    let (x, y) = (&rec.mentions[a].name, &rec.mentions[b].name);
    x == y || x.contains(y.as_str()) || y.contains(x.as_str())
}

/// A word as the model sees it: lower case, digits folded.
fn shape(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '0'
            } else {
                c.to_lowercase().next().unwrap_or(c)
            }
        })
        .collect()
}

fn features(
    doc: &Document<'_>,
    rec: &Recognized,
    from: usize,
    to: usize,
    sentence: std::ops::Range<usize>,
) -> Vec<String> {
    let lex = lexicons();
    let (f, t) = (&rec.mentions[from], &rec.mentions[to]);
    let forward = f.tokens.start < t.tokens.start;
    let (left, right) = if forward { (f, t) } else { (t, f) };
    let between = left.tokens.end.min(right.tokens.start)..right.tokens.start;
    let gap = between.len();
    let mut out = vec![
        "bias".to_string(),
        if forward {
            "order:from-first"
        } else {
            "order:to-first"
        }
        .to_string(),
        format!(
            "gap:{}",
            match gap {
                0 => "0",
                1 => "1",
                2..=3 => "2-3",
                4..=6 => "4-6",
                7..=10 => "7-10",
                _ => "far",
            }
        ),
    ];
    let word = |i: usize| shape(doc.word(i));
    if gap <= NEAR {
        let words: Vec<String> = between.clone().map(word).collect();
        for w in &words {
            out.push(format!("between:{w}"));
        }
        if let (Some(first), Some(last)) = (words.first(), words.last()) {
            out.push(format!("first-between:{first}"));
            out.push(format!("last-between:{last}"));
        }
        if gap <= 4 {
            out.push(format!("between-all:{}", words.join(" ")));
        }
    }
    let mut names_between = 0;
    for m in rec.mentions_in(between.clone()) {
        names_between += 1;
        out.push(format!("name-between:{}", rec.mentions[m].kind.as_str()));
    }
    out.push(format!("names-between:{}", names_between.min(2)));
    if between.clone().any(|i| rec.title_at(i).is_some()) {
        out.push("title-between".to_string());
    }
    // A verb between the names mostly tells of something one did to the other.
    let verb = |i: usize| {
        !lex.action_verb(doc.word(i)).is_empty() || !lex.speech_verb(doc.word(i)).is_empty()
    };
    if between.clone().any(verb) {
        out.push("verb-between".to_string());
    }
    let commas = between.clone().filter(|&i| doc.word(i) == ",").count();
    out.push(format!("commas:{}", commas.min(3)));
    if between
        .clone()
        .any(|i| doc.tokens[i].kind == TokenKind::OpenQuote)
    {
        out.push("quote-between".to_string());
    }
    // The words around the pair.
    if left.tokens.start > sentence.start {
        out.push(format!("before:{}", word(left.tokens.start - 1)));
    } else {
        out.push("before:<s>".to_string());
    }
    if right.tokens.end < sentence.end {
        out.push(format!("after:{}", word(right.tokens.end)));
    } else {
        out.push("after:</s>".to_string());
    }
    if f.tokens.start > sentence.start && rec.title_at(f.tokens.start - 1).is_some() {
        out.push("from-titled".to_string());
    }
    if f.tokens.end < doc.tokens.len() && doc.tokens[f.tokens.end].kind == TokenKind::Possessive {
        out.push("from-possessive".to_string());
    }
    if t.tokens.end < doc.tokens.len() && doc.tokens[t.tokens.end].kind == TokenKind::Possessive {
        out.push("to-possessive".to_string());
    }
    // Which names are nearest: a person is most often linked to the nearest
    // organization.
    let nearest = rec
        .mentions_in(sentence.clone())
        .filter(|&m| m != from && rec.mentions[m].kind == t.kind)
        .all(|m| distance(rec, from, m) >= distance(rec, from, to));
    if nearest {
        out.push("nearest".to_string());
    }
    for (role, m) in [("from", f), ("to", t)] {
        if m.kind == EntityKind::Place {
            let what = if lex.place(&m.name).is_some_and(|c| c.is_country) {
                "country"
            } else if lex.gazetteer(&m.name).is_some() {
                "gazetteer"
            } else {
                "other"
            };
            out.push(format!("{role}-place:{what}"));
        }
        out.push(format!("{role}-words:{}", m.tokens.len().min(3)));
    }
    out
}

/// A word's relation to its head as the path feature spells it, with the preposition
/// of an oblique or a modifier: "obl:for", "nmod:of".
fn arc(tree: &Tree<'_>, w: usize) -> String {
    let rel = tree.deprel(w);
    match tree.preposition(w) {
        Some(p) if matches!(rel, "obl" | "nmod") => format!("{rel}:{}", shape(p)),
        _ => rel.to_owned(),
    }
}

/// The dependency path between two names: the relations up from the first to the word
/// both hang on, that word's lemma, and the relations down to the second ("Olsen works
/// for Vantor": `nsubj^work_obl:for`). Short paths say how the names are related;
/// long ones that they mostly are not.
fn path_features(tree: &Tree<'_>, rec: &Recognized, from: usize, to: usize) -> Vec<String> {
    let (Some(a), Some(b)) = (
        tree.head_word(rec.mentions[from].tokens.clone()),
        tree.head_word(rec.mentions[to].tokens.clone()),
    ) else {
        return Vec::new();
    };
    let up = |mut w: usize| {
        let mut chain = vec![w];
        while let Some(h) = tree.head(w) {
            if chain.len() > 12 {
                break;
            }
            chain.push(h);
            w = h;
        }
        chain
    };
    let (ua, ub) = (up(a), up(b));
    let Some((i, j)) = ua
        .iter()
        .enumerate()
        .find_map(|(i, w)| ub.iter().position(|x| x == w).map(|j| (i, j)))
    else {
        return vec!["path:none".to_owned()];
    };
    let length = i + j;
    if length > 4 {
        return vec!["path:long".to_owned()];
    }
    let top = ua[i];
    let rising: Vec<String> = ua[..i].iter().map(|&w| arc(tree, w)).collect();
    let falling: Vec<String> = ub[..j].iter().rev().map(|&w| arc(tree, w)).collect();
    let labels = format!("{}^{}", rising.join("^"), falling.join("_"));
    let lemma = shape(tree.lemma(top));
    vec![
        format!("path:{labels}"),
        format!(
            "path-lemma:{}^{lemma}_{}",
            rising.join("^"),
            falling.join("_")
        ),
        format!("path-top:{lemma}"),
        format!("path-length:{length}"),
    ]
}

/// Whether "shot" at token `k` is a noun with a determiner, possessor or adjective of
/// its own: "a low shot", "Tom Reyes's shot" (a kick at goal, not a shooting).
fn a_shot(tree: &Tree<'_>, k: usize) -> bool {
    tree.words_in(k..k + 1).all(|w| {
        tree.upos(w) == "NOUN"
            && tree
                .children(w)
                .iter()
                .any(|&c| matches!(tree.deprel(c), "det" | "nmod:poss" | "amod"))
    })
}

/// Whether a relative clause between the killer and the word of killing belongs to
/// another noun: "Reyes met the man who killed Olsen" (not "Reyes, who killed Olsen",
/// nor the apposition "Reyes, the man who killed Olsen").
fn relative_of_another(doc: &Document<'_>, rec: &Recognized, killer: usize, k: usize) -> bool {
    let end = rec.mentions[killer].tokens.end;
    if doc.is(end, ",") {
        return false;
    }
    (end + 1..k).any(|i| {
        matches!(
            doc.word(i).to_lowercase().as_str(),
            "who" | "that" | "which"
        ) && doc.word(i - 1).chars().all(char::is_lowercase)
    })
}

/// Where the word of killing stands against the killer and the victim, and its form.
fn killing_features(
    doc: &Document<'_>,
    rec: &Recognized,
    from: usize,
    to: usize,
    k: usize,
) -> Vec<String> {
    let (f, t) = (&rec.mentions[from].tokens, &rec.mentions[to].tokens);
    let side = |m: &std::ops::Range<usize>| if k < m.start { "after" } else { "before" };
    let word = doc.word(k).to_lowercase();
    let near = |range: std::ops::Range<usize>| {
        range
            .filter(|&i| i < doc.tokens.len())
            .map(|i| doc.word(i).to_lowercase())
            .collect::<Vec<_>>()
    };
    let mut out = vec![
        format!("kill-word:{word}"),
        format!("killer-{}-word", side(f)),
        format!("victim-{}-word", side(t)),
        format!("kill-word:{word}:killer-{}:victim-{}", side(f), side(t)),
    ];
    for w in near(k.saturating_sub(2)..k) {
        out.push(format!("kill-word-before:{w}"));
    }
    for w in near(k + 1..k + 3) {
        out.push(format!("kill-word-after:{w}"));
    }
    out
}

fn distance(rec: &Recognized, a: usize, b: usize) -> usize {
    let (a, b) = (&rec.mentions[a].tokens, &rec.mentions[b].tokens);
    if a.start < b.start {
        b.start.saturating_sub(a.end)
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// A linear model per relation: feature weights and the probability above which a
/// pair is linked.
#[derive(Debug, Default)]
pub struct PairModel {
    weights: HashMap<(PairRelation, String), f32>,
    thresholds: HashMap<PairRelation, f32>,
}

impl PairModel {
    /// Reads the weights file: `relation<TAB>feature<TAB>weight` lines, the feature
    /// `@threshold` giving the relation's threshold; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut model = PairModel::default();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = || format!("line {}: expected relation, feature, weight", n + 1);
            let mut cells = line.split('\t');
            let (Some(relation), Some(feature), Some(weight), None) =
                (cells.next(), cells.next(), cells.next(), cells.next())
            else {
                return Err(bad());
            };
            let relation = PairRelation::ALL
                .into_iter()
                .find(|r| r.as_str() == relation)
                .ok_or_else(|| format!("line {}: unknown relation {relation:?}", n + 1))?;
            let weight: f32 = weight.parse().map_err(|_| bad())?;
            if feature == "@threshold" {
                model.thresholds.insert(relation, weight);
            } else {
                model
                    .weights
                    .insert((relation, feature.to_string()), weight);
            }
        }
        Ok(model)
    }

    /// The probability the model gives a candidate.
    pub fn probability(&self, candidate: &PairCandidate) -> f32 {
        let mut key = (candidate.relation, String::new());
        let score: f32 = candidate
            .features
            .iter()
            .map(|f| {
                key.1.clone_from(f);
                self.weights.get(&key).copied().unwrap_or(0.0)
            })
            .sum();
        1.0 / (1.0 + (-score).exp())
    }

    /// The probability above which a relation's pairs are linked (1 when the file
    /// gives none: never).
    pub fn threshold(&self, relation: PairRelation) -> f32 {
        self.thresholds.get(&relation).copied().unwrap_or(1.0)
    }
}

/// The shipped model.
fn model() -> &'static PairModel {
    static MODEL: OnceLock<PairModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        PairModel::parse(include_str!("../../lexicons/relation-weights.tsv"))
            .expect("the shipped relation weights parse (checked by a test)")
    })
}

/// Adds the links and killings the model trusts, for pairs no rule has read already.
pub(super) fn add_learned_facts(ctx: &Ctx<'_, '_>, facts: &mut Facts) {
    let model = model();
    let name = |m: usize| &ctx.rec.mentions[m].name;
    for candidate in candidates(ctx.doc, &ctx.tree, ctx.rec) {
        let (from, to) = (candidate.from, candidate.to);
        let known = match candidate.relation.link_kind() {
            Some(_) => {
                facts.links.iter().any(|l| l.from == from && l.to == to)
                    || facts
                        .roles
                        .iter()
                        .any(|r| r.person == from && r.at == Some(to))
            }
            None => facts.events.iter().any(|e| {
                e.agent.zip(e.affected).is_some_and(|(a, v)| {
                    (name(a), name(v)) == (name(from), name(to))
                        || (name(a), name(v)) == (name(to), name(from))
                })
            }),
        };
        // What the lexicons or the sentence's layout rule out, whatever the model says.
        let impossible_place = candidate.relation == PairRelation::LocatedIn
            && (listed(ctx, from, to) || !could_lie_in(name(from), name(to)));
        let of_a_speaker = matches!(
            candidate.relation,
            PairRelation::WorksFor | PairRelation::LivesIn
        ) && in_what_they_said(ctx, from, to);
        let misread = impossible_place
            || of_a_speaker
            || candidate.relation == PairRelation::WorksFor && addressee(ctx, to)
            || candidate.relation == PairRelation::LivesIn && title_scope(ctx, to)
            || bracketed_for_another(ctx, from, to)
            || bracketed_for_another(ctx, to, from)
            || peerage_seat(ctx, from, to);
        if known || misread {
            continue;
        }
        let p = model.probability(&candidate);
        if p < model.threshold(candidate.relation) {
            continue;
        }
        let rule = candidate.relation.rule();
        match (candidate.relation.link_kind(), candidate.trigger) {
            (Some(kind), _) => facts.links.push(link(ctx, from, to, kind, rule, p)),
            (None, Some(k)) => {
                let mut event = killing(ctx, k, from, to, rule);
                event.evidence[0].confidence = p;
                facts.events.push(event);
            }
            (None, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_parse_and_set_every_threshold() {
        let model = PairModel::parse(include_str!("../../lexicons/relation-weights.tsv"))
            .expect("weights parse");
        for relation in PairRelation::ALL {
            assert!(model.threshold(relation) < 1.0, "{relation:?}");
        }
    }

    #[test]
    fn a_malformed_weights_line_is_reported_with_its_number() {
        let err = PairModel::parse("# comment\nworks-for\tbias\n").unwrap_err();
        assert_eq!(err, "line 2: expected relation, feature, weight");
        let err = PairModel::parse("marries\tbias\t1.0\n").unwrap_err();
        assert!(err.contains("unknown relation"), "{err}");
    }

    /// The path features of the pair `from` → `to` (by name) in one sentence.
    fn paths(text: &str, from: &str, to: &str) -> Vec<String> {
        let doc = Document::new(text);
        let analysis = crate::analyze::analyze(&doc, crate::analyze::models());
        let rec = crate::recognize::recognize(&doc, &analysis, None);
        let named = |m: usize, name: &str| rec.mentions[m].name == name;
        pair_candidates(&doc, &analysis, &rec)
            .into_iter()
            .find(|c| named(c.from, from) && named(c.to, to))
            .map(|c| {
                c.features
                    .into_iter()
                    .filter(|f| f.starts_with("path"))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_shot_at_goal_asks_for_no_killing() {
        let kills = |text: &str| {
            let doc = Document::new(text);
            let analysis = crate::analyze::analyze(&doc, crate::analyze::models());
            let rec = crate::recognize::recognize(&doc, &analysis, None);
            pair_candidates(&doc, &analysis, &rec)
                .into_iter()
                .filter(|c| c.relation == PairRelation::Kill)
                .count()
        };
        assert_eq!(kills("Tom Reyes curled a low shot past Erik Dahl."), 0);
        assert!(kills("Tom Reyes shot Erik Dahl in Oslo.") > 0);
    }

    #[test]
    fn a_pair_is_seen_through_the_dependency_path_between_its_names() {
        let got = paths(
            "Nina Olsen works for Zintrex Group.",
            "Nina Olsen",
            "Zintrex Group",
        );
        assert!(got.contains(&"path:nsubj^obl:for".to_owned()), "{got:?}");
        assert!(got.contains(&"path-top:work".to_owned()), "{got:?}");
        // Names far apart in the tree: only that the path is long.
        let got = paths(
            "Nina Olsen, who said that the plan was good, met analysts who admire Zintrex Group.",
            "Nina Olsen",
            "Zintrex Group",
        );
        assert!(!got.iter().any(|f| f.starts_with("path:nsubj")), "{got:?}");
    }
}
