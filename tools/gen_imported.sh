#!/usr/bin/env bash
# Imports the vendored PETRARCH-2 / Phoenix dictionaries (tools/data/petrarch2/, MIT; SOURCE.md
# there) with `parley rules import --from petrarch` (rules/README.md, "The imported layer").
#
# Without OUT (or with OUT = rules): the actors and agents into rules/imported/, the imported
# layer of the default rules (under the hand-written rules, which win; compiled into the binary
# and its built-in snapshot at the next build). With another OUT: every dictionary, the CAMEO
# verbs too, into OUT/imported/, which `parley extract --rules OUT ...` loads as the imported
# layer in place of rules/imported/ (the verbs are not among the defaults: EVALUATION.md, "The
# imported dictionaries").
#
# --check imports the defaults' dictionaries into a temporary directory and compares the result
# with rules/imported/: exit 1, naming the files that differ, when the committed files are not
# what the importer writes now (ctest Rules.ImportedLayerIsFresh). Writes nothing.
#
# An imported state, person or organisation takes the id of the hand-written entity with its code
# or name, so the binary must carry the current hand-written rules (tools/build.sh first); the
# import reads them without rules/imported/, so the binary's own imported layer changes nothing.
# After changing the importer or the hand-written rules: tools/build.sh && tools/gen_imported.sh
# && tools/build.sh.
#
# usage: tools/gen_imported.sh [--check] [PARLEY [OUT]]   (defaults: build/parley, rules)
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [[ ${1:-} == --check ]]; then
  check=true
  shift
fi
parley=${1:-build/parley}
out=${2:-rules}
data=tools/data/petrarch2
inputs=("$data/Phoenix.agents.txt" "$data/Phoenix.Countries.actors.txt"
  "$data/Phoenix.International.actors.txt" "$data/Phoenix.MilNonState.actors.txt")
if $check && [[ $out != rules ]]; then
  echo "gen_imported.sh: --check compares with rules/imported/ only" >&2
  exit 2
fi
# The verbs' threats, protests and shows of force (CAMEO roots 13, 14, 15) become no frames: in
# the judged samples of what the verbs add they were wrong in every case (figurative "broke
# with", "demonstrated", "redoubled efforts"; EVALUATION.md, "What the imported verb frames add").
# tools/data/cameo-corrections.txt drops or recodes CAMEO.2.0 patterns whose code is wrong in
# general (each with its reason; each applied one is listed in IMPORT-REPORT.txt).
skip=()
[[ $out == rules ]] || {
  inputs+=("$data/CAMEO.2.0.txt")
  skip=(--skip-roots 13,14,15 --corrections tools/data/cameo-corrections.txt)
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/import"
"$parley" rules import --from petrarch "${skip[@]}" "${inputs[@]}" -o "$work/import" 2>"$work/log" ||
  { cat "$work/log" >&2; exit 1; }
if $check; then
  if ! diff -rq "$work/import" "$out/imported" >"$work/diff" 2>&1; then
    sed "s|$work/import|(import)|" "$work/diff" >&2
    echo "gen_imported.sh: rules/imported/ is stale (not what the importer writes from $data" \
      "with the hand-written rules of $parley): run tools/gen_imported.sh, review the diff," \
      "rebuild and commit rules/imported/ with the change that moved it" >&2
    exit 1
  fi
  exit 0
fi
sed "s|$work/import|$out/imported|" "$work/log" >&2
rm -rf "$out/imported"
mkdir -p "$out/imported"
cp "$work/import"/* "$out/imported/"
echo "gen_imported.sh: wrote $(ls "$out/imported" | wc -l) files to $out/imported" >&2
