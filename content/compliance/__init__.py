"""A health-claims checker for the shop's words, per market.

Give it a text (plain or HTML), the market (``uk``, ``eu``, ``us`` or ``au``) and where the
text appears (``product``, ``editorial`` or ``review``); it returns a :class:`Finding` for each
claim that market forbids there, with the rule, its regulation and a compliant rewording::

    check_text("Relieves muscle cramps.", market="uk")

Pure functions over strings: no database, no settings.
"""

from content.compliance.checker import SETTINGS, Finding, check_html, check_text
from content.compliance.rules import MARKETS, RULES, MarketRules, market_rules

__all__ = [
    "MARKETS",
    "RULES",
    "SETTINGS",
    "Finding",
    "MarketRules",
    "check_html",
    "check_text",
    "market_rules",
]
