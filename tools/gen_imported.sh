#!/usr/bin/env bash
# Imports the vendored PETRARCH-2 / Phoenix dictionaries (tools/data/petrarch2/, MIT; SOURCE.md
# there) with `parley rules import --from petrarch` (rules/README.md section 14).
#
# Without OUT (or with OUT = rules): the actors and agents into rules/imported/, the imported
# layer of the default rules (under the hand-written rules, which win; compiled into the binary
# at the next build). With another OUT: every dictionary, the CAMEO verbs too, into OUT/imported/,
# which `parley extract --rules OUT ...` loads as the imported layer in place of rules/imported/
# (the verbs are not among the defaults: EVALUATION.md, "The imported dictionaries").
#
# An imported state, person or organisation takes the id of the built-in entity with its code or
# name, so the binary must carry the current hand-written rules (tools/build.sh first); the import
# reads them without rules/imported/, so the binary's own imported layer changes nothing.
#
# usage: tools/gen_imported.sh [PARLEY [OUT]]   (defaults: build/parley, rules)
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${1:-build/parley}
out=${2:-rules}
data=tools/data/petrarch2
inputs=("$data/Phoenix.agents.txt" "$data/Phoenix.Countries.actors.txt"
  "$data/Phoenix.International.actors.txt" "$data/Phoenix.MilNonState.actors.txt")
[[ $out == rules ]] || inputs+=("$data/CAMEO.2.0.txt")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$parley" rules import --from petrarch "${inputs[@]}" -o "$tmp"
rm -rf "$out/imported"
mkdir -p "$out/imported"
cp "$tmp"/* "$out/imported/"
echo "gen_imported.sh: wrote $(ls "$out/imported" | wc -l) files to $out/imported" >&2
