#!/usr/bin/env bash
# The history benchmark: a 10,000-commit repository whose journal grows to about 2 MB, and
# the time of `upward history` on it (first run with no cache, a repeated run, a run after
# one new commit) next to `git log -p -- journal.up >/dev/null`, all measured in this run.
#
#   benches/history/run.sh [COMMITS] [BYTES]        (defaults 10000 2000000)
#
# The repository is built once (by examples/gen_history_repo.rs and git fast-import) under
# target/history-bench/ and reused. Needs git; upward itself uses libgit2 only.
set -euo pipefail
cd "$(dirname "$0")/../.."

commits=${1:-10000}
bytes=${2:-2000000}
work=target/history-bench
repo=$work/repo-$commits-$bytes
cargo build --release --quiet --example gen_history_repo
cargo build --release --quiet --features git
mkdir -p "$work"
# A copy, so that another build of target/release/upward cannot swap it mid-run.
cp target/release/upward "$work/upward"
upward=$PWD/$work/upward

# git and upward see a private HOME and no system configuration.
export HOME=$PWD/$work/home GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"

if [ ! -f "$repo/journal.up" ]; then
  rm -rf "$repo"
  git init -q "$repo"
  echo "building $repo ($commits commits) ..."
  start=$(date +%s)
  target/release/examples/gen_history_repo "$commits" "$bytes" | git -C "$repo" fast-import --quiet
  git -C "$repo" symbolic-ref HEAD refs/heads/main
  git -C "$repo" reset -q --hard
  echo "built in $(($(date +%s) - start)) s"
fi
git -C "$repo" config user.name Bench
git -C "$repo" config user.email bench@example.com

seconds() { # runs "$@" with output discarded, prints the wall time in seconds
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null || { echo "failed: $*" >&2; return 1; }
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

# Leave the repository at the generated history (a previous run added one commit).
base=$(git -C "$repo" rev-parse refs/heads/main)
git -C "$repo" reset -q --hard "$(git -C "$repo" rev-list --max-count=1 --grep='^Journal:' "$base")"
rm -rf "$repo/.git/upward"
echo "journal: $(wc -c < "$repo/journal.up") bytes, $(git -C "$repo" rev-list --count HEAD) commits"

git_log=$(seconds git -C "$repo" log -p -- journal.up)
first=$(seconds "$upward" -f "$repo/journal.up" history --format json)
again=$(seconds "$upward" -f "$repo/journal.up" history --format json)
"$upward" -f "$repo/journal.up" --today 2026-11-23 add did "Benchmarked the history cache #perf" --date 2026-11-20 --commit >/dev/null
incremental=$(seconds "$upward" -f "$repo/journal.up" history --format json)

printf '%-45s %8s s\n' \
  "git log -p -- journal.up >/dev/null" "$git_log" \
  "upward history (first run, no cache)" "$first" \
  "upward history (repeated run)" "$again" \
  "upward history (after one new commit)" "$incremental"
