"""The header on a phone and a laptop, in real Chromium, JavaScript off and on.

It is one row at every width: the logo, the search box, the account link and the basket with
its count side by side. The category menu is a <details> disclosure: it opens and its links
work without a script; with one, it also closes on a click elsewhere and on Escape.
"""

import pytest

from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db(transaction=True)

#: The header's four parts, by what a shopper sees.
PARTS = {
    "logo": "header .brand",
    "search": "header .site-search",
    "account": "header .account-nav",
    "basket": "header #mini-basket",
}


@pytest.fixture
def categories():
    return [CategoryFactory(name="Bath flakes"), CategoryFactory(name="Magnesium oils")]


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_the_header_is_one_row_at_every_width(page, width, categories):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")

    boxes = {name: page.locator(selector).bounding_box() for name, selector in PARTS.items()}

    bar = page.locator("header .site-header__bar").bounding_box()
    assert bar["height"] <= 80
    for name, box in boxes.items():
        assert box is not None, f"the {name} is not shown"
        assert box["y"] >= bar["y"] and box["y"] + box["height"] <= bar["y"] + bar["height"], name
        assert box["x"] + box["width"] <= width, f"the {name} sticks out of the window"
    lefts = [boxes[name]["x"] for name in ("logo", "search", "account", "basket")]
    assert lefts == sorted(lefts)
    assert page.locator("#mini-basket .basket-mini-count").inner_text().split()[0] == "0"


def test_the_category_menu_opens_and_leads_to_a_category(page, categories):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/")
    menu = page.get_by_role("navigation", name="Shop")
    link = menu.get_by_role("link", name="Magnesium oils")
    assert not link.is_visible()

    menu.locator("summary").click()

    assert link.is_visible()
    with page.expect_navigation(url="**/catalogue/category/**"):
        link.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Magnesium oils"


def test_the_category_menu_closes_on_a_click_elsewhere_and_on_escape_only_with_a_script(
    page, javascript, categories
):
    """Without a script the menu stays open until its summary is clicked again."""
    page.goto("/")
    menu = page.locator("details.category-menu")

    menu.locator("summary").click()
    assert menu.get_attribute("open") is not None
    page.locator("main h1").click()
    assert (menu.get_attribute("open") is None) == javascript

    if not javascript:
        menu.locator("summary").click()
        assert menu.get_attribute("open") is None
    menu.locator("summary").click()
    page.keyboard.press("Escape")
    assert (menu.get_attribute("open") is None) == javascript
