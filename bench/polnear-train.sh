#!/usr/bin/env bash
# Direct quotations on PolNeAR train articles (never the 40 benchmark ones): builds gold
# files with bench/polnear-train-gold.py, scores them with score.py in two processes and
# prints precision, recall and F1 — the figure to tune statement rules on.
#
#   bench/polnear-train.sh [LIMIT] [--indirect]   # default 200 articles; errors on stderr
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NEWSGRAPH_SHARED:-$root/../shared}"
cd "$root"
cargo build --release --quiet
limit="${1:-200}"
out="$root/target/polnear-train"
rm -rf "$out" && mkdir -p "$out/gold"
python3 bench/polnear-train-gold.py --shared "$shared" --out "$out/gold" --limit "$limit" ${2:-}
ls "$out"/gold/*.json | split -n r/2 - "$out/part-"
for part in "$out"/part-*; do
    python3 "$shared/eval/score.py" --json $(cat "$part") > "$part.json" &
done
wait
python3 - "$out"/part-*.json <<'PY'
import json, sys
tp = fp = fn = 0
for f in sys.argv[1:]:
    for article, qs in json.load(open(f))["articles"].items():
        r = qs["05-statements"]
        tp, fp, fn = tp + r["tp"], fp + r["fp"], fn + r["fn"]
        for row in r.get("missed", []):
            print("MISS ", article[:40], row, file=sys.stderr)
        for row in r.get("extra", []):
            print("EXTRA", article[:40], row, file=sys.stderr)
p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
print(f"polnear-train  P {p:.3f} R {r:.3f} F1 {2 * p * r / max(p + r, 1e-9):.3f}  (tp {tp}, fp {fp}, fn {fn})")
PY
