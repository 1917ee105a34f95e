//! The dependency tree of the analysis, seen from the tokens the rules work on.
//!
//! Words are the treebank's units: a token is one word or several ("do" + "n't",
//! "Vantor" + "'s"). Rules find names, titles and dates by token and read relations
//! between words; this view maps one to the other and walks the tree.

use crate::analyze::Analysis;
use crate::segment::Document;
use std::collections::HashMap;
use std::ops::Range;

/// Clausal relations: a dependent that is a clause of its own, whose words are not
/// part of the clause of its head.
const CLAUSAL: &[&str] = &[
    "ccomp",
    "xcomp",
    "advcl",
    "acl",
    "acl:relcl",
    "parataxis",
    "conj",
    "csubj",
    "csubj:pass",
];

/// A dependency tree over a document's tokens.
pub(crate) struct Tree<'d> {
    analysis: &'d Analysis<'d>,
    /// The token each word lies in.
    token_of_word: Vec<usize>,
    /// Each word's children, in text order (`children[child_start[w]..child_start[w+1]]`).
    children: Vec<usize>,
    child_start: Vec<usize>,
    /// For words with many children (a run-on "sentence" without punctuation can hang
    /// thousands of conjuncts on one word), their children by relation, so that asking
    /// for one stays cheap and reading a long text stays linear.
    crowded: HashMap<usize, HashMap<&'d str, Vec<usize>>>,
}

/// Children a word may have before they are indexed by relation.
const FEW_CHILDREN: usize = 16;

impl<'d> Tree<'d> {
    /// The tree of a document's analysis.
    pub fn new(doc: &Document<'_>, analysis: &'d Analysis<'d>) -> Self {
        let words = &analysis.words;
        let mut token_of_word = Vec::with_capacity(words.len());
        let mut t = 0;
        for word in words {
            while t + 1 < doc.tokens.len() && doc.tokens[t].end <= word.span.start {
                t += 1;
            }
            token_of_word.push(t);
        }
        let mut counts = vec![0usize; words.len() + 1];
        for word in words {
            if let Some(h) = word.head {
                counts[h + 1] += 1;
            }
        }
        for k in 1..counts.len() {
            counts[k] += counts[k - 1];
        }
        let child_start = counts.clone();
        let mut children = vec![0; child_start[words.len()]];
        let mut next = counts;
        for (w, word) in words.iter().enumerate() {
            if let Some(h) = word.head {
                children[next[h]] = w;
                next[h] += 1;
            }
        }
        let mut crowded: HashMap<usize, HashMap<&'d str, Vec<usize>>> = HashMap::new();
        for w in 0..words.len() {
            let own = &children[child_start[w]..child_start[w + 1]];
            if own.len() > FEW_CHILDREN {
                let by_relation = crowded.entry(w).or_default();
                for &c in own {
                    by_relation.entry(analysis.deprel(c)).or_default().push(c);
                }
            }
        }
        Self {
            analysis,
            token_of_word,
            children,
            child_start,
            crowded,
        }
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.token_of_word.len()
    }

    /// The token word `w` lies in.
    pub fn token(&self, w: usize) -> usize {
        self.token_of_word[w]
    }

    /// The words that lie in a run of tokens.
    pub fn words_in(&self, tokens: Range<usize>) -> Range<usize> {
        let first = self.token_of_word.partition_point(|&t| t < tokens.start);
        let end = self.token_of_word.partition_point(|&t| t < tokens.end);
        first..end
    }

    /// The word of a run of tokens the rest of the sentence hangs on: the first whose
    /// head lies outside the run ("Officer" in "Chief Executive Officer").
    pub fn head_word(&self, tokens: Range<usize>) -> Option<usize> {
        let words = self.words_in(tokens);
        words
            .clone()
            .find(|&w| self.head(w).is_none_or(|h| !words.contains(&h)))
    }

    /// Word `w`'s relation to its head.
    pub fn deprel(&self, w: usize) -> &str {
        self.analysis.deprel(w)
    }

    /// Word `w`'s universal part of speech.
    pub fn upos(&self, w: usize) -> &str {
        self.analysis.upos(w)
    }

    /// Word `w`'s language-specific part of speech (Penn Treebank tags: "VBD").
    pub fn xpos(&self, w: usize) -> &str {
        self.analysis.xpos(w)
    }

    /// Whether word `w` is a finite verb: one with tense ("says", "said"), not a
    /// participle or infinitive.
    pub fn is_finite(&self, w: usize) -> bool {
        matches!(self.xpos(w), "VBZ" | "VBD" | "VBP")
    }

    /// Whether a clause headed by word `w` has a tense of its own: a finite verb, or an
    /// auxiliary or copula beside its head ("would rise", "was wrong").
    pub fn is_tensed(&self, w: usize) -> bool {
        self.is_finite(w)
            || ["aux", "aux:pass", "cop"]
                .iter()
                .any(|r| self.child(w, r).is_some())
    }

    /// Word `w`'s lemma.
    pub fn lemma(&self, w: usize) -> &str {
        &self.analysis.words[w].lemma
    }

    /// Word `w`'s head.
    pub fn head(&self, w: usize) -> Option<usize> {
        self.analysis.words[w].head
    }

    /// How sure the parser was of word `w`'s attachment, from 0.5 to 1.
    pub fn sureness(&self, w: usize) -> f32 {
        let margin = self.analysis.words[w].head_margin.max(0.0);
        0.5 + 0.5 * (1.0 - (-margin).exp())
    }

    /// Word `w`'s children, in text order.
    pub fn children(&self, w: usize) -> &[usize] {
        &self.children[self.child_start[w]..self.child_start[w + 1]]
    }

    /// Word `w`'s first child with relation `rel`.
    pub fn child(&self, w: usize, rel: &str) -> Option<usize> {
        if let Some(by_relation) = self.crowded.get(&w) {
            return by_relation.get(rel).and_then(|c| c.first().copied());
        }
        self.children(w)
            .iter()
            .copied()
            .find(|&c| self.deprel(c) == rel)
    }

    /// Whether word `w` has a child by relation `rel` whose lemma is one of `lemmas`:
    /// the "to" that marks an infinitive, the "by" of a means, the "at" of a place.
    pub fn has_child_lemma(&self, w: usize, rel: &str, lemmas: &[&str]) -> bool {
        self.children_with(w, &[rel])
            .into_iter()
            .any(|c| lemmas.contains(&self.lemma(c)))
    }

    /// Word `w`'s children with one of the relations `rels`, in text order per relation.
    pub fn children_with(&self, w: usize, rels: &[&str]) -> Vec<usize> {
        match self.crowded.get(&w) {
            Some(by_relation) => rels
                .iter()
                .filter_map(|r| by_relation.get(r))
                .flatten()
                .copied()
                .collect(),
            None => self
                .children(w)
                .iter()
                .copied()
                .filter(|&c| rels.contains(&self.deprel(c)))
                .collect(),
        }
    }

    /// Word `w`'s subject: its `nsubj` — the one nearest before it when the parser gave
    /// it two ("Norway's watchdog Vardtilsynet told …" read with both "Norway" and the
    /// name as subjects), unless that one is a common noun set off by a comma right
    /// after the other: an apposition ("Tom Reyes, chief economist at Vantor, said …"
    /// read with both "Tom" and "economist" as subjects is Tom Reyes speaking).
    pub fn subject(&self, w: usize) -> Option<usize> {
        // (Asked of every verb: no list is built unless the word is crowded.)
        let own: &[usize] = match self.crowded.get(&w) {
            Some(by_relation) => by_relation.get("nsubj").map_or(&[], Vec::as_slice),
            None => self.children(w),
        };
        let mut subjects = own.iter().copied().filter(|&c| self.deprel(c) == "nsubj");
        let first = subjects.next()?;
        let nearest = subjects
            .clone()
            .chain([first])
            .filter(|&c| c < w)
            .max()
            .unwrap_or(first);
        // (one subject, or a nearest that is no common noun: nothing to weigh)
        if subjects.clone().next().is_none() || self.upos(nearest) != "NOUN" {
            return Some(nearest);
        }
        let phrase = self.subtree_words(nearest);
        // (set off on both sides: not "Mr Reyes, whose mother died", nor "Under
        // President Reyes, the government expanded")
        let comma = |k: usize| k < self.len() && self.lemma(k) == ",";
        let set_off = phrase.start >= 1
            && comma(phrase.start - 1)
            && (comma(phrase.end - 1) || comma(phrase.end));
        let apposed_to = subjects
            .chain([first])
            .filter(|_| set_off)
            .find(|&s| s < nearest && self.subtree_words(s).end + 1 >= phrase.start);
        Some(apposed_to.unwrap_or(nearest))
    }

    /// The words of word `w`'s subtree, as a range of word indices.
    fn subtree_words(&self, w: usize) -> Range<usize> {
        let (mut first, mut last) = (w, w);
        let mut stack = vec![w];
        while let Some(x) = stack.pop() {
            first = first.min(x);
            last = last.max(x);
            stack.extend_from_slice(self.children(x));
        }
        first..last + 1
    }

    /// The lemma of the preposition of a nominal (its `case` child): "against" for
    /// "against Vantor".
    pub fn preposition(&self, w: usize) -> Option<&str> {
        self.child(w, "case").map(|c| self.lemma(c))
    }

    /// The tokens of word `w`'s subtree (the tree is projective, so they are one run).
    pub fn subtree_tokens(&self, w: usize) -> Range<usize> {
        let words = self.subtree_words(w);
        self.token(words.start)..self.token(words.end - 1) + 1
    }

    /// The other members of a list a nominal heads: its conjuncts, and a list the
    /// parser read as an apposition ("Olsen, Reyes and Lopes" with "Reyes and Lopes"
    /// apposed).
    pub fn coordinated(&self, w: usize) -> Vec<usize> {
        let mut members = Vec::new();
        for &c in self.children(w) {
            match self.deprel(c) {
                "conj" => members.push(c),
                "appos" if self.child(c, "conj").is_some() => {
                    members.push(c);
                    members.extend(
                        self.children(c)
                            .iter()
                            .filter(|&&x| self.deprel(x) == "conj"),
                    );
                }
                _ => {}
            }
        }
        members
    }

    /// The words of the clause a verb heads, without the clauses inside it.
    pub fn clause_words(&self, w: usize) -> Vec<usize> {
        let mut words = Vec::new();
        let mut stack = vec![w];
        while let Some(x) = stack.pop() {
            words.push(x);
            for &c in self.children(x) {
                if !CLAUSAL.contains(&self.deprel(c)) {
                    stack.push(c);
                }
            }
        }
        words.sort_unstable();
        words
    }
}
