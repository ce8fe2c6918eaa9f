#!/bin/sh
# Every diagnostic code in src/diag_codes.def must be documented in
# docs/diagnostics.md (a "## CODE" heading) and produced by at least one
# golden test (its [CODE] appears in some tests/cases/*.out), or expected by
# a scripted test (tests/*.sh, for what needs more than one run: git history).
# With the binary, `carenet explain CODE` must also explain each: what it
# means and the fix, from that section.
#
# Usage: tests/check-codes.sh [BINARY]
set -u
bin=${1:+$(cd "$(dirname "$1")" && pwd)/$(basename "$1")}
cd "$(dirname "$0")/.." || exit 2
missing=0 total=0 total_explained=0
for code in $(sed -n 's/^DIAG(\([EW][0-9]*\),.*/\1/p' src/diag_codes.def); do
	total=$((total + 1))
	if ! grep -q "^## $code\b" docs/diagnostics.md 2>/dev/null; then
		echo "undocumented: $code (add a '## $code' section to docs/diagnostics.md)"
		missing=$((missing + 1))
	fi
	if ! grep -qE "\[$code\]|\"code\":\"$code\"|title=$code " tests/cases/*.out tests/*.sh 2>/dev/null; then
		echo "untested: $code (no golden test in tests/cases produces it)"
		missing=$((missing + 1))
	fi
	if [ -n "$bin" ]; then
		total_explained=$((total_explained + 1))
		text=$("$bin" explain "$code" 2>&1)
		if [ $? -ne 0 ] || ! printf '%s\n' "$text" | grep -q '^What it means\. ' ||
			! printf '%s\n' "$text" | grep -q '^Fix\. '; then
			echo "unexplained: $code (carenet explain $code: no 'What it means.' or 'Fix.' paragraph)"
			missing=$((missing + 1))
		fi
	fi
done
echo "codes: $((total * 2 + total_explained - missing)) passed, $missing failed"
[ "$missing" -eq 0 ]
