"""An editor takes a condition page from an imported article to the live site in real Chromium.

The editor signs in through the dashboard's form, imports the store's exported article, writes
a condition page citing one of its sources and linking a product, previews it, sends it for
review, records the review and publishes it; readers then find it at /conditions/<slug>/. The
rest of the dashboard stays shut to the editor. Every step runs with JavaScript off and on, under
the strict Content-Security-Policy.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone

from content.models import Article, ConditionPage, Status
from tests.browser.test_staff_journey import Staff
from tests.content_factories import editor_user
from tests.factories import sized_product

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.journey("editor"),
]

PASSWORD = "correct horse battery"
EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "article_export.html"
CONDITIONS = "/dashboard/content/conditions/"
#: A condition page's editing page in the dashboard.
PAGE_FORM = re.compile(r"/dashboard/content/conditions/\d+/$")


class Editor(Staff):
    """An editor in the dashboard's Editorial section."""

    def sign_in(self, user):
        """Sign in through the dashboard's form: editors land on the list of articles."""
        self.open("/dashboard/login/")
        self.page.get_by_label("Username").fill(user.username)
        self.page.get_by_label("Password").fill(PASSWORD)
        self.press("Login", then="**/dashboard/content/articles/")
        self.assert_scripts_ran()

    def import_article(self, export):
        """Upload the exported article on the import page."""
        self.choose("Editorial", "Import an article", then="**/dashboard/content/import/")
        self.page.get_by_label("Exported article").set_input_files(export)
        self.press("Import", then="**/dashboard/content/articles/")

    def write_condition_page(self, citation, product):
        """Write a new condition page citing ``citation`` and linking ``product``; save it."""
        self.choose("Editorial", "Condition pages", then=f"**{CONDITIONS}")
        self.follow("New condition page", then=f"**{CONDITIONS}create/")
        form = self.page.locator("#page-form")
        form.get_by_label("Title", exact=True).fill("Restless legs")
        form.get_by_label("Neutral link text").fill("Magnesium and evening muscle comfort")
        form.get_by_label("Slug").fill("restless-legs")
        form.get_by_label("Summary").fill("What studies found about magnesium at night.")
        form.get_by_label("Body").fill("<p>Two small trials gave magnesium in the evening.</p>")
        citations = form.get_by_role("table", name="Citations")
        citations.get_by_label("Citation").first.select_option(label=citation_label(citation))
        products = form.get_by_role("table", name="Linked products")
        products.get_by_label("Product").first.select_option(label=product.title)
        products.get_by_label("How it is used").first.fill("Two cups in a warm bath, at night.")
        self.press("Save", then=PAGE_FORM, within=form)

    def record_review(self):
        """Name the reviewer and the review date on the page's form, and save it."""
        form = self.page.locator("#page-form")
        form.get_by_label("Reviewed by").fill("Dr A. Reviewer, MPharm")
        reviewed = timezone.localdate() - datetime.timedelta(days=2)
        form.get_by_label("Review date").fill(reviewed.isoformat())
        self.press("Save", then=PAGE_FORM, within=form)


def citation_label(citation):
    return f"{citation} \N{EM DASH} {citation.title}"


@pytest.fixture
def editor(page, javascript):
    return Editor(page, javascript)


@pytest.fixture
def eda():
    user = editor_user(username="eda", first_name="Eda", last_name="Writer")
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    return user


def test_an_editor_imports_an_article_and_publishes_a_condition_page(editor, eda, screenshot):
    flakes = sized_product(sizes=2, title="Zechstein magnesium flakes")
    editor.sign_in(eda)

    editor.import_article(EXPORT)

    assert "Imported “Magnesium Has a Neuroprotective Effect”" in editor.text()
    article = Article.objects.get()
    assert (article.status, article.author) == (Status.DRAFT, eda)
    screenshot("editor-imported-article")
    citation = article.citations.first()

    editor.write_condition_page(citation, flakes)

    assert "Saved “Restless legs”." in editor.text()
    page = ConditionPage.objects.get(slug="restless-legs")
    assert list(page.citations.all()) == [citation]
    assert [link.product for link in page.product_links.all()] == [flakes]
    screenshot("editor-condition-page-draft")

    tabs = editor.page.locator(".nav-tabs")
    editor.follow("Preview", then=f"**{CONDITIONS}{page.pk}/preview/", within=tabs)
    assert "is not on the site (Draft): readers cannot see it yet." in editor.text()
    assert "Two small trials gave magnesium in the evening." in editor.text()
    assert "Zechstein magnesium flakes" in editor.text()
    screenshot("editor-condition-page-preview")
    editor.follow("Back to editing", then=PAGE_FORM)

    editor.press("Submit for review", then=PAGE_FORM)
    assert "“Restless legs” is waiting for review." in editor.text()
    editor.record_review()
    screenshot("editor-condition-page-reviewed")
    editor.press("Publish", then=PAGE_FORM, within=editor.page.locator("#page-publish-form"))

    assert "“Restless legs” is live." in editor.text()
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED
    editor.open("/conditions/restless-legs/")
    live = editor.text()
    assert "Two small trials gave magnesium in the evening." in live
    assert "Dr A. Reviewer, MPharm" in live
    assert citation.title in live
    screenshot("editor-condition-page-live")


def test_an_editor_is_refused_the_shops_orders(editor, eda):
    editor.sign_in(eda)

    refused = editor.open("/dashboard/orders/")

    assert refused.status == 403
