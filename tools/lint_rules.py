#!/usr/bin/env python3
"""Cross-file checks for the entity gazetteers that `parley rules check` does not make.

  * every id an entity refers to (capital, part-of, acts-as, role ... of, parties, place, and
    attribute values of the form type:slug) is defined somewhere under rules/;
  * ids are `<type>:<slug>` with a valid type and a slug of [a-z0-9-];
  * no literal alias, label or adjective is claimed by two entities (the engine would keep one
    silently: the one defined last), unless both entities set `priority` or the pair is listed
    in ALLOWED_SHARED.

Usage: tools/lint_rules.py [RULES_DIR]   (default: rules/). Exit status 1 on any problem.
"""

import collections
import pathlib
import re
import sys

TYPES = {"person", "state", "organization", "group", "place", "agreement", "event"}
ID_RE = re.compile(r"^(person|state|organization|group|place|agreement|event):[a-z0-9]+(-[a-z0-9]+)*$")
REF_RE = re.compile(r"\b(?:person|state|organization|group|place|agreement|event):[a-z0-9-]+")
# Texts deliberately shared: an adjective that is also the country's name, and the like.
ALLOWED_SHARED = {"New Zealand", "U.S.", "Hong Kong", "Myanmar", "Vatican"}


def parse(root):
    entities = {}
    problems = []
    for path in sorted(root.rglob("*.rules")):
        current = None
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("pattern") else raw
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line[0].isspace():
                current = None
                keyword, _, rest = line.partition(" ")
                if keyword == "entity":
                    eid = rest.strip()
                    where = f"{path}:{lineno}"
                    if not ID_RE.match(eid):
                        problems.append(f"{where}: malformed id '{eid}'")
                    if eid in entities:
                        problems.append(f"{where}: duplicate id {eid} (first at {entities[eid]['where']})")
                    current = {"where": where, "texts": [], "refs": [], "priority": False}
                    entities[eid] = current
                continue
            if current is None:
                continue
            key, _, value = line.strip().partition(" ")
            value = value.strip()
            if key in ("label", "alias", "adjective"):
                items = [value] if key == "label" else [v.strip() for v in value.split(",")]
                current["texts"] += [(t, f"{path}:{lineno}") for t in items if t]
            elif key == "priority":
                current["priority"] = True
            if key in ("capital", "part-of", "acts-as", "role", "parties", "place", "attr"):
                current["refs"] += [(r, f"{path}:{lineno}") for r in REF_RE.findall(value)]
    return entities, problems


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "rules")
    entities, problems = parse(root)
    for eid, entity in entities.items():
        for ref, where in entity["refs"]:
            if ref not in entities:
                problems.append(f"{where}: {eid} refers to undefined {ref}")
    owners = collections.defaultdict(set)
    for eid, entity in entities.items():
        for text, where in entity["texts"]:
            owners[text].add(eid)
    for text, ids in sorted(owners.items()):
        if len(ids) > 1 and text not in ALLOWED_SHARED:
            if all(entities[i]["priority"] for i in ids):
                continue
            problems.append(f"alias '{text}' is claimed by {', '.join(sorted(ids))}")
    for problem in problems:
        print(problem)
    counts = collections.Counter(eid.split(":")[0] for eid in entities)
    print(", ".join(f"{t}: {counts[t]}" for t in sorted(TYPES)) + f"; {len(problems)} problems",
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
