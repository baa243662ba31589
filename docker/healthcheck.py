#!/usr/bin/env python
"""Container health check: fetch the home page from gunicorn as the HTTPS proxy would.

It sends a Host from DJANGO_ALLOWED_HOSTS (so Django does not log a DisallowedHost error every
time) and X-Forwarded-Proto: https (so SECURE_SSL_REDIRECT does not answer with a redirect to
HTTPS). It exits 0 when the answer is below 400, and 1 otherwise.
"""

import http.client
import os
import sys

PORT = 8000


def allowed_host() -> str:
    """Return a host name Django accepts: the first usable entry of DJANGO_ALLOWED_HOSTS."""
    for entry in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(","):
        entry = entry.strip().lstrip(".")
        if entry and entry != "*":
            return entry
    return "localhost"


def main() -> int:
    """Ask for / and report whether the shop answered."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=4)
    headers = {"Host": allowed_host(), "X-Forwarded-Proto": "https"}
    try:
        connection.request("GET", "/", headers=headers)
        status = connection.getresponse().status
    except OSError as error:
        print(f"healthcheck: no answer on port {PORT}: {error}", file=sys.stderr)
        return 1
    finally:
        connection.close()
    if status >= 400:
        print(f"healthcheck: GET / answered {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
