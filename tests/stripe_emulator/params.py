"""Checks of the parameters of a new Checkout Session, in Stripe's words where it has them.

Each check raises ``_Rejected`` with the error Stripe would send, naming the offending parameter;
``_line_items`` also turns the line items into Stripe's item objects.
"""

from __future__ import annotations

import re
from typing import Any

from tests.stripe_emulator.messages import _new_id, _Rejected

_SESSION_PARAMS = frozenset(
    {
        "mode",
        "line_items",
        "success_url",
        "cancel_url",
        "client_reference_id",
        "customer_email",
        "metadata",
        "expires_at",
        "payment_method_types",
        "payment_intent_data",
        "locale",
        "expand",
    }
)
_LINE_ITEM_PARAMS = frozenset({"price_data", "quantity"})
_PRICE_DATA_PARAMS = frozenset({"currency", "unit_amount", "product_data"})
_PRODUCT_DATA_PARAMS = frozenset({"name", "description"})
_PAYMENT_INTENT_DATA_PARAMS = frozenset({"metadata"})


def _param_name(prefix: str, key: str) -> str:
    return f"{prefix}[{key}]" if prefix else key


def _reject_unknown(values: dict[str, Any], allowed: frozenset[str], prefix: str) -> None:
    for key in values:
        if key not in allowed:
            name = _param_name(prefix, key)
            raise _Rejected(400, f"Received unknown parameter: {name}", param=name)


def _as_dict(value: Any, param: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Rejected(400, f"Invalid object: {param} must be a hash.", param=param)
    return value


def _as_int(value: Any, param: str) -> int:
    if not isinstance(value, str) or not re.fullmatch(r"-?\d+", value):
        raise _Rejected(400, f"Invalid integer: {value}", param=param)
    return int(value)


def _optional_str(params: dict[str, Any], key: str) -> str | None:
    value = params.get(key)
    if value is not None and not isinstance(value, str):
        raise _Rejected(400, f"Invalid string: {key} must be a string.", param=key)
    return value


def _metadata(value: Any, param: str) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, list):  # keys "0", "1", ... were decoded as a list
        value = {str(index): item for index, item in enumerate(value)}
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise _Rejected(400, "Invalid metadata: values must be strings.", param=param)
    return value


def _line_items(value: Any) -> tuple[list[dict[str, Any]], str]:
    """Check the line items and return them as Stripe's item objects, with their currency."""
    if not value:
        raise _Rejected(400, "Missing required param: line_items.", param="line_items")
    if not isinstance(value, list):
        raise _Rejected(400, "Invalid array.", param="line_items")
    items: list[dict[str, Any]] = []
    currency = None
    for index, raw in enumerate(value):
        prefix = f"line_items[{index}]"
        item = _as_dict(raw, prefix)
        _reject_unknown(item, _LINE_ITEM_PARAMS, prefix)
        if "price_data" not in item:
            raise _Rejected(400, f"Missing required param: {prefix}[price_data].", param=prefix)
        price = _as_dict(item["price_data"], f"{prefix}[price_data]")
        _reject_unknown(price, _PRICE_DATA_PARAMS, f"{prefix}[price_data]")
        item_currency = str(price.get("currency", ""))
        if not re.fullmatch(r"[A-Za-z]{3}", item_currency):
            raise _Rejected(400, "Invalid currency.", param=f"{prefix}[price_data][currency]")
        item_currency = item_currency.lower()
        if currency is not None and item_currency != currency:
            raise _Rejected(
                400,
                "All line items must use the same currency.",
                param=f"{prefix}[price_data][currency]",
            )
        currency = item_currency
        unit_amount = _as_int(price.get("unit_amount"), f"{prefix}[price_data][unit_amount]")
        if unit_amount < 0:
            raise _Rejected(
                400,
                "unit_amount must be at least 0.",
                param=f"{prefix}[price_data][unit_amount]",
            )
        product = _as_dict(price.get("product_data"), f"{prefix}[price_data][product_data]")
        _reject_unknown(product, _PRODUCT_DATA_PARAMS, f"{prefix}[price_data][product_data]")
        name = product.get("name")
        if not isinstance(name, str) or not name:
            raise _Rejected(
                400,
                f"Missing required param: {prefix}[price_data][product_data][name].",
                param=f"{prefix}[price_data][product_data][name]",
            )
        quantity = _as_int(item.get("quantity"), f"{prefix}[quantity]")
        if quantity < 1:
            raise _Rejected(400, "quantity must be at least 1.", param=f"{prefix}[quantity]")
        items.append(
            {
                "id": _new_id("li_", 24),
                "object": "item",
                "amount_discount": 0,
                "amount_subtotal": unit_amount * quantity,
                "amount_tax": 0,
                "amount_total": unit_amount * quantity,
                "currency": item_currency,
                "description": name,
                "price": {
                    "id": _new_id("price_", 24),
                    "object": "price",
                    "currency": item_currency,
                    "product": _new_id("prod_", 14),
                    "type": "one_time",
                    "unit_amount": unit_amount,
                },
                "quantity": quantity,
            }
        )
    return items, currency
