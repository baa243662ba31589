"""CSV cells that would start a spreadsheet formula are made text; everything else is kept."""

import io
from decimal import Decimal

import pytest

from store.dashboard.spreadsheets import SpreadsheetSafeCSVWriter, spreadsheet_safe


@pytest.mark.parametrize(
    "cell",
    [
        '=HYPERLINK("https://evil.example.com")',
        "+1+1",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_text_that_starts_a_formula_gets_a_quote_in_front(cell):
    assert spreadsheet_safe(cell) == f"'{cell}"


@pytest.mark.parametrize(
    "cell",
    ["Ada Lovelace", "ada@example.com", "", "-", "1 = 1", Decimal("-4.50"), -3, None],
)
def test_plain_text_numbers_and_a_lone_sign_are_kept(cell):
    assert spreadsheet_safe(cell) == cell


def test_the_writer_makes_every_cell_of_a_row_safe():
    written = io.StringIO()

    SpreadsheetSafeCSVWriter(open_file=written).writerow(["=1+1", "Ada", Decimal("-1.00")])

    assert written.getvalue() == "'=1+1,Ada,-1.00\r\n"
