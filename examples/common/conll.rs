//! What the trainers share: CoNLL04's gold files as newsgraph's evaluation publishes them
//! (`eval/conll04/gold/*.json`, each naming its article), and score.py's matching form.

use newsgraph::Date;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One gold file with its article.
pub struct GoldArticle {
    /// The gold answers.
    pub gold: Value,
    /// The article's text.
    pub text: String,
    /// Its publication date.
    pub published: Option<Date>,
}

/// score.py's matching form: case, punctuation, quotes and a leading "the" ignored.
pub fn norm(s: &str) -> String {
    let s = s.replace(['\u{2019}', '\u{2018}'], "'").replace("'s ", " ");
    let s: String = s
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// Reads a gold file and its article (paths in gold files are relative to `shared`).
pub fn read_gold(gold_path: &Path, shared: &Path) -> Result<GoldArticle, String> {
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let article = gold["article"].as_str().ok_or("gold without article")?;
    let text =
        std::fs::read_to_string(shared.join(article)).map_err(|e| format!("{article}: {e}"))?;
    let published = gold["published"].as_str().and_then(Date::parse);
    Ok(GoldArticle {
        gold,
        text,
        published,
    })
}

/// The examples of every gold file in `gold_dir`, split into CoNLL04's train and dev
/// articles, in file-name order.
pub fn train_and_dev<T>(
    gold_dir: &Path,
    examples_of: impl Fn(&GoldArticle) -> Result<Vec<T>, String>,
) -> Result<(Vec<T>, Vec<T>), String> {
    let shared = gold_dir.join("../../..");
    let mut files: Vec<PathBuf> = std::fs::read_dir(gold_dir)
        .map_err(|e| format!("{}: {e}", gold_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut train, mut dev) = (Vec::new(), Vec::new());
    for file in &files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let examples = examples_of(&read_gold(file, &shared)?)?;
        if name.contains("-train-") {
            train.extend(examples);
        } else if name.contains("-dev-") {
            dev.extend(examples);
        }
    }
    Ok((train, dev))
}
