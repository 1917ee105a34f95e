//! The part-of-speech tagger: a greedy left-to-right averaged perceptron that gives
//! each word a universal part of speech and a Penn Treebank tag at once.
//!
//! A tag is the pair (UPOS, XPOS) as the treebank writes it, so the two never
//! disagree. Features are the word, its affixes and shape, its neighbours and the
//! two tags just given (Collins 2002; Honnibal's "good POS tagger in 200 lines"),
//! plus lexicon facts (a given name, a place) that help with words never seen.

use super::features::{WordAtoms, f1, f2, f3, flag, mix, neighbour};
use super::perceptron::{Perceptron, Report, Rng, Training, best_of};
use super::weights::{ModelError, ModelFile, Weights};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};

/// Gives every tagger made in a process its own id.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A part-of-speech tag: universal and treebank-specific.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PosTag {
    /// Universal part of speech ("NOUN").
    pub upos: String,
    /// Penn Treebank tag ("NNS").
    pub xpos: String,
}

/// The value a feature sees for a tag; `0` stands for "before the sentence".
fn tag_value(tag: Option<u16>) -> u64 {
    tag.map_or(0, |t| u64::from(t) + 1)
}

/// Flags the tagger reads: shape facts and the lexicons that tell names from words.
const TAGGER_FLAGS: u32 = flag::TITLE
    | flag::UPPER
    | flag::DIGIT
    | flag::HYPHEN
    | flag::PUNCT
    | flag::ENGLISH
    | flag::GIVEN_NAME
    | flag::PLACE
    | flag::DEMONYM;

/// The features of word `i`, given the ambiguity classes of the sentence's words and
/// the tags of the two words before it: [`own_features`] and [`context_features`].
pub fn tag_features(
    atoms: &[WordAtoms],
    classes: &[u64],
    i: usize,
    prev: [Option<u16>; 2],
    out: &mut Vec<u64>,
) {
    out.clear();
    own_features(&atoms[i], classes[i], out);
    context_features(atoms, classes, i, prev, out);
}

/// The features that read nothing but the word itself (and its ambiguity class, itself
/// a fact of the word): the same wherever the word stands, so their summed weights can
/// be kept per word. Appends to `out`.
fn own_features(w: &WordAtoms, class: u64, out: &mut Vec<u64>) {
    out.extend([
        f1(0, 0),
        f1(1, w.lower),
        f1(2, w.form),
        f1(3, w.shape),
        f1(4, w.suffix[0]),
        f1(5, w.suffix[1]),
        f1(6, w.suffix[2]),
        f1(7, w.suffix[3]),
        f1(8, w.prefix[0]),
        f1(9, w.prefix[1]),
        f1(10, w.prefix[2]),
        f1(28, class),
        f1(36, w.clusters[1]),
        f1(37, w.clusters[2]),
    ]);
}

/// The features that read the word's neighbours, its place or the tags before it.
/// Appends to `out`.
fn context_features(
    atoms: &[WordAtoms],
    classes: &[u64],
    i: usize,
    prev: [Option<u16>; 2],
    out: &mut Vec<u64>,
) {
    const NONE: u64 = 0x6e6f_6e65;
    let at = |k: isize| neighbour(atoms, i, k);
    let lower = |k: isize| at(k).map_or(NONE + k as u64, |a| a.lower);
    let class = |k: isize| neighbour(classes, i, k).map_or(NONE + k as u64, |&c| c);
    let w = &atoms[i];
    let (p1, p2) = (tag_value(prev[0]), tag_value(prev[1]));
    out.extend([
        f1(11, p1),
        f2(12, p1, p2),
        f2(13, p1, w.lower),
        f1(14, lower(-1)),
        f1(15, at(-1).map_or(NONE, |a| a.suffix[2])),
        f1(16, lower(-2)),
        f1(17, lower(1)),
        f1(18, at(1).map_or(NONE, |a| a.suffix[2])),
        f1(19, lower(2)),
        f2(20, lower(-1), w.lower),
        f2(21, w.lower, lower(1)),
        f2(22, w.shape, at(1).map_or(NONE, |a| a.shape)),
        f2(23, u64::from(w.flags & TAGGER_FLAGS), u64::from(i == 0)),
        f2(24, p1, w.suffix[2]),
        f3(25, p1, w.shape, u64::from(i == 0)),
        f2(26, lower(1), lower(2)),
        f2(27, w.suffix[2], lower(1)),
        f1(29, class(1)),
        f1(30, class(2)),
        f2(31, class(1), class(2)),
        f2(32, p1, class(1)),
        f2(33, class(0), class(1)),
        f3(34, class(-1), class(0), class(1)),
        f2(35, w.lower, class(1)),
        f1(38, at(1).map_or(NONE, |a| a.clusters[1])),
        f1(39, at(-1).map_or(NONE, |a| a.clusters[1])),
        f2(40, p1, w.clusters[2]),
        f2(41, w.clusters[0], at(1).map_or(NONE, |a| a.clusters[0])),
    ]);
}

/// The summed weights of words' own features ([`own_features`]), kept per thread for
/// the words met most recently.
#[derive(Debug, Default)]
struct OwnScores {
    /// The tagger the scores belong to ([`Tagger`]'s id).
    owner: u64,
    /// A word's [`own_key`] → where its scores start in `scores`.
    index: HashMap<OwnKey, usize>,
    scores: Vec<i32>,
}

/// Everything [`own_features`] reads. Two words with the same key have the same own
/// features, so kept scores are exactly what scoring afresh would give (the form hash
/// alone would not do: word hashes can collide).
type OwnKey = [u64; 13];

fn own_key(w: &WordAtoms, class: u64) -> OwnKey {
    [
        w.lower,
        w.form,
        w.shape,
        w.suffix[0],
        w.suffix[1],
        w.suffix[2],
        w.suffix[3],
        w.prefix[0],
        w.prefix[1],
        w.prefix[2],
        class,
        w.clusters[1],
        w.clusters[2],
    ]
}

/// Words whose own scores a thread keeps (a few megabytes).
const OWN_SCORES_KEPT: usize = 1 << 14;

thread_local! {
    static OWN_SCORES: RefCell<OwnScores> = RefCell::new(OwnScores::default());
}

/// A trained tagger.
#[derive(Debug)]
pub struct Tagger {
    /// Tells this tagger's kept scores from another's ([`OwnScores`]).
    id: u64,
    weights: Weights,
    tags: Vec<PosTag>,
    /// Each frequent word's ambiguity class: a hash of the tags it was seen with.
    ambiguity: HashMap<u64, u64>,
}

/// The ambiguity class of a word never seen often enough.
const UNKNOWN_CLASS: u64 = 0x756e_6b6e;

/// The ambiguity classes of a sentence's words.
fn classes_of(ambiguity: &HashMap<u64, u64>, atoms: &[WordAtoms]) -> Vec<u64> {
    atoms
        .iter()
        .map(|a| ambiguity.get(&a.lower).copied().unwrap_or(UNKNOWN_CLASS))
        .collect()
}

/// Which tags each word of the training data takes at least a tenth of the time, as a
/// hash per word seen three times or more.
fn ambiguity_classes(sentences: &[TaggedSentence]) -> HashMap<u64, u64> {
    let mut counts: BTreeMap<u64, BTreeMap<u16, usize>> = BTreeMap::new();
    for s in sentences {
        for (a, &t) in s.atoms.iter().zip(&s.tags) {
            *counts.entry(a.lower).or_default().entry(t).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(word, tags)| {
            let total: usize = tags.values().sum();
            (total >= 3).then(|| {
                let class = tags
                    .iter()
                    .filter(|&(_, &n)| n * 10 >= total)
                    .fold(0x636c_6173, |h, (&t, _)| mix(h, u64::from(t)));
                (word, class)
            })
        })
        .collect()
}

impl Tagger {
    /// Reads a tagger from its model file.
    pub fn from_file(name: &str, file: &ModelFile) -> Result<Self, ModelError> {
        let weights = file.weights(name, "weights")?;
        let tags = file
            .strings(name, "tags")?
            .iter()
            .map(|t| {
                let (upos, xpos) = t.split_once('\t').unwrap_or((t, "_"));
                PosTag {
                    upos: upos.to_owned(),
                    xpos: xpos.to_owned(),
                }
            })
            .collect::<Vec<_>>();
        if tags.len() != weights.classes() {
            return Err(ModelError {
                name: name.to_owned(),
                message: "as many tags as classes needed".to_owned(),
            });
        }
        let ambiguity = file.pairs(name, "ambiguity")?.into_iter().collect();
        Ok(Self {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            weights,
            tags,
            ambiguity,
        })
    }

    /// The model file of this tagger.
    pub fn to_file(&self, header: Vec<String>) -> ModelFile {
        let mut file = ModelFile::new(header);
        file.put_weights("weights", &self.weights);
        let tags: Vec<String> = self
            .tags
            .iter()
            .map(|t| format!("{}\t{}", t.upos, t.xpos))
            .collect();
        file.put_strings("tags", &tags);
        let pairs: Vec<(u64, u64)> = self.ambiguity.iter().map(|(&a, &b)| (a, b)).collect();
        file.put_pairs("ambiguity", &pairs);
        file
    }

    /// The tag set: a tag id is an index into it.
    pub fn tags(&self) -> &[PosTag] {
        &self.tags
    }

    /// The ambiguity class of each word (a hash of the tags it takes in the training
    /// data), which the parser reads too.
    pub fn classes(&self, atoms: &[WordAtoms]) -> Vec<u64> {
        classes_of(&self.ambiguity, atoms)
    }

    /// Tags a sentence: one tag id per word.
    pub fn tag(&self, atoms: &[WordAtoms]) -> Vec<u16> {
        self.tag_with_doubts(atoms).0
    }

    /// Tags a sentence, and gives for each word the runner-up tag when the tagger
    /// hesitated (its own tag when it did not). The parser reads both, so that a close
    /// call between a noun and a verb is not taken for certain.
    pub fn tag_with_doubts(&self, atoms: &[WordAtoms]) -> (Vec<u16>, Vec<u16>) {
        OWN_SCORES.with(|cell| match cell.try_borrow_mut() {
            Ok(mut kept) => self.tag_keeping(atoms, &mut kept),
            Err(_) => self.tag_keeping(atoms, &mut OwnScores::default()),
        })
    }

    fn tag_keeping(&self, atoms: &[WordAtoms], kept: &mut OwnScores) -> (Vec<u16>, Vec<u16>) {
        if kept.owner != self.id || kept.index.len() >= OWN_SCORES_KEPT {
            kept.index.clear();
            kept.scores.clear();
            kept.owner = self.id;
        }
        let n = self.weights.classes();
        let mut tags: Vec<u16> = Vec::with_capacity(atoms.len());
        let mut doubts = Vec::with_capacity(atoms.len());
        let mut features = Vec::new();
        let mut scores = Vec::new();
        let classes = classes_of(&self.ambiguity, atoms);
        for (i, a) in atoms.iter().enumerate() {
            let key = own_key(a, classes[i]);
            let own = match kept.index.get(&key) {
                Some(&at) => at,
                None => {
                    features.clear();
                    own_features(a, classes[i], &mut features);
                    self.weights.scores(&features, &mut scores);
                    let at = kept.scores.len();
                    kept.scores.extend_from_slice(&scores);
                    kept.index.insert(key, at);
                    at
                }
            };
            let prev = [
                i.checked_sub(1).map(|k| tags[k]),
                i.checked_sub(2).map(|k| tags[k]),
            ];
            features.clear();
            context_features(atoms, &classes, i, prev, &mut features);
            self.weights.scores(&features, &mut scores);
            for (s, o) in scores.iter_mut().zip(&kept.scores[own..own + n]) {
                *s += o;
            }
            let best = best_of(&scores, |_| true).unwrap_or(0);
            let second = best_of(&scores, |k| k != best).unwrap_or(best);
            let margin = (scores[best] - scores[second]) as f32 * self.weights.scale();
            tags.push(best as u16);
            doubts.push(if margin < HESITATION { second } else { best } as u16);
        }
        (tags, doubts)
    }
}

/// A margin (in averaged perceptron units) under which the tagger hesitated.
const HESITATION: f32 = 2.0;

/// A sentence to learn tags from.
#[derive(Debug, Clone)]
pub struct TaggedSentence {
    /// The word atoms.
    pub atoms: Vec<WordAtoms>,
    /// The gold tag ids.
    pub tags: Vec<u16>,
}

/// Trains a tagger: passes over the sentences in an order shuffled by the seed, then
/// averaged. `report`, if given, gets the averaged tagger after every pass.
pub fn train_tagger(
    tags: Vec<PosTag>,
    sentences: &[TaggedSentence],
    training: &Training,
    mut report: Report<'_, Tagger>,
) -> Tagger {
    let mut model = Perceptron::new(tags.len());
    let ambiguity = ambiguity_classes(sentences);
    let classes: Vec<Vec<u64>> = sentences
        .iter()
        .map(|s| classes_of(&ambiguity, &s.atoms))
        .collect();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(training.seed);
    let mut features = Vec::new();
    let mut scores = Vec::new();
    for epoch in 0..training.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &s in &order {
            let sentence = &sentences[s];
            let mut guessed: Vec<u16> = Vec::with_capacity(sentence.tags.len());
            for (i, &truth) in sentence.tags.iter().enumerate() {
                let prev = [
                    i.checked_sub(1).map(|k| guessed[k]),
                    i.checked_sub(2).map(|k| guessed[k]),
                ];
                tag_features(&sentence.atoms, &classes[s], i, prev, &mut features);
                model.tick();
                model.scores(&features, &mut scores);
                let guess = best_of(&scores, |_| true).unwrap_or(0);
                model.update(&features, usize::from(truth), guess);
                right += usize::from(guess == usize::from(truth));
                total += 1;
                guessed.push(guess as u16);
            }
        }
        if let Some(report) = report.as_mut() {
            let snapshot = Tagger {
                id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
                weights: model.average(training.min_weight),
                tags: tags.clone(),
                ambiguity: ambiguity.clone(),
            };
            report(epoch, right as f64 / total.max(1) as f64, &snapshot);
        }
    }
    Tagger {
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        weights: model.average(training.min_weight),
        tags,
        ambiguity,
    }
}
