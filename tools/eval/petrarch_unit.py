#!/usr/bin/env python3
"""PETRARCH-2's unit tests run through parley (issue 15 item 4).

Imports the PETR.Validate dictionaries with `parley rules import --from petrarch`, extracts every
sentence of PETR.UnitTest.records.xml (one document per sentence, dated by the record) with those
rules and the built-in English of rules/lexicon, rules/core/words.rules and modality.rules
(--no-default-rules otherwise, as PETRARCH-2 codes them with nothing else), and compares the statements with the expected codings:

- an expected coding (source, target, event code) is found when one statement of its sentence
  has subject_code == source, object_code or recipient_code == target and cameo == event code;
  the expected `noevents` (or `error`: a discarded sentence or story, a dateline, a broken
  <Parse>, where PETRARCH emits nothing) of a sentence is found when it codes no event;
- a statement "codes an event" when it has a CAMEO event code and a subject code (the rows an
  event-data user keeps) and is not negated; it is unexpected when it matches no expected coding
  of its sentence (every coded event of a `noevents` sentence is unexpected);
- an actor the dictionaries give several codes ("THE_SHIRE [FRO/BIL/SAM]") matches each of them,
  as PETRARCH-2 codes one event per code.

Prints the codings found per category, the sentences with an unexpected event, and with -v
every sentence with a miss: the expected codings (found or missed), then what parley coded
(subject/object or recipient/CAMEO code, predicate, modality, rule). With --min-found N / --max-false M it exits 1 when fewer than N codings are found
or more than M sentences code an unexpected event (the figures committed in EVALUATION.md).

Usage: petrarch_unit.py --parley build/parley [--data tests/data/petrarch2-unit] [-v]
                        [--min-found N] [--max-false M] [--keep DIR]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
# The built-in rules that are English, not dictionaries: verb forms, function words, modality.
GRAMMAR = ["rules/lexicon", "rules/core/words.rules", "rules/core/modality.rules"]
DICTIONARIES = ["PETR.Validate.actors.txt", "PETR.Validate.agents.txt",
                "PETR.Validate.verbs.txt", "PETR.Validate.discards.txt"]


def load_records(path):
    """[(id, category, date YYYY-MM-DD, text, [(source, target, code)], noevents)]"""
    root = ET.parse(path).getroot()
    records = []
    for sentence in root.iter("Sentence"):
        date = sentence.get("date", "")
        iso = f"{date[0:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 else ""
        text = " ".join((sentence.findtext("Text") or "").split())
        codings, noevents = [], False
        for coding in sentence.iter("EventCoding"):
            if coding.get("noevents", "").strip().lower() == "true" or coding.get("error"):
                # No event expected: `noevents`, or an `error` PETRARCH stops at (a discarded
                # sentence or story, a dateline, a broken parse of the record's <Parse>).
                noevents = True
                continue
            codings.append((coding.get("sourcecode", ""), coding.get("targetcode", ""),
                            coding.get("eventcode", "")))
        records.append((sentence.get("id"), sentence.get("category", ""), iso, text, codings,
                        noevents))
    return records


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    return done


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parley", required=True)
    parser.add_argument("--data", default=os.path.join(REPO, "tests", "data", "petrarch2-unit"))
    parser.add_argument("--min-found", type=int)
    parser.add_argument("--max-false", type=int)
    parser.add_argument("--keep", help="write the rules, input and statements here")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    records = load_records(os.path.join(args.data, "PETR.UnitTest.records.xml"))
    work = args.keep or tempfile.mkdtemp(prefix="parley_petr_")
    os.makedirs(work, exist_ok=True)
    rules = os.path.join(work, "rules")
    run([args.parley, "rules", "import", "--from", "petrarch", "--no-default-rules", "-o",
         os.path.join(rules, "imported")] + [os.path.join(args.data, d) for d in DICTIONARIES])
    sentences = os.path.join(work, "sentences.jsonl")
    with open(sentences, "w", encoding="utf-8") as f:
        # Documents are numbered: a few record ids occur twice in the file (AGENTS-18, -19).
        for i, (rid, _, date, text, _, _) in enumerate(records):
            f.write(json.dumps({"id": f"{i:03d} {rid}", "date": date, "text": text}) + "\n")
    statements_path = os.path.join(work, "statements.jsonl")
    # The validation dictionaries and parley's English (GRAMMAR), as PETRARCH-2 codes them with
    # its dictionaries and a parser: the built-in dictionaries know other codes for real places
    # and read many of the same verbs with frames of their own, which win over imported ones
    # (rules/README.md, "The imported layer").
    grammar = [a for path in GRAMMAR for a in ("--rules", os.path.join(REPO, path))]
    run([args.parley, "extract", "--rules", rules, "--no-default-rules"] + grammar +
        ["--input-format", "jsonl", "--jobs", "1", "--format", "jsonl", "-o", statements_path,
         sentences])
    by_doc = collections.defaultdict(list)
    with open(statements_path, encoding="utf-8") as f:
        for line in f:
            st = json.loads(line)
            by_doc[st["doc"]].append(st)

    found = collections.Counter()
    total = collections.Counter()
    false_sentences = collections.Counter()
    sentences_per_category = collections.Counter()
    misses = []
    for i, (rid, category, _, text, codings, noevents) in enumerate(records):
        all_statements = by_doc.get(f"{i:03d} {rid}", [])
        sentences_per_category[category] += 1
        sentence_misses = []

        def codes(value):
            return (value or "").split("/")

        def matches(st, coding):
            source, target, code = coding
            return (source in codes(st.get("subject_code")) and st.get("cameo") == code and
                    target in codes(st.get("object_code")) + codes(st.get("recipient_code")))

        # Negated claims ("did not clash") are no events.
        statements = [st for st in all_statements if st.get("modality") != "negated"]

        for coding in codings:
            total[category] += 1
            if any(matches(st, coding) for st in statements):
                found[category] += 1
                sentence_misses.append(f"  found      {'/'.join(coding)}")
            else:
                sentence_misses.append(f"  MISSED     {'/'.join(coding)}")
        unexpected = [st for st in statements if st.get("cameo") and st.get("subject_code") and
                      not any(matches(st, coding) for coding in codings)]
        if noevents:  # the expected "coding" of no event at all
            total[category] += 1
            if unexpected:
                sentence_misses.append("  MISSED     noevents")
            else:
                found[category] += 1
        if unexpected:
            false_sentences[category] += 1
        if unexpected or any(line.startswith("  MISSED") for line in sentence_misses):
            misses.append(f"{rid} ({category}): {text}")
            misses.extend(sentence_misses)
            for st in all_statements:
                mark = "UNEXPECTED" if any(st is u for u in unexpected) else "coded"
                misses.append(f"  {mark:<10} {st.get('subject_code')}/"
                              f"{st.get('object_code') or st.get('recipient_code')}/"
                              f"{st.get('cameo')} ({st['predicate']}, {st.get('modality')}, "
                              f"rule {st['rule']})")

    if args.verbose:
        for line in misses:
            print(line)
    print(f"{'category':<10} {'codings found':>14} {'rate':>6} {'unexpected events':>18}")
    for category in sorted(sentences_per_category):
        n = total[category]
        rate = f"{100 * found[category] / n:.0f} %" if n else "-"
        print(f"{category:<10} {found[category]:>6} of {n:<5} {rate:>6} "
              f"{false_sentences[category]:>7} of {sentences_per_category[category]} sentences")
    all_found, all_total = sum(found.values()), sum(total.values())
    all_false, all_sentences = sum(false_sentences.values()), len(records)
    print(f"{'TOTAL':<10} {all_found:>6} of {all_total:<5} {100 * all_found / all_total:>4.1f} % "
          f"{all_false:>7} of {all_sentences} sentences ({100 * all_false / all_sentences:.1f} %)"
          " code an unexpected event")
    status = 0
    if args.min_found is not None and all_found < args.min_found:
        print(f"FAIL: {all_found} codings found, fewer than the committed {args.min_found}")
        status = 1
    if args.max_false is not None and all_false > args.max_false:
        print(f"FAIL: {all_false} sentences code an unexpected event, more than the committed "
              f"{args.max_false}")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
