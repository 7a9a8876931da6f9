#!/usr/bin/env bash
# Times `check --format json` of several builds of upward on one journal, interleaved round by
# round, so that other work on the machine slows every build alike; prints each build's median
# and its ratio to the first build's. For a speed commit's before/after figures:
#
#   benches/compare.sh JOURNAL BUILD...      e.g. benches/compare.sh big.up /tmp/before target/release/upward
#   RUNS=15 TODAY=2026-11-23                 (timed rounds after one warm-up round; the date)
#
# A large journal comes from `target/release/examples/gen_journal 1000000 big.up`.
set -euo pipefail

[ $# -ge 2 ] || { sed -n '2,8p' "$0" >&2; exit 2; }
JOURNAL=$1
shift
RUNS=${RUNS:-15}
TODAY=${TODAY:-2026-11-23}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

for round in $(seq 0 "$RUNS"); do
  for i in $(seq 1 $#); do
    build=${!i}
    start=$(date +%s%N)
    "$build" -f "$JOURNAL" --today "$TODAY" check --format json >/dev/null 2>&1 || true
    end=$(date +%s%N)
    # Round 0 warms the page cache and is not counted.
    [ "$round" -eq 0 ] || echo $(((end - start) / 1000)) >>"$TMP/$i"
  done
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
first=$(median "$TMP/1")
for i in $(seq 1 $#); do
  m=$(median "$TMP/$i")
  awk -v m="$m" -v f="$first" -v b="${!i}" 'BEGIN { printf "%8.1f ms  %.3f×  %s\n", m / 1000, m / f, b }'
done
