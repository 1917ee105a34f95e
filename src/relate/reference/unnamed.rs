//! "A spokeswoman said … She added …": a speaker the text describes but never names.

use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::relate::Ctx;
use crate::segment::TokenKind;

impl Ctx<'_, '_> {
    /// For "he"/"she" at token `i` as the subject of a speech verb, going on from a
    /// speaker the sentence before introduced unnamed ("A spokeswoman for the council
    /// said the plan was sound. She said: …"): the organization the description speaks for,
    /// if it names one ("a spokesman for Vantor"), inside `Some` — the pronoun is that
    /// unnamed speaker again, not the last person named. None where no such speaker
    /// came before.
    pub(super) fn unnamed_speaker_before(&self, i: usize) -> Option<Option<usize>> {
        let tree = &self.tree;
        let lex = lexicons();
        let pronoun = tree.words_in(i..i + 1).start;
        let speaks = |v: usize| !lex.speech_verb(self.word(tree.token(v))).is_empty();
        if !tree.head(pronoun).is_some_and(speaks) {
            return None;
        }
        let sentence = self.sentence(i);
        if sentence.start == 0 {
            return None;
        }
        let before = self.sentence(sentence.start - 1);
        let she = self.lower(i) == "she";
        tree.words_in(before).rev().find_map(|s| {
            let t = tree.token(s);
            let described = tree.deprel(s) == "nsubj"
                && tree.upos(s) == "NOUN"
                && !self.quoted[t]
                && tree.head(s).is_some_and(speaks)
                && self.rec.title_at(t).is_some();
            // (Only a speaker the text introduces unnamed: "a spokesman", "an official",
            // "the council's spokeswoman" — "the director" is mostly someone named
            // before, whom the description has not been matched to.)
            let indefinite = tree.has_child_lemma(s, "det", &["a", "an"]);
            let spokes = self.lower(t).starts_with("spokes");
            if !described || !(indefinite || spokes) || self.described_by_the(s).is_some() {
                return None;
            }
            // ("spokesman Tom Reyes said" names him)
            let phrase = tree.subtree_tokens(s);
            let person = |m: usize| self.kind(m) == EntityKind::Person;
            let named = self.rec.mentions_in(phrase).any(person)
                || self.named_by(s).is_some_and(person)
                // ("spokeswoman for women Nina Olsen said", however parsed)
                || tree
                    .head(s)
                    .is_some_and(|v| self.rec.mentions_in(t + 1..tree.token(v)).any(person));
            let word = self.lower(t);
            let other_sex = if she {
                word.ends_with("man") && !word.ends_with("woman")
            } else {
                word.ends_with("woman")
            };
            let quoted_sentence = self.doc.tokens[t].kind == TokenKind::OpenQuote;
            (!named && !other_sex && !quoted_sentence).then(|| {
                self.named_by(s)
                    .filter(|&m| self.kind(m) == EntityKind::Organization)
            })
        })
    }
}
