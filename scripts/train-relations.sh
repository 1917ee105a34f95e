#!/bin/sh
# Retrains the pair model (src/relate/pairs.rs) from CoNLL04 as published in the evaluation
# set, and rewrites lexicons/relation-weights.tsv. Usage: scripts/train-relations.sh [GOLD_DIR]
set -eu
cd "$(dirname "$0")/.."
gold="${1:-../shared/eval/conll04/gold}"
cargo run --release --quiet --example train_relations -- "$gold" lexicons/relation-weights.tsv
