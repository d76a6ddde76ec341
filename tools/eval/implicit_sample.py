#!/usr/bin/env python3
"""Draws a fixed-seed sample of statements whose subject is a collective or implicit actor.

usage: implicit_sample.py PARLEY N SEED DOC...

Extracts the documents, visits their statement sentences in a seeded random order and asks
`parley rules explain` how each was read. A statement counts when its subject was resolved
through extract/participants.h (explain prints the subject with how it was found: "the
participants from the title", "the nearest subject", ...) or is an office noun without a
country ("The President", the coref rule office-noun). Prints N such statements, one block
each (document, sentence, statement, how), for a reader to judge; EVALUATION.md has the
judged sample.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

FIRED = re.compile(r"^  (\S+) \((?:frame|pattern) line \d+\): .*?subject=(\S+) \(([^)]*)\)")
OFFICE = re.compile(r'^  \d+-\d+ "?(.*?)"?  (\S+) .*\[coref rule office-noun\]')


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    parley, n, seed, docs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "s.jsonl")
        subprocess.run([parley, "extract", *docs, "-o", out], check=True,
                       stderr=subprocess.DEVNULL)
        by_sentence = {}
        for line in open(out, encoding="utf-8"):
            st = json.loads(line)
            by_sentence.setdefault((st["doc"], st["sentence_index"]), []).append(st)
    keys = sorted(by_sentence)
    random.Random(seed).shuffle(keys)
    shown = 0
    for doc, index in keys:
        if shown >= n:
            break
        explain = subprocess.run([parley, "rules", "explain", "--file", doc, "--sentence",
                                  str(index)], capture_output=True, text=True).stdout
        how = {}  # (rule, subject) -> how the subject was found
        for line in explain.splitlines():
            m = FIRED.match(line)
            if m and not m.group(3).startswith("parties of"):
                how[(m.group(1), m.group(2))] = m.group(3)
            m = OFFICE.match(line)
            if m:
                for st in by_sentence[(doc, index)]:
                    if st["subject"]["id"] == m.group(2):
                        how.setdefault((st["rule"], m.group(2)), f'office noun "{m.group(1)}"')
        # One statement per sentence keeps the sample spread over the corpus.
        for st in by_sentence[(doc, index)]:
            found = how.get((st["rule"], st["subject"]["id"]))
            if found is None:
                continue
            shown += 1
            other = st.get("object") or st.get("recipient") or {}
            print(f"{shown}. {os.path.basename(doc)} #{index}")
            print(f"   sentence: {' '.join(st['sentence'].split())}")
            print(f"   statement: {st['subject']['id']} {st['predicate']} "
                  f"{other.get('id', st.get('text') or '')}  [{found}]")
            break


if __name__ == "__main__":
    main()
