#!/usr/bin/env bash
# Prints the SHA-256 of every source of the page's bundle, one "HASH  PATH" line each,
# sorted by path: what web/dist.sha256 records (tests/web_page.rs computes the same).
set -euo pipefail
cd "$(dirname "$0")/.."
{
    find web/src web/public examples/queries -type f
    ls web/index.html web/package.json web/package-lock.json web/vite.config.ts web/tsconfig.json
} | LC_ALL=C sort | xargs sha256sum
