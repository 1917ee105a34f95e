"""Times newsgraph on a JSON Lines corpus three ways on this machine, in one run:
native `newsgraph extract`, the Spark job and the Ray job of examples/ (2 workers each),
and reports wall time, the engines' start-up apart, and the peak memory of each whole
process tree (sampled every 0.1 s with psutil).

    python bench/distributed.py CORPUS.jsonl WORKDIR [--runs N]
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

import psutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target/release/newsgraph")
PY = sys.executable


def measure(command, env=None):
    """Runs a command; its wall time, the peak summed RSS of its process tree, its stdout."""
    peak = 0
    done = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    root = psutil.Process(proc.pid)

    def sample():
        nonlocal peak
        while not done.is_set():
            try:
                rss = sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
                peak = max(peak, rss)
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"{command[:3]} failed with status {proc.returncode}:\n{out}")
    return wall, peak / 2**20, out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("work")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    env = dict(os.environ, PYSPARK_PYTHON=PY)
    results = {}
    for run in range(args.runs):
        for name in ("native", "native+gzip", "spark", "ray"):
            out_dir = os.path.join(args.work, name)
            shutil.rmtree(out_dir, ignore_errors=True)
            if name == "native":
                command = [BIN, "extract", args.corpus, "--independent", "--format", "nq", "-o", out_dir + ".nq", "-q"]
            elif name == "native+gzip":
                command = ["bash", "-c", f"'{BIN}' extract '{args.corpus}' --independent --format nq -q | gzip -6 > '{out_dir}.nq.gz'"]
            elif name == "spark":
                command = [PY, os.path.join(ROOT, "examples/spark/extract_corpus.py"), args.corpus, out_dir,
                           "--master", "local[2]", "--partitions", "8"]
            else:
                command = [PY, os.path.join(ROOT, "examples/ray/extract_corpus.py"), args.corpus, out_dir,
                           "--cpus", "2", "--partitions", "8"]
            wall, peak, out = measure(command, env)
            m = re.search(r"engine up in ([\d.]+) s; extracted and written in ([\d.]+) s", out)
            up, work = (float(m.group(1)), float(m.group(2))) if m else (0.0, wall)
            results.setdefault(name, []).append((wall, up, work, peak))
            print(f"run {run + 1} {name}: wall {wall:.1f} s, start-up {up:.1f} s, work {work:.1f} s, peak {peak:.0f} MiB", flush=True)
    # The load rate of a store from the shards: Oxigraph's own tool, files in parallel.
    shards = sorted(
        os.path.join(args.work, "spark", "kind=nquads", f)
        for f in os.listdir(os.path.join(args.work, "spark", "kind=nquads"))
        if f.endswith(".nq.gz")
    )
    quads = sum(1 for _ in open(os.path.join(args.work, "native.nq"), "rb"))
    store = os.path.join(args.work, "oxigraph-store")
    shutil.rmtree(store, ignore_errors=True)
    load, load_peak, _ = measure([os.path.join(os.path.dirname(PY), "oxigraph"), "load", "--location", store, "--file", *shards])
    print(f"oxigraph load of the Spark shards: {quads} quads in {load:.1f} s ({quads / load:,.0f} quads/s), peak {load_peak:.0f} MiB")
    print()
    native = statistics.median(w for w, _, _, _ in results["native"])
    for name, rows in results.items():
        wall, up, work, peak = (statistics.median(r[i] for r in rows) for i in range(4))
        print(f"{name:12} median wall {wall:6.1f} s  start-up {up:5.1f} s  work {work:6.1f} s  "
              f"peak {peak:6.0f} MiB  work/native {work / native:4.2f}x")


if __name__ == "__main__":
    main()
