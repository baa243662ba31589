"""Read Lighthouse's JSON reports and print them as one table, with each page's weight.

A page's weight without JavaScript is what a browser with scripts off fetches for it: the
HTML, the stylesheets and the pictures (Lighthouse's network log, less its scripts). Pictures
below the fold that load lazily count too when Chrome fetched them (it fetches those within
its lazy-loading distance of the first screen), so the figure is on the heavy side.

Stock django-oscar 4.2.1 links its stylesheet, oscar/css/styles.css, on every public page.
The stylesheet alone is a floor for the weight of any stock Oscar page, so a page that weighs
at most a third of it weighs at most a third of the same page in stock Oscar.
"""

import importlib.util
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
#: The network log's resource types a browser fetches with scripts off.
WITHOUT_SCRIPTS = {"Document", "Stylesheet", "Image", "Font"}


@dataclass(frozen=True)
class Page:
    """A page to measure, and the cookies to send with it."""

    name: str
    url: str
    cookie: str = ""


@dataclass(frozen=True)
class Measurement:
    """What Lighthouse found on a page: its four scores (``None`` if not scored) and weights."""

    page: Page
    scores: dict[str, int | None]
    total_bytes: int
    bytes_without_scripts: int


def stock_oscar_stylesheet_bytes() -> int:
    """Return the size of the stylesheet every stock Oscar page links, from the installed Oscar."""
    spec = importlib.util.find_spec("oscar")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("django-oscar is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "static" / "oscar" / "css" / "styles.css").stat().st_size


def read_report(page: Page, result: dict) -> Measurement:
    """Return the scores and weights in Lighthouse's report ``result`` on ``page``."""
    scores = {}
    for category in CATEGORIES:
        score = result["categories"][category]["score"]
        scores[category] = None if score is None else round(score * 100)
    total = result["audits"]["total-byte-weight"].get("numericValue") or 0
    requests = result["audits"]["network-requests"].get("details", {}).get("items", [])
    without_scripts = sum(
        request.get("resourceSize") or 0
        for request in requests
        if request.get("resourceType") in WITHOUT_SCRIPTS
    )
    return Measurement(
        page=page,
        scores=scores,
        total_bytes=int(total),
        bytes_without_scripts=int(without_scripts),
    )


def table(measurements: list[Measurement], *, stock_floor: int) -> str:
    """Return the measurements as a plain-text table, one row a page.

    "No-JS bytes" is the page's weight without scripts, uncompressed; "vs stock" divides it by
    ``stock_floor``, the least any stock Oscar page weighs.
    """
    header = ["Page", "URL", "Performance", "Accessibility", "Best practices", "SEO", "Bytes"]
    header += ["No-JS bytes", "vs stock"]
    rows = [
        [
            measurement.page.name,
            urllib.parse.urlsplit(measurement.page.url).path,
            *("-" if score is None else str(score) for score in measurement.scores.values()),
            f"{measurement.total_bytes:,}",
            f"{measurement.bytes_without_scripts:,}",
            f"{measurement.bytes_without_scripts / stock_floor:.2f}",
        ]
        for measurement in measurements
    ]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]

    def line(cells: list[str]) -> str:
        text = [
            cell.ljust(width) if column < 2 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(text)

    lines = [line(header), line(["-" * width for width in widths]), *map(line, rows)]
    lines.append(
        f"\nStock Oscar 4.2.1's stylesheet alone: {stock_floor:,} bytes, on every stock page; "
        '"vs stock" is a page\'s no-JS bytes over it (at most 0.33 is a third or less).'
    )
    return "\n".join(lines)
