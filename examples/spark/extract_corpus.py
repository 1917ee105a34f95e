"""Extracts the knowledge graph of a JSON Lines corpus with Apache Spark.

Each line of the input is an article: {"id", "text", "published", "title", "url"} (only
"text" and "id" are needed). Spark reads the lines, newsgraph's Python module extracts
each partition's articles (mapInArrow: Arrow batches in and out, no per-row Python
objects), and Spark's own text writer writes it all in one pass, gzipped:

    OUTPUT/kind=nquads/part-NNNNN-….nq.gz    the articles' graphs (each in its named graph)
    OUTPUT/kind=errors/part-NNNNN-….txt.gz   {"id", "error"} for each article that failed

Nothing is written from inside the tasks; the driver gives the graph shards their .nq.gz
names once Spark has committed them. Every article's graph depends on that article
alone, so the shards concatenated are `newsgraph extract --independent --format nq` of
the corpus, in another order, and load with `newsgraph load --store DIR
OUTPUT/kind=nquads/*.nq.gz`.

    python3 examples/spark/extract_corpus.py INPUT.jsonl OUTPUT [--partitions N]
        [--master local[2]] [--published YYYY-MM-DD] [--base IRI]

On a cluster, ship the wheel of scripts/build-wheel.sh to the executors (for example in
a packed virtual environment, `--archives venv.tar.gz#venv`) and submit this file:

    spark-submit --master yarn --archives venv.tar.gz#venv \\
        --conf spark.pyspark.python=./venv/bin/python \\
        examples/spark/extract_corpus.py hdfs:///news/*.jsonl hdfs:///graphs/news --partitions 400
"""

import argparse
import json
import time

SCHEMA = "id string, text string, published string, title string, url string"
OUT_SCHEMA = "kind string, line string"


def extract_partition(batches, published=None, base=None):
    """mapInArrow's function: Arrow record batches of articles in, of graphs out."""
    import pyarrow as pa

    import newsgraph  # loaded once per Python worker; its lexicons and models once per process

    for batch in batches:
        columns = batch.to_pydict()
        ids = columns["id"]
        dates = [p or published for p in columns["published"]]
        graphs = newsgraph.extract_batch(
            [t or "" for t in columns["text"]],
            ids,
            dates,
            base=base,
            titles=columns["title"],
            urls=columns["url"],
        )
        kinds, lines = [], []
        for id_, graph in zip(ids, graphs):
            if isinstance(graph, bytes):
                kinds.append("nquads")
                # Spark's text writer ends every row with a newline of its own.
                lines.append(graph.decode("utf-8").removesuffix("\n"))
            else:
                kinds.append("errors")
                lines.append(json.dumps({"id": id_, "error": str(graph)}))
        yield pa.RecordBatch.from_pydict({"kind": kinds, "line": lines})


# Hadoop's names of zlib's levels (org.apache.hadoop.io.compress.zlib.ZlibCompressor.CompressionLevel).
ZLIB_LEVELS = {
    1: "BEST_SPEED",
    2: "TWO",
    3: "THREE",
    4: "FOUR",
    5: "FIVE",
    6: "SIX",
    7: "SEVEN",
    8: "EIGHT",
    9: "BEST_COMPRESSION",
}


def rename_shards(spark, directory, old=".txt.gz", new=".nq.gz"):
    """Gives committed shards their format's extension, through Hadoop's file system
    (local disk, HDFS or an object store alike), on the driver."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(directory)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    for status in fs.listStatus(path):
        name = status.getPath().getName()
        if name.endswith(old):
            fs.rename(status.getPath(), jvm.org.apache.hadoop.fs.Path(directory, name[: -len(old)] + new))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines file(s) or directory, any path Spark reads")
    parser.add_argument("output", help="directory for kind=nquads/ and kind=errors/ (replaced)")
    parser.add_argument("--partitions", type=int, default=None, help="partitions (default: Spark's)")
    parser.add_argument("--master", default=None, help="Spark master when not given by spark-submit, e.g. local[2]")
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

    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.appName("newsgraph-extract")
        .config("spark.ui.showConsoleProgress", "false")
        # Hadoop's gzip writer (the built-in one and zlib's) reads its level from here.
        .config("spark.hadoop.zlib.compress.level", ZLIB_LEVELS[args.compression_level])
    )
    if args.master:
        builder = builder.master(args.master)
    started = time.perf_counter()
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    up = time.perf_counter()

    articles = spark.read.schema(SCHEMA).json(args.input)
    if args.partitions:
        articles = articles.repartition(args.partitions)
    graphs = articles.mapInArrow(lambda batches: extract_partition(batches, args.published, args.base), OUT_SCHEMA)
    # One pass: graphs and errors go through the same writer, apart by kind.
    graphs.write.mode("overwrite").partitionBy("kind").text(args.output, compression="gzip")
    rename_shards(spark, f"{args.output}/kind=nquads")
    done = time.perf_counter()
    print(
        f"spark: engine up in {up - started:.1f} s; extracted and written in {done - up:.1f} s "
        f"(failed articles, if any, in {args.output}/kind=errors)"
    )
    spark.stop()


if __name__ == "__main__":
    main()
