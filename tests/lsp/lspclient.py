"""lspclient.py — a scripted Language Server Protocol client for the tests
of `carenet lsp` (Python 3 standard library only).

The server runs as a child process.  A thread reads its standard output
and splits it into messages; anything there that is not a framed JSON
message is recorded as garbage (the server must write nothing else).
"""
import json
import os
import queue
import subprocess
import tempfile
import threading
import time

os.environ["LANGUAGE"] = "en"  # carenet in English, whatever the developer's language (src/i18n.c)


class Server:
    def __init__(self, binary, env=None, args=("lsp",)):
        self.stderr = tempfile.TemporaryFile()
        full_env = dict(os.environ)
        full_env.update(env or {})
        runner = os.environ.get("LSP_RUNNER", "").split()   # valgrind ..., for make valgrind
        self.proc = subprocess.Popen([*runner, binary, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr, env=full_env)
        self.messages = queue.Queue()
        self.garbage = []
        self.diagnostics = {}      # uri -> the last publishDiagnostics params
        self.next_id = 1
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length" and value.strip().isdigit():
                    length = int(value)
                elif not line.lower().startswith(b"content-type:"):
                    self.garbage.append(line)
            if length is None:
                self.garbage.append(b"<a message without Content-Length>")
                continue
            body = out.read(length)
            try:
                self.messages.put(json.loads(body))
            except ValueError:
                self.garbage.append(body)

    # ---- sending ----
    def send_raw(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            pass

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    # ---- receiving ----
    def recv(self, timeout=10):
        """The next message that is not publishDiagnostics (those are kept)."""
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                return None
            try:
                msg = self.messages.get(timeout=left)
            except queue.Empty:
                return None
            if msg is None:
                self.messages.put(None)   # the end stays the end
                return None
            if msg.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics[msg["params"]["uri"]] = msg["params"]
                continue
            return msg

    def request(self, method, params=None, timeout=10):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        while True:
            reply = self.recv(timeout)
            if reply is None or reply.get("id") == rid:
                return reply

    def wait_diagnostics(self, uri, version=None, timeout=10):
        """The diagnostics published for uri (of that version, when given)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            got = self.diagnostics.get(uri)
            if got is not None and (version is None or got.get("version") == version):
                return got
            msg = None
            try:
                msg = self.messages.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if msg is None:
                self.messages.put(None)
                break
            if msg.get("method") == "textDocument/publishDiagnostics":
                self.diagnostics[msg["params"]["uri"]] = msg["params"]
        got = self.diagnostics.get(uri)
        if got is not None and (version is None or got.get("version") == version):
            return got
        return None

    def initialize(self):
        reply = self.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        self.notify("initialized", {})
        return reply

    def open(self, uri, text, version=1):
        self.diagnostics.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "care",
                                                              "version": version, "text": text}})

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def stop(self, timeout=10):
        """shutdown and exit; the exit status (None when it did not end)."""
        if self.proc.poll() is None:
            self.request("shutdown", timeout=timeout)
            self.notify("exit")
        return self.wait(timeout)

    def wait(self, timeout=10):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def log(self):
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")


def uri_of(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def position_of(text, needle, nth=0, delta=0):
    """The LSP position (UTF-16) of the nth occurrence of needle, plus delta characters."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += delta
    line = text.count("\n", 0, at)
    start = text.rfind("\n", 0, at) + 1
    return {"line": line, "character": utf16_len(text[start:at])}


def offset_of(text, position):
    """The index in text of an LSP position (UTF-16 columns)."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[:position["line"]])
    line = lines[position["line"]] if position["line"] < len(lines) else ""
    units = 0
    for i, ch in enumerate(line):
        if units >= position["character"]:
            return start + i
        units += utf16_len(ch)
    return start + len(line)


def apply_edits(text, edits):
    """Apply TextEdits (from the end, so earlier offsets hold)."""
    spans = [(offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"]), e["newText"])
             for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text
