#!/bin/sh
# The walk along every municipality of Flanders (tests/flanders/): for each
# 2025 municipality a plan area signals `to primary_care_zone`, and the body
# reached must be the zone that tests/flanders/expected.tsv derives from the
# data on its own path; a membership marked unconfirmed there must come with
# its warning (W703), and no other membership may.
#
# Usage: tests/flanders-walk.sh BINARY
set -u
export LANGUAGE=en   # carenet in English, whatever the developer's language (src/i18n.c)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/flanders" || exit 2
export SOURCE_DATE_EPOCH=1767139200 NO_COLOR=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for plan in walk borsbeek_2024; do
	"$bin" check --format json "$plan.care" > "$tmp/$plan.json" 2>/dev/null
done
python3 - "$tmp" <<'PY'
import csv, json, sys
tmp = sys.argv[1]
reached, warned = {}, {}
for plan in ("walk", "borsbeek_2024"):
    # the area of the signal on each line: signal NEED -> need NEED { in AREA }
    lines = open(plan + ".care", encoding="utf-8").read().split("\n")
    area_of_need = {l.split()[1]: l.split("{ in ")[1].split()[0] for l in lines if l.startswith("need ")}
    area_at = {i + 1: area_of_need[l.split()[1]] for i, l in enumerate(lines) if l.startswith("signal ")}
    report = json.load(open(f"{tmp}/{plan}.json"))
    for c in report["coverage"]:
        reached[(plan + ".care", c["area"])] = c["signal"]["body"] if c["signal"] else None
    for d in report["diagnostics"]:
        if d["code"] == "W703" and d["file"] == plan + ".care":
            warned[(plan + ".care", area_at[d["line"]])] = True
        elif d["severity"] == "error":
            print(f"FAIL: {plan}.care: {d['message']} [{d['code']}]")
passed = failed = 0
for row in csv.DictReader(open("expected.tsv"), delimiter="\t"):
    key = (row["file"], row["area"])
    got, want = reached.get(key), row["zone"]
    unconfirmed = row["unconfirmed"] == "yes"
    problems = []
    if got != want:
        problems.append(f"reaches {got}, the data says {want}")
    if warned.get(key, False) != unconfirmed:
        problems.append("no W703 for an unconfirmed membership" if unconfirmed else "a W703 for a confirmed membership")
    if problems:
        failed += 1
        print(f"FAIL: {row['municipality_2025']} ({row['area']} in {row['in']}): " + "; ".join(problems))
    else:
        passed += 1
print(f"flanders: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
