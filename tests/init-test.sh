#!/bin/bash
# carenet init for every municipality the standard library declares
# (stdlib/municipalities.care: 2021's and the new ones of 2025):
#  - one that exists on the evaluation date: the plan passes `check` with
#    warnings at most (exit 0), `fmt --check` leaves it as it is, and with
#    every example uncommented (the lines after "# --- Examples" lose their
#    "# ") it still has no errors; its Dutch display name, in any case,
#    gives the same plan;
#  - one that merged into another before that date: exit 2, naming the
#    municipality to write the plan of, and no file.
# Then writing a FILE: written whole, never over an existing file or a
# link, no temporary file left behind, and nothing at all on failure.
#
# Usage: tests/init-test.sh BINARY
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767139200 NO_COLOR=1 # 2025-12-31
unset CARENET_PATH
cd "$tmp" || exit 2
passed=0 failed=0
fail() {
	failed=$((failed + 1))
	echo "FAIL: $*"
}

# ---- every municipality -------------------------------------------------------------------
municipalities=$(sed -n 's/^municipality \([a-z0-9_]*\) "\([^"]*\)".*/\1 \2/p' "$top/stdlib/municipalities.care")
[ "$(printf '%s\n' "$municipalities" | wc -l)" -ge 300 ] || fail "fewer than 300 municipalities read from the stdlib"
# those that merged (before 2025-12-31: all of them so far), read from their blocks
former=" $(awk '/^municipality / { id = $2 } /^}/ { id = "" } id != "" && /^  merged_into / { print id }' \
	"$top/stdlib/municipalities.care" | xargs) "
written=0 merged=0
while read -r id title; do
	if [[ $former == *" $id "* ]]; then
		out=$("$bin" init "$id" "$id.care" 2>&1)
		status=$?
		if [ $status -ne 2 ] || [[ $out != *"merged into"* ]] || [ -e "$id.care" ]; then
			fail "init $id (merged): exit $status, want 2 with 'merged into' and no file: $out"
		else
			merged=$((merged + 1)) passed=$((passed + 1))
		fi
		continue
	fi
	if ! "$bin" init "$id" > "$id.care" 2> "$id.err"; then
		fail "init $id: $(cat "$id.err")"
		continue
	fi
	if ! "$bin" check "$id.care" > "$id.check" 2>&1; then
		fail "check of init $id: $(grep -m3 'error' "$id.check")"
		continue
	fi
	if ! "$bin" fmt --check "$id.care" > "$id.fmt" 2>&1; then
		fail "fmt --check of init $id: $(head -20 "$id.fmt")"
		continue
	fi
	awk '/^# --- Examples/ { examples = 1; print; next } examples && /^# / { sub(/^# /, "") } { print }' \
		"$id.care" > "${id}_examples.care"
	if ! grep -q '^accept ' "${id}_examples.care" || ! "$bin" check "${id}_examples.care" > "$id.check" 2>&1; then
		fail "init $id with its examples uncommented: $(grep -m3 'error' "$id.check")"
		continue
	fi
	lower=$(printf '%s' "$title" | tr 'A-Z' 'a-z')
	if ! "$bin" init "$lower" 2>&1 | cmp -s - "$id.care"; then
		fail "init '$lower' is not init $id"
		continue
	fi
	written=$((written + 1)) passed=$((passed + 1))
	rm -f "$id".* "${id}_examples.care"
done <<<"$municipalities"
[ "$written" -ge 280 ] || fail "only $written plans written"
[ "$merged" -ge 15 ] || fail "only $merged merged municipalities refused"

# ---- in Dutch: a sample of municipalities ---------------------------------------------------
# Under LANGUAGE=nl the plan's comments are Dutch and its keywords too (as `fmt --lang nl`
# writes them): it passes `check`, `fmt --check`, is already all Dutch for `fmt --lang nl`,
# and its examples uncommented still have no errors.  Every 15th municipality, and those
# with postcode areas, districts and former municipalities.
dutch=0
sample=$(printf '%s\n' "$municipalities" | awk 'NR % 15 == 1 || $1 ~ /^(olen|hoogstraten|antwerpen|lievegem)$/')
while read -r id title; do
	[[ $former == *" $id "* ]] && continue
	if ! LANGUAGE=nl "$bin" init "$id" > "nl_$id.care" 2> "$id.err"; then
		fail "LANGUAGE=nl init $id: $(cat "$id.err")"
		continue
	fi
	if ! grep -q '^importeer ' "nl_$id.care" || ! grep -q '^# --- Voorbeelden' "nl_$id.care"; then
		fail "LANGUAGE=nl init $id: not in Dutch: $(head -3 "nl_$id.care")"
		continue
	fi
	if ! LANGUAGE=nl "$bin" check "nl_$id.care" > "$id.check" 2>&1; then
		fail "check of LANGUAGE=nl init $id: $(grep -m3 'error' "$id.check")"
		continue
	fi
	if ! "$bin" fmt --check "nl_$id.care" > "$id.fmt" 2>&1 || ! "$bin" fmt --lang nl "nl_$id.care" | cmp -s - "nl_$id.care"; then
		fail "fmt of LANGUAGE=nl init $id: $(head -20 "$id.fmt")"
		continue
	fi
	awk '/^# --- Voorbeelden/ { examples = 1; print; next } examples && /^# / { sub(/^# /, "") } { print }' \
		"nl_$id.care" > "nl_${id}_examples.care"
	if ! grep -q '^aanvaard ' "nl_${id}_examples.care" || ! "$bin" check "nl_${id}_examples.care" > "$id.check" 2>&1; then
		fail "LANGUAGE=nl init $id with its examples uncommented: $(grep -m3 'error' "$id.check")"
		continue
	fi
	dutch=$((dutch + 1)) passed=$((passed + 1))
	rm -f "$id".* "nl_$id.care" "nl_${id}_examples.care"
done <<<"$sample"
[ "$dutch" -ge 20 ] || fail "only $dutch Dutch plans written"

# ---- another policy period: the legislature of 2031-2036 ----------------------------------
out=$("$bin" init --as-of 2031-03 hoogstraten | grep -E '^  (period|as_of) ')
want=$'  period 2032-01 .. 2037-12  # the multi-year plan of the legislature 2031-2036\n  as_of 2031-03-31  # the evaluation date: measurements after it are ignored'
if [ "$out" = "$want" ]; then passed=$((passed + 1)); else fail "init --as-of 2031-03: $out"; fi

# ---- writing a file -----------------------------------------------------------------------
mkdir w && cd w || exit 2
if "$bin" init olen olen.care 2> err && "$bin" init olen | cmp -s - olen.care &&
	grep -q 'wrote olen.care' err; then
	passed=$((passed + 1))
else
	fail "init olen olen.care: $(cat err)"
fi
cp olen.care before.care
echo "# mine" >> olen.care
cp olen.care mine.care
"$bin" init olen olen.care 2> err
status=$?
if [ $status -eq 2 ] && cmp -s olen.care mine.care && grep -q 'exists' err; then
	passed=$((passed + 1))
else
	fail "init over an existing file: exit $status, $(cat err)"
fi
ln -s nowhere.care link.care
"$bin" init olen link.care 2> err
status=$?
if [ $status -eq 2 ] && [ ! -e nowhere.care ] && [ -L link.care ]; then
	passed=$((passed + 1))
else
	fail "init over a dangling link: exit $status, $(cat err)"
fi
"$bin" init olen missing/dir/olen.care 2> err
status=$?
if [ $status -eq 2 ] && [ ! -e missing ] && grep -q 'cannot write' err; then
	passed=$((passed + 1))
else
	fail "init into a missing directory: exit $status, $(cat err)"
fi
"$bin" init nowhere nowhere.care 2> err
if [ $? -eq 2 ] && [ ! -e nowhere.care ]; then passed=$((passed + 1)); else fail "init of an unknown municipality wrote a file"; fi
left=$(ls -A | grep -v -x -e olen.care -e before.care -e mine.care -e link.care -e err)
if [ -z "$left" ]; then passed=$((passed + 1)); else fail "files left behind: $left"; fi

echo "init: $passed passed, $failed failed ($written plans, $dutch in Dutch, $merged former municipalities)"
[ "$failed" -eq 0 ]
