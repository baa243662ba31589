"""The shop as it ships, for the journeys in this folder: nothing here comes from a fixture row.

One shop is started for the whole run:

- its database (an SQLite file, or a fresh PostgreSQL database beside ``DATABASE_URL``'s) is
  built only by the ``manage.py`` commands that ``make run`` runs, read from the Makefile itself;
- its static files are collected under production settings, as the Docker image does;
- gunicorn serves it under ``store.settings.production`` (DEBUG off, whitenoise), with Redis
  (a server of its own on a free loopback port) for the cache and sessions;
- Caddy stands in front with the deployment's own ``docker/Caddyfile``, serving ``/media/``;
- a Celery worker takes the shop's tasks from that Redis, and delivers its mail over real SMTP
  to a server on loopback, trying again a second, two, four... later while it is down;
- card payments go to the Stripe emulator.

The browser fixtures (Chromium with JavaScript off and on) are the browser tests' own.
"""

from collections.abc import Iterator

import pytest

from tests.browser.conftest import MODES, ConsoleWatch, browser  # noqa: F401  (a fixture)
from tests.shipped.building import (
    LOOPBACK,
    ROOT,
    demo_shop,
    gunicorn_command,
    manage,
    production_settings,
    redis_command,
    servers_installed,
    worker_command,
)
from tests.shipped.people import Guest, ShopStaff
from tests.shipped.servers import (
    MailSink,
    ShippedShop,
    free_ports,
    shipped_database,
    start_process,
    wait_for_http,
)


@pytest.fixture(scope="session", params=list(MODES))
def shipped_shop(request, tmp_path_factory, stripe_emulator) -> Iterator[ShippedShop]:
    """Build the demo shop as ``make run`` does and serve it as the deployment does.

    One shop for the journeys with JavaScript off and a new one for those with it on, so each
    mode starts from the shop a newcomer gets.
    """
    servers_installed()
    folder = tmp_path_factory.mktemp(f"shipped-{request.param}")
    port, gunicorn_port, redis_port, mail_port = free_ports(4)
    url = f"http://{LOOPBACK}:{port}"
    with shipped_database(folder) as database_url, MailSink(mail_port) as mail:
        env, passwords = demo_shop(folder=folder, database_url=database_url, url=url)
        production = production_settings(
            env, redis_port=redis_port, mail_port=mail.port, stripe_api=stripe_emulator.api_base
        )
        manage("collectstatic", "--noinput", env=production)
        logs = folder / "logs"
        logs.mkdir()
        with (
            start_process(redis_command(redis_port), env=production, log=logs / "redis.log"),
            start_process(
                gunicorn_command(gunicorn_port),
                env=production,
                log=logs / "gunicorn.log",
                cwd=ROOT,
            ),
            start_process(worker_command(), env=production, log=logs / "worker.log", cwd=ROOT),
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
