#!/usr/bin/env bash
# Speed and memory of `upward check` on generated journals of a few sizes, beside `ledger stats`
# on ledger-cli files with the same number of transactions; prints one Markdown table (the
# README's Performance section is that table).
#
#   benches/run.sh [ENTRIES...]     (default: 20000 200000 1000000)
#   RUNS=7 LEDGER_RUNS=3 KEEP=1     (runs per command; KEEP keeps the generated files)
#   UPWARD=path GEN=path            (binaries already built: no cargo build)
#
# Needs hyperfine (timing, medians) and /usr/bin/time (peak RSS, CPU time); ledger is
# optional and skipped with a note when missing:
#   apt-get install -y --no-install-recommends time hyperfine ledger
# Each hyperfine run times `check --format json`, and `check --all` (every warning, settled
# ones too) as JSON and as terminal text piped, together, so that their ratio comes from one
# run on a machine that may be busy with other work.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(20000 200000 1000000)
RUNS=${RUNS:-7}
LEDGER_RUNS=${LEDGER_RUNS:-3}
TODAY=2026-11-23

have() { command -v "$1" >/dev/null 2>&1; }
for tool in hyperfine /usr/bin/time; do
  have "$tool" || { echo "needs $tool: apt-get install -y hyperfine time" >&2; exit 1; }
done

if [ -z "${UPWARD:-}" ] || [ -z "${GEN:-}" ]; then
  echo "== build (release)" >&2
  cargo build --release --quiet --bin upward --example gen_journal
  TARGET=$(cargo metadata --no-deps --format-version 1 |
    grep -o '"target_directory":"[^"]*"' | sed 's/.*:"//; s/"$//')
  UPWARD=$TARGET/release/upward
  GEN=$TARGET/release/examples/gen_journal
fi

TMP=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "keeping $TMP" >&2; else trap 'rm -rf "$TMP"' EXIT; fi

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# hyperfine_medians RUNS CMD...: for each command, one line "MEDIAN_SECONDS CPU_SECONDS" (the
# mean user + system time, which other work on the machine disturbs less than the wall clock).
hyperfine_medians() {
  local runs=$1
  shift
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$TMP/h.json" "$@" >&2
  paste -d' ' \
    <(grep -o '"median": *[0-9.eE+-]*' "$TMP/h.json" | sed 's/.*: *//') \
    <(grep -o '"user": *[0-9.eE+-]*' "$TMP/h.json" | sed 's/.*: *//') \
    <(grep -o '"system": *[0-9.eE+-]*' "$TMP/h.json" | sed 's/.*: *//') |
    awk '{ print $1, $2 + $3 }'
}

# peak CMD: "PEAK_KB CPU_SECONDS", the largest max RSS and the median user+system time of 3 runs.
peak() {
  : >"$TMP/rss" && : >"$TMP/cpu"
  for _ in 1 2 3; do
    /usr/bin/time -f "%M %U %S" -o "$TMP/t" bash -c "$1 >/dev/null 2>&1" || true
    tail -1 "$TMP/t" | awk '{ print $1 }' >>"$TMP/rss"
    tail -1 "$TMP/t" | awk '{ print $2 + $3 }' >>"$TMP/cpu"
  done
  echo "$(sort -g "$TMP/rss" | tail -1) $(median <"$TMP/cpu")"
}

declare -A ROW
for n in "${SIZES[@]}"; do
  J=$TMP/j$n.up
  L=$TMP/j$n.ledger
  echo "== $n entries" >&2
  "$GEN" "$n" "$J" --ledger "$L" >&2
  set +e
  "$UPWARD" -f "$J" check --today "$TODAY" --format json >"$TMP/out.json"
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    echo "upward check failed on the generated journal; first diagnostics:" >&2
    head -c 2000 "$TMP/out.json" >&2
    exit 1
  fi
  json="$UPWARD -f $J check --today $TODAY --format json"
  "$UPWARD" -f "$J" check --today "$TODAY" --all --format json >"$TMP/out.json" || true
  warnings=$({ grep -o '"severity": *"warning"' "$TMP/out.json" || true; } | wc -l)
  mapfile -t t < <(hyperfine_medians "$RUNS" "$json" "$json --all" \
    "$UPWARD -f $J check --today $TODAY --all")
  read -r json_s json_cpu <<<"${t[0]}"
  read -r _ all_cpu <<<"${t[1]}"
  read -r term_s term_cpu <<<"${t[2]}"
  read -r kb _ < <(peak "$json")
  size=$(stat -c %s "$J")
  ls=nan
  if have ledger; then
    read -r ls _ < <(hyperfine_medians "$LEDGER_RUNS" "ledger -f $L stats")
  fi
  ROW[$n]="$size $json_s $json_cpu $term_s $term_cpu $all_cpu $kb $ls $warnings"
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$({ git status --porcelain 2>/dev/null || true; } | wc -l)
echo
echo "Commit $commit ($dirty changed paths), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" \
  "at the end; medians of $RUNS runs (ledger: $LEDGER_RUNS); MB = 10^6 bytes."
echo
for n in "${SIZES[@]}"; do echo "$n ${ROW[$n]}"; done | awk '
function fmt_n(n) { return n >= 1e6 ? sprintf("%g M", n / 1e6) : sprintf("%g k", n / 1e3) }
function cell(r, c, v) { t[r, c] = v }
{
  c = NR; cols = NR
  n = $1; size = $2; json = $3; cpu = $4; term = $5; term_cpu = $6; all_cpu = $7; kb = $8
  ls = $9; warn = $10
  head[c] = fmt_n(n) " entries"
  cell(1, c, sprintf("%.1f", size / 1e6))
  cell(2, c, sprintf("%d", warn))
  cell(3, c, sprintf("%.3f s", json))
  cell(4, c, sprintf("%.2f M", n / json / 1e6))
  cell(5, c, sprintf("%.0f", size / 1e6 / json))
  cell(6, c, sprintf("%.3f s", cpu))
  cell(7, c, sprintf("%.0f MB (%.2f× the file)", kb * 1024 / 1e6, kb * 1024 / size))
  cell(8, c, sprintf("%.3f s, %.2f× JSON by CPU time", term, term_cpu / all_cpu))
  cell(9, c, ls == "nan" ? "not installed" : sprintf("%.2f s (%.1f× upward)", ls, ls / json))
}
END {
  name[1] = "journal size (MB)"
  name[2] = "warnings with `--all`"
  name[3] = "`check --format json`, median"
  name[4] = "entries per second"
  name[5] = "MB per second"
  name[6] = "CPU time (user + system)"
  name[7] = "peak memory"
  name[8] = "`check --all`, terminal text piped"
  name[9] = "`ledger stats`, same number of transactions"
  line = "| |"; rule = "|---|"
  for (c = 1; c <= cols; c++) { line = line " " head[c] " |"; rule = rule "---|" }
  print line; print rule
  for (r = 1; r <= 9; r++) {
    line = "| " name[r] " |"
    for (c = 1; c <= cols; c++) line = line " " t[r, c] " |"
    print line
  }
}'
