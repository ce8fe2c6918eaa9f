#!/usr/bin/python3
"""tests/bench/lsp.py CARENET [EDITS] — the language server as an editor uses it: a
2,000-line plan that imports the province's stdlib module, open in the editor, and
EDITS keystrokes (default 1000), each a change of one character followed by the
diagnostics it brings.  Prints the median and 90th percentile of the server's check
(its own clock: check, publish, collect) and of the round trip the client sees
(didChange sent to publishDiagnostics read), and the heap after the first and the
last hundred checks.  Part of `make bench`, never of `make check`.
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "lsp"))
from lspclient import Server, position_of, uri_of  # noqa: E402

binary = sys.argv[1]
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
text = 'import "antwerp"\n' + subprocess.run(["sh", os.path.join(here, "gen"), "4"], capture_output=True,
                                          text=True, check=True).stdout
path = os.path.join(tempfile.mkdtemp(prefix="carenet-bench-"), "plan.care")
with open(path, "w") as f:
    f.write(text)
uri = uri_of(path)
s = Server(binary, {"CARENET_TIMES": "1"})
s.initialize()
s.open(uri, text)
s.wait_diagnostics(uri, 1, timeout=60)
line = position_of(text, "population 2000")["line"]
trips = []
for v in range(2, edits + 2):
    typed = v % 2 == 0    # a digit typed, then taken back
    edit = {"range": {"start": {"line": line, "character": 13},
                      "end": {"line": line, "character": 13 if typed else 14}}, "text": "7" if typed else ""}
    t = time.perf_counter()
    s.change(uri, v, [edit])
    if s.wait_diagnostics(uri, v, timeout=60) is None:
        sys.exit("no diagnostics for version %d" % v)
    trips.append((time.perf_counter() - t) * 1000)
s.stop(timeout=60)
checks, cpus, heaps = [], [], []
for l in s.log().splitlines():
    m = re.search(r"checked .* in ([0-9.]+) ms \(cpu ([0-9.]+) ms\); heap ([0-9]+) KiB", l)
    if m:
        checks.append(float(m.group(1)))
        cpus.append(float(m.group(2)))
        heaps.append(int(m.group(3)))
checks, cpus = checks[1:], cpus[1:]   # the keystrokes, not the opening


def p90(xs):
    return sorted(xs)[int(len(xs) * 0.9)]


print("lsp: %d lines (+ stdlib antwerp), %d keystrokes" % (text.count("\n"), edits))
print("lsp: re-check after a keystroke (server's clock): median %.1f ms, p90 %.1f ms; cpu median %.1f ms"
      % (statistics.median(checks), p90(checks), statistics.median(cpus)))
print("lsp: round trip (didChange sent, diagnostics read): median %.1f ms, p90 %.1f ms"
      % (statistics.median(trips), p90(trips)))
print("lsp: heap after checks 1-100: %d KiB at most; after the last 100: %d KiB at most"
      % (max(heaps[:100]), max(heaps[-100:])))
