"""Writes a corpus of invented news articles as JSON Lines, for tests that need a few
hundred articles and may not ship real ones (the distributed jobs of examples/).

    python3 tests/data/invented_corpus.py N > corpus.jsonl

Every name is made up from the syllables below; the sentences use the constructions
newsgraph reads (titles before names, quotes with attributions, reported speech,
actions with objects, dated events in places). The same N gives the same file. Two
articles are bad on purpose: one has no text, one an impossible publication date.
"""

import json
import random
import sys

FIRST = ["Mara", "Tomas", "Ilse", "Ravi", "Odile", "Kenji", "Lucia", "Anders", "Nadia", "Pieter", "Sunita", "Idris"]
SYLLABLES = ["vel", "dor", "kan", "mir", "sol", "bren", "tav", "lor", "quin", "zar", "ost", "fen"]
ORG_WORDS = ["Holdings", "Bank", "Council", "Institute", "Airlines", "Group", "Foundation", "Party"]
PLACES = ["Paris", "Berlin", "Nairobi", "Toronto", "Lisbon", "Manila", "Oslo", "Lima"]
TITLES = ["chief executive", "chairman", "spokeswoman", "finance minister", "director", "president"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
VERBS = [("signed", "a deal with"), ("sued", ""), ("hired", ""), ("criticised", ""), ("acquired", "")]


def word(rng, n=2):
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def article(rng, k):
    person = f"{rng.choice(FIRST)} {word(rng)}"
    other = f"{rng.choice(FIRST)} {word(rng, 3)}"
    org = f"{word(rng)} {rng.choice(ORG_WORDS)}"
    rival = f"{word(rng, 3)} {rng.choice(ORG_WORDS)}"
    place = rng.choice(PLACES)
    title = rng.choice(TITLES)
    month = rng.choice(MONTHS)
    day = rng.randint(1, 28)
    verb, prep = rng.choice(VERBS)
    surname = person.split()[1]
    sentences = [
        f"{org} {title} {person} said on Monday that the company would open an office in {place}.",
        f'"We are ready to grow," {surname} told reporters at the annual meeting of {org} in {place} on {month} {day}.',
        f"{org} {verb} {prep + ' ' if prep else ''}{rival} last year, according to {other}, a director of {rival}.",
        f"{other} said the move was {rng.choice(['unexpected', 'welcome', 'a mistake', 'long overdue'])}.",
        f'"It changes nothing for our customers," {other.split()[1]} said.',
    ]
    tail = sentences[2:]
    rng.shuffle(tail)
    sentences[2:] = tail
    headline = f"{org} plans office in {place}"
    text = headline + "\n\n" + " ".join(sentences) + "\n"
    record = {"id": f"invented-{k:04d}", "title": headline, "text": text}
    if k % 3:
        record["published"] = f"2024-{(k % 12) + 1:02d}-{(k % 27) + 1:02d}"
    return record


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rng = random.Random(20261206)
    for k in range(n):
        record = article(rng, k)
        if k == 7:
            record["text"] = "   "
        if k == 11:
            record["published"] = "2024-02-31"
        print(json.dumps(record, ensure_ascii=False))


if __name__ == "__main__":
    main()
