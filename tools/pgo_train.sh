#!/usr/bin/env bash
# tools/pgo_train.sh PARLEY WORKDIR: the training run of the profile-guided build (PARLEY_PGO,
# cmake/pgo.cmake). Runs the instrumented PARLEY, which writes its profile as it exits, the way
# parley is used: extraction of the texts the repository ships (examples/ and the corpora in
# tests/data/corpus, about 1.1 MB), extraction with user rules compiled at run time, an ingest,
# a query and an export. The documents of the dev gold (../shared/eval/dev-gold/MANIFEST.tsv) are
# left out, so that the evaluation's texts never shape the build, and the bench corpus is not
# read, so that the benchmark measures texts the profile has not seen. WORKDIR is replaced.
# About 2 CPU seconds.
set -euo pipefail
parley=$(readlink -f "$1")
work=$2
cd "$(dirname "$0")/.."
rm -rf "$work"
mkdir -p "$work"

dev_gold='camp-david|cuban-missile-crisis|naval-conference|oslo|panama-canal|potsdam-conf|salt|ussr'
dev_gold+='|2021-09-24-fact-sheet-quad-leaders-summit'
dev_gold+='|2021-11-16-readout-of-president-bidens-virtual-meeting-with-president-xi-jinping-.*'
dev_gold+='|2021-11-19-readout-of-president-bidens-meeting-with-president-andres-manuel-lopez-.*'
dev_gold+='|2022-01-02-statement-by-press-secretary-jen-psaki-on-president-bidens-call-.*'
dev_gold+='|2022-02-07-readout-of-president-bidens-meeting-with-chancellor-olaf-scholz-.*'
dev_gold+='|2022-03-01-readout-of-vice-president-harriss-calls-with-european-leaders'
dev_gold+='|2022-05-24-joint-statement-between-the-united-states-and-the-european-commission-.*'
dev_gold+='|2023-06-15-readout-of-national-security-advisor-jake-sullivans-meeting-.*'
dev_gold+='|2024-04-18-readout-of-u-s-israel-strategic-consultative-group'
dev_gold+='|2024-10-18-readout-of-the-meeting-of-president-macron-of-france-.*'
inputs=()
for file in examples/* tests/data/corpus/wh-readouts/*.md tests/data/corpus/milestones/*.txt; do
  name=$(basename "$file")
  [[ ${name%.*} =~ ^($dev_gold)$ ]] || inputs+=("$file")
done

# The default rules from the built-in snapshot, one job: the bench's and the demo's path.
PARLEY_RULES_CACHE=built-in "$parley" extract --jobs 1 "${inputs[@]}" >"$work/statements.jsonl"
# User rules over the defaults, compiled in the process: the rule compiler's path.
PARLEY_RULES_CACHE=off "$parley" extract --jobs 1 --rules tests/data/rules/user examples/ \
  >/dev/null
# The store: an ingest, a query and an export.
PARLEY_RULES_CACHE=built-in "$parley" ingest --db "$work/db" "${inputs[@]}" >/dev/null 2>&1
"$parley" query --db "$work/db" '?who proposed ?what' >/dev/null
"$parley" export --db "$work/db" --format graphml -o "$work/graph.graphml"
rm -rf "$work/db"
