//! Listing a folder of data files, for the training examples.

use std::fs;
use std::path::{Path, PathBuf};

/// The entries of a folder, sorted by path (so that runs read files in one order).
pub fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    Ok(paths)
}
