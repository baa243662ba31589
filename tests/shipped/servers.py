"""The real servers the shipped shop runs on: its database, processes and a mail server."""

import os
import re
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from aiosmtpd.controller import Controller

from tests.stripe_emulator import StripeEmulator

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """Return a TCP port on loopback that nothing listens on now."""
    return free_ports(1)[0]


def free_ports(count: int) -> list[int]:
    """Return ``count`` different TCP ports on loopback that nothing listens on now.

    The probes stay bound until all are chosen: ports asked for one after another may come
    back the same once the first probe is closed, and two servers would then fight for it.
    """
    with ExitStack() as probes:
        ports = []
        for _ in range(count):
            probe = probes.enter_context(socket.socket())
            probe.bind((LOOPBACK, 0))
            ports.append(probe.getsockname()[1])
        return ports


@contextmanager
def shipped_database(folder: Path, suffix: str = "_shipped") -> Iterator[str]:
    """Give the shipped shop an empty database of its own and return its URL.

    Beside a PostgreSQL ``DATABASE_URL`` it is a new database named after that one with
    ``suffix`` added, dropped afterwards; otherwise an SQLite file in ``folder``.
    """
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / 'shop.sqlite3'}"
        return
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'store'}{suffix}"
    server = urlunsplit(parts._replace(path="/postgres"))
    _run_outside_transaction(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _run_outside_transaction(server, f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        _run_outside_transaction(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _run_outside_transaction(server_url: str, statement: str) -> None:
    connection = psycopg2.connect(server_url)
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


@contextmanager
def start_process(
    command: list[str], *, env: dict[str, str], log: Path, cwd: Path | None = None
) -> Iterator[subprocess.Popen]:
    """Run ``command`` in the background, its output in ``log``, and stop it afterwards."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for_http(url: str, *, logs: Path, seconds: float = 60) -> None:
    """Wait until ``url`` answers 200; fail with the servers' logs if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:  # noqa: S310  (loopback)
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    tails = "\n".join(f"--- {path.name}\n{path.read_text()[-3000:]}" for path in logs.iterdir())
    raise AssertionError(f"{url} never answered 200:\n{tails}")


class _Inbox:
    """The aiosmtpd handler: keep every message delivered."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self.arrived:
            self.messages.append(message)
            self.arrived.notify_all()
        return "250 Message accepted for delivery"


class MailSink:
    """A real SMTP server on loopback that keeps what the shop sends; it can be stopped and
    started again on the same port, keeping what it received."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self._inbox = _Inbox()
        self._controller: Controller | None = None

    def __enter__(self) -> "MailSink":
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def start(self) -> None:
        """Listen on the port (a stopped server's controller cannot start again: make a new one)."""
        self._controller = Controller(self._inbox, hostname=LOOPBACK, port=self.port)
        self._controller.start()

    def stop(self) -> None:
        """Stop listening: the shop's mail now finds nothing on the port."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def received(self, *, to: str, subject_contains: str) -> list[EmailMessage]:
        """Return every message so far to ``to`` whose subject has ``subject_contains``."""
        with self._inbox.arrived:
            return [
                message
                for message in self._inbox.messages
                if to in message["To"] and subject_contains in message["Subject"]
            ]

    def wait_for(self, *, to: str, subject_contains: str, seconds: float = 15) -> EmailMessage:
        """Return the first message to ``to`` whose subject has ``subject_contains``."""
        with self._inbox.arrived:
            self._inbox.arrived.wait_for(
                lambda: self.received(to=to, subject_contains=subject_contains), timeout=seconds
            )
            found = self.received(to=to, subject_contains=subject_contains)
        assert found, f"no mail to {to} about {subject_contains!r}"
        return found[0]


@dataclass(frozen=True)
class ShippedShop:
    """The running shop: address, demo accounts' passwords, mail, Stripe and JavaScript mode."""

    url: str
    staff_password: str
    editor_password: str
    mail: MailSink
    stripe: StripeEmulator
    logs: Path
    javascript: bool


def text_of(message: EmailMessage) -> str:
    """Return the plain-text part of ``message``."""
    return message.get_body(preferencelist=("plain",)).get_content()


def links_in(message: EmailMessage) -> list[str]:
    """Return every web address in the plain-text part of ``message``."""
    return re.findall(r"https?://\S+", text_of(message))
