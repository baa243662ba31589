"""localstripe, the stateful emulator of Stripe's payment objects, served on loopback.

It runs from its aiohttp ``app`` on its own event loop in a daemon thread (never through its
command line, which listens on every interface), with a fresh store kept in memory only. It serves
PaymentMethods, PaymentIntents, Charges, Customers and Refunds behind the fixture server.
"""

from __future__ import annotations

import asyncio
import threading
import warnings
from types import ModuleType
from typing import Any

from aiohttp import web

from tests.stripe_emulator.messages import LOOPBACK

_STARTUP_TIMEOUT = 10.0

_localstripe_started = threading.Event()


def _load_localstripe() -> ModuleType:
    """Import localstripe's server module without its route-registration deprecation noise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from localstripe import server

    return server


def _keep_in_memory() -> None:
    """Stand in for localstripe's save of its whole store to a shared file after every write."""


class _LocalstripeServer:
    """localstripe's aiohttp app on 127.0.0.1, on its own event loop in a daemon thread.

    localstripe schedules webhooks and delayed charge updates with ``asyncio.ensure_future``, so
    the loop keeps running between requests. Its app and store are module globals and its app
    binds to the first loop that serves it, so it can run once per process.
    """

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run_loop, name="localstripe", daemon=True)
        self._runner: web.AppRunner | None = None
        self._store: Any = None

    @property
    def addresses(self) -> list[tuple[Any, ...]]:
        """Name the socket addresses the server listens on."""
        return list(self._runner.addresses) if self._runner else []

    def start(self) -> str:
        """Serve localstripe from a fresh, memory-only store and return its base URL."""
        if _localstripe_started.is_set():
            raise RuntimeError(
                "localstripe runs once per process (its app and data are module globals): "
                "share the session-scoped stripe_emulator fixture."
            )
        _localstripe_started.set()
        server = _load_localstripe()
        self._store = server.store
        self._store.clear()
        self._store.dump_to_disk = _keep_in_memory
        self._thread.start()
        opening = asyncio.run_coroutine_threadsafe(self._open(server.app), self._loop)
        port = opening.result(timeout=_STARTUP_TIMEOUT)
        return f"http://{LOOPBACK}:{port}"

    def stop(self) -> None:
        """Close the listening socket, cancel localstripe's pending tasks and end the loop."""
        if not self._thread.is_alive():
            return
        closing = asyncio.run_coroutine_threadsafe(self._close(), self._loop)
        closing.result(timeout=_STARTUP_TIMEOUT)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=_STARTUP_TIMEOUT)
        del self._store.dump_to_disk

    def _run_loop(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        finally:
            self._loop.close()

    async def _open(self, app: web.Application) -> int:
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, LOOPBACK, 0).start()
        return self._runner.addresses[0][1]

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        pending = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
