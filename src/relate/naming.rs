//! Who a noun phrase names: a name, a pronoun or description resolved to one, the
//! person in its apposition, the organization a spokesman serves; and the subject of a
//! verb, read off the tree or, for word-order rules, off the tokens before it.

use super::Ctx;
use crate::analyze::tree::Tree;
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::recognize::can_act;
use crate::segment::TokenKind;
use std::ops::Range;

/// Organization nouns that, after a name, mean a body over, under or around it rather
/// than the named organization itself ("the Vantor unit", "a Vardby body"). Not
/// "agency", "union" or "watchdog": "the Vantor news agency", "the Vardby trade union"
/// are mostly the named one.
const OTHER_BODIES: &[&str] = &[
    "unit",
    "subsidiary",
    "division",
    "body",
    "regulator",
    "ministry",
    "department",
    "fund",
    "investor",
];

impl Ctx<'_, '_> {
    /// The mention covering word `w` of the tree.
    pub fn mention_of(&self, tree: &Tree<'_>, w: usize) -> Option<usize> {
        self.rec.mention_at(tree.token(w))
    }

    /// The person, organization or place a nominal word stands for: a name ("Vantor"),
    /// a pronoun or a description of one named before ("it", "the company"), or, for a
    /// relative pronoun, the noun its clause describes ("Vantor, which fined …").
    pub fn actor(&self, tree: &Tree<'_>, w: usize) -> Option<usize> {
        let acts = |m: &usize| can_act(self.kind(*m));
        if let Some(m) = self.mention_of(tree, w) {
            return Some(m).filter(acts);
        }
        let t = tree.token(w);
        if tree.upos(w) == "PRON" {
            // "the departure of coach Tom Reyes, who guided Vantor FC …": "who" stands
            // for the person named just before it, wherever the parser hung its clause.
            // (and "whom": "Nina Olsen, whom he met in 2001")
            if matches!(tree.lemma(w), "who" | "whom") {
                let before = if t > 0 && self.word(t - 1) == "," {
                    t - 1
                } else {
                    t
                };
                let person_before = self
                    .rec
                    .mention_ending_at(before)
                    .filter(|&m| self.kind(m) == EntityKind::Person);
                if person_before.is_some() {
                    return person_before;
                }
            }
            if matches!(tree.lemma(w), "who" | "whom" | "which" | "that") {
                let verb = tree.head(w)?;
                let noun = tree
                    .head(verb)
                    .filter(|_| tree.deprel(verb) == "acl:relcl")?;
                return match self.mention_of(tree, noun) {
                    Some(m) => Some(m).filter(acts),
                    // "Olsen's assassin, Tom Reyes, who …": the one the noun names
                    None => self.named_by(noun),
                };
            }
            return self.antecedent(t).map(|(m, _)| m).filter(acts);
        }
        self.described_by_the(w).filter(acts)
    }

    /// Who a nominal names when it stands for someone: itself (a name, a pronoun,
    /// "the company"), the person in its apposition ("the analyst, Ann Lind"; "Ann Lind,
    /// an analyst," misread as a clause with her as the subject), or for a title, the
    /// organization it serves ("a spokesman for Vantor") — not a name that only describes a
    /// common noun ("the Oslo chess champion" is not Oslo).
    pub fn named_by(&self, w: usize) -> Option<usize> {
        self.named_by_as(w, false)
    }

    /// Who a nominal names as the doer of a deed: as [`Ctx::named_by`], but a title
    /// stands for the organization it serves only when its holder acts for it — a
    /// spokesman, an official, a lawyer: "a lawyer for Vantor filed an appeal" (Vantor
    /// did), but "an ex-chief financial officer at Vantor received a jail sentence" (not
    /// Vantor).
    pub fn doer_named_by(&self, w: usize) -> Option<usize> {
        self.named_by_as(w, true)
    }

    fn named_by_as(&self, w: usize, deeds: bool) -> Option<usize> {
        let tree = &self.tree;
        let own = self.mention_of(tree, w);
        let phrase = tree.subtree_tokens(w);
        let described = self
            .actor(tree, w)
            .filter(|&m| own == Some(m) || !phrase.contains(&self.rec.mentions[m].tokens.start));
        let titled = self.rec.title_at(tree.token(w)).is_some();
        let copula = tree.child(w, "cop").is_some();
        // "Norway Undersecretary of Trade Nina Olsen", "Vardby finance minister Tom Reyes":
        // a title followed by a name in the phrase is that person, whatever the parser
        // made the head.
        let person = |m: &usize| self.kind(*m) == EntityKind::Person;
        let titled_name = || {
            // (not in a clause that describes the noun: "the company, led by chief
            // executive Nina Olsen, said" is the company speaking)
            let clauses: Vec<Range<usize>> = tree
                .children(w)
                .iter()
                .filter(|&&c| tree.deprel(c).starts_with("acl"))
                .map(|&c| tree.subtree_tokens(c))
                .collect();
            self.rec
                .mentions_in(phrase.clone())
                .filter(person)
                .filter(|&m| {
                    let start = self.rec.mentions[m].tokens.start;
                    !clauses.iter().any(|c| c.contains(&start))
                })
                .find(|&m| {
                    // (not a possessor: "a member of Ann Lind's chambers" is no Lind)
                    let tokens = &self.rec.mentions[m].tokens;
                    let owns = self
                        .doc
                        .tokens
                        .get(tokens.end)
                        .is_some_and(|t| t.kind == TokenKind::Possessive);
                    let Some(title) =
                        (phrase.start..tokens.start).find(|&t| self.rec.title_at(t).is_some())
                    else {
                        return false;
                    };
                    // (nor, after a noun that is no title, a title behind a preposition:
                    // "heavy spending by President Tom Reyes pushed the deficit up" — the
                    // spending did; but "Vardby Undersecretary of State Tom Reyes")
                    let governed = !titled
                        && (tree.token(w) + 1..title)
                            .any(|t| tree.words_in(t..t + 1).any(|x| tree.deprel(x) == "case"));
                    // (nor a name right behind a preposition: "a spokesman for Tom Reyes"
                    // is not Reyes, "Minister for Europe Tom Reyes" is)
                    let object = tokens.start > 0
                        && tree
                            .words_in(tokens.start - 1..tokens.start)
                            .any(|x| tree.upos(x) == "ADP");
                    !owns && !governed && !object
                })
        };
        if own.is_none_or(|m| !person(&m)) {
            if let Some(m) = titled_name() {
                return Some(m);
            }
        }
        described.or_else(|| {
            tree.children(w).iter().copied().find_map(|c| {
                let m = self.mention_of(tree, c)?;
                let person = self.kind(m) == EntityKind::Person;
                // ("Rep. Tom Reyes" read as the title with the name flat beside it)
                // (", Name," after a common noun read as a conjunct without "and")
                // (an apposition stands next to its noun or after a comma, a dash or a
                // bracket: "the arrival of President Tom Reyes" read with the name
                // apposed to "arrival" names no arrival)
                let set_beside = || {
                    let start = tree.subtree_tokens(c).start;
                    let mark = |t: usize| matches!(self.word(t), "," | "(" | "-" | "–" | "—" | ":");
                    start == tree.token(w) + 1 || mark(start) || start > 0 && mark(start - 1)
                };
                let apposed = (tree.deprel(c) == "flat"
                    || tree.deprel(c) == "appos" && set_beside())
                    || tree.deprel(c) == "nsubj" && titled && !copula
                    || tree.deprel(c) == "conj" && own.is_none() && tree.child(c, "cc").is_none();
                let served = titled
                    && (!deeds || acts_for_employer(self.lower(tree.token(w))))
                    && tree.deprel(c) == "nmod"
                    && matches!(tree.preposition(c), Some("for" | "of" | "at"))
                    // (an organization speaks through its spokesman; a person's
                    // spokesman says what the person did not: "a spokesman for Tom
                    // Reyes warned …")
                    && self.kind(m) == EntityKind::Organization;
                // "telecom regulator Zelcom said …" with the noun the head: the company
                // the noun describes.
                // (A name before the noun is that company only when the noun says what it
                // is — "the Vantor group said" — not one that stands over or under it: "the
                // Vantor unit" is another body.)
                let noun = self.lower(tree.token(w));
                let another_body = c < w && OTHER_BODIES.contains(&noun);
                let described_org = matches!(tree.deprel(c), "appos" | "flat" | "compound")
                    && self.kind(m) == EntityKind::Organization
                    && lexicons().is_org_descriptor(self.word(tree.token(w)))
                    && !another_body;
                (apposed && person || served || described_org).then_some(m)
            })
        })
    }

    /// The word a verb's subject is: its `nsubj`, or for a finite verb the parser hung
    /// on a noun phrase ("Judge Ann Lind, a Vardby native, resigned" read with "resigned"
    /// describing "native"), the top of that phrase through its appositions.
    pub fn subject_of(&self, v: usize) -> Option<usize> {
        let tree = &self.tree;
        if let Some(s) = tree.subject(v) {
            return Some(s);
        }
        let head = tree.head(v)?;
        let misread = tree.is_finite(v)
            && head < v
            && matches!(tree.deprel(v), "acl" | "parataxis" | "appos" | "conj")
            && matches!(tree.upos(head), "PROPN" | "NOUN" | "PRON");
        if !misread {
            return None;
        }
        let mut top = head;
        while tree.deprel(top) == "appos" {
            top = tree.head(top)?;
        }
        Some(top)
    }

    /// The actor (person, organization, place) whose noun phrase ends right before
    /// token `end`, skipping auxiliaries, adverbs and dates ("BA last year introduced",
    /// "Mr Reyes has also said"). Returns the mention and where its phrase starts.
    pub fn subject_before(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        let mut k = end;
        while k > floor {
            let w = self.lower(k - 1);
            let skippable =
                matches!(
                    w,
                    "has"
                        | "have"
                        | "had"
                        | "also"
                        | "later"
                        | "then"
                        | "previously"
                        | "already"
                        | "still"
                        | "now"
                        | "again"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                        | "will"
                        | "would"
                        | "could"
                        | "recently"
                ) || (w.ends_with("ly") && w.len() > 4 && self.rec.mention_at(k - 1).is_none())
                    || self.rec.date_at(k - 1).is_some()
                    || (w == "year" || w == "week" || w == "month")
                        && k >= 2
                        && self.lower(k - 2) == "last";
            if skippable {
                k -= 1;
            } else {
                break;
            }
        }
        if k <= floor {
            return None;
        }
        // "Tom Reyes, who shot Nina Olsen": the relative pronoun stands for the name before it.
        if self.lower(k - 1) == "who" && k >= 2 {
            let before = if self.word(k - 2) == "," {
                k - 2
            } else {
                k - 1
            };
            if let Some(m) = self
                .rec
                .mention_ending_at(before)
                .filter(|&m| self.kind(m) == EntityKind::Person)
            {
                return Some((m, k - 1));
            }
        }
        // "Bo Lind, chairman of the Vantor foundation, warned": skip the apposition.
        if self.word(k - 1) == "," {
            let opening = (floor..k - 1).rev().take(16).find(|&c| self.word(c) == ",");
            if let Some(c) = opening {
                let inside = c + 1..k - 1;
                // ("Tom Reyes, 33, said": an age describes too.)
                let age = inside.len() == 1 && self.doc.tokens[c + 1].kind == TokenKind::Number;
                // ("Tom Reyes, from Zintrex, told …": so does where one comes from.)
                let from = matches!(self.lower(c + 1), "from" | "of" | "at")
                    && self.rec.mention_starting_at(c + 2).is_some();
                let describes = inside.clone().any(|j| self.rec.title_at(j).is_some())
                    || matches!(self.lower(c + 1), "who" | "which")
                    || age
                    || from;
                if describes {
                    if let Some(m) = self
                        .rec
                        .mention_ending_at(c)
                        .filter(|&m| crate::recognize::can_act(self.kind(m)))
                    {
                        return Some((m, self.phrase_start(m)));
                    }
                }
            }
            return None;
        }
        if let Some(m) = self.rec.mention_ending_at(k) {
            if !crate::recognize::can_act(self.kind(m)) {
                return None;
            }
            // "Tom Reyes of Brantwell Vossberg says": the person speaks.
            let start = self.rec.mentions[m].tokens.start;
            let of = if start >= 1 && self.lower(start - 1) == "the" {
                start - 1
            } else {
                start
            };
            if of >= 2 && matches!(self.lower(of - 1), "of" | "at" | "from") {
                if let Some(p) = self
                    .rec
                    .mention_ending_at(of - 1)
                    .filter(|&p| self.kind(p) == EntityKind::Person)
                {
                    return Some((p, self.phrase_start(p)));
                }
            }
            // "a spokesman for Tom Reyes warned": the spokesman speaks, not Reyes (an
            // organization speaks through its spokesman: "a spokesman for Vantor said").
            let object = of >= 1
                && matches!(
                    self.lower(of - 1),
                    "for" | "to" | "with" | "against" | "by" | "about"
                )
                && self.kind(m) == EntityKind::Person;
            if object {
                return None;
            }
            return Some((m, self.phrase_start(m)));
        }
        // Pronouns and "the company".
        if let Some((m, _)) = self.antecedent(k - 1) {
            return Some((m, k - 1));
        }
        // ("the company said", "the 30-year-old told": a description ending here)
        for j in (k.saturating_sub(6)..k.saturating_sub(1)).rev() {
            if let Some((m, after)) = self.antecedent(j) {
                if after == k {
                    return Some((m, j));
                }
            }
        }
        None
    }

    /// Where the noun phrase around a mention starts: titles, other names and
    /// possessives in front of it belong to it ("Acme CEO Mary Lou Chen",
    /// "Kestrel Capital's Nina Park").
    pub fn phrase_start(&self, mention: usize) -> usize {
        let lex = crate::lexicon::lexicons();
        let mut start = self.rec.mentions[mention].tokens.start;
        while start > 0 {
            let prev = start - 1;
            start = if let Some(t) = self.rec.title_at(prev) {
                self.rec.titles[t].tokens.start
            } else if let Some(m) = self.rec.mention_at(prev) {
                self.rec.mentions[m].tokens.start
            } else if self.doc.tokens[prev].kind == TokenKind::Possessive
                || lex.is_honorific(self.word(prev))
                || (self.word(prev) == "." && prev > 0 && lex.is_honorific(self.word(prev - 1)))
                || self.lower(prev) == "the"
            {
                prev
            } else {
                break;
            };
        }
        start
    }

    /// The first actor mention in `range`.
    pub fn first_actor_in(&self, range: Range<usize>) -> Option<usize> {
        self.rec
            .mentions_in(range)
            .find(|&m| crate::recognize::can_act(self.kind(m)))
    }
}

/// Whether a title's holder acts for the organization they serve: its spokesmen,
/// officials and lawyers do; its officers and directors act on their own account.
fn acts_for_employer(title: &str) -> bool {
    matches!(
        title,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "representative"
            | "official"
            | "officials"
            | "lawyer"
            | "lawyers"
            | "attorney"
            | "counsel"
    )
}
