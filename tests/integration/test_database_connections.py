"""A web process keeps its database connection between requests, and survives losing it.

A persistent connection can be dropped by the server at any time (a restart, a failover, an
idle timeout). Each request checks the connection before its first query and opens a new one if
the old is gone, so the shopper never sees the loss. Django's test client skips the checks a
WSGI server makes at each request's start and end, so the shop is served here by gunicorn.
"""

import os
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.db import connection

from tests.factories import sized_product
from tests.shipped.servers import LOOPBACK, free_port, start_process, wait_for_http

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL server connections only: SQLite has no server to drop them",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
#: How the web process names itself to PostgreSQL, so the test finds its connection.
APPLICATION_NAME = "shop-under-test"


def database_url_for_web_process() -> str:
    """Return a URL for the test database that names the web process to the server."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(
        parts._replace(
            path=f"/{connection.settings_dict['NAME']}",
            query=f"application_name={APPLICATION_NAME}",
        )
    )


@pytest.fixture
def served_shop(tmp_path, transactional_db) -> Iterator[str]:
    """Serve the shop with one gunicorn worker on the test database; return its address."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "store.settings.test",
        "DATABASE_URL": database_url_for_web_process(),
    }
    env.pop("DJANGO_DB_CONN_MAX_AGE", None)  # the shipped default
    command = [sys.executable, "-m", "gunicorn", "store.wsgi:application", "--workers", "1"]
    with start_process(
        [*command, "--bind", f"{LOOPBACK}:{port}"], env=env, log=tmp_path / "gunicorn.log", cwd=ROOT
    ):
        url = f"http://{LOOPBACK}:{port}"
        wait_for_http(f"{url}/", logs=tmp_path)
        yield url


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310  (loopback)
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def drop_web_connections() -> int:
    """Terminate, on the server's side, every connection the web process holds; count them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE application_name = %s",
            [APPLICATION_NAME],
        )
        return cursor.fetchone()[0]


def test_a_request_after_the_server_dropped_the_connection_is_served(served_shop):
    product_page = served_shop + sized_product(sizes=2).get_absolute_url()
    assert status_of(product_page) == 200

    assert drop_web_connections() == 1, "the web process kept no connection between requests"

    assert status_of(product_page) == 200
    assert status_of(product_page) == 200
