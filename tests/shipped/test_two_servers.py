"""Two app servers behind a load balancer, on one database and one Redis.

The shop is built as `make run` builds it and served by two gunicorn servers, each on its own
loopback port, with Caddy in front sending requests to them in turn (round robin), as a load
balancer would. A shopper browses, fills a basket, registers, checks out and pays by card,
every request landing on the other server; Stripe's webhook goes straight to one server and is
then delivered again to the other. A price staff change on one server shows on the other at
once, though the product page was kept in the shared cache.
"""

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg2
import pytest

from tests.browser.conftest import browser  # noqa: F401  (a fixture)
from tests.browser.shopper import Shopper, choose_size, fill_guest_address, starting_with
from tests.card_payments import WEBHOOK_SECRET
from tests.shipped.building import (
    LOOPBACK,
    ROOT,
    demo_shop,
    gunicorn_command,
    manage,
    production_settings,
    redis_command,
    servers_installed,
)
from tests.shipped.people import FLAKES, ShopStaff
from tests.shipped.servers import free_ports, shipped_database, start_process, wait_for_http

pytestmark = pytest.mark.slow

EMAIL = "two.servers@example.com"
PASSWORD = "quartz-lantern-harbour-97"
#: A request line in gunicorn's access log.
REQUEST = re.compile(r'"(GET|POST) (\S+) HTTP')


@dataclass(frozen=True)
class TwoServers:
    url: str
    servers: tuple[str, str]
    logs: Path
    database_url: str
    staff_password: str

    def requests_served(self) -> tuple[list[str], list[str]]:
        """Return the paths each server's access log has, in order."""
        return tuple(
            [path for _, path in REQUEST.findall((self.logs / f"server-{n}.log").read_text())]
            for n in (0, 1)
        )

    def query(self, statement: str, *params) -> list[tuple]:
        """Run ``statement`` (``%s`` for each of ``params``) on the shop's database; return rows."""
        if self.database_url.startswith("sqlite:///"):
            with sqlite3.connect(self.database_url.removeprefix("sqlite:///")) as connection:
                return connection.execute(statement.replace("%s", "?"), params).fetchall()
        connection = psycopg2.connect(self.database_url)
        try:
            with connection, connection.cursor() as cursor:
                cursor.execute(statement, params)
                return cursor.fetchall()
        finally:
            connection.close()


def load_balancer_config(folder: Path, *, port: int, upstreams: list[int]) -> Path:
    """Write a Caddyfile that hands requests to ``upstreams`` in turn."""
    config = folder / "Caddyfile"
    servers = " ".join(f"{LOOPBACK}:{upstream}" for upstream in upstreams)
    config.write_text(
        "{\n\tadmin off\n\tauto_https off\n}\n\n"
        f"http://{LOOPBACK}:{port} {{\n"
        f"\treverse_proxy {servers} {{\n\t\tlb_policy round_robin\n\t}}\n}}\n"
    )
    return config


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory, stripe_emulator) -> Iterator[TwoServers]:
    servers_installed()
    folder = tmp_path_factory.mktemp("two-servers")
    port, first, second, redis_port, mail_port = free_ports(5)
    url = f"http://{LOOPBACK}:{port}"
    with shipped_database(folder, suffix="_two_servers") as database_url:
        env, passwords = demo_shop(folder=folder, database_url=database_url, url=url)
        production = production_settings(
            env, redis_port=redis_port, mail_port=mail_port, stripe_api=stripe_emulator.api_base
        )
        manage("collectstatic", "--noinput", env=production)
        logs = folder / "logs"
        logs.mkdir()
        caddy = load_balancer_config(folder, port=port, upstreams=[first, second])
        with (
            start_process(redis_command(redis_port), env=production, log=logs / "redis.log"),
            start_process(
                gunicorn_command(first, workers=1),
                env=production,
                log=logs / "server-0.log",
                cwd=ROOT,
            ),
            start_process(
                gunicorn_command(second, workers=1),
                env=production,
                log=logs / "server-1.log",
                cwd=ROOT,
            ),
            start_process(
                ["caddy", "run", "--config", str(caddy), "--adapter", "caddyfile"],
                env={**production, "XDG_DATA_HOME": str(folder), "XDG_CONFIG_HOME": str(folder)},
                log=logs / "caddy.log",
            ),
        ):
            for server in (first, second):
                wait_for_http(f"http://{LOOPBACK}:{server}/", logs=logs)
            wait_for_http(f"{url}/", logs=logs)
            yield TwoServers(
                url=url,
                servers=(f"http://{LOOPBACK}:{first}", f"http://{LOOPBACK}:{second}"),
                logs=logs,
                database_url=database_url,
                staff_password=passwords["staff"],
            )


class Customer(Shopper):
    """A shopper who registers on the way to the checkout."""

    def add_size(self, size: str) -> None:
        choose_size(self.page, size)
        self.press("Add to basket", then=f"**{self.path()}")
        assert "added to your basket" in self.page.locator("#messages").inner_text()

    def register(self) -> None:
        self.open("/accounts/login/")
        form = self.page.locator("#register_form")
        form.get_by_label("Email address").fill(EMAIL)
        form.get_by_label("Password", exact=True).fill(PASSWORD)
        form.get_by_label("Confirm password").fill(PASSWORD)
        self.press("Register", then=re.compile(r"^https?://[^/]+/$"), within=form)

    def basket_lines(self) -> list[tuple[str, str]]:
        """Return each basket line's size and total, e.g. ("..., 2 kg", "£16.95")."""
        self.open_basket()
        rows = [
            " ".join(row.split())
            for row in self.page.locator("#basket_formset .basket-items").all_inner_texts()
        ]
        return sorted((row.split(" In stock")[0], row.split()[-1]) for row in rows)


def size_tile(context, url: str, path: str, size: str) -> str:
    """Return what the product page at ``url`` + ``path`` shows for ``size``: "3 kg £22.95"."""
    page = context.new_page()
    page.goto(f"{url}{path}")
    text = " ".join(page.locator("label.size-option", has_text=size).first.inner_text().split())
    page.close()
    return text


def test_a_shopper_moves_between_two_servers_from_basket_to_paid_order(
    browser,  # noqa: F811  (the fixture imported above)
    two_servers,
    stripe_emulator,
):
    context = browser.new_context(java_script_enabled=False, base_url=two_servers.url)
    context.set_default_timeout(15_000)
    shopper = Customer(context.new_page(), javascript=False)

    shopper.open("/")
    main = shopper.page.locator("main")
    shopper.follow(starting_with("Bath flakes"), then="**/catalogue/category/**", within=main)
    shopper.follow(FLAKES, then="**/catalogue/**", within=shopper.page.locator("main"))
    product_path = shopper.path()
    shopper.add_size("1 kg £9.95")
    shopper.add_size("2 kg £16.95")
    before = shopper.basket_lines()
    assert len(before) == 2

    shopper.register()
    assert shopper.basket_lines() == before  # the guest's basket is the customer's now

    shopper.follow("Proceed to checkout", then="**/checkout/shipping-address/")
    fill_guest_address(shopper.page)
    shopper.press("Continue", then="**/checkout/shipping-method/")
    shopper.press("Select option: Standard delivery", then="**/checkout/payment-method/")
    shopper.page.get_by_label("Card (debit or credit)").check()
    shopper.press("Continue", then="**/checkout/preview/")
    shopper.press("Place order", then="**/pay/cs_*")
    assert "Pay 30.85 GBP" in shopper.text()  # £9.95 + £16.95 + £3.95 delivery

    # Stripe tells the second server; then it tells the first one the same thing again.
    stripe_emulator.deliver_to(f"{two_servers.servers[1]}/payments/stripe/webhook/", WEBHOOK_SECRET)
    shopper.press("Pay", then=f"{two_servers.url}/checkout/thank-you/")
    assert "£30.85 was paid by card" in shopper.text()
    assert stripe_emulator.deliveries == [("checkout.session.completed", 200)]
    again = stripe_emulator.deliver_again(f"{two_servers.servers[0]}/payments/stripe/webhook/")
    assert again == 200

    number = re.search(r"your order number is\s+(\d+)", shopper.text(), re.IGNORECASE).group(1)
    statuses = two_servers.query("SELECT status FROM order_order WHERE number = %s", number)
    assert statuses == [("Being processed",)]
    paid = two_servers.query(
        "SELECT COUNT(*) FROM order_paymentevent JOIN order_paymenteventtype AS kind "
        "ON kind.id = order_paymentevent.event_type_id JOIN order_order AS o "
        "ON o.id = order_paymentevent.order_id WHERE o.number = %s AND kind.name = 'Paid'",
        number,
    )
    assert paid == [(1,)]
    confirmations = two_servers.query(
        "SELECT COUNT(*) FROM shop_mail_outgoingemail WHERE subject LIKE %s", f"%{number}%"
    )
    assert confirmations == [(1,)]

    first, second = two_servers.requests_served()
    assert len(first) > 10 and len(second) > 10
    assert abs(len(first) - len(second)) <= 3  # each request went to the other server
    context.close()

    # Staff change a price on the first server; the second shows it straight away.
    reader = browser.new_context(java_script_enabled=False)
    before = size_tile(reader, two_servers.servers[1], product_path, "5 kg")
    assert before.startswith("5 kg £") and before != "5 kg £32.45"
    staff_context = browser.new_context(java_script_enabled=False, base_url=two_servers.servers[0])
    staff = ShopStaff(staff_context.new_page(), javascript=False)
    staff.sign_in_as("staff", two_servers.staff_password)
    (five_kg,) = two_servers.query(
        "SELECT product_id FROM partner_stockrecord WHERE partner_sku = %s",
        "MW-FLAKES-ZECHSTEIN-5KG",
    )[0]
    staff.open(f"/dashboard/catalogue/products/{five_kg}/")
    staff.field("stockrecords-0-price").fill("32.45")
    staff.press("Save", then="**/dashboard/catalogue/")
    assert size_tile(reader, two_servers.servers[1], product_path, "5 kg") == "5 kg £32.45"
    staff_context.close()
    reader.close()
