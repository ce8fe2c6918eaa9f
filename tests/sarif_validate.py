#!/usr/bin/python3
"""Validate SARIF logs written by `carenet check --format sarif`.

Usage: tests/sarif_validate.py SCHEMA FILE...

Each FILE is checked against the SARIF 2.1.0 JSON schema SCHEMA (Debian's
python3-jsonschema, with format checks: uri needs python3-rfc3987), then
against what the schema cannot say but the specification and carenet's own
promises do:
  - one run, columnKind given; one rule per code, ruleIndex pointing at
    the rule of its ruleId; every rule has a helpUri and descriptions;
  - regions start at 1 and do not end before they start (section 3.30);
  - results in source order (file, then line and column), as the text
    output;
  - every suppression is in source with a justification.
Prints one line per problem and "FILE: valid" or "FILE: INVALID"; exit 1
when any file is invalid.
"""
import json
import sys

import jsonschema


def region_problems(where, region):
    problems = []
    start, end = (region.get("startLine"), region.get("startColumn")), (region.get("endLine"), region.get("endColumn"))
    if None in start + end:
        problems.append(f"{where}: region without startLine, startColumn, endLine and endColumn")
    elif end < start:
        problems.append(f"{where}: region ends at {end} before it starts at {start}")
    return problems


def location_problems(where, location):
    physical = location.get("physicalLocation", {})
    if "artifactLocation" not in physical or "uri" not in physical["artifactLocation"]:
        return [f"{where}: no artifactLocation.uri"]
    return region_problems(where, physical.get("region", {}))


def carenet_problems(log):
    problems = []
    runs = log.get("runs", [])
    if len(runs) != 1:
        return [f"/runs: {len(runs)} runs, carenet writes one"]
    run = runs[0]
    if run.get("columnKind") not in ("unicodeCodePoints", "utf16CodeUnits"):
        problems.append("/runs/0: no columnKind")
    rules = run["tool"]["driver"].get("rules", [])
    ids = [r["id"] for r in rules]
    if len(set(ids)) != len(ids):
        problems.append("/runs/0/tool/driver/rules: a rule id given twice")
    for i, r in enumerate(rules):
        for key in ("shortDescription", "fullDescription", "help", "helpUri"):
            if key not in r:
                problems.append(f"/runs/0/tool/driver/rules/{i}: no {key} for {r['id']}")
    last = None
    for i, res in enumerate(run.get("results", [])):
        where = f"/runs/0/results/{i}"
        index = res.get("ruleIndex")
        if index is None or not 0 <= index < len(rules) or rules[index]["id"] != res.get("ruleId"):
            problems.append(f"{where}: ruleIndex {index} is not the rule {res.get('ruleId')}")
        for k, loc in enumerate(res.get("locations", [])):
            problems += location_problems(f"{where}/locations/{k}", loc)
        for k, loc in enumerate(res.get("relatedLocations", [])):
            problems += location_problems(f"{where}/relatedLocations/{k}", loc)
        for k, sup in enumerate(res.get("suppressions", [])):
            if sup.get("kind") != "inSource" or not sup.get("justification"):
                problems.append(f"{where}/suppressions/{k}: not in source, or no justification")
            problems += location_problems(f"{where}/suppressions/{k}/location", sup.get("location", {}))
        if res.get("locations"):
            phys = res["locations"][0]["physicalLocation"]
            region = phys.get("region", {})
            key = (phys["artifactLocation"]["uri"], region.get("startLine", 0), region.get("startColumn", 0))
            if last and last[0] == key[0] and key < last:
                problems.append(f"{where}: not in source order ({key} after {last})")
            last = key
    return problems


def main():
    schema = json.load(open(sys.argv[1]))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    bad = 0
    for path in sys.argv[2:]:
        log = json.load(open(path))
        errors = sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.path)))
        problems = [f"/{'/'.join(map(str, e.path))}: {e.message}" for e in errors]
        if not errors:
            problems += carenet_problems(log)
        for p in problems:
            print(f"{path}: {p}")
        print(f"{path}: {'INVALID' if problems else 'valid'} ({cls.__name__})")
        bad += bool(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
