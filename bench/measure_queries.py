"""Count the SQL queries of each benchmarked page in-process, and prepare the HTTP load.

Run by ``bench/run.py`` under either shop's settings (DEBUG off), with Django's test client:
``python measure_queries.py OUT.json [--pages a,b] [--inputs] [--basket-growth]``.

For every page: its status, the queries of one request once the process is warm (``served``),
the queries of rendering it with our shop's page and fragment caches off (``rendered``; for
stock Oscar the two are the same), the product cards it shows and the result count it states.
``--basket-growth`` adds the queries of adding to the basket and of the basket page at 1, 3, 10
and 30 lines. ``--inputs`` adds what the HTTP load needs: the pages' addresses, a CSRF cookie and
token, and the cookies of a 3-line and a 30-line basket.
"""

import argparse
import json
import re
from http.cookies import SimpleCookie

import django

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from oscar.core.loading import get_model  # noqa: E402

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")

BASKET_LINES = (1, 3, 10, 30)
PRODUCT_CARD = re.compile(r'<article class="product_pod[" ]')
RESULT_COUNT = re.compile(r"<strong>([\d,]+)</strong>\s*(?:results?|products?)\b")
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUANTITY_FIELD = re.compile(r'name="[^"]*-quantity"')


def pages() -> list[tuple[str, str, str]]:
    """Return the pages to measure: name, method, address."""
    parent = Product.objects.filter(structure="parent").order_by("pk").first()
    child = Product.objects.filter(parent=parent).order_by("pk").first()
    category = Category.objects.order_by("pk").first()
    listed = [
        ("home", "GET", "/"),
        ("catalogue", "GET", "/catalogue/"),
        ("category", "GET", category.get_absolute_url()),
        ("product_parent", "GET", parent.get_absolute_url()),
        ("product_child", "GET", child.get_absolute_url()),
        ("basket_add", "POST", f"/basket/add/{child.pk}/"),
        ("basket_3", "GET", "/basket/"),
        ("basket_30", "GET", "/basket/"),
        ("search", "GET", "/search/?q=flakes"),
    ]
    if apps.is_installed("content"):
        from content.models import Article, ConditionPage

        condition = ConditionPage.objects.order_by("position", "pk").first()
        listed += [
            ("conditions", "GET", "/conditions/"),
            ("condition", "GET", condition.get_absolute_url()),
            ("article", "GET", Article.objects.order_by("pk").first().get_absolute_url()),
        ]
    return listed


class Visitor:
    """A visitor with nothing but a CSRF cookie, made afresh for every request.

    One test client is reused: a new one would build the middleware chain again, which a
    gunicorn worker does once, at start-up.
    """

    def __init__(self) -> None:
        self.client = Client(enforce_csrf_checks=True)
        size = Product.objects.filter(structure="child").order_by("pk").first()
        page = self.client.get(size.get_absolute_url())
        self.csrf_token = CSRF_TOKEN.search(page.content.decode()).group(1)
        self.csrf_cookie = self.client.cookies[settings.CSRF_COOKIE_NAME].value

    def fresh(self, basket: str | None = None) -> Client:
        """Return the client with only the CSRF cookie, and the basket cookie ``basket``."""
        self.client.cookies = SimpleCookie()
        self.client.cookies[settings.CSRF_COOKIE_NAME] = self.csrf_cookie
        if basket:
            self.client.cookies[settings.OSCAR_BASKET_COOKIE_OPEN] = basket
        return self.client

    def add(self, client: Client, product_id: int):
        """Add one of ``product_id`` to the client's basket, as the product page's form does."""
        response = client.post(
            f"/basket/add/{product_id}/", {"csrfmiddlewaretoken": self.csrf_token, "quantity": 1}
        )
        if response.status_code != 302:
            raise SystemExit(f"adding product {product_id} answered {response.status_code}")
        return response

    def basket_of(self, lines: int) -> str:
        """Return the cookie of a new basket holding one size of ``lines`` different products."""
        client = self.fresh()
        for product in sizes_of_different_products(lines):
            self.add(client, product.pk)
        return client.cookies[settings.OSCAR_BASKET_COOKIE_OPEN].value

    def request(self, method: str, url: str, basket: str | None = None):
        client = self.fresh(basket)
        if method == "POST":
            return client.post(url, {"csrfmiddlewaretoken": self.csrf_token, "quantity": 1})
        return client.get(url)


def sizes_of_different_products(count: int) -> list:
    """Return the first size of ``count`` different parent products."""
    return list(Product.objects.filter(structure="child").order_by("pk")[: 3 * count : 3])


def queries_of(send) -> tuple[int, object]:
    """Return how many queries ``send()`` ran, and its response."""
    with CaptureQueriesContext(connection) as captured:
        response = send()
    return len(captured.captured_queries), response


def measure_page(visitor: Visitor, method: str, url: str, basket: str | None) -> dict:
    """Return a page's status, queries served and rendered, and the products it shows."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        visitor.request(method, url, basket)
        rendered, response = queries_of(lambda: visitor.request(method, url, basket))
    visitor.request(method, url, basket)
    served, _ = queries_of(lambda: visitor.request(method, url, basket))
    body = response.content.decode("utf-8", "replace")
    count = RESULT_COUNT.search(body)
    return {
        "status": response.status_code,
        "location": response.get("Location"),
        "served": served,
        "rendered": rendered,
        "products_shown": len(PRODUCT_CARD.findall(body)),
        "results": int(count.group(1).replace(",", "")) if count else None,
    }


def basket_growth(visitor: Visitor) -> dict:
    """Return the queries of adding the n-th line and of the basket page at n lines."""
    products = sizes_of_different_products(max(BASKET_LINES))
    growth = {}
    for lines in (lines for lines in BASKET_LINES if lines <= len(products)):
        client = visitor.fresh()
        for product in products[: lines - 1]:
            visitor.add(client, product.pk)
        adding, _ = queries_of(lambda c=client, n=lines: visitor.add(c, products[n - 1].pk))
        client.get("/basket/")
        page, response = queries_of(lambda c=client: c.get("/basket/"))
        shown = len(QUANTITY_FIELD.findall(response.content.decode()))
        growth[str(lines)] = {"add": adding, "page": page, "lines_shown": shown}
    return growth


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--pages", help="comma-separated names of the pages to measure")
    parser.add_argument("--inputs", action="store_true")
    parser.add_argument("--basket-growth", action="store_true")
    args = parser.parse_args()
    visitor = Visitor()
    listed = pages()
    wanted = args.pages.split(",") if args.pages else [name for name, _, _ in listed]
    baskets = {
        name: visitor.basket_of(lines)
        for name, lines in (("basket_3", 3), ("basket_30", 30))
        if args.inputs or name in wanted
    }
    result = {
        "conn_max_age": settings.DATABASES["default"].get("CONN_MAX_AGE", 0),
        "pages": {
            name: measure_page(visitor, method, url, baskets.get(name))
            for name, method, url in listed
            if name in wanted
        },
    }
    if args.basket_growth:
        result["basket_growth"] = basket_growth(visitor)
    if args.inputs:
        result["inputs"] = {
            "pages": {name: {"method": method, "url": url} for name, method, url in listed},
            "csrf_cookie_name": settings.CSRF_COOKIE_NAME,
            "csrf_cookie": visitor.csrf_cookie,
            "csrf_token": visitor.csrf_token,
            "basket_cookie_name": settings.OSCAR_BASKET_COOKIE_OPEN,
            "baskets": baskets,
        }
    with open(args.out, "w") as out:
        json.dump(result, out, indent=1)


main()
