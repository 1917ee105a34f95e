#!/usr/bin/env bash
# Runs the fuzz targets (fuzz/, cargo-fuzz, nightly Rust) for a while each, from seed
# corpora made of the tests' inputs and the bench corpus, and prints executions and
# coverage. Inputs that fail go to fuzz/artifacts/<target>/; copy each to
# fuzz/regressions/<target>/ once fixed (tests/fuzz_regressions.rs replays them).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600 s, all four)
#
# Needs `cargo install cargo-fuzz` and `rustup toolchain install nightly`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(extract readers http sparql)
corpus="$root/fuzz/corpus"
mkdir -p "$corpus"/{extract,readers,http,sparql}

# Seeds: articles (the example, the dev articles, 200 bench articles), JSON Lines
# pieces, requests, and the queries of examples/ and the tests.
python3 - "$root" "$corpus" <<'PY'
import json, os, sys, hashlib, glob
root, corpus = sys.argv[1], sys.argv[2]
def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(corpus, target, name), "wb") as f:
        f.write(data)
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(root, "../shared/corpus/dev/*.txt")))]
lines = open(os.path.join(root, "../shared/corpus/bench/bbc.jsonl"), encoding="utf-8").read().splitlines()
for line in lines[::11][:200]:
    texts.append(json.loads(line)["text"])
for t in texts:
    put("extract", t[:4000])
for line in lines[:50]:
    put("readers", line + "\n")
put("readers", "\n".join(lines[50:53]) + "\n{broken\n")
host = "Host: 127.0.0.1:7878\r\n"
token = "Authorization: Bearer fuzz-token-0123456789\r\n"
queries = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(root, "examples/queries/*.rq")) + glob.glob(os.path.join(root, "tests/data/cq/*.rq")))]
queries += ["ASK {}", "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3", "CONSTRUCT WHERE { GRAPH ?g { ?s ?p ?o } }"]
for q in queries:
    put("sparql", q)
from urllib.parse import quote
for q in queries[:10]:
    put("http", f"GET /query?query={quote(q)} HTTP/1.1\r\n{host}Accept: text/csv\r\n\r\n")
    body = q.encode()
    put("http", f"POST /query HTTP/1.1\r\n{host}Content-Type: application/sparql-query\r\nContent-Length: {len(body)}\r\n\r\n{q}")
put("http", f"PUT /store?graph=http%3A%2F%2Fexample.org%2Fg HTTP/1.1\r\n{host}{token}Content-Type: text/turtle\r\nContent-Length: 54\r\n\r\n<http://a.example/s> <http://a.example/p> \"o\" .\r\n\r\n")
put("http", f"POST /update HTTP/1.1\r\n{host}{token}Content-Type: application/sparql-update\r\nTransfer-Encoding: chunked\r\n\r\n11\r\nCLEAR GRAPH <a:b>\r\n0\r\n\r\n")
put("http", f"OPTIONS /store?default HTTP/1.1\r\n{host}Origin: https://app.example\r\n\r\nGET / HTTP/1.1\r\n{host}\r\n")
PY

cd "$root/fuzz"
for target in "${targets[@]}"; do
    echo "== $target: $seconds s"
    cargo +nightly fuzz run -O "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
        2>&1 | grep -E "^(stat::|#[0-9]+ *(DONE|pulse)|Done|==[0-9]+==|SUMMARY|thread '|panicked|artifact)" | tail -n 12 || true
done
