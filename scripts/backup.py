"""Back the shop up, or restore it: the PostgreSQL database (pg_dump) and the media folder.

    python scripts/backup.py backup [--into FOLDER]    # a new folder under var/backups/
    python scripts/backup.py restore FOLDER            # replaces the database and media

The database is ``DATABASE_URL``'s (PostgreSQL only: the embedded SQLite file is one file to
copy); the media folder is ``DJANGO_MEDIA_ROOT`` (default var/media). A backup folder holds
``database.dump`` (pg_dump's custom format) and ``media.tar.gz``. Restoring replaces every
table the dump holds and the whole media folder, so stop the web, worker and beat first.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


def database_url() -> str:
    """Return ``DATABASE_URL``, or stop with why when it is not PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to the shop's PostgreSQL database (postgres://...).")
    return url


def client_tool(name: str) -> str:
    """Return the path of PostgreSQL's ``name`` (pg_dump, pg_restore), or stop saying how."""
    path = shutil.which(name)
    if path is None:
        sys.exit(f"{name} not found: install PostgreSQL's client tools (postgresql-client).")
    return path


def media_root() -> Path:
    return Path(os.environ.get("DJANGO_MEDIA_ROOT") or ROOT / "var" / "media")


def backup(into: Path | None) -> Path:
    """Dump the database and pack the media folder into a new folder; return the folder."""
    url = database_url()
    folder = into or ROOT / "var" / "backups" / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder.mkdir(parents=True, exist_ok=False)
    subprocess.run(  # noqa: S603  (pg_dump, found on PATH)
        [
            client_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--file",
            str(folder / DATABASE_FILE),
            url,
        ],
        check=True,
    )
    media = media_root()
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
        if media.is_dir():
            archive.add(media, arcname="media")
    print(f"Backed up the database and {media} into {folder}")
    return folder


def restore(folder: Path) -> None:
    """Replace the database's tables and the media folder with those in ``folder``."""
    url = database_url()
    dump, packed = folder / DATABASE_FILE, folder / MEDIA_FILE
    for part in (dump, packed):
        if not part.is_file():
            sys.exit(f"{part} is missing: is {folder} a backup folder?")
    subprocess.run(  # noqa: S603  (pg_restore, found on PATH)
        [
            client_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            url,
            str(dump),
        ],
        check=True,
    )
    media = media_root()
    unpacked = media.with_name(media.name + ".restoring")
    shutil.rmtree(unpacked, ignore_errors=True)
    unpacked.mkdir(parents=True)
    with tarfile.open(packed, "r:gz") as archive:
        archive.extractall(unpacked, filter="data")
    shutil.rmtree(media, ignore_errors=True)
    (unpacked / "media").mkdir(exist_ok=True)
    (unpacked / "media").rename(media)
    unpacked.rmdir()
    print(f"Restored the database and {media} from {folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    backup_command = commands.add_parser("backup", help="Back up the database and media")
    backup_command.add_argument("--into", type=Path, help="The new folder to write to")
    restore_command = commands.add_parser("restore", help="Restore a backup folder")
    restore_command.add_argument("folder", type=Path)
    arguments = parser.parse_args()
    if arguments.command == "backup":
        backup(arguments.into)
    else:
        restore(arguments.folder)


if __name__ == "__main__":
    main()
