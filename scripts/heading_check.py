#!/usr/bin/env python3
"""Phones first: on a 375 x 667 px screen, every page's h1 starts in the top half.

Opens each page of a built site from file:// in headless Chromium (started as every
browser check starts it, scripts/browser.py) at 375 x 667 CSS pixels and measures the
top of the page's h1 from the top of the document. A page whose heading starts below
333 px shows a reader on a phone only header, breadcrumbs and repeated context on its
first screen. Prints `heading: PASS|FAIL (...)`.
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import start_browser  # noqa: E402

WIDTH, HEIGHT = 375, 667
LIMIT = HEIGHT // 2  # 333 px: the top half of the first screen


def fail(message: str):
    print(f"heading: FAIL ({message})")
    sys.exit(1)


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "output").resolve()
    start = time.perf_counter()
    driver = start_browser(fail)
    failing = []
    pages = sorted(root.rglob("*.html"))
    try:
        # The window's outer size differs from the viewport by the browser's frame; set
        # the viewport itself through the DevTools protocol.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True})
        for page in pages:
            driver.get(page.as_uri())
            top = driver.execute_script(
                "const h = document.querySelector('h1');"
                "return h ? h.getBoundingClientRect().top + window.scrollY : null;")
            name = page.relative_to(root)
            if top is None:
                failing.append(f"heading: {name}: no h1")
            elif top > LIMIT:
                failing.append(f"heading: {name}: h1 starts at {top:.0f} px, below the top half ({LIMIT} px) of {WIDTH}x{HEIGHT}")
    finally:
        driver.quit()
    for line in failing:
        print(line)
    status = "FAIL" if failing else "PASS"
    print(f"heading: {status} ({len(failing)} of {len(pages)} pages with the h1 below {LIMIT} px at {WIDTH}x{HEIGHT}, "
          f"{time.perf_counter() - start:.1f} s)")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
