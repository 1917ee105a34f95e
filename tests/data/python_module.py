"""Checks the newsgraph Python module (tests/distributed.rs runs it after installing the
wheel): the same bytes as the command line, error entries, arguments.

    python tests/data/python_module.py ARTICLE.txt ARTICLE.nq VERSION

ARTICLE.nq is `newsgraph extract ARTICLE.txt --published 2020-11-23 --independent
--format nq`; VERSION the crate's version.
"""

import sys
import threading
import time

import newsgraph

article, cli, version = sys.argv[1:4]
text = open(article, encoding="utf-8").read()
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


check(newsgraph.__version__ == version, f"__version__ is {newsgraph.__version__}")
[graph] = newsgraph.extract_batch([text], ["wic2020"], "2020-11-23")
check(graph == open(cli, "rb").read(), "the bytes are those of `newsgraph extract --format nq`")
check(f'"newsgraph {version}"'.encode() in graph, "the graph records the version")

graphs = newsgraph.extract_batch(
    [text, " \n", "Ada Brell said so.", text],
    ["a", "empty", "bad-date", "b"],
    ["2020-11-23", None, "2020-02-30", None],
)
check(isinstance(graphs[0], bytes) and isinstance(graphs[3], bytes), "good articles give bytes")
check(isinstance(graphs[1], newsgraph.ArticleError) and "no text" in str(graphs[1]), f"no text: {graphs[1]!r}")
check(isinstance(graphs[2], newsgraph.ArticleError) and "2020-02-30" in str(graphs[2]), f"bad date: {graphs[2]!r}")
check(b"2020-11-23" in graphs[0] and b"ng#published" not in graphs[3], "dates per article")

many = [text] * 8
ids = [f"a{i}" for i in range(8)]
check(
    newsgraph.extract_batch(many, ids, "2020-11-23", threads=3) == newsgraph.extract_batch(many, ids, "2020-11-23"),
    "three threads give what one gives, in order",
)
[other] = newsgraph.extract_batch([text], ["wic2020"], base="http://example.org/news/")
check(b"<http://example.org/news/article/wic2020>" in other, "base names the IRIs")
[titled] = newsgraph.extract_batch([text], ["t"], titles=["A headline"], urls=["https://news.example/t"])
check(b'"A headline"' in titled and b"<https://news.example/t>" in titled, "titles and urls as in JSON Lines")

for wrong, message in [
    (lambda: newsgraph.extract_batch(["a"], []), "0 ids"),
    (lambda: newsgraph.extract_batch(["a"], ["x"], ["2020-01-01", None]), "published has 2"),
    (lambda: newsgraph.extract_batch(["a"], ["x"], base="not an iri"), "base"),
]:
    try:
        wrong()
        check(False, f"refused: {message}")
    except ValueError as e:
        check(message in str(e), f"refused: {e}")

# The GIL is released while extracting: another Python thread keeps running.
ticks = 0
stop = False


def tick():
    global ticks
    while not stop:
        ticks += 1
        time.sleep(0.001)


ticker = threading.Thread(target=tick)
ticker.start()
before = ticks
newsgraph.extract_batch([text] * 30, [f"g{i}" for i in range(30)])
during = ticks - before
stop = True
ticker.join()
check(during > 5, f"another thread ran while a batch was extracted ({during} ticks)")

if failures:
    sys.exit(f"{len(failures)} check(s) failed")
print("every check passed")
