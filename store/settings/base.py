"""Settings shared by every environment, read from the environment with safe defaults."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's documented way to take its defaults)

from .database import database_settings
from .environment import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def base_url(value: str) -> str:
    """Return the site address ``value`` without a trailing slash, refusing one without a scheme."""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.path not in {"", "/"}:
        raise ImproperlyConfigured(
            f"SHOP_BASE_URL must be a scheme and host only, such as https://shop.example: {value!r}"
        )
    return f"{parts.scheme}://{parts.netloc}"


SECRET_KEY = env_str("DJANGO_SECRET_KEY")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The shop's own public address: every absolute link it makes (emails, the sitemap, canonical
# addresses, Stripe's return links, the Site record) starts with it. `make run` sets it from PORT.
SHOP_BASE_URL = base_url(env_str("SHOP_BASE_URL", "http://127.0.0.1:8000"))
OSCAR_URL_SCHEMA = urlsplit(SHOP_BASE_URL).scheme

# An unset DATABASE_URL means the embedded SQLite file in the project folder.
DATABASES = database_settings(BASE_DIR)
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

INSTALLED_APPS = [
    "store.apps.ShopAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "store.config.StoreShopConfig",
    "store.analytics.apps.AnalyticsConfig",
    "store.checkout.apps.CheckoutConfig",
    "store.payments.apps.PaymentsConfig",
    "store.mail.apps.MailConfig",
    "oscar.apps.address.apps.AddressConfig",
    "store.shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "store.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "store.partner.apps.PartnerConfig",
    "store.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "store.offer.apps.OfferConfig",
    "store.order.apps.OrderConfig",
    "store.customer.apps.CustomerConfig",
    "store.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "store.dashboard.apps.DashboardConfig",
    "content.dashboard.apps.ContentDashboardConfig",
    "store.dashboard.reports.apps.ReportsDashboardConfig",
    "store.dashboard.users.apps.UsersDashboardConfig",
    "store.dashboard.orders.apps.OrdersDashboardConfig",
    "store.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "store.dashboard.offers.apps.OffersDashboardConfig",
    "store.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "store.dashboard.ranges.apps.RangesDashboardConfig",
    "store.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "store.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "csp",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    "store.storefront.apps.StorefrontConfig",
    "store.tax.apps.TaxConfig",
    "store.receipts.apps.ReceiptsConfig",
    "content.apps.ContentConfig",
    "store.security.apps.SecurityConfig",
    "axes",
]

SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "store.storefront.middleware.PrivacyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "store.storefront.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "store.storefront.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    # Last, so that it turns a locked-out sign-in into the lock-out page (store.security).
    "axes.middleware.AxesMiddleware",
]

# Whether every web process sees the same cache (Redis), or each keeps its own in memory.
CACHE_IS_SHARED = bool(env_str("REDIS_URL"))
# Seconds an anonymous shopper's page is kept at most (store.storefront.page_cache); any change
# to what shoppers see retires the kept pages at once. 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(env_str("DJANGO_PAGE_CACHE_SECONDS", "3600"))

ROOT_URLCONF = "store.urls"
WSGI_APPLICATION = "store.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "store" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "store.storefront.context_processors.trader",
                "store.storefront.context_processors.tax",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out sign-in is refused before any password is checked.
    "store.security.auth_backends.SignInThrottleBackend",
    "store.security.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (django-axes) on every sign-in page: the shop's, the dashboard's and the
# admin's. Five wrong passwords for one account from one address lock that pair out for
# AXES_COOLOFF_TIME, and that fifth try already answers 429 with the lock-out page
# (store/templates/security/lockout.html). Signing in forgets the pair's failures (store.security).
# Attempts are kept in the database, not the cache, so a Redis outage neither locks everyone
# out nor lets attempts go uncounted. Staff unlock with `manage.py axes_reset_username <email>`
# or by deleting the attempt in the admin's "Access attempts".
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_USERNAME_CALLABLE = "store.security.lockout.sign_in_name"
AXES_CLIENT_IP_CALLABLE = "store.security.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "store.security.lockout.locked_out_response"
AXES_HTTP_RESPONSE_CODE = 429
# Proxies in front of the shop that append the client's address to X-Forwarded-For (1 behind
# the compose set-up's Caddy); 0 trusts no such header and counts by the connecting address.
SHOP_TRUSTED_PROXY_COUNT = int(env_str("SHOP_TRUSTED_PROXY_COUNT", "0"))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# The languages the shop offers: only those its own text and content are written in, so that
# no page comes out half translated. The header's language form appears once there are two.
# To add one, translate the shop's messages (`manage.py makemessages`, a .po file each) and its
# pages into it, then list it here: its addresses start with its code (/de/...). Until then an
# address with such a prefix is simply not found (404).
LANGUAGES = [
    ("en-gb", _("English")),
]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# The project's own scripts and styles (store/ is the project package, not an installed app).
STATICFILES_DIRS = [BASE_DIR / "store" / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Redis is optional: when REDIS_URL is set it holds the cache and a copy of each session, kept
# in the database. A Redis that is down or hung makes the shop slower, never broken: each call
# waits a quarter of a second at most and then counts as a miss (store.cache).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    from store import cache as redis_cache

    CACHES = redis_cache.redis_caches(REDIS_URL)
    SESSION_ENGINE = redis_cache.SESSION_ENGINE
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Mail, the task queue and its schedule, and where errors are reported.
from .operations import *  # noqa: E402, F403

CELERY_TIMEZONE = TIME_ZONE

# Oscar
SHOP_CURRENCY = env_str("SHOP_CURRENCY", "GBP")
OSCAR_DEFAULT_CURRENCY = SHOP_CURRENCY
OSCAR_SHOP_NAME = "Magnesium Works"
OSCAR_SHOP_TAGLINE = _("Magnesium bath flakes and oils")
OSCAR_HOMEPAGE = reverse_lazy("home")
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_PRODUCTS_PER_PAGE = 12
OSCAR_EAGER_ALERTS = False
# Only signed-in shoppers review, and every review waits for staff before it is shown (those
# that make a health claim wait whatever this says: store.reviews.services).
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4", "postcode", "country")
# Orders paid by bank transfer wait for the money; staff move them on once it arrives.
OSCAR_INITIAL_ORDER_STATUS = "Awaiting payment"
OSCAR_INITIAL_LINE_STATUS = "Pending"
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,
    {
        "label": _("Editorial"),
        "icon": "fas fa-newspaper",
        "children": [
            {"label": _("Articles"), "url_name": "dashboard:content-article-list"},
            {"label": _("Condition pages"), "url_name": "dashboard:content-condition-list"},
            {"label": _("Citations"), "url_name": "dashboard:content-citation-list"},
            {"label": _("Shop pages"), "url_name": "dashboard:content-shop-page-list"},
            {"label": _("Import an article"), "url_name": "dashboard:content-article-import"},
        ],
    },
]
# Card refunds move an order to "Partly refunded" or "Refunded" (store.payments.refunds); the
# statuses are spelled once, in store/order/statuses.py (checked by `manage.py check`).
OSCAR_ORDER_STATUS_PIPELINE = {
    "Awaiting payment": ("Being processed", "Cancelled"),
    "Pending": ("Being processed", "Cancelled"),
    "Being processed": ("Shipped", "Partly refunded", "Refunded", "Cancelled"),
    "Partly refunded": ("Shipped", "Refunded", "Cancelled"),
    "Shipped": ("Partly refunded", "Refunded"),
    "Refunded": (),
    "Cancelled": ("Refunded",),
}

# Listings and search come from the database (store.search); Haystack is not installed, but
# Oscar's own search modules import it, and it refuses to import without a connection.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}

THUMBNAIL_DEBUG = False
THUMBNAIL_PRESERVE_FORMAT = True
# Thumbnail records live in the cache (store.thumbnails), so showing an image writes no SQL.
THUMBNAIL_KVSTORE = "store.thumbnails.CacheKVStore"

# Seconds a signed preview link to an unpublished page keeps working.
CONTENT_PREVIEW_MAX_AGE = int(env_str("CONTENT_PREVIEW_MAX_AGE", str(7 * 24 * 60 * 60)))
# A live condition page is due for review this many days after its review date (or at once,
# without one); editors are reminded every Monday of the pages that are due.
CONTENT_REVIEW_EVERY_DAYS = int(env_str("CONTENT_REVIEW_EVERY_DAYS", "365"))

# The market whose law the shop trades under (uk, eu, us or au): which health claims it may print,
# and how its prices carry tax (store.tax): uk, eu and au prices include VAT or GST; us prices
# are before sales tax, which checkout adds for the delivery state.
CLAIMS_MARKET = env_str("CLAIMS_MARKET", "uk")
# The trader, named on every page's footer, on receipts and on the consumer pages. The defaults
# are a demo company's: set each for a real shop.
SHOP_TRADER_NAME = env_str("SHOP_TRADER_NAME", "Magnesium Works Ltd")
SHOP_TRADER_COMPANY_NUMBER = env_str("SHOP_TRADER_COMPANY_NUMBER", "00000000")
# The registered (geographic) address, one line per "|"-separated part.
SHOP_TRADER_ADDRESS = env_list(
    "SHOP_TRADER_ADDRESS",
    "Unit 4, Saltworks Yard|12 Brine Street|Northwich|CW9 5AA|United Kingdom",
    separator="|",
)
# Where the trader is established (ISO code): prices are entered with this country's tax in them.
SHOP_TRADER_COUNTRY = env_str(
    "SHOP_TRADER_COUNTRY", {"eu": "IE", "us": "US", "au": "AU"}.get(CLAIMS_MARKET, "GB")
)
SHOP_TRADER_VAT_NUMBER = env_str("SHOP_TRADER_VAT_NUMBER", "GB 123 4567 89")
SHOP_TRADER_EMAIL = env_str("SHOP_TRADER_EMAIL", "hello@magnesium-shop.example")
SHOP_TRADER_PHONE = env_str("SHOP_TRADER_PHONE", "+44 1606 000000")

# Offers take their share off the price the shopper sees: with the tax in it where prices
# include tax, so a discount lowers the tax in proportion; before sales tax in the US.
OSCAR_OFFERS_INCL_TAX = CLAIMS_MARKET != "us"

# The markets the shop sells to (uk, eu, us, au): `seed_shop` makes their countries shipping
# countries and gives each market its delivery methods.
SHOP_MARKETS = env_list("SHOP_MARKETS", "uk")

# The ways to pay (store.checkout.methods), in the order the payment-method step offers them;
# a method whose ``enabled()`` is false (card, without a Stripe key) is left out.
SHOP_PAYMENT_METHODS = [
    "store.payments.card.Card",
    "store.payments.bank_transfer.BankTransfer",
]

# Bank transfer: the account shoppers pay into, shown on the thank-you page and in the order
# confirmation email with the order's payment reference. The defaults are demo values only.
SHOP_BANK_ACCOUNT_NAME = env_str("SHOP_BANK_ACCOUNT_NAME", "Magnesium Works Ltd (DEMO ACCOUNT)")
SHOP_BANK_SORT_CODE = env_str("SHOP_BANK_SORT_CODE", "00-00-00")
SHOP_BANK_ACCOUNT_NUMBER = env_str("SHOP_BANK_ACCOUNT_NUMBER", "00000000")
SHOP_BANK_IBAN = env_str("SHOP_BANK_IBAN")
# Days a bank-transfer order may wait for its money before ``cancel_unpaid_orders`` cancels it.
SHOP_BANK_TRANSFER_DAYS = int(env_str("SHOP_BANK_TRANSFER_DAYS", "7"))

# Card payments through Stripe Checkout (store.payments). A blank secret key turns cards off:
# the shop then offers bank transfer only. STRIPE_API_BASE points the library elsewhere than
# api.stripe.com (the tests' local emulator); blank means Stripe itself.
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env_str("STRIPE_API_BASE")
# Seconds to wait for Stripe's answer, and how many times the library retries a failed call.
STRIPE_TIMEOUT = float(env_str("STRIPE_TIMEOUT", "5"))
STRIPE_MAX_NETWORK_RETRIES = int(env_str("STRIPE_MAX_NETWORK_RETRIES", "2"))
# Minutes a card order holds its stock while the shopper is on Stripe's page (Stripe: 30-1440).
STRIPE_CHECKOUT_MINUTES = int(env_str("STRIPE_CHECKOUT_MINUTES", "30"))

# Content-Security-Policy (django-csp): scripts, styles, fonts and images come only from the
# shop's own origin, with no inline script, inline style or event-handler attribute anywhere
# (templates name their start-up code in the page_init block instead; see store/js/site.js).
# Forms may be sent to the shop and, for card payments, on to Stripe's hosted checkout page,
# since the browser checks the redirect that answers "Place order" against form-action too.
STRIPE_CHECKOUT_ORIGIN = env_str("STRIPE_CHECKOUT_ORIGIN", "https://checkout.stripe.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF, STRIPE_CHECKOUT_ORIGIN],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
