#!/usr/bin/env python3
"""WCAG 1.4.10 reflow: every page, 320 CSS pixels wide, scrolls only vertically.

Opens each page of a built site from file:// in headless Chromium at 320 px and
compares the document's scroll width with its client width; tables may scroll
inside their own region, the page itself may not. Prints `reflow: PASS|FAIL (...)`.
"""
import os
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "output").resolve()
    start = time.perf_counter()
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    failing = []
    pages = sorted(root.rglob("*.html"))
    try:
        driver.set_window_size(320, 900)
        for page in pages:
            driver.get(page.as_uri())
            scroll, client = driver.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            if scroll > client:
                failing.append(f"reflow: {page.relative_to(root)}: {scroll} px wide in a {client} px viewport")
    finally:
        driver.quit()
    for line in failing:
        print(line)
    status = "FAIL" if failing else "PASS"
    print(f"reflow: {status} ({len(failing)} of {len(pages)} pages wider than 320 px, {time.perf_counter() - start:.1f} s)")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
