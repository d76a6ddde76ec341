#!/usr/bin/env bash
# Quick start, command 1: installs what is missing, builds parley in Release and runs the main
# job on examples/: ingest into a fresh store, ask "who proposed what, to whom, when", and write
# GraphML and GEXF files for Gephi.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
out=build/demo
rm -rf "$out"
mkdir -p "$out"
parley=build/parley

echo "== parley ingest --db $out/store examples/"
$parley ingest --db "$out/store" examples/
echo
echo "== parley query --db $out/store '?who proposed ?what'"
$parley query --db "$out/store" '?who proposed ?what'
echo
echo "== parley stats --db $out/store"
$parley stats --db "$out/store"
$parley export --db "$out/store" --format graphml -o "$out/parley.graphml"
$parley export --db "$out/store" --format gexf --dynamic -o "$out/parley.gexf"
cat <<TXT

Wrote $out/parley.graphml and $out/parley.gexf (actor-relationship graph of examples/).
Open in Gephi: File > Open... > $out/parley.gexf, keep "Graph type: directed", OK. Nodes carry
label and type (colour them under Appearance > Nodes > Partition > type); the GEXF has a timeline
(Window > Timeline) that replays the statements by date. Try more questions:
  $parley query --db $out/store '?who ?did ?what'
  $parley timeline --db $out/store Putin
  $parley entity --db $out/store "Shinzo Abe"
TXT
