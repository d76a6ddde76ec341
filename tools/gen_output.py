"""The one way the tools/gen_*.py generators write a committed file or check that it is current.

write_or_check(path, text, script, check, summary) returns the generator's exit status: with
`check`, 1 (and "PATH is stale: run SCRIPT" on stderr) when the file is missing or differs from
`text`, else 0; without, it writes `text` (creating the folder) and prints "wrote PATH: SUMMARY"
when a summary is given. read_names_pm(path) reads the Perl module two generators take data from.
"""

import pathlib
import sys


def write_or_check(path, text, script, check, summary=""):
    path = pathlib.Path(path)
    if check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{path} is stale: run {script}", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if summary:
        print(f"wrote {path}: {summary}", file=sys.stderr)
    return 0


NAMES_PM = pathlib.Path("/usr/share/perl5/Text/Names.pm")


def read_names_pm(path):
    """The text of Text::Names' Names.pm (Debian libtext-names-perl), read by the generators of
    graph/nicknames.inc and rules/core/gender_names.rules; exits 2 with what to install when
    it is missing."""
    path = pathlib.Path(path)
    if not path.exists():
        print(f"{path} not found: apt-get install libtext-names-perl", file=sys.stderr)
        sys.exit(2)
    return path.read_text(encoding="utf-8")

