"""The publishing service: rules, permissions, state and revisions in one place."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from content import selectors, services
from content.models import Revision, Status
from tests.content_factories import CitationFactory, ConditionPageFactory, editor_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_condition_page_without_citation_reviewer_or_date_is_refused_with_every_reason():
    page = ConditionPageFactory(citations=[], reviewed_by="", reviewed_on=None)

    with pytest.raises(ValidationError) as refusal:
        services.page_publish(page=page, user=editor_user())

    messages = " ".join(refusal.value.messages)
    assert "citation" in messages
    assert "reviewer" in messages
    assert "review" in messages and "date" in messages
    page.refresh_from_db()
    assert page.status == Status.DRAFT


def test_an_editor_publishes_a_ready_page_and_a_revision_records_it():
    editor = editor_user()
    page = ConditionPageFactory()

    services.page_publish(page=page, user=editor)

    page.refresh_from_db()
    assert page.status == Status.PUBLISHED
    assert page.is_live()
    latest = selectors.revisions_of(page).first()
    assert (latest.action, latest.user) == (Revision.Action.PUBLISHED, editor)


def test_a_shopper_may_not_publish():
    page = ConditionPageFactory()

    with pytest.raises(PermissionDenied):
        services.page_publish(page=page, user=UserFactory())


def test_restoring_a_revision_brings_back_the_text_and_citations_but_not_the_status():
    editor = editor_user()
    first_source, second_source = CitationFactory(key="first"), CitationFactory(key="second")
    page = ConditionPageFactory(body="<p>First words.</p>", citations=[first_source])
    original = services.revision_create(page=page, user=editor, action=Revision.Action.CREATED)
    page.body = "<p>Second words.</p>"
    services.page_save(page=page, user=editor, citations=[second_source])
    services.page_publish(page=page, user=editor)

    services.revision_restore(revision=original, user=editor)

    page.refresh_from_db()
    assert page.body == "<p>First words.</p>"
    assert list(page.citations.all()) == [first_source]
    assert page.status == Status.PUBLISHED


def test_a_call_naming_no_user_must_say_it_skips_the_permission_checks():
    page = ConditionPageFactory()

    with pytest.raises(TypeError, match="skip_permission_checks"):
        services.page_publish(page=page)
    page.refresh_from_db()
    assert page.status == Status.DRAFT

    services.page_publish(page=page, skip_permission_checks=True)
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED
    assert selectors.revisions_of(page).first().user is None


def test_a_refused_publication_leaves_the_page_as_it_was_in_memory_too():
    editor = editor_user()
    unreviewed = ConditionPageFactory(reviewed_by="")
    expiring = ConditionPageFactory(expire_at=timezone.now() + datetime.timedelta(days=1))

    with pytest.raises(ValidationError, match="reviewer"):
        services.page_publish(page=unreviewed, user=editor)
    with pytest.raises(ValidationError, match="The expiry must come after the go-live time"):
        services.page_publish(
            page=expiring, user=editor, at=timezone.now() + datetime.timedelta(days=2)
        )

    for page in (unreviewed, expiring):
        assert (page.status, page.publish_at, page.first_published_at) == (
            Status.DRAFT,
            None,
            None,
        )
