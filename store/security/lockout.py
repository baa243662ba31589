"""What django-axes calls to name the signer-in and answer a sign-in it has locked out."""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def sign_in_name(request: HttpRequest, credentials: dict | None) -> str | None:
    """Return the e-mail address or username being signed in with, trimmed and lower-cased.

    Every sign-in form sends it as ``username``; ``client.login(email=...)`` sends ``email``.
    Lower-casing makes "Shopper@Example.com" and "shopper@example.com" one account to count.
    """
    values = credentials if credentials is not None else request.POST
    name = values.get("username") or values.get("email")
    return name.strip().lower() if isinstance(name, str) else None


def client_address(request: HttpRequest) -> str | None:
    """Return the address the request came from, seen through the trusted proxies in front.

    With SHOP_TRUSTED_PROXY_COUNT proxies (Caddy in the compose set-up is one), the client is
    the entry that many places from the right of X-Forwarded-For: what a client writes there
    itself sits further left and is ignored.
    """
    proxy_count = settings.SHOP_TRUSTED_PROXY_COUNT
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if proxy_count and len(forwarded) >= proxy_count:
        return forwarded[-proxy_count]
    return request.META.get("REMOTE_ADDR")


def locked_out_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """Return the "too many attempts" page, with the status and wait that the settings give."""
    cool_off_minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return TemplateResponse(
        request,
        "security/lockout.html",
        {"cool_off_minutes": cool_off_minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    ).render()


def forget_failures_on_sign_in(*, request: HttpRequest | None, user, **kwargs) -> None:
    """Forget the wrong passwords typed for ``user``'s e-mail address from this address.

    django-axes' own reset on success looks the attempts up by the account's username, but
    shoppers and staff sign in with their e-mail address, which is what the attempts record.
    """
    if request is None or not user.email:
        return
    AxesProxyHandler.reset_attempts(
        username=user.email.strip().lower(), ip_address=client_address(request)
    )
