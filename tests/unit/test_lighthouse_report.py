"""The Lighthouse table: scores as whole numbers, and a page's weight without scripts counted
from the network log, against the stylesheet every stock Oscar page links."""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="module")
def report_module():
    sys.path.insert(0, str(SCRIPTS))
    try:
        spec = importlib.util.spec_from_file_location(
            "lighthouse_report", SCRIPTS / "lighthouse_report.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(SCRIPTS))


def lighthouse_result(requests):
    categories = {"performance": 0.951, "accessibility": 1, "best-practices": 1, "seo": None}
    return {
        "categories": {name: {"score": score} for name, score in categories.items()},
        "audits": {
            "total-byte-weight": {"numericValue": 41000.0},
            "network-requests": {"details": {"items": requests}},
        },
    }


def test_the_weight_without_scripts_leaves_the_scripts_out(report_module):
    page = report_module.Page("Home", "http://127.0.0.1:8000/")
    result = lighthouse_result(
        [
            {"resourceType": "Document", "resourceSize": 20000},
            {"resourceType": "Stylesheet", "resourceSize": 9000},
            {"resourceType": "Image", "resourceSize": 12000},
            {"resourceType": "Script", "resourceSize": 5000},
            {"resourceType": "Image"},
        ]
    )

    measurement = report_module.read_report(page, result)

    assert measurement.bytes_without_scripts == 41000
    assert measurement.total_bytes == 41000
    assert measurement.scores == {
        "performance": 95,
        "accessibility": 100,
        "best-practices": 100,
        "seo": None,
    }


def test_the_table_compares_each_page_with_stock_oscars_stylesheet(report_module):
    page = report_module.Page("Home", "http://127.0.0.1:8000/")
    measurement = report_module.read_report(
        page, lighthouse_result([{"resourceType": "Document", "resourceSize": 30000}])
    )

    printed = report_module.table([measurement], stock_floor=120000)

    row = printed.splitlines()[2].split()
    assert row[:2] == ["Home", "/"]
    assert row[-2:] == ["30,000", "0.25"]
    assert "120,000 bytes" in printed


def test_the_stock_floor_is_oscars_own_stylesheet(report_module):
    assert report_module.stock_oscar_stylesheet_bytes() > 100_000
