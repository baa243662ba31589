"""Fault injection and the record of requests, for tests of retries and timeouts.

Tests ask for the next requests under a path to fail with a Stripe error or to be delayed, and
read back every request that reached the fixture. ``FaultInjection`` is one part of
``StripeEmulator`` and works on the state its constructor sets up.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.stripe_emulator.messages import RecordedRequest, _Incoming


@dataclass
class _Fault:
    path_prefix: str
    remaining: int
    value: float  # an HTTP status for failures, seconds for delays


class FaultInjection:
    """Fail or delay chosen requests, and record every request that arrives."""

    def reset_faults(self) -> None:
        """Forget injected failures and delays, recorded requests and used idempotency keys."""
        with self._lock:
            self._failures.clear()
            self._delays.clear()
            self._recorded.clear()
            self._idempotent_results.clear()

    def fail_next(self, path_prefix: str, *, status: int = 500, times: int = 1) -> None:
        """Answer the next ``times`` matching requests with a Stripe error, doing no work.

        The error type is ``api_error`` for 5xx and ``invalid_request_error`` for 4xx. No
        ``Stripe-Should-Retry`` header is sent, so the library's own rules decide on retries.
        """
        if not 400 <= status <= 599 or times < 1:
            raise ValueError("fail_next needs a 4xx or 5xx status and times >= 1")
        with self._lock:
            self._failures.append(_Fault(path_prefix, times, status))

    def delay_next(self, path_prefix: str, *, seconds: float, times: int = 1) -> None:
        """Sleep ``seconds`` before handling each of the next ``times`` matching requests."""
        if seconds <= 0 or times < 1:
            raise ValueError("delay_next needs seconds > 0 and times >= 1")
        with self._lock:
            self._delays.append(_Fault(path_prefix, times, seconds))

    def requests(self, path_prefix: str = "") -> list[RecordedRequest]:
        """List every request that reached the fixture under ``path_prefix``, oldest first."""
        with self._lock:
            return [request for request in self._recorded if request.path.startswith(path_prefix)]

    def _record_request(self, request: _Incoming) -> None:
        recorded = RecordedRequest(
            method=request.method,
            path=request.path,
            params=request.params,
            idempotency_key=request.idempotency_key,
            api_key=request.api_key,
        )
        with self._lock:
            self._recorded.append(recorded)

    def _take_fault(self, faults: list[_Fault], path: str) -> float | None:
        with self._lock:
            for fault in faults:
                if path.startswith(fault.path_prefix):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        faults.remove(fault)
                    return fault.value
        return None
