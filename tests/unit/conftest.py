"""Hooks for the unit tests."""


def pytest_terminal_summary(terminalreporter):
    """Print the claims checker's precision and recall per market, as its corpus test found."""
    rows = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for name, value in getattr(report, "user_properties", [])
        if name == "claims corpus"
    ]
    if not rows:
        return
    terminalreporter.section("claims corpus")
    for market, sentences, violations, precision, recall in sorted(rows):
        terminalreporter.write_line(
            f"{market}: {sentences} sentences, {violations} violations, "
            f"precision {precision:.3f}, recall {recall:.3f}"
        )
