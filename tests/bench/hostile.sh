#!/bin/sh
# make bench, second part: the shapes of input that once cost more than
# linear time or memory (docs/performance.md, "Hostile shapes"), each at
# 1x, 2x and 4x its size, with the growth of time from 1x to 4x (linear:
# about 4; quadratic: about 16).  With a second binary (BASELINE), its
# times are printed next to them, for a before and after.
#
# Usage: tests/bench/hostile.sh CARENET [BASELINE]
set -eu
carenet=$1 baseline=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767139200
# seconds and peak KB of one run; a run over 120 s is stopped and shown as >120
run() {
	/usr/bin/time -o "$tmp/time" -f '%e %M' timeout 120 "$@" >/dev/null 2>&1 || true
	out=$(tail -1 "$tmp/time")
	case $out in [0-9]*" "[0-9]*) echo "$out" ;; *) echo "120 0" ;; esac
}
# shape, the size at 1x, the command (FILE stands for the input; DIR shapes write a directory)
printf '%-11s %-22s %8s %8s %8s %7s %9s' shape command 1x_s 2x_s 4x_s growth peak4x_MB
[ -n "$baseline" ] && printf ' %8s %8s %8s %7s' base1x base2x base4x growth
echo
while read -r shape n command; do
	line=$(printf '%-11s %-22s' "$shape" "$command")
	for bin in "$carenet" $baseline; do
		times="" peak=0
		for scale in 1 2 4; do
			size=$((n * scale))
			case $shape in
			imports|fanin|reimport) rm -rf "$tmp/d"; tests/bench/hostile "$shape" "$size" "$tmp/d"; file=$tmp/d/plan.care ;;
			*) tests/bench/hostile "$shape" "$size" > "$tmp/plan.care"; file=$tmp/plan.care ;;
			esac
			# shellcheck disable=SC2086
			set -- $(run "$bin" $(echo "$command" | sed "s|FILE|$file|g"))
			times="$times $1" peak=$2
		done
		set -- $times
		line="$line $(awk -v a="$1" -v b="$2" -v c="$3" -v p="$peak" -v base="$([ "$bin" = "$carenet" ] || echo 1)" \
			'BEGIN { g = a > 0.005 ? sprintf("%.1f", c / a) : "-"; if (base) printf "%8.2f %8.2f %8.2f %7s", a, b, c, g; else printf "%8.2f %8.2f %8.2f %7s %9.0f", a, b, c, g, p / 1024 }')"
	done
	echo "$line"
done <<'SHAPES'
actions 2500 check FILE
imports 1000 check FILE
fanin 1000 check FILE
curly 20000 check FILE
comments 25000 check FILE
longstring 7500 fmt FILE
errors 250000 check FILE
decls 250000 check FILE
dots 25000 check FILE
signals 5000 signals FILE
needsignal 10000 check FILE
measures 10000 diff FILE FILE
indicators 10000 check FILE
serves 10000 check FILE
reimport 5000 check FILE
matrix 2000 eval --format html FILE
unknown 50000 check FILE
SHAPES
echo
echo "growth: the time at 4x over the time at 1x (linear: about 4); peak4x_MB: the peak memory at 4x"
