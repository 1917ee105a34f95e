//! A definite title for the person it was given to: "Tory leader Michael Howard has
//! dismissed the Budget. … the Tory leader said" — the Tory leader is Howard.

use super::Ctx;
use crate::model::EntityKind;
use crate::recognize::TitleMention;
use crate::segment::TokenKind;

/// Words between "the" and its title ("the Tory party leader"), at most.
const MODIFIERS: usize = 3;

/// Tokens around an earlier title in which the description's modifiers are looked for
/// ("Michael Howard, leader of the Tories" for "the Tory leader").
const MODIFIER_WINDOW: usize = 5;

/// Words between the comma after a title and the name apposed to it, at most ("the
/// Bishop of Vardby, the Rt Rev Dr Tom Reyes,").
const APPOSED_WITHIN: usize = 8;

impl Ctx<'_, '_> {
    /// The person a definite title starting with "the" at token `the` stands for, and
    /// the token after the title: the last person named with a title of the same head
    /// word whose surroundings hold the description's modifiers — "Tory leader Michael
    /// Howard" or "Michael Howard, the Tory leader," for "the Tory leader"; "chief
    /// executive Ann Lind" for "the chief executive". None where the title is followed
    /// by a name of its own ("the Tory leader Michael Howard") or no one had it.
    pub(super) fn titled_antecedent(&self, the: usize) -> Option<(usize, usize)> {
        let n = self.doc.tokens.len();
        let k =
            (the + 1..(the + 1 + MODIFIERS).min(n)).find(|&k| self.rec.title_at(k).is_some())?;
        let title = &self.rec.titles[self.rec.title_at(k)?];
        let end = title.tokens.end;
        if self.rec.mention_starting_at(end).is_some() || end <= k {
            return None;
        }
        // (the words as written: "Shadow foreign secretary" holds its "shadow")
        let words = |tokens: std::ops::Range<usize>| -> Vec<&str> {
            tokens
                .filter(|&j| self.doc.tokens[j].kind == TokenKind::Word)
                .map(|j| self.lower(j))
                .collect()
        };
        let described = words(title.tokens.clone());
        let (&head, described_modifiers) = described.split_last()?;
        let mut modifiers = words(the + 1..title.tokens.start);
        modifiers.extend_from_slice(described_modifiers);
        self.rec
            .titles
            .iter()
            .rev()
            // (the same office: "the chancellor" is not the shadow chancellor)
            .filter(|t| {
                let earlier = words(t.tokens.clone());
                t.tokens.end <= the
                    && earlier.last() == Some(&head)
                    && earlier
                        .iter()
                        .all(|w| described.contains(w) || modifiers.contains(w))
            })
            .filter(|t| {
                let around = t.tokens.start.saturating_sub(MODIFIER_WINDOW)
                    ..(t.tokens.end + MODIFIER_WINDOW).min(the);
                modifiers
                    .iter()
                    .all(|m| around.clone().any(|j| same_stem(m, self.lower(j))))
            })
            .find_map(|t| self.holder_of(t))
            .map(|p| (p, end))
    }

    /// The person an earlier title was given to by the words beside it in its sentence:
    /// the name right after it ("Tory leader Michael Howard"), or the name it is apposed
    /// to ("Michael Howard, the Tory leader, said", "Graham Lane, leader of the Labour
    /// group") — not the name before a comma that closes another phrase ("Echoing Ann
    /// Lind, the minister said").
    fn holder_of(&self, title: &TitleMention) -> Option<usize> {
        let person = |m: &usize| self.kind(*m) == EntityKind::Person;
        let sentence = self.sentence(title.tokens.start);
        if let Some(m) = self
            .rec
            .mention_starting_at(title.tokens.end)
            .filter(person)
            .filter(|_| sentence.contains(&title.tokens.end))
        {
            return Some(m);
        }
        let tree = &self.tree;
        let title_word = tree.head_word(title.tokens.clone())?;
        let apposed = |m: usize| {
            let Some(name_word) = tree.head_word(self.rec.mentions[m].tokens.clone()) else {
                return false;
            };
            tree.deprel(title_word) == "appos" && tree.head(title_word) == Some(name_word)
                || tree.deprel(name_word) == "appos" && tree.head(name_word) == Some(title_word)
        };
        // "The Bishop of Vardby, Tom Reyes, said", "the chairman, the Rt Rev Tom Reyes,":
        // a name set off by a comma after the title and what completes it (the parser
        // often hangs it on the completing name).
        let mut j = title.tokens.end;
        if matches!(self.lower(j.min(sentence.end - 1)), "of" | "for" | "at") {
            let completing = self.rec.mention_starting_at(j + 1).or_else(|| {
                (self.lower(j + 1) == "the")
                    .then(|| self.rec.mention_starting_at(j + 2))
                    .flatten()
            });
            j = completing.map_or(j, |m| self.rec.mentions[m].tokens.end);
        }
        if j < sentence.end && self.word(j) == "," {
            let lex = crate::lexicon::lexicons();
            let mut k = j + 1;
            // (over "the" and honorifics, with their full stops: "the Rt Rev Dr")
            while k < sentence.end
                && k < j + 1 + APPOSED_WITHIN
                && self.rec.mention_starting_at(k).is_none()
                && (matches!(self.lower(k), "the" | "rt" | "right" | "hon" | "honourable")
                    || self.word(k) == "."
                    || lex.is_honorific(self.word(k)))
            {
                k += 1;
            }
            if let Some(m) = self.rec.mention_starting_at(k).filter(person) {
                return Some(m);
            }
        }
        // Back over "the", modifiers and names of the title's organization to a comma.
        let mut k = title.tokens.start;
        for _ in 0..=MODIFIERS {
            let before = k.checked_sub(1).filter(|b| sentence.contains(b))?;
            if self.word(before) == "," {
                return self
                    .rec
                    .mentions
                    .iter()
                    .position(|m| m.tokens.end == before)
                    .filter(person)
                    .filter(|&m| apposed(m));
            }
            k = before;
        }
        None
    }
}

/// Whether two words share a stem, as far as a title's modifiers need ("Tory" and
/// "Tories"): all but the last letter of the shorter one, and at least three.
fn same_stem(a: &str, b: &str) -> bool {
    let shorter = a.chars().count().min(b.chars().count());
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    a == b || common >= 3 && common + 1 >= shorter
}

#[cfg(test)]
mod tests {
    use crate::relate::tests::statements;

    /// The speakers of the statements of `text`, in order.
    fn speakers(text: &str) -> Vec<String> {
        statements(text).into_iter().map(|s| s.0).collect()
    }

    #[test]
    fn a_definite_title_is_the_person_named_with_it() {
        let table: &[(&str, &[&str])] = &[
            (
                "Green Party leader Nina Olsen has rejected the budget. \
                 Taxes would rise after the election, the Green leader said.",
                &["Nina Olsen"],
            ),
            (
                "Tom Reyes, the Vantor chief executive, met Harvo officials. \
                 \"We had good talks,\" the chief executive said.",
                &["Tom Reyes"],
            ),
            // Not the leader of another party, nor a shadow of the office.
            (
                "Labour leader Tom Reyes met Nina Olsen. \"We disagree,\" the Green leader said.",
                &[],
            ),
            (
                "Shadow chancellor Tom Reyes spoke first. \
                 \"Taxes will rise,\" the chancellor said.",
                &[],
            ),
            // A name before a comma that closes another phrase is no apposition.
            (
                "Echoing Nina Olsen, the prime minister said taxes would rise. \
                 \"We will act,\" the prime minister added.",
                &[],
            ),
        ];
        for (text, expected) in table {
            assert_eq!(speakers(text), *expected, "{text}");
        }
    }
}
