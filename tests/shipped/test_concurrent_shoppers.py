"""Shoppers fill their baskets at the same moment on the shipped shop, and none sees an error.

The shop runs as deployed: two gunicorn workers, each with its own database connection. On
SQLite both write one file, and the settings make them take turns (WAL journal, transactions
that claim the write lock as they begin, a busy timeout) instead of failing a request with
"database is locked". On PostgreSQL the same journeys prove the same thing of its locks.
"""

import re
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.error import HTTPError
from urllib.parse import urlencode, urlsplit
from urllib.request import HTTPCookieProcessor, Request, build_opener

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

SHOPPERS = 4
SIZES_EACH = 10
PRODUCT_LINK = re.compile(r"^/catalogue/[\w-]+_\d+/$")


class LoopbackCookiePolicy(DefaultCookiePolicy):
    """Send ``Secure`` cookies to a loopback address over plain HTTP, as browsers do."""

    def return_ok_secure(self, cookie, request) -> bool:
        return urlsplit(request.get_full_url()).hostname == "127.0.0.1" or super().return_ok_secure(
            cookie, request
        )


class Shopper:
    """Someone using the shop over HTTP with cookies of their own, as a browser would."""

    def __init__(self, shop_url: str) -> None:
        self.shop_url = shop_url
        self.browser = build_opener(HTTPCookieProcessor(CookieJar(LoopbackCookiePolicy())))
        self.failures: list[str] = []

    def open(self, path: str, form: dict[str, str] | None = None) -> str:
        """Return the page at ``path`` (sending ``form`` when given); note any answer but 200."""
        data = urlencode(form).encode() if form is not None else None
        request = Request(self.shop_url + path, data=data)  # noqa: S310  (the shop on loopback)
        try:
            with self.browser.open(request, timeout=60) as answer:
                return answer.read().decode()
        except HTTPError as error:
            self.failures.append(f"{'POST' if form else 'GET'} {path}: {error.code}")
            return error.read().decode(errors="replace")

    def add_to_basket(self, product_path: str, size_id: str) -> None:
        """Add one of the size ``size_id`` from the product page at ``product_path``."""
        page = BeautifulSoup(self.open(product_path), "html.parser")
        form = page.find("form", id="add_to_basket_form")
        answer = self.open(
            form["action"],
            {
                "csrfmiddlewaretoken": form.find("input", {"name": "csrfmiddlewaretoken"})["value"],
                "child_id": size_id,
                "quantity": "1",
            },
        )
        if "added to your basket" not in answer:
            self.failures.append(f"size {size_id} of {product_path} was not added")

    def basket_lines(self) -> int:
        """Return how many lines the basket page lists."""
        page = BeautifulSoup(self.open("/basket/"), "html.parser")
        return len(page.select("form#basket_formset input[name$='-quantity']"))


def sizes_on_sale(shop_url: str, count: int) -> list[tuple[str, str]]:
    """Return ``count`` (product page, size id) pairs that can be added to a basket."""
    browsing = Shopper(shop_url)
    catalogue = BeautifulSoup(browsing.open("/catalogue/"), "html.parser")
    product_paths = sorted({link["href"] for link in catalogue.find_all("a", href=PRODUCT_LINK)})
    sizes = []
    for path in product_paths:
        page = BeautifulSoup(browsing.open(path), "html.parser")
        form = page.find("form", id="add_to_basket_form")
        choices = form.find_all("input", {"name": "child_id", "disabled": False}) if form else []
        sizes += [(path, choice["value"]) for choice in choices]
    assert len(sizes) >= count, f"the demo shop has only {len(sizes)} sizes on sale"
    return sizes[:count]


def fill_basket(shopper: Shopper, sizes: list[tuple[str, str]]) -> Shopper:
    """Have ``shopper`` add every one of ``sizes`` to their basket, one after another."""
    for product_path, size_id in sizes:
        shopper.add_to_basket(product_path, size_id)
    return shopper


@pytest.mark.parametrize("shipped_shop", ["js-off"], indirect=True)
def test_four_shoppers_adding_ten_sizes_each_at_once_all_succeed(shipped_shop):
    sizes = sizes_on_sale(shipped_shop.url, SIZES_EACH)
    shoppers = [Shopper(shipped_shop.url) for _ in range(SHOPPERS)]

    with ThreadPoolExecutor(max_workers=SHOPPERS) as pool:
        finished = list(pool.map(fill_basket, shoppers, [sizes] * SHOPPERS))

    assert [failure for shopper in finished for failure in shopper.failures] == []
    assert [shopper.basket_lines() for shopper in finished] == [SIZES_EACH] * SHOPPERS
