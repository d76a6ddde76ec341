#!/usr/bin/env bash
# tools/bench.sh: parley's end-to-end benchmark on the bench corpus, with its peer (TABARI, the
# C++ event coder) and the reference points (RE2 alone scanning for the default rules' aliases;
# RocksDB's db_bench fillseq) measured in the same run on the same machine. Prints a Markdown
# table (the one BENCHMARKS.md holds) and keeps every raw measurement in the results directory.
#
#   tools/bench.sh [CORPUS.jsonl.zst]
#
# Environment:
#   BENCH_SCALES   what to run: any of startup, 1k, 10mb, 1x, 5x (default all of them).
#                  startup: a one-sentence input, whole processes (parley and TABARI);
#                  1k: the corpus' first 1,000 documents, parley and TABARI alternated;
#                  10mb, 1x, 5x: extraction and ingest at three sizes (10 MB of evenly
#                  spaced documents, the corpus, five copies of it; 1x with --jobs 2, two
#                  independent processes and the Dask recipe beside --jobs 1)
#   BENCH_INGEST_SCALES  which of 10mb, 1x, 5x to ingest too (default: those in BENCH_SCALES;
#                  1x is needed for the store rows). Sentences and entity mentions per MB come
#                  from the ingested store, so scales not ingested show "-" there.
#   BENCH_REPEAT   runs of every repeated command (startup, 1k, `extract --jobs 1` at every
#                  scale, and on 1x `--jobs 2`, the two-process pair, `ingest`, the Dask recipe),
#                  made in rounds that alternate the scales; the table shows each one's median
#                  run (default 5); the cost per MB is the median CPU s of each scale's
#                  `extract --jobs 1` runs
#   BENCH_INSTRUCTIONS  how the instructions per MB of each scale are counted, in one more
#                  untimed run: auto (default: perf stat where the machine has the counter,
#                  else not counted), perf, callgrind (valgrind: minutes), 0
#   BENCH_SHARED   the shared folder holding corpus/bench/ and peers/tabari/ (default: ../shared
#                  beside the checkout); without peers/tabari/run.sh the TABARI rows are skipped
#   BENCH_DASK=0   skip the Dask recipe row (it needs python3-distributed under /usr/bin/python3)
#   BENCH_OUT      results directory (default: a fresh mktemp -d, printed at the end)
#   BENCH_BUILD    build directory holding parley and tools/bench/parley_re2_ceiling
#                  (default build/; both are built there when missing)
#   BENCH_MICRO=1  also run the Google Benchmark micro-benchmarks (short runs)
#   BENCH_RULES    a rules directory loaded over the defaults by every parley extract and ingest
#                  (and the Dask recipe) with --rules: e.g. the imported CAMEO/Phoenix layer that
#                  tools/gen_imported.sh writes (issue 15's "full dictionaries" row); its path is
#                  kept in the results directory (rules)
#
# Needs GNU time (/usr/bin/time), zstd, python3 and db_bench: tools/setup.sh --bench; TABARI's
# run.sh also needs g++, unzip and libncurses-dev (the same).
# The store rows (1x ingested) also run build/graph/parley_store_bench's Put benchmarks (~15 s).
# MB are 10^6 bytes of document text (the `text` fields), as the reference figures use.
# CPU s is user + system time; "MB/s per CPU s" divides by it, so it stays comparable when
# the machine is shared (wall-clock figures are not: note the load average).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${BENCH_SHARED:-$root/../shared}
corpus=${1:-$shared/corpus/bench/wh-statements.jsonl.zst}
parts=${BENCH_SCALES:-startup 1k 10mb 1x 5x}
scales=$(for s in $parts; do case $s in startup | 1k) ;; *) printf '%s ' "$s" ;; esac; done)
ingest_scales=${BENCH_INGEST_SCALES:-$scales}
repeat=${BENCH_REPEAT:-5}
build=${BENCH_BUILD:-build}
out=${BENCH_OUT:-$(mktemp -d /tmp/parley-bench.XXXXXX)}
mkdir -p "$out"
rules=()
if [ -n "${BENCH_RULES:-}" ]; then
  [ -d "$BENCH_RULES" ] || { echo "tools/bench.sh: BENCH_RULES '$BENCH_RULES' is not a directory" >&2; exit 2; }
  rules=(--rules "$(readlink -f "$BENCH_RULES")")
fi
printf '%s\n' "${rules[*]:-defaults}" >"$out/rules"

for tool in /usr/bin/time zstd python3 db_bench taskset; do
  if ! command -v "$tool" >/dev/null; then
    echo "tools/bench.sh: '$tool' is missing; run tools/setup.sh --bench" >&2
    exit 1
  fi
done
if [ ! -f "$corpus" ]; then
  echo "tools/bench.sh: corpus '$corpus' not found (a JSON Lines file of id, date, title, url," \
    "text; .jsonl or .jsonl.zst)" >&2
  exit 1
fi
# Always (re)build, so that the binaries measured are the checked-out commit's.
# A new build directory is configured as tools/build.sh configures one (profile-guided).
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DPARLEY_PGO=ON >/dev/null
cmake --build "$build" --target parley parley_re2_ceiling parley_store_bench >/dev/null
git describe --always --dirty >"$out/commit" 2>/dev/null || echo unknown >"$out/commit"
case $build in /*) ;; *) build=$root/$build ;; esac
parley=$build/parley
ceiling=$build/tools/bench/parley_re2_ceiling
py=$root/tools/bench/bench_util.py
dask=
if [ "${BENCH_DASK:-1}" != 0 ]; then
  if /usr/bin/python3 -c 'import distributed' 2>/dev/null; then
    dask=1
  else
    echo "tools/bench.sh: python3-distributed is missing (tools/setup.sh --test); the Dask" \
      "row is skipped" >&2
  fi
fi

echo "tools/bench.sh: results in $out" >&2
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- inputs: 10 MB of the corpus' documents, the corpus, and five copies with distinct ids ----
# The 10 MB are evenly spaced documents (every 3.5th of the bench corpus), not its first 10 MB:
# the corpus is sorted by date and its first months' documents are shorter, which costs more per
# MB for reasons of content, not of scale (BENCHMARKS.md, cost per MB).
for scale in $scales; do
  input=$out/corpus-$scale.jsonl.zst
  [ -f "$input" ] && continue
  case "$scale" in
    10mb) python3 "$py" sample "$corpus" 10000000 | zstd -q -1 -o "$input" ;;
    1x) ln -s "$(readlink -f "$corpus")" "$input" ;;
    5x) python3 "$py" replicate "$corpus" 5 | zstd -q -1 -o "$input" ;;
    *) echo "tools/bench.sh: unknown scale '$scale' (10mb, 1x, 5x)" >&2; exit 2 ;;
  esac
  python3 "$py" measure "$input" >"$out/corpus-$scale.meta"
done

# run NAME CMD...: runs CMD under GNU time; stdout to NAME.out, stderr to NAME.err.
run() {
  local name=$1
  shift
  echo "tools/bench.sh: $name" >&2
  /usr/bin/time -f '%e %U %S %M' -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err"
}

# --- warm-up, not timed ---------------------------------------------------------------------------
# The first run of a binary just built reads it from disk, a first run with BENCH_RULES compiles
# them into the rules cache, and an input just written may not be in the page cache yet: one
# untimed extraction of the corpus' first 100 documents and a read of every input first, so that
# no timed run pays for them.
python3 "$py" head "$corpus" 100 >"$out/warm-up.jsonl"
"$parley" extract "$out/warm-up.jsonl" --jobs 1 "${rules[@]}" >/dev/null
for scale in $scales; do cat "$out/corpus-$scale.jsonl.zst" >/dev/null; done

# --- start-up and the peer ---------------------------------------------------------------------
# TABARI's run.sh (../shared/peers/tabari) builds TABARI once in $out/tabari and codes a JSON
# Lines file, printing "tabari: BYTES bytes of text, RECORDS records, EVENTS events, WALL s wall"
# (its own process only: the build and the input conversion are not timed).
peer=$shared/peers/tabari/run.sh
if [[ " $parts " == *" startup "* || " $parts " == *" 1k "* ]] && [ ! -x "$peer" ]; then
  echo "tools/bench.sh: TABARI not found at '$peer' (set BENCH_SHARED to the folder holding" \
    "peers/tabari/); its rows are skipped" >&2
  peer=
fi
run_peer() {  # run_peer NAME INPUT: TABARI on INPUT; its summary line in NAME.out
  echo "tools/bench.sh: $1" >&2
  "$peer" "$2" "$out/tabari" >"$out/$1.out" 2>"$out/$1.err" ||
    { echo "tools/bench.sh: TABARI failed on $2 ($out/$1.err)" >&2; exit 1; }
}
if [[ " $parts " == *" startup "* ]]; then
  # One sentence, so the whole process is start-up: reading the rules (or dictionaries) in.
  printf '%s\n' '{"id":"startup","date":"2021-09-09","text":"President Biden met Prime Minister Suga of Japan at the White House on Friday."}' \
    >"$out/startup.jsonl"
  python3 "$py" measure "$out/startup.jsonl" >"$out/corpus-startup.meta"
  [ -z "$peer" ] || run_peer tabari-build "$out/startup.jsonl"  # builds TABARI, untimed
  for ((i = 1; i <= repeat; i++)); do
    run "startup-parley-r$i" "$parley" extract "$out/startup.jsonl" --jobs 1 "${rules[@]}"
    [ -z "$peer" ] || run_peer "startup-tabari-r$i" "$out/startup.jsonl"
  done
  python3 "$py" keep-median "$out" startup-parley
fi
if [[ " $parts " == *" 1k "* ]]; then
  # The corpus' first 1,000 documents as plain JSON Lines, the same file for both programs.
  python3 "$py" head "$corpus" 1000 >"$out/corpus-1k.jsonl"
  python3 "$py" measure "$out/corpus-1k.jsonl" >"$out/corpus-1k.meta"
  [ -z "$peer" ] || [ -x "$out/tabari/TABARI" ] || run_peer tabari-build "$out/corpus-1k.jsonl"
  for ((i = 1; i <= repeat; i++)); do
    run "extract-1k-j1-r$i" "$parley" extract "$out/corpus-1k.jsonl" --jobs 1 "${rules[@]}"
    [ -z "$peer" ] || run_peer "tabari-1k-r$i" "$out/corpus-1k.jsonl"
  done
  python3 "$py" keep-median "$out" extract-1k-j1
fi

# --- extraction and ingest ---------------------------------------------------------------------
# The scales' runs are made in rounds: each round runs every scale's `extract --jobs 1` once, in
# turn (and on 1x, beside it, --jobs 2, the two-process pair, the ingest and the Dask recipe), so
# that a slow spell of the machine falls on every scale alike instead of on all the runs of one;
# the cost per MB compares the scales' medians (BENCHMARKS.md, What is measured).
for scale in $scales; do
  [ "$scale" = 1x ] || continue
  input=$out/corpus-$scale.jsonl.zst
  # The parallel ceiling of this machine for --jobs 2: two independent --jobs 1 processes,
  # one on each half of the corpus (split at a line, so at a document), run at once. What
  # they lose against 2x is the hardware's (cores sharing caches, memory and, on a VM,
  # perhaps a physical core), not parley's.
  zstd -dcq <"$input" >"$out/whole-$scale.jsonl"
  # Named .jsonl: a file whose name says no format is read as one document, and each half
  # is over --max-doc-bytes.
  split -n l/2 -d --additional-suffix=.jsonl "$out/whole-$scale.jsonl" "$out/half-$scale."
  rm "$out/whole-$scale.jsonl"
done
for ((i = 1; i <= repeat; i++)); do
  for scale in $scales; do
    input=$out/corpus-$scale.jsonl.zst
    # Every run's output must be the first run's; only the first is kept.
    run "extract-$scale-j1-r$i" "$parley" extract "$input" --jobs 1 "${rules[@]}"
    if [ "$i" -gt 1 ]; then
      cmp -s "$out/extract-$scale-j1-r1.out" "$out/extract-$scale-j1-r$i.out" ||
        { echo "tools/bench.sh: repeated $scale runs' outputs differ" >&2; exit 1; }
      rm "$out/extract-$scale-j1-r$i.out"
    fi
    [ "$scale" = 1x ] || continue
    run "extract-$scale-j2-r$i" "$parley" extract "$input" --jobs 2 "${rules[@]}"
    cmp -s "$out/extract-$scale-j1-r1.out" "$out/extract-$scale-j2-r$i.out" ||
      { echo "tools/bench.sh: --jobs 1 and --jobs 2 outputs differ" >&2; exit 1; }
    run "extract-$scale-pair-r$i" bash -c '"$1" extract "$2" --jobs 1 "${@:6}" >"$4" & first=$!
      "$1" extract "$3" --jobs 1 "${@:6}" >"$5" && wait "$first" && cat "$4" "$5"' _ "$parley" \
      "$out/half-$scale.00.jsonl" "$out/half-$scale.01.jsonl" "$out/half-0.out" "$out/half-1.out" \
      "${rules[@]}"
    cmp -s "$out/extract-$scale-j1-r1.out" "$out/extract-$scale-pair-r$i.out" ||
      { echo "tools/bench.sh: the two halves' outputs differ from the whole's" >&2; exit 1; }
    # The ingest is compared with the extraction runs, so it alternates with them, each run
    # into a fresh store (they store the same records).
    if [[ " $ingest_scales " == *" $scale "* ]]; then
      rm -rf "$out/db-$scale"
      run "ingest-$scale-j2-r$i" "$parley" ingest --db "$out/db-$scale" --bulk --jobs 2 "$input" \
        "${rules[@]}"
      if [ -n "$dask" ]; then
        # The Dask recipe on a LocalCluster of 2 workers (cluster start-up included) builds
        # the same store; it is compared with the ingest it alternates with.
        rm -rf "$out/db-dask"
        run "dask-$scale-r$i" /usr/bin/python3 "$root/tools/dask/parley_dask.py" \
          --local-workers 2 --parley "$parley" --bulk --db "$out/db-dask" "$input" "${rules[@]}"
      fi
    fi
  done
done
for scale in $scales; do
  input=$out/corpus-$scale.jsonl.zst
  python3 "$py" keep-median "$out" "extract-$scale-j1" "extract-$scale-j2" \
    "extract-$scale-pair" "ingest-$scale-j2" "dask-$scale"
  [[ " $ingest_scales " == *" $scale "* ]] || continue
  if [ "$scale" != 1x ]; then
    rm -rf "$out/db-$scale"
    run "ingest-$scale-j2" "$parley" ingest --db "$out/db-$scale" --bulk --jobs 2 "$input" "${rules[@]}"
  fi
  "$parley" stats --db "$out/db-$scale" --json >"$out/stats-$scale.json"
  "$parley" export --db "$out/db-$scale" --format jsonl --what entities >"$out/entities-$scale.jsonl"
  if [ "$scale" = 1x ] && [ -n "$dask" ]; then
    # The recipe's store must be the direct ingest's: statements, entities, counts, dates.
    "$parley" export --db "$out/db-dask" --format jsonl --what entities >"$out/entities-dask.jsonl"
    "$parley" stats --db "$out/db-dask" --json >"$out/stats-dask.json"
    cmp -s "$out/entities-$scale.jsonl" "$out/entities-dask.jsonl" &&
      python3 "$py" same-stats "$out/stats-$scale.json" "$out/stats-dask.json" ||
      { echo "tools/bench.sh: the Dask recipe's store differs from the direct ingest's" >&2; exit 1; }
  fi
done

# --- instructions per MB, beside the CPU s per MB -----------------------------------------------
# CPU s on a shared VM move with the host's load (BENCHMARKS.md, What is measured); the count of
# instructions does not. One more, untimed `extract --jobs 1` run of each scale counts them: with
# `perf stat -e instructions:u` where the machine exposes the counter, or with
# BENCH_INSTRUCTIONS=callgrind under valgrind (about 30 times slower: some 15 minutes for the
# three scales on the shared 2-core VM).
instructions=${BENCH_INSTRUCTIONS:-auto}
if [ "$instructions" = auto ]; then
  instructions=0
  if command -v perf >/dev/null &&
    [[ $(perf stat -x, -e instructions:u true 2>&1 >/dev/null) =~ ^[0-9] ]]; then
    instructions=perf
  fi
fi
case $instructions in
  perf)
    for scale in $scales; do
      echo "tools/bench.sh: instructions-$scale (perf stat)" >&2
      perf stat -x, -e instructions:u -o "$out/instructions-$scale.perf" "$parley" extract \
        "$out/corpus-$scale.jsonl.zst" --jobs 1 "${rules[@]}" >/dev/null
      awk -F, '$3 ~ /^instructions/ {print $1}' "$out/instructions-$scale.perf" \
        >"$out/instructions-$scale.count"
    done
    ;;
  callgrind)
    command -v valgrind >/dev/null ||
      { echo "tools/bench.sh: BENCH_INSTRUCTIONS=callgrind needs valgrind" >&2; exit 1; }
    for scale in $scales; do
      echo "tools/bench.sh: instructions-$scale (callgrind, minutes)" >&2
      valgrind --tool=callgrind --callgrind-out-file="$out/instructions-$scale.callgrind" \
        "$parley" extract "$out/corpus-$scale.jsonl.zst" --jobs 1 "${rules[@]}" \
        >/dev/null 2>"$out/instructions-$scale.err"
      awk '/^(summary|totals):/ {print $2; exit}' "$out/instructions-$scale.callgrind" \
        >"$out/instructions-$scale.count"
    done
    ;;
  0) ;;
  *) echo "tools/bench.sh: BENCH_INSTRUCTIONS is auto, perf, callgrind or 0" >&2; exit 2 ;;
esac
echo "$instructions" >"$out/instructions.tool"

# --- the store side on the 1x store: statement loading, queries, exports ------------------------
if [[ " $ingest_scales " == *" 1x "* ]]; then
  rm -rf "$out/db-statements"
  run ingest-statements "$parley" ingest --db "$out/db-statements" --bulk \
    --statements "$out/extract-1x-j1.out"
  db=$out/db-1x
  if "$parley" help 2>&1 | grep -qE '^  query '; then
    # The most frequent predicate and subject, so the queries return rows on any rule set.
    read -r predicate subject < <(python3 "$py" frequent "$out/extract-1x-j1.out")
    i=0
    for q in "?who $predicate ?what" "$subject ?rel ?what" "?x ?r $subject . ?x $predicate ?what"; do
      i=$((i + 1))
      for rep in 1 2 3 4 5; do run "query-$i-$rep" "$parley" query --db "$db" "$q"; done
      echo "$q" >"$out/query-$i.text"
    done
  fi
  for format in graphml gexf csv-edges jsonl; do
    run "export-$format" "$parley" export --db "$db" --format "$format" -o "$out/export.$format"
  done
  run re2-ceiling "$ceiling" "$out/corpus-1x.jsonl.zst"
  # The store ceiling: RocksDB alone writing as many sequential keys as the 1x store holds
  # records, with values the size of an average record.
  read -r num value_size < <(python3 "$py" fillseq-shape "$out/stats-1x.json")
  # Both store runs are pinned to one core (taskset -c 0), RocksDB's background flush and
  # compaction threads included, so that "statements per second on one core" is what the
  # clock shows and the other core cannot hide the compaction the writes cause.
  run db-bench taskset -c 0 "$(command -v db_bench)" --benchmarks=fillseq --num="$num" \
    --value_size="$value_size" --db="$out/db-bench" --compression_type=none
  # The store alone beside it (graph/store_bench.cc, synthetic documents of ~7.5 statements):
  # per-document Put and the bulk PutBatch path, by wall time and by the process's CPU time.
  run store-bench taskset -c 0 "$build/graph/parley_store_bench" --benchmark_min_time=1 \
    --benchmark_filter='BM_Put(PerDocument|BatchBulk)Rocks' --benchmark_format=json
fi

if [ "${BENCH_MICRO:-0}" = 1 ]; then
  for bench in "$build"/extract/parley_*_bench "$build"/graph/parley_*_bench; do
    [ -x "$bench" ] || continue
    run "micro-$(basename "$bench")" "$bench" --benchmark_min_time=0.2
  done
fi

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
python3 "$py" report "$out" "$parts" "$load_start" "$load_end" | tee "$out/table.md"
