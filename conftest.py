"""Project-wide pytest hooks and fixtures."""

import gc

import pytest
from django.db import connection
from django.test.signals import template_rendered

# The local Stripe emulator, the fixture that points the shop at it and its own tests' client;
# the content pages' shared fixtures; the figures some tests print at the end of the run; a
# trader named only in the settings.
pytest_plugins = [
    "tests.stripe_emulator",
    "tests.card_payments",
    "tests.integration.stripe_emulator_support",
    "tests.content_pages",
    "tests.figures",
    "tests.trader",
]


#: The listeners Django's test set-up connects for the whole run.
LISTENERS_AT_START = len(template_rendered.receivers)


def pytest_report_header(config):
    """Name the database the run uses, so every reader sees which one ran."""
    return f"database: {connection.vendor}"


@pytest.fixture(scope="session", autouse=True)
def mail_through_the_outbox(django_test_environment):
    """Send the suite's mail through the shop's outbox, as production does.

    Django's test set-up swaps ``EMAIL_BACKEND`` for its in-memory one; the outbox delivers
    there instead (``SHOP_EMAIL_TRANSPORT``), once the transaction that wrote the mail commits.
    """
    from django.conf import settings

    settings.EMAIL_BACKEND = "store.mail.backends.OutboxBackend"


@pytest.fixture(autouse=True)
def no_template_listeners_left_behind():
    """Collect the template listeners a test's requests left behind, after each test.

    WebTest's Django app connects a listener to ``template_rendered`` for every request and
    relies on it being freed when the request ends. When a request leaves a reference cycle
    behind (a view that raised and was answered with a 404, say), the listener lives on until
    a full garbage collection, receives a copy of every template context rendered after it,
    and a long run grows by gigabytes and slows to a crawl. A collection when any is left over
    keeps each test's memory its own.
    """
    yield
    if len(template_rendered.receivers) > LISTENERS_AT_START:
        gc.collect()


@pytest.fixture(autouse=True)
def tax_rates_read_afresh():
    """Forget the cached tax rate table after each test.

    A test's rates are rolled back with its transaction, but the table a page cached while the
    test ran would outlive them; the next test reads the rates it has.
    """
    yield
    from store.tax.selectors import forget_tax_table

    forget_tax_table()
