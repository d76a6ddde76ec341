#!/usr/bin/env bash
# tools/bench/profile.sh: where `parley extract` spends its instructions, by stage.
#
#   tools/bench/profile.sh [DOCUMENTS] [CORPUS.jsonl.zst]
#
# Runs `parley extract --jobs 1` on the corpus' first DOCUMENTS documents (default 1000, the
# bench slice; 0 = all) under valgrind's callgrind, which counts instructions the same however
# loaded the machine is (this VM has no hardware counters for perf), and prints
# tools/bench/stages.py's table of the run. Compare code changes by these counts; time them with
# tools/bench.sh. About 60 times slower than the run itself.
#
# Environment: BENCH_BUILD (default build/), BENCH_SHARED (default ../shared beside the
# checkout), BENCH_OUT (the profile and the input; default: mktemp -d).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
documents=${1:-1000}
shared=${BENCH_SHARED:-$root/../shared}
corpus=${2:-$shared/corpus/bench/wh-statements.jsonl.zst}
build=${BENCH_BUILD:-$root/build}
out=${BENCH_OUT:-$(mktemp -d)}
command -v valgrind >/dev/null || { echo "profile.sh: needs valgrind (tools/setup.sh --bench)" >&2; exit 1; }
[ -x "$build/parley" ] || { echo "profile.sh: $build/parley is missing: run tools/build.sh" >&2; exit 1; }
if [ "$documents" = 0 ]; then
  zstd -dcq "$corpus" >"$out/input.jsonl"
else
  python3 tools/bench/bench_util.py head "$corpus" "$documents" >"$out/input.jsonl"
fi
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
  "$build/parley" extract "$out/input.jsonl" --jobs 1 >"$out/statements.jsonl" 2>"$out/valgrind.err"
python3 tools/bench/bench_util.py measure "$out/input.jsonl" >&2
echo "statements: $(wc -l <"$out/statements.jsonl")" >&2
python3 tools/bench/stages.py "$out/callgrind.out"
echo "(profile in $out/callgrind.out)" >&2
