"""The pytest fixtures that hand the emulator to tests.

One emulator runs for the whole test session (localstripe can start only once per process);
``stripe_emulator_clean`` gives it to a single test with nothing left over from the one before.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.stripe_emulator.emulator import StripeEmulator


@pytest.fixture(scope="session")
def stripe_emulator() -> Iterator[StripeEmulator]:
    """Run one emulator for the whole test session."""
    emulator = StripeEmulator().start()
    try:
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture
def stripe_emulator_clean(stripe_emulator: StripeEmulator) -> Iterator[StripeEmulator]:
    """Give the shared emulator to one test with no faults, records, keys or webhook target."""
    _reset(stripe_emulator)
    yield stripe_emulator
    _reset(stripe_emulator)


def _reset(emulator: StripeEmulator) -> None:
    emulator.reset_faults()
    emulator.deliver_to(None, None)
