"""The shop's URLs: the storefront under i18n patterns, admin, and media in development.

The files robots and people look for at fixed addresses (sitemap, robots.txt, security.txt)
stay outside the language prefixes."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from content.sitemaps import SITEMAPS
from store.payments.views import StripeWebhookView
from store.storefront.views import RobotsTxtView, SecurityTxtView

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", RobotsTxtView.as_view(), name="robots-txt"),
    path(".well-known/security.txt", SecurityTxtView.as_view(), name="security-txt"),
    path("payments/stripe/webhook/", StripeWebhookView.as_view(), name="stripe-webhook"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("content.urls")),
    path("checkout/", include("store.payments.urls")),
    path("receipts/", include("store.receipts.urls")),
    path("", include(apps.get_app_config("oscar").urls[0])),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "oscar.views.handler403"
handler404 = "oscar.views.handler404"
handler500 = "oscar.views.handler500"
