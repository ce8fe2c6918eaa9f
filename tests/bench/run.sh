#!/bin/sh
# make bench: carenet check on synthetic region plans of 1, 10 and 100 times
# a base size (up to about a million lines), next to two peers on the same
# plan: the token-only scan with carenet's own flex scanner (the front end's
# ceiling), and jq answering the same coverage question (how many gaps, per
# need and area) from the plan's `eval --format json` export.
#
# It also prints what fresh memory costs on the machine (TOUCH), since on a
# virtual machine that, more than parsing, bounds the time of a large plan.
#
# Then tests/bench/hostile.sh: the hostile shapes at 1x, 2x and 4x.
#
# Usage: tests/bench/run.sh CARENET SCAN TOUCH [BASE_MUNICIPALITIES]
set -eu
carenet=$1 scan=$2 touch=$3 base=${4:-17}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The median of three runs: on a virtual machine one run in a few pays for the
# kernel finding fresh (huge) pages, and the median keeps that out for every tool.
seconds() {
	for run in 1 2 3; do /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 2p
}
printf '%-6s %10s %9s %9s %9s %10s %9s %9s %9s\n' scale lines MB check_s MB/s lines/s peak_MB scan_s jq_s
for scale in 1 10 100; do
	n=$((base * scale))
	tests/bench/gen "$n" > "$tmp/plan.care"
	lines=$(wc -l < "$tmp/plan.care")
	bytes=$(wc -c < "$tmp/plan.care")
	set -- $(seconds "$carenet" check "$tmp/plan.care")
	check_s=$1 peak_kb=$2
	set -- $(seconds "$scan" "$tmp/plan.care")
	scan_s=$1
	"$carenet" eval --format json "$tmp/plan.care" > "$tmp/plan.json" 2>/dev/null || true
	set -- $(seconds jq '[.coverage[] | select(.status == "gap")] | length' "$tmp/plan.json")
	jq_s=$1
	awk -v s="$scale" -v l="$lines" -v b="$bytes" -v c="$check_s" -v p="$peak_kb" -v sc="$scan_s" -v j="$jq_s" \
		'BEGIN { t = c > 0 ? c : 0.001; printf "%-6s %10d %9.1f %9.2f %9.1f %10.0f %9.0f %9.2f %9.2f\n", s "x", l, b / 1e6, c, b / 1e6 / t, l / t, p / 1024, sc, j }'
done
echo
# One-page plans: whole-process time, the median of 21 runs, with the stdlib
# each imports (a Flemish province, or all of Flanders).
one_page() {
	printf 'import "%s"\nplan p "P" { municipality olen; as_of 2025-12 }\narea oevel "Oevel" in olen\nneed n "N" { in oevel; block social_networks }\nsignal n to primary_care_zone\n' "$1" > "$tmp/one_$1.care"
	for run in $(seq 21); do
		start=$(date +%s%N)
		"$carenet" check "$tmp/one_$1.care" >/dev/null 2>&1
		echo $(( ($(date +%s%N) - start) / 1000 ))
	done | sort -n | sed -n 11p | awk '{ printf "%.1f", $1 / 1000 }'
}
echo "one-page plan: import antwerp $(one_page antwerp) ms, import flanders $(one_page flanders) ms (whole process, median of 21)"
echo
echo "peers: scan = token-only pass of carenet's flex scanner; jq = the gap count from eval --format json"
echo "fresh memory: $("$touch") ms per 100 MB touched (tests/bench/touch.c)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -srm)"
echo
# the shapes of input that once grew faster than the input (BENCH_BASELINE=
# another carenet prints its times alongside)
tests/bench/hostile.sh "$carenet" ${BENCH_BASELINE:-}
