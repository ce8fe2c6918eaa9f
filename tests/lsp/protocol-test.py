#!/usr/bin/python3
"""tests/lsp/protocol-test.py CARENET [GROUP...] — `carenet lsp` at the protocol
level, with a scripted client (lspclient.py): every feature, positions in
UTF-16 on non-ASCII text, fixes applied and checked again, and malformed
input, and the server in Dutch.  Prints PASS/FAIL lines and "lsp: N passed,
M failed"; exit 1 on a failure.  GROUPs: features, fixes, malformed, dutch,
memory (default: all but memory; `make check` runs memory on its own).
"""
import collections
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Server, apply_edits, position_of, uri_of, utf16_len  # noqa: E402

os.environ["LANGUAGE"] = "en"  # carenet in English, whatever the developer's language (src/i18n.c)

BINARY = os.path.abspath(sys.argv[1])
GROUPS = sys.argv[2:] or ["features", "fixes", "malformed", "dutch"]
passed = failed = 0
ENV = {"SOURCE_DATE_EPOCH": "1767139200", "CARENET_PATH": ""}


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("PASS " + name)
    else:
        failed += 1
        print("FAIL " + name + (": " + str(detail)[:600] if detail != "" else ""))


PLAN = """import "antwerp"
import "./lib.care"

plan dorp "Zorgzaam Dorp" {
  municipality hoogstraten
  period 2025-01 .. 2027-12
  as_of 2025-12
}

area meer "Méér 🏠" in hoogstraten {
  population 3120
  group living_alone_75plus 160
}

area wortel "Wortel" in hoogstraten {
  population 1200
}

actor ldc "Lokaal dienstencentrum" {
  kind local_service_centre
  serves meer, wortel
}

need loneliness "Eenzaamheid bij 75-plussers" {
  in meer, wortel
  group living_alone_75plus
  block social_networks
  priority high
}

need psychologist "Geen psycholoog" {
  in wortel
  requires first_line_psychology
}

action visits "Huisbezoeken" {
  addresses loneliness
  in meer, wortel
  lead ldc
  partners buren
  from 2025-03 to 2026-12
  status running
  indicator reached "Bereikte 75-plussers" {
    unit persons
    target 60% * meer.living_alone_75plus
    measure 2025-06: 40, 2025-12: 71
  }
}
"""

LIB = """import "antwerp"

actor buren "Buurtnetwerk" {
  kind volunteers
  serves hoogstraten
}
"""


def codes(diags):
    return sorted(d["code"] for d in diags["diagnostics"]) if diags else None


def labels(reply):
    if not reply or "result" not in reply or not reply["result"]:
        return []
    items = reply["result"]["items"] if isinstance(reply["result"], dict) else reply["result"]
    return sorted(i["label"] for i in items)


def tdp(uri, text, needle, nth=0, delta=0):
    return {"textDocument": {"uri": uri}, "position": position_of(text, needle, nth, delta)}


class Workspace:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="carenet-lsp-")

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return uri_of(path)


# ---------------------------------------------------------------------------------------------
def features():
    ws = Workspace()
    plan = ws.write("plan.care", PLAN)
    lib = ws.write("lib.care", LIB)
    s = Server(BINARY, ENV)
    reply = s.initialize()
    caps = reply and reply.get("result", {}).get("capabilities", {})
    check("initialize: capabilities", caps and caps.get("definitionProvider") and caps.get("hoverProvider")
          and caps.get("textDocumentSync", {}).get("change") == 2, reply)

    # diagnostics on open: the gap of psychologist in wortel, with its hint as part of the message
    s.open(plan, PLAN)
    d = s.wait_diagnostics(plan, 1)
    check("didOpen publishes diagnostics", d is not None and codes(d) == ["E701"], d)
    gap = d["diagnostics"][0] if d and d["diagnostics"] else {}
    want = position_of(PLAN, "wortel", 3)
    check("diagnostic range", gap.get("range", {}).get("start") == want
          and gap["range"]["end"]["character"] == want["character"] + 6, (gap.get("range"), want))
    check("diagnostic code, severity, hint", gap.get("severity") == 1 and gap.get("source") == "carenet"
          and "signal psychologist to primary_care_zone" in gap.get("message", ""), gap)

    # a change, incremental: an unknown lead with "did you mean", non-ASCII before it on the line
    text = PLAN.replace("  lead ldc\n", "  lead ldx # Méér 🏠\n")
    start = position_of(PLAN, "ldc", 1)
    s.change(plan, 2, [{"range": {"start": start, "end": {"line": start["line"], "character": start["character"] + 3}},
                        "text": "ldx # Méér 🏠"}])
    d = s.wait_diagnostics(plan, 2)
    e401 = [x for x in (d or {}).get("diagnostics", []) if x["code"] == "E401"]
    # (an action whose lead is unknown covers nothing: the gaps of its need come with it)
    check("didChange (incremental) publishes again", d is not None and set(codes(d)) == {"E401", "E701"}, d)
    check("E401 at the changed name", e401 and e401[0]["range"]["start"] == position_of(text, "ldx"), e401)

    # a full-text change back
    s.change(plan, 3, [{"text": PLAN}])
    d = s.wait_diagnostics(plan, 3)
    check("didChange (full text)", d is not None and codes(d) == ["E701"], d)

    # UTF-16 both ways: an emoji (two code units) and é (one) before a name
    uni_text = 'area x "🏠é" in nowhere\narea y "ʼ𝄞" in x\n'
    uni = ws.write("uni.care", uni_text)
    s.open(uni, uni_text)
    d = s.wait_diagnostics(uni, 1)
    bad = [x for x in (d or {}).get("diagnostics", []) if x["code"] == "E401"]
    want = position_of(uni_text, "nowhere")
    check("UTF-16 columns: server to client", bad and bad[0]["range"]["start"] == want
          and want["character"] == utf16_len('area x "🏠é" in '), (bad, want))
    r = s.request("textDocument/definition", tdp(uni, uni_text, "in x", 0, 4))
    check("UTF-16 columns: client to server", r and r.get("result")
          and r["result"]["range"]["start"] == {"line": 0, "character": 5}, r)
    r = s.request("textDocument/hover", {"textDocument": {"uri": uni}, "position": {"line": 1, "character": 13}})
    check("UTF-16 column inside a surrogate pair", r and "error" not in r, r)

    # definition: local, into the stdlib, across an import, an import's file
    r = s.request("textDocument/definition", tdp(plan, PLAN, "lead ldc", 0, 6))
    check("definition: local", r and r["result"] and r["result"]["uri"] == plan
          and r["result"]["range"]["start"] == position_of(PLAN, "ldc"), r)
    r = s.request("textDocument/definition", tdp(plan, PLAN, "hoogstraten", 0, 2))
    res = r and r.get("result") or {}
    target = res.get("uri", "")
    line = ""
    if "/stdlib/" in target:
        with open(target[len("file://"):], encoding="utf-8") as f:
            line = f.read().split("\n")[res["range"]["start"]["line"]]
    check("definition: into the stdlib", "municipality hoogstraten" in line, r)
    r = s.request("textDocument/definition", tdp(plan, PLAN, "partners buren", 0, 10))
    check("definition: across an import", r and r["result"] and r["result"]["uri"] == lib
          and r["result"]["range"]["start"] == position_of(LIB, "buren"), r)
    r = s.request("textDocument/definition", tdp(plan, PLAN, "./lib.care", 0, 2))
    check("definition: an import's file", r and r["result"] and r["result"]["uri"] == lib, r)
    r = s.request("textDocument/definition", tdp(plan, PLAN, "meer.living", 0, 6))
    check("definition: PLACE.GROUP", r and r["result"] and r["result"]["uri"].endswith("/stdlib/groups.care"), r)
    r = s.request("textDocument/definition", tdp(plan, PLAN, "{\n  municipality", 0, 0))
    check("definition: nothing there", r and "result" in r and r["result"] is None, r)

    # references, with and without the declaration; from another open plan that imports the file
    ctx = tdp(plan, PLAN, "area meer", 0, 6)
    ctx["context"] = {"includeDeclaration": True}
    r = s.request("textDocument/references", ctx)
    starts = sorted((x["range"]["start"]["line"], x["range"]["start"]["character"]) for x in (r or {}).get("result") or [])
    want = sorted((position_of(PLAN, "meer", n)["line"], position_of(PLAN, "meer", n)["character"]) for n in range(5))
    check("references with the declaration", starts == want, (starts, want))
    ctx["context"] = {"includeDeclaration": False}
    r = s.request("textDocument/references", ctx)
    check("references without the declaration", r and len(r["result"]) == 4, r)
    s.open(lib, LIB)
    s.wait_diagnostics(lib, 1)
    ctx = tdp(lib, LIB, "buren")
    ctx["context"] = {"includeDeclaration": False}
    r = s.request("textDocument/references", ctx)
    check("references from an open plan that imports the file", r and [x["uri"] for x in r["result"]] == [plan], r)

    # hover: need, indicator, municipality
    r = s.request("textDocument/hover", tdp(plan, PLAN, "need loneliness", 0, 6))
    text = r and r.get("result") and r["result"]["contents"]["value"] or ""
    check("hover: need, coverage per area", "Méér 🏠 (`meer`): covered by visits" in text
          and "Wortel (`wortel`): covered by visits" in text, text)
    r = s.request("textDocument/hover", tdp(plan, PLAN, "need psychologist", 0, 6))
    text = r and r.get("result") and r["result"]["contents"]["value"] or ""
    check("hover: need with a gap", "GAP: not addressed" in text, text)
    r = s.request("textDocument/hover", tdp(plan, PLAN, "reached", 0, 2))
    text = r and r.get("result") and r["result"]["contents"]["value"] or ""
    check("hover: indicator progress and status", "latest 71 (2025-12), progress 74%" in text
          and "on track" in text, text)
    r = s.request("textDocument/hover", tdp(plan, PLAN, "hoogstraten", 0, 3))
    text = r and r.get("result") and r["result"]["contents"]["value"] or ""
    check("hover: municipality and its zone", "ELZ Kempenland" in text and "Eerstelijnszone" in text, text)

    # completion by what the position takes
    def complete(needle, nth=0, delta=0, doc=plan, doc_text=PLAN):
        return s.request("textDocument/completion", tdp(doc, doc_text, needle, nth, delta))
    got = labels(complete("lead ldc", 0, 5))
    check("completion after lead: actors only", "ldc" in got and "buren" in got and "meer" not in got
          and "local_service_centre" not in got, got)
    got = labels(complete("kind local_service_centre", 0, 5))
    check("completion after kind: kinds only", "local_service_centre" in got and "volunteers" in got
          and "ldc" not in got, got)
    got = labels(complete("status running", 0, 7))
    check("completion of a choice", got == ["done", "planned", "running", "stopped"], got)
    got = labels(complete("  addresses", 0, 2))
    check("completion of properties", "lead" in got and "addresses" in got and "indicator" in got
          and "kind" not in got, got)
    got = labels(complete("    unit persons", 0, 4))
    check("completion in an indicator", "target" in got and "measure" in got and "lead" not in got, got)
    got = labels(complete("area wortel", 0, 0))
    check("completion of keywords", "need" in got and "signal" in got and "indicator" not in got, got)
    got = labels(complete("meer.living", 0, 5))
    check("completion after PLACE.", "population" in got and "living_alone_75plus" in got and "meer" not in got, got)
    got = labels(complete('"antwerp"', 0, 1))
    check("completion of a module name", "antwerp" in got and "groups" in got, got)
    got = labels(complete("block social_networks", 0, 6))
    check("completion in an English plan: no Dutch aliases, each name once", "social_networks" in got
          and "sociale_netwerken" not in got and len(got) == len(set(got)), got)

    # the outline
    r = s.request("textDocument/documentSymbol", {"textDocument": {"uri": plan}})
    names = [x["name"] for x in (r or {}).get("result") or []]
    visits = [x for x in (r or {}).get("result") or [] if x["name"] == "visits"]
    check("document symbols", names == ["dorp", "meer", "wortel", "ldc", "loneliness", "psychologist", "visits"], names)
    check("document symbols: an indicator inside its action", visits and visits[0].get("children")
          and visits[0]["children"][0]["name"] == "reached", visits)

    # formatting through fmt
    messy = PLAN.replace("  population 1200", "population   1200").replace("lead ldc", "lead    ldc")
    s.change(plan, 4, [{"text": messy}])
    r = s.request("textDocument/formatting", {"textDocument": {"uri": plan}, "options": {"tabSize": 2, "insertSpaces": True}})
    formatted = apply_edits(messy, r["result"]) if r and r.get("result") else None
    fmt = subprocess.run([BINARY, "fmt", "-"], input=messy.encode(), capture_output=True).stdout.decode()
    check("formatting is carenet fmt", formatted == fmt and formatted == PLAN, r)
    s.change(plan, 5, [{"text": PLAN}])
    r = s.request("textDocument/formatting", {"textDocument": {"uri": plan}, "options": {}})
    check("formatting a laid-out plan: no edit", r and r.get("result") == [], r)
    s.change(plan, 6, [{"text": PLAN + "need {\n"}])
    r = s.request("textDocument/formatting", {"textDocument": {"uri": plan}, "options": {}})
    check("formatting a plan that does not parse: an error", r and r.get("error", {}).get("code") == -32803, r)
    s.change(plan, 7, [{"text": PLAN}])
    # the plan's own check of version 7 first: what follows must be a new one
    s.wait_diagnostics(plan, 7)
    s.diagnostics.pop(plan, None)

    # the editor's text of an imported file, and the importer's diagnostics when it changes
    s.change(lib, 2, [{"text": LIB.replace("buren", "buurt")}])
    d = s.wait_diagnostics(plan, 7)
    check("an importer is checked again with the editor's text", d and "E401" in codes(d)
          and any("buren" in x["message"] for x in d["diagnostics"]), d)
    s.notify("textDocument/didClose", {"textDocument": {"uri": lib}})
    d = s.wait_diagnostics(lib, None)
    check("didClose clears the file's diagnostics", d is not None and d["diagnostics"] == [], d)
    s.diagnostics.pop(plan, None)
    s.request("textDocument/hover", tdp(plan, PLAN, "ldc"))   # a request checks a dirty document first
    d = s.wait_diagnostics(plan, 7)
    check("after didClose the importer reads the disk", d and codes(d) == ["E701"], d)

    # related information: the notes with a place
    dup = "actor a \"A\"\nactor a \"B\"\n"
    dup_uri = ws.write("dup.care", dup)
    s.open(dup_uri, dup)
    d = s.wait_diagnostics(dup_uri, 1)
    e402 = [x for x in (d or {}).get("diagnostics", []) if x["code"] == "E402"]
    rel = e402[0].get("relatedInformation") if e402 else None
    check("related information", rel and rel[0]["location"]["uri"] == dup_uri
          and rel[0]["location"]["range"]["start"] == {"line": 0, "character": 6}, e402)

    # a document that is not a plan: binary bytes, a NUL, invalid UTF-8 on disk
    junk = "\u0000\u0001PNG\u00ff\ufffd{{{{" + "x" * 50
    junk_uri = ws.write("junk.care", "x")
    s.open(junk_uri, junk)
    d = s.wait_diagnostics(junk_uri, 1)
    check("a document that is not a plan: diagnostics", d and "E005" in codes(d), d)
    r = s.request("textDocument/hover", {"textDocument": {"uri": junk_uri}, "position": {"line": 0, "character": 3}})
    check("a document that is not a plan: requests answered", r and "error" not in r, r)

    every_position(s, ws)
    check("nothing but protocol messages on standard output", s.garbage == [], s.garbage)
    status = s.stop()
    check("shutdown and exit: status 0", status == 0, (status, s.log()[-2000:]))
    provenance()


# Every kind of statement, an unfinished line, a comment, a string, a dotted name.
ALL_KINDS = '''import "antwerp"  # a comment
plan p "P" { municipality hoogstraten; as_of 2025-12 }
let share = 60% * meer.population / 100
area meer "Méér 🏠" in hoogstraten { population 100; group living_alone_75plus 10 }
kind k "K"
capability c "C" { handled_by primary_care_zone }
block b "B" { part_of social_networks }
group g "G"
body z "Z" { kind primary_care_zone; members hoogstraten }
actor a "A" { kind volunteers; serves meer; provides c }
need n "N" { in meer; group g; block b; requires c; priority high }
action x "X" {
  addresses n
  lead a
  indicator i "I" { unit persons; target round(share); measure 2025-06: p.meer.g }
}
signal n in meer to z "bericht"
answer p.n with x
need unfinished { in me
'''


def every_position(s, ws):
    """Hover, definition and completion at every position of a plan with every kind of
    statement: each answered, none an error."""
    uri = ws.write("all.care", ALL_KINDS)
    s.open(uri, ALL_KINDS)
    s.wait_diagnostics(uri, 1)
    bad = []
    for line, text in enumerate(ALL_KINDS.split("\n")):
        for column in range(utf16_len(text) + 2):
            for method in ("textDocument/hover", "textDocument/definition", "textDocument/completion"):
                r = s.request(method, {"textDocument": {"uri": uri}, "position": {"line": line, "character": column}})
                if not r or "error" in r:
                    bad.append((method, line, column, r))
    asked = sum(utf16_len(t) + 2 for t in ALL_KINDS.split("\n")) * 3
    check("every position of every kind of statement answered (%d requests)" % asked, bad == [], bad[:5])


# A stdlib module that says where a fact comes from (source, as_of): the hover shows it.
ZONES = '''import "kinds"

municipality dorp "Dorp" {
  source "Statbel, municipalities of 2025"
}

body zone_x "Zone X" {
  kind primary_care_zone
  members dorp
  source "Vaccinnet+ open data, column EERSTELIJNSZONE"
  as_of 2021-06-12
}
'''


def provenance():
    ws = Workspace()
    lib_dir = os.path.join(ws.dir, "stdlib")
    os.mkdir(lib_dir)
    with open(os.path.join(lib_dir, "zones.care"), "w") as f:
        f.write(ZONES)
    text = 'import "zones"\n\narea centrum "Centrum" in dorp\n'
    uri = ws.write("prov.care", text)
    s = Server(BINARY, dict(ENV, CARENET_PATH=lib_dir))
    s.initialize()
    s.open(uri, text)
    s.wait_diagnostics(uri, 1)
    r = s.request("textDocument/hover", tdp(uri, text, "dorp", 0, 1))
    value = r and r.get("result") and r["result"]["contents"]["value"] or ""
    check("hover: a municipality's zone and the source of that fact", "Zone X" in value
          and "source: Vaccinnet+ open data, column EERSTELIJNSZONE" in value and "as of 2021-06-12" in value
          and "source: Statbel, municipalities of 2025" in value, value)
    s.stop()


# ---------------------------------------------------------------------------------------------
FIX_CASES = [
    ("did you mean: a name", PLAN.replace("lead ldc", "lead ldx"), "E401"),
    ("did you mean: a property", PLAN.replace("  priority high", "  priorty high"), "E501"),
    ("did you mean: a choice", PLAN.replace("status running", "status runing"), "E505"),
    ("did you mean: a module", PLAN.replace('import "antwerp"', 'import "antwerpp"'), "E301"),
    ("did you mean: a function", PLAN.replace("target 60% *", "target sun(60%) *"), "E606"),
    ("did you mean: a qualified name", PLAN.replace("partners buren", "partners buren, dorp.ldx"), "E401"),
    ("hint: the signal for a gap", PLAN, "E701"),
    ("hint: the signal for a gap in one of several areas",
     PLAN.replace("  in wortel\n  requires", "  in meer, wortel\n  requires").replace(
         "  serves meer, wortel\n}", "  serves meer, wortel\n}\n\nactor psy \"Psycholoog\" {\n"
         "  kind psychologist\n  serves meer\n  provides first_line_psychology\n}"), "E701"),
]


def fixes():
    """Each fix offered, applied as the editor would, takes its diagnostic away and adds none."""
    ws = Workspace()
    ws.write("lib.care", LIB)
    s = Server(BINARY, ENV)
    s.initialize()
    for n, (name, text, code) in enumerate(FIX_CASES):
        uri = ws.write("fix%d.care" % n, text)
        s.open(uri, text)
        d = s.wait_diagnostics(uri, 1)
        found = [x for x in (d or {}).get("diagnostics", []) if x["code"] == code]
        actions = []
        for target in found:   # the one with a fix (a gap may have none where the area provides it)
            r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": target["range"],
                                                       "context": {"diagnostics": [target]}})
            actions = (r or {}).get("result") or []
            if actions:
                break
        edits = actions[0]["edit"]["changes"].get(uri) if actions else None
        check(name + ": a quick fix", actions and actions[0]["kind"] == "quickfix" and edits, (d, actions))
        if not edits:
            continue
        fixed = apply_edits(text, edits)
        s.change(uri, 2, [{"text": fixed}])
        d2 = s.wait_diagnostics(uri, 2)
        before = sorted((x["code"], x["message"]) for x in d["diagnostics"])
        before.remove((target["code"], target["message"]))
        after = sorted((x["code"], x["message"]) for x in (d2 or {}).get("diagnostics", []))
        # none new; others may go with it (a known lead makes its action cover its needs)
        gone = collections.Counter(before)
        gone.subtract(after)
        check(name + ": applied, its diagnostic gone and none new (%s)" % actions[0]["title"],
              d2 is not None and min(gone.values(), default=0) >= 0, (after, before, fixed[-200:]))
    s.stop()


# ---------------------------------------------------------------------------------------------
def malformed():
    ws = Workspace()
    s = Server(BINARY, ENV)
    r = s.request("textDocument/hover", {"textDocument": {"uri": "file:///x.care"}, "position": {"line": 0, "character": 0}})
    check("a request before initialize: -32002", r and r.get("error", {}).get("code") == -32002, r)
    s.initialize()
    s.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    r = s.recv()
    check("invalid JSON: -32700", r and r.get("error", {}).get("code") == -32700 and r.get("id") is None, r)
    s.send_raw(b"Content-Length: 2\r\n\r\n[]")
    r = s.recv()
    check("a batch (array): -32600", r and r.get("error", {}).get("code") == -32600, r)
    s.send({"id": 5, "method": "textDocument/hover"})
    r = s.recv()
    check("no jsonrpc member: -32600", r and r.get("error", {}).get("code") == -32600 and r.get("id") == 5, r)
    s.send({"jsonrpc": "2.0", "id": {"a": 1}, "method": "shutdown"})
    r = s.recv()
    check("an id that is an object: -32600", r and r.get("error", {}).get("code") == -32600, r)
    r = s.request("textDocument/rename", {})
    check("an unknown method: -32601", r and r.get("error", {}).get("code") == -32601, r)
    s.notify("workspace/somethingNew", {"x": 1})
    r = s.request("textDocument/definition", [1, 2])
    check("params that are not an object: -32602", r and r.get("error", {}).get("code") == -32602, r)
    r = s.request("textDocument/definition", {"textDocument": {"uri": "file:///nowhere.care"}})
    check("a position missing: -32602", r and r.get("error", {}).get("code") == -32602, r)
    r = s.request("textDocument/definition", {"textDocument": {"uri": "file:///nowhere.care"},
                                              "position": {"line": 0, "character": 0}})
    check("a document that is not open: null", r and "result" in r and r["result"] is None, r)
    s.send_raw(b"Content-Type: text/plain\r\nX-Junk: 1\r\n\r\n")
    s.send_raw(b"Content-Length: twelve\r\n\r\n")
    s.send_raw(b"garbage without framing\r\n\r\n")
    s.send_raw(b"Content-Length: 99999999999999999999999\r\n\r\n")
    r = s.request("textDocument/definition", {"textDocument": {"uri": "file:///nowhere.care"},
                                              "position": {"line": 0, "character": 0}})
    check("bad framing and missing Content-Length: skipped, still answering", r and "result" in r, r)
    s.send_raw(b'{"jsonrpc":"2.0","id":77,"method":"shutdown"}' + b"Content-Length: 2\r\n\r\n{}")
    r = s.recv()
    check("a body without headers before a message: resynchronised", r and r.get("error", {}).get("code") == -32600, r)
    big = b" " * (64 * 1024 * 1024 + 1)
    s.send_raw(b"Content-Length: %d\r\n\r\n" % len(big) + big)
    r = s.request("textDocument/definition", {"textDocument": {"uri": "file:///nowhere.care"},
                                              "position": {"line": 0, "character": 0}}, timeout=60)
    check("a message over the size limit: skipped, still answering", r and "result" in r, r)
    s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///never-opened.care", "version": 2},
                                        "contentChanges": [{"text": "x"}]})
    s.notify("textDocument/didOpen", {"textDocument": {"uri": 42}})
    s.notify("textDocument/didChange", {"textDocument": {"uri": "file:///x.care"}, "contentChanges": "no"})
    uri = ws.write("edge.care", "area a \"A\" in b\n")
    s.open(uri, "area a \"A\" in b\n")
    s.change(uri, 2, [{"range": {"start": {"line": 99, "character": 5}, "end": {"line": -1, "character": 0}}, "text": "x"},
                      {"range": {"start": {"line": 0, "character": 999}, "end": {"line": 0, "character": 999}}, "text": "\n# é"}])
    d = s.wait_diagnostics(uri, 2)
    check("malformed changes skipped, positions past the end clamped", d is not None, d)
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 4000000000, "character": 4000000000}})
    check("a position far past the end", r and "error" not in r, r)
    r = s.request("shutdown")
    check("shutdown", r and "result" in r and r["result"] is None, r)
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check("a request after shutdown: -32600", r and r.get("error", {}).get("code") == -32600, r)
    s.notify("exit")
    check("exit after shutdown: status 0", s.wait() == 0, s.log()[-1000:])
    check("malformed input: nothing but protocol on standard output", s.garbage == [], s.garbage)
    log = s.log()
    check("malformed input is logged", "skipped a message with no Content-Length" in log
          and "skipped a message of" in log and "malformed" in log, log[-2000:])

    s = Server(BINARY, ENV)
    s.initialize()
    s.notify("exit")
    check("exit without shutdown: status 1", s.wait() == 1)
    s = Server(BINARY, ENV)
    s.initialize()
    s.send_raw(b"Content-Length: 100000\r\n\r\n{\"jsonrpc\"")
    check("the input ends inside a message: ends, no crash", s.wait() == 1, s.log()[-500:])
    s = Server(BINARY, ENV)
    s.send_raw(bytes(range(256)) * 64)
    check("binary bytes on the input: ends, no crash", s.wait() == 1, s.log()[-500:])
    s = Server(BINARY, ENV, args=("lsp", "--stdio"))
    r = s.initialize()
    check("lsp --stdio (what some clients add)", r and "result" in r and s.stop() == 0, r)


# ---------------------------------------------------------------------------------------------
def dutch_plan():
    """PLAN with Dutch keywords, as `fmt --lang nl` writes it."""
    out = subprocess.run([BINARY, "fmt", "--lang", "nl", "-"], input=PLAN.encode(), capture_output=True)
    return out.stdout.decode()


def hover_value(s, uri, text, needle, delta):
    r = s.request("textDocument/hover", tdp(uri, text, needle, 0, delta))
    return r and r.get("result") and r["result"]["contents"]["value"] or ""


def dutch():
    """The server in Dutch (LANGUAGE=nl, or `lsp --lang nl`): hover texts, completion details and
    protocol errors in Dutch; a Dutch plan completes with Dutch words, an English one as before."""
    nl_text = dutch_plan()
    check("dutch: the Dutch plan", nl_text.startswith('importeer "antwerp"') and "  trekker ldc\n" in nl_text, nl_text)
    ws = Workspace()
    ws.write("lib.care", LIB)
    nl = ws.write("plan-nl.care", nl_text)
    en = ws.write("plan-en.care", PLAN)
    s = Server(BINARY, dict(ENV, LANGUAGE="nl"))
    s.initialize()
    s.open(nl, nl_text)
    d = s.wait_diagnostics(nl, 1)
    check("dutch: diagnostics, same code", d is not None and codes(d) == ["E701"]
          and "signaal psychologist naar" in d["diagnostics"][0]["message"], d)
    s.open(en, PLAN)
    s.wait_diagnostics(en, 1)

    text = hover_value(s, nl, nl_text, "nood loneliness", 6)
    check("dutch: hover of a need, coverage per area", "**nood** `loneliness`" in text and "prioriteit hoog" in text
          and "Dekking per gebied:" in text and "Méér 🏠 (`meer`): gedekt door visits" in text
          and "gedeclareerd in" in text and "Coverage" not in text and "covered" not in text, text)
    text = hover_value(s, nl, nl_text, "nood psychologist", 6)
    check("dutch: hover of a need with a gap", "NIET AANGEPAKT" in text and "GAP" not in text
          and "vraagt `first_line_psychology`" in text, text)
    text = hover_value(s, nl, nl_text, "reached", 2)
    check("dutch: hover of an indicator, progress and status", "laatste 71 (2025-12), voortgang 74%" in text
          and "op schema" in text and "(actie `visits`)" in text and "on track" not in text, text)
    text = hover_value(s, nl, nl_text, "actie visits", 7)
    check("dutch: hover of an action", "status lopend" in text and "trekker Lokaal dienstencentrum (`ldc`)" in text
          and "loopt in `meer`, `wortel`" in text and "running" not in text, text)
    text = hover_value(s, en, PLAN, "hoogstraten", 3)
    check("dutch: hover of a municipality (in an English plan too)", "ELZ Kempenland" in text
          and "Deze gemeente ligt in:" in text and "peildatum 2021-06-12" in text and "lies in" not in text, text)

    def complete(uri, text, needle, delta):
        r = s.request("textDocument/completion", tdp(uri, text, needle, 0, delta))
        return labels(r), {i["label"]: i.get("detail") for i in (r or {}).get("result", {}).get("items", [])}
    got, details = complete(nl, nl_text, "status lopend", 7)
    check("dutch: completion of a choice in a Dutch plan", got == ["afgerond", "gepland", "gestopt", "lopend"], got)
    got, details = complete(nl, nl_text, "  voor loneliness", 2)
    check("dutch: completion of properties in a Dutch plan", "trekker" in got and "voor" in got and "van" in got
          and "lead" not in got and "addresses" not in got, got)
    check("dutch: completion details in Dutch", details.get("trekker") == "de trekker van een actie", details)
    got, details = complete(nl, nl_text, "gebied wortel", 0)
    check("dutch: completion of keywords in a Dutch plan", "nood" in got and "signaal" in got and "actie" in got
          and "need" not in got and "indicator" not in got and details.get("nood") == "een nood", (got, details))
    got, details = complete(nl, nl_text, '"antwerp"', 1)
    check("dutch: completion of a module name after importeer", "antwerp" in got and "groups" in got
          and details.get("groups") == "een module van de standaardbibliotheek", (got, details))
    got, _ = complete(nl, nl_text, "bouwsteen social_networks", 10)
    check("dutch: completion of names in a Dutch plan, with the Dutch aliases", "sociale_netwerken" in got
          and "social_networks" in got and len(got) == len(set(got)), got)
    sig = nl_text + "signaal psychologist "
    s.change(nl, 2, [{"text": sig}])
    got, details = complete(nl, sig, "signaal psychologist ", 21)
    check("dutch: completion of a joining word in a Dutch plan", "naar" in got and "in" in got and "to" not in got
          and details.get("naar") == "het orgaan of de soort orgaan waarnaar het signaal gaat", (got, details))
    sig = nl_text + "signaal psychologist naar primary_care_zone\n"
    s.change(nl, 3, [{"text": sig}])
    r = s.request("textDocument/documentSymbol", {"textDocument": {"uri": nl}})
    found = [(x["name"], x.get("detail")) for x in (r or {}).get("result") or []]
    check("dutch: the outline of a Dutch plan speaks its spelling",
          ("signaal psychologist", "naar primary_care_zone") in found, found)
    s.change(nl, 4, [{"text": nl_text}])

    got, details = complete(en, PLAN, "status running", 7)
    check("dutch: an English plan completes in English", got == ["done", "planned", "running", "stopped"]
          and details.get("running") == "een status", (got, details))
    got, _ = complete(en, PLAN, "  addresses", 2)
    check("dutch: properties of an English plan", "lead" in got and "trekker" not in got and "gepland" not in got, got)
    got, _ = complete(en, PLAN, "area wortel", 0)
    check("dutch: keywords of an English plan", "need" in got and "nood" not in got, got)

    s.change(nl, 5, [{"text": nl_text + "nood {\n"}])
    r = s.request("textDocument/formatting", {"textDocument": {"uri": nl}, "options": {}})
    err = (r or {}).get("error", {})
    check("dutch: a protocol error in Dutch, its code unchanged", err.get("code") == -32803
          and err.get("message", "").startswith("het plan kan niet gelezen worden"), r)
    r = s.request("textDocument/rename", {})
    err = (r or {}).get("error", {})
    check("dutch: an unknown method, in Dutch", err.get("code") == -32601 and "method" in err.get("message", "")
          and "no such" not in err.get("message", ""), r)
    s.stop()

    # `carenet lsp --lang nl` whatever the environment says
    s = Server(BINARY, dict(ENV, LANGUAGE="en"), args=("lsp", "--lang", "nl"))
    s.initialize()
    s.open(en, PLAN)
    s.wait_diagnostics(en, 1)
    text = hover_value(s, en, PLAN, "need loneliness", 6)
    check("dutch: lsp --lang nl", "Dekking per gebied:" in text and "gedekt door visits" in text, text)
    s.stop()

    # a Dutch stdlib file's own provenance (bron, peildatum), in Dutch
    lib_dir = os.path.join(ws.dir, "stdlib")
    os.mkdir(lib_dir)
    with open(os.path.join(lib_dir, "zones.care"), "w") as f:
        f.write(ZONES.replace("  source ", "  bron ").replace("  as_of ", "  peildatum "))
    text = 'importeer "zones"\n\ngebied centrum "Centrum" in dorp\n'
    uri = ws.write("prov-nl.care", text)
    s = Server(BINARY, dict(ENV, CARENET_PATH=lib_dir, LANGUAGE="nl"))
    s.initialize()
    s.open(uri, text)
    s.wait_diagnostics(uri, 1)
    value = hover_value(s, uri, text, "dorp", 1)
    check("dutch: hover of a municipality's zone and the source of that fact", "Zone X" in value
          and "- bron: Statbel, municipalities of 2025" in value and "; bron: Vaccinnet+" in value
          and "peildatum 2021-06-12" in value, value)
    s.stop()


# ---------------------------------------------------------------------------------------------
def memory():
    """A thousand edits of a 2,000-line plan: the heap after the last is the heap after the
    first hundred, give or take a small constant (the collector runs between checks)."""
    ws = Workspace()
    gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench", "gen")
    text = 'import "antwerp"\n' + subprocess.run(["sh", gen, "4"], capture_output=True, text=True).stdout
    uri = ws.write("big.care", text)
    s = Server(BINARY, dict(ENV, CARENET_TIMES="1"))
    s.initialize()
    s.open(uri, text)
    s.wait_diagnostics(uri, 1, timeout=60)
    line = position_of(text, "population 2000")["line"]
    heaps = []
    for v in range(2, 1002):
        # a keystroke: a digit typed, then taken back
        edit = {"range": {"start": {"line": line, "character": 13}, "end": {"line": line, "character": 13 + (v % 2 == 1)}},
                "text": "7" if v % 2 == 0 else ""}
        s.change(uri, v, [edit])
        if s.wait_diagnostics(uri, v, timeout=60) is None:
            check("memory: diagnostics for every edit", False, "none for version %d" % v)
            break
    s.stop(timeout=60)
    for l in s.log().splitlines():
        if "; live " in l:   # reachable after a full collection: the heap's size also
            heaps.append(int(l.rsplit("; live ", 1)[1].split()[0]))   # follows passing peaks
    check("memory: %d checks" % len(heaps), len(heaps) >= 1000, len(heaps))
    if len(heaps) >= 1000:
        # The collector is conservative: a stale word on the stack can keep the
        # previous check's world alive for a while, so single peaks are noise.
        # Growth shows in the median; a bound shows in the largest.
        early, late = sorted(heaps[50:150])[50], sorted(heaps[-100:])[50]
        print("memory: %d lines; median live after checks 50-150: %d KiB, after checks 900-1000: %d KiB;"
              " largest %d KiB" % (text.count("\n"), early, late, max(heaps[50:])))
        check("memory: what is live stays within 1 MiB of its size after 100 edits (medians)",
              late - early <= 1024, (early, late))
        # A world is about the size of `early`; two stale ones at once is the most seen.
        check("memory: what is live never exceeds three times that size", max(heaps[50:]) <= 3 * early,
              (early, max(heaps[50:])))


for group in GROUPS:
    try:
        {"features": features, "fixes": fixes, "malformed": malformed, "dutch": dutch, "memory": memory}[group]()
    except Exception as e:   # a server that answers nonsense must fail the test, not stop it
        import traceback
        check(group + ": no exception in the client", False, traceback.format_exc())
print("lsp: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
