"""Anonymous shoppers' pages come from the cache, and a change shows on them at once."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model

from content.models import Status
from store.storefront.generation import current_generation, seconds_to_keep
from store.storefront.page_cache import without_indentation
from tests.content_factories import ArticleFactory, ConditionPageFactory
from tests.factories import CategoryFactory, UserFactory, VoucherOfferFactory, sized_product

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ConditionalOffer = get_model("offer", "ConditionalOffer")
OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def product():
    return sized_product(sizes=2, category=CategoryFactory(name="Bath flakes"), title="Dead Sea")


def look(url: str, client: Client | None = None):
    response = (client or Client()).get(url)
    assert response.status_code == 200
    return response


def from_cache(response) -> bool:
    return response.get("X-Page-Cache") == "hit"


def basket_count(response) -> str:
    """Return the item count the header's basket shows."""
    return re.search(r'class="basket-mini-count">(\d+)', response.content.decode()).group(1)


def test_a_second_anonymous_look_comes_from_the_cache_with_one_query(product):
    url = product.get_absolute_url()
    assert not from_cache(look(url))

    with CaptureQueriesContext(connection) as queries:
        again = look(url)

    assert from_cache(again)
    assert len(queries) == 1, "only the storefront's generation is read"
    assert "Dead Sea" in again.content.decode()


@pytest.mark.parametrize(
    "page",
    ["home", "catalogue", "category", "search", "condition", "conditions", "article", "articles"],
)
def test_every_storefront_page_is_kept_for_anonymous_shoppers(page, product):
    category = product.categories.get()
    condition = ConditionPageFactory(published=True, products=[product])
    article = ArticleFactory(published=True)
    url = {
        "home": "/",
        "catalogue": "/catalogue/",
        "category": category.get_absolute_url(),
        "search": "/search/?q=sea",
        "condition": condition.get_absolute_url(),
        "conditions": "/conditions/",
        "article": article.get_absolute_url(),
        "articles": "/articles/",
    }[page]
    look(url)

    assert from_cache(look(url))


def test_a_kept_page_is_sent_without_its_indentation_and_reads_the_same(product):
    url = ConditionPageFactory(published=True, products=[product]).get_absolute_url()
    rendered = look(url).content.decode()

    kept = look(url)

    assert from_cache(kept)
    body = kept.content.decode()
    assert "\n " not in body and "\n\n" not in body
    assert len(body) < 0.8 * len(rendered)

    def as_read(page: str) -> str:
        return TOKEN.sub("token", re.sub(r"\s+", " ", page))

    assert as_read(body) == as_read(rendered)


def test_blank_space_shows_as_written_in_pre_and_textarea_only():
    page = b"<p>\n    a\n\n  <b>b</b> c</p>  \n<pre>\n  d\n</pre>\n  <TEXTAREA>\n e</TEXTAREA>\n"

    assert without_indentation(page) == (
        b"<p>\na\n<b>b</b> c</p>\n<pre>\n  d\n</pre>\n<TEXTAREA>\n e</TEXTAREA>\n"
    )


def test_each_visitor_gets_a_token_of_their_own_that_the_shop_accepts(product):
    size = product.children.first()
    url = product.get_absolute_url()
    look(url, Client())
    visitor = Client(enforce_csrf_checks=True)

    page = look(url, visitor)
    token = TOKEN.search(page.content.decode()).group(1)
    added = visitor.post(f"/basket/add/{size.pk}/", {"csrfmiddlewaretoken": token, "quantity": 1})

    assert from_cache(page)
    assert "csrftoken" in page.cookies
    assert added.status_code == 302
    assert visitor.get("/basket/").context["basket"].num_items == 1


def test_a_shopper_with_a_basket_never_gets_or_leaves_a_kept_page(product):
    size = product.children.first()
    url = product.get_absolute_url()
    shopper = Client()
    shopper.post(f"/basket/add/{size.pk}/", {"quantity": 1})

    own = look(url, shopper)
    own_again = look(url, shopper)
    stranger = look(url)

    assert not from_cache(own) and not from_cache(own_again)
    assert not from_cache(stranger), "the shopper's page was not kept for others"
    assert basket_count(own) == "1"
    assert basket_count(stranger) == "0"


def test_a_signed_in_shopper_never_gets_a_kept_page(product):
    url = product.get_absolute_url()
    look(url)
    shopper = Client()
    shopper.force_login(UserFactory())

    assert not from_cache(look(url, shopper))


def test_a_visit_served_from_the_cache_is_recorded_as_recently_viewed(product):
    other = sized_product(sizes=1, title="Zechstein")
    look(product.get_absolute_url())
    visitor = Client()

    look(product.get_absolute_url(), visitor)
    page = look(other.get_absolute_url(), visitor)

    assert "Products you recently viewed" in page.content.decode()
    assert "Dead Sea" in page.content.decode()


def test_made_up_query_parameters_are_never_kept(product):
    url = product.get_absolute_url() + "?utm_source=mail"
    look(url)

    assert not from_cache(look(url))


def rename(product):
    product.title = "Dead Sea, renamed"
    product.save()
    return "Dead Sea, renamed"


def reprice(product):
    record = StockRecord.objects.get(product=product.children.order_by("pk").first())
    record.price = Decimal("4.25")
    record.save()
    return "4.25"


def sell_out(product):
    for record in StockRecord.objects.filter(product__parent=product):
        record.num_in_stock = 0
        record.save()
    return "Every size is out of stock"


def rename_category(product):
    category = product.categories.get()
    category.name = "Salt flakes"
    category.save()
    return "Salt flakes"


def link_a_condition_page(product):
    page = ConditionPageFactory(published=True, products=[product])
    return f'href="{page.get_absolute_url()}"'


# Each change is committed, as the dashboard's would be: only then does it retire kept pages.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "change", [rename, reprice, sell_out, rename_category, link_a_condition_page]
)
def test_a_change_shows_on_the_next_anonymous_look(change, product):
    url = product.get_absolute_url()
    look(url)
    assert from_cache(look(url))

    expected = change(product)
    page = look(url)

    assert not from_cache(page)
    assert expected in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_an_edited_content_page_shows_at_once():
    article = ArticleFactory(published=True, title="Salts and sleep")
    url = article.get_absolute_url()
    look(url)
    assert from_cache(look(url))

    article.title = "Salts and deeper sleep"
    article.save()

    assert "Salts and deeper sleep" in look(url).content.decode()


def test_pages_are_not_kept_past_an_article_going_live():
    ArticleFactory(
        status=Status.PUBLISHED,
        publish_at=timezone.now() + timedelta(seconds=30),
        title="Coming soon",
    )

    assert 28 <= seconds_to_keep(current_generation()) <= 30


def test_pages_are_not_kept_past_an_offer_ending():
    VoucherOfferFactory(
        offer_type=ConditionalOffer.SITE, end_datetime=timezone.now() + timedelta(minutes=5)
    )

    assert 298 <= seconds_to_keep(current_generation()) <= 300


def test_pages_are_kept_for_the_longest_time_when_nothing_is_scheduled(settings):
    assert seconds_to_keep(current_generation()) == settings.PAGE_CACHE_SECONDS


@pytest.mark.django_db(transaction=True)
def test_the_menu_kept_for_signed_in_shoppers_shows_a_renamed_category_at_once(product):
    shopper = Client()
    shopper.force_login(UserFactory())
    look("/articles/", shopper)
    with CaptureQueriesContext(connection) as queries:
        look("/articles/", shopper)
    assert not any('"catalogue_category"' in query["sql"] for query in queries)

    rename_category(product)

    assert "Salt flakes" in look("/articles/", shopper).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_delivery_terms_kept_for_product_pages_follow_a_new_charge(product):
    method = OrderAndItemCharges.objects.create(
        code="standard", name="Standard", price_per_order=Decimal("3.95")
    )
    shopper = Client()
    shopper.force_login(UserFactory())
    assert "Delivery from £3.95" in look(product.get_absolute_url(), shopper).content.decode()

    method.price_per_order = Decimal("4.50")
    method.save()

    assert "Delivery from £4.50" in look(product.get_absolute_url(), shopper).content.decode()
