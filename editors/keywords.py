#!/usr/bin/env python3
"""editors/keywords.py: the word lists of the Vim and VS Code syntax files, from the tables.

The keywords (src/decl_kinds.def), property names (src/schema.def), choices (src/vocab.h) and
joining words (src/lex.c), each in English and in Dutch, are written into
editors/vim/syntax/care.vim and editors/vscode/syntaxes/care.tmLanguage.json, in the lines
that hold those lists. Run it after changing a table; `--check` (make dutch-check) exits 1
when a syntax file is not what the tables make.

Usage: editors/keywords.py [--check]
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def unique(words):
    seen = []
    for w in words:
        if w not in seen:
            seen.append(w)
    return seen


def tables():
    kinds = re.findall(r'^DECL_KIND\((\w+), "(\w+)", "(\w+)", "[^"]*", (\w+),', read("src/decl_kinds.def"), re.M)
    props = re.findall(r'^PROP\(\w+, \w+, "(\w+)", "(\w+)",', read("src/schema.def"), re.M)
    choices = re.findall(r'X\(\w+, "(\w+)", "(\w+)"\)', read("src/vocab.h"))
    joins = re.findall(r'\{ "(\w+)", "(\w+)", "([^"]*)" \}', read("src/lex.c").split("static const LexJoin joins[]")[1].split("};")[0])
    generic = unique([w for _, en, nl, syntax in kinds if syntax == "GENERIC" for w in (en, nl)] +
                     [w for k, en, nl, _ in kinds if k == "LET" for w in (en, nl)])
    own = unique([w for k, en, nl, syntax in kinds if syntax == "OWN" and k != "LET" for w in (en, nl)])
    return {
        "generic": generic,
        "own": own,
        "declarations": unique([w for _, en, nl, syntax in kinds if syntax != "NESTED" for w in (en, nl)]),
        "properties": unique([w for pair in props for w in pair]),
        "choices": unique([w for pair in choices for w in pair]),
        "joins": unique([w for en, nl, _ in joins for w in (en, nl)]),
        "range": unique(["to"] + [nl for en, nl, where in joins if where.startswith("to: the end")]),
    }


def vim(text, t):
    decl = t["declarations"]
    half = (len(decl) + 1) // 2
    text = re.sub(r"^syn keyword careChoice .*$", "syn keyword careChoice " + " ".join(t["choices"]), text, flags=re.M)
    text = re.sub(r"^syn keyword careDeclaration .*\n(syn keyword careDeclaration .*\n)*",
                  "syn keyword careDeclaration " + " ".join(decl[:half]) + "\n" +
                  "syn keyword careDeclaration " + " ".join(decl[half:]) + "\n", text, flags=re.M)
    text = re.sub(r"^syn keyword careKeyword .*$", "syn keyword careKeyword " + " ".join(t["joins"]), text, flags=re.M)
    text = re.sub(r'^(syn match careDefName "\\%\(\\<\\%\().*?(\\\)\\s\\\+\\\)\\@<=\\h\\w\*")$',
                  lambda m: m.group(1) + "\\|".join(t["generic"]) + m.group(2), text, flags=re.M)
    text = re.sub(r'^syn match careRangeWord contained .*$',
                  'syn match careRangeWord contained "\\<\\%(' + "\\|".join(t["range"]) + '\\)\\>"', text, flags=re.M)
    text = re.sub(r'^(syn match careProperty contained "\\%\(\^\\s\*\\\|\[\{;\]\\s\*\\\)\\@<=\\<\\%\().*?(\\\)\\>")$',
                  lambda m: m.group(1) + "\\|".join(t["properties"]) + m.group(2), text, flags=re.M)
    return text


def vscode(text, t):
    data = json.loads(text)

    def walk(node):
        if isinstance(node, dict):
            m = node.get("match")
            if m is not None:
                node["match"] = rewrite(m)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    def rewrite(m):
        if m.startswith("\\b(plan|"):
            return re.sub(r"^\\b\([^)]*\)", "\\\\b(" + "|".join(t["generic"]) + ")", m)
        if m.startswith("\\b(?:import|"):
            return "\\b(?:" + "|".join(t["own"]) + ")\\b"
        if m.startswith("\\b(?:in|"):
            return "\\b(?:" + "|".join(t["joins"]) + ")\\b"
        if m.startswith("\\b(?:low|"):
            return "\\b(?:" + "|".join(t["choices"]) + ")\\b"
        if m in ("\\bto\\b",) or m.startswith("\\b(?:to|tot)"):
            return "\\b(?:" + "|".join(t["range"]) + ")\\b"
        if m.startswith("(?:^|(?<=\\{)|(?<=;))\\s*\\b(") and "indicator)" not in m:
            return "(?:^|(?<=\\{)|(?<=;))\\s*\\b(" + "|".join(t["properties"]) + ")\\b"
        return m

    walk(data)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    t = tables()
    status = 0
    for path, fn in (("editors/vim/syntax/care.vim", vim), ("editors/vscode/syntaxes/care.tmLanguage.json", vscode)):
        old = read(path)
        new = fn(old, t)
        if new == old:
            continue
        if check:
            print("keywords: %s is not what the tables make; run editors/keywords.py" % path, file=sys.stderr)
            status = 1
        else:
            with open(os.path.join(ROOT, path), "w", encoding="utf-8") as f:
                f.write(new)
    return status


if __name__ == "__main__":
    sys.exit(main())
