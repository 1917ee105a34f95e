#!/usr/bin/env python3
"""Learns which words name events, and of which kind, from ECB+ and writes
lexicons/event-words.tsv.

ECB+ (Cybulska & Vossen, LREC 2014; CC BY 3.0) marks event mentions in 982 news
documents by class: ACTION_OCCURRENCE (something happened: "funeral", "earthquake",
"arrested"), ACTION_REPORTING (speech), ACTION_STATE, ACTION_ASPECTUAL ("began"),
ACTION_CAUSATIVE, ACTION_PERCEPTION, ACTION_GENERIC, and their negations. Only the
sentences listed in ECBplus_coreference_sentences.csv are annotated, so only those are
counted. A word form is kept when it is the head (last token) of at least MIN_COUNT
event mentions and at least MIN_SHARE of its occurrences in annotated sentences are
event mentions; its class is the one it has most often. newsgraph reads the nouns among
them as unnamed events ("the funeral", "a lawsuit") and skips verbs of the classes that
name no deed.

    scripts/build-event-words.py [ECBPLUS_DIR]    # default ../shared/training/ecbplus

Same input, same file.
"""

import collections
import csv
import os
import re
import sys

MIN_COUNT = 3
MIN_SHARE = 0.5

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ecb = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "training", "ecbplus")
    annotated = collections.defaultdict(set)  # document name -> sentence numbers
    with open(os.path.join(ecb, "ECBplus_coreference_sentences.csv"), newline="") as f:
        for row in csv.DictReader(f):
            annotated[f"{row['Topic']}_{row['File']}.xml"].add(row["Sentence Number"])
    events = collections.defaultdict(collections.Counter)  # word -> class counts
    seen = collections.Counter()  # word -> occurrences in annotated sentences
    token_re = re.compile(r'<token t_id="(\d+)" sentence="(\d+)" number="\d+">([^<]*)</token>')
    mark_re = re.compile(r"<((?:NEG_)?ACTION_[A-Z_]+) m_id=\"\d+\"\s*>(.*?)</\1>", re.S)
    anchor_re = re.compile(r'<token_anchor t_id="(\d+)"/>')
    docs = sorted(
        os.path.join(d, f)
        for d, _, files in os.walk(os.path.join(ecb, "docs"))
        for f in files
        if f.endswith(".xml")
    )
    for path in docs:
        name = os.path.basename(path)
        sentences = annotated.get(name)
        if not sentences:
            continue
        text = open(path, encoding="utf-8").read()
        tokens = {}
        for t_id, sentence, word in token_re.findall(text):
            tokens[t_id] = (sentence, word)
            if sentence in sentences:
                seen[word.lower()] += 1
        for cls, body in mark_re.findall(text):
            anchors = anchor_re.findall(body)
            if not anchors or anchors[-1] not in tokens:
                continue
            sentence, word = tokens[anchors[-1]]
            if sentence in sentences and word.isalpha():
                events[word.lower()][cls.replace("NEG_", "")] += 1
    rows = []
    for word, classes in events.items():
        count = sum(classes.values())
        share = count / max(seen[word], 1)
        if count >= MIN_COUNT and share >= MIN_SHARE:
            cls, _ = max(classes.items(), key=lambda kv: (kv[1], kv[0]))
            rows.append((word, cls, count, share))
    rows.sort()
    out = os.path.join(ROOT, "lexicons", "event-words.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Words that name events, learned from ECB+ (Cybulska & Vossen 2014, CC BY 3.0) by\n")
        f.write("# scripts/build-event-words.py: word, its most frequent class, event mentions, share of\n")
        f.write(f"# its occurrences that are event mentions (kept: >= {MIN_COUNT} mentions, share >= {MIN_SHARE}).\n")
        for word, cls, count, share in rows:
            f.write(f"{word}\t{cls}\t{count}\t{share:.2f}\n")
    print(f"{len(rows)} event words written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
