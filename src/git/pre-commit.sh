#!/bin/sh
# pre-commit hook written by `upward init`: refuses a commit whose journal has errors.
#
# It checks what the commit will hold: the staged version of every *.up file, copied to a
# temporary directory, as `upward check` would read it there (./journal.up or ./notes/,
# else every *.up file). Warnings do not stop a commit; errors do.
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
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
git ls-files -z -- '*.up' | git checkout-index -z --stdin --prefix="$tmp/" || exit 1

cd "$tmp" || exit 1
unset UPWARD_JOURNAL
if [ -f journal.up ] || [ -d notes ]; then
  "$upward" check --color never >&2
else
  "$upward" check --color never -f . >&2
fi
status=$?
if [ "$status" -ne 0 ]; then
  echo "pre-commit: the staged journal has errors (above); fix them, or commit with --no-verify" >&2
  exit 1
fi
exit 0
