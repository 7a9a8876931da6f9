#!/bin/sh
# pre-commit hook written by `upward init`: refuses a commit whose journal has errors.
#
# It checks what the commit will hold: the staged version of every *.up file, copied to a
# temporary directory, as `upward check` would read it there (./journal.up or ./notes/,
# else every *.up file). Warnings do not stop a commit; errors do. Errors are shown in full;
# warnings as one line with their count (`upward check` shows them).
# Skip it once with `git commit --no-verify`. Set UPWARD to choose the upward program.

upward=${UPWARD:-@UPWARD@}
if [ ! -x "$upward" ]; then
  upward=$(command -v upward 2>/dev/null) || {
    echo "pre-commit: upward not found, so the journal was not checked" >&2
    exit 0
  }
fi

# Nothing to do when no journal file is staged.
if git diff --cached --quiet -- '*.up'; then
  exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/upward-hook.XXXXXX") || exit 1
log=$(mktemp -d "${TMPDIR:-/tmp}/upward-hook-log.XXXXXX") || exit 1
trap 'rm -rf "$tmp" "$log"' EXIT
trap 'exit 1' INT TERM HUP
git ls-files -z -- '*.up' | git checkout-index -z --stdin --prefix="$tmp/" || exit 1

cd "$tmp" || exit 1
unset UPWARD_JOURNAL
if [ -f journal.up ] || [ -d notes ]; then
  "$upward" check --color never >"$log/out" 2>"$log/err"
else
  "$upward" check --color never -f . >"$log/out" 2>"$log/err"
fi
status=$?
# Each diagnostic is a paragraph whose first line names its severity: print the errors.
awk 'BEGIN { RS = ""; ORS = "\n\n" } { split($0, first, "\n"); if (first[1] ~ /: error\[/) print }' "$log/out" >&2
summary='^[0-9][0-9]* errors*, [0-9][0-9]* warnings*$'
grep -v "$summary" "$log/err" >&2
warnings=$(grep "$summary" "$log/err" | sed 's/^.*, \([0-9]*\) warnings*$/\1/')
if [ "${warnings:-0}" -eq 1 ]; then
  echo "pre-commit: 1 warning (\`upward check\` shows it)" >&2
elif [ "${warnings:-0}" -gt 1 ]; then
  echo "pre-commit: $warnings warnings (\`upward check\` shows them)" >&2
fi
if [ "$status" -ne 0 ]; then
  echo "pre-commit: the staged journal has errors (above); fix them, or commit with --no-verify" >&2
  exit 1
fi
exit 0
