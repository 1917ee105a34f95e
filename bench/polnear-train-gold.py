#!/usr/bin/env python3
"""Gold answers for direct quotations from PolNeAR's *train* articles, for tuning.

The PolNeAR benchmark in ../shared/eval/polnear scores 40 articles that must stay held
out. This script builds gold files of the same shape (question 05-statements, direct
quotations only) from the other train articles, so that statement rules can be measured
on data one may look at:

    bench/polnear-train-gold.py --out target/polnear-train --limit 200
    python3 ../shared/eval/score.py target/polnear-train/*.json

Gold rows follow the benchmark's README: a Content span counts as a direct quotation
when at least 90% of its word characters lie inside quotation marks and its longest
quoted segment has 4+ words. Its speaker is the name in the Source span (the longest
run of capitalized words, titles dropped); any answer containing its last word counts. Sources without a name (pronouns,
descriptions) make an optional row with speaker "*"; indirect statements and the other
quoted segments are optional too. The benchmark used CoreNLP's names and coreference;
this one uses capitalization only, so its figures are close to, not the same as, the
benchmark's.
"""

import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "shared"))

TITLES = {
    "sen", "senator", "rep", "representative", "gov", "governor", "president", "mr", "mrs",
    "ms", "dr", "secretary", "former", "vice", "speaker", "leader", "chairman", "gen",
    "general", "state", "sens", "reps", "presidential", "candidate", "democratic",
    "republican", "gop", "u.s", "us", "house", "senate", "majority", "minority", "attorney",
    "mayor", "judge", "justice", "the", "white", "press", "spokesman", "spokeswoman",
    "campaign", "chief", "adviser", "advisor", "director", "manager", "rev", "lt", "col",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their"}
WORD = re.compile(r"[\w'’.-]+")


def quoted_mask(text):
    """One flag per character: inside a pair of quotation marks."""
    mask = [False] * len(text)
    inside = False
    for i, c in enumerate(text):
        if c == "\u201c" or c == '"' and not inside:
            inside = True
        elif c == "\u201d" or c == '"' and inside:
            inside = False
        elif c == "\n" and text[i + 1 : i + 2] == "\n":
            inside = False  # a paragraph break ends any quotation left open
        else:
            mask[i] = inside
    return mask


def quoted_segments(text, mask, start, end):
    segs, k = [], start
    while k < end:
        if mask[k]:
            j = k
            while j < end and mask[j]:
                j += 1
            segs.append(text[k:j].strip())
            k = j
        else:
            k += 1
    return segs


def is_direct(text, mask, start, end):
    chars = [i for i in range(start, end) if text[i].isalnum()]
    if not chars:
        return None
    inside = sum(mask[i] for i in chars) / len(chars)
    segs = quoted_segments(text, mask, start, end)
    longest = max(segs, key=lambda s: len(s.split()), default="")
    if inside >= 0.9 and len(longest.split()) >= 4:
        return segs
    return None


def name_in(source):
    """The name a Source span gives: its longest run of capitalized words, titles dropped."""
    runs, run = [], []
    for w in WORD.findall(source):
        if w[:1].isupper() and w.lower().rstrip(".") not in TITLES or run and w in {"Jr.", "de"}:
            run.append(w)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    if not runs:
        return None
    best = max(runs, key=len)
    best = [w.rstrip("’'s") if w.endswith(("’s", "'s")) else w for w in best]
    return " ".join(best).strip(" ,.")


def surname(name):
    """The speaker cell: any answer containing the name's last word ("~Olsen" accepts
    "Nina Olsen", "Olsen", "Nina Olsen Jr."), lenient where the benchmark lists the
    forms CoreNLP found."""
    return "~" + name.split()[-1]


def tilde(segment):
    words = segment.split()
    return "~" + " ".join(words[:8])


def read_ann(path):
    spans, events = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *offsets = parts[1].split(" ")
            spans[parts[0]] = (kind, int(offsets[0]), int(offsets[-1]))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(a.split(":", 1) for a in parts[1].split(" ") if ":" in a))
    return spans, events


def speaker_of(text, spans, e):
    """The speaker cell of an attribution, or None when its Source names nobody."""
    if "Source" not in e or e["Source"] not in spans:
        return None
    _, ss, se = spans[e["Source"]]
    source = text[ss:se]
    if not source.split() or source.split()[0].lower() in PRONOUNS:
        return None
    name = name_in(source)
    return surname(name) if name else None


def opening(content):
    """The first words of reported speech, without its "that"."""
    words = content.split()
    if words and words[0].lower() == "that":
        words = words[1:]
    return "~" + " ".join(words[:6])


def gold_for(text, ann, indirect):
    spans, events = read_ann(ann)
    mask = quoted_mask(text)
    rows, optional = [], [] if indirect else [["*", "indirect", "*"]]
    for e in events:
        if "Content" not in e or e["Content"] not in spans:
            continue
        _, cs, ce = spans[e["Content"]]
        segs = is_direct(text, mask, cs, ce)
        all_segs = [s for s in quoted_segments(text, mask, cs, ce) if len(s.split()) >= 4]
        speaker = speaker_of(text, spans, e)
        if segs is None:
            optional += [["*", "direct", tilde(s)] for s in all_segs]
            content = text[cs:ce]
            if indirect and len(content.split()) >= 4 and not all_segs:
                if speaker:
                    rows.append([speaker, "indirect", opening(content)])
                else:
                    optional.append(["*", "indirect", opening(content)])
            elif indirect:
                optional.append(["*", "indirect", "*"])
            continue
        longest = max(segs, key=lambda s: len(s.split()))
        others = [["*", "direct", tilde(s)] for s in all_segs if s != longest]
        optional += others
        if speaker:
            rows.append([speaker, "direct", tilde(longest)])
        else:
            optional.append(["*", "direct", tilde(longest)])
    return rows, optional


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=SHARED, help="the shared directory (training and eval)")
    ap.add_argument("--out", required=True, help="directory for the gold files")
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles (0: all)")
    ap.add_argument("--indirect", action="store_true",
                    help="also score reported speech (Contents with no quoted segment)")
    args = ap.parse_args()
    train = os.path.join(args.shared, "training", "polnear-train")
    held_out = set()
    for g in os.listdir(os.path.join(args.shared, "eval", "polnear", "gold")):
        held_out.add(g[: -len(".json")])
    meta = {}
    for line in open(os.path.join(train, "metadata.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "train":
            meta[f[1]] = f[5]
    os.makedirs(args.out, exist_ok=True)
    anns = sorted(os.listdir(os.path.join(train, "attributions")))
    done, written = set(), 0
    for ann in anns:
        name = ann.rsplit("_", 1)[0]
        if name in held_out or name in done or name not in meta:
            continue
        done.add(name)
        article = os.path.join(train, "text", name + ".txt")
        if not os.path.exists(article):
            continue
        text = open(article, encoding="utf-8").read()
        rows, optional = gold_for(text, os.path.join(train, "attributions", ann), args.indirect)
        gold = {
            "article": os.path.abspath(article),
            "published": meta[name],
            "source": {"corpus": "PolNeAR", "split": "train", "annotation": ann},
            "questions": {"05-statements": {"closed": True, "rows": rows, "optional": optional}},
        }
        with open(os.path.join(args.out, name + ".json"), "w", encoding="utf-8") as out:
            json.dump(gold, out, ensure_ascii=False, indent=1)
        written += 1
        if args.limit and written >= args.limit:
            break
    print(f"{written} gold files in {args.out} ({len(held_out)} benchmark articles left out)", file=sys.stderr)


if __name__ == "__main__":
    main()
