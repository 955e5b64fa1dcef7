#!/usr/bin/env python3
"""The search page of a generated Kommuneportal site, in headless Chromium.

  stemmer  the page's JavaScript Danish stemmer (search.js) gives the stem of the
           snowballstemmer package (2.2.0, the version of Debian's libstemmer that
           builds the index) and of libstemmer itself (through ctypes, where it is
           installed) for every word of content/ and a word list made from them (each
           word with the Danish endings the algorithm removes)
  terms    every word of every indexed text, made into a term by the page's script,
           is a term of the index the generator wrote: the two sides agree
  queries  queries a citizen would type, typed into the search field from file://
           and from every --base-url, with their expected results at the top (for
           the real content; another site gets a smoke test of its first title)

Prints failing details, then one line:  search: PASS (...)  or  search: FAIL (...)
Exit status: 0 passed, 1 failed, 2 the browser could not run.

Usage: search_check.py OUTPUT_DIR [--base-url URL ...] [--content DIR]
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import pathlib
import sys
import time
import unicodedata
import urllib.parse

import browser

ROOT = pathlib.Path(__file__).resolve().parent.parent
SNOWBALL_VERSION = "2.2.0"
# Endings the Danish algorithm removes or changes, to make inflected forms of the
# content's words (and some that are not words: the stemmer must agree on those too).
ENDINGS = ("e er ene erne ernes ers es ets et eret erets s hed heden hedens heder heds ende endes erende erendes "
           "lig elig ig igst ligst løst els gt kt dt gd st t n nn ss").split()

# What the real content must give. Each query: what is typed, the facets chosen (by
# their address parameter), and what must come out.
QUERIES = [
    {"name": "aaben dialog finds Åben Dialog", "q": "aaben dialog", "top": "Implementering af Åben Dialog", "mark": "Åben"},
    {"name": "åben dialog finds Åben Dialog", "q": "Åben Dialog", "top": "Implementering af Åben Dialog"},
    {"name": "besoegsven finds Besøgsvenner", "q": "besoegsven", "top": "Besøgsvenner som supplement til §85", "mark": "Besøgsvenner"},
    {"name": "besøgsvenner finds Besøgsvenner", "q": "besøgsvenner", "top": "Besøgsvenner som supplement til §85"},
    {"name": "internet finds internettet", "q": "internet", "top": "Udvikling af borgerkurser: God og sikker adfærd på internettet",
     "mark": "internettet"},
    {"name": "sundhed finds sundhedsfremme", "q": "sundhed", "among": "Sundhedsfremme", "within": 30, "mark": "Sundhedsfremme",
     "marks_within": 30},
    {"name": "§ 85 finds the four places that cite it", "q": "§ 85", "top": "Besøgsvenner som supplement til §85",
     "exactly": ["Besøgsvenner som supplement til §85", "Sundhedsfremme",
                 "Borgernes deltagelse i sociale fællesskaber via netværk og samspil med bl.a. civilsamfundet",
                 "Implementering af kvalitetsstandarder for § 82 indsatser i Social og Sundhed"]},
    {"name": "85 is § 85", "q": "85", "count": 4},
    {"name": "§§ 103/104 finds both", "q": "§§ 103/104", "among": "Borgernes deltagelse i sociale fællesskaber via netværk og samspil med bl.a. civilsamfundet"},
    {"name": "realised in Slagelse, no words", "q": "", "facets": {"kommune": ["slagelse"], "status": ["realiseret"]}, "count": 4,
     "all_where": "Slagelse Kommune"},
    {"name": "ideas in Kalundborg about sundhed", "q": "sundhed", "facets": {"kommune": ["kalundborg"], "type": ["idea"]},
     "all_where": "Idé · Kalundborg Kommune"},
]

FIND_PAGE = "return (function () { var p = window.portalSearch && portalSearch.page(); return !!(p && p.index); })();"
IDLE = """return (function () {
  var p = window.portalSearch && portalSearch.page();
  if (!p || !p.index || p.running !== null || p.again) { return -1; }
  return p.timings.length;
})();"""
RESULTS = """return Array.from(document.querySelectorAll('.search-result')).map(function (li) {
  var a = li.querySelector('.search-result-title a');
  return {title: a.textContent, href: a.getAttribute('href'), url: a.href,
          where: li.querySelector('.search-result-where').textContent,
          marks: Array.from(li.querySelectorAll('mark')).map(function (m) { return m.textContent; })};
});"""
COUNT = "return document.querySelector('[data-search-count]').textContent;"
STEMS = "return arguments[0].map(function (w) { return portalSearch.stem(w); });"
TERMS = "return arguments[0].map(function (w) { return portalSearch.term(w); });"


def fail_exit(message: str) -> None:
    print(f"search: FAIL ({message})")
    sys.exit(2)


# ---------------------------------------------------------------- text rules

def is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def words(text: str) -> list[str]:
    """SearchText.words: maximal runs of letters, digits and marks, at most 64 long."""
    found, current = [], []
    for char in text + " ":
        if is_word_char(char):
            current.append(char)
        elif current:
            if len(current) <= 64:
                found.append("".join(current))
            current = []
    return found


def read_index_file(path: pathlib.Path):
    text = path.read_text(encoding="utf-8")
    prefix = "portalSearch.register("
    if not text.startswith(prefix) or not text.endswith(");\n"):
        raise ValueError(f"{path} is not an index file")
    inner = text[len(prefix):-3]
    name, data = inner.split(",", 1)
    return json.loads(name), json.loads(data)


def results(folder: pathlib.Path) -> list[dict]:
    """What every document's result shows, in document order (the r/N.js files)."""
    groups = sorted(folder.glob("r/*.js"), key=lambda path: int(path.stem))
    return [shown for path in groups for shown in read_index_file(path)[1]["d"]]


def index_folder(output: pathlib.Path) -> pathlib.Path | None:
    for manifest in sorted(output.glob("*/index/manifest.js")):
        return manifest.parent
    return None


class LibStemmer:
    """Debian's libstemmer through ctypes, when it is installed."""

    def __init__(self):
        name = ctypes.util.find_library("stemmer") or "libstemmer.so.0d"
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            self.stemmer = None
            return
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.c_void_p
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.stemmer = lib.sb_stemmer_new(b"danish", b"UTF_8")

    def stem(self, word: str) -> str:
        data = word.encode("utf-8")
        result = self.lib.sb_stemmer_stem(self.stemmer, data, len(data))
        return ctypes.string_at(result, self.lib.sb_stemmer_length(self.stemmer)).decode("utf-8")


# ---------------------------------------------------------------- browser

def start_browser():
    return browser.start_browser(fail_exit, script_timeout=120)


def wait(driver, script, ok, seconds=10.0):
    deadline = time.monotonic() + seconds
    while True:
        value = driver.execute_script(script)
        if ok(value):
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {seconds} s")
        time.sleep(0.02)


def open_search(driver, url: str) -> None:
    driver.get(url)
    wait(driver, FIND_PAGE, bool)
    wait(driver, IDLE, lambda n: n >= 1)


def type_query(driver, text: str) -> None:
    """Types into the search field key by key, as a person does, and waits for the results."""
    from selenium.webdriver.common.keys import Keys
    field = driver.find_element("css selector", "input[name=q]")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    wait(driver, IDLE, lambda n: n >= 0)
    before = driver.execute_script(IDLE)
    if text:
        field.send_keys(text)
    wait(driver, IDLE, lambda n: n > before or (not text and n >= before))
    wait(driver, "return document.querySelector('input[name=q]').value;", lambda v: v == text)
    wait(driver, IDLE, lambda n: n >= 0)


def show_more(driver, wanted: int) -> None:
    """Presses "Vis flere" until `wanted` results are shown or there are no more."""
    while len(driver.execute_script(RESULTS)) < wanted:
        button = driver.find_element("css selector", "[data-search-more]")
        if not button.is_displayed():
            return
        shown = len(driver.execute_script(RESULTS))
        button.click()
        wait(driver, RESULTS, lambda results: len(results) > shown)


def severe(driver) -> list[str]:
    return [e.get("message", "") for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


# ---------------------------------------------------------------- checks

def check_stemmer(driver, content: pathlib.Path, problems: list[str]) -> str:
    try:
        import snowballstemmer  # type: ignore
        from importlib.metadata import version
    except ImportError:
        problems.append("python package snowballstemmer missing; run scripts/install-test-deps")
        return "no oracle"
    if version("snowballstemmer") != SNOWBALL_VERSION:
        problems.append(f"snowballstemmer {version('snowballstemmer')} installed, the oracle is {SNOWBALL_VERSION} "
                        "(the version of Debian's libstemmer; 3.x changed the Danish algorithm); run scripts/install-test-deps")
        return "wrong oracle"
    found: set[str] = set()
    for path in content.rglob("*"):
        if path.is_file() and path.suffix in (".md", ".yaml"):
            found.update(w.lower() for w in words(path.read_text(encoding="utf-8")) if not any(c.isdigit() for c in w))
    listed = set(found)
    for word in found:
        listed.update(word + ending for ending in ENDINGS)
        if len(word) > 3:
            listed.add(word[:-1])
    ordered = sorted(listed)
    oracle = snowballstemmer.stemmer("danish")
    libstemmer = LibStemmer()
    mismatches = 0
    for start in range(0, len(ordered), 20000):
        batch = ordered[start:start + 20000]
        stems = driver.execute_script(STEMS, batch)
        for word, stem in zip(batch, stems):
            expected = oracle.stemWord(word)
            c_stem = libstemmer.stem(word) if libstemmer.stemmer else expected
            if stem != expected or c_stem != expected:
                mismatches += 1
                if mismatches <= 20:
                    problems.append(f"stem of '{word}': search.js '{stem}', snowballstemmer '{expected}', libstemmer '{c_stem}'")
    if mismatches:
        problems.append(f"{mismatches} of {len(ordered)} words stemmed differently")
    where = "and libstemmer" if libstemmer.stemmer else "(libstemmer not found)"
    return f"{len(found)} content words + {len(ordered) - len(found)} inflected forms equal to snowballstemmer {SNOWBALL_VERSION} {where}"


def check_terms(driver, folder: pathlib.Path, problems: list[str]) -> str:
    vocabulary: set[str] = set()
    for path in sorted((folder / "t").glob("*.js")):
        vocabulary.update(read_index_file(path)[1].keys())
    texts: set[str] = set()
    for shown in results(folder):
        texts.update(words(shown["t"]))
        if not shown["x"].endswith(" …"):
            texts.update(words(shown["x"]))
    ordered = sorted(texts)
    missing = []
    for start in range(0, len(ordered), 20000):
        batch = ordered[start:start + 20000]
        for word, term in zip(batch, driver.execute_script(TERMS, batch)):
            if term not in vocabulary:
                missing.append(f"'{word}' -> '{term}'")
    if missing:
        problems.append(f"{len(missing)} words whose term the script makes differently from the index: {', '.join(missing[:15])}")
    return f"{len(ordered)} indexed words meet {len(vocabulary)} index terms"


def facet_query(parameters: dict) -> str:
    pairs = [(name, value) for name, values in parameters.items() for value in values]
    return urllib.parse.urlencode(pairs)


def check_query(driver, search_url: str, spec: dict, where: str, problems: list[str]) -> None:
    label = f"{where}: {spec['name']}"
    facets = spec.get("facets", {})
    if facets:
        open_search(driver, search_url + "?" + facet_query(facets))
    type_query(driver, spec["q"])
    show_more(driver, max(spec.get("within", 0), spec.get("marks_within", 0)))
    results = driver.execute_script(RESULTS)
    titles = [r["title"] for r in results]
    count = driver.execute_script(COUNT)
    if "top" in spec and (not titles or titles[0] != spec["top"]):
        problems.append(f"{label}: expected '{spec['top']}' first, got {titles[:3]}")
    if "among" in spec and spec["among"] not in titles[:spec.get("within", 20)]:
        problems.append(f"{label}: expected '{spec['among']}' among the first {spec.get('within', 20)}, got {titles[:10]}")
    if "exactly" in spec and sorted(titles) != sorted(spec["exactly"]):
        problems.append(f"{label}: expected exactly {spec['exactly']}, got {titles}")
    if "count" in spec and len(titles) != spec["count"]:
        problems.append(f"{label}: expected {spec['count']} results, got {len(titles)}: {titles}")
    if "count" in spec and str(spec["count"]) not in count:
        problems.append(f"{label}: the count says '{count}'")
    within = spec.get("marks_within", 5)
    if "mark" in spec and not any(spec["mark"] in r["marks"] for r in results[:within]):
        problems.append(f"{label}: '{spec['mark']}' is not marked in the first results: {[r['marks'] for r in results[:within]]}")
    if "all_where" in spec and (not results or not all(spec["all_where"] in r["where"] for r in results)):
        problems.append(f"{label}: expected every result from '{spec['all_where']}', got {[r['where'] for r in results]}")
    # The address keeps the query and the facets, so the search can be bookmarked.
    search = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)
    if spec["q"].strip() and search.get("q") != [spec["q"].strip()]:
        problems.append(f"{label}: the address does not hold the query: {driver.current_url}")
    for name, values in facets.items():
        if sorted(search.get(name, [])) != sorted(values):
            problems.append(f"{label}: the address does not hold {name}={values}: {driver.current_url}")
    # Each result's link leads to a page of the site (or an appendix on one).
    for result in results[:3]:
        if not result["href"].endswith(("index.html",)) and "index.html#" not in result["href"]:
            problems.append(f"{label}: result link {result['href']} does not end in index.html")


def check_keyboard_and_address(driver, search_url: str, where: str, problems: list[str]) -> None:
    """A facet chosen by keyboard narrows the results; reloading the address gives them back."""
    from selenium.webdriver.common.keys import Keys
    open_search(driver, search_url)
    type_query(driver, "borger")
    everything = len(driver.execute_script(RESULTS))
    field = driver.find_element("css selector", "input[name=q]")
    field.send_keys(Keys.TAB)  # the search button
    active = driver.switch_to.active_element
    steps = 0
    while active.get_attribute("type") != "checkbox" and steps < 10:
        if active.tag_name == "summary" and active.find_element("xpath", "..").get_attribute("open") is None:
            active.send_keys(Keys.ENTER)
        active.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        steps += 1
    if active.get_attribute("type") != "checkbox":
        problems.append(f"{where}: no facet checkbox reached by Tab from the search field")
        return
    before = driver.execute_script(IDLE)
    active.send_keys(Keys.SPACE)
    wait(driver, IDLE, lambda n: n > before)
    narrowed = driver.execute_script(RESULTS)
    address = driver.current_url
    if not driver.execute_script("return document.activeElement.type === 'checkbox' && document.activeElement.checked;"):
        problems.append(f"{where}: Space did not choose the focused facet value")
    if "=" not in urllib.parse.urlsplit(address).query.replace("q=borger", ""):
        problems.append(f"{where}: the chosen facet is not in the address: {address}")
    open_search(driver, address)
    again = driver.execute_script(RESULTS)
    if [r["title"] for r in again] != [r["title"] for r in narrowed]:
        problems.append(f"{where}: reopening {address} does not give the same results")
    if everything == 0:
        problems.append(f"{where}: 'borger' found nothing")


def check_header_form(driver, page_url: str, where: str, problems: list[str]) -> None:
    """The header's search field on an ordinary page leads to the search page's results."""
    from selenium.webdriver.common.keys import Keys
    driver.get(page_url)
    field = driver.find_element("css selector", ".header-search input[name=q]")
    field.send_keys("besøgsvenner", Keys.ENTER)
    wait(driver, FIND_PAGE, bool)
    wait(driver, IDLE, lambda n: n >= 1)
    titles = [r["title"] for r in driver.execute_script(RESULTS)]
    if not titles or titles[0] != "Besøgsvenner som supplement til §85":
        problems.append(f"{where}: the header search from {page_url} gave {titles[:3]} at {driver.current_url}")


def smoke_test(driver, search_url: str, folder: pathlib.Path, where: str, problems: list[str]) -> None:
    """For a site that is not the real content: its first document's title finds it."""
    first = results(folder)[0]
    query = " ".join(words(first["t"])[:3])
    open_search(driver, search_url)
    type_query(driver, query)
    titles = [r["title"] for r in driver.execute_script(RESULTS)]
    if first["t"] not in titles:
        problems.append(f"{where}: '{query}' does not find '{first['t']}': {titles[:5]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output")
    parser.add_argument("--base-url", action="append", default=[], help="a URL serving OUTPUT (ends with /)")
    parser.add_argument("--content", default=str(ROOT / "content"))
    args = parser.parse_args()
    output = pathlib.Path(args.output).resolve()
    folder = index_folder(output)
    if folder is None:
        print(f"search: FAIL (no */index/manifest.js in {output})")
        return 1
    search_page = folder.parent.name + "/index.html"
    real = (output / "kommuner" / "kalundborg").is_dir() and pathlib.Path(args.content).is_dir()
    problems: list[str] = []
    started = time.monotonic()
    driver = start_browser()
    notes = []
    try:
        open_search(driver, (output / search_page).as_uri())
        notes.append(check_stemmer(driver, pathlib.Path(args.content), problems))
        notes.append(check_terms(driver, folder, problems))
        places = [("file://", output.as_uri() + "/")] + [(url, url if url.endswith("/") else url + "/") for url in args.base_url]
        queries = 0
        for where, base in places:
            search_url = base + search_page
            severe(driver)
            if real:
                for spec in QUERIES:
                    open_search(driver, search_url)
                    check_query(driver, search_url, spec, where, problems)
                    queries += 1
                check_keyboard_and_address(driver, search_url, where, problems)
                item = next(iter(sorted(output.glob("kommuner/rudersdal/*/*/index.html"))), None)
                if item:
                    check_header_form(driver, base + str(item.relative_to(output)), where, problems)
            else:
                smoke_test(driver, search_url, folder, where, problems)
                queries += 1
            for message in severe(driver):
                problems.append(f"{where}: console: {message}")
        notes.append(f"{queries} queries from {', '.join(w for w, _ in places)}" + ("" if real else " (not the real content: smoke test)"))
    except Exception as exc:  # noqa: BLE001
        problems.append(f"browser error: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    finally:
        driver.quit()
    for problem in problems:
        print(f"search: {problem}")
    status = "FAIL" if problems else "PASS"
    print(f"search: {status} ({'; '.join(notes)}; {time.monotonic() - started:.1f} s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
