#!/usr/bin/env python3
"""Write a synthetic handbook data folder for tests and benchmarks.

    python3 scripts/gen_handbook.py OUT_DIR [--families N] [--locations N] [--seed S]

Writes OUT_DIR/paygrade.json (roles: the folder "roles/", index: "index.json"),
grades.csv, currencies.csv and the total-rewards tables (copies of the shipped ones; the maintained pay rules apply), a locations.csv of N
rows (default 10,000, made by gen_locations.py) and N job-family pages (default
400) under roles/<department>/, each with 1 to 4 levels. The levels are written
in the shapes handbooks use: a level heading with a "Job Grade" heading and a
sentence ("The Senior X is a [grade 7](...)"), a "Job Grade: 8" line, a table
with Level and Grade columns. Some families are folders named by their
_index.md (Hugo's convention), some files have no extension. Hiring steps are
nested and counted ("Two 45 minute interviews with ..."). Every word is made
up; the same seed always gives the same folder.

The index is not written: run `paygrade index OUT_DIR` (the bench times
`paygrade check OUT_DIR`, which reads every page). Do not commit the output.
Python 3 standard library only.
"""

import argparse
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_locations  # noqa: E402  (a sibling script, not a package)

DATA = os.path.join(HERE, "..", "data")
SYLLABLES = ("bra", "vo", "quen", "tal", "mir", "sed", "ou", "pra", "lin", "dax",
             "ter", "esh", "cal", "nor", "vy", "gan", "ri", "zol", "ume", "pe")
LADDERS = (
    ("Associate", "Intermediate", "Senior", "Staff"),
    ("Junior", "Senior", "Principal", "Distinguished"),
    ("Specialist", "Senior Specialist", "Lead", "Head"),
)
NUMBERS = ("Two", "Three")


def word(rng, parts):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def sentence(rng, words):
    text = " ".join(word(rng, rng.randint(1, 3)).lower() for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng, rng.randint(6, 14)) for _ in range(sentences))


def level_block(rng, form, title, grade, depth):
    """One level in one of the shapes real pages use."""
    heading = "#" * depth
    if form == 0:
        return (f"{heading} {title}\n\n{paragraph(rng, 2)}\n\n"
                f"{heading}# Job Grade\n\n"
                f"The {title} is a [grade {grade}](/handbook/total-rewards/job-grades/#grade-{grade}).\n")
    if form == 1:
        return (f"{heading} {title}\n\n{paragraph(rng, 1)}\n\n"
                f"{heading}# {title} Job Grade\n\nThe {title} is a grade {grade}.\n")
    return f"{heading} {title}\n\nJob Grade: {grade}\n\n{paragraph(rng, 1)}\n"


def page(rng, department, family, levels):
    """A job-family page: front matter, overview, levels, common sections, hiring."""
    noun = word(rng, 2)
    ladder = rng.choice(LADDERS)
    start_grade = rng.randint(5, 11 - levels)
    titles = [f"{ladder[i]} {noun} {family}" for i in range(levels)]
    grades = [min(start_grade + i, 12) for i in range(levels)]
    lines = [
        "---",
        f'title: "{noun} {family}"',
        f'description: "What a {noun} {family} in {department} does and how we hire one."',
        f"weight: {rng.randint(1, 90)}",
        "layout: job_family",
        "---",
        "",
        paragraph(rng, 3),
        "",
    ]
    if levels > 1 and rng.random() < 0.25:
        lines += ["## Job Grade", "", "| Level | Grade |", "| --- | --- |"]
        lines += [f"| {t} | [Grade {g}](/handbook/total-rewards/job-grades/) |"
                  for t, g in zip(titles, grades)]
        lines.append("")
        for title in titles:
            lines += [f"### {title}", "", paragraph(rng, 1), ""]
    else:
        depth = rng.choice((2, 3))
        for i, (title, grade) in enumerate(zip(titles, grades)):
            form = 0 if i == 0 else rng.randint(0, 2)
            lines += [level_block(rng, form, title, grade, depth)]
            lines += ["#### Responsibilities", ""]
            lines += [f"- {sentence(rng, rng.randint(5, 12))}" for _ in range(rng.randint(2, 5))]
            lines.append("")
    lines += ["## Requirements", ""]
    lines += [f"- {sentence(rng, rng.randint(5, 12))}" for _ in range(rng.randint(3, 6))]
    lines += ["", "## Performance Indicators", ""]
    lines += [f"- {sentence(rng, rng.randint(3, 6))}" for _ in range(rng.randint(1, 3))]
    lines += [
        "",
        "## Hiring Process",
        "",
        "Candidates can expect the following:",
        "",
        f"- Selected candidates are invited to a 30 minute screening call with one of our {word(rng, 2)} Recruiters.",
        "- A first round:",
        f"  - {rng.choice(NUMBERS)} {rng.choice((45, 60))} minute interviews with {department} team members",
        f"  - A 30 minute interview with the {word(rng, 2)} Manager",
        f"- A 60 minute interview with the Head of {department}",
        "- Successful candidates will then receive an offer via email",
        "",
        "## Relevant Links",
        "",
        f"- [{department} handbook](/handbook/{department.lower()}/)",
        "",
    ]
    return "\n".join(lines)


def generate(out, families, locations, seed):
    rng = random.Random(seed)
    roles = os.path.join(out, "roles")
    if os.path.exists(roles):
        shutil.rmtree(roles)
    os.makedirs(roles)
    departments = sorted({word(rng, 3) for _ in range(12)})[:8]
    used = set()
    for number in range(1, families + 1):
        department = rng.choice(departments)
        family = f"{word(rng, 2)} {number}"
        slug = gen_locations.slug(family)
        folder = os.path.join(roles, gen_locations.slug(department))
        shape = rng.random()
        if shape < 0.1:
            path = os.path.join(folder, slug, "_index.md")  # a family that is a folder
        elif shape < 0.15:
            path = os.path.join(folder, slug)  # no extension
        else:
            path = os.path.join(folder, slug + ".md")
        if path in used:  # numbered names cannot repeat; keep the promise anyway
            continue
        used.add(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(page(rng, department, family, rng.randint(1, 4)))

    for table in ("grades.csv", "currencies.csv", "equity.csv", "benefits.csv", "hiring.csv", "payments.csv"):
        shutil.copyfile(os.path.join(DATA, table), os.path.join(out, table))
    currencies = gen_locations.read_currencies(os.path.join(DATA, "currencies.csv"))
    rows = gen_locations.generate(locations, seed, currencies)
    with open(os.path.join(out, "locations.csv"), "w", newline="", encoding="utf-8") as f:
        writer = gen_locations.csv.writer(f, lineterminator="\n")
        writer.writerow(["country", "area", "factor", "currency", "zone", "hiring"])
        writer.writerows(rows)

    with open(os.path.join(DATA, "paygrade.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    manifest["organisation"] = "Generated Handbook Co."
    manifest["roles"] = ["roles/"]
    manifest["index"] = "index.json"
    with open(os.path.join(out, "paygrade.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    return len(used)


def main(argv=None):
    p = argparse.ArgumentParser(description="Write a synthetic handbook data folder.")
    p.add_argument("out", help="folder to write (created if missing; its roles/ is replaced)")
    p.add_argument("--families", type=int, default=400, help="job-family pages (default 400)")
    p.add_argument("--locations", type=int, default=10_000, help="location rows (default 10000)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = p.parse_args(argv)
    if args.families < 0 or args.locations < 1:
        p.error("--families must be 0 or more and --locations at least 1")
    os.makedirs(args.out, exist_ok=True)
    written = generate(args.out, args.families, args.locations, args.seed)
    print(f"wrote {written} job families and {args.locations} locations to {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
