//! Training the parser's network: the dynamic oracle of the transition system decides
//! which moves are right from wherever the parser stands, the network learns to give
//! them the probability (cross-entropy over the allowed moves, all right moves
//! together), and its labels for the arcs it gets right.
//!
//! Sentences are parsed in small batches in parallel with the parameters of the batch
//! start; their gradients are summed in sentence order and applied with Adam, so the
//! result does not depend on how many threads ran. Dropout (on the hidden layer, and
//! rare words replaced by their shape) keeps the network from learning the treebank by
//! heart.

use super::kernels::{axpy, dot};
use super::network::{
    Dims, FIRST_CLASS, FIRST_WORD, Inputs, KINDS, N_SLOTS, Network, Params, Vocabulary, inputs,
    shape_class, slot_kinds,
};
use super::state::{MOVES, State};
use super::{Context, ParseExample, Parser};
use crate::analyze::perceptron::{Report, Rng};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// How to train the network.
#[derive(Debug, Clone)]
pub struct NetworkTraining {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of initialization, shuffling, dropout and exploration.
    pub seed: u64,
    /// Vector sizes per kind (word, tag, label, class, extra).
    pub embed: [usize; KINDS],
    /// Hidden units.
    pub hidden: usize,
    /// Sentences per update.
    pub batch: usize,
    /// Adam's learning rate at the start…
    pub rate: f32,
    /// … multiplied by this after every epoch.
    pub decay: f32,
    /// The parameters shipped are an exponential moving average of the trained ones,
    /// with this weight on the past (0 = the last ones).
    pub average: f32,
    /// Dropout on the hidden layer.
    pub dropout: f32,
    /// Rare words are replaced by their shape with probability `alpha / (alpha + count)`.
    pub word_dropout: f32,
    /// From this epoch on, follow the network's own wrong moves…
    pub explore_from: usize,
    /// … with this probability.
    pub explore: f64,
}

impl Default for NetworkTraining {
    fn default() -> Self {
        Self {
            epochs: 7,
            seed: 1,
            embed: [64, 24, 24, 16, 8],
            hidden: 256,
            batch: 8,
            rate: 1e-3,
            decay: 0.8,
            average: 0.999,
            dropout: 0.3,
            word_dropout: 0.25,
            explore_from: 2,
            explore: 0.9,
        }
    }
}

/// Gradients of one sentence (or a batch): dense for the layers, by row for the vectors.
struct Grads {
    embed: [BTreeMap<u32, Vec<f32>>; KINDS],
    w1: Vec<f32>,
    b1: Vec<f32>,
    wm: Vec<f32>,
    bm: Vec<f32>,
    wl: Vec<f32>,
    bl: Vec<f32>,
}

impl Grads {
    fn zeros(p: &Params) -> Self {
        Self {
            embed: Default::default(),
            w1: vec![0.0; p.w1.len()],
            b1: vec![0.0; p.b1.len()],
            wm: vec![0.0; p.wm.len()],
            bm: vec![0.0; p.bm.len()],
            wl: vec![0.0; p.wl.len()],
            bl: vec![0.0; p.bl.len()],
        }
    }

    fn add(&mut self, other: &Grads) {
        for (a, b) in [
            (&mut self.w1, &other.w1),
            (&mut self.b1, &other.b1),
            (&mut self.wm, &other.wm),
            (&mut self.bm, &other.bm),
            (&mut self.wl, &other.wl),
            (&mut self.bl, &other.bl),
        ] {
            super::kernels::add(a, b);
        }
        for (mine, theirs) in self.embed.iter_mut().zip(&other.embed) {
            for (row, g) in theirs {
                match mine.get_mut(row) {
                    Some(m) => super::kernels::add(m, g),
                    None => {
                        mine.insert(*row, g.clone());
                    }
                }
            }
        }
    }
}

/// Adam's moments for every parameter.
struct Adam {
    m: Params,
    v: Params,
    step: i32,
}

fn adam_update(
    p: &mut [f32],
    g: &[f32],
    m: &mut [f32],
    v: &mut [f32],
    rate: f32,
    c1: f32,
    c2: f32,
) {
    const B1: f32 = 0.9;
    const B2: f32 = 0.999;
    for k in 0..p.len() {
        m[k] = B1 * m[k] + (1.0 - B1) * g[k];
        v[k] = B2 * v[k] + (1.0 - B2) * g[k] * g[k];
        p[k] -= rate * (m[k] / c1) / ((v[k] / c2).sqrt() + 1e-8);
    }
}

impl Adam {
    fn new(p: &Params) -> Self {
        let zero = |v: &Vec<f32>| vec![0.0; v.len()];
        let zeros = Params {
            embed: std::array::from_fn(|k| zero(&p.embed[k])),
            w1: zero(&p.w1),
            b1: zero(&p.b1),
            wm: zero(&p.wm),
            bm: zero(&p.bm),
            wl: zero(&p.wl),
            bl: zero(&p.bl),
        };
        Self {
            m: zeros.clone(),
            v: zeros,
            step: 0,
        }
    }

    fn apply(&mut self, p: &mut Params, g: &Grads, dims: &Dims, rate: f32) {
        self.step += 1;
        let c1 = 1.0 - 0.9f32.powi(self.step);
        let c2 = 1.0 - 0.999f32.powi(self.step);
        adam_update(
            &mut p.w1,
            &g.w1,
            &mut self.m.w1,
            &mut self.v.w1,
            rate,
            c1,
            c2,
        );
        adam_update(
            &mut p.b1,
            &g.b1,
            &mut self.m.b1,
            &mut self.v.b1,
            rate,
            c1,
            c2,
        );
        adam_update(
            &mut p.wm,
            &g.wm,
            &mut self.m.wm,
            &mut self.v.wm,
            rate,
            c1,
            c2,
        );
        adam_update(
            &mut p.bm,
            &g.bm,
            &mut self.m.bm,
            &mut self.v.bm,
            rate,
            c1,
            c2,
        );
        adam_update(
            &mut p.wl,
            &g.wl,
            &mut self.m.wl,
            &mut self.v.wl,
            rate,
            c1,
            c2,
        );
        adam_update(
            &mut p.bl,
            &g.bl,
            &mut self.m.bl,
            &mut self.v.bl,
            rate,
            c1,
            c2,
        );
        for kind in 0..KINDS {
            let d = dims.embed[kind];
            for (&row, grad) in &g.embed[kind] {
                let at = row as usize * d..(row as usize + 1) * d;
                adam_update(
                    &mut p.embed[kind][at.clone()],
                    grad,
                    &mut self.m.embed[kind][at.clone()],
                    &mut self.v.embed[kind][at],
                    rate,
                    c1,
                    c2,
                );
            }
        }
    }
}

/// Builds the vocabulary: words seen twice or more, classes seen ten times or more.
fn vocabulary(examples: &[ParseExample], n_tags: u32) -> (Vocabulary, Vec<u32>) {
    let mut words: BTreeMap<u64, u32> = BTreeMap::new();
    let mut classes: BTreeMap<u64, u32> = BTreeMap::new();
    for ex in examples {
        for a in &ex.atoms {
            *words.entry(a.lower).or_default() += 1;
        }
        for &c in &ex.classes {
            *classes.entry(c).or_default() += 1;
        }
    }
    // The most frequent words first: the parser caches what the first ids contribute.
    let mut frequent: Vec<(u64, u32)> = words.into_iter().filter(|&(_, n)| n >= 2).collect();
    frequent.sort_by_key(|&(h, n)| (std::cmp::Reverse(n), h));
    let mut counts = vec![0; FIRST_WORD as usize];
    let mut word_ids = HashMap::new();
    for (h, n) in frequent {
        word_ids.insert(h, FIRST_WORD + word_ids.len() as u32);
        counts.push(n);
    }
    let mut class_ids = HashMap::new();
    for (&h, _) in classes.iter().filter(|&(_, &n)| n >= 10) {
        class_ids.insert(h, FIRST_CLASS + class_ids.len() as u32);
    }
    let vocabulary = Vocabulary {
        n_words: FIRST_WORD + word_ids.len() as u32,
        n_classes: FIRST_CLASS + class_ids.len() as u32,
        words: word_ids,
        classes: class_ids,
        n_tags,
    };
    (vocabulary, counts)
}

fn uniform(rng: &mut Rng, n: usize, scale: f32) -> Vec<f32> {
    (0..n)
        .map(|_| ((rng.next_u64() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * scale)
        .collect()
}

/// What one sentence taught: its gradients, and how many heads it got right.
struct SentenceResult {
    grads: Grads,
    right: usize,
    total: usize,
}

struct Trainer<'a> {
    net: &'a Network,
    options: &'a NetworkTraining,
    counts: &'a [u32],
    root: u16,
    explore: bool,
}

impl Trainer<'_> {
    fn sentence(&self, ex: &ParseExample, seed: u64) -> SentenceResult {
        let net = self.net;
        let dims = &net.dims;
        let h = dims.hidden;
        let mut rng = Rng::new(seed);
        let mut grads = Grads::zeros(&net.params);
        let context = Context {
            atoms: &ex.atoms,
            tags: &ex.tags,
            classes: &ex.classes,
            doubts: &ex.doubts,
        };
        let alpha = self.options.word_dropout;
        let word_ids: Vec<u32> = net
            .vocabulary
            .word_ids(&context)
            .into_iter()
            .zip(&ex.atoms)
            .map(|(id, a)| {
                let count = self.counts.get(id as usize).copied().unwrap_or(0) as f32;
                let keep = count / (count + alpha);
                if id >= FIRST_WORD && ((rng.next_u64() >> 40) as f32 / (1u64 << 24) as f32) > keep
                {
                    shape_class(a.flags)
                } else {
                    id
                }
            })
            .collect();
        let class_ids = net.vocabulary.class_ids(&context);
        let kinds = slot_kinds();
        let n = ex.atoms.len();
        let mut s = State::new(n);
        let mut x = vec![0f32; dims.input()];
        let mut pre = vec![0f32; h];
        let mut hidden = vec![0f32; h];
        let mut mask = vec![0f32; h];
        let mut g_h = vec![0f32; h];
        let mut label_scores = Vec::new();
        let keep = 1.0 - self.options.dropout;
        while !s.is_final() {
            let ids: Inputs = inputs(&s, &context, &word_ids, &class_ids);
            // Forward: the input vector, the hidden layer with dropout, the move scores.
            let mut at = 0;
            for (slot, &id) in ids.iter().enumerate() {
                let kind = kinds[slot] as usize;
                let d = dims.embed[kind];
                x[at..at + d].copy_from_slice(
                    &net.params.embed[kind][id as usize * d..(id as usize + 1) * d],
                );
                at += d;
            }
            pre.copy_from_slice(&net.params.b1);
            for (i, &xi) in x.iter().enumerate() {
                axpy(&mut pre, xi, &net.params.w1[i * h..(i + 1) * h]);
            }
            for j in 0..h {
                let dropped = ((rng.next_u64() >> 40) as f32 / (1u64 << 24) as f32) >= keep;
                mask[j] = if pre[j] > 0.0 && !dropped {
                    1.0 / keep
                } else {
                    0.0
                };
                hidden[j] = pre[j] * mask[j];
            }
            let scores = net.move_scores(&hidden);
            let costs: Vec<Option<usize>> = MOVES
                .iter()
                .map(|&m| s.allows(m).then(|| s.cost(m, &ex.heads)))
                .collect();
            let cheapest = costs.iter().flatten().min().copied().unwrap_or(0);
            let best = (0..4)
                .filter(|&k| costs[k].is_some())
                .fold(None, |b: Option<usize>, k| match b {
                    Some(b) if scores[b] >= scores[k] => Some(b),
                    _ => Some(k),
                })
                .expect("a move is allowed");
            // Softmax over the allowed moves; the right ones share the target.
            let top = (0..4)
                .filter(|&k| costs[k].is_some())
                .map(|k| scores[k])
                .fold(f32::MIN, f32::max);
            let mut p = [0f32; 4];
            for k in 0..4 {
                if costs[k].is_some() {
                    p[k] = (scores[k] - top).exp();
                }
            }
            let z: f32 = p.iter().sum();
            let right_mass: f32 = (0..4)
                .filter(|&k| costs[k] == Some(cheapest))
                .map(|k| p[k])
                .sum();
            let mut g_moves = [0f32; 4];
            for k in 0..4 {
                if costs[k].is_some() {
                    let q = if costs[k] == Some(cheapest) {
                        p[k] / right_mass
                    } else {
                        0.0
                    };
                    g_moves[k] = p[k] / z - q;
                }
            }
            g_h.fill(0.0);
            for (m, &g) in g_moves.iter().enumerate() {
                if g != 0.0 {
                    axpy(&mut g_h, g, &net.params.wm[m * h..(m + 1) * h]);
                    axpy(&mut grads.wm[m * h..(m + 1) * h], g, &hidden);
                    grads.bm[m] += g;
                }
            }
            // Follow the best move when it is right, else a right one or (exploring) it.
            let gold_best = (0..4)
                .filter(|&k| costs[k] == Some(cheapest))
                .fold(None, |b: Option<usize>, k| match b {
                    Some(b) if scores[b] >= scores[k] => Some(b),
                    _ => Some(k),
                })
                .unwrap_or(best);
            let follow = if costs[best] == Some(cheapest)
                || self.explore && (rng.next_u64() % 1_000_000) as f64 / 1e6 < self.options.explore
            {
                best
            } else {
                gold_best
            };
            let m = MOVES[follow];
            let mut label = 0;
            if let Some((head, child)) = s.arc_of(m) {
                if head as usize == n {
                    label = self.root;
                } else {
                    let left = child < head;
                    let d = usize::from(!left);
                    let l = dims.labels;
                    net.label_scores(&hidden, left, &mut label_scores);
                    let guess = (0..l)
                        .filter(|&k| k != usize::from(self.root))
                        .fold(0, |b, k| {
                            if label_scores[k] > label_scores[b] || b == usize::from(self.root) {
                                k
                            } else {
                                b
                            }
                        });
                    label = guess as u16;
                    if ex.heads[child as usize] == head {
                        let gold = usize::from(ex.labels[child as usize]);
                        let top = label_scores.iter().copied().fold(f32::MIN, f32::max);
                        let exp: Vec<f32> = label_scores.iter().map(|v| (v - top).exp()).collect();
                        let z: f32 = exp.iter().sum();
                        for (k, &e) in exp.iter().enumerate() {
                            let g = e / z - if k == gold { 1.0 } else { 0.0 };
                            let row = (d * l + k) * h;
                            axpy(&mut g_h, g, &net.params.wl[row..row + h]);
                            axpy(&mut grads.wl[row..row + h], g, &hidden);
                            grads.bl[d * l + k] += g;
                        }
                    }
                }
            }
            // Backward through the rectifier and dropout, into the first layer and the vectors.
            for j in 0..h {
                g_h[j] *= mask[j];
            }
            super::kernels::add(&mut grads.b1, &g_h);
            let mut at = 0;
            for (slot, &id) in ids.iter().enumerate() {
                let kind = kinds[slot] as usize;
                let d = dims.embed[kind];
                let row = grads.embed[kind].entry(id).or_insert_with(|| vec![0.0; d]);
                for (k, r) in row.iter_mut().enumerate() {
                    let i = at + k;
                    axpy(&mut grads.w1[i * h..(i + 1) * h], x[i], &g_h);
                    *r += dot(&net.params.w1[i * h..(i + 1) * h], &g_h);
                }
                at += d;
            }
            s.apply(m, label);
        }
        let right = ex
            .heads
            .iter()
            .enumerate()
            .filter(|&(k, &hd)| s.heads[k] == hd)
            .count();
        SentenceResult {
            grads,
            right,
            total: n,
        }
    }
}

/// Trains a parser whose moves and labels a network scores.
pub fn train_network(
    labels: Vec<String>,
    n_tags: usize,
    examples: &[ParseExample],
    options: &NetworkTraining,
    mut report: Report<'_, Parser>,
) -> Parser {
    let root = labels
        .iter()
        .position(|l| l == "root")
        .expect("a root label") as u16;
    let (vocabulary, counts) = vocabulary(examples, n_tags as u32);
    let dims = Dims {
        embed: options.embed,
        hidden: options.hidden,
        labels: labels.len(),
    };
    let sizes = vocabulary.sizes(labels.len());
    let mut rng = Rng::new(options.seed);
    let input = dims.input();
    let glorot = |fan_in: usize, fan_out: usize| (6.0 / (fan_in + fan_out) as f32).sqrt();
    let params = Params {
        embed: std::array::from_fn(|k| uniform(&mut rng, sizes[k] * options.embed[k], 0.1)),
        w1: uniform(
            &mut rng,
            input * options.hidden,
            glorot(input, options.hidden),
        ),
        b1: vec![0.0; options.hidden],
        wm: uniform(
            &mut rng,
            MOVES.len() * options.hidden,
            glorot(options.hidden, MOVES.len()),
        ),
        bm: vec![0.0; MOVES.len()],
        wl: uniform(
            &mut rng,
            2 * labels.len() * options.hidden,
            glorot(options.hidden, labels.len()),
        ),
        bl: vec![0.0; 2 * labels.len()],
    };
    let mut net = Network {
        vocabulary,
        dims,
        params,
    };
    let mut adam = Adam::new(&net.params);
    let mut averaged = net.params.clone();
    let mut rate = options.rate;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    debug_assert_eq!(N_SLOTS, super::network::SLOTS.iter().sum::<usize>());
    for epoch in 0..options.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0, 0);
        for (b, batch) in order.chunks(options.batch.max(1)).enumerate() {
            let trainer = Trainer {
                net: &net,
                options,
                counts: &counts,
                root,
                explore: epoch >= options.explore_from,
            };
            let results: Vec<SentenceResult> = batch
                .par_iter()
                .map(|&k| {
                    let seed =
                        options.seed ^ ((epoch as u64) << 40) ^ ((b as u64) << 20) ^ k as u64;
                    trainer.sentence(&examples[k], seed.wrapping_mul(0x9e37_79b9_7f4a_7c15))
                })
                .collect();
            let mut sum = Grads::zeros(&net.params);
            for r in &results {
                sum.add(&r.grads);
                right += r.right;
                total += r.total;
            }
            adam.apply(&mut net.params, &sum, &net.dims, rate);
            // Early on the average would mostly remember the random start.
            let beta = options
                .average
                .min(1.0 - 1.0 / (1.0 + adam.step as f32 / 10.0));
            blend(&mut averaged, &net.params, beta);
        }
        rate *= options.decay;
        if let Some(report) = report.as_mut() {
            let snapshot = Network {
                params: averaged.clone(),
                ..net.clone()
            };
            let snapshot = Parser::new(snapshot, labels.clone()).expect("labels and network agree");
            report(epoch, right as f64 / total.max(1) as f64, &snapshot);
        }
    }
    net.params = averaged;
    Parser::new(net, labels).expect("labels and network agree")
}

/// `average = beta · average + (1 − beta) · current`, parameter by parameter.
fn blend(average: &mut Params, current: &Params, beta: f32) {
    let pairs = average.embed.iter_mut().zip(&current.embed).chain([
        (&mut average.w1, &current.w1),
        (&mut average.b1, &current.b1),
        (&mut average.wm, &current.wm),
        (&mut average.bm, &current.bm),
        (&mut average.wl, &current.wl),
        (&mut average.bl, &current.bl),
    ]);
    for (a, c) in pairs {
        for (a, c) in a.iter_mut().zip(c) {
            *a = beta * *a + (1.0 - beta) * c;
        }
    }
}
