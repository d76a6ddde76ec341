#!/usr/bin/env python3
"""Draws entities of a store of the whole shared corpus for judging, with where they are named.

Ingests ../shared/corpus (wh-readouts/, milestones/, bench/wh-statements.jsonl.zst) into a fresh
store (or reads --db), exports its entities, and draws N of them with
random.Random(SEED).sample over the ids sorted: every entity of the store counts once, whatever
its mentions (unweighted). For each drawn entity it finds the documents that contribute it
(`parley extract --format entities` of each document, served by one `--requests` process) and
writes a TSV row with the card (type, label, aliases, roles, codes, mentions, documents) and up
to --contexts places where a document that contributes it writes its label or an alias (from
different documents first), for a reader to judge: label right? type right? one real-world
thing? aliases right? roles right?

Usage: tools/eval/entity_sample.py [--parley build/parley] [--db STORE] [--seed 21] [-n 100]
       [--contexts 3] -o SAMPLE.tsv
Exit status 0 unless a tool or input is missing.
"""
import argparse
import json
import pathlib
import random
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
COLUMNS = ["n", "id", "type", "label", "mentions", "documents", "aliases", "roles", "contexts",
           "verdict", "note"]


def find_corpus():
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    sys.exit("entity_sample.py: no shared/corpus found above the checkout")


def documents(corpus, tmp):
    """(name, text, path of a one-document input) for every corpus document."""
    docs = []
    for sub in ("wh-readouts", "milestones"):
        for f in sorted((corpus / sub).iterdir()):
            docs.append((f"{sub}/{f.name}", f.read_text(encoding="utf-8"), f))
    bench = corpus / "bench" / "wh-statements.jsonl.zst"
    lines = subprocess.run(["zstd", "-dc", str(bench)], check=True, capture_output=True,
                           text=True).stdout.splitlines()
    (tmp / "bench").mkdir()
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        rec = json.loads(line)
        path = tmp / "bench" / f"{i:05d}.jsonl"
        path.write_text(line + "\n", encoding="utf-8")
        docs.append((f"bench#{rec.get('id')}", (rec.get("title") or "") + "\n" + (rec.get("text") or ""),
                     path))
    return docs


def contributions(parley, docs, tmp):
    """entity id -> names of the documents whose extraction contributes it."""
    (tmp / "out").mkdir()
    requests = tmp / "requests.tsv"
    outs = [tmp / "out" / f"{i:05d}.jsonl" for i in range(len(docs))]
    requests.write_text("".join(f"{d[2]}\t{o}\n" for d, o in zip(docs, outs)), encoding="utf-8")
    subprocess.run([parley, "extract", "--format", "entities", "--requests", str(requests)],
                   check=True, stdout=subprocess.DEVNULL)
    by_id = {}
    for d, o in zip(docs, outs):
        for line in o.read_text(encoding="utf-8").splitlines():
            if line:
                by_id.setdefault(json.loads(line)["id"], []).append(d)
    return by_id


def contexts(entity, docs, limit):
    """Up to limit snippets where the documents write the entity's label or an alias."""
    names = sorted({entity["label"], *entity.get("aliases", [])}, key=len, reverse=True)
    # Line breaks, Markdown emphasis and escapes may sit between a name's words.
    alternatives = [r"[\s*_\\]+".join(re.escape(w) for w in n.split()) for n in names if n.strip()]
    pattern = re.compile(r"(?<!\w)(" + "|".join(alternatives) + r")(?!\w)")
    found = []
    for rounds in range(limit):
        for name, text, _ in docs:
            hits = list(pattern.finditer(text))
            if len(hits) > rounds and len(found) < limit:
                m = hits[rounds]
                snippet = " ".join(text[max(0, m.start() - 90):m.end() + 90].split())
                found.append(f"[{name}] {snippet}")
    return " ||| ".join(found)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parley", default=str(ROOT / "build" / "parley"))
    ap.add_argument("--db", help="an existing store of the corpus (default: ingest anew)")
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--contexts", type=int, default=3)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    corpus = find_corpus()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        db = args.db
        if db is None:
            db = str(tmp / "corpus.db")
            subprocess.run([args.parley, "ingest", "--db", db, "--jobs", "2",
                            str(corpus / "wh-readouts"), str(corpus / "milestones"),
                            str(corpus / "bench" / "wh-statements.jsonl.zst")], check=True,
                           stdout=subprocess.DEVNULL)
        out = tmp / "entities.jsonl"
        subprocess.run([args.parley, "export", "--db", db, "--format", "jsonl", "--what",
                        "entities", "-o", str(out)], check=True)
        entities = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            if line:
                e = json.loads(line)
                entities[e["id"]] = e
        drawn = random.Random(args.seed).sample(sorted(entities), min(args.n, len(entities)))
        docs = documents(corpus, tmp)
        by_id = contributions(args.parley, docs, tmp)
    rows = []
    for i, eid in enumerate(drawn, 1):
        e = entities[eid]
        roles = "; ".join(
            f"{r.get('office')} {r.get('country') or ''} {r.get('from') or ''}..{r.get('to') or ''}"
            f"{' ' + r['code'] if r.get('code') else ''}".strip() for r in e.get("roles", []))
        attrs = e.get("attributes", {})
        if attrs:
            roles = "; ".join(x for x in [roles, ", ".join(f"{k}={v}" for k, v in
                                                          sorted(attrs.items()))] if x)
        in_docs = by_id.get(eid, [])
        rows.append([str(i), eid, e["type"], e["label"], str(e.get("mentions", 0)),
                     str(len(in_docs)), "; ".join(e.get("aliases", [])), roles,
                     contexts(e, in_docs, args.contexts), "", ""])
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(f"# {len(rows)} of the {len(entities)} entities of a store of the whole shared "
                f"corpus, drawn unweighted (random.Random({args.seed}).sample over the sorted ids) "
                f"by tools/eval/entity_sample.py\n")
        for r in [COLUMNS] + rows:
            f.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in r) + "\n")
    print(f"{len(entities)} entities; wrote {len(rows)} to {args.output} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
