#!/usr/bin/env bash
# tools/quiet_build.sh DIR: builds the configured tree DIR on every core, printing only what is
# not a progress line (warnings, errors), and exits with the build's status.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build "$1" --parallel "$jobs" >"$log" 2>&1
status=$?
grep -vE '^\[[0-9]+/[0-9]+\] |^ninja: (Entering|Leaving|no work)' "$log" || true
if [ "$status" -ne 0 ]; then
  echo "tools/quiet_build.sh: building $1 failed (exit $status)" >&2
fi
exit "$status"
