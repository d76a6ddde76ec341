#!/usr/bin/env bash
# Quick start, command 2: installs what is missing, builds parley with its tests and runs the
# whole suite through ctest; then the same suite under AddressSanitizer and
# UndefinedBehaviorSanitizer (skip with PARLEY_SKIP_SANITIZERS=1).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh --test
jobs=$(nproc 2>/dev/null || echo 2)

# Without profile-guided optimisation (tools/build.sh): it would double the build's time and
# the tests check behaviour, which the profile does not change.
tools/build.sh -DPARLEY_WERROR=ON -DPARLEY_PGO=OFF
(cd build && ctest --output-on-failure --parallel "$jobs" --timeout 900)

if [ -z "${PARLEY_SKIP_SANITIZERS:-}" ]; then
  echo "== the same suite under ASan + UBSan, plus short libFuzzer runs (clang, build-asan/)"
  # A build-asan/ configured by another compiler cannot be switched to clang in place.
  if [ -f build-asan/CMakeCache.txt ] && ! grep -q '^CMAKE_CXX_COMPILER:.*clang' build-asan/CMakeCache.txt; then
    rm -rf build-asan
  fi
  CC=clang CXX=clang++ cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPARLEY_SANITIZE=ON -DPARLEY_BUILD_FUZZERS=ON -DPARLEY_WERROR=ON \
    -DPARLEY_BUILD_BENCHMARKS=OFF >/dev/null
  tools/quiet_build.sh build-asan
  # Fuzz.* tests run each target for PARLEY_FUZZ_SECONDS (default 30); tools/fuzz.sh runs longer.
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure --parallel "$jobs" --timeout 1800)
fi
