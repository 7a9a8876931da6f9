#!/usr/bin/env bash
# The HTML pages in a real browser: each page of the samples (report, streaks, brag) is
# rendered by headless Chromium at 1280 pixels and at a phone's 390, in light and in dark,
# printed to PDF on A4 and on Letter paper, and its rendered DOM is checked for the charts.
# The browser must refuse nothing (the pages make no request) and print no page error.
# The brag's PDFs are checked for their paper size, a printed page per priority (each one's
# heading at the top of a page) and every file:line of the page in the printed text; with
# poppler's pdftoppm each printed page is also left as a PNG to look at.
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
  # The page sets no paper size, so it prints on what the print dialog chooses; a copy with
  # `@page { size: … }` added stands in for that choice.
  for paper in A4 Letter; do
    sed "s|</style>|@page { size: $paper; }</style>|" "$file" >"$out/$page-$paper.html"
    chrome --no-pdf-header-footer --print-to-pdf="$out/$page-$paper.pdf" "file://$out/$page-$paper.html" \
      2>>"$out/$page.log" || fail "$page: no $paper PDF"
    [ "$(head -c 5 "$out/$page-$paper.pdf" 2>/dev/null)" = "%PDF-" ] || fail "$page: $page-$paper.pdf is no PDF"
  done
  for shot in "$out/$page-1280.png" "$out/$page-phone.png" "$out/$page-dark.png"; do
    [ "$(head -c 4 "$shot" 2>/dev/null | tail -c 3)" = "PNG" ] || fail "$page: $shot is no PNG"
  done
done

# pdf_pages PDF: its number of pages. Chromium writes one `/Type /Page` object per page.
pdf_pages() {
  if command -v pdfinfo >/dev/null 2>&1; then
    pdfinfo "$1" | sed -n 's/^Pages: *//p'
  else
    grep -ac '/Type /Page$\|/Type /Page[^s]' "$1" || true
  fi
}

# The brag prints a page per priority: at least as many pages as sections that start one,
# plus the first.
groups=$(grep -o 'class="break-before"' "$out/brag.html" | wc -l)
headings=$(grep -o '<section[^>]*class="break-before"[^>]*><h2[^>]*>[^<]*</h2>' "$out/brag.html" |
  sed 's/.*<h2[^>]*>\([^<]*\)<\/h2>/\1/; s/&amp;/\&/g')
cited=$(grep -o 'samples/engineer/journal.up:[0-9]*' "$out/brag.html" | sort -u)
for paper in A4 Letter; do
  pdf="$out/brag-$paper.pdf"
  pages=$(pdf_pages "$pdf")
  if [ "${pages:-0}" -le "$groups" ]; then
    fail "brag ($paper): $pages printed pages for $((groups + 1)) sections"
  fi
  if ! command -v pdfinfo >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    echo "note: without poppler (pdfinfo, pdftotext) the brag's paper size and printed text are not checked"
    continue
  fi
  size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *//p')
  case $paper in
    A4) want='^59[45][.0-9]* x 84[12][.0-9]* pts' ;;
    Letter) want='^612 x 792 pts' ;;
  esac
  grep -qE "$want" <<<"$size" || fail "brag: the $paper PDF's pages are $size"
  # Each priority's heading starts a printed page: the page's first line is the heading, or
  # its start when the heading wraps.
  firsts=$(for ((n = 1; n <= pages; n++)); do
    pdftotext -f "$n" -l "$n" "$pdf" - | sed '/^[[:space:]]*$/d' | head -1
  done)
  while IFS= read -r heading; do
    [ -z "$heading" ] && continue
    starts=no
    while IFS= read -r first; do
      first=${first%"${first##*[![:space:]]}"}
      if [ "${#first}" -ge 10 ] || [ "$first" = "$heading" ]; then
        [[ "$heading" == "$first"* ]] && starts=yes
      fi
    done <<<"$firsts"
    [ "$starts" = yes ] || fail "brag ($paper): \"$heading\" does not start a printed page"
  done <<<"$headings"
  # Every piece of evidence is printed whole.
  printed=$(pdftotext "$pdf" - | grep -o 'samples/engineer/journal.up:[0-9]*' | sort -u)
  [ "$printed" = "$cited" ] || fail "brag ($paper): the printed file:line evidence differs from the page's"
  if command -v pdftoppm >/dev/null 2>&1; then
    pdftoppm -r 50 -png "$pdf" "$out/brag-$paper-page"
  fi
done

if [ "$failures" -gt 0 ]; then
  echo "browser test: $failures failures (pages, screenshots and logs in $out)"
  exit 1
fi
echo "browser test: 3 pages rendered by $(basename "$browser"); screenshots and PDFs in $out"
