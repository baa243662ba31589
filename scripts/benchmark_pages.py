"""Print the SQL queries and the time each shop page costs, in a scratch database.

Run ``.venv/bin/python scripts/benchmark_pages.py [--products N] [--sizes S]``. The database
is a fresh one beside the configured one (a temporary SQLite file, or ``<name>_benchmark`` on
the server DATABASE_URL names); it is dropped at the end.
"""

import argparse
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

from tests.factories import browsing_catalogue  # noqa: E402


def scratch_database_name(folder: str) -> str:
    """Return the name of a database the benchmark may create and drop."""
    if connection.vendor == "sqlite":
        return str(Path(folder) / "benchmark.sqlite3")
    return f"{connection.settings_dict['NAME']}_benchmark"


def measure(client: Client, url: str, requests: int) -> tuple[int, float, float]:
    """Return the queries one request to ``url`` costs, and the median and p95 milliseconds."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries)
    timings = []
    for _ in range(requests):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return count, statistics.median(timings), statistics.quantiles(timings, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=50)
    parser.add_argument("--sizes", type=int, default=4)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    setup_test_environment()
    folder = tempfile.TemporaryDirectory(prefix="store-benchmark-")
    connection.settings_dict["TEST"]["NAME"] = scratch_database_name(folder.name)
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        category, products = browsing_catalogue(products=args.products, sizes=args.sizes)
        pages = {
            "home": "/",
            "catalogue": "/catalogue/",
            "category": category.get_absolute_url(),
            "search": "/search/?q=flakes",
            "product": products[0].get_absolute_url(),
        }
        client = Client()
        for product in products[1:7]:
            client.get(product.get_absolute_url())
        print(f"{connection.vendor}, {args.products} products x {args.sizes} sizes")
        print(f"{'page':<10} {'queries':>7} {'median ms':>10} {'p95 ms':>8}")
        for page, url in pages.items():
            queries, median, p95 = measure(client, url, args.requests)
            print(f"{page:<10} {queries:>7} {median:>10.1f} {p95:>8.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        folder.cleanup()


if __name__ == "__main__":
    main()
