//! The learned name typer: a capitalized name that no rule could type gets its kind from
//! its words and their context — "Zintrex" in "sold by Zintrex to …", "Harvo" in
//! "Harvo spokesman Tom Reyes said" — by a softmax regression over sparse features.
//!
//! The weights (`lexicons/name-weights.tsv`) are learned from CoNLL04 by
//! `scripts/train-names.sh` (`examples/train_names.rs`): the features of every name the
//! rules leave open in its train split, labelled by the gold answers, and one threshold
//! on the best class's probability chosen on its dev split.

use super::Mention;
use crate::lexicon::lexicons;
use crate::model::EntityKind;
use crate::segment::{Document, TokenKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// A name no rule typed, with what the typer read of it.
#[derive(Debug, Clone)]
pub struct OpenName {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// The sparse features of the name and its context.
    pub features: Vec<String>,
}

/// The classes the typer tells apart: not an entity, or one of three kinds.
pub const NAME_CLASSES: [Option<EntityKind>; 4] = [
    None,
    Some(EntityKind::Person),
    Some(EntityKind::Organization),
    Some(EntityKind::Place),
];

/// How the weights file names each of [`NAME_CLASSES`].
pub const CLASS_NAMES: [&str; 4] = ["none", "person", "organization", "place"];

/// The column of `kind` in [`NAME_CLASSES`].
pub fn class_index(kind: Option<EntityKind>) -> usize {
    NAME_CLASSES.iter().position(|&k| k == kind).unwrap_or(0)
}

/// Where a name stands, beyond its own words.
pub(super) struct Setting {
    pub sentence_initial: bool,
    pub after_preposition: bool,
    pub title_before: bool,
    pub title_after: bool,
    /// How many names no rule typed are written the same way in the article.
    pub repeats: usize,
}

/// A coarse shape: "Xx", "XX", "Xx-Xx", "X.X.", "Xd" (digits).
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

/// The features of the name `range` among the `mentions` the rules typed.
pub(super) fn features(
    doc: &Document<'_>,
    range: &Range<usize>,
    mentions: &[Mention],
    setting: &Setting,
) -> Vec<String> {
    let lex = lexicons();
    let n = doc.tokens.len();
    let (start, end) = (range.start, range.end);
    let sentence = &doc.sentences[doc.sentence_of(start)];
    let mut f = vec!["bias".to_owned(), format!("len:{}", range.len().min(4))];
    let words: Vec<&str> = range.clone().map(|k| doc.word(k)).collect();
    for (k, w) in range.clone().zip(&words) {
        f.push(format!("w:{}", doc.lower(k)));
        if lex.is_english_word(w) {
            f.push("english-word".into());
        }
        if lex.gazetteer(w).is_some() || lex.place(w).is_some() {
            f.push("place-word".into());
        }
        if lex.is_org_suffix(w) || lex.is_org_head(w) {
            f.push("org-word".into());
        }
    }
    let first = words[0];
    let last = words[words.len() - 1];
    f.push(format!("first:{}", doc.lower(start)));
    f.push(format!("last:{}", doc.lower(end - 1)));
    f.push(format!("shape:{}", shape(first)));
    if words.len() > 1 {
        f.push(format!("shape-last:{}", shape(last)));
    }
    let lower_last = doc.lower(end - 1);
    if lower_last.chars().count() > 3 {
        let tail: String = lower_last.chars().rev().take(3).collect();
        f.push(format!("suffix:{}", tail.chars().rev().collect::<String>()));
    }
    if words.iter().all(|w| lex.is_english_word(w)) {
        f.push("all-english".into());
    }
    if lex.is_given_name(first) {
        f.push("given-first".into());
    }
    if lex.is_surname(last) {
        f.push("surname-last".into());
    }
    if lex.demonym(first).is_some() {
        f.push("demonym-first".into());
    }
    let whole = doc.slice(start, end);
    if lex.gazetteer(whole).is_some() || lex.place(whole).is_some() {
        f.push("place-name".into());
    }
    for (flag, name) in [
        (setting.sentence_initial, "sentence-initial"),
        (setting.after_preposition, "after-preposition"),
        (setting.title_before, "title-before"),
        (setting.title_after, "title-after"),
        (setting.repeats >= 2, "repeated"),
        (sentence.tokens.len() <= 8, "short-sentence"),
        (start > 0 && doc.tokens[start].line_before, "line-start"),
    ] {
        if flag {
            f.push(name.into());
        }
    }
    // The words around, nearest first.
    let word_at = |k: usize| -> String {
        if k < sentence.tokens.start || k >= sentence.tokens.end.min(n) {
            "<s>".to_owned()
        } else if doc.tokens[k].kind == TokenKind::Number {
            "<num>".to_owned()
        } else {
            doc.lower(k).to_owned()
        }
    };
    let before = |d: usize| start.checked_sub(d).map_or("<s>".to_owned(), word_at);
    f.push(format!("prev:{}", before(1)));
    f.push(format!("prev2:{} {}", before(2), before(1)));
    f.push(format!("next:{}", word_at(end)));
    f.push(format!("next2:{} {}", word_at(end), word_at(end + 1)));
    if end < n && doc.tokens[end].kind == TokenKind::Possessive {
        f.push(format!("owns:{}", word_at(end + 1)));
    }
    // Typed neighbours in a list ("Acme, Globex and Initech").
    let joined = |k: usize| doc.is(k, ",") || doc.is(k, "and") || doc.is(k, "or");
    let kind_name = |m: &Mention| format!("{:?}", m.kind);
    if start >= 2 && joined(start - 1) {
        let left = (start.saturating_sub(3)..start - 1)
            .rev()
            .find_map(|k| mentions.iter().find(|m| m.tokens.end == k + 1));
        if let Some(m) = left {
            f.push(format!("listed-after:{}", kind_name(m)));
        }
    }
    if joined(end) {
        let right =
            (end + 1..(end + 3).min(n)).find_map(|k| mentions.iter().find(|m| m.tokens.start == k));
        if let Some(m) = right {
            f.push(format!("listed-before:{}", kind_name(m)));
        }
    }
    f.sort_unstable();
    f.dedup();
    f
}

/// The weights of the typer and its threshold.
#[derive(Debug)]
pub struct NameModel {
    weights: HashMap<String, [f32; 4]>,
    threshold: f32,
}

impl NameModel {
    /// Reads a weights file: `class<TAB>feature<TAB>weight` lines (classes `none`,
    /// `person`, `organization`, `place`), `#` comments and `@threshold<TAB>P`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut model = NameModel::empty();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = || format!("line {}: {line:?}", i + 1);
            match fields.as_slice() {
                ["@threshold", p] => model.threshold = p.parse().map_err(|_| bad())?,
                [class, feature, weight] => {
                    let column = CLASS_NAMES
                        .iter()
                        .position(|c| c == class)
                        .ok_or_else(bad)?;
                    let w: f32 = weight.parse().map_err(|_| bad())?;
                    model.weights.entry((*feature).to_owned()).or_default()[column] = w;
                }
                _ => return Err(bad()),
            }
        }
        Ok(model)
    }

    /// A model that types nothing and learns from zero (the start of training).
    pub fn empty() -> Self {
        NameModel {
            weights: HashMap::new(),
            threshold: 1.0,
        }
    }

    /// The probability of each class in [`NAME_CLASSES`].
    pub fn probabilities(&self, features: &[String]) -> [f32; 4] {
        let mut scores = [0f32; 4];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (s, w) in scores.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
        softmax(scores)
    }

    /// The most probable class (`None`: not an entity) and its probability.
    pub fn best(&self, features: &[String]) -> (Option<EntityKind>, f32) {
        let p = self.probabilities(features);
        let best = (0..4).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap_or(0);
        (NAME_CLASSES[best], p[best])
    }

    /// The kind of a name and its probability, when an entity class beats the others
    /// and reaches the threshold.
    pub fn kind(&self, features: &[String]) -> Option<(EntityKind, f32)> {
        match self.best(features) {
            (Some(kind), p) if p >= self.threshold => Some((kind, p)),
            _ => None,
        }
    }

    /// The probability the best class needs to type a name.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }
}

/// Turns scores into probabilities.
pub fn softmax(scores: [f32; 4]) -> [f32; 4] {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exp = scores.map(|s| (s - max).exp());
    let sum: f32 = exp.iter().sum();
    exp.map(|e| e / sum)
}

/// The shipped model.
pub fn name_model() -> &'static NameModel {
    static MODEL: OnceLock<NameModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        NameModel::parse(include_str!("../../lexicons/name-weights.tsv"))
            .expect("the shipped name weights parse (checked by a test)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_weights_parse_and_type_something() {
        let model = NameModel::parse(include_str!("../../lexicons/name-weights.tsv"))
            .expect("weights parse");
        assert!(model.threshold() < 1.0);
        assert!(model.weights.len() > 100);
    }

    #[test]
    fn an_untyped_name_is_read_with_its_context() {
        let text = "The tanker was sold by Vormanta to Acme Corp and Globex Ltd.";
        let doc = crate::segment::Document::new(text);
        let rec = crate::recognize::recognize(&doc, None);
        let open: Vec<&OpenName> = rec
            .open_names
            .iter()
            .filter(|o| doc.slice(o.tokens.start, o.tokens.end) == "Vormanta")
            .collect();
        assert_eq!(open.len(), 1, "{:?}", rec.open_names);
        let has = |f: &str| open[0].features.iter().any(|x| x == f);
        for f in [
            "bias",
            "len:1",
            "w:vormanta",
            "prev:by",
            "next:to",
            "shape:Xx",
        ] {
            assert!(has(f), "{f} not in {:?}", open[0].features);
        }
        assert!(!has("sentence-initial") && !has("all-english"));
        // The typed organization after it is a neighbour in no list ("to" is no comma).
        assert!(!open[0].features.iter().any(|x| x.starts_with("listed")));
    }

    #[test]
    fn a_name_listed_with_typed_names_knows_their_kind() {
        let doc =
            crate::segment::Document::new("Shares of Acme Corp, Vormanta and Globex Ltd fell.");
        let rec = crate::recognize::recognize(&doc, None);
        let vormanta = rec
            .open_names
            .iter()
            .find(|o| doc.slice(o.tokens.start, o.tokens.end) == "Vormanta")
            .expect("Vormanta stays untyped by the rules");
        let has = |f: &str| vormanta.features.iter().any(|x| x == f);
        assert!(has("listed-after:Organization"), "{:?}", vormanta.features);
        assert!(has("listed-before:Organization"), "{:?}", vormanta.features);
    }

    #[test]
    fn reads_weights_and_refuses_bad_lines() {
        let model = NameModel::parse(
            "# test\n@threshold\t0.5\norganization\tprev:by\t3\nnone\tbias\t0.5\n",
        )
        .unwrap();
        let by = vec!["bias".to_owned(), "prev:by".to_owned()];
        assert_eq!(
            model.kind(&by).map(|(k, _)| k),
            Some(EntityKind::Organization)
        );
        assert_eq!(model.kind(&["bias".to_owned()]), None);
        assert!(NameModel::parse("company\tbias\t1\n").is_err());
        assert!(NameModel::parse("none\tbias\tx\n").is_err());
    }
}
