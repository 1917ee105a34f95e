#!/usr/bin/env bash
# native `newsgraph extract` against the Spark and Ray jobs of examples/ on the bench
# corpus, same run, same two cores (bench/distributed.py): wall time, engine start-up,
# peak memory of each process tree; medians of --runs runs. Needs scripts/setup.sh's
# venv and the wheel (scripts/build-wheel.sh --install, done here).
#
#   bench/distributed.sh [--corpus FILE.jsonl] [--runs N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/../shared/corpus/bench/bbc.jsonl"
runs=3
while [ $# -gt 0 ]; do
    case "$1" in
        --corpus) corpus="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
cd "$root"
cargo build --release --quiet
scripts/build-wheel.sh --install >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/.venv/bin/python" bench/distributed.py "$corpus" "$work" --runs "$runs"
