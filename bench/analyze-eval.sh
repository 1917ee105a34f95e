#!/bin/sh
# Scores newsgraph's analysis (tags, lemmas, trees, names) on the held-out test files:
# UD English EWT test and GUM test with their own words (gold tokens), EWT test from its
# raw text (newsgraph's own words and sentences, aligned on characters) and Universal
# NER English EWT test. One JSON line per score, from ../shared/eval/ud_eval.py and
# bench/ud_eval_raw.py.
# Usage: bench/analyze-eval.sh [TRAINING_DIR [EVAL_DIR]]   (after cargo build --release)
set -eu
cd "$(dirname "$0")/.."
training="${1:-../shared/training}"
eval="${2:-../shared/eval}"
bin=target/release/newsgraph
work="${TMPDIR:-/tmp}/newsgraph-analyze-eval"
mkdir -p "$work"
ewt="$training/ud-english-ewt/en_ewt-ud-test.conllu"
gum="$training/ud-english-gum/en_gum-ud-test.conllu"
uner="$training/uner-english-ewt/en_ewt-ud-test.iob2"

"$bin" analyze --input-format conllu "$ewt" --format conllu -o "$work/ewt.conllu"
printf 'EWT test, gold tokens, with UNER test: '
python3 "$eval/ud_eval.py" "$ewt" "$work/ewt.conllu" "$uner"

"$bin" analyze --input-format conllu "$gum" --format conllu -o "$work/gum.conllu"
printf 'GUM test, gold tokens: '
python3 "$eval/ud_eval.py" "$gum" "$work/gum.conllu"

python3 bench/ud_eval_raw.py text "$ewt" > "$work/ewt.txt"
"$bin" analyze "$work/ewt.txt" --format conllu -o "$work/ewt-raw.conllu"
printf 'EWT test, raw text: '
python3 bench/ud_eval_raw.py score "$ewt" "$work/ewt-raw.conllu"
