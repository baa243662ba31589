"""How the benchmark runs each shop: its interpreter, environment, databases and servers.

Our shop runs from this checkout with its own virtualenv, under its production settings, with a
Redis of the benchmark's own and its shipped database settings. Stock Oscar runs from a
virtualenv and a ``startproject`` project the benchmark builds under ``var/bench``.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
SERVING = BENCH / "serving"
WORK = ROOT / "var" / "bench"
STOCK_VENV = WORK / "stock-venv"
STOCK_PROJECT = WORK / "stock"
LOCK = BENCH / "stock-requirements.lock"
LOOPBACK = "127.0.0.1"
#: Both shops are served by gunicorn with these settings.
GUNICORN_OPTIONS = ("--workers", "2", "--worker-class", "sync", "--timeout", "60")
GUNICORN_OPTIONS += ("--no-control-socket",)
#: What the shops' processes inherit from ours; everything else they get is set here.
INHERITED = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


class BenchError(Exception):
    """The benchmark itself could not run (a command failed, a server never answered)."""


@dataclass(frozen=True)
class Shop:
    """One shop as served for one database: how to run Python and gunicorn in it."""

    name: str
    python: Path
    folder: Path
    env: dict[str, str]
    wsgi: str

    def run(self, *args: str, log: Path, timeout: int = 3600) -> None:
        """Run ``python args`` in the shop's folder, appending its output to ``log``."""
        with log.open("a") as output:
            output.write(f"$ {' '.join(args)}\n")
            output.flush()
            finished = subprocess.run(  # noqa: S603  (the shops' own interpreters)
                [str(self.python), *args],
                cwd=self.folder,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                check=False,
            )
        if finished.returncode != 0:
            raise BenchError(f"{self.name}: {' '.join(args)} failed; see {log}")

    def gunicorn(self, port: int) -> list[str]:
        """Return the command that serves the shop on ``port``."""
        command = [str(self.python), "-m", "gunicorn", self.wsgi, *GUNICORN_OPTIONS]
        return [*command, "--bind", f"{LOOPBACK}:{port}"]


def base_env() -> dict[str, str]:
    return {name: os.environ[name] for name in INHERITED if name in os.environ}


def ours(database_url: str, redis_url: str, secret: str) -> Shop:
    """Return our shop on ``database_url``, caching in ``redis_url``, as the deployment runs it."""
    env = base_env() | {
        "DJANGO_SETTINGS_MODULE": "ours_settings",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{SERVING}",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_STATIC_ROOT": str(WORK / "ours-static"),
        "DJANGO_MEDIA_ROOT": str(WORK / "ours-media"),
    }
    return Shop("ours", Path(sys.executable), ROOT, env, "store.wsgi")


def stock(database_url: str, search: str, whoosh_index: Path) -> Shop:
    """Return stock Oscar on ``database_url`` with the search backend ``search``."""
    env = base_env() | {
        "DJANGO_SETTINGS_MODULE": "stock_settings",
        "PYTHONPATH": f"{STOCK_PROJECT}{os.pathsep}{SERVING}",
        "STOCK_DATABASE_URL": database_url,
        "STOCK_SEARCH": search,
        "STOCK_WHOOSH_PATH": str(whoosh_index),
    }
    name = "stock_whoosh" if search == "whoosh" else "stock"
    return Shop(name, STOCK_VENV / "bin" / "python", STOCK_PROJECT, env, "frobshop.wsgi")


def build_stock(log: Path) -> None:
    """Make stock Oscar's virtualenv from the lock file and its project, unless they are current."""
    stamp = STOCK_VENV / "installed.lock"
    if not stamp.exists() or stamp.read_text() != LOCK.read_text():
        command(sys.executable, "-m", "venv", "--clear", str(STOCK_VENV), log=log)
        pip = str(STOCK_VENV / "bin" / "pip")
        command(pip, "install", "--quiet", "--disable-pip-version-check", "-r", str(LOCK), log=log)
        stamp.write_text(LOCK.read_text())
    if not (STOCK_PROJECT / "manage.py").exists():
        STOCK_PROJECT.mkdir(parents=True, exist_ok=True)
        admin = str(STOCK_VENV / "bin" / "django-admin")
        command(admin, "startproject", "frobshop", str(STOCK_PROJECT), log=log)


def command(*args: str, log: Path) -> None:
    """Run ``args``, appending the output to ``log``; raise BenchError if it fails."""
    with log.open("a") as output:
        output.write(f"$ {' '.join(args)}\n")
        output.flush()
        finished = subprocess.run(  # noqa: S603  (venv, pip and django-admin, named here)
            args, stdout=output, stderr=subprocess.STDOUT, check=False, timeout=3600
        )
    if finished.returncode != 0:
        raise BenchError(f"{' '.join(args[:3])} failed; see {log}")


class Databases:
    """Fresh databases named bench_*, made on demand and all dropped by ``drop_all``."""

    def __init__(self, kind: str, postgres_base: str, folder: Path) -> None:
        self.kind = kind
        self.postgres_base = postgres_base.rstrip("/")
        self.folder = folder
        self.made: list[str] = []

    def fresh(self, name: str) -> str:
        """Make the empty database ``bench_<name>`` and return its URL."""
        database = f"bench_{name}"
        self.made.append(database)
        if self.kind == "sqlite":
            path = self.folder / f"{database}.sqlite3"
            path.unlink(missing_ok=True)
            return f"sqlite:///{path}"
        self._server(f'DROP DATABASE IF EXISTS "{database}"', f'CREATE DATABASE "{database}"')
        return f"{self.postgres_base}/{database}"

    def analyze(self, url: str) -> None:
        """Gather the planner's statistics, as autovacuum would on a server that ran a while."""
        if self.kind == "postgres":
            with self._connect(urlsplit(url).path[1:]) as connection, connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")

    def server_version(self) -> str:
        if self.kind == "sqlite":
            import sqlite3

            return f"SQLite {sqlite3.sqlite_version}"
        with self._connect("postgres") as connection, connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"

    def drop_all(self) -> None:
        for database in self.made:
            if self.kind == "sqlite":
                (self.folder / f"{database}.sqlite3").unlink(missing_ok=True)
            else:
                self._server(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        self.made.clear()

    def _server(self, *statements: str) -> None:
        with self._connect("postgres") as connection, connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    @contextmanager
    def _connect(self, database: str) -> Iterator:
        try:
            connection = psycopg2.connect(f"{self.postgres_base}/{database}")
        except psycopg2.OperationalError as error:
            raise BenchError(f"PostgreSQL at {self.postgres_base}: {error}") from error
        connection.autocommit = True
        try:
            yield connection
        finally:
            connection.close()


def free_ports(count: int) -> list[int]:
    """Return ``count`` different loopback ports nothing listens on, chosen all at once."""
    with ExitStack() as probes:
        ports = []
        for _ in range(count):
            probe = probes.enter_context(socket.socket())
            probe.bind((LOOPBACK, 0))
            ports.append(probe.getsockname()[1])
        return ports


@contextmanager
def running(command: list[str], *, env: dict[str, str], cwd: Path, log: Path) -> Iterator[None]:
    """Run ``command`` in the background, its output in ``log``; stop it (by its PID) after."""
    with log.open("ab") as output:
        process = subprocess.Popen(  # noqa: S603  (redis-server and gunicorn, named here)
            command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            yield
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def redis_server(folder: Path) -> Iterator[int]:
    """Run a redis-server of the benchmark's own, keeping nothing on disk; yield its port."""
    (port,) = free_ports(1)
    command = ["redis-server", "--port", str(port), "--bind", LOOPBACK, "--save", ""]
    command += ["--appendonly", "no", "--dir", str(folder)]
    with running(command, env=base_env(), cwd=folder, log=folder / "redis.log"):
        wait_until(lambda: redis_answers(port), what=f"redis-server on port {port}")
        yield port


def redis_answers(port: int) -> bool:
    try:
        with socket.create_connection((LOOPBACK, port), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310  (loopback)
            return answer.status == 200
    except OSError:
        return False


def wait_until(ready, *, what: str, seconds: float = 120) -> None:
    """Wait until ``ready()`` is true; raise BenchError if it is not within ``seconds``."""
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise BenchError(f"{what} did not start within {seconds:.0f} s")
        time.sleep(0.2)
