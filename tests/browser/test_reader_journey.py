"""A reader goes from the condition pages to a product and into the basket, in real Chromium.

The same journey runs with JavaScript off and on. The condition page is published, cited and
reviewed, and lists a product in stock: its card links to the product page and carries a form
that adds a size to the basket. With JavaScript on, a script may add to the basket without
loading a page; the journey then opens the basket itself, which works either way.
"""

import pytest

from tests.browser.shopper import Shopper
from tests.content_factories import ArticleFactory, CitationFactory, ConditionPageFactory
from tests.factories import ProductImageFactory, sized_product

pytestmark = pytest.mark.django_db(transaction=True)

PRODUCT = "Zechstein bath flakes"
DISCLAIMER = "not medical advice"


@pytest.fixture
def library():
    """Publish an article and a condition page from it that lists a product in two sizes."""
    product = sized_product(title=PRODUCT, sizes=2)
    ProductImageFactory(product=product)
    citations = [
        CitationFactory(
            key="thomas-2000",
            authors="Thomas J, Millot JM, Sebille S",
            year=2000,
            title="Free and total magnesium in lymphocytes of migraine patients",
        ),
        CitationFactory(
            key="shin-2020",
            authors="Shin HJ, Na HS, Do SH",
            year=2020,
            title="Magnesium and pain",
            journal="Nutrients",
            pmid="",
            doi="10.3390/nu12082184",
        ),
    ]
    article = ArticleFactory(
        published=True, title="Magnesium: what the research says", citations=citations
    )
    condition = ConditionPageFactory(
        published=True,
        title="Magnesium and migraine headaches",
        citations=citations,
        products=[product],
        source_article=article,
    )
    return {"product": product, "condition": condition, "article": article}


class Reader(Shopper):
    """A reader of the shop's condition pages and articles."""

    def card(self, title):
        """Return the product card titled ``title`` on the page."""
        heading = self.page.get_by_role("heading", name=title, exact=True)
        return self.page.locator("article.linked-product", has=heading)

    def open_product_from_card(self, title, then):
        """Follow the product's name on its card to the product page."""
        heading = self.card(title).get_by_role("heading", name=title, exact=True)
        self.follow(title, then=then, within=heading)

    def add_from_card(self, title, size):
        """Choose ``size`` on the product's card and add it to the basket.

        The form is sent by the browser or by a script; either way the step waits for the
        shop's answer to the add, and for a page load when there is one.
        """
        card = self.card(title)
        card.get_by_label("Size").select_option(label=size)
        button = self.button("Add to basket", within=card)
        with self.page.expect_request_finished(
            lambda request: "/basket/add/" in request.url and request.method == "POST"
        ):
            button.click()
        self.page.wait_for_load_state()

    def references(self):
        """Return the numbered references as the reader sees them, in order."""
        section = self.page.get_by_role("region", name="References")
        return section.get_by_role("listitem").all_inner_texts()

    def disclaimer(self):
        """Return the health notice under the page."""
        return self.page.get_by_role("note", name="Health notice").inner_text()


@pytest.mark.journey("reader")
def test_a_reader_goes_from_a_condition_page_to_the_basket(
    page, javascript, library, check_accessibility, screenshot
):
    reader = Reader(page, javascript)
    condition_url = library["condition"].get_absolute_url()
    product_url = library["product"].get_absolute_url()

    reader.open("/conditions/")
    check_accessibility("the condition pages")
    screenshot("reader-conditions")
    reader.follow("Magnesium and migraine headaches", then=f"**{condition_url}")

    assert page.get_by_role("heading", level=1).inner_text() == "Magnesium and migraine headaches"
    assert DISCLAIMER in reader.disclaimer()
    references = reader.references()
    assert len(references) == 2
    assert references[0].startswith("Thomas J, Millot JM, Sebille S (2000)")
    assert references[1].startswith("Shin HJ, Na HS, Do SH (2020)")
    assert page.locator("section.references ol").count() == 1
    assert "Reviewed by A. Reviewer, MPharm" in reader.text()
    check_accessibility("a condition page")
    screenshot("reader-condition")

    reader.open_product_from_card(PRODUCT, then=f"**{product_url}")
    assert page.get_by_role("heading", level=1).inner_text() == PRODUCT
    page.go_back()
    assert reader.path() == condition_url

    reader.add_from_card(PRODUCT, size="2 kg \N{EN DASH} £11.50")
    reader.open("/basket/")
    basket = page.get_by_role("main").inner_text()
    assert "2 kg" in basket
    assert "£11.50" in basket
    assert "Your basket is empty" not in basket


@pytest.mark.journey("reader")
def test_a_reader_reads_an_article_and_its_references(
    page, javascript, library, check_accessibility, screenshot
):
    reader = Reader(page, javascript)
    article_url = library["article"].get_absolute_url()

    reader.open("/articles/")
    check_accessibility("the article list")
    reader.follow("Magnesium: what the research says", then=f"**{article_url}")

    assert page.get_by_role("heading", level=1).inner_text() == "Magnesium: what the research says"
    assert DISCLAIMER in reader.disclaimer()
    assert len(reader.references()) == 2
    reader.follow(
        "Magnesium and migraine headaches", then=f"**{library['condition'].get_absolute_url()}"
    )
    page.go_back()
    check_accessibility("an article")
    screenshot("reader-article")
