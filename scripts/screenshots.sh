#!/usr/bin/env bash
# Takes the README's screenshots (docs/entity.png, docs/article.png) of the page of
# `newsgraph serve` over a store of the bundled example, in Debian's Chromium.
#
#   scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
dir="$(mktemp -d)"
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT
target/release/newsgraph extract examples/wic2020.txt --published 2020-11-23 --store "$dir/store" -q
target/release/newsgraph serve --store "$dir/store" --bind 127.0.0.1:0 2> "$dir/log" &
server=$!
for _ in $(seq 100); do grep -q "http://" "$dir/log" && break; sleep 0.1; done
port="$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$dir/log" | head -1)"
(cd web && node tests/screenshots.mjs "http://127.0.0.1:$port" ../docs)
echo "docs/entity.png and docs/article.png written"
