#!/bin/sh
# Golden tests: every tests/cases/NAME.care is run and its output compared
# with NAME.out (stdout and stderr together, then "[exit N]").
#
#   NAME.args   the command line, when not "check NAME.care"
#               (paths relative to tests/cases; may name files in subfolders)
#   NAME.env    environment settings for the run, VAR=value ... on one line
#               (LANGUAGE, LC_ALL, LC_MESSAGES and LANG are unset before it:
#               every other case runs in English)
#
# Usage: tests/run-cases.sh BINARY [NAME...]     UPDATE=1 rewrites the .out files.
#        RUNNER="valgrind -q --error-exitcode=99" runs each case under a tool.
#        JOBS=N runs N cases at a time (default: the number of processors);
#        the report lists them in name order whatever order they finish in.
set -u

# ---- one case (run by xargs, below): its verdict in $results/NAME ----------------------
if [ "${1:-}" = "--one" ]; then
	bin=$2 name=$3 results=$4
	if [ -f "$name.args" ]; then args=$(cat "$name.args"); else args="check $name.care"; fi
	if [ -f "$name.env" ]; then envs=$(cat "$name.env"); else envs=""; fi
	# shellcheck disable=SC2086
	actual=$(env $envs ${RUNNER:-} "$bin" $args 2>&1 < /dev/null; echo "[exit $?]")
	if [ "${UPDATE:-}" = 1 ]; then
		printf '%s\n' "$actual" > "$name.out"
	fi
	if [ -f "$name.out" ] && [ "$actual" = "$(cat "$name.out")" ]; then
		: > "$results/$name.pass"
	else
		{
			echo "FAIL: $name ($bin $args)"
			if [ -f "$name.out" ]; then
				printf '%s\n' "$actual" | diff -u "$name.out" - | head -40
			else
				echo "  no $name.out"
			fi
		} > "$results/$name.fail"
	fi
	exit 0
fi

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/cases" || exit 2
export SOURCE_DATE_EPOCH=1767139200   # 2025-12-31: reproducible "today"
export NO_COLOR=1
unset CARENET_PATH
# English, whatever the developer's language: a case in Dutch says so in its .env
unset LANGUAGE LC_ALL LC_MESSAGES LANG
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
# a case is a NAME.care, or a NAME.args whose command names other inputs
if [ $# -gt 0 ]; then cases="$*"; else cases=$(ls *.care *.args | sed 's/\.[a-z]*$//' | sort -u); fi
printf '%s\n' $cases | xargs -P "${JOBS:-$(nproc 2>/dev/null || echo 2)}" -I{} sh "$script" --one "$bin" {} "$results"
passed=0 failed=0
for name in $cases; do
	if [ -f "$results/$name.pass" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		cat "$results/$name.fail" 2>/dev/null || echo "FAIL: $name (no verdict)"
	fi
done
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
