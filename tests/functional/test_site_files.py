"""robots.txt keeps crawlers out of one person's pages and staff pages; security.txt says whom to
tell about a security problem (RFC 9116). Both are plain text, made from the settings."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
PRIVATE = ["/checkout/", "/accounts/", "/dashboard/", "/admin/", "/search/"]


def fields(response) -> dict[str, list[str]]:
    """Return the ``Name: value`` lines of a plain-text file, values by name."""
    found: dict[str, list[str]] = {}
    for line in response.content.decode().splitlines():
        if line.strip():
            name, value = line.split(":", 1)
            found.setdefault(name, []).append(value.strip())
    return found


def test_robots_txt_keeps_crawlers_out_of_private_sections(client, settings):
    settings.SHOP_BASE_URL = "https://shop.example"

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    robots = fields(response)
    assert robots["User-agent"] == ["*"]
    assert sorted(robots["Disallow"]) == sorted(PRIVATE)
    assert robots["Sitemap"] == ["https://shop.example/sitemap.xml"]


def test_robots_txt_keeps_crawlers_out_of_private_sections_in_every_language_offered(
    client, settings
):
    settings.LANGUAGES = [("en-gb", "English"), ("de", "German")]

    disallowed = fields(client.get("/robots.txt"))["Disallow"]

    for path in PRIVATE:
        assert path in disallowed
        assert f"/de{path}" in disallowed
    assert "/" not in disallowed


def test_robots_txt_lets_crawlers_read_the_catalogue_and_the_shop_pages(client):
    disallowed = fields(client.get("/robots.txt"))["Disallow"]

    for public in ["/catalogue/", "/articles/", "/conditions/", "/delivery/", "/returns/"]:
        assert not any(public.startswith(path) for path in disallowed)


def test_security_txt_names_the_contact_expiry_language_and_canonical_address(client, settings):
    settings.SHOP_BASE_URL = "https://shop.example"
    settings.SHOP_TRADER_EMAIL = "security@shop.example"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    security = fields(response)
    assert security["Contact"] == ["mailto:security@shop.example"]
    assert security["Preferred-Languages"] == ["en"]
    assert security["Canonical"] == ["https://shop.example/.well-known/security.txt"]
    (expires,) = security["Expires"]
    assert expires.endswith("Z")
    expiry = datetime.datetime.fromisoformat(expires)
    assert timezone.now() + datetime.timedelta(days=150) < expiry
    assert expiry < timezone.now() + datetime.timedelta(days=365)


def test_reading_the_plain_text_files_writes_nothing(client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/robots.txt")
        client.get("/.well-known/security.txt")

    assert [query["sql"] for query in queries if WRITE.match(query["sql"])] == []
