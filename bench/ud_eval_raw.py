#!/usr/bin/env python3
"""Scores an analysis of raw text against a treebank whose words differ from the
system's: words are aligned on the characters they cover (spaces ignored), as the CoNLL
2018 shared task's evaluator does, and each score is an F1 over gold and system words.

    python3 bench/ud_eval_raw.py text GOLD.conllu > raw.txt      # the treebank's raw text
    newsgraph analyze raw.txt > system.conllu
    python3 bench/ud_eval_raw.py score GOLD.conllu system.conllu

`text` writes the treebank's text (sentences of a paragraph joined by a space, paragraphs
and documents by a blank line). `score` prints one JSON line: F1 of sentences, words
(tokenization), and of UPOS, lemmas, UAS and LAS over aligned words (a system word is
right when it is aligned and its tag, or its head's aligned word and relation, are).
"""
import json, sys


def read(path):
    """Sentences as lists of words (form, lemma, upos, head, deprel, surface span)."""
    sentences, words, surface = [], [], {}
    for line in open(path, encoding="utf8"):
        line = line.rstrip("\n")
        if not line:
            if words:
                sentences.append(words)
            words, surface = [], {}
        elif line.startswith("#"):
            continue
        else:
            c = line.split("\t")
            if "." in c[0]:
                continue
            if "-" in c[0]:
                a, b = map(int, c[0].split("-"))
                for k in range(a, b + 1):
                    surface[k] = (c[1], a, b)
                continue
            k = int(c[0])
            words.append({"form": c[1], "lemma": c[2], "upos": c[3], "head": int(c[6]) if c[6].isdigit() else 0,
                          "deprel": c[7], "token": surface.get(k)})
    if words:
        sentences.append(words)
    return sentences


def spans(sentences):
    """Each word's character span in the text without spaces, and each sentence's.
    Words of a multiword token share its surface span."""
    at, out, sent = 0, [], []
    for s in sentences:
        start = at
        k = 0
        while k < len(s):
            w = s[k]
            if w["token"]:
                form, a, b = w["token"]
                n = b - a + 1
                surface = "".join(form.split())
                parts = ["".join(s[k + j]["form"].split()) for j in range(n)]
                if "".join(parts) == surface:
                    # "don't" = "do" + "n't": each word its own characters.
                    for j, part in enumerate(parts):
                        out.append((at, at + len(part), len(sent), k + j))
                        at += len(part)
                else:
                    for j in range(n):
                        out.append((at, at + len(surface), len(sent), k + j))
                    at += len(surface)
                k += n
            else:
                length = len("".join(w["form"].split()))
                out.append((at, at + length, len(sent), k))
                at += length
                k += 1
        sent.append((start, at))
    return out, sent


def f1(right, gold, system):
    return round(2 * right / (gold + system), 4) if gold + system else 0.0


def score(gold_path, system_path):
    gold, system = read(gold_path), read(system_path)
    gspans, gsent = spans(gold)
    sspans, ssent = spans(system)
    # Words align when they cover the same characters; a multiword token's words align in order.
    by_span = {}
    for gs in gspans:
        by_span.setdefault((gs[0], gs[1]), []).append(gs)
    aligned = {}
    used = {}
    for ss in sspans:
        key = (ss[0], ss[1])
        options = by_span.get(key, [])
        k = used.get(key, 0)
        if k < len(options):
            aligned[(ss[2], ss[3])] = (options[k][2], options[k][3])
            used[key] = k + 1
    gword = lambda s, k: gold[s][k]
    sword = lambda s, k: system[s][k]
    n_gold, n_system = len(gspans), len(sspans)
    words = len(aligned)
    upos = lemma = uas = las = 0
    for (ss, sk), (gs, gk) in aligned.items():
        sw, gw = sword(ss, sk), gword(gs, gk)
        upos += sw["upos"] == gw["upos"]
        lemma += sw["lemma"].lower() == gw["lemma"].lower()
        # The system head's aligned gold word must be the gold head (root = root).
        if sw["head"] == 0:
            head_ok = gw["head"] == 0
        else:
            target = aligned.get((ss, sw["head"] - 1))
            head_ok = gw["head"] != 0 and target == (gs, gw["head"] - 1)
        uas += head_ok
        las += head_ok and sw["deprel"] == gw["deprel"]
    sentences = len(set(gsent) & set(ssent))
    print(json.dumps({
        "gold words": n_gold, "system words": n_system,
        "Sentences": f1(sentences, len(gsent), len(ssent)),
        "Words": f1(words, n_gold, n_system),
        "UPOS": f1(upos, n_gold, n_system), "lemma": f1(lemma, n_gold, n_system),
        "UAS": f1(uas, n_gold, n_system), "LAS": f1(las, n_gold, n_system),
    }))


def text(gold_path):
    paragraphs, current, sentence_text = [], [], None
    for line in open(gold_path, encoding="utf8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc") or line.startswith("# newpar"):
            if current:
                paragraphs.append(" ".join(current))
            current = []
        elif line.startswith("# text = "):
            current.append(line[len("# text = "):])
    if current:
        paragraphs.append(" ".join(current))
    sys.stdout.write("\n\n".join(paragraphs) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "text":
        text(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
