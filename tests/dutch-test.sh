#!/bin/sh
# Dutch keywords: every golden case passes as its Dutch plan too.
#
# Two copies of tests/cases: in en/ every plan file that parses is laid out
# with `fmt --lang en` (the canonical English plan), in nl/ with `fmt --lang nl` (the
# same plan in Dutch; layout and line numbers are the same, only words
# differ).  For every case whose plan parses:
#   - the case's command gives the same output in nl/ as in en/.  The only
#     differences allowed are those a different word length makes: the
#     column of a position (file:line:COL, "column" in JSON, col= for
#     GitHub) and the quoted source line with its caret, which are shown
#     as they are in the Dutch plan; and the plan text a hint proposes,
#     which is spelt as the file it goes into (`signaal N naar provincie`,
#     docs/decisions.md "A hint speaks the language of the plan it fixes"),
#     read back in English.  Nothing else is normalised;
#   - `fmt --lang en` of the Dutch plan gives back the English bytes, and
#     `fmt --lang nl` of those the Dutch ones (the round trip).
# A case whose command is `fmt` prints the plan itself: only the round trip
# is checked for it.  The examples are checked the same way (eval).
#
# Usage: tests/dutch-test.sh BINARY [NAME...]    (KEEP=1 keeps the directory)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
[ "${KEEP:-}" = 1 ] && echo "dutch: keeping $work" || trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1767139200 NO_COLOR=1
unset CARENET_PATH

cp -R "$root/tests/cases" "$work/en"
cp -R "$root/tests/cases" "$work/nl"
mkdir "$work/en/examples" "$work/nl/examples"
cp "$root"/examples/*.care "$work/en/examples/"
cp "$root"/examples/*.care "$work/nl/examples/"

# Lay out (en) or translate (nl) every plan file that parses, in place
# (through the file, so a link stays a link).  Files that fmt refuses stay.
find "$work/en" -name '*.care' -type f | while read -r f; do
	rel=${f#"$work/en/"}
	if "$bin" fmt --lang en "$f" > "$work/out" 2> /dev/null; then cat "$work/out" > "$f"; fi
	if "$bin" fmt --lang nl "$work/nl/$rel" > "$work/out" 2> /dev/null; then cat "$work/out" > "$work/nl/$rel"; fi
done

# What a longer or shorter word moves: columns, and the quoted line under them.
columns() {
	sed -E -e 's/(\.care):([0-9]+):[0-9]+/\1:\2:COL/g' \
	    -e 's/"(end_)?column": ?[0-9]+/"\1column":COL/g' \
	    -e 's/(col|endColumn)=[0-9]+/\1=COL/g' \
	    -e 's/^( *[0-9]+ \| ).*/\1SOURCE/' \
	    -e 's/^( *\|) ([ ^~]|\x1b\[[0-9;]*m)*$/\1 CARET/'
}

# The plan text of hints, read back in English: the joining words, and the
# kinds' Dutch aliases (stdlib/kinds.care) that a Dutch hint names.
{
	printf '%s\n' 's/signaal ([^ ]+) (in [^ ]+ )?naar /signal \1 \2to /g'
	printf '%s\n' 's/antwoord ([^ ]+) met (ACTION|ACTIE)/answer \1 with \2/g'
	printf '%s\n' 's/: gebied ([^ ]+) "\.\.\." in /: area \1 "..." in /g'
	printf '%s\n' 's/: gemeente ([a-z0-9_]+)$/: municipality \1/'
	printf '%s\n' 's/(add|voeg) importeer "/\1 import "/'
	printf '%s\n' "s/(move|verschuif) 'verwacht'/\\1 'expected'/g"
	awk '/^kind / { kind = $2 } /^}/ { kind = "" } kind != "" && $1 == "alias" {
		printf "s/(signal [^ ]+ (in [^ ]+ )?to )%s\\b/\\1%s/g\n", $2, kind }' "$root/stdlib/kinds.care"
	# E505 names the property as the plan wrote it and lists the choices in that
	# spelling: read back in English (src/schema.def, src/vocab.h)
	awk -F'"' '/^PROP\(.*VT_CHOICE/ && $2 != $4 {
		printf "/\\[E505\\]$/s/is not a valid %s \\(/is not a valid %s (/\n", $4, $2 }' "$root/src/schema.def"
	grep -o 'X([A-Z_]*, "[a-z_]*", "[a-z_]*")' "$root/src/vocab.h" | awk -F'"' '$2 != $4 {
		printf "/\\[E505\\]$/s/([(, ])%s([,)])/\\1%s\\2/g\n", $4, $2 }'
} > "$work/hints.sed"
english_hints() {
	sed -E -f "$work/hints.sed"
}

run() { # DIR NAME: the case's output as run-cases.sh takes it
	(
		cd "$1" || exit 2
		if [ -f "$2.args" ]; then args=$(cat "$2.args"); else args="check $2.care"; fi
		if [ -f "$2.env" ]; then envs=$(cat "$2.env"); else envs=""; fi
		# shellcheck disable=SC2086
		env $envs "$bin" $args 2>&1 < /dev/null
		echo "[exit $?]"
	) | sed "s#$work/nl/#$work/en/#g"
}

passed=0 failed=0 skipped=0
fail() {
	failed=$((failed + 1))
	echo "FAIL: $1"
	[ -n "${2:-}" ] && echo "$2" | head -30
}

roundtrip() { # REL: fmt --lang en of the Dutch file is the English one, and back
	"$bin" fmt --lang en "$work/nl/$1" > "$work/back.care" 2>&1
	if ! cmp -s "$work/back.care" "$work/en/$1"; then
		fail "$1: nl -> en is not the canonical English plan" "$(diff "$work/en/$1" "$work/back.care")"
		return 1
	fi
	"$bin" fmt --lang nl "$work/en/$1" > "$work/again.care" 2>&1
	if ! cmp -s "$work/again.care" "$work/nl/$1"; then
		fail "$1: en -> nl does not give the same Dutch bytes" "$(diff "$work/nl/$1" "$work/again.care")"
		return 1
	fi
}

compare() { # DIR NAME
	run "$work/en/$1" "$2" | columns | english_hints > "$work/a.out"
	run "$work/nl/$1" "$2" | columns | english_hints > "$work/b.out"
	if cmp -s "$work/a.out" "$work/b.out"; then
		passed=$((passed + 1))
	else
		fail "$1$2: the Dutch plan evaluates differently" "$(diff -u "$work/a.out" "$work/b.out")"
	fi
}

cd "$work/en" || exit 2
if [ $# -gt 0 ]; then cases="$*"; else cases=$(ls *.care *.args | sed 's/\.[a-z]*$//' | sort -u); fi
for name in $cases; do
	# a case whose own plan does not parse has no Dutch plan
	if [ -f "$name.care" ] && ! "$bin" fmt "$name.care" > /dev/null 2>&1; then
		skipped=$((skipped + 1))
		continue
	fi
	if [ -f "$name.care" ] && ! roundtrip "$name.care"; then
		continue
	fi
	if [ -f "$name.args" ] && [ "$(cut -d' ' -f1 "$name.args")" = fmt ]; then
		passed=$((passed + 1)) # its output is the plan: the round trip is the check
		continue
	fi
	compare "" "$name"
done

# The examples: the round trip and `eval`.  A Dutch example NAME_nl.care
# evaluates as its English NAME.care does, byte for byte but the file name.
for f in "$root"/examples/*.care; do
	b=$(basename "$f")
	roundtrip "examples/$b" || continue
	printf 'eval %s\n' "$b" > "$work/en/examples/${b%.care}.args"
	cp "$work/en/examples/${b%.care}.args" "$work/nl/examples/"
	compare examples/ "${b%.care}"
	case $b in *_nl.care)
		english=${b%_nl.care}.care
		(cd "$root/examples" && "$bin" eval "$english" 2>&1; echo "[exit $?]") | columns > "$work/a.out"
		(cd "$root/examples" && "$bin" eval "$b" 2>&1; echo "[exit $?]") | sed "s/$b/$english/g" | columns > "$work/b.out"
		if cmp -s "$work/a.out" "$work/b.out"; then passed=$((passed + 1)); else
			fail "examples/$b: evaluates differently from $english" "$(diff -u "$work/a.out" "$work/b.out")"
		fi
	esac
done

echo "dutch: $passed passed, $failed failed, $skipped skipped (their plan does not parse)"
[ "$failed" -eq 0 ]
