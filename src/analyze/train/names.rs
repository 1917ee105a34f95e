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
    let names: Vec<(usize, usize, &str)> = mentions(sentence)
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
            let proper = |k: usize| {
                let w = &words[k];
                w.form
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                    && w.upos != "PUNCT"
                    && w.upos != "DET"
            };
            // "Premier Zhou", "Dr. Lee": a title before a name is not part of it.
            let lex = crate::lexicon::lexicons();
            let titled = |k: usize| {
                let w = &words[k].form;
                lex.is_honorific(w) || lex.is_title(&w.to_lowercase())
            };
            let person = kind == ENTITY_TYPES[0];
            let first =
                (m.first..=head).find(|&k| proper(k) && !(person && k < head && titled(k)))?;
            let last = (head..=m.last).rev().find(|&k| proper(k) || k == head)?;
            Some((first, last, kind))
        })
        .collect();
    // A name with a comma or "and" inside is a list or an address ("School of Law,
    // Example University", "Poland and Sweden"): each part is a name of its own.
    let mut parts = Vec::new();
    for (first, last, kind) in names {
        let mut start = first;
        for (k, w) in words.iter().enumerate().take(last + 1).skip(first) {
            if w.form == "," || w.upos == "CCONJ" {
                if k > start {
                    parts.push((start, k - 1, kind));
                }
                start = k + 1;
            }
        }
        if start <= last {
            parts.push((start, last, kind));
        }
    }
    let mut names = parts;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::conllu::read_conllu;

    #[test]
    fn reads_names_off_gum_mentions() {
        // "The University of Portsmouth in the United States hired her ."
        let rows = [
            ("The", "DET", 2, "Entity=(1-organization-new-x-cf1-2-sgl"),
            ("University", "PROPN", 9, "_"),
            ("of", "ADP", 4, "_"),
            (
                "Portsmouth",
                "PROPN",
                2,
                "Entity=(2-place-new-x-cf2-1-sgl)|Entity=1)",
            ),
            ("in", "ADP", 8, "_"),
            ("the", "DET", 8, "Entity=(3-place-new-x-cf3-2-sgl"),
            ("United", "PROPN", 8, "_"),
            ("States", "PROPN", 2, "Entity=3)"),
            ("hired", "VERB", 0, "_"),
            ("her", "PRON", 9, "Entity=(4-person-giv-x-cf4-1-coref)"),
        ];
        let mut text = String::new();
        for (k, (form, upos, head, misc)) in rows.iter().enumerate() {
            // GUM writes one Entity entry; the test's second entry closes the outer one.
            let misc = misc.replace("|Entity=", "");
            text += &format!(
                "{}\t{form}\t_\t{upos}\t_\t_\t{head}\tdep\t_\t{misc}\n",
                k + 1
            );
        }
        let s = &read_conllu(text.as_bytes()).unwrap()[0];
        let tags = gum_name_tags(s);
        assert_eq!(
            tags,
            [
                "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "I-LOC", "O", "O"
            ]
        );
    }

    #[test]
    fn reads_iob2() {
        let text = "# sent_id = a-1\n# text = Ann left\n1\tAnn\tB-PER\t-\t-\n2\tleft\tO\t-\t-\n\n";
        let s = read_iob2(text).unwrap();
        assert_eq!(s[0].id, "a-1");
        assert_eq!(s[0].tags, ["B-PER", "O"]);
        assert!(read_iob2("1\tx\n").is_err());
    }
}
