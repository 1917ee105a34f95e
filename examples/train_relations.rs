//! Trains the pair model of `src/relate/pairs.rs` and writes `lexicons/relation-weights.tsv`.
//!
//! Run through `scripts/train-relations.sh`. It reads CoNLL04's pseudo-articles and gold
//! answers as published in newsgraph's evaluation (`eval/conll04/gold/*.json`), finds
//! the pairs of names the extractor itself recognizes in each sentence, labels a pair
//! positive when the gold lists it for the matching question, and fits one logistic
//! regression per relation on the train split. Each relation's threshold is the one
//! with the best F1 over the dev split's pairs, so the dev split stays unseen by the
//! weights. Same input, same file: no randomness, sorted output.

use newsgraph::recognize::recognize;
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
    let rec = recognize(&doc, article.published);
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
    for candidate in pair_candidates(&doc, &rec) {
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
fn train(examples: &[&Example]) -> HashMap<String, f64> {
    const EPOCHS: usize = 30;
    // Chosen among 1e-4..0.1 by the dev split's relation F1.
    const L2: f64 = 0.01;
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
                *x += rate * (gradient - L2 * *x);
            }
        }
    }
    w
}

/// The threshold with the best F1 over the labelled pairs, and that F1.
fn best_threshold(model: &PairModel, examples: &[&Example]) -> (f32, f64) {
    let mut best = (0.5, 0.0);
    for step in 1..20 {
        let t = step as f32 * 0.05;
        let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
        for ex in examples {
            match (model.probability(&ex.candidate) >= t, ex.positive) {
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
            best = (t, f1);
        }
    }
    best
}

fn of(set: &[Example], relation: PairRelation) -> Vec<&Example> {
    set.iter()
        .filter(|e| e.candidate.relation == relation)
        .collect()
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [gold_dir, out] = args.as_slice() else {
        return Err("usage: train_relations GOLD_DIR OUTPUT (GOLD_DIR: eval/conll04/gold)".into());
    };
    let (train_set, dev_set) = train_and_dev(Path::new(gold_dir), examples_of)?;
    let mut text = String::from(
        "# Weights of the pair model in src/relate/pairs.rs: relation, feature, weight (tab-separated);\n\
         # the feature @threshold is the probability above which the relation's pairs are linked.\n\
         # Trained by scripts/train-relations.sh (examples/train_relations.rs): logistic regression over\n\
         # the pairs of names newsgraph finds in the CoNLL04 corpus (Roth & Yih 2004; SpERT split),\n\
         # train split for the weights, dev split for the thresholds. Do not edit by hand.\n",
    );
    for relation in PairRelation::ALL {
        let (train_examples, dev_examples) = (of(&train_set, relation), of(&dev_set, relation));
        let weights: BTreeMap<String, f64> = train(&train_examples)
            .into_iter()
            .filter(|(_, w)| w.abs() >= 1e-3)
            .collect();
        let mut lines = String::new();
        for (feature, weight) in &weights {
            writeln!(lines, "{}\t{feature}\t{weight:.4}", relation.as_str()).unwrap();
        }
        let model = PairModel::parse(&lines)?;
        let (threshold, f1) = best_threshold(&model, &dev_examples);
        let positives = |set: &[&Example]| set.iter().filter(|e| e.positive).count();
        eprintln!(
            "{:10} train {} pairs ({} linked), dev {} pairs ({} linked): threshold {threshold:.2}, dev pair F1 {f1:.3}",
            relation.as_str(),
            train_examples.len(),
            positives(&train_examples),
            dev_examples.len(),
            positives(&dev_examples),
        );
        writeln!(text, "{}\t@threshold\t{threshold:.2}", relation.as_str()).unwrap();
        text.push_str(&lines);
    }
    std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))
}
