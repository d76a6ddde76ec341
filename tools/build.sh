#!/usr/bin/env bash
# Configures and builds parley in build/ (Release). Extra arguments go to cmake's configure
# step, e.g. tools/build.sh -DPARLEY_WERROR=ON. Prints only warnings and errors; fails when the
# build fails.
# A new build/ is configured with profile-guided optimisation (PARLEY_PGO, cmake/pgo.cmake;
# BENCHMARKS.md, The build): 6 to 8 % less CPU per MB extracted, twice the compile time, and
# every source change recompiles all of parley. `tools/build.sh -DPARLEY_PGO=OFF` turns it off
# (the setting stays in build/CMakeCache.txt); tools/test.sh builds without it.
set -euo pipefail
cd "$(dirname "$0")/.."
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f build/CMakeCache.txt ]; then
  pgo=(-DPARLEY_PGO=ON)
  [[ " $* " == *" -DPARLEY_PGO="* ]] && pgo=()
  cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "${pgo[@]}" "$@" >/dev/null
else
  cmake -S . -B build "$@" >/dev/null
fi
tools/quiet_build.sh build
