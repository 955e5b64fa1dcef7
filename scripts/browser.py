"""Headless Chromium through chromedriver, started one way for every browser check.

The checks (axe_check.py, search_check.py and search_bench.py through it) differ only
in how they report a browser that cannot start and how long a script may run.
"""
from __future__ import annotations

import os
from typing import Callable, NoReturn

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

ARGUMENTS = ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
             "--window-size=1280,1024", "--lang=da", "--no-first-run", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps")


def start_browser(fail: Callable[[str], NoReturn], script_timeout: int = 60):
    """A Chromium that keeps the console's messages; `fail` says why there is none."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        fail("python package selenium missing; run scripts/install-test-deps")
    for exe in (CHROMIUM, CHROMEDRIVER):
        if not os.access(exe, os.X_OK):
            fail(f"{exe} not found; run scripts/install-test-deps")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ARGUMENTS:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    except Exception as exc:  # noqa: BLE001
        fail(f"could not start Chromium through chromedriver: {str(exc).splitlines()[0]}")
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(script_timeout)
    return driver
