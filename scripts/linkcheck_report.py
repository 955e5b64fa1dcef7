#!/usr/bin/env python3
"""Reads linkchecker's `-v -o csv` output for the links-served check.

  - every row with valid=False is a broken link (printed with its parent page
    and line);
  - every .html page under OUTPUT_DIR must have been reached by the crawl
    (a 200 row whose URL maps to the file); unreachable pages are listed,
    except those matching a glob in $UNLINKED_OK (space-separated).

Prints failing details, then:  links-served: PASS|FAIL (...)
Usage: linkcheck_report.py CSV OUTPUT_DIR BASE_URL SECONDS
Exit status 0 or 1.
"""
from __future__ import annotations

import csv
import fnmatch
import os
import pathlib
import sys
import urllib.parse


def main() -> int:
    csv_path, root, base_url, seconds = sys.argv[1:5]
    root_p = pathlib.Path(root).resolve()
    base = urllib.parse.urlsplit(base_url)
    base_path = base.path if base.path.endswith("/") else base.path + "/"

    with open(csv_path, encoding="utf-8", errors="replace") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter=";"))

    broken: list[str] = []
    reached: set[str] = set()
    n_filtered = 0
    for row in rows:
        url = row.get("url") or row.get("urlname") or ""
        result = row.get("result") or ""
        if row.get("valid") != "True":
            parent = row.get("parentname") or "(start)"
            if parent.startswith(base_url):
                parent = parent[len(base_url):] or "index.html"
            broken.append(f"{parent}:{row.get('line') or '?'}: {row.get('urlname')} -> {result}"
                          f"{' ' + row['warningstring'] if row.get('warningstring') else ''}")
            continue
        if result == "filtered":
            n_filtered += 1
        parts = urllib.parse.urlsplit(url)
        if parts.netloc != base.netloc or not parts.path.startswith(base_path):
            continue
        if not result.startswith("2"):
            continue
        rel = urllib.parse.unquote(parts.path[len(base_path):])
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        reached.add(rel)

    pages = sorted(p.relative_to(root_p).as_posix() for p in root_p.rglob("*.html"))
    allowed = os.environ.get("UNLINKED_OK", "").split()
    unreachable = [p for p in pages
                   if p not in reached and not any(fnmatch.fnmatch(p, g) for g in allowed)]

    for b in broken:
        print(f"links-served: broken: {b}")
    for u in unreachable:
        print(f"links-served: unreachable (no link leads to it from index.html): {u}")
    ok = not broken and not unreachable and rows
    status = "PASS" if ok else "FAIL"
    extra = "" if rows else "; linkchecker logged nothing"
    print(f"links-served: {status} ({len(broken)} broken of {len(rows)} URLs checked, "
          f"{len(pages) - len(unreachable)}/{len(pages)} pages reached by the crawl of {base_url}, "
          f"{n_filtered} external URLs not checked, {seconds} s{extra})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
