"""The names of the order statuses the shop's code moves orders to (OSCAR_ORDER_STATUS_PIPELINE)."""

AWAITING_PAYMENT = "Awaiting payment"
BEING_PROCESSED = "Being processed"
SHIPPED = "Shipped"
PARTLY_REFUNDED = "Partly refunded"
REFUNDED = "Refunded"
CANCELLED = "Cancelled"
