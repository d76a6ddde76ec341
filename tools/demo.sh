#!/usr/bin/env bash
# Quick start, command 1: installs what is missing, builds parley in Release and runs the main
# job on examples/: ingest into a fresh store, ask "who proposed what, to whom, when", and write
# the map to open in a browser (build/demo/map.html) and GraphML and GEXF files for Gephi.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
out=build/demo
parley=build/parley
# The demo store is ./parley.db, the store every command uses when --db is not given, so the
# follow-up commands printed at the end work as they are.
rm -rf parley.db "$out"
mkdir -p "$out"

echo "== parley ingest examples/"
$parley ingest examples/
echo
echo "== parley query '?who proposed ?what'"
$parley query '?who proposed ?what'
echo
echo "== parley stats"
$parley stats
$parley export --format graphml -o "$out/parley.graphml"
$parley export --format gexf --dynamic -o "$out/parley.gexf"
$parley export --format html -o "$out/map.html"
cat <<TXT

Wrote $out/map.html, the actor map to open in a browser (one self-contained page: it works
offline, from file://): open it with your browser, e.g. \`xdg-open $out/map.html\` or
file://$PWD/$out/map.html. Search for an entity, narrow the dates with the sliders, click a
node or a link to read its statements with their sentences and sources.

Wrote $out/parley.graphml and $out/parley.gexf, the actor-relationship graph of examples/.
Open in Gephi: File > Open... > $out/parley.gexf, "Graph Type: Directed", OK. Nodes carry a
label and a type (colour by type: Appearance > Nodes > Partition > type); edges carry the
predicate, weight and dates, and the GEXF is dynamic: Window > Timeline replays the statements
by date. More questions (the store is ./parley.db):
  $parley query '?who ?did ?what'
  $parley timeline Putin
  $parley entity "Shinzo Abe"
  $parley graph path Putin "Shinzo Abe"
TXT
