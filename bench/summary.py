#!/usr/bin/env python3
"""Reads score.py --json from standard input and prints one line: micro P/R/F1 and F1 per question."""
import json
import sys


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    name = sys.argv[1]
    report = json.load(sys.stdin)
    total = report["total"]
    per = {}
    for article in report["articles"].values():
        for question, s in article.items():
            acc = per.setdefault(question, [0, 0, 0])
            acc[0] += s["tp"]
            acc[1] += s["fp"]
            acc[2] += s["fn"]
    questions = " ".join(
        "{}:{:.2f}".format(q.split("-")[0], f1(*v)) for q, v in sorted(per.items()) if sum(v)
    )
    # CoNLL04's goal names the micro F1 over its relation questions (04 to 08).
    relations = [v for q, v in per.items() if q.split("-")[0] in ("04", "05", "06", "07", "08")]
    extra = ""
    if name == "conll04" and relations:
        extra = "  relations micro F1 {:.3f}".format(f1(*(sum(c) for c in zip(*relations))))
    print("{:8} P {:.3f} R {:.3f} F1 {:.3f}  over {} articles  [{}]{}".format(
        name, total["precision"], total["recall"], total["f1"], len(report["articles"]), questions,
        extra))


if __name__ == "__main__":
    main()
