"""Measure six shop pages with Lighthouse and print their scores and weight.

Run ``.venv/bin/python scripts/lighthouse.py`` (``make lighthouse``). It builds the demo shop
as ``make run`` does, in a scratch folder with an SQLite database of its own, collects the
static files, and serves the shop as it ships: gunicorn under production settings behind Caddy
with the deployment's Caddyfile, which serves the pictures and compresses the answers. Then
Lighthouse, with its default mobile settings, reads the home page, a category, a product, the
basket with one item in it, a condition page and the article.

It prints one row a page: the performance, accessibility, best-practices and SEO scores (0 to
100), the bytes the page downloads, and the bytes a phone with JavaScript off downloads for
its first screen (first_screen.py), against stock Oscar's stylesheet. Lighthouse's JSON
reports stay in a temporary folder (or ``--reports``). It measures and does not judge: the
exit status is 0 whatever the scores, and non-zero only when the shop or Lighthouse could not
run.

Options (and the environment variables they default to): ``--lighthouse`` (LIGHTHOUSE, else
``node_modules/.bin/lighthouse``), ``--chrome`` (CHROME_PATH, else ``/usr/bin/chromium``),
``--caddy`` (CADDY, else ``caddy``), ``--reports``. Node, Chromium and Caddy come from
``make browser`` and ``make servers``.
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from first_screen import first_screen_bytes
from lighthouse_report import (
    CATEGORIES,
    Measurement,
    Page,
    read_report,
    stock_oscar_stylesheet_bytes,
    table,
)

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
#: The ``manage.py`` commands ``make run`` builds the demo shop with, before it serves.
DEMO_COMMANDS = [["migrate", "--noinput"], ["seed_shop"], ["seed_content"], ["create_demo_staff"]]
CHROME_FLAGS = "--headless=new --no-sandbox"
#: How many times Lighthouse may try a page before it counts as not measured.
LIGHTHOUSE_ATTEMPTS = 2
SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class ShopError(Exception):
    """The shop, or Lighthouse, could not run."""


def free_ports(count: int) -> list[int]:
    """Return ``count`` different TCP ports on loopback that nothing listens on now.

    The probes stay bound until all are chosen: ports asked for one after another may come
    back the same once the first probe is closed.
    """
    with ExitStack() as probes:
        ports = []
        for _ in range(count):
            probe = probes.enter_context(socket.socket())
            probe.bind((LOOPBACK, 0))
            ports.append(probe.getsockname()[1])
        return ports


def manage(*args: str, env: dict[str, str]) -> None:
    """Run ``manage.py`` with ``args``; raise ShopError with its output if it fails."""
    finished = subprocess.run(  # noqa: S603  (the shop's own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if finished.returncode != 0:
        raise ShopError(f"manage.py {' '.join(args)} failed:\n{finished.stderr[-3000:]}")


def build_demo_shop(folder: Path, url: str) -> dict[str, str]:
    """Build the demo shop in ``folder`` and return the environment that serves it."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{folder / 'shop.sqlite3'}",
        "SHOP_BASE_URL": url,
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_STATIC_ROOT": str(folder / "static"),
    }
    for name in ("DJANGO_SETTINGS_MODULE", "REDIS_URL", "DJANGO_S3_BUCKET"):
        env.pop(name, None)
    for command in DEMO_COMMANDS:
        manage(*command, env=env)
    production = {
        **env,
        "DJANGO_SETTINGS_MODULE": "store.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": LOOPBACK,
        # Caddy on loopback speaks plain HTTP; a real domain gets TLS from it instead.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
    }
    manage("collectstatic", "--noinput", env=production)
    return production


@contextmanager
def running(command: list[str], *, env: dict[str, str], log: Path) -> Iterator[None]:
    """Run ``command`` in the background, its output in ``log``, and stop it afterwards."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603  (gunicorn and caddy, named here)
            command, env=env, cwd=ROOT, stdout=output, stderr=output
        )
        try:
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for(url: str, *, logs: Path, seconds: float = 60) -> None:
    """Wait until ``url`` answers 200; raise ShopError with the servers' logs if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310  (loopback)
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    tails = "\n".join(f"--- {path.name}\n{path.read_text()[-2000:]}" for path in logs.iterdir())
    raise ShopError(f"{url} never answered 200:\n{tails}")


@contextmanager
def served_shop(folder: Path, caddy: str) -> Iterator[str]:
    """Build the demo shop in ``folder``, serve it as it ships, and yield its address."""
    port, gunicorn_port = free_ports(2)
    url = f"http://{LOOPBACK}:{port}"
    env = build_demo_shop(folder, url)
    logs = folder / "logs"
    logs.mkdir()
    gunicorn = [sys.executable, "-m", "gunicorn", "store.wsgi:application"]
    gunicorn += ["--bind", f"{LOOPBACK}:{gunicorn_port}", "--workers", "2"]
    caddy_env = {
        **env,
        "SHOP_ADDRESS": url,
        "MEDIA_ROOT": str(folder / "media"),
        "UPSTREAM": f"{LOOPBACK}:{gunicorn_port}",
        "XDG_DATA_HOME": str(folder / "caddy-data"),
        "XDG_CONFIG_HOME": str(folder / "caddy-config"),
    }
    caddy_command = [caddy, "run", "--config", str(ROOT / "docker" / "Caddyfile")]
    with (
        running(gunicorn, env=env, log=logs / "gunicorn.log"),
        running(caddy_command, env=caddy_env, log=logs / "caddy.log"),
    ):
        wait_for(f"{url}/", logs=logs)
        yield url


def fetch(url: str, *, data: dict[str, str] | None = None, cookie: str = "") -> tuple[str, list]:
    """Return the text of ``url`` (POSTing ``data`` if given) and the cookies it set."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310  (loopback)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        answer = opener.open(request, timeout=30)
    except urllib.error.HTTPError as redirect:
        if redirect.code not in {301, 302, 303}:
            raise ShopError(f"{url} answered {redirect.code}") from redirect
        answer = redirect
    with answer:
        cookies = [value.split(";", 1)[0] for value in answer.headers.get_all("Set-Cookie") or []]
        return answer.read().decode(), cookies


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Leave redirects unfollowed, so that the cookies set with one can be read."""

    def redirect_request(self, *args, **kwargs) -> None:
        return None


class AddToBasketForm(HTMLParser):
    """Read the product page's add-to-basket form: its address and the fields to send."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}
        self._inside = False
        self._select = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and attributes.get("id") == "add_to_basket_form":
            self._inside, self.action = True, attributes.get("action", "")
        elif not self._inside:
            return
        elif tag == "input" and attributes.get("name"):
            self.fields[attributes["name"]] = attributes.get("value", "")
        elif tag == "select":
            self._select = attributes.get("name", "")
        elif tag == "option" and self._select and "disabled" not in attributes:
            self.fields.setdefault(self._select, attributes.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False
        elif tag == "select":
            self._select = ""


def basket_cookie(product_url: str) -> str:
    """Put one of the product at ``product_url`` in a new basket; return its Cookie header."""
    html, cookies = fetch(product_url)
    form = AddToBasketForm()
    form.feed(html)
    if not form.action:
        raise ShopError(f"{product_url} has no add-to-basket form")
    _page, added = fetch(
        urllib.parse.urljoin(product_url, form.action), data=form.fields, cookie="; ".join(cookies)
    )
    basket = [cookie for cookie in added if cookie.startswith("oscar_open_basket=")]
    if not basket:
        raise ShopError(f"adding {product_url} to the basket set no basket cookie")
    return basket[0]


def pages_to_measure(url: str) -> list[Page]:
    """Return the six pages to measure, found in the shop's sitemap."""
    sitemap, _cookies = fetch(f"{url}/sitemap.xml")
    tree = ElementTree.fromstring(sitemap)  # noqa: S314  (the shop's own sitemap)
    addresses = [element.text or "" for element in tree.iter(f"{SITEMAP_NAMESPACE}loc")]

    def first(prefix: str, *, excluding: str = "") -> str:
        for address in addresses:
            path = urllib.parse.urlsplit(address).path
            if path.startswith(prefix) and not (excluding and path.startswith(excluding)):
                return address
        raise ShopError(f"the sitemap lists no page under {prefix}")

    product = first("/catalogue/", excluding="/catalogue/category/")
    return [
        Page("Home", f"{url}/"),
        Page("Category", first("/catalogue/category/")),
        Page("Product", product),
        Page("Basket (one item)", f"{url}/basket/", cookie=basket_cookie(product)),
        Page("Condition page", first("/conditions/")),
        Page("Article", first("/articles/")),
    ]


def run_lighthouse(page: Page, *, lighthouse: str, chrome: str, report: Path) -> Measurement:
    """Run Lighthouse's default mobile audit of ``page``, keep its report, and read it.

    Lighthouse now and then fails to record a page load's trace (NO_NAVSTART and the like);
    such a run is tried once more before the page counts as not measured.
    """
    command = [
        lighthouse,
        page.url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    if page.cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': page.cookie})}")
    for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
        report.unlink(missing_ok=True)
        finished = subprocess.run(  # noqa: S603  (the Lighthouse program the user named)
            command,
            env={**os.environ, "CHROME_PATH": chrome},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if finished.returncode == 0 and report.exists():
            result = json.loads(report.read_text())
            if not result.get("runtimeError"):
                return read_report(page, result)
            problem = f"Lighthouse could not load {page.url}: {result['runtimeError']}"
        else:
            problem = f"Lighthouse failed on {page.url}:\n{finished.stderr[-3000:]}"
        print(f"{problem} (attempt {attempt} of {LIGHTHOUSE_ATTEMPTS})", file=sys.stderr)
    raise ShopError(problem)


def arguments() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "--lighthouse",
        default=os.environ.get("LIGHTHOUSE", str(ROOT / "node_modules" / ".bin" / "lighthouse")),
        help="the Lighthouse program (default: $LIGHTHOUSE or node_modules/.bin/lighthouse)",
    )
    parser.add_argument(
        "--chrome",
        default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
        help="the Chrome or Chromium Lighthouse drives (default: $CHROME_PATH or chromium)",
    )
    parser.add_argument(
        "--caddy",
        default=os.environ.get("CADDY", "caddy"),
        help="the Caddy program in front of gunicorn (default: $CADDY or caddy)",
    )
    parser.add_argument(
        "--reports", type=Path, help="the folder for Lighthouse's JSON reports (default: a new one)"
    )
    return parser.parse_args()


def main() -> int:
    """Build, serve and measure the shop; return the exit status."""
    options = arguments()
    missing = [
        program
        for program in (options.lighthouse, options.chrome, options.caddy)
        if shutil.which(program) is None
    ]
    if missing:
        print(f"Not found: {', '.join(missing)} (make browser servers)", file=sys.stderr)
        return 2
    reports = options.reports or Path(tempfile.mkdtemp(prefix="lighthouse-reports-"))
    reports.mkdir(parents=True, exist_ok=True)
    measurements = []
    try:
        with ExitStack() as stack:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="lighthouse-")))
            print("Building the demo shop...", file=sys.stderr)
            url = stack.enter_context(served_shop(folder, options.caddy))
            for number, page in enumerate(pages_to_measure(url), start=1):
                print(f"Measuring {page.name}: {page.url}", file=sys.stderr)
                report = reports / f"{number}-{page.name.split()[0].lower()}.json"
                measured = run_lighthouse(
                    page, lighthouse=options.lighthouse, chrome=options.chrome, report=report
                )
                weight = first_screen_bytes(page.url, chrome=options.chrome, cookie=page.cookie)
                measurements.append(replace(measured, first_screen_bytes=weight))
    except (ShopError, subprocess.TimeoutExpired) as error:
        print(error, file=sys.stderr)
        return 1
    print(table(measurements, stock_floor=stock_oscar_stylesheet_bytes()))
    print(f"\nLighthouse's reports: {reports}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
