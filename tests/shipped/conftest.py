"""The shop as it ships, for the journeys in this folder: nothing here comes from a fixture row.

One shop is started for the whole run:

- its database (an SQLite file, or a fresh PostgreSQL database beside ``DATABASE_URL``'s) is
  built only by the ``manage.py`` commands that ``make run`` runs, read from the Makefile itself;
- its static files are collected under production settings, as the Docker image does;
- gunicorn serves it under ``store.settings.production`` (DEBUG off, whitenoise), with Redis
  (a server of its own on a free loopback port) for the cache and sessions;
- Caddy stands in front with the deployment's own ``docker/Caddyfile``, serving ``/media/``;
- mail goes over real SMTP to a server on loopback, and card payments to the Stripe emulator.

The browser fixtures (Chromium with JavaScript off and on) are the browser tests' own.
"""

import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import MODES, ConsoleWatch, browser  # noqa: F401  (a fixture)
from tests.card_payments import WEBHOOK_SECRET
from tests.shipped.people import Guest, ShopStaff
from tests.shipped.servers import (
    MailSink,
    ShippedShop,
    free_ports,
    shipped_database,
    start_process,
    wait_for_http,
)

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = "127.0.0.1"
PASSWORD_LINE = re.compile(r"Created (\w+) account .*\n.*Password \(shown once[^)]*\): (\S+)")


def make_run_commands() -> list[list[str]]:
    """Return the ``manage.py`` commands of the Makefile's ``run`` recipe, before it serves."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^run: \$\(VENV\).*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no run recipe"
    commands = re.findall(r"^\t\$\(BIN\)/python manage\.py (.+)$", recipe.group(1), re.MULTILINE)
    return [shlex.split(command) for command in commands if not command.startswith("runserver")]


def manage(*args: str, env: dict[str, str]) -> str:
    """Run ``manage.py`` with ``args`` as ``make run`` would, and return what it printed."""
    finished = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, f"manage.py {' '.join(args)}:\n{finished.stderr}"
    return finished.stdout


@pytest.fixture(scope="session", params=list(MODES))
def shipped_shop(request, tmp_path_factory, stripe_emulator) -> Iterator[ShippedShop]:
    """Build the demo shop as ``make run`` does and serve it as the deployment does.

    One shop for the journeys with JavaScript off and a new one for those with it on, so each
    mode starts from the shop a newcomer gets.
    """
    missing = [name for name in ("caddy", "redis-server") if shutil.which(name) is None]
    if missing and os.environ.get("BROWSER_TESTS") == "required":
        pytest.fail(f"BROWSER_TESTS=required, but {missing} missing: make servers", pytrace=False)
    if missing:
        pytest.skip(f"{missing} not installed: make servers")
    folder = tmp_path_factory.mktemp(f"shipped-{request.param}")
    port, gunicorn_port, redis_port, mail_port = free_ports(4)
    url = f"http://{LOOPBACK}:{port}"
    with shipped_database(folder) as database_url, MailSink(mail_port) as mail:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "SHOP_BASE_URL": url,
            "DJANGO_MEDIA_ROOT": str(folder / "media"),
            "DJANGO_STATIC_ROOT": str(folder / "static"),
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)  # manage.py's own default, as `make run` has
        printed = "".join(manage(*command, env=env) for command in make_run_commands())
        passwords = dict(PASSWORD_LINE.findall(printed))

        production = {
            **env,
            "DJANGO_SETTINGS_MODULE": "store.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": LOOPBACK,
            # Caddy on loopback speaks plain HTTP: a real domain gets TLS from it instead.
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "REDIS_URL": f"redis://{LOOPBACK}:{redis_port}/0",
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "DJANGO_EMAIL_HOST": LOOPBACK,
            "DJANGO_EMAIL_PORT": str(mail.port),
            "DJANGO_EMAIL_USE_TLS": "false",
            "STRIPE_SECRET_KEY": "sk_test_emulated",
            "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "STRIPE_API_BASE": stripe_emulator.api_base,
            "STRIPE_CHECKOUT_ORIGIN": f"http://{LOOPBACK}:*",
        }
        manage("collectstatic", "--noinput", env=production)
        logs = folder / "logs"
        logs.mkdir()
        with (
            start_process(
                ["redis-server", "--bind", LOOPBACK, "--port", str(redis_port), "--save", ""],
                env=production,
                log=logs / "redis.log",
            ),
            start_process(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "store.wsgi:application",
                    "--bind",
                    f"{LOOPBACK}:{gunicorn_port}",
                    "--workers",
                    "2",
                    "--access-logfile",
                    "-",
                ],
                env=production,
                log=logs / "gunicorn.log",
                cwd=ROOT,
            ),
            start_process(
                ["caddy", "run", "--config", str(ROOT / "docker" / "Caddyfile")],
                env={
                    **production,
                    "SHOP_ADDRESS": url,
                    "MEDIA_ROOT": str(folder / "media"),
                    "UPSTREAM": f"{LOOPBACK}:{gunicorn_port}",
                    "XDG_DATA_HOME": str(folder / "caddy-data"),
                    "XDG_CONFIG_HOME": str(folder / "caddy-config"),
                },
                log=logs / "caddy.log",
            ),
        ):
            wait_for_http(f"{url}/", logs=logs)
            yield ShippedShop(
                url=url,
                staff_password=passwords["staff"],
                editor_password=passwords["editor"],
                mail=mail,
                stripe=stripe_emulator,
                logs=logs,
                javascript=MODES[request.param],
            )


@pytest.fixture
def javascript(shipped_shop) -> bool:
    """Whether the browser runs scripts: as the shop being used was started for."""
    return shipped_shop.javascript


@pytest.fixture
def shop_context(browser, shipped_shop, javascript):  # noqa: F811  (the fixture imported above)
    """Open a fresh browser profile on the shipped shop, with JavaScript off or on."""
    context = browser.new_context(java_script_enabled=javascript, base_url=shipped_shop.url)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def window(shop_context):
    """Open a window on the shipped shop; fail the test if a page breaks its CSP or a script."""
    page = shop_context.new_page()
    watch = ConsoleWatch(page)
    yield page
    assert not watch.problems, "\n".join(watch.problems)


@pytest.fixture
def guest(window, javascript):
    """A guest shopper in that window."""
    return Guest(window, javascript)


@pytest.fixture
def staff(window, javascript):
    """The demo staff account's owner (or the demo editor) in that window."""
    return ShopStaff(window, javascript)
