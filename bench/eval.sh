#!/usr/bin/env bash
# Scores newsgraph on every evaluation set beside the project (../shared/eval) and prints
# one line per set: micro precision, recall and F1 from score.py, plus the per-question
# F1 where a set's goal names questions. Run from anywhere; builds the release binary first.
#
#   bench/eval.sh            # all sets
#   bench/eval.sh dev gum    # some of: example dev conll04 polnear gum
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
eval_dir="${NEWSGRAPH_EVAL:-$root/../shared/eval}"
cd "$root"
cargo build --release --quiet
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(example dev conll04 polnear gum)
score() { python3 "$eval_dir/score.py" --json "$@"; }
summary() { python3 "$root/bench/summary.py" "$1"; }
for set in "${sets[@]}"; do
    case "$set" in
        example) score "$eval_dir/gold/wic2020.json" | summary example ;;
        dev) score "$eval_dir"/gold/dev/*.json | summary dev ;;
        conll04) score --cq-dir "$eval_dir/conll04/cq" "$eval_dir"/conll04/gold/*.json | summary conll04 ;;
        polnear) score "$eval_dir"/polnear/gold/*.json | summary polnear ;;
        gum) score "$eval_dir"/gum/gold/*.json | summary gum ;;
        *) echo "unknown set: $set (example, dev, conll04, polnear, gum)" >&2; exit 2 ;;
    esac
done
