//! Word classes learned from plain text: the exchange algorithm (Kneser and Ney 1993;
//! Martin, Liermann and Ney 1998) puts words into a fixed number of classes so that a
//! class bigram model predicts the text best. Words that occur in the same company end
//! up together ("Tuesday" with "Friday", "bank" with "firm"), so the models can treat a
//! rare word like the frequent ones of its class.
//!
//! Deterministic: words are visited by frequency, ties go to the lowest class, and the
//! objective is summed in a fixed order.

use std::collections::HashMap;

/// Learns `classes` classes over the words seen at least `min_count` times in
/// `sentences` (lower-case words), in `iterations` passes. Returns each word's class.
pub fn exchange_clusters(
    sentences: &[Vec<String>],
    classes: usize,
    iterations: usize,
    min_count: usize,
) -> HashMap<String, u16> {
    assert!((2..=u16::MAX as usize).contains(&classes));
    // Words by frequency (then spelling), the rare ones folded into one id.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in sentences {
        for w in s {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut words: Vec<(&str, usize)> = counts
        .iter()
        .filter(|&(_, &n)| n >= min_count)
        .map(|(&w, &n)| (w, n))
        .collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id: HashMap<&str, u32> = words
        .iter()
        .enumerate()
        .map(|(k, &(w, _))| (w, k as u32))
        .collect();
    let rare = words.len() as u32;
    let n_words = words.len() + 1;
    // Word bigrams, both ways.
    let mut pairs: HashMap<(u32, u32), u64> = HashMap::new();
    for s in sentences {
        let ids: Vec<u32> = s
            .iter()
            .map(|w| id.get(w.as_str()).copied().unwrap_or(rare))
            .collect();
        for p in ids.windows(2) {
            *pairs.entry((p[0], p[1])).or_default() += 1;
        }
    }
    let mut sorted: Vec<((u32, u32), u64)> = pairs.into_iter().collect();
    sorted.sort_unstable();
    let mut right: Vec<Vec<(u32, u64)>> = vec![Vec::new(); n_words];
    let mut left: Vec<Vec<(u32, u64)>> = vec![Vec::new(); n_words];
    let mut as_left = vec![0u64; n_words];
    let mut as_right = vec![0u64; n_words];
    for &((a, b), n) in &sorted {
        right[a as usize].push((b, n));
        left[b as usize].push((a, n));
        as_left[a as usize] += n;
        as_right[b as usize] += n;
    }
    let total: u64 = as_left.iter().sum();
    // x ln x, tabulated for the counts that occur.
    let table: Vec<f64> = (0..=total as usize + 1)
        .map(|x| {
            if x == 0 {
                0.0
            } else {
                x as f64 * (x as f64).ln()
            }
        })
        .collect();
    let f = |x: u64| table[x as usize];

    let c = classes;
    let mut class: Vec<usize> = (0..n_words).map(|w| w % c).collect();
    let mut bigram = vec![0u64; c * c];
    let mut class_left = vec![0u64; c];
    let mut class_right = vec![0u64; c];
    for &((a, b), n) in &sorted {
        bigram[class[a as usize] * c + class[b as usize]] += n;
    }
    for w in 0..n_words {
        class_left[class[w]] += as_left[w];
        class_right[class[w]] += as_right[w];
    }
    let mut to_right = vec![0u64; c];
    let mut from_left = vec![0u64; c];
    let mut touched_right: Vec<usize> = Vec::new();
    let mut touched_left: Vec<usize> = Vec::new();
    for _ in 0..iterations {
        let mut moved = 0;
        for w in 0..n_words {
            // The classes of w's neighbours, itself apart.
            let mut own = 0;
            for &(v, n) in &right[w] {
                if v as usize == w {
                    own += n;
                } else {
                    let h = class[v as usize];
                    if to_right[h] == 0 {
                        touched_right.push(h);
                    }
                    to_right[h] += n;
                }
            }
            for &(v, n) in &left[w] {
                if v as usize != w {
                    let g = class[v as usize];
                    if from_left[g] == 0 {
                        touched_left.push(g);
                    }
                    from_left[g] += n;
                }
            }
            touched_right.sort_unstable();
            touched_left.sort_unstable();
            // Take w out of its class.
            let a = class[w];
            for &h in &touched_right {
                bigram[a * c + h] -= to_right[h];
            }
            for &g in &touched_left {
                bigram[g * c + a] -= from_left[g];
            }
            bigram[a * c + a] -= own;
            class_left[a] -= as_left[w];
            class_right[a] -= as_right[w];
            // The class where it helps the model most.
            let gain = |b: usize| {
                let mut d = 0.0;
                for &h in &touched_right {
                    if h != b {
                        d += f(bigram[b * c + h] + to_right[h]) - f(bigram[b * c + h]);
                    }
                }
                for &g in &touched_left {
                    if g != b {
                        d += f(bigram[g * c + b] + from_left[g]) - f(bigram[g * c + b]);
                    }
                }
                let bb = bigram[b * c + b];
                d += f(bb + to_right[b] + from_left[b] + own) - f(bb);
                d -= f(class_left[b] + as_left[w]) - f(class_left[b]);
                d -= f(class_right[b] + as_right[w]) - f(class_right[b]);
                d
            };
            let mut best = a;
            let mut best_gain = gain(a);
            for b in 0..c {
                let g = gain(b);
                if g > best_gain + 1e-9 {
                    best = b;
                    best_gain = g;
                }
            }
            // Put it there.
            for &h in &touched_right {
                bigram[best * c + h] += to_right[h];
            }
            for &g in &touched_left {
                bigram[g * c + best] += from_left[g];
            }
            bigram[best * c + best] += own;
            class_left[best] += as_left[w];
            class_right[best] += as_right[w];
            if best != a {
                class[w] = best;
                moved += 1;
            }
            for &h in &touched_right {
                to_right[h] = 0;
            }
            for &g in &touched_left {
                from_left[g] = 0;
            }
            touched_right.clear();
            touched_left.clear();
        }
        if moved == 0 {
            break;
        }
    }
    words
        .iter()
        .enumerate()
        .map(|(k, &(w, _))| (w.to_owned(), class[k] as u16))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_company_share_a_class() {
        let text = [
            "on monday the bank said",
            "on friday the firm said",
            "on monday the firm said",
            "on friday the bank said",
            "on tuesday the bank said",
            "on tuesday the firm said",
        ];
        let sentences: Vec<Vec<String>> = text
            .iter()
            .cycle()
            .take(60)
            .map(|s| s.split(' ').map(str::to_owned).collect())
            .collect();
        let classes = exchange_clusters(&sentences, 4, 10, 1);
        assert_eq!(classes["monday"], classes["friday"]);
        assert_eq!(classes["friday"], classes["tuesday"]);
        assert_eq!(classes["bank"], classes["firm"]);
        assert_ne!(classes["bank"], classes["monday"]);
        assert_eq!(
            classes,
            exchange_clusters(&sentences, 4, 10, 1),
            "deterministic"
        );
    }
}
