"""A third way to pay, for the tests only: the shopper pays when they collect the order.

It is the whole of what a new payment method needs: this module, and its dotted path in
``SHOP_PAYMENT_METHODS``. It uses the default templates of ``PaymentMethod``.
"""

from store.checkout.methods import PaymentMethod


class PayOnCollection(PaymentMethod):
    code = "collection"
    name = "Pay on collection"
    description = "Pay at the counter when you collect your order from the shop in Bath."
    preview_note = "Bring your order number when you come to collect and pay."
