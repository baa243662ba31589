"""Print the figures some tests record (``record_property``) at the end of the run.

The form-fuzzing tests record what each visitor visited and sent; the claims corpus test
records the checker's precision and recall per market.
"""


def recorded(terminalreporter, name: str) -> list:
    """Return the values the passing and failing tests recorded under ``name``."""
    return [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for key, value in getattr(report, "user_properties", [])
        if key == name
    ]


def pytest_terminal_summary(terminalreporter):
    """Print each kind of figure the run recorded, under its own heading."""
    fuzzing = recorded(terminalreporter, "form fuzzing")
    if fuzzing:
        terminalreporter.section("form fuzzing")
        for visitor, pages, forms, requests in fuzzing:
            terminalreporter.write_line(
                f"{visitor}: {pages} pages visited, {forms} forms found, {requests} requests sent"
            )
        totals = [sum(row[column] for row in fuzzing) for column in (1, 2, 3)]
        terminalreporter.write_line(
            "all: {} pages visited, {} forms found, {} requests sent".format(*totals)
        )
    corpus = recorded(terminalreporter, "claims corpus")
    if corpus:
        terminalreporter.section("claims corpus")
        for market, sentences, violations, precision, recall in sorted(corpus):
            terminalreporter.write_line(
                f"{market}: {sentences} sentences, {violations} violations, "
                f"precision {precision:.3f}, recall {recall:.3f}"
            )
