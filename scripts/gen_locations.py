#!/usr/bin/env python3
"""Write a synthetic locations table for benchmarks.

    python3 scripts/gen_locations.py OUT.csv [--rows N] [--seed S] [--currencies PATH]

Writes N data rows (default 10,000) in the locations.csv format described in
docs/data-format.md: header `country,area,factor,currency,zone,hiring`, unique
location ids (slug(country)/slug(area)), only currencies listed in
data/currencies.csv, and a share of quoted areas that contain commas.
The same seed always gives the same file. The output is made-up data for
load and parse benchmarks; do not commit it. Python 3 standard library only.
"""

import argparse
import csv
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CURRENCIES = os.path.join(HERE, "..", "data", "currencies.csv")
ZONES = ("Americas", "EMEA", "APAC")
SYLLABLES = ("ka", "lo", "mar", "ten", "vi", "sa", "dor", "ne", "bru", "qui",
             "an", "zel", "po", "ri", "hav", "mon", "ta", "lis", "gor", "eda")


def slug(text):
    """Lowercase ASCII letters and digits; every other run becomes one '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def read_currencies(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        codes = [row["currency"].strip() for row in csv.DictReader(f)]
    codes = [c for c in codes if c]
    if not codes:
        sys.exit(f"{path}: no currencies found")
    return codes


def word(rng, parts):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def generate(rows, seed, currencies):
    rng = random.Random(seed)
    seen = set()
    out = []
    country_no = 0
    while len(out) < rows:
        country_no += 1
        country = f"{word(rng, 2)} {word(rng, 1)} {country_no}"
        currency = rng.choice(currencies)
        zone = rng.choice(ZONES)
        hiring_country = rng.random() > 0.05
        base = rng.uniform(0.3, 0.95)
        # Either one country-wide "All" row, or metros plus "Everywhere else".
        if rng.random() < 0.3 or rows - len(out) == 1:
            areas = [("All", base)]
        else:
            metros = rng.randint(1, min(40, rows - len(out) - 1))
            areas = []
            for m in range(1, metros + 1):
                city = f"{word(rng, 2)} {m}"
                if rng.random() < 0.4:
                    city = f"{city}, {word(rng, 3)}"  # quoted on output
                areas.append((city, base + rng.uniform(0.0, 0.12)))
            areas.append(("Everywhere else", base))
        for area, factor in areas:
            if len(out) == rows:
                break
            ident = slug(country) + "/" + slug(area)
            if ident in seen:  # cannot happen with numbered names; keep the promise anyway
                continue
            seen.add(ident)
            factor = min(max(factor, 0.3), 1.05)
            hiring = "yes" if hiring_country and rng.random() > 0.02 else "no"
            out.append((country, area, f"{factor:.2f}", currency, zone, hiring))
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description="Write a synthetic locations.csv for benchmarks.")
    p.add_argument("out", help="path of the CSV file to write")
    p.add_argument("--rows", type=int, default=10_000, help="number of data rows (default 10000)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--currencies", default=DEFAULT_CURRENCIES,
                   help="currencies.csv whose codes may be used (default data/currencies.csv)")
    args = p.parse_args(argv)
    if args.rows < 1:
        p.error("--rows must be at least 1")
    rows = generate(args.rows, args.seed, read_currencies(args.currencies))
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["country", "area", "factor", "currency", "zone", "hiring"])
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
