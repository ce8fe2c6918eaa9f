#!/bin/sh
# fmt changes the layout of a plan and nothing else: for every .care file of
# tests/cases/, examples/ and stdlib/ that parses, `eval` of the formatted
# text prints the same report, byte for byte, as `eval` of the original.
# (The diagnostics on standard error are left out: their columns move with
# the layout.)  Each folder is copied twice, once as it is and once with the
# one file formatted, so that relative imports and file names are alike.
#
# Usage: tests/fmt-differential.sh BINARY
set -u
export LANGUAGE=en   # carenet in English, whatever the developer's language (src/i18n.c)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.." || exit 2
export SOURCE_DATE_EPOCH=1767139200 NO_COLOR=1
unset CARENET_PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
for dir in tests/cases examples stdlib; do
	rm -rf "$tmp/original" "$tmp/formatted"
	mkdir -p "$tmp/original" "$tmp/formatted"
	cp -R "$dir/." "$tmp/original/"
	cp -R "$dir/." "$tmp/formatted/"
	for f in $(cd "$dir" && ls *.care */*.care 2>/dev/null); do
		"$bin" fmt "$dir/$f" > "$tmp/formatted/$f" 2>/dev/null || { cp "$dir/$f" "$tmp/formatted/$f"; continue; }
		(cd "$tmp/original" && "$bin" eval "$f" > "$tmp/eval-original" 2>/dev/null)
		(cd "$tmp/formatted" && "$bin" eval "$f" > "$tmp/eval-formatted" 2>/dev/null)
		cp "$dir/$f" "$tmp/formatted/$f"
		if cmp -s "$tmp/eval-original" "$tmp/eval-formatted"; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "FAIL: $dir/$f: eval of the formatted plan differs"
			diff "$tmp/eval-original" "$tmp/eval-formatted" | head -10
		fi
	done
done
echo "fmt differential: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
