"""Read Lighthouse's JSON reports and print them as one table, with each page's weight.

Beside Lighthouse's own figures, the table gives what a phone with JavaScript off downloads
for the page's first screen (first_screen.py): its HTML, stylesheets and the pictures on it.

Stock django-oscar 4.2.1 links its stylesheet, oscar/css/styles.css, on every public page.
The stylesheet alone is a floor for the weight of any stock Oscar page, so a page that weighs
at most a third of it weighs at most a third of the same page in stock Oscar.
"""

import importlib.util
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


@dataclass(frozen=True)
class Page:
    """A page to measure, and the cookies to send with it."""

    name: str
    url: str
    cookie: str = ""


@dataclass(frozen=True)
class Measurement:
    """What Lighthouse found on a page: its four scores (``None`` if not scored) and weight, and
    the weight of its first screen without JavaScript (0 until it is measured)."""

    page: Page
    scores: dict[str, int | None]
    total_bytes: int
    first_screen_bytes: int = field(default=0)


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
    return Measurement(page=page, scores=scores, total_bytes=int(total))


def table(measurements: list[Measurement], *, stock_floor: int) -> str:
    """Return the measurements as a plain-text table, one row a page.

    "First screen" is what a phone without scripts downloads for the page's first screen;
    "vs stock" divides it by ``stock_floor``, the least any stock Oscar page weighs.
    """
    header = ["Page", "URL", "Performance", "Accessibility", "Best practices", "SEO", "Bytes"]
    header += ["First screen", "vs stock"]
    rows = [
        [
            measurement.page.name,
            urllib.parse.urlsplit(measurement.page.url).path,
            *("-" if score is None else str(score) for score in measurement.scores.values()),
            f"{measurement.total_bytes:,}",
            f"{measurement.first_screen_bytes:,}",
            f"{measurement.first_screen_bytes / stock_floor:.2f}",
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
        '"vs stock" is a page\'s first screen over it (at most 0.33 is a third or less).'
    )
    return "\n".join(lines)
