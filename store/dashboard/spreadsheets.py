"""CSV cells that a spreadsheet shows as text instead of running as a formula.

Excel, LibreOffice and Google Sheets treat a cell that starts with ``=``, ``+``, ``-`` or ``@``
as a formula (and a leading tab or carriage return can hide such a start), so a shopper named
``=HYPERLINK("https://evil.example.com")`` would become a live link, or worse, in the file staff
download. A single quote in front makes the spreadsheet show the text as it is.
"""

from oscar.core.compat import UnicodeCSVWriter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Return ``value`` with a quote in front if it is text a spreadsheet would run.

    Numbers and dates are the shop's own and are returned as they are, so that a negative
    amount stays a number; so is a lone sign such as Oscar's "-" for a guest, which is no
    formula.
    """
    if isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class SpreadsheetSafeCSVWriter(UnicodeCSVWriter):
    """Oscar's Excel-friendly CSV writer, with every text cell made safe to open."""

    def writerow(self, row):
        super().writerow([spreadsheet_safe(cell) for cell in row])
