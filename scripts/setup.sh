#!/usr/bin/env bash
# Installs the system packages newsgraph's build and tests need, if they are missing:
# libclang-dev (RocksDB's bindings, built by the oxigraph crate), raptor2-utils (rapper)
# and serdi (independent RDF parsers the tests check our output with).
# Debian/Ubuntu; needs root or sudo. Does nothing when everything is there.
set -euo pipefail
missing=()
dpkg -s libclang-dev >/dev/null 2>&1 || missing+=(libclang-dev)
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
command -v serdi >/dev/null 2>&1 || missing+=(serdi)
if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
