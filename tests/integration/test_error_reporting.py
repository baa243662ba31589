"""Errors reach the shop's staff: mailed to ADMINS past the outbox, and sent to Sentry."""

import gzip
import json
import logging
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core import mail
from django.test import RequestFactory

from store.mail.models import OutgoingEmail

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_a_server_error_is_mailed_to_admins_straight_through_the_mail_server(settings):
    settings.ADMINS = [("Ops", "ops@example.com")]
    request = RequestFactory().get("/basket/")

    logging.getLogger("django.request").error(
        "Internal Server Error: %s", request.path, extra={"status_code": 500, "request": request}
    )

    (alert,) = mail.outbox
    assert alert.to == ["ops@example.com"]
    assert "Internal Server Error: /basket/" in alert.subject
    assert not OutgoingEmail.objects.exists()  # not through the outbox: it may be what failed


@pytest.mark.django_db
def test_no_admins_means_no_error_mail(settings):
    settings.ADMINS = []
    logging.getLogger("store.payments").error("Stripe answered nonsense")
    assert mail.outbox == []


class _SentryInbox(BaseHTTPRequestHandler):
    """Keep the body of every envelope posted to the fake Sentry project."""

    bodies: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":  # Sentry compresses with brotli when it is installed
            import brotli

            body = brotli.decompress(body)
        self.bodies.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"id": "0" * 32}).encode())

    def log_message(self, *args):
        pass


def test_with_a_sentry_dsn_an_error_logged_by_the_shop_reaches_sentry():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SentryInbox)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dsn = f"http://publickey@127.0.0.1:{server.server_port}/1"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "store.settings.production",
        "DJANGO_SECRET_KEY": "only-for-this-test",
        "SENTRY_DSN": dsn,
        "DATABASE_URL": "sqlite:///:memory:",
    }
    logged = "import logging; logging.getLogger('store.payments').error('Refund failed: card gone')"
    try:
        finished = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", logged],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        server.shutdown()
    assert finished.returncode == 0, finished.stderr
    events = b"".join(_SentryInbox.bodies)
    assert b"Refund failed: card gone" in events
    assert b'"environment":"production"' in events.replace(b" ", b"")
