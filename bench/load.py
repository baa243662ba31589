"""Put each page of each shop under the same bounded load with wrk, the shops taking turns.

For every page, each server that has it gets a short warm-up run and then a measured run of a
fixed duration with a fixed number of connections; the order of the servers flips from one page
to the next, so neither shop always goes first. Each wrk run is killed if it overruns.
"""

import re
import subprocess
from pathlib import Path

#: The pages in the order they are loaded: the trivial view first and last, as a check that the
#: machine stayed as fast, and adding to the basket (which writes) after the pages that read.
LOAD_ORDER = (
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
HELLO_URL = "/__hello/"
#: The pages stock Oscar with Whoosh serves differently from stock Oscar with its default search.
WHOOSH_PAGES = ("catalogue", "category", "search")
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", re.MULTILINE)
MILLISECONDS_PER_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(output: str) -> dict:
    """Return requests/s, p50 and p99 in ms, requests and errors from wrk's ``--latency`` output.

    Errors are the answers other than 2xx and 3xx plus the socket errors (refused connections,
    failed reads and writes, timeouts).
    """
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if not rate or not total:
        raise ValueError(f"not wrk output: {output[-500:]!r}")
    latency = {
        percent: float(value) * MILLISECONDS_PER_UNIT[unit]
        for percent, value, unit in LATENCY.findall(output)
    }
    bad_answers = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = SOCKET_ERRORS.search(output)
    return {
        "rps": float(rate.group(1)),
        "p50_ms": latency.get("50"),
        "p99_ms": latency.get("99"),
        "requests": int(total.group(1)),
        "errors": (int(bad_answers.group(1)) if bad_answers else 0)
        + (sum(int(n) for n in socket_errors.groups()) if socket_errors else 0),
    }


def lua_script(method: str, inputs: dict, basket: str | None) -> str:
    """Return the wrk script that sends the CSRF cookie, the basket cookie and a form's body."""
    cookie = f"{inputs['csrf_cookie_name']}={inputs['csrf_cookie']}"
    if basket:
        cookie += f"; {inputs['basket_cookie_name']}={basket}"
    lines = [f'wrk.headers["Cookie"] = "{cookie}"']
    if method == "POST":
        lines += [
            'wrk.method = "POST"',
            f'wrk.body = "csrfmiddlewaretoken={inputs["csrf_token"]}&quantity=1"',
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"',
        ]
    return "\n".join(lines) + "\n"


def wrk(url: str, script: Path, *, seconds: int, connections: int) -> str:
    """Run wrk against ``url`` for ``seconds`` and return its output."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["--timeout", "10s", "-s", str(script), url]
    finished = subprocess.run(  # noqa: S603  (wrk, with arguments made here)
        command, capture_output=True, text=True, timeout=seconds + 30, check=True
    )
    return finished.stdout


def pages_served(server: str, inputs: dict) -> dict:
    """Return the pages ``server`` is loaded with: name to method and address."""
    served = {"hello": {"method": "GET", "url": HELLO_URL}}
    served["hello_end"] = served["hello"]
    served.update(inputs["pages"])
    if server.endswith("whoosh"):
        served = {name: page for name, page in served.items() if name in WHOOSH_PAGES}
    return served


def load_pages(
    servers: dict[str, str],
    inputs: dict[str, dict],
    folder: Path,
    *,
    seconds: int,
    warm_up: int,
    connections: int,
) -> dict[str, dict]:
    """Load every page of every server in ``servers`` (name to base address); return, per server
    and page, what ``parse_wrk`` reads. ``inputs`` are each server's, from measure_queries.py.
    """
    results = {server: {} for server in servers}
    for turn, page in enumerate(LOAD_ORDER):
        order = list(servers) if turn % 2 == 0 else list(reversed(servers))
        for server in order:
            served = pages_served(server, inputs[server])
            if page not in served:
                continue
            method, url = served[page]["method"], servers[server] + served[page]["url"]
            basket = inputs[server]["baskets"].get(page)
            script = folder / f"wrk-{server}-{page}.lua"
            script.write_text(lua_script(method, inputs[server], basket))
            wrk(url, script, seconds=warm_up, connections=connections)
            output = wrk(url, script, seconds=seconds, connections=connections)
            (folder / f"wrk-{server}-{page}.txt").write_text(output)
            results[server][page] = parse_wrk(output)
            figures = results[server][page]
            print(
                f"  {server:<13} {page:<15} {figures['rps']:8.1f} req/s  "
                f"p50 {figures['p50_ms']:7.1f} ms  p99 {figures['p99_ms']:7.1f} ms  "
                f"errors {figures['errors']}",
                flush=True,
            )
    return results
