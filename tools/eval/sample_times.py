#!/usr/bin/env python3
"""Draws the fixed sample of dated statements that EVALUATION.md judges ("Statement times").

usage: tools/eval/sample_times.py STATEMENTS.jsonl [N] [SEED]

Reads `parley extract --format jsonl` output, keeps the statements that carry a time, orders
them by (doc, byte_span, id) so the draw does not depend on the file's order, and prints N of
them (default 50, seed 16) with what a reader needs to judge the year: the time and its
source, the claim, the sentence, and for a time taken from the paragraph the paragraph's text
before the sentence. The documents are read from the paths in `doc`."""
import json
import random
import sys


def paragraph_before(text, begin):
    """The text of the paragraph holding byte offset `begin`, up to it."""
    start = text.rfind("\n\n", 0, begin)
    return text[start + 2 if start >= 0 else 0:begin].strip()


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 16
    dated = []
    for line in open(path, encoding="utf-8"):
        st = json.loads(line)
        if st.get("time"):
            dated.append(st)
    dated.sort(key=lambda s: (s["doc"], s["byte_span"][0], s["id"]))
    sample = random.Random(seed).sample(dated, min(n, len(dated)))
    print(f"{len(dated)} dated statements; {len(sample)} drawn with seed {seed}")
    for k, st in enumerate(sample, 1):
        t = st["time"]
        obj = (st.get("object") or {}).get("label") or st.get("text") or ""
        print(f"\n#{k} {st['doc']} [{st['id']}]")
        print(f"  time {t['value']} ({t.get('source', 'text')})  "
              f"{st['subject']['label']} {st['predicate']} {obj}  ({st['modality']})")
        print(f"  sentence: {st['sentence']}")
        if t.get("source") == "paragraph":
            raw = open(st["doc"], "rb").read()
            before = paragraph_before(raw.decode("utf-8", "replace"),
                                      len(raw[:st["byte_span"][0]].decode("utf-8", "replace")))
            print(f"  paragraph before: {before[-600:]}")


if __name__ == "__main__":
    main()
