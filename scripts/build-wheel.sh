#!/usr/bin/env bash
# Builds the Python wheel of newsgraph (python/: PyO3 bindings over the library without
# the on-disk store) with maturin, linked by zig for a manylinux2014 (glibc 2.17) tag,
# into target/wheels/, and prints its path. Uses the venv of scripts/setup.sh, adding
# maturin and ziglang to it when missing.
#
#   scripts/build-wheel.sh [--install]    (--install: also pip-install it into .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
venv="$root/.venv"
if ! "$venv/bin/python" -c 'import maturin, ziglang' >/dev/null 2>&1; then
    echo "build-wheel: installing maturin and ziglang into $venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check maturin==1.16.0 ziglang==0.17.1
fi
# As in scripts/setup.sh: a regular file at /dev/null holds what was just redirected into
# it, which cargo's rustc probe would read as source.
if [ -f /dev/null ] && [ -w /dev/null ]; then
    : >/dev/null
fi
out="$root/target/wheels"
rm -f "$out"/newsgraph-*.whl
(cd python && PATH="$venv/bin:$PATH" maturin build --release --zig --compatibility manylinux2014 \
    --interpreter "$venv/bin/python" --out "$out" --quiet >&2)
wheel="$(ls "$out"/newsgraph-*.whl)"
if [ "${1:-}" = "--install" ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
fi
echo "$wheel"
