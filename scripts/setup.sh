#!/usr/bin/env bash
# Installs what newsgraph's build and tests need, if it is missing: libclang-dev
# (RocksDB's bindings, built by the oxigraph crate), raptor2-utils (rapper) and serdi
# (independent RDF parsers the tests check our output with), and a Python venv in
# .venv with rdflib (JSON-LD), SPARQLWrapper (a SPARQL client), pyshacl (SHACL) and
# pyoxigraph (Oxigraph's own Python binding, the same version as the crate), conllu (an
# independent CoNLL-U reader for the analysis output),
# the independent tools the tests check export, serve and validate with; and Virtuoso
# (virtuoso-opensource-7-bin, the engine behind DBpedia's endpoint), a second real SPARQL
# server the linking tests run against; Chromium (Debian's `chromium`) and the page's
# npm packages (web/: Vite, playwright-core, axe-core), with which tests/web_page.rs
# rebuilds the page and drives it in a real browser.
# Debian/Ubuntu; needs root or sudo for apt. Does nothing when everything is there.
set -euo pipefail
missing=()
dpkg -s libclang-dev >/dev/null 2>&1 || missing+=(libclang-dev)
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
command -v serdi >/dev/null 2>&1 || missing+=(serdi)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource-7-bin)
python3 -c 'import ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"
if ! "$venv/bin/python" -c 'import rdflib, SPARQLWrapper, pyshacl, pyoxigraph, conllu' >/dev/null 2>&1; then
    echo "setup: installing rdflib, SPARQLWrapper, pyshacl, pyoxigraph and conllu into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        rdflib==7.6.0 SPARQLWrapper==2.0.0 pyshacl==0.40.1 pyoxigraph==0.5.13 conllu==6.0.0
fi
# The Python package and the engines its examples run on (tests/distributed.rs): maturin
# and zig build the wheel; PySpark (with the machine's Java 17) and Ray Data run the jobs
# of examples/; Oxigraph's command-line tool loads their shards.
if ! "$venv/bin/python" -c 'import maturin, ziglang, pyspark, ray.data, pandas, psutil' >/dev/null 2>&1 \
    || [ ! -x "$venv/bin/oxigraph" ]; then
    echo "setup: installing maturin, ziglang, pyspark, ray[data] and oxigraph into $venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
        maturin==1.16.0 ziglang==0.17.1 pyspark==4.3.0 "ray[data]==2.60.0" "pandas>=2.2,<3" oxigraph==0.5.13 psutil==7.1.3
fi


if [ ! -d "$root/web/node_modules" ] || [ "$root/web/package-lock.json" -nt "$root/web/node_modules/.package-lock.json" ]; then
    echo "setup: installing the page's build and test tools (npm ci in web/)" >&2
    npm ci --prefix "$root/web" --no-audit --no-fund --loglevel=error
fi

# Some containers have a regular file at /dev/null instead of the device. Every redirection
# above then left its text in it, and the next process that reads /dev/null as its input
# reads that text: cargo's first probe of rustc (`rustc -` with /dev/null as stdin) fails
# on a Python traceback as Rust source, and cargo caches that failure in the target
# directory. So empty such a file, and drop a cached failed probe.
if [ -f /dev/null ] && [ -w /dev/null ]; then
    : >/dev/null
fi
probe_cache="${CARGO_TARGET_DIR:-$root/target}/.rustc_info.json"
if [ -f "$probe_cache" ] && grep -q '"success":false' "$probe_cache"; then
    echo "setup: dropping a failed rustc probe cached in $probe_cache" >&2
    rm -f "$probe_cache"
fi
