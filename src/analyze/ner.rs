//! The name recognizer: BIO tags for persons, organizations and places, by a greedy
//! left-to-right averaged perceptron over the words, their tags and the lexicons.
//!
//! The lexicons (given names, surnames, the gazetteer, organization words) are
//! features, not verdicts: the model learns how much a given name counts next to a
//! capital letter after "said", so names it never saw are found by their shape and
//! their company, and lexicon entries that are also common words ("Bill", "Chase")
//! are weighed against their context.

use super::features::{WordAtoms, f1, f2, f3, flag, neighbour};
use super::perceptron::{Perceptron, Report, Rng, Training, best_of};
use super::weights::{ModelError, ModelFile, Weights};

/// The entity types the recognizer knows.
pub const ENTITY_TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// The BIO tags: `O`, then `B-` and `I-` of each type in [`ENTITY_TYPES`] order.
pub fn bio_tags() -> Vec<String> {
    let mut tags = vec!["O".to_owned()];
    for t in ENTITY_TYPES {
        tags.push(format!("B-{t}"));
        tags.push(format!("I-{t}"));
    }
    tags
}

/// Whether tag `k` may follow tag `prev` (`I-X` only inside an `X`).
pub fn may_follow(prev: Option<usize>, k: usize) -> bool {
    // Tags 2, 4, 6 are the I- tags; their B- is one before.
    k == 0 || k % 2 == 1 || prev.is_some_and(|p| p != 0 && p.div_ceil(2) == k / 2)
}

/// Lexicon flags the recognizer reads.
const NAME_FLAGS: u32 = !0;

/// The features of word `i`, given its part-of-speech tags and the two BIO tags before it.
pub fn ner_features(
    atoms: &[WordAtoms],
    pos: &[u16],
    i: usize,
    prev: [Option<usize>; 2],
    out: &mut Vec<u64>,
) {
    const NONE: u64 = 0x6e6f_6e65;
    let at = |k: isize| neighbour(atoms, i, k);
    let tag = |k: isize| neighbour(pos, i, k).map_or(0, |&t| u64::from(t) + 1);
    let lower = |k: isize| at(k).map_or(NONE + k as u64, |a| a.lower);
    let shape = |k: isize| at(k).map_or(NONE + k as u64, |a| a.shape);
    let flags = |k: isize| at(k).map_or(0, |a| u64::from(a.flags & NAME_FLAGS));
    let w = &atoms[i];
    let y1 = prev[0].map_or(99, |t| t as u64);
    let y2 = prev[1].map_or(99, |t| t as u64);
    out.clear();
    out.extend([
        f1(300, 0),
        f1(301, w.lower),
        f1(302, w.form),
        f1(303, w.shape),
        f1(304, w.suffix[2]),
        f1(305, w.suffix[3]),
        f1(306, w.prefix[2]),
        f1(307, flags(0)),
        f1(308, tag(0)),
        f2(309, tag(-1), tag(0)),
        f2(310, tag(0), tag(1)),
        f1(311, lower(-1)),
        f1(312, lower(1)),
        f1(313, lower(-2)),
        f1(314, lower(2)),
        f2(315, shape(-1), shape(0)),
        f2(316, shape(0), shape(1)),
        f1(317, y1),
        f2(318, y1, y2),
        f2(319, y1, w.lower),
        f2(320, y1, w.shape),
        f2(321, y1, tag(0)),
        f2(322, flags(-1), flags(0)),
        f2(323, flags(0), flags(1)),
        f2(324, w.shape, u64::from(i == 0)),
        f2(325, lower(-1), tag(0)),
        f2(326, lower(-1), w.lower),
        f2(327, w.lower, lower(1)),
        f3(328, y1, flags(0), tag(0)),
        f2(329, lower(1), tag(0)),
        f2(330, w.suffix[2], shape(1)),
        f1(332, w.clusters[0]),
        f1(333, w.clusters[1]),
        f1(334, w.clusters[2]),
        f1(335, at(-1).map_or(NONE, |a| a.clusters[1])),
        f1(336, at(1).map_or(NONE, |a| a.clusters[1])),
        f2(337, w.clusters[2], w.shape),
        f2(338, y1, w.clusters[1]),
    ]);
    for bit in 0..20 {
        if w.flags & (1 << bit) != 0 && (1 << bit) > flag::PUNCT {
            out.push(f2(331, bit, w.flags as u64 & 1));
        }
    }
}

/// A trained name recognizer.
#[derive(Debug)]
pub struct Recognizer {
    weights: Weights,
    tags: Vec<String>,
}

impl Recognizer {
    /// Reads a recognizer from its model file.
    pub fn from_file(name: &str, file: &ModelFile) -> Result<Self, ModelError> {
        let weights = file.weights(name, "weights")?;
        let tags = file.strings(name, "tags")?;
        if tags != bio_tags() || weights.classes() != tags.len() {
            return Err(ModelError {
                name: name.to_owned(),
                message: format!("tags {tags:?} are not {:?}", bio_tags()),
            });
        }
        Ok(Self { weights, tags })
    }

    /// The model file of this recognizer.
    pub fn to_file(&self, header: Vec<String>) -> ModelFile {
        let mut file = ModelFile::new(header);
        file.put_weights("weights", &self.weights);
        file.put_strings("tags", &self.tags);
        file
    }

    /// The BIO tags, by id.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// Tags a sentence: one BIO tag id per word, and how far ahead of the runner-up
    /// each was (in the model's units: 0 is a coin toss).
    pub fn recognize(&self, atoms: &[WordAtoms], pos: &[u16]) -> (Vec<u8>, Vec<f32>) {
        let mut tags: Vec<u8> = Vec::with_capacity(atoms.len());
        let mut margins = Vec::with_capacity(atoms.len());
        let mut features = Vec::new();
        let mut scores = Vec::new();
        for i in 0..atoms.len() {
            let prev = [
                i.checked_sub(1).map(|k| usize::from(tags[k])),
                i.checked_sub(2).map(|k| usize::from(tags[k])),
            ];
            ner_features(atoms, pos, i, prev, &mut features);
            self.weights.scores(&features, &mut scores);
            let best = best_of(&scores, |k| may_follow(prev[0], k)).unwrap_or(0);
            let second = best_of(&scores, |k| k != best && may_follow(prev[0], k));
            let margin = second.map_or(0, |s| scores[best] - scores[s]);
            tags.push(best as u8);
            margins.push(margin as f32 * self.weights.scale());
        }
        (tags, margins)
    }
}

/// The gold tag of a word whose tag the annotation does not give: the recognizer
/// learns nothing from it.
pub const NER_UNKNOWN: u8 = u8::MAX;

/// A sentence to learn names from.
#[derive(Debug, Clone)]
pub struct NerExample {
    /// Word atoms.
    pub atoms: Vec<WordAtoms>,
    /// Part-of-speech tag ids, as the tagger gives them.
    pub pos: Vec<u16>,
    /// Gold BIO tag ids ([`bio_tags`]), or [`NER_UNKNOWN`].
    pub tags: Vec<u8>,
}

/// Trains a recognizer; `report`, if given, gets the averaged model after every pass.
pub fn train_recognizer(
    examples: &[NerExample],
    training: &Training,
    mut report: Report<'_, Recognizer>,
) -> Recognizer {
    let tags = bio_tags();
    let mut model = Perceptron::new(tags.len());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(training.seed);
    let mut features = Vec::new();
    let mut scores = Vec::new();
    for epoch in 0..training.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &e in &order {
            let ex = &examples[e];
            let mut guessed: Vec<usize> = Vec::with_capacity(ex.tags.len());
            for (i, &truth) in ex.tags.iter().enumerate() {
                let prev = [
                    i.checked_sub(1).map(|k| guessed[k]),
                    i.checked_sub(2).map(|k| guessed[k]),
                ];
                ner_features(&ex.atoms, &ex.pos, i, prev, &mut features);
                model.tick();
                model.scores(&features, &mut scores);
                let guess = best_of(&scores, |k| may_follow(prev[0], k)).unwrap_or(0);
                if truth == NER_UNKNOWN {
                    guessed.push(guess);
                    continue;
                }
                model.update(&features, usize::from(truth), guess);
                if truth != 0 || guess != 0 {
                    right += usize::from(guess == usize::from(truth));
                    total += 1;
                }
                guessed.push(guess);
            }
        }
        if let Some(report) = report.as_mut() {
            let snapshot = Recognizer {
                weights: model.average(training.min_weight),
                tags: tags.clone(),
            };
            report(epoch, right as f64 / total.max(1) as f64, &snapshot);
        }
    }
    Recognizer {
        weights: model.average(training.min_weight),
        tags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_tags_follow_their_beginning() {
        let tags = bio_tags();
        let id = |t: &str| tags.iter().position(|x| x == t).unwrap();
        assert!(may_follow(Some(id("B-PER")), id("I-PER")));
        assert!(may_follow(Some(id("I-PER")), id("I-PER")));
        assert!(!may_follow(Some(id("B-ORG")), id("I-PER")));
        assert!(!may_follow(Some(id("O")), id("I-LOC")));
        assert!(!may_follow(None, id("I-LOC")));
        assert!(may_follow(None, id("B-LOC")));
    }

    /// A recognizer trained on "Kelmar reported a loss." with Kelmar an organization,
    /// and "Zorvik reported a loss." with Zorvik tagged `tag`.
    fn trained_with(tag: u8) -> Recognizer {
        let b_org = bio_tags().iter().position(|t| t == "B-ORG").unwrap() as u8;
        let example = |name: &str, tag: u8| {
            let words = [name, "reported", "a", "loss", "."];
            NerExample {
                atoms: crate::analyze::features::word_atoms(&words, false),
                pos: vec![0; words.len()],
                tags: vec![tag, 0, 0, 0, 0],
            }
        };
        let examples = [example("Kelmar", b_org), example("Zorvik", tag)];
        let training = Training {
            epochs: 5,
            seed: 1,
            min_weight: 0.0,
        };
        train_recognizer(&examples, &training, None)
    }

    #[test]
    fn learns_nothing_from_words_the_annotation_leaves_unknown() {
        let words = ["Zorvik", "reported", "a", "loss", "."];
        let atoms = crate::analyze::features::word_atoms(&words, false);
        let pos = vec![0; words.len()];
        let first_tag =
            |r: &Recognizer| r.tags()[usize::from(r.recognize(&atoms, &pos).0[0])].clone();
        // Told that Zorvik is no name, the model learns it; told nothing, it reads
        // Zorvik as it learned to read Kelmar.
        assert_eq!(first_tag(&trained_with(0)), "O");
        assert_eq!(first_tag(&trained_with(NER_UNKNOWN)), "B-ORG");
    }
}
