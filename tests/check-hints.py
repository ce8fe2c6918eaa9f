#!/usr/bin/env python3
"""Every hint carenet prints must be valid when applied.

For every golden input that `carenet check` reports on, each suggestion that
names a concrete edit is applied to a copy of the file (kept in the same
folder, so its imports resolve), the copy is checked again, and the
diagnostic the hint was given for must be gone:

  did you mean 'X'?                  the underlined text becomes X
  signal it: signal N to K           the line is added at the end
  name the body you mean: signal ..  the signal on that line becomes the hint
  name the body yourself: signal ..  the same
  ... as in: area A "..." in P       area A now lies in P
  name ...: municipality M           the plan's municipality becomes M
  add import "M" at the top          the line goes before the first statement
                                     (the diagnostic is then looked for a line lower)

In a plan written with Dutch keywords the hints propose Dutch plan text
(`signaal N naar K`, `gemeente M`: spelling.h), and are applied the same way.

Usage: tests/check-hints.py CARENET
"""
import os
import re
import subprocess
import sys

os.environ["LANGUAGE"] = "en"  # carenet in English, whatever the developer's language (src/i18n.c)

carenet = os.path.abspath(sys.argv[1])
cases = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
env = dict(os.environ, SOURCE_DATE_EPOCH="1767139200", NO_COLOR="1")
env.pop("CARENET_PATH", None)
HEADER = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.*) \[(?P<code>[EW]\d+)\]$")
CARET = re.compile(r"^\s*\|\s(?P<pad>\s*)(?P<caret>\^~*)")


def check(path):
    out = subprocess.run([carenet, "check", os.path.basename(path)], cwd=os.path.dirname(path),
                         env=env, capture_output=True, text=True, errors="replace")
    return parse(out.stderr + out.stdout)


def parse(text):
    """Diagnostics as dicts: file, line, col, width, code, msg, notes."""
    diags = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        m = HEADER.match(line)
        if not m:
            if diags and line.startswith("   = "):
                diags[-1]["notes"].append(line[5:])
            elif diags and ": note: " in line:
                diags[-1]["notes"].append(line.split(": note: ", 1)[1])
            continue
        d = dict(m.groupdict(), notes=[], width=0)
        d["line"], d["col"] = int(d["line"]), int(d["col"])
        if i + 2 < len(lines):
            c = CARET.match(lines[i + 2])
            if c:
                d["width"] = len(c.group("caret"))
        diags.append(d)
    return diags


def same(a, b, shift=0):
    return a["code"] == b["code"] and a["line"] == b["line"] + shift and a["col"] == b["col"]


def edits(d, source):
    """The edits a diagnostic proposes: (description, new source text, lines added above it)."""
    lines = source.split("\n")
    texts = [d["msg"]] + d["notes"]
    for text in texts:
        m = re.search(r"did you mean '([^']+)'\?", text)
        if m and d["width"]:
            row = lines[d["line"] - 1]
            start = d["col"] - 1  # columns count characters, as Python does
            new = row[:start] + m.group(1) + row[start + d["width"]:]
            yield f"did you mean '{m.group(1)}'", "\n".join(lines[: d["line"] - 1] + [new] + lines[d["line"]:]), 0
        m = re.search(r"signal it: ((?:signal \S+ to|signaal \S+ naar) [a-z_]+)(?: \(reaches|$)", text)
        if m:
            yield m.group(1), source.rstrip("\n") + "\n" + m.group(1) + "\n", 0
        m = re.search(r"(?:name the body you mean|name the body yourself): ((?:signal \S+ to|signaal \S+ naar) \S+)$",
                      text)
        if m and lines[d["line"] - 1].startswith(("signal ", "signaal ")):
            yield m.group(1), "\n".join(lines[: d["line"] - 1] + [m.group(1)] + lines[d["line"]:]), 0
        m = re.search(r"as in: area (\w+) \"\.\.\.\" in (\w+)$", text)
        if m:
            new = re.sub(r"^(area %s \"[^\"]*\" in )\w+" % m.group(1), r"\g<1>" + m.group(2), source, flags=re.M)
            yield f"area {m.group(1)} in {m.group(2)}", new, 0
        m = re.search(r": (municipality|gemeente) (\w+)$", text)
        if m:
            yield f"{m.group(1)} {m.group(2)}", re.sub(r"\b(?:municipality|gemeente) \w+", m.group(1) + " " + m.group(2),
                                                       source, count=1), 0
        m = re.search(r"add ((?:import|importeer) \"\w+\") at the top of the file$", text)
        if m:
            at = next((i for i, l in enumerate(lines) if l.strip() and not l.lstrip().startswith("#")), len(lines))
            yield m.group(1), "\n".join(lines[:at] + [m.group(1)] + lines[at:]), 1


passed = failed = 0
for name in sorted(os.listdir(cases)):
    if not name.endswith(".care") or name.startswith("."):
        continue
    path = os.path.join(cases, name)
    source = open(path, encoding="utf-8", errors="replace").read()
    for d in check(path):
        if d["file"] != name:
            continue
        for what, new, shift in edits(d, source):
            copy = os.path.join(cases, ".hint-" + name)
            with open(copy, "w", encoding="utf-8") as f:
                f.write(new)
            try:
                after = check(copy)
            finally:
                os.remove(copy)
            still = [e for e in after if e["file"] == ".hint-" + name and same(e, d, shift)]
            if still:
                failed += 1
                print(f"FAIL: {name}:{d['line']}:{d['col']} [{d['code']}]: applying \"{what}\" leaves: {still[0]['msg']}")
            else:
                passed += 1
print(f"hints: {passed} passed, {failed} failed")
sys.exit(1 if failed or passed == 0 else 0)
