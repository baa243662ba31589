from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    """Sign-in hardening around django-axes: see store.security.lockout."""

    name = "store.security"
    label = "security"
    verbose_name = _("Sign-in security")

    def ready(self):
        """Forget an account's wrong passwords from an address once it signs in from there."""
        from django.contrib.auth.signals import user_logged_in

        from store.security.lockout import forget_failures_on_sign_in

        user_logged_in.connect(forget_failures_on_sign_in, dispatch_uid="security-forget-failures")
