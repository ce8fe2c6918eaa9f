#!/bin/sh
# carenet history and check --history on a real git repository, built here
# with three commits on fixed dates: the coverage at each commit, the gaps
# each opened and closed, and W712 for the gap open since the first commit.
#
# Usage: tests/history-test.sh BINARY
set -u
export LANGUAGE=en   # carenet in English, whatever the developer's language (src/i18n.c)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767139200 NO_COLOR=1 HOME="$tmp" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=Coordinator GIT_AUTHOR_EMAIL=c@olen.example GIT_COMMITTER_NAME=Coordinator GIT_COMMITTER_EMAIL=c@olen.example
unset CARENET_PATH
passed=0 failed=0
check() { # name, expected file, actual file
	if cmp -s "$2" "$3"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; diff -u "$2" "$3" | head -30; fi
}
commit() { # date, message
	GIT_AUTHOR_DATE="$1T10:00:00" GIT_COMMITTER_DATE="$1T10:00:00" git -C "$tmp/repo" commit -qam "$2"
}
mkdir -p "$tmp/repo/plannen" && cd "$tmp/repo" && git init -q -b main
cat > plannen/olen.care <<'PLAN'
import "antwerp"
plan olen_2025 "Zorgzaam Olen" { municipality olen; period 2025-01 .. 2026-12 }
area oevel "Oevel" in olen
area achter_olen "Achter-Olen" in olen
actor ldc "LDC" { kind local_service_centre; serves olen }
need eenzaamheid "Eenzaamheid" { in oevel, achter_olen; block social_networks }
need vervoer "Vervoer" { in achter_olen }
action bezoeken "Huisbezoeken" { addresses eenzaamheid; in oevel; lead ldc; from 2025-02; status running; indicator b "Bereikt" { target 50; measure 2025-03: 5 } }
PLAN
git add plannen/olen.care && commit 2025-03-15 "Eerste versie"
sed -i 's/measure 2025-03: 5 }/measure 2025-03: 5, 2025-06: 15 }/' plannen/olen.care && commit 2025-06-20 "Meting juni"
sed -i 's/in oevel; lead/in oevel, achter_olen; lead/' plannen/olen.care && commit 2025-09-10 "Huisbezoeken ook in Achter-Olen"
cd "$tmp"
"$bin" history repo/plannen/olen.care > history.out 2>&1; echo "[exit $?]" >> history.out
cat > history.expected <<'OUT'
Coverage
  date          needs  need-areas  covered  signalled  gaps  accepted
  2025-03-15        2           3        1          0     2         0
  2025-06-20        2           3        1          0     2         0
  2025-09-10        2           3        2          0     1         0

Changes
  2025-03-15 COMMIT1
    new gaps: eenzaamheid in achter_olen, vervoer in achter_olen
  2025-06-20 COMMIT2
    no gap opened or closed
  2025-09-10 COMMIT3
    closed gaps: eenzaamheid in achter_olen

Indicators
  bezoeken.b "Bereikt"
    2025-03-15   no measurement yet, expected 6%: no data
    2025-06-20   latest 5 (2025-03), progress 10%, expected 19.9%: on track
    2025-09-10   latest 15 (2025-06), progress 30%, expected 31.7%: on track
[exit 0]
OUT
n=1
for hash in $(git -C repo log --reverse --format=%h); do
	sed -i "s/COMMIT$n/$(echo "$hash" | cut -c1-7)/" history.expected
	n=$((n + 1))
done
check "carenet history" history.expected history.out
"$bin" check --history repo/plannen/olen.care 2>&1 | grep -E 'W712|E701|= a gap' > check.out
cat > check.expected <<'OUT'
repo/plannen/olen.care:7:29: error: need 'vervoer' is not addressed in area 'achter_olen': no action runs there and no signal covers it [E701]
repo/plannen/olen.care:7:29: warning: need 'vervoer' has been a gap in area 'achter_olen' since 2025-03-15 (9 months) [W712]
   = a gap in every commit of the plan since then (3 of them): plan an action, send a signal, or accept it for a while
OUT
check "check --history" check.expected check.out
"$bin" check --history --gap-months 12 repo/plannen/olen.care 2>&1 | grep -c W712 > months.out
echo 0 > months.expected
check "check --history --gap-months 12" months.expected months.out
mkdir -p outside && cp repo/plannen/olen.care outside/
"$bin" history outside/olen.care > outside.out 2>&1; echo "[exit $?]" >> outside.out
printf 'carenet: no history for outside/olen.care: git cannot show its history (is it in a git repository, and is git installed?)\n[exit 2]\n' > outside.expected
check "history outside a repository" outside.expected outside.out
echo "history: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
