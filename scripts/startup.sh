#!/usr/bin/env bash
# Start-up as a shell user meets it: wall time, CPU time (user+sys) and peak RSS, medians of N runs,
# of a bare JVM (java -version), `unspin --version`, and a small article through a pipe (with and
# without the language model). The runs are interleaved, so a busy machine slows every row alike.
#   scripts/startup.sh [RUNS] [LAUNCHER...]     (defaults: 5 runs, ./unspin)
# Give several launchers (say an older checkout's) to compare them. Extra JVM flags for the runs go
# in UNSPIN_JAVA_OPTS, e.g. UNSPIN_JAVA_OPTS=-XX:TieredStopAtLevel=4 to measure the full JIT.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shift || true
launchers=("$@")
[ ${#launchers[@]} -gt 0 ] || launchers=(./unspin)
sample=samples/security-update.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rows=("java -version")
for l in "${launchers[@]}"; do rows+=("$l --version" "$l fix" "$l fix --no-lm"); done

for _ in $(seq "$runs"); do
  for i in "${!rows[@]}"; do
    # shellcheck disable=SC2086 # the row is a command line
    /usr/bin/time -o "$tmp/t" -f '%e %U %S %M' ${rows[$i]} < "$sample" > /dev/null 2> /dev/null
    tail -1 "$tmp/t" >> "$tmp/$i"
  done
done

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
printf '%-48s %8s %8s %8s\n' "command (stdin: $(basename "$sample"))" "wall s" "cpu s" "RSS MB"
for i in "${!rows[@]}"; do
  wall=$(awk '{print $1}' "$tmp/$i" | median)
  cpu=$(awk '{printf "%.2f\n", $2 + $3}' "$tmp/$i" | median)
  rss=$(awk '{print int($4 / 1024)}' "$tmp/$i" | median)
  printf '%-48s %8.2f %8.2f %8d\n' "${rows[$i]}" "$wall" "$cpu" "$rss"
done
