//! Writes "silver" name tags for the name recognizer to learn news contexts from
//! ([`newsgraph::analyze::train::silver`]): the articles of a folder, less the ones
//! named in another (evaluation articles), in Universal NER's IOB2 format.
//!
//! Usage: cargo run --release --example silver_names -- \
//!     --articles ../shared/training/polnear-train/text \
//!     --leave-out ../shared/eval/polnear/corpus --out target/silver-names.iob2

#[path = "common/files.rs"]
mod files;

use clap::Parser;
use files::sorted_entries;
use newsgraph::analyze::train::silver::silver_sentences;
use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

/// Write silver name tags from news articles.
#[derive(Debug, clap::Parser)]
struct Args {
    /// A folder of articles (plain text, one file each).
    #[arg(long)]
    articles: PathBuf,
    /// A folder whose file names are articles to leave out (evaluation articles).
    #[arg(long)]
    leave_out: PathBuf,
    /// Where to write the IOB2 file.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> Result<(), String> {
    let args = Args::parse();
    let left_out: HashSet<_> = sorted_entries(&args.leave_out)?
        .into_iter()
        .filter_map(|p| p.file_name().map(ToOwned::to_owned))
        .collect();
    if left_out.is_empty() {
        return Err(format!(
            "{}: nothing to leave out",
            args.leave_out.display()
        ));
    }
    let mut out = String::new();
    let (mut articles, mut sentences) = (0, 0);
    for path in sorted_entries(&args.articles)? {
        if path.file_name().is_some_and(|n| left_out.contains(n)) {
            continue;
        }
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let id = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        sentences += silver_sentences(&text, &id, &mut out);
        articles += 1;
    }
    fs::write(&args.out, &out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!(
        "silver_names: {sentences} sentences from {articles} articles → {}",
        args.out.display()
    );
    Ok(())
}
