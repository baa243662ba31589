"""Fixtures that drive Debian's Chromium through Playwright, once with JavaScript off and once on.

Every test that takes ``page`` runs twice, ``[js-off]`` and ``[js-on]``. The page also watches
the browser's console: a Content-Security-Policy violation or an uncaught script error fails
the test. ``check_accessibility`` runs axe-core (from ``node_modules``, installed by npm) on the
page and fails on serious or critical findings. ``screenshot`` saves full-page PNGs of the
JavaScript-off run into ``var/screenshots`` (git-ignored).

The browser tests are skipped, with the command that installs what is missing, when Chromium,
Playwright or axe-core is not there; with ``BROWSER_TESTS=required`` in the environment (as CI
and ``make test`` set it) they fail instead, so a machine that lost its browser can never pass
them by skipping them.
"""

import os
from collections import defaultdict
from pathlib import Path

import pytest

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # a missing Playwright is reported by the browser fixture below
    sync_playwright = None

ROOT = Path(__file__).resolve().parents[2]
#: Where Debian's chromium package puts the browser; CHROMIUM_PATH names another one.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: Screenshots of the pages a person would look at; var/ is git-ignored.
SCREENSHOTS = ROOT / "var" / "screenshots"

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

#: The two ways every browser test runs.
MODES = {"js-off": False, "js-on": True}
#: What axe may find: anything of these impacts fails the page.
BLOCKING_IMPACTS = ("serious", "critical")


def missing_browser():
    """Return why the browser tests cannot run here, or None when they can."""
    if sync_playwright is None:
        return "Playwright is not installed: pip install -r requirements-dev.txt"
    if not os.access(CHROMIUM_PATH, os.X_OK):
        return f"Debian's chromium is not installed at {CHROMIUM_PATH}: apt-get install chromium"
    if not AXE_PATH.exists():
        return "axe-core is not installed: npm ci"
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


@pytest.fixture(params=list(MODES))
def javascript(request):
    """Run the test once with JavaScript off and once with it on: True when it is on."""
    return MODES[request.param]


class ConsoleWatch:
    """The browser console's complaints: CSP violations and uncaught script errors."""

    def __init__(self, page):
        self.problems = []
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.problems.append(f"CSP: {text}")
        elif message.type == "error" and "Failed to load resource" not in text:
            self.problems.append(f"console error: {text}")


@pytest.fixture
def browser_context(browser, live_server, javascript, settings):
    """Open a browser profile on the live shop, with JavaScript off or on.

    The shop's public address is the live server's, so the links it makes (Stripe's return
    link among them) bring the browser back to it.
    """
    settings.SHOP_BASE_URL = live_server.url
    context = browser.new_context(java_script_enabled=javascript, base_url=live_server.url)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    """Open a window on the live shop; fail the test if the page breaks its CSP or a script."""
    window = browser_context.new_page()
    watch = ConsoleWatch(window)
    yield window
    assert not watch.problems, "\n".join(watch.problems)


@pytest.fixture
def screenshot(page, javascript):
    """Return a function that saves the page as var/screenshots/<name>.png (JavaScript off)."""

    def save(name):
        if not javascript:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)

    return save


def axe_violations(page):
    """Run axe-core on ``page`` and return its serious and critical violations."""
    page.evaluate(AXE_PATH.read_text())
    found = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5),
            }));
        }"""
    )
    return [violation for violation in found if violation["impact"] in BLOCKING_IMPACTS]


@pytest.fixture
def check_accessibility(browser, page, javascript, live_server):
    """Return a function that fails the test when axe finds serious or critical problems.

    With JavaScript on, axe runs in the page itself. With JavaScript off it cannot (a page
    without scripts runs no timers), so the same address is opened, with the same cookies, in
    a window that may run scripts but is refused every script file the shop serves: the page
    looks and behaves exactly as with JavaScript off, and axe is injected into it.
    """

    def check(label):
        if javascript:
            found = axe_violations(page)
        else:
            twin = browser.new_context(base_url=live_server.url)
            try:
                twin.add_cookies(page.context.cookies())
                twin.route("**/*.js", lambda route: route.abort())
                twin_page = twin.new_page()
                twin_page.goto(page.url)
                assert twin_page.get_attribute("html", "class") == "no-js"
                found = axe_violations(twin_page)
            finally:
                twin.close()
        report = [f"{v['impact']} {v['id']}: {v['help']} at {', '.join(v['nodes'])}" for v in found]
        assert not report, f"axe on {label} ({page.url}):\n" + "\n".join(report)

    return check


# Count the journeys (tests marked ``journey``) that passed in each mode, and say so at the end.
_journey_outcomes = defaultdict(dict)


def pytest_runtest_logreport(report):
    if "journey" not in report.keywords:
        return
    mode = next((mode for mode in MODES if mode in report.keywords), None)
    if mode is None:
        return
    outcomes = _journey_outcomes[mode]
    if report.failed:
        outcomes[report.nodeid] = "failed"
    elif report.when == "call" and report.passed:
        outcomes.setdefault(report.nodeid, "passed")
    elif report.skipped:
        outcomes.setdefault(report.nodeid, "skipped")


def pytest_terminal_summary(terminalreporter):
    if not _journey_outcomes:
        return
    terminalreporter.section("browser journeys")
    for mode, label in (("js-off", "JavaScript off"), ("js-on", "JavaScript on")):
        outcomes = list(_journey_outcomes.get(mode, {}).values())
        passed = outcomes.count("passed")
        terminalreporter.write_line(f"{label}: {passed} of {len(outcomes)} journeys passed")
