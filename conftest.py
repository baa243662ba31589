"""Project-wide pytest hooks and fixtures."""

from django.db import connection

# The local Stripe emulator, and the fixture that points the shop at it.
pytest_plugins = ["tests.stripe_emulator", "tests.card_payments"]


def pytest_report_header(config):
    """Name the database the run uses, so every reader sees which one ran."""
    return f"database: {connection.vendor}"
