"""A live page's references are part of it: changing a source they cite is publishing.

A content writer who may edit citations but not publish could change the reference list of a
live condition page from the citation form; now that needs the permission to publish the
pages that cite it, and a refusal says which pages and changes nothing.
"""

import pytest
from django.contrib.auth.models import Permission

from content.models import Citation
from tests.content_factories import CitationFactory, ConditionPageFactory, editor_user
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CITATIONS = "/dashboard/content/citations/"


@pytest.fixture
def writer():
    """A content writer: may view and change citations, may publish nothing."""
    user = UserFactory()
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="content", codename__in=["view_citation", "change_citation"]
        )
    )
    return user


def retitle(django_app, citation, user, title):
    form = django_app.get(f"{CITATIONS}{citation.pk}/", user=user).forms["citation-form"]
    form["title"] = title
    return form.submit(status="*")


def test_a_writer_who_may_not_publish_cannot_change_a_source_a_live_page_cites(django_app, writer):
    source = CitationFactory(title="Magnesium and pain")
    page = ConditionPageFactory(published=True, title="Fibromyalgia", citations=[source])

    refused = retitle(django_app, source, writer, "Something else entirely")

    assert refused.status_code == 403
    assert "Fibromyalgia" in refused.text
    assert Citation.objects.get(pk=source.pk).title == "Magnesium and pain"
    live = django_app.get(page.get_absolute_url())
    assert "Magnesium and pain" in live.text


def test_the_same_writer_may_change_a_source_only_drafts_cite(django_app, writer):
    source = CitationFactory(title="Magnesium and pain")
    ConditionPageFactory(citations=[source])

    saved = retitle(django_app, source, writer, "Magnesium and chronic pain")

    assert saved.status_code == 302
    assert Citation.objects.get(pk=source.pk).title == "Magnesium and chronic pain"


def test_an_editor_who_may_publish_changes_a_live_pages_source(django_app):
    source = CitationFactory(title="Magnesium and pain")
    ConditionPageFactory(published=True, citations=[source])

    saved = retitle(django_app, source, editor_user(), "Magnesium and chronic pain")

    assert saved.status_code == 302
    assert Citation.objects.get(pk=source.pk).title == "Magnesium and chronic pain"
