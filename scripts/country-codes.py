#!/usr/bin/env python3
"""Fills the fourth column of lexicons/countries.tsv, the ISO 3166-1 alpha-2 code, from
Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-1.json), matching a row's name or
one of its other names with the standard's name, common name or official name. The code
ties a country to the gazetteer's places (places.tsv names each place's country by code).
Running it twice changes nothing. Usage: python3 scripts/country-codes.py"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TSV = ROOT / "lexicons" / "countries.tsv"
ISO = pathlib.Path("/usr/share/iso-codes/json/iso_3166-1.json")


def main():
    codes = {}
    for c in json.loads(ISO.read_text())["3166-1"]:
        for key in ("name", "common_name", "official_name"):
            if key in c:
                codes.setdefault(c[key].lower(), c["alpha_2"])
        codes.setdefault(c["alpha_2"].lower(), c["alpha_2"])
        codes.setdefault(c["alpha_3"].lower(), c["alpha_2"])
    # Not in ISO 3166-1 under these names: the nations of the United Kingdom (GeoNames
    # gives their places GB), Kosovo (GeoNames' XK) and the State of Palestine.
    for name in ("england", "scotland", "wales", "northern ireland"):
        codes[name] = "GB"
    codes["kosovo"] = "XK"
    codes.setdefault("palestine", "PS")
    lines = TSV.read_text().split("\n")
    out, missing = [], []
    for line in lines:
        if line.startswith("#") or not line.strip():
            if line.startswith("# demonyms and adjectives (|-separated). Tab-separated."):
                line = "# demonyms and adjectives (|-separated), ISO 3166-1 alpha-2 code. Tab-separated."
            out.append(line)
            continue
        cols = (line.split("\t") + ["", "", ""])[:3]
        names = [cols[0]] + [a for a in cols[1].split("|") if a]
        code = next((codes[n.lower()] for n in names if n.lower() in codes), "")
        if not code:
            missing.append(cols[0])
        out.append("\t".join(cols + [code]))
    TSV.write_text("\n".join(out))
    if missing:
        print("no code for: " + ", ".join(missing), file=sys.stderr)


if __name__ == "__main__":
    main()
