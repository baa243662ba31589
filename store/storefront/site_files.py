"""The plain-text files robots and people look for at fixed addresses: robots.txt and
security.txt (RFC 9116), written from the URL configuration and the settings as they are asked
for."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from store.storefront.site import absolute_url

#: The sections crawlers have no business in: one person's pages, staff pages, search results.
#: The basket is not among them: its address holds nothing of anyone's (a crawler only ever
#: sees an empty basket), and shops are measured on it like any other page.
PRIVATE_SECTIONS = (
    "checkout:index",
    "customer:summary",
    "dashboard:index",
    "admin:index",
    "search:search",
)

#: How long a security.txt stays valid; RFC 9116 asks for less than a year.
SECURITY_TXT_VALID_FOR = datetime.timedelta(days=180)


def private_paths() -> list[str]:
    """Return the address of each private section in every language the shop speaks."""
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.update(reverse(name) for name in PRIVATE_SECTIONS)
    return sorted(paths)


def robots_txt() -> str:
    """Return robots.txt: every crawler kept out of the private sections, and the sitemap."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in private_paths())]
    lines += ["", f"Sitemap: {absolute_url(reverse('sitemap'))}"]
    return "\n".join(lines) + "\n"


def security_txt(*, now: datetime.datetime) -> str:
    """Return security.txt: whom to tell about a security problem, valid for half a year.

    It expires at midnight (UTC) 180 days after ``now``'s date, so it reads the same all day.
    """
    today = now.astimezone(datetime.UTC).date()
    expires = datetime.datetime.combine(today + SECURITY_TXT_VALID_FOR, datetime.time())
    fields = [
        ("Contact", f"mailto:{settings.SHOP_TRADER_EMAIL}"),
        ("Expires", f"{expires:%Y-%m-%dT%H:%M:%S}Z"),
        ("Preferred-Languages", "en"),
        ("Canonical", absolute_url(reverse("security-txt"))),
    ]
    return "".join(f"{name}: {value}\n" for name, value in fields)
