#!/usr/bin/env python3
"""Classifies every missed dev-gold relation by what parley found instead.

For every NAME.jsonl of the gold directory, the document texts/NAME.* is extracted with
`parley extract --format jsonl`, and each gold relation that no statement matches (the rule of
the gold set's score_gold.py: subject, predicate and object regexes, time prefix) is put into
the first class that fits:

  time            a statement has the subject, predicate and object, but another time
  other-predicate a statement has the subject and the object (the gold names one), under
                  another predicate (the predicates found are listed)
  other-object    a statement has the subject and the predicate, with another object (listed)
  subject-only    the subject is the subject of statements, none with this predicate or object
  not-subject     the subject's entity is named in statements, never as their subject
  absent          no statement names the subject at all

With -v, each miss is printed with its class, what was found, and the text's sentences that
match both the subject and the object regexes (where the construction can be read). The
output ends with the count per class.

Usage: tools/eval/miss_classes.py [--parley build/parley] [--gold DIR] [-v] [--rules DIR]...
Exit status 0 unless a tool is missing.
"""

import argparse
import collections
import json
import pathlib
import re
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "eval"))
from dev_gold_table import find_gold, gold_documents, run  # noqa: E402


def load(path):
    rows = []
    for line in pathlib.Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line:
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return rows


def texts(st):
    """What the scorer compares the object regex with (score_gold.py's texts())."""
    out = []
    for k in ("object", "recipient", "place", "event"):
        r = st.get(k)
        if isinstance(r, dict):
            out += [r.get("label") or "", r.get("id") or ""]
        elif isinstance(r, list):
            out += [x.get("label") or "" for x in r if isinstance(x, dict)]
    for k in ("text", "quote", "claim"):
        if isinstance(st.get(k), str):
            out.append(st[k])
    return out


def names(st):
    out = []
    for k in ("object", "recipient", "place", "event"):
        r = st.get(k)
        if isinstance(r, dict):
            out.append((r.get("label") or "") + " " + (r.get("id") or ""))
    return out


def time_of(st):
    t = st.get("time")
    if isinstance(t, dict):
        return t.get("value") or ""
    return str(t or "")


def subject_key(st):
    s = st.get("subject") or {}
    return (s.get("label") or "") + " " + (s.get("id") or "")


def classify(g, stmts):
    """Returns (class, detail) for one missed gold relation."""
    s_re, p_re, o_re = g["s"], g["p"], g["o"]
    subj = [st for st in stmts if re.search(s_re, subject_key(st))]
    o_ok = lambda st: not o_re or any(re.search(o_re, t) for t in texts(st))
    p_ok = lambda st: re.search(p_re, st.get("predicate") or "", re.I)
    spo = [st for st in subj if p_ok(st) and o_ok(st)]
    if spo:
        return "time", sorted({time_of(st) or "-" for st in spo})
    if o_re:
        so = [st for st in subj if o_ok(st)]
        if so:
            return "other-predicate", sorted({st["predicate"] for st in so})
    sp = [st for st in subj if p_ok(st)]
    if sp:
        return "other-object", sorted({"|".join(t for t in texts(st) if t)[:80] for st in sp})
    if subj:
        return "subject-only", sorted({st["predicate"] for st in subj})
    if any(re.search(s_re, n) for st in stmts for n in names(st)):
        return "not-subject", []
    return "absent", []


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parley", default=str(ROOT / "build" / "parley"))
    parser.add_argument("--gold", type=pathlib.Path, default=None)
    parser.add_argument("--rules", action="append", default=[])
    parser.add_argument("-v", action="store_true", help="print each miss and its sentences")
    args = parser.parse_args()
    gold = args.gold or find_gold()
    if gold is None or not gold.is_dir():
        print("miss_classes.py: no gold directory (give --gold DIR)", file=sys.stderr)
        return 2
    if not pathlib.Path(args.parley).exists():
        print(f"miss_classes.py: no parley binary at {args.parley}", file=sys.stderr)
        return 2
    extra = [a for d in args.rules for a in ("--rules", d)]
    counts = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "s.jsonl"
        for gold_file, text in gold_documents(gold):
            name = gold_file.stem
            run([args.parley, "extract", str(text), "--format", "jsonl", "-o", str(out)] + extra)
            stmts = load(out) if out.exists() else []
            sents = sentences(text.read_text(encoding="utf-8", errors="replace"))
            for g in load(gold_file):
                if g.get("kind") != "relation":
                    continue
                hit = any(
                    re.search(g["s"], subject_key(st)) and
                    re.search(g["p"], st.get("predicate") or "", re.I) and
                    (not g["o"] or any(re.search(g["o"], t) for t in texts(st))) and
                    (not g.get("time") or time_of(st).startswith(g["time"])) for st in stmts)
                if hit:
                    continue
                cls, detail = classify(g, stmts)
                counts[cls] += 1
                if args.v:
                    print(f"{cls}\t{name[:40]}\ts={g['s']} p={g['p']} o={g['o']} "
                          f"time={g.get('time', '')}\tfound: {'; '.join(detail)[:200]}")
                    for s in sents:
                        if re.search(g["s"], s) and (not g["o"] or re.search(g["o"], s)):
                            print(f"\t\t> {s[:400]}")
    for cls, n in counts.most_common():
        print(f"{cls}\t{n}")
    print(f"total\t{sum(counts.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
