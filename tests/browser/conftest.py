"""Fixtures that drive Debian's Chromium, with JavaScript switched off, through Playwright.

The browser tests are skipped, with the command that installs what is missing, when Chromium or
Playwright is not there; with ``BROWSER_TESTS=required`` in the environment (as CI sets it) they
fail instead, so a machine that lost its browser can never pass them by skipping them.
"""

import os
from pathlib import Path

import pytest

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # a missing Playwright is reported by the browser fixture below
    sync_playwright = None

#: Where Debian's chromium package puts the browser; CHROMIUM_PATH names another one.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Headless, and quiet: no sandbox (CI runs as root), no GPU, and none of the browser's own calls
# home, which this machine's closed network would refuse at every start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

#: Screenshots of the pages a person would look at; var/ is git-ignored.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def missing_browser():
    """Return why the browser tests cannot run here, or None when they can."""
    if sync_playwright is None:
        return "Playwright is not installed: pip install -r requirements-dev.txt"
    if not os.access(CHROMIUM_PATH, os.X_OK):
        return f"Debian's chromium is not installed at {CHROMIUM_PATH}: apt-get install chromium"
    return None


@pytest.fixture(scope="module")
def browser():
    """Start headless Chromium for one test module; skip, or fail when BROWSER_TESTS=required.

    Playwright's sync API marks its asyncio loop as running in the test thread for as long as it
    is started, and Django then refuses database calls from that thread ("You cannot call this
    from an async context"), the test's own queries and pytest-django's flush included. The loop
    only runs while a Playwright call waits, never under Django's code, so the check is relaxed;
    but only while Playwright is started: the browser lives for one module, not the whole session,
    so the tests that run after it keep Django's check as it is.
    """
    reason = missing_browser()
    if reason and os.environ.get("BROWSER_TESTS") == "required":
        pytest.fail(f"BROWSER_TESTS=required, but {reason}", pytrace=False)
    if reason:
        pytest.skip(reason)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()


@pytest.fixture
def page(browser, live_server):
    """Open a fresh browser window on the live shop, with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def screenshot(page):
    """Return a function that saves the page as var/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(name):
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return save
