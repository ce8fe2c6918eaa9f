#!/bin/sh
# `check --format sarif` against the SARIF 2.1.0 JSON schema of OASIS, for
# every golden input and example, with tests/sarif_validate.py (Debian's
# python3-jsonschema, with format checks, plus what the schema cannot say).
#
# The schema: SARIF_SCHEMA=FILE names a copy (for instance the errata01 file
# of the standard, once the project keeps one); otherwise it comes from the
# npm package @datadog/datadog-ci, version 2.48.0, which ships the OASIS file
# as dist/commands/sarif/json-schema/sarif-schema-2.1.0.json.  `npm pack`
# fetches that package (no install, no scripts) into CACHE_DIR once; the file
# is accepted only with the OASIS $id and the sha256 below (docs/ci.md says
# how it differs from the standard's own copy: not at all where carenet's
# output is concerned).
#
# The results (not the rules) of two golden inputs are compared with
# tests/sarif-results.expected.
#
# Usage: tests/sarif-test.sh BINARY CACHE_DIR      UPDATE=1 rewrites the expected results.
set -u
export LANGUAGE=en   # carenet in English, whatever the developer's language (src/i18n.c)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cache=$(mkdir -p "$2" && cd "$2" && pwd)
top=$(cd "$(dirname "$0")/.." && pwd)
python=/usr/bin/python3 # Debian's, with python3-jsonschema (not a pyenv one)
package=@datadog/datadog-ci@2.48.0
member=package/dist/commands/sarif/json-schema/sarif-schema-2.1.0.json
sha256=10666d46649b52e262001e70d43e6c52f7c0279ca3dbdfe9a7dc2e4071556454
oasis_id=https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# ---- the schema -------------------------------------------------------------
schema=${SARIF_SCHEMA:-$cache/sarif-schema-2.1.0.json}
if [ -z "${SARIF_SCHEMA:-}" ] && ! echo "$sha256  $schema" | sha256sum -c --status 2>/dev/null; then
	rm -f "$schema"
	tarball=$(cd "$tmp" && npm pack --silent "$package" 2>"$tmp/npm.log") &&
		tar -xzf "$tmp/$tarball" -C "$tmp" "$member" &&
		cp "$tmp/$member" "$schema" ||
		{ echo "FAIL: could not get the SARIF schema from the npm package $package:"; cat "$tmp/npm.log"; }
fi
if [ -z "${SARIF_SCHEMA:-}" ] && ! echo "$sha256  $schema" | sha256sum -c --status 2>/dev/null; then
	echo "FAIL: $schema is not the SARIF 2.1.0 schema expected (sha256 $sha256)"
	echo "sarif: 0 passed, 1 failed"
	exit 1
fi
id=$($python -c 'import json,sys; s=json.load(open(sys.argv[1])); print(s.get("$id") or s.get("id"))' "$schema")
case $id in
*oasis*sarif*2.1.0*) pass ;;
*) fail "$schema has the \$id '$id', not one of the OASIS SARIF 2.1.0 schema" ;;
esac
[ -n "${SARIF_SCHEMA:-}" ] || [ "$id" = "$oasis_id" ] || fail "\$id '$id' is not '$oasis_id'"

# ---- every golden input and example ------------------------------------------
export SOURCE_DATE_EPOCH=1767139200 NO_COLOR=1
unset CARENET_PATH
cd "$top/tests/cases" || exit 2
for f in *.care ../../examples/*.care; do
	name=$(basename "$f" .care)
	"$bin" check --format sarif "$f" > "$tmp/$name.sarif" 2> "$tmp/$name.err"
	status=$?
	if [ "$status" -gt 1 ] && ! grep -q '"ruleId":"E001"' "$tmp/$name.sarif"; then
		fail "$f: exit $status: $(head -3 "$tmp/$name.err")"
	elif [ -s "$tmp/$name.err" ]; then
		fail "$f: --format sarif wrote to standard error: $(head -3 "$tmp/$name.err")"
	fi
done
if out=$($python "$top/tests/sarif_validate.py" "$schema" "$tmp"/*.sarif); then
	pass
else
	echo "$out" | grep -v ': valid (' | head -20
	fail "SARIF logs that do not validate"
fi
# the logs hold every result kind: errors, warnings, notes as related
# locations, suppressions
for what in '"level":"error"' '"level":"warning"' '"relatedLocations"' '"suppressions"'; do
	if grep -q "$what" "$tmp"/*.sarif; then pass; else fail "no golden input gives $what"; fi
done

# ---- the results of two plans, as expected (UPDATE=1 rewrites the file) ---------
# ruleIndex is left out: it moves with every new code, and sarif_validate.py
# checks that each points at its rule.
expected=$top/tests/sarif-results.expected
for name in format_text suppress_applied; do
	echo "# $name.care"
	jq -c '.runs[0].results[] | del(.ruleIndex)' "$tmp/$name.sarif"
done > "$tmp/results"
[ "${UPDATE:-}" = 1 ] && cp "$tmp/results" "$expected"
if diff -u "$expected" "$tmp/results"; then pass; else fail "the results differ from $expected"; fi

# ---- the same input, the same bytes -------------------------------------------
"$bin" check --format sarif suppress_applied.care > "$tmp/again.sarif" 2>/dev/null
if cmp -s "$tmp/again.sarif" "$tmp/suppress_applied.sarif"; then pass; else fail "two runs differ"; fi

# ---- the validator fails when it should --------------------------------------------
sed 's/"startColumn":[0-9]*/"startColumn":0/' "$tmp/suppress_applied.sarif" > "$tmp/bad-column.sarif"
sed 's/"ruleIndex":[0-9]*/"ruleIndex":0/' "$tmp/suppress_applied.sarif" > "$tmp/bad-index.sarif"
for bad in bad-column bad-index; do
	if $python "$top/tests/sarif_validate.py" "$schema" "$tmp/$bad.sarif" >/dev/null; then
		fail "the validator accepts $bad.sarif"
	else
		pass
	fi
done

echo "sarif: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
