"""The CSV side of every dashboard report, writing cells a spreadsheet will not run.

Each report's CSV formatter (orders, products, customers, baskets, offers, vouchers) subclasses
the ``ReportCSVFormatter`` that ``get_class`` finds here.
"""

from oscar.apps.dashboard.reports import reports

from store.dashboard.spreadsheets import SpreadsheetSafeCSVWriter


class ReportCSVFormatter(reports.ReportCSVFormatter):
    def get_csv_writer(self, file_handle, **kwargs):
        return SpreadsheetSafeCSVWriter(open_file=file_handle, **kwargs)
