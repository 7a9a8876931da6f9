#!/usr/bin/env bash
# End-to-end speed and memory of `upward check` on a generated journal, against `ledger stats`
# on a ledger-cli file with the same number of transactions.
#
#   benches/run.sh [ENTRIES]        (default 1000000; RUNS=5 LEDGER_RUNS=3 KEEP=1 to keep files)
#
# Uses hyperfine when installed, else the median of RUNS runs of /usr/bin/time; peak RSS comes
# from /usr/bin/time -f %M. Missing tools are skipped with a message:
#   apt-get install -y --no-install-recommends time hyperfine ledger
# Targets: >= 1M entries/s, >= 100 MB/s, peak RSS <= 4x the file, >= 20x faster than ledger.
set -euo pipefail
cd "$(dirname "$0")/.."

ENTRIES=${1:-${ENTRIES:-1000000}}
RUNS=${RUNS:-5}
LEDGER_RUNS=${LEDGER_RUNS:-3}
TODAY=2026-11-23

have() { command -v "$1" >/dev/null 2>&1; }
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=
have hyperfine && HYPERFINE=1 || HYPERFINE=

echo "== build (release)"
cargo build --release --quiet --bin upward --example gen_journal
TARGET=$(cargo metadata --no-deps --format-version 1 |
  grep -o '"target_directory":"[^"]*"' | sed 's/.*:"//; s/"$//')
UPWARD=$TARGET/release/upward
GEN=$TARGET/release/examples/gen_journal

TMP=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "keeping $TMP"; else trap 'rm -rf "$TMP"' EXIT; fi
J=$TMP/journal.up
L=$TMP/journal.ledger

echo "== generate $ENTRIES entries"
"$GEN" "$ENTRIES" "$J" --ledger "$L"
SIZE=$(stat -c %s "$J")

echo "== sanity run"
set +e
"$UPWARD" -f "$J" check --today "$TODAY" --format json >"$TMP/out.json"
RC=$?
set -e
count() { { grep -o "\"severity\": *\"$1\"" "$TMP/out.json" || true; } | wc -l; }
ERRORS=$(count error)
WARNINGS=$(count warning)
echo "exit $RC, $ERRORS errors, $WARNINGS warnings"
if [ "$RC" -ne 0 ]; then
  echo "upward check failed on the generated journal; first diagnostics:" >&2
  head -c 2000 "$TMP/out.json" >&2
  exit 1
fi

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure RUNS COMMAND: sets SECONDS_MEDIAN (wall clock), CPU_MEDIAN (user + system, which
# other load on the machine disturbs less) and PEAK_KB (the largest max RSS seen).
measure() {
  local runs=$1 cmd=$2 i
  SECONDS_MEDIAN=nan
  CPU_MEDIAN=nan
  PEAK_KB=nan
  : >"$TMP/times" && : >"$TMP/rss" && : >"$TMP/cpu"
  if [ -n "$HYPERFINE" ]; then
    hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$TMP/h.json" "$cmd >/dev/null"
    SECONDS_MEDIAN=$(grep -o '"median": *[0-9.eE+-]*' "$TMP/h.json" | head -1 | sed 's/.*: *//')
  fi
  if [ -n "$TIME" ]; then
    # Without hyperfine these runs are the timing too; with it, 3 runs for memory only.
    local n=$runs
    [ -n "$HYPERFINE" ] && n=3
    for ((i = 0; i < n; i++)); do
      "$TIME" -f "%e %M %U %S" -o "$TMP/t" bash -c "$cmd >/dev/null"
      tail -1 "$TMP/t" | awk '{ print $1 }' >>"$TMP/times"
      tail -1 "$TMP/t" | awk '{ print $2 }' >>"$TMP/rss"
      tail -1 "$TMP/t" | awk '{ print $3 + $4 }' >>"$TMP/cpu"
    done
    PEAK_KB=$(sort -g "$TMP/rss" | tail -1)
    CPU_MEDIAN=$(median <"$TMP/cpu")
    [ -n "$HYPERFINE" ] || SECONDS_MEDIAN=$(median <"$TMP/times")
  elif [ -z "$HYPERFINE" ]; then
    echo "(no /usr/bin/time: timing with bash's time, no peak RSS; apt-get install -y time)"
    for ((i = 0; i < runs; i++)); do
      { TIMEFORMAT=%R; time bash -c "$cmd >/dev/null"; } 2>>"$TMP/times"
    done
    SECONDS_MEDIAN=$(median <"$TMP/times")
  else
    echo "(no /usr/bin/time: no peak RSS; apt-get install -y time)"
  fi
}

CHECK_CMD="'$UPWARD' -f '$J' check --today $TODAY --format json"
echo "== upward check: $RUNS runs"
measure "$RUNS" "$CHECK_CMD"
UP_S=$SECONDS_MEDIAN
UP_CPU=$CPU_MEDIAN
UP_KB=$PEAK_KB

LEDGER_S=nan
LEDGER_CPU=nan
LEDGER_KB=nan
LEDGER_CMD="ledger -f '$L' stats"
if have ledger; then
  echo "== ledger stats: $LEDGER_RUNS runs"
  measure "$LEDGER_RUNS" "$LEDGER_CMD"
  LEDGER_S=$SECONDS_MEDIAN
  LEDGER_CPU=$CPU_MEDIAN
  LEDGER_KB=$PEAK_KB
else
  echo "== ledger not installed: skipping the comparison (apt-get install -y ledger)"
fi

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$({ git status --porcelain 2>/dev/null || true; } | wc -l)
echo
echo "== summary (commit $COMMIT, $DIRTY changed/untracked paths in the work tree; MB = 10^6 bytes;"
echo "   load average now: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a), on $(nproc 2>/dev/null || echo '?') cores)"
echo "upward: $CHECK_CMD >/dev/null"
echo "ledger: $LEDGER_CMD >/dev/null"
awk -v n="$ENTRIES" -v size="$SIZE" -v s="$UP_S" -v cpu="$UP_CPU" -v kb="$UP_KB" \
  -v ls="$LEDGER_S" -v lcpu="$LEDGER_CPU" -v lkb="$LEDGER_KB" -v lsize="$(stat -c %s "$L")" '
function ok(c) { return c ? "ok" : "MISS" }
function num(x) { return x != "nan" && x != "" }
BEGIN {
  mb = size / 1e6
  printf "%-26s %14s %10s\n", "measure", "value", "target"
  printf "%-26s %14d\n", "entries", n
  printf "%-26s %14.1f\n", "journal size (MB)", mb
  printf "%-26s %14.3f\n", "check median (s)", s
  printf "%-26s %14.0f %10s  %s\n", "entries/s", n / s, ">= 1e6", ok(n / s >= 1e6)
  printf "%-26s %14.1f %10s  %s\n", "MB/s", mb / s, ">= 100", ok(mb / s >= 100)
  if (num(cpu)) printf "%-26s %14.3f\n", "check CPU user+sys (s)", cpu
  if (num(kb)) {
    printf "%-26s %14.1f\n", "peak RSS (MB)", kb * 1024 / 1e6
    printf "%-26s %14.2f %10s  %s\n", "RSS / file size", kb * 1024 / size, "<= 4", ok(kb * 1024 / size <= 4)
  } else printf "%-26s %14s\n", "peak RSS (MB)", "n/a"
  if (num(ls)) {
    printf "%-26s %14.1f\n", "ledger file (MB)", lsize / 1e6
    printf "%-26s %14.3f\n", "ledger stats median (s)", ls
    if (num(lcpu)) printf "%-26s %14.3f\n", "ledger CPU user+sys (s)", lcpu
    if (num(lkb)) printf "%-26s %14.1f\n", "ledger peak RSS (MB)", lkb * 1024 / 1e6
    printf "%-26s %14.1f %10s  %s\n", "ledger / upward (x)", ls / s, ">= 20", ok(ls / s >= 20)
    if (num(cpu) && num(lcpu)) printf "%-26s %14.1f\n", "same, by CPU time (x)", lcpu / cpu
  } else printf "%-26s %14s\n", "ledger stats", "skipped"
}'
