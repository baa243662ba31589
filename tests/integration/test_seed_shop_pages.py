"""The seed publishes the first version of each shop page, holding no fact that changes without
its words, and never overwrites what editors made of a page."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from content.audit import page_claim_findings
from content.claims import MARKETS
from content.models import Revision, ShopPage, Status
from content.selectors import revisions_of
from content.shop_page_texts import SHOP_PAGES
from content.shop_pages import ShopPageSlot

pytestmark = pytest.mark.django_db


def run(command: str) -> str:
    """Run the management command ``command`` and return what it printed."""
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded():
    """Seed the demo shop, then the demo content, and return what seed_content printed."""
    run("seed_shop")
    return run("seed_content")


def test_the_seed_publishes_every_shop_page_through_the_publishing_service(seeded):
    pages = {page.slug: page for page in ShopPage.objects.live()}

    assert set(pages) == set(ShopPageSlot)
    for page in pages.values():
        assert page.status == Status.PUBLISHED
        assert page.summary and page.meta_description
        assert [revision.action for revision in revisions_of(page)] == [
            Revision.Action.PUBLISHED,
            Revision.Action.CREATED,
        ]
    assert "6 shop pages" in seeded


def test_every_seeded_page_answers_at_its_address(seeded, client):
    for slot in ShopPageSlot:
        assert client.get(f"/{slot}/").status_code == 200, slot


def test_the_returns_page_explains_the_right_to_cancel():
    (returns,) = [spec for spec in SHOP_PAGES if spec.slot == ShopPageSlot.RETURNS]
    words = " ".join(returns.body.split())

    for promise in (
        "within 14 days of the day you receive the goods",
        "You pay the postage for returning them",
        "within 14 days of the day the goods reach us",
        "model cancellation form",
    ):
        assert promise in words


def test_the_seeded_words_hold_none_of_the_facts_shown_beside_them():
    facts = [
        settings.SHOP_TRADER_NAME,
        settings.SHOP_TRADER_COMPANY_NUMBER,
        settings.SHOP_TRADER_VAT_NUMBER,
        settings.SHOP_TRADER_EMAIL,
        settings.SHOP_TRADER_PHONE,
        *settings.SHOP_TRADER_ADDRESS[:-1],
        "£",
    ]
    for spec in SHOP_PAGES:
        words = " ".join([spec.title, spec.summary, spec.body, spec.meta_description])
        assert [fact for fact in facts if fact in words] == [], spec.slot


@pytest.mark.parametrize("market", sorted(MARKETS))
def test_the_seeded_words_pass_the_claims_check_of_every_market(market):
    for spec in SHOP_PAGES:
        page = ShopPage(
            slug=spec.slot, title=spec.title, summary=spec.summary, body=spec.body, seo_title=""
        )
        assert page_claim_findings(page, market=market) == [], spec.slot


def test_running_the_seed_again_keeps_what_editors_made_of_the_pages(seeded):
    ShopPage.objects.filter(slug=ShopPageSlot.TERMS).update(body="<p>Our own terms.</p>")
    ShopPage.objects.filter(slug=ShopPageSlot.ABOUT).update(status=Status.DRAFT)
    ShopPage.objects.filter(slug=ShopPageSlot.PRIVACY).delete()

    output = run("seed_content")

    assert ShopPage.objects.get(slug=ShopPageSlot.TERMS).body == "<p>Our own terms.</p>"
    assert ShopPage.objects.get(slug=ShopPageSlot.ABOUT).status == Status.DRAFT
    assert ShopPage.objects.get(slug=ShopPageSlot.PRIVACY).is_live()
    assert "(created 1 rows)" in output
