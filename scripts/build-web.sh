#!/usr/bin/env bash
# Builds the page of `newsgraph serve` from web/ into web/dist/ (committed, embedded into
# the binary) and records the hashes of its sources in web/dist.sha256, which
# tests/web_page.rs compares with the sources. Needs Node 20 and npm; run it after
# changing anything under web/ or examples/queries/.
#
#   scripts/build-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    npm ci --prefix web --no-audit --no-fund
fi
npm run --prefix web build
scripts/web-sources.sh > web/dist.sha256
echo "web/dist/ built; sources recorded in web/dist.sha256"
