#!/usr/bin/env python3
"""Lists the statements a rule change adds on corpus documents outside the dev gold.

Both binaries extract the same documents as tools/eval/precision_sample.py (the shared corpus
less the dev-gold documents); a statement of the new binary whose (document, sentence,
subject, predicate, object, recipient) the old binary does not give is new. The new statements
are counted by predicate and rule; with -n N, the N with the smallest SHA-1 of (SEED, key) are
written as a TSV sample for judging (the columns of precision_sample.py), the way the precision
sample is drawn, so a sample of what a change adds can be read sentence by sentence.

Usage: tools/eval/new_statements.py --old OLD_PARLEY [--parley build/parley] [--old-rules DIR]
       [--rules DIR] [--corpus DIR] [--seed 14] [-n 50] [-o SAMPLE.tsv]
       [--only-rules RULE,...] [--lost | --modality | --time]
  --old-rules, --rules  extract with `--rules DIR` (a rules directory loaded with the built-in
                rules, such as an imported layer of tools/gen_imported.sh) on the old or the new
                side: the same binary with two layers measures what a layer adds
  --corpus      the corpus directory (default ../shared/corpus): a directory holding only
                milestones/, an empty wh-readouts/ and an empty bench file draws from the
                Milestones essays alone, as precision_sample.py's --corpus does
  --only-rules  count and draw only statements of these rules (ids as in the `rule` field)
  --lost        list the statements the new binary no longer gives instead
  --modality    list the statements both binaries give (same key, text and span) whose modality
                changed instead, counted by (old modality, new modality, rule); the sample's note
                column says the old modality
Exit status 0 unless a tool or input is missing.
"""
import argparse
import collections
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "eval"))
from precision_sample import (corpus_inputs, draw, extract_rows, find_shared,  # noqa: E402
                              key, write_sample)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", required=True, help="the parley binary before the change")
    ap.add_argument("--parley", default=str(ROOT / "build" / "parley"))
    ap.add_argument("--old-rules", help="rules directory for the old binary's --rules")
    ap.add_argument("--rules", help="rules directory for the new binary's --rules")
    ap.add_argument("--corpus", help="the corpus directory (default: shared/corpus)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("-n", type=int, default=0)
    ap.add_argument("-o", "--output")
    ap.add_argument("--only-rules", default="")
    ap.add_argument("--lost", action="store_true")
    ap.add_argument("--modality", action="store_true")
    ap.add_argument("--time", action="store_true")
    args = ap.parse_args()
    shared = find_shared()
    if shared is None:
        sys.exit("new_statements.py: no shared/ with corpus/ found above the checkout")
    corpus, gold = shared / "corpus", shared / "eval" / "dev-gold"
    if args.corpus:
        corpus = pathlib.Path(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        files = corpus_inputs(corpus, gold, tmp)
        old = extract_rows(args.old, files, tmp / "old.jsonl", args.old_rules)
        new = extract_rows(args.parley, files, tmp / "new.jsonl", args.rules)
    if args.modality:
        return changed_field(old, new, args, "modality")
    if args.time:
        return changed_field(old, new, args, "time")
    if args.lost:
        old, new = new, old
    before = {key(r) for r in old}
    added = [r for r in new if key(r) not in before]
    if args.only_rules:
        wanted = set(args.only_rules.split(","))
        added = [r for r in added if r["rule"] in wanted]
    print(f"{len(old)} -> {len(new)} statements; {len(added)} "
          + ("lost" if args.lost else "new"))
    for (pred, rule), n in collections.Counter(
            (r["predicate"], r["rule"]) for r in added).most_common():
        print(f"{n}\t{pred}\t{rule}")
    if args.n and args.output:
        sample = draw(added, args.seed, args.n)
        write_sample(args.output, f"{len(sample)} of {len(added)} statements added (smallest "
                     f"SHA-1 with seed {args.seed}), corpus documents outside the dev gold", sample)
    return 0


def changed_field(old, new, args, field):
    """Lists the statements of `new` whose `field` (modality or time) differs from the same
    statement in `old`."""
    def full(r):
        return key(r) + (r["text"], r["span"])
    before = collections.defaultdict(list)
    for r in old:
        before[full(r)].append(r[field])
    changed = []
    for r in new:
        was = before.get(full(r))
        if was is not None and r[field] not in was:
            note = "was " + ",".join(sorted(set(was)))
            changed.append(dict(r, was=note[4:], note=note if field == "modality"
                                else f"{note}, now {r[field]}"))
    if args.only_rules:
        wanted = set(args.only_rules.split(","))
        changed = [r for r in changed if r["rule"] in wanted]
    print(f"{len(old)} -> {len(new)} statements; {len(changed)} with another {field}")
    for (was, now, rule), n in collections.Counter(
            (r["was"], r[field], r["rule"]) for r in changed).most_common():
        print(f"{n}\t{was} -> {now}\t{rule}")
    if args.n and args.output:
        sample = draw(changed, args.seed, args.n)
        write_sample(args.output, f"{len(sample)} of {len(changed)} statements with another "
                     f"{field} (smallest SHA-1 with seed {args.seed}), corpus documents outside "
                     "the dev gold", sample,
                     {key(r): ("", r["note"]) for r in sample})
    return 0


if __name__ == "__main__":
    sys.exit(main())
