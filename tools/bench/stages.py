#!/usr/bin/env python3
"""Where extraction's instructions go, by stage, from a callgrind profile of `parley extract`.

  tools/bench/stages.py CALLGRIND.OUT

Prints a Markdown table: each stage's instructions (inclusive: the stage's function and all it
calls) and share of the run, then the allocator's own instructions (malloc, free, new, delete,
whichever allocator) across all stages. tools/bench/profile.sh makes the profile.

Callgrind names functions with their argument lists; this groups by name alone. A stage is one
or more functions (below); RE2 programs built on first use (LazyRegex, any caller) are a stage
of their own and are taken out of the stage that first reached them.
"""
import collections
import re
import sys

# (stage, functions whose inclusive costs add up to it)
STAGES = [
    ("start-up: compiling the rules (RuleSet::Compile)", ["parley::RuleSet::Compile"]),
    ("reading documents (JSON Lines, zstd)", ["parley::anon::DocumentReaderImpl::Next"]),
    ("preparing: blocks, normalising, sentence splitting (PrepareDocument)",
     ["parley::PrepareDocument"]),
    ("tagging: tokens, aliases, entity patterns, dates, the tagged string (Tag)",
     ["parley::internal::Tag"]),
    ("discovery: names by shape, discover rules, local aliases",
     ["parley::internal::DiscoverByShape", "parley::internal::Discover",
      "parley::internal::AddLocalMentions", "parley::internal::DocumentWords::AddUnit",
      "parley::internal::LinkShortForms", "parley::internal::HasLocalAlias"]),
    ("coreference, sectors, the document's actors",
     ["parley::internal::Coref", "parley::internal::ApplySectors",
      "parley::internal::DocumentActors::Establish"]),
    ("clause layer (AnalyzeClauses)", ["parley::internal::AnalyzeClauses"]),
    ("relations: rule patterns, frames, overlaps (Relations without the clause layer)",
     ["parley::internal::Relations"]),
    ("RE2 programs of rule patterns, built on first use", []),
    ("the document's entity list", ["parley::anon::Analyzer::Entities"]),
    ("writing statements (JSON)", ["parley::CitedStatementToJson"]),
]
LAZY = "pthread_once"  # LazyRegex builds through std::call_once
ALLOCATOR = re.compile(r"^(malloc|free|_int_malloc|_int_free|malloc_consolidate|cfree|"
                       r"operator new|operator delete|operator new\[\]|operator delete\[\]|"
                       r"mi_\w+|_mi_\w+|unlink_chunk\.constprop\.0)$")


def short(name):
    name = name.replace("(anonymous namespace)", "anon")
    name = re.sub(r"\(.*", "", name).replace("[abi:cxx11]", "")
    return re.sub(r"('\d+|@@.*)$", "", name)


def load(path):
    names = {}
    self_cost = collections.Counter()
    calls = collections.defaultdict(collections.Counter)
    fn = cfn = None
    pending = False

    def name_of(spec):
        m = re.match(r"\((\d+)\)(?: (.*))?", spec)
        if not m:
            return short(spec)
        if m.group(2) is not None:
            names[m.group(1)] = short(m.group(2))
        return names[m.group(1)]

    with open(path) as f:
        for line in f:
            if line.startswith("fn="):
                fn = name_of(line[3:].strip())
            elif line.startswith("cfn="):
                cfn = name_of(line[4:].strip())
            elif line.startswith("calls="):
                pending = True
            elif line[:1].isdigit() or line[:1] in "+-*":
                parts = line.split()
                if len(parts) < 2:
                    continue
                cost = int(parts[1])
                if pending:
                    if cfn != fn:
                        calls[fn][cfn] += cost
                    pending = False
                else:
                    self_cost[fn] += cost
    return self_cost, calls


def main():
    self_cost, calls = load(sys.argv[1])
    total = sum(self_cost.values())
    inclusive = lambda f: self_cost[f] + sum(calls[f].values())
    lazy_total = 0
    rows = []
    for stage, functions in STAGES:
        cost = 0
        for f in functions:
            cost += inclusive(f) - calls[f][LAZY]
            lazy_total += calls[f][LAZY]
        rows.append([stage, cost])
    # The clause layer runs inside Relations.
    clause = next(r for r in rows if r[0].startswith("clause layer"))
    relations = next(r for r in rows if r[0].startswith("relations"))
    relations[1] -= clause[1]
    next(r for r in rows if r[0].startswith("RE2 programs"))[1] = lazy_total
    allocator = sum(c for f, c in self_cost.items() if ALLOCATOR.match(f))
    accounted = sum(r[1] for r in rows)
    rows.append(["the rest (the pipeline, statement ids, sorting, ...)", total - accounted])
    print("| Stage | Instructions | Share |")
    print("|---|---|---|")
    for stage, cost in rows:
        print(f"| {stage} | {cost / 1e9:.2f} G | {100 * cost / total:.1f}% |")
    print(f"| **whole process** | **{total / 1e9:.2f} G** | 100% |")
    print(f"| of which the allocator (malloc, free, new, delete) | {allocator / 1e9:.2f} G |"
          f" {100 * allocator / total:.1f}% |")


if __name__ == "__main__":
    main()
