#!/usr/bin/env python3
"""Per-split CoNLL04 figures from `score.py --json` output: entities (01-03) and the
relations micro F1 (04-08), summed over the train-split and the dev-split articles
(the dev split is held out: report it, never tune on it).
Usage: python3 ../shared/eval/score.py --json --cq-dir ../shared/eval/conll04/cq \\
           ../shared/eval/conll04/gold/*.json > x.json && python3 bench/conll04_split.py x.json"""
import json
import sys


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def main():
    articles = json.load(open(sys.argv[1]))["articles"]
    for split in ("train", "dev"):
        sums = {}
        for name, questions in articles.items():
            if f"-{split}-" not in name:
                continue
            for q, c in questions.items():
                key = q if q[:2] in ("01", "02", "03") else "relations"
                s = sums.setdefault(key, [0, 0, 0])
                for i, part in enumerate(("tp", "fp", "fn")):
                    s[i] += c[part]
        cells = [f"{k.split('-')[-1] if k != 'relations' else k} {f1(*v):.3f}" for k, v in sorted(sums.items())]
        print(f"{split:5} " + "  ".join(cells))


if __name__ == "__main__":
    main()
