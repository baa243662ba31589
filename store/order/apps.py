"""Oscar's order app, forked so that every change of an order's status follows the shop's rules."""

import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    name = "store.order"

    def ready(self) -> None:
        """Register the order status check, as well as Oscar's own set-up."""
        super().ready()
        from store.order import checks  # noqa: F401  (registers the check on import)
