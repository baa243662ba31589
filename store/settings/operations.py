"""Running the shop day to day: its mail, its task queue and schedule, and where errors go."""

from celery.schedules import crontab

from .environment import env_bool, env_list, env_str

# --- Mail -------------------------------------------------------------------------------------
# Everything the shop sends is written to the outbox (store.mail) in the transaction of the
# change it reports, and delivered by the task queue once that commits, so a slow or failing
# mail server never slows or fails a request. The transport is the backend that delivers.
EMAIL_BACKEND = "store.mail.backends.OutboxBackend"
SHOP_EMAIL_TRANSPORT = env_str(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "shop@magnesium-shop.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Read by the SMTP transport (DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend).
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = int(env_str("DJANGO_EMAIL_TIMEOUT", "10"))
# A refused email is tried again after 1, 2, 4... minutes (SHOP_EMAIL_RETRY_SECONDS doubling),
# at most half an hour apart, 12 times; then every 40 minutes by deliver_overdue_emails, which
# also picks up emails never tried (the queue was down) after 10 minutes, for three days.
SHOP_EMAIL_RETRY_SECONDS = int(env_str("SHOP_EMAIL_RETRY_SECONDS", "60"))
SHOP_EMAIL_RETRY_MAX_SECONDS = 1800
SHOP_EMAIL_RETRIES = 12
SHOP_EMAIL_LOST_AFTER = 600
SHOP_EMAIL_GIVE_UP_AFTER = 3 * 24 * 3600

# --- Task queue (Celery, store/celery.py) ------------------------------------------------------
# The broker is Redis, the same server as the cache. With none configured (the embedded
# default of `make run`) each task runs in the web process, after the commit that queued it.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or env_str("REDIS_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_IGNORE_RESULT = True
# A task is taken off the queue when it has finished, not when it starts: a worker killed in
# the middle leaves it for another. Tasks are written to be run twice safely.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task held for later (a retry) goes back to the queue if unacknowledged for this long; the
# longest retry wait is shorter.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
}
# A broker that is down costs a request about two seconds, not the request itself.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
# The worker logs through Django's LOGGING below, so its errors reach ADMINS and Sentry too.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# What beat starts, in the shop's time zone. A run the worker could not start within its
# period is dropped: the next one does the same work.
CELERY_BEAT_SCHEDULE = {
    "reconcile-card-payments": {
        "task": "store.payments.tasks.reconcile_card_payments",
        "schedule": crontab(minute=7),
        "options": {"expires": 3000},
    },
    "cancel-unpaid-orders": {
        "task": "store.payments.tasks.cancel_unpaid_orders",
        "schedule": crontab(hour=3, minute=17),
        "options": {"expires": 20 * 3600},
    },
    "send-back-in-stock-alerts": {
        "task": "store.customer.tasks.send_all_back_in_stock_alerts",
        "schedule": crontab(minute=37),
        "options": {"expires": 3000},
    },
    "deliver-overdue-emails": {
        "task": "store.mail.tasks.deliver_overdue_emails",
        "schedule": crontab(minute="*/10"),
        "options": {"expires": 540},
    },
    "remind-editors-of-due-reviews": {
        "task": "content.tasks.remind_editors_of_due_reviews",
        "schedule": crontab(day_of_week="mon", hour=8, minute=0),
        "options": {"expires": 6 * 24 * 3600},
    },
}

# --- Errors -----------------------------------------------------------------------------------
# Comma-separated addresses that get an email for every error logged (server errors, failed
# tasks), sent straight through the transport: an error may mean the database is down.
ADMINS = [(address, address) for address in env_list("DJANGO_ADMINS")]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "email_backend": SHOP_EMAIL_TRANSPORT,
        },
    },
    "root": {"handlers": ["console", "mail_admins"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers would mail ADMINS a second time, through the outbox.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # WeasyPrint reports each step of drawing a receipt at INFO.
        "weasyprint.progress": {"level": "WARNING"},
    },
}
# Errors also go to Sentry when SENTRY_DSN is set (its Django, Celery and Redis integrations
# switch themselves on). No personal data is sent.
SENTRY_DSN = env_str("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env_str("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env_str("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )
