#!/usr/bin/env python3
"""Generates rules/gazetteer/states.rules and rules/gazetteer/capitals.rules.

Inputs:
  * Debian's iso-codes ISO 3166-1 table (names, official and common names, alpha codes);
  * tools/data/states.tsv, the maintained table of labels, extra aliases, demonyms/adjectives,
    capitals and status (see the comment block at its top).

Every one of the 249 ISO 3166-1 entries becomes a `state:` entity; every capital named in the
table becomes a `place:` entity, with `acts-as state:...` when the table says the capital stands
for the government ("Moscow said ..."). Whether a mention in a sentence is the place or the actor
is decided by the engine's context rules, not here.

Aliases are case-sensitive literals. Names that contain a comma or a parenthesis (the inverted
ISO forms such as "Korea, Republic of") are not aliases: the rule language separates literals
with commas, and nobody writes those forms in running text. An alias that must contain a comma
("Washington, D.C.") becomes an escaped RE2 `pattern` instead.

Also generates rules/gazetteer/national_groups.rules: collective actors of the countries listed
in tools/data/national_groups.tsv ("the Japanese public", "Russian media").

Usage: tools/gen_states.py [--iso PATH] [--table PATH] [--groups PATH] [--out-dir DIR] [--check]
  --check  compare with the committed files instead of writing (exit 1 when stale).
"""

import argparse
import json
import pathlib
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_ISO = pathlib.Path("/usr/share/iso-codes/json/iso_3166-1.json")
DEFAULT_TABLE = ROOT / "tools" / "data" / "states.tsv"
DEFAULT_GROUPS = ROOT / "tools" / "data" / "national_groups.tsv"
DEFAULT_OUT = ROOT / "rules" / "gazetteer"
COLUMNS = ["iso3", "label", "aliases", "adjectives", "capital", "cap_alias", "cap_actor",
           "status"]
RE2_META = set("\\.+*?()|[]{}^$")


def slugify(text):
    """Mirrors parley::Slugify (base/text.cc) for the Latin text used here."""
    out = []
    pending_dash = False
    for ch in text:
        if ch in "'\u2019.":
            continue
        folded = unicodedata.normalize("NFKD", ch)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
        if ch == "ß":
            folded = "ss"
        folded = folded.lower()
        if folded and all(c.isascii() and c.isalnum() for c in folded):
            if pending_dash and out:
                out.append("-")
            pending_dash = False
            out.append(folded)
        else:
            pending_dash = True
    return "".join(out)


def re2_escape(literal):
    return "".join("\\" + c if c in RE2_META else c for c in literal)


def quote_variants(name):
    """The engine matches on normalised sentences (curly quotes become straight ones), so an
    alias is written with straight quotes only."""
    return [name.replace("\u2019", "'")]


def split_list(field):
    return [item.strip() for item in field.split(";") if item.strip() and item.strip() != "-"]


def read_table(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) not in (len(COLUMNS), len(COLUMNS) + 1):
                sys.exit(f"{path}:{lineno}: expected {len(COLUMNS)} tab-separated columns "
                         f"(and optionally eras), got {len(fields)}")
            row = dict(zip(COLUMNS + ["eras"], fields))
            row.setdefault("eras", "")
            if row["iso3"] in rows:
                sys.exit(f"{path}:{lineno}: duplicate row for {row['iso3']}")
            if row["cap_actor"] not in ("y", "n"):
                sys.exit(f"{path}:{lineno}: cap_actor must be y or n, got '{row['cap_actor']}'")
            if row["status"] not in ("sovereign", "dependency", "disputed"):
                sys.exit(f"{path}:{lineno}: unknown status '{row['status']}'")
            row["lineno"] = lineno
            rows[row["iso3"]] = row
    return rows


def literal_lines(names):
    """Splits names into a sorted literal list and escaped patterns for comma-bearing ones."""
    literals, patterns = [], []
    for name in names:
        for variant in quote_variants(name):
            if "," in variant:
                patterns.append(re2_escape(variant))
            elif variant not in literals:
                literals.append(variant)
    return literals, sorted(set(patterns))


def state_names(entry, row):
    names = []
    for key in ("name", "common_name", "official_name"):
        name = entry.get(key, "")
        if name.startswith("the "):
            name = name[4:]
        if name and "," not in name and "(" not in name:
            names.append(name)
    names.extend(split_list(row["aliases"]))
    label = row["label"] or entry.get("common_name") or entry["name"]
    if "(" not in label:
        names.insert(0, label)
    seen, unique = set(), []
    for name in names:
        if name not in seen:
            seen.add(name)
            unique.append(name)
    return label, unique


GROUPS_NOTE = ("# Collective actors per country (tools/data/national_groups.tsv) from the adjectives\n"
               "# of states.tsv. A national legislature or army with a proper name is an\n"
               "# organization in organizations.rules.\n")


def adjectives_of(row):
    adjectives = []
    for adjective in split_list(row["adjectives"]):
        adjectives += [v for v in quote_variants(adjective) if v not in adjectives]
    return adjectives


def government_aliases(label, adjectives):
    """"the Japanese government" and "the government of Japan" act for the state itself."""
    names = [f"Government of {label}", f"government of {label}"]
    for adjective in adjectives:
        names += [f"{adjective} government", f"{adjective} Government",
                  f"{adjective} leadership", f"{adjective} administration"]
    return names


def read_groups(path):
    """Returns (kinds, codes): [(suffix, label noun, [nouns])] and the set of alpha-3 codes."""
    kinds, codes = [], set()
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if fields[0] == "kind" and len(fields) == 4:
                kinds.append((fields[1], fields[2], split_list(fields[3])))
            elif fields[0] == "state" and len(fields) == 2:
                codes.update(fields[1].split())
            else:
                sys.exit(f"{path}:{lineno}: expected 'kind<TAB>id<TAB>noun<TAB>nouns' or "
                         "'state<TAB>codes'")
    return kinds, codes


def national_groups(sid, row, kinds):
    adjectives = adjectives_of(row)
    if not adjectives:
        sys.exit(f"{sid}: national groups need an adjective in states.tsv")
    slug = sid.split(":", 1)[1]
    blocks = []
    for suffix, noun, nouns in kinds:
        aliases = []
        for adjective in adjectives:
            aliases += [f"{adjective} {n}" for n in nouns if f"{adjective} {n}" not in aliases]
        literals, patterns = literal_lines(aliases)
        block = [f"entity group:{slug}-{suffix}", f"  label      {adjectives[0]} {noun}",
                 f"  alias      {', '.join(literals)}"]
        block += [f"  pattern    {p}" for p in patterns]
        block += [f"  attr       country = {sid}", f"  attr       kind = {suffix}"]
        blocks.append("\n".join(block) + "\n")
    return "\n".join(blocks)


def render(iso_path, table_path, groups_path):
    with open(iso_path, encoding="utf-8") as f:
        entries = json.load(f)["3166-1"]
    table = read_table(table_path)
    kinds, group_codes = read_groups(groups_path)
    if group_codes - set(table):
        sys.exit(f"{groups_path}: unknown codes {sorted(group_codes - set(table))}")
    by_code = {e["alpha_3"]: e for e in entries}
    missing = sorted(set(by_code) - set(table))
    unknown = sorted(set(table) - set(by_code))
    if missing or unknown:
        sys.exit(f"{table_path}: rows missing for {missing}, unknown codes {unknown}")

    header = ("# GENERATED by tools/gen_states.py from iso-codes ISO 3166-1 and "
              "tools/data/states.tsv.\n# Do not edit: change the table and re-run the script.\n")
    states, capitals, groups = [header], [header], [header + GROUPS_NOTE]
    used = {}
    for code in sorted(by_code, key=lambda c: slugify(state_names(by_code[c], table[c])[0])):
        entry, row = by_code[code], table[code]
        label, names = state_names(entry, row)
        sid = "state:" + slugify(label)
        if sid in used:
            sys.exit(f"{table_path}:{row['lineno']}: id {sid} also used by {used[sid]}")
        used[sid] = code
        literals, patterns = literal_lines(names)
        adjectives = adjectives_of(row)
        if row["status"] != "dependency":
            literals += [a for a in government_aliases(label, adjectives) if a not in literals]
        if code in group_codes:
            groups.append(national_groups(sid, row, kinds))
        lines = [f"entity {sid}", f"  label      {label}"]
        if literals:
            lines.append(f"  alias      {', '.join(literals)}")
        lines += [f"  pattern    {p}" for p in patterns]
        lines.append(f"  attr       iso2 = {entry['alpha_2']}")
        lines.append(f"  attr       iso3 = {code}")
        lines.append(f"  attr       cameo = {code}")
        if entry.get("official_name"):
            lines.append(f"  attr       official_name = {entry['official_name']}")
        lines.append(f"  attr       status = {row['status']}")
        if adjectives:
            lines.append(f"  adjective  {', '.join(adjectives)}")
        lines += [f"  era        {era}" for era in split_list(row["eras"])]
        if row["capital"]:
            cid = "place:" + slugify(row["capital"])
            if cid in used:
                sys.exit(f"{table_path}:{row['lineno']}: id {cid} also used by {used[cid]}")
            used[cid] = code
            lines.append(f"  capital    {cid}")
            cap_literals, cap_patterns = literal_lines(
                [row["capital"]] + split_list(row["cap_alias"]))
            cap = [f"entity {cid}", f"  label      {row['capital']}",
                   f"  alias      {', '.join(cap_literals)}"]
            cap += [f"  pattern    {p}" for p in cap_patterns]
            cap.append(f"  attr       capital_of = {sid}")
            if row["cap_actor"] == "y":
                cap.append(f"  acts-as    {sid}")
            capitals.append("\n".join(cap) + "\n")
        states.append("\n".join(lines) + "\n")
    return {"states.rules": "\n".join(states), "capitals.rules": "\n".join(capitals),
            "national_groups.rules": "\n".join(g for g in groups if g)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iso", type=pathlib.Path, default=DEFAULT_ISO)
    parser.add_argument("--table", type=pathlib.Path, default=DEFAULT_TABLE)
    parser.add_argument("--groups", type=pathlib.Path, default=DEFAULT_GROUPS)
    parser.add_argument("--out-dir", type=pathlib.Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    outputs = render(args.iso, args.table, args.groups)
    stale = []
    for name, text in outputs.items():
        path = args.out_dir / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(path))
        else:
            args.out_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if stale:
        sys.exit("stale generated files (run tools/gen_states.py): " + ", ".join(stale))


if __name__ == "__main__":
    main()
