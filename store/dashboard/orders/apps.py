"""Oscar's orders dashboard, forked for paying, dispatch, refunds and the orders' tax documents;
changes need change_order."""

import oscar.apps.dashboard.orders.apps as apps
from django.urls import path

from store.dashboard.writes import WritesNeedPermission


class OrdersDashboardConfig(WritesNeedPermission, apps.OrdersDashboardConfig):
    name = "store.dashboard.orders"

    write_permissions = {
        "order-list": ["order.change_order"],
        "order-detail": ["order.change_order"],
    }

    def ready(self) -> None:
        """Load Oscar's views and the documents' PDF views."""
        from store.dashboard.orders.documents import OrderCreditNotePdfView, OrderReceiptPdfView

        self.order_receipt_view = OrderReceiptPdfView
        self.order_credit_note_view = OrderCreditNotePdfView
        super().ready()

    def configure_permissions(self) -> None:
        """Use Oscar's rules, except that the shipping-address form needs ``change_order``; an
        order's receipt and credit notes need what its page needs."""
        super().configure_permissions()
        view_rule, partner_rule = self.permissions_map["order-shipping-address"]
        self.permissions_map["order-shipping-address"] = (
            [*view_rule, "order.change_order"],
            partner_rule,
        )
        for name in ("order-receipt", "order-credit-note"):
            self.permissions_map[name] = self.permissions_map["order-detail"]

    def get_urls(self):
        """Oscar's order pages, and the PDF files of each order's receipt and credit notes."""
        urls = [
            path(
                "<str:number>/receipt/",
                self.order_receipt_view.as_view(),
                name="order-receipt",
            ),
            path(
                "<str:number>/credit-notes/<str:credit_note_number>/",
                self.order_credit_note_view.as_view(),
                name="order-credit-note",
            ),
        ]
        return [*super().get_urls(), *self.post_process_urls(urls)]
