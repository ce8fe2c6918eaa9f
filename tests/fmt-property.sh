#!/bin/sh
# Property test of `carenet fmt` over every example and golden input that
# parses: formatting is idempotent, keeps every comment and string (with the
# characters a terminal would act on written as escapes, \u{1B}), and the
# formatted plan evaluates to the same `eval --format json` (positions in
# diagnostics aside, since layout moves columns).
#
# Usage: tests/fmt-property.sh BINARY
set -u
export LANGUAGE=en   # carenet in English, whatever the developer's language (src/i18n.c)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.." || exit 2
export SOURCE_DATE_EPOCH=1767139200 NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
fail() { echo "FAIL: $1: $2"; failed=$((failed + 1)); }
# The characters fmt writes as escapes (utf8_is_unsafe in src/utf8.c), escaped.
escaped() {
	python3 -c 'import sys, re
unsafe = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
sys.stdout.write(unsafe.sub(lambda m: "\\u{%X}" % ord(m.group()), sys.stdin.read().replace("\r\n", "\n")))'
}
normalise() { jq -S 'del(.diagnostics) | del(.files[]?.file) | del(.coverage[]?.file)' 2>/dev/null; }
for f in examples/*.care tests/cases/*.care; do
	"$bin" fmt "$f" > "$tmp/once.care" 2>/dev/null || continue   # does not parse: skipped
	# a file that imports itself would import the original from the copy
	grep -q "import \"./$(basename "$f")\"" "$f" && continue
	dir=$(dirname "$f")
	copy="$dir/.fmt-property-$$.care"
	cp "$tmp/once.care" "$copy"
	"$bin" fmt "$copy" > "$tmp/twice.care" 2>/dev/null
	if ! cmp -s "$tmp/once.care" "$tmp/twice.care"; then
		fail "$f" "fmt is not idempotent"
	elif [ "$(grep -o '#.*' "$f" | escaped | sort)" != "$(grep -o '#.*' "$copy" | escaped | sort)" ]; then
		fail "$f" "a comment changed"
	elif [ "$(grep -o '"[^"]*"' "$f" | escaped | sort)" != "$(grep -o '"[^"]*"' "$copy" | escaped | sort)" ]; then
		fail "$f" "a string changed"
	elif [ "$("$bin" eval --format json "$f" 2>/dev/null | normalise)" != \
	       "$("$bin" eval --format json "$copy" 2>/dev/null | normalise)" ]; then
		fail "$f" "the formatted plan evaluates differently"
	else
		passed=$((passed + 1))
	fi
	rm -f "$copy"
done
echo "fmt: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
