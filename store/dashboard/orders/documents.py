"""The tax documents of an order as PDF files, for staff who may view the order.

Staff see only the orders Oscar's dashboard shows them (a partner's users, their partner's),
so a document of any other order is a 404, as its order page would be.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.views import View
from oscar.apps.dashboard.orders.views import queryset_orders_for_user

from store.receipts import selectors


def document_pdf(
    request: HttpRequest, *, template_name: str, document, filename: str
) -> HttpResponse:
    """Return ``document`` drawn from ``template_name`` as a PDF file named ``filename``."""
    # WeasyPrint takes half a second to import: only when the first PDF is drawn, not at start.
    from store.receipts.pdf import pdf_response

    return pdf_response(
        request, template_name=template_name, context={"document": document}, filename=filename
    )


class OrderReceiptPdfView(View):
    """The receipt of an order, as a PDF file to download."""

    def get(self, request: HttpRequest, number: str) -> HttpResponse:
        receipt = selectors.receipt_for_orders(queryset_orders_for_user(request.user), number)
        if receipt is None:
            raise Http404("This order has no receipt.")
        return document_pdf(
            request,
            template_name="receipts/receipt.html",
            document=selectors.receipt_document(receipt),
            filename=f"{receipt.number}.pdf",
        )


class OrderCreditNotePdfView(View):
    """A credit note of an order, as a PDF file to download."""

    def get(self, request: HttpRequest, number: str, credit_note_number: str) -> HttpResponse:
        credit_note = selectors.credit_note_for_orders(
            queryset_orders_for_user(request.user), number, credit_note_number
        )
        if credit_note is None:
            raise Http404("This order has no such credit note.")
        return document_pdf(
            request,
            template_name="receipts/credit_note.html",
            document=selectors.credit_note_document(credit_note),
            filename=f"{credit_note.number}.pdf",
        )
