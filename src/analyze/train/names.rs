//! Name tags to learn from: Universal NER's IOB2 files, and GUM's entity annotations
//! turned into the same BIO tags.
//!
//! GUM marks every mention of an entity ("the city", "she", "Portsmouth"), nested,
//! with its type. A name is a mention whose head word is a proper noun; its tag
//! covers the proper words without a leading determiner or trailing possessive, as
//! Universal NER writes them ("the United States" → "United States"). Of nested
//! names the outermost counts ("University of Portsmouth", not "Portsmouth").

use crate::analyze::conllu::ConlluSentence;
use crate::analyze::ner::ENTITY_TYPES;
use std::collections::HashMap;

/// A sentence of a Universal NER file: its id and one tag per word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IobSentence {
    /// The `sent_id`, shared with the UD treebank.
    pub id: String,
    /// The words.
    pub words: Vec<String>,
    /// One IOB2 tag per word ("B-PER", "O").
    pub tags: Vec<String>,
}

/// Reads a Universal NER IOB2 file (`id word tag …` lines, `# sent_id = …` comments).
pub fn read_iob2(text: &str) -> Result<Vec<IobSentence>, String> {
    let mut sentences = Vec::new();
    let mut current = IobSentence {
        id: String::new(),
        words: Vec::new(),
        tags: Vec::new(),
    };
    for (n, line) in text.lines().enumerate() {
        if let Some(comment) = line.strip_prefix('#') {
            if let Some((k, v)) = comment.split_once('=') {
                if k.trim() == "sent_id" {
                    current.id = v.trim().to_owned();
                }
            }
        } else if line.trim().is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::replace(
                    &mut current,
                    IobSentence {
                        id: String::new(),
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
        } else {
            let columns: Vec<&str> = line.split('\t').collect();
            if columns.len() < 3 {
                return Err(format!("line {}: fewer than three columns", n + 1));
            }
            current.words.push(columns[1].to_owned());
            current.tags.push(columns[2].to_owned());
        }
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// One mention read off GUM's `Entity=` annotations: first and last word, type.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mention {
    first: usize,
    last: usize,
    kind: String,
}

/// Reads the mentions of a GUM sentence.
fn mentions(sentence: &ConlluSentence) -> Vec<Mention> {
    let mut open: HashMap<String, (usize, String)> = HashMap::new();
    let mut found = Vec::new();
    for (i, w) in sentence.words.iter().enumerate() {
        let Some(value) = w.misc_value("Entity") else {
            continue;
        };
        let bytes = value.as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            if bytes[k] == b'(' {
                let end = value[k + 1..]
                    .find(['(', ')'])
                    .map_or(value.len(), |e| k + 1 + e);
                let spec = &value[k + 1..end];
                let mut fields = spec.split('-');
                let id = fields.next().unwrap_or_default().to_owned();
                let kind = fields.next().unwrap_or_default().to_owned();
                if bytes.get(end) == Some(&b')') {
                    found.push(Mention {
                        first: i,
                        last: i,
                        kind,
                    });
                    k = end + 1;
                } else {
                    open.insert(id, (i, kind));
                    k = end;
                }
            } else {
                let end = value[k..].find(')').map_or(value.len(), |e| k + e);
                let id = &value[k..end];
                if let Some((first, kind)) = open.remove(id) {
                    found.push(Mention {
                        first,
                        last: i,
                        kind,
                    });
                }
                k = end + 1;
            }
        }
    }
    found
}

/// The BIO tags of a GUM sentence's names.
pub fn gum_name_tags(sentence: &ConlluSentence) -> Vec<String> {
    let words = &sentence.words;
    let mut tags = vec!["O".to_owned(); words.len()];
    let mut names: Vec<(usize, usize, &str)> = mentions(sentence)
        .into_iter()
        .filter_map(|m| {
            let kind = match m.kind.as_str() {
                "person" => ENTITY_TYPES[0],
                "organization" => ENTITY_TYPES[1],
                "place" => ENTITY_TYPES[2],
                _ => return None,
            };
            // The head: the word whose head lies outside the mention.
            let inside = |h: Option<usize>| h.is_some_and(|h| h >= m.first && h <= m.last);
            let head = (m.first..=m.last).find(|&k| !inside(words[k].head))?;
            if words[head].upos != "PROPN" {
                return None;
            }
            // "the Hebrews", "the Nazarenes": a group of people is no person's name.
            if kind == ENTITY_TYPES[0] && words[head].xpos == "NNPS" {
                return None;
            }
            let person = kind == ENTITY_TYPES[0];
            let proper = |k: usize| {
                let w = &words[k];
                w.form
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                    && w.upos != "PUNCT"
                    && w.upos != "DET"
            };
            // The name is the head and what hangs on it inside the mention, less what
            // only describes or lists: "Poland and Sweden" is two names, "Eric Bell in
            // Men of Mathematics" and "Louis XV of France" are persons "Eric Bell" and
            // "Louis XV", "Matt Goode (born 1978)" ends before the bracket.
            let left_out = |k: usize| {
                let rel = words[k].deprel.as_str();
                let base = rel.split(':').next().unwrap_or(rel);
                matches!(
                    base,
                    "conj" | "cc" | "appos" | "acl" | "parataxis" | "advcl" | "dep" | "list"
                ) || (person && matches!(base, "nmod" | "amod"))
            };
            let mut kept = vec![false; m.last + 1];
            kept[head] = true;
            // Heads come before or after their dependents: settle the mention's words in
            // order of their depth below the name's head.
            for _ in m.first..=m.last {
                for k in m.first..=m.last {
                    if let Some(h) = words[k].head.filter(|&h| inside(Some(h))) {
                        if k != head && kept[h] && !left_out(k) {
                            kept[k] = true;
                        }
                    }
                }
            }
            // The contiguous run around the head, between punctuation other than a
            // hyphen ("Al-Qaeda" is three words in UD).
            let joins = |k: usize| kept[k] && (words[k].upos != "PUNCT" || words[k].form == "-");
            let mut first = head;
            while first > m.first && joins(first - 1) {
                first -= 1;
            }
            let mut last = head;
            while last < m.last && joins(last + 1) {
                last += 1;
            }
            // "Premier Zhou", "Dr. Lee": a title before a name is not part of it.
            let lex = crate::lexicon::lexicons();
            let titled = |k: usize| {
                let w = &words[k].form;
                lex.is_honorific(w) || lex.is_title(&w.to_lowercase())
            };
            let first =
                (first..=head).find(|&k| proper(k) && !(person && k < head && titled(k)))?;
            let last = (head..=last).rev().find(|&k| proper(k) || k == head)?;
            // "Professor of East Asian Studies": an office, not a person's name.
            if person && titled(head) && first == head {
                return None;
            }
            Some((first, last, kind))
        })
        .collect();
    // The outermost name wins.
    names.sort_by_key(|&(f, l, _)| (std::cmp::Reverse(l - f), f));
    let mut taken = vec![false; words.len()];
    for (first, last, kind) in names {
        if taken[first..=last].iter().any(|&t| t) {
            continue;
        }
        for (k, t) in taken.iter_mut().enumerate().take(last + 1).skip(first) {
            *t = true;
            tags[k] = format!("{}-{kind}", if k == first { "B" } else { "I" });
        }
    }
    tags
}

/// The tag of a word whose name tag a partial annotation does not give.
pub const UNKNOWN_TAG: &str = "?";

/// Marks as unknown ([`UNKNOWN_TAG`]) the capitalized words a partial annotation left
/// untagged: ECB+ tags only the names that take part in its events, so "Internet
/// Explorer" in a sentence about a patch is untagged there, though a name. A
/// recognizer learning from such a sentence should learn nothing about those words,
/// rather than learn that they are no names. Capitalized common English words stay
/// untagged ("In", "Act", "Internet"): most of them are no names of persons,
/// organizations or places, and the recognizer needs to see that.
pub fn mark_unannotated(words: &[String], tags: &mut [String]) {
    let lex = crate::lexicon::lexicons();
    for (w, t) in words.iter().zip(tags.iter_mut()) {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if t == "O" && capital && !lex.is_english_word(&w.to_lowercase()) {
            *t = UNKNOWN_TAG.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::conllu::read_conllu;

    /// A GUM sentence from rows of (form, UPOS, 1-based head, relation, MISC).
    fn gum_sentence(rows: &[(&str, &str, usize, &str, &str)]) -> ConlluSentence {
        let mut text = String::new();
        for (k, (form, upos, head, rel, misc)) in rows.iter().enumerate() {
            text += &format!(
                "{}\t{form}\t_\t{upos}\t_\t_\t{head}\t{rel}\t_\t{misc}\n",
                k + 1
            );
        }
        read_conllu(text.as_bytes()).unwrap().remove(0)
    }

    #[test]
    fn reads_names_off_gum_mentions() {
        // "The University of Portsmouth in the United States hired her ."
        let s = gum_sentence(&[
            (
                "The",
                "DET",
                2,
                "det",
                "Entity=(1-organization-new-x-cf1-2-sgl",
            ),
            ("University", "PROPN", 9, "nsubj", "_"),
            ("of", "ADP", 4, "case", "_"),
            (
                "Portsmouth",
                "PROPN",
                2,
                "nmod",
                "Entity=(2-place-new-x-cf2-1-sgl)1)",
            ),
            ("in", "ADP", 8, "case", "_"),
            ("the", "DET", 8, "det", "Entity=(3-place-new-x-cf3-2-sgl"),
            ("United", "PROPN", 8, "compound", "_"),
            ("States", "PROPN", 2, "nmod", "Entity=3)"),
            ("hired", "VERB", 0, "root", "_"),
            (
                "her",
                "PRON",
                9,
                "obj",
                "Entity=(4-person-giv-x-cf4-1-coref)",
            ),
        ]);
        assert_eq!(
            gum_name_tags(&s),
            [
                "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "I-LOC", "O", "O"
            ]
        );
    }

    #[test]
    fn a_name_is_its_head_without_lists_offices_or_descriptions() {
        // "Professor Eric Bell in Men of Mathematics visited Poland and Sweden ."
        let s = gum_sentence(&[
            (
                "Professor",
                "PROPN",
                3,
                "compound",
                "Entity=(1-person-new-x-cf1-7-sgl",
            ),
            ("Eric", "PROPN", 3, "flat", "_"),
            ("Bell", "PROPN", 8, "nsubj", "_"),
            ("in", "ADP", 5, "case", "_"),
            (
                "Men",
                "PROPN",
                3,
                "nmod",
                "Entity=(2-abstract-new-x-cf2-3-sgl",
            ),
            ("of", "ADP", 7, "case", "_"),
            ("Mathematics", "PROPN", 5, "nmod", "Entity=2)1)"),
            ("visited", "VERB", 0, "root", "_"),
            (
                "Poland",
                "PROPN",
                8,
                "obj",
                "Entity=(3-place-new-x-cf3-3-sgl(4-place-new-x-cf4-1-sgl)",
            ),
            ("and", "CCONJ", 11, "cc", "_"),
            (
                "Sweden",
                "PROPN",
                9,
                "conj",
                "Entity=(5-place-new-x-cf5-1-sgl)3)",
            ),
            (".", "PUNCT", 8, "punct", "_"),
        ]);
        assert_eq!(
            gum_name_tags(&s),
            [
                "O", "B-PER", "I-PER", "O", "O", "O", "O", "O", "B-LOC", "O", "B-LOC", "O"
            ]
        );
        // "the Professor of Medicine": an office alone is no name.
        let s = gum_sentence(&[
            ("the", "DET", 2, "det", "Entity=(1-person-new-x-cf1-4-sgl"),
            ("Professor", "PROPN", 0, "root", "_"),
            ("of", "ADP", 4, "case", "_"),
            ("Medicine", "PROPN", 2, "nmod", "Entity=1)"),
        ]);
        assert_eq!(gum_name_tags(&s), ["O", "O", "O", "O"]);
    }

    #[test]
    fn reads_iob2() {
        let text = "# sent_id = a-1\n# text = Ann left\n1\tAnn\tB-PER\t-\t-\n2\tleft\tO\t-\t-\n\n";
        let s = read_iob2(text).unwrap();
        assert_eq!(s[0].id, "a-1");
        assert_eq!(s[0].tags, ["B-PER", "O"]);
        assert!(read_iob2("1\tx\n").is_err());
    }

    #[test]
    fn unannotated_capitalized_words_are_unknown() {
        let words: Vec<String> = [
            "In", "Lagos", ",", "Internet", "Explorer", "failed", "Ann", "Lee",
        ]
        .map(String::from)
        .to_vec();
        let mut tags: Vec<String> = ["O", "O", "O", "O", "O", "O", "B-PER", "I-PER"]
            .map(String::from)
            .to_vec();
        mark_unannotated(&words, &mut tags);
        assert_eq!(tags, ["O", "?", "O", "O", "O", "O", "B-PER", "I-PER"]);
    }
}
