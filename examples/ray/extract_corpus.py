"""Extracts the knowledge graph of a JSON Lines corpus with Ray Data.

Each line of the input is an article: {"id", "text", "published", "title", "url"} (only
"text" and "id" are needed). Ray reads the lines, a pool of actors runs newsgraph (each
actor loads it, its lexicons and its models once), and a datasink writes the graphs as
gzipped N-Quads shards:

    OUTPUT/nquads/part-…-NNNNNN.nq.gz   the articles' graphs (each in its named graph)
    OUTPUT/errors/part-…-NNNNNN.jsonl   {"id", "error"} for each article that failed

Every article's graph depends on that article alone, so the shards concatenated are
`newsgraph extract --independent --format nq` of the corpus, in another order, and load
with `newsgraph load --store DIR OUTPUT/nquads/*`.

    python3 examples/ray/extract_corpus.py INPUT.jsonl OUTPUT [--partitions N] [--cpus N]
        [--published YYYY-MM-DD] [--base IRI]

On a cluster, install the wheel of scripts/build-wheel.sh on every node (or give it in
the job's runtime environment) and submit this file to the cluster's head:

    ray job submit --address http://HEAD:8265 --working-dir . \\
        --runtime-env-json '{"pip": ["newsgraph-0.1.0-cp39-abi3-manylinux_2_17_x86_64.whl"]}' \\
        -- python examples/ray/extract_corpus.py s3://news/ s3://graphs/news --partitions 400
"""

import argparse
import json
import os
import posixpath
import time
import uuid
import zlib

import pyarrow as pa
import pyarrow.fs
import ray
from ray.data import Datasink


class Extract:
    """A batch of articles in, their graphs out; one instance per actor."""

    def __init__(self, published=None, base=None):
        import newsgraph

        self.newsgraph = newsgraph
        self.published = published
        self.base = base

    def __call__(self, batch: pa.Table) -> pa.Table:
        columns = batch.to_pydict()
        n = batch.num_rows

        def column(name):
            # A field no article of the block has is no column; a missing value may
            # come as None or as NaN.
            return [v if isinstance(v, str) else None for v in columns.get(name) or [None] * n]

        ids = column("id")
        graphs = self.newsgraph.extract_batch(
            [t or "" for t in column("text")],
            ids,
            [p or self.published for p in column("published")],
            base=self.base,
            titles=column("title"),
            urls=column("url"),
        )
        return pa.table(
            {
                "id": ids,
                "nquads": [g if isinstance(g, bytes) else None for g in graphs],
                "error": [None if isinstance(g, bytes) else str(g) for g in graphs],
            },
            schema=pa.schema([("id", pa.string()), ("nquads", pa.binary()), ("error", pa.string())]),
        )


class NQuadsDatasink(Datasink):
    """Writes each write task's graphs to one gzipped N-Quads shard, and the articles
    that failed to a JSON Lines file beside it, through pyarrow's file systems (local
    disk, S3, GCS, HDFS)."""

    def __init__(self, path: str, level: int = 1):
        self.level = level
        if "://" not in path:
            path = os.path.abspath(path)  # a local directory
        self.filesystem, self.path = pyarrow.fs.FileSystem.from_uri(path)
        self.run = uuid.uuid4().hex[:12]

    def on_write_start(self, schema=None) -> None:
        for part in ("nquads", "errors"):
            self.filesystem.create_dir(posixpath.join(self.path, part), recursive=True)

    def write(self, blocks, ctx) -> int:
        name = f"part-{self.run}-{ctx.task_idx:06d}"
        errors = []
        written = 0
        shard = posixpath.join(self.path, "nquads", f"{name}.nq.gz")
        # zlib at the level asked (pyarrow's gzip stream always compresses at level 9,
        # which costs three times level 6 and five times level 1); wbits 31 = gzip framing.
        gzip = zlib.compressobj(self.level, zlib.DEFLATED, 31)
        with self.filesystem.open_output_stream(shard, compression=None) as out:
            for block in blocks:
                table = block if isinstance(block, pa.Table) else pa.Table.from_pandas(block)
                for id_, graph, error in zip(*(table.column(c).to_pylist() for c in ("id", "nquads", "error"))):
                    if graph is not None:
                        out.write(gzip.compress(graph))
                        written += 1
                    else:
                        errors.append({"id": id_, "error": error})
            out.write(gzip.flush())
        if errors:
            path = posixpath.join(self.path, "errors", f"{name}.jsonl")
            with self.filesystem.open_output_stream(path) as out:
                out.write("".join(json.dumps(e) + "\n" for e in errors).encode())
        return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines file(s) or directory, any path Ray reads")
    parser.add_argument("output", help="directory for nquads/ and errors/")
    parser.add_argument("--partitions", type=int, default=None, help="blocks to read the input into")
    parser.add_argument("--cpus", type=int, default=None, help="CPUs of a local Ray (default: all); actors: one per CPU")
    parser.add_argument("--published", default=None, help="date of the articles that give none (YYYY-MM-DD)")
    parser.add_argument("--base", default=None, help="base IRI of minted names")
    parser.add_argument(
        "--compression-level",
        type=int,
        choices=range(1, 10),
        default=1,
        metavar="1-9",
        help="gzip level of the shards (default 1: a fifth larger than 6, three times faster to write)",
    )
    args = parser.parse_args()

    started = time.perf_counter()
    ray.init(num_cpus=args.cpus, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    ray.data.DataContext.get_current().enable_progress_bars = False
    up = time.perf_counter()
    actors = args.cpus or int(ray.cluster_resources().get("CPU", 1))

    # Reading and writing are light: they reserve no CPU, so that they run beside the
    # actors, which hold one CPU each (with a CPU each, they would wait for the actors
    # to finish, and the actors for their input).
    articles = ray.data.read_json(args.input, lines=True, override_num_blocks=args.partitions, num_cpus=0)
    graphs = articles.map_batches(
        Extract,
        fn_constructor_kwargs={"published": args.published, "base": args.base},
        batch_format="pyarrow",
        batch_size=64,
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=1,
    )
    graphs.write_datasink(NQuadsDatasink(args.output, args.compression_level), ray_remote_args={"num_cpus": 0})
    done = time.perf_counter()
    print(f"ray: engine up in {up - started:.1f} s; extracted and written in {done - up:.1f} s")
    ray.shutdown()


if __name__ == "__main__":
    main()
