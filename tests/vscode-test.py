#!/usr/bin/env python3
"""The VS Code extension (editors/vscode), without VS Code.

 - package.json is valid JSON with what VS Code needs to load the extension:
   name, publisher, version, engines.vscode, main (an existing file), the
   activation on the language, the language (id, .care, a configuration
   file that exists and parses) and the grammar (an existing file for a
   declared language, with the same scopeName), and the `carenet.path`
   setting that extension.js reads;
 - the grammar parses, each `include` names a rule of its repository, and
   each regex compiles (Python's `re`, and node's RegExp when node is
   installed; `make deps-check` installs it with npm) and matches what its
   rule is for on a few samples;
 - the language configuration's patterns compile;
 - extension.js starts `carenet lsp`: statically (the command comes from
   `carenet.path`, the argument is `lsp`), and, with node, by running
   activate() against stand-ins for the `vscode` and `vscode-languageclient`
   modules: the stand-in client spawns the command it is given, and the real
   carenet must answer `initialize` with its capabilities; a change of
   `carenet.path` stops the client and starts one with the new program; a
   program that cannot start shows an error naming it.

Usage: tests/vscode-test.py BINARY
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
EXT = os.path.join(TOP, "editors", "vscode")
passed = failed = 0


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}" + (f": {detail}" if detail else ""))
    return ok


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        check(f"{os.path.relpath(path, TOP)} is valid JSON", False, str(e))
        return None


def ext_file(rel):
    return os.path.isfile(os.path.normpath(os.path.join(EXT, rel)))


def manifest():
    pkg = load_json(os.path.join(EXT, "package.json"))
    if pkg is None:
        return None, None
    for key in ("name", "publisher", "version", "main"):
        check(f"package.json has {key}", isinstance(pkg.get(key), str) and pkg[key] != "")
    check("package.json name is lower case, no spaces", re.fullmatch(r"[a-z0-9][a-z0-9._-]*", pkg.get("name", "")))
    engine = pkg.get("engines", {}).get("vscode", "")
    check("engines.vscode is a version range", re.fullmatch(r"\^?\d+\.\d+\.\d+", engine), engine)
    check("main is an existing file", ext_file(pkg.get("main", "")), pkg.get("main"))
    contributes = pkg.get("contributes", {})
    languages = contributes.get("languages", [])
    ids = {lang.get("id") for lang in languages}
    check("a language with id 'care' for .care files",
          any(lang.get("id") == "care" and ".care" in lang.get("extensions", []) for lang in languages))
    check("activated on that language", "onLanguage:care" in pkg.get("activationEvents", []))
    for lang in languages:
        conf = lang.get("configuration")
        if conf and check(f"language configuration {conf} exists", ext_file(conf)):
            language_configuration(os.path.join(EXT, conf))
    grammars = contributes.get("grammars", [])
    check("at least one grammar", grammars)
    grammar = None
    for g in grammars:
        check(f"grammar for a declared language ({g.get('language')})", g.get("language") in ids)
        if check(f"grammar {g.get('path')} exists", ext_file(g.get("path", ""))):
            grammar = load_json(os.path.join(EXT, g["path"]))
            if grammar is not None:
                check("grammar scopeName matches package.json", grammar.get("scopeName") == g.get("scopeName"))
    setting = contributes.get("configuration", {}).get("properties", {}).get("carenet.path", {})
    check("setting carenet.path (a string, default carenet)",
          setting.get("type") == "string" and setting.get("default") == "carenet")
    return pkg, grammar


def regexes(node, path=""):
    """Every (where, key, pattern) of a TextMate grammar, and every include."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("match", "begin", "end", "while") and isinstance(value, str):
                yield path, key, value
            elif key == "include":
                yield path, key, value
            else:
                yield from regexes(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from regexes(value, f"{path}/{i}")


def py_compiles(where, pattern):
    try:
        re.compile(pattern)
        return True
    except re.error as e:
        check(f"regex {where} compiles (Python)", False, f"{e}: {pattern[:80]}")
        return False


def grammar_checks(grammar, js_patterns):
    repository = grammar.get("repository", {})
    compiled = {}
    for where, key, value in regexes(grammar):
        if key == "include":
            check(f"include {value} at {where} resolves",
                  value in ("$self", "$base") or (value.startswith("#") and value[1:] in repository))
            continue
        js_patterns.append((f"{where}/{key}", value))
        if py_compiles(f"{where}/{key}", value):
            compiled[f"{where}/{key}"] = re.compile(value)
    # what some rules are for (the grammar has no test of its own otherwise)
    samples = [
        ("/repository/date/match", "by 2027-12", "2027-12"),
        ("/repository/date/match", "measure 2025-06-30: 4", "2025-06-30"),
        ("/repository/percentage/match", "target 60% * x", "60%"),
        ("/repository/number/match", "population 3_120", "3_120"),
        ("/repository/keyword/match", "answer x with psy", "with"),
        ("/repository/comment/begin", "need x  # comment", "#"),
        ("/repository/function/match", "round (x)", "round"),
    ]
    for rule, text, want in samples:
        rx = compiled.get(rule)
        got = rx.search(text).group(0) if rx and rx.search(text) else None
        check(f"{rule} finds {want!r} in {text!r}", got == want, f"got {got!r}")
    decl = compiled.get("/repository/declaration/patterns/0/match")
    for word in ("need", "nood", "action", "actie", "plan", "metric"):
        check(f"declaration keyword {word}", decl and decl.search(f"{word} x \"X\""))
    check("a name is no number", not compiled["/repository/number/match"].search("area2025"))


def language_configuration(path):
    conf = load_json(path)
    if conf is None:
        return
    patterns = [("wordPattern", conf.get("wordPattern"))]
    for key, value in conf.get("indentationRules", {}).items():
        patterns.append((f"indentationRules.{key}", value))
    for i, rule in enumerate(conf.get("onEnterRules", [])):
        for key in ("beforeText", "afterText", "previousLineText"):
            value = rule.get(key)
            patterns.append((f"onEnterRules[{i}].{key}", value.get("pattern") if isinstance(value, dict) else value))
    for where, pattern in patterns:
        if pattern is not None:
            py_compiles(f"language-configuration {where}", pattern)
    word = re.compile(conf.get("wordPattern", "x"))
    check("wordPattern takes a date whole", word.match("2025-03-14") and word.match("2025-03-14").group(0) == "2025-03-14")


def extension_static(pkg):
    with open(os.path.join(EXT, pkg.get("main", "extension.js")), encoding="utf-8") as f:
        js = f.read()
    check("extension.js reads carenet.path", re.search(r"getConfiguration\('carenet'\)\.get\('path'\)", js))
    check("extension.js starts the program with the argument lsp", re.search(r"args:\s*\['lsp'\]", js))
    check("extension.js uses vscode-languageclient", "require('vscode-languageclient/node')" in js
          and "vscode-languageclient" in pkg.get("dependencies", {}))
    check("extension.js exports activate and deactivate", re.search(r"module\.exports\s*=\s*\{\s*activate,\s*deactivate\s*\}", js))


# Runs extension.js under node with stand-ins for VS Code's modules (see the top).
NODE_HARNESS = r"""
'use strict';
const Module = require('module');
const { spawn } = require('child_process');
const [extensionPath, patternsPath, carenet] = process.argv.slice(2);

// ---- every pattern as a JavaScript RegExp (language configuration and the grammar's simple ones)
const bad = [];
for (const [where, pattern] of JSON.parse(require('fs').readFileSync(patternsPath, 'utf8'))) {
  try { new RegExp(pattern, 'u'); } catch (e) { bad.push(`${where}: ${e.message}`); }
}

// ---- stand-ins
let settings = { path: carenet };
let listeners = [];
const errors = [];
const clients = [];
const vscode = {
  workspace: {
    getConfiguration: (section) => ({ get: (key) => (section === 'carenet' ? settings[key] : undefined) }),
    onDidChangeConfiguration: (f) => { listeners.push(f); return { dispose() {} }; },
    createFileSystemWatcher: (glob) => ({ glob, dispose() {} }),
  },
  window: { showErrorMessage: (m) => { errors.push(m); } },
};

// One LSP exchange with the program the extension names: initialize, its answer, shutdown, exit.
function talk(command, args) {
  return new Promise((resolve, reject) => {
    let child;
    try { child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] }); } catch (e) { reject(e); return; }
    let data = Buffer.alloc(0);
    const timer = setTimeout(() => { child.kill(); reject(new Error('no answer to initialize')); }, 20000);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.stdin.on('error', () => {});   // a program that did not start: the 'error' above says so
    let answered = false;
    child.on('exit', (code) => {
      if (!answered) { clearTimeout(timer); reject(new Error(`exited with ${code} without answering initialize`)); }
    });
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify(msg), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    child.stdout.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      const head = data.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(data.slice(0, head).toString())[1]);
      if (data.length < head + 4 + length) return;
      const answer = JSON.parse(data.slice(head + 4, head + 4 + length).toString('utf8'));
      clearTimeout(timer);
      answered = true;
      send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
      send({ jsonrpc: '2.0', method: 'exit' });
      child.on('exit', (code) => resolve({ answer, code }));
    });
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions, stopped: false, answer: null });
    clients.push(this);
  }
  async start() {
    const { answer, code } = await talk(this.serverOptions.command, this.serverOptions.args);
    this.answer = answer;
    this.exitCode = code;
  }
  async stop() { this.stopped = true; }
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient };
  return load.call(this, request, parent, isMain);
};

(async () => {
  const ext = require(extensionPath);
  const subscriptions = [];
  await ext.activate({ subscriptions });
  const first = clients[0] || {};
  // the setting changes: the client is stopped, one with the new program started
  settings = { path: '/nonexistent/carenet' };
  for (const f of listeners) await f({ affectsConfiguration: (s) => s === 'carenet.path' });
  const second = clients[1] || {};
  await ext.deactivate();
  const caps = first.answer && first.answer.result && first.answer.result.capabilities;
  console.log(JSON.stringify({
    bad,
    clients: clients.length,
    command: first.serverOptions && first.serverOptions.command,
    args: first.serverOptions && first.serverOptions.args,
    selector: first.clientOptions && first.clientOptions.documentSelector,
    watches: first.clientOptions && first.clientOptions.synchronize &&
      first.clientOptions.synchronize.fileEvents && first.clientOptions.synchronize.fileEvents.glob,
    capabilities: caps ? Object.keys(caps).sort() : null,
    exitCode: first.exitCode,
    firstStopped: first.stopped,
    secondCommand: second.serverOptions && second.serverOptions.command,
    secondStopped: second.stopped,
    errors,
    subscriptions: subscriptions.length,
  }));
})().catch((e) => { console.log(JSON.stringify({ crash: String(e && e.stack || e) })); });
"""


def extension_under_node(pkg, binary, js_patterns):
    node = shutil.which("node") or shutil.which("nodejs")
    if not node:
        print("vscode: node not installed: the extension is checked statically only (make deps-check installs it)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        harness = os.path.join(tmp, "harness.js")
        patterns = os.path.join(tmp, "patterns.json")
        with open(harness, "w", encoding="utf-8") as f:
            f.write(NODE_HARNESS)
        with open(patterns, "w", encoding="utf-8") as f:
            json.dump(js_patterns, f)
        env = dict(os.environ, LANGUAGE="en", NO_COLOR="1")
        proc = subprocess.run([node, harness, os.path.join(EXT, pkg.get("main", "extension.js")), patterns, binary],
                              capture_output=True, text=True, timeout=120, env=env, cwd=tmp)
    try:
        r = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        check("extension.js runs under node", False, (proc.stdout + proc.stderr)[-400:])
        return
    if not check("extension.js runs under node", "crash" not in r, r.get("crash", "")[:400]):
        return
    check("every pattern compiles as a JavaScript RegExp", not r["bad"], "; ".join(r["bad"][:5]))
    check("activate starts a language client with the program of carenet.path", r.get("command") == binary, r.get("command"))
    check("... with the argument lsp", r.get("args") == ["lsp"], r.get("args"))
    check("... for care files on disk and unsaved",
          {"scheme": "file", "language": "care"} in (r.get("selector") or [])
          and {"scheme": "untitled", "language": "care"} in (r.get("selector") or []))
    check("... watching the .care files", r.get("watches") == "**/*.care", r.get("watches"))
    caps = r.get("capabilities") or []
    check("carenet lsp answers initialize with its capabilities",
          all(c in caps for c in ("textDocumentSync", "hoverProvider", "definitionProvider")), caps)
    check("carenet lsp exits 0 after shutdown and exit", r.get("exitCode") == 0, r.get("exitCode"))
    check("a new carenet.path stops the client and starts another",
          r["clients"] == 2 and r["firstStopped"] and r.get("secondCommand") == "/nonexistent/carenet")
    check("a program that cannot start is an error message naming it",
          len(r["errors"]) == 1 and '"/nonexistent/carenet lsp"' in r["errors"][0], r["errors"])
    check("the settings listener is a subscription", r["subscriptions"] == 1)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tests/vscode-test.py BINARY")
    binary = os.path.abspath(sys.argv[1])
    pkg, grammar = manifest()
    js_patterns = []
    if grammar is not None:
        grammar_checks(grammar, js_patterns)
    if pkg is not None:
        conf_path = os.path.join(EXT, "language-configuration.json")
        conf = load_json(conf_path) or {}
        if conf.get("wordPattern"):
            js_patterns.append(("language-configuration wordPattern", conf["wordPattern"]))
        for key, value in conf.get("indentationRules", {}).items():
            js_patterns.append((f"language-configuration indentationRules.{key}", value))
        extension_static(pkg)
        extension_under_node(pkg, binary, js_patterns)
    print(f"vscode: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
