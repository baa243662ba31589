"""Every Monday, editors are emailed the live condition pages that are due for review."""

import re
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail

from content.tasks import remind_editors_of_due_reviews
from tests.content_factories import ConditionPageFactory, editor_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 30)


def remind(django_capture_on_commit_callbacks) -> list:
    from content.reminders import editors_remind_of_due_reviews

    with django_capture_on_commit_callbacks(execute=True):
        editors_remind_of_due_reviews(today=TODAY)
    return mail.outbox


def test_editors_get_the_pages_never_reviewed_or_reviewed_a_year_ago_or_more(
    client, settings, django_capture_on_commit_callbacks
):
    settings.CONTENT_REVIEW_EVERY_DAYS = 365
    ConditionPageFactory(published=True, title="Migraine", reviewed_on=None)
    ConditionPageFactory(published=True, title="Sleep", reviewed_on=TODAY - timedelta(days=365))
    ConditionPageFactory(published=True, title="Cramp", reviewed_on=TODAY - timedelta(days=364))
    ConditionPageFactory(title="Draft page", reviewed_on=None)  # not live: nobody reads it yet
    editor = editor_user(email="eve@example.com")
    UserFactory(email="shopper@example.com")
    UserFactory(email="root@example.com", is_superuser=True, is_staff=True)

    (reminder,) = remind(django_capture_on_commit_callbacks)

    assert reminder.to == [editor.email]
    assert reminder.subject == "Magnesium Works: 2 condition pages are due for review"
    assert "- Migraine\n  Never reviewed." in reminder.body
    assert "- Sleep\n  Last reviewed 30 November 2025 by A. Reviewer, MPharm." in reminder.body
    assert "Cramp" not in reminder.body and "Draft page" not in reminder.body
    links = re.findall(r"https?://\S+", reminder.body)
    assert len(links) == 2
    client.force_login(editor)
    for link in links:
        assert link.startswith("http://testserver/dashboard/content/conditions/")
        assert client.get(urlsplit(link).path).status_code == 200


def test_no_page_due_means_no_email(django_capture_on_commit_callbacks):
    ConditionPageFactory(published=True, reviewed_on=TODAY - timedelta(days=7))
    editor_user(email="eve@example.com")

    assert remind(django_capture_on_commit_callbacks) == []


def test_the_weekly_task_reminds_every_editor_with_an_address(django_capture_on_commit_callbacks):
    ConditionPageFactory(published=True, reviewed_on=None)
    editor_user(email="eve@example.com")
    editor_user(email="max@example.com")
    editor_user(email="")
    editor_user(email="gone@example.com", is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        assert remind_editors_of_due_reviews() == 2

    assert sorted(message.to[0] for message in mail.outbox) == [
        "eve@example.com",
        "max@example.com",
    ]
