#!/bin/sh
# Retrains the learned name typer (src/recognize/typer.rs) from CoNLL04 as published in the
# evaluation set, and rewrites lexicons/name-weights.tsv. Usage: scripts/train-names.sh [GOLD_DIR]
set -eu
cd "$(dirname "$0")/.."
gold="${1:-../shared/eval/conll04/gold}"
cargo run --release --quiet --example train_names -- "$gold" lexicons/name-weights.tsv
