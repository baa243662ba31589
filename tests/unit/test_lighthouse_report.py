"""The Lighthouse table: scores as whole numbers, and each page's first screen weighed against
the stylesheet every stock Oscar page links."""

import dataclasses
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


def test_scores_are_whole_numbers_and_an_unscored_category_is_none(report_module):
    page = report_module.Page("Home", "http://127.0.0.1:8000/")

    measurement = report_module.read_report(page, lighthouse_result([]))

    assert measurement.total_bytes == 41000
    assert measurement.first_screen_bytes == 0
    assert measurement.scores == {
        "performance": 95,
        "accessibility": 100,
        "best-practices": 100,
        "seo": None,
    }


def test_the_table_compares_each_page_with_stock_oscars_stylesheet(report_module):
    page = report_module.Page("Home", "http://127.0.0.1:8000/")
    measurement = dataclasses.replace(
        report_module.read_report(page, lighthouse_result([])), first_screen_bytes=30000
    )

    printed = report_module.table([measurement], stock_floor=120000)

    row = printed.splitlines()[2].split()
    assert row[:2] == ["Home", "/"]
    assert row[-2:] == ["30,000", "0.25"]
    assert "120,000 bytes" in printed


def test_the_stock_floor_is_oscars_own_stylesheet(report_module):
    assert report_module.stock_oscar_stylesheet_bytes() > 100_000
