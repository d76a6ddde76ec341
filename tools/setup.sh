#!/usr/bin/env bash
# Installs the Debian bookworm packages parley needs that are missing. Idempotent, and silent
# when everything is already there. Runs apt-get as root, or through sudo otherwise.
#
#   tools/setup.sh            build + run dependencies
#   tools/setup.sh --test     also what the test suite needs (python3-networkx, igraph, pandas, clang,
#                             chromium for the HTML map's browser test...)
#   tools/setup.sh --bench    also what the benchmarks need (rocksdb-tools, zstd)
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  librocksdb-dev libre2-dev libboost-graph-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libsimdjson-dev libgumbo-dev libzstd-dev libxxhash-dev libgtest-dev libgmock-dev
  libbenchmark-dev libmimalloc-dev
  iso-codes zstd
)
for arg in "$@"; do
  case "$arg" in
    --test) packages+=(python3 python3-networkx python3-igraph python3-pandas python3-distributed clang
                       libclang-rt-14-dev chromium fonts-dejavu-core) ;;
    --bench) packages+=(rocksdb-tools zstd python3 time valgrind) ;;
    *) echo "tools/setup.sh: unknown option '$arg' (expected --test or --bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "tools/setup.sh: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
echo "tools/setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
