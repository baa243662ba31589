"""Print the benchmark's results: one table per database, then the targets of issue 16.

``render(results)`` takes the dictionary ``bench/run.py`` saves as ``results.json``:

    {"header": {label: text, ...}, "parents": N, "small": N_SMALL,
     "databases": {"postgres": {"label": "PostgreSQL 16.4",
                                "queries": {shop: {"pages": {page: {...}}, "basket_growth": {...}}},
                                "load": {server: {page: {"rps", "p50_ms", "p99_ms", "errors"}}}}}}

where a shop or server is ``ours``, ``stock`` or ``stock_whoosh`` (and ``ours_small``: our shop
at N_SMALL parents, for its queries only). ``python bench/report.py results.json`` prints it again.
"""

import json
import sys
from dataclasses import dataclass

ROWS = (
    "hello",
    "home",
    "catalogue",
    "category",
    "product_parent",
    "product_child",
    "basket_3",
    "basket_30",
    "search",
    "conditions",
    "condition",
    "article",
    "basket_add",
    "hello_end",
)
DATABASE_NAMES = {"postgres": "PostgreSQL", "sqlite": "SQLite"}
#: Anonymous pages our shop serves from its page cache, held against the trivial view.
CACHED_PAGES = (
    ("home", "home"),
    ("category", "category"),
    ("product_parent", "product page"),
    ("condition", "condition page"),
    ("article", "article"),
)
COLUMNS = (
    "page",
    "ours req/s",
    "stock req/s",
    "ours/stock",
    "ours p50 ms",
    "ours p99 ms",
    "stock p50 ms",
    "stock p99 ms",
    "errors",
    "queries",
    "products shown",
)
LEGEND = (
    "stock cells read 'simple / Whoosh' where stock Oscar ran with each search backend; "
    "errors, queries and products read 'ours / stock (/ Whoosh)'. Queries are those of one "
    "request as the load sends it; ours' in brackets, where they differ, with its page and "
    "fragment caches off."
)


@dataclass(frozen=True)
class Target:
    """One line of the targets block: what is measured, its figure, the bar, and the verdict."""

    name: str
    figure: str
    bar: str
    passed: bool


def number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def rate(load: dict, server: str, page: str) -> float | None:
    return load.get(server, {}).get(page, {}).get("rps")


def ratio(ours: float | None, theirs: float | None) -> float | None:
    return ours / theirs if ours is not None and theirs else None


def hello_rate(load: dict) -> float | None:
    """Return ours' trivial-view rate: the mean of the runs before and after the pages."""
    runs = [rate(load, "ours", page) for page in ("hello", "hello_end")]
    runs = [value for value in runs if value is not None]
    return sum(runs) / len(runs) if runs else None


def stock_servers(load: dict, page: str) -> list[str]:
    return [server for server in ("stock", "stock_whoosh") if page in load.get(server, {})]


def queries_cell(page: dict | None, show_rendered: bool) -> str:
    if not page:
        return "-"
    if show_rendered and page["rendered"] != page["served"]:
        return f"{page['served']} ({page['rendered']})"
    return str(page["served"])


def products_cell(page: dict | None) -> str:
    if page and page["results"] is not None:
        return f"{page['products_shown']} of {page['results']}"
    return str(page["products_shown"]) if page and page["products_shown"] else "-"


def redirect_note(queries: dict, page: str) -> str:
    notes = [
        f"{shop} {found['status']}"
        for shop in ("ours", "stock")
        if (found := queries.get(shop, {}).get("pages", {}).get(page))
        and 300 <= found["status"] < 400
        and page != "basket_add"
    ]
    return f" [{', '.join(notes)}]" if notes else ""


def row(database: dict, page: str) -> list[str] | None:
    """Return the table row of ``page``, or None when no shop served it."""
    load, queries = database["load"], database["queries"]
    theirs = stock_servers(load, page)
    if page not in load.get("ours", {}) and not theirs:
        return None
    ours = load.get("ours", {}).get(page, {})
    query_page = "hello" if page == "hello_end" else page

    def each_stock(figure) -> str:
        return " / ".join(figure(server) for server in theirs) or "-"

    def shop_query(shop: str) -> dict | None:
        return queries.get(shop, {}).get("pages", {}).get(query_page)

    shops = ["ours", *theirs]
    return [
        ("hello (again)" if page == "hello_end" else page) + redirect_note(queries, page),
        number(ours.get("rps")),
        each_stock(lambda server: number(rate(load, server, page))),
        each_stock(lambda server: number(ratio(ours.get("rps"), rate(load, server, page)))),
        number(ours.get("p50_ms")),
        number(ours.get("p99_ms")),
        each_stock(lambda server: number(load[server][page]["p50_ms"])),
        each_stock(lambda server: number(load[server][page]["p99_ms"])),
        " / ".join(
            str(load[shop][page]["errors"]) if page in load.get(shop, {}) else "-" for shop in shops
        ),
        " / ".join(queries_cell(shop_query(shop), shop == "ours") for shop in shops),
        " / ".join(products_cell(shop_query(shop)) for shop in shops),
    ]


def table(rows: list[list[str]]) -> str:
    widths = [max(len(cells[i]) for cells in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        for cells in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def query_growth(results: dict, database: dict) -> str:
    small = database["queries"].get("ours_small", {}).get("pages", {})
    large = database["queries"].get("ours", {}).get("pages", {})
    pairs = [
        f"{page} {small[page]['rendered']}/{large[page]['rendered']}"
        + (" (grows)" if large[page]["rendered"] > small[page]["rendered"] else "")
        for page in ROWS
        if page in small and page in large
    ]
    if not pairs:
        return ""
    return (
        f"Ours' queries per page with its caches off, at {results['small']} / {results['parents']} "
        f"parents: {', '.join(pairs)}"
    )


def basket_growth(database: dict) -> str:
    lines = []
    for shop in ("ours", "stock"):
        growth = database["queries"].get(shop, {}).get("basket_growth")
        if growth:
            counts = sorted(growth.items(), key=lambda item: int(item[0]))
            pages = "/".join(str(figures["page"]) for _, figures in counts)
            adding = "/".join(str(figures["add"]) for _, figures in counts)
            lines.append(
                f"{shop}: basket page {pages}, adding the last line {adding} queries "
                f"at {'/'.join(lines_count for lines_count, _ in counts)} lines"
            )
    return "Basket: " + "; ".join(lines) if lines else ""


def database_report(results: dict, name: str, database: dict) -> str:
    rows = [list(COLUMNS)]
    rows += [cells for page in ROWS if (cells := row(database, page))]
    kept = [
        f"{shop} {database['queries'][shop].get('conn_max_age', '?')} s"
        for shop in ("ours", "stock")
        if shop in database["queries"]
    ]
    title = (
        f"{database['label']}: {results['parents']} parent products x 3 sizes, "
        f"{results['duration']} s per run, {results['concurrency']} connections; "
        f"database connections kept (CONN_MAX_AGE, as each shop ships): {', '.join(kept)}"
    )
    parts = [title, table(rows), query_growth(results, database), basket_growth(database)]
    return "\n".join(part for part in parts if part)


def at_least(name: str, figure: float | None, bar: float, unit: str) -> Target:
    if figure is None:
        return Target(name, "not measured", f">= {bar:g}{unit}", False)
    shown = f"{figure:.1f}{unit}" if unit != "%" else f"{figure:.0f}%"
    return Target(name, shown, f">= {bar:g}{unit}", figure >= bar)


def targets(results: dict, name: str) -> list[Target]:
    """Return issue 16's targets as measured on the database ``name``; errors on every one."""
    database = results["databases"][name]
    load = database["load"]
    found = []

    def versus(page: str, server: str, label: str, bar: float) -> None:
        figure = ratio(rate(load, "ours", page), rate(load, server, page))
        found.append(at_least(label, figure, bar, "x"))

    versus("product_parent", "stock", "product page vs stock", 3)
    for page in ("catalogue", "category"):
        versus(page, "stock", f"{page} vs stock (simple backend)", 3)
        versus(page, "stock_whoosh", f"{page} vs stock with Whoosh", 10)
    versus("search", "stock", "search vs stock (default backend)", 20)
    versus("search", "stock_whoosh", "search vs stock with Whoosh", 5)
    growth = database["queries"].get("ours", {}).get("basket_growth", {})
    one, thirty = growth.get("1", {}).get("page"), growth.get("30", {}).get("page")
    found.append(
        Target(
            "basket page queries at 1 and 30 lines",
            f"{one} and {thirty}" if one is not None and thirty is not None else "not measured",
            "equal",
            one is not None and one == thirty,
        )
    )
    versus("basket_30", "stock", "basket page, 30 lines, vs stock", 5)
    condition = database["queries"].get("ours", {}).get("pages", {}).get("condition", {})
    found.append(
        at_least(
            f"condition page ({condition.get('products_shown', '?')} products)",
            rate(load, "ours", "condition"),
            100,
            " req/s",
        )
    )
    hello = hello_rate(load)
    for page, label in CACHED_PAGES:
        page_rate = rate(load, "ours", page)
        share = 100 * page_rate / hello if page_rate is not None and hello else None
        found.append(at_least(f"{label}, share of the trivial view", share, 50, "%"))
    errors = {
        f"{DATABASE_NAMES.get(db, db)} {page}": figures["errors"]
        for db, measured in results["databases"].items()
        for page, figures in measured["load"].get("ours", {}).items()
    }
    failing = [f"{where} {count}" for where, count in errors.items() if count]
    measured = " and ".join(DATABASE_NAMES.get(db, db) for db in results["databases"])
    found.append(
        Target(
            f"ours' errors, every page, {measured}",
            ", ".join(failing) if failing else "0",
            "0",
            bool(errors) and not failing,
        )
    )
    return found


def targets_report(results: dict) -> str:
    databases = results["databases"]
    name = "postgres" if "postgres" in databases else next(iter(databases))
    found = targets(results, name)
    rows = [["target", "figure", "bar", ""]]
    rows += [[t.name, t.figure, t.bar, "PASS" if t.passed else "FAIL"] for t in found]
    passed = sum(t.passed for t in found)
    return "\n".join(
        [
            f"Targets (issue 16), on {databases[name]['label']}: {passed} of {len(found)} pass",
            table(rows),
        ]
    )


def render(results: dict) -> str:
    """Return the whole report as text."""
    header = [f"{label}: {text}" for label, text in results["header"].items()]
    parts = ["\n".join(header), LEGEND]
    parts += [database_report(results, name, db) for name, db in results["databases"].items()]
    if results["databases"]:
        parts.append(targets_report(results))
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    with open(sys.argv[1]) as saved:
        print(render(json.load(saved)), end="")
