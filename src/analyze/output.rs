//! Analyses as CoNLL-U and as JSON, for `newsgraph analyze` and anyone who wants to
//! score or read them.
//!
//! In CoNLL-U every word's MISC column carries its code-point range in the article
//! (`TokenRange=START:END`, the offsets NIF evidence uses), its name tag when it is in
//! a name (`NER=B-PER`), and `SpaceAfter=No` where no space follows.

use super::conllu::{ConlluSentence, ConlluWord};
use super::{Analysis, Models};
use serde::Serialize;

/// Byte offsets → code-point offsets, for offsets that only grow.
struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CodePoints<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

fn misc(entries: impl IntoIterator<Item = String>) -> String {
    let entries: Vec<String> = entries.into_iter().collect();
    if entries.is_empty() {
        "_".to_owned()
    } else {
        entries.join("|")
    }
}

/// The analysis of an article as CoNLL-U sentences (`sent_id` = `ID-N`).
pub fn to_conllu(id: &str, text: &str, analysis: &Analysis<'_>) -> Vec<ConlluSentence> {
    let mut offsets = CodePoints::new(text);
    let mut sentences = Vec::with_capacity(analysis.sentences.len());
    for (n, range) in analysis.sentences.iter().enumerate() {
        let Some(first) = analysis.words.get(range.start) else {
            continue;
        };
        let last = &analysis.words[range.end - 1];
        let sentence_text: String = text[first.span.start..last.span.end]
            .chars()
            .map(|c| {
                if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let mut comments = Vec::new();
        if n == 0 {
            comments.push(format!("newdoc id = {id}"));
        }
        comments.push(format!("sent_id = {id}-{}", n + 1));
        comments.push(format!("text = {sentence_text}"));
        let words = range
            .clone()
            .map(|i| {
                let w = &analysis.words[i];
                let start = offsets.at(w.span.start);
                let end = offsets.at(w.span.end);
                let mut entries = vec![format!("TokenRange={start}:{end}")];
                let name = analysis.name_tag(i);
                if name != "O" {
                    entries.push(format!("NER={name}"));
                }
                let glued = analysis
                    .words
                    .get(i + 1)
                    .is_some_and(|next| i + 1 < range.end && next.span.start == w.span.end);
                if glued {
                    entries.push("SpaceAfter=No".to_owned());
                }
                ConlluWord {
                    form: conllu_form(&text[w.span.start..w.span.end]),
                    lemma: conllu_form(&w.lemma),
                    upos: analysis.upos(i).to_owned(),
                    xpos: analysis.xpos(i).to_owned(),
                    feats: "_".to_owned(),
                    head: w.head.map(|h| h - range.start),
                    has_head: true,
                    deprel: analysis.deprel(i).to_owned(),
                    deps: "_".to_owned(),
                    misc: misc(entries),
                }
            })
            .collect();
        sentences.push(ConlluSentence {
            comments,
            words,
            extra: Vec::new(),
        });
    }
    sentences
}

/// A form fit for a CoNLL-U column: no tabs or line breaks, never empty.
fn conllu_form(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c == '\t' || c.is_control() { ' ' } else { c })
        .collect();
    if s.is_empty() { "_".to_owned() } else { s }
}

/// Analyses the words of a CoNLL-U sentence as they are (gold tokens) and writes the
/// result over its columns: UPOS, XPOS, LEMMA, HEAD, DEPREL, and NER in MISC. The
/// sentence's features and enhanced dependencies are cleared; its other MISC entries
/// (`SpaceAfter=No`) stay.
pub fn analyze_conllu(sentence: &mut ConlluSentence, models: &Models) {
    let words: Vec<&str> = sentence.words.iter().map(|w| w.form.as_str()).collect();
    let parsed = models.analyze_words(&words);
    for (k, w) in sentence.words.iter_mut().enumerate() {
        w.upos = models.upos(parsed.tags[k]).to_owned();
        w.xpos = models.xpos(parsed.tags[k]).to_owned();
        w.lemma = conllu_form(&parsed.lemmas[k]);
        w.head = parsed.heads[k];
        w.has_head = true;
        w.deprel = models.deprel(parsed.labels[k]).to_owned();
        w.feats = "_".to_owned();
        w.deps = "_".to_owned();
        let mut entries: Vec<String> = w
            .misc
            .split('|')
            .filter(|e| !e.is_empty() && *e != "_" && !e.starts_with("NER="))
            .map(str::to_owned)
            .collect();
        let name = models.name_tag(parsed.names[k]);
        if name != "O" {
            entries.push(format!("NER={name}"));
        }
        w.misc = misc(entries);
    }
}

/// One word in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonWord<'a> {
    /// 1-based position in the sentence.
    pub id: usize,
    /// The word as written.
    pub form: &'a str,
    /// Its lemma.
    pub lemma: &'a str,
    /// Universal part of speech.
    pub upos: &'a str,
    /// Penn Treebank tag.
    pub xpos: &'a str,
    /// 1-based head (0 for the root).
    pub head: usize,
    /// Dependency relation.
    pub deprel: &'a str,
    /// BIO name tag.
    pub ner: &'a str,
    /// First code point in the article.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// One sentence in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonSentence<'a> {
    /// The sentence as written.
    pub text: &'a str,
    /// Its words.
    pub words: Vec<JsonWord<'a>>,
}

/// The analysis of an article as a JSON object: `{"id", "sentences": [...]}`.
pub fn to_json(id: &str, text: &str, analysis: &Analysis<'_>) -> serde_json::Value {
    let mut offsets = CodePoints::new(text);
    let sentences: Vec<JsonSentence<'_>> = analysis
        .sentences
        .iter()
        .filter(|r| !r.is_empty())
        .map(|range| {
            let first = analysis.words[range.start].span.start;
            let last = analysis.words[range.end - 1].span.end;
            let words = range
                .clone()
                .map(|i| {
                    let w = &analysis.words[i];
                    JsonWord {
                        id: i - range.start + 1,
                        form: &text[w.span.start..w.span.end],
                        lemma: &w.lemma,
                        upos: analysis.upos(i),
                        xpos: analysis.xpos(i),
                        head: w.head.map_or(0, |h| h - range.start + 1),
                        deprel: analysis.deprel(i),
                        ner: analysis.name_tag(i),
                        start: offsets.at(w.span.start),
                        end: offsets.at(w.span.end),
                    }
                })
                .collect();
            JsonSentence {
                text: &text[first..last],
                words,
            }
        })
        .collect();
    serde_json::json!({ "id": id, "sentences": sentences })
}

/// A CoNLL-U sentence as a JSON object: `{"sent_id", "text", "words": [...]}`, the
/// words with the fields of [`JsonWord`] but offsets (a CoNLL-U file has none).
pub fn conllu_to_json(sentence: &ConlluSentence) -> serde_json::Value {
    let words: Vec<serde_json::Value> = sentence
        .words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            serde_json::json!({
                "id": k + 1,
                "form": w.form,
                "lemma": w.lemma,
                "upos": w.upos,
                "xpos": w.xpos,
                "head": w.head.map_or(0, |h| h + 1),
                "deprel": w.deprel,
                "ner": w.misc_value("NER").unwrap_or("O"),
            })
        })
        .collect();
    serde_json::json!({
        "sent_id": sentence.comment("sent_id"),
        "text": sentence.comment("text"),
        "words": words,
    })
}
