"""System checks for the content app's settings."""

from django.core.checks import Error, register

from content.claims import MARKETS, market_code, unknown_market_message


@register("content")
def check_claims_market(app_configs=None, **kwargs) -> list[Error]:
    """Report a ``CLAIMS_MARKET`` that names no market the claim rules cover."""
    code = market_code()
    if code in MARKETS:
        return []
    return [
        Error(
            unknown_market_message(code),
            hint="Set the CLAIMS_MARKET environment variable to uk, eu, us or au.",
            id="content.E001",
        )
    ]
