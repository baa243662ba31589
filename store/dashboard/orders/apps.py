"""Oscar's orders dashboard, forked so staff can mark a bank-transfer order paid."""

import oscar.apps.dashboard.orders.apps as apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "store.dashboard.orders"
