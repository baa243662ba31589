"""Print the SQL queries and the time each shop page costs, in a scratch database.

Run ``.venv/bin/python scripts/benchmark_pages.py [--products N] [--sizes S] [--linked L]``.
The database is a fresh one beside the configured one (a temporary SQLite file, or
``<name>_benchmark`` on the server DATABASE_URL names); it is dropped at the end. Each page is
timed by the wall clock and by the CPU time of this process (steadier on a busy machine). The
condition page links ``L`` of the products. The Stripe webhook is measured too: a signed
``checkout.session.completed`` that settles an order, and the same event repeated.
"""

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "store.settings.test")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

from store.payments.card import Card  # noqa: E402
from store.payments.models import CardPayment  # noqa: E402
from tests.content_factories import ConditionPageFactory  # noqa: E402
from tests.factories import browsing_catalogue, guest_order  # noqa: E402
from tests.stripe_emulator import signed_webhook  # noqa: E402

WEBHOOK = "/payments/stripe/webhook/"
#: A made-up signing secret: the benchmark signs its own events and checks them.
BENCHMARK_SECRET = "whsec_benchmark"  # noqa: S105


def scratch_database_name(folder: str) -> str:
    """Return the name of a database the benchmark may create and drop."""
    if connection.vendor == "sqlite":
        return str(Path(folder) / "benchmark.sqlite3")
    return f"{connection.settings_dict['NAME']}_benchmark"


def measure(client: Client, url: str, requests: int) -> tuple[int, float, float, float]:
    """Return the queries one request to ``url`` costs, the median and p95 milliseconds, and
    the median CPU milliseconds."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries)
    timings, cpu = [], []
    for _ in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    median, p95 = statistics.median(timings), statistics.quantiles(timings, n=20)[-1]
    return count, median, p95, statistics.median(cpu)


def awaiting_card_payment(size, index: int) -> CardPayment:
    """Place a guest order for ``size`` awaiting a card payment on a made-up session."""
    order = guest_order(size=size, email=f"bench{index}@example.com")
    order.sources.create(
        source_type=Card().source_type(),
        currency=order.currency,
        amount_allocated=order.total_incl_tax,
        reference=f"cs_bench_{index}",
    )
    return CardPayment.objects.create(
        order=order,
        session_id=f"cs_bench_{index}",
        session_url=f"https://checkout.stripe.com/c/pay/cs_bench_{index}",
        amount=order.total_incl_tax,
        currency=order.currency,
        expires_at=order.date_placed,
    )


def completed_event(payment: CardPayment) -> dict:
    """Return a Stripe-shaped checkout.session.completed event saying ``payment`` is paid."""
    return {
        "id": f"evt_{payment.session_id}",
        "object": "event",
        "type": "checkout.session.completed",
        "created": int(time.time()),
        "data": {
            "object": {
                "id": payment.session_id,
                "object": "checkout.session",
                "status": "complete",
                "payment_status": "paid",
                "payment_intent": f"pi_{payment.session_id}",
                "amount_total": int(payment.amount * 100),
                "currency": payment.currency.lower(),
                "expires_at": int(time.time()),
            }
        },
    }


def measure_webhook(client: Client, size, requests: int) -> dict[str, tuple[int, float, float]]:
    """Time signed webhooks that settle an order each, then the same events sent again."""
    settings.STRIPE_WEBHOOK_SECRET = BENCHMARK_SECRET
    size.stockrecords.update(num_in_stock=10 * (requests + 1), num_allocated=0)
    signed = [
        signed_webhook(completed_event(awaiting_card_payment(size, index)), BENCHMARK_SECRET)
        for index in range(requests + 1)
    ]
    results = {}
    for label in ("webhook", "repeat"):
        timings, counts = [], []
        for payload, signature in signed:
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.post(
                    WEBHOOK,
                    payload,
                    content_type="application/json",
                    HTTP_STRIPE_SIGNATURE=signature,
                )
                timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"The webhook answered {response.status_code}: {response.content}")
            counts.append(len(queries))
        results[label] = (
            max(counts),
            statistics.median(timings),
            statistics.quantiles(timings, n=20)[-1],
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=50)
    parser.add_argument("--sizes", type=int, default=4)
    parser.add_argument("--linked", type=int, default=50, help="products on a condition page")
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    logging.disable(logging.WARNING)  # the shop's own log lines would drown the figures
    setup_test_environment()
    folder = tempfile.TemporaryDirectory(prefix="store-benchmark-")
    connection.settings_dict["TEST"]["NAME"] = scratch_database_name(folder.name)
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        category, products = browsing_catalogue(products=args.products, sizes=args.sizes)
        condition = ConditionPageFactory(published=True, products=products[: args.linked])
        pages = {
            "home": "/",
            "catalogue": "/catalogue/",
            "category": category.get_absolute_url(),
            "search": "/search/?q=flakes",
            "product": products[0].get_absolute_url(),
            "condition": condition.get_absolute_url(),
        }
        client = Client()
        for product in products[1:7]:
            client.get(product.get_absolute_url())
        print(
            f"{connection.vendor}, {args.products} products x {args.sizes} sizes, "
            f"{min(args.linked, args.products)} on the condition page"
        )
        print(f"{'page':<10} {'queries':>7} {'median ms':>10} {'p95 ms':>8} {'cpu ms':>7}")
        for page, url in pages.items():
            queries, median, p95, cpu = measure(client, url, args.requests)
            print(f"{page:<10} {queries:>7} {median:>10.1f} {p95:>8.1f} {cpu:>7.1f}")
        size = products[0].children.first()
        for label, (queries, median, p95) in measure_webhook(client, size, args.requests).items():
            print(f"{label:<10} {queries:>7} {median:>10.1f} {p95:>8.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        folder.cleanup()


if __name__ == "__main__":
    main()
