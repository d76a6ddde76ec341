#!/usr/bin/env python3
"""Generates rules/gazetteer/cities.rules: the cities, regions and landmarks that the PETRARCH-2
Phoenix country dictionary lists for each country after its capital, as `place:` entities
`part-of` their state.

A country block of Phoenix.Countries.actors.txt (tools/data/petrarch2, MIT; CountryInfo) lists the
country's names, then its capital, then its major cities, regions and landmarks ("JORDAN_ [JOR]
... +AMMAN_ +AL_AQABAH_ +AQABA_ +AKABA_ +AZ_ZARQA_ ..."). The entries after the capital that
tools/data/states.tsv names are taken; a block whose capital is not among its entries gives
nothing (its order cannot be read). Spellings of one place are separate entries of the
dictionary and become separate entities ("Aqaba", "Akaba"); none of them is a country.

Left out, so that a mention is never a wrong place or a lost name:
  * names another gazetteer file already uses as a label or alias (states, capitals, places,
    subdivisions; tools/gen_subdivisions.py's files),
  * names listed under two or more countries,
  * names that are an ordinary English word in lower case (Debian's wamerican word list,
    /usr/share/dict/american-english: "champagne", "saga" and "hippo" go), or a word of
    tools/gen_subdivisions.py's COMMON list,
  * one-word names that the same word list has as a proper noun: the names English text
    knows are also places elsewhere or surnames ("Birmingham" is in Alabama too, "Brest" starts
    "Brest-Litovsk", "Eyre" and "Essen" are surnames); the other gazetteer files list the
    well-known cities,
  * one-word names that are a given name (rules/core/given_names.rules: "Farah", "Adelaide")
    or a first or last word of a person's or body's name in the Phoenix actor dictionaries
    ("Nasser", "Hussein"), or shorter than four letters,
  * names with characters other than letters, spaces, hyphens, apostrophes and periods.

Labels are the entry in title case, with "al-", "el-", "ad-" ... joined to the next word as in
English text ("AL_AQABAH" -> "Al-Aqabah").

Usage: tools/gen_cities.py [--phoenix DIR] [--words PATH] [--out PATH] [--check]
  --check  compare with the committed file instead of writing (exit 1 when stale).
Needs the Debian package wamerican.
"""

import argparse
import pathlib
import re
import sys

from gen_output import write_or_check
from gen_states import DEFAULT_TABLE, read_table, split_list
from gen_subdivisions import (COMMON, ROOT, ascii_fold, existing_aliases, phoenix_name_words,
                              slug, state_ids)

DEFAULT_PHOENIX = ROOT / "tools" / "data" / "petrarch2"
DEFAULT_WORDS = pathlib.Path("/usr/share/dict/american-english")
DEFAULT_OUT = ROOT / "rules" / "gazetteer" / "cities.rules"
STATES_TABLE = DEFAULT_TABLE
GIVEN_NAMES = ROOT / "rules" / "core" / "given_names.rules"
# Arabic articles written joined to the next word.
ARTICLES = {"al", "el", "ad", "ar", "as", "at", "az", "an", "ash"}


def capitals():
    """ISO alpha-3 -> upper-case names of the capital (states.tsv columns capital, cap_alias),
    read by gen_states.read_table, the table's one parser."""
    out = {}
    for iso3, row in read_table(STATES_TABLE).items():
        names = split_list(row["capital"]) + split_list(row["cap_alias"])
        if names:
            out[iso3] = {ascii_fold(n).upper() for n in names}
    return out


def given_names():
    words = set()
    for line in GIVEN_NAMES.read_text(encoding="utf-8").splitlines():
        if line.startswith((" ", "\t")):
            words.update(w.strip().lower() for w in line.split(",") if w.strip())
    return words


def blocks(phoenix_dir):
    """(alpha-3, [entries]) per country block, entries with spaces for underscores."""
    path = pathlib.Path(phoenix_dir) / "Phoenix.Countries.actors.txt"
    out, current = [], None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^([A-Z][A-Z_'().-]*)\s+\[([A-Z]{3})\]\s*$", line)
        if m:
            current = (m.group(2), [])
            out.append(current)
            continue
        if current is not None and line.startswith("+"):
            entry = line[1:].split("#")[0].strip().strip("_").replace("_", " ")
            current[1].append(re.sub(r"\s+", " ", entry))
            continue
        current = None
    return out


# Words of a name written in lower case after its first word.
LOWER = {"of", "and", "the", "de", "del", "da", "do", "dos", "la", "le", "les", "du", "des",
         "e", "i", "en", "sur", "van", "von"}


def title(entry):
    words = []
    for n, word in enumerate(entry.lower().split(" ")):
        parts = [p if (n > 0 or k > 0) and p in LOWER | ARTICLES else p[:1].upper() + p[1:]
                 for k, p in enumerate(word.split("-"))]
        words.append("-".join(parts))
    # "Al Aqabah" -> "Al-Aqabah"
    out = []
    for w in words:
        if out and out[-1].lower() in ARTICLES:
            out[-1] = out[-1] + "-" + w[:1].upper() + w[1:]
        else:
            out.append(w)
    return " ".join(out)


def generate(phoenix_dir, words_path):
    caps = capitals()
    states = state_ids(None, attr="iso3")
    taken = {ascii_fold(n).lower() for n in existing_aliases(exclude=DEFAULT_OUT.name)}
    given = given_names()
    name_words = phoenix_name_words(phoenix_dir)
    listed = [w.strip() for w in pathlib.Path(words_path).read_text(
        encoding="utf-8", errors="replace").splitlines()]
    english = {w for w in listed if w[:1].islower()}
    proper = {w.lower() for w in listed if w[:1].isupper()}
    by_name = {}
    for iso3, entries in blocks(phoenix_dir):
        names = caps.get(iso3)
        if not names or iso3 not in states:
            continue
        at = next((i for i, e in enumerate(entries) if e in names), None)
        if at is None:
            continue
        for entry in entries[at + 1:]:
            by_name.setdefault(entry, set()).add(iso3)
    out = [
        "# Generated by tools/gen_cities.py from the PETRARCH-2 Phoenix country dictionary",
        "# (tools/data/petrarch2, MIT): the cities, regions and landmarks it lists after each",
        "# country's capital. Do not edit; edit the generator.",
        "",
    ]
    count = 0
    seen_ids = set()
    for entry in sorted(by_name, key=lambda e: (slug(e), e)):
        countries = by_name[entry]
        if len(countries) != 1:
            continue
        if not re.fullmatch(r"[A-Z][A-Z .'-]*[A-Z.]", entry):
            continue
        label = title(entry)
        lower = label.lower()
        words = lower.replace("-", " ").split()
        if lower in taken or lower in english or lower in COMMON:
            continue
        if len(words) == 1 and (len(lower) < 4 or lower in given or entry in name_words or
                                lower in proper):
            continue
        # Every word a common English word ("Great Sandy Desert" stays: a place's name;
        # "Cape York" stays) is kept; a name that is one common word and an article goes.
        if all(w in ARTICLES or w in english for w in words) and len(words) < 2:
            continue
        iso3 = next(iter(countries))
        ident = f"place:{slug(label)}-{iso3.lower()}"
        if ident in seen_ids:
            continue
        seen_ids.add(ident)
        out.append(f"entity {ident}")
        out.append(f"  label      {label}")
        out.append(f"  part-of    {states[iso3]}")
        out.append("  attr       source = phoenix-countryinfo")
        out.append("")
        count += 1
    return "\n".join(out), count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phoenix", default=DEFAULT_PHOENIX)
    parser.add_argument("--words", default=DEFAULT_WORDS)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text, count = generate(args.phoenix, args.words)
    return write_or_check(args.out, text, "tools/gen_cities.py", args.check, f"{count} places")


if __name__ == "__main__":
    sys.exit(main())
