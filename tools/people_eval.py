#!/usr/bin/env python3
"""Lists the person entities a store of the whole shared corpus holds, checks that none is a
title or common word alone, and draws the fixed-seed sample EVALUATION.md judges.

Ingests ../shared/corpus (wh-readouts/, milestones/, bench/wh-statements.jsonl.zst) into a
fresh store (or reads --db), exports its entities, and writes:
  * PREFIX.tsv: every person entity (id, label, mentions, discovered_by, ambiguous, aliases);
  * PREFIX-sample.tsv: --sample entities drawn with random.Random(--seed), for judging;
and prints a summary. Exits 1 when a person's label is one word of the list JUNK (the titles
and common words issue 16 found as people) or is a single letter.

Usage: tools/people_eval.py [--parley build/parley] [--corpus DIR] [--db DIR]
                            [--sample 100] [--seed 16] [--out PREFIX]
"""

import argparse
import collections
import json
import pathlib
import random
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
JUNK = {"President", "Extraordinary", "County", "Secretary", "General", "Dr", "Counselor",
        "Speaker", "Counsel", "Officer", "Deputy", "Chief", "Minister", "Ambassador", "Mr",
        "Governor", "Senator", "Chairman", "Director", "The"}


def default_corpus():
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    return ROOT.parent / "shared" / "corpus"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parley", default=str(ROOT / "build" / "parley"))
    parser.add_argument("--corpus", default=str(default_corpus()))
    parser.add_argument("--db", help="an existing store of the corpus (default: ingest anew)")
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--out", default="people")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = str(pathlib.Path(tmp) / "corpus.db")
            corpus = pathlib.Path(args.corpus)
            subprocess.run([args.parley, "ingest", "--db", db, "--jobs", "2",
                            str(corpus / "wh-readouts"), str(corpus / "milestones"),
                            str(corpus / "bench" / "wh-statements.jsonl.zst")], check=True)
        entities = pathlib.Path(tmp) / "entities.jsonl"
        subprocess.run([args.parley, "export", "--db", db, "--format", "jsonl", "--what",
                        "entities", "-o", str(entities)], check=True)
        people = []
        for line in entities.read_text(encoding="utf-8").splitlines():
            e = json.loads(line)
            if e["type"] == "person":
                people.append(e)

    people.sort(key=lambda e: e["id"])
    rows = []
    for e in people:
        attrs = e.get("attributes", {})
        rows.append([e["id"], e["label"], str(e.get("mentions", 0)),
                     attrs.get("discovered_by", "list"), attrs.get("ambiguous", ""),
                     "; ".join(e.get("aliases", []))])
    header = ["id", "label", "mentions", "discovered_by", "ambiguous", "aliases"]
    with open(args.out + ".tsv", "w", encoding="utf-8") as f:
        for r in [header] + rows:
            f.write("\t".join(r) + "\n")
    sample = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    with open(args.out + "-sample.tsv", "w", encoding="utf-8") as f:
        for r in [header] + sample:
            f.write("\t".join(r) + "\n")

    by_source = collections.Counter(r[3] for r in rows)
    junk = [r for r in rows if r[1] in JUNK or len(r[1]) < 2]
    print(f"{len(rows)} person entities; by source: "
          + ", ".join(f"{k} {v}" for k, v in by_source.most_common()))
    print(f"single-word labels: {sum(1 for r in rows if ' ' not in r[1])}; "
          f"marked ambiguous: {sum(1 for r in rows if r[4])}")
    print(f"wrote {args.out}.tsv and {args.out}-sample.tsv (seed {args.seed})")
    if junk:
        print("titles or common words as people: " + ", ".join(r[1] for r in junk))
        return 1
    print("no person is a title or common word alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
