"""`make backup` and `make restore` bring back a PostgreSQL database and its media folder."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import psycopg2
import pytest

from tests.shipped.servers import shipped_database

ROOT = Path(__file__).resolve().parents[2]
MAKE = shutil.which("make") or "make"

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="backups are of PostgreSQL databases: run the suite with a PostgreSQL DATABASE_URL",
)


def make(*args: str, env: dict, succeeds: bool = True) -> subprocess.CompletedProcess:
    """Run ``make`` with ``args`` in the project; check it succeeded (or failed)."""
    finished = subprocess.run(
        [MAKE, "--no-print-directory", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (finished.returncode == 0) == succeeds, finished.stdout + finished.stderr
    return finished


def run_sql(url: str, statement: str) -> list[tuple]:
    connection = psycopg2.connect(url)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(statement)
            return cursor.fetchall() if cursor.description else []
    finally:
        connection.close()


def test_a_backup_restores_the_orders_and_pictures_as_they_were(tmp_path):
    media = tmp_path / "media"
    (media / "images" / "products").mkdir(parents=True)
    picture = media / "images" / "products" / "flakes.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n not a real picture")
    with shipped_database(tmp_path, suffix="_backup") as url:
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_MEDIA_ROOT": str(media)}
        run_sql(url, "CREATE TABLE shop_order (number text PRIMARY KEY, total numeric(12, 2))")
        run_sql(url, "INSERT INTO shop_order VALUES ('100001', 28.85), ('100002', 21.40)")

        printed = make("backup", env=env).stdout
        folder = Path(re.search(r"into (\S+)$", printed, re.MULTILINE).group(1))
        try:
            run_sql(url, "DELETE FROM shop_order WHERE number = '100001'")
            run_sql(url, "UPDATE shop_order SET total = 0")
            run_sql(url, "INSERT INTO shop_order VALUES ('100003', 9.95)")
            picture.unlink()
            (media / "stray.txt").write_text("written after the backup")

            make("restore", f"BACKUP={folder}", env=env)

            orders = run_sql(url, "SELECT number, total::text FROM shop_order ORDER BY number")
            assert orders == [("100001", "28.85"), ("100002", "21.40")]
            assert picture.read_bytes() == b"\x89PNG\r\n\x1a\n not a real picture"
            assert not (media / "stray.txt").exists()
        finally:
            shutil.rmtree(folder)


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    refused = make("restore", f"BACKUP={tmp_path}", env=dict(os.environ), succeeds=False)
    assert "is missing: is" in refused.stderr
