"""Building the shipped shop: its database as `make run` builds it, and the processes and
settings of its deployment (gunicorn, the Celery worker, Redis), for one server or several."""

import os
import re
import secrets
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.card_payments import WEBHOOK_SECRET

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = "127.0.0.1"
PASSWORD_LINE = re.compile(r"Created (\w+) account .*\n.*Password \(shown once[^)]*\): (\S+)")


def servers_installed() -> None:
    """Fail (when the run requires them) or skip without caddy and redis-server."""
    missing = [name for name in ("caddy", "redis-server") if shutil.which(name) is None]
    if missing and os.environ.get("BROWSER_TESTS") == "required":
        pytest.fail(f"BROWSER_TESTS=required, but {missing} missing: make servers", pytrace=False)
    if missing:
        pytest.skip(f"{missing} not installed: make servers")


def make_run_commands() -> list[list[str]]:
    """Return the ``manage.py`` commands of the Makefile's ``run`` recipe, before it serves."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^run: \$\(VENV\).*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert recipe, "the Makefile has no run recipe"
    commands = re.findall(r"^\t\$\(BIN\)/python manage\.py (.+)$", recipe.group(1), re.MULTILINE)
    return [shlex.split(command) for command in commands if not command.startswith("runserver")]


def manage(*args: str, env: dict[str, str]) -> str:
    """Run ``manage.py`` with ``args`` as ``make run`` would, and return what it printed."""
    finished = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, f"manage.py {' '.join(args)}:\n{finished.stderr}"
    return finished.stdout


def demo_shop(*, folder: Path, database_url: str, url: str) -> tuple[dict, dict[str, str]]:
    """Build the demo shop in ``database_url`` with `make run`'s commands alone.

    Return the environment it was built with and the demo accounts' passwords by username.
    """
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SHOP_BASE_URL": url,
        "DJANGO_MEDIA_ROOT": str(folder / "media"),
        "DJANGO_STATIC_ROOT": str(folder / "static"),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)  # manage.py's own default, as `make run` has
    printed = "".join(manage(*command, env=env) for command in make_run_commands())
    return env, dict(PASSWORD_LINE.findall(printed))


def production_settings(env: dict, *, redis_port: int, mail_port: int, stripe_api: str) -> dict:
    """Return ``env`` with the deployment's settings: production, Redis, SMTP and Stripe."""
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "store.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": LOOPBACK,
        # Caddy on loopback speaks plain HTTP: a real domain gets TLS from it instead.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "REDIS_URL": f"redis://{LOOPBACK}:{redis_port}/0",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_EMAIL_HOST": LOOPBACK,
        "DJANGO_EMAIL_PORT": str(mail_port),
        "DJANGO_EMAIL_USE_TLS": "false",
        "SHOP_EMAIL_RETRY_SECONDS": "1",
        "STRIPE_SECRET_KEY": "sk_test_emulated",
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_API_BASE": stripe_api,
        "STRIPE_CHECKOUT_ORIGIN": f"http://{LOOPBACK}:*",
    }


def redis_command(port: int) -> list[str]:
    return ["redis-server", "--bind", LOOPBACK, "--port", str(port), "--save", ""]


def gunicorn_command(port: int, *, workers: int = 2) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "store.wsgi:application",
        "--bind",
        f"{LOOPBACK}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
    ]


def worker_command() -> list[str]:
    """The Celery worker, one process, as the deployment's ``worker`` service runs it."""
    return [
        sys.executable,
        "-m",
        "celery",
        "--app",
        "store",
        "worker",
        "--concurrency",
        "1",
        "--loglevel",
        "INFO",
    ]
