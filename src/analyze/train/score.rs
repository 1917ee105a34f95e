//! Scores for tuning while training: tag and lemma accuracy, attachment scores and
//! exact-span name F1, computed as `eval/ud_eval.py` computes them (every word counts,
//! punctuation included; lemmas compared in lower case; relation subtypes whole).

use crate::analyze::conllu::ConlluSentence;
use crate::analyze::features::WordAtoms;
use crate::analyze::lemma::Lemmatizer;
use crate::analyze::ner::{NerExample, Recognizer};
use crate::analyze::parser::{Context, Parser};
use crate::analyze::tagger::Tagger;
use std::collections::BTreeSet;

/// UPOS and XPOS accuracy of a tagger on gold sentences.
pub fn tag_accuracy(
    tagger: &Tagger,
    gold: &[ConlluSentence],
    atoms: &[Vec<WordAtoms>],
) -> (f64, f64) {
    let (mut upos, mut xpos, mut n) = (0, 0, 0);
    for (s, a) in gold.iter().zip(atoms) {
        for (w, t) in s.words.iter().zip(tagger.tag(a)) {
            let tag = &tagger.tags()[usize::from(t)];
            upos += usize::from(tag.upos == w.upos);
            xpos += usize::from(tag.xpos == w.xpos);
            n += 1;
        }
    }
    (upos as f64 / n.max(1) as f64, xpos as f64 / n.max(1) as f64)
}

/// Lemma accuracy (ignoring case) with the tagger's tags.
pub fn lemma_accuracy(
    tagger: &Tagger,
    lemmatizer: &Lemmatizer,
    gold: &[ConlluSentence],
    atoms: &[Vec<WordAtoms>],
) -> f64 {
    let (mut right, mut n) = (0, 0);
    for (s, a) in gold.iter().zip(atoms) {
        for ((w, t), atoms) in s.words.iter().zip(tagger.tag(a)).zip(a) {
            let tag = &tagger.tags()[usize::from(t)];
            let lemma = lemmatizer.lemma(&w.form, atoms, &tag.upos, &tag.xpos);
            right += usize::from(lemma.to_lowercase() == w.lemma.to_lowercase());
            n += 1;
        }
    }
    right as f64 / n.max(1) as f64
}

/// Unlabelled and labelled attachment scores with the given tags.
pub fn attachment(
    parser: &Parser,
    gold: &[ConlluSentence],
    atoms: &[Vec<WordAtoms>],
    tags: &[Vec<u16>],
    classes: &[Vec<u64>],
    doubts: &[Vec<u16>],
) -> (f64, f64) {
    let (mut uas, mut las, mut n) = (0, 0, 0);
    for (k, s) in gold.iter().enumerate() {
        let tree = parser.parse(&Context {
            atoms: &atoms[k],
            tags: &tags[k],
            classes: &classes[k],
            doubts: &doubts[k],
        });
        for (k, w) in s.words.iter().enumerate() {
            n += 1;
            if tree.heads[k] == w.head {
                uas += 1;
                las += usize::from(parser.labels()[usize::from(tree.labels[k])] == w.deprel);
            }
        }
    }
    (uas as f64 / n.max(1) as f64, las as f64 / n.max(1) as f64)
}

/// Scores of a system's CoNLL-U against gold on the same words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConlluScores {
    /// Words scored.
    pub words: usize,
    /// Universal part-of-speech accuracy.
    pub upos: f64,
    /// Lemma accuracy, case ignored.
    pub lemma: f64,
    /// Words with the right head.
    pub uas: f64,
    /// Words with the right head and relation (subtypes compared whole).
    pub las: f64,
}

/// Compares a system's analysis with gold, sentence by sentence (by `sent_id` when both
/// have them all, else in order), word by word: what `eval/ud_eval.py` computes.
pub fn compare_conllu(
    gold: &[ConlluSentence],
    system: &[ConlluSentence],
) -> Result<ConlluScores, String> {
    if gold.len() != system.len() {
        return Err(format!(
            "{} gold sentences, {} system sentences",
            gold.len(),
            system.len()
        ));
    }
    let by_id: std::collections::HashMap<&str, &ConlluSentence> = system
        .iter()
        .filter_map(|s| Some((s.comment("sent_id")?, s)))
        .collect();
    let (mut n, mut upos, mut lemma, mut uas, mut las) = (0, 0, 0, 0, 0);
    for (k, g) in gold.iter().enumerate() {
        let s = g
            .comment("sent_id")
            .and_then(|id| by_id.get(id).copied())
            .unwrap_or(&system[k]);
        if s.words.len() != g.words.len() {
            return Err(format!(
                "sentence {}: {} gold words, {} system words",
                k + 1,
                g.words.len(),
                s.words.len()
            ));
        }
        for (gw, sw) in g.words.iter().zip(&s.words) {
            n += 1;
            upos += usize::from(gw.upos == sw.upos);
            lemma += usize::from(gw.lemma.to_lowercase() == sw.lemma.to_lowercase());
            if gw.head == sw.head {
                uas += 1;
                las += usize::from(gw.deprel == sw.deprel);
            }
        }
    }
    let share = |x: usize| x as f64 / n.max(1) as f64;
    Ok(ConlluScores {
        words: n,
        upos: share(upos),
        lemma: share(lemma),
        uas: share(uas),
        las: share(las),
    })
}

/// The spans of a BIO tag sequence: (first, end, type), as `ud_eval.py` reads them.
pub fn spans(tags: &[&str]) -> BTreeSet<(usize, usize, String)> {
    let mut found = BTreeSet::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().chain(std::iter::once(&"O")).enumerate() {
        let kind = t.get(2..).unwrap_or("");
        let continues = t.starts_with("I-") && open.as_ref().is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((start, k)) = open.take() {
                found.insert((start, i, k));
            }
            if *t != "O" {
                open = Some((i, kind.to_owned()));
            }
        }
    }
    found
}

/// Exact-span micro F1 of a recognizer on sentences with gold tags.
pub fn name_f1(recognizer: &Recognizer, gold: &[NerExample]) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let names = recognizer.tags();
    for ex in gold {
        let (guess, _) = recognizer.recognize(&ex.atoms, &ex.pos);
        let g: Vec<&str> = ex
            .tags
            .iter()
            .map(|&t| names[usize::from(t)].as_str())
            .collect();
        let s: Vec<&str> = guess
            .iter()
            .map(|&t| names[usize::from(t)].as_str())
            .collect();
        let (g, s) = (spans(&g), spans(&s));
        tp += g.intersection(&s).count();
        fp += s.difference(&g).count();
        fn_ += g.difference(&s).count();
    }
    if tp == 0 {
        0.0
    } else {
        2.0 * tp as f64 / (2 * tp + fp + fn_) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_conllu_as_the_evaluator_does() {
        use crate::analyze::conllu::read_conllu;
        // Four words: tags right 3/4, lemmas 4/4 (case ignored), heads 3/4, of which
        // one with the wrong relation.
        let gold = "# sent_id = a\n1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tearly\tearly\tADV\tRB\t_\t2\tadvmod\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
        let system = "# sent_id = a\n1\tShe\tShe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tearly\tearly\tADJ\tJJ\t_\t2\tamod\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let gold = read_conllu(gold.as_bytes()).unwrap();
        let system = read_conllu(system.as_bytes()).unwrap();
        let s = compare_conllu(&gold, &system).unwrap();
        assert_eq!(
            (s.words, s.upos, s.lemma, s.uas, s.las),
            (4, 0.75, 1.0, 0.75, 0.5)
        );
        assert!(compare_conllu(&gold, &[]).is_err());
    }

    #[test]
    fn spans_follow_the_evaluator() {
        let s = spans(&["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-PER"]);
        let expected: BTreeSet<(usize, usize, String)> = [
            (0, 2, "PER".to_owned()),
            (3, 4, "LOC".to_owned()),
            (4, 5, "ORG".to_owned()),
            (5, 6, "PER".to_owned()),
        ]
        .into_iter()
        .collect();
        assert_eq!(s, expected);
    }
}
