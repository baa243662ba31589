"""A reader of the demo shop's condition pages buys from one, as `make run` seeds them.

The condition pages, their references, reviewers and linked products are the demo content that
`seed_content` publishes; the pictures on every page come from the media the seed drew, served
by the proxy as the deployment serves them.
"""

import pytest

from tests.browser.test_reader_journey import Reader
from tests.shipped.people import pictures_that_do_not_load

pytestmark = pytest.mark.slow

PAGE = "Fibromyalgia"
PRODUCT = "Zechstein magnesium bath flakes"


@pytest.mark.journey("shipped-reader")
def test_a_reader_adds_flakes_to_the_basket_from_a_condition_page(window, javascript):
    reader = Reader(window, javascript)
    reader.open("/conditions/")
    assert pictures_that_do_not_load(window) == []
    reader.follow(PAGE, then="**/conditions/fibromyalgia/", within=window.locator("main"))

    assert window.get_by_role("heading", level=1).inner_text() == PAGE
    assert len(reader.references()) >= 1
    assert "Reviewed by" in reader.text()
    assert reader.disclaimer()
    assert pictures_that_do_not_load(window) == []

    reader.add_from_card(PRODUCT, size="2 kg \N{EN DASH} £16.95")
    reader.open("/basket/")
    basket = window.get_by_role("main").inner_text()
    assert PRODUCT in basket
    assert "£16.95" in basket
    assert pictures_that_do_not_load(window) == []
