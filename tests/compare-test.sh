#!/bin/sh
# carenet compare over the learning network of examples/network/ (four member
# plans, two of them on the same De Jong Gierveld metric), in every format:
#  - every format exits 0 and gives the same bytes twice;
#  - the network file gives the same table as its members named one by one;
#  - the HTML is well formed (every element closed, in order) and holds a
#    chart for every indicator on a shared metric;
#  - the JSON parses (jq and Python) and says what the plans measure;
#  - the CSV opens with Python's csv module, with the exact header, and
#    every row as long as the header.
#
# Usage: tests/compare-test.sh BINARY
set -u
bin=$1
dir=examples/network
members="$dir/geel.care $dir/mol.care $dir/kasterlee.care $dir/retie.care"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: compare: $1"; }

for format in text markdown html json csv; do
	# shellcheck disable=SC2086
	if "$bin" compare --format "$format" $members > "$tmp/out.$format" 2> "$tmp/err.$format"; then ok
	else fail "--format $format exits $?"; cat "$tmp/err.$format"; fi
	# shellcheck disable=SC2086
	"$bin" compare --format "$format" $members > "$tmp/again.$format" 2>/dev/null
	if cmp -s "$tmp/out.$format" "$tmp/again.$format"; then ok; else fail "--format $format differs between two runs"; fi
	"$bin" compare --format "$format" "$dir/network.care" > "$tmp/network.$format" 2>/dev/null || fail "network.care --format $format"
done
if cmp -s "$tmp/out.csv" "$tmp/network.csv"; then ok; else fail "network.care and its members named one by one differ"; fi
if grep -q '^  Building block  *Geel  *Mol  *Kasterlee  *Retie$' "$tmp/out.text"; then ok; else fail "text: no column per plan"; fi

if python3 - "$tmp" <<'PY'; then ok; else failed=$((failed + 1)); fi
import csv, json, sys
from html.parser import HTMLParser

tmp = sys.argv[1]
problems = []

class Checker(HTMLParser):
    VOID = {"br", "meta", "img", "hr", "input", "link"}
    def __init__(self):
        super().__init__()
        self.stack, self.svgs = [], 0
    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.svgs += 1
        if tag not in self.VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        pass
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            problems.append(f"html: </{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
        else:
            self.stack.pop()

html = open(f"{tmp}/out.html", encoding="utf-8").read()
c = Checker()
c.feed(html)
if not html.startswith("<!DOCTYPE html>"):
    problems.append("html: no doctype")
if c.stack:
    problems.append(f"html: unclosed {c.stack}")
if c.svgs != 6:  # Geel 2 and Mol 2 (De Jong Gierveld), Kasterlee 2 (LSNS-6, GSE)
    problems.append(f"html: {c.svgs} charts, expected 6")

doc = json.load(open(f"{tmp}/out.json", encoding="utf-8"))
if not doc["format_version"].startswith("1."):
    problems.append("json: format_version " + doc["format_version"])
if [p["label"] for p in doc["plans"]] != ["Geel", "Mol", "Kasterlee", "Retie"]:
    problems.append("json: plans " + str([p["label"] for p in doc["plans"]]))
metrics = {m["id"]: m for m in doc["metrics"]}
djg = metrics.get("djg_emotional")
if not djg or djg["plans_measuring"] != 2 or [len(p) for p in djg["plans"]] != [1, 1, 0, 0]:
    problems.append("json: djg_emotional is not measured by Geel and Mol")
elif djg["plans"][0][0]["latest"]["value"] != 1.4 or djg["plans"][1][0]["status"] != "behind":
    problems.append("json: the DJG figures of Geel and Mol")
retie = doc["plans"][3]
if retie["phase"] != "analysis" or retie["coverage"]["gaps"] != 3:
    problems.append("json: Retie's phase or gaps")

with open(f"{tmp}/out.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header = ["section", "group", "row", "Geel", "Mol", "Kasterlee", "Retie"]
if rows[0] != header:
    problems.append(f"csv: header {rows[0]}")
if any(len(r) != len(header) for r in rows):
    problems.append("csv: a row of another length")
sections = {r[0] for r in rows[1:]}
if sections != {"Building blocks", "Target groups", "Capabilities", "Shared indicators", "Per plan"}:
    problems.append(f"csv: sections {sorted(sections)}")
analysis = [r for r in rows if r[2] == "Analyse & impact"]
if not analysis or analysis[0][3] != "action buurtanalyse (done)" or analysis[0][6] != "action bevraging (running)":
    problems.append(f"csv: Analyse & impact {analysis}")

for p in problems:
    print("FAIL: compare:", p)
sys.exit(1 if problems else 0)
PY

if jq -e '.plans | length == 4' "$tmp/out.json" > /dev/null; then ok; else fail "jq cannot read the JSON"; fi

echo "compare: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
