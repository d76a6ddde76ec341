#!/usr/bin/env bash
# tools/bench/doc_memory.sh: peak memory of extracting one long document, against its size
# (README.md, "Memory"; the figures are in BENCHMARKS.md, "Memory per document").
#
#   tools/bench/doc_memory.sh [CORPUS.jsonl.zst]
#
# Builds plain-text documents of 1, 10 and 50 MB (10^6 bytes) from the corpus' texts joined by
# blank lines (the corpus repeated as needed), and runs `parley extract --jobs 1` on each with
# GNU time, after an empty document for the start-up. Prints a Markdown table: peak RSS, peak
# RSS over the start-up, and that over the document's size.
#
# Environment:
#   DOC_MEMORY_SIZES  sizes in MB (default "1 10 50")
#   BENCH_BUILD       build directory holding parley (default build/)
#   BENCH_SHARED      the shared folder holding corpus/bench/ (default ../shared beside the
#                     checkout)
#   BENCH_OUT         directory for the documents and the raw figures (default: mktemp -d)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
shared=${BENCH_SHARED:-$root/../shared}
corpus=${1:-$shared/corpus/bench/wh-statements.jsonl.zst}
build=${BENCH_BUILD:-$root/build}
sizes=${DOC_MEMORY_SIZES:-1 10 50}
out=${BENCH_OUT:-$(mktemp -d)}
parley=$build/parley
[ -x "$parley" ] || { echo "doc_memory.sh: $parley is missing: run tools/build.sh" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "doc_memory.sh: needs GNU time (tools/setup.sh --bench)" >&2; exit 1; }

zstdcat "$corpus" | python3 -c '
import json, sys
out, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
texts = [json.loads(line).get("text", "") for line in sys.stdin]
text = "\n\n".join(texts).encode()
for mb in sizes:
    need = mb * 1000000
    body = (text + b"\n\n") * (need // (len(text) + 2) + 1)
    with open(f"{out}/doc-{mb}mb.txt", "wb") as f:
        f.write(body[:need].decode("utf-8", "ignore").encode())
' "$out" $sizes
: > "$out/empty.txt"

# Peak RSS in KB of `parley extract --jobs 1 FILE`.
peak_kb() {
  /usr/bin/time -f '%M' -o "$out/time.txt" "$parley" extract --jobs 1 --max-doc-bytes 4000000000 \
    "$1" -o /dev/null 2>/dev/null
  cat "$out/time.txt"
}

start=$(peak_kb "$out/empty.txt")
echo "| Document | Peak RSS MB | Over start-up MB | Over start-up / size |"
echo "|---|---|---|---|"
echo "| empty (start-up) | $((start / 1024)) | 0 | - |"
for mb in $sizes; do
  kb=$(peak_kb "$out/doc-${mb}mb.txt")
  python3 -c "
import sys
kb, start, mb = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
over = (kb - start) * 1024 / 1e6
print(f'| {mb} MB of text | {kb * 1024 / 1e6:.0f} | {over:.0f} | {over / mb:.1f}x |')
" "$kb" "$start" "$mb"
done
echo "(raw files in $out)" >&2
