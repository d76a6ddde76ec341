#!/usr/bin/env python3
"""Draws the random statement sample behind the precision figure of EVALUATION.md.

Every document of the shared corpus (../shared/corpus: wh-readouts/, milestones/ and
bench/wh-statements.jsonl.zst) that is not in the dev gold (../shared/eval/dev-gold/MANIFEST.tsv)
is extracted with `parley extract --format jsonl`, and the N statements with the smallest
SHA-1 of (SEED, document, sentence, subject, predicate, object, recipient) are drawn: a uniform
random sample that does not depend on thread order and stays the same for the statements a rule
change leaves alone, so a new draw after a change needs only its new lines judged. The sample
is written as TSV, one
statement a line, with empty `verdict` and `note` columns for the judge: `ok` when subject,
predicate and object (or recipient) are right for the sentence, `wrong` otherwise; modality,
time and text are not part of the verdict. With --judged FILE, verdicts of an earlier judged
sample are carried over to the lines that are the same statement of the same sentence.

Usage: tools/eval/precision_sample.py [--parley build/parley] [--corpus DIR] [--gold DIR]
       [--seed 14] [-n 200] [--judged FILE] -o SAMPLE.tsv
Prints the number of documents and statements drawn from, and, with --judged, how many lines
kept a verdict. Exit status 0 unless a tool or input is missing.
"""

import argparse
import csv
import hashlib
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
COLUMNS = ["n", "doc", "sentence", "subject", "predicate", "object", "recipient", "text",
           "modality", "rule", "verdict", "note"]


def find_shared():
    for parent in [ROOT] + list(ROOT.parents):
        candidate = parent / "shared"
        if (candidate / "corpus").is_dir():
            return candidate
    return None


def gold_sources(gold):
    """Corpus paths (relative to shared/) and bench record ids of the dev-gold documents."""
    paths, bench = set(), set()
    for line in (gold / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[1].startswith("bench:"):
            bench.add(cols[1][len("bench:"):])
        else:
            paths.add(cols[1])
    return paths, bench


def ref(r):
    return f"{r['id']} ({r['label']})" if isinstance(r, dict) and r.get("id") else ""


def corpus_inputs(corpus, gold, tmp):
    """The corpus files outside the dev gold; the bench records are written to tmp."""
    gold_paths, gold_bench = gold_sources(gold)
    inputs = []
    for sub in ("wh-readouts", "milestones"):
        for f in sorted((corpus / sub).iterdir()):
            if f"corpus/{sub}/{f.name}" not in gold_paths:
                inputs.append(str(f))
    bench = corpus / "bench" / "wh-statements.jsonl.zst"
    records = subprocess.run(["zstd", "-dc", str(bench)], check=True, capture_output=True,
                             text=True).stdout.splitlines()
    kept = [r for r in records if r.strip() and json.loads(r).get("id") not in gold_bench]
    (tmp / "bench.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    inputs.append(str(tmp / "bench.jsonl"))
    return inputs


def extract_rows(parley, inputs, out, rules=None):
    """Extracts the inputs with `parley extract` (with `--rules RULES` when given) into out; one
    row (COLUMNS) per statement."""
    extra = ["--rules", str(rules)] if rules else []
    subprocess.run([parley, "extract", "--format", "jsonl", "-o", str(out)] + extra + inputs,
                   check=True)
    rows = []
    for line in out.read_text(encoding="utf-8").splitlines():
        if not line:
            continue
        st = json.loads(line)
        doc = st.get("doc") or ""
        if "/shared/corpus/" in doc:
            doc = doc.split("/shared/corpus/", 1)[1]
        rows.append({
            "doc": doc,
            "sentence": " ".join((st.get("sentence") or "").split()),
            "subject": ref(st.get("subject")),
            "predicate": st.get("predicate") or "",
            "object": ref(st.get("object")),
            "recipient": ref(st.get("recipient")),
            "text": " ".join((st.get("text") or "").split()),
            "modality": st.get("modality") or "",
            "time": (st.get("time") or {}).get("value") or "-",
            "rule": st.get("rule") or "",
            "span": tuple(st.get("byte_span") or st.get("span") or [0, 0]),
        })
    return rows


def key(row):
    return (row["doc"], row["sentence"], row["subject"], row["predicate"], row["object"],
            row["recipient"])


def draw(rows, seed, n):
    """The n rows with the smallest SHA-1 of (seed, key): the same statements stay drawn."""
    def draw_key(r):
        text = "\t".join([str(seed)] + [str(x) for x in key(r)])
        return hashlib.sha1(text.encode("utf-8")).hexdigest()
    return sorted(rows, key=draw_key)[:n]


def write_sample(path, header, sample, verdicts=None):
    """Writes the sample as TSV (COLUMNS) under a `# header` line, numbered from 1, with the
    verdicts (key -> (verdict, note)) of an earlier judged sample; returns how many carried."""
    carried = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(f"# {header}\n")
        w = csv.DictWriter(f, fieldnames=COLUMNS, delimiter="\t", extrasaction="ignore",
                           lineterminator="\n")
        w.writeheader()
        for i, r in enumerate(sample, 1):
            r = dict(r, n=i, verdict="", note="")
            if verdicts and key(r) in verdicts:
                r["verdict"], r["note"] = verdicts[key(r)]
                carried += 1
            w.writerow(r)
    return carried


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--parley", default=str(ROOT / "build" / "parley"))
    ap.add_argument("--corpus", help="the shared corpus directory")
    ap.add_argument("--gold", help="the dev-gold directory (its documents are left out)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--judged", help="an earlier judged sample whose verdicts carry over")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    shared = find_shared()
    corpus = pathlib.Path(args.corpus) if args.corpus else (shared / "corpus" if shared else None)
    gold = pathlib.Path(args.gold) if args.gold else (shared / "eval" / "dev-gold" if shared else None)
    if corpus is None or not corpus.is_dir() or gold is None or not gold.is_dir():
        sys.exit("precision_sample.py: give --corpus and --gold (no shared/ found above the checkout)")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        rows = extract_rows(args.parley, corpus_inputs(corpus, gold, tmp), tmp / "s.jsonl")
    docs = len({r["doc"] for r in rows})

    sample = draw(rows, args.seed, args.n)
    verdicts = {}
    if args.judged:
        with open(args.judged, encoding="utf-8", newline="") as f:
            for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"):
                if row.get("verdict"):
                    verdicts[key(row)] = (row["verdict"], row.get("note", ""))
    carried = write_sample(args.output,
                           f"{len(sample)} statements drawn (smallest SHA-1 with seed {args.seed}) "
                           f"from {len(rows)} statements of {docs} corpus documents outside the "
                           "dev gold", sample, verdicts)
    print(f"{docs} documents, {len(rows)} statements, {len(sample)} drawn"
          + (f", {carried} verdicts carried over" if args.judged else ""))


if __name__ == "__main__":
    main()
