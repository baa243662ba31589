"""A page whose words make a claim its market forbids is not published, unless someone who
answers for compliance overrides the check with a reason that the page's history keeps."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command

from content import services
from content.models import Article, Revision, Status
from content.selectors import revisions_of
from tests.content_factories import ArticleFactory, editor_user

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_3b8c502e2795d89f.txt"
CLOSING_CLAIM = "TREATS BOTH SYMPTOMS AND CAUSES of pain"
MARKET_RULES = {
    "uk": "CAP Code rule 12.1",
    "eu": "Directive 2001/83",
    "us": "FD&C Act",
    "au": "Therapeutic Goods Act",
}


def imported_article() -> Article:
    call_command("import_article", str(SEED), stdout=StringIO())
    return Article.objects.get()


def compliance_lead():
    """An editor who may also publish past the claims check."""
    user = editor_user()
    user.user_permissions.add(Permission.objects.get(codename="override_claims_article"))
    return user


@pytest.mark.parametrize("market", MARKET_RULES)
def test_publishing_the_imported_article_is_refused_naming_its_closing_claim(settings, market):
    settings.CLAIMS_MARKET = market
    article = imported_article()

    with pytest.raises(ValidationError) as refused:
        services.page_publish(page=article, user=editor_user())

    reasons = " ".join(refused.value.messages)
    assert CLOSING_CLAIM in reasons
    assert MARKET_RULES[market] in reasons
    assert Article.objects.get().status == Status.DRAFT


def test_the_import_reports_the_claims_to_reword_in_each_draft():
    out = StringIO()

    call_command("import_article", str(SEED), stdout=out)

    report = out.getvalue()
    assert "Claims to reword in" in report
    assert CLOSING_CLAIM in report


def test_a_reason_is_not_enough_without_the_permission_to_override():
    article = imported_article()

    with pytest.raises(ValidationError):
        services.page_publish(
            page=article, user=editor_user(), claims_override_reason="Quoted to rebut it."
        )

    assert Article.objects.get().status == Status.DRAFT


def test_whoever_may_override_publishes_with_a_reason_the_history_keeps():
    article = imported_article()
    lead = compliance_lead()
    with pytest.raises(ValidationError):
        services.page_publish(page=article, user=lead)

    services.page_publish(
        page=article, user=lead, claims_override_reason="Legal approved the wording, ref 42."
    )

    assert Article.objects.get().status == Status.PUBLISHED
    published = revisions_of(article).filter(action=Revision.Action.PUBLISHED).get()
    assert published.user == lead
    assert "Legal approved the wording, ref 42." in published.note


def test_the_reason_shows_in_the_pages_history(django_app):
    article = imported_article()
    lead = compliance_lead()
    services.page_publish(page=article, user=lead, claims_override_reason="Quoted to rebut it.")

    history = django_app.get(f"/dashboard/content/articles/{article.pk}/revisions/", user=lead)

    assert "Published past the claims check: Quoted to rebut it." in history.text


def test_a_live_page_cannot_be_edited_into_making_a_claim():
    article = ArticleFactory()
    services.page_publish(page=article, user=editor_user())

    article.body = "<p>Our flakes cure migraine.</p>"
    with pytest.raises(ValidationError, match="cure migraine"):
        services.page_save(page=article, user=editor_user())

    assert "cure" not in Article.objects.get().body


def test_the_editor_sees_each_finding_on_the_edit_and_publish_pages(django_app):
    article = imported_article()
    editor = editor_user()

    edit = django_app.get(f"/dashboard/content/articles/{article.pk}/", user=editor)
    publish = django_app.get(f"/dashboard/content/articles/{article.pk}/publish/", user=editor)

    for page in (edit, publish):
        findings = page.html.select_one("#claim-findings").get_text(" ", strip=True)
        assert CLOSING_CLAIM in findings
        assert "CAP Code rule 12.1" in findings
    assert "claims_override_reason" not in publish.forms["page-publish-form"].fields


def test_the_publish_page_asks_whoever_may_override_for_a_reason(django_app):
    article = imported_article()
    lead = compliance_lead()
    form = django_app.get(f"/dashboard/content/articles/{article.pk}/publish/", user=lead).forms[
        "page-publish-form"
    ]

    form["claims_override_reason"] = "Quoted in full to rebut it, approved by legal."
    form.submit().follow()

    assert Article.objects.get().status == Status.PUBLISHED


def test_the_editors_preview_marks_each_claim_in_the_text(django_app):
    article = imported_article()

    preview = django_app.get(
        f"/dashboard/content/articles/{article.pk}/preview/", user=editor_user()
    )

    marked = [
        mark.get_text(" ", strip=True) for mark in preview.html.select("article mark, main mark")
    ]
    assert any(CLOSING_CLAIM in text for text in marked), marked
    assert CLOSING_CLAIM in preview.html.select_one("#claim-findings").get_text(" ", strip=True)
    assert "<mark" not in Article.objects.get().body
