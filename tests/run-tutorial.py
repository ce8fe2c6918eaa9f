#!/usr/bin/env python3
"""Run a tutorial written in Markdown, command by command, so it cannot drift.

Usage: tests/run-tutorial.py [--keep] [--all] [--update] CARENET TUTORIAL.md

The tutorial is run from top to bottom in a fresh temporary directory, which
is also the home directory.  Every fenced code block is one of these:

  a session   its first line starts with "$ ".  Each "$ " line is a command,
              run with `bash -c`; the lines after it, up to the next "$ " line
              or the end of the block, are what it must print (standard output
              and standard error together, as a terminal shows them).  A line
              that is exactly "..." matches any number of lines.
  directed    the block after a file, append, excerpt or skip directive.

Any other block is an error, so that nothing the reader sees goes unchecked
by accident.  Directives are HTML comments on a line of their own, invisible
to the reader:

  <!-- tutorial: file NAME -->     the next block is the whole content of NAME
  <!-- tutorial: append NAME -->   the next block is appended to NAME
  <!-- tutorial: excerpt NAME -->  the next block must appear in NAME as it is
                                   now (consecutive lines; a line "...", alone
                                   but for indentation, stands for any lines)
  <!-- tutorial: skip -->          the next block is not run (a workflow for
                                   another machine, a command that installs)
  <!-- tutorial: run COMMAND -->   a hidden step, run with `bash -c` where it
                                   stands (an edit the text describes in
                                   words); it must succeed (with pipefail),
                                   its output is not shown
  <!-- tutorial: home PATH -->     the home directory is shown as PATH in the
                                   output (default /home/user)
  <!-- tutorial: env NAME=VALUE --> every later command and hidden step runs
                                   with NAME set to VALUE (what the text asks
                                   the reader to set once, as LANGUAGE=nl)

NAME is relative to the current directory.  Commands share nothing but the
current directory (a `cd` carries over to the next command) and the exit
status of the previous command (for `echo $?`); an `export` does not carry
over (use env).  The environment is fixed, but for env directives:
PATH starts with the directory of CARENET; HOME is the temporary directory;
SOURCE_DATE_EPOCH, GIT_AUTHOR_DATE and GIT_COMMITTER_DATE are one fixed date
(so commit hashes are stable); GIT_CONFIG_NOSYSTEM=1, NO_COLOR=1, TZ=UTC,
LC_ALL=C.UTF-8; CARENET_PATH is unset; TUTORIAL_DIR is the directory of the
tutorial file, for hidden steps that copy a file the tutorial points to.
Standard input is /dev/null.

Prints the first mismatch as a unified diff with its section, a line for each
later one, and "tutorial FILE: N passed, M failed" (N commands; M counts
failed commands and failed steps; ", K updated" with --update).  Exits 1 when
anything failed, 2 on a usage error or a malformed directive.  --all prints
the diff of every mismatch, --keep keeps the temporary directory.

--update rewrites, in the tutorial file itself, the expected output of every
command whose output did not match with what it printed, and leaves every other
byte as it was: prose, directives, file, append, excerpt and skip blocks, and
the outputs that matched (their "..." lines included).  An output with "..."
lines that no longer matches keeps its shape: with one "...", the lines before
it become the first lines printed and the lines after it the last ones, as many
as there were; an output with lines between two "..." lines, one whose new
lines would read as a command ("$ ") or close the block, or one that would not
fit is not rewritten and still fails.  A failed excerpt or hidden step is never
"updated": the text's own edits are wrong, not the output.  It prints one line
per rewritten output ("updated FILE:LINE: $ COMMAND", "around '...'" for those
that kept a gap) and exits 1 while anything is left failing.  Read the result
with `git diff` before committing it: an output that changed may be a bug.
"""
import difflib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile

os.environ["LANGUAGE"] = "en"  # carenet in English, whatever the developer's language (src/i18n.c)

EPOCH = 1798707600                      # 2026-12-31 09:00:00 UTC
GIT_DATE = "%d +0100" % EPOCH
TIMEOUT = 120                           # seconds, per command
DIRECTIVE = re.compile(r"^<!--\s*tutorial:\s*(\S+)\s*(.*?)\s*-->$")
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
BLOCK_DIRECTIVES = ("file", "append", "excerpt", "skip")


class Malformed(Exception):
    """The tutorial itself cannot be read: a usage error, not a failed test."""


# ---- reading the Markdown ------------------------------------------------------

def parse(text, path):
    """The tutorial as a list of steps, in order: (kind, arg, lines, lineno,
    section, indent).

    kind is "run", "home" or "env" (a directive of its own), "session", or a block
    directive with the block's lines.  lineno is the line of the block's first
    line (of the directive for a step without a block); indent is the fence's
    indentation, which the block's lines had in the file."""
    steps, pending, section = [], None, ""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line, lineno = lines[i], i + 1
        fence = FENCE.match(line)
        if fence:
            block, i = read_block(lines, i, fence.group(1), fence.group(2), path)
            kind, arg = pending[:2] if pending else (None, "")
            if kind is None:
                if not block or not block[0].startswith("$ "):
                    raise Malformed("%s:%d: a code block that is neither a session (\"$ \") nor "
                                    "after a directive: add <!-- tutorial: skip --> if it is "
                                    "not to be run" % (path, lineno))
                kind = "session"
            steps.append((kind, arg, block, lineno + 1, section, fence.group(1)))
            pending = None
            continue
        heading = HEADING.match(line)
        if heading:
            section = heading.group(1)
        stripped = line.strip()
        if stripped.startswith("<!--") and re.match(r"<!--\s*tutorial:", stripped):
            m = DIRECTIVE.match(stripped)
            if not m:
                raise Malformed("%s:%d: a tutorial directive must be one line: "
                                "<!-- tutorial: WORD ARGUMENT -->" % (path, lineno))
            kind, arg = m.group(1), m.group(2)
            if kind in BLOCK_DIRECTIVES:
                if pending:
                    raise Malformed("%s:%d: directive '%s' before the block of '%s' (line %d)"
                                    % (path, lineno, kind, pending[0], pending[2]))
                if (kind == "skip") != (arg == ""):
                    raise Malformed("%s:%d: '%s' %s" % (path, lineno, kind,
                                    "takes no argument" if kind == "skip" else "needs a file name"))
                pending = (kind, arg, lineno)
            elif kind in ("run", "home", "env"):
                if not arg:
                    raise Malformed("%s:%d: '%s' needs an argument" % (path, lineno, kind))
                if kind == "env" and not re.match(r"[A-Za-z_][A-Za-z0-9_]*=", arg):
                    raise Malformed("%s:%d: 'env' needs NAME=VALUE" % (path, lineno))
                steps.append((kind, arg, [], lineno, section, ""))
            else:
                raise Malformed("%s:%d: unknown directive '%s' (file, append, excerpt, skip, "
                                "run, home, env)" % (path, lineno, kind))
        i += 1
    if pending:
        raise Malformed("%s:%d: directive '%s' is not followed by a code block"
                        % (path, pending[2], pending[0]))
    return steps


def read_block(lines, start, indent, marker, path):
    """The lines of the fenced block opening at lines[start] (without the
    fence's indentation, as in a list item), and the index after it."""
    close = re.compile("^\\s*" + re.escape(marker[0]) + "{%d,}\\s*$" % len(marker))
    for j in range(start + 1, len(lines)):
        if close.match(lines[j]):
            return [unindent(line, len(indent)) for line in lines[start + 1:j]], j + 1
    raise Malformed("%s:%d: code block is not closed" % (path, start + 1))


def unindent(line, width):
    n = len(line) - len(line.lstrip(" "))
    return line[min(n, width):]


def commands(block):
    """A session's commands, each with its expected lines and its line offset."""
    out = []
    for n, line in enumerate(block):
        if line.startswith("$ "):
            out.append((line[2:], [], n))
        else:
            out[-1][1].append(line)
    return out


# ---- comparing ----------------------------------------------------------------------

def matches(expected, actual, is_gap):
    """Whether the lines match, a gap line matching any number of lines (greedy
    with backtracking to the last gap: linear for the usual few gaps)."""
    i = j = 0
    star = back = -1
    while j < len(actual):
        if i < len(expected) and is_gap(expected[i]):
            star, back, i = i, j, i + 1
        elif i < len(expected) and expected[i] == actual[j]:
            i, j = i + 1, j + 1
        elif star >= 0:
            back += 1
            i, j = star + 1, back
        else:
            return False
    while i < len(expected) and is_gap(expected[i]):
        i += 1
    return i == len(expected)


def expand(expected, actual, is_gap):
    """The expected lines with each gap replaced by the actual lines it stands
    for, as well as they can be lined up: only for a readable diff.  Each run of
    lines after a gap goes where most of its lines match; a run found nowhere
    keeps its gap, so the diff shows it as missing."""
    runs = [[False, []]]
    for line in expected:
        if is_gap(line):
            runs.append([True, []])
        else:
            runs[-1][1].append(line)
    out, j = [], 0
    for n, (after_gap, run) in enumerate(runs):
        if after_gap and n == len(runs) - 1 and not run:
            out.extend(actual[j:])
            j = len(actual)
            continue
        if after_gap and run:
            if n == len(runs) - 1:
                starts = [max(j, len(actual) - len(run))]
            else:
                starts = range(j, max(j, len(actual) - len(run)) + 1)
            best = max(starts, key=lambda p: (sum(a == b for a, b in zip(run, actual[p:])), -p))
            if not any(a == b for a, b in zip(run, actual[best:])):
                out.append("...")
                out.extend(run)
                continue
            out.extend(actual[j:best])
            j = best
        out.extend(run)
        j += len(run)
    return out


def diff(expected, actual, is_gap, name, actual_name="actual"):
    lines = difflib.unified_diff(expand(expected, actual, is_gap), actual,
                                 "expected (%s)" % name, actual_name, lineterm="")
    text = "\n".join(lines)
    if [e.rstrip() for e in expected] == [a.rstrip() for a in actual]:
        text += "\n(the lines differ only in spaces at their ends: an empty line of a diff " \
                "is one space)"
    return text


# ---- updating ------------------------------------------------------------------------

def rewrite(expected, actual):
    """What a command's expected lines become under --update, given what it
    printed: (lines, kept_gap), or (None, why) when they cannot be rewritten
    without risk.  An output with one "..." keeps as many lines before and after
    it as it had, now taken from the start and the end of what was printed."""
    for line in actual:
        if line.startswith("$ ") or FENCE.match(line):
            return None, "a line it printed would read as a command or a fence: %r" % line
    runs = [[]]
    for line in expected:
        if line == "...":
            runs.append([])
        else:
            runs[-1].append(line)
    if len(runs) == 1:
        return actual, False
    if any(runs[1:-1]):
        return None, "it has lines between two '...' lines: update it by hand"
    head, tail = len(runs[0]), len(runs[-1])
    if head + tail > len(actual):
        return None, "it printed fewer lines than the '...' block keeps: update it by hand"
    return actual[:head] + ["..."] + actual[len(actual) - tail:], True


def apply_edits(text, edits):
    """text with each edit (first line index, number of lines, new lines,
    indentation) made; every other line kept as it was."""
    lines = text.split("\n")
    for start, count, new, indent in sorted(edits, reverse=True):
        lines[start:start + count] = [indent + line if line else line for line in new]
    return "\n".join(lines)


# ---- running -------------------------------------------------------------------------

class Run:
    def __init__(self, carenet, tutorial, root):
        self.root = root
        self.home = os.path.join(root, "home")
        os.makedirs(self.home)
        os.makedirs(os.path.join(root, "tmp"))
        self.cwd = self.home
        self.status = 0
        self.shown_home = "/home/user"
        self.pwd_file = os.path.join(root, "pwd")
        self.env = {
            "PATH": os.path.dirname(carenet) + os.pathsep + os.environ.get("PATH", os.defpath),
            "HOME": self.home,
            "TMPDIR": os.path.join(root, "tmp"),
            "SOURCE_DATE_EPOCH": str(EPOCH),
            "GIT_AUTHOR_DATE": GIT_DATE,
            "GIT_COMMITTER_DATE": GIT_DATE,
            "GIT_CONFIG_NOSYSTEM": "1",
            "NO_COLOR": "1",
            "TERM": "dumb",
            "TZ": "UTC",
            "LC_ALL": "C.UTF-8",
            "TUTORIAL_DIR": os.path.dirname(os.path.abspath(tutorial)),
        }

    def shell(self, command, hidden=False):
        """Runs one command where the last one left off; its output as lines.
        A hidden step runs with pipefail: every part of it must succeed."""
        script = 'trap \'printf %%s "$PWD" > "$__tutorial_pwd"\' EXIT\n%s' \
                 '__tutorial_status() { return "$1"; }\n__tutorial_status %d\n%s\n' \
                 % ("set -o pipefail\n" if hidden else "", self.status, command)
        env = dict(self.env, __tutorial_pwd=self.pwd_file)
        # A session of its own, so that a command that hangs is stopped with
        # everything it started.
        proc = subprocess.Popen(["bash", "-c", script], cwd=self.cwd, env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            out = proc.communicate(timeout=TIMEOUT)[0]
            self.status = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out = proc.communicate()[0] + b"[stopped after %d seconds]\n" % TIMEOUT
            self.status = 124
        try:
            with open(self.pwd_file, encoding="utf-8") as f:
                cwd = f.read()
            if os.path.isdir(cwd):
                self.cwd = cwd
        except OSError:
            pass
        text = out.decode("utf-8", errors="replace").replace(self.home, self.shown_home)
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        return lines

    def path(self, name):
        return os.path.join(self.cwd, name)


def main(argv):
    options = ("--keep", "--all", "--update")
    keep, show_all, update = (o in argv for o in options)
    args = [a for a in argv if a not in options]
    if len(args) != 2 or any(a.startswith("--") for a in args):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    carenet, tutorial = os.path.abspath(args[0]), args[1]
    try:
        # Read without translating line ends, so that --update writes back
        # every byte it does not rewrite.
        with open(tutorial, encoding="utf-8", newline="") as f:
            text = f.read()
        if "\r" in text:
            raise Malformed("%s: a carriage return: the tutorial must have Unix line ends"
                            % tutorial)
        steps = parse(text, tutorial)
    except (OSError, UnicodeDecodeError, Malformed) as e:
        print("tutorial: %s" % e, file=sys.stderr)
        return 2
    edits = [] if update else None
    root = os.path.realpath(tempfile.mkdtemp(prefix="carenet-tutorial."))
    try:
        passed, failed = execute(steps, Run(carenet, tutorial, root), tutorial, show_all, edits)
    finally:
        if keep:
            print("tutorial: kept %s" % root)
        else:
            shutil.rmtree(root, ignore_errors=True)
    if edits:
        try:
            with open(tutorial, "w", encoding="utf-8", newline="") as f:
                f.write(apply_edits(text, edits))
        except OSError as e:
            print("tutorial: cannot update %s: %s" % (tutorial, e), file=sys.stderr)
            return 2
    print("tutorial %s: %d passed, %d failed%s" % (tutorial, passed, failed,
          ", %d updated" % len(edits) if update else ""))
    return 1 if failed else 0


def execute(steps, run, tutorial, show_all, edits=None):
    """Runs the steps; counts (passed, failed).  With edits (a list, for
    --update), a command whose output can be rewritten adds its edit there
    instead of failing."""
    passed = failed = 0

    def fail(lineno, section, what, detail):
        nonlocal failed
        failed += 1
        where = "%s:%d: in \"%s\": %s" % (tutorial, lineno, section, what)
        print("FAIL: " + where + ("\n" + detail if (failed == 1 or show_all) and detail else ""))

    for kind, arg, block, lineno, section, indent in steps:
        if kind == "home":
            run.shown_home = arg
        elif kind == "env":
            name, value = arg.split("=", 1)
            run.env[name] = value
        elif kind == "run":
            out = run.shell(arg, hidden=True)
            if run.status != 0:
                fail(lineno, section, "hidden step failed (exit %d): %s" % (run.status, arg),
                     "\n".join(out))
        elif kind in ("file", "append"):
            try:
                os.makedirs(os.path.dirname(run.path(arg)), exist_ok=True)
                with open(run.path(arg), "w" if kind == "file" else "a", encoding="utf-8") as f:
                    f.write("".join(line + "\n" for line in block))
            except OSError as e:
                fail(lineno, section, "cannot write %s: %s" % (arg, e), "")
        elif kind == "excerpt":
            gap = lambda line: line.strip() == "..."
            try:
                with open(run.path(arg), encoding="utf-8") as f:
                    content = f.read().split("\n")
                if content[-1] == "":
                    content.pop()
            except (OSError, UnicodeDecodeError) as e:
                fail(lineno, section, "cannot read %s: %s" % (arg, e), "")
                continue
            pattern = ["..."] + block + ["..."]
            if not matches(pattern, content, gap):
                fail(lineno, section, "the excerpt is not in %s as it is now" % arg,
                     diff(pattern, content, gap, "%s:%d" % (tutorial, lineno), arg))
        elif kind == "session":
            for command, expected, offset in commands(block):
                actual = run.shell(command)
                if matches(expected, actual, lambda line: line == "..."):
                    passed += 1
                    continue
                why = ""
                if edits is not None:
                    new, detail = rewrite(expected, actual)
                    if new is not None:
                        # block[offset] is on line lineno + offset; its output
                        # follows, at index lineno + offset of the file's lines.
                        edits.append((lineno + offset, len(expected), new, indent))
                        print("updated %s:%d:%s $ %s" % (tutorial, lineno + offset,
                              " around '...':" if detail else "", command))
                        continue
                    why = " (not updated: %s)" % detail
                fail(lineno + offset, section, "$ " + command + why,
                     diff(expected, actual, lambda line: line == "...",
                          "%s:%d" % (tutorial, lineno + offset + 1)))
    return passed, failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
