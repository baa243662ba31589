"""What the site may say about health, per market, chosen with ``settings.CLAIMS_MARKET``.

The shop sells cosmetic bath products (magnesium chloride flakes and oils), not medicines. Each
market regulates health claims differently, and this module holds what the public pages
change by market:

``disclaimer``
    The notice under every condition page and article. In plain words it says the products
    are not medicines and the page does not diagnose, treat, cure or prevent anything, and it
    sends the reader to the professional that market's regulator expects:

    * ``uk``: the CAP Code (rule 12) enforced by the ASA allows medicinal claims only for
      licensed medicines, so the notice says the products are not medicines and points to a
      GP or pharmacist.
    * ``eu``: the Cosmetic Products Regulation (EC) 1223/2009 and its common criteria for
      claims (Regulation 655/2013) keep cosmetics away from medicinal claims, so the notice
      says the products are cosmetics and points to a doctor or pharmacist.
    * ``us``: under the FD&C Act (section 201(g)(1) and (i)) a product meant to treat,
      mitigate or prevent disease, or to affect the structure or any function of the body, is
      a drug, and the intended use is read from the website. The notice says the products are
      cosmetics meant for cleansing and relaxing, and neither. The FDA's "These statements
      have not been evaluated..." notice belongs to dietary supplements, so a bath product
      never carries it.
    * ``au``: the TGA regulates therapeutic goods; the products are not on the Australian
      Register of Therapeutic Goods, so the notice says so and points to a health
      professional.

Product pages name no condition in any market. A product page is advertising: putting
"migraine" next to "Add to basket" is an implied claim that the product treats migraine, which
the UK (CAP Code 12.1 and 12.2), the EU (cosmetics may not claim to treat), the US (a cosmetic
presented as treating a disease is an unapproved drug) and Australia (the Therapeutic Goods
Advertising Code) all forbid for a product without a licence. The product page shows a neutral
"Related reading" list instead (``content_tags.related_content``). The condition pages
themselves are editorial, carry the disclaimer, and are one click away.

What a text says is read by ``content.compliance``, the claims checker, with each market's
rules.

A market the module does not know is a configuration error: the system check
``content.E001`` (``content.checks``) reports it at start-up, and :func:`current_claims`
raises ``ImproperlyConfigured`` if it is used anyway.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MarketClaims:
    """The claim rules for one market."""

    code: str
    name: Promise
    disclaimer: Promise


MARKETS: dict[str, MarketClaims] = {
    "uk": MarketClaims(
        code="uk",
        name=_("United Kingdom"),
        disclaimer=_(
            "Our bath flakes and oils are cosmetic products, not medicines. This page "
            "summarises published research for general interest; it is not medical advice and "
            "our products are not intended to diagnose, treat, cure or prevent any disease or "
            "condition. If you have a health condition, are pregnant or take medicines, speak "
            "to your GP or pharmacist before using magnesium products."
        ),
    ),
    "eu": MarketClaims(
        code="eu",
        name=_("European Union"),
        disclaimer=_(
            "Our bath flakes and oils are cosmetic products within the meaning of the EU "
            "Cosmetics Regulation, not medicinal products. This page summarises published "
            "research for general information; it is not medical advice and our products are "
            "not intended to diagnose, treat, cure or prevent any disease. Ask your doctor or "
            "pharmacist for advice about a health condition."
        ),
    ),
    "us": MarketClaims(
        code="us",
        name=_("United States"),
        disclaimer=_(
            "Our bath flakes and oils are cosmetics, made for cleansing and for relaxing in "
            "the bath. They are not drugs: they are not intended to diagnose, treat, cure, "
            "mitigate or prevent any disease, or to affect the structure or any function of "
            "the body. This page summarizes published research for general information and is "
            "not medical advice; talk to your doctor about any medical condition."
        ),
    ),
    "au": MarketClaims(
        code="au",
        name=_("Australia"),
        disclaimer=_(
            "Our bath flakes and oils are cosmetic products. They are not therapeutic goods "
            "listed or registered on the Australian Register of Therapeutic Goods, and they "
            "are not intended to diagnose, treat, cure or prevent any disease. This page "
            "summarises published research for general information only. Always see a health "
            "professional about a health condition."
        ),
    ),
}


def market_code() -> str:
    """Return the configured market code, lower-cased and trimmed."""
    return str(getattr(settings, "CLAIMS_MARKET", "") or "").strip().lower()


def unknown_market_message(code: str) -> str:
    """Return the explanation shown when ``CLAIMS_MARKET`` names no known market."""
    return (
        f"CLAIMS_MARKET is {code!r}, which is not a market the content app knows. "
        f"Set it to one of: {', '.join(sorted(MARKETS))}."
    )


def current_claims() -> MarketClaims:
    """Return the claim rules for ``settings.CLAIMS_MARKET``; refuse an unknown market."""
    code = market_code()
    try:
        return MARKETS[code]
    except KeyError:
        raise ImproperlyConfigured(unknown_market_message(code)) from None
