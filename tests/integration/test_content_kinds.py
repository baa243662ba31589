"""A kind of content registered with one call gets its dashboard pages, permissions and services.

The test kind, notes, is a proxy of the article model defined here: it needs no table and no
migration, yet has its own content type and permissions, as a new kind's model would. The
``note_kind`` fixture registers it and serves URLs built with it, then unregisters it, so the
other tests never see it.
"""

import importlib.util
from types import ModuleType

import pytest
from django import forms
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_migrate
from django.test import Client
from django.urls import NoReverseMatch, reverse

from content import services
from content.kinds import ContentKind, kind_for, kinds, register, unregister
from content.models import Article, Status
from content.page_kinds import ARTICLE
from content.preview import preview_token_create
from content.selectors import revisions_of
from tests.content_factories import (
    ArticleFactory,
    CitationFactory,
    content_writer_user,
    editor_user,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NOTES = "/dashboard/content/notes/"
NOTE_ACTIONS = ("view", "add", "change", "delete", "publish")


class Note(Article):
    """A test-only kind of page: an article's fields under another name, citing nothing."""

    class Meta:
        proxy = True
        app_label = "content"
        permissions = [("publish_note", "Can publish and unpublish notes")]


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["title", "slug", "summary", "body", "expire_at"]


NOTE = ContentKind(
    slug="note",
    path="notes",
    model=Note,
    form_class=NoteForm,
    public_template="content/article_detail.html",
    public_name="article",
)


def urlconf_built_now() -> ModuleType:
    """Return the site's URLconf built again, with the URLs of the kinds registered now.

    Oscar's apps build their URL patterns when the URLconf module runs, so the module is run
    afresh into a new module object; the one imported at start-up stays as it was.
    """
    spec = importlib.util.find_spec(django_settings.ROOT_URLCONF)
    urlconf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(urlconf)
    return urlconf


def migrate_content() -> None:
    """Send what ``manage.py migrate`` sends once it has migrated the content app."""
    content = apps.get_app_config("content")
    post_migrate.send(
        sender=content,
        app_config=content,
        verbosity=0,
        interactive=False,
        using="default",
        apps=apps,
        plan=[],
    )


@pytest.fixture
def note_kind(settings):
    """Register notes and serve URLs built with them; unregister them afterwards.

    Setting ``ROOT_URLCONF`` clears Django's URL caches, and the ``settings`` fixture puts the
    site's own URLconf back (clearing them again) once the test is over.
    """
    register(NOTE)
    try:
        settings.ROOT_URLCONF = urlconf_built_now()
        yield NOTE
    finally:
        unregister(NOTE)


def fresh(user):
    """Return ``user`` loaded again, without the permissions cached on the old object."""
    return get_user_model().objects.get(pk=user.pk)


def test_a_registered_kind_is_listed_edited_previewed_published_and_restored(django_app, note_kind):
    editor = editor_user()
    migrate_content()

    listing = django_app.get(NOTES, user=editor)
    create = listing.click(href=f"{NOTES}create/")
    form = create.forms["page-form"]
    assert "citations-TOTAL_FORMS" not in form.fields
    form["title"], form["slug"] = "A short note", "a-short-note"
    form["summary"], form["body"] = "Why notes exist.", "<p>Notes are short.</p>"
    edit = form.submit().follow()
    note = Note.objects.get(slug="a-short-note")
    assert edit.request.path == f"{NOTES}{note.pk}/"

    form = edit.forms["page-form"]
    form["summary"] = "Why notes exist, in one line."
    edit = form.submit().follow()
    assert "Saved “A short note”." in edit.text

    preview = django_app.get(f"{NOTES}{note.pk}/preview/", user=editor)
    assert preview.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert "Notes are short." in preview.text
    shared = Client().get(reverse("content:page-preview", args=[preview_token_create(note)]))
    assert shared.status_code == 200

    edit = edit.forms["page-publish-form"].submit().follow()
    assert "“A short note” is live." in edit.text
    note.refresh_from_db()
    assert note.status == Status.PUBLISHED

    unpublish = django_app.get(f"{NOTES}{note.pk}/unpublish/", user=editor)
    unpublish.forms["page-confirm-form"].submit().follow()
    note.refresh_from_db()
    assert note.status == Status.DRAFT

    revisions = django_app.get(f"{NOTES}{note.pk}/revisions/", user=editor)
    actions = [row.select("td")[2].text for row in revisions.html.select("tbody tr")]
    assert actions == ["Unpublished", "Published", "Edited", "Created"]
    created = revisions_of(note).get(action="created")
    confirm = revisions.click(href=f"/revisions/{created.pk}/restore/")
    confirm.forms["revision-restore-form"].submit().follow()
    note.refresh_from_db()
    assert note.summary == "Why notes exist."


def test_a_new_kinds_permissions_reach_editors_on_migrate_and_guard_its_pages(
    django_app, note_kind
):
    note_type = ContentType.objects.get_for_model(Note, for_concrete_model=False)
    Permission.objects.filter(content_type=note_type).delete()  # as before its migration ran
    editor = editor_user()
    assert not editor.has_perm("content.view_note")

    migrate_content()

    editor = fresh(editor)
    assert all(editor.has_perm(note_kind.permission(action)) for action in NOTE_ACTIONS)
    assert not editor.has_perm("content.add_revision")
    note = Note.objects.get(pk=ArticleFactory().pk)
    publish = f"{NOTES}{note.pk}/publish/"
    assert django_app.get(publish, user=editor).status_code == 200
    writer = content_writer_user()
    assert django_app.get(publish, user=writer, status="*").status_code == 403
    assert django_app.get(f"{NOTES}{note.pk}/", user=writer).status_code == 200
    assert django_app.get(NOTES, user=UserFactory(), status="*").status_code == 403

    section = apps.get_app_config("content_dashboard")
    assert section.permissions_map["content-note-publish"] == (
        ["is_staff"],
        ["content.view_note", "content.publish_note"],
    )
    assert section.write_permissions["content-note-create"] == ["content.add_note"]
    assert section.write_permissions["content-note-update"] == ["content.change_note"]


def test_the_services_ask_the_kind_and_refuse_citations_to_a_kind_that_cites_nothing(note_kind):
    note = Note.objects.get(pk=ArticleFactory().pk)

    assert kind_for(note) is note_kind
    assert kind_for(Article) is ARTICLE
    with pytest.raises(ValueError, match="cite no sources"):
        services.page_save(page=note, skip_permission_checks=True, citations=[CitationFactory()])
    assert "citations" not in services.snapshot(note)
    assert services.publish_permission(note) == "content.publish_note"


def test_a_kind_clashing_with_a_registered_one_is_refused_and_an_unregistered_one_is_gone():
    with pytest.raises(ValueError, match="clashes"):
        register(ContentKind(**{**NOTE.__dict__, "model": Article}))

    assert NOTE not in kinds()
    with pytest.raises(LookupError):
        kind_for(Note)
    with pytest.raises(NoReverseMatch):
        reverse("dashboard:content-note-list")
