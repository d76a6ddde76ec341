#!/bin/sh
# The built-in snapshot of the default rules (extract/rule_cache.h; README.md, Start-up):
# `parley extract` with the default rules reads it, writing no cache file, and prints what
# compiling them prints; with a --rules directory it compiles once and writes a cache file,
# which the next run reads, printing the same again.
# Usage: built_in_rules_snapshot_test.sh PARLEY INPUT RULES_DIR
set -eu
parley=$1 input=$2 rules=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export PARLEY_RULES_CACHE="$dir/cache"
"$parley" extract --date 2019-01-22 "$input" >"$dir/built-in.jsonl" 2>"$dir/err"
if [ -d "$dir/cache" ] && [ -n "$(ls -A "$dir/cache")" ]; then
  echo "the default rules wrote a cache file: the built-in snapshot was not read" >&2
  exit 1
fi
"$parley" extract --no-rules-cache --date 2019-01-22 "$input" >"$dir/compiled.jsonl"
cmp "$dir/built-in.jsonl" "$dir/compiled.jsonl"
[ ! -s "$dir/err" ] || { cat "$dir/err" >&2; exit 1; }
[ -s "$dir/built-in.jsonl" ] || { echo "no output" >&2; exit 1; }
"$parley" extract --rules "$rules" --date 2019-01-22 "$input" >"$dir/extra.jsonl" 2>>"$dir/err"
ls "$dir/cache"/rules-*.snapshot >/dev/null
"$parley" extract --rules "$rules" --date 2019-01-22 "$input" >"$dir/extra-cached.jsonl" 2>>"$dir/err"
"$parley" extract --no-rules-cache --rules "$rules" --date 2019-01-22 "$input" >"$dir/extra-compiled.jsonl"
cmp "$dir/extra.jsonl" "$dir/extra-cached.jsonl"
cmp "$dir/extra.jsonl" "$dir/extra-compiled.jsonl"
[ ! -s "$dir/err" ] || { cat "$dir/err" >&2; exit 1; }
