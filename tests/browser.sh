#!/usr/bin/env bash
# The HTML pages in a real browser: each page of the samples (report, streaks, brag) is
# rendered by headless Chromium at 1280 pixels and at a phone's 390, in light and in dark,
# printed to PDF (A4 and Letter for the brag), and its rendered DOM is checked for the charts.
# The browser must refuse nothing (the pages make no request) and print no page error.
#
#   tests/browser.sh [OUT_DIR]      (default: target/browser; the screenshots and PDFs stay there)
#
# Without Chromium it says so and exits 0 (install `chromium-headless-shell` or `chromium`).
# UPWARD names the binary to use (default: target/debug/upward, built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=""
for name in chromium-headless-shell chrome-headless-shell chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    browser=$(command -v "$name")
    break
  fi
done
if [ -z "$browser" ]; then
  echo "browser test skipped: no headless Chromium found (apt-get install chromium-headless-shell)"
  exit 0
fi

out=${1:-target/browser}
mkdir -p "$out"
out=$(cd "$out" && pwd)
upward=${UPWARD:-target/debug/upward}
if [ ! -x "$upward" ]; then
  cargo build --quiet --bin upward
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# chrome ARGS... : one headless run with a fresh profile, no network helpers, no sandbox.
chrome() {
  local dir
  dir=$(mktemp -d "$profile/run.XXXXXX")
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-extensions --hide-scrollbars --user-data-dir="$dir" \
    --enable-logging=stderr --v=0 "$@"
}

journal=(-f samples/engineer/journal.up --today 2026-11-23)
"$upward" "${journal[@]}" report --period 2026-09-01..2026-11-23 --format html >"$out/report.html"
"$upward" "${journal[@]}" streaks --format html >"$out/streaks.html"
"$upward" "${journal[@]}" brag --format html >"$out/brag.html"

# What each page's rendered DOM must hold: CSS-ish markers, one per line.
expect_report='class="lanes"
class="share"
class="calendar"
class="promises"
id="warnings"'
expect_streaks='class="heatmap"
Dev Patel (@dev)'
expect_brag='class="break-before"
samples/engineer/journal.up:'

for page in report streaks brag; do
  file="$out/$page.html"
  url="file://$file"
  chrome --dump-dom "$url" >"$out/$page.dom.html" 2>"$out/$page.log" || fail "$page: the browser failed"
  case $page in
    report) expect=$expect_report ;;
    streaks) expect=$expect_streaks ;;
    brag) expect=$expect_brag ;;
  esac
  while IFS= read -r marker; do
    grep -qF -- "$marker" "$out/$page.dom.html" || fail "$page: the rendered page lacks $marker"
  done <<<"$expect"
  svgs=$(grep -o '<svg' "$out/$page.dom.html" | wc -l || true)
  if [ "$page" != brag ] && [ "$svgs" -lt 1 ]; then
    fail "$page: no chart rendered"
  fi
  if grep -E "Refused to|Content Security Policy|Uncaught|ERR_" "$out/$page.log" >/dev/null; then
    grep -E "Refused to|Content Security Policy|Uncaught|ERR_" "$out/$page.log" | head -5
    fail "$page: the browser refused or failed something"
  fi
  chrome --window-size=1280,2400 --screenshot="$out/$page-1280.png" "$url" 2>>"$out/$page.log" || fail "$page: no screenshot"
  chrome --window-size=390,2400 --screenshot="$out/$page-phone.png" "$url" 2>>"$out/$page.log" || fail "$page: no phone screenshot"
  chrome --force-dark-mode --blink-settings=preferredColorScheme=0 --window-size=1280,2400 \
    --screenshot="$out/$page-dark.png" "$url" 2>>"$out/$page.log" || fail "$page: no dark screenshot"
  chrome --no-pdf-header-footer --print-to-pdf="$out/$page.pdf" "$url" 2>>"$out/$page.log" || fail "$page: no PDF"
  for shot in "$out/$page-1280.png" "$out/$page-phone.png" "$out/$page-dark.png"; do
    [ "$(head -c 4 "$shot" 2>/dev/null | tail -c 3)" = "PNG" ] || fail "$page: $shot is no PNG"
  done
  [ "$(head -c 5 "$out/$page.pdf" 2>/dev/null)" = "%PDF-" ] || fail "$page: $page.pdf is no PDF"
done

# The brag prints a page per priority: its PDF has more pages than the brag has priorities
# minus one. Chromium writes one `/Type /Page` object per page.
pages=$(grep -ac '/Type /Page$\|/Type /Page[^s]' "$out/brag.pdf" || true)
groups=$(grep -o 'class="break-before"' "$out/brag.html" | wc -l)
if [ "$pages" -le "$groups" ]; then
  fail "brag: $pages printed pages for $((groups + 1)) sections"
fi

if [ "$failures" -gt 0 ]; then
  echo "browser test: $failures failures (pages, screenshots and logs in $out)"
  exit 1
fi
echo "browser test: 3 pages rendered by $(basename "$browser"); screenshots and PDFs in $out"
