"""The ``DATABASES`` setting, from ``DATABASE_URL`` or the embedded SQLite file."""

import os
from pathlib import Path

import dj_database_url

#: Several web processes share one SQLite file. With the WAL journal readers never wait for the
#: writer; a transaction claims the write lock as it begins (IMMEDIATE), so two requests never
#: both read and then fail to upgrade to writing; and one that finds the file locked waits up to
#: 20 seconds for its turn instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_settings(base_dir: Path) -> dict:
    """Return ``DATABASES``: ``DATABASE_URL``'s server, else ``db.sqlite3`` in ``base_dir``.

    Each process keeps its connection for ``DJANGO_DB_CONN_MAX_AGE`` seconds (default 60) and
    checks it before a request's first query, so a connection the server dropped meanwhile is
    replaced instead of failing the page. Every request runs in a transaction.
    """
    default = dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{base_dir / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_DB_CONN_MAX_AGE") or "60"),
        conn_health_checks=True,
    )
    default["ATOMIC_REQUESTS"] = True
    if default["ENGINE"] == "django.db.backends.sqlite3":
        default["OPTIONS"] = dict(SQLITE_OPTIONS)
    return {"default": default}
