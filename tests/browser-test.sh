#!/bin/sh
# Opens `eval --format html` in headless Chromium and checks the rendered
# DOM: the coverage matrix with a gap cell, progress bars, the signals, the
# findings, and that plan text is escaped (a title holding <script> shows as
# text, runs nothing).  Then the impact report of examples/olen.care: an SVG
# chart per indicator in the rendered page, and every number of every series
# in the text of its printed PDF (pdftotext).  Saves a screenshot of that page
# to build/html-report.png (docs/html-report.png is a copy).  Then the report in
# Dutch (LANG=nl_BE.UTF-8 on a machine without a Dutch locale): lang="nl", Dutch
# labels, no English heading; its screenshot is build/html-report-nl.png
# (docs/html-report-nl.png is a copy).
#
# Usage: tests/browser-test.sh BINARY
set -u
export LANGUAGE=en   # carenet in English, whatever the developer's language (src/i18n.c)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.." || exit 2
browser=$(command -v chromium || command -v chromium-browser) || { echo "browser: skipped (no chromium)"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/"Zorgzaam Hoogstraten 2025-2027"/"Zorgzaam <script>document.title=1<\/script> \& co"/' \
	examples/hoogstraten.care > examples/.browser-test.care
SOURCE_DATE_EPOCH=1767139200 "$bin" eval --format html examples/.browser-test.care > "$tmp/page.html" 2>/dev/null
rm -f examples/.browser-test.care
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir=$tmp/profile"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --dump-dom "file://$tmp/page.html" > "$tmp/dom.html" 2>/dev/null
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --window-size=1200,1400 --screenshot="$tmp/shot.png" "file://$tmp/page.html" >/dev/null 2>&1
mkdir -p build && cp "$tmp/shot.png" build/html-report.png 2>/dev/null
passed=0 failed=0
expect() {
	if grep -q -- "$2" "$tmp/dom.html"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi
}
expect "coverage matrix" '<table class="matrix">'
expect "a gap cell" '<td class="gap">gap</td>'
expect "a covered cell" '<td class="covered">covered</td>'
expect "a signalled cell" 'signalled: ELZ Kempenland'
expect "a progress bar" 'class="done" style="width:'
expect "expected progress marker" 'class="expected"'
expect "findings list" 'unaddressed\|not addressed'
expect "escaped plan text" 'Zorgzaam &lt;script&gt;document.title=1&lt;/script&gt; &amp; co'
if grep -q '<script' "$tmp/dom.html"; then failed=$((failed + 1)); echo "FAIL: a script element in the page"; else passed=$((passed + 1)); fi

# ---- the impact report: charts on screen, every number on paper ----------------------
SOURCE_DATE_EPOCH=1798707600 "$bin" eval --format html examples/olen.care > "$tmp/impact.html" 2>/dev/null
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --dump-dom "file://$tmp/impact.html" > "$tmp/dom.html" 2>/dev/null
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --window-size=1200,1800 --screenshot="$tmp/shot.png" "file://$tmp/impact.html" >/dev/null 2>&1
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --no-pdf-header-footer --print-to-pdf="$tmp/impact.pdf" "file://$tmp/impact.html" >/dev/null 2>&1
mkdir -p build && cp "$tmp/shot.png" build/html-report.png 2>/dev/null
charts=$(grep -o '<figure class="chart"><svg' "$tmp/dom.html" | wc -l)
if [ "$charts" -eq 2 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $charts charts, not 2"; fi
expect "a chart's measured line" 'class="measured"'
expect "a chart's caption" '<figcaption>Alleenwonende 75-plussers die zich vaak eenzaam voelen'
expect "a chart's axis labels dates as written (a month)" 'class="tick">2027-12</text>'
if pdftotext -layout "$tmp/impact.pdf" "$tmp/impact.txt" 2>/dev/null; then
	# baseline, target, each measurement, each sample: of both indicators
	for number in 40% 30% 39% 38% 35% 33% 180 52 61 58 64 0 129 9 25 41 70; do
		if grep -qw -- "$number" "$tmp/impact.txt"; then passed=$((passed + 1))
		else failed=$((failed + 1)); echo "FAIL: $number not in the printed report"; fi
	done
else
	failed=$((failed + 1)); echo "FAIL: no printed PDF, or no pdftotext"
fi
if [ -s build/html-report.png ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: no screenshot"; fi

# ---- the same report in Dutch, without a Dutch locale: Dutch throughout -------------------
LANG=nl_BE.UTF-8 LANGUAGE= SOURCE_DATE_EPOCH=1767139200 "$bin" eval --format html examples/hoogstraten.care \
	> "$tmp/nl.html" 2>/dev/null
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --dump-dom "file://$tmp/nl.html" > "$tmp/dom.html" 2>/dev/null
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --window-size=1200,1400 --screenshot="$tmp/shot.png" "file://$tmp/nl.html" >/dev/null 2>&1
cp "$tmp/shot.png" build/html-report-nl.png 2>/dev/null
expect "Dutch: lang nl" '<html lang="nl">'
expect "Dutch: a gap cell" '<td class="gap">niet aangepakt</td>'
expect "Dutch: a covered cell" '<td class="covered">gedekt</td>'
expect "Dutch: headings" '<h2>Dekking</h2>'
expect "Dutch: findings" '<h2>Bevindingen</h2>'
expect "Dutch: a finding" 'wordt niet aangepakt in'
for english in '>Coverage<' '>Findings<' '>Signals<' 'Actions and indicators' 'Evaluated on' 'answered by' '>covered<'; do
	if grep -q -- "$english" "$tmp/dom.html"; then failed=$((failed + 1)); echo "FAIL: English in the Dutch page: $english"
	else passed=$((passed + 1)); fi
done
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
