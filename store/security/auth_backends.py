"""The shop's sign-in backends, named in AUTHENTICATION_BACKENDS: throttling first, then e-mail."""

from axes.backends import AxesStandaloneBackend
from oscar.apps.customer.auth_backends import EmailBackend as OscarEmailBackend
from oscar.apps.customer.utils import normalise_email
from oscar.core.compat import get_user_model

User = get_user_model()


class SignInThrottleBackend(AxesStandaloneBackend):
    """Refuse a locked-out sign-in (django-axes), leaving server-side checks alone.

    Every sign-in page passes its request to ``authenticate``, so axes can count by address.
    Oscar's registration confirms the password it has just saved with ``authenticate`` and no
    request, which stock axes answers with an error (a 500 on the registration form); such a
    check is no guess from a client, so it is let through to the other backends.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


class EmailBackend(OscarEmailBackend):
    """Sign in by e-mail address, taking as long for an unknown address as for a known one.

    Oscar's backend only runs the password hasher when an account has the address, so a wrong
    password for a real customer answered about twice as slowly as one for a made-up address,
    which told anyone which addresses have accounts here.
    """

    def _authenticate(self, request, email=None, password=None, *args, **kwargs):
        address = email if email is not None else kwargs.get("username")
        if address is not None and password is not None and self._is_unknown_address(address):
            # Hash the password anyway, as Django's ModelBackend does for an unknown username.
            User().set_password(password)
            return None
        return super()._authenticate(request, email, password, *args, **kwargs)

    @staticmethod
    def _is_unknown_address(address: str) -> bool:
        """Return True when ``address`` is an e-mail address that no account has."""
        clean_address = normalise_email(address)
        if "@" not in clean_address:
            return False
        return not User.objects.filter(email__iexact=clean_address).exists()
