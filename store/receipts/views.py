"""The shopper's tax documents as web pages: through the signed link in the order confirmation
email (no sign-in needed), or from the order page of their account.

A link that was altered, or an order that is not the signed-in shopper's, is a 404 like any
unknown address. Showing a document writes nothing: documents are issued when an order is
placed or a refund goes through, never when they are looked at.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views import View

from store.receipts import selectors
from store.receipts.models import CreditNote, Receipt

NOINDEX = "noindex, nofollow"


def receipt_page(request: HttpRequest, receipt: Receipt | None, *, signed: bool) -> HttpResponse:
    """Return the page of ``receipt``, or raise 404 if there is none.

    ``signed`` says the page was opened through a signed link, and links its credit notes so.
    """
    if receipt is None:
        raise Http404("No such receipt.")
    document = selectors.receipt_document(receipt)
    links = [(note, _credit_note_url(note, signed=signed)) for note in document.credit_notes]
    return _document_response(
        request, "receipts/receipt.html", {"document": document, "credit_note_links": links}
    )


def credit_note_page(request: HttpRequest, credit_note: CreditNote | None) -> HttpResponse:
    """Return the page of ``credit_note``, or raise 404 if there is none."""
    if credit_note is None:
        raise Http404("No such credit note.")
    document = selectors.credit_note_document(credit_note)
    return _document_response(request, "receipts/credit_note.html", {"document": document})


def _credit_note_url(credit_note: CreditNote, *, signed: bool) -> str:
    if signed:
        return selectors.signed_url(credit_note)
    return reverse(
        "receipts:order-credit-note",
        kwargs={"order_number": credit_note.order.number, "number": credit_note.number},
    )


def _document_response(request: HttpRequest, template_name: str, context: dict) -> HttpResponse:
    """Return the document's page, kept out of search engines and shared caches: it names a
    person and their address, whoever opens it."""
    response = TemplateResponse(request, template_name, context)
    response["X-Robots-Tag"] = NOINDEX
    patch_cache_control(response, private=True, no_store=True)
    return response


class SignedReceiptView(View):
    """The receipt a signed link names, for whoever holds the link."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return receipt_page(request, selectors.receipt_for_token(token), signed=True)


class SignedCreditNoteView(View):
    """The credit note a signed link names, for whoever holds the link."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return credit_note_page(request, selectors.credit_note_for_token(token))


class OrderReceiptView(LoginRequiredMixin, View):
    """The receipt of one of the signed-in shopper's orders."""

    def get(self, request: HttpRequest, order_number: str) -> HttpResponse:
        receipt = selectors.receipt_for_owner(request.user, order_number)
        return receipt_page(request, receipt, signed=False)


class OrderCreditNoteView(LoginRequiredMixin, View):
    """A credit note of one of the signed-in shopper's orders."""

    def get(self, request: HttpRequest, order_number: str, number: str) -> HttpResponse:
        credit_note = selectors.credit_note_for_owner(request.user, order_number, number)
        return credit_note_page(request, credit_note)
