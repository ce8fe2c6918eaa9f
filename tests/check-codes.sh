#!/bin/sh
# Every diagnostic code in src/diag_codes.def must be documented in
# docs/diagnostics.md (a "## CODE" heading) and produced by at least one
# golden test (its [CODE] appears in some tests/cases/*.out), or expected by
# a scripted test (tests/*.sh, for what needs more than one run: git history).
set -u
cd "$(dirname "$0")/.." || exit 2
missing=0 total=0
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
done
echo "codes: $((total * 2 - missing)) passed, $missing failed"
[ "$missing" -eq 0 ]
