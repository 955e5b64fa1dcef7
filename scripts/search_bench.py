#!/usr/bin/env python3
"""Figures of a built site's search, in headless Chromium from file://.

  index      bytes of <search>/index/ in total, per indexed document and per item
  per query  bytes one query loads: search.js, the manifest, the term chunks and the
             result files (uncompressed: file:// has no gzip), median and largest
             over a set of queries, each on a freshly loaded page
  latency    keystroke to rendered results (the frame after the results are in the
             page): the whole query put in at once on a fresh page (its files not
             yet loaded), and each keystroke of the query typed letter by letter;
             medians over the set of queries

Printed, not asserted (the machines are shared and noisy); the targets are at most
300 kB per query and under 50 ms at 10,000 items.

  report(output_dir, label)  prints the figures of one built site and returns them;
                             scripts/benchmark calls it for the real content and for
                             the national-scale content.
  search_bench.py OUTPUT_DIR [--label NAME]
  search_bench.py --items 10000 [--portal .build/release/portal] [--keep DIR]
      generates the national-scale content with scripts/benchmark's generator,
      builds it and reports it, with the time of the build.
"""
from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from search_check import FIND_PAGE, IDLE, index_folder, open_search, read_index_file, start_browser, wait  # noqa: E402

QUERIES = ["sundhed", "fællesskab", "borgerne trivsel", "netværk", "beskæftigelse", "aktivitet",
           "medarbejdere", "frivillige", "åben dialog", "§ 85"]

PUT_QUERY = """
var p = portalSearch.page();
var field = document.querySelector('input[name=q]');
field.value = arguments[0];
field.dispatchEvent(new Event('input', {bubbles: true}));
return p.timings.length;
"""
LAST_TIMING = "var t = portalSearch.page().timings; return t[t.length - 1].milliseconds;"
LOADED = "return Array.from(portalSearch.page().loader.requests.keys());"


def bytes_loaded(driver, folder: pathlib.Path, script: int) -> int:
    """The page's script and every index file its loader asked for."""
    return script + sum((folder / (name + ".js")).stat().st_size for name in driver.execute_script(LOADED))


def put(driver, query: str) -> float:
    before = driver.execute_script(PUT_QUERY, query)
    wait(driver, IDLE, lambda n: n > before, seconds=30)
    return driver.execute_script(LAST_TIMING)


def report(output: pathlib.Path, label: str = "site") -> dict:
    output = pathlib.Path(output).resolve()
    folder = index_folder(output)
    if folder is None:
        raise SystemExit(f"search_bench: no */index/manifest.js in {output}")
    files = [path for path in folder.rglob("*.js")]
    size = sum(path.stat().st_size for path in files)
    _, manifest = read_index_file(folder / "manifest.js")
    documents = manifest["documents"]
    kinds = next(facet for facet in manifest["facets"] if facet["facet"] == "kind")
    items = 0
    for value in kinds["values"]:
        if value[0] in ("initiative", "idea"):
            items += len(decode(value[2]))
    script = (output / "assets" / "search.js").stat().st_size if (output / "assets" / "search.js").is_file() else 0
    search_url = (folder.parent / "index.html").as_uri()

    driver = start_browser()
    loads, cold, keystrokes = [], [], []
    try:
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        for query in QUERIES:
            open_search(driver, search_url)
            cold.append(put(driver, query))
            loads.append(bytes_loaded(driver, folder, script))
        for query in QUERIES:
            open_search(driver, search_url)
            for end in range(1, len(query) + 1):
                keystrokes.append(put(driver, query[:end]))
    finally:
        driver.quit()
    figures = {
        "label": label, "documents": documents, "items": items, "index_bytes": size, "index_files": len(files),
        "bytes_per_document": size / max(documents, 1), "bytes_per_item": size / max(items, 1), "script_bytes": script,
        "query_bytes_median": statistics.median(loads), "query_bytes_max": max(loads),
        "cold_ms_median": statistics.median(cold), "keystroke_ms_median": statistics.median(keystrokes),
        "keystroke_ms_p90": sorted(keystrokes)[int(len(keystrokes) * 0.9)],
    }
    print(f"search ({label}): index {size / 1024:,.0f} KB in {len(files):,} files, {documents:,} documents "
          f"({figures['bytes_per_document']:,.0f} B each, {figures['bytes_per_item']:,.0f} B per item of {items:,}); "
          f"search.js {script / 1024:.0f} KB", flush=True)
    print(f"search ({label}): one query loads median {figures['query_bytes_median'] / 1024:,.0f} KB, "
          f"at most {figures['query_bytes_max'] / 1024:,.0f} KB (script + manifest + chunks + results; target <= 300 KB)")
    print(f"search ({label}): keystroke to results median {figures['keystroke_ms_median']:.1f} ms "
          f"(90% within {figures['keystroke_ms_p90']:.1f} ms) over {len(keystrokes)} keystrokes; a whole query on a "
          f"fresh page {figures['cold_ms_median']:.1f} ms (target < 50 ms)", flush=True)
    return figures


def decode(text: str) -> list[int]:
    """PostingCodec.decode."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
    values, current, shift = [], 0, 0
    for char in text:
        digit = alphabet.index(char)
        current |= (digit & 31) << shift
        if digit >= 32:
            shift += 5
        else:
            values.append(current)
            current, shift = 0, 0
    numbers, previous, index = [], -1, 0
    while index < len(values):
        code = values[index]
        index += 1
        length = 1
        if code & 1:
            length = values[index] + 2
            index += 1
        start = previous + 1 + (code >> 1)
        numbers.extend(range(start, start + length))
        previous = start + length - 1
    return numbers


def benchmark_module():
    loader = importlib.machinery.SourceFileLoader("portal_benchmark", str(ROOT / "scripts" / "benchmark"))
    spec = importlib.util.spec_from_loader("portal_benchmark", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", help="a built site")
    parser.add_argument("--label", default=None)
    parser.add_argument("--items", type=int, help="generate, build and report a national-scale site of N items")
    parser.add_argument("--portal", default=str(ROOT / ".build/release/portal"))
    parser.add_argument("--keep", type=pathlib.Path)
    args = parser.parse_args()
    if args.output:
        report(pathlib.Path(args.output), args.label or pathlib.Path(args.output).name)
        return 0
    if not args.items:
        parser.error("give OUTPUT_DIR or --items N")
    folder = args.keep or pathlib.Path(tempfile.mkdtemp(prefix="search-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        written = benchmark_module().generate(folder, args.items)
        out = folder / "out"
        start = time.perf_counter()
        subprocess.run([args.portal, "build", "--quiet", "--content", str(folder / "content"), "--theme",
                        str(ROOT / "themes/default"), "--output", str(out)], check=True)
        print(f"search bench: built {written} items in {time.perf_counter() - start:.1f} s with {args.portal}")
        report(out, f"{written} items")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
