#!/bin/sh
# Retrains newsgraph's analysis models (word classes, tagger, lemmatizer, parser, name
# recognizer) from the open training data and rewrites models/*.ngm; the same data gives
# the same bytes. About 12 minutes on two cores.
# Usage: scripts/train-analyze.sh [TRAINING_DIR [EVAL_DIR]]
#   TRAINING_DIR: ../shared/training (UD English EWT and GUM, Universal NER, PolNeAR, ECB+)
#   EVAL_DIR:     ../shared/eval (only CoNLL04's train split and the names of PolNeAR's
#                 evaluation articles, to leave them out, are read)
set -eu
cd "$(dirname "$0")/.."
training="${1:-../shared/training}"
eval="${2:-../shared/eval}"
cargo run --release --quiet --example train_analyze -- \
    --training "$training" \
    --conll04 "$eval/conll04" \
    --polnear-eval "$eval/polnear/corpus" \
    --uner-copies 2 \
    --out models
