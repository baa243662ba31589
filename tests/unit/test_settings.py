"""Settings are read from the environment; these run Django in a child process to prove it."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({"engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST", "")}))
"""


def run_with_settings(module: str, code: str, **env: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter configured with settings ``module`` and ``env``."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    clean_env.update(env, DJANGO_SETTINGS_MODULE=module)
    script = f"import django\ndjango.setup()\n{code}"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def database_settings(**env: str) -> dict:
    result = run_with_settings("store.settings.local", PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_database_url_the_shop_uses_sqlite_in_the_project_folder():
    database = database_settings()

    assert database["engine"] == "django.db.backends.sqlite3"
    assert database["name"] == str(PROJECT_DIR / "db.sqlite3")


def test_a_postgres_database_url_selects_postgresql():
    database = database_settings(DATABASE_URL="postgres://shop:pw@db.internal:5432/magnesium")

    assert database["engine"] == "django.db.backends.postgresql"
    assert database["name"] == "magnesium"
    assert database["host"] == "db.internal"


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_with_settings("store.settings.production", "print('started')")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "started" not in result.stdout


def test_production_settings_start_with_a_secret_key_and_debug_off():
    code = "from django.conf import settings\nprint(settings.DEBUG, settings.SESSION_COOKIE_SECURE)"

    result = run_with_settings(
        "store.settings.production", code, DJANGO_SECRET_KEY="a-long-random-value-for-tests"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]
