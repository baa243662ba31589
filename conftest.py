"""Project-wide pytest hooks and fixtures."""

from django.db import connection

# The local Stripe emulator, the fixture that points the shop at it and its own tests' client;
# the content pages' shared fixtures; the figures some tests print at the end of the run.
pytest_plugins = [
    "tests.stripe_emulator",
    "tests.card_payments",
    "tests.integration.stripe_emulator_support",
    "tests.content_pages",
    "tests.figures",
]


def pytest_report_header(config):
    """Name the database the run uses, so every reader sees which one ran."""
    return f"database: {connection.vendor}"
