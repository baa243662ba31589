"""The public content pages: articles, condition pages, their feed and the sitemap."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model

from content import selectors, services
from content.models import Status
from tests.content_factories import ArticleFactory, CitationFactory, ConditionPageFactory
from tests.content_pages import ago, from_now, soup
from tests.factories import CategoryFactory, png_file, sized_product

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


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
    services.page_save(
        page=page,
        skip_permission_checks=True,
        citations=[*page.citations.all(), extra_source],
    )

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
    services.page_save(page=article, skip_permission_checks=True)
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


def test_the_article_page_describes_itself_as_a_schema_org_article(client, live):
    article = live["article"]
    article.hero_image = png_file("hero.png")
    article.hero_image_alt = "A bath"
    services.page_save(page=article, skip_permission_checks=True)

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
    services.page_save(page=page, skip_permission_checks=True)
    article.hero_image = png_file("hero.png")
    article.hero_image_alt = "A bath"
    services.page_save(page=article, skip_permission_checks=True)

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
