#!/usr/bin/env python3
"""Generates rules/gazetteer/subdivisions.rules: the first-level subdivisions of the world's
states (provinces, states, regions, governorates, prefectures, autonomous republics ...) from
Debian's iso-codes ISO 3166-2 table, as `place:` entities `part-of` their state.

ISO 3166-2 writes names in the country's own romanisation ("Shandong Sheng", "Gujarāt"): the
label drops the generic suffix of Chinese names (Sheng, Shi, Zizhiqu ...) and an alias without
diacritics is added ("Gujarat"). Left out, so that a mention is never a wrong place:
  * names that another gazetteer file already uses as an alias (states, capitals, places),
  * names held by subdivisions of two or more states ("Punjab" is in India and Pakistan),
  * one-word names that are common English words or shorter than four letters ("Central",
    "North", "Capital"), from the list in this file,
  * one-word names that are also a word of a person's or body's name in the Phoenix actor
    dictionaries (shared/dictionaries/petrarch2, MIT): "Herrera" is a province of Panama and a
    surname, and a surname must stay free for the name it belongs to,
  * subdivisions whose type is not first-level (districts, municipalities, counties, parishes).

Usage: tools/gen_subdivisions.py [--iso PATH] [--phoenix DIR] [--out PATH] [--check]
  --check  compare with the committed file instead of writing (exit 1 when stale).
"""

import argparse
import json
import pathlib
import re
import sys
import unicodedata

from gen_output import write_or_check

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_ISO = pathlib.Path("/usr/share/iso-codes/json/iso_3166-2.json")
DEFAULT_ISO1 = pathlib.Path("/usr/share/iso-codes/json/iso_3166-1.json")
DEFAULT_OUT = ROOT / "rules" / "gazetteer" / "subdivisions.rules"
GAZETTEER = ROOT / "rules" / "gazetteer"
# shared/ lies beside the checkout (or beside the folder of worktrees).
DEFAULT_PHOENIX = next((p / "shared" / "dictionaries" / "petrarch2" for p in ROOT.parents
                        if (p / "shared" / "dictionaries" / "petrarch2").is_dir()),
                       ROOT.parent / "shared" / "dictionaries" / "petrarch2")
PHOENIX_FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt"]

TYPES = {
    "Province", "State", "Region", "Autonomous region", "Prefecture", "Governorate",
    "Special administrative region", "Autonomous republic", "Republic", "Autonomous province",
    "Territory", "Administrative region", "Autonomous community", "Federal district",
    "Autonomous territorial unit", "Union territory", "Emirate", "Oblast", "Krai",
    "Autonomous okrug", "Autonomous oblast", "Land", "Federal territory", "Island council",
}
# Generic words of Chinese subdivision names (pinyin for province, city, autonomous region).
SUFFIXES = re.compile(r" (Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|SAR)$")
# One-word names that are ordinary English words.
COMMON = {
    "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "capital", "coast", "coastal", "lakes", "lake", "islands", "island", "river", "valley",
    "highlands", "upper", "lower", "middle", "centre", "center", "interior", "mountain",
    "plateau", "savanes", "lagunes", "border", "frontier", "federal", "national", "special",
    "orange", "victoria", "lincoln", "washington", "georgia", "columbia", "santa", "san",
    "saint", "mission", "union", "liberty", "independence", "central river", "manchester",
    "lima", "panama", "mexico", "guatemala", "sucre", "bolivar", "colon", "amazonas", "para",
}


def ascii_fold(text):
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


def slug(text):
    s = ascii_fold(text).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def existing_aliases(exclude=DEFAULT_OUT.name):
    """Every literal alias and label of the gazetteer files but `exclude` (the file written)."""
    names = set()
    for path in sorted(GAZETTEER.glob("*.rules")):
        if path.name == exclude:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s+(label|alias|alias/i)\s+(.*)$", line)
            if not m:
                continue
            for item in m.group(2).split(","):
                item = item.strip()
                if item:
                    names.add(item)
                    names.add(ascii_fold(item))
    return names


def state_ids(iso1_path, attr="iso2"):
    """ISO code (attribute `attr`: iso2 or iso3) -> state entity id, read from states.rules."""
    ids = {}
    current = None
    for line in (GAZETTEER / "states.rules").read_text(encoding="utf-8").splitlines():
        m = re.match(r"entity (state:\S+)", line)
        if m:
            current = m.group(1)
        m = re.match(r"\s+attr\s+" + attr + r" = (\S+)", line)
        if m and current:
            ids[m.group(1)] = current
    return ids


def phoenix_name_words(directory):
    """First and last words of the multi-word actor names (JOHN_SMITH_) of the dictionaries."""
    words = set()
    for name in PHOENIX_FILES:
        path = pathlib.Path(directory) / name
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r"^\+?([A-Z][A-Z'-]*(?:_[A-Z][A-Z'-]*)+)_", line.strip())
            if m:
                parts = m.group(1).split("_")
                words.add(parts[0])
                words.add(parts[-1])
    return words


def generate(iso_path, iso1_path, phoenix_dir):
    rows = json.loads(pathlib.Path(iso_path).read_text(encoding="utf-8"))["3166-2"]
    states = state_ids(iso1_path)
    taken = existing_aliases()
    name_words = phoenix_name_words(phoenix_dir)
    by_name = {}
    for row in rows:
        if row["type"] not in TYPES or "parent" in row:
            continue
        name = SUFFIXES.sub("", row["name"]).strip()
        by_name.setdefault(name, []).append(row)
    out = [
        "# Generated by tools/gen_subdivisions.py from Debian's iso-codes (ISO 3166-2): the",
        "# first-level subdivisions of the world's states. Do not edit; edit the generator.",
        "",
    ]
    count = 0
    for name in sorted(by_name, key=lambda n: (slug(n), n)):
        group = by_name[name]
        countries = {r["code"].split("-")[0] for r in group}
        if len(countries) != 1:
            continue
        folded = ascii_fold(name)
        if not re.fullmatch(r"[A-Za-z][A-Za-z .'-]*[A-Za-z.]", folded):
            continue  # ‘Ajlūn, Aţ Ţafīlah: romanisations nobody writes in English text
        if name in taken or folded in taken:
            continue
        if " " not in folded and (len(folded) < 4 or folded.lower() in COMMON or
                                  folded.upper() in name_words):
            continue
        country = next(iter(countries))
        state = states.get(country)
        if state is None:
            continue
        aliases = [name] + ([folded] if folded != name else [])
        out.append(f"entity place:{slug(name)}-{country.lower()}")
        out.append(f"  label      {folded}")
        out.append(f"  alias      {', '.join(aliases)}")
        out.append(f"  part-of    {state}")
        out.append(f"  attr       iso_3166_2 = {group[0]['code']}")
        out.append(f"  attr       kind = {group[0]['type'].lower()}")
        out.append("")
        count += 1
    return "\n".join(out), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iso", default=DEFAULT_ISO)
    parser.add_argument("--iso1", default=DEFAULT_ISO1)
    parser.add_argument("--phoenix", default=DEFAULT_PHOENIX)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text, count = generate(args.iso, args.iso1, args.phoenix)
    return write_or_check(args.out, text, "tools/gen_subdivisions.py", args.check,
                          f"{count} subdivisions")


if __name__ == "__main__":
    sys.exit(main())
