"""Write schema.org JSON-LD into a page so that no value inside can break out of its element.

The catalogue's product data and the content pages' article data are both written with it.
"""

import json
from collections.abc import Callable

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

#: What JSON may contain but a <script> element may not: "</script>", "<!--" and friends.
#: The same escapes as Django's ``json_script``; JSON parsers read them back unchanged.
SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}

#: Turns a path into an absolute URL, such as ``request.build_absolute_uri``.
Absolute = Callable[[str], str]


def json_ld_script(data: dict) -> SafeString:
    """Return ``data`` as a JSON-LD <script> element that no value inside can break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    escaped = mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308  (escaped just above)
    return format_html('<script type="application/ld+json">{}</script>', escaped)
