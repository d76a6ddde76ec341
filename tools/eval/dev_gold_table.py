#!/usr/bin/env python3
"""Scores a parley binary on a gold set and prints the per-document table EVALUATION.md holds.

For every NAME.jsonl of the gold directory, the document texts/NAME.* is extracted with
`parley extract --format jsonl` (statements) and `--format entities`, and scored with the gold
set's own scorer (score_gold.py beside the gold directory, as ../shared/eval/README.md
describes). The output is a Markdown table, one row per document (kind from MANIFEST.tsv),
then the TOTAL row; `--misses` also lists every missed relation under the table.

Usage: tools/eval/dev_gold_table.py [--parley build/parley] [--gold DIR] [--misses]
       [--rules DIR]...
  --gold   the gold directory (default: the first shared/eval/dev-gold found above this
           checkout, e.g. ../shared/eval/dev-gold)
  --rules  extra rule directories for parley (--rules DIR, repeatable)

A held-out set of the same kind is scored the same way (--gold DIR). Exit status 0 unless a
tool is missing.
"""

import argparse
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]


def find_gold():
    for parent in [ROOT] + list(ROOT.parents):
        candidate = parent / "shared" / "eval" / "dev-gold"
        if candidate.is_dir():
            return candidate
    return None


def manifest(gold):
    kinds = {}
    path = gold / "MANIFEST.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) >= 4:
                kinds[cols[0]] = cols[3]
    return kinds


def gold_documents(gold):
    """(gold file, document text) of each dev-gold document that has its text, by name."""
    for gold_file in sorted(gold.glob("*.jsonl")):
        texts = sorted((gold / "texts").glob(gold_file.stem + ".*"))
        if texts:
            yield gold_file, texts[0]


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


SUMMARY = re.compile(r"entities (\d+)/(\d+)\s+relations (\d+)/(\d+).*statements (\d+)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parley", default=str(ROOT / "build" / "parley"))
    parser.add_argument("--gold", type=pathlib.Path, default=None)
    parser.add_argument("--rules", action="append", default=[])
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    gold = args.gold or find_gold()
    if gold is None or not gold.is_dir():
        print("dev_gold_table.py: no gold directory (give --gold DIR)", file=sys.stderr)
        return 2
    scorer = gold.parent / "score_gold.py"
    if not scorer.exists():
        print(f"dev_gold_table.py: no scorer at {scorer}", file=sys.stderr)
        return 2
    if not pathlib.Path(args.parley).exists():
        print(f"dev_gold_table.py: no parley binary at {args.parley}", file=sys.stderr)
        return 2
    extra = [a for d in args.rules for a in ("--rules", d)]
    kinds = manifest(gold)
    rows, misses = [], []
    totals = [0, 0, 0, 0, 0]
    with tempfile.TemporaryDirectory() as tmp:
        statements = pathlib.Path(tmp) / "s.jsonl"
        entities = pathlib.Path(tmp) / "e.jsonl"
        for gold_file, text in gold_documents(gold):
            name, text = gold_file.stem, str(text)
            run([args.parley, "extract", text, "--format", "jsonl", "-o", str(statements)] + extra)
            run([args.parley, "extract", text, "--format", "entities", "-o", str(entities)] +
                extra)
            scored = run([sys.executable, str(scorer), str(gold_file), str(statements),
                          str(entities), "-v"])
            lines = scored.stdout.strip().splitlines()
            m = SUMMARY.search(lines[-1]) if lines else None
            if m is None:
                continue
            e, en, r, rn, s = map(int, m.groups())
            totals = [t + x for t, x in zip(totals, (e, en, r, rn, s))]
            rows.append((name, kinds.get(name, ""), e, en, r, rn, s))
            misses += [(name, l) for l in lines[:-1] if "relation" in l]
    def pct(a, b):
        return f"{100 * a / b:.0f}%" if b else "-"
    print("| document | kind | entities | relations | statements |")
    print("|---|---|---|---|---|")
    for name, kind, e, en, r, rn, s in rows:
        short = name if len(name) <= 60 else name[:57] + "..."
        print(f"| {short} | {kind} | {e}/{en} {pct(e, en)} | {r}/{rn} {pct(r, rn)} | {s} |")
    e, en, r, rn, s = totals
    print(f"| **TOTAL** | | **{e}/{en} {pct(e, en)}** | **{r}/{rn} {pct(r, rn)}** | {s} |")
    if args.misses:
        print()
        for name, line in misses:
            print(f"{name}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
