"""The benchmark's report: wrk's output read right, and each target of issue 16 judged from the
figures, on PostgreSQL, with the cached pages held against our own trivial view."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:8801/catalogue/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.10ms    1.20ms  30.00ms   90.00%
  Latency Distribution
     50%  812.00us
     75%    3.00ms
     90%    5.00ms
     99%    1.20s
  4200 requests in 10.00s, 50.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    420.00
Transfer/sec:      5.00MB
"""


def load_module(name):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report():
    return load_module("report")


@pytest.fixture(scope="module")
def load():
    return load_module("load")


def run(rps, errors=0):
    return {"rps": rps, "p50_ms": 5.0, "p99_ms": 20.0, "requests": int(rps * 10), "errors": errors}


def page(queries, shown=0, results=None, status=200, rendered=None):
    return {
        "status": status,
        "location": None,
        "served": queries,
        "rendered": queries if rendered is None else rendered,
        "products_shown": shown,
        "results": results,
    }


def database(**ours_rates):
    """Figures for one database where ours beats every bar, but for the rates given."""
    ours = {
        "hello": 1000,
        "hello_end": 800,
        "home": 600,
        "catalogue": 400,
        "category": 500,
        "product_parent": 700,
        "product_child": 700,
        "basket_3": 60,
        "basket_30": 60,
        "search": 400,
        "condition": 450,
        "article": 650,
        "basket_add": 30,
    } | ours_rates
    stock = {"hello": 900, "catalogue": 40, "category": 40, "product_parent": 50}
    stock |= {"basket_30": 5, "search": 4}
    whoosh = {"catalogue": 4, "category": 4, "search": 20}
    growth = {str(n): {"add": 30, "page": 17, "lines_shown": n} for n in (1, 3, 10, 30)}
    return {
        "label": "PostgreSQL 15.20",
        "queries": {
            "ours": {
                "conn_max_age": 60,
                "pages": {
                    "catalogue": page(0, shown=24, results=2000, rendered=11),
                    "condition": page(0, shown=50, rendered=15),
                },
                "basket_growth": growth,
            },
            "stock": {"conn_max_age": 0, "pages": {"catalogue": page(8, results=0)}},
            "stock_whoosh": {"pages": {"catalogue": page(160, shown=20, results=2000)}},
        },
        "load": {
            "ours": {name: run(rate) for name, rate in ours.items()},
            "stock": {name: run(rate) for name, rate in stock.items()},
            "stock_whoosh": {name: run(rate) for name, rate in whoosh.items()},
        },
    }


def results(**databases):
    return {
        "header": {"date": "2026-11-30 19:00 UTC"},
        "parents": 2000,
        "small": 200,
        "duration": 10,
        "concurrency": 4,
        "databases": databases,
    }


def verdicts(report, measured):
    return {target.name: target for target in report.targets(measured, "postgres")}


def test_wrk_output_gives_rate_percentiles_in_ms_and_every_error(load):
    figures = load.parse_wrk(WRK_OUTPUT)

    assert figures == {
        "rps": 420.0,
        "p50_ms": 0.812,
        "p99_ms": 1200.0,
        "requests": 4200,
        "errors": 7,
    }


def test_output_that_is_not_wrks_is_refused(load):
    with pytest.raises(ValueError):
        load.parse_wrk("unable to connect to 127.0.0.1:8801 Connection refused")


def test_a_shop_that_clears_every_bar_passes_every_target(report):
    found = report.targets(results(postgres=database(), sqlite=database()), "postgres")

    assert len(found) == 16
    assert [target.name for target in found if not target.passed] == []


def test_a_ratio_below_its_bar_fails_with_its_figure(report):
    found = verdicts(report, results(postgres=database(search=90)))

    assert found["search vs stock with Whoosh"].figure == "4.5x"
    assert not found["search vs stock with Whoosh"].passed
    assert found["search vs stock (default backend)"].passed


def test_cached_pages_are_held_against_the_mean_of_ours_hello_runs(report):
    found = verdicts(report, results(postgres=database(home=440, article=460)))

    assert found["home, share of the trivial view"].figure == "49%"
    assert not found["home, share of the trivial view"].passed
    assert found["article, share of the trivial view"].passed


def test_basket_queries_must_not_grow_with_its_lines(report):
    measured = database()
    measured["queries"]["ours"]["basket_growth"]["30"]["page"] = 18

    found = verdicts(report, results(postgres=measured))

    target = found["basket page queries at 1 and 30 lines"]
    assert (target.figure, target.passed) == ("17 and 18", False)


def test_a_page_not_measured_fails(report):
    measured = database()
    del measured["load"]["ours"]["condition"]

    found = verdicts(report, results(postgres=measured))

    target = found["condition page (50 products)"]
    assert (target.figure, target.passed) == ("not measured", False)


def test_only_ours_errors_count_on_either_database(report):
    failing = database()
    failing["load"]["ours"]["basket_add"]["errors"] = 3
    stock_errors = database()
    stock_errors["load"]["stock"]["product_parent"]["errors"] = 9

    with_ours_errors = verdicts(report, results(postgres=stock_errors, sqlite=failing))
    with_stock_errors = verdicts(report, results(postgres=stock_errors))

    name = "ours' errors, every page, PostgreSQL and SQLite"
    assert with_ours_errors[name].figure == "SQLite basket_add 3"
    assert not with_ours_errors[name].passed
    assert with_stock_errors["ours' errors, every page, PostgreSQL"].passed


def test_the_report_has_a_table_per_database_and_the_targets_last(report):
    printed = report.render(results(postgres=database(), sqlite=database()))

    assert printed.count("PostgreSQL 15.20: 2000 parent products x 3 sizes") == 2
    catalogue = next(line for line in printed.splitlines() if line.startswith("catalogue"))
    assert catalogue.split()[:5] == ["catalogue", "400", "40.0", "/", "4.0"]
    assert "0 (11) / 8 / 160" in catalogue
    assert "24 of 2000 / 0 of 0 / 20 of 2000" in catalogue
    assert printed.rstrip().splitlines()[-1].split()[-1] == "PASS"
    assert "16 of 16 pass" in printed
