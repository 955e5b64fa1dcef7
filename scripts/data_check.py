#!/usr/bin/env python3
"""Checks the open-data files of a built site.

- data/portal.json validates against schemas/portal.schema.json (JSON Schema 2020-12);
- every entity's url points to a page that exists in the output;
- data/portal.csv starts with a UTF-8 BOM, is ';'-separated and has one row per item.

Prints one summary line `data: PASS|FAIL (...)`; exits non-zero on failure.
"""
import csv
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

    raw = (output / "data/portal.csv").read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("csv: no UTF-8 byte order mark (Danish Excel would misread æøå)")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    items = [e for e in entities if e.get("kind") == "item"]
    if len(rows) - 1 != len(items):
        problems.append(f"csv: {len(rows) - 1} rows for {len(items)} items")
    if rows and any(len(row) != len(rows[0]) for row in rows):
        problems.append("csv: rows have different numbers of columns")

    for problem in problems:
        print(problem)
    kinds = {}
    for entity in entities:
        kinds[entity["kind"]] = kinds.get(entity["kind"], 0) + 1
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    status = "FAIL" if problems else "PASS"
    print(f"data: {status} ({len(problems)} problem(s); portal.json valid against {schema_path.name}: {summary}; portal.csv {len(rows) - 1} rows)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
