#!/usr/bin/env python3
"""Checks the open-data files of a built site.

- data/portal.json validates against schemas/portal.schema.json (JSON Schema 2020-12);
- every entity's url points to a page that exists in the output;
- every data/*.csv starts with a UTF-8 BOM, is ';'-separated with CRLF lines and even rows;
  portal.csv has one row per item, and units, activities, milestones and theme-matrix exist.

Prints one summary line `data: PASS|FAIL (...)`; exits non-zero on failure.
"""
import csv
import re
import io
import json
import sys
from pathlib import Path

import jsonschema


def main() -> int:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else "output")
    schema_path = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "schemas/portal.schema.json"
    problems = []
    export = json.loads((output / "data/portal.json").read_text(encoding="utf-8"))
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for error in sorted(validator.iter_errors(export), key=lambda e: list(e.path)):
        problems.append(f"schema: {'/'.join(map(str, error.path))}: {error.message}")

    entities = export.get("entities", [])
    for entity in entities:
        url = entity.get("url", "")
        if "://" in url:
            continue
        page = output / url.split("#")[0]
        if not page.is_file():
            problems.append(f"url: {entity.get('id')}: {url} does not exist")

    items = [e for e in entities if e.get("kind") == "item"]
    tables = {}
    for path in sorted((output / "data").glob("*.csv")):
        raw = path.read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf"):
            problems.append(f"csv: {path.name} has no UTF-8 byte order mark (Danish Excel would misread æøå)")
        text = raw.decode("utf-8-sig")
        unquoted = re.sub(r'"(?:[^"]|"")*"', "", text)
        if "\n" in unquoted.replace("\r\n", "") or not text.endswith("\r\n"):
            problems.append(f"csv: {path.name} has lines that do not end in CRLF")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        if rows and any(len(row) != len(rows[0]) for row in rows):
            problems.append(f"csv: {path.name} has rows with different numbers of columns")
        tables[path.name] = rows
    for name in ["portal.csv", "units.csv", "activities.csv", "milestones.csv", "theme-matrix.csv"]:
        if name not in tables:
            problems.append(f"csv: data/{name} is missing")
    if "portal.csv" in tables and len(tables["portal.csv"]) - 1 != len(items):
        problems.append(f"csv: portal.csv has {len(tables['portal.csv']) - 1} rows for {len(items)} items")
    rows = tables.get("portal.csv", [[]])

    for problem in problems:
        print(problem)
    kinds = {}
    for entity in entities:
        kinds[entity["kind"]] = kinds.get(entity["kind"], 0) + 1
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    status = "FAIL" if problems else "PASS"
    print(f"data: {status} ({len(problems)} problem(s); portal.json valid against {schema_path.name}: {summary}; " + ", ".join(f"{name} {len(t) - 1} rows" for name, t in tables.items()) + ")")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
