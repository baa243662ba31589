from django.urls import path

from store.receipts.views import (
    OrderCreditNoteView,
    OrderReceiptView,
    SignedCreditNoteView,
    SignedReceiptView,
)

app_name = "receipts"

urlpatterns = [
    path("orders/<str:order_number>/", OrderReceiptView.as_view(), name="order-receipt"),
    path(
        "orders/<str:order_number>/credit-notes/<str:number>/",
        OrderCreditNoteView.as_view(),
        name="order-credit-note",
    ),
    path("credit-notes/<str:token>/", SignedCreditNoteView.as_view(), name="credit-note"),
    path("<str:token>/", SignedReceiptView.as_view(), name="receipt"),
]
