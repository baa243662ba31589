"""The public content pages: articles, condition pages, their feed and the sitemap."""

import datetime
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from content import selectors, services
from content.models import Status
from tests.content_factories import ArticleFactory, CitationFactory, ConditionPageFactory
from tests.factories import (
    CategoryFactory,
    ParentProductFactory,
    ProductImageFactory,
    StockRecordFactory,
    png_file,
    sized_product,
)

OrderAndItemCharges = get_model("shipping", "OrderAndItemCharges")
Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def ago(**delta) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**delta)


def from_now(**delta) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(**delta)


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(response) -> list[dict]:
    return [
        json.loads(script.string)
        for script in soup(response).find_all("script", type="application/ld+json")
    ]


def feed_links(client) -> list[str]:
    response = client.get("/articles/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314
    return [
        link.get("href")
        for entry in root.iter(f"{ATOM}entry")
        for link in entry.iter(f"{ATOM}link")
    ]


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


#: Ways a page is not for readers, as factory arguments made at call time.
HIDDEN_STATES = {
    "draft": lambda: {"status": Status.DRAFT},
    "in review": lambda: {"status": Status.IN_REVIEW},
    "scheduled": lambda: {"published": True, "publish_at": from_now(days=2)},
    "expired": lambda: {
        "published": True,
        "publish_at": ago(days=10),
        "expire_at": ago(hours=1),
    },
}


@pytest.fixture
def live():
    """A live article, a live condition page written from it, showing a sized product."""
    product = sized_product(title="Zechstein bath flakes", sizes=3)
    article = ArticleFactory(
        published=True,
        title="Magnesium: what the research says",
        slug="magnesium-research",
        byline="Jo Writer",
        citations=[CitationFactory(key="article-source", doi="10.1000/abc123")],
    )
    page = ConditionPageFactory(
        published=True,
        title="Migraine headaches",
        slug="migraine",
        source_article=article,
        products=[product],
    )
    return {"article": article, "page": page, "product": product}


def test_every_public_url_shows_live_content(client, live):
    article, page = live["article"], live["page"]
    expectations = {
        "/articles/": article.title,
        article.get_absolute_url(): article.title,
        "/conditions/": page.title,
        page.get_absolute_url(): page.title,
    }
    for url, text in expectations.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url

    assert feed_links(client) == [f"http://testserver{article.get_absolute_url()}"]
    locations = sitemap_locations(client)
    assert f"http://testserver{article.get_absolute_url()}" in locations
    assert f"http://testserver{page.get_absolute_url()}" in locations
    assert f"http://testserver{live['product'].get_absolute_url()}" in locations


def test_reading_the_content_pages_writes_nothing(client, live):
    urls = [
        "/articles/",
        live["article"].get_absolute_url(),
        "/conditions/",
        live["page"].get_absolute_url(),
        "/articles/feed/",
        "/sitemap.xml",
    ]
    with CaptureQueriesContext(connection) as queries:
        for url in [*urls, *urls]:
            assert client.get(url).status_code == 200, url

    writes = [query["sql"] for query in queries if WRITE.match(query["sql"])]
    assert writes == []


def test_the_sitemap_lists_public_products_and_categories_only(client):
    bath = CategoryFactory(name="Bath products")
    flakes = Category.objects.add_child(bath, {"name": "Bath flakes"})
    hidden = CategoryFactory(name="Hidden", is_public=False)
    shown = sized_product(title="Shown flakes", category=flakes)
    secret = sized_product(title="Secret flakes")
    Product.objects.filter(pk=secret.pk).update(is_public=False)

    locations = sitemap_locations(client)

    assert f"http://testserver{shown.get_absolute_url()}" in locations
    assert f"http://testserver{secret.get_absolute_url()}" not in locations
    assert not any("/catalogue/" in loc and "kg" in loc for loc in locations)
    assert f"http://testserver{bath.get_absolute_url()}" in locations
    assert f"http://testserver{flakes.get_absolute_url()}" in locations
    assert f"http://testserver{hidden.get_absolute_url()}" not in locations


def test_the_condition_page_shows_every_part(client, live):
    page = live["page"]
    extra_source = CitationFactory(key="second-source", authors="Smith A", year=2012)
    services.page_save(page=page, citations=[*page.citations.all(), extra_source])

    response = client.get(page.get_absolute_url())
    html = response.content.decode()
    document = soup(response)

    assert document.h1.get_text(strip=True) == "Migraine headaches"
    assert page.summary in html
    assert "Studies have measured magnesium levels" in html
    assert "How magnesium is thought to act" in html
    assert "Magnesium damps the NMDA receptor." in html
    references = document.select("section.references ol li")
    assert [item.get("id") for item in references] == ["ref-1", "ref-2"]
    assert "Smith A (2012)" in references[1].get_text()
    reviewed = " ".join(document.select_one("p.reviewed").get_text().split())
    assert reviewed == f"Reviewed by A. Reviewer, MPharm on {page.reviewed_on:%-d %B %Y}"
    assert "speak to your GP or pharmacist" in html
    source = document.select_one("p.source-article a")
    assert source["href"] == live["article"].get_absolute_url()
    assert "Soak for twenty minutes." in html
    form = document.find("form", id=f"add-to-basket-{live['product'].pk}")
    assert form["action"] == f"/basket/add/{live['product'].pk}/"
    assert len(form.select("select[name=child_id] option")) == 3
    assert "£6.50" in form.get_text()


def test_the_article_page_shows_byline_dates_picture_references_and_its_condition_pages(
    client, live
):
    article = live["article"]
    article.hero_image = png_file("hero.png")
    article.hero_image_alt = "Flakes dissolving in a warm bath"
    services.page_save(page=article)
    ConditionPageFactory(title="Hidden draft page", source_article=article)

    response = client.get(article.get_absolute_url())
    document = soup(response)
    html = response.content.decode()

    assert "Jo Writer" in html
    assert document.select_one("article time")["datetime"].startswith(
        f"{article.first_published_at.astimezone(timezone.get_current_timezone()):%Y-%m-%d}"
    )
    hero = document.select_one("figure img")
    assert hero["alt"] == "Flakes dissolving in a warm bath"
    assert hero["src"].startswith("/media/content/article/")
    assert document.select_one("section.references a")["href"] == "https://doi.org/10.1000/abc123"
    assert document.find("a", href=live["page"].get_absolute_url())
    assert "Hidden draft page" not in html
    assert "not intended to diagnose" in html


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_a_page_not_live_is_a_404_and_absent_from_lists_sitemap_and_feed(client, live, state):
    article = ArticleFactory(
        slug="hidden-article", title="Hidden article", **HIDDEN_STATES[state]()
    )
    page = ConditionPageFactory(
        slug="hidden-page",
        title="Hidden condition",
        source_article=live["article"],
        **HIDDEN_STATES[state](),
    )

    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(page.get_absolute_url()).status_code == 404
    assert "Hidden article" not in client.get("/articles/").content.decode()
    assert "Hidden condition" not in client.get("/conditions/").content.decode()
    assert "Hidden condition" not in client.get(live["article"].get_absolute_url()).content.decode()
    links = feed_links(client)
    assert not any("hidden" in link for link in links)
    locations = sitemap_locations(client)
    assert not any("hidden" in location for location in locations)


def test_the_selectors_judge_live_at_the_time_they_are_given():
    now = timezone.now()
    scheduled = ConditionPageFactory(
        published=True, slug="soon", publish_at=now + datetime.timedelta(hours=2)
    )
    expiring = ConditionPageFactory(
        published=True,
        slug="ending",
        publish_at=now - datetime.timedelta(days=1),
        expire_at=now + datetime.timedelta(days=1),
    )
    article = ArticleFactory(
        published=True, slug="later", publish_at=now + datetime.timedelta(hours=2)
    )

    def slugs(at):
        return {page.slug for page in selectors.live_condition_pages(at=at)}

    assert slugs(now) == {"ending"}
    assert slugs(now + datetime.timedelta(hours=3)) == {"soon", "ending"}
    assert slugs(now + datetime.timedelta(days=2)) == {"soon"}
    assert selectors.live_condition_page(slug=scheduled.slug, at=now) is None
    later = now + datetime.timedelta(hours=3)
    assert selectors.live_condition_page(slug=scheduled.slug, at=later) == scheduled
    assert (
        selectors.live_condition_page(slug=expiring.slug, at=now + datetime.timedelta(days=2))
        is None
    )
    assert selectors.live_article(slug=article.slug, at=now) is None
    assert selectors.live_article(slug=article.slug, at=later) == article
    assert list(selectors.sitemap_articles(at=now)) == []
    assert list(selectors.sitemap_articles(at=later)) == [article]


def unavailable_products() -> dict:
    """Make a product of each kind that cannot be bought, and one that is not public."""
    out_of_stock = sized_product(title="Out of stock flakes", sizes=1)
    StockRecordFactory._meta.model.objects.filter(product__parent=out_of_stock).update(
        num_in_stock=0
    )
    no_stock_record = ParentProductFactory(title="Unstocked oil", structure=Product.STANDALONE)
    no_sizes = ParentProductFactory(title="Flakes with no sizes yet")
    not_public = sized_product(title="Secret flakes", sizes=1)
    Product.objects.filter(pk=not_public.pk).update(is_public=False)
    return {
        "out_of_stock": out_of_stock,
        "no_stock_record": no_stock_record,
        "no_sizes": no_sizes,
        "not_public": not_public,
    }


def test_unavailable_and_hidden_products_do_not_break_the_page(client):
    products = unavailable_products()
    buyable = sized_product(title="Buyable flakes", sizes=2)
    page = ConditionPageFactory(published=True, products=[*products.values(), buyable])

    response = client.get(page.get_absolute_url())

    assert response.status_code == 200
    document = soup(response)
    cards = {
        card.h3.get_text(strip=True): card for card in document.select("article.linked-product")
    }
    assert set(cards) == {
        "Out of stock flakes",
        "Unstocked oil",
        "Flakes with no sizes yet",
        "Buyable flakes",
    }
    for title in ["Out of stock flakes", "Unstocked oil", "Flakes with no sizes yet"]:
        assert cards[title].find("form") is None, title
        assert "Unavailable" in cards[title].get_text(), title
    assert cards["Buyable flakes"].find("form") is not None


def test_a_size_out_of_stock_is_listed_but_cannot_be_chosen(client):
    product = sized_product(title="Two sizes", sizes=2)
    first = product.children.order_by("pk").first()
    first.stockrecords.update(num_in_stock=0)
    page = ConditionPageFactory(published=True, products=[product])

    document = soup(client.get(page.get_absolute_url()))

    options = document.select(f"#child-id-{product.pk} option")
    assert [option.has_attr("disabled") for option in options] == [True, False]
    assert options[1].has_attr("selected")


def test_a_reader_adds_a_size_to_the_basket_from_the_condition_page(django_app, live):
    OrderAndItemCharges.objects.create(name="Standard delivery", price_per_order=Decimal("3.95"))
    product = live["product"]
    two_kg = product.children.get(title="2 kg")

    page = django_app.get(live["page"].get_absolute_url())
    form = page.forms[f"add-to-basket-{product.pk}"]
    form["child_id"] = str(two_kg.pk)
    form["quantity"] = "2"
    back = form.submit().maybe_follow()
    basket = django_app.get("/basket/")

    assert back.request.path == live["page"].get_absolute_url()
    assert "have been added to your basket" in back.text
    assert basket.status_code == 200
    assert "2 kg" in basket.text
    assert two_kg.stockrecords.get().price * 2 == Decimal("23.00")
    assert "£23.00" in basket.text


def condition_page_queries(client, *, products: int) -> int:
    """Return the queries a second look costs at a condition page showing ``products``."""
    made = [sized_product(sizes=3) for _ in range(products)]
    for product in made:
        ProductImageFactory(product=product)
    page = ConditionPageFactory(
        published=True,
        products=made,
        citations=[CitationFactory() for _ in range(products)],
    )
    url = page.get_absolute_url()
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(soup(response).select("article.linked-product form")) == products
    return len(queries)


def test_a_condition_page_costs_the_same_queries_for_one_product_or_five(client):
    one = condition_page_queries(client, products=1)
    five = condition_page_queries(client, products=5)

    assert one == five, f"{one} queries with 1 product, {five} with 5"
    assert five <= 17


def test_the_article_page_describes_itself_as_a_schema_org_article(client, live):
    article = live["article"]
    article.hero_image = png_file("hero.png")
    article.hero_image_alt = "A bath"
    services.page_save(page=article)

    (data,) = json_ld(client.get(article.get_absolute_url()))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == article.title
    assert data["author"] == {"@type": "Person", "name": "Jo Writer"}
    assert data["publisher"]["name"] == "Magnesium Works"
    published = datetime.datetime.fromisoformat(data["datePublished"])
    assert abs(published - article.first_published_at) < datetime.timedelta(milliseconds=1)
    assert datetime.datetime.fromisoformat(data["dateModified"]) >= published
    assert data["image"].startswith("http://testserver/media/content/article/")
    (cited,) = data["citation"]
    assert cited["@type"] == "CreativeWork"
    assert cited["url"] == "https://doi.org/10.1000/abc123"
    assert cited["author"][0] == {"@type": "Person", "name": "Thomas J"}
    assert cited["datePublished"] == "2000"


def test_the_condition_page_describes_itself_as_a_medical_web_page(client, live):
    page = live["page"]
    source = page.citations.get()

    (data,) = json_ld(client.get(page.get_absolute_url()))

    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == "Migraine headaches"
    assert data["about"] == {"@type": "MedicalCondition", "name": "Migraine headaches"}
    assert data["lastReviewed"] == page.reviewed_on.isoformat()
    assert data["reviewedBy"] == {"@type": "Person", "name": "A. Reviewer, MPharm"}
    assert data["url"] == f"http://testserver{page.get_absolute_url()}"
    assert data["isBasedOn"] == f"http://testserver{live['article'].get_absolute_url()}"
    (cited,) = data["citation"]
    assert cited["@type"] == "CreativeWork"
    assert cited["name"] == source.title
    assert cited["url"] == f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/"
    assert [author["name"] for author in cited["author"]] == [
        name.strip() for name in source.authors.split(",")
    ]
    assert cited["datePublished"] == str(source.year)


def head_tags(response) -> dict:
    document = soup(response)
    return {
        "title": document.title.get_text(),
        "description": document.find("meta", attrs={"name": "description"})["content"],
        "canonical": document.find("link", rel="canonical")["href"],
        **{
            meta["property"]: meta["content"]
            for meta in document.find_all("meta", property=True)
            if meta["property"].startswith("og:")
        },
    }


def test_each_page_has_its_own_title_description_canonical_and_open_graph_tags(client, live):
    article, page = live["article"], live["page"]
    page.seo_title = "Magnesium and migraine: the evidence"
    page.meta_description = "What trials found when people with migraine took magnesium."
    services.page_save(page=page)
    article.hero_image = png_file("hero.png")
    article.hero_image_alt = "A bath"
    services.page_save(page=article)

    condition = head_tags(client.get(page.get_absolute_url()))
    assert condition["title"] == "Magnesium and migraine: the evidence | Magnesium Works"
    assert condition["description"] == page.meta_description
    assert condition["canonical"] == "http://testserver/conditions/migraine/"
    assert condition["og:url"] == condition["canonical"]
    assert condition["og:type"] == "article"
    assert condition["og:title"] == "Magnesium and migraine: the evidence"
    assert condition["og:description"] == page.meta_description
    assert "og:image" not in condition

    reading = head_tags(client.get(article.get_absolute_url()))
    assert reading["title"] == f"{article.title} | Magnesium Works"
    assert reading["description"] == article.summary
    assert reading["canonical"] == "http://testserver/articles/magnesium-research/"
    assert reading["og:image"].startswith("http://testserver/media/content/article/")

    listing = head_tags(client.get("/articles/"))
    assert listing["og:type"] == "website"
    assert listing["canonical"] == "http://testserver/articles/"
    titles = {condition["title"], reading["title"], listing["title"]}
    titles.add(head_tags(client.get("/conditions/"))["title"])
    assert len(titles) == 4


def test_articles_are_listed_ten_to_a_page_and_a_bad_page_is_a_404(client):
    for day in range(12):
        ArticleFactory(published=True, first_published_at=ago(days=day + 1))

    first = client.get("/articles/")
    second = client.get("/articles/", {"page": 2})

    assert len(soup(first).select("ol.content-list > li")) == 10
    assert len(soup(second).select("ol.content-list > li")) == 2
    assert head_tags(second)["canonical"] == "http://testserver/articles/?page=2"
    assert head_tags(second)["title"] != head_tags(first)["title"]
    for bad in ["3", "0", "-1", "abc", "1.5", "99999999999999999999"]:
        assert client.get("/articles/", {"page": bad}).status_code == 404, bad


def render(template: str, **context) -> str:
    return Template("{% load content_tags %}" + template).render(Context(context))


def related_reading(html: str) -> list[tuple[str, str]]:
    """Return the "Related reading" links in ``html`` as (text, address) pairs."""
    section = BeautifulSoup(html, "html.parser").select_one("section.related-reading")
    if section is None:
        return []
    return [(link.get_text(strip=True), link["href"]) for link in section.select("li a")]


def test_the_product_page_names_no_condition_where_the_market_forbids_it(settings, live):
    settings.CLAIMS_MARKET = "uk"
    page, article = live["page"], live["article"]
    page.neutral_title = "Magnesium and the nervous system"
    services.page_save(page=page)

    html = render("{% related_content product %}", product=live["product"])

    text = BeautifulSoup(html, "html.parser").get_text()
    assert "Related reading" in text
    assert "migraine" not in text.lower()
    assert related_reading(html) == [
        ("Magnesium and the nervous system", page.get_absolute_url()),
        ("Magnesium: what the research says", article.get_absolute_url()),
    ]


def test_the_product_page_names_conditions_in_the_us(settings, live):
    settings.CLAIMS_MARKET = "us"

    html = render("{% related_content product %}", product=live["product"])

    assert related_reading(html) == [
        ("Read about magnesium and migraine headaches", live["page"].get_absolute_url()),
        ("Magnesium: what the research says", live["article"].get_absolute_url()),
    ]
    assert "Food and Drug Administration" in html


def test_a_page_without_a_neutral_title_is_linked_as_a_research_summary(settings):
    settings.CLAIMS_MARKET = "eu"
    product = sized_product()
    cramp = ConditionPageFactory(published=True, title="Cramp", slug="cramp", products=[product])
    sleep = ConditionPageFactory(published=True, title="Sleep", slug="sleep", products=[product])
    ConditionPageFactory(title="Draft page", neutral_title="Never shown", products=[product])

    html = render("{% related_content product %}", product=product)

    assert cramp.neutral_title == sleep.neutral_title == ""
    text = BeautifulSoup(html, "html.parser").get_text()
    assert "Cramp" not in text and "Sleep" not in text
    assert related_reading(html) == [
        ("Magnesium research summary", cramp.get_absolute_url()),
        ("Magnesium research summary (2)", sleep.get_absolute_url()),
    ]


def test_a_product_without_live_content_shows_no_related_reading(live):
    product = sized_product()
    ConditionPageFactory(status=Status.DRAFT, products=[product])
    ConditionPageFactory(published=True, publish_at=from_now(days=1), products=[product])

    assert render("{% related_content product %}", product=product).strip() == ""


def test_related_content_is_one_query_then_cached_until_content_changes(settings, live):
    settings.CLAIMS_MARKET = "us"
    product = live["product"]

    with CaptureQueriesContext(connection) as first:
        render("{% related_content product %}", product=product)
    with CaptureQueriesContext(connection) as second:
        render("{% related_content product %}", product=product)
    assert (len(first), len(second)) == (1, 0)

    ConditionPageFactory(published=True, title="Sleep", products=[product])
    assert "Sleep" not in render("{% related_content product %}", product=product)
    services.content_changed()
    assert "magnesium and sleep" in render("{% related_content product %}", product=product)


def test_related_content_at_a_chosen_time_includes_scheduled_pages(live):
    product = live["product"]
    ConditionPageFactory(
        published=True, title="Sleep", publish_at=from_now(hours=2), products=[product]
    )

    now = selectors.product_related_content(product, at=timezone.now())
    later = selectors.product_related_content(product, at=from_now(hours=3))

    assert [link.title for link in now.condition_pages] == ["Migraine headaches"]
    assert [link.title for link in later.condition_pages] == ["Migraine headaches", "Sleep"]


def test_related_content_carries_each_pages_neutral_title_in_its_one_query(live):
    product = live["product"]
    ConditionPageFactory(
        published=True, title="Sleep", neutral_title="Magnesium and rest", products=[product]
    )

    with CaptureQueriesContext(connection) as queries:
        related = selectors.product_related_content(product)

    assert len(queries) == 1
    assert [(link.title, link.neutral_title) for link in related.condition_pages] == [
        ("Migraine headaches", ""),
        ("Sleep", "Magnesium and rest"),
    ]
    assert [link.url for link in related.articles] == [live["article"].get_absolute_url()]


def product_for_page(product):
    """Return ``product`` as the product page loads it (store.search.selectors)."""
    from store.search.selectors import product_page_products

    return product_page_products().get(pk=product.pk)


def shopper_request():
    request = RequestFactory().get("/")
    request.strategy = Selector().strategy()
    return request


def test_the_product_json_ld_offers_each_size_with_price_and_availability(live):
    product = live["product"]
    sizes = list(product.children.order_by("pk"))
    sizes[2].stockrecords.update(num_in_stock=0)
    loaded = product_for_page(product)

    with CaptureQueriesContext(connection) as queries:
        html = render("{% product_json_ld product %}", product=loaded, request=shopper_request())
    data = json.loads(BeautifulSoup(html, "html.parser").script.string)

    assert len(queries) == 0
    assert data["@type"] == "Product"
    assert data["name"] == "Zechstein bath flakes"
    assert data["url"] == f"http://testserver{product.get_absolute_url()}"
    offers = data["offers"]
    assert [offer["price"] for offer in offers] == ["6.50", "11.50", "16.50"]
    assert {offer["priceCurrency"] for offer in offers} == {"GBP"}
    assert [offer["availability"] for offer in offers] == [
        "https://schema.org/InStock",
        "https://schema.org/InStock",
        "https://schema.org/OutOfStock",
    ]
    assert {offer["url"] for offer in offers} == {data["url"]}


def test_the_product_json_ld_of_a_standalone_product_has_one_offer():
    oil = ParentProductFactory(title="Magnesium oil", structure=Product.STANDALONE)
    StockRecordFactory(product=oil, price=Decimal("12.00"))

    html = render(
        "{% product_json_ld product %}", product=product_for_page(oil), request=shopper_request()
    )
    data = json.loads(BeautifulSoup(html, "html.parser").script.string)

    assert data["offers"]["@type"] == "Offer"
    assert data["offers"]["price"] == "12.00"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
