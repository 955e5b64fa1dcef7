#!/usr/bin/env python3
"""Static file:// link check for a generated Kommuneportal site (stdlib only).

For every .html page under OUTPUT_DIR, every internal reference
  a[href], area[href], link[href], script[src], img[src], img[srcset],
  source[src], source[srcset], iframe[src], video[src], video[poster], audio[src]
is resolved as a file:// URL relative to the page's own file (honouring
<base href>), with ?query and #fragment stripped, and must name an existing
FILE inside OUTPUT_DIR:
  - a link to a folder fails (file:// shows a listing, not index.html);
  - a root-absolute link (/x) or one that climbs out of OUTPUT_DIR fails
    (it breaks file:// and any sub-path deployment);
  - a #fragment must match an id (or a[name]) in the target page
    ("#" and "#top" are always fine).
External URLs (http:, https:, mailto:, tel:, data:, javascript:, //host) are
not checked.

With --browser-report FILE.json (written by axe_check.py --file-report) the
result of clicking links from file:// in Chromium is merged in.

Prints failing details, then one line:  file-links: PASS|FAIL (...)
Exit status 0 or 1.
"""
from __future__ import annotations

import argparse
import html.parser
import json
import os
import pathlib
import sys
import time
import urllib.parse
import urllib.request

URL_ATTRS = {
    "a": ("href",), "area": ("href",), "link": ("href",), "script": ("src",),
    "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
}
# link rel values that are not fetched resources / navigation of this site.
LINK_REL_SKIP = {"dns-prefetch", "preconnect"}


class PageParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[int, str, str, str]] = []  # line, tag, attr, value
        self.ids: set[str] = set()
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "base" and a.get("href") is not None and self.base is None:
            self.base = a["href"]
        if tag == "link" and set((a.get("rel") or "").lower().split()) & LINK_REL_SKIP:
            return
        for attr in URL_ATTRS.get(tag, ()):
            value = a.get(attr)
            if value is None:
                continue
            line = self.getpos()[0]
            if attr == "srcset":
                for cand in value.split(","):
                    cand = cand.strip()
                    if cand:
                        self.refs.append((line, tag, attr, cand.split()[0]))
            else:
                self.refs.append((line, tag, attr, value.strip()))

    handle_startendtag = handle_starttag


def parse(path: pathlib.Path, cache: dict) -> PageParser:
    if path not in cache:
        p = PageParser()
        p.feed(path.read_text(encoding="utf-8", errors="replace"))
        p.close()
        cache[path] = p
    return cache[path]


def is_external(url: str) -> bool:
    if url.startswith("//"):
        return True
    scheme = urllib.parse.urlsplit(url).scheme
    return bool(scheme) and scheme.lower() != "file"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("root", help="output folder of the site")
    ap.add_argument("--browser-report", help="JSON from axe_check.py --file-report")
    ap.add_argument("--max-details", type=int, default=200)
    args = ap.parse_args()
    t0 = time.monotonic()

    root = pathlib.Path(args.root).resolve()
    pages = sorted(root.rglob("*.html"))
    cache: dict = {}
    problems: list[str] = []
    n_refs = 0
    n_frag = 0

    for page in pages:
        rel_page = page.relative_to(root).as_posix()
        try:
            parsed = parse(page, cache)
        except OSError as exc:
            problems.append(f"{rel_page}: cannot read: {exc}")
            continue
        page_url = page.as_uri()
        base_url = page_url
        if parsed.base is not None:
            if is_external(parsed.base):
                problems.append(f"{rel_page}: <base href=\"{parsed.base}\"> points off-site; "
                                "relative links would not work from file://")
                continue
            base_url = urllib.parse.urljoin(page_url, parsed.base)
        for line, tag, attr, raw in parsed.refs:
            where = f"{rel_page}:{line}: <{tag} {attr}=\"{raw}\">"
            if raw == "":
                if tag == "a":
                    continue  # the page itself
                problems.append(f"{where}: empty URL")
                continue
            if is_external(raw):
                continue
            n_refs += 1
            if raw.startswith("/"):
                problems.append(f"{where}: root-absolute link; breaks file:// and sub-path hosting")
                continue
            absolute = urllib.parse.urljoin(base_url, raw)
            no_frag, fragment = urllib.parse.urldefrag(absolute)
            target_path = urllib.parse.urlsplit(no_frag).path
            target = pathlib.Path(urllib.request.url2pathname(target_path))
            target_norm = pathlib.Path(os.path.normpath(target))
            if target_norm != root and root not in target_norm.parents:
                problems.append(f"{where}: points outside the site folder ({target_norm})")
                continue
            if target_path.endswith("/") or target_norm.is_dir():
                problems.append(f"{where}: points to a folder; file:// does not serve index.html "
                                "(link to .../index.html)")
                continue
            if not target_norm.is_file():
                problems.append(f"{where}: missing file {target_norm.relative_to(root).as_posix()}")
                continue
            if fragment and fragment.lower() != "top":
                n_frag += 1
                frag = urllib.parse.unquote(fragment)
                if target_norm.suffix.lower() not in (".html", ".htm"):
                    continue
                ids = parse(target_norm, cache).ids
                if frag not in ids:
                    problems.append(f"{where}: no id=\"{frag}\" in "
                                    f"{target_norm.relative_to(root).as_posix()}")

    browser_note = "browser part not run"
    warnings: list[str] = []
    if args.browser_report:
        try:
            with open(args.browser_report, encoding="utf-8") as fh:
                rep = json.load(fh)
            problems += [f"browser (file://): {p}" for p in rep.get("problems", [])]
            warnings += rep.get("warnings", [])
            if "seconds" in rep:
                browser_note = (f"clicked {rep.get('followed', 0)} links from file:// in Chromium"
                                f" in {rep['seconds']} s")
            else:
                browser_note = "browser part failed"
        except (OSError, ValueError):
            problems.append("browser (file://): axe_check.py wrote no result; see the axe check's output")
            browser_note = "browser part failed"

    for p in problems[: args.max_details]:
        print(f"file-links: {p}")
    if len(problems) > args.max_details:
        print(f"file-links: ... and {len(problems) - args.max_details} more")
    for w in warnings[: args.max_details]:
        print(f"file-links: warning (not counted): {w}")
    status = "FAIL" if problems else "PASS"
    print(f"file-links: {status} ({len(problems)} problem(s); {n_refs} internal references and "
          f"{n_frag} fragments in {len(pages)} pages, {time.monotonic() - t0:.1f} s; {browser_note})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
