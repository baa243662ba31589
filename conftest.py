"""Project-wide pytest hooks."""

from django.db import connection


def pytest_report_header(config):
    """Name the database the run uses, so every reader sees which one ran."""
    return f"database: {connection.vendor}"
