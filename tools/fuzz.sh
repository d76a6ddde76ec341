#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them. They live in build-asan/, the clang ASan + UBSan
# build tools/test.sh also runs the test suite in, so the two share one compile.
#
#   tools/fuzz.sh                 every target, PARLEY_FUZZ_SECONDS (default 600) each, in turn
#   tools/fuzz.sh rules           one target (a name from tests/fuzz/<name>_fuzz.cc)
#   tools/fuzz.sh rules 3600      one target for an hour
#   tools/fuzz.sh --list          the target names
#
# Runs one target at a time at nice 10. New inputs collect in build-asan/tests/fuzz/<name>/corpus
# (the committed seeds in tests/fuzz/corpus/<name>/ are only read); a crash leaves its input in
# build-asan/tests/fuzz/<name>/artifacts/ and makes the script fail. To reproduce one:
#   build-asan/tests/fuzz/parley_<name>_fuzz <artifact file>
set -euo pipefail
cd "$(dirname "$0")/.."

targets=()
for source in tests/fuzz/*_fuzz.cc; do
  name=$(basename "$source" _fuzz.cc)
  targets+=("$name")
done
if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${targets[@]}"
  exit 0
fi
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
selected=("${targets[@]}")
if [ $# -ge 1 ]; then
  if [[ ! " ${targets[*]} " == *" $1 "* ]]; then
    echo "fuzz.sh: unknown target '$1' (targets: ${targets[*]})" >&2
    exit 2
  fi
  selected=("$1")
fi
seconds=${2:-${PARLEY_FUZZ_SECONDS:-600}}

if [ ! -f build-asan/CMakeCache.txt ]; then
  CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPARLEY_SANITIZE=ON -DPARLEY_BUILD_FUZZERS=ON -DPARLEY_WERROR=ON \
    -DPARLEY_BUILD_BENCHMARKS=OFF >/dev/null
fi
build_targets=()
for name in "${selected[@]}"; do build_targets+=("parley_${name}_fuzz"); done
# Quiet, but failing when the build fails (a filtered pipeline would hide a silent failure).
build_log=$(mktemp)
if ! nice -n 10 ninja -C build-asan -j"$(nproc 2>/dev/null || echo 2)" "${build_targets[@]}" \
    >"$build_log" 2>&1; then
  grep -vE '^\[[0-9]+/[0-9]+\] ' "$build_log" >&2
  rm -f "$build_log"
  echo "tools/fuzz.sh: building the fuzz targets failed" >&2
  exit 1
fi
rm -f "$build_log"

status=0
for name in "${selected[@]}"; do
  work=build-asan/tests/fuzz/$name
  mkdir -p "$work/corpus" "$work/artifacts"
  echo "== $name: ${seconds}s"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 nice -n 10 \
      "build-asan/tests/fuzz/parley_${name}_fuzz" -max_total_time="$seconds" -timeout=30 \
      -max_len=16384 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
      "$work/corpus" "tests/fuzz/corpus/$name" 2>"$work/last_run.log"; then
    echo "fuzz.sh: $name failed; see $work/last_run.log and $work/artifacts/" >&2
    tail -40 "$work/last_run.log" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units|^Done' "$work/last_run.log" || true
  fi
done
exit $status
