#!/usr/bin/env bash
# The kill test at scale: 200 SIGKILLs (100 into `extract --store`, 50 into `load`,
# 50 into `serve --writable` with PUTs in flight), then the checks of
# tests/robustness_kill.rs (no torn graph, no lost acknowledged write, a second run
# completes the store). Prints the seeds and counts.
#
#   scripts/kill-test.sh [KILLS]
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSGRAPH_KILLS="${1:-200}" cargo test --release --test robustness_kill -- --nocapture --test-threads 1 2>&1 \
    | grep -E "seed|kills|survived|test result|panicked|torn|lost"
