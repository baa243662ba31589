"""An editor writes, checks, publishes and restores a condition page in the dashboard."""

import datetime
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from webtest import Upload

from content import selectors, services
from content.models import Article, ConditionPage, Revision, Status
from content.preview import preview_token_create
from tests.content_factories import CitationFactory, ConditionPageFactory, editor_user
from tests.factories import sized_product

pytestmark = pytest.mark.django_db

CONDITIONS = "/dashboard/content/conditions/"
SUMMARY = "What studies found about magnesium and restless legs at night."
PASSWORD = "correct horse battery"
HTML_EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "article_export.html"


@pytest.fixture
def editor():
    """Return an editor who can sign in (UserFactory's password is not saved on its own)."""
    user = editor_user(
        username="eda", email="eda@example.com", first_name="Eda", last_name="Writer"
    )
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


def sign_in(django_app, user):
    """Sign in through the dashboard's own sign-in form and return the page it lands on."""
    form = django_app.get("/dashboard/login/").forms["dashboard_login_form"]
    form["username"] = user.username
    form["password"] = PASSWORD
    return form.submit().maybe_follow()


def test_an_editor_takes_a_condition_page_from_draft_to_live_and_back_a_revision(
    django_app, editor
):
    citation = CitationFactory(key="hornyak-1998", authors="Hornyak M, et al.", year=1998)
    flakes = sized_product(sizes=2, title="Zechstein magnesium flakes")

    landing = sign_in(django_app, editor)
    assert landing.request.path == "/dashboard/content/articles/"
    assert "Total orders" not in landing.text

    create = landing.click(href=CONDITIONS, index=0).click(href=f"{CONDITIONS}create/")
    form = create.forms["page-form"]
    product_options = [text for _value, _selected, text in form["products-0-product"].options]
    assert product_options == ["---------", "Zechstein magnesium flakes"]
    assert "£" not in create.text
    form["title"] = "Restless legs"
    form["slug"] = "restless-legs"
    form["summary"] = SUMMARY
    form["body"] = "<p>Two small trials gave magnesium in the evening.</p>"
    form["citations-0-citation"] = str(citation.pk)
    form["products-0-product"] = str(flakes.pk)
    form["products-0-usage_note"] = "Two cups in a warm bath, twenty minutes, before bed."
    edit = form.submit().follow()

    assert "Saved “Restless legs”." in edit.text
    page = ConditionPage.objects.get(slug="restless-legs")
    assert page.status == Status.DRAFT
    assert list(page.citations.all()) == [citation]
    assert [(link.product, link.position) for link in page.product_links.all()] == [(flakes, 1)]

    preview = edit.click(href=f"{CONDITIONS}{page.pk}/preview/")
    assert preview.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert preview.html.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")
    assert "Two small trials gave magnesium in the evening." in preview.text

    share = edit.click(href=f"{CONDITIONS}{page.pk}/preview-link/")
    shared = share.forms["preview-link-form"].submit()
    link = shared.html.find("input", id="preview-link")["value"]
    anonymous_read = Client().get(urlsplit(link).path)
    assert anonymous_read.status_code == 200
    assert anonymous_read["X-Robots-Tag"] == "noindex, nofollow"
    assert "Two small trials gave magnesium in the evening." in anonymous_read.text

    edit = edit.forms["page-submit-form"].submit().follow()
    assert "“Restless legs” is waiting for review." in edit.text
    page.refresh_from_db()
    assert page.status == Status.IN_REVIEW

    refused = edit.forms["page-publish-form"].submit()
    assert refused.status_code == 200
    errors = [error.text.strip() for error in refused.html.select(".alert-danger .help-inline")]
    assert errors == [
        "Name the reviewer who checked the page against its sources.",
        "Give the date the page was reviewed.",
    ]
    page.refresh_from_db()
    assert page.status == Status.IN_REVIEW

    form = edit.forms["page-form"]
    form["reviewed_by"] = "Dr A. Reviewer, MPharm"
    form["reviewed_on"] = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    edit = form.submit().follow()
    edit = edit.forms["page-publish-form"].submit().follow()
    assert "“Restless legs” is live." in edit.text

    listing = edit.click(href=CONDITIONS, index=0)
    row = next(row for row in listing.html.select("tbody tr") if "Restless legs" in row.text)
    assert "Live" in row.text
    page.refresh_from_db()
    assert page.is_live()

    form = edit.forms["page-form"]
    form["summary"] = "A summary that should not have been saved."
    edit = form.submit().follow()
    reviewed = selectors.revisions_of(page).get(
        action=Revision.Action.EDITED, snapshot__summary=SUMMARY
    )

    revisions = edit.click(href=f"{CONDITIONS}{page.pk}/revisions/")
    actions = [row.select("td")[2].text for row in revisions.html.select("tbody tr")]
    assert actions == ["Edited", "Published", "Edited", "Submitted for review", "Created"]
    assert all("Eda Writer" in row.text for row in revisions.html.select("tbody tr"))
    confirm = revisions.click(href=f"/revisions/{reviewed.pk}/restore/")
    restored = confirm.forms["revision-restore-form"].submit().follow()

    assert "Restored “Restless legs”" in restored.text
    page.refresh_from_db()
    assert page.summary == SUMMARY
    assert page.status == Status.PUBLISHED
    assert selectors.revisions_of(page).first().action == Revision.Action.RESTORED


def test_a_preview_link_older_than_its_limit_is_refused_and_a_forged_one_is_not_found(settings):
    draft = ConditionPageFactory(reviewed_by="")
    old_token = preview_token_create(draft)
    forged_token = preview_token_create(draft).rsplit(":", 1)[0] + ":forged"
    time.sleep(1.1)
    settings.CONTENT_PREVIEW_MAX_AGE = 1

    expired = Client().get(f"/preview/{old_token}/")
    forged = Client().get(f"/preview/{forged_token}/")

    assert expired.status_code == 410
    assert "This preview link has expired" in expired.text
    assert forged.status_code == 404


def test_an_editor_imports_an_exported_article_as_drafts_and_a_bad_file_is_refused(
    django_app, editor
):
    page = django_app.get("/dashboard/content/import/", user=editor)
    form = page.forms["article-import-form"]
    form["file"] = Upload("export.html", HTML_EXPORT.read_bytes(), "text/html")
    articles = form.submit().follow()

    assert articles.request.path == "/dashboard/content/articles/"
    assert "Imported “Magnesium Has a Neuroprotective Effect”" in articles.text
    article = Article.objects.get()
    assert (article.status, article.author) == (Status.DRAFT, editor)
    assert ConditionPage.objects.filter(status=Status.DRAFT).count() >= 1

    for name, content, error in [
        ("export.pdf", b"%PDF-1.4", "Upload a .txt or .html file."),
        ("export.txt", "Magnesium, décor".encode("latin-1"), "The file is not UTF-8 text"),
        ("export.txt", b"a" * (1024 * 1024 + 1), "The file is larger than 1 MB."),
        ("export.txt", b"A title and nothing else", "No condition sections found"),
    ]:
        form = page.forms["article-import-form"]
        form["file"] = Upload(name, content)
        refused = form.submit()
        assert refused.status_code == 200
        assert error in refused.html.select_one(".error-block").text
    assert Article.objects.count() == 1


def test_bad_input_gets_errors_on_the_form_or_a_404_never_a_server_error(django_app, editor):
    source = CitationFactory()
    page = ConditionPageFactory(citations=[source])
    other = ConditionPageFactory()
    others_revision = services.revision_create(
        page=other, user=None, action=Revision.Action.CREATED
    )
    for missing in [
        "/dashboard/content/conditions/999999/",
        "/dashboard/content/articles/999999/preview/",
        f"/dashboard/content/conditions/{page.pk}/revisions/{others_revision.pk}/restore/",
        "/dashboard/content/citations/999999/",
    ]:
        assert django_app.get(missing, user=editor, status="*").status_code == 404

    form = django_app.get(f"{CONDITIONS}{page.pk}/", user=editor).forms["page-form"]
    form["title"] = ""
    form["citations-1-citation"] = str(source.pk)
    form["products-0-usage_note"] = "A note without a product."
    refused = form.submit()
    assert refused.status_code == 200
    errors = {error.text.strip() for error in refused.html.select(".error-block, .alert-danger")}
    assert {
        "This field is required.",
        "Each source can be cited once per page.",
        "Choose the product this note is about.",
    } <= errors

    publish = django_app.get(f"{CONDITIONS}{page.pk}/publish/", user=editor)
    publish.forms["page-publish-form"]["at"] = "next Tuesday"
    refused = publish.forms["page-publish-form"].submit()
    assert refused.status_code == 200
    assert "Enter a valid date/time." in refused.text

    unpublish = django_app.get(f"{CONDITIONS}{page.pk}/unpublish/", user=editor)
    refused = unpublish.forms["page-confirm-form"].submit().follow()
    assert "Only a published page can be unpublished." in refused.text

    citation = django_app.get("/dashboard/content/citations/create/", user=editor)
    form = citation.forms["citation-form"]
    form["key"], form["authors"], form["title"] = "walker-2003", "Walker AF, et al.", "Mg"
    form["year"], form["doi"] = "1700", "https://doi.org/10.1/x"
    refused = form.submit()
    assert refused.status_code == 200
    assert "Enter a DOI such as 10.1000/xyz123, without https://doi.org/." in refused.text
    assert "Ensure this value is greater than or equal to 1800." in refused.text
