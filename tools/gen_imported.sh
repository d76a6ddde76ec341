#!/usr/bin/env bash
# Imports the vendored PETRARCH-2 / Phoenix dictionaries (tools/data/petrarch2/, MIT; SOURCE.md
# there) with `parley rules import --from petrarch` into OUT/imported/ (rules/README.md section
# 14). `parley extract --rules OUT ...` then loads them as the imported layer, under the built-in
# rules. They are not part of the defaults yet: see EVALUATION.md ("The imported dictionaries")
# for what they cost and change.
#
# An imported state, person or organisation takes the id of the built-in entity with its code or
# name, so the binary must carry the current built-in rules (tools/build.sh first).
#
# usage: tools/gen_imported.sh [PARLEY [OUT]]   (defaults: build/parley, build/petrarch-rules)
set -euo pipefail
cd "$(dirname "$0")/.."
parley=${1:-build/parley}
out=${2:-build/petrarch-rules}
data=tools/data/petrarch2
rm -rf "$out/imported"
mkdir -p "$out/imported"
"$parley" rules import --from petrarch "$data/Phoenix.agents.txt" \
  "$data/Phoenix.Countries.actors.txt" "$data/Phoenix.International.actors.txt" \
  "$data/Phoenix.MilNonState.actors.txt" "$data/CAMEO.2.0.txt" -o "$out/imported"
echo "gen_imported.sh: wrote $(ls "$out/imported" | wc -l) files to $out/imported" >&2
