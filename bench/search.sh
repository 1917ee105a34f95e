#!/usr/bin/env bash
# How fast the page's search box answers on a store of the whole bench corpus (2,222
# articles): `newsgraph serve` over that store, then bench/search_latency.py types the
# names of 300 entities (sampled with a fixed seed) letter by letter, as a person would,
# and reports the median and 95th percentile of /api/search, beside the same lookups
# done with a SPARQL regex over every label (the baseline, the same run).
#
#   bench/search.sh [--corpus FILE.jsonl] [--names N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/../shared/corpus/bench/bbc.jsonl"
names=300
while [ $# -gt 0 ]; do
    case "$1" in
        --corpus) corpus="$2"; shift 2 ;;
        --names) names="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
cd "$root"
cargo build --release --quiet
bin="$root/target/release/newsgraph"
store="$root/target/bench-search-store"
stamp="$store.source"
if [ ! -d "$store" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$(sha256sum "$corpus" "$bin" | sha256sum)" ]; then
    rm -rf "$store"
    echo "search: extracting $corpus into $store" >&2
    "$bin" extract "$corpus" --store "$store" -q
    sha256sum "$corpus" "$bin" | sha256sum > "$stamp"
fi
log="$(mktemp)"
"$bin" serve --store "$store" --bind 127.0.0.1:0 2> "$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do
    grep -q "http://" "$log" && break
    sleep 0.1
done
port="$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$log" | head -1)"
python3 "$root/bench/search_latency.py" "http://127.0.0.1:$port" "$names"
