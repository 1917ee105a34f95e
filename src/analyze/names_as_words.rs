//! Parsing again with each multi-word name read as one word.
//!
//! The parser learned from web text and fiction, where names are short; news is full of
//! long ones ("China's Banking and Insurance Regulatory Commission issued …"), and their
//! inner words ("and", "Regulatory") lead it astray: the verb ends up hanging on a
//! conjunct inside the name. Once recognition knows where the names are, each sentence
//! that holds a name of several words is parsed again with the name replaced by one
//! familiar stand-in of its kind ("Microsoft issued …"), and the tree is mapped back:
//! the name's head word takes the stand-in's place, its other words keep their arcs
//! inside the name.

use super::{Analysis, Word};
use crate::model::{EntityKind, Span};

/// The word a name of a kind is read as.
fn stand_in(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Smith",
        EntityKind::Organization => "Microsoft",
        EntityKind::Place => "London",
        _ => "Olympics",
    }
}

impl Analysis<'_> {
    /// The analysis with every sentence that holds a name of several words parsed again,
    /// each such name read as one word. `names` are the names' spans and kinds; `text`
    /// is the article the spans point into. Tags, lemmas and name tags stay as they were.
    pub fn reparsed_with_names(mut self, text: &str, names: &[(Span, EntityKind)]) -> Self {
        let flat = self.models.parser_label("flat");
        let Some(proper) = self.models.tag_id("PROPN", "NNP") else {
            return self;
        };
        let mut groups: Vec<(std::ops::Range<usize>, EntityKind)> = names
            .iter()
            .map(|&(span, kind)| (self.words_in(span), kind))
            .filter(|(words, _)| words.len() > 1)
            .collect();
        groups.sort_by_key(|(words, _)| words.start);
        let mut next_group = 0;
        for s in 0..self.sentences.len() {
            let sentence = self.sentences[s].clone();
            let first = next_group;
            while next_group < groups.len() && groups[next_group].0.start < sentence.end {
                next_group += 1;
            }
            let inside: Vec<_> = groups[first..next_group]
                .iter()
                .filter(|(words, _)| sentence.start <= words.start && words.end <= sentence.end)
                .cloned()
                .collect();
            if inside.is_empty() {
                continue;
            }
            // The sentence as the parser will see it, and which word stands for which.
            let mut strings: Vec<&str> = Vec::with_capacity(sentence.len());
            let mut tags: Vec<u16> = Vec::with_capacity(sentence.len());
            let mut unit_of = vec![0usize; sentence.len()];
            let mut heads_of_unit: Vec<usize> = Vec::with_capacity(sentence.len());
            let mut g = inside.iter().peekable();
            let mut w = sentence.start;
            while w < sentence.end {
                match g.peek() {
                    Some((words, kind)) if words.start == w => {
                        let head = self.head_within(words.clone());
                        for x in words.clone() {
                            unit_of[x - sentence.start] = strings.len();
                        }
                        heads_of_unit.push(head);
                        strings.push(stand_in(*kind));
                        tags.push(proper);
                        w = words.end;
                        g.next();
                    }
                    _ => {
                        let span = self.words[w].span;
                        unit_of[w - sentence.start] = strings.len();
                        heads_of_unit.push(w);
                        strings.push(&text[span.start..span.end]);
                        tags.push(self.words[w].tag);
                        w += 1;
                    }
                }
            }
            let parsed = self.models.parse_tagged(&strings, &tags);
            for (u, &word) in heads_of_unit.iter().enumerate() {
                let w = &mut self.words[word];
                w.head = parsed.heads[u].map(|h| heads_of_unit[h]);
                w.label = parsed.labels[u];
                w.head_margin = parsed.margins[u];
            }
            // A name's other words hang inside it as before, or on its head word.
            for (words, _) in &inside {
                let head = heads_of_unit[unit_of[words.start - sentence.start]];
                for x in words.clone().filter(|&x| x != head) {
                    let Word { head: h, label, .. } = &mut self.words[x];
                    if h.is_none_or(|h| !words.contains(&h)) {
                        *h = Some(head);
                        *label = flat;
                    }
                }
            }
        }
        self
    }

    /// The word of a run the rest of the sentence hung on in the first parse.
    fn head_within(&self, words: std::ops::Range<usize>) -> usize {
        words
            .clone()
            .find(|&w| self.words[w].head.is_none_or(|h| !words.contains(&h)))
            .unwrap_or(words.end - 1)
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze::{analyze, models};
    use crate::model::{EntityKind, Span};
    use crate::segment::Document;

    #[test]
    fn a_long_name_is_parsed_as_one_word_and_keeps_its_words() {
        let text =
            "The Vardby Banking and Insurance Regulatory Commission issued new rules on Monday.";
        let doc = Document::new(text);
        let name = Span::new(4, text.find(" issued").unwrap());
        let analysis =
            analyze(&doc, models()).reparsed_with_names(text, &[(name, EntityKind::Organization)]);
        let word = |w: &str| {
            analysis
                .words
                .iter()
                .position(|x| &text[x.span.start..x.span.end] == w)
                .unwrap()
        };
        let issued = word("issued");
        let inside = analysis.words_in(name);
        // The verb heads the sentence and its subject is the name's head word …
        assert_eq!(analysis.words[issued].head, None);
        let subject = (0..analysis.words.len())
            .find(|&w| analysis.words[w].head == Some(issued) && analysis.deprel(w) == "nsubj")
            .expect("a subject");
        assert!(inside.contains(&subject), "{subject} not in {inside:?}");
        // … and every other word of the name hangs inside the name.
        for w in inside.clone().filter(|&w| w != subject) {
            let head = analysis.words[w].head.expect("a head");
            assert!(inside.contains(&head), "word {w} hangs on {head}");
        }
        // A sentence without a long name is left as it was.
        let plain = "Tom said the bank issued rules.";
        let doc = Document::new(plain);
        let before = analyze(&doc, models());
        let heads: Vec<_> = before.words.iter().map(|w| w.head).collect();
        let after = analyze(&doc, models()).reparsed_with_names(plain, &[]);
        assert_eq!(
            heads,
            after.words.iter().map(|w| w.head).collect::<Vec<_>>()
        );
    }
}
