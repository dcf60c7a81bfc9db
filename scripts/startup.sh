#!/usr/bin/env bash
# Start-up cost as a shell user meets it: wall time and peak RSS, median of N runs (default 5), of
# a bare JVM (java -version), `unspin --version`, and a small article through a pipe.
#   scripts/startup.sh [LAUNCHER] [RUNS]      (LAUNCHER defaults to ./unspin)
# Extra JVM flags for the runs can be given in UNSPIN_JAVA_OPTS, e.g. -XX:TieredStopAtLevel=1.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher="${1:-./unspin}"
runs="${2:-5}"
sample=samples/security-update.txt
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# median wall seconds and median peak RSS (MB) of a command run $runs times
measure() {
  local label="$1"; shift
  local times=() rss=()
  for _ in $(seq "$runs"); do
    local out
    /usr/bin/time -o "$tmp" -f '%e %M' "$@" < "$sample" > /dev/null 2>/dev/null
    out=$(tail -1 "$tmp")
    times+=("${out% *}"); rss+=("${out#* }")
  done
  local mt mr
  mt=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  mr=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-48s %6.2f s %6d MB\n' "$label" "$mt" "$(( mr / 1024 ))"
}

measure "java -version" java -version
measure "$launcher --version" "$launcher" --version
measure "$launcher fix < $(basename "$sample")" "$launcher" fix
measure "$launcher fix --no-lm < $(basename "$sample")" "$launcher" fix --no-lm
