"""Hooks for the functional tests."""


def pytest_terminal_summary(terminalreporter):
    """Print what the form-fuzzing tests visited and sent, from the properties they recorded."""
    rows = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for name, value in getattr(report, "user_properties", [])
        if name == "form fuzzing"
    ]
    if not rows:
        return
    terminalreporter.section("form fuzzing")
    for visitor, pages, forms, requests in rows:
        terminalreporter.write_line(
            f"{visitor}: {pages} pages visited, {forms} forms found, {requests} requests sent"
        )
    totals = [sum(row[column] for row in rows) for column in (1, 2, 3)]
    terminalreporter.write_line(
        "all: {} pages visited, {} forms found, {} requests sent".format(*totals)
    )
