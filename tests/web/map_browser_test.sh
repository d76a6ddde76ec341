#!/usr/bin/env bash
# The HTML map (`parley export --format html`) in a real browser: headless Chromium loads the
# page built from the demo store (examples/) from file://, and the test checks that it logged
# nothing to the console (no error, no blocked request: the page's Content-Security-Policy
# refuses any network access, and a refusal is logged), that the drawn graph has the store's
# node and edge counts (GraphML of the same filters), that the time filter in the page's
# address agrees with `export --until`, and saves a screenshot (OUT_DIR/map.png).
#
#   tests/web/map_browser_test.sh PARLEY_BINARY SOURCE_DIR OUT_DIR
#
# Exit 77 (ctest: skipped) when no Chromium is installed (tools/setup.sh --test installs it).
# Cost: four Chromium runs, about 3 s of CPU and 6 s of wall time in all.
set -euo pipefail
parley=$1
src=$2
out=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "map_browser_test: no chromium; tools/setup.sh --test installs it"
  exit 77
fi
rm -rf "$out"
mkdir -p "$out"
db="$out/store"
# Relative document ids (examples/...), as tools/demo.sh makes them.
(cd "$src" && "$parley" ingest --db "$db" examples/ 2>"$out/ingest.log")

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Chromium with a throw-away profile; console messages go to stderr as "CONSOLE" lines.
run_browser() {
  local log=$1
  shift
  "$browser" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
    --user-data-dir="$out/profile" --enable-logging=stderr --v=0 \
    --virtual-time-budget=15000 "$@" 2>"$log"
}

# node_count / edge_count of the store's GraphML under the given filters.
count() {
  local kind=$1
  shift
  "$parley" export --db "$db" --format graphml "$@" | grep -c "^    <$kind id=" || true
}

# Loads the page at URL and checks the drawn counts against the store's under FILTERS.
check_page() {
  local name=$1 url=$2
  shift 2
  local dom="$out/$name.dom.html" log="$out/$name.console.log"
  run_browser "$log" --dump-dom "$url" >"$dom"
  if grep -q "CONSOLE" "$log"; then
    fail "$name: the page logged to the console:"
    grep "CONSOLE" "$log"
  fi
  local counts
  counts=$(grep -o '<output id="counts"[^>]*>' "$dom" || true)
  local ready nodes edges
  ready=$(sed -n 's/.*data-ready="\([^"]*\)".*/\1/p' <<<"$counts")
  nodes=$(sed -n 's/.*data-nodes="\([0-9]*\)".*/\1/p' <<<"$counts")
  edges=$(sed -n 's/.*data-edges="\([0-9]*\)".*/\1/p' <<<"$counts")
  local want_nodes want_edges
  want_nodes=$(count node "$@")
  want_edges=$(count edge "$@")
  [ "$ready" = "true" ] || fail "$name: the page did not finish drawing (counts: $counts)"
  [ "$nodes" = "$want_nodes" ] || fail "$name: drew $nodes nodes, the store has $want_nodes"
  [ "$edges" = "$want_edges" ] || fail "$name: drew $edges edges, the store has $want_edges"
  [ "$want_nodes" -gt 0 ] || fail "$name: an empty graph proves nothing"
  echo "$name: $nodes nodes, $edges edges drawn"
}

"$parley" export --db "$db" --format html -o "$out/map.html"
check_page all "file://$out/map.html"
check_page until "file://$out/map.html#until=2018-12&undated=0" --until 2018-12
"$parley" export --db "$db" --format html --actors-only -o "$out/actors.html"
check_page actors "file://$out/actors.html" --actors-only

run_browser "$out/screenshot.console.log" --window-size=1400,900 \
  --screenshot="$out/map.png" "file://$out/map.html#select=Vladimir%20Putin" >/dev/null
[ -s "$out/map.png" ] || fail "no screenshot"
echo "screenshot: $out/map.png"

[ "$failures" -eq 0 ]
