"""Oscar's orders dashboard, forked for paying, dispatch and refunds; changes need change_order."""

import oscar.apps.dashboard.orders.apps as apps

from store.dashboard.writes import WritesNeedPermission


class OrdersDashboardConfig(WritesNeedPermission, apps.OrdersDashboardConfig):
    name = "store.dashboard.orders"

    write_permissions = {
        "order-list": ["order.change_order"],
        "order-detail": ["order.change_order"],
    }

    def configure_permissions(self) -> None:
        """Use Oscar's rules, except that the shipping-address form needs ``change_order``."""
        super().configure_permissions()
        view_rule, partner_rule = self.permissions_map["order-shipping-address"]
        self.permissions_map["order-shipping-address"] = (
            [*view_rule, "order.change_order"],
            partner_rule,
        )
