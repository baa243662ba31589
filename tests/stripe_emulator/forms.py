"""Stripe's form encoding: the nested parameters the stripe library flattens into form fields.

``decode_form`` rebuilds what a caller sent; ``encode_form`` flattens what the emulator sends to
localstripe on the shopper's behalf.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl

from tests.stripe_emulator.messages import _Rejected


def decode_form(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Rebuild the nested parameters the stripe library flattened into form fields.

    ``line_items[0][price_data][currency]=gbp`` becomes
    ``{"line_items": [{"price_data": {"currency": "gbp"}}]}``; ``name[]`` appends to a list.
    Values stay strings, as they travel.
    """
    root: dict[str, Any] = {}
    for key, value in pairs:
        name, _, rest = key.partition("[")
        parts = [name, *re.findall(r"\[([^\]]*)\]", "[" + rest)] if rest else [name]
        node = root
        for depth, part in enumerate(parts):
            slot = part or str(len(node))
            if depth == len(parts) - 1:
                node[slot] = value
                break
            child = node.setdefault(slot, {})
            if not isinstance(child, dict):
                raise _Rejected(400, f"Invalid parameter: {key} clashes with another field.")
            node = child
    return _with_lists(root)


def _request_params(form: str) -> tuple[dict[str, Any], _Rejected | None]:
    """Decode a request's form fields, or say how they cannot be decoded."""
    try:
        return decode_form(parse_qsl(form, keep_blank_values=True)), None
    except _Rejected as rejected:
        return {}, rejected


def _with_lists(node: dict[str, Any]) -> Any:
    converted = {
        key: _with_lists(value) if isinstance(value, dict) else value for key, value in node.items()
    }
    indexes = sorted(int(key) for key in converted if key.isdigit())
    if converted and len(indexes) == len(converted) and indexes == list(range(len(indexes))):
        return [converted[str(index)] for index in indexes]
    return converted


def encode_form(params: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    """Flatten nested parameters into form fields the way the stripe library does."""
    fields: list[tuple[str, str]] = []
    for key, value in params.items():
        name = f"{prefix}[{key}]" if prefix else str(key)
        if value is None:
            continue
        if isinstance(value, dict):
            fields.extend(encode_form(value, name))
        elif isinstance(value, list | tuple):
            fields.extend(encode_form(dict(enumerate(value)), name))
        elif isinstance(value, bool):
            fields.append((name, "true" if value else "false"))
        else:
            fields.append((name, str(value)))
    return fields
