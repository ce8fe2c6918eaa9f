#!/bin/sh
# make bench: carenet against its floors and its peers, as ratios measured in
# the same run (the machine is shared: each round runs every tool once, in
# turn, and a ratio is the median of the rounds' ratios), on synthetic region
# plans of 1, 2, 4 and 10 times a base (10x: about a million lines):
#
#   parse   the parse-only floor: carenet's scanner and grammar, actions
#           emptied (tests/bench/strip-actions.awk, made at bench time)
#   scan    the token-only pass of the same scanner (tests/bench/scan.c)
#   jq      the gap count from the plan's JSON twin (eval --format json)
#
# Every plan's coverage (needs, need-areas, covered, signalled, gaps) is
# checked against the generator's own count (tests/bench/gen -c) and jq's
# answer against the gaps, before anything is timed.  Then: peak memory over
# the input, a plan with many findings against the same plan with few, the
# CARENET_TIMES phases of the 10x plan, one-page plans (prelude only, and
# with import "flanders"), what fresh memory costs, the hostile shapes.
#
# Times are processor time (user + system) of each whole process: the machine
# is shared with other builds, and a single-threaded run's processor time is
# what its wall time is on an idle machine, without the waits for a core.
# BENCH_CLOCK=wall times by the wall clock instead.
#
# Usage: tests/bench/run.sh CARENET SCAN TOUCH PARSE WALL [BASE_MUNICIPALITIES]
# BENCH_RUNS (default 5) rounds for the plans, 21 for the one-page plans.
set -eu
carenet=$1 scan=$2 touch=$3 parse=$4 wall=$5 base=${6:-170}
runs=${BENCH_RUNS:-5}
clock=${BENCH_CLOCK:-cpu}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print NR ? v[int((NR + 1) / 2)] : 0 }'; }
calc() { awk "BEGIN { printf \"%.6f\", $* }"; }
fail() { echo "bench: $*" >&2; exit 1; }

# the coverage of carenet's summary line, in the generator's words
summary_counts() {
	"$carenet" check "$1" 2>/dev/null | awk '/need-areas?:/ {
		gsub(/[:;,]/, " ")
		for (i = 1; i <= NF; i++) c[$(i + 1)] = $i
		printf "needs %d need_areas %d covered %d signalled %d gaps %d\n", c["needs"] + c["need"],
			c["need-areas"] + c["need-area"], c["covered"], c["signalled"], c["gaps"] + c["gap"] }'
}
verify() { # PLAN N MODE
	want=$(tests/bench/gen -c "$2" "$3") got=$(summary_counts "$1")
	[ "$want" = "$got" ] || fail "coverage of $1: carenet says '$got', the generator '$want'"
}

# rounds NAME CMD... : NAME's times go to $tmp/NAME.t, peaks to $tmp/NAME.m
round() {
	name=$1; shift
	set -- $("$wall" "$@")
	if [ "$clock" = wall ]; then echo "$1"; else echo "$4"; fi >> "$tmp/$name.t"
	echo "$2" >> "$tmp/$name.m"
}
med() { median < "$tmp/$1.t"; }
ratio() { # A B: the median of the per-round ratios A/B
	paste "$tmp/$1.t" "$tmp/$2.t" | awk '{ print ($2 > 0 ? $1 / $2 : 0) }' | median
}

echo "carenet bench, $(date -u +%Y-%m-%d), $runs rounds per plan (medians), base $base municipalities, $clock time"
echo
printf '%-5s %9s %7s %9s %9s %9s %11s %11s %8s\n' scale lines MB check_s parse_s scan_s check/parse check/scan peak_MB
for scale in 1 2 4 10; do
	n=$((base * scale))
	plan=$tmp/plan$scale.care
	tests/bench/gen "$n" > "$plan"
	verify "$plan" "$n" many
	rm -f "$tmp"/c$scale.* "$tmp"/p$scale.* "$tmp"/s$scale.*
	for r in $(seq "$runs"); do
		round c$scale "$carenet" check "$plan"
		round p$scale "$parse" "$plan"
		round s$scale "$scan" "$plan"
	done
	lines=$(wc -l < "$plan") bytes=$(wc -c < "$plan")
	peak=$(median < "$tmp/c$scale.m")
	printf '%-5s %9d %7.1f %9.3f %9.3f %9.3f %10.2fx %10.2fx %8.0f\n' "${scale}x" "$lines" \
		"$(calc "$bytes / 1000000")" "$(med c$scale)" "$(med p$scale)" "$(med s$scale)" \
		"$(ratio c$scale p$scale)" "$(ratio c$scale s$scale)" "$(calc "$peak / 1024")"
	[ "$scale" = 10 ] && big_bytes=$bytes big_peak=$peak
	[ "$scale" = 10 ] || rm -f "$plan"
done
plan=$tmp/plan10.care n=$((base * 10))

# jq on the JSON twin: the same question (how many need-areas are gaps)
"$carenet" eval --format json "$plan" > "$tmp/plan.json" 2>/dev/null || true
question='[.coverage[] | select(.status == "gap")] | length'
jq_gaps=$(jq "$question" "$tmp/plan.json")
gen_gaps=$(tests/bench/gen -c "$n" | awk '{ print $10 }')
[ "$jq_gaps" = "$gen_gaps" ] || fail "jq counts $jq_gaps gaps, the generator $gen_gaps"
rm -f "$tmp"/cj.* "$tmp"/jq.*
for r in $(seq "$runs"); do
	round cj "$carenet" check "$plan"
	round jq jq "$question" "$tmp/plan.json"
done

# the same plan with almost no findings
tests/bench/gen "$n" few > "$tmp/few.care"
verify "$tmp/few.care" "$n" few
rm -f "$tmp"/many.* "$tmp"/few.*.t "$tmp"/few.*.m
for r in $(seq "$runs"); do
	round many "$carenet" check "$plan"
	round fewp "$carenet" check "$tmp/few.care"
done
findings=$("$carenet" check "$plan" 2>&1 | awk '/need-areas?:/ { print $(NF - 3) + $(NF - 1) }')
CARENET_TIMES=1 "$carenet" check "$plan" 2>&1 >/dev/null | grep '^carenet: [a-z]* *[0-9.]* s' > "$tmp/times"
diag_share=$(awk '{ total += $3 } $2 == "diagnostics" { d = $3 } END { printf "%.1f", total ? 100 * d / total : 0 }' "$tmp/times")

# one-page plans: the tutorial's plan, with the prelude only (its municipality
# and zone written in it) and with import "flanders"
sed 's/^import "antwerp"/municipality olen "Olen"\nbody zone_olen "Zone" { kind primary_care_zone; members olen }/' \
	examples/olen.care > "$tmp/page.care"
sed 's/^import "antwerp"/import "flanders"/' examples/olen.care > "$tmp/page_flanders.care"
"$carenet" check "$tmp/page.care" >/dev/null 2>&1 || fail "the one-page plan has errors"
"$carenet" check "$tmp/page_flanders.care" >/dev/null 2>&1 || fail "the one-page plan with flanders has errors"
rm -f "$tmp"/page.* "$tmp"/pagef.*
for r in $(seq 21); do
	round page "$carenet" check "$tmp/page.care"
	round pagef "$carenet" check "$tmp/page_flanders.care"
done

c1=$(med c1) c2=$(med c2) c4=$(med c4) c10=$(med c10)
echo
echo "growth of check time: 2x $(calc "$c2 / $c1" | xargs printf %.2f), 4x $(calc "$c4 / $c1" | xargs printf %.2f), 10x $(calc "$c10 / $c1" | xargs printf %.2f) (linear: 2, 4, 10)"
echo "diagnostics phase of the 10x plan ($findings findings, CARENET_TIMES):"
sed 's/^/  /' "$tmp/times"
echo
# target lines: measure, target, verdict
verdict() { awk -v v="$2" -v t="$3" -v op="$4" -v name="$1" -v shown="$5" -v goal="$6" 'BEGIN {
	ok = op == "<=" ? v <= t : v >= t
	printf "%-44s %14s %10s   %s\n", name, shown, goal, ok ? "met" : "NOT MET" }'; }
printf '%-44s %14s %10s   %s\n' target measured goal verdict
r=$(ratio c10 p10); verdict "10x check / parse-only floor" "$r" 1.5 "<=" "$(printf %.2fx "$r")" "<= 1.5x"
r=$(ratio jq cj); verdict "jq / check on the coverage question" "$r" 4 ">=" "$(printf %.2fx "$r")" ">= 4x"
r=$(calc "$big_peak * 1024 / $big_bytes"); verdict "peak memory / input (10x)" "$r" 5 "<=" "$(printf %.2fx "$r")" "<= 5x"
r=$(calc "$c10 / $c1"); verdict "growth: 10x input / 1x input" "$r" 11 "<=" "$(printf %.2fx "$r")" "<= 11x"
r=$(ratio many fewp); verdict "many findings / few, same plan size" "$r" 1.1 "<=" "$(printf %.2fx "$r")" "<= 1.1x"
verdict "diagnostics phase share (10x, many)" "$diag_share" 10 "<=" "$diag_share%" "<= 10%"
r=$(calc "$(med page) * 1000"); verdict "one-page plan, prelude (median of 21)" "$r" 3 "<=" "$(printf '%.2f ms' "$r")" "<= 3 ms"
r=$(calc "$(med pagef) * 1000"); verdict "one-page plan, import flanders" "$r" 5 "<=" "$(printf '%.2f ms' "$r")" "<= 5 ms"
echo
echo "check/parse: carenet check over the parse-only floor, per round; jq: $(med jq) s against check $(med cj) s"
echo "fresh memory: $("$touch") ms per 100 MB touched (tests/bench/touch.c)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# the shapes of input that once grew faster than the input (BENCH_BASELINE=
# another carenet prints its times alongside)
[ -n "${BENCH_QUICK:-}" ] || tests/bench/hostile.sh "$carenet" ${BENCH_BASELINE:-}
