//! Training the four models from treebanks, as `examples/train_analyze.rs` runs it.
//!
//! The order matters: the tagger first; then, for the parser and the name recognizer,
//! the tags of their training sentences as a tagger that never saw them gives them
//! (jackknifing: the data in folds, each tagged by a tagger trained on the others), so
//! they learn to live with the tagging errors they will meet; the lemmatizer from the
//! treebank's words; the parser; the name recognizer. Everything is deterministic:
//! the same files and options give the same model bytes.

pub mod clusters;
pub mod names;
pub mod score;
pub mod silver;

use super::clusters::Clusters;
use super::conllu::ConlluSentence;
use super::features::{WordAtoms, word_atoms};
use super::lemma::{LemmaExample, Lemmatizer, train_lemmatizer};
use super::ner::{NER_UNKNOWN, NerExample, Recognizer, bio_tags, train_recognizer};
use super::parser::{NetworkTraining, ParseExample, Parser, projectivize, train_network};
use super::perceptron::Training;
use super::tagger::{PosTag, TaggedSentence, Tagger, train_tagger};
use std::collections::{BTreeMap, BTreeSet};

/// A sentence with name tags to learn from or measure on.
#[derive(Debug, Clone)]
pub struct NamedSentence {
    /// The words.
    pub words: Vec<String>,
    /// One BIO tag per word.
    pub tags: Vec<String>,
    /// The index of the same sentence in the syntax training data, whose jackknifed
    /// tags it then takes; `None` for sentences the tagger never trained on.
    pub syntax_index: Option<usize>,
}

/// What to train on and measure on.
#[derive(Debug, Default)]
pub struct Corpora {
    /// Treebank sentences for the tagger, the lemmatizer and the parser.
    pub syntax_train: Vec<ConlluSentence>,
    /// Treebank sentences to tune on.
    pub syntax_dev: Vec<ConlluSentence>,
    /// Sentences with name tags to learn from.
    pub names_train: Vec<NamedSentence>,
    /// Sets of sentences with name tags to tune on, by name.
    pub names_dev: Vec<(String, Vec<NamedSentence>)>,
    /// Plain text, as sentences of lower-case words, to learn word classes from.
    pub plain: Vec<Vec<String>>,
}

/// How long to train each model, and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The tagger's epochs.
    pub tagger_epochs: usize,
    /// The lemmatizer's epochs.
    pub lemma_epochs: usize,
    /// The name recognizer's epochs.
    pub ner_epochs: usize,
    /// Jackknife folds (1 = tag the training data with the final tagger).
    pub folds: usize,
    /// Seed of every shuffle.
    pub seed: u64,
    /// Averaged weights below this are dropped.
    pub min_weight: f64,
    /// Score the dev data after every epoch (slower; for choosing epochs).
    pub report_epochs: bool,
    /// Parse from gold tags, in training and on the dev data (to measure what tagging
    /// errors cost the parser).
    pub gold_tags: bool,
    /// How to train the parser.
    pub parser: NetworkTraining,
    /// Word classes at each granularity (coarse to fine).
    pub clusters: [usize; 3],
}

impl Default for Options {
    fn default() -> Self {
        Self {
            tagger_epochs: 10,
            lemma_epochs: 8,
            ner_epochs: 5,
            folds: 5,
            seed: 1,
            min_weight: 0.0,
            report_epochs: false,
            gold_tags: false,
            parser: NetworkTraining::default(),
            clusters: [32, 128, 512],
        }
    }
}

impl Options {
    /// How to train a perceptron for `epochs` passes with these options.
    fn training(&self, epochs: usize) -> Training {
        Training {
            epochs,
            seed: self.seed,
            min_weight: self.min_weight,
        }
    }
}

/// A sentence's word atoms with the lexicons and its word classes, as the runtime
/// computes them.
fn classed_atoms(words: &[&str], word_classes: &Clusters) -> Vec<WordAtoms> {
    let mut atoms = word_atoms(words, true);
    word_classes.mark(&mut atoms);
    atoms
}

/// The trained models.
#[derive(Debug)]
pub struct Trained {
    /// Word classes.
    pub clusters: Clusters,
    /// Parts of speech.
    pub tagger: Tagger,
    /// Lemmas.
    pub lemmatizer: Lemmatizer,
    /// Trees.
    pub parser: Parser,
    /// Names.
    pub recognizer: Recognizer,
}

fn forms(s: &ConlluSentence) -> Vec<&str> {
    s.words.iter().map(|w| w.form.as_str()).collect()
}

fn tag_of(w: &super::conllu::ConlluWord) -> PosTag {
    PosTag {
        upos: w.upos.clone(),
        xpos: w.xpos.clone(),
    }
}

/// Trains all four models; `log` gets a line of progress now and then.
pub fn train_models(corpora: &Corpora, options: &Options, log: &mut dyn FnMut(String)) -> Trained {
    let training = |epochs: usize| options.training(epochs);
    // Tag and label sets, in sorted order so ids do not depend on the data's order.
    let tags: Vec<PosTag> = corpora
        .syntax_train
        .iter()
        .flat_map(|s| s.words.iter().map(tag_of))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let tag_id: BTreeMap<&PosTag, u16> = tags
        .iter()
        .enumerate()
        .map(|(k, t)| (t, k as u16))
        .collect();
    let mut labels: Vec<String> = corpora
        .syntax_train
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if !labels.iter().any(|l| l == "root") {
        labels.push("root".to_owned());
    }
    let label_id: BTreeMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(k, l)| (l.as_str(), k as u16))
        .collect();
    log(format!("{} tags, {} relations", tags.len(), labels.len()));

    // Word classes first: every other model reads them.
    let levels: [std::collections::HashMap<String, u16>; 3] = std::array::from_fn(|k| {
        let classes = clusters::exchange_clusters(&corpora.plain, options.clusters[k], 12, 3);
        log(format!(
            "{} word classes over {} words",
            options.clusters[k],
            classes.len()
        ));
        classes
    });
    let word_classes = Clusters::new(&levels);
    let atoms_of = |words: &[&str]| classed_atoms(words, &word_classes);
    let atoms: Vec<Vec<WordAtoms>> = corpora
        .syntax_train
        .iter()
        .map(|s| atoms_of(&forms(s)))
        .collect();
    let dev_atoms: Vec<Vec<WordAtoms>> = corpora
        .syntax_dev
        .iter()
        .map(|s| atoms_of(&forms(s)))
        .collect();
    let tagged: Vec<TaggedSentence> = corpora
        .syntax_train
        .iter()
        .zip(&atoms)
        .map(|(s, a)| TaggedSentence {
            atoms: a.clone(),
            tags: s.words.iter().map(|w| tag_id[&tag_of(w)]).collect(),
        })
        .collect();

    // The tagger.
    let mut report_tagger = |epoch: usize, train: f64, t: &Tagger| {
        let (upos, xpos) = score::tag_accuracy(t, &corpora.syntax_dev, &dev_atoms);
        log(format!(
            "tagger epoch {}: train {train:.4}, dev UPOS {upos:.4} XPOS {xpos:.4}",
            epoch + 1
        ));
    };
    let tagger = train_tagger(
        tags.clone(),
        &tagged,
        &training(options.tagger_epochs),
        options
            .report_epochs
            .then_some(&mut report_tagger as &mut dyn FnMut(usize, f64, &Tagger)),
    );
    let (upos, xpos) = score::tag_accuracy(&tagger, &corpora.syntax_dev, &dev_atoms);
    log(format!("tagger: dev UPOS {upos:.4} XPOS {xpos:.4}"));

    // Jackknifed tags of the training data.
    let folds = options.folds.max(1);
    let mut predicted: Vec<Vec<u16>> = vec![Vec::new(); tagged.len()];
    let mut classes: Vec<Vec<u64>> = vec![Vec::new(); tagged.len()];
    let mut doubts: Vec<Vec<u16>> = vec![Vec::new(); tagged.len()];
    if folds == 1 {
        for (k, a) in atoms.iter().enumerate() {
            (predicted[k], doubts[k]) = tagger.tag_with_doubts(a);
            classes[k] = tagger.classes(a);
        }
    } else {
        for fold in 0..folds {
            let rest: Vec<TaggedSentence> = tagged
                .iter()
                .enumerate()
                .filter(|(k, _)| k % folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let t = train_tagger(tags.clone(), &rest, &training(options.tagger_epochs), None);
            for k in (fold..tagged.len()).step_by(folds) {
                (predicted[k], doubts[k]) = t.tag_with_doubts(&atoms[k]);
                classes[k] = t.classes(&atoms[k]);
            }
            log(format!("jackknife fold {} of {folds} tagged", fold + 1));
        }
    }

    // The lemmatizer.
    let lemma_words: Vec<LemmaExample> = corpora
        .syntax_train
        .iter()
        .flat_map(|s| {
            s.words.iter().map(|w| LemmaExample {
                form: w.form.to_lowercase(),
                xpos: w.xpos.clone(),
                lemma: w.lemma.to_lowercase(),
            })
        })
        .collect();
    let lemmatizer = train_lemmatizer(&lemma_words, options.lemma_epochs, options.seed);
    let lemma = score::lemma_accuracy(&tagger, &lemmatizer, &corpora.syntax_dev, &dev_atoms);
    log(format!("lemmatizer: dev {lemma:.4}"));

    // The parser.
    let examples: Vec<ParseExample> = corpora
        .syntax_train
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let n = s.words.len() as u32;
            let heads: Vec<u32> = s
                .words
                .iter()
                .map(|w| w.head.map_or(n, |h| h as u32))
                .collect();
            ParseExample {
                atoms: atoms[k].clone(),
                tags: if options.gold_tags {
                    tagged[k].tags.clone()
                } else {
                    predicted[k].clone()
                },
                classes: classes[k].clone(),
                doubts: doubts[k].clone(),
                heads: projectivize(&heads),
                labels: s
                    .words
                    .iter()
                    .map(|w| label_id[w.deprel.as_str()])
                    .collect(),
            }
        })
        .collect();
    let dev_doubts: Vec<Vec<u16>> = dev_atoms
        .iter()
        .map(|a| tagger.tag_with_doubts(a).1)
        .collect();
    let dev_tags: Vec<Vec<u16>> = if options.gold_tags {
        corpora
            .syntax_dev
            .iter()
            .map(|s| {
                s.words
                    .iter()
                    .map(|w| tag_id.get(&tag_of(w)).copied().unwrap_or(0))
                    .collect()
            })
            .collect()
    } else {
        dev_atoms.iter().map(|a| tagger.tag(a)).collect()
    };
    let dev_classes: Vec<Vec<u64>> = dev_atoms.iter().map(|a| tagger.classes(a)).collect();
    let mut report_parser = |epoch: usize, train: f64, p: &Parser| {
        let (uas, las) = score::attachment(
            p,
            &corpora.syntax_dev,
            &dev_atoms,
            &dev_tags,
            &dev_classes,
            &dev_doubts,
        );
        log(format!(
            "parser epoch {}: train UAS {train:.4}, dev UAS {uas:.4} LAS {las:.4}",
            epoch + 1
        ));
    };
    let report = options
        .report_epochs
        .then_some(&mut report_parser as &mut dyn FnMut(usize, f64, &Parser));
    let parser = train_network(labels, tags.len(), &examples, &options.parser, report);
    let (uas, las) = score::attachment(
        &parser,
        &corpora.syntax_dev,
        &dev_atoms,
        &dev_tags,
        &dev_classes,
        &dev_doubts,
    );
    log(format!("parser: dev UAS {uas:.4} LAS {las:.4}"));

    let recognizer = train_names(corpora, options, &word_classes, &tagger, &predicted, log);
    Trained {
        clusters: word_classes,
        tagger,
        lemmatizer,
        parser,
        recognizer,
    }
}

/// Trains the name recognizer over the tags `tagger` gives; a sentence of the syntax
/// training data takes its jackknifed tags from `jackknifed` (by
/// [`NamedSentence::syntax_index`]) where that has them.
pub fn train_names(
    corpora: &Corpora,
    options: &Options,
    word_classes: &Clusters,
    tagger: &Tagger,
    jackknifed: &[Vec<u16>],
    log: &mut dyn FnMut(String),
) -> Recognizer {
    let training = |epochs: usize| options.training(epochs);
    let atoms_of = |words: &[&str]| classed_atoms(words, word_classes);
    let bio = bio_tags();
    let to_example = |s: &NamedSentence, use_jackknifed: bool| {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let atoms = atoms_of(&words);
        let pos = match s.syntax_index.and_then(|k| jackknifed.get(k)) {
            Some(tags) if use_jackknifed && tags.len() == words.len() => tags.clone(),
            _ => tagger.tag(&atoms),
        };
        NerExample {
            atoms,
            pos,
            tags: s
                .tags
                .iter()
                .map(|t| {
                    if t == names::UNKNOWN_TAG {
                        NER_UNKNOWN
                    } else {
                        bio.iter().position(|b| b == t).unwrap_or(0) as u8
                    }
                })
                .collect(),
        }
    };
    let ner_train: Vec<NerExample> = corpora
        .names_train
        .iter()
        .map(|s| to_example(s, true))
        .collect();
    let ner_dev: Vec<(&str, Vec<NerExample>)> = corpora
        .names_dev
        .iter()
        .map(|(name, set)| {
            (
                name.as_str(),
                set.iter().map(|s| to_example(s, false)).collect(),
            )
        })
        .collect();
    let dev_f1 = |r: &Recognizer| {
        ner_dev
            .iter()
            .map(|(name, set)| format!("{name} {:.4}", score::name_f1(r, set)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut report_names = |epoch: usize, train: f64, r: &Recognizer| {
        log(format!(
            "names epoch {}: train {train:.4}, dev F1 {}",
            epoch + 1,
            dev_f1(r)
        ));
    };
    let recognizer = train_recognizer(
        &ner_train,
        &training(options.ner_epochs),
        options
            .report_epochs
            .then_some(&mut report_names as &mut dyn FnMut(usize, f64, &Recognizer)),
    );
    log(format!("names: dev F1 {}", dev_f1(&recognizer)));
    recognizer
}
