//! Trains the pair model of `src/relate/pairs.rs` and writes `lexicons/relation-weights.tsv`.
//!
//! Run through `scripts/train-relations.sh`. It reads CoNLL04's pseudo-articles and gold
//! answers as published in newsgraph's evaluation (`eval/conll04/gold/*.json`), finds
//! the pairs of names the extractor itself recognizes in each sentence, labels a pair
//! positive when the gold lists it for the matching question, and fits one logistic
//! regression per relation on the train split. Each relation's L2 regularization and
//! threshold are the pair with the best F1 over the train split's pairs as models
//! trained without them score them (five folds of articles), so the dev split stays
//! unseen by weights, regularization and thresholds alike. Same input, same file: no
//! randomness, sorted output.

use newsgraph::relate::{PairCandidate, PairModel, PairRelation, pair_candidates};
use newsgraph::resolve::resolve_entities;
use newsgraph::segment::Document;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::Path;

#[path = "common/conll.rs"]
mod conll;
use conll::{GoldArticle, norm, train_and_dev};

/// One candidate pair with its label.
struct Example {
    candidate: PairCandidate,
    positive: bool,
}

/// The gold question for a relation.
fn question(relation: PairRelation) -> &'static str {
    match relation {
        PairRelation::WorksFor => "04-works-for",
        PairRelation::LivesIn => "05-lives-in",
        PairRelation::LocatedIn => "06-located-in",
        PairRelation::BasedIn => "07-org-based-in",
        PairRelation::Kill => "08-kill",
    }
}

fn cell_matches(cell: &str, names: &[String]) -> bool {
    cell.split('|').any(|alt| names.contains(&norm(alt)))
}

/// Labelled pairs of one gold file; `None` marks a pair the gold calls optional.
fn examples_of(article: &GoldArticle) -> Result<Vec<Example>, String> {
    let gold = &article.gold;
    let doc = Document::new(&article.text);
    let (analysis, rec) = newsgraph::pipeline::analyze_and_recognize(&doc, article.published);
    let (entities, of_mention) = resolve_entities(&rec.mentions);
    // Every name a mention goes by: its entity's label, its own name, its words.
    let names: Vec<Vec<String>> = (0..rec.mentions.len())
        .map(|m| {
            let mention = &rec.mentions[m];
            let mut names = vec![norm(&mention.name), norm(&mention.surface)];
            if let Some(e) = entities.get(of_mention[m]) {
                names.push(norm(&e.label));
            }
            names
        })
        .collect();
    let rows = |relation: PairRelation, key: &str| -> Vec<(String, String)> {
        gold["questions"][question(relation)][key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|row| Some((row[0].as_str()?.to_string(), row[1].as_str()?.to_string())))
            .collect()
    };
    let mut out = Vec::new();
    for candidate in pair_candidates(&doc, &analysis, &rec) {
        let hit = |rows: &[(String, String)]| {
            rows.iter().any(|(a, b)| {
                cell_matches(a, &names[candidate.from]) && cell_matches(b, &names[candidate.to])
            })
        };
        let positive = hit(&rows(candidate.relation, "rows"));
        if !positive && hit(&rows(candidate.relation, "optional")) {
            continue;
        }
        out.push(Example {
            candidate,
            positive,
        });
    }
    Ok(out)
}

/// Logistic regression by stochastic gradient descent, examples in a fixed order.
fn train(examples: &[&Example], l2: f64) -> HashMap<String, f64> {
    const EPOCHS: usize = 30;
    let mut w: HashMap<String, f64> = HashMap::new();
    for epoch in 0..EPOCHS {
        let rate = 0.2 / (1.0 + epoch as f64);
        // A fixed permutation per epoch (multiplicative stepping through the indices).
        let n = examples.len();
        let step = [7919usize, 104_729, 1_299_709][epoch % 3];
        for k in 0..n {
            let ex = examples[(k * step + epoch) % n];
            let score: f64 = ex
                .candidate
                .features
                .iter()
                .map(|f| w.get(f).copied().unwrap_or(0.0))
                .sum();
            let p = 1.0 / (1.0 + (-score).exp());
            let gradient = f64::from(u8::from(ex.positive)) - p;
            for f in &ex.candidate.features {
                let x = w.entry(f.clone()).or_insert(0.0);
                *x += rate * (gradient - l2 * *x);
            }
        }
    }
    w
}

/// The threshold with the best F1 over pairs scored by models that did not learn from
/// them, and that F1.
fn best_threshold(scored: &[(f32, bool)]) -> (f32, f64, [f64; 3]) {
    let mut best = (0.5, 0.0, [0.0; 3]);
    for step in 1..20 {
        let t = step as f32 * 0.05;
        let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
        for &(p, positive) in scored {
            match (p >= t, positive) {
                (true, true) => tp += 1.0,
                (true, false) => fp += 1.0,
                (false, true) => fn_ += 1.0,
                (false, false) => {}
            }
        }
        let f1 = if tp > 0.0 {
            2.0 * tp / (2.0 * tp + fp + fn_)
        } else {
            0.0
        };
        if f1 > best.1 {
            best = (t, f1, [tp, fp, fn_]);
        }
    }
    best
}

/// The model of a relation trained on `examples`.
fn model_of(
    relation: PairRelation,
    examples: &[&Example],
    l2: f64,
) -> Result<(PairModel, String), String> {
    let weights: BTreeMap<String, f64> = train(examples, l2)
        .into_iter()
        .filter(|(_, w)| w.abs() >= 1e-3)
        .collect();
    let mut lines = String::new();
    for (feature, weight) in &weights {
        writeln!(lines, "{}\t{feature}\t{weight:.4}", relation.as_str()).unwrap();
    }
    Ok((PairModel::parse(&lines)?, lines))
}

/// Folds of the train split's articles for choosing regularization and thresholds.
const FOLDS: usize = 5;

/// The L2 regularization strengths tried.
const L2S: [f64; 4] = [0.001, 0.003, 0.01, 0.03];

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [gold_dir, out] = args.as_slice() else {
        return Err("usage: train_relations GOLD_DIR OUTPUT (GOLD_DIR: eval/conll04/gold)".into());
    };
    // Each train-split article's examples; the dev split is not looked at.
    let (train_articles, _) = train_and_dev(Path::new(gold_dir), |a| Ok(vec![examples_of(a)?]))?;
    let train_set: Vec<&Example> = train_articles.iter().flatten().collect();
    let mut text = String::from(
        "# Weights of the pair model in src/relate/pairs.rs: relation, feature, weight (tab-separated);\n\
         # the feature @threshold is the probability above which the relation's pairs are linked.\n\
         # Trained by scripts/train-relations.sh (examples/train_relations.rs): logistic regression over\n\
         # the pairs of names newsgraph finds in the CoNLL04 corpus (Roth & Yih 2004; SpERT split),\n\
         # train split only: weights from all of it, regularization and thresholds from five folds of its articles.\n\
         # Do not edit by hand.\n",
    );
    // Out-of-fold true positives, false positives and misses over all relations.
    let mut totals = [0.0; 3];
    for relation in PairRelation::ALL {
        let examples: Vec<&Example> = train_set
            .iter()
            .copied()
            .filter(|e| e.candidate.relation == relation)
            .collect();
        // Out-of-fold probabilities of every example, for each regularization.
        let mut best: Option<(f64, f32, f64, [f64; 3])> = None;
        for l2 in L2S {
            let mut scored = Vec::new();
            for fold in 0..FOLDS {
                let in_fold = |k: usize| k % FOLDS == fold;
                let rest: Vec<&Example> = train_articles
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| !in_fold(*k))
                    .flat_map(|(_, a)| a.iter().filter(|e| e.candidate.relation == relation))
                    .collect();
                let (model, _) = model_of(relation, &rest, l2)?;
                for (_, article) in train_articles
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| in_fold(*k))
                {
                    for e in article.iter().filter(|e| e.candidate.relation == relation) {
                        scored.push((model.probability(&e.candidate), e.positive));
                    }
                }
            }
            let (threshold, f1, counts) = best_threshold(&scored);
            if best.is_none_or(|(_, _, b, _)| f1 > b) {
                best = Some((l2, threshold, f1, counts));
            }
        }
        let (l2, threshold, f1, counts) = best.unwrap_or((0.01, 0.5, 0.0, [0.0; 3]));
        for (total, count) in totals.iter_mut().zip(counts) {
            *total += count;
        }
        let (_, lines) = model_of(relation, &examples, l2)?;
        eprintln!(
            "{:10} train {} pairs ({} linked): L2 {l2}, threshold {threshold:.2}, out-of-fold pair F1 {f1:.3}",
            relation.as_str(),
            examples.len(),
            examples.iter().filter(|e| e.positive).count(),
        );
        writeln!(text, "{}\t@threshold\t{threshold:.2}", relation.as_str()).unwrap();
        text.push_str(&lines);
    }
    let [tp, fp, fn_] = totals;
    eprintln!(
        "all        out-of-fold pair micro F1 {:.3} (P {:.3}, R {:.3})",
        2.0 * tp / (2.0 * tp + fp + fn_),
        tp / (tp + fp),
        tp / (tp + fn_)
    );
    std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))
}
