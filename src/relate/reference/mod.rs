//! What a pronoun or a description stands for: "he" and "she" for the last person of
//! their sex, "it" and "they" for what the clause before was about, "the company" for
//! the last organization.

use super::Ctx;
use crate::lexicon::Sex;
use crate::model::EntityKind;
use crate::recognize::Mention;
use crate::segment::TokenKind;
use std::ops::Range;

/// How many words before a description its person is looked for.
const DESCRIBED_WITHIN: usize = 200;

impl Ctx<'_, '_> {
    /// The most recent mention of `kind` that ends at or before token `i`.
    ///
    /// Names inside quotation marks are skipped when `i` stands outside them: "“…
    /// than Mr. Reyes implied,” she said" — she is not Reyes.
    pub fn last_mention_before(&self, i: usize, kinds: &[EntityKind]) -> Option<usize> {
        self.last_mention_where(i, |m| kinds.contains(&m.kind))
    }

    /// The most recent mention before token `i` that `fits`, skipping names in
    /// quotation marks as [`Ctx::last_mention_before`] does.
    fn last_mention_where(&self, i: usize, fits: impl Fn(&Mention) -> bool) -> Option<usize> {
        let outside = i < self.quoted.len() && !self.quoted[i];
        self.rec
            .mentions
            .iter()
            .enumerate()
            .rev()
            .find(|(_, m)| {
                m.tokens.end <= i && fits(m) && !(outside && self.quoted[m.tokens.start])
            })
            .map(|(k, _)| k)
    }

    /// What a pronoun or a description at token `i` refers to: "he"/"she" → the last
    /// person (not one whose honorific or given name says the other sex: "Michael
    /// Howard's wife … she"), "it"/"the company" → the last organization.
    pub fn antecedent(&self, i: usize) -> Option<(usize, usize)> {
        let w = self.lower(i);
        let sex = match w {
            "he" | "him" | "his" => Some(Sex::Male),
            "she" | "her" => Some(Sex::Female),
            _ => None,
        };
        let fits = |m: &Mention| {
            m.kind == EntityKind::Person && sex.is_some_and(|s| m.sex.is_none_or(|x| x == s))
        };
        match w {
            "he" | "she" if self.is_subject(i) => {
                if let Some(organization) = self.unnamed_speaker_before(i) {
                    return organization.map(|m| (m, i + 1));
                }
                self.person_subject(i, &fits, 3)
                    .or_else(|| self.last_person(i, &fits))
                    .map(|m| (m, i + 1))
            }
            "he" | "she" | "him" | "his" | "her" => self.last_person(i, &fits).map(|m| (m, i + 1)),
            "it" | "they" if self.is_subject(i) => {
                self.subject_antecedent(i, 3).map(|m| (m, i + 1))
            }
            // "… told the BBC. They said …": who was told is not who speaks next.
            "it" | "its" | "they" => self
                .last_mention_before(i, &[EntityKind::Organization])
                .filter(|&m| !self.is_listener(m))
                .map(|m| (m, i + 1)),
            "the" if i + 1 < self.doc.tokens.len() => {
                let noun = self.lower(i + 1);
                if matches!(
                    noun,
                    "company"
                        | "firm"
                        | "group"
                        | "bank"
                        | "airline"
                        | "carrier"
                        | "retailer"
                        | "regulator"
                        | "union"
                ) {
                    // (as a subject: "valuing the company", "Rosneft, the company that
                    // …" mean the one named last)
                    self.is_subject(i + 1)
                        .then(|| self.last_subject_organization(i))
                        .flatten()
                        // ("Tom Reyes, a Vantor spokesman, told the BBC. … The company
                        // said …" is Vantor: who was told is not the company)
                        .or_else(|| {
                            self.last_mention_where(i, |m| {
                                m.kind == EntityKind::Organization && !self.is_told(m)
                            })
                        })
                        .map(|m| (m, i + 2))
                } else if let Some(end) = self.age_description(i) {
                    // "the 30-year-old told …": the person the text is about, last named
                    // as a subject ("Olsen won in 56 minutes. She will now meet Nina
                    // Reyes. “…,” said the 23-year-old": Olsen), else the person named
                    // last.
                    let person = |m: &Mention| m.kind == EntityKind::Person;
                    self.last_named_subject(i, &person)
                        .or_else(|| self.last_person(i, &person))
                        .map(|m| (m, end))
                } else {
                    self.titled_antecedent(i)
                }
            }
            _ => None,
        }
    }

    /// Where "the 30-year-old" ends, for the "the" at token `the`: a description of the
    /// person the text is about (not when a name follows it).
    fn age_description(&self, the: usize) -> Option<usize> {
        let end = self.age_at(the + 1)?;
        // ("the 28-year-old Tom Reyes" names him itself)
        let named = end < self.doc.tokens.len() && self.rec.mention_starting_at(end).is_some();
        (!named).then_some(end)
    }

    /// Where an age written "30-year-old" ends, for the number at token `k`.
    pub(super) fn age_at(&self, k: usize) -> Option<usize> {
        let end = k + 5;
        let shaped = end <= self.doc.tokens.len()
            && self.doc.tokens[k].kind == TokenKind::Number
            && self.word(k + 1) == "-"
            && self.lower(k + 2) == "year"
            && self.word(k + 3) == "-"
            && self.lower(k + 4) == "old";
        shaped.then_some(end)
    }

    /// The last organization before token `i`, within its sentence and the two before,
    /// that was the subject of its clause: "the company" means the firm the text is
    /// about ("EMI said two albums, one by Gorillaz, were delayed. … the company added"
    /// is EMI), not the last one named.
    fn last_subject_organization(&self, i: usize) -> Option<usize> {
        let floor = self.previous_sentence_start(self.previous_sentence_start(i));
        let tree = &self.tree;
        self.last_mention_where(i, |m| {
            m.kind == EntityKind::Organization
                && m.tokens.start >= floor
                && tree
                    .head_word(m.tokens.clone())
                    .is_some_and(|w| tree.deprel(w).starts_with("nsubj"))
        })
    }

    /// The last person before token `i` that `fits` a pronoun, or the person the
    /// sentence of that one opens with ([`Ctx::sentence_subject`]).
    fn last_person(&self, i: usize, fits: &impl Fn(&Mention) -> bool) -> Option<usize> {
        self.last_mention_where(i, fits).map(|m| {
            self.sentence_subject(m, i)
                .filter(|&o| fits(&self.rec.mentions[o]))
                .unwrap_or(m)
        })
    }

    /// "he"/"she" as a subject stands for, in this order (after Hobbs): the nearest
    /// subject before it in its sentence that is a person of its sex, or the same
    /// pronoun again (followed back, `depth` times at most); the first such person named
    /// before it in its sentence, whatever the parser made of the name ("… but on
    /// Wednesday Mr Reyes said he …"); the nearest such subject in the sentence before.
    /// "Mr Reyes was expelled from the party. He denied a report that he planned an
    /// appeal on Vardby TV. Speaking in Oslo, he said …" — Reyes throughout, not the last
    /// name that looks like a person's.
    fn person_subject(
        &self,
        i: usize,
        fits: &impl Fn(&Mention) -> bool,
        depth: usize,
    ) -> Option<usize> {
        let tree = &self.tree;
        let outside = !self.quoted[i];
        let sentence = self.sentence(i);
        let subject = |w: usize| -> Option<Option<usize>> {
            let t = tree.token(w);
            if !tree.deprel(w).starts_with("nsubj") || outside && self.quoted[t] {
                return None;
            }
            if let Some(m) = self.name_of(w).filter(|&m| fits(&self.rec.mentions[m])) {
                return Some(Some(m));
            }
            // "…, the Tory leader said. He …"
            if let Some(m) = self
                .described_by_the(w)
                .filter(|&m| fits(&self.rec.mentions[m]))
            {
                return Some(Some(m));
            }
            (tree.upos(w) == "PRON" && self.lower(t) == self.lower(i)).then(|| {
                (depth > 0)
                    .then(|| self.person_subject(t, fits, depth - 1))
                    .flatten()
            })
        };
        let pronoun = tree.words_in(i..i + 1).start;
        // "Reyes's claim that he …", "his claim that he …": the possessor of a noun the
        // pronoun's clause completes comes first.
        let mut above = tree.head(pronoun);
        while let Some(a) = above {
            let possessor = tree
                .children(a)
                .iter()
                .copied()
                .find(|&c| c < pronoun && tree.deprel(c) == "nmod:poss");
            if let Some(c) = possessor {
                let t = tree.token(c);
                if let Some(m) = self.name_of(c).filter(|&m| fits(&self.rec.mentions[m])) {
                    return Some(m);
                }
                if self.lower(t) == self.possessive_of(i) {
                    return self.last_person(t, fits);
                }
            }
            above = tree.head(a);
        }
        // 'Mr Lind "made the decisions," he told the court': who speaks is not the
        // subject of what he says — the reported words are passed over.
        let reported = self.reported_by(pronoun);
        let this = tree.words_in(sentence.start..i).start..pronoun;
        let outside_report = |w: &usize| !reported.iter().any(|r| r.contains(&tree.token(*w)));
        if let Some(found) = this.clone().rev().filter(outside_report).find_map(subject) {
            return found;
        }
        let named = self.rec.mentions_in(sentence.start..i).find(|&m| {
            let start = self.rec.mentions[m].tokens.start;
            !reported.iter().any(|r| r.contains(&start))
                && fits(&self.rec.mentions[m])
                && !(outside && self.quoted[self.rec.mentions[m].tokens.start])
        });
        if named.is_some() {
            return named;
        }
        // (A sentence that is all quotation says nothing of who is meant: "He urged …
        // “We can all see …” He also accused …" looks past it.)
        let mut previous = self.previous_sentence_start(i)..sentence.start;
        for _ in 0..2 {
            let all_quoted = previous
                .clone()
                .all(|k| self.quoted[k] || self.doc.tokens[k].kind != TokenKind::Word);
            if !all_quoted || previous.start == 0 {
                break;
            }
            previous = self.previous_sentence_start(previous.start)..previous.start;
        }
        if let Some(m) = self.described_person(previous.clone(), fits) {
            return Some(m);
        }
        if let Some(m) = self.inverted_speaker(previous.clone(), fits) {
            return Some(m);
        }
        // In the sentence before, the centre of attention comes first (after centering
        // theory): who spoke there ("…, the Tory leader said. He …"), then the subject of
        // its main clause ("He went on to accuse Mr Reyes of lying. He …"), then the
        // nearest subject.
        let before = tree.words_in(previous);
        let lex = crate::lexicon::lexicons();
        let speaker = before
            .clone()
            .rev()
            .filter(|&w| {
                tree.head(w)
                    .is_some_and(|v| !lex.speech_verb(self.word(tree.token(v))).is_empty())
            })
            .find_map(subject)
            .flatten();
        let main = || {
            let subjects: Vec<usize> = before
                .clone()
                .filter(|&w| tree.head(w).is_none())
                .flat_map(|root| tree.children_with(root, &["nsubj", "nsubj:pass"]))
                .collect();
            subjects
                .iter()
                .copied()
                .find_map(subject)
                .flatten()
                .or_else(|| {
                    subjects
                        .iter()
                        .find_map(|&w| self.subject_owner(w, i, fits))
                })
        };
        speaker
            .or_else(main)
            .or_else(|| before.rev().find_map(subject).flatten())
    }

    /// The person of `fits` whose thing is the subject `w` of a sentence, for the pronoun
    /// at token `i`: "His first attempt was thwarted by Tom Reyes. But in 1983 he won" —
    /// the owner of the subject is the centre of attention, not the agent named last.
    fn subject_owner(&self, w: usize, i: usize, fits: &impl Fn(&Mention) -> bool) -> Option<usize> {
        let tree = &self.tree;
        let owner = tree.child(w, "nmod:poss")?;
        if let Some(m) = self.name_of(owner).filter(|&m| fits(&self.rec.mentions[m])) {
            return Some(m);
        }
        let t = tree.token(owner);
        (self.lower(t) == self.possessive_of(i))
            .then(|| self.last_person(t, fits))
            .flatten()
    }

    /// The possessive of the subject pronoun at token `i`: "his" for "he", "her" for "she".
    fn possessive_of(&self, i: usize) -> &'static str {
        if self.lower(i) == "he" { "his" } else { "her" }
    }

    /// The speaker a sentence ends with after an inverted speech verb: "…, argued Mr
    /// Reyes." — the sentence is his, whatever the parser made of the inversion (it
    /// often reads him as the verb's object).
    fn inverted_speaker(
        &self,
        sentence: Range<usize>,
        fits: &impl Fn(&Mention) -> bool,
    ) -> Option<usize> {
        let mut end = sentence.end;
        while end > sentence.start
            && (matches!(self.word(end - 1), "." | "!" | "?")
                || self.doc.tokens[end - 1].kind == TokenKind::CloseQuote)
        {
            end -= 1;
        }
        let m = self
            .rec
            .mentions_in(sentence.clone())
            .find(|&m| self.rec.mentions[m].tokens.end == end && fits(&self.rec.mentions[m]))?;
        let mut v = self.rec.mentions[m].tokens.start;
        // ("argued Mr Reyes": the honorific may stand outside the name)
        while v > sentence.start && crate::lexicon::lexicons().is_honorific(self.word(v - 1)) {
            v -= 1;
        }
        let inverted = v >= sentence.start + 2
            && self.doc.is(v - 2, ",")
            && !crate::lexicon::lexicons()
                .speech_verb(self.word(v - 1))
                .is_empty();
        inverted.then_some(m)
    }

    /// The person a sentence opening with a definite description names: "The
    /// 66-year-old criticised …", "The Australian had …", "The striker …". A description
    /// points back to the person the text is about, the last person that was a subject
    /// ("Coach Tom Reyes was fined for remarks about Mark Lopes. The 66-year-old
    /// criticised the fine": Reyes, not Lopes). Read from the words, not the tree: the
    /// parser seldom makes such a description the subject.
    fn described_person(
        &self,
        sentence: Range<usize>,
        fits: &impl Fn(&Mention) -> bool,
    ) -> Option<usize> {
        let lex = crate::lexicon::lexicons();
        let mut k = sentence.start;
        while k < sentence.end && matches!(self.word(k), "But" | "And" | "However" | "Yet" | ",") {
            k += 1;
        }
        if k + 1 >= sentence.end || self.lower(k) != "the" {
            return None;
        }
        let next = self.word(k + 1);
        let aged = self.doc.tokens[k + 1].kind == TokenKind::Number
            && (k + 2..(k + 6).min(sentence.end)).any(|j| self.lower(j) == "year")
            && (k + 2..(k + 7).min(sentence.end)).any(|j| self.lower(j) == "old");
        let personal = aged
            || next.starts_with(char::is_uppercase) && lex.demonym(next).is_some()
            || next.starts_with(char::is_lowercase) && self.rec.title_at(k + 1).is_some();
        if !personal || self.rec.mention_at(k + 1).is_some() {
            return None;
        }
        self.last_named_subject(k, fits)
    }

    /// The person last named as a subject, or as the owner of a subject ("Reyes's loan
    /// move is …"), before token `k` that `fits`: the one the text is about, which a
    /// description points back to. (Within a few sentences: a long text of such
    /// descriptions stays linear.)
    fn last_named_subject(&self, k: usize, fits: &impl Fn(&Mention) -> bool) -> Option<usize> {
        let tree = &self.tree;
        let outside = !self.quoted[k];
        let at = tree.words_in(k..k + 1).start;
        (at.saturating_sub(DESCRIBED_WITHIN)..at)
            .rev()
            .find_map(|v| {
                let subject =
                    tree.deprel(v).starts_with("nsubj") && !(outside && self.quoted[tree.token(v)]);
                let person =
                    |m: &usize| self.kind(*m) == EntityKind::Person && fits(&self.rec.mentions[*m]);
                let owner = || {
                    tree.child(v, "nmod:poss")
                        .and_then(|o| self.name_of(o))
                        .filter(person)
                };
                subject
                    .then(|| self.name_of(v).filter(person).or_else(owner))
                    .flatten()
            })
    }

    /// The tokens of what the verb a subject pronoun speaks with reports: its clausal
    /// complements and the clauses set beside it ("…, he said"). None when the verb
    /// reports no speech.
    fn reported_by(&self, pronoun: usize) -> Vec<Range<usize>> {
        let tree = &self.tree;
        let Some(verb) = tree.head(pronoun) else {
            return Vec::new();
        };
        if crate::lexicon::lexicons()
            .speech_verb(self.word(tree.token(verb)))
            .is_empty()
        {
            return Vec::new();
        }
        tree.children(verb)
            .iter()
            .filter(|&&c| matches!(tree.deprel(c), "ccomp" | "parataxis"))
            .map(|&c| tree.subtree_tokens(c))
            .collect()
    }

    /// The name a nominal word is or heads: "Reyes" in "Mr Reyes", where the parser
    /// made the honorific the head, and in "Vantor director Tom Reyes", where it made the
    /// title the head and the name its apposition or flat part (a title right before the
    /// name).
    fn name_of(&self, w: usize) -> Option<usize> {
        let tree = &self.tree;
        let proper = tree.upos(w) == "PROPN";
        let titled = tree.upos(w) == "NOUN";
        // "Vantor frontman Tom Reyes" with the organization the head: the person the
        // title names is meant.
        let own = self.rec.mention_at(tree.token(w));
        let titled_person = own.and_then(|m| {
            let end = self.rec.mentions[m].tokens.end;
            let title = &self.rec.titles[self.rec.title_at(end)?];
            (title.tokens.start == end)
                .then(|| self.rec.mention_starting_at(title.tokens.end))
                .flatten()
                .filter(|&p| self.kind(p) == EntityKind::Person)
        });
        titled_person.or(own).or_else(|| {
            tree.children(w).iter().find_map(|&c| {
                let named = match tree.deprel(c) {
                    "flat" | "flat:name" | "compound" => proper || titled && c == w + 1,
                    // ("the lawyer Tom Reyes", "the lawyer, Tom Reyes,")
                    "appos" => {
                        titled && (c == w + 1 || c == w + 2 && self.word(tree.token(w + 1)) == ",")
                    }
                    _ => false,
                };
                named.then(|| self.rec.mention_at(tree.token(c))).flatten()
            })
        })
    }

    /// Where the sentence before that of token `i` starts (its own start in the first).
    fn previous_sentence_start(&self, i: usize) -> usize {
        self.sentences_back(i, 1)
    }

    /// Whether mention `m` is who was told something: "told (the) BBC".
    fn is_listener(&self, m: usize) -> bool {
        self.is_told(&self.rec.mentions[m])
    }

    /// Whether a mention is who was told something.
    fn is_told(&self, m: &Mention) -> bool {
        let mut k = m.tokens.start;
        if k > 0 && self.lower(k - 1) == "the" {
            k -= 1;
        }
        k > 0 && matches!(self.lower(k - 1), "told" | "tell" | "tells" | "telling")
    }

    /// For a pronoun at `i` whose nearest person `m` lies in an earlier sentence: the
    /// person that sentence opens with, its subject, if another ("Tom Reyes, a former
    /// adviser, said the plan of Ana Lopes failed. He …" — he is Reyes).
    fn sentence_subject(&self, m: usize, i: usize) -> Option<usize> {
        let sentence = self.sentence(self.rec.mentions[m].tokens.start);
        // "…, Ana Lopes said. He …": who spoke last is the one meant.
        let end = self.rec.mentions[m].tokens.end;
        let speaks = end < self.doc.tokens.len()
            && !crate::lexicon::lexicons()
                .speech_verb(self.word(end))
                .is_empty();
        if sentence.contains(&i) || speaks {
            return None;
        }
        // ("But Mr Reyes denied …": a conjunction and an honorific open it.)
        let lex = crate::lexicon::lexicons();
        let mut k = sentence.start;
        while k < sentence.end
            && (self.doc.tokens[k].kind == TokenKind::OpenQuote
                || matches!(
                    self.word(k),
                    "\"" | "," | "." | "But" | "And" | "However" | "Yet"
                )
                || lex.is_honorific(self.word(k)))
        {
            k += 1;
        }
        self.rec
            .mention_starting_at(k)
            .filter(|&s| s != m && self.kind(s) == EntityKind::Person && !self.quoted[k])
    }

    /// Whether the word at token `i` is a clause's subject.
    fn is_subject(&self, i: usize) -> bool {
        let words = self.tree.words_in(i..i + 1);
        words.len() == 1 && self.tree.deprel(words.start).starts_with("nsubj")
    }

    /// "it" or "they" as a subject stands for what the clause before it was about, its
    /// subject (the centre of attention, as in centering theory): "Vantor said it would
    /// appeal", "While Norway has signed the treaty, it has not ratified it", "Vantor
    /// sued. It wants …". Subjects that cannot be meant are passed over: a plural or
    /// another pronoun for "it" ("Vantor warned that yields would fall as it cuts
    /// prices"), a singular pronoun for "they", a relative pronoun. Only an organization
    /// (for "it" a place too) named there or described as one ("the company") is taken; a
    /// subject that is a common noun or a person ("The players lost. They …", "the
    /// stunts … but they succeeded") leaves the pronoun unresolved rather than given to
    /// the last organization named. A subject that is the same pronoun again is
    /// followed back, `depth` times at most. With no subject at all in this sentence and
    /// the one before (a headline, a misparse), the last organization named.
    fn subject_antecedent(&self, i: usize, depth: usize) -> Option<usize> {
        let tree = &self.tree;
        let it = self.lower(i) == "it";
        let floor = self.previous_sentence_start(i);
        let pronoun = tree.words_in(i..i + 1).start;
        let outside = !self.quoted[i];
        let mut subjects = (tree.words_in(floor..i).start..pronoun).rev().filter(|&w| {
            tree.deprel(w).starts_with("nsubj") && !(outside && self.quoted[tree.token(w)])
        });
        let Some(first) = subjects.next() else {
            return self
                .last_mention_before(i, &[EntityKind::Organization])
                .filter(|&m| !self.is_listener(m));
        };
        let agrees = |w: usize| {
            // ("Vantor Holdings" is one company, whatever its last word.)
            let plural = matches!(tree.xpos(w), "NNS" | "NNPS")
                && self.rec.mention_at(tree.token(w)).is_none();
            match tree.upos(w) {
                "PRON" => tree.lemma(w) == self.lower(i) || !it && tree.lemma(w) == "they",
                _ => !(it && plural),
            }
        };
        let subject = std::iter::once(first)
            .chain(subjects)
            .find(|&w| agrees(w))?;
        let t = tree.token(subject);
        if let Some(m) = self.name_of(subject) {
            let fits = match self.kind(m) {
                EntityKind::Organization => true,
                EntityKind::Place => it,
                _ => false,
            };
            // "Vantor and Zintrex said they …": a coordination is none of its members.
            let coordinated = tree
                .children(subject)
                .iter()
                .any(|&c| tree.deprel(c) == "conj");
            return (fits && !coordinated).then_some(m);
        }
        if tree.upos(subject) == "PRON" {
            return (depth > 0)
                .then(|| self.subject_antecedent(t, depth - 1))
                .flatten();
        }
        // "The firm said it …"
        self.described_by_the(subject)
            .filter(|&m| self.kind(m) == EntityKind::Organization)
    }

    /// What a nominal with "the" stands for ("the company", "the Tory leader"): the
    /// antecedent of its "the", when the description ends with the word.
    pub(super) fn described_by_the(&self, w: usize) -> Option<usize> {
        let tree = &self.tree;
        let det = tree.child(w, "det").filter(|&d| tree.lemma(d) == "the")?;
        self.antecedent(tree.token(det))
            .filter(|&(_, end)| end == tree.token(w) + 1)
            .map(|(m, _)| m)
    }
}

#[cfg(test)]
mod tests;
mod unnamed;
