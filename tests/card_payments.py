"""The fixture that turns card payments on against the local Stripe emulator."""

import pytest

#: The webhook signing secret the tests sign their events with.
WEBHOOK_SECRET = "whsec_test_emulated"


@pytest.fixture
def card_payments(settings, stripe_emulator_clean):
    """Turn card payments on, talking to the local Stripe emulator; return the emulator.

    One second is the timeout, so a test of Stripe not answering takes seconds, not minutes.
    """
    settings.STRIPE_SECRET_KEY = "sk_test_emulated"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = stripe_emulator_clean.api_base
    settings.STRIPE_TIMEOUT = 1
    settings.STRIPE_MAX_NETWORK_RETRIES = 2
    return stripe_emulator_clean
