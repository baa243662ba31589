"""Benchmark our shop against stock django-oscar 4.2.1, side by side, and print the report.

Run ``make bench`` (or ``.venv/bin/python bench/run.py``). For each database it builds the same
catalogue in both shops, counts each page's queries in-process, then serves both with the same
gunicorn settings on loopback and loads them page by page with wrk, taking turns. It prints one
table per database and the targets of issue 16; ``var/bench/results/<time>/`` keeps the report,
the figures (``results.json``), the wrk output and the servers' logs.

Settings, from the environment (``make bench N=200 DURATION=3``):
  N (2000)            parent products, each in 3 sizes
  N_SMALL (200)       parent products of the second, smaller catalogue (ours: query growth)
  DURATION (10)       seconds of each measured wrk run (each follows a 2-second warm-up)
  CONCURRENCY (4)     wrk's connections
  DBS ("postgres sqlite")
  BENCH_POSTGRES (postgres://postgres@127.0.0.1:5432)  the server for the bench_* databases

It measures and does not judge: the exit status is 0 whatever the figures, non-zero only when the
benchmark itself could not run. Every database it makes is dropped at the end.
"""

import importlib.metadata
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path

import load
import report
import shops
from shops import WORK, BenchError, Databases

WARM_UP_SECONDS = 2
SETTINGS = {
    "N": "2000",
    "N_SMALL": "200",
    "DURATION": "10",
    "CONCURRENCY": "4",
    "DBS": "postgres sqlite",
    "BENCH_POSTGRES": "postgres://postgres@127.0.0.1:5432",
}


def setting(name: str) -> str:
    return os.environ.get(name) or SETTINGS[name]


@contextmanager
def step(label: str) -> Iterator[None]:
    """Print ``label`` and, once done, how long it took."""
    print(f"  {label} ...", end="", flush=True)
    started = time.monotonic()
    yield
    print(f" {time.monotonic() - started:.0f} s", flush=True)


def seed(
    databases: Databases, redis_port: int, whoosh_index: Path, folder: Path
) -> dict[str, shops.Shop]:
    """Build the same catalogue in both shops (and ours at N_SMALL too); return the shops."""
    parents, small = int(setting("N")), int(setting("N_SMALL"))
    secret = secrets.token_urlsafe(50)
    built = {}
    for index, (name, size) in enumerate((("ours", parents), ("ours_small", small))):
        redis_url = f"redis://{shops.LOOPBACK}:{redis_port}/{index}"
        shop = shops.ours(databases.fresh(f"ours_{size}"), redis_url, secret)
        log = folder / f"{name}.log"
        with step("ours: migrate"):
            shop.run("manage.py", "migrate", "--noinput", "-v0", log=log)
        with step(f"ours: seed {size} parents"):
            shop.run(str(shops.BENCH / "seed_ours.py"), str(size), log=log)
            databases.analyze(shop.env["DATABASE_URL"])
        built[name] = shop
    stock_url = databases.fresh(f"stock_{parents}")
    built["stock"] = shops.stock(stock_url, "simple", whoosh_index)
    built["stock_whoosh"] = shops.stock(stock_url, "whoosh", whoosh_index)
    log = folder / "stock.log"
    with step("stock: migrate"):
        built["stock"].run("manage.py", "migrate", "--noinput", "-v0", log=log)
    with step(f"stock: seed {parents} parents"):
        built["stock"].run("manage.py", "oscar_populate_countries", log=log)
        built["stock"].run(str(shops.BENCH / "seed_stock.py"), str(parents), log=log)
        databases.analyze(stock_url)
    with step("stock: Whoosh index"):
        built["stock_whoosh"].run("manage.py", "rebuild_index", "--noinput", log=log)
    return built


def count_queries(built: dict[str, shops.Shop], folder: Path) -> dict:
    """Count every shop's queries page by page, in-process; return the figures by shop."""
    options = {
        "ours": ["--inputs", "--basket-growth"],
        "ours_small": [],
        "stock": ["--inputs", "--basket-growth"],
        "stock_whoosh": ["--pages", ",".join(load.WHOOSH_PAGES)],
    }
    figures = {}
    for name, shop in built.items():
        out = folder / f"queries-{name}.json"
        script = str(shops.BENCH / "measure_queries.py")
        with step(f"{name}: count queries"):
            shop.run(script, str(out), *options[name], log=folder / f"{name}.log")
        figures[name] = json.loads(out.read_text())
    return figures


def load_shops(built: dict[str, shops.Shop], queries: dict, folder: Path) -> dict:
    """Serve ours, stock and stock with Whoosh with gunicorn, load them, and stop them."""
    servers = {name: built[name] for name in ("ours", "stock", "stock_whoosh")}
    ports = dict(zip(servers, shops.free_ports(len(servers)), strict=True))
    addresses = {name: f"http://{shops.LOOPBACK}:{port}" for name, port in ports.items()}
    inputs = {name: queries[name.removesuffix("_whoosh")]["inputs"] for name in servers}
    with ExitStack() as running:
        for name, shop in servers.items():
            running.enter_context(
                shops.running(
                    shop.gunicorn(ports[name]),
                    env=shop.env,
                    cwd=shop.folder,
                    log=folder / f"gunicorn-{name}.log",
                )
            )
        for name, address in addresses.items():
            url = address + load.HELLO_URL
            shops.wait_until(lambda url=url: shops.answers(url), what=f"{name}'s gunicorn")
        print(f"  load: {int(setting('DURATION'))} s per page and shop", flush=True)
        return load.load_pages(
            addresses,
            inputs,
            folder,
            seconds=int(setting("DURATION")),
            warm_up=min(WARM_UP_SECONDS, int(setting("DURATION"))),
            connections=int(setting("CONCURRENCY")),
        )


def bench_database(kind: str, folder: Path) -> dict:
    """Seed, count and load both shops on database ``kind``; drop its databases after."""
    databases = Databases(kind, setting("BENCH_POSTGRES"), WORK / "data")
    whoosh_index = WORK / "data" / f"bench_whoosh_{kind}"
    folder.mkdir()
    try:
        with shops.redis_server(folder) as redis_port:
            built = seed(databases, redis_port, whoosh_index, folder)
            queries = count_queries(built, folder)
            return {
                "label": databases.server_version(),
                "queries": queries,
                "load": load_shops(built, queries, folder),
            }
    finally:
        databases.drop_all()
        shutil.rmtree(whoosh_index, ignore_errors=True)


def collect_static(log: Path) -> None:
    """Collect our shop's static files, as the deployment's image does when it is built."""
    shop = shops.ours(f"sqlite:///{WORK / 'data' / 'unused.sqlite3'}", "", "collectstatic-only")
    shop.run("manage.py", "collectstatic", "--noinput", "-v0", log=log)


def output_of(*args: str) -> str:
    try:
        finished = subprocess.run(  # noqa: S603  (version queries of tools named here)
            args, capture_output=True, text=True, timeout=60, check=False
        )
    except OSError:
        return "not found"
    lines = (finished.stdout or finished.stderr).strip().splitlines()
    return lines[0] if lines else ""


def header() -> dict[str, str]:
    """Return when, on what machine and with which versions the benchmark ran."""
    memory = next(
        line for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line
    )
    gigabytes = int(memory.split()[1]) / 1024**2
    commit = output_of("git", "-C", str(shops.ROOT), "log", "-1", "--format=%h %s")
    changed = output_of(
        "git", "-C", str(shops.ROOT), "status", "--porcelain", "--untracked-files=no"
    )
    stock_versions = output_of(
        str(shops.STOCK_VENV / "bin" / "python"),
        "-c",
        "import importlib.metadata as m; print(', '.join(p + ' ' + m.version(p) for p in "
        "('Django', 'django-oscar', 'django-haystack', 'Whoosh', 'gunicorn')))",
    )
    ours_versions = ", ".join(
        f"{package} {importlib.metadata.version(package)}"
        for package in ("Django", "django-oscar", "gunicorn", "django-redis")
    )
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} CPUs (nproc {output_of('nproc')}), {gigabytes:.1f} GB memory",
        "ours": f"{commit}{' (with uncommitted changes)' if changed else ''}; {ours_versions}",
        "stock": stock_versions,
        "tools": f"Python {sys.version.split()[0]}; {output_of('wrk', '-v')}; "
        f"{output_of('redis-server', '--version')}",
        "gunicorn": " ".join(shops.GUNICORN_OPTIONS) + ", on 127.0.0.1",
    }


def main() -> int:
    started = time.monotonic()
    kinds = setting("DBS").split()
    if unknown := set(kinds) - {"postgres", "sqlite"}:
        print(f"bench: DBS names unknown databases: {' '.join(unknown)}", file=sys.stderr)
        return 2
    folder = WORK / "results" / datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    folder.mkdir(parents=True)
    (WORK / "data").mkdir(exist_ok=True)
    print(f"bench: figures and logs in {folder.relative_to(shops.ROOT)}", flush=True)
    try:
        with step("stock Oscar's virtualenv and project"):
            shops.build_stock(folder / "setup.log")
        with step("ours: collectstatic"):
            collect_static(folder / "setup.log")
        results = {
            "header": header(),
            "parents": int(setting("N")),
            "small": int(setting("N_SMALL")),
            "duration": int(setting("DURATION")),
            "concurrency": int(setting("CONCURRENCY")),
            "databases": {},
        }
        for kind in kinds:
            print(f"bench: {kind}", flush=True)
            results["databases"][kind] = bench_database(kind, folder / kind)
    except (BenchError, subprocess.SubprocessError, OSError) as error:
        print(f"bench: could not run: {error}", file=sys.stderr)
        return 2
    (folder / "results.json").write_text(json.dumps(results, indent=1))
    text = report.render(results)
    (folder / "report.txt").write_text(text)
    print(f"\n{text}\nbench: finished in {(time.monotonic() - started) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
