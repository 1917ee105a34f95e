//! A feed-forward network that scores the parser's moves and labels its arcs (Chen and
//! Manning 2014): the words, tags, labels and ambiguity classes around the stack and
//! the buffer are looked up as small dense vectors, concatenated, passed through one
//! hidden layer of rectified units, and read out as a score per move and per label.
//!
//! Dense vectors let words and tags that behave alike share what is learned, which a
//! linear model over sparse features cannot; the hidden layer combines them without
//! hand-written feature conjunctions.

use super::Context;
use super::kernels::{axpy, dot};
use super::state::{MOVES, NONE, State};
use crate::analyze::weights::{ModelError, ModelFile};
use std::collections::HashMap;

/// What a slot of the input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word (lower case).
    Word = 0,
    /// A tag.
    Tag = 1,
    /// An arc label.
    Label = 2,
    /// A word's ambiguity class.
    Class = 3,
    /// Distance, valency and the like.
    Extra = 4,
}

/// The number of kinds.
pub const KINDS: usize = 5;

/// Slots per kind.
pub const SLOTS: [usize; KINDS] = [12, 19, 8, 3, 5];

/// All slots.
pub const N_SLOTS: usize = 12 + 19 + 8 + 3 + 5;

/// Ids every vocabulary starts with.
pub const ABSENT: u32 = 0;
/// The root node (words, tags, classes), or a node without a label yet (labels).
pub const ROOT: u32 = 1;
/// Unknown words start here, one id per shape ([`shape_class`]).
const UNKNOWN: u32 = 2;
/// Shapes of unknown words.
const SHAPES: u32 = 6;

/// The sizes of the vocabularies of the extra features: distance, whether S0 has a
/// head, valencies of S0 (left, right) and N0 (left). Each is offset in one table.
const EXTRA_SIZES: [u32; 5] = [9, 3, 6, 6, 6];

fn extra_offset(k: usize) -> u32 {
    EXTRA_SIZES[..k].iter().sum()
}

/// The shape class of an unknown word, from its flags.
pub fn shape_class(flags: u32) -> u32 {
    use crate::analyze::features::flag;
    let class = if flags & flag::DIGIT != 0 {
        3
    } else if flags & flag::PUNCT != 0 {
        4
    } else if flags & flag::UPPER != 0 {
        2
    } else if flags & flag::TITLE != 0 {
        1
    } else if flags & flag::HYPHEN != 0 {
        5
    } else {
        0
    };
    UNKNOWN + class
}

/// The sizes of the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dims {
    /// Dimension of each kind's vectors.
    pub embed: [usize; KINDS],
    /// Hidden units.
    pub hidden: usize,
    /// Arc labels.
    pub labels: usize,
}

impl Dims {
    /// The length of the concatenated input.
    pub fn input(&self) -> usize {
        (0..KINDS).map(|k| SLOTS[k] * self.embed[k]).sum()
    }
}

/// Turns the words, tags and ambiguity classes of a sentence into vocabulary ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocabulary {
    /// Lower-case word hash → id.
    pub words: HashMap<u64, u32>,
    /// Ambiguity class hash → id.
    pub classes: HashMap<u64, u32>,
    /// Number of word ids.
    pub n_words: u32,
    /// Number of class ids.
    pub n_classes: u32,
    /// Number of tags (ids are tag + 2).
    pub n_tags: u32,
}

/// A network's parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// One table of vectors per kind, rows of `embed[kind]`.
    pub embed: [Vec<f32>; KINDS],
    /// Input → hidden, one row of `hidden` per input dimension.
    pub w1: Vec<f32>,
    /// Hidden bias.
    pub b1: Vec<f32>,
    /// Hidden → moves, one row of `hidden` per move.
    pub wm: Vec<f32>,
    /// Move bias.
    pub bm: Vec<f32>,
    /// Hidden → labels, per direction (0 = the child is on the left), one row of
    /// `hidden` per label.
    pub wl: Vec<f32>,
    /// Label bias, per direction.
    pub bl: Vec<f32>,
}

/// The network: vocabulary, sizes and parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Ids of words and classes.
    pub vocabulary: Vocabulary,
    /// Sizes.
    pub dims: Dims,
    /// Parameters.
    pub params: Params,
}

/// The vocabulary ids of every slot of a configuration.
pub type Inputs = [u32; N_SLOTS];

/// Reads the input ids of a configuration. `word_ids` and `class_ids` are the sentence's
/// word and class ids, computed once.
pub fn inputs(s: &State, c: &Context<'_>, word_ids: &[u32], class_ids: &[u32]) -> Inputs {
    let n = s.len() as u32;
    let head = |x: u32| if x == NONE { NONE } else { s.heads[x as usize] };
    let child = |x: u32, left: bool, k: usize| {
        if x == NONE {
            NONE
        } else if left {
            s.lefts[x as usize][k]
        } else {
            s.rights[x as usize][k]
        }
    };
    let (s0, s1, s2) = (s.stack_at(0), s.stack_at(1), s.stack_at(2));
    let (b0, b1, b2) = (s.buffer_at(0), s.buffer_at(1), s.buffer_at(2));
    let s0h = head(s0);
    let s0h2 = head(s0h);
    let (s0l, s0l2) = (child(s0, true, 0), child(s0, true, 1));
    let (s0r, s0r2) = (child(s0, false, 0), child(s0, false, 1));
    let (b0l, b0l2) = (child(b0, true, 0), child(b0, true, 1));
    let (s1l, s1r) = (child(s1, true, 0), child(s1, false, 0));
    let node_id = |x: u32, ids: &[u32]| {
        if x == NONE {
            ABSENT
        } else if x == n {
            ROOT
        } else {
            ids[x as usize]
        }
    };
    let word = |x: u32| node_id(x, word_ids);
    let class = |x: u32| node_id(x, class_ids);
    let tag_of = |x: u32, tags: &[u16]| {
        if x == NONE {
            ABSENT
        } else if x == n {
            ROOT
        } else {
            u32::from(tags[x as usize]) + 2
        }
    };
    let tag = |x: u32| tag_of(x, c.tags);
    let doubt = |x: u32| tag_of(x, c.doubts);
    let label = |x: u32| {
        if x == NONE || x == n {
            ABSENT
        } else if s.heads[x as usize] == NONE {
            ROOT
        } else {
            u32::from(s.labels[x as usize]) + 2
        }
    };
    let distance = if s0 == NONE || b0 == NONE {
        8
    } else {
        match b0 - s0 {
            d @ 0..=4 => d,
            5..=6 => 5,
            7..=10 => 6,
            _ => 7,
        }
    };
    let valency = |x: u32, k: usize| {
        if x == NONE {
            5
        } else {
            u32::from(s.valency[x as usize][k].min(4))
        }
    };
    let has_head = if s0 == NONE {
        2
    } else {
        u32::from(s0h != NONE)
    };
    [
        // words
        word(s0),
        word(s1),
        word(s2),
        word(b0),
        word(b1),
        word(b2),
        word(s0h),
        word(s0l),
        word(s0r),
        word(b0l),
        word(s0l2),
        word(s0r2),
        // tags
        tag(s0),
        tag(s1),
        tag(s2),
        tag(b0),
        tag(b1),
        tag(b2),
        tag(s0h),
        tag(s0l),
        tag(s0r),
        tag(b0l),
        tag(s0l2),
        tag(s0r2),
        tag(s0h2),
        tag(b0l2),
        tag(s1l),
        tag(s1r),
        // what the tagger hesitated over
        doubt(s0),
        doubt(b0),
        doubt(b1),
        // labels
        label(s0),
        label(s0l),
        label(s0r),
        label(b0l),
        label(s0l2),
        label(s0r2),
        label(b0l2),
        label(s1r),
        // classes
        class(s0),
        class(b0),
        class(b1),
        // extras
        extra_offset(0) + distance,
        extra_offset(1) + has_head,
        extra_offset(2) + valency(s0, 0),
        extra_offset(3) + valency(s0, 1),
        extra_offset(4) + valency(b0, 0),
    ]
}

/// The kind of each slot, in order.
pub fn slot_kinds() -> [Kind; N_SLOTS] {
    let mut kinds = [Kind::Word; N_SLOTS];
    let all = [Kind::Word, Kind::Tag, Kind::Label, Kind::Class, Kind::Extra];
    let mut at = 0;
    for (k, kind) in all.into_iter().enumerate() {
        for _ in 0..SLOTS[k] {
            kinds[at] = kind;
            at += 1;
        }
    }
    kinds
}

impl Vocabulary {
    /// The word ids of a sentence.
    pub fn word_ids(&self, c: &Context<'_>) -> Vec<u32> {
        c.atoms
            .iter()
            .map(|a| {
                self.words
                    .get(&a.lower)
                    .copied()
                    .unwrap_or_else(|| shape_class(a.flags))
            })
            .collect()
    }

    /// The ambiguity class ids of a sentence.
    pub fn class_ids(&self, c: &Context<'_>) -> Vec<u32> {
        c.classes
            .iter()
            .map(|h| self.classes.get(h).copied().unwrap_or(UNKNOWN))
            .collect()
    }

    /// The number of ids of each kind.
    pub fn sizes(&self, labels: usize) -> [usize; KINDS] {
        [
            self.n_words as usize,
            self.n_tags as usize + 2,
            labels + 2,
            self.n_classes as usize,
            EXTRA_SIZES.iter().sum::<u32>() as usize,
        ]
    }
}

/// The first id of known words and known classes.
pub const FIRST_WORD: u32 = UNKNOWN + SHAPES;
/// The first id of known classes.
pub const FIRST_CLASS: u32 = UNKNOWN + 1;

impl Network {
    /// The hidden layer of a configuration, computed from scratch (training; the
    /// parser at run time sums cached rows instead).
    pub fn hidden(&self, inputs: &Inputs, hidden: &mut Vec<f32>) {
        let h = self.dims.hidden;
        hidden.clear();
        hidden.extend_from_slice(&self.params.b1);
        let kinds = slot_kinds();
        let mut row = 0;
        for (slot, &id) in inputs.iter().enumerate() {
            let kind = kinds[slot] as usize;
            let dim = self.dims.embed[kind];
            let vector = &self.params.embed[kind][id as usize * dim..(id as usize + 1) * dim];
            for (k, &x) in vector.iter().enumerate() {
                axpy(hidden, x, &self.params.w1[(row + k) * h..(row + k + 1) * h]);
            }
            row += dim;
        }
        for v in hidden.iter_mut() {
            *v = v.max(0.0);
        }
    }

    /// Move scores from a hidden layer.
    pub fn move_scores(&self, hidden: &[f32]) -> [f32; 4] {
        let h = self.dims.hidden;
        std::array::from_fn(|m| {
            self.params.bm[m] + dot(&self.params.wm[m * h..(m + 1) * h], hidden)
        })
    }

    /// Label scores from a hidden layer, for a child on the left (`left`) or right.
    pub fn label_scores(&self, hidden: &[f32], left: bool, scores: &mut Vec<f32>) {
        let (h, l) = (self.dims.hidden, self.dims.labels);
        let d = usize::from(!left);
        scores.clear();
        scores.extend((0..l).map(|k| {
            let row = (d * l + k) * h;
            self.params.bl[d * l + k] + dot(&self.params.wl[row..row + h], hidden)
        }));
    }

    /// Writes the network into a model file's sections.
    pub fn write(&self, file: &mut ModelFile) {
        let v = &self.vocabulary;
        let words: Vec<(u64, u64)> = v.words.iter().map(|(&h, &id)| (h, u64::from(id))).collect();
        file.put_pairs("words", &words);
        let classes: Vec<(u64, u64)> = v
            .classes
            .iter()
            .map(|(&h, &id)| (h, u64::from(id)))
            .collect();
        file.put_pairs("classes", &classes);
        let d = &self.dims;
        let mut sizes: Vec<String> = d.embed.iter().map(usize::to_string).collect();
        sizes.extend(
            [
                d.hidden,
                d.labels,
                v.n_words as usize,
                v.n_classes as usize,
                v.n_tags as usize,
            ]
            .map(|x| x.to_string()),
        );
        file.put_strings("dims", &sizes);
        let p = &self.params;
        for (k, table) in p.embed.iter().enumerate() {
            file.put_floats(&format!("embed{k}"), table);
        }
        file.put_floats("w1", &p.w1);
        file.put_floats("b1", &p.b1);
        file.put_floats("wm", &p.wm);
        file.put_floats("bm", &p.bm);
        file.put_floats("wl", &p.wl);
        file.put_floats("bl", &p.bl);
    }

    /// Reads a network from a model file.
    pub fn read(name: &str, file: &ModelFile) -> Result<Self, ModelError> {
        let error = |message: &str| ModelError {
            name: name.to_owned(),
            message: message.to_owned(),
        };
        let numbers: Vec<usize> = file
            .strings(name, "dims")?
            .iter()
            .map(|s| s.parse().map_err(|_| error("bad network sizes")))
            .collect::<Result<_, _>>()?;
        let [
            e0,
            e1,
            e2,
            e3,
            e4,
            hidden,
            labels,
            n_words,
            n_classes,
            n_tags,
        ] = numbers[..]
        else {
            return Err(error("bad network sizes"));
        };
        let ids = |section: &str| -> Result<HashMap<u64, u32>, ModelError> {
            Ok(file
                .pairs(name, section)?
                .into_iter()
                .map(|(h, id)| (h, id as u32))
                .collect())
        };
        let vocabulary = Vocabulary {
            words: ids("words")?,
            classes: ids("classes")?,
            n_words: n_words as u32,
            n_classes: n_classes as u32,
            n_tags: n_tags as u32,
        };
        let dims = Dims {
            embed: [e0, e1, e2, e3, e4],
            hidden,
            labels,
        };
        let sizes = vocabulary.sizes(labels);
        let floats = |section: &str, len: usize| -> Result<Vec<f32>, ModelError> {
            let v = file.floats(name, section)?;
            if v.len() == len {
                Ok(v)
            } else {
                Err(error(&format!("{section} has the wrong size")))
            }
        };
        let embed = [
            floats("embed0", sizes[0] * e0)?,
            floats("embed1", sizes[1] * e1)?,
            floats("embed2", sizes[2] * e2)?,
            floats("embed3", sizes[3] * e3)?,
            floats("embed4", sizes[4] * e4)?,
        ];
        if vocabulary
            .words
            .values()
            .any(|&id| id >= vocabulary.n_words)
            || vocabulary
                .classes
                .values()
                .any(|&id| id >= vocabulary.n_classes)
        {
            return Err(error("a vocabulary id past its table"));
        }
        let params = Params {
            embed,
            w1: floats("w1", dims.input() * hidden)?,
            b1: floats("b1", hidden)?,
            wm: floats("wm", MOVES.len() * hidden)?,
            bm: floats("bm", MOVES.len())?,
            wl: floats("wl", 2 * labels * hidden)?,
            bl: floats("bl", 2 * labels)?,
        };
        Ok(Self {
            vocabulary,
            dims,
            params,
        })
    }

    /// Adds `x`'s hidden-layer rows for one slot's vector into `out` (used to build
    /// caches: the contribution of an id in a slot is fixed).
    pub fn slot_contribution(&self, slot: usize, id: u32, out: &mut [f32]) {
        let h = self.dims.hidden;
        let kinds = slot_kinds();
        let kind = kinds[slot] as usize;
        let dim = self.dims.embed[kind];
        let row: usize = (0..slot).map(|s| self.dims.embed[kinds[s] as usize]).sum();
        let vector = &self.params.embed[kind][id as usize * dim..(id as usize + 1) * dim];
        for (k, &x) in vector.iter().enumerate() {
            axpy(out, x, &self.params.w1[(row + k) * h..(row + k + 1) * h]);
        }
    }
}
