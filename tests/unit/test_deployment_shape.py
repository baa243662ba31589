"""The deployment runs the schedule and the queue itself: no cron on the host."""

from pathlib import Path

import yaml
from django.conf import settings
from django.db import DatabaseError

from store.celery import app

ROOT = Path(__file__).resolve().parents[2]


def compose_services() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def test_compose_runs_web_worker_beat_database_redis_and_the_proxy():
    assert set(compose_services()) == {"web", "worker", "beat", "db", "redis", "proxy"}


def test_every_process_that_others_wait_for_has_a_health_check():
    services = compose_services()
    for name in ("web", "worker", "beat", "db", "redis"):
        assert services[name]["healthcheck"]["test"], name
    assert services["worker"]["command"][:4] == ["celery", "--app", "store", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "--app", "store", "beat"]


def test_worker_and_beat_read_the_same_settings_as_web_and_never_migrate():
    services = compose_services()
    web = services["web"]["environment"]
    for name in ("worker", "beat"):
        environment = services[name]["environment"]
        assert environment["DJANGO_MIGRATE_ON_START"] == "false"
        shared = {key: value for key, value in web.items() if key != "DJANGO_MIGRATE_ON_START"}
        assert {key: environment[key] for key in shared if key != "WEB_CONCURRENCY"} == {
            key: value for key, value in shared.items() if key != "WEB_CONCURRENCY"
        }


def test_every_scheduled_job_is_a_task_the_worker_knows():
    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == {
        "store.payments.tasks.reconcile_card_payments",
        "store.payments.tasks.cancel_unpaid_orders",
        "store.mail.tasks.deliver_overdue_emails",
        "store.customer.tasks.send_all_back_in_stock_alerts",
        "content.tasks.remind_editors_of_due_reviews",
    }
    assert scheduled <= set(app.tasks)


def test_the_readme_asks_for_no_cron_job():
    assert "cron" not in (ROOT / "README.md").read_text().lower()


def test_every_scheduled_job_is_retried_with_back_off_when_the_database_or_network_fails():
    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        job = app.tasks[entry["task"]]
        assert DatabaseError in job.autoretry_for and OSError in job.autoretry_for, job.name
        assert (job.retry_backoff, job.retry_backoff_max, job.max_retries) == (60, 1800, 5)
        assert job.acks_late, job.name
