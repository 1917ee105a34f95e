"""Types entity names into /api/search letter by letter and times each answer.

    python3 bench/search_latency.py BASE_URL [NAMES]

Prints the time of the first search (which builds the server's index), then the
median, 95th and 99th percentile over every keystroke after it, and the same lookups
as a SPARQL query that scans every label with a regular expression (the baseline).
"""

import json
import random
import statistics
import sys
import time
import urllib.parse
import urllib.request

base = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 300


def get(path):
    start = time.perf_counter()
    with urllib.request.urlopen(base + path) as response:
        body = response.read()
    return time.perf_counter() - start, body


def sparql(query):
    data = query.encode()
    request = urllib.request.Request(
        base + "/query",
        data=data,
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        body = response.read()
    return time.perf_counter() - start, json.loads(body)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


_, labels = sparql(
    "PREFIX ng: <https://w3id.org/newsgraph/ontology#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT DISTINCT ?l WHERE { VALUES ?t { ng:Person ng:Organization ng:Place } ?e a ?t ; rdfs:label ?l }"
)
labels = sorted(b["l"]["value"] for b in labels["results"]["bindings"])
random.seed(2026)
sample = random.sample(labels, min(count, len(labels)))
first, body = get("/api/search?q=a&limit=20")
print(f"labels in the store: {len(labels)}; first search (the server builds its index at start; this waits for it): {first * 1000:.0f} ms")

times, found = [], 0
typed = []
for name in sample:
    for k in range(1, min(len(name), 12) + 1):
        prefix = name[:k]
        if not prefix.strip():
            continue
        typed.append(prefix)
        elapsed, body = get("/api/search?" + urllib.parse.urlencode({"q": prefix, "limit": 20}))
        times.append(elapsed)
    hits = json.loads(body)["hits"]
    found += any(h["label"] == name for h in hits)
ms = [t * 1000 for t in times]
print(
    f"/api/search: {len(ms)} keystrokes over {len(sample)} names: median {statistics.median(ms):.2f} ms, "
    f"p95 {percentile(ms, 95):.2f} ms, p99 {percentile(ms, 99):.2f} ms, max {max(ms):.1f} ms; "
    f"the name among the first 20 hits after its last keystroke: {found}/{len(sample)}"
)

# The baseline: the same kind of lookup as one SPARQL query over every label.
random.seed(7)
scans = []
for prefix in random.sample(typed, min(40, len(typed))):
    words = json.dumps(prefix.lower())
    elapsed, _ = sparql(
        "PREFIX ng: <https://w3id.org/newsgraph/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?e ?l WHERE { VALUES ?t { ng:Person ng:Organization ng:Place ng:Event } ?e a ?t ; rdfs:label ?l . "
        f"FILTER(CONTAINS(LCASE(?l), {words})) }} LIMIT 20"
    )
    scans.append(elapsed * 1000)
print(
    f"baseline, SPARQL scan of every label: {len(scans)} lookups: median {statistics.median(scans):.1f} ms, "
    f"p95 {percentile(scans, 95):.1f} ms; /api/search's median is {statistics.median(scans) / statistics.median(ms):.0f}x faster"
)
