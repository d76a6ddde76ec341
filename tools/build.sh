#!/usr/bin/env bash
# Configures and builds parley in build/ (Release). Extra arguments go to cmake's configure
# step, e.g. tools/build.sh -DPARLEY_WERROR=ON. Prints only warnings and errors; fails when the
# build fails.
set -euo pipefail
cd "$(dirname "$0")/.."
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
else
  cmake -S . -B build "$@" >/dev/null
fi
tools/quiet_build.sh build
