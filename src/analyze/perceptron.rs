//! The averaged perceptron every model of `analyze` is trained as (Collins 2002).
//!
//! Weights are integers while training (each update adds or takes one), so training
//! is exact arithmetic: the same data in the same order gives the same weights on any
//! machine. The average over all steps, computed lazily per weight, is what ships.

use super::weights::Weights;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Feature hashes are already well mixed: the map uses them as they are.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    class: u16,
    weight: i32,
    /// The sum of the weight over all steps up to `stamp`.
    total: i64,
    stamp: u64,
}

/// How to train a model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Training {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffling (and of the parser's exploration).
    pub seed: u64,
    /// Averaged weights smaller than this are dropped.
    pub min_weight: f64,
}

/// Called after each epoch with the epoch, the accuracy on the training data and
/// (when asked for) the model averaged so far.
pub type Report<'a, M> = Option<&'a mut dyn FnMut(usize, f64, &M)>;

/// A multi-class averaged perceptron over hashed features.
#[derive(Debug)]
pub struct Perceptron {
    classes: usize,
    rows: HashMap<u64, Vec<Cell>, BuildHasherDefault<Identity>>,
    time: u64,
}

impl Perceptron {
    /// A perceptron with all weights zero.
    pub fn new(classes: usize) -> Self {
        Self {
            classes,
            rows: HashMap::default(),
            time: 0,
        }
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The current (not averaged) scores of `features`.
    pub fn scores(&self, features: &[u64], scores: &mut Vec<i64>) {
        scores.clear();
        scores.resize(self.classes, 0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for c in row {
                    scores[usize::from(c.class)] += i64::from(c.weight);
                }
            }
        }
    }

    /// The best class among those `allowed`, by current scores; ties go to the
    /// lowest class, so decisions are deterministic.
    pub fn best(&self, features: &[u64], allowed: impl Fn(usize) -> bool) -> Option<usize> {
        let mut scores = Vec::new();
        self.scores(features, &mut scores);
        best_of(&scores, allowed)
    }

    /// Moves one step: call once per training decision, before `update`.
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Rewards `truth` and penalizes `guess` on `features` (nothing if they agree).
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let time = self.time;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            for (class, delta) in [(truth, 1), (guess, -1)] {
                let class = class as u16;
                let cell = match row.iter_mut().position(|c| c.class == class) {
                    Some(k) => &mut row[k],
                    None => {
                        row.push(Cell {
                            class,
                            weight: 0,
                            total: 0,
                            stamp: time,
                        });
                        row.last_mut().expect("just pushed")
                    }
                };
                cell.total += i64::from(cell.weight) * (time - cell.stamp) as i64;
                cell.stamp = time;
                cell.weight += delta;
            }
        }
    }

    /// The averaged weights, without those smaller than `min_weight` in magnitude
    /// (pruning: they change few decisions and cost space).
    pub fn average(&self, min_weight: f64) -> Weights {
        let time = self.time.max(1);
        let mut rows: Vec<(u64, Vec<(u16, f64)>)> = self
            .rows
            .iter()
            .map(|(&f, cells)| {
                let mut row: Vec<(u16, f64)> = cells
                    .iter()
                    .map(|c| {
                        let total = c.total + i64::from(c.weight) * (time - c.stamp) as i64;
                        (c.class, total as f64 / time as f64)
                    })
                    .filter(|(_, w)| w.abs() >= min_weight && *w != 0.0)
                    .collect();
                row.sort_by_key(|&(c, _)| c);
                (f, row)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        rows.sort_by_key(|&(f, _)| f);
        Weights::from_rows(self.classes, &rows)
    }
}

/// The index of the highest score among the allowed classes; ties go to the lowest.
pub fn best_of<T: PartialOrd + Copy>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (k, &s) in scores.iter().enumerate() {
        if allowed(k) && best.is_none_or(|(_, b)| s > b) {
            best = Some((k, s));
        }
    }
    best.map(|(k, _)| k)
}

/// A small deterministic random number generator (xorshift64*), for shuffling
/// training data and exploring: training must give the same bytes on every run.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Shuffles a slice (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_averages() {
        // Feature 1 means class 0, feature 2 class 1; feature 3 is noise.
        let data = [(vec![1, 3], 0), (vec![2, 3], 1), (vec![1], 0), (vec![2], 1)];
        let mut p = Perceptron::new(2);
        for _ in 0..5 {
            for (f, y) in &data {
                p.tick();
                let guess = p.best(f, |_| true).unwrap();
                p.update(f, *y, guess);
            }
        }
        let w = p.average(0.0);
        let mut s = Vec::new();
        for (f, y) in &data {
            w.scores(f, &mut s);
            assert_eq!(best_of(&s, |_| true), Some(*y));
        }
    }

    #[test]
    fn training_is_deterministic() {
        let run = || {
            let mut p = Perceptron::new(3);
            let mut rng = Rng::new(7);
            for _ in 0..200 {
                let f = vec![rng.below(10) as u64, 100 + rng.below(5) as u64];
                let y = (f[0] % 3) as usize;
                p.tick();
                let g = p.best(&f, |_| true).unwrap();
                p.update(&f, y, g);
            }
            p.average(0.01)
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn ties_go_to_the_lowest_allowed_class() {
        assert_eq!(best_of(&[1, 3, 3], |_| true), Some(1));
        assert_eq!(best_of(&[1, 3, 3], |k| k != 1), Some(2));
        assert_eq!(best_of::<i32>(&[1], |_| false), None);
    }
}
