"""Loads a parley event export (`parley export --format events`, tab-separated) with Python's csv
module and pandas and compares it with the expected rows.

Usage: /usr/bin/python3 check_events.py EXPORT.tsv EXPECTED.json

EXPECTED.json is written by tests/graph/export_readers_test.cc from the statements it exported:
{"columns": [names in order], "rows": [{column: value as a reader should see it}], "known":
{column: value} of one row given in full}. Exit status 0 when both readers see exactly these
columns, one row per expected row in order with the expected values, and emit no warning; 1
otherwise, with every difference printed.
"""
import csv
import sys

import common


def compare(reader, header, rows, expected, problems):
    if header != expected["columns"]:
        problems.append(f"{reader}: columns {header} != {expected['columns']}")
        return
    if len(rows) != len(expected["rows"]):
        problems.append(f"{reader}: {len(rows)} rows, expected {len(expected['rows'])}")
    for got, want in zip(rows, expected["rows"]):
        if len(got) != len(header):
            problems.append(f"{reader}: row {got} has {len(got)} cells")
            continue
        cells = dict(zip(header, got))
        for key, value in want.items():
            if cells[key] != value:
                problems.append(f"{reader}: {want['EventID']} {key} {cells[key]!r} != {value!r}")
    known = expected["known"]
    matches = [dict(zip(header, row)) for row in rows if row and row[0] == known["EventID"]]
    if [m for m in matches if m == known] == []:
        problems.append(f"{reader}: the known row {known} is not read back, got {matches}")


def check(path, expected, problems):
    import pandas

    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f, delimiter="\t"))
    compare("csv", table[0] if table else [], table[1:], expected, problems)

    frame = pandas.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    compare("pandas", list(frame.columns), frame.values.tolist(), expected, problems)


if __name__ == "__main__":
    sys.exit(common.run(check, "csv and pandas"))
