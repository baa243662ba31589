"""The names of the order statuses, the only place they are spelled.

``OSCAR_ORDER_STATUS_PIPELINE`` in the settings must use exactly these (a system check,
``store.order.checks``, says so when it does not).
"""

AWAITING_PAYMENT = "Awaiting payment"
#: Oscar's own first status, kept in the pipeline for orders placed before the shop's.
PENDING = "Pending"
BEING_PROCESSED = "Being processed"
SHIPPED = "Shipped"
PARTLY_REFUNDED = "Partly refunded"
REFUNDED = "Refunded"
CANCELLED = "Cancelled"

ORDER_STATUSES = (
    AWAITING_PAYMENT,
    PENDING,
    BEING_PROCESSED,
    SHIPPED,
    PARTLY_REFUNDED,
    REFUNDED,
    CANCELLED,
)
